"""Fonts for printed sheets: one that has Latin, Greek, Cyrillic and Arabic letters (DejaVu
Sans, Noto Sans, Segoe UI, Arial), its bold, and one for Chinese, Japanese and Korean
(Noto Sans CJK, Droid Sans Fallback, Microsoft YaHei...), embedded in each PDF.

They are looked for, in this order, in the folder ``$BOOTHAPP_FONT_DIR``, in the
application's own ``resources/fonts`` (found by :func:`boothapp.resources.resource_path`
in a checkout, a wheel or a bundle), then in the system's font folders. boothapp ships
DejaVu Sans and DejaVu Sans Bold there (about 1.5 MB, licence in
``resources/fonts/LICENSE-DejaVu.txt``), so the Latin, Greek, Cyrillic and Arabic text
of a sheet looks the same on every laptop. It does not ship a CJK font: Noto Sans CJK is
about 20 MB a face, so Chinese, Japanese and Korean come from the system's fonts.

Without a Unicode font the sheets are still printed, with Helvetica, and text it cannot
show is printed as "?" with a warning (see :class:`FontSet`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from boothapp.resources import resource_path

FONT_DIR_VARIABLE: Final = "BOOTHAPP_FONT_DIR"

REGULAR_NAMES: Final = (
    "DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "segoeui.ttf",
    "arial.ttf",
    "Arial.ttf",
    "Arial Unicode.ttf",
)
BOLD_NAMES: Final = (
    "DejaVuSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "segoeuib.ttf",
    "arialbd.ttf",
    "Arial Bold.ttf",
)
CJK_NAMES: Final = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansCJKjp-Regular.otf",
    "NotoSansSC-Regular.otf",
    "NotoSansSC-Regular.ttf",
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "wqy-microhei.ttc",
    "msyh.ttc",
    "msgothic.ttc",
    "malgun.ttf",
    "Arial Unicode.ttf",
)
"""Candidates for the CJK fallback, best first: file names as the fonts' packages ship them."""


@dataclass(frozen=True)
class FontSet:
    """The font files to embed; None where none was found. ``cjk`` is a fallback for
    the characters ``regular`` lacks."""

    regular: Path | None
    bold: Path | None
    cjk: Path | None

    def missing(self) -> list[str]:
        """What is missing, as sentences for a warning."""
        problems: list[str] = []
        if self.regular is None:
            problems.append(
                "no Unicode font found (DejaVu Sans, Noto Sans, Segoe UI or Arial): sheets "
                "are printed with Helvetica, and letters outside Western European ones as '?'"
            )
        if self.cjk is None:
            problems.append(
                "no font for Chinese, Japanese and Korean found (Noto Sans CJK or Droid Sans "
                "Fallback): such names are printed as '?'"
            )
        return problems


def _bundled_dirs() -> list[Path]:
    """``$BOOTHAPP_FONT_DIR``, then the fonts shipped with boothapp (none when its
    resources are missing: the system's fonts still serve)."""
    folders: list[Path] = []
    given = os.environ.get(FONT_DIR_VARIABLE)
    if given:
        folders.append(Path(given))
    with contextlib.suppress(FileNotFoundError):
        folders.append(resource_path("fonts"))
    return folders


def _system_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home)))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/System/Library/Fonts"),
        ]
    data_dirs = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
    return [
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        *(Path(folder) / "fonts" for folder in data_dirs if folder),
    ]


def _files_in(folders: list[Path]) -> dict[str, Path]:
    """File name (lower case) -> the first file of that name in ``folders``, searched
    through."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, names in os.walk(folder):
            for name in names:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def _first(files: dict[str, Path], names: tuple[str, ...]) -> Path | None:
    for name in names:
        path = files.get(name.lower())
        if path is not None:
            return path
    return None


def find_fonts(folders: list[Path] | None = None) -> FontSet:
    """The fonts to print with, looked for in ``folders`` (default: the application's
    own, then the system's). The bundled folders are searched before the system's, so a
    font shipped with the application always wins; the CJK fallback, not shipped, comes
    from the system."""
    if folders is None:
        return _default_fonts()
    files = _files_in(folders)
    regular = _first(files, REGULAR_NAMES)
    bold = _first(files, BOLD_NAMES) if regular is not None else None
    return FontSet(regular=regular, bold=bold, cjk=_first(files, CJK_NAMES))


@cache
def _default_fonts() -> FontSet:
    bundled = find_fonts(_bundled_dirs())
    system = find_fonts(_system_dirs())
    regular = bundled.regular or system.regular
    bold = bundled.bold if bundled.regular is not None else system.bold
    return FontSet(regular=regular, bold=bold, cjk=bundled.cjk or system.cjk)

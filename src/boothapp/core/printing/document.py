"""The page every printed sheet is made on: fpdf2 with the fonts of :mod:`.fonts`,
right-to-left text put in drawing order (:mod:`.rtl`), barcodes drawn as vector
rectangles, a heading on each page and a footer with the page number.

Coordinates are millimetres from the top left corner. Text no font found can show is
printed as "?" and said in :attr:`Printed.warnings`; nothing here raises for a missing
font.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, cast

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, WrapMode, XPos, YPos
from fpdf.fonts import TTFFont

from boothapp import APP_NAME, __version__
from boothapp.core.errors import ValidationError
from boothapp.core.printing.fonts import FontSet, find_fonts
from boothapp.core.printing.rtl import has_rtl, reorder, shape_arabic
from boothapp.core.printing.symbols import Symbol, dark_runs

_log = logging.getLogger(__name__)


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"


PAPER_SIZES: Final[dict[Paper, tuple[float, float]]] = {
    Paper.A4: (210.0, 297.0),
    Paper.LETTER: (215.9, 279.4),
}
LETTER_COUNTRIES: Final = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})
"""Where sheets are printed on US Letter paper by default."""

MARGIN: Final = 12.0
FOOTER_HEIGHT: Final = 8.0
PT: Final = 25.4 / 72
"""One typographic point in millimetres."""

_REGULAR = "sheet"
_CJK = "sheet-cjk"
_CORE = "helvetica"
_LATIN_1: Final = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100))
_MISSING_SHOWN = 12


def paper_for(country: str | None) -> Paper:
    """The paper sheets are printed on in ``country`` (ISO alpha-2): Letter in the
    Americas that use it, else A4."""
    return Paper.LETTER if country in LETTER_COUNTRIES else Paper.A4


@dataclass(frozen=True)
class Printed:
    """A document made: the PDF's bytes, its pages, and what went wrong on the way (a font
    not found, a picture left out), as sentences to show."""

    data: bytes
    pages: int
    warnings: tuple[str, ...] = ()


@dataclass
class _Heading:
    title: str = ""
    subtitle: str = ""
    footer: str = ""


class _Pdf(FPDF):
    """FPDF that draws the document's heading at the top of each page and its footer."""

    def __init__(self, document: Document, paper: Paper) -> None:
        width, height = PAPER_SIZES[paper]
        super().__init__(unit="mm", format=(width, height))
        self.document = document

    def header(self) -> None:
        self.document.draw_heading()

    def footer(self) -> None:
        self.document.draw_footer()


@dataclass
class _Coverage:
    chars: set[int] = field(default_factory=set)
    cjk_loaded: bool = False
    missing: dict[str, None] = field(default_factory=dict)


class Document:
    """One PDF under construction. ``y`` is where the next line goes; :meth:`room`
    starts a new page when what comes next does not fit above the footer."""

    def __init__(
        self,
        title: str,
        paper: Paper = Paper.A4,
        *,
        subtitle: str = "",
        footer: str = "",
        fonts: FontSet | None = None,
    ) -> None:
        self.paper = paper
        self.width, self.height = PAPER_SIZES[paper]
        self.left = MARGIN
        self.right = self.width - MARGIN
        self.bottom = self.height - MARGIN - FOOTER_HEIGHT
        self.heading = _Heading(title=title, subtitle=subtitle, footer=footer)
        self.warnings: list[str] = []
        self.fonts = fonts if fonts is not None else find_fonts()
        self.pdf = _Pdf(self, paper)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.pdf.c_margin = 0
        self.pdf.set_creator(f"{APP_NAME} {__version__}")
        self.pdf.set_title(title)
        self._coverage = _Coverage()
        self._load_fonts()
        self.y = MARGIN

    # --- fonts and text -------------------------------------------------------------

    def _load_fonts(self) -> None:
        fonts = self.fonts
        if fonts.regular is None:
            _log.warning("printing: %s", fonts.missing()[0])
            self.warnings.append(fonts.missing()[0])
            self._coverage.chars = set(_LATIN_1)
            return
        self.pdf.add_font(_REGULAR, "", str(fonts.regular))
        self.pdf.add_font(_REGULAR, "B", str(fonts.bold or fonts.regular))
        for key in (_REGULAR, f"{_REGULAR}B"):
            font = self.pdf.fonts[key]
            if isinstance(font, TTFFont):
                self._coverage.chars |= set(font.cmap)

    def _load_cjk(self) -> None:
        coverage = self._coverage
        coverage.cjk_loaded = True
        if self.fonts.regular is None or self.fonts.cjk is None:
            return
        self.pdf.add_font(_CJK, "", str(self.fonts.cjk))
        font = self.pdf.fonts[_CJK]
        if isinstance(font, TTFFont):
            coverage.chars |= set(font.cmap)
        self.pdf.set_fallback_fonts([_CJK], exact_match=False)

    def set_font(self, size: float, bold: bool = False) -> None:
        """``size`` in points."""
        if self.fonts.regular is None:
            self.pdf.set_font(_CORE, "B" if bold else "", size)
        else:
            self.pdf.set_font(_REGULAR, "B" if bold else "", size)

    def printable(self, text: str) -> str:
        """``text`` with Arabic joined, and what no font has as "?" (noted for the
        warnings); still in reading order (see :meth:`drawn`)."""
        text = shape_arabic(text) if has_rtl(text) else text
        coverage = self._coverage
        chars = coverage.chars
        if all(ord(char) in chars or char == "\n" for char in text):
            return text
        if not coverage.cjk_loaded:
            self._load_cjk()
        if all(ord(char) in chars or char == "\n" for char in text):
            return text
        kept: list[str] = []
        for char in text:
            if ord(char) in chars or char == "\n":
                kept.append(char)
            elif char in "\u200c\u200d\ufe0f":
                continue
            else:
                coverage.missing[char] = None
                kept.append("?")
        return "".join(kept)

    def drawn(self, line: str) -> str:
        """A line of :meth:`printable` text in drawing order (right-to-left runs turned)."""
        return reorder(line) if has_rtl(line) else line

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines of at most ``width`` mm in the current font, in
        reading order."""
        if not text:
            return []
        lines = self.pdf.multi_cell(
            width,
            1,
            self.printable(text),
            dry_run=True,
            output=MethodReturnValue.LINES,
            wrapmode=WrapMode.WORD,
        )
        return [str(line) for line in cast(Sequence[str], lines)]

    def text_width(self, text: str) -> float:
        return float(self.pdf.get_string_width(self.printable(text)))

    def fitting_size(self, text: str, width: float, size: float, smallest: float) -> float:
        """The font size, from ``size`` down to ``smallest`` points, at which ``text``
        fits on one line of ``width`` mm (``smallest`` when none does)."""
        self.set_font(size)
        natural = self.text_width(text)
        if natural <= width:
            return size
        return max(smallest, size * width / natural * 0.98)

    def line_height(self, size: float) -> float:
        return size * PT * 1.22

    def text(
        self,
        text: str,
        x: float,
        y: float,
        width: float,
        size: float,
        *,
        bold: bool = False,
        align: str = "L",
        max_lines: int = 1,
    ) -> float:
        """Writes ``text`` from (x, y) within ``width``, wrapped on at most ``max_lines``
        lines (the last one cut with "…"); returns the height used."""
        self.set_font(size, bold)
        lines = self.wrap(text, width)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = self._cut(lines[-1] + "…", width)
        height = self.line_height(size)
        for index, line in enumerate(lines):
            self.pdf.set_xy(x, y + index * height)
            self.pdf.cell(
                width, height, self.drawn(line), align=align, new_x=XPos.RIGHT, new_y=YPos.TOP
            )
        return height * len(lines)

    def _cut(self, line: str, width: float) -> str:
        while len(line) > 1 and self.pdf.get_string_width(line) > width:
            line = line[:-2] + "…"
        return line

    # --- page ------------------------------------------------------------------------

    def draw_heading(self) -> None:
        heading = self.heading
        self.text(heading.title, self.left, MARGIN, self.right - self.left, 14, bold=True)
        y = MARGIN + self.line_height(14)
        if heading.subtitle:
            y += self.text(heading.subtitle, self.left, y, self.right - self.left, 8.5, max_lines=3)
        self.pdf.set_draw_color(150)
        self.pdf.set_line_width(0.2)
        self.pdf.line(self.left, y + 1.5, self.right, y + 1.5)
        self.y = y + 4

    def draw_footer(self) -> None:
        footer = self.heading.footer
        page = f"page {self.pdf.page_no()} of {self.pdf.str_alias_nb_pages}"
        text = f"{footer} · {page}" if footer else page
        self.text(text, self.left, self.height - MARGIN - 4, self.right - self.left, 7.5, align="C")

    def new_page(self) -> None:
        self.pdf.add_page()

    def room(self, height: float) -> None:
        """Starts a new page unless ``height`` mm fit below ``y`` on this one."""
        if self.pdf.page == 0 or self.y + height > self.bottom:
            self.new_page()

    # --- codes and pictures --------------------------------------------------------

    def symbol(
        self, symbol: Symbol, x: float, y: float, width: float, height: float | None = None
    ) -> tuple[float, float]:
        """Draws ``symbol`` centred in the box (x, y, width, height): a 2D code with
        square modules as large as fit, a linear code as wide as the box and
        ``height`` tall (default: a third of its width). Returns its (width, height)."""
        pdf = self.pdf
        pdf.set_fill_color(0)
        if symbol.linear:
            bar_height = height if height is not None else width / 3
            module = width / symbol.columns
            for _row, column, length in dark_runs(symbol):
                pdf.rect(x + column * module, y, length * module, bar_height, style="F")
            return width, bar_height
        box_height = height if height is not None else width
        module = min(width / symbol.columns, box_height / symbol.rows)
        drawn_width, drawn_height = module * symbol.columns, module * symbol.rows
        left = x + (width - drawn_width) / 2
        top = y + (box_height - drawn_height) / 2
        for row, column, length in dark_runs(symbol):
            pdf.rect(left + column * module, top + row * module, length * module, module, "F")
        return drawn_width, drawn_height

    def picture(self, path: Path, x: float, y: float, width: float, height: float) -> bool:
        """Draws the picture at ``path`` fitted into the box; False (and a warning) when
        it cannot be read."""
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as opened:
                image = opened.convert("RGB")
        except (OSError, UnidentifiedImageError, ValueError) as error:
            self.warn(f"picture {path} left out: {error}")
            return False
        image.thumbnail((1200, 1200))
        ratio = min(width / image.width, height / image.height)
        shown_width, shown_height = image.width * ratio, image.height * ratio
        self.pdf.image(
            image,
            x=x + (width - shown_width) / 2,
            y=y + (height - shown_height) / 2,
            w=shown_width,
            h=shown_height,
        )
        return True

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- result ----------------------------------------------------------------------

    def finish(self) -> Printed:
        if self.pdf.page == 0:
            self.new_page()
        missing = list(self._coverage.missing)
        if missing:
            shown = " ".join(missing[:_MISSING_SHOWN]) + (
                " …" if len(missing) > _MISSING_SHOWN else ""
            )
            message = f"{len(missing)} character(s) printed as '?' ({shown})"
            if self.fonts.regular is not None:
                # Without any Unicode font, the first warning already says why.
                message += ": " + ("; ".join(self.fonts.missing()) or "no font found has them")
            self.warn(message)
        data = bytes(self.pdf.output())
        return Printed(data=data, pages=self.pdf.page, warnings=tuple(self.warnings))


def write_file(path: Path, data: bytes | str) -> None:
    """Writes ``data`` to ``path`` whole or not at all (through a temporary file
    beside it); ``ValidationError("output", ...)`` names the file when it cannot."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    partial = path.with_name(f".{path.name}.part")
    try:
        partial.write_bytes(payload)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise ValidationError("output", f"cannot write {path}: {reason}") from None

"""Writing a code or a sheet to the file a person named: PNG, SVG or PDF by its suffix."""

from __future__ import annotations

import enum
from pathlib import Path

from boothapp.core.badges.symbologies import Symbology
from boothapp.core.errors import ValidationError
from boothapp.core.printing.cards import code_page
from boothapp.core.printing.document import Paper, Printed, write_file
from boothapp.core.printing.fonts import FontSet
from boothapp.core.printing.symbols import png_bytes, svg_text


class FileKind(enum.StrEnum):
    PNG = "png"
    SVG = "svg"
    PDF = "pdf"


def file_kind(path: Path) -> FileKind:
    """What ``path``'s suffix asks for; ``ValidationError("output", ...)`` for others."""
    suffix = path.suffix.lower().lstrip(".")
    try:
        return FileKind(suffix)
    except ValueError:
        raise ValidationError(
            "output", f"{path.name}: name a .png, .svg or .pdf file to write"
        ) from None


def write_code(
    path: Path,
    text: str,
    *,
    title: str,
    caption: str = "",
    symbology: Symbology = Symbology.QR,
    paper: Paper = Paper.A4,
    fonts: FontSet | None = None,
) -> tuple[str, ...]:
    """Writes the code of ``text``: the code alone as PNG or SVG, or a page with it under
    ``title`` (``caption`` below) as PDF. Returns the warnings of making it."""
    kind = file_kind(path)
    if kind is FileKind.PNG:
        write_file(path, png_bytes(text, symbology))
        return ()
    if kind is FileKind.SVG:
        write_file(path, svg_text(text, symbology))
        return ()
    printed = code_page(text, title, caption, symbology=symbology, paper=paper, fonts=fonts)
    write_file(path, printed.data)
    return printed.warnings


def require_pdf(path: Path, what: str) -> None:
    """Refuses, before anything is made, to write ``what`` (a sheet of several codes or
    pages, which only a PDF holds) to a file that is not a PDF."""
    if file_kind(path) is not FileKind.PDF:
        raise ValidationError(
            "output",
            f"{what} has several codes and pages, which only a PDF holds: "
            f"name a .pdf file instead of {path.name}",
        )


def write_printed(path: Path, printed: Printed) -> tuple[str, ...]:
    """Writes a made PDF; returns its warnings."""
    write_file(path, printed.data)
    return printed.warnings

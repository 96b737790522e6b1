"""Rows of labelled codes under section headings, across pages: the layout of the capture
sheet and of the test badge sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from boothapp.core.badges.symbologies import Symbology
from boothapp.core.printing.document import Document
from boothapp.core.printing.symbols import make_symbol

HEADING_SIZE = 10.5
TITLE_SIZE = 8.0
DETAIL_SIZE = 6.5
GAP = 2.0


@dataclass(frozen=True)
class Tile:
    """One code with its label: ``title`` (up to two lines) and a smaller ``detail``."""

    code: str
    title: str
    detail: str = ""
    symbology: Symbology = Symbology.QR


@dataclass(frozen=True)
class Grid:
    """``columns`` tiles a row, codes ``code_size`` mm tall (linear codes: half)."""

    columns: int
    code_size: float
    title_lines: int = 2
    detail_lines: int = 1

    def tile_height(self, document: Document) -> float:
        return (
            GAP
            + self.code_size
            + GAP
            + document.line_height(TITLE_SIZE) * self.title_lines
            + document.line_height(DETAIL_SIZE) * self.detail_lines
            + GAP
        )


def heading_height(document: Document) -> float:
    return document.line_height(HEADING_SIZE) + GAP


def draw_section(document: Document, heading: str, tiles: Sequence[Tile], grid: Grid) -> None:
    """``heading``, then ``tiles`` in rows; a heading never ends a page, and a section
    that goes on to the next page repeats its heading there, "(continued)"."""
    if not tiles:
        return
    tile_height = grid.tile_height(document)
    document.room(heading_height(document) + tile_height)
    _heading(document, heading)
    column_width = (document.right - document.left) / grid.columns
    for start in range(0, len(tiles), grid.columns):
        if document.y + tile_height > document.bottom:
            document.new_page()
            _heading(document, f"{heading} (continued)")
        for index, tile in enumerate(tiles[start : start + grid.columns]):
            x = document.left + index * column_width
            _tile(document, tile, x, document.y, column_width, tile_height, grid)
        document.y += tile_height
    document.y += GAP


def _heading(document: Document, heading: str) -> None:
    width = document.right - document.left
    document.text(heading, document.left, document.y, width, HEADING_SIZE, bold=True)
    document.y += heading_height(document)


def _tile(
    document: Document, tile: Tile, x: float, y: float, width: float, height: float, grid: Grid
) -> None:
    pdf = document.pdf
    pdf.set_draw_color(190)
    pdf.set_line_width(0.15)
    pdf.rect(x + 0.8, y, width - 1.6, height - 0.8)
    symbol = make_symbol(tile.code, tile.symbology)
    inner = width - 2 * GAP - 1.6
    if symbol.linear:
        code_height = grid.code_size / 2
        document.symbol(symbol, x + 0.8 + GAP, y + GAP + grid.code_size / 4, inner, code_height)
    else:
        document.symbol(symbol, x + 0.8 + GAP, y + GAP, inner, grid.code_size)
    text_y = y + GAP + grid.code_size + GAP
    text_y += document.text(
        tile.title,
        x + 1.5,
        text_y,
        width - 3,
        TITLE_SIZE,
        bold=True,
        align="C",
        max_lines=grid.title_lines,
    )
    if tile.detail:
        document.text(
            tile.detail,
            x + 1.5,
            text_y,
            width - 3,
            DETAIL_SIZE,
            align="C",
            max_lines=grid.detail_lines,
        )

"""Barcodes of every symbology boothapp prints, made by zxing-cpp: as a grid of modules
(for drawing into a PDF), a PNG or an SVG.

Text is encoded as UTF-8 (QR Code, Data Matrix, Aztec and PDF417 mark it so, and
zxing-cpp reads it back as the same text); the linear symbologies take what they can
carry (Code 39: upper-case letters, digits and ``-. $/+%``; ITF and EAN-13: digits).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import zxingcpp

from boothapp.core.badges.symbologies import LINEAR, SYMBOLOGY_LABELS, ZXING_FORMATS, Symbology
from boothapp.core.errors import ValidationError

_SVG_SIZE: Final = re.compile(r'<svg width="(?P<width>[0-9.]+)" height="(?P<height>[0-9.]+)"')

PNG_SCALE: Final = 10
"""Pixels per module of a PNG of a 2D code; linear codes get a third of it."""


@dataclass(frozen=True)
class Symbol:
    """One barcode: ``dark`` is its grid of modules, quiet zone included (True: dark).
    A linear code's grid is one row: its bars, drawn as tall as the layout wants."""

    text: str
    symbology: Symbology
    dark: npt.NDArray[np.bool_]

    @property
    def linear(self) -> bool:
        return self.symbology in LINEAR

    @property
    def columns(self) -> int:
        return int(self.dark.shape[1])

    @property
    def rows(self) -> int:
        return int(self.dark.shape[0])


def _barcode(text: str, symbology: Symbology, ec_level: str | None) -> zxingcpp.Barcode:
    options = {"ec_level": ec_level} if ec_level and symbology is Symbology.QR else {}
    try:
        return zxingcpp.create_barcode(text, ZXING_FORMATS[symbology], **options)
    except ValueError as error:
        label = SYMBOLOGY_LABELS[symbology]
        raise ValidationError("code", f"{label} cannot carry {text!r}: {error}") from None


def make_symbol(text: str, symbology: Symbology = Symbology.QR, ec_level: str = "M") -> Symbol:
    """The barcode of ``text``; ``ec_level`` (L, M, Q, H) applies to QR codes. Raises
    ``ValidationError("code", ...)`` for text the symbology cannot carry."""
    barcode = _barcode(text, symbology, ec_level)
    pixels = np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=1))
    dark = pixels < 128
    if symbology in LINEAR:
        dark = dark[dark.shape[0] // 2 : dark.shape[0] // 2 + 1, :]
    return Symbol(text=text, symbology=symbology, dark=np.ascontiguousarray(dark))


def png_bytes(text: str, symbology: Symbology = Symbology.QR, ec_level: str = "M") -> bytes:
    """The barcode as a black-and-white PNG; linear codes carry their text under them."""
    from PIL import Image

    barcode = _barcode(text, symbology, ec_level)
    linear = symbology in LINEAR
    image = zxingcpp.write_barcode_to_image(
        barcode, scale=max(1, PNG_SCALE // 3) if linear else PNG_SCALE, add_hrt=linear
    )
    buffer = io.BytesIO()
    Image.fromarray(np.asarray(image)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def svg_text(text: str, symbology: Symbology = Symbology.QR, ec_level: str = "M") -> str:
    """The barcode as an SVG drawing, with a ``viewBox`` so that it scales to any size;
    linear codes carry their text under them."""
    barcode = _barcode(text, symbology, ec_level)
    linear = symbology in LINEAR
    svg = zxingcpp.write_barcode_to_svg(barcode, scale=PNG_SCALE // 2, add_hrt=linear)
    return _SVG_SIZE.sub(r'\g<0> viewBox="0 0 \g<width> \g<height>"', svg, count=1)


def dark_runs(symbol: Symbol) -> list[tuple[int, int, int]]:
    """The dark modules as (row, first column, length) runs, row by row: what a PDF draws
    as one rectangle each."""
    runs: list[tuple[int, int, int]] = []
    for row_index, row in enumerate(symbol.dark):
        padded = np.concatenate(([False], row, [False])).astype(np.int8)
        edges = np.flatnonzero(np.diff(padded))
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            runs.append((row_index, int(start), int(end - start)))
    return runs

"""Printing checked as a scanner sees it: PDF pages rendered to pictures with poppler's
``pdftoppm``, and the codes read back from them with zxing-cpp."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import zxingcpp
from PIL import Image

from boothapp.core.badges.symbologies import ZXING_FORMATS, Symbology

_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path is not None, (
        f"{name} (poppler-utils) is needed to check printed pages: install poppler-utils"
    )
    return path


def render_pages(pdf: bytes, folder: Path, dpi: int = 200) -> list[Path]:
    """Each page of ``pdf`` as an 8-bit gray PNG at ``dpi``, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", str(source), str(folder / "page")],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob("page-*.png"))


def codes_in(picture: Path, symbologies: Iterable[Symbology] = (Symbology.QR,)) -> list[str]:
    """The texts of the valid codes zxing-cpp finds in the picture."""
    formats = zxingcpp.BarcodeFormats([ZXING_FORMATS[symbology] for symbology in symbologies])
    with Image.open(picture) as image:
        found = zxingcpp.read_barcodes(image.convert("L"), formats=formats)
    return [result.text for result in found if result.valid]


def codes_on_pages(
    pdf: bytes,
    folder: Path,
    symbologies: Iterable[Symbology] = (Symbology.QR,),
    dpi: int = 200,
) -> list[list[str]]:
    """The codes read on each rendered page."""
    wanted = tuple(symbologies)
    return [codes_in(page, wanted) for page in render_pages(pdf, folder, dpi)]


def pdf_text(pdf: bytes, folder: Path, layout: bool = False) -> str:
    """The text of the PDF as poppler extracts it (``layout``: lines kept as they are
    laid out), NFKC-normalised (Arabic presentation forms back to letters) and without
    bidi marks."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "text.pdf"
    source.write_bytes(pdf)
    result = subprocess.run(
        [
            _tool("pdftotext"),
            *(["-layout"] if layout else []),
            "-enc",
            "UTF-8",
            str(source),
            "-",
        ],
        check=True,
        capture_output=True,
    )
    text = result.stdout.decode("utf-8")
    return unicodedata.normalize("NFKC", text).translate(_BIDI_MARKS)

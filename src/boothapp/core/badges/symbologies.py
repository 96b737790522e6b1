"""The barcode symbologies boothapp reads and prints, and zxing-cpp's names for them.

Badges of European shows mostly carry QR codes; North American and some European badges
use PDF417 or Data Matrix; linear codes (Code 128, Code 39, ITF, EAN-13) carry bare
badge IDs. Each show chooses which its camera and badge pictures look for
(``ScanService.symbologies``); all of them by default: zxing-cpp reads a 1280x720 frame
with all eight at about 130 frames a second on one core.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

import zxingcpp

from boothapp.core.errors import ValidationError


class Symbology(enum.StrEnum):
    QR = "qr"
    PDF417 = "pdf417"
    DATA_MATRIX = "datamatrix"
    AZTEC = "aztec"
    CODE128 = "code128"
    CODE39 = "code39"
    ITF = "itf"
    EAN13 = "ean13"


ZXING_FORMATS: Final[dict[Symbology, zxingcpp.BarcodeFormat]] = {
    Symbology.QR: zxingcpp.BarcodeFormat.QRCode,
    Symbology.PDF417: zxingcpp.BarcodeFormat.PDF417,
    Symbology.DATA_MATRIX: zxingcpp.BarcodeFormat.DataMatrix,
    Symbology.AZTEC: zxingcpp.BarcodeFormat.Aztec,
    Symbology.CODE128: zxingcpp.BarcodeFormat.Code128,
    Symbology.CODE39: zxingcpp.BarcodeFormat.Code39,
    Symbology.ITF: zxingcpp.BarcodeFormat.ITF,
    Symbology.EAN13: zxingcpp.BarcodeFormat.EAN13,
}
SYMBOLOGY_LABELS: Final[dict[Symbology, str]] = {
    Symbology.QR: "QR Code",
    Symbology.PDF417: "PDF417",
    Symbology.DATA_MATRIX: "Data Matrix",
    Symbology.AZTEC: "Aztec",
    Symbology.CODE128: "Code 128",
    Symbology.CODE39: "Code 39",
    Symbology.ITF: "ITF",
    Symbology.EAN13: "EAN-13",
}
LINEAR: Final = frozenset({Symbology.CODE128, Symbology.CODE39, Symbology.ITF, Symbology.EAN13})
ALL_SYMBOLOGIES: Final = tuple(Symbology)


def parse_symbologies(names: Iterable[str]) -> tuple[Symbology, ...]:
    """The symbologies named (``"qr"``, ``"pdf417"``...), each once, in the enum's order;
    ``ValidationError("symbologies", ...)`` names one that is not known."""
    chosen: set[Symbology] = set()
    for name in names:
        try:
            chosen.add(Symbology(str(name).strip().lower()))
        except ValueError:
            known = ", ".join(symbology.value for symbology in Symbology)
            raise ValidationError(
                "symbologies", f"{name!r} is no barcode symbology; known: {known}"
            ) from None
    return tuple(symbology for symbology in Symbology if symbology in chosen)


def zxing_formats(symbologies: Iterable[Symbology]) -> zxingcpp.BarcodeFormats:
    """What zxing-cpp is told to look for."""
    return zxingcpp.BarcodeFormats([ZXING_FORMATS[symbology] for symbology in symbologies])

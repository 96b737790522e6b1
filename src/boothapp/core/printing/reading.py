"""Reading the codes in a picture without Qt: ``boothapp scan --image`` and the check
that a printed sheet scans.

It does what the window's "Scan badge from image" does (``gui/scanning/camera.py``:
the picture in 8-bit gray, ``zxingcpp.read_barcodes`` restricted to the badge
symbologies, valid codes with text, in the order found), with Pillow opening the file
instead of QImage. :data:`IMAGE_SCAN_FORMATS` is the window's list.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

import zxingcpp
from PIL import Image, UnidentifiedImageError

from boothapp.core.errors import ValidationError
from boothapp.core.printing.symbols import ZXING_FORMATS, Symbology

IMAGE_SCAN_FORMATS: Final = (
    Symbology.QR,
    Symbology.CODE128,
    Symbology.CODE39,
    Symbology.ITF,
    Symbology.EAN13,
)
"""What a badge picture is searched for, as in the window (searching every symbology is
about ten times slower)."""


def decode_picture(
    image: Image.Image, formats: Iterable[Symbology] = IMAGE_SCAN_FORMATS
) -> list[str]:
    """Texts of the valid codes in ``image``, in the order zxing-cpp finds them."""
    wanted = zxingcpp.BarcodeFormats([ZXING_FORMATS[symbology] for symbology in formats])
    gray = image if image.mode == "L" else image.convert("L")
    return [
        result.text
        for result in zxingcpp.read_barcodes(gray, formats=wanted)
        if result.valid and result.text
    ]


def decode_image_file(
    path: str | Path, formats: Iterable[Symbology] = IMAGE_SCAN_FORMATS
) -> list[str]:
    """The codes in a photo or image file (empty when it shows none).

    Raises ``ValidationError("image", ...)`` when the file is missing or is not an image
    (the window's messages)."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("image", f"{path} does not exist: choose the photo again")
    try:
        with Image.open(path) as opened:
            opened.load()
            image = opened.convert("L")
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "image",
            f"{path.name} cannot be read as an image: use a PNG, JPEG, BMP or GIF file",
        ) from None
    return decode_picture(image, formats)

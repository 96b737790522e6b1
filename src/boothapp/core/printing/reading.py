"""Reading the codes in a picture without Qt: ``boothapp scan --image`` and the check
that a printed sheet scans.

It does what the window's "Scan badge from image" does (``gui/scanning/camera.py``:
the picture in 8-bit gray, ``zxingcpp.read_barcodes`` restricted to the badge
symbologies, valid codes with text, in the order found), with Pillow opening the file
instead of QImage. A show chooses what its pictures are searched for
(``ScanService.symbologies``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES, Symbology, zxing_formats
from boothapp.core.errors import ValidationError


def decode_picture(image: Image.Image, formats: Iterable[Symbology] = ALL_SYMBOLOGIES) -> list[str]:
    """Texts of the valid codes in ``image``, in the order zxing-cpp finds them."""
    wanted = zxing_formats(formats)
    gray = image if image.mode == "L" else image.convert("L")
    return [
        result.text
        for result in zxingcpp.read_barcodes(gray, formats=wanted)
        if result.valid and result.text
    ]


def decode_image_file(
    path: str | Path, formats: Iterable[Symbology] = ALL_SYMBOLOGIES
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

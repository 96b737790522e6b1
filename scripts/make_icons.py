"""Renders boothapp's icon, resources/icons/boothapp.svg, to the files the platforms use:

- resources/icons/png/boothapp-<size>.png at 16, 24, 32, 48, 64, 128, 256 and 512 px
  (Linux hicolor themes, the window icon, the README);
- resources/icons/boothapp.ico with 16, 24, 32, 48, 64, 128 and 256 px (Windows);
- resources/icons/boothapp.icns with 16 to 1024 px (macOS).

Each size is drawn from the SVG by Qt's QSvgRenderer (offscreen, no display needed), never
scaled down from a bigger picture, so small sizes stay sharp. Run it after editing the
SVG::

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "boothapp.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    return ICONS / "png" / f"boothapp-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at ``size`` x ``size`` pixels, as an RGBA Pillow image."""
    picture = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    straight = picture.convertToFormat(QImage.Format.Format_RGBA8888)  # not premultiplied
    return Image.frombuffer(
        "RGBA", (size, size), bytes(straight.constBits()), "raw", "RGBA", straight.bytesPerLine(), 1
    ).copy()


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})
    pictures = {size: render(renderer, size) for size in sizes}

    png_path(PNG_SIZES[0]).parent.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        pictures[size].save(png_path(size), optimize=True)

    largest_ico = pictures[max(ICO_SIZES)]
    largest_ico.save(
        ICONS / "boothapp.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[pictures[size] for size in ICO_SIZES],
    )
    largest_icns = pictures[max(ICNS_SIZES)]
    largest_icns.save(
        ICONS / "boothapp.icns",
        format="ICNS",
        append_images=[pictures[size] for size in ICNS_SIZES],
    )
    written = [png_path(size) for size in PNG_SIZES] + [
        ICONS / "boothapp.ico",
        ICONS / "boothapp.icns",
    ]
    for path in written:
        print(f"{path.relative_to(ICONS.parent.parent)}  {path.stat().st_size:>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

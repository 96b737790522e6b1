"""The window in the system's dark mode: every label and colour hint stays readable."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from gui_helpers import Booth, post_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from boothapp.gui.main_window import MainWindow
from boothapp.gui.models.lead_table import Column
from boothapp.gui.palette import contrast_ratio

READABLE = 4.5
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _label_contrast(label: QLabel) -> float:
    """The contrast of a label's text on its background, a translucent text colour
    blended over the background first."""
    text = label.palette().color(label.foregroundRole())
    background = label.palette().color(label.backgroundRole())
    alpha = text.alphaF()
    channels = zip(text.getRgbF()[:3], background.getRgbF()[:3], strict=True)
    seen = QColor.fromRgbF(*(alpha * t + (1 - alpha) * b for t, b in channels))
    return contrast_ratio(seen, background)


def test_labels_and_ratings_stay_readable_in_dark_and_light_mode(
    colour_mode: QPalette, booth: Booth, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.resize(1366, 768)
    post_text(window.capture.view.edits["email"], "zoe@")
    window.capture.validate_field("email")
    post_text(window.capture.view.edits["phone"], "12")
    window.capture.validate_field("phone")
    hints = window.capture.view.hints
    assert hints["email"].isVisible() and hints["phone"].isVisible()

    unreadable = [
        f"{label.objectName() or label.text()!r}"
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.text() and _label_contrast(label) < READABLE
    ]
    assert unreadable == []

    model = window.model
    base = colour_mode.color(QPalette.ColorRole.Base)
    rated = 0
    for row in range(model.rowCount()):
        colour = model.index(row, Column.RATING).data(Qt.ItemDataRole.ForegroundRole)
        if colour is not None:
            rated += 1
            assert contrast_ratio(colour, base) >= READABLE
    assert rated > 0

    dark = colour_mode.color(QPalette.ColorRole.Window).lightness() < 128
    if dark and os.environ.get("BOOTHAPP_UPDATE_SCREENSHOTS"):
        window.grab().save(str(DOCS / "main-window-dark.png"))

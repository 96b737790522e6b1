"""Colours that read in the system's light and dark modes.

boothapp uses the system's palette everywhere and adds colour only as a hint (ratings,
problems, the scanner light). Each hint is picked for the colour it is drawn on, from
the application palette at the time it is drawn, so a switch of the system's mode
while boothapp runs is followed by everything painted afterwards.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from boothapp.core.models import Rating

_LIGHT_PROBLEM = QColor("#b71c1c")
_DARK_PROBLEM = QColor("#ff8a80")
_LIGHT_RATING = {
    Rating.HOT: QColor("#c62828"),
    Rating.WARM: QColor("#a15c00"),
    Rating.COLD: QColor("#1565c0"),
}
_DARK_RATING = {
    Rating.HOT: QColor("#ff8a80"),
    Rating.WARM: QColor("#ffcc80"),
    Rating.COLD: QColor("#90caf9"),
}


def is_dark(colour: QColor) -> bool:
    """True for a background dark enough to need light text."""
    return relative_luminance(colour) < 0.18


def _background(role: QPalette.ColorRole) -> QColor:
    return QGuiApplication.palette().color(role)


def problem_colour(on: QPalette.ColorRole = QPalette.ColorRole.Window) -> QColor:
    """Red for a problem message drawn on the palette's ``on`` colour."""
    return _DARK_PROBLEM if is_dark(_background(on)) else _LIGHT_PROBLEM


def problem_style() -> str:
    """A style sheet for a label that reports a problem."""
    return f"QLabel {{ color: {problem_colour().name()}; font-weight: bold; }}"


def rating_colour(rating: Rating, on: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """The colour hint of a rating drawn on the palette's ``on`` colour (lists use Base)."""
    colours = _DARK_RATING if is_dark(_background(on)) else _LIGHT_RATING
    return colours[rating]


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white); 4.5 reads as body text."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

"""Colour hints read in light and in dark mode (WCAG contrast for body text, 4.5:1)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from boothapp.core.models import Rating
from boothapp.gui.palette import contrast_ratio, is_dark, problem_colour, rating_colour

READABLE = 4.5


def test_problems_read_on_the_window_colour(colour_mode: QPalette) -> None:
    window = colour_mode.color(QPalette.ColorRole.Window)
    assert contrast_ratio(problem_colour(), window) >= READABLE


@pytest.mark.parametrize("rating", list(Rating))
def test_ratings_read_on_the_list_colour(colour_mode: QPalette, rating: Rating) -> None:
    base = colour_mode.color(QPalette.ColorRole.Base)
    assert contrast_ratio(rating_colour(rating), base) >= READABLE


def test_dark_is_told_from_light() -> None:
    assert is_dark(QColor("#2b2b2b")) and is_dark(QColor("#1e1e1e"))
    assert not is_dark(QColor("#efefef")) and not is_dark(QColor("#ffffff"))
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)

"""Every Alt+letter of the window reaches one control only."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from gui_helpers import Booth
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget

from boothapp.gui.i18n import install_language
from boothapp.gui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a control's text ("Move u&p" -> "p")."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonic_of(widget: QWidget) -> str | None:
    if isinstance(widget, QGroupBox):
        return mnemonic(widget.title())
    if isinstance(widget, QAbstractButton | QLabel):
        return mnemonic(widget.text())
    return None


def mnemonic_text(widget: QWidget) -> str:
    """How a control without an object name is named in a failure: its text."""
    if isinstance(widget, QGroupBox):
        return widget.title()
    return widget.text() if isinstance(widget, QAbstractButton | QLabel) else repr(widget)


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The window built in English, then in French (English again after the test)."""
    previous = QLocale()
    yield install_language(request.param)
    install_language("en")
    QLocale.setDefault(previous)


def test_no_two_controls_share_an_alt_letter(
    booth: Booth, make_window: Callable[[], MainWindow], language: str
) -> None:
    """Hidden bars (draft, duplicate) count too: they show beside everything else, and
    so do the menu bar's File, Edit, View and Help."""
    window = make_window()
    owners: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        letter = mnemonic(action.text())
        if letter is not None:
            owners.setdefault(letter, []).append(f"menu {action.text()}")
    for widget in window.findChildren(QWidget):
        letter = mnemonic_of(widget)
        if letter is not None:
            owners.setdefault(letter, []).append(widget.objectName() or mnemonic_text(widget))
    shared = {letter: names for letter, names in owners.items() if len(names) > 1}
    assert shared == {}
    if language == "en":
        assert {"f", "e", "v", "h", "r", "l", "i", "p", "d", "a", "n"} <= set(owners)
    else:
        assert {"f", "é", "h", "e", "r", "o", "d", "a", "n"} <= set(owners)

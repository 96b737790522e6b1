"""Every Alt+letter of the window reaches one control only."""

from __future__ import annotations

import re
from collections.abc import Callable

from gui_helpers import Booth
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from boothapp.gui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic(widget: QWidget) -> str | None:
    if isinstance(widget, QGroupBox):
        text = widget.title()
    elif isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    else:
        return None
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_two_controls_share_an_alt_letter(
    booth: Booth, make_window: Callable[[], MainWindow]
) -> None:
    """Hidden bars (draft, duplicate) count too: they show beside everything else."""
    window = make_window()
    owners: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        letter = _mnemonic(widget)
        if letter is not None:
            owners.setdefault(letter, []).append(widget.objectName() or repr(widget))
    shared = {letter: names for letter, names in owners.items() if len(names) > 1}
    assert shared == {}
    assert {"f", "l", "e", "s", "r", "d"} <= set(owners)

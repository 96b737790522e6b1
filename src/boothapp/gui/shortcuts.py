"""Window shortcuts that a text field must not take for itself.

A line edit claims some Ctrl+letter keys for editing (Ctrl+E moves to the end of the line
on Linux, Ctrl+D deletes a character, Ctrl+B and Ctrl+F move the cursor), so the window's
Export, Dashboard, Badge box and Find shortcuts would do nothing while the cursor is in a
field, which is where it is after every save. :class:`WindowShortcuts` refuses those
claims for the window's own shortcuts; the editing keys everyone expects in a field
(undo, copy, paste, select all, delete) stay the field's.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

FIELD_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
    QKeySequence.StandardKey.Backspace,
)


def field_keys() -> set[int]:
    """The key combinations a text field keeps (this platform's bindings)."""
    combined: set[int] = set()
    for standard in FIELD_KEYS:
        for sequence in QKeySequence.keyBindings(standard):
            if sequence.count() == 1:
                combined.add(first_key(sequence))
    return combined


def first_key(sequence: QKeySequence) -> int:
    """The key combination of a one-key sequence, as an int."""
    return int(sequence[0].toCombined())  # type: ignore[index]


class WindowShortcuts(QObject):
    """Gives ``window``'s shortcuts priority over the text fields inside it.

    Installed on the application (a field created later is covered too); it acts only on
    the ShortcutOverride events of widgets in ``window``."""

    def __init__(self, window: QWidget, sequences: Iterable[QKeySequence]) -> None:
        super().__init__(window)
        self._window = window
        kept = field_keys()
        self.keys = {
            first_key(sequence)
            for sequence in sequences
            if sequence.count() == 1 and first_key(sequence) not in kept
        }
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
            and event.keyCombination().toCombined() in self.keys
        ):
            event.ignore()
            return True
        return False

"""What the window's screens listen to so that they refresh themselves.

A save, a scan, a delete, an undo or an import says that the show's leads changed; the
dashboard and an open export dialog count again when they hear it, instead of the main
window calling each of them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LeadChanges(QObject):
    """``changed`` is emitted after leads were added, changed, deleted or brought back."""

    changed = Signal()

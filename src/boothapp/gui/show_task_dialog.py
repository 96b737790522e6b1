"""What the export and the attendee import dialogs share: a dialog over one show whose
work runs off the UI thread and reports its progress back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
from boothapp.gui.tasks import TaskRunner


class ProgressRelay(QObject):
    """Carries the work's progress (done, total) from the worker thread to the dialog."""

    changed = Signal(int, int)


class ShowTaskDialog(QDialog):
    """A dialog titled "``title`` — show" over ``show``'s data, running its work on
    ``runner``; the work reports progress through ``relay``, which calls
    :meth:`progressed` on the UI thread."""

    def __init__(
        self,
        services: Services,
        show: EventRow,
        runner: TaskRunner,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{title} — {show}").format(title=title, show=show.name))
        self.services = services
        self.show_row = show
        self.runner = runner
        self.relay = ProgressRelay(self)
        self.relay.changed.connect(self.progressed)

    def progressed(self, done: int, total: int) -> None:
        """Shows the work's progress; the dialogs say how."""

"""Leads saved elsewhere appear by themselves: other laptops on a shared server, or a
command run on the same file.

Every few seconds the window reads the show's change stamp (``CountService.
change_stamp``: two index look-ups and a primary-key maximum, 6 ms at 100,000 leads)
and, when it moved, reports an outside change through ``LeadChanges``: the list reloads
in place (the selection, the scroll position and the form are kept), and the counts and
the dashboard follow as after any save. A change made in this window moves the stamp
too; the one extra reload it causes keeps everything where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from boothapp.core.errors import BoothError
from boothapp.core.services import Services
from boothapp.gui.changes import LeadChange, LeadChanges, ShowContext

POLL_INTERVAL_MS = 3000


class LiveRefresh(QObject):
    """Polls the active show's change stamp and reports outside changes."""

    def __init__(
        self,
        services: Services,
        context: ShowContext,
        lead_changes: LeadChanges,
        interval_ms: int = POLL_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._context = context
        self._lead_changes = lead_changes
        self._show_id: int | None = None
        self._stamp: tuple[Any, ...] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        context.changed.connect(self._follow_show)

    def start(self) -> None:
        self._follow_show()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _follow_show(self) -> None:
        show = self._context.show
        show_id = show.id if show is not None else None
        if show_id != self._show_id:
            self._show_id = show_id
            self._stamp = self._read_stamp()

    def _read_stamp(self) -> tuple[Any, ...] | None:
        if self._show_id is None:
            return None
        try:
            return self._services.counts.change_stamp(self._show_id)
        except BoothError:
            return None

    def poll(self) -> None:
        """Reads the stamp; reports an outside change when it moved since the last time."""
        if self._show_id is None:
            return
        stamp = self._read_stamp()
        if stamp is None:
            return
        moved = self._stamp is not None and stamp != self._stamp
        self._stamp = stamp
        if moved:
            self._lead_changes.report(LeadChange(outside=True))

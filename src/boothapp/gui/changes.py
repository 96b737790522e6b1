"""What the window's screens listen to so that they refresh themselves.

An operation (a save, a scan, a delete, an undo, an import) reports what it did to the
show's leads through :class:`LeadChanges`; choosing another show or staff member, or
saving a show's settings, goes through :class:`ShowContext`. The lead list, the status
bar, the dashboard and an open export dialog follow these signals, so the main window
calls none of them after an operation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.services import Services


@dataclass(frozen=True)
class LeadChange:
    """What an operation did to the show's leads.

    ``lead_id`` is the lead saved, scanned or brought back (the list selects it) or, with
    ``removed``, the lead deleted. ``deferred``: the list may follow on the next turn of
    the event loop, so that the form is back in the visitor's hands first. ``outside``:
    leads were changed elsewhere (another laptop, a command); the list reloads where
    it stands, keeping the selection."""

    lead_id: str | None = None
    removed: bool = False
    deferred: bool = False
    outside: bool = False


class LeadChanges(QObject):
    """``reported(LeadChange)`` and then ``changed()`` are emitted by :meth:`report`
    after leads were added, changed, deleted or brought back."""

    reported = Signal(object)
    changed = Signal()

    def report(self, change: LeadChange | None = None) -> None:
        self.reported.emit(change if change is not None else LeadChange())
        self.changed.emit()


class ShowContext(QObject):
    """The show this window works on and the staff member at the laptop, as the
    services say; ``changed`` is emitted after every reading, even when neither changed
    (the show's settings may have)."""

    changed = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.shows: list[EventRow] = []
        self.show: EventRow | None = None
        self.staff: StaffRow | None = None
        self.staff_list: list[StaffRow] = []

    @property
    def staff_id(self) -> int | None:
        return self.staff.id if self.staff is not None else None

    def reload(self) -> None:
        """Reads the shows, the active show and, when there is one, its staff again."""
        self.shows = self._services.events.list()
        self.show = self._services.events.active()
        if self.show is not None:
            self.staff = self._services.staff.current()
            self.staff_list = self._services.staff.list()
        self.changed.emit()

    def use_show(self, event_id: int) -> None:
        self._services.events.use(event_id)
        self.reload()

    def use_staff(self, staff_id: int) -> None:
        self.staff = self._services.staff.use(staff_id)
        self.reload()

"""The follow-up tasks of an export's leads, for the workbook's Follow-ups sheet and the
Follow-ups table of its Summary sheet.

The tasks are read beside the leads, in the export's own read transaction and order (by
capture, as ``core.leads.reader`` streams the leads): one more query of the same
snapshot, streamed, so memory stays flat. ``LeadTasks.of`` hands out each lead's tasks
as its turn comes. The tasks of leads left out of the export are left out too.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Connection, select

from boothapp.core.driver import driver_stream
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.follow_ups.store import TASKS, stored_day
from boothapp.core.leads.query import Selection, lead_conditions
from boothapp.core.leads.rows import LEADS, staff_names
from boothapp.core.models import stored_utc_or_none
from boothapp.core.vocabulary import FollowUp

FOLLOW_UPS_SHEET = "Follow-ups"
FOLLOW_UPS_HEADERS = (
    "Lead ID",
    "Lead",
    "Company",
    "E-mail",
    "Phone",
    "Follow-up",
    "Status",
    "Due",
    "Owner",
    "Done at",
    "Done by",
)
FOLLOW_UPS_WIDTHS = (38, 24, 24, 30, 16, 18, 9, 15, 18, 17, 18)

_KIND_ORDER = {follow_up.value: position for position, follow_up in enumerate(FollowUp)}
_T = TASKS.c


class ExportedTask(NamedTuple):
    """A follow-up task as a sheet row shows it, staff members by name."""

    lead_id: str
    kind: str
    status: FollowUpStatus
    due_on: date
    owner: str | None
    done_at: datetime | None
    done_by: str | None


def _kind_rank(task: ExportedTask) -> tuple[int, str]:
    return _KIND_ORDER.get(task.kind, len(_KIND_ORDER)), task.kind


class LeadTasks:
    """The tasks of an export's leads, in the leads' order, handed out lead by lead.
    ``LeadTasks()`` holds none (a workbook written without a database).

    ``tasks`` is called when the first lead's tasks are asked for, not before: the
    query then starts once the leads' own queries have (the reader makes a temporary
    table first), and it ends with the last lead that has tasks."""

    def __init__(self, tasks: Callable[[], Iterable[ExportedTask]] | None = None) -> None:
        self._open = tasks
        self._tasks: Iterator[ExportedTask] = iter(())
        self._next: ExportedTask | None = None

    @classmethod
    def read(cls, connection: Connection, selection: Selection) -> LeadTasks:
        """The tasks of the leads ``selection`` picks, streamed from ``connection``'s
        transaction (the snapshot the export reads)."""
        names = staff_names(connection)
        query = (
            select(
                LEADS.c.id,
                _T.kind,
                _T.status,
                _T.due_on,
                _T.owner_id,
                _T.done_at,
                _T.done_by_id,
            )
            .join_from(LEADS, TASKS, _T.lead_id == LEADS.c.id)
            .where(*lead_conditions(connection, selection))
            .order_by(LEADS.c.created_at, LEADS.c.id, _T.id)
        )

        def tasks() -> Iterator[ExportedTask]:
            for lead_id, kind, status, due_on, owner, done_at, done_by in driver_stream(
                connection, query
            ):
                yield ExportedTask(
                    lead_id,
                    kind,
                    FollowUpStatus(status),
                    stored_day(due_on),
                    names.get(owner) if owner is not None else None,
                    stored_utc_or_none(done_at),
                    names.get(done_by) if done_by is not None else None,
                )

        return cls(tasks)

    def of(self, lead_id: str) -> list[ExportedTask]:
        """The tasks of ``lead_id``, the export's next lead, in the order of the
        follow-ups; call it for every lead in turn."""
        if self._open is not None:
            self._tasks = iter(self._open())
            self._open = None
            self._next = next(self._tasks, None)
        found: list[ExportedTask] = []
        while self._next is not None and self._next.lead_id == lead_id:
            found.append(self._next)
            self._next = next(self._tasks, None)
        if len(found) > 1:
            found.sort(key=_kind_rank)
        return found

    def close(self) -> None:
        """Stops reading, closing the query's cursor at once (an export stopped part-way:
        the reader then drops its temporary table, which no open statement may use)."""
        if isinstance(self._tasks, Generator):
            self._tasks.close()
        self._open = None
        self._tasks = iter(())
        self._next = None

    def check_exhausted(self) -> None:
        """Raises when tasks are left over: they were read out of step with the leads."""
        if self._next is not None:
            raise RuntimeError(
                f"follow-up tasks out of step with the leads (lead {self._next.lead_id})"
            )


@dataclass
class FollowUpTally:
    """The exported tasks counted by follow-up: to do (overdue among them) and done."""

    to_do: dict[str, int] = field(default_factory=dict)
    overdue: dict[str, int] = field(default_factory=dict)
    done: dict[str, int] = field(default_factory=dict)

    def add(self, task: ExportedTask, today: date) -> None:
        kind = task.kind
        if task.status is FollowUpStatus.DONE:
            self.done[kind] = self.done.get(kind, 0) + 1
            return
        self.to_do[kind] = self.to_do.get(kind, 0) + 1
        if task.due_on < today:
            self.overdue[kind] = self.overdue.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.to_do.values()) + sum(self.done.values())

    def rows(self) -> list[tuple[str, int, int, int]]:
        """(kind, to do, overdue, done) for each follow-up counted, in the order of the
        follow-ups."""
        kinds = sorted(
            {*self.to_do, *self.done}, key=lambda k: (_KIND_ORDER.get(k, len(_KIND_ORDER)), k)
        )
        return [
            (kind, self.to_do.get(kind, 0), self.overdue.get(kind, 0), self.done.get(kind, 0))
            for kind in kinds
        ]

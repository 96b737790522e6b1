"""The follow-up queue: a show's tasks, filtered by owner, status and due day, and the
changes made to them (done, to do again, another due day, another owner).

Days are the show's: "today" is the current day where the show is held, a task is
overdue when it is still to do after its due day, and "this week" ends on the Sunday
of today's week. The tasks of deleted leads are left out; changes by id reach them all
the same.
"""

from __future__ import annotations

import builtins
import enum
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import ColumnElement, Connection, Update, select, update

from boothapp.core.db import Database
from boothapp.core.driver import driver_rows
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.follow_ups.due import end_of_week
from boothapp.core.follow_ups.status import OVERDUE_LABEL, STATUS_LABELS, FollowUpStatus
from boothapp.core.follow_ups.store import TASKS, add_missing_tasks, stored_day
from boothapp.core.leads.rows import LEADS, staff_names
from boothapp.core.models import STORED_RATINGS, stored_utc, stored_utc_or_none, utc_now
from boothapp.core.schemas import EventRow, lead_display_name
from boothapp.core.services.events import EventService
from boothapp.core.services.staff import StaffService
from boothapp.core.show_time import local_today
from boothapp.core.vocabulary import Rating, follow_up_label

_T = TASKS.c
_L = LEADS.c
CHUNK = 500
"""Task ids per ``IN (...)`` list."""


class DueFilter(enum.StrEnum):
    """Which due days a listing keeps: any, overdue (still to do after the due day), due
    by the end of today, due by the end of this week (Sunday)."""

    ANY = "any"
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"


DUE_FILTER_LABELS: Final[Mapping[DueFilter, str]] = {
    DueFilter.ANY: "Any due day",
    DueFilter.OVERDUE: "Overdue",
    DueFilter.TODAY: "Due today or before",
    DueFilter.WEEK: "Due this week or before",
}


@dataclass(frozen=True)
class FollowUpFilter:
    """Which tasks a listing holds. ``event_id`` None: the active show; ``owner_id`` None:
    everyone's; ``status`` None: to do and done; ``due_by``: due on that day or before
    (with ``due`` as well)."""

    event_id: int | None = None
    owner_id: int | None = None
    status: FollowUpStatus | None = FollowUpStatus.TODO
    due: DueFilter = DueFilter.ANY
    due_by: date | None = None


@dataclass(frozen=True)
class FollowUpRow:
    """One task, with what the queue shows of its lead."""

    id: int
    lead_id: str
    event_id: int
    kind: str
    status: FollowUpStatus
    due_on: date
    owner_id: int | None
    owner: str | None
    done_at: datetime | None
    done_by: str | None
    created_at: datetime
    updated_at: datetime
    lead_name: str
    company: str
    email: str | None
    phone: str | None
    rating: Rating | None

    @property
    def label(self) -> str:
        """The follow-up's label ("Send quote")."""
        return follow_up_label(self.kind)

    def is_overdue(self, today: date) -> bool:
        """Still to do after its due day."""
        return self.status is FollowUpStatus.TODO and self.due_on < today

    def status_label(self, today: date) -> str:
        """ "To do", "Overdue" or "Done"."""
        return OVERDUE_LABEL if self.is_overdue(today) else STATUS_LABELS[self.status]


@dataclass(frozen=True)
class FollowUpListing:
    """The tasks a filter keeps, due day first, and the show's day they were read on."""

    show: EventRow
    today: date
    rows: tuple[FollowUpRow, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.is_overdue(self.today))

    @property
    def to_do(self) -> int:
        return sum(1 for row in self.rows if row.status is FollowUpStatus.TODO)

    @property
    def done(self) -> int:
        return sum(1 for row in self.rows if row.status is FollowUpStatus.DONE)


_ROW_COLUMNS = (
    _T.id,
    _T.lead_id,
    _L.event_id,
    _T.kind,
    _T.status,
    _T.due_on,
    _T.owner_id,
    _T.done_at,
    _T.done_by_id,
    _T.created_at,
    _T.updated_at,
    _L.first_name,
    _L.last_name,
    _L.email,
    _L.company,
    _L.badge_id,
    _L.phone,
    _L.mobile,
    _L.rating,
)


class _NamedLead:
    __slots__ = ("badge_id", "company", "email", "first_name", "last_name")

    def __init__(
        self, first_name: str, last_name: str, email: str | None, company: str, badge: str | None
    ) -> None:
        self.first_name = first_name
        self.last_name = last_name
        self.email = email
        self.company = company
        self.badge_id = badge


def _rows(connection: Connection, conditions: Sequence[ColumnElement[bool]]) -> list[FollowUpRow]:
    query = (
        select(*_ROW_COLUMNS)
        .join_from(TASKS, LEADS, _L.id == _T.lead_id)
        .where(*conditions)
        .order_by(_T.due_on, _L.created_at, _T.lead_id, _T.id)
    )
    names = staff_names(connection)
    found = []
    for (
        task_id,
        lead_id,
        event_id,
        kind,
        status,
        due_on,
        owner_id,
        done_at,
        done_by_id,
        created_at,
        updated_at,
        first,
        last,
        email,
        company,
        badge,
        phone,
        mobile,
        rating,
    ) in driver_rows(connection, query, {}):
        found.append(
            FollowUpRow(
                id=task_id,
                lead_id=lead_id,
                event_id=event_id,
                kind=kind,
                status=FollowUpStatus(status),
                due_on=stored_day(due_on),
                owner_id=owner_id,
                owner=names.get(owner_id) if owner_id is not None else None,
                done_at=stored_utc_or_none(done_at),
                done_by=names.get(done_by_id) if done_by_id is not None else None,
                created_at=stored_utc(created_at),
                updated_at=stored_utc(updated_at),
                lead_name=lead_display_name(_NamedLead(first, last, email, company, badge)),
                company=company,
                email=email,
                phone=phone or mobile,
                rating=STORED_RATINGS.get(rating),
            )
        )
    return found


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[start : start + CHUNK]) for start in range(0, len(ids), CHUNK)]


class FollowUpService:
    """The follow-up queue over one database: listing, and every change to a task."""

    def __init__(self, database: Database, events: EventService, staff: StaffService) -> None:
        self._db = database
        self._events = events
        self._staff = staff

    # --- reading -------------------------------------------------------------------------

    def today(self, event_id: int | None = None, now: datetime | None = None) -> date:
        """The current day where the show (default: the active one) is held."""
        return local_today(self._events.resolve(event_id).timezone, now)

    def list(
        self, follow_up_filter: FollowUpFilter | None = None, now: datetime | None = None
    ) -> FollowUpListing:
        """The show's tasks that ``follow_up_filter`` keeps (default: everyone's to do),
        due day first; ``now`` stands in for the clock."""
        chosen = follow_up_filter if follow_up_filter is not None else FollowUpFilter()
        show = self._events.resolve(chosen.event_id)
        today = local_today(show.timezone, now)
        conditions: list[ColumnElement[bool]] = [
            _L.event_id == show.id,
            _L.deleted_at.is_(None),
        ]
        if chosen.owner_id is not None:
            conditions.append(_T.owner_id == chosen.owner_id)
        if chosen.status is not None:
            conditions.append(_T.status == chosen.status)
        if chosen.due is DueFilter.OVERDUE:
            conditions += [_T.status == FollowUpStatus.TODO, _T.due_on < today]
        elif chosen.due is DueFilter.TODAY:
            conditions.append(_T.due_on <= today)
        elif chosen.due is DueFilter.WEEK:
            conditions.append(_T.due_on <= end_of_week(today))
        if chosen.due_by is not None:
            conditions.append(_T.due_on <= chosen.due_by)
        with self._db.read_connection() as connection:
            rows = _rows(connection, conditions)
        return FollowUpListing(show, today, tuple(rows))

    def get(self, task_id: int) -> FollowUpRow:
        """One task, its lead deleted or not."""
        with self._db.read_connection() as connection:
            found = _rows(connection, [_T.id == task_id])
        if not found:
            raise NotFound(f"no follow-up with id {task_id}")
        return found[0]

    def of_lead(self, lead_id: str) -> builtins.list[FollowUpRow]:
        """The tasks of one lead, deleted or not, due day first."""
        with self._db.read_connection() as connection:
            return _rows(connection, [_T.lead_id == lead_id])

    # --- changing ------------------------------------------------------------------------

    def mark_done(self, task_ids: Collection[int], staff_id: int | None = None) -> int:
        """Marks the tasks done now, by ``staff_id`` (default: the staff member at the
        laptop); those done already keep when and by whom. Returns how many changed."""
        by = self._staff.get(staff_id).id if staff_id is not None else self._current_staff()
        now = utc_now()
        return self._change(
            task_ids,
            update(TASKS)
            .where(_T.status == FollowUpStatus.TODO)
            .values(status=FollowUpStatus.DONE, done_at=now, done_by_id=by, updated_at=now),
        )

    def mark_to_do(self, task_ids: Collection[int]) -> int:
        """Puts done tasks back to do (an undo of :meth:`mark_done`)."""
        return self._change(
            task_ids,
            update(TASKS)
            .where(_T.status == FollowUpStatus.DONE)
            .values(
                status=FollowUpStatus.TODO, done_at=None, done_by_id=None, updated_at=utc_now()
            ),
        )

    def set_due(self, task_ids: Collection[int], day: date) -> int:
        """Gives the tasks another due day."""
        if not isinstance(day, date) or isinstance(day, datetime):
            raise ValidationError("due", f"{day!r} is not a day")
        return self._change(
            task_ids,
            update(TASKS).where(_T.due_on != day).values(due_on=day, updated_at=utc_now()),
        )

    def set_owner(self, task_ids: Collection[int], staff_id: int | None) -> int:
        """Gives the tasks to another staff member (None: to nobody)."""
        owner = self._staff.get(staff_id).id if staff_id is not None else None
        return self._change(
            task_ids,
            update(TASKS)
            .where(_T.owner_id.is_distinct_from(owner))
            .values(owner_id=owner, updated_at=utc_now()),
        )

    def add_missing(self, event_id: int | None = None) -> int:
        """Makes the tasks of follow-ups that have none (leads written in bulk, as the
        demo show's are), in the show ``event_id`` or every show; returns how many."""
        with self._db.write_connection() as connection:
            return add_missing_tasks(connection, event_id)

    def _current_staff(self) -> int | None:
        current = self._staff.current()
        return current.id if current is not None else None

    def _change(self, task_ids: Collection[int], statement: Update) -> int:
        """Runs ``statement`` on the tasks ``task_ids``, in one transaction, once every id
        is known to name a task; returns how many rows it changed."""
        ids = sorted(set(task_ids))
        if not ids:
            return 0
        changed = 0
        with self._db.write_connection() as connection:
            known: set[int] = set()
            for chunk in _chunks(ids):
                query = select(_T.id).where(_T.id.in_(chunk))
                known.update(task_id for (task_id,) in driver_rows(connection, query, {}))
            missing = [task_id for task_id in ids if task_id not in known]
            if missing:
                listed = ", ".join(str(task_id) for task_id in missing)
                noun = "follow-up" if len(missing) == 1 else "follow-ups"
                raise NotFound(f"no {noun} with id {listed}: nothing was changed")
            for chunk in _chunks(ids):
                result = connection.execute(statement.where(_T.id.in_(chunk)))
                changed += int(result.rowcount)
        return changed


def rows_as_json(listing: FollowUpListing) -> builtins.list[dict[str, Any]]:
    """The listing's tasks in their stable JSON form (``boothapp follow-ups --json``)."""
    return [row_json(row, listing.today) for row in listing.rows]


def row_json(row: FollowUpRow, today: date) -> dict[str, Any]:
    """A task's stable JSON form: dates and times as ISO text, values as stored."""
    return {
        "id": row.id,
        "lead_id": row.lead_id,
        "lead": row.lead_name,
        "company": row.company,
        "email": row.email,
        "phone": row.phone,
        "rating": row.rating.value if row.rating is not None else None,
        "follow_up": row.kind,
        "label": row.label,
        "status": row.status.value,
        "overdue": row.is_overdue(today),
        "due": row.due_on.isoformat(),
        "owner": row.owner,
        "done_at": row.done_at.isoformat() if row.done_at is not None else None,
        "done_by": row.done_by,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }

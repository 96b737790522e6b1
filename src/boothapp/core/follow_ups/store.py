"""The follow-up tasks written with a lead, in the caller's transaction.

``core.leads.writer`` calls :func:`add_tasks` when it writes a new lead and
:func:`follow_save` after it writes over one (an edit, the fold of a returning visitor,
an undo): the statements run on the driver's cursor beside the lead's own, and only
when there is something to do. A save that leaves the follow-ups and the rating as they
were runs none; a new lead with follow-ups runs one insert.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from boothapp.core.driver import DriverStatement, driver_rows, table_of
from boothapp.core.follow_ups.due import default_due
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.models import (
    STORED_RATINGS,
    Event,
    FollowUpTask,
    Lead,
    stored_utc,
)
from boothapp.core.vocabulary import Rating

TASKS = table_of(FollowUpTask)
_T = TASKS.c
_INSERT_TASK = DriverStatement(insert(TASKS))
_DELETE_TASK_TO_DO = DriverStatement(
    delete(TASKS).where(
        _T.lead_id == bindparam("lead_id"),
        _T.kind == bindparam("kind"),
        _T.status == FollowUpStatus.TODO,
    )
)
_TASKS_OF_LEAD = DriverStatement(
    select(_T.id, _T.kind, _T.status, _T.due_on, _T.created_at).where(
        _T.lead_id == bindparam("lead_id")
    )
)
_MOVE_DUE = DriverStatement(
    update(TASKS)
    .where(_T.id == bindparam("task_id"))
    .values(due_on=bindparam("due_on"), updated_at=bindparam("updated_at"))
)


class LeadFollowUps(NamedTuple):
    """What of a lead decides its tasks: its follow-ups and its rating."""

    kinds: Sequence[str]
    rating: Rating | None


def stored_day(value: date | str) -> date:
    """A ``Date`` column's value as the driver returns it (SQLite: ISO text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _new_task(
    lead_id: str, kind: str, due: date, owner_id: int | None, now: datetime
) -> dict[str, Any]:
    return {
        "lead_id": lead_id,
        "kind": kind,
        "status": FollowUpStatus.TODO,
        "due_on": due,
        "owner_id": owner_id,
        "created_at": now,
        "updated_at": now,
        "done_at": None,
        "done_by_id": None,
    }


def add_tasks(
    connection: Connection,
    lead_id: str,
    lead: LeadFollowUps,
    owner_id: int | None,
    now: datetime,
    timezone: str,
) -> None:
    """The tasks of a new lead's follow-ups, due by its rating from ``now``."""
    if not lead.kinds:
        return
    due = default_due(lead.rating, now, timezone)
    _INSERT_TASK.run_many(
        connection, [_new_task(lead_id, kind, due, owner_id, now) for kind in lead.kinds]
    )


def follow_save(
    connection: Connection,
    lead_id: str,
    before: LeadFollowUps,
    after: LeadFollowUps,
    owner_id: int | None,
    now: datetime,
    timezone: str,
) -> None:
    """Brings a lead's tasks in step after a save over it (``before`` to ``after``):
    the follow-ups taken off lose their tasks still to do, those it lists get a task
    when they have none, and a changed rating moves the due days still at the old
    rating's default. ``owner_id`` owns the tasks made."""
    if not before.kinds and not after.kinds:
        return
    kept = set(after.kinds)
    removed = [kind for kind in before.kinds if kind not in kept]
    if removed:
        _DELETE_TASK_TO_DO.run_many(
            connection, [{"lead_id": lead_id, "kind": kind} for kind in removed]
        )
    rating_changed = before.rating is not after.rating
    if not after.kinds or (not rating_changed and kept == set(before.kinds)):
        return
    stored = {row[1]: row for row in _TASKS_OF_LEAD.rows(connection, {"lead_id": lead_id})}
    due = default_due(after.rating, now, timezone)
    _INSERT_TASK.run_many(
        connection,
        [
            _new_task(lead_id, kind, due, owner_id, now)
            for kind in dict.fromkeys(after.kinds)
            if kind not in stored
        ],
    )
    if not rating_changed:
        return
    moved = []
    for task_id, _kind, status, due_on, created_at in stored.values():
        if status != FollowUpStatus.TODO:
            continue
        promised = stored_utc(created_at)
        if stored_day(due_on) == default_due(before.rating, promised, timezone):
            new_due = default_due(after.rating, promised, timezone)
            moved.append({"task_id": task_id, "due_on": new_due, "updated_at": now})
    _MOVE_DUE.run_many(connection, moved)


# --- follow-ups written without tasks ----------------------------------------------------

_LEADS = table_of(Lead)
_EVENTS = table_of(Event)


def add_missing_tasks(connection: Connection, event_id: int | None = None) -> int:
    """Makes the task of every follow-up of a lead (of ``event_id``, else of every show)
    that has none, as the upgrade to revision 0011 made them: to do, owned by who
    captured the lead, due by its rating from its capture, its times the capture's (so
    that two laptops doing it to copies of one file make the same tasks). For leads
    written in bulk without the lead writer (the demo show); returns how many were
    made."""
    query = (
        select(
            _LEADS.c.id,
            _LEADS.c.follow_ups,
            _LEADS.c.rating,
            _LEADS.c.created_at,
            _LEADS.c.staff_id,
            _EVENTS.c.timezone,
        )
        .join_from(_LEADS, _EVENTS, _EVENTS.c.id == _LEADS.c.event_id)
        .where(_LEADS.c.follow_ups.is_not(None))
    )
    task_query = select(_T.lead_id, _T.kind).join_from(TASKS, _LEADS, _LEADS.c.id == _T.lead_id)
    if event_id is not None:
        query = query.where(_LEADS.c.event_id == event_id)
        task_query = task_query.where(_LEADS.c.event_id == event_id)
    existing = {(lead_id, kind) for lead_id, kind in driver_rows(connection, task_query, {})}
    rows = []
    for lead_id, stored, rating, created_at, staff_id, timezone in driver_rows(
        connection, query, {}
    ):
        kinds = _kinds(stored)
        missing = [kind for kind in kinds if (lead_id, kind) not in existing]
        if not missing:
            continue
        captured = stored_utc(created_at)
        due = default_due(STORED_RATINGS.get(rating), captured, timezone or "UTC")
        rows += [_new_task(lead_id, kind, due, staff_id, captured) for kind in missing]
    _INSERT_TASK.run_many(connection, rows)
    return len(rows)


def _kinds(stored: Any) -> list[str]:
    """A lead's follow-ups as the driver returns them (JSON text on SQLite), once each."""
    value = json.loads(stored) if isinstance(stored, str) else stored
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(item for item in value if isinstance(item, str) and item))

"""Follow-up tasks in a merge: matched by lead and kind of follow-up, and carried to the
lead each one's lead lies in after the merge (itself, or the lead it was joined into).

The rule for several versions of one task (``join_tasks``), the same whichever file is
merged into which, so that any order of merges gives the same tasks:

* done on either side wins: the task is done, at the earliest time it was done, by
  whom did it then (an undo on one laptop does not undo the other's "done");
* the due day and the owner are those of the later edit of the task (the version
  with the later ``updated_at``; on a tie, the later day, then the owner's name);
* ``created_at`` is the earliest, ``updated_at`` the latest.

Staff members are matched by name, as everything a lead refers to is
(``core.merge.catalogue``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, insert, select, update

from boothapp.core.driver import DriverStatement, driver_rows
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.follow_ups.store import TASKS, stored_day
from boothapp.core.leads.rows import staff_names
from boothapp.core.merge.catalogue import CatalogueIds
from boothapp.core.models import stored_utc, stored_utc_or_none

BATCH = 1000
"""Leads per ``IN (...)`` list when reading the target's tasks."""
_NEVER = datetime.max.replace(tzinfo=UTC)
_T = TASKS.c


class TaskVersion(NamedTuple):
    """A task as one file holds it, what it refers to by name."""

    kind: str
    status: FollowUpStatus
    due_on: date
    owner: str | None
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None
    done_by: str | None


Tasks = dict[str, list[TaskVersion]]
"""Tasks by lead id."""


def read_tasks(connection: Connection, lead_ids: Sequence[str] | None = None) -> Tasks:
    """The tasks of ``lead_ids`` (None: of every lead), by lead id."""
    names = staff_names(connection)
    columns = (
        _T.lead_id,
        _T.kind,
        _T.status,
        _T.due_on,
        _T.owner_id,
        _T.created_at,
        _T.updated_at,
        _T.done_at,
        _T.done_by_id,
    )
    queries = (
        [select(*columns)]
        if lead_ids is None
        else [
            select(*columns).where(_T.lead_id.in_(list(lead_ids[start : start + BATCH])))
            for start in range(0, len(lead_ids), BATCH)
        ]
    )
    found: Tasks = defaultdict(list)
    for query in queries:
        for lead_id, kind, status, due_on, owner, created, updated, done_at, done_by in driver_rows(
            connection, query, {}
        ):
            found[lead_id].append(
                TaskVersion(
                    kind,
                    FollowUpStatus(status),
                    stored_day(due_on),
                    names.get(owner) if owner is not None else None,
                    stored_utc(created),
                    stored_utc(updated),
                    stored_utc_or_none(done_at),
                    names.get(done_by) if done_by is not None else None,
                )
            )
    return dict(found)


def _edit_key(version: TaskVersion) -> tuple[datetime, date, bool, str]:
    return version.updated_at, version.due_on, version.owner is not None, version.owner or ""


def _done_key(version: TaskVersion) -> tuple[datetime, bool, str]:
    return version.done_at or _NEVER, version.done_by is not None, version.done_by or ""


def join_tasks(versions: Sequence[TaskVersion]) -> TaskVersion:
    """One task from versions of it (one kind of follow-up of one visitor), by the rule
    of the module's docstring."""
    if len(versions) == 1:
        return versions[0]
    latest = max(versions, key=_edit_key)
    done = [version for version in versions if version.status is FollowUpStatus.DONE]
    first_done = min(done, key=_done_key) if done else None
    return TaskVersion(
        kind=latest.kind,
        status=FollowUpStatus.DONE if first_done is not None else FollowUpStatus.TODO,
        due_on=latest.due_on,
        owner=latest.owner,
        created_at=min(version.created_at for version in versions),
        updated_at=latest.updated_at,
        done_at=first_done.done_at if first_done is not None else None,
        done_by=first_done.done_by if first_done is not None else None,
    )


@dataclass(frozen=True)
class TaskPlan:
    """The task writes of a merge: (lead id, task) to add, and to change (the task the
    lead holds, of the same kind, takes these values)."""

    inserts: tuple[tuple[str, TaskVersion], ...] = ()
    updates: tuple[tuple[str, TaskVersion], ...] = ()

    @property
    def count(self) -> int:
        return len(self.inserts) + len(self.updates)


def plan_tasks(
    target: Connection,
    source: Mapping[str, Sequence[TaskVersion]],
    survivor_of: Mapping[str, str],
    in_target: Collection[str],
) -> TaskPlan:
    """What the merge writes of the tasks: those of the other file's leads (``source``)
    and of the target's leads joined into another, each joined with the tasks of the
    lead it lies in after the merge (``survivor_of``; a lead missing there is left out,
    its tasks with it). ``in_target`` holds the ids of the target's leads."""
    from_source: dict[str, list[str]] = defaultdict(list)
    for lead_id in source:
        final = survivor_of.get(lead_id)
        if final is not None:
            from_source[final].append(lead_id)
    from_target: dict[str, list[str]] = defaultdict(list)
    for lead_id, final in survivor_of.items():
        if lead_id in in_target and lead_id != final:
            from_target[final].append(lead_id)
    finals = set(from_source) | set(from_target)
    if not finals:
        return TaskPlan()
    for final in finals:
        if final in in_target:
            from_target[final].append(final)
    wanted = sorted({lead_id for final in finals for lead_id in from_target.get(final, ())})
    stored = read_tasks(target, wanted)
    inserts: list[tuple[str, TaskVersion]] = []
    updates: list[tuple[str, TaskVersion]] = []
    for final in sorted(finals):
        by_kind: dict[str, list[TaskVersion]] = defaultdict(list)
        for lead_id in from_target.get(final, ()):
            for version in stored.get(lead_id, ()):
                by_kind[version.kind].append(version)
        for lead_id in from_source.get(final, ()):
            for version in source[lead_id]:
                by_kind[version.kind].append(version)
        current = {version.kind: version for version in stored.get(final, ())}
        for kind in sorted(by_kind):
            joined = join_tasks(by_kind[kind])
            held = current.get(kind)
            if held is None:
                inserts.append((final, joined))
            elif held != joined:
                updates.append((final, joined))
    return TaskPlan(tuple(inserts), tuple(updates))


_INSERT_TASK = DriverStatement(insert(TASKS))
_UPDATE_TASK = DriverStatement(
    update(TASKS).where(_T.lead_id == bindparam("the_lead_id"), _T.kind == bindparam("the_kind"))
)


def _values(task: TaskVersion, ids: CatalogueIds) -> dict[str, Any]:
    return {
        "status": task.status,
        "due_on": task.due_on,
        "owner_id": ids.staff_id(task.owner),
        "created_at": task.created_at,
        "updated_at": task.updated_at,
        "done_at": task.done_at,
        "done_by_id": ids.staff_id(task.done_by),
    }


def write_tasks(connection: Connection, plan: TaskPlan, ids: CatalogueIds) -> None:
    """Writes ``plan`` once every lead it names is in the target."""
    _INSERT_TASK.run_many(
        connection,
        [
            {**_values(task, ids), "lead_id": lead_id, "kind": task.kind}
            for lead_id, task in plan.inserts
        ],
    )
    _UPDATE_TASK.run_many(
        connection,
        [
            {**_values(task, ids), "the_lead_id": lead_id, "the_kind": task.kind}
            for lead_id, task in plan.updates
        ],
    )

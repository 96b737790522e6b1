"""The search index rows of the leads a merge wrote or removed, rebuilt in bulk from what
is stored (as ``core.search.reindex_lead`` does one lead at a time): a few queries per
thousand leads, and one ``executemany`` per statement."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, select, text

from boothapp.core.driver import DriverStatement, driver_rows, table_of
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import Note, stored_utc
from boothapp.core.search import (
    FOLDED_LEAD_SEARCH,
    first_search_rowid,
    free_search_rowid,
    index_scope,
    insert_folded_rows,
    search_text,
    show_rowids,
)

BATCH = 1000

_NOTES = table_of(Note)
_INSERT_ROW = DriverStatement(
    text(
        "INSERT INTO lead_search (rowid, lead_id, scope, body) VALUES (:rowid, :id, :scope, :body)"
    )
)
_DELETE_ROW = DriverStatement(text("DELETE FROM lead_search WHERE rowid = :rowid"))
_SET_ROWID = DriverStatement(
    LEADS.update()
    .where(LEADS.c.id == bindparam("the_lead_id"))
    .values(search_rowid=bindparam("rowid"))
)


class RowidAllocator:
    """Search index rowids for new leads, as ``free_search_rowid`` gives them (the first
    free one from the lead's show and capture time up), from the rowids of each show
    read once."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._taken: dict[int, set[int]] = {}

    def _taken_in(self, event_id: int) -> set[int]:
        taken = self._taken.get(event_id)
        if taken is None:
            first, last = show_rowids(event_id)
            query = select(LEADS.c.search_rowid).where(LEADS.c.search_rowid.between(first, last))
            taken = self._taken[event_id] = {
                rowid for (rowid,) in driver_rows(self._connection, query, {})
            }
        return taken

    def next(self, event_id: int, created_at: datetime) -> int:
        taken = self._taken_in(event_id)
        candidate = first_search_rowid(event_id, created_at)
        while candidate in taken:
            candidate += 1
        if candidate > show_rowids(event_id)[1]:
            raise ValueError(f"show {event_id} has no free search index rowid left")
        taken.add(candidate)
        return candidate


def drop_index_rows(connection: Connection, rows: Iterable[tuple[str, int | None]]) -> None:
    """Removes the index rows of leads (id, search rowid) about to be removed."""
    rows = list(rows)
    if connection.dialect.name == "sqlite":
        _DELETE_ROW.run_many(
            connection, [{"rowid": rowid} for _lead_id, rowid in rows if rowid is not None]
        )
        return
    ids = [lead_id for lead_id, _rowid in rows]
    for start in range(0, len(ids), BATCH):
        connection.execute(
            delete(FOLDED_LEAD_SEARCH).where(
                FOLDED_LEAD_SEARCH.c.lead_id.in_(ids[start : start + BATCH])
            )
        )


def rebuild_index_rows(
    connection: Connection, lead_ids: Sequence[str], new: Collection[str]
) -> None:
    """Writes the index rows of ``lead_ids`` from what is stored; those of ``new`` have
    none yet, the others' are replaced. On SQLite every row replaced is deleted before
    any is written: an FTS5 delete after thousands of inserts in the same transaction
    costs ten times as much."""
    on_sqlite = connection.dialect.name == "sqlite"
    replaced: list[dict[str, int]] = []
    written: list[dict[str, object]] = []
    for start in range(0, len(lead_ids), BATCH):
        batch = lead_ids[start : start + BATCH]
        bodies = _bodies(connection, batch)
        if not on_sqlite:
            connection.execute(
                delete(FOLDED_LEAD_SEARCH).where(FOLDED_LEAD_SEARCH.c.lead_id.in_(list(batch)))
            )
            insert_folded_rows(connection, [(lead_id, body) for lead_id, *_, body in bodies])
            continue
        for lead_id, rowid, event_id, deleted, created_at, body in bodies:
            if rowid is None:
                rowid = free_search_rowid(connection, event_id, created_at)
                _SET_ROWID.rows(connection, {"the_lead_id": lead_id, "rowid": rowid})
            elif lead_id not in new:
                replaced.append({"rowid": rowid})
            scope = index_scope(event_id, deleted)
            written.append({"rowid": rowid, "id": lead_id, "scope": scope, "body": body})
    _DELETE_ROW.run_many(connection, replaced)
    written.sort(key=_by_rowid)
    _INSERT_ROW.run_many(connection, written)


def _by_rowid(row: dict[str, object]) -> int:
    rowid = row["rowid"]
    assert isinstance(rowid, int)
    return rowid


def _bodies(
    connection: Connection, lead_ids: Sequence[str]
) -> list[tuple[str, int | None, int, bool, datetime, str]]:
    """Each lead's id, search rowid, show, whether it is deleted, capture time and
    indexed text, as stored."""
    leads = driver_rows(
        connection,
        select(
            LEADS.c.id,
            LEADS.c.search_rowid,
            LEADS.c.event_id,
            LEADS.c.deleted_at,
            LEADS.c.created_at,
            LEADS.c.first_name,
            LEADS.c.last_name,
            LEADS.c.company,
            LEADS.c.job_title,
            LEADS.c.email,
            LEADS.c.city,
            LEADS.c.badge_id,
        ).where(LEADS.c.id.in_(list(lead_ids))),
        {},
    )
    notes: dict[str, list[str]] = defaultdict(list)
    for lead_id, note in driver_rows(
        connection,
        select(_NOTES.c.lead_id, _NOTES.c.text)
        .where(_NOTES.c.lead_id.in_(list(lead_ids)))
        .order_by(_NOTES.c.lead_id, _NOTES.c.created_at, _NOTES.c.id),
        {},
    ):
        notes[lead_id].append(note)
    return [
        (
            lead_id,
            rowid,
            event_id,
            deleted_at is not None,
            stored_utc(created_at),
            search_text(first, last, company, job, email, city, badge, notes.get(lead_id, [])),
        )
        for (lead_id, rowid, event_id, deleted_at, created_at, *searched) in leads
        for first, last, company, job, email, city, badge in (searched,)
    ]

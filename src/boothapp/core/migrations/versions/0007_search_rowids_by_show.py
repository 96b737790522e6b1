"""Number each lead's search index row within its show's own range of rowids.

Until now a lead's ``search_rowid`` was its creation time in microseconds times 64, and
a search in one show intersected the words typed with the ``e<show>`` token that every
live lead of the show carries: at 100,000 leads that intersection was most of the time
of a search (2.6 ms of 2.8 ms to count "smith"). From this revision the rowid is the
show's number shifted left 48 bits plus the creation time in milliseconds since 2000
times 64 (plus one per earlier lead of the same millisecond), so a search reads only the
rowid range of the show. The index is rebuilt with the new rowids; its text is unchanged.

The rules are those of the time: the new one is written here, the old one and the
index are frozen in ``migrations._shared`` (see its docstring), not taken from
``core.search``.

Revision ID: 0007_search_rowids_by_show
Revises: 0006_search_index_merged_in_background
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from boothapp.core.migrations._shared import FTS5_LEAD_SEARCH, aware, rowid_by_time

revision = "0007_search_rowids_by_show"
down_revision = "0006_search_index_merged_in_background"
branch_labels = None
depends_on = None

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


def _rowid_by_show(event_id: int, created_at: datetime) -> int:
    milliseconds = min(max(0, (created_at - _EPOCH) // _MILLISECOND), (1 << 42) - 1)
    return (event_id << 48) + milliseconds * 64


def _rowid_by_time(event_id: int, created_at: datetime) -> int:
    """The rule of revisions 0002 to 0006."""
    return rowid_by_time(created_at)


def _renumber(first_rowid: Callable[[int, datetime], int]) -> None:
    """Gives every lead the rowid ``first_rowid`` makes (the next free one when taken)
    and rebuilds the search index with them."""
    bind = op.get_bind()
    leads = sa.text(
        "SELECT id, event_id, created_at FROM leads ORDER BY event_id, created_at, search_rowid"
    )
    used: set[int] = set()
    renumbered: list[dict[str, object]] = []
    for lead_id, event_id, created_at in bind.execute(leads):
        rowid = first_rowid(event_id, aware(created_at))
        while rowid in used:
            rowid += 1
        used.add(rowid)
        renumbered.append({"id": lead_id, "rowid": rowid})
    op.execute("UPDATE leads SET search_rowid = NULL")
    if renumbered:
        bind.execute(sa.text("UPDATE leads SET search_rowid = :rowid WHERE id = :id"), renumbered)
    if bind.dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TEMP TABLE lead_search_before AS SELECT lead_id, scope, body FROM lead_search"
    )
    op.execute("DROP TABLE lead_search")
    op.execute(FTS5_LEAD_SEARCH)
    op.execute("INSERT INTO lead_search (lead_search, rank) VALUES ('automerge', 0)")
    op.execute(
        "INSERT INTO lead_search (rowid, lead_id, scope, body) "
        "SELECT leads.search_rowid, before.lead_id, before.scope, before.body "
        "FROM lead_search_before AS before JOIN leads ON leads.id = before.lead_id "
        "ORDER BY leads.search_rowid"
    )
    op.execute("DROP TABLE lead_search_before")


def upgrade() -> None:
    _renumber(_rowid_by_show)


def downgrade() -> None:
    _renumber(_rowid_by_time)

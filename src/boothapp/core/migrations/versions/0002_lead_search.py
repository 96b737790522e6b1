"""Full-text search over leads (SQLite FTS5), filled from the leads already stored.

Each lead gets ``search_rowid``: its creation time in microseconds times 64 (plus one
per earlier lead of the same microsecond), the rowid of its row in ``lead_search``, so
the index returns the newest matches first without reading the leads. ``scope`` holds
``e<show id>`` (or ``d<show id>`` once deleted). ``remove_diacritics 2`` makes
"lefevre" find "Lefèvre"; prefix indexes keep type-ahead searches fast. Other
databases search with ILIKE and get only the column.

The rules are those of the time, frozen in ``migrations._shared`` (see its docstring),
not the live ones of ``core.search``.

Revision ID: 0002_lead_search
Revises: 0001_initial
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from boothapp.core.migrations._shared import FTS5_LEAD_SEARCH, indexed_text, rowid_by_time

revision = "0002_lead_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("leads", sa.Column("search_rowid", sa.BigInteger(), nullable=True))
    op.create_index("ix_leads_search_rowid", "leads", ["search_rowid"], unique=True)
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(FTS5_LEAD_SEARCH)
    note_text: dict[str, list[str]] = {}
    notes = sa.text("SELECT lead_id, text FROM notes ORDER BY created_at, id")
    for lead_id, text in bind.execute(notes):
        note_text.setdefault(lead_id, []).append(text)
    leads = sa.text(
        "SELECT id, event_id, deleted_at, created_at, first_name, last_name, company, "
        "job_title, email, city, badge_id FROM leads ORDER BY created_at, id"
    )
    used: set[int] = set()
    index_rows = []
    rowids = []
    for lead in bind.execute(leads):
        rowid = rowid_by_time(lead.created_at)
        while rowid in used:
            rowid += 1
        used.add(rowid)
        body = indexed_text(lead[4:], note_text.get(lead.id, []), whole_names=False)
        scope = f"{'d' if lead.deleted_at is not None else 'e'}{lead.event_id}"
        index_rows.append({"rowid": rowid, "id": lead.id, "scope": scope, "body": body})
        rowids.append({"rowid": rowid, "id": lead.id})
    if rowids:
        bind.execute(sa.text("UPDATE leads SET search_rowid = :rowid WHERE id = :id"), rowids)
        bind.execute(
            sa.text(
                "INSERT INTO lead_search (rowid, lead_id, scope, body) "
                "VALUES (:rowid, :id, :scope, :body)"
            ),
            index_rows,
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE lead_search")
    op.drop_index("ix_leads_search_rowid", table_name="leads")
    with op.batch_alter_table("leads") as batch:
        batch.drop_column("search_rowid")

"""Full-text search over leads (SQLite FTS5), filled from the leads already stored.

The index ``lead_search`` holds one row per lead: its rowid is derived from the lead's
UUID (``core.search.search_rowid``) so a lead's row is replaced in O(log n) without an
extra column. ``remove_diacritics 2`` makes "lefevre" find "Lefèvre"; prefix indexes
keep type-ahead searches fast. Other databases search with ILIKE and need no index.

Revision ID: 0002_lead_search
Revises: 0001_initial
Create Date: 2026-11-26
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002_lead_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_MASK = (1 << 63) - 1


def _rowid(lead_id: str) -> int:
    return uuid.UUID(lead_id).int & _MASK


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE lead_search USING fts5("
        "lead_id UNINDEXED, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    notes = sa.text("SELECT lead_id, text FROM notes ORDER BY created_at")
    note_text: dict[str, list[str]] = {}
    for lead_id, text in bind.execute(notes):
        note_text.setdefault(lead_id, []).append(text)
    leads = sa.text(
        "SELECT id, first_name, last_name, company, job_title, email, city, badge_id FROM leads"
    )
    insert = sa.text("INSERT INTO lead_search (rowid, lead_id, body) VALUES (:rowid, :id, :body)")
    rows = []
    for lead in bind.execute(leads):
        parts = [value for value in lead[1:] if value]
        parts.extend(note_text.get(lead[0], []))
        rows.append({"rowid": _rowid(lead[0]), "id": lead[0], "body": "\n".join(parts)})
    if rows:
        bind.execute(insert, rows)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE lead_search")

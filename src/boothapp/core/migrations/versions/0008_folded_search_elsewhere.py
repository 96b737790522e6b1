"""A search table for databases other than SQLite: each lead's text, folded.

SQLite has had its FTS5 index (``lead_search``) since 0002. Other databases searched
the leads' columns with ILIKE, which is blind to accents ("lefevre" did not find
"Lefèvre") and read every note of every lead. From this revision they have a
``lead_search`` table too, one row per lead holding the indexed text lower-cased and
without accents; it is filled here for the leads already stored, by the rules of the
time (``_folded`` below, ``migrations._shared``). Nothing changes on SQLite.

Revision ID: 0008_folded_search_elsewhere
Revises: 0007_search_rowids_by_show
Create Date: 2026-11-26
"""

from __future__ import annotations

import re
import unicodedata
from itertools import groupby

import sqlalchemy as sa
from alembic import op

from boothapp.core.migrations._shared import indexed_text

revision = "0008_folded_search_elsewhere"
down_revision = "0007_search_rowids_by_show"
branch_labels = None
depends_on = None

_BATCH = 1000
_ACCENTS = re.compile("[\u0300-\u036f]+")


def _folded(text: str) -> str:
    """``text`` case-folded, in compatibility form, without the combining accents of
    Latin, Greek and Cyrillic letters."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def _fill() -> None:
    """One folded row per stored lead, notes oldest first, ``_BATCH`` leads at a time."""
    bind = op.get_bind()
    lead_search = sa.table("lead_search", sa.column("lead_id"), sa.column("body"))
    next_batch = sa.text(
        "SELECT id, first_name, last_name, company, job_title, email, city, badge_id "
        "FROM leads WHERE id > :after ORDER BY id LIMIT :size"
    )
    after = ""
    while batch := bind.execute(next_batch, {"after": after, "size": _BATCH}).all():
        after = batch[-1].id
        notes = bind.execute(
            sa.text(
                "SELECT lead_id, text FROM notes WHERE lead_id IN :ids "
                "ORDER BY lead_id, created_at, id"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": [lead.id for lead in batch]},
        ).all()
        notes_by_lead = {
            lead_id: [text for _, text in rows]
            for lead_id, rows in groupby(notes, key=lambda row: row[0])
        }
        op.bulk_insert(
            lead_search,
            [
                {
                    "lead_id": lead.id,
                    "body": _folded(
                        indexed_text(lead[1:], notes_by_lead.get(lead.id, []), whole_names=True)
                    ),
                }
                for lead in batch
            ],
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.create_table(
        "lead_search",
        sa.Column("lead_id", sa.String(36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_lead_search_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_lead_search")),
    )
    _fill()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_table("lead_search")

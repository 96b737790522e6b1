"""Index Chinese, Japanese and Korean names whole, as they are written ("李伟").

The search index held the family and given names as separate words, so a search for
"李伟" (how the name is written and typed) found nothing. From this revision the index
also holds the whole name, family name first and without a space; this adds it to the
index rows of leads already stored.

Revision ID: 0005_whole_cjk_names
Revises: 0004_email_lookup_index
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from boothapp.core.migrations._shared import whole_cjk_name

revision = "0005_whole_cjk_names"
down_revision = "0004_email_lookup_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    leads = sa.text("SELECT search_rowid, first_name, last_name FROM leads")
    update = sa.text(
        "UPDATE lead_search SET body = body || char(10) || :whole WHERE rowid = :rowid"
    )
    changes = [
        {"rowid": rowid, "whole": whole}
        for rowid, first_name, last_name in bind.execute(leads)
        if rowid is not None and (whole := whole_cjk_name(first_name, last_name))
    ]
    if changes:
        bind.execute(update, changes)


def downgrade() -> None:
    """The extra words do no harm to an older version, which rewrites them on edits."""

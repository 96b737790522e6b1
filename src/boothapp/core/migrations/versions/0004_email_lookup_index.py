"""Index the leads of a show by e-mail address in any case.

The duplicate guard and the scan flow look a visitor up by ``lower(email)`` within the
show; the old index on ``email`` as typed could not serve that, so every look-up read
all the show's leads (about a quarter of a second at 100,000 leads).

Revision ID: 0004_email_lookup_index
Revises: 0003_live_leads_index
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_email_lookup_index"
down_revision = "0003_live_leads_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_leads_event_email", table_name="leads")
    op.create_index("ix_leads_event_email_lower", "leads", ["event_id", sa.text("lower(email)")])


def downgrade() -> None:
    op.drop_index("ix_leads_event_email_lower", table_name="leads")
    op.create_index("ix_leads_event_email", "leads", ["event_id", "email"])

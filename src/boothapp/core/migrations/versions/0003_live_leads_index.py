"""Index the leads of a show that are not deleted, newest first, also per staff member.

Lists and counts always ask for ``event_id = ? AND deleted_at IS NULL``, usually in
``created_at`` order, often for one staff member ("mine"): with ``deleted_at`` in the
indexes, SQLite answers those counts from an index alone instead of reading every lead
of the show.

Revision ID: 0003_live_leads_index
Revises: 0002_lead_search
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0003_live_leads_index"
down_revision = "0002_lead_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_leads_event_created", table_name="leads")
    op.drop_index("ix_leads_staff", table_name="leads")
    op.create_index("ix_leads_event_live", "leads", ["event_id", "deleted_at", "created_at"])
    op.create_index(
        "ix_leads_event_staff_live",
        "leads",
        ["event_id", "staff_id", "deleted_at", "created_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_leads_event_staff_live", table_name="leads")
    op.drop_index("ix_leads_event_live", table_name="leads")
    op.create_index("ix_leads_staff", "leads", ["staff_id"])
    op.create_index("ix_leads_event_created", "leads", ["event_id", "created_at"])

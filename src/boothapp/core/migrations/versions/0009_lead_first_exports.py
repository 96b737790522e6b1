"""Remember which leads have been exported, for "only leads not exported before".

Until this revision "new since the last export" meant "captured after the show's last
export", whatever that export's filters: an export of one staff member's leads (or of
none) moved the point forward for everyone, and the other leads were never picked up.
From this revision each export records the leads it wrote (``lead_first_exports``, the
first export of each lead), and the option keeps the leads with no such row.

Leads of a database made before are counted as exported by the first export of their
show made after they were captured, as the old rule had it.

Revision ID: 0009_lead_first_exports
Revises: 0008_folded_search_elsewhere
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_lead_first_exports"
down_revision = "0008_folded_search_elsewhere"
branch_labels = None
depends_on = None

_FIRST_EXPORT_AFTER_CAPTURE = """
SELECT exports.id FROM exports
WHERE exports.event_id = leads.event_id AND exports.at >= leads.created_at
ORDER BY exports.at, exports.id LIMIT 1
"""


def upgrade() -> None:
    op.create_table(
        "lead_first_exports",
        sa.Column("lead_id", sa.String(36), nullable=False),
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["export_id"],
            ["exports.id"],
            name=op.f("fk_lead_first_exports_export_id_exports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_lead_first_exports_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_lead_first_exports")),
    )
    op.execute(
        "INSERT INTO lead_first_exports (lead_id, export_id) "
        f"SELECT leads.id, ({_FIRST_EXPORT_AFTER_CAPTURE}) FROM leads "
        f"WHERE EXISTS ({_FIRST_EXPORT_AFTER_CAPTURE})"
    )


def downgrade() -> None:
    op.drop_table("lead_first_exports")

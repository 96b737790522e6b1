"""Personal data and merging laptops.

- ``leads.legal_basis`` (consent, legitimate interest, or not recorded) and
  ``leads.do_not_contact``; leads that recorded consent before get "consent".
- ``lead_tombstones``: the ids of leads erased or joined into another, so that merging
  another laptop's file does not bring them back.
- ``suppressions``: digests of the e-mail addresses and badge IDs of erased people.
- ``merge_conflicts``: fields two laptops set differently, kept for review.
- ``audit_log``: exports, merges, restores, erasures and purges.
- an index on each show's leads by the time of their last change, so that a window on
  a shared server sees another laptop's saves with one cheap query.

Revision ID: 0010_privacy_and_merging
Revises: 0009_lead_first_exports
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_privacy_and_merging"
down_revision = "0009_lead_first_exports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of "leads" on SQLite would drop the index on
    # lower(email), which reflection cannot carry over.
    op.add_column("leads", sa.Column("legal_basis", sa.String(20), nullable=True))
    op.add_column(
        "leads",
        sa.Column("do_not_contact", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute("UPDATE leads SET legal_basis = 'consent' WHERE consent_given")
    op.create_index("ix_leads_event_updated", "leads", ["event_id", "updated_at"])
    op.create_table(
        "lead_tombstones",
        sa.Column("lead_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("into_id", sa.String(36), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("lead_id", name=op.f("pk_lead_tombstones")),
    )
    op.create_table(
        "suppressions",
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_suppressions")),
    )
    op.create_table(
        "merge_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("kept", sa.Text(), nullable=False),
        sa.Column("other", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_merge_conflicts_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflicts")),
    )
    op.create_index(op.f("ix_merge_conflicts_lead_id"), "merge_conflicts", ["lead_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("staff_name", sa.String(200), nullable=False),
        sa.Column("lead_count", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_merge_conflicts_lead_id"), table_name="merge_conflicts")
    op.drop_table("merge_conflicts")
    op.drop_table("suppressions")
    op.drop_table("lead_tombstones")
    op.drop_index("ix_leads_event_updated", table_name="leads")
    op.drop_column("leads", "do_not_contact")
    op.drop_column("leads", "legal_basis")

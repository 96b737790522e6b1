"""Follow-ups as tasks: ``follow_up_tasks``, one row per lead and kind of follow-up, with
a status (to do, done), a due day, an owner and who did it when.

Every follow-up the leads hold already gets a task to do (deleted leads' too: they are
hidden with their lead), owned by the staff member who captured the lead, due counted
in working days (Monday to Friday) from the day of the capture in the show's time zone:
the next working day for a hot lead, 5 for a warm or unrated one, 10 for a cold one. Its
times are the lead's capture time, so two laptops upgrading copies of one file make the
same tasks (a merge of the two then changes nothing).

Revision ID: 0011_follow_up_tasks
Revises: 0010_privacy_and_merging
Create Date: 2026-12-08
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from alembic import op

from boothapp.core.migrations._shared import aware

revision = "0011_follow_up_tasks"
down_revision = "0010_privacy_and_merging"
branch_labels = None
depends_on = None

_WORKING_DAYS = {"hot": 1, "warm": 5, "cold": 10, None: 5}
_BATCH = 1000

_TASKS = sa.table(
    "follow_up_tasks",
    sa.column("lead_id", sa.String(36)),
    sa.column("kind", sa.String(32)),
    sa.column("status", sa.String(20)),
    sa.column("due_on", sa.Date()),
    sa.column("owner_id", sa.Integer()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("done_at", sa.DateTime()),
    sa.column("done_by_id", sa.Integer()),
)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _due(rating: str | None, captured: datetime, timezone: str) -> date:
    """The default due day of revision 0011: working days from the capture day."""
    day = captured.astimezone(_zone(timezone)).date()
    count = _WORKING_DAYS.get(rating, 5)
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _follow_ups(stored: Any) -> list[str]:
    """A lead's follow-ups as the driver returns them (JSON text on SQLite), once each."""
    value = json.loads(stored) if isinstance(stored, str) else stored
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(str(item) for item in value if isinstance(item, str) and item))


def upgrade() -> None:
    op.create_table(
        "follow_up_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_follow_up_tasks_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["staff.id"],
            name=op.f("fk_follow_up_tasks_owner_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["done_by_id"],
            ["staff.id"],
            name=op.f("fk_follow_up_tasks_done_by_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_tasks")),
        sa.UniqueConstraint("lead_id", "kind", name="uq_follow_up_tasks_lead_kind"),
    )
    bind = op.get_bind()
    leads = bind.execute(
        sa.text(
            "SELECT leads.id, leads.follow_ups, leads.rating, leads.created_at, "
            "leads.staff_id, events.timezone FROM leads "
            "JOIN events ON events.id = leads.event_id ORDER BY leads.created_at, leads.id"
        )
    )
    rows: list[dict[str, Any]] = []
    for lead_id, stored, rating, created_at, staff_id, timezone in leads:
        kinds = _follow_ups(stored)
        if not kinds:
            continue
        captured = aware(created_at).astimezone(UTC)
        due = _due(rating, captured, timezone or "UTC")
        naive = captured.replace(tzinfo=None)
        rows += [
            {
                "lead_id": lead_id,
                "kind": kind,
                "status": "todo",
                "due_on": due,
                "owner_id": staff_id,
                "created_at": naive,
                "updated_at": naive,
                "done_at": None,
                "done_by_id": None,
            }
            for kind in kinds
        ]
    for start in range(0, len(rows), _BATCH):
        op.bulk_insert(_TASKS, rows[start : start + _BATCH])


def downgrade() -> None:
    op.drop_table("follow_up_tasks")

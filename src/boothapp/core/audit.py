"""The audit log: every export, merge, restore, erasure and purge, with who made it,
when, how many leads it touched and what it was (a file, a filter, a lead's id).

An entry is written in the transaction of the operation it records, so the log never
names an operation that did not happen. It never holds a visitor's personal data: an
erasure is logged by lead id only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select

from boothapp.core.driver import table_of
from boothapp.core.models import AuditEntry, stored_utc, utc_now
from boothapp.core.vocabulary import AuditAction

_AUDIT = table_of(AuditEntry)
MAX_DETAIL = 2000


@dataclass(frozen=True)
class AuditRow:
    """One entry of the audit log."""

    id: int
    at: datetime
    action: AuditAction
    staff_name: str
    lead_count: int
    detail: str


def record(
    connection: Connection,
    action: AuditAction,
    staff_name: str | None,
    lead_count: int,
    detail: str = "",
) -> None:
    """Adds an entry in ``connection``'s transaction."""
    connection.execute(
        insert(_AUDIT).values(
            at=utc_now(),
            action=action,
            staff_name=staff_name or "",
            lead_count=lead_count,
            detail=detail[:MAX_DETAIL],
        )
    )


def entries(
    connection: Connection, action: AuditAction | None = None, limit: int | None = None
) -> list[AuditRow]:
    """The log, newest first; only ``action``'s entries when given."""
    query = select(
        _AUDIT.c.id,
        _AUDIT.c.at,
        _AUDIT.c.action,
        _AUDIT.c.staff_name,
        _AUDIT.c.lead_count,
        _AUDIT.c.detail,
    ).order_by(_AUDIT.c.at.desc(), _AUDIT.c.id.desc())
    if action is not None:
        query = query.where(_AUDIT.c.action == action)
    if limit is not None:
        query = query.limit(limit)
    return [
        AuditRow(row.id, stored_utc(row.at), AuditAction(row.action), *row[3:])
        for row in connection.execute(query)
    ]

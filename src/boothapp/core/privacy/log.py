"""Reading the audit log (``core.audit``): exports, merges, restores, erasures, purges."""

from __future__ import annotations

from boothapp.core.audit import AuditRow, entries
from boothapp.core.db import Database
from boothapp.core.vocabulary import AuditAction


def audit_log(
    database: Database, action: AuditAction | None = None, limit: int | None = None
) -> list[AuditRow]:
    """The audit log, newest first; only ``action``'s entries when given."""
    with database.read_connection() as connection:
        return entries(connection, action, limit)

"""Reviewing what merges left aside: the conflicts recorded, with their lead's name, and
marking them reviewed."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from boothapp.core.db import Database
from boothapp.core.driver import driver_rows, table_of
from boothapp.core.leads.rows import LEADS
from boothapp.core.merge.reading import NamedLead
from boothapp.core.merge.summary import ConflictRow
from boothapp.core.models import MergeConflict, stored_utc, stored_utc_or_none, utc_now
from boothapp.core.schemas import lead_display_name

_CONFLICTS = table_of(MergeConflict)


def conflict_rows(connection: Connection, include_reviewed: bool = False) -> list[ConflictRow]:
    """The recorded conflicts (only those not reviewed yet, unless ``include_reviewed``),
    by lead name, then field."""
    c = _CONFLICTS.c
    query = select(
        c.id,
        c.lead_id,
        LEADS.c.first_name,
        LEADS.c.last_name,
        LEADS.c.email,
        LEADS.c.company,
        LEADS.c.badge_id,
        c.field,
        c.kept,
        c.other,
        c.source,
        c.at,
        c.reviewed_at,
    ).join_from(_CONFLICTS, LEADS, LEADS.c.id == c.lead_id)
    if not include_reviewed:
        query = query.where(c.reviewed_at.is_(None))
    rows = [
        ConflictRow(
            id=conflict_id,
            lead_id=lead_id,
            lead_name=lead_display_name(NamedLead(first, last, email, company, badge)),
            field=field,
            kept=kept,
            other=other,
            source=source,
            at=stored_utc(at),
            reviewed_at=stored_utc_or_none(reviewed_at),
        )
        for (
            conflict_id,
            lead_id,
            first,
            last,
            email,
            company,
            badge,
            field,
            kept,
            other,
            source,
            at,
            reviewed_at,
        ) in driver_rows(connection, query, {})
    ]
    return sorted(rows, key=lambda row: (row.lead_name.casefold(), row.lead_id, row.field, row.id))


def list_conflicts(database: Database, include_reviewed: bool = False) -> list[ConflictRow]:
    """The conflicts merges recorded and nobody has reviewed yet (all with
    ``include_reviewed``)."""
    with database.read_connection() as connection:
        return conflict_rows(connection, include_reviewed)


def mark_reviewed(
    database: Database,
    lead_id: str | None = None,
    conflict_ids: list[int] | None = None,
) -> int:
    """Marks reviewed the conflicts of ``lead_id``, or those of ``conflict_ids``, or
    (with neither) every one not reviewed yet; returns how many."""
    c = _CONFLICTS.c
    statement = update(_CONFLICTS).where(c.reviewed_at.is_(None)).values(reviewed_at=utc_now())
    if lead_id is not None:
        statement = statement.where(c.lead_id == lead_id)
    if conflict_ids is not None:
        if not conflict_ids:
            return 0
        statement = statement.where(c.id.in_(conflict_ids))
    with database.write_connection() as connection:
        return int(connection.execute(statement).rowcount)

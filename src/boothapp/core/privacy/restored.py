"""A restored backup forgets again whom the database it replaces had erased.

A backup made before an erasure still holds the person. When it is put in place of the
database (``salvage.restore_from``), the suppression list and the tombstones of erased
leads of the file it replaces are carried into it, and every lead they name is removed
as an erasure removes it, before the backup takes the database's place: restoring never
brings an erased person back. The same transaction writes the restore to the audit log.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from boothapp.core.audit import record
from boothapp.core.db import Database
from boothapp.core.driver import table_of
from boothapp.core.integrity import connect_read_only
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import Event
from boothapp.core.privacy.erasure import (
    _forget_drafts,
    _remove_from_attendee_lists,
    held_leads,
    remove_leads,
)
from boothapp.core.privacy.people import comparable_email
from boothapp.core.search import forget_deleted_words
from boothapp.core.suppression import badge_digest, bury, email_digest, suppress, tombstones
from boothapp.core.vocabulary import AuditAction, TombstoneKind

_EVENTS = table_of(Event)


@dataclass(frozen=True)
class Erasures:
    """What a database file had erased: its suppression list and erased lead ids."""

    suppressed: tuple[tuple[str, str], ...]
    erased_ids: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.suppressed or self.erased_ids)


NO_ERASURES = Erasures((), ())


def erasures_of(path: Path) -> Erasures:
    """The erasures recorded in the database file ``path``, read without writing; none
    when the file is missing, unreadable or older than the suppression list."""
    if not path.is_file():
        return NO_ERASURES
    try:
        with closing(connect_read_only(path)) as connection:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
            if not {"suppressions", "lead_tombstones"} <= tables:
                return NO_ERASURES
            suppressed = connection.execute("SELECT kind, digest FROM suppressions").fetchall()
            erased = connection.execute(
                "SELECT lead_id FROM lead_tombstones WHERE kind = ?", (TombstoneKind.ERASED,)
            ).fetchall()
    except sqlite3.Error:
        return NO_ERASURES
    return Erasures(
        tuple((str(kind), str(digest)) for kind, digest in suppressed),
        tuple(str(lead_id) for (lead_id,) in erased),
    )


def apply_erasures(database: Database, erasures: Erasures, detail: str) -> int:
    """Carries ``erasures`` into ``database`` (a backup about to be restored), removes
    the leads they name and records the restore (``detail``) in its audit log; returns
    how many leads were removed again."""
    with database.write_connection() as connection:
        suppress(connection, erasures.suppressed)
        known = tombstones(connection)
        for lead_id in erasures.erased_ids:
            if lead_id not in known:
                bury(connection, lead_id, TombstoneKind.ERASED)
        digests = {digest for _kind, digest in erasures.suppressed}
        rows = connection.execute(
            select(LEADS.c.id, LEADS.c.email, LEADS.c.badge_id, _EVENTS.c.name).join_from(
                LEADS, _EVENTS, _EVENTS.c.id == LEADS.c.event_id
            )
        ).all()
        erased = set(erasures.erased_ids)
        named = [
            lead_id
            for lead_id, email, badge_id, show in rows
            if lead_id in erased or _names_suppressed(email, show, badge_id, digests)
        ]
        leads = held_leads(connection, named)
        emails = {comparable_email(lead.email) for lead in leads if lead.email}
        remove_leads(connection, leads)
        _remove_from_attendee_lists(connection, leads, emails)
        _forget_drafts(connection, {lead.id for lead in leads}, emails)
        for lead in leads:
            bury(connection, lead.id, TombstoneKind.ERASED)
        if leads:
            forget_deleted_words(connection)
            detail += f"; {len(leads)} erased lead(s) removed again"
        total = connection.execute(select(LEADS.c.id)).all()
        record(connection, AuditAction.RESTORE, None, len(total), detail)
    if leads:
        database.wipe_free_space()
    return len(leads)


def _names_suppressed(
    email: str | None, show: str, badge_id: str | None, digests: set[str]
) -> bool:
    if not digests:
        return False
    if email and email_digest(comparable_email(email)) in digests:
        return True
    return bool(badge_id and badge_id.strip() and badge_digest(show, badge_id) in digests)

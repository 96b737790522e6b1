"""What must not come back: people who asked to be erased, and lead ids that are gone.

A suppressed person is kept only as a digest of their e-mail address (any show) or of
their badge ID at one show (badge IDs are numbered per show by the organiser), so the
list says nothing about who is on it. The digests carry no per-database salt: two
laptops' files must agree on them for a merge to keep an erasure. A tombstone keeps the
id of a lead erased or joined into another, so that merging another laptop's older
copy does not bring it back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, Insert, Table, select

from boothapp.core.driver import table_of
from boothapp.core.models import LeadTombstone, Suppression, utc_now
from boothapp.core.vocabulary import TombstoneKind

_SUPPRESSIONS = table_of(Suppression)
_TOMBSTONES = table_of(LeadTombstone)
_PREFIX = "boothapp-suppression-v1"

EMAIL = "email"
BADGE = "badge"


def email_digest(email: str) -> str:
    """The digest of an e-mail address, whatever its case and surrounding spaces."""
    return _digest(EMAIL, email.strip().lower())


def badge_digest(show_name: str, badge_id: str) -> str:
    """The digest of a badge ID at the show named ``show_name``."""
    return _digest(BADGE, f"{show_name.strip()}\x1f{badge_id.strip()}")


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"{_PREFIX}:{kind}:{value}".encode()).hexdigest()


def person_digests(
    email: str | None, show_name: str, badge_id: str | None
) -> list[tuple[str, str]]:
    """(kind, digest) of each of the e-mail address and badge ID given."""
    digests = []
    if email and email.strip():
        digests.append((EMAIL, email_digest(email)))
    if badge_id and badge_id.strip():
        digests.append((BADGE, badge_digest(show_name, badge_id)))
    return digests


def _insert_ignoring_duplicates(connection: Connection, table: Table) -> Insert:
    """An insert that leaves a row with the same key as it is (the dialects' modules are
    imported here, not when the window starts)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


def suppress(
    connection: Connection, digests: Iterable[tuple[str, str]], at: datetime | None = None
) -> None:
    """Adds (kind, digest) entries to the suppression list; those there already stay."""
    rows = [{"kind": kind, "digest": digest, "at": at or utc_now()} for kind, digest in digests]
    if rows:
        connection.execute(_insert_ignoring_duplicates(connection, _SUPPRESSIONS), rows)


def is_suppressed(
    connection: Connection, email: str | None, show_name: str, badge_id: str | None
) -> bool:
    """Whether the person with this e-mail address or this badge at this show asked to
    be erased."""
    digests = [digest for _, digest in person_digests(email, show_name, badge_id)]
    if not digests:
        return False
    found = connection.execute(
        select(_SUPPRESSIONS.c.digest).where(_SUPPRESSIONS.c.digest.in_(digests)).limit(1)
    ).first()
    return found is not None


def bury(
    connection: Connection,
    lead_id: str,
    kind: TombstoneKind,
    into_id: str | None = None,
    at: datetime | None = None,
) -> None:
    """Records that ``lead_id`` is gone for good (an existing tombstone stays)."""
    row = {"lead_id": lead_id, "kind": kind, "into_id": into_id, "at": at or utc_now()}
    connection.execute(_insert_ignoring_duplicates(connection, _TOMBSTONES), [row])


def tombstones(connection: Connection) -> dict[str, tuple[TombstoneKind, str | None]]:
    """Every buried lead id: its kind and the lead it was joined into."""
    rows = connection.execute(
        select(_TOMBSTONES.c.lead_id, _TOMBSTONES.c.kind, _TOMBSTONES.c.into_id)
    )
    return {lead_id: (TombstoneKind(kind), into_id) for lead_id, kind, into_id in rows}

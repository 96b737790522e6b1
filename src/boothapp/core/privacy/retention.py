"""Not keeping leads forever: the booth's retention period, the leads past it, their purge.

A lead's last contact is the later of its last change (``updated_at``: a save, a note, a
merge) and its last visit (a scan, a return to the booth). Leads whose last contact is
older than the retention period (default 24 months, stored for the whole booth in the
``settings`` table, so every laptop of a shared database uses the same) are listed, and
purged on request. A purge removes them as an erasure does (``erasure.remove_leads``:
gone for real, the search index rewritten, the file's free space and log wiped) but
puts nobody on the suppression list, since the people did not ask; each lead id gets a
tombstone, so that merging another laptop's older copy does not bring it back, and one
audit entry gives the count. Deleted leads count like the others: a soft delete keeps
everything.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select

from boothapp.core.audit import record
from boothapp.core.db import Database
from boothapp.core.driver import table_of
from boothapp.core.errors import ValidationError
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import Setting, Visit, utc_now
from boothapp.core.privacy.erasure import HeldLead, chunks, held_leads, remove_leads
from boothapp.core.search import forget_deleted_words
from boothapp.core.suppression import bury
from boothapp.core.vocabulary import AuditAction, TombstoneKind

RETENTION_SETTING = "retention_months"
DEFAULT_RETENTION_MONTHS = 24
LONGEST_RETENTION_MONTHS = 120

_VISITS = table_of(Visit)
_SETTINGS = table_of(Setting)


@dataclass(frozen=True)
class OldLead:
    """A lead not contacted within the retention period."""

    lead: HeldLead
    last_contact: datetime

    @property
    def id(self) -> str:
        return self.lead.id


@dataclass(frozen=True)
class Purge:
    """What a purge did: the leads removed, the period and the moment it measured from,
    and whether the file's free space and log could be wiped at once."""

    leads: tuple[HeldLead, ...]
    months: int
    cutoff: datetime
    wiped: bool


def checked_months(months: int) -> int:
    """A retention period in months, refused outside 1 to ``LONGEST_RETENTION_MONTHS``."""
    if not 1 <= months <= LONGEST_RETENTION_MONTHS:
        raise ValidationError(
            "months",
            f"the retention period must be 1 to {LONGEST_RETENTION_MONTHS} months (got {months})",
        )
    return months


def _stored_months(connection: Connection) -> int:
    value = connection.execute(
        select(_SETTINGS.c.value).where(_SETTINGS.c.key == RETENTION_SETTING)
    ).scalar()
    if type(value) is int and 1 <= value <= LONGEST_RETENTION_MONTHS:
        return value
    return DEFAULT_RETENTION_MONTHS


def retention_months(database: Database) -> int:
    """The booth's retention period in months (``DEFAULT_RETENTION_MONTHS`` until set)."""
    with database.read_connection() as connection:
        return _stored_months(connection)


def set_retention_months(database: Database, months: int) -> int:
    """Stores the booth's retention period, for every laptop of the database."""
    checked = checked_months(months)
    with database.write() as session:
        session.merge(Setting(key=RETENTION_SETTING, value=checked))
    return checked


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` ``months`` calendar months earlier; a day the month lacks becomes its
    last day (31 March less one month is 28 or 29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _cutoff(months: int, now: datetime | None) -> datetime:
    return months_before((now or utc_now()).astimezone(UTC), checked_months(months))


def _old(connection: Connection, cutoff: datetime, among: Sequence[str] | None) -> list[OldLead]:
    """The leads last contacted before ``cutoff`` (only those of ``among`` if given),
    those longest without contact first."""
    last_visit = (
        select(func.max(_VISITS.c.at))
        .where(_VISITS.c.lead_id == LEADS.c.id)
        .correlate(LEADS)
        .scalar_subquery()
    )
    recent_visit = (
        select(_VISITS.c.id)
        .where(_VISITS.c.lead_id == LEADS.c.id, _VISITS.c.at >= cutoff)
        .correlate(LEADS)
        .exists()
    )
    query = select(LEADS.c.id, LEADS.c.updated_at, last_visit).where(
        LEADS.c.updated_at < cutoff, ~recent_visit
    )
    found: list[tuple[str, datetime]] = []
    if among is None:
        rows = connection.execute(query)
        found = [(lead_id, _later(updated, visited)) for lead_id, updated, visited in rows]
    else:
        for chunk in chunks(list(among)):
            rows = connection.execute(query.where(LEADS.c.id.in_(chunk)))
            found += [(lead_id, _later(updated, visited)) for lead_id, updated, visited in rows]
    last_contact = dict(found)
    leads = held_leads(connection, [lead_id for lead_id, _at in found])
    old = [OldLead(lead, last_contact[lead.id]) for lead in leads]
    old.sort(key=lambda item: (item.last_contact, item.id))
    return old


def _later(updated: datetime, visited: datetime | None) -> datetime:
    """The later of a lead's last change and its last visit (None: no visit)."""
    return max(updated, visited) if visited is not None else updated


def old_leads(
    database: Database, months: int | None = None, now: datetime | None = None
) -> list[OldLead]:
    """The leads (deleted ones too) whose last contact is more than ``months`` (default:
    the booth's period) before ``now``, those longest without contact first."""
    with database.read_connection() as connection:
        period = months if months is not None else _stored_months(connection)
        return _old(connection, _cutoff(period, now), None)


def purge(
    database: Database,
    lead_ids: Collection[str],
    months: int | None = None,
    staff_name: str | None = None,
    now: datetime | None = None,
) -> Purge:
    """Removes for good those of ``lead_ids`` (the leads the person was shown) that are
    still past the retention period, in one transaction: a lead saved or scanned since
    it was listed is kept. Tombstones, no suppression entry, one audit entry."""
    with database.write_connection() as connection:
        period = months if months is not None else _stored_months(connection)
        cutoff = _cutoff(period, now)
        leads = tuple(old.lead for old in _old(connection, cutoff, list(lead_ids)))
        if leads:
            remove_leads(connection, leads)
            for lead in leads:
                bury(connection, lead.id, TombstoneKind.ERASED)
            record(
                connection,
                AuditAction.PURGE,
                staff_name,
                len(leads),
                f"retention: leads last contacted before {cutoff:%Y-%m-%d} "
                f"({period} months) removed",
            )
            forget_deleted_words(connection)
    wiped = database.wipe_free_space() if leads else True
    return Purge(leads, period, cutoff, wiped)

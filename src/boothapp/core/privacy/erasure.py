"""Erasing a person for good (GDPR article 17), and the removal retention's purge shares.

``erase(database, who)`` takes a lead id (that lead) or an e-mail address (every lead
with that address, in every show, deleted ones included). In one transaction it deletes
the leads with their notes, visits, products, answers, merge conflicts, first-export
marks and search rows, the organiser's attendee-list rows naming them and the capture
form's drafts holding them; puts the person's e-mail address and badge (at its show) on
the suppression list, so that no scan, attendee list, save or merge brings them back;
leaves a tombstone for each lead id; and writes an audit entry naming the leads by id
only. An address no lead holds still goes on the suppression list (the person may be in
another laptop's file, not merged yet).

Deleted for real, on SQLite: every connection runs with ``secure_delete``, so the rows'
bytes are overwritten with zeros where they were; the search index is rewritten without
the deleted rows' words (``search.forget_deleted_words``); and after the commit the file
is rewritten without its free space and its ``-wal`` log cut to 0 bytes
(``Database.wipe_free_space``), so that neither what older deletes left in unused space
nor the pages as they were before stay anywhere in the file or its log. Backups made
before the erasure still hold the person until they are deleted. On PostgreSQL a plain
DELETE is what can be done: the old row versions stay in the table files until VACUUM
reuses their space, and in the server's WAL archives and backups, which are the server
administrator's to expire.

A soft delete (the window's Delete, ``lead delete``) is not this: a deleted lead keeps
everything, notes included, so that it can be restored. Erasure is the way to remove it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, delete, or_, select, update

from boothapp.core.audit import record
from boothapp.core.db import Database
from boothapp.core.driver import driver_rows, table_of
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import Attendee, Base, Event, Setting
from boothapp.core.privacy.people import comparable_email, ids_with_email, looks_like_email
from boothapp.core.schemas import lead_display_name
from boothapp.core.search import forget_deleted_words, unindex_leads
from boothapp.core.services.drafts import DRAFT_KEY, KEPT_KEY
from boothapp.core.suppression import EMAIL, bury, email_digest, person_digests, suppress
from boothapp.core.validation import normalise_email
from boothapp.core.vocabulary import AuditAction, TombstoneKind

CHUNK = 500
"""Ids per ``IN (...)`` list: well under SQLite's limit of bound parameters."""

_EVENTS = table_of(Event)
_ATTENDEES = table_of(Attendee)
_SETTINGS = table_of(Setting)


@dataclass(frozen=True)
class HeldLead:
    """A lead as a confirmation names it, and what removing it needs."""

    id: str
    first_name: str
    last_name: str
    company: str
    email: str | None
    badge_id: str | None
    event_id: int
    show: str
    deleted: bool
    search_rowid: int | None

    @property
    def display_name(self) -> str:
        return lead_display_name(self)

    @property
    def label(self) -> str:
        """``Zoé Lefèvre (Milipol Paris 2023)``, ``(deleted)`` added for a deleted lead."""
        deleted = ", deleted" if self.deleted else ""
        return f"{self.display_name} ({self.show}{deleted})"


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure would remove. ``email`` is the address erased in every show (an
    erasure by address), None for an erasure of one lead by id; ``same_email_elsewhere``
    counts the other leads with that lead's address, which an erasure by id keeps."""

    email: str | None
    leads: tuple[HeldLead, ...]
    same_email_elsewhere: int = 0

    @property
    def summary(self) -> str:
        """One line naming what goes, for a confirmation."""
        if not self.leads:
            return (
                f"No lead holds {self.email}: the address goes on the suppression list, so "
                "that no scan, attendee list or merge brings the person in"
            )
        noun = "lead" if len(self.leads) == 1 else "leads"
        names = "; ".join(lead.label for lead in self.leads)
        return f"{len(self.leads)} {noun} with their notes, visits, products and answers: {names}"


@dataclass(frozen=True)
class Erasure:
    """What an erasure did: the leads removed (gone from the database), the address put
    on the suppression list, and whether the file's free space and log could be wiped at
    once (``Database.wipe_free_space``)."""

    leads: tuple[HeldLead, ...]
    email: str | None
    wiped: bool

    @property
    def lead_ids(self) -> tuple[str, ...]:
        return tuple(lead.id for lead in self.leads)


# --- reading -----------------------------------------------------------------------------

_HELD_COLUMNS = (
    LEADS.c.id,
    LEADS.c.first_name,
    LEADS.c.last_name,
    LEADS.c.company,
    LEADS.c.email,
    LEADS.c.badge_id,
    LEADS.c.event_id,
    _EVENTS.c.name,
    LEADS.c.deleted_at.is_not(None),
    LEADS.c.search_rowid,
)


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def held_leads(connection: Connection, ids: Sequence[str]) -> list[HeldLead]:
    """The leads ``ids`` (those that exist), oldest first."""
    found: list[tuple[Any, HeldLead]] = []
    for chunk in chunks(list(ids)):
        query = (
            select(LEADS.c.created_at, *_HELD_COLUMNS)
            .join_from(LEADS, _EVENTS, _EVENTS.c.id == LEADS.c.event_id)
            .where(LEADS.c.id.in_(chunk))
        )
        for created_at, *row in driver_rows(connection, query, {}):
            found.append((created_at, _held(row)))
    found.sort(key=lambda pair: (pair[0], pair[1].id))
    return [lead for _created_at, lead in found]


def _held(row: Sequence[Any]) -> HeldLead:
    lead_id, first, last, company, email, badge_id, event_id, show, deleted, rowid = row
    return HeldLead(
        lead_id, first, last, company, email, badge_id, event_id, show, bool(deleted), rowid
    )


def _valid_address(text: str) -> str:
    address = normalise_email(text)
    if address is None:
        raise ValidationError("email", "give an e-mail address")
    return comparable_email(address)


def plan(connection: Connection, who: str) -> ErasurePlan:
    """What erasing ``who`` (a lead id, or an e-mail address) would remove."""
    text = who.strip()
    if not text:
        raise ValidationError("who", "give a lead id or an e-mail address")
    if looks_like_email(text):
        email = _valid_address(text)
        ids = [str(lead_id) for lead_id in ids_with_email(LEADS, connection, email)]
        return ErasurePlan(email, tuple(held_leads(connection, ids)))
    leads = held_leads(connection, [text])
    if not leads:
        raise NotFound(f"no lead with id {text!r}")
    lead = leads[0]
    same = ids_with_email(LEADS, connection, lead.email or "")
    others = [lead_id for lead_id in same if lead_id != lead.id]
    return ErasurePlan(None, (lead,), len(others))


def plan_erasure(database: Database, who: str) -> ErasurePlan:
    """What erasing ``who`` (a lead id, or an e-mail address) would remove, for the
    confirmation; :func:`erase` looks again when it erases."""
    with database.read_connection() as connection:
        return plan(connection, who)


# --- removing ----------------------------------------------------------------------------


def _tables_referring_to_leads() -> list[tuple[Table, Column[Any]]]:
    """Every table with a column referring to a lead (notes, visits, products, answers,
    merge conflicts, first-export marks, and any added later), with that column."""
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is LEADS and isinstance(key.parent, Column):
                found.append((table, key.parent))
    return found


def remove_leads(connection: Connection, leads: Sequence[HeldLead]) -> None:
    """Deletes ``leads`` for good, with every row that refers to them and their rows of
    the search index (whose words :func:`search.forget_deleted_words` then drops)."""
    ids = [lead.id for lead in leads]
    if not ids:
        return
    children = _tables_referring_to_leads()
    unindex_leads(connection, [(lead.id, lead.search_rowid) for lead in leads])
    for chunk in chunks(ids):
        for table, lead_column in children:
            connection.execute(delete(table).where(lead_column.in_(chunk)))
        connection.execute(delete(LEADS).where(LEADS.c.id.in_(chunk)))


def _remove_from_attendee_lists(
    connection: Connection, leads: Sequence[HeldLead], emails: Iterable[str]
) -> None:
    """Deletes the attendee-list rows of the person: their badge at each lead's show,
    their address at any show."""
    badges = {(lead.event_id, lead.badge_id.strip()) for lead in leads if lead.badge_id}
    ids = {row_id for email in emails for row_id in ids_with_email(_ATTENDEES, connection, email)}
    conditions = [
        and_(_ATTENDEES.c.event_id == event_id, _ATTENDEES.c.badge_id == badge_id)
        for event_id, badge_id in sorted(badges)
    ]
    for chunk in chunks(conditions):
        connection.execute(delete(_ATTENDEES).where(or_(*chunk)))
    for chunk in chunks(sorted(ids)):
        connection.execute(delete(_ATTENDEES).where(_ATTENDEES.c.id.in_(chunk)))


def _names_person(payload: object, lead_ids: set[str], emails: set[str]) -> bool:
    """Whether a stored draft of the capture form is of one of ``lead_ids`` or holds
    one of ``emails``."""
    if not isinstance(payload, dict):
        return False
    if payload.get("lead_id") in lead_ids:
        return True
    fields = payload.get("fields")
    email = fields.get("email") if isinstance(fields, dict) else None
    return isinstance(email, str) and comparable_email(email) in emails


def _forget_drafts(connection: Connection, lead_ids: set[str], emails: set[str]) -> None:
    """Removes the person from the capture form's drafts and kept visitors (every
    station's)."""
    stored = connection.execute(
        select(_SETTINGS.c.key, _SETTINGS.c.value).where(
            or_(
                _SETTINGS.c.key.startswith(DRAFT_KEY, autoescape=True),
                _SETTINGS.c.key.startswith(KEPT_KEY, autoescape=True),
            )
        )
    ).all()
    for key, value in stored:
        if isinstance(value, list):
            kept = [item for item in value if not _names_person(item, lead_ids, emails)]
            if len(kept) == len(value):
                continue
            if kept:
                connection.execute(
                    update(_SETTINGS).where(_SETTINGS.c.key == key).values(value=kept)
                )
                continue
        elif not _names_person(value, lead_ids, emails):
            continue
        connection.execute(delete(_SETTINGS).where(_SETTINGS.c.key == key))


def _audit_detail(reason: str, leads: Sequence[HeldLead]) -> str:
    """The audit entry's description: the leads by id, never by name."""
    return f"{reason}: " + ", ".join(f"lead {lead.id}" for lead in leads)


def erase(database: Database, who: str, staff_name: str | None = None) -> Erasure:
    """Erases ``who`` (a lead id, or an e-mail address: every lead with it, in every
    show) for good, in one transaction, as the module's docstring says; ``staff_name``
    is who did it, for the audit log. Raises NotFound for a lead id no lead has."""
    with database.write_connection() as connection:
        found = plan(connection, who)
        leads = found.leads
        emails = {comparable_email(lead.email) for lead in leads if lead.email}
        if found.email:
            emails.add(found.email)
        remove_leads(connection, leads)
        _remove_from_attendee_lists(connection, leads, emails)
        _forget_drafts(connection, {lead.id for lead in leads}, emails)
        digests = [(EMAIL, email_digest(email)) for email in sorted(emails)]
        for lead in leads:
            digests += person_digests(None, lead.show, lead.badge_id)
            bury(connection, lead.id, TombstoneKind.ERASED)
        suppress(connection, digests)
        if leads:
            detail = _audit_detail("erased on request", leads)
        else:
            detail = "erased on request: no lead held the address; it is on the suppression list"
        record(connection, AuditAction.ERASE, staff_name, len(leads), detail)
        forget_deleted_words(connection)
    return Erasure(leads, found.email, database.wipe_free_space())

"""Leads: capture, edit, list, search, notes, visits, soft delete, duplicates.

Every change is one transaction that also updates the search index, so a committed
lead is always findable and a failed save leaves nothing half-written. A save that would
capture again a person who asked to be erased is refused (``core.privacy.guard``).
A soft delete keeps the whole lead, notes included, so that it can be restored;
``core.privacy.erasure`` removes a lead for good. What is read
and written, and how, is ``core.leads``; this service adds the transactions and the
laptop's defaults (the active show, the staff member at the laptop).
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlalchemy.engine import Connection

from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement, driver_rows
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.leads import query, writer
from boothapp.core.leads.changes import check_created_range, parse_source
from boothapp.core.leads.reader import details_by_id
from boothapp.core.leads.rows import LEADS, ROW_COLUMNS, lead_input_of, lead_rows, staff_names
from boothapp.core.models import Attendee, Event
from boothapp.core.privacy.guard import anyone_erased, refuse_erased
from boothapp.core.privacy.people import comparable_email
from boothapp.core.schemas import LeadDetail, LeadFilter, LeadInput, LeadRow, NoteRow, VisitRow
from boothapp.core.search import LIKE_ESCAPE, like_prefix
from boothapp.core.settings import SettingsService
from boothapp.core.validation import clean_line
from boothapp.core.vocabulary import LeadSource

__all__ = ["LeadService", "check_created_range", "lead_input_of"]

_LEAD = LEADS.c
_SAME_EMAIL = DriverStatement(
    select(*ROW_COLUMNS).where(
        _LEAD.event_id == bindparam("event_id"), func.lower(_LEAD.email) == bindparam("email")
    )
)
_SAME_BADGE = DriverStatement(
    select(*ROW_COLUMNS).where(
        _LEAD.event_id == bindparam("event_id"), _LEAD.badge_id == bindparam("badge_id")
    )
)


class LeadService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def _staff_or_current(self, staff_id: int | None) -> int | None:
        return staff_id if staff_id is not None else self._settings.load().active_staff_id

    # --- writing -----------------------------------------------------------------

    def create(
        self,
        data: LeadInput,
        event_id: int | None = None,
        staff_id: int | None = None,
        created_at: datetime | None = None,
    ) -> LeadDetail:
        """Saves a new lead in ``event_id`` (default: the active show) by ``staff_id``
        (default: the staff member at the laptop). ``created_at`` is for imports."""
        if event_id is None or staff_id is None:
            settings = self._settings.load()
            event_id = event_id if event_id is not None else settings.active_event_id
            staff_id = staff_id if staff_id is not None else settings.active_staff_id
        with self._db.write_connection() as connection:
            event = writer.event_facts(connection, event_id)
            refuse_erased(connection, data.email, event.name, data.badge_id)
            return writer.create_lead(connection, data, event.id, staff_id, created_at)

    def update(self, lead_id: str, data: LeadInput, staff_id: int | None = None) -> LeadDetail:
        """Replaces the lead's fields with ``data``; ``data.note``, if any, is appended.

        The badge payload and source of the first capture are kept."""
        staff_id = self._staff_or_current(staff_id)
        with self._db.write_connection() as connection:
            _refuse_erased_person_brought_in(connection, lead_id, data)
            return writer.update_lead(connection, lead_id, data, staff_id)

    def merge_into(self, lead_id: str, data: LeadInput, staff_id: int | None = None) -> LeadDetail:
        """Folds a new capture into an existing lead (the duplicate guard's "merge").

        Empty fields of the lead take the new values; filled ones are kept. Products,
        follow-ups and answers are added to what is there; the note is appended and a
        visit recorded. Nothing already stored is lost. One transaction: a returning
        visitor's scan is this (see ``core.leads.changes.merged_input``)."""
        staff_id = self._staff_or_current(staff_id)
        source = parse_source(data.source)
        with self._db.write_connection() as connection:
            _refuse_erased_person_brought_in(connection, lead_id, data)
            return writer.update_lead(connection, lead_id, data, staff_id, merge_visit=source)

    def settle_badge_twin(self, lead_id: str, staff_id: int | None = None) -> LeadDetail | None:
        """After a scan saved ``lead_id`` as a new lead. When another laptop saved the
        same badge (badge ID, else e-mail address) at the same show at the same moment
        (each looked it up before either had saved it), the younger lead is folded into
        the older one, its capture becoming a visit, and deleted, in one transaction:
        however the scans interleave, a badge ends as one lead. Returns the older lead
        when ``lead_id`` was folded into it, None when ``lead_id`` is the lead of its
        badge."""
        with self._db.read_connection() as connection:
            if _oldest_of_badge(connection, lead_id) in (None, lead_id):
                return None
        staff_id = self._staff_or_current(staff_id)
        with self._db.write_connection() as connection:
            ours = details_by_id(connection, [lead_id]).get(lead_id)
            oldest = _oldest_of_badge(connection, lead_id)
            if ours is None or oldest in (None, lead_id):
                return None
            notes = "\n\n".join(note.text for note in ours.notes)
            capture = replace(lead_input_of(ours), note=notes)
            older = writer.update_lead(
                connection, oldest, capture, staff_id, merge_visit=ours.source
            )
            writer.set_deleted(connection, lead_id, True)
            return older

    def revert(self, before: LeadDetail, after: LeadDetail) -> LeadDetail:
        """Undoes a save over a lead: ``before``'s fields, rating, follow-ups, products,
        answers and consent come back, and the notes the save added (those of ``after``
        that ``before`` lacks) go."""
        with self._db.write_connection() as connection:
            return writer.revert_lead(connection, before, after)

    def add_note(self, lead_id: str, text: str, staff_id: int | None = None) -> NoteRow:
        staff_id = self._staff_or_current(staff_id)
        with self._db.write_connection() as connection:
            return writer.add_note(connection, lead_id, text, staff_id)

    def record_visit(
        self,
        lead_id: str,
        staff_id: int | None = None,
        source: LeadSource | str = LeadSource.BADGE,
    ) -> VisitRow:
        """Records that a lead came back to the booth (or was scanned again)."""
        staff_id = self._staff_or_current(staff_id)
        with self._db.write_connection() as connection:
            return writer.record_visit(connection, lead_id, staff_id, source)

    def delete(self, lead_id: str) -> None:
        """Soft delete: the lead disappears from lists and exports until restored; it
        keeps everything, notes included (``core.privacy.erasure`` removes it for good)."""
        with self._db.write_connection() as connection:
            writer.set_deleted(connection, lead_id, deleted=True)

    def restore(self, lead_id: str) -> None:
        with self._db.write_connection() as connection:
            writer.set_deleted(connection, lead_id, deleted=False)

    # --- reading -----------------------------------------------------------------

    def get(self, lead_id: str) -> LeadDetail:
        with self._db.read_connection() as connection:
            lead = details_by_id(connection, [lead_id]).get(lead_id)
        if lead is None:
            raise NotFound(f"no lead with id {lead_id!r}")
        return lead

    def resolve_id(self, prefix: str) -> str:
        """The full id of the lead whose id starts with ``prefix`` (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise ValidationError("id", "give at least the first 4 characters of the lead id")
        starting = select(_LEAD.id).where(_LEAD.id.startswith(prefix)).limit(2)
        with self._db.read_connection() as connection:
            ids = [lead_id for (lead_id,) in driver_rows(connection, starting, {})]
        if not ids:
            raise NotFound(f"no lead with id {prefix!r}")
        if len(ids) > 1:
            raise ValidationError("id", f"{prefix!r} matches several leads: give more characters")
        return str(ids[0])

    def list(
        self,
        lead_filter: LeadFilter,
        offset: int = 0,
        limit: int | None = 200,
        order_by: str = "created_at",
        descending: bool = True,
    ) -> builtins.list[LeadRow]:
        with self._db.read_connection() as connection:
            return query.list_page(connection, lead_filter, offset, limit, order_by, descending)

    def list_where(self, *conditions: ColumnElement[bool]) -> builtins.list[LeadRow]:
        """The leads meeting ``conditions`` (on ``Lead``), oldest first, for a service's
        own selections (pending badges, ...)."""
        with self._db.read_connection() as connection:
            return query.rows_where(connection, *conditions)

    def count(self, lead_filter: LeadFilter) -> int:
        with self._db.read_connection() as connection:
            return query.count_leads(connection, lead_filter)

    def details(self, lead_filter: LeadFilter, batch_size: int = 500) -> Iterator[LeadDetail]:
        """Every matching lead in full, oldest first, read in batches (for listings, exports)."""
        with self._db.read_connection() as connection:
            ids = query.ids_in_order(connection, lead_filter)
        yield from self.details_of(ids, batch_size)

    def details_of(self, ids: Sequence[str], batch_size: int = 500) -> Iterator[LeadDetail]:
        """The leads ``ids`` in full, in that order, read in batches; an id no lead has
        raises ``NotFound``."""
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            with self._db.read_connection() as connection:
                leads = details_by_id(connection, batch)
                for lead_id in batch:
                    if lead_id not in leads:
                        raise NotFound(f"no lead with id {lead_id!r}")
                    yield leads[lead_id]

    def find_duplicates(
        self,
        event_id: int,
        email: str | None = None,
        badge_id: str | None = None,
        exclude_id: str | None = None,
    ) -> builtins.list[LeadRow]:
        """Leads of the show with the same badge ID or e-mail (case-insensitive), oldest
        first.

        Each look-up runs by itself on its own index (the e-mail one on ``lower(email)``)
        and deleted leads are left out afterwards, so the database never weighs them
        against the show's other indexes and reads every lead of the show."""
        clean_email = clean_line(email, "email", 254).lower()
        clean_badge = clean_line(badge_id, "badge_id")
        if not clean_email and not clean_badge:
            return []
        with self._db.read_connection() as connection:
            rows = []
            if clean_email:
                parameters = {"event_id": event_id, "email": clean_email}
                rows += _SAME_EMAIL.rows(connection, parameters)
            if clean_badge:
                parameters = {"event_id": event_id, "badge_id": clean_badge}
                rows += _SAME_BADGE.rows(connection, parameters)
            found = lead_rows(rows, staff_names(connection))
        unique = {row.id: row for row in found if row.deleted_at is None and row.id != exclude_id}
        return sorted(unique.values(), key=lambda row: (row.created_at, row.id))

    def company_suggestions(
        self, typed: str, event_id: int | None, limit: int = 10
    ) -> builtins.list[str]:
        """Companies starting with ``typed`` (any case) from earlier leads and the show's
        attendee list, most used first."""
        prefix = clean_line(typed, "company", 300).lower()
        if not prefix:
            return []
        pattern = like_prefix(prefix)
        with self._db.read_connection() as connection:
            used = (
                select(_LEAD.company, func.count().label("uses"))
                .where(
                    func.lower(_LEAD.company).like(pattern, escape=LIKE_ESCAPE),
                    _LEAD.deleted_at.is_(None),
                )
                .group_by(_LEAD.company)
                .order_by(func.count().desc(), _LEAD.company)
                .limit(limit)
            )
            names = [name for name, _ in driver_rows(connection, used, {})]
            if len(names) < limit and event_id is not None:
                attendees = Attendee.__table__.c
                listed = (
                    select(attendees.company)
                    .where(
                        attendees.event_id == event_id,
                        func.lower(attendees.company).like(pattern, escape=LIKE_ESCAPE),
                    )
                    .distinct()
                    .order_by(attendees.company)
                    .limit(limit)
                )
                names += [
                    name for (name,) in driver_rows(connection, listed, {}) if name not in names
                ]
        return names[:limit]


_STORED_PERSON = DriverStatement(
    select(_LEAD.email, _LEAD.badge_id, Event.name)
    .join_from(LEADS, Event, Event.id == _LEAD.event_id)
    .where(_LEAD.id == bindparam("lead_id"))
)


def _refuse_erased_person_brought_in(connection: Connection, lead_id: str, data: LeadInput) -> None:
    """Refuses a save over a lead that gives it the e-mail address or badge of a person
    who asked to be erased (``core.privacy.guard``). What the lead holds already is not
    refused: it stays editable (an erasure by lead id keeps the person's other leads)."""
    if not anyone_erased(connection):
        return
    rows = _STORED_PERSON.rows(connection, {"lead_id": lead_id})
    if not rows:
        return
    stored_email, stored_badge, show_name = rows[0]
    email = data.email if comparable_email(data.email) != comparable_email(stored_email) else None
    badge = data.badge_id
    if badge is not None and badge.strip() == (stored_badge or "").strip():
        badge = None
    refuse_erased(connection, email, show_name, badge)


def _oldest_of_badge(connection: Connection, lead_id: str) -> str | None:
    """The oldest live lead of ``lead_id``'s show with its badge ID, or with its e-mail
    address when it has no badge ID (a vCard badge); None when it has neither, or is
    deleted. Each look-up runs on its own index (event and badge ID; event and
    ``lower(email)``): the few rows found are sifted and put in order here, since a
    condition on ``deleted_at`` or an ORDER BY in SQL lets SQLite walk the show's live
    leads instead (100,000 of them: 50 ms a scan)."""
    own = driver_rows(
        connection,
        select(LEADS.c.event_id, LEADS.c.badge_id, LEADS.c.email).where(
            LEADS.c.id == lead_id, LEADS.c.deleted_at.is_(None)
        ),
        {},
    )
    if not own:
        return None
    event_id, badge_id, email = own[0]
    if badge_id:
        same = LEADS.c.badge_id == badge_id
    elif email:
        same = func.lower(LEADS.c.email) == email.lower()
    else:
        return None
    rows = driver_rows(
        connection,
        select(LEADS.c.created_at, LEADS.c.id, LEADS.c.deleted_at).where(
            LEADS.c.event_id == event_id, same
        ),
        {},
    )
    live = [(created_at, lead) for created_at, lead, deleted_at in rows if deleted_at is None]
    return str(min(live)[1]) if live else None

"""Every write of a lead, in the caller's transaction: create, update, merge, revert,
notes, visits, delete and restore.

Saving a lead is the hot path of the booth (every save, every new badge), so all of
them are a handful of statements on the driver's cursor (``core.driver``) instead of
the ORM's unit of work, and the search index and the follow-up tasks
(``core.follow_ups.store``) are kept in step by the same statements' transaction. A new
lead is returned as made from what was written, without reading it
back; a changed one is read back in full.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, delete, insert, select

from boothapp.core.driver import DriverStatement, table_of
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.follow_ups.store import LeadFollowUps, add_tasks, follow_save
from boothapp.core.leads.changes import (
    MAX_NOTE_LENGTH,
    NO_CONSENT,
    AskedQuestion,
    Contact,
    ShownProduct,
    asked_questions,
    checked_answers,
    consent_columns,
    merged_input,
    parse_source,
    shown_products,
)
from boothapp.core.leads.reader import details_by_id
from boothapp.core.leads.rows import (
    DETAIL_KEYS,
    LEADS,
    DetailBuilder,
    Names,
    lead_input_of,
)
from boothapp.core.models import (
    Answer,
    Event,
    LeadProduct,
    Note,
    StaffMember,
    Visit,
    new_uuid,
    utc_now,
)
from boothapp.core.schemas import LeadDetail, LeadInput, NoteRow, VisitRow
from boothapp.core.search import free_search_rowid, index_lead, reindex_lead, search_text
from boothapp.core.validation import clean_text
from boothapp.core.vocabulary import LeadSource


class EventFacts(NamedTuple):
    """What a write needs to know of the lead's show."""

    id: int
    name: str
    country: str | None
    consent_version: str
    consent_text: str
    timezone: str


_EVENT_FACTS_COLUMNS = select(
    Event.id,
    Event.name,
    Event.country,
    Event.consent_version,
    Event.consent_text,
    Event.timezone,
)
_EVENT_FACTS = DriverStatement(_EVENT_FACTS_COLUMNS.where(Event.id == bindparam("event_id")))
_NEWEST_EVENT_FACTS = DriverStatement(_EVENT_FACTS_COLUMNS.order_by(Event.id.desc()).limit(1))
_STAFF_NAME = DriverStatement(
    select(StaffMember.name).where(StaffMember.id == bindparam("staff_id"))
)
_DELETED_AT = DriverStatement(select(LEADS.c.deleted_at).where(LEADS.c.id == bindparam("lead_id")))
_INSERT_LEAD = DriverStatement(insert(LEADS))
_UPDATE_LEAD = DriverStatement(LEADS.update().where(LEADS.c.id == bindparam("the_lead_id")))
"""Sets the columns named by the parameters (besides ``the_lead_id``)."""
_PRODUCTS = table_of(LeadProduct)
_ANSWERS = table_of(Answer)
_NOTES = table_of(Note)
_VISITS = table_of(Visit)
_INSERT_LEAD_PRODUCT = DriverStatement(insert(_PRODUCTS))
_DELETE_LEAD_PRODUCTS = DriverStatement(
    delete(_PRODUCTS).where(_PRODUCTS.c.lead_id == bindparam("lead_id"))
)
_INSERT_ANSWER = DriverStatement(insert(_ANSWERS))
_DELETE_ANSWER = DriverStatement(
    delete(_ANSWERS).where(
        _ANSWERS.c.lead_id == bindparam("lead_id"),
        _ANSWERS.c.question_id == bindparam("question_id"),
    )
)
_INSERT_NOTE = DriverStatement(insert(_NOTES).returning(_NOTES.c.id))
_DELETE_NOTE = DriverStatement(
    delete(_NOTES).where(
        _NOTES.c.id == bindparam("note_id"), _NOTES.c.lead_id == bindparam("lead_id")
    )
)
_INSERT_VISIT = DriverStatement(insert(_VISITS).returning(_VISITS.c.id))


def event_facts(connection: Connection, event_id: int | None) -> EventFacts:
    """The id, name, country and consent of the show (the newest if None)."""
    rows = _EVENT_FACTS.rows(connection, {"event_id": event_id}) if event_id is not None else []
    if not rows:
        rows = _NEWEST_EVENT_FACTS.rows(connection, {})
    if not rows:
        raise NotFound("no show yet: create one with `boothapp event add` or `boothapp demo`")
    return EventFacts(*rows[0])


def staff_name(connection: Connection, staff_id: int | None) -> str | None:
    """The staff member's name (None for nobody); an unknown one raises NotFound."""
    if staff_id is None:
        return None
    name = _STAFF_NAME.first_value(connection, {"staff_id": staff_id})
    if name is None:
        raise NotFound(f"no staff member with id {staff_id}")
    return str(name)


def _is_deleted(connection: Connection, lead_id: str) -> bool:
    """Whether the lead is deleted; a lead that does not exist raises NotFound."""
    rows = _DELETED_AT.rows(connection, {"lead_id": lead_id})
    if not rows:
        raise NotFound(f"no lead with id {lead_id!r}")
    return rows[0][0] is not None


def _stored_lead(connection: Connection, lead_id: str) -> LeadDetail:
    lead = details_by_id(connection, [lead_id]).get(lead_id)
    if lead is None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead


def _answers_of(
    connection: Connection, event_id: int, answers: dict[int, Any]
) -> list[tuple[AskedQuestion, Any]]:
    return checked_answers(asked_questions(connection, event_id), answers) if answers else []


def _write_parts(
    connection: Connection,
    lead_id: str,
    products: Sequence[ShownProduct],
    answers: Sequence[tuple[AskedQuestion, Any]],
    new: bool,
) -> None:
    """Stores the lead's products (all of them, replacing any it had) and answers (those
    given; None removes one)."""
    if not new:
        _DELETE_LEAD_PRODUCTS.rows(connection, {"lead_id": lead_id})
    _INSERT_LEAD_PRODUCT.run_many(
        connection,
        [
            {
                "lead_id": lead_id,
                "product_id": shown.id,
                "quantity": shown.quantity,
                "remark": shown.remark,
            }
            for shown in products
        ],
    )
    if not new:
        _DELETE_ANSWER.run_many(
            connection,
            [{"lead_id": lead_id, "question_id": question.id} for question, _ in answers],
        )
    _INSERT_ANSWER.run_many(
        connection,
        [
            {"lead_id": lead_id, "question_id": question.id, "value": value}
            for question, value in answers
            if value is not None
        ],
    )


def _new_id(connection: Connection, insert: DriverStatement, values: dict[str, Any]) -> int:
    """Runs an insert that returns the new row's id."""
    new_id: int = insert.first_value(connection, values)
    return new_id


def create_lead(
    connection: Connection,
    data: LeadInput,
    event_id: int | None,
    staff_id: int | None,
    created_at: datetime | None = None,
) -> LeadDetail:
    """Saves a new lead of ``event_id`` (the newest show if None) by ``staff_id``."""
    event = event_facts(connection, event_id)
    contact = Contact(data, event.country, fill_country=True)
    now = created_at if created_at is not None else utc_now()
    if now.tzinfo is not None:
        now = now.astimezone(UTC)
    consent = consent_columns(
        False, data.consent, (event.consent_text, event.consent_version), staff_id, now
    )
    staff = staff_name(connection, staff_id)
    products = shown_products(connection, data.products)
    answers = [
        (question, value)
        for question, value in _answers_of(connection, event.id, data.answers)
        if value is not None
    ]
    lead_id = new_uuid()
    source = parse_source(data.source)
    search_rowid = free_search_rowid(connection, event.id, now)
    values = {
        **contact.values,
        **NO_CONSENT,
        **consent,
        "id": lead_id,
        "event_id": event.id,
        "staff_id": staff_id,
        "source": source,
        "badge_raw": contact.badge_raw,
        "created_at": now,
        "updated_at": now,
        "deleted_at": None,
        "search_rowid": search_rowid,
    }
    _INSERT_LEAD.rows(connection, values)
    _write_parts(connection, lead_id, products, answers, new=True)
    follow_ups = LeadFollowUps(values["follow_ups"], values["rating"])
    add_tasks(connection, lead_id, follow_ups, staff_id, now, event.timezone)
    notes = []
    if contact.note:
        note = {"lead_id": lead_id, "staff_id": staff_id, "created_at": now, "text": contact.note}
        notes.append(
            (lead_id, _new_id(connection, _INSERT_NOTE, note), now, staff_id, contact.note)
        )
    visit = {"lead_id": lead_id, "staff_id": staff_id, "at": now, "source": source}
    visit_id = _new_id(connection, _INSERT_VISIT, visit)
    body = search_text(
        values["first_name"],
        values["last_name"],
        values["company"],
        values["job_title"],
        values["email"],
        values["city"],
        values["badge_id"],
        [contact.note] if contact.note else [],
    )
    index_lead(connection, search_rowid, lead_id, event.id, False, body, new=True)
    written = Names(
        staff={staff_id: staff} if staff is not None else {},
        events={event.id: event.name},
        products={shown.id: (shown.sku, shown.name, shown.category) for shown in products},
        questions={question.id: (question.text, question.position) for question, _ in answers},
    )
    return DetailBuilder(written, json_as_text=False)(
        tuple(values[key] for key in DETAIL_KEYS),
        [(lead_id, shown.id, shown.quantity, shown.remark) for shown in products],
        notes,
        [(lead_id, visit_id, now, staff_id, source)],
        [(lead_id, question.id, value) for question, value in answers],
        contact.warnings,
    )


def update_lead(
    connection: Connection,
    lead_id: str,
    data: LeadInput,
    staff_id: int | None,
    merge_visit: LeadSource | None = None,
    consent_kept: tuple[str | None, datetime | None] | None = None,
) -> LeadDetail:
    """Writes ``data`` over the lead, or with ``merge_visit`` folds it in (``merged_input``)
    and records a visit of that source. ``data.note``, if any, is appended; the badge
    payload and source of the first capture are kept. ``consent_kept`` (version, time)
    stands for the consent of a lead given before."""
    current = _stored_lead(connection, lead_id)
    if merge_visit is not None:
        data = merged_input(current, data)
    event = event_facts(connection, current.event_id)
    if data.badge_raw is None and current.badge_raw:
        data = replace(data, badge_raw=current.badge_raw)
    contact = Contact(data, event.country, fill_country=not current.country)
    now = utc_now()
    consent = consent_columns(
        current.consent_given,
        data.consent,
        (event.consent_text, event.consent_version),
        staff_id,
        now,
    )
    if consent_kept is not None:
        consent["consent_version"], consent["consent_at"] = consent_kept
    staff_name(connection, staff_id)
    products = shown_products(connection, data.products)
    answers = _answers_of(connection, event.id, data.answers)
    values = {
        key: value
        for key, value in contact.values.items()
        if value is not None or key not in ("badge_id", "badge_format")
    }
    _UPDATE_LEAD.rows(connection, {**values, **consent, "updated_at": now, "the_lead_id": lead_id})
    _write_parts(connection, lead_id, products, answers, new=False)
    follow_save(
        connection,
        lead_id,
        LeadFollowUps(current.follow_ups, current.rating),
        LeadFollowUps(values["follow_ups"], values["rating"]),
        current.staff_id if current.staff_id is not None else staff_id,
        now,
        event.timezone,
    )
    if contact.note:
        note = {"lead_id": lead_id, "staff_id": staff_id, "created_at": now, "text": contact.note}
        _new_id(connection, _INSERT_NOTE, note)
    if merge_visit is not None:
        visit = {"lead_id": lead_id, "staff_id": staff_id, "at": now, "source": merge_visit}
        _new_id(connection, _INSERT_VISIT, visit)
    reindex_lead(connection, lead_id)
    return replace(_stored_lead(connection, lead_id), warnings=tuple(contact.warnings))


def revert_lead(connection: Connection, before: LeadDetail, after: LeadDetail) -> LeadDetail:
    """Undoes a save over a lead: ``before``'s fields, rating, follow-ups, products,
    answers and consent come back, and the notes the save added (those of ``after``
    that ``before`` lacks) go."""
    added = {note.id for note in after.notes} - {note.id for note in before.notes}
    _DELETE_NOTE.run_many(
        connection, [{"note_id": note_id, "lead_id": before.id} for note_id in sorted(added)]
    )
    kept = (before.consent_version, before.consent_at) if before.consent_given else None
    return update_lead(
        connection, before.id, lead_input_of(before), before.staff_id, consent_kept=kept
    )


def add_note(connection: Connection, lead_id: str, text: str, staff_id: int | None) -> NoteRow:
    """Appends a note to the lead."""
    cleaned = clean_text(text, "note", MAX_NOTE_LENGTH)
    if not cleaned:
        raise ValidationError("note", "the note is empty")
    _is_deleted(connection, lead_id)
    staff = staff_name(connection, staff_id)
    now = utc_now()
    note = {"lead_id": lead_id, "staff_id": staff_id, "created_at": now, "text": cleaned}
    note_id = _new_id(connection, _INSERT_NOTE, note)
    _UPDATE_LEAD.rows(connection, {"updated_at": now, "the_lead_id": lead_id})
    reindex_lead(connection, lead_id)
    return NoteRow(id=note_id, at=now, staff=staff, text=cleaned)


def record_visit(
    connection: Connection, lead_id: str, staff_id: int | None, source: LeadSource | str
) -> VisitRow:
    """Records that a lead came back to the booth (or was scanned again)."""
    _is_deleted(connection, lead_id)
    staff = staff_name(connection, staff_id)
    how = parse_source(source)
    now = utc_now()
    visit = {"lead_id": lead_id, "staff_id": staff_id, "at": now, "source": how}
    visit_id = _new_id(connection, _INSERT_VISIT, visit)
    return VisitRow(id=visit_id, at=now, staff=staff, source=how)


def set_deleted(connection: Connection, lead_id: str, deleted: bool) -> None:
    """Soft-deletes the lead (it disappears from lists and exports) or restores it; either
    is a change of the lead (``updated_at``)."""
    if _is_deleted(connection, lead_id) == deleted:
        return
    now = utc_now()
    _UPDATE_LEAD.rows(
        connection,
        {"deleted_at": now if deleted else None, "updated_at": now, "the_lead_id": lead_id},
    )
    reindex_lead(connection, lead_id)

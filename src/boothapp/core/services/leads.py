"""Leads: capture, edit, list, search, notes, visits, soft delete, duplicates.

Every change is one transaction that also updates the search index, so a committed
lead is always findable and a failed save leaves nothing half-written.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    bindparam,
    case,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement, driver_rows
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.models import (
    STORED_RATINGS,
    STORED_SOURCES,
    Answer,
    Attendee,
    Event,
    FollowUp,
    Lead,
    LeadProduct,
    LeadSource,
    Note,
    Product,
    ProductCategory,
    Question,
    QuestionKind,
    Rating,
    StaffMember,
    Visit,
    new_uuid,
    stored_utc,
    stored_utc_or_none,
    utc_now,
)
from boothapp.core.schemas import (
    AnswerRow,
    LeadDetail,
    LeadFilter,
    LeadInput,
    LeadRow,
    NoteRow,
    ProductShown,
    VisitRow,
)
from boothapp.core.search import (
    LEAD_SEARCH,
    LIKE_ESCAPE,
    MATCHING_ROWIDS,
    IndexQuery,
    count_matches,
    free_search_rowid,
    fts_query,
    index_new_lead,
    like_prefix,
    reindex_lead,
    search_condition,
    search_text,
)
from boothapp.core.settings import SettingsService
from boothapp.core.validation import (
    FieldWarning,
    clean_line,
    clean_text,
    lead_country,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)

MAX_BADGE_PAYLOAD = 4096
_MERGEABLE_FIELDS = (
    "first_name",
    "last_name",
    "company",
    "job_title",
    "email",
    "phone",
    "mobile",
    "website",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
)
MAX_NOTE_LENGTH = 100_000
NO_CONSENT_TEXT = (
    "this show has no consent text: add one in the show settings before recording consent"
)

_LEADS = Lead.__table__
_STAFF = StaffMember.__table__
_SHOWN = LeadProduct.__table__
_PRODUCTS = Product.__table__
# The list, its count and its sorting are Core statements on the tables: the window's
# first screen runs them before anything needs the ORM's mappers configured.

SORT_COLUMNS = {
    "created_at": _LEADS.c.created_at,
    "updated_at": _LEADS.c.updated_at,
    "first_name": func.lower(_LEADS.c.first_name),
    "last_name": func.lower(_LEADS.c.last_name),
    "company": func.lower(_LEADS.c.company),
    "email": _LEADS.c.email,
    "country": _LEADS.c.country,
    "city": func.lower(_LEADS.c.city),
    "rating": case({Rating.HOT: 0, Rating.WARM: 1, Rating.COLD: 2}, value=_LEADS.c.rating, else_=3),
    "staff": func.lower(_STAFF.c.name),
    "source": _LEADS.c.source,
    "job_title": func.lower(_LEADS.c.job_title),
}


def parse_rating(value: Rating | str | None) -> Rating | None:
    if value is None or value == "":
        return None
    try:
        return Rating(str(value).strip().lower())
    except ValueError:
        raise ValidationError("rating", f"{value!r} is not hot, warm or cold") from None


def parse_source(value: LeadSource | str) -> LeadSource:
    try:
        return LeadSource(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in LeadSource)
        raise ValidationError("source", f"{value!r} is not one of {allowed}") from None


def check_created_range(created_from: datetime | None, created_to: datetime | None) -> None:
    """Refuses a capture-time range that ends before it starts."""
    if created_from is not None and created_to is not None and created_from >= created_to:
        raise ValidationError("dates", "the first day comes after the last one: swap the two dates")


def parse_follow_ups(values: Sequence[str]) -> list[str]:
    result: list[str] = []
    for value in values:
        key = str(value).strip().lower().replace("-", "_").replace(" ", "_")
        try:
            follow_up = FollowUp(key)
        except ValueError:
            allowed = ", ".join(f.value for f in FollowUp)
            raise ValidationError("follow_ups", f"{value!r} is not one of {allowed}") from None
        if follow_up.value not in result:
            result.append(follow_up.value)
    return result


def _staff_name(member: StaffMember | None) -> str | None:
    return member.name if member is not None else None


_ROW_COLUMNS = (
    _LEADS.c.id,
    _LEADS.c.event_id,
    _LEADS.c.created_at,
    _LEADS.c.updated_at,
    _LEADS.c.first_name,
    _LEADS.c.last_name,
    _LEADS.c.company,
    _LEADS.c.job_title,
    _LEADS.c.email,
    _LEADS.c.phone,
    _LEADS.c.country,
    _LEADS.c.city,
    _LEADS.c.rating,
    _LEADS.c.staff_id,
    _LEADS.c.source,
    _LEADS.c.badge_id,
    _LEADS.c.deleted_at,
)


def lead_rows(rows: Sequence[Any], staff_names: dict[int, str]) -> builtins.list[LeadRow]:
    """List lines from driver rows of ``_ROW_COLUMNS``, converting the typed columns as
    their SQLAlchemy types would."""
    return [
        LeadRow(
            id=lead_id,
            event_id=event_id,
            created_at=stored_utc(created_at),
            updated_at=stored_utc(updated_at),
            first_name=first_name,
            last_name=last_name,
            company=company,
            job_title=job_title,
            email=email,
            phone=phone,
            country=country,
            city=city,
            rating=STORED_RATINGS[rating],
            staff=staff_names.get(staff_id) if staff_id is not None else None,
            source=STORED_SOURCES[source],
            badge_id=badge_id,
            deleted_at=stored_utc_or_none(deleted_at),
        )
        for (
            lead_id,
            event_id,
            created_at,
            updated_at,
            first_name,
            last_name,
            company,
            job_title,
            email,
            phone,
            country,
            city,
            rating,
            staff_id,
            source,
            badge_id,
            deleted_at,
        ) in rows
    ]


def lead_detail(lead: Lead, warnings: Sequence[FieldWarning] = ()) -> LeadDetail:
    return LeadDetail(
        id=lead.id,
        event_id=lead.event_id,
        event=lead.event.name,
        staff_id=lead.staff_id,
        staff=_staff_name(lead.staff),
        source=lead.source,
        first_name=lead.first_name,
        last_name=lead.last_name,
        company=lead.company,
        job_title=lead.job_title,
        email=lead.email,
        phone=lead.phone,
        mobile=lead.mobile,
        website=lead.website,
        street=lead.street,
        postal_code=lead.postal_code,
        city=lead.city,
        region=lead.region,
        country=lead.country,
        rating=lead.rating,
        follow_ups=tuple(lead.follow_ups),
        consent_given=lead.consent_given,
        consent_version=lead.consent_version,
        consent_at=lead.consent_at,
        consent_staff=_staff_name(lead.consent_staff),
        badge_id=lead.badge_id,
        badge_format=lead.badge_format,
        badge_raw=lead.badge_raw,
        created_at=lead.created_at,
        updated_at=lead.updated_at,
        deleted_at=lead.deleted_at,
        products=tuple(
            ProductShown(
                sku=item.product.sku,
                quantity=item.quantity,
                remark=item.remark,
                name=item.product.name,
                category=item.product.category,
            )
            for item in sorted(lead.products, key=lambda p: p.product.sku)
        ),
        notes=tuple(
            NoteRow(id=n.id, at=n.created_at, staff=_staff_name(n.staff), text=n.text)
            for n in lead.notes
        ),
        visits=tuple(
            VisitRow(id=v.id, at=v.at, staff=_staff_name(v.staff), source=v.source)
            for v in lead.visits
        ),
        answers=tuple(
            AnswerRow(question_id=a.question_id, question=a.question.text, value=a.value)
            for a in sorted(lead.answers, key=lambda a: a.question.position)
        ),
        warnings=tuple(warnings),
    )


@cache
def _detail_options() -> tuple[_AbstractLoad, ...]:
    """How a lead in full loads what hangs off it. Built on first use: building it
    configures every mapper, which the window's first paint does not need."""
    return (
        selectinload(Lead.event),
        selectinload(Lead.staff),
        selectinload(Lead.consent_staff),
        selectinload(Lead.products).selectinload(LeadProduct.product),
        selectinload(Lead.notes).selectinload(Note.staff),
        selectinload(Lead.visits).selectinload(Visit.staff),
        selectinload(Lead.answers).selectinload(Answer.question),
    )


class _EventFacts(NamedTuple):
    id: int
    name: str
    country: str | None
    consent_version: str
    consent_text: str


_EVENT_FACTS_COLUMNS = select(
    Event.id, Event.name, Event.country, Event.consent_version, Event.consent_text
)
_EVENT_FACTS = DriverStatement(_EVENT_FACTS_COLUMNS.where(Event.id == bindparam("event_id")))
_NEWEST_EVENT_FACTS = DriverStatement(_EVENT_FACTS_COLUMNS.order_by(Event.id.desc()).limit(1))
_STAFF_NAMES = select(_STAFF.c.id, _STAFF.c.name)
_STAFF_NAME = DriverStatement(
    select(StaffMember.name).where(StaffMember.id == bindparam("staff_id"))
)
_PRODUCT_BY_SKU = DriverStatement(
    select(Product.id, Product.name, Product.category).where(Product.sku == bindparam("sku"))
)
_QUESTIONS_OF_EVENT = select(
    Question.id, Question.position, Question.text, Question.kind, Question.choices
).where(Question.event_id == bindparam("event_id"))


def _matches_in_creation_order(descending: bool) -> Select[*tuple[Any, ...]]:
    """A page (``offset``, ``limit``) of the leads matching the FTS ``query``, newest or
    oldest first, picked by index rowid (which follows creation time)."""
    rowid = LEAD_SEARCH.c.rowid
    page = (
        MATCHING_ROWIDS.order_by(rowid.desc() if descending else rowid.asc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    ordering = (
        (_LEADS.c.created_at.desc(), _LEADS.c.id.desc())
        if descending
        else (_LEADS.c.created_at, _LEADS.c.id)
    )
    return select(*_ROW_COLUMNS).where(_LEADS.c.search_rowid.in_(page)).order_by(*ordering)


_MATCHES_NEWEST_FIRST = _matches_in_creation_order(descending=True)
_MATCHES_OLDEST_FIRST = _matches_in_creation_order(descending=False)
_SAME_EMAIL = select(*_ROW_COLUMNS).where(
    _LEADS.c.event_id == bindparam("event_id"), func.lower(_LEADS.c.email) == bindparam("email")
)
_SAME_BADGE = select(*_ROW_COLUMNS).where(
    _LEADS.c.event_id == bindparam("event_id"), _LEADS.c.badge_id == bindparam("badge_id")
)
_INSERT_LEAD = DriverStatement(insert(Lead))
_INSERT_LEAD_PRODUCT = DriverStatement(insert(LeadProduct))
_INSERT_ANSWER = DriverStatement(insert(Answer))
_INSERT_NOTE = DriverStatement(insert(Note).returning(Note.id))
_INSERT_VISIT = DriverStatement(insert(Visit).returning(Visit.id))


class _Contact:
    """A LeadInput's contact fields, cleaned, with the warnings met on the way.

    With ``fill_country``, a lead given no country takes one (see ``lead_country``),
    unless it is known only by its badge: the attendee list fills that one in later."""

    def __init__(self, data: LeadInput, show_country: str | None, fill_country: bool) -> None:
        self.warnings: builtins.list[FieldWarning] = []
        self.values: dict[str, Any] = {
            "first_name": clean_line(data.first_name, "first_name"),
            "last_name": clean_line(data.last_name, "last_name"),
            "company": clean_line(data.company, "company", 300),
            "job_title": clean_line(data.job_title, "job_title", 300),
            "email": normalise_email(data.email),
            "website": normalise_website(data.website),
            "street": clean_line(data.street, "street", 500),
            "postal_code": clean_line(data.postal_code, "postal_code", 32),
            "city": clean_line(data.city, "city"),
            "region": clean_line(data.region, "region"),
            "country": normalise_country(data.country),
            "rating": parse_rating(data.rating),
            "follow_ups": parse_follow_ups(data.follow_ups),
            "badge_id": clean_line(data.badge_id, "badge_id") or None,
            "badge_format": clean_line(data.badge_format, "badge_format", 32) or None,
        }
        region = self.values["country"] or show_country
        if fill_country and _identifies(self.values, data):
            self.values["country"] = lead_country(
                self.values["country"], data.phone, data.mobile, show_country
            )
        for field in ("phone", "mobile"):
            value, warning = normalise_phone(getattr(data, field), region, field)
            self.values[field] = value
            if warning is not None:
                self.warnings.append(warning)
        if data.badge_raw is not None and len(data.badge_raw.encode("utf-8", "surrogatepass")) > (
            MAX_BADGE_PAYLOAD
        ):
            raise ValidationError(
                "badge_raw", f"the badge payload is over {MAX_BADGE_PAYLOAD} bytes"
            )
        self.badge_raw = (
            data.badge_raw.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
            if data.badge_raw is not None
            else None
        )
        self.note = clean_text(data.note, "note", MAX_NOTE_LENGTH)
        keys = ("first_name", "last_name", "email", "company", "phone", "mobile", "badge_id")
        if not any(self.values[key] for key in keys) and not self.badge_raw:
            raise ValidationError(
                "name", "a lead needs at least a name, an e-mail, a company, a phone or a badge"
            )


def _identifies(values: dict[str, Any], data: LeadInput) -> bool:
    """Whether a lead says who the visitor is, beyond a badge to look up."""
    keys = ("first_name", "last_name", "company", "email")
    return any(values[key] for key in keys) or bool(
        clean_line(data.phone, "phone", 64) or clean_line(data.mobile, "mobile", 64)
    )


def _check_consent(given: bool, consent_text: str) -> None:
    if given and not consent_text:
        raise ValidationError("consent", NO_CONSENT_TEXT)


class LeadService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    # --- writing -----------------------------------------------------------------

    def create(
        self,
        data: LeadInput,
        event_id: int | None = None,
        staff_id: int | None = None,
        created_at: datetime | None = None,
    ) -> LeadDetail:
        """Saves a new lead in ``event_id`` (default: the active show) by ``staff_id``
        (default: the staff member at the laptop). ``created_at`` is for imports.

        This is the hot path of the booth (every save, every new badge), so it writes
        with a handful of Core inserts in one transaction instead of the ORM's unit of
        work, and returns the lead made from what it wrote, without reading it back."""
        if event_id is None or staff_id is None:
            settings = self._settings.load()
            event_id = event_id if event_id is not None else settings.active_event_id
            staff_id = staff_id if staff_id is not None else settings.active_staff_id
        with self._db.write_connection() as connection:
            event = self._event_facts(connection, event_id)
            contact = _Contact(data, event.country, fill_country=True)
            _check_consent(data.consent, event.consent_text)
            staff_name = self._staff_name_by_id(connection, staff_id)
            products = self._shown_products(connection, data.products)
            questions = self._questions(connection, event.id) if data.answers else {}
            answers = _checked_answers(questions, data.answers)
            now = created_at or utc_now()
            lead_id = new_uuid()
            source = parse_source(data.source)
            consent_version = (event.consent_version or None) if data.consent else None
            consent_at = now if data.consent else None
            consent_staff_id = staff_id if data.consent else None
            search_rowid = free_search_rowid(connection, event.id, now)
            _INSERT_LEAD.rows(
                connection,
                {
                    **contact.values,
                    "id": lead_id,
                    "event_id": event.id,
                    "staff_id": staff_id,
                    "source": source,
                    "badge_raw": contact.badge_raw,
                    "consent_given": data.consent,
                    "consent_version": consent_version,
                    "consent_at": consent_at,
                    "consent_staff_id": consent_staff_id,
                    "created_at": now,
                    "updated_at": now,
                    "deleted_at": None,
                    "search_rowid": search_rowid,
                },
            )
            if products:
                _INSERT_LEAD_PRODUCT.run_many(
                    connection,
                    [
                        {
                            "lead_id": lead_id,
                            "product_id": product_id,
                            "quantity": shown.quantity,
                            "remark": shown.remark,
                        }
                        for product_id, shown in products
                    ],
                )
            if answers:
                _INSERT_ANSWER.run_many(
                    connection,
                    [
                        {"lead_id": lead_id, "question_id": question.id, "value": value}
                        for question, value in answers
                    ],
                )
            notes: builtins.list[NoteRow] = []
            if contact.note:
                note_id = _INSERT_NOTE.first_value(
                    connection,
                    {
                        "lead_id": lead_id,
                        "staff_id": staff_id,
                        "created_at": now,
                        "text": contact.note,
                    },
                )
                notes.append(NoteRow(id=note_id, at=now, staff=staff_name, text=contact.note))
            visit_id = _INSERT_VISIT.first_value(
                connection,
                {"lead_id": lead_id, "staff_id": staff_id, "at": now, "source": source},
            )
            values = contact.values
            index_new_lead(
                connection,
                search_rowid,
                lead_id,
                event.id,
                search_text(
                    values["first_name"],
                    values["last_name"],
                    values["company"],
                    values["job_title"],
                    values["email"],
                    values["city"],
                    values["badge_id"],
                    [note.text for note in notes],
                ),
            )
        return LeadDetail(
            id=lead_id,
            event_id=event.id,
            event=event.name,
            staff_id=staff_id,
            staff=staff_name,
            source=source,
            first_name=values["first_name"],
            last_name=values["last_name"],
            company=values["company"],
            job_title=values["job_title"],
            email=values["email"],
            phone=values["phone"],
            mobile=values["mobile"],
            website=values["website"],
            street=values["street"],
            postal_code=values["postal_code"],
            city=values["city"],
            region=values["region"],
            country=values["country"],
            rating=values["rating"],
            follow_ups=tuple(values["follow_ups"]),
            consent_given=data.consent,
            consent_version=consent_version,
            consent_at=consent_at,
            consent_staff=staff_name if data.consent else None,
            badge_id=values["badge_id"],
            badge_format=values["badge_format"],
            badge_raw=contact.badge_raw,
            created_at=now,
            updated_at=now,
            deleted_at=None,
            products=tuple(sorted((shown for _, shown in products), key=lambda p: p.sku)),
            notes=tuple(notes),
            visits=(VisitRow(id=visit_id, at=now, staff=staff_name, source=source),),
            answers=tuple(
                AnswerRow(question_id=question.id, question=question.text, value=value)
                for question, value in sorted(answers, key=lambda pair: pair[0].position)
            ),
            warnings=tuple(contact.warnings),
        )

    def update(self, lead_id: str, data: LeadInput, staff_id: int | None = None) -> LeadDetail:
        """Replaces the lead's fields with ``data``; ``data.note``, if any, is appended.

        The badge payload and source of the first capture are kept."""
        staff_id = staff_id if staff_id is not None else self._settings.load().active_staff_id
        with self._db.write() as session:
            lead = self._lead_in_full(session, lead_id)
            warnings = self._apply(session, lead, data, staff_id)
            session.flush()
            return lead_detail(lead, warnings)

    def _apply(
        self, session: Session, lead: Lead, data: LeadInput, staff_id: int | None
    ) -> builtins.list[FieldWarning]:
        """Writes ``data`` over ``lead`` (loaded in full) and re-indexes it; returns the
        warnings met on the way."""
        event = lead.event
        if data.badge_raw is None and lead.badge_raw:
            data = replace(data, badge_raw=lead.badge_raw)
        contact = _Contact(data, event.country, fill_country=not lead.country)
        _check_consent(data.consent and not lead.consent_given, event.consent_text)
        staff = self._staff(session, staff_id)
        now = utc_now()
        for key, value in contact.values.items():
            if key in ("badge_id", "badge_format") and value is None:
                continue
            setattr(lead, key, value)
        lead.updated_at = now
        self._set_consent(lead, event, data.consent, staff, now)
        self._set_products(session, lead, data.products)
        self._set_answers(session, lead, event, data.answers)
        if contact.note:
            lead.notes.append(Note(staff=staff, created_at=now, text=contact.note))
        reindex_lead(session, lead, notes=[note.text for note in lead.notes])
        return contact.warnings

    def add_note(self, lead_id: str, text: str, staff_id: int | None = None) -> NoteRow:
        cleaned = clean_text(text, "note", MAX_NOTE_LENGTH)
        if not cleaned:
            raise ValidationError("note", "the note is empty")
        staff_id = staff_id if staff_id is not None else self._settings.load().active_staff_id
        with self._db.write() as session:
            lead = self._lead(session, lead_id)
            note = Note(
                lead_id=lead.id,
                staff=self._staff(session, staff_id),
                created_at=utc_now(),
                text=cleaned,
            )
            session.add(note)
            lead.updated_at = note.created_at
            reindex_lead(session, lead)
            session.flush()
            return NoteRow(
                id=note.id, at=note.created_at, staff=_staff_name(note.staff), text=note.text
            )

    def record_visit(
        self,
        lead_id: str,
        staff_id: int | None = None,
        source: LeadSource | str = LeadSource.BADGE,
    ) -> VisitRow:
        """Records that a lead came back to the booth (or was scanned again)."""
        staff_id = staff_id if staff_id is not None else self._settings.load().active_staff_id
        with self._db.write() as session:
            lead = self._lead(session, lead_id)
            visit = Visit(
                lead_id=lead.id,
                staff=self._staff(session, staff_id),
                at=utc_now(),
                source=parse_source(source),
            )
            session.add(visit)
            session.flush()
            return VisitRow(
                id=visit.id, at=visit.at, staff=_staff_name(visit.staff), source=visit.source
            )

    def revert(self, before: LeadDetail, after: LeadDetail) -> LeadDetail:
        """Undoes a save over a lead: ``before``'s fields, rating, follow-ups, products,
        answers and consent come back, and the notes the save added (those of ``after``
        that ``before`` lacks) go."""
        added = {note.id for note in after.notes} - {note.id for note in before.notes}
        data = lead_input_of(before)
        with self._db.write() as session:
            lead = self._lead_in_full(session, before.id)
            for note in [note for note in lead.notes if note.id in added]:
                lead.notes.remove(note)
                session.delete(note)
            warnings = self._apply(session, lead, data, before.staff_id)
            if before.consent_given:
                lead.consent_version = before.consent_version
                lead.consent_at = before.consent_at
            session.flush()
            return lead_detail(lead, warnings)

    def delete(self, lead_id: str) -> None:
        """Soft delete: the lead disappears from lists and exports until restored."""
        with self._db.write() as session:
            lead = self._lead(session, lead_id)
            if lead.deleted_at is None:
                lead.deleted_at = utc_now()
                reindex_lead(session, lead)

    def restore(self, lead_id: str) -> None:
        with self._db.write() as session:
            lead = self._lead(session, lead_id)
            if lead.deleted_at is not None:
                lead.deleted_at = None
                reindex_lead(session, lead)

    # --- reading -----------------------------------------------------------------

    def get(self, lead_id: str) -> LeadDetail:
        return self._get(lead_id, ())

    def resolve_id(self, prefix: str) -> str:
        """The full id of the lead whose id starts with ``prefix`` (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise ValidationError("id", "give at least the first 4 characters of the lead id")
        with self._db.read() as session:
            ids = list(session.scalars(select(Lead.id).where(Lead.id.startswith(prefix)).limit(2)))
        if not ids:
            raise NotFound(f"no lead with id {prefix!r}")
        if len(ids) > 1:
            raise ValidationError("id", f"{prefix!r} matches several leads: give more characters")
        return ids[0]

    def list(
        self,
        lead_filter: LeadFilter,
        offset: int = 0,
        limit: int | None = 200,
        order_by: str = "created_at",
        descending: bool = True,
    ) -> builtins.list[LeadRow]:
        if order_by not in SORT_COLUMNS:
            raise ValidationError("order_by", f"cannot sort by {order_by!r}")
        index_query = self._index_only_query(lead_filter)
        if index_query is not None and order_by == "created_at" and lead_filter.event_id:
            # Within one show, index rowids follow creation time.
            return self._newest_matches(index_query, offset, limit, descending)
        column = SORT_COLUMNS[order_by]
        with self._db.read() as session:
            query = self._filtered(session, select(*_ROW_COLUMNS), lead_filter)
            if order_by == "staff":
                query = query.outerjoin(_STAFF, _LEADS.c.staff_id == _STAFF.c.id)
            ordering = (
                [column.desc(), _LEADS.c.id.desc()] if descending else [column.asc(), _LEADS.c.id]
            )
            query = query.order_by(*ordering).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            connection = session.connection()
            rows = driver_rows(connection, query, {})
            return lead_rows(rows, self._staff_names(connection))

    def list_where(self, *conditions: ColumnElement[bool]) -> builtins.list[LeadRow]:
        """The leads meeting ``conditions`` (on ``Lead``), oldest first, for a service's
        own selections (pending badges, ...)."""
        query = select(*_ROW_COLUMNS).where(*conditions).order_by(Lead.created_at, Lead.id)
        with self._db.read_connection() as connection:
            rows = driver_rows(connection, query, {})
            return lead_rows(rows, self._staff_names(connection))

    def count(self, lead_filter: LeadFilter) -> int:
        index_query = self._index_only_query(lead_filter)
        if index_query is not None:
            with self._db.read_connection() as connection:
                return count_matches(connection, index_query)
        with self._db.read() as session:
            query = self._filtered(session, select(func.count()).select_from(_LEADS), lead_filter)
            return int(session.scalar(query) or 0)

    def _newest_matches(
        self, index_query: IndexQuery, offset: int, limit: int | None, descending: bool
    ) -> builtins.list[LeadRow]:
        """A page of the leads matching a search, in creation order, read through the
        index's rowids (search-as-you-type runs this on every key)."""
        statement = _MATCHES_NEWEST_FIRST if descending else _MATCHES_OLDEST_FIRST
        parameters = {
            **index_query.parameters,
            "offset": offset,
            "limit": limit if limit is not None else -1,
        }
        with self._db.read_connection() as connection:
            rows = driver_rows(connection, statement, parameters)
            return lead_rows(rows, self._staff_names(connection))

    def details(self, lead_filter: LeadFilter, batch_size: int = 500) -> Iterator[LeadDetail]:
        """Every matching lead in full, oldest first, read in batches (for listings, exports)."""
        with self._db.read() as session:
            query = self._filtered(session, select(Lead.id), lead_filter)
            ids = list(session.scalars(query.order_by(Lead.created_at, Lead.id)))
        yield from self.details_of(ids, batch_size)

    def details_of(self, ids: Sequence[str], batch_size: int = 500) -> Iterator[LeadDetail]:
        """The leads ``ids`` in full, in that order, read in batches; an id no lead has
        raises ``NotFound``."""
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            with self._db.read() as session:
                leads = {
                    lead.id: lead
                    for lead in session.scalars(
                        select(Lead).where(Lead.id.in_(batch)).options(*_detail_options())
                    )
                }
                for lead_id in batch:
                    if lead_id not in leads:
                        raise NotFound(f"no lead with id {lead_id!r}")
                    yield lead_detail(leads[lead_id])

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
                rows += driver_rows(connection, _SAME_EMAIL, parameters)
            if clean_badge:
                parameters = {"event_id": event_id, "badge_id": clean_badge}
                rows += driver_rows(connection, _SAME_BADGE, parameters)
            found = lead_rows(rows, self._staff_names(connection))
        unique = {row.id: row for row in found if row.deleted_at is None and row.id != exclude_id}
        return sorted(unique.values(), key=lambda row: (row.created_at, row.id))

    def merge_into(self, lead_id: str, data: LeadInput, staff_id: int | None = None) -> LeadDetail:
        """Folds a new capture into an existing lead (the duplicate guard's "merge").

        Empty fields of the lead take the new values; filled ones are kept. Products,
        follow-ups and answers are added to what is there; the note is appended and a
        visit recorded. Nothing already stored is lost. One transaction: a returning
        visitor's scan is this, so it reads and writes the lead once."""
        staff_id = staff_id if staff_id is not None else self._settings.load().active_staff_id
        with self._db.write() as session:
            lead = self._lead_in_full(session, lead_id)
            merged = _merged_input(lead_detail(lead), data)
            warnings = self._apply(session, lead, merged, staff_id)
            lead.visits.append(
                Visit(
                    staff=self._staff(session, staff_id),
                    at=utc_now(),
                    source=parse_source(data.source),
                )
            )
            session.flush()
            return lead_detail(lead, warnings)

    def company_suggestions(
        self, typed: str, event_id: int | None, limit: int = 10
    ) -> builtins.list[str]:
        """Companies starting with ``typed`` (any case) from earlier leads and the show's
        attendee list, most used first."""
        prefix = clean_line(typed, "company", 300).lower()
        if not prefix:
            return []
        pattern = like_prefix(prefix)
        with self._db.read() as session:
            used = (
                select(Lead.company, func.count().label("uses"))
                .where(
                    func.lower(Lead.company).like(pattern, escape=LIKE_ESCAPE),
                    Lead.deleted_at.is_(None),
                )
                .group_by(Lead.company)
                .order_by(func.count().desc(), Lead.company)
                .limit(limit)
            )
            names = [name for name, _ in session.execute(used)]
            if len(names) < limit and event_id is not None:
                listed = (
                    select(Attendee.company)
                    .where(
                        Attendee.event_id == event_id,
                        func.lower(Attendee.company).like(pattern, escape=LIKE_ESCAPE),
                    )
                    .distinct()
                    .order_by(Attendee.company)
                    .limit(limit)
                )
                names += [name for name in session.scalars(listed) if name not in names]
        return names[:limit]

    # --- helpers -----------------------------------------------------------------

    def _get(self, lead_id: str, warnings: Sequence[FieldWarning]) -> LeadDetail:
        with self._db.read() as session:
            lead = session.scalars(
                select(Lead).where(Lead.id == lead_id).options(*_detail_options())
            ).first()
            if lead is None:
                raise NotFound(f"no lead with id {lead_id!r}")
            return lead_detail(lead, warnings)

    @staticmethod
    def _lead_in_full(session: Session, lead_id: str) -> Lead:
        """The lead with everything ``lead_detail`` reads, loaded at once."""
        lead = session.scalars(
            select(Lead).where(Lead.id == lead_id).options(*_detail_options())
        ).first()
        if lead is None:
            raise NotFound(f"no lead with id {lead_id!r}")
        return lead

    @staticmethod
    def _lead(session: Session, lead_id: str) -> Lead:
        lead = session.get(Lead, lead_id)
        if lead is None:
            raise NotFound(f"no lead with id {lead_id!r}")
        return lead

    @staticmethod
    def _staff(session: Session, staff_id: int | None) -> StaffMember | None:
        if staff_id is None:
            return None
        member = session.get(StaffMember, staff_id)
        if member is None:
            raise NotFound(f"no staff member with id {staff_id}")
        return member

    @staticmethod
    def _event_facts(connection: Connection, event_id: int | None) -> _EventFacts:
        """The id, name, country and consent of the show (the newest if None)."""
        rows = _EVENT_FACTS.rows(connection, {"event_id": event_id}) if event_id is not None else []
        if not rows:
            rows = _NEWEST_EVENT_FACTS.rows(connection, {})
        if not rows:
            raise NotFound("no show yet: create one with `boothapp event add` or `boothapp demo`")
        return _EventFacts(*rows[0])

    @staticmethod
    def _staff_name_by_id(connection: Connection, staff_id: int | None) -> str | None:
        if staff_id is None:
            return None
        name = _STAFF_NAME.first_value(connection, {"staff_id": staff_id})
        if name is None:
            raise NotFound(f"no staff member with id {staff_id}")
        return str(name)

    @staticmethod
    def _shown_products(
        connection: Connection, products: Sequence[ProductShown]
    ) -> builtins.list[tuple[int, ProductShown]]:
        """The products given, checked and completed from the catalogue, with their ids."""
        wanted = _wanted_products(products)
        if not wanted:
            return []
        found = {
            sku: rows[0]
            for sku in wanted
            if (rows := _PRODUCT_BY_SKU.rows(connection, {"sku": sku}))
        }
        _check_products_found(wanted, found)
        return [
            (
                found[sku][0],
                ProductShown(
                    sku=sku,
                    quantity=item.quantity,
                    remark=clean_line(item.remark, "products", 500),
                    name=found[sku][1],
                    category=ProductCategory(found[sku][2]),
                ),
            )
            for sku, item in wanted.items()
        ]

    @staticmethod
    def _questions(connection: Connection, event_id: int) -> dict[int, _Question]:
        return {
            row.id: _Question(row.id, row.position, row.text, row.kind, tuple(row.choices))
            for row in connection.execute(_QUESTIONS_OF_EVENT, {"event_id": event_id})
        }

    @staticmethod
    def _staff_names(connection: Connection) -> dict[int, str]:
        return {sid: name for sid, name in connection.execute(_STAFF_NAMES)}

    @staticmethod
    def _set_consent(
        lead: Lead, event: Event, given: bool, staff: StaffMember | None, now: datetime
    ) -> None:
        if given and not lead.consent_given:
            lead.consent_given = True
            lead.consent_version = event.consent_version or None
            lead.consent_at = now
            lead.consent_staff = staff
        elif not given and lead.consent_given:
            lead.consent_given = False
            lead.consent_version = None
            lead.consent_at = None
            lead.consent_staff = None

    @staticmethod
    def _set_products(session: Session, lead: Lead, products: Sequence[ProductShown]) -> None:
        wanted = _wanted_products(products)
        found = (
            {
                p.sku: p
                for p in session.scalars(select(Product).where(Product.sku.in_(list(wanted))))
            }
            if wanted
            else {}
        )
        _check_products_found(wanted, found)
        current = {item.product_id: item for item in lead.products}
        keep: set[int] = set()
        for sku, item in wanted.items():
            product = found[sku]
            keep.add(product.id)
            link = current.get(product.id)
            if link is None:
                link = LeadProduct(product=product)
                lead.products.append(link)
            link.quantity = item.quantity
            link.remark = clean_line(item.remark, "products", 500)
        for product_id, link in current.items():
            if product_id not in keep:
                lead.products.remove(link)

    def _set_answers(
        self, session: Session, lead: Lead, event: Event, answers: dict[int, Any]
    ) -> None:
        questions = self._questions(session.connection(), event.id)
        current = {a.question_id: a for a in lead.answers}
        for question_id in answers:
            _asked(questions, question_id)
        for question_id, raw in answers.items():
            value = _answer_value(questions[question_id], raw)
            if value is None:
                if question_id in current:
                    lead.answers.remove(current[question_id])
                continue
            if question_id in current:
                current[question_id].value = value
            else:
                lead.answers.append(Answer(question_id=question_id, value=value))

    def _filtered(
        self, session: Session, query: Select[*tuple[Any, ...]], lead_filter: LeadFilter
    ) -> Select[*tuple[Any, ...]]:
        """``query`` narrowed by ``lead_filter``; search text without a word is ignored."""
        condition = search_condition(
            session, lead_filter.search, lead_filter.event_id, lead_filter.deleted
        )
        if condition is not None:
            query = query.where(condition)
        if condition is None or not self._db.is_sqlite:
            # On SQLite the search index already chose the show and the deleted state.
            if lead_filter.deleted:
                query = query.where(_LEADS.c.deleted_at.is_not(None))
            else:
                query = query.where(_LEADS.c.deleted_at.is_(None))
            if lead_filter.event_id is not None:
                query = query.where(_LEADS.c.event_id == lead_filter.event_id)
        if lead_filter.staff_id is not None:
            query = query.where(_LEADS.c.staff_id == lead_filter.staff_id)
        if lead_filter.unrated:
            query = query.where(_LEADS.c.rating.is_(None))
        elif lead_filter.rating is not None:
            query = query.where(_LEADS.c.rating == lead_filter.rating)
        if lead_filter.created_from is not None:
            query = query.where(_LEADS.c.created_at >= lead_filter.created_from)
        if lead_filter.created_to is not None:
            query = query.where(_LEADS.c.created_at < lead_filter.created_to)
        if lead_filter.product_sku:
            shown = (
                select(_SHOWN.c.lead_id)
                .join(_PRODUCTS)
                .where(_PRODUCTS.c.sku == lead_filter.product_sku)
            )
            query = query.where(_LEADS.c.id.in_(shown))
        return query

    def _index_only_query(self, lead_filter: LeadFilter) -> IndexQuery | None:
        """The FTS query that answers ``lead_filter`` alone (a search, narrowed at most by
        show and deleted state), or None when the leads table must be read."""
        if not self._db.is_sqlite or any(
            (
                lead_filter.staff_id,
                lead_filter.rating,
                lead_filter.unrated,
                lead_filter.product_sku,
                lead_filter.created_from,
                lead_filter.created_to,
            )
        ):
            return None
        return fts_query(lead_filter.search, lead_filter.event_id, lead_filter.deleted)


def _merged_input(existing: LeadDetail, data: LeadInput) -> LeadInput:
    """What a lead becomes when ``data`` is folded into it (see ``merge_into``)."""
    current = {name: getattr(existing, name) for name in _MERGEABLE_FIELDS}
    incoming = {name: getattr(data, name) for name in _MERGEABLE_FIELDS}
    merged_fields = {
        name: current[name] if current[name] else incoming[name] for name in _MERGEABLE_FIELDS
    }
    products = {p.sku: p for p in existing.products}
    for item in data.products:
        products.setdefault(item.sku, item)
    answers: dict[int, Any] = {a.question_id: a.value for a in existing.answers}
    answers.update({k: v for k, v in data.answers.items() if v not in (None, "", [], ())})
    return LeadInput(
        **merged_fields,
        rating=data.rating or existing.rating,
        follow_ups=tuple(dict.fromkeys((*existing.follow_ups, *data.follow_ups))),
        products=tuple(products.values()),
        answers=answers,
        consent=existing.consent_given or data.consent,
        note=data.note,
        badge_id=existing.badge_id or data.badge_id,
        badge_format=existing.badge_format or data.badge_format,
    )


@dataclass(frozen=True)
class _Question:
    """What checking an answer needs to know of its question."""

    id: int
    position: int
    text: str
    kind: QuestionKind
    choices: tuple[str, ...]


def _asked(questions: dict[int, _Question], question_id: int) -> _Question:
    question = questions.get(question_id)
    if question is None:
        raise ValidationError("answers", f"question {question_id} is not asked at this show")
    return question


def _checked_answers(
    questions: dict[int, _Question], answers: dict[int, Any]
) -> builtins.list[tuple[_Question, Any]]:
    """The answers given, each checked against its question; empty ones left out."""
    checked = []
    for question_id, raw in answers.items():
        question = _asked(questions, question_id)
        value = _answer_value(question, raw)
        if value is not None:
            checked.append((question, value))
    return checked


def _wanted_products(products: Sequence[ProductShown]) -> dict[str, ProductShown]:
    """The products given, by cleaned SKU (the last one wins), with quantities checked."""
    wanted: dict[str, ProductShown] = {}
    for item in products:
        sku = clean_line(item.sku, "products", 64)
        if sku:
            if item.quantity is not None and item.quantity < 0:
                raise ValidationError("products", f"the quantity of {sku} cannot be negative")
            wanted[sku] = item
    return wanted


def _check_products_found(wanted: dict[str, ProductShown], found: dict[str, Any]) -> None:
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise ValidationError("products", f"unknown SKU {', '.join(missing)}")


def _answer_value(question: _Question, raw: Any) -> Any:
    """The stored form of an answer, checked against the question; None clears it."""
    field = f"answers[{question.text}]"
    if raw is None or raw == "" or raw == [] or raw == ():
        return None
    if question.kind == QuestionKind.NUMBER:
        try:
            number = float(str(raw).replace(",", "."))
        except ValueError:
            raise ValidationError(field, f"{raw!r} is not a number") from None
        if not math.isfinite(number):
            raise ValidationError(field, f"{raw!r} is not a number")
        return int(number) if number.is_integer() else number
    if question.kind == QuestionKind.TEXT:
        return clean_text(str(raw), field, 10_000) or None
    chosen = [raw] if isinstance(raw, str) else list(raw)
    unknown = [c for c in chosen if c not in question.choices]
    if unknown:
        raise ValidationError(field, f"{unknown[0]!r} is not one of the choices")
    if question.kind == QuestionKind.SINGLE:
        if len(chosen) != 1:
            raise ValidationError(field, "choose exactly one answer")
        return chosen[0]
    return chosen


def lead_input_of(lead: LeadDetail) -> LeadInput:
    """What saving ``lead`` again as it is would take (no note: notes are appended)."""
    return LeadInput(
        first_name=lead.first_name,
        last_name=lead.last_name,
        company=lead.company,
        job_title=lead.job_title,
        email=lead.email,
        phone=lead.phone,
        mobile=lead.mobile,
        website=lead.website,
        street=lead.street,
        postal_code=lead.postal_code,
        city=lead.city,
        region=lead.region,
        country=lead.country,
        rating=lead.rating,
        follow_ups=lead.follow_ups,
        products=lead.products,
        answers={answer.question_id: answer.value for answer in lead.answers},
        consent=lead.consent_given,
        source=lead.source,
        badge_id=lead.badge_id,
        badge_format=lead.badge_format,
        badge_raw=lead.badge_raw,
    )

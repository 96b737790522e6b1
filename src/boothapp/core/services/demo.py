"""The demo show: "Milipol Paris 2023" with a catalogue, a roster, questions and leads.

It gives a new user something realistic to explore (visitors from many countries, names
in several scripts, notes, ratings, products shown, answers) and gives benchmarks a
database of any size: ``create_demo(services, leads=100_000)``.

The show, staff, products and questions go through the services like any user's. The
leads are written with SQLAlchemy Core ``executemany`` inserts in a few large
transactions, already in the form the lead service would store them (NFC text, E.164
phones, ISO countries, lower-case e-mail domains) and with their row in the search
index, because saving them one by one through ``LeadService.create`` costs a commit
each. Everything random comes from ``random.Random(seed)``: the same seed gives the
same people, times and notes (lead ids are fresh UUIDs on every run).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement
from boothapp.core.errors import Conflict, ValidationError
from boothapp.core.models import (
    Answer,
    Attendee,
    Event,
    FollowUp,
    Lead,
    LeadProduct,
    LeadSource,
    LegalBasis,
    Note,
    ProductCategory,
    QuestionKind,
    Rating,
    StaffRole,
    Visit,
)
from boothapp.core.schemas import EventInput, EventRow, ProductInput, QuestionRow, StaffRow
from boothapp.core.search import (
    first_search_rowid,
    index_scope,
    insert_folded_rows,
    search_text,
)
from boothapp.core.services import Services
from boothapp.core.services.demo_people import (
    DATA,
    SHOW_DAYS,
    SHOWCASE,
    Dice,
    PeopleFactory,
    Person,
    Weighted,
    capture_times,
    locales,
    vcard,
)

DEMO_EVENT_NAME = "Milipol Paris 2023"
DEMO_TIMEZONE = "Europe/Paris"
DEMO_CONSENT_VERSION = "2023-11"
EXHIBITOR = "Korvent Rugged Systems SAS"
EXHIBITOR_DOMAIN = "korvent-rugged.com"

#: Leads written per transaction; ``progress`` is called after each.
CHUNK_SIZE = 5000

DEMO_CONSENT_TEXT = (
    f"By letting us scan your badge or note your details, you agree that {EXHIBITOR} "
    "(stand 5F 112) stores your name, your business contact details and the notes taken "
    "during our conversation, in order to send you the information you asked for and to "
    "follow up on your enquiry about our products and services. Your data is processed in "
    "the European Union, is kept for no longer than 24 months after the show, and is never "
    "sold or passed to third parties for their own marketing. The legal basis is your "
    "consent (Article 6(1)(a) GDPR). You may withdraw it at any time, and ask to see, "
    f"correct or erase your data, by writing to privacy@{EXHIBITOR_DOMAIN}. You may also "
    "lodge a complaint with a data protection authority (in France, the CNIL)."
)

# --- the catalogue, the roster, the questions: demo_data.json ------------------------------


@dataclass(frozen=True)
class _StaffSpec:
    name: str
    email: str
    phone: str
    role: StaffRole
    language: str  # of the notes they sometimes write instead of English


DEMO_BROCHURES = "https://www.korvent-rugged.example/brochures/"
"""Where the demo's product brochures would be (a reserved ``.example`` domain)."""

DEMO_PRODUCTS: tuple[ProductInput, ...] = tuple(
    ProductInput(
        sku=product["sku"],
        name=product["name"],
        category=ProductCategory(product["category"]),
        description=product["description"],
        attributes=product["attributes"],
        brochure_url=f"{DEMO_BROCHURES}{product['sku'].lower()}.pdf",
    )
    for product in DATA["products"]
)
_PRODUCT_WEIGHTS: dict[str, float] = DATA["product_weights"]
"""Product SKUs with how often booth staff show them (others: 2)."""

DEMO_STAFF = tuple(
    _StaffSpec(
        spec["name"], spec["email"], spec["phone"], StaffRole(spec["role"]), spec["language"]
    )
    for spec in DATA["staff"]
)
_STAFF_WEIGHTS = tuple(float(spec["weight"]) for spec in DATA["staff"])

DEMO_QUESTIONS: tuple[tuple[str, QuestionKind, tuple[str, ...]], ...] = tuple(
    (question["text"], QuestionKind(question["kind"]), tuple(question["choices"]))
    for question in DATA["questions"]
)
_Dice, _PeopleFactory, _locales = Dice, PeopleFactory, locales
"""The names the demo's tests know these by."""

_ROLE_CHOICES = DEMO_QUESTIONS[0][2]
_APPLICATION_CHOICES = DEMO_QUESTIONS[1][2]

_NOTES: dict[str, list[str]] = DATA["notes"]
"""What visitors said, by the language of the staff member who wrote it down."""
_CASE_REMARKS: tuple[str, ...] = tuple(DATA["case_remarks"])


# --- leads --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ShowContext:
    """The ids the leads refer to."""

    event_id: int
    staff_ids: tuple[int, ...]
    staff_languages: dict[int, str]
    product_ids: tuple[int, ...]
    product_weights: tuple[float, ...]
    case_names: dict[int, str]  # product id -> name, for transit and rack cases
    role_question: int
    applications_question: int
    quantity_question: int


@dataclass
class _Batch:
    """The rows of one transaction, one list per table."""

    leads: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    search: list[tuple[int, str, str, str]] = field(default_factory=list)


_OUTCOMES: dict[str, Any] = DATA["outcomes"]
"""How often each source, rating, follow-up and number of products and notes comes up;
``""`` stands for no rating."""
_SOURCES = Weighted.of([(LeadSource(source), weight) for source, weight in _OUTCOMES["sources"]])
_RATINGS: Weighted[Rating | None] = Weighted.of(
    [(Rating(rating) if rating else None, weight) for rating, weight in _OUTCOMES["ratings"]]
)
_FOLLOW_UPS: dict[Rating | None, Weighted[tuple[FollowUp, ...]]] = {
    Rating(rating) if rating else None: Weighted.of(
        [(tuple(map(FollowUp, follow_ups)), weight) for follow_ups, weight in table]
    )
    for rating, table in _OUTCOMES["follow_ups"].items()
}
_PRODUCTS_SHOWN: Weighted[int] = Weighted.of(_OUTCOMES["products_shown"])
_NOTE_COUNTS: Weighted[int] = Weighted.of(_OUTCOMES["note_counts"])
_QUANTITIES: tuple[int, ...] = tuple(_OUTCOMES["quantities"])
_ANSWERED_QUANTITIES: tuple[int, ...] = tuple(_OUTCOMES["answered_quantities"])
_ATTENDEES = 30
_ATTENDEES_ALREADY_MET = 6


class _LeadFactory:
    """Turns people and capture times into the rows of leads and what hangs off them."""

    def __init__(
        self,
        dice: Dice,
        show: _ShowContext,
        total: int,
        taken_rowids: set[int],
    ) -> None:
        self._dice = dice
        self._show = show
        self._taken_rowids = taken_rowids
        self._all_cases = list(show.case_names.values())
        self._staff = Weighted.of(list(zip(show.staff_ids, _STAFF_WEIGHTS, strict=False)))
        self._products = Weighted.of(list(zip(show.product_ids, show.product_weights, strict=True)))
        # Distinct badge numbers in no order, with room left for the attendee list.
        self._badges = iter(dice.rng.sample(range(1_000_000, 10_000_000), total + _ATTENDEES))

    def _search_rowid(self, created_at: datetime) -> int:
        """As ``core.search.assign_search_rowid`` gives it, without a query per lead."""
        rowid = first_search_rowid(self._show.event_id, created_at)
        while rowid in self._taken_rowids:
            rowid += 1
        self._taken_rowids.add(rowid)
        return rowid

    def next_badge(self) -> str:
        return f"MP23-{next(self._badges)}"

    def add(self, batch: _Batch, person: Person, created_at: datetime) -> str | None:
        """Adds the rows of one lead to ``batch``; returns its badge ID when it was scanned."""
        dice = self._dice
        show = self._show
        lead_id = str(uuid.uuid4())
        source = dice.weighted(_SOURCES)
        staff_id = None if source is LeadSource.KIOSK else dice.weighted(self._staff)
        scanned = source is LeadSource.BADGE or source is LeadSource.CAMERA
        badge_id = self.next_badge() if scanned else None
        rating = dice.weighted(_RATINGS)
        consent = dice.chance(0.88)
        shown_cases = self._products_shown(batch, lead_id)
        notes = self._notes(batch, lead_id, staff_id, created_at, shown_cases)
        batch.leads.append(
            {
                "id": lead_id,
                "event_id": show.event_id,
                "staff_id": staff_id,
                "source": source,
                **vars(person),
                "rating": rating,
                "follow_ups": [f.value for f in dice.weighted(_FOLLOW_UPS[rating])],
                "consent_given": consent,
                "consent_version": DEMO_CONSENT_VERSION if consent else None,
                "consent_at": created_at if consent else None,
                "consent_staff_id": staff_id if consent else None,
                "legal_basis": _legal_basis(consent, rating),
                "do_not_contact": False,
                "badge_id": badge_id,
                "badge_format": "vcard" if badge_id else None,
                "badge_raw": vcard(person, badge_id) if badge_id else None,
                "created_at": created_at,
                "updated_at": batch.notes[-1]["created_at"] if notes else created_at,
                "deleted_at": None,
                "search_rowid": self._search_rowid(created_at),
            }
        )
        self._answers(batch, lead_id)
        batch.visits.append(
            {"lead_id": lead_id, "staff_id": staff_id, "at": created_at, "source": source}
        )
        if dice.chance(0.08):
            batch.visits.append(
                {
                    "lead_id": lead_id,
                    "staff_id": staff_id,
                    "at": created_at + timedelta(hours=dice.uniform(1.0, 30.0)),
                    "source": LeadSource.BADGE,
                }
            )
        body = search_text(
            person.first_name,
            person.last_name,
            person.company,
            person.job_title,
            person.email,
            person.city,
            badge_id,
            notes,
        )
        rowid = batch.leads[-1]["search_rowid"]
        batch.search.append((rowid, lead_id, index_scope(show.event_id, False), body))
        return badge_id

    def _notes(
        self,
        batch: _Batch,
        lead_id: str,
        staff_id: int | None,
        created_at: datetime,
        shown_cases: list[str],
    ) -> list[str]:
        """0-3 notes, the first taken during the talk and the others later, oldest first;
        mostly in English, sometimes in the language of the staff member."""
        dice = self._dice
        show = self._show
        language = show.staff_languages.get(staff_id, "en") if staff_id is not None else "en"
        cases = shown_cases or self._all_cases
        texts: list[str] = []
        at = created_at
        for index in range(dice.weighted(_NOTE_COUNTS)):
            if index:
                at = at + timedelta(minutes=dice.uniform(5.0, 240.0))
            templates = _NOTES[language] if dice.chance(0.3) else _NOTES["en"]
            note = dice.pick(templates).format(
                qty=dice.pick(_QUANTITIES),
                application=dice.pick(_APPLICATION_CHOICES).lower(),
                case=dice.pick(cases) if cases else "cases",
            )
            texts.append(note)
            batch.notes.append(
                {"lead_id": lead_id, "staff_id": staff_id, "created_at": at, "text": note}
            )
        return texts

    def _products_shown(self, batch: _Batch, lead_id: str) -> list[str]:
        """0-4 products shown; returns the names of the cases among them."""
        dice = self._dice
        case_names = self._show.case_names
        count = min(dice.weighted(_PRODUCTS_SHOWN), len(self._show.product_ids))
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(dice.weighted(self._products))
        cases = []
        for product_id in sorted(chosen):
            case = case_names.get(product_id)
            if case is not None:
                cases.append(case)
            batch.products.append(
                {
                    "lead_id": lead_id,
                    "product_id": product_id,
                    "quantity": dice.pick(_QUANTITIES) if dice.chance(0.3) else None,
                    "remark": dice.pick(_CASE_REMARKS) if case is not None else "",
                }
            )
        return cases

    def _answers(self, batch: _Batch, lead_id: str) -> None:
        """Answers in the stored form the lead service gives them (see ``_answer_value``)."""
        dice = self._dice
        show = self._show
        if dice.chance(0.7):
            role = dice.pick(_ROLE_CHOICES)
            batch.answers.append(
                {"lead_id": lead_id, "question_id": show.role_question, "value": role}
            )
        if dice.chance(0.5):
            picked = {dice.pick(_APPLICATION_CHOICES) for _ in range(1 + dice.below(3))}
            applications = [choice for choice in _APPLICATION_CHOICES if choice in picked]
            batch.answers.append(
                {
                    "lead_id": lead_id,
                    "question_id": show.applications_question,
                    "value": applications,
                }
            )
        if dice.chance(0.4):
            quantity = dice.pick(_ANSWERED_QUANTITIES)
            batch.answers.append(
                {"lead_id": lead_id, "question_id": show.quantity_question, "value": quantity}
            )


_INSERTS = {
    model: DriverStatement(insert(model))
    for model in (Lead, LeadProduct, Note, Visit, Answer, Attendee)
}


_ATTENDEE_COLUMNS = frozenset(column.key for column in Attendee.__table__.columns)
_BY_ID = itemgetter("id")
_BY_LEAD = itemgetter("lead_id")


def _legal_basis(consent: bool, rating: Rating | None) -> LegalBasis | None:
    """Consent where given; the hot leads without it were told of the follow-up and
    did not object (legitimate interest)."""
    if consent:
        return LegalBasis.CONSENT
    return LegalBasis.LEGITIMATE_INTEREST if rating is Rating.HOT else None


def _write(session: Session, batch: _Batch) -> None:
    """Inserts a batch with one ``executemany`` per table.

    Rows go in key order: B-tree pages fill in sequence, and FTS5 keeps collecting terms
    in memory only while rowids increase (a smaller rowid flushes them to disk).
    """
    connection = session.connection()
    for model, rows, key in (
        (Lead, batch.leads, _BY_ID),
        (LeadProduct, batch.products, _BY_LEAD),
        (Note, batch.notes, _BY_LEAD),
        (Visit, batch.visits, _BY_LEAD),
        (Answer, batch.answers, _BY_LEAD),
    ):
        if rows:
            rows.sort(key=key)
            _INSERTS[model].run_many(connection, rows)
    if not batch.search:
        return
    if connection.dialect.name == "sqlite":
        batch.search.sort()
        connection.exec_driver_sql(
            "INSERT INTO lead_search (rowid, lead_id, scope, body) VALUES (?, ?, ?, ?)",
            batch.search,
        )
    else:
        insert_folded_rows(connection, [(lead_id, body) for _, lead_id, _, body in batch.search])


# --- the entry point ----------------------------------------------------------------------


def create_demo(
    services: Services,
    leads: int = 200,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> EventRow:
    """Creates the show "Milipol Paris 2023" with products, staff, questions, ``leads``
    sample leads and a few attendee-list rows, and makes it the active show.

    The first staff member becomes the one at the laptop. Products that already exist
    (same SKU) are reused and put on the stand, and so are staff members of the same
    name. Raises ``Conflict`` before writing anything if a show of the demo's name
    exists. Leads are written ``CHUNK_SIZE`` per transaction and ``progress(done,
    total)`` is called after each; an error part-way leaves the leads written so far.
    """
    if leads < 0:
        raise ValidationError("leads", "the number of demo leads must be 0 or more")
    _refuse_existing(services.database)
    dice = Dice(random.Random(seed))

    event = services.events.create(
        EventInput(
            name=DEMO_EVENT_NAME,
            venue="Paris Nord Villepinte",
            city="Paris",
            country="FR",
            start_date=SHOW_DAYS[0][0],
            end_date=SHOW_DAYS[-1][0],
            booth="5F 112",
            timezone=DEMO_TIMEZONE,
            consent_text=DEMO_CONSENT_TEXT,
            consent_version=DEMO_CONSENT_VERSION,
        )
    )
    staff = _add_staff(services, event.id)
    product_ids = _add_products(services, event.id)
    questions = [
        services.events.add_question(event.id, question, kind, choices)
        for question, kind, choices in DEMO_QUESTIONS
    ]
    show = _show_context(event.id, staff, product_ids, questions)
    _add_leads(services.database, dice, show, leads, progress)
    services.follow_ups.add_missing(event.id)
    services.staff.use(staff[0].id)
    return services.events.use(event.id)


def _refuse_existing(database: Database) -> None:
    with database.read() as session:
        existing = session.scalars(
            select(Event.name).where(func.lower(Event.name) == DEMO_EVENT_NAME.lower())
        ).first()
    if existing is not None:
        raise Conflict(
            f"the demo show {existing!r} already exists in {database.label}: open it with "
            f'`boothapp event use "{existing}"`, or make the demo in another file with --db'
        )


def _add_staff(services: Services, event_id: int) -> list[StaffRow]:
    """The demo roster, reusing staff members of the same name."""
    existing = {
        member.name.casefold(): member for member in services.staff.list(include_inactive=True)
    }
    members = []
    for spec in DEMO_STAFF:
        member = existing.get(spec.name.casefold())
        if member is None:
            member = services.staff.create(spec.name, spec.email, spec.phone, spec.role)
        members.append(member)
    services.events.set_roster(event_id, [member.id for member in members])
    return members


def _add_products(services: Services, event_id: int) -> dict[str, int]:
    """Puts the demo catalogue on the stand; returns SKU -> product id."""
    existing = {product.sku: product for product in services.products.list(include_inactive=True)}
    ids: dict[str, int] = {}
    reused = False
    for data in DEMO_PRODUCTS:
        product = existing.get(data.sku)
        if product is None:
            product = services.products.create(data, event_id=event_id)
        else:
            reused = True
        ids[data.sku] = product.id
    if reused:
        services.events.set_products(event_id, list(ids.values()))
    return ids


def _show_context(
    event_id: int, staff: list[StaffRow], product_ids: dict[str, int], questions: list[QuestionRow]
) -> _ShowContext:
    catalogue = {data.sku: data for data in DEMO_PRODUCTS}
    cases = (ProductCategory.TRANSIT_CASE, ProductCategory.RACK_CASE)
    return _ShowContext(
        event_id=event_id,
        staff_ids=tuple(member.id for member in staff),
        staff_languages={
            member.id: spec.language for member, spec in zip(staff, DEMO_STAFF, strict=True)
        },
        product_ids=tuple(product_ids.values()),
        product_weights=tuple(_PRODUCT_WEIGHTS.get(sku, 2.0) for sku in product_ids),
        case_names={
            product_id: catalogue[sku].name
            for sku, product_id in product_ids.items()
            if catalogue[sku].category in cases
        },
        role_question=questions[0].id,
        applications_question=questions[1].id,
        quantity_question=questions[2].id,
    )


def _add_leads(
    database: Database,
    dice: Dice,
    show: _ShowContext,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Writes ``total`` leads, ``CHUNK_SIZE`` per transaction, then the attendee list."""
    people = PeopleFactory(dice)
    with database.read() as session:
        stored = session.scalars(select(Lead.search_rowid).where(Lead.search_rowid.is_not(None)))
        taken_rowids = {rowid for rowid in stored if rowid is not None}
    factory = _LeadFactory(dice, show, total, taken_rowids=taken_rowids)
    moments = capture_times(dice, total, DEMO_TIMEZONE)
    featured_at = dice.rng.sample(range(total), min(len(SHOWCASE), total))
    showcase = {index: number for number, index in enumerate(featured_at)}
    already_met: list[tuple[str, Person]] = []
    for start in range(0, total, CHUNK_SIZE):
        end = min(start + CHUNK_SIZE, total)
        batch = _Batch()
        for index in range(start, end):
            featured = showcase.get(index)
            person = people.person() if featured is None else people.showcase(featured)
            badge_id = factory.add(batch, person, moments[index])
            if badge_id is not None and len(already_met) < _ATTENDEES_ALREADY_MET:
                already_met.append((badge_id, person))
        with database.write() as session:
            _write(session, batch)
        if progress is not None:
            progress(end, total)
    with database.write() as session:
        _add_attendees(session, show.event_id, people, factory, already_met)
    if progress is not None and total == 0:
        progress(0, 0)


def _add_attendees(
    session: Session,
    event_id: int,
    people: PeopleFactory,
    factory: _LeadFactory,
    already_met: list[tuple[str, Person]],
) -> None:
    """The organiser's attendee list, imported the evening before the show: a few
    visitors already captured as leads, and people not met yet."""
    eve = SHOW_DAYS[0][0] - timedelta(days=1)
    imported_at = datetime.combine(eve, time(18), tzinfo=ZoneInfo(DEMO_TIMEZONE)).astimezone(UTC)
    entries = list(already_met)
    while len(entries) < _ATTENDEES:
        entries.append((factory.next_badge(), people.person()))
    rows = [
        {
            "event_id": event_id,
            "badge_id": badge_id,
            **{key: value for key, value in vars(person).items() if key in _ATTENDEE_COLUMNS},
            "extra": {"badge_type": "Visitor", "registration": "online"},
            "imported_at": imported_at,
        }
        for badge_id, person in entries
    ]
    _INSERTS[Attendee].run_many(session.connection(), rows)

"""The demo show: what it creates, that its leads look as if typed in, and bulk runs.

Tests that write use the ``services`` fixture of ``tests/conftest.py`` (a new database
in ``tmp_path``); the read-only ones share one 200-lead demo.
"""

from __future__ import annotations

import json
import random
import tomllib
from collections.abc import Iterator
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from sqlalchemy import func, select, text

from boothapp.core.badges import parse_badge
from boothapp.core.db import Database, open_database
from boothapp.core.errors import Conflict, ValidationError
from boothapp.core.models import (
    Answer,
    Attendee,
    Base,
    FollowUp,
    Lead,
    LeadProduct,
    LeadSource,
    Note,
    ProductCategory,
    QuestionKind,
    StaffRole,
    Visit,
)
from boothapp.core.schemas import LeadDetail, LeadFilter, LeadInput, ProductInput, ProductShown
from boothapp.core.search import index_scope, search_body, search_text
from boothapp.core.services import Services
from boothapp.core.services.demo import (
    DEMO_CONSENT_VERSION,
    DEMO_EVENT_NAME,
    DEMO_PRODUCTS,
    DEMO_STAFF,
    _Dice,
    _locales,
    _PeopleFactory,
    create_demo,
)
from boothapp.core.validation import (
    clean_line,
    clean_text,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)

PARIS = ZoneInfo("Europe/Paris")
SHOW_DAYS = {date(2023, 11, 14), date(2023, 11, 15), date(2023, 11, 16), date(2023, 11, 17)}


def _open(path: Path) -> tuple[Database, Services]:
    database = open_database(path)
    return database, Services.over(database)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """One demo with 200 leads, shared by the tests that only read it."""
    database, services = _open(tmp_path_factory.mktemp("demo") / "x.sqlite3")
    create_demo(services, leads=200, seed=1)
    yield services
    database.close()


@pytest.fixture(scope="module")
def demo_leads(demo: Services) -> list[LeadDetail]:
    event = demo.events.get(DEMO_EVENT_NAME)
    return list(demo.leads.details(LeadFilter(event_id=event.id)))


def _table_counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        counts = {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
        }
        counts["lead_search"] = int(
            session.execute(text("SELECT count(*) FROM lead_search")).scalar_one()
        )
    return counts


# --- the show and what is on it ---------------------------------------------------------


def test_demo_creates_the_show_and_makes_it_active(demo: Services) -> None:
    event = demo.events.get(DEMO_EVENT_NAME)

    assert event.venue == "Paris Nord Villepinte"
    assert (event.city, event.country) == ("Paris", "FR")
    assert (event.start_date, event.end_date) == (date(2023, 11, 14), date(2023, 11, 17))
    assert event.booth
    assert event.timezone == "Europe/Paris"
    assert event.consent_version == "2023-11"
    assert "GDPR" in event.consent_text and "withdraw" in event.consent_text
    assert demo.events.active() == event


def test_demo_puts_about_twenty_products_of_every_kind_on_the_stand(demo: Services) -> None:
    event = demo.events.get(DEMO_EVENT_NAME)
    products = demo.products.list(event_id=event.id)

    assert 18 <= len(products) <= 24
    assert {p.sku for p in products} == {p.sku for p in DEMO_PRODUCTS}
    assert {p.category for p in products} == {
        ProductCategory.TRANSIT_CASE,
        ProductCategory.RACK_CASE,
        ProductCategory.RACK,
        ProductCategory.ACCESSORY,
        ProductCategory.SERVICE,
    }
    assert any(p.attributes.get("ip_rating") == "IP67" for p in products)
    assert any("MIL-STD-810H" in p.attributes.get("standard", "") for p in products)
    assert all(
        p.attributes.get("rack_units") for p in products if p.category == ProductCategory.RACK_CASE
    )


def test_demo_roster_has_four_staff_one_manager_first_at_the_laptop(demo: Services) -> None:
    event = demo.events.get(DEMO_EVENT_NAME)
    roster = demo.staff.list(event_id=event.id)

    assert len(roster) == 4
    assert [m.role for m in roster].count(StaffRole.MANAGER) == 1
    current = demo.staff.current()
    assert current is not None
    assert current.name == DEMO_STAFF[0].name


def test_demo_asks_single_multiple_and_number_questions(demo: Services) -> None:
    questions = demo.events.questions(DEMO_EVENT_NAME)

    assert [q.kind for q in questions] == [
        QuestionKind.SINGLE,
        QuestionKind.MULTIPLE,
        QuestionKind.NUMBER,
    ]
    assert all(q.choices for q in questions[:2])


def test_demo_lists_attendees_some_already_met(demo: Services) -> None:
    event = demo.events.get(DEMO_EVENT_NAME)
    with demo.database.read() as session:
        attendees = [
            (a.badge_id, a.first_name, a.company, a.country)
            for a in session.scalars(select(Attendee).where(Attendee.event_id == event.id))
        ]
        lead_badges = set(session.scalars(select(Lead.badge_id).where(Lead.badge_id.is_not(None))))

    assert 5 <= len(attendees) <= 50
    badges = [badge for badge, *_ in attendees]
    assert len(set(badges)) == len(badges)
    assert any(b in lead_badges for b in badges)
    assert any(b not in lead_badges for b in badges)
    assert all(first_name and company and country for _, first_name, company, country in attendees)


# --- the leads --------------------------------------------------------------------------


def test_demo_makes_exactly_the_leads_asked(demo: Services, demo_leads: list[LeadDetail]) -> None:
    event = demo.events.get(DEMO_EVENT_NAME)

    assert demo.leads.count(LeadFilter(event_id=event.id)) == 200
    assert len(demo_leads) == 200
    assert all(lead.event == DEMO_EVENT_NAME for lead in demo_leads)


def test_demo_leads_hold_what_the_services_would_have_stored(
    demo_leads: list[LeadDetail],
) -> None:
    for lead in demo_leads:
        for value in (lead.first_name, lead.last_name, lead.company, lead.job_title, lead.city):
            assert clean_line(value, "field", 300) == value
        assert lead.email is not None
        assert lead.email.isascii()
        assert normalise_email(lead.email) == lead.email
        assert normalise_website(lead.website) == lead.website
        assert lead.country is not None
        assert normalise_country(lead.country) == lead.country
        for number in (lead.phone, lead.mobile):
            if number is None:
                continue
            assert normalise_phone(number, None) == (number, None)
            parsed = phonenumbers.parse(number, None)
            assert phonenumbers.is_valid_number(parsed)
            assert phonenumbers.region_code_for_number(parsed) == lead.country
        for note in lead.notes:
            assert clean_text(note.text, "note") == note.text
    assert len({lead.email for lead in demo_leads}) == len(demo_leads)


def test_every_phone_pattern_gives_valid_numbers_of_its_country() -> None:
    factory = _PeopleFactory(_Dice(random.Random(3)))
    for locale in _locales():
        assert locale.mobiles, locale.country
        for patterns in (locale.mobiles, locale.offices):
            for pattern in patterns:
                for _ in range(200):
                    number = factory._phone([pattern])
                    parsed = phonenumbers.parse(number, None)
                    assert phonenumbers.is_valid_number(parsed), number
                    assert phonenumbers.region_code_for_number(parsed) == locale.country
                    assert normalise_phone(number, None) == (number, None)


def test_demo_leads_come_from_many_countries_and_scripts(demo_leads: list[LeadDetail]) -> None:
    countries = {lead.country for lead in demo_leads}
    names = " ".join(f"{lead.first_name} {lead.last_name}" for lead in demo_leads)

    assert len(countries) >= 12
    assert {"FR", "DE", "JP", "CN", "UA", "AE"} <= countries
    assert not names.isascii()
    for showcased in ("Lefèvre", "Müller", "Wójcik", "山田", "李", "Шевченко", "العلي"):
        assert showcased in names


def test_demo_leads_vary_like_real_ones(demo_leads: list[LeadDetail]) -> None:
    assert {lead.rating for lead in demo_leads} == {"hot", "warm", "cold", None}
    assert any(lead.follow_ups for lead in demo_leads)
    assert {len(lead.products) for lead in demo_leads} >= {0, 1, 2, 3}
    assert max(len(lead.products) for lead in demo_leads) <= 4
    assert {len(lead.notes) for lead in demo_leads} == {0, 1, 2, 3}
    assert any(lead.badge_id for lead in demo_leads)
    assert any(not lead.badge_id for lead in demo_leads)
    consented = [lead for lead in demo_leads if lead.consent_given]
    assert len(demo_leads) * 0.7 < len(consented) < len(demo_leads)
    assert all(lead.consent_version == DEMO_CONSENT_VERSION for lead in consented)
    assert all(lead.consent_at == lead.created_at for lead in consented)
    assert all(len(lead.visits) >= 1 for lead in demo_leads)
    assert len({lead.staff for lead in demo_leads}) >= 4


def test_demo_badge_leads_carry_their_scan(demo_leads: list[LeadDetail]) -> None:
    scanned = [lead for lead in demo_leads if lead.badge_id]

    assert len({lead.badge_id for lead in scanned}) == len(scanned)
    for lead in scanned:
        assert lead.source in (LeadSource.BADGE, LeadSource.CAMERA)
        assert lead.badge_raw is not None and lead.badge_id in lead.badge_raw


def test_demo_badge_payloads_read_back_as_their_leads(demo_leads: list[LeadDetail]) -> None:
    scanned = [lead for lead in demo_leads if lead.badge_raw]

    assert scanned
    for lead in scanned:
        assert lead.badge_raw is not None
        badge = parse_badge(lead.badge_raw)
        assert badge.format == lead.badge_format == "vcard"
        assert (badge.badge_id, badge.first_name, badge.last_name) == (
            lead.badge_id,
            lead.first_name,
            lead.last_name,
        )
        assert (badge.company, badge.job_title, badge.email, badge.phone) == (
            lead.company,
            lead.job_title,
            lead.email,
            lead.phone,
        )


def test_demo_answers_fit_their_questions(demo: Services, demo_leads: list[LeadDetail]) -> None:
    questions = {q.id: q for q in demo.events.questions(DEMO_EVENT_NAME)}
    answered: set[QuestionKind] = set()

    for lead in demo_leads:
        for answer in lead.answers:
            question = questions[answer.question_id]
            answered.add(question.kind)
            if question.kind == QuestionKind.SINGLE:
                assert answer.value in question.choices
            elif question.kind == QuestionKind.MULTIPLE:
                assert answer.value and set(answer.value) <= set(question.choices)
            else:
                assert isinstance(answer.value, int) and answer.value > 0
    assert answered == {q.kind for q in questions.values()}


def test_demo_leads_arrive_during_opening_hours_in_paris(demo_leads: list[LeadDetail]) -> None:
    days = set()
    for lead in demo_leads:
        assert lead.created_at.utcoffset() is not None
        local = lead.created_at.astimezone(PARIS)
        days.add(local.date())
        closing = 17 if local.date() == date(2023, 11, 17) else 18
        assert 9 <= local.hour < closing, local
        assert lead.updated_at >= lead.created_at
        for note in lead.notes:
            assert note.at >= lead.created_at

    assert days == SHOW_DAYS


def test_demo_leads_are_found_without_accents_and_in_other_scripts(demo: Services) -> None:
    def found(search: str) -> list[tuple[str, str]]:
        rows = demo.leads.list(LeadFilter(search=search), limit=None)
        return [(row.first_name, row.last_name) for row in rows]

    assert ("Zoé", "Lefèvre") in found("lefevre")
    assert ("Zoé", "Lefèvre") in found("zoe lef")
    assert ("Jürgen", "Müller") in found("jurgen muller")
    assert ("Małgorzata", "Wójcik") in found("wojcik")
    assert ("太郎", "山田") in found("山田")
    assert ("太郎", "山田") in found("山田 太郎")
    assert ("伟", "李") in found("李")
    assert ("Олена", "Шевченко") in found("шевченко")
    assert ("محمد", "العلي") in found("العلي")


def test_demo_search_finds_notes(demo: Services, demo_leads: list[LeadDetail]) -> None:
    with_notes = next(lead for lead in demo_leads if lead.notes)
    word = max(with_notes.notes[-1].text.split(), key=len).strip(".,:;()'\"")

    rows = demo.leads.list(LeadFilter(search=f"{with_notes.last_name} {word}"), limit=None)

    assert with_notes.id in {row.id for row in rows}


def test_demo_search_index_is_what_the_lead_service_would_write(demo: Services) -> None:
    with demo.database.read() as session:
        leads = list(session.scalars(select(Lead)))
        indexed = {
            rowid: (lead_id, scope, body)
            for rowid, lead_id, scope, body in session.execute(
                text("SELECT rowid, lead_id, scope, body FROM lead_search")
            )
        }
        assert len(indexed) == len(leads)
        for lead in leads:
            notes = list(
                session.scalars(
                    select(Note.text).where(Note.lead_id == lead.id).order_by(Note.created_at)
                )
            )
            assert lead.search_rowid is not None
            assert indexed[lead.search_rowid] == (
                lead.id,
                index_scope(lead.event_id, False),
                search_body(lead, notes),
            )


def test_search_text_builds_the_same_body_as_search_body() -> None:
    lead = Lead(
        first_name="Zoé",
        last_name="Lefèvre",
        company="Brenvar Défense SAS",
        job_title="",
        email=None,
        city="Lyon",
        badge_id="MP23-1234567",
    )
    notes = ["Needs 10 cases.", "Rappeler lundi."]

    assert search_text(
        "Zoé", "Lefèvre", "Brenvar Défense SAS", "", None, "Lyon", "MP23-1234567", notes
    ) == search_body(lead, notes)


def _stored(services: Services, lead_id: str) -> dict[str, Any]:
    """A lead's raw stored values, as SQLite holds them, without ids and note times."""
    columns = (
        "source, first_name, last_name, company, job_title, email, phone, mobile, website, "
        "street, postal_code, city, region, country, rating, follow_ups, consent_given, "
        "consent_version, consent_at, consent_staff_id, badge_id, badge_format, badge_raw, "
        "created_at, staff_id, deleted_at"
    )
    with services.database.read() as session:
        lead = session.execute(
            text(f"SELECT {columns} FROM leads WHERE id = :id"), {"id": lead_id}
        ).one()
        products = session.execute(
            text(
                "SELECT product_id, quantity, remark FROM lead_products WHERE lead_id = :id "
                "ORDER BY product_id"
            ),
            {"id": lead_id},
        ).all()
        answers = session.execute(
            text("SELECT question_id, value FROM answers WHERE lead_id = :id ORDER BY 1"),
            {"id": lead_id},
        ).all()
        visits = session.execute(
            text("SELECT staff_id, at, source FROM visits WHERE lead_id = :id"), {"id": lead_id}
        ).all()
    return {
        "lead": tuple(lead),
        "products": products,
        "answers": answers,
        "visits": visits,
    }


def test_demo_rows_are_stored_as_the_lead_service_stores_them(services: Services) -> None:
    create_demo(services, leads=120)
    demo_lead = next(
        lead
        for lead in services.leads.details(LeadFilter())
        if lead.answers
        and lead.products
        and lead.follow_ups
        and lead.consent_given
        and lead.badge_id
        and lead.staff_id is not None
    )
    staff_id = demo_lead.staff_id
    assert staff_id is not None

    typed = services.leads.create(
        LeadInput(
            first_name=demo_lead.first_name,
            last_name=demo_lead.last_name,
            company=demo_lead.company,
            job_title=demo_lead.job_title,
            email=demo_lead.email,
            phone=demo_lead.phone,
            mobile=demo_lead.mobile,
            website=demo_lead.website,
            street=demo_lead.street,
            postal_code=demo_lead.postal_code,
            city=demo_lead.city,
            region=demo_lead.region,
            country=demo_lead.country,
            rating=demo_lead.rating,
            follow_ups=demo_lead.follow_ups,
            products=tuple(
                ProductShown(sku=p.sku, quantity=p.quantity, remark=p.remark)
                for p in demo_lead.products
            ),
            answers={a.question_id: a.value for a in demo_lead.answers},
            consent=True,
            source=demo_lead.source,
            badge_id=demo_lead.badge_id,
            badge_format=demo_lead.badge_format,
            badge_raw=demo_lead.badge_raw,
        ),
        staff_id=staff_id,
        created_at=demo_lead.created_at,
    )

    assert typed.warnings == ()
    assert _stored(services, typed.id) == _stored(services, demo_lead.id)


def test_demo_leads_can_be_edited_like_any_other(
    services: Services,
) -> None:
    create_demo(services, leads=20)
    lead = next(iter(services.leads.details(LeadFilter())))

    services.leads.add_note(lead.id, "Called back: quote sent on 21 November.")

    assert lead.id in {row.id for row in services.leads.list(LeadFilter(search="quote sent"))}
    assert services.leads.get(lead.id).notes[-1].text.startswith("Called back")


# --- reproducible, refused twice, reusing what exists -------------------------------------


def _people(services: Services) -> list[tuple[Any, ...]]:
    return [
        (row.created_at, row.first_name, row.last_name, row.company, row.email, row.phone)
        for row in services.leads.list(LeadFilter(), limit=None, order_by="created_at")
    ]


def test_same_seed_gives_the_same_leads(tmp_path: Path) -> None:
    runs = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database, services = _open(tmp_path / f"{name}.sqlite3")
        create_demo(services, leads=60, seed=seed)
        runs.append(_people(services))
        database.close()

    assert runs[0] == runs[1]
    assert runs[0] != runs[2]
    assert len(runs[0]) == 60


def test_running_the_demo_twice_is_refused_and_changes_nothing(services: Services) -> None:
    create_demo(services, leads=30)
    before = _table_counts(services.database)
    settings = services.settings.load()

    with pytest.raises(Conflict, match="Milipol Paris 2023"):
        create_demo(services, leads=30)

    assert _table_counts(services.database) == before
    assert services.settings.load() == settings


def test_demo_reuses_products_and_staff_that_exist(services: Services) -> None:
    existing = services.products.create(
        ProductInput(sku=DEMO_PRODUCTS[0].sku, name="Our own compact case")
    )
    member = services.staff.create(DEMO_STAFF[2].name)

    event = create_demo(services, leads=10)

    stand = {p.sku: p for p in services.products.list(event_id=event.id)}
    assert stand[existing.sku].id == existing.id
    assert stand[existing.sku].name == "Our own compact case"
    assert len(services.products.list()) == len(DEMO_PRODUCTS)
    assert member.id in {m.id for m in services.staff.list(event_id=event.id)}
    assert len(services.staff.list()) == len(DEMO_STAFF)


def test_demo_with_no_leads(services: Services) -> None:
    calls: list[tuple[int, int]] = []

    event = create_demo(services, leads=0, progress=lambda done, total: calls.append((done, total)))

    assert services.leads.count(LeadFilter(event_id=event.id)) == 0
    assert calls == [(0, 0)]
    assert _table_counts(services.database)["attendees"] > 0


def test_a_negative_number_of_leads_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="leads"):
        create_demo(services, leads=-1)

    assert services.events.list() == []


def test_a_larger_demo_fills_every_table_and_the_search_index(services: Services) -> None:
    calls: list[tuple[int, int]] = []

    event = create_demo(
        services, leads=5_000, seed=2, progress=lambda done, total: calls.append((done, total))
    )

    assert services.leads.count(LeadFilter(event_id=event.id)) == 5_000
    counts = _table_counts(services.database)
    assert counts["leads"] == counts["lead_search"] == 5_000
    assert counts["visits"] >= 5_000
    for table in (LeadProduct, Note, Answer, Visit):
        assert counts[table.__tablename__] > 1_000
    assert calls[-1] == (5_000, 5_000)
    assert [done for done, _ in calls] == sorted({done for done, _ in calls})
    assert all(total == 5_000 for _, total in calls)
    assert services.leads.list(LeadFilter(search="lefevre"))
    with services.database.read() as session:
        rowids = session.execute(text("SELECT count(DISTINCT rowid) FROM lead_search")).scalar()
    assert rowids == 5_000


def test_demo_leads_keep_their_creation_time_in_order(services: Services) -> None:
    create_demo(services, leads=50)
    rows = services.leads.list(LeadFilter(), limit=None, order_by="created_at", descending=False)

    times = [row.created_at for row in rows]
    assert times == sorted(times)
    assert all(isinstance(t, datetime) and t.tzinfo is not None for t in times)


def test_the_demo_data_file_is_package_data_and_holds_what_the_demo_expects() -> None:
    folder = resources.files("boothapp.core.services")
    data = json.loads(folder.joinpath("demo_data.json").read_text("utf-8"))
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["boothapp"]
    assert "core/services/demo_data.json" in shipped
    skus = {product["sku"] for product in data["products"]}
    assert len(skus) == len(DEMO_PRODUCTS) and set(data["product_weights"]) <= skus
    assert [ProductCategory(product["category"]) for product in data["products"]]
    assert [StaffRole(spec["role"]) for spec in data["staff"]]
    assert {spec["language"] for spec in data["staff"]} <= set(data["notes"])
    kinds = [QuestionKind(question["kind"]) for question in data["questions"]]
    assert kinds == [QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.NUMBER]
    for template in [note for notes in data["notes"].values() for note in notes]:
        assert template.format(qty=5, application="radio", case="TC 4020")
    countries = [locale["country"] for locale in data["locales"]]
    assert len(set(countries)) == len(countries) == len(_locales())
    for locale in data["locales"]:
        assert normalise_country(locale["country"]) == locale["country"]
        assert locale["titles"] in data["titles"] and locale["street_format"].format(n=1, s="x")
        assert all("{}" in kind for kind in locale["companies"]["kinds"])
    assert {person["country"] for person in data["showcase"]} <= set(countries)
    outcomes = data["outcomes"]
    assert LeadSource.KIOSK in {LeadSource(source) for source, _ in outcomes["sources"]}
    assert {rating for rating, _ in outcomes["ratings"]} == set(outcomes["follow_ups"])
    for table in outcomes["follow_ups"].values():
        assert all(FollowUp(value) for follow_ups, _ in table for value in follow_ups)

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from boothapp.core.catalogue import clean_sku_and_name
from boothapp.core.errors import Conflict, ValidationError
from boothapp.core.schemas import (
    EventInput,
    EventRow,
    LeadInput,
    ProductEntry,
    ProductInput,
    ProductShown,
    QuestionEntry,
    ShowSetup,
    StaffEntry,
)
from boothapp.core.services import Services
from boothapp.core.vocabulary import ProductCategory, QuestionKind, StaffRole


def _setup_of(services: Services, show: EventRow) -> ShowSetup:
    """The show's settings as the settings window loads them."""
    roster = {m.id for m in services.staff.list(event_id=show.id, include_inactive=True)}
    stand = {p.id for p in services.products.list(event_id=show.id, include_inactive=True)}
    return ShowSetup(
        show=EventInput(
            name=show.name,
            venue=show.venue,
            city=show.city,
            country=show.country,
            timezone=show.timezone,
            consent_text=show.consent_text,
            consent_version=show.consent_version,
        ),
        staff=tuple(
            StaffEntry(m.id, m.name, m.email, m.role, m.active, m.id in roster)
            for m in services.staff.list(include_inactive=True)
        ),
        products=tuple(
            ProductEntry(p.id, p.sku, p.name, p.category, p.id in stand)
            for p in services.products.list(include_inactive=True)
        ),
        questions=tuple(
            QuestionEntry(q.id, q.text, q.kind, q.choices)
            for q in services.events.questions(show.id)
        ),
    )


def _stored(services: Services, show: EventRow) -> tuple[object, ...]:
    return (
        services.events.get(show.id),
        services.staff.list(include_inactive=True),
        services.staff.list(event_id=show.id),
        services.products.list(include_inactive=True),
        services.products.list(event_id=show.id),
        services.events.questions(show.id),
    )


def test_staff_update_renames_and_leads_follow(services: Services, show: EventRow) -> None:
    jonas = services.staff.get("Jonas Weber")
    lead = services.leads.create(LeadInput(first_name="Zoé"), staff_id=jonas.id)
    updated = services.staff.update(
        jonas.id, "Jonas Wéber", "jonas@example.de", "+49 30 1234567", "manager"
    )
    assert (updated.name, updated.email, updated.phone, updated.role) == (
        "Jonas Wéber",
        "jonas@example.de",
        "+49301234567",
        StaffRole.MANAGER,
    )
    assert services.leads.get(lead.id).staff == "Jonas Wéber"
    with pytest.raises(ValidationError) as error:
        services.staff.update(jonas.id, "  ")
    assert error.value.field == "name"


def test_product_update_can_rename_the_sku_but_not_onto_another(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé", products=(ProductShown("TC-6040"),)))
    renamed = services.products.update(
        "TC-6040",
        ProductInput(sku="TC-6041", name="Transit case 60×40 IP67", category="transit case"),
    )
    assert (renamed.sku, renamed.name) == ("TC-6041", "Transit case 60×40 IP67")
    assert services.products.get("TC-6041").id == renamed.id
    assert [p.sku for p in services.leads.get(lead.id).products] == ["TC-6041"]
    with pytest.raises(Conflict):
        services.products.update("TC-6041", ProductInput(sku="RC-4U", name="Clash"))
    assert services.products.get("TC-6041").name == "Transit case 60×40 IP67"


def test_show_setup_saves_everything_in_one_go(services: Services, show: EventRow) -> None:
    sector = services.events.add_question(show.id, "Sector", "single", ("Police", "Army"))
    budget = services.events.add_question(show.id, "Budget", "number")
    lead = services.leads.create(LeadInput(first_name="Zoé", answers={sector.id: "Army"}))
    setup = _setup_of(services, show)
    claire, jonas = setup.staff
    foam, rack_case, case = sorted(setup.products, key=lambda p: p.sku)
    saved = services.show_setup.save(
        show.id,
        replace(
            setup,
            show=replace(setup.show, booth="5A-12", consent_version="2023-12"),
            staff=(
                replace(claire, name="Claire Martin-Dubois"),
                replace(jonas, on_roster=False, active=False),
                StaffEntry(None, "山田 太郎", None, StaffRole.STAFF, True, True),
            ),
            products=(
                replace(case, on_stand=False),
                foam,
                replace(rack_case, name="Rack case 4U shock-mounted"),
                ProductEntry(None, "RK-19", "19-inch rack", ProductCategory.RACK, True),
            ),
            questions=(
                QuestionEntry(None, "Fleet size", QuestionKind.NUMBER, ()),
                QuestionEntry(budget.id, "Budget (k€)", QuestionKind.NUMBER, ()),
                QuestionEntry(sector.id, "Sector", QuestionKind.SINGLE, ("Police", "Army")),
            ),
        ),
    )
    assert (saved.booth, saved.consent_version) == ("5A-12", "2023-12")
    assert [m.name for m in services.staff.list(event_id=show.id)] == [
        "Claire Martin-Dubois",
        "山田 太郎",
    ]
    assert not services.staff.get("Jonas Weber").active
    assert sorted(p.sku for p in services.products.list(event_id=show.id)) == [
        "ACC-FOAM",
        "RC-4U",
        "RK-19",
    ]
    assert services.products.get("RC-4U").name == "Rack case 4U shock-mounted"
    questions = services.events.questions(show.id)
    assert [(q.text, q.position) for q in questions] == [
        ("Fleet size", 0),
        ("Budget (k€)", 1),
        ("Sector", 2),
    ]
    assert [(a.question, a.value) for a in services.leads.get(lead.id).answers] == [
        ("Sector", "Army")
    ]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("bad_email", "staff.email"),
        ("blank_staff", "staff.name"),
        ("twin_sku", "products.sku"),
        ("sku_of_another", None),
        ("choice_without_choices", "questions.choices"),
        ("bad_country", "country"),
    ],
)
def test_show_setup_stores_nothing_when_one_value_is_refused(
    services: Services, show: EventRow, change: str, field: str | None
) -> None:
    services.events.add_question(show.id, "Sector", "single", ("Police", "Army"))
    setup = _setup_of(services, show)
    claire, jonas = setup.staff
    products = list(setup.products)
    edits = {
        "bad_email": {"staff": (replace(claire, email="claire@"), jonas)},
        "blank_staff": {"staff": (claire, replace(jonas, name="\u202e\u200b"))},
        "twin_sku": {
            "products": (*products, ProductEntry(None, "RC-4U", "Twin", ProductCategory.RACK, True))
        },
        "sku_of_another": {"products": (replace(products[0], sku=products[1].sku), *products[1:])},
        "choice_without_choices": {
            "questions": (QuestionEntry(None, "Colour", QuestionKind.SINGLE, ()),)
        },
        "bad_country": {"show": replace(setup.show, country="Atlantis")},
    }[change]
    before = _stored(services, show)
    changed = replace(
        setup,
        show=replace(setup.show, booth="7B"),
        staff=(*setup.staff, StaffEntry(None, "Eve", None, StaffRole.STAFF, True, True)),
    )
    with pytest.raises((ValidationError, Conflict)) as error:
        services.show_setup.save(show.id, replace(changed, **edits))  # type: ignore[arg-type]
    if field is not None:
        assert isinstance(error.value, ValidationError) and error.value.field == field
    after = _stored(services, show)
    assert after == before


@pytest.mark.parametrize(
    ("sku", "name", "field", "reason"),
    [
        ("", "Transit case", "sku", "a product needs a SKU"),
        ("TC-9000", "   ", "name", "a product needs a name"),
    ],
)
def test_a_product_is_refused_in_the_same_words_wherever_it_is_added(
    services: Services,
    show: EventRow,
    tmp_path: Path,
    sku: str,
    name: str,
    field: str,
    reason: str,
) -> None:
    with pytest.raises(ValidationError) as checked:
        clean_sku_and_name(sku, name)
    assert (checked.value.field, checked.value.reason) == (field, reason)

    with pytest.raises(ValidationError) as created:
        services.products.create(ProductInput(sku=sku, name=name))
    assert (created.value.field, created.value.reason) == (field, reason)

    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text(f"sku,name\nRK-19,Rack\n{sku},{name}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as imported:
        services.products.import_file(catalogue)
    assert imported.value.field == "catalogue.csv row 3"
    assert imported.value.reason == f"{field}: {reason}"

    setup = _setup_of(services, show)
    added = ProductEntry(None, sku, name, ProductCategory.OTHER, True)
    with pytest.raises(ValidationError) as saved:
        services.show_setup.save(show.id, replace(setup, products=(*setup.products, added)))
    assert saved.value.field == f"products.{field}"
    assert saved.value.reason == f"{sku or name}: {reason}"

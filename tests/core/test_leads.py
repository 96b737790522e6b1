from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.models import LeadSource, Rating
from boothapp.core.schemas import (
    EventInput,
    EventRow,
    LeadFilter,
    LeadInput,
    ProductShown,
    StaffRow,
)
from boothapp.core.services import Services


def _zoe(**changes: object) -> LeadInput:
    values: dict[str, object] = {
        "first_name": "Zoé",
        "last_name": "Lefèvre",
        "company": "Müller GmbH",
        "job_title": "Responsable achats",
        "email": "zoe.lefevre@example.fr",
        "phone": "01 42 68 53 00",
        "country": "France",
        "city": "Lyon",
        "rating": "hot",
        "follow_ups": ("send_quote", "call back"),
        "products": (ProductShown("TC-6040", 20, "olive drab"), ProductShown("ACC-FOAM")),
        "consent": True,
        "note": "Needs 20 cases for drones.\nCall after the show.",
    }
    values.update(changes)
    return LeadInput(**values)  # type: ignore[arg-type]


def test_create_stores_everything_normalised(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    lead = services.leads.create(_zoe(), staff_id=claire.id)
    assert lead.display_name == "Zoé Lefèvre"
    assert lead.event == "Milipol Paris 2023"
    assert lead.staff == "Claire Martin"
    assert lead.phone == "+33142685300"
    assert lead.country == "FR"
    assert lead.rating is Rating.HOT
    assert lead.follow_ups == ("send_quote", "call_back")
    assert [(p.sku, p.quantity, p.remark) for p in lead.products] == [
        ("ACC-FOAM", None, ""),
        ("TC-6040", 20, "olive drab"),
    ]
    assert lead.consent_given and lead.consent_version == "2023-11"
    assert lead.consent_staff == "Claire Martin"
    assert lead.consent_at is not None and lead.consent_at.tzinfo is not None
    assert [n.text for n in lead.notes] == ["Needs 20 cases for drones.\nCall after the show."]
    assert len(lead.visits) == 1
    assert lead.created_at.tzinfo is not None
    assert services.leads.get(lead.id) == lead


def test_phone_uses_the_shows_country_and_keeps_what_it_cannot_parse(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Jean", phone="06 12 34 56 78", mobile="poste 12")
    )
    assert lead.phone == "+33612345678"
    assert lead.mobile == "poste 12"
    assert [w.field for w in lead.warnings] == ["mobile"]


def test_hostile_text_is_stored_safely(services: Services, show: EventRow) -> None:
    lead = services.leads.create(
        LeadInput(
            first_name='=HYPERLINK("http://x")',
            last_name="\u202eevil\x00\x1b[31m",
            company="@SUM(1+1) 🚀",
            city="الرياض",
            note="+cmd|' /C calc'!A0\x07",
        )
    )
    assert lead.first_name == '=HYPERLINK("http://x")'
    assert lead.last_name == "evil[31m"
    assert lead.company == "@SUM(1+1) 🚀"
    assert lead.city == "الرياض"
    assert lead.notes[0].text == "+cmd|' /C calc'!A0"


def test_a_lead_needs_something_to_identify_it(services: Services, show: EventRow) -> None:
    with pytest.raises(ValidationError) as error:
        services.leads.create(LeadInput(first_name="  \x00 ", note="hello"))
    assert error.value.field == "name"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "zoe@"}, "email"),
        ({"country": "Narnia"}, "country"),
        ({"rating": "lukewarm"}, "rating"),
        ({"follow_ups": ("send flowers",)}, "follow_ups"),
        ({"products": (ProductShown("NOPE-1"),)}, "products"),
        ({"products": (ProductShown("TC-6040", -1),)}, "products"),
        ({"company": "x" * 301}, "company"),
        ({"note": "x" * 100_001}, "note"),
        ({"badge_raw": "x" * 4097}, "badge_raw"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    services: Services, show: EventRow, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.leads.create(_zoe(**changes))
    assert error.value.field == field
    assert services.leads.count(LeadFilter()) == 0


def test_update_replaces_fields_and_appends_notes(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    lead = services.leads.create(_zoe(), staff_id=claire.id)
    updated = services.leads.update(
        lead.id,
        _zoe(
            rating="warm",
            products=(ProductShown("RC-4U", 2),),
            note="Met again on day 2",
            consent=True,
        ),
    )
    assert updated.rating is Rating.WARM
    assert [p.sku for p in updated.products] == ["RC-4U"]
    assert [n.text for n in updated.notes][-1] == "Met again on day 2"
    assert len(updated.notes) == 2
    assert updated.consent_at == lead.consent_at
    assert updated.updated_at > lead.updated_at
    assert services.leads.get(lead.id) == updated
    withdrawn = services.leads.update(lead.id, _zoe(consent=False, note=""))
    assert not withdrawn.consent_given and withdrawn.consent_at is None
    assert services.leads.get(lead.id) == withdrawn


def test_notes_and_visits(services: Services, show: EventRow, claire: StaffRow) -> None:
    lead = services.leads.create(LeadInput(first_name="Jürgen", last_name="Müller"))
    note = services.leads.add_note(lead.id, "Wants a 19-inch rack", staff_id=claire.id)
    assert note.staff == "Claire Martin"
    visit = services.leads.record_visit(lead.id, staff_id=claire.id)
    assert visit.source is LeadSource.BADGE
    detail = services.leads.get(lead.id)
    assert len(detail.visits) == 2 and len(detail.notes) == 1
    with pytest.raises(ValidationError):
        services.leads.add_note(lead.id, " \n ")
    assert [r.id for r in services.leads.list(LeadFilter(search="19 inch rack"))] == [lead.id]


def test_soft_delete_and_restore(services: Services, show: EventRow) -> None:
    lead = services.leads.create(_zoe())
    services.leads.delete(lead.id)
    assert services.leads.count(LeadFilter()) == 0
    assert [r.id for r in services.leads.list(LeadFilter(deleted=True))] == [lead.id]
    assert services.leads.find_duplicates(show.id, email=lead.email) == []
    services.leads.restore(lead.id)
    assert [r.id for r in services.leads.list(LeadFilter())] == [lead.id]
    with pytest.raises(NotFound):
        services.leads.delete("00000000-0000-0000-0000-000000000000")


def test_search_is_accent_insensitive_prefix_and_covers_notes(
    services: Services, show: EventRow
) -> None:
    zoe = services.leads.create(_zoe())
    yamada = services.leads.create(
        LeadInput(first_name="太郎", last_name="山田", company="山田商事", country="JP")
    )
    olena = services.leads.create(
        LeadInput(first_name="Олена", last_name="Шевченко", email="olena@example.ua")
    )

    def found(text: str) -> set[str]:
        return {r.id for r in services.leads.list(LeadFilter(search=text))}

    assert found("lefevre") == {zoe.id}
    assert found("LEFÈVRE") == {zoe.id}
    assert found("lef") == {zoe.id}
    assert found("muller gmbh") == {zoe.id}
    assert found("drones") == {zoe.id}
    assert found("lyon") == {zoe.id}
    assert found("zoe.lefevre@example") == {zoe.id}
    assert found("山田") == {yamada.id}
    assert found("шевченко") == {olena.id}
    assert found('"; DROP TABLE leads; --') == set()
    assert found("* ?") == {zoe.id, yamada.id, olena.id}
    assert services.leads.count(LeadFilter(search="lefevre")) == 1


def test_filters(services: Services, show: EventRow, claire: StaffRow) -> None:
    jonas = services.staff.get("Jonas")
    day1 = datetime(2023, 11, 14, 9, 30, tzinfo=UTC)
    hot = services.leads.create(_zoe(), staff_id=claire.id, created_at=day1)
    warm = services.leads.create(
        LeadInput(first_name="Ana", rating=Rating.WARM, products=(ProductShown("RC-4U"),)),
        staff_id=jonas.id,
        created_at=day1 + timedelta(days=1),
    )
    other = services.events.create(EventInput(name="DSEI 2023"))
    services.leads.create(LeadInput(first_name="Elsewhere"), event_id=other.id)

    def ids(**kwargs: object) -> list[str]:
        return [r.id for r in services.leads.list(LeadFilter(event_id=show.id, **kwargs))]  # type: ignore[arg-type]

    assert set(ids()) == {hot.id, warm.id}
    assert ids(staff_id=jonas.id) == [warm.id]
    assert ids(rating=Rating.HOT) == [hot.id]
    unrated = services.leads.create(LeadInput(first_name="Zoran"), staff_id=claire.id)
    assert ids(unrated=True) == [unrated.id]
    assert ids(unrated=True, search="zoran") == [unrated.id]
    assert ids(unrated=True, search="zoé") == []
    assert services.leads.count(LeadFilter(event_id=show.id, unrated=True)) == 1
    services.leads.delete(unrated.id)
    assert ids(product_sku="RC-4U") == [warm.id]
    assert ids(created_from=day1 + timedelta(hours=12)) == [warm.id]
    assert ids(created_to=day1 + timedelta(hours=12)) == [hot.id]
    names = [
        r.first_name
        for r in services.leads.list(LeadFilter(), order_by="first_name", descending=False)
    ]
    assert names == ["Ana", "Elsewhere", "Zoé"]
    page = services.leads.list(LeadFilter(event_id=show.id), offset=1, limit=1)
    assert [r.id for r in page] == [hot.id]


def test_duplicates_by_email_or_badge_within_the_show(services: Services, show: EventRow) -> None:
    lead = services.leads.create(_zoe(badge_id="MIL-00042"))
    assert [
        r.id for r in services.leads.find_duplicates(show.id, email="ZOE.LEFEVRE@example.fr")
    ] == [lead.id]
    assert [r.id for r in services.leads.find_duplicates(show.id, badge_id="MIL-00042")] == [
        lead.id
    ]
    assert services.leads.find_duplicates(show.id, email="other@example.fr") == []
    assert services.leads.find_duplicates(show.id, email=lead.email, exclude_id=lead.id) == []


def test_details_stream_every_lead_in_full(services: Services, show: EventRow) -> None:
    created = [services.leads.create(LeadInput(first_name=f"Visitor {i}")) for i in range(7)]
    details = list(services.leads.details(LeadFilter(), batch_size=3))
    assert [d.id for d in details] == [c.id for c in created]
    assert all(len(d.visits) == 1 for d in details)


def test_resolve_id_by_prefix(services: Services, show: EventRow) -> None:
    lead = services.leads.create(_zoe())
    assert services.leads.resolve_id(lead.id[:8].upper()) == lead.id
    with pytest.raises(ValidationError):
        services.leads.resolve_id("ab")
    with pytest.raises(NotFound):
        services.leads.resolve_id("zzzzzzzz")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=st.text(max_size=300), note=st.text(max_size=500), raw=st.text(max_size=300))
def test_arbitrary_text_is_stored_or_refused_cleanly(
    services: Services, show: EventRow, first: str, note: str, raw: str
) -> None:
    try:
        lead = services.leads.create(
            LeadInput(first_name=first, note=note, badge_raw=raw, source="badge")
        )
    except ValidationError as error:
        assert error.field in ("first_name", "name")
        return
    stored = services.leads.get(lead.id)
    assert stored.badge_raw is not None
    assert len(stored.badge_raw) == len(raw)


def test_sorting_by_rating_is_by_heat_and_by_staff_is_by_name(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    jonas = services.staff.get("Jonas")
    for name, rating, staff in (
        ("Cold", "cold", claire),
        ("Hot", "hot", jonas),
        ("None", None, claire),
        ("Warm", "warm", jonas),
    ):
        services.leads.create(LeadInput(first_name=name, rating=rating), staff_id=staff.id)

    def names(order_by: str) -> list[str]:
        rows = services.leads.list(LeadFilter(), order_by=order_by, descending=False)
        return [r.first_name for r in rows]

    assert names("rating") == ["Hot", "Warm", "Cold", "None"]
    assert {
        r.staff for r in services.leads.list(LeadFilter(), order_by="staff", descending=False)[:2]
    } == {"Claire Martin"}


def test_search_respects_show_and_deleted_state_and_creation_order(
    services: Services, show: EventRow
) -> None:
    other = services.events.create(EventInput(name="Eurosatory 2024"))
    same_moment = datetime(2023, 11, 15, 10, 0, tzinfo=UTC)
    first = services.leads.create(
        LeadInput(first_name="Anna", company="Rack A"), created_at=same_moment
    )
    second = services.leads.create(
        LeadInput(first_name="Anne", company="Rack B"), created_at=same_moment
    )
    newest = services.leads.create(
        LeadInput(first_name="Annika", company="Rack C"),
        created_at=same_moment + timedelta(hours=1),
    )
    services.leads.create(LeadInput(first_name="Anna", company="Rack D"), event_id=other.id)

    def ids(**kwargs: object) -> list[str]:
        lead_filter = LeadFilter(event_id=show.id, search="ann rack", **kwargs)  # type: ignore[arg-type]
        return [r.id for r in services.leads.list(lead_filter)]

    assert ids()[0] == newest.id
    assert set(ids()) == {first.id, second.id, newest.id}
    assert services.leads.count(LeadFilter(event_id=show.id, search="ann rack")) == 3
    assert services.leads.count(LeadFilter(search="ann rack")) == 4
    services.leads.delete(second.id)
    assert set(ids()) == {first.id, newest.id}
    assert ids(deleted=True) == [second.id]
    assert services.leads.count(LeadFilter(event_id=show.id, search="anne", deleted=True)) == 1
    services.leads.restore(second.id)
    assert set(ids()) == {first.id, second.id, newest.id}
    page_one = services.leads.list(LeadFilter(event_id=show.id, search="rack"), limit=2)
    page_two = services.leads.list(LeadFilter(event_id=show.id, search="rack"), offset=2, limit=2)
    assert [r.id for r in page_one][0] == newest.id
    assert {r.id for r in page_one + page_two} == {first.id, second.id, newest.id}
    assert ids(rating=Rating.HOT) == []


def test_a_search_across_shows_lists_the_newest_lead_first_whatever_its_show(
    services: Services, show: EventRow
) -> None:
    later_show = services.events.create(EventInput(name="Eurosatory 2024"))
    morning = datetime(2024, 6, 17, 9, 0, tzinfo=UTC)
    in_later_show = services.leads.create(
        LeadInput(first_name="Anna", company="Early"), event_id=later_show.id, created_at=morning
    )
    in_first_show = services.leads.create(
        LeadInput(first_name="Anna", company="Late"),
        event_id=show.id,
        created_at=morning + timedelta(hours=2),
    )
    rows = services.leads.list(LeadFilter(search="anna"))
    assert [r.id for r in rows] == [in_first_show.id, in_later_show.id]
    oldest_first = services.leads.list(LeadFilter(search="anna"), descending=False)
    assert [r.id for r in oldest_first] == [in_later_show.id, in_first_show.id]


def test_leads_saved_in_the_same_millisecond_beyond_its_64_rowids_are_all_found(
    services: Services, show: EventRow
) -> None:
    moment = datetime(2023, 11, 15, 10, 0, tzinfo=UTC)
    created = [
        services.leads.create(
            LeadInput(first_name="Imported", last_name=f"Row {n}"), created_at=moment
        )
        for n in range(70)
    ]
    lead_filter = LeadFilter(event_id=show.id, search="imported")
    assert services.leads.count(lead_filter) == 70
    assert {r.id for r in services.leads.list(lead_filter, limit=None)} == {c.id for c in created}


def test_create_with_answers_returns_what_is_stored(services: Services, show: EventRow) -> None:
    sector = services.events.add_question(show.id, "Sector", "single", ("Police", "Army"))
    needs = services.events.add_question(show.id, "Needs", "multiple", ("Cases", "Racks"))
    count = services.events.add_question(show.id, "Cases needed", "number")
    remark = services.events.add_question(show.id, "Remark", "text")
    lead = services.leads.create(
        _zoe(
            answers={
                remark.id: "  Wants olive drab  ",
                count.id: "2,5",
                needs.id: ["Racks", "Cases"],
                sector.id: "Army",
            }
        )
    )
    assert [(a.question, a.value) for a in lead.answers] == [
        ("Sector", "Army"),
        ("Needs", ["Racks", "Cases"]),
        ("Cases needed", 2.5),
        ("Remark", "Wants olive drab"),
    ]
    assert services.leads.get(lead.id) == lead


@pytest.mark.parametrize("number", ["nan", "inf", "-Infinity", "1e999"])
def test_a_number_answer_must_be_finite(services: Services, show: EventRow, number: str) -> None:
    count = services.events.add_question(show.id, "Cases needed", "number")
    with pytest.raises(ValidationError) as error:
        services.leads.create(_zoe(answers={count.id: number}))
    assert error.value.field == "answers[Cases needed]"
    assert services.leads.count(LeadFilter(event_id=show.id)) == 0


def test_a_lead_created_in_the_same_microsecond_gets_the_next_index_slot(
    services: Services, show: EventRow
) -> None:
    moment = datetime(2023, 11, 14, 9, 30, tzinfo=UTC)
    created = [
        services.leads.create(LeadInput(first_name=f"Twin {n}"), created_at=moment)
        for n in range(3)
    ]
    found = services.leads.list(LeadFilter(event_id=show.id, search="twin"))
    assert sorted(row.id for row in found) == sorted(lead.id for lead in created)


def test_list_columns_line_up_with_the_list_line_fields() -> None:
    from dataclasses import fields

    from boothapp.core.leads.rows import ROW_COLUMNS
    from boothapp.core.schemas import LeadRow

    keys = [column.key for column in ROW_COLUMNS]
    assert [field.name for field in fields(LeadRow)] == [
        "staff" if key == "staff_id" else key for key in keys
    ]


def test_detail_columns_line_up_with_the_lead_detail_fields() -> None:
    from dataclasses import fields

    from boothapp.core.leads.rows import DETAIL_COLUMNS
    from boothapp.core.schemas import LeadDetail

    names = {"staff_id": ["staff_id", "staff"], "consent_staff_id": ["consent_staff"]}
    stored = [name for column in DETAIL_COLUMNS for name in names.get(column.key, [column.key])]
    looked_up = ["event", "products", "notes", "visits", "answers", "warnings"]
    assert sorted(field.name for field in fields(LeadDetail)) == sorted(stored + looked_up)


@pytest.mark.parametrize(
    ("first", "last", "typed"),
    [
        ("伟", "李", "李伟"),
        ("太郎", "山田", "山田太郎"),
        ("민준", "김", "김민준"),
        ("太郎", "山田", "山田"),
    ],
)
def test_cjk_names_are_found_as_they_are_written(
    services: Services, show: EventRow, first: str, last: str, typed: str
) -> None:
    lead = services.leads.create(LeadInput(first_name=first, last_name=last))
    services.leads.add_note(lead.id, "Wants racks")
    found = services.leads.list(LeadFilter(event_id=show.id, search=typed))
    assert [row.id for row in found] == [lead.id]
    assert services.leads.count(LeadFilter(event_id=show.id, search=f"{typed} racks")) == 1


def test_a_show_without_a_time_zone_takes_its_countrys(services: Services) -> None:
    berlin = services.events.create(EventInput(name="Enforce Tac", country="DE", timezone=""))
    assert berlin.timezone == "Europe/Berlin"
    washington = services.events.create(EventInput(name="AUSA", country="US", timezone=""))
    assert washington.timezone == "UTC"
    chosen = services.events.create(EventInput(name="DSEI", country="GB", timezone="UTC"))
    assert chosen.timezone == "UTC"


def test_a_merge_fills_only_what_the_lead_lacks(services: Services, show: EventRow) -> None:
    from boothapp.core.leads.changes import merged_input

    lead = services.leads.create(
        LeadInput(first_name="Zoé", company="Müller GmbH", products=(ProductShown("TC-6040"),))
    )
    merged = merged_input(
        lead,
        LeadInput(
            first_name="Zoe",
            last_name="Lefèvre",
            rating="warm",
            products=(ProductShown("TC-6040", 3), ProductShown("RC-4U")),
            note="Back for a quote",
        ),
    )
    assert (merged.first_name, merged.last_name, merged.company) == (
        "Zoé",
        "Lefèvre",
        "Müller GmbH",
    )
    assert [(p.sku, p.quantity) for p in merged.products] == [("TC-6040", None), ("RC-4U", None)]
    assert (merged.rating, merged.note) == ("warm", "Back for a quote")
    stored = services.leads.merge_into(lead.id, merged)
    assert stored == services.leads.get(lead.id)
    assert len(stored.visits) == 2


def test_list_lines_set_exactly_the_fields_of_a_lead_row(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    from boothapp.core.schemas import LeadRow

    services.leads.create(_zoe(), staff_id=claire.id)
    services.leads.create(LeadInput(badge_id="MIL-1"), staff_id=None)
    rows = services.leads.list(LeadFilter(event_id=show.id))
    assert not hasattr(LeadRow, "__post_init__")
    for row in rows:
        assert vars(row) == vars(LeadRow(**vars(row)))
    assert [row.staff for row in rows] == [None, "Claire Martin"]

from __future__ import annotations

from boothapp.core.models import Attendee, LeadSource, Rating
from boothapp.core.schemas import EventRow, LeadFilter, LeadInput, ProductShown, StaffRow
from boothapp.core.services import Services


def test_draft_survives_reopening_the_database(services: Services, show: EventRow) -> None:
    assert services.drafts.load() is None
    fields = {"first_name": "Zoé", "notes": "Half-typed\nnote 🚀", "products": ["TC-6040"]}
    services.drafts.save(fields, event_id=show.id)
    services.database.close()

    from boothapp.core.db import open_database

    reopened = Services.over(open_database(services.database.target.path))
    draft = reopened.drafts.load()
    assert draft is not None
    assert draft.fields == fields and draft.event_id == show.id and draft.lead_id is None
    assert draft.saved_at.tzinfo is not None
    reopened.drafts.clear()
    assert reopened.drafts.load() is None
    reopened.database.close()


def test_draft_does_not_disturb_settings(services: Services, show: EventRow) -> None:
    services.drafts.save({"first_name": "A"}, event_id=show.id)
    assert services.settings.load().active_event_id == show.id


def test_merge_fills_gaps_and_keeps_what_was_there(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    first = services.leads.create(
        LeadInput(
            first_name="Zoé",
            email="zoe@example.fr",
            company="Müller GmbH",
            products=(ProductShown("TC-6040", 5),),
            note="First talk",
        ),
        staff_id=claire.id,
    )
    merged = services.leads.merge_into(
        first.id,
        LeadInput(
            first_name="Zoe",
            last_name="Lefèvre",
            email="zoe@example.fr",
            company="Other",
            job_title="Buyer",
            rating=Rating.HOT,
            products=(ProductShown("TC-6040", 9), ProductShown("RC-4U")),
            note="Second talk",
            source=LeadSource.BADGE,
            badge_id="B-1",
        ),
        staff_id=claire.id,
    )
    assert merged.first_name == "Zoé" and merged.last_name == "Lefèvre"
    assert merged.company == "Müller GmbH" and merged.job_title == "Buyer"
    assert merged.rating is Rating.HOT
    assert {(p.sku, p.quantity) for p in merged.products} == {("TC-6040", 5), ("RC-4U", None)}
    assert [n.text for n in merged.notes] == ["First talk", "Second talk"]
    assert len(merged.visits) == 2 and merged.badge_id == "B-1"
    assert [v.source for v in merged.visits] == [LeadSource.MANUAL, LeadSource.BADGE]
    assert services.leads.count(LeadFilter()) == 1
    assert services.leads.get(first.id) == merged
    assert services.leads.list(LeadFilter(search="second"))[0].id == first.id


def test_company_suggestions_from_leads_and_attendees(services: Services, show: EventRow) -> None:
    for company in ("Müller GmbH", "Müller GmbH", "Mueller & Co", "Multi_Case 100%"):
        services.leads.create(LeadInput(company=company))
    with services.database.write() as session:
        session.add(Attendee(event_id=show.id, badge_id="A1", company="Mülheim Defence"))
    assert services.leads.company_suggestions("mü", show.id) == [
        "Müller GmbH",
        "Mülheim Defence",
    ]
    assert services.leads.company_suggestions("multi_", show.id) == ["Multi_Case 100%"]
    assert services.leads.company_suggestions("%", show.id) == []
    assert services.leads.company_suggestions("", show.id) == []

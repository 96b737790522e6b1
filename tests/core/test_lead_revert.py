"""Undoing a save over a lead puts every part of it back."""

from __future__ import annotations

from boothapp.core.models import Rating
from boothapp.core.schemas import EventInput, LeadInput, ProductInput, ProductShown
from boothapp.core.services import Services
from boothapp.core.services.leads import lead_input_of


def test_revert_puts_back_fields_products_consent_and_drops_the_new_note(
    services: Services,
) -> None:
    show = services.events.create(
        EventInput(name="Milipol", country="FR", consent_text="We may call", consent_version="3")
    )
    services.products.create(ProductInput(sku="TC-1", name="Case"))
    services.products.create(ProductInput(sku="RK-2", name="Rack"))
    before = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre",
            company="Müller GmbH",
            rating=Rating.WARM,
            products=(ProductShown(sku="TC-1", quantity=2),),
            consent=True,
            note="First talk",
        ),
        event_id=show.id,
    )
    after = services.leads.update(
        before.id,
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre-Martin",
            company="Thales",
            rating=Rating.HOT,
            products=(ProductShown(sku="RK-2"),),
            consent=False,
            note="Second talk",
        ),
    )

    reverted = services.leads.revert(before, after)

    assert lead_input_of(reverted) == lead_input_of(before)
    assert [note.text for note in reverted.notes] == ["First talk"]
    assert reverted.consent_version == "3"
    assert reverted.consent_at == before.consent_at
    assert services.leads.get(before.id) == reverted

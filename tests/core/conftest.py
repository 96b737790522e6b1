from __future__ import annotations

import pytest

from boothapp.core.schemas import EventInput, EventRow, ProductInput, StaffRow
from boothapp.core.services import Services


@pytest.fixture
def show(services: Services) -> EventRow:
    """A show in Paris with a roster of two and three products on the stand."""
    event = services.events.create(
        EventInput(
            name="Milipol Paris 2023",
            venue="Paris Nord Villepinte",
            city="Paris",
            country="FR",
            timezone="Europe/Paris",
            consent_text="We may contact you about our products.",
            consent_version="2023-11",
        )
    )
    services.staff.create("Claire Martin", role="manager", event_id=event.id)
    services.staff.create("Jonas Weber", event_id=event.id)
    for sku, name, category in (
        ("TC-6040", "Transit case 60x40", "transit_case"),
        ("RC-4U", "Rack case 4U", "rack_case"),
        ("ACC-FOAM", "Pick-and-pluck foam", "accessory"),
    ):
        services.products.create(
            ProductInput(sku=sku, name=name, category=category), event_id=event.id
        )
    return event


@pytest.fixture
def claire(services: Services, show: EventRow) -> StaffRow:
    return services.staff.get("Claire Martin")

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from boothapp.core.db import Database, open_database
from boothapp.core.schemas import EventInput, EventRow, ProductInput, StaffRow
from boothapp.core.services import Services


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "boothapp.sqlite3")
    yield db
    db.close()


@pytest.fixture
def core_services(database: Database) -> Services:
    return Services.over(database)


@pytest.fixture
def show(core_services: Services) -> EventRow:
    """A show in Paris with a roster of two, three products and a question."""
    event = core_services.events.create(
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
    core_services.staff.create("Claire Martin", role="manager", event_id=event.id)
    core_services.staff.create("Jonas Weber", event_id=event.id)
    for sku, name, category in (
        ("TC-6040", "Transit case 60x40", "transit_case"),
        ("RC-4U", "Rack case 4U", "rack_case"),
        ("ACC-FOAM", "Pick-and-pluck foam", "accessory"),
    ):
        core_services.products.create(
            ProductInput(sku=sku, name=name, category=category), event_id=event.id
        )
    return event


@pytest.fixture
def claire(core_services: Services, show: EventRow) -> StaffRow:
    return core_services.staff.get("Claire Martin")

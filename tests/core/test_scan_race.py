"""The same badge scanned on two laptops at the same moment ends as one lead."""

from __future__ import annotations

from pathlib import Path

import pytest
from two_stations import race_on_one_badge

from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, ProductShown
from boothapp.core.services import Services


def test_a_scan_that_missed_the_other_laptops_save_is_folded_into_it(
    services: Services, show: EventRow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = services.scans.scan("MIL-0042", event_id=show.id, note="Saw the racks")
    monkeypatch.setattr(services.scans, "_existing", lambda *_args: None)

    second = services.scans.scan(
        "MIL-0042",
        event_id=show.id,
        products=(ProductShown(sku="TC-6040"),),
        note="Wants a quote",
    )

    assert second.outcome == "returning"
    assert second.lead.id == first.lead.id
    live = services.leads.list(LeadFilter(event_id=show.id))
    assert [row.id for row in live] == [first.lead.id]
    lead = services.leads.get(first.lead.id)
    assert len(lead.visits) == 2
    assert [p.sku for p in lead.products] == ["TC-6040"]
    assert [note.text for note in lead.notes] == ["Saw the racks", "Wants a quote"]


def test_two_laptops_racing_on_one_badge_make_one_lead(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    laptops = [Services.over(open_database(path), station_id=f"laptop-{n}") for n in (1, 2)]
    try:
        show = laptops[0].events.create(EventInput(name="Milipol"))
        race_on_one_badge(laptops, show.id, rounds=20)
    finally:
        for laptop in laptops:
            laptop.database.close()

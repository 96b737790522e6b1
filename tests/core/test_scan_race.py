"""The same badge scanned on two laptops at the same moment ends as one lead."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, ProductShown
from boothapp.core.services import Services

BADGE = "BEGIN:VCARD\nVERSION:3.0\nN:Roux;Paul\nFN:Paul Roux\nEMAIL:paul@example.fr\nEND:VCARD"


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
    show = laptops[0].events.create(EventInput(name="Milipol"))
    errors: list[BaseException] = []
    try:
        for round_number in range(20):
            badge = BADGE.replace("Roux", f"Roux{round_number}").replace(
                "paul@", f"paul{round_number}@"
            )
            together = threading.Barrier(2)

            def scan(
                services: Services, payload: str = badge, together: threading.Barrier = together
            ) -> None:
                try:
                    together.wait(timeout=10)
                    services.scans.scan(payload, event_id=show.id)
                except BaseException as exc:
                    errors.append(exc)

            threads = [threading.Thread(target=scan, args=(laptop,)) for laptop in laptops]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            assert errors == []
            names = [
                row.last_name
                for row in laptops[0].leads.list(LeadFilter(event_id=show.id))
                if row.last_name == f"Roux{round_number}"
            ]
            assert names == [f"Roux{round_number}"], f"round {round_number}"
    finally:
        for laptop in laptops:
            laptop.database.close()

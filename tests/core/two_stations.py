"""Two laptops (stations) on one database, checked on SQLite (test_station_settings.py,
test_scan_race.py) and on a PostgreSQL server (test_postgresql.py).

Names are made unique per call, so the checks can run on a database other tests use."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from uuid import uuid4

from boothapp.core.badges.keyboard_layout import (
    CALIBRATION_TEXT,
    FRENCH_AZERTY,
    UK_QWERTY,
    learn_mapping,
)
from boothapp.core.badges.result import BadgeProfile
from boothapp.core.db import Database
from boothapp.core.models import Setting
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.services.drafts import DRAFT_KEY, Draft


def two_laptops(database: Database) -> tuple[Services, Services]:
    """The services of two new stations on ``database``."""
    tag = uuid4().hex[:8]
    return (
        Services.over(database, station_id=f"laptop-a-{tag}"),
        Services.over(database, station_id=f"laptop-b-{tag}"),
    )


def store_old_draft(database: Database, first_name: str, event_id: int | None) -> None:
    """A draft as the previous version stored it: under the bare key, for every laptop."""
    with database.write() as session:
        session.merge(
            Setting(
                key=DRAFT_KEY,
                value={
                    "saved_at": "2023-11-14T09:30:00+00:00",
                    "event_id": event_id,
                    "lead_id": None,
                    "fields": {"first_name": first_name},
                },
            )
        )


def check_two_stations_keep_their_own_settings(database: Database) -> None:
    """Active show, staff at the laptop, form draft and scanner layout are each laptop's;
    a show's badge profile is the booth's."""
    first, second = two_laptops(database)
    tag = first.station.station_id
    eurosatory = first.events.create(EventInput(name=f"Eurosatory {tag}"))
    dsei = first.events.create(EventInput(name=f"DSEI {tag}"))
    anna = first.staff.create(f"Anna {tag}", event_id=eurosatory.id)
    ben = first.staff.create(f"Ben {tag}", event_id=dsei.id)

    first.events.use(eurosatory.id)
    first.staff.use(anna.id)
    second.events.use(dsei.id)
    second.staff.use(ben.id)
    assert first.events.active() == eurosatory and first.staff.current() == anna
    assert second.events.active() == dsei and second.staff.current() == ben
    assert first.settings.load().active_event_id == eurosatory.id
    assert second.settings.load().active_staff_id == ben.id

    by_first = first.leads.create(LeadInput(first_name="Zoé"))
    by_second = second.leads.create(LeadInput(first_name="Li"))
    assert (by_first.event_id, by_first.staff_id) == (eurosatory.id, anna.id)
    assert (by_second.event_id, by_second.staff_id) == (dsei.id, ben.id)

    first.drafts.save({"first_name": "Zoé"}, eurosatory.id)
    second.drafts.save({"first_name": "Li"}, dsei.id)
    first_draft, second_draft = first.drafts.load(), second.drafts.load()
    assert first_draft is not None and first_draft.fields == {"first_name": "Zoé"}
    assert second_draft is not None and second_draft.fields == {"first_name": "Li"}
    second.drafts.clear()
    assert second.drafts.load() is None
    kept = first.drafts.load()
    assert kept is not None and kept.fields == {"first_name": "Zoé"}

    french = learn_mapping(FRENCH_AZERTY.type(CALIBRATION_TEXT))
    british = learn_mapping(UK_QWERTY.type(CALIBRATION_TEXT))
    first.scanner.save(french)
    assert second.scanner.load() is None
    second.scanner.save(british)
    assert first.scanner.load() == french and second.scanner.load() == british
    second.scanner.clear()
    assert first.scanner.load() == french and second.scanner.load() is None

    profile = BadgeProfile("|", ("badge_id", "first_name", "last_name"))
    first.scans.set_profile(dsei.id, profile)
    assert second.scans.profile(dsei.id) == profile


def load_drafts_together(laptops: Sequence[Services]) -> list[Draft | None]:
    """Each laptop's ``drafts.load()``, all started at the same moment, one thread each."""
    together = threading.Barrier(len(laptops))
    loaded: list[Draft | None] = [None] * len(laptops)
    failures: list[BaseException] = []

    def load(index: int) -> None:
        try:
            together.wait(timeout=30)
            loaded[index] = laptops[index].drafts.load()
        except BaseException as exc:  # reported below, from the test's thread
            failures.append(exc)
            together.abort()

    threads = [threading.Thread(target=load, args=(i,)) for i in range(len(laptops))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    return loaded


def check_one_station_takes_the_old_draft(database: Database, rounds: int) -> None:
    """Laptops starting together after the upgrade: each old draft is offered by exactly
    one of them, and stays that laptop's."""
    for round_number in range(rounds):
        laptops = two_laptops(database)
        store_old_draft(database, f"Visitor {round_number}", None)
        loaded = load_drafts_together(laptops)
        takers = [
            (laptop, draft)
            for laptop, draft in zip(laptops, loaded, strict=True)
            if draft is not None
        ]
        assert len(takers) == 1, loaded
        ((taker, draft),) = takers
        assert draft.fields == {"first_name": f"Visitor {round_number}"}
        assert taker.drafts.load() == draft
        assert [laptop.drafts.load() for laptop in laptops if laptop is not taker] == [None]
        with database.read() as session:
            assert session.get(Setting, DRAFT_KEY) is None


def race_on_one_badge(laptops: Sequence[Services], event_id: int, rounds: int) -> None:
    """Each round, every laptop scans the same new badge at the same moment (a barrier);
    asserts that each round's badge ends as one live lead and nothing failed."""
    errors: list[BaseException] = []
    for round_number in range(rounds):
        surname = f"Roux{round_number}-{uuid4().hex[:6]}"
        badge = (
            f"BEGIN:VCARD\nVERSION:3.0\nN:{surname};Paul\nFN:Paul {surname}\n"
            f"EMAIL:paul.{surname.lower()}@example.fr\nEND:VCARD"
        )
        together = threading.Barrier(len(laptops))

        def scan(
            services: Services, payload: str = badge, barrier: threading.Barrier = together
        ) -> None:
            try:
                barrier.wait(timeout=10)
                services.scans.scan(payload, event_id=event_id)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=scan, args=(laptop,)) for laptop in laptops]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        live = laptops[0].leads.list(LeadFilter(event_id=event_id, search=surname), limit=None)
        assert [row.last_name for row in live] == [surname], f"round {round_number}"

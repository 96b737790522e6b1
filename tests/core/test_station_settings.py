"""Settings kept per station (``core.settings.StationSettings``): two laptops on one
database, and a database written by the version that kept one set for every laptop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from two_stations import (
    check_one_station_takes_the_old_draft,
    check_two_stations_keep_their_own_settings,
    store_old_draft,
    two_laptops,
)

from boothapp.cli import main
from boothapp.core.badges.keyboard_layout import CALIBRATION_TEXT, FRENCH_AZERTY, learn_mapping
from boothapp.core.db import Database, open_database
from boothapp.core.models import Setting
from boothapp.core.schemas import EventInput, EventRow, StaffRow
from boothapp.core.services import Services
from boothapp.core.services.drafts import DRAFT_KEY
from boothapp.core.services.scanner_settings import MAPPING_KEY
from boothapp.core.settings import StationSettings

FRENCH = learn_mapping(FRENCH_AZERTY.type(CALIBRATION_TEXT))


def stored_rows(database: Database) -> dict[str, Any]:
    with database.read() as session:
        return {row.key: row.value for row in session.scalars(select(Setting))}


def another_show(database: Database) -> EventRow:
    return Services.over(database, station_id="setup").events.create(EventInput(name="DSEI"))


def store_old_settings(database: Database, values: dict[str, Any]) -> None:
    """Settings as the previous version stored them: under bare keys, for every laptop."""
    with database.write() as session:
        for key, value in values.items():
            session.merge(Setting(key=key, value=value))


def test_two_stations_keep_their_own_settings(database: Database) -> None:
    check_two_stations_keep_their_own_settings(database)


def test_each_setting_is_stored_under_the_station_s_key(database: Database) -> None:
    laptop = Services.over(database, station_id="laptop-a")
    show = laptop.events.create(EventInput(name="Milipol Paris"))
    laptop.drafts.save({"first_name": "Zoé"}, show.id)
    laptop.scanner.save(FRENCH)
    assert set(stored_rows(database)) == {
        "version@laptop-a",
        "active_event_id@laptop-a",
        "active_staff_id@laptop-a",
        "capture_draft@laptop-a",
        "scanner_keyboard_mapping@laptop-a",
    }


def test_the_longest_key_fits_the_key_column(database: Database) -> None:
    station = StationSettings(database, "s" * 64)
    names = ("version", "active_event_id", "active_staff_id", DRAFT_KEY, MAPPING_KEY)
    longest = max(len(station.key(name)) for name in names)
    assert longest <= Setting.__table__.c.key.type.length == 100
    with pytest.raises(ValueError, match="not a station ID"):
        StationSettings(database, "s" * 65)


def test_an_upgraded_laptop_finds_its_show_staff_draft_and_scanner_layout(
    database: Database, show: EventRow, claire: StaffRow
) -> None:
    other = another_show(database)
    store_old_settings(
        database,
        {
            "version": 1,
            "active_event_id": show.id,
            "active_staff_id": claire.id,
            MAPPING_KEY: FRENCH.to_json(),
        },
    )
    store_old_draft(database, "Zoé", show.id)
    laptop = Services.over(database, station_id="laptop-a")
    assert laptop.events.active() == show
    assert laptop.staff.current() == claire
    assert laptop.scanner.load() == FRENCH
    draft = laptop.drafts.load()
    assert draft is not None and draft.fields == {"first_name": "Zoé"}
    assert draft.event_id == show.id

    laptop.events.use(other.id)
    assert laptop.events.active() == other and laptop.staff.current() == claire
    assert stored_rows(database)["active_event_id"] == show.id


def test_old_settings_are_every_station_s_start_until_it_writes_its_own(
    database: Database, show: EventRow, claire: StaffRow
) -> None:
    other = another_show(database)
    store_old_settings(database, {"active_event_id": show.id, "active_staff_id": claire.id})
    first, second = two_laptops(database)
    first.events.use(other.id)
    assert first.events.active() == other
    assert second.events.active() == show and second.staff.current() == claire
    assert stored_rows(database)["active_event_id"] == show.id


def test_a_cleared_scanner_layout_hides_the_old_one_on_that_laptop_only(
    database: Database,
) -> None:
    store_old_settings(database, {MAPPING_KEY: FRENCH.to_json()})
    first, second = two_laptops(database)
    first.scanner.clear()
    assert first.scanner.load() is None
    assert second.scanner.load() == FRENCH


def test_the_old_draft_is_taken_by_the_first_laptop_to_load_it(
    database: Database, show: EventRow
) -> None:
    store_old_draft(database, "Zoé", show.id)
    first, second = two_laptops(database)
    taken = first.drafts.load()
    assert taken is not None and taken.fields == {"first_name": "Zoé"}
    rows = stored_rows(database)
    assert DRAFT_KEY not in rows
    assert rows[first.station.key(DRAFT_KEY)]["fields"] == {"first_name": "Zoé"}
    assert second.drafts.load() is None
    assert first.drafts.load() == taken
    first.drafts.clear()
    assert first.drafts.load() is None and second.drafts.load() is None


def test_a_laptop_with_a_draft_of_its_own_leaves_the_old_one_to_another(
    database: Database, show: EventRow
) -> None:
    store_old_draft(database, "Zoé", show.id)
    first, second = two_laptops(database)
    first.drafts.save({"first_name": "Li"}, show.id)
    own = first.drafts.load()
    assert own is not None and own.fields == {"first_name": "Li"}
    assert DRAFT_KEY in stored_rows(database)
    old = second.drafts.load()
    assert old is not None and old.fields == {"first_name": "Zoé"}
    assert DRAFT_KEY not in stored_rows(database)


def test_only_one_laptop_takes_the_old_draft_when_both_start_together(
    database: Database,
) -> None:
    check_one_station_takes_the_old_draft(database, rounds=10)


def test_the_command_line_acts_on_the_window_s_station(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``boothapp event use`` then the window: the same station file, the same show."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    target = str(tmp_path / "booth.sqlite3")
    for name in ("Milipol Paris", "DSEI", "Eurosatory"):
        assert main(["--db", target, "event", "add", name]) == 0
    assert main(["--db", target, "event", "use", "DSEI"]) == 0
    monkeypatch.setenv("BOOTHAPP_STATION", "another-laptop")
    assert main(["--db", target, "event", "use", "Milipol"]) == 0
    monkeypatch.delenv("BOOTHAPP_STATION")

    database = open_database(target)
    try:
        active = Services.over(database).events.active()
        elsewhere = Services.over(database, station_id="another-laptop").events.active()
        newcomer = Services.over(database, station_id="new-laptop").events.active()
    finally:
        database.close()
    assert active is not None and active.name == "DSEI"
    assert elsewhere is not None and elsewhere.name == "Milipol Paris"
    assert newcomer is not None and newcomer.name == "Eurosatory"

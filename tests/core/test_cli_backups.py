"""``boothapp backup``, ``restore``, ``check`` and ``salvage`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from damaged_file import damage_page, leaf_pages


def make_show(path: Path, leads: int, name: str = "Milipol Paris") -> None:
    services = Services.over(open_database(path), station_id="cli-backups")
    show = services.events.create(EventInput(name=name, country="FR"))
    for number in range(leads):
        services.leads.create(LeadInput(first_name=f"Zoé {number}"), event_id=show.id)
    services.database.close()


def lead_count(path: Path) -> int:
    database = open_database(path)
    try:
        services = Services.over(database, station_id="cli-backups")
        shows = services.events.list()
        return sum(services.leads.count(LeadFilter(event_id=show.id)) for show in shows)
    finally:
        database.close()


def test_backup_goes_to_the_backups_folder_or_a_usb_stick(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "booth.sqlite3"
    make_show(db, 3)
    stick = tmp_path / "USB STICK"
    stick.mkdir()

    assert main(["--db", str(db), "backup"]) == 0
    assert main(["--db", str(db), "backup", str(stick)]) == 0

    made = sorted((tmp_path / "backups").glob("booth-*.sqlite3"))
    on_stick = sorted(stick.glob("booth-*.sqlite3"))
    assert len(made) == 1 and len(on_stick) == 1
    assert lead_count(on_stick[0]) == 3
    assert f"to {on_stick[0]}" in capsys.readouterr().out


def test_restore_asks_first_and_keeps_the_current_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "booth.sqlite3"
    make_show(db, 2)
    backup = tmp_path / "before.sqlite3"
    assert main(["--db", str(db), "backup", str(backup)]) == 0
    make_show(db, 3, name="Eurosatory")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    assert main(["--db", str(db), "restore", str(backup)]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert lead_count(db) == 5

    assert main(["--db", str(db), "restore", str(backup), "--yes"]) == 0

    assert lead_count(db) == 2
    kept = list(tmp_path.glob("booth-replaced-*.sqlite3"))
    assert len(kept) == 1 and lead_count(kept[0]) == 5


def test_check_says_what_is_wrong_and_salvage_keeps_the_readable_leads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "booth.sqlite3"
    make_show(db, 400)
    assert main(["--db", str(db), "check"]) == 0
    assert "Milipol Paris: 400 leads" in capsys.readouterr().out
    damage_page(db, leaf_pages(db, "leads")[1])

    assert main(["--db", str(db), "check"]) == 1
    printed = capsys.readouterr()
    assert "problem:" in printed.out
    assert "boothapp salvage" in printed.err

    saved = tmp_path / "saved.sqlite3"
    assert main(["--db", str(db), "salvage", str(saved)]) == 0
    assert 0 < lead_count(saved) < 400
    assert "left out: leads" in capsys.readouterr().out

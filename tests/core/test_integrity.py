"""SQLite's checks on a database file, and the report of ``boothapp check``."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from boothapp.core.db import open_database
from boothapp.core.errors import StorageError
from boothapp.core.integrity import check, integrity_check, quick_check
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services
from damaged_file import damage_page, leaf_pages


def fingerprint(path: Path) -> dict[str, str]:
    """The bytes of a database file and of its ``-wal`` journal (when it holds any), as
    hashes. The ``-shm`` is left out: it is an index any reader rebuilds."""
    files = [path, path.with_name(path.name + "-wal")]
    return {
        file.name: hashlib.sha256(file.read_bytes()).hexdigest()
        for file in files
        if file.exists() and file.stat().st_size > 0
    }


def make_booth(path: Path, leads: int = 60) -> tuple[Services, list[str]]:
    """A database with one show, two staff and ``leads`` leads, each with a note."""
    services = Services.over(open_database(path), station_id="integrity")
    show = services.events.create(EventInput(name="Milipol Paris 2023", country="FR"))
    services.staff.create("Claire Martin", event_id=show.id)
    ids = [
        services.leads.create(
            LeadInput(
                first_name=f"Visitor{number}",
                last_name="Lefèvre",
                company="Thalès",
                note=f"Wants drone cases, round {number}",
            ),
            event_id=show.id,
        ).id
        for number in range(leads)
    ]
    return services, ids


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection that can break the rules (foreign keys off)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")
    return connection


def test_a_sound_file_passes_every_check(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, ids = make_booth(path)
    services.leads.delete(ids[0])

    report = check(services.database)

    assert quick_check(path) == () and integrity_check(path) == ()
    assert report.ok and report.problems() == []
    assert report.index is not None
    assert (report.index.leads, report.index.rows) == (60, 60)
    assert [(show.name, show.leads, show.deleted) for show in report.shows] == [
        ("Milipol Paris 2023", 59, 1)
    ]
    services.database.close()


def test_the_checks_only_read(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path)
    services.database.close()
    before = fingerprint(path)

    check(path)
    integrity_check(path)

    assert fingerprint(path) == before


def test_damage_is_found_by_quick_check_and_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=200)
    services.database.close()
    damage_page(path, leaf_pages(path, "leads")[1])

    report = check(path)

    assert quick_check(path) and integrity_check(path)
    assert not report.ok
    assert report.problems()[0].startswith("quick_check: ")


def test_integrity_check_runs_beside_saves(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=200)
    show = services.events.list()[0]
    results: list[tuple[str, ...]] = []
    checker = threading.Thread(target=lambda: results.append(integrity_check(services.database)))

    checker.start()
    for number in range(20):
        services.leads.create(LeadInput(first_name=f"During{number}"), event_id=show.id)
    checker.join()

    assert results == [()]
    services.database.close()


def test_the_report_names_what_is_wrong_with_the_index_and_the_references(
    tmp_path: Path,
) -> None:
    path = tmp_path / "booth.sqlite3"
    services, ids = make_booth(path)
    services.database.close()
    connection = raw(path)
    rowid_of = dict(connection.execute("SELECT id, search_rowid FROM leads").fetchall())
    connection.execute("DELETE FROM lead_search WHERE rowid = ?", (rowid_of[ids[0]],))
    connection.execute("UPDATE leads SET first_name = 'Renamed' WHERE id = ?", (ids[1],))
    connection.execute("UPDATE lead_search SET scope = 'e99' WHERE rowid = ?", (rowid_of[ids[2]],))
    connection.execute("DELETE FROM visits WHERE lead_id = ?", (ids[3],))
    connection.execute("DELETE FROM notes WHERE lead_id = ?", (ids[3],))
    connection.execute("DELETE FROM leads WHERE id = ?", (ids[3],))
    connection.execute(
        "INSERT INTO notes (lead_id, created_at, text) VALUES ('gone', '2023-11-14', 'x')"
    )
    connection.execute(
        "UPDATE leads SET badge_raw = CAST(x'4d69fe6c6c6572' AS TEXT) WHERE id = ?", (ids[4],)
    )
    connection.close()

    report = check(path)

    assert report.index is not None
    assert report.index.not_indexed == (ids[0],)
    assert report.index.out_of_date == (ids[1],)
    assert report.index.misplaced == (ids[2],)
    assert report.index.orphans == 1
    assert report.undecodable == (ids[4],)
    assert len(report.foreign_keys) == 1 and "notes row" in report.foreign_keys[0]
    assert report.quick_check == () and report.integrity_check == ()
    problems = report.problems()
    assert any(ids[0] in line and "missing from the search index" in line for line in problems)
    assert any(ids[4] in line and "not UTF-8" in line for line in problems)


def test_a_file_that_is_not_there_or_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such file"):
        check(tmp_path / "missing.sqlite3")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))

    report = check(garbage)

    assert not report.ok and report.quick_check

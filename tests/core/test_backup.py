"""Backups, the rolling backups of the open file, restoring one, and salvage."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from schema_helpers import downgrade_schema
from test_db import copied_over_a_stale_journal, lead_names, save_and_die
from test_integrity import fingerprint, make_booth, raw

from boothapp.core.backup import (
    BackupOutcome,
    RollingBackups,
    backup_to,
    list_backups,
    newest_good_backup,
    prune_backups,
)
from boothapp.core.db import KNOWN_REVISIONS, open_database
from boothapp.core.errors import DamagedDatabase, DiskFull, EmptyDatabase, StorageError
from boothapp.core.integrity import check, identity_in_file, journal_paths, quick_check
from boothapp.core.salvage import restore_from, salvage
from boothapp.core.schemas import LeadFilter, LeadInput
from boothapp.core.services import Services
from damaged_file import damage_page, leaf_pages
from disk_space import no_room_on_disk

BACKUP_NAME = re.compile(r"^booth-\d{8}-\d{6}\.sqlite3$")


def lead_count(path: Path) -> int:
    return len(lead_names(path))


# --- backup_to ------------------------------------------------------------------------------


def test_a_backup_in_a_folder_is_a_whole_checked_dated_file(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=40)
    folder = tmp_path / "usb"
    folder.mkdir()

    backup = backup_to(services.database, folder)

    assert BACKUP_NAME.match(backup.name)
    assert [entry.name for entry in folder.iterdir()] == [backup.name]
    assert [found.path for found in list_backups(folder)] == [backup]
    assert quick_check(backup) == () and lead_count(backup) == 40
    assert backup.read_bytes()[18:20] == b"\x01\x01"
    assert identity_in_file(backup) not in (0, identity_in_file(tmp_path / "booth.sqlite3"))
    services.database.close()


def test_a_backup_to_a_file_name_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=3)
    wanted = tmp_path / "before-the-show.sqlite3"

    assert backup_to(services.database, wanted) == wanted
    before = wanted.read_bytes()
    with pytest.raises(StorageError, match="before-the-show.sqlite3 already exists"):
        backup_to(services.database, wanted)
    with pytest.raises(StorageError, match="is the database itself"):
        backup_to(services.database, path)
    with pytest.raises(StorageError, match="does not exist"):
        backup_to(services.database, tmp_path / "nowhere" / "x.sqlite3")
    assert wanted.read_bytes() == before
    services.database.close()


class _Gate(threading.Event):
    """Stops a backup between two steps until ``go_on`` is set; ``reached`` says it got
    there."""

    def __init__(self) -> None:
        super().__init__()
        self.reached = threading.Event()
        self.go_on = threading.Event()

    def is_set(self) -> bool:
        self.reached.set()
        self.go_on.wait()
        return False


def test_saves_go_on_while_a_backup_copies(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=100)
    show = services.events.list()[0]
    gate = _Gate()
    made: list[Path] = []
    copier = threading.Thread(
        target=lambda: made.append(
            backup_to(services.database, tmp_path, step_pages=4, pause=0.0, cancel=gate)
        )
    )

    copier.start()
    assert gate.reached.wait(timeout=30)
    for number in range(20):
        services.leads.create(LeadInput(first_name=f"During{number}"), event_id=show.id)
    gate.go_on.set()
    copier.join()

    assert services.leads.count(LeadFilter(event_id=show.id)) == 120
    assert lead_count(made[0]) == 100 and quick_check(made[0]) == ()
    services.database.close()


def test_a_damaged_database_gives_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    make_booth(path, leads=200)[0].database.close()
    damage_page(path, leaf_pages(path, "leads")[1])
    database = open_database(path, read_only=True)
    folder = tmp_path / "usb"
    folder.mkdir()

    with pytest.raises(DamagedDatabase, match="no backup was made"):
        backup_to(database, folder)

    assert list(folder.iterdir()) == []
    database.close()


def test_a_full_backup_disk_leaves_no_file(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=20)
    folder = tmp_path / "usb"
    folder.mkdir()

    with no_room_on_disk(), pytest.raises(DiskFull, match=r"the disk holding .*usb is full"):
        backup_to(services.database, folder)

    assert list(folder.iterdir()) == []
    services.database.close()


# --- the backups of a folder ----------------------------------------------------------------


def _named(folder: Path, stamp: str, content: bytes = b"") -> Path:
    path = folder / f"booth-{stamp}.sqlite3"
    path.write_bytes(content)
    return path


def test_the_newest_good_backup_is_found_with_its_leads_and_age(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=25)
    folder = tmp_path / "backups"
    folder.mkdir()
    good = backup_to(services.database, folder / "booth-20231114-090000.sqlite3")
    damaged = backup_to(services.database, folder / "booth-20231114-100000.sqlite3")
    damage_page(damaged, leaf_pages(damaged, "leads")[0])
    other = sqlite3.connect(folder / "booth-20231114-110000.sqlite3")
    other.execute("CREATE TABLE invoices (id INTEGER)")
    other.close()
    _named(folder, "20231114-120000")
    (folder / ".booth-20231114-130000.sqlite3.x1.part").write_bytes(good.read_bytes())
    services.database.close()

    found = newest_good_backup(folder, "booth")

    assert found is not None
    assert (found.path, found.leads) == (good, 25)
    assert found.taken_at == datetime(2023, 11, 14, 9, 0).astimezone()
    assert found.age > timedelta(days=365)
    assert newest_good_backup(tmp_path / "empty") is None


def test_pruning_keeps_the_newest_and_the_last_of_each_day(tmp_path: Path) -> None:
    stamps = ["20231113-1000", "20231113-1800", "20231114-0900"] + [
        f"20231115-{hour:02}00" for hour in range(8, 20)
    ]
    for stamp in stamps:
        _named(tmp_path, stamp + "00")
    _named(tmp_path, "20231115-190000-2")
    _named(tmp_path, "20231115-190000").with_name("other-20231101-100000.sqlite3").write_bytes(b"")
    old_part = tmp_path / ".booth-20231113-100000.sqlite3.a.part"
    old_part.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    os.utime(old_part, (two_hours_ago, two_hours_ago))
    old_journal = tmp_path / ".booth-20231113-100000.sqlite3.a.part-wal"
    old_journal.write_bytes(b"half")
    os.utime(old_journal, (two_hours_ago, two_hours_ago))
    new_part = tmp_path / ".booth-20231115-200000.sqlite3.b.part"
    new_part.write_bytes(b"half")

    removed = prune_backups(tmp_path, "booth", keep_last=4)

    kept = sorted(entry.name for entry in tmp_path.iterdir())
    assert kept == [
        new_part.name,
        "booth-20231113-180000.sqlite3",
        "booth-20231114-090000.sqlite3",
        "booth-20231115-170000.sqlite3",
        "booth-20231115-180000.sqlite3",
        "booth-20231115-190000-2.sqlite3",
        "booth-20231115-190000.sqlite3",
        "other-20231101-100000.sqlite3",
    ]
    assert old_part in removed and old_journal in removed and len(removed) == 12


# --- rolling backups ------------------------------------------------------------------------


def test_rolling_backups_follow_changes_and_back_up_on_close(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=5)
    show = services.events.list()[0]
    usb = tmp_path / "usb"
    usb.mkdir()
    rolling = RollingBackups(services.database, usb)

    unchanged = rolling.changed
    services.leads.create(LeadInput(first_name="Hans", last_name="Müller"), event_id=show.id)
    changed = rolling.changed
    outcomes = rolling.close()

    assert (unchanged, changed, rolling.changed) == (False, True, False)
    assert [outcome.folder for outcome in outcomes] == [tmp_path / "backups", usb]
    assert all(outcome.error is None and outcome.path is not None for outcome in outcomes)
    assert [lead_count(backup.path) for backup in list_backups(usb, "booth")] == [6]
    assert rolling.close() == []
    services.database.close()


def test_a_missing_second_folder_is_reported_and_the_first_still_gets_its_backup(
    tmp_path: Path,
) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=5)
    rolling = RollingBackups(services.database, tmp_path / "unplugged", keep_last=2)

    first, second = rolling.backup_now()
    for _round in range(3):
        rolling.backup_now()

    assert first.path is not None and first.error is None
    assert second.path is None and second.error is not None
    assert "unplugged is not there" in str(second.error)
    assert len(list_backups(tmp_path / "backups", "booth")) == 2
    services.database.close()


def test_rolling_backups_run_in_the_background_after_a_change(tmp_path: Path) -> None:
    services, _ids = make_booth(tmp_path / "booth.sqlite3", leads=5)
    show = services.events.list()[0]
    rounds: list[list[BackupOutcome]] = []
    finished = threading.Event()

    def done(outcomes: list[BackupOutcome]) -> None:
        rounds.append(outcomes)
        finished.set()

    rolling = RollingBackups(
        services.database, every=timedelta(milliseconds=20), on_done=done, pause=0.0
    )
    rolling.start()
    services.leads.create(LeadInput(first_name="Zoé"), event_id=show.id)

    assert finished.wait(timeout=30)
    rolling.close()
    backups = list_backups(tmp_path / "backups", "booth")
    assert rounds[0][0].path == backups[-1].path and lead_count(backups[-1].path) == 6
    services.database.close()


# --- restore_from ---------------------------------------------------------------------------


def test_restoring_keeps_the_current_file_and_leaves_no_journal(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=30)
    backup = backup_to(services.database, tmp_path / "backup.sqlite3")
    services.database.close()
    save_and_die(path, 7)

    outcome = restore_from(backup, path)

    assert outcome.path == path and outcome.leads == 30
    assert outcome.replaced is not None
    assert re.match(r"^booth-replaced-\d{8}-\d{6}\.sqlite3$", outcome.replaced.name)
    assert not journal_paths(outcome.replaced)[0].exists()
    assert not journal_paths(path)[0].exists() and not journal_paths(path)[1].exists()
    assert lead_count(outcome.replaced) == 37
    assert lead_count(path) == 30 and check(path).ok


def test_restoring_over_a_stale_journal_keeps_both_as_they_were(tmp_path: Path) -> None:
    path = copied_over_a_stale_journal(tmp_path)
    before = fingerprint(path)
    backup = tmp_path / "backup.sqlite3"
    services, _ids = make_booth(backup, leads=12)
    services.database.close()

    outcome = restore_from(backup, path)

    assert outcome.replaced is not None
    assert {
        name.replace(outcome.replaced.name, "booth.sqlite3"): digest
        for name, digest in fingerprint(outcome.replaced).items()
    } == before
    assert lead_count(path) == 12


def test_a_backup_that_fails_its_checks_is_not_restored(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=200)
    damaged = backup_to(services.database, tmp_path / "damaged.sqlite3")
    damage_page(damaged, leaf_pages(damaged, "leads")[1])
    newer = backup_to(services.database, tmp_path / "newer.sqlite3")
    services.database.close()
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    photo = tmp_path / "photo.sqlite3"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4096))
    half = tmp_path / "half.sqlite3"
    good = path.read_bytes()
    half.write_bytes(good[: len(good) // 2])
    before = fingerprint(path)

    with pytest.raises(DamagedDatabase, match="damaged.sqlite3 is damaged"):
        restore_from(damaged, path)
    with pytest.raises(StorageError, match="newer boothapp"):
        restore_from(newer, path)
    with pytest.raises(StorageError, match="not a boothapp database"):
        restore_from(other, path)
    with pytest.raises(EmptyDatabase, match="empty"):
        restore_from(empty, path)
    with pytest.raises(StorageError, match="photo.sqlite3 is not a boothapp database or backup"):
        restore_from(photo, path)
    with pytest.raises(DamagedDatabase, match="half.sqlite3 is damaged"):
        restore_from(half, path)
    with pytest.raises(StorageError, match="no such file"):
        restore_from(tmp_path / "missing.sqlite3", path)
    with pytest.raises(StorageError, match="is the database itself"):
        restore_from(path, path)

    assert fingerprint(path) == before
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [
        "booth.sqlite3",
        "damaged.sqlite3",
        "empty.sqlite3",
        "half.sqlite3",
        "newer.sqlite3",
        "other.sqlite3",
        "photo.sqlite3",
    ]


_HOLD_OPEN = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM leads").fetchone()
print("open", flush=True)
sys.stdin.readline()
"""


def test_a_database_open_in_another_program_is_not_restored_over(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=5)
    backup = backup_to(services.database, tmp_path / "backup.sqlite3")
    services.database.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StorageError, match="in use by another program"):
            restore_from(backup, path)
    finally:
        holder.communicate("\n")

    assert not list(tmp_path.glob("booth-replaced-*"))


# --- salvage --------------------------------------------------------------------------------


def test_salvage_copies_every_readable_lead_and_names_the_lost_ones(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, ids = make_booth(path, leads=200)
    services.database.close()
    damage_page(path, leaf_pages(path, "leads")[1])
    before = fingerprint(path)

    report = salvage(path, tmp_path / "salvaged.sqlite3")

    lost = set(report.skipped_leads)
    assert lost and lost <= set(ids)
    assert report.leads + len(lost) == 200
    assert fingerprint(path) == before
    salvaged = Services.over(open_database(tmp_path / "salvaged.sqlite3"), station_id="s")
    show = salvaged.events.list()[0]
    assert [member.name for member in salvaged.staff.list()] == ["Claire Martin"]
    for lead_id in set(ids) - lost:
        lead = salvaged.leads.get(lead_id)
        found = salvaged.leads.list(LeadFilter(event_id=show.id, search=lead.first_name))
        assert lead_id in {row.id for row in found}
        assert lead.notes[0].text.startswith("Wants drone cases")
    salvaged.database.close()
    assert check(tmp_path / "salvaged.sqlite3").ok


def test_salvage_repairs_what_it_can_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, ids = make_booth(path, leads=3)
    staff_id = services.staff.list()[0].id
    services.database.close()
    connection = raw(path)
    connection.execute(
        "UPDATE leads SET badge_raw = CAST(x'4d69fe6c6c6572' AS TEXT) WHERE id = ?", (ids[0],)
    )
    connection.execute("UPDATE leads SET staff_id = ? WHERE id = ?", (staff_id, ids[1]))
    connection.execute("DELETE FROM event_staff")
    connection.execute("DELETE FROM staff")
    connection.close()

    report = salvage(path, tmp_path / "salvaged.sqlite3")

    reasons = {item.key: item.reason for item in report.repaired if item.table == "leads"}
    assert "not UTF-8" in reasons[ids[0]]
    assert reasons[ids[1]] == f"staff_id cleared: staff {staff_id} was lost"
    assert report.leads == 3 and report.skipped == ()
    salvaged = Services.over(open_database(tmp_path / "salvaged.sqlite3"), station_id="s")
    assert salvaged.leads.get(ids[0]).badge_raw == "Mi\ufffdller"
    assert salvaged.leads.get(ids[1]).staff_id is None
    salvaged.database.close()


def test_salvage_of_an_older_schema_gives_a_current_database(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, ids = make_booth(path, leads=20)
    downgrade_schema(services.database, KNOWN_REVISIONS[-2])
    services.database.close()

    report = salvage(path, tmp_path / "salvaged.sqlite3")

    assert report.leads == 20
    salvaged = Services.over(open_database(tmp_path / "salvaged.sqlite3"), station_id="s")
    assert {salvaged.leads.get(lead_id).id for lead_id in ids} == set(ids)
    salvaged.database.close()


def test_salvage_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    make_booth(path, leads=2)[0].database.close()
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"mine")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)

    with pytest.raises(StorageError, match="taken.sqlite3 already exists"):
        salvage(path, taken)
    with pytest.raises(DamagedDatabase, match="cannot be read at all"):
        salvage(garbage, tmp_path / "new.sqlite3")

    assert taken.read_bytes() == b"mine"
    assert not (tmp_path / "new.sqlite3").exists()

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from schema_helpers import downgrade_schema
from sqlalchemy import event, text
from test_integrity import fingerprint, make_booth

from boothapp.core import db as db_module
from boothapp.core.backup import backup_to
from boothapp.core.db import KNOWN_REVISIONS, SCHEMA_HEAD, open_database, resolve_target
from boothapp.core.errors import (
    DamagedDatabase,
    DiskFull,
    EmptyDatabase,
    StaleJournal,
    StorageError,
)
from boothapp.core.integrity import quick_check
from boothapp.core.salvage import set_journal_aside
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportRequest
from damaged_file import damage_page, leaf_pages
from disk_space import full_disk, no_room_on_disk


def test_every_connection_is_durable(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite3")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    database.close()


def test_writes_begin_immediate_and_reads_deferred(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite3")
    statements: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    with database.write() as session:
        session.execute(text("SELECT 1"))
    with database.read() as session:
        session.execute(text("SELECT 1"))
    assert statements == ["BEGIN IMMEDIATE", "SELECT 1", "BEGIN", "SELECT 1"]
    database.close()


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite3")
    services = Services.over(database)
    with pytest.raises(RuntimeError), database.write() as session:
        session.execute(text("INSERT INTO staff (name, role, active) VALUES ('A', 'staff', 1)"))
        raise RuntimeError("power cut")
    assert services.staff.list() == []
    database.close()


def test_default_database_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    monkeypatch.setattr(db_module, "default_database_path", lambda: tmp_path / "data" / "b.sqlite3")
    target = resolve_target(None)
    assert target.is_default and target.path == tmp_path / "data" / "b.sqlite3"
    database = open_database()
    assert (tmp_path / "data" / "b.sqlite3").exists()
    database.close()


def test_environment_variable_and_url_select_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOTHAPP_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_target(None).path == tmp_path / "env.sqlite3"
    url = f"sqlite:///{tmp_path / 'url.sqlite3'}"
    assert resolve_target(url).path == tmp_path / "url.sqlite3"
    assert resolve_target("postgresql://booth:secret@server/leads").path is None
    assert "secret" not in resolve_target("postgresql://booth:secret@server/leads").label


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Shopping list\n\x00\x01 binary")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="notes.sqlite3 is not a boothapp database"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged.sqlite3"):
        open_database(path)
    assert path.read_bytes() == bytes(data)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="not a boothapp database"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer boothapp"):
        open_database(path)
    assert path.read_bytes() == before


def test_missing_folder_and_folder_given_as_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "x.sqlite3")
    with pytest.raises(StorageError, match="is a folder"):
        open_database(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    open_database(path).close()
    path.chmod(0o444)
    with pytest.raises(StorageError, match="read-only"):
        open_database(path)


def test_a_locked_database_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "busy.sqlite3"
    services = Services.over(open_database(path))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="busy.sqlite3 is in use by another program"):
            services.events.create(EventInput(name="Eurosatory"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    services.events.create(EventInput(name="Eurosatory"))
    assert [e.name for e in services.events.list()] == ["Eurosatory"]


def test_schema_is_at_head_after_open(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite3")
    with database.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == SCHEMA_HEAD
    database.close()


def test_a_full_disk_refuses_a_save_whole_and_the_next_one_goes_through(
    services: Services,
) -> None:
    show = services.events.create(EventInput(name="Milipol Paris 2023", country="FR"))
    services.leads.create(LeadInput(first_name="Hans", last_name="Müller"), event_id=show.id)
    visitor = LeadInput(
        first_name="Zoé",
        last_name="Lefèvre",
        company="Thalès",
        note=" ".join(["Wants drone cases."] * 1000),
    )
    in_show = LeadFilter(event_id=show.id)
    with full_disk(services.database):
        with pytest.raises(DiskFull, match=r"the disk holding .*boothapp\.sqlite3 is full"):
            services.leads.create(visitor, event_id=show.id)
        assert services.leads.count(in_show) == 1
        assert services.leads.count(LeadFilter(event_id=show.id, search="lefevre")) == 0

    saved = services.leads.create(visitor, event_id=show.id)

    assert services.leads.count(in_show) == 2
    found = services.leads.list(LeadFilter(event_id=show.id, search="drone"))
    assert [row.id for row in found] == [saved.id]
    assert services.leads.get(saved.id).notes[0].text == visitor.note
    with services.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        connection.exec_driver_sql(
            "INSERT INTO lead_search (lead_search) VALUES ('integrity-check')"
        )


# --- files that must not be written to ----------------------------------------------------


def test_an_empty_file_is_said_to_be_empty_and_left_empty(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    path.write_bytes(b"")

    with pytest.raises(EmptyDatabase, match=r"booth\.sqlite3 is empty \(0 bytes\)"):
        open_database(path, read_only=True)
    with pytest.raises(EmptyDatabase, match="restore a backup"):
        open_database(path)

    assert [file.name for file in tmp_path.iterdir()] == ["booth.sqlite3"]
    assert path.read_bytes() == b""


def test_a_missing_file_is_made_unless_opened_read_only(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        open_database(tmp_path / "new.sqlite3", read_only=True)
    assert list(tmp_path.iterdir()) == []

    database = open_database(tmp_path / "new.sqlite3")

    assert database.writable and quick_check(tmp_path / "new.sqlite3") == ()
    database.close()


def test_a_damaged_file_is_refused_for_writing_and_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=200)
    services.database.close()
    damage_page(path, leaf_pages(path, "notes")[2])
    before = fingerprint(path)

    with pytest.raises(DamagedDatabase, match=r"booth\.sqlite3 is damaged.*salvage") as refused:
        open_database(path)
    database = open_database(path, read_only=True)
    services = Services.over(database, station_id="integrity")
    shows = services.events.list()
    with pytest.raises(DamagedDatabase, match="is damaged"):
        services.leads.create(LeadInput(first_name="Zoé"), event_id=shows[0].id)
    database.close()

    assert refused.value.path == path and refused.value.problems
    assert not database.writable and database.problems == refused.value.problems
    assert [show.name for show in shows] == ["Milipol Paris 2023"]
    assert fingerprint(path) == before


def test_a_damaged_file_is_neither_upgraded_nor_checkpointed(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    services, _ids = make_booth(path, leads=200)
    downgrade_schema(services.database, KNOWN_REVISIONS[-2])
    services.database.close()
    damage_page(path, leaf_pages(path, "leads")[1])
    journal = sqlite3.connect(path, isolation_level=None)
    journal.execute("PRAGMA wal_autocheckpoint = 0")
    journal.execute("UPDATE staff SET name = 'Claire Dubois'")
    before = fingerprint(path)

    with pytest.raises(DamagedDatabase):
        open_database(path)

    assert fingerprint(path) == before
    assert len(before) == 2
    assert not list(tmp_path.glob("*.bak"))
    journal.close()


_SAVE_AND_DIE = """
import os, sys
from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services
database = open_database(sys.argv[1])
services = Services.over(database, station_id="died")
show = services.events.list()[0] if services.events.list() else services.events.create(
    EventInput(name="Eurosatory"))
for number in range(int(sys.argv[2])):
    services.leads.create(
        LeadInput(first_name=f"Died{number}", company="Arquus", note="n" * 300),
        event_id=show.id,
    )
os._exit(0)
"""


def save_and_die(path: Path, leads: int) -> None:
    """Saves ``leads`` leads in another process that dies before closing the file: the
    saves stay in the ``-wal`` journal."""
    subprocess.run([sys.executable, "-c", _SAVE_AND_DIE, str(path), str(leads)], check=True)


def lead_names(path: Path) -> set[str]:
    database = open_database(path, read_only=True)
    try:
        with database.read_connection() as connection:
            return {row[0] for row in connection.exec_driver_sql("SELECT first_name FROM leads")}
    finally:
        database.close()


def copied_over_a_stale_journal(tmp_path: Path) -> Path:
    """``booth.sqlite3`` with saves left in its journal by a killed process, then another
    database's file copied over it, the journal left beside: what copying a backup by
    hand does."""
    path = tmp_path / "booth.sqlite3"
    make_booth(path, leads=10)[0].database.close()
    save_and_die(path, 20)
    copied = tmp_path / "copied.sqlite3"
    make_booth(copied, leads=300)[0].database.close()
    path.write_bytes(copied.read_bytes())
    return path


def test_a_journal_left_beside_another_file_is_not_replayed(tmp_path: Path) -> None:
    path = copied_over_a_stale_journal(tmp_path)
    before = fingerprint(path)

    with pytest.raises(StaleJournal, match=r"booth\.sqlite3-wal\) that does not belong"):
        open_database(path)
    with pytest.raises(StaleJournal):
        open_database(path, read_only=True)
    assert fingerprint(path) == before
    kept = set_journal_aside(path)

    assert [file.name[: len("booth.sqlite3-wal")] for file in kept] == [
        "booth.sqlite3-wal",
        "booth.sqlite3-shm",
    ]
    assert lead_names(path) == {f"Visitor{number}" for number in range(300)}


# --- a full disk ----------------------------------------------------------------------------


def test_on_a_full_disk_the_file_opens_read_only_with_its_latest_saves(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    make_booth(path, leads=30)[0].database.close()
    save_and_die(path, 5)
    path.with_name("booth.sqlite3-shm").unlink()
    before = fingerprint(path)
    usb = tmp_path / "usb"
    usb.mkdir()

    with no_room_on_disk():
        database = open_database(path)
        services = Services.over(database, station_id="full")
        show = services.events.list()[0]
        leads = services.leads.count(LeadFilter(event_id=show.id))
        found = services.leads.list(LeadFilter(event_id=show.id, search="died4"))
        with pytest.raises(DiskFull, match=r"the disk holding .*booth\.sqlite3 is full"):
            services.leads.create(LeadInput(first_name="Zoé"), event_id=show.id)
    backup = backup_to(database, usb)
    exported = services.exports.export(ExportRequest(usb / "leads.xlsx"))
    database.close()

    assert exported.count == 35 and (usb / "leads.xlsx").stat().st_size > 0
    assert "this export is not recorded" in exported.not_recorded
    assert not database.writable and isinstance(database.read_only_reason, DiskFull)
    assert "opened read-only" in str(database.read_only_reason)
    assert leads == 35 and [row.first_name for row in found] == ["Died4"]
    assert fingerprint(path) == before
    assert len(lead_names(backup)) == 35


def test_on_a_full_disk_no_file_is_made_and_none_upgraded(tmp_path: Path) -> None:
    older = tmp_path / "older.sqlite3"
    services, _ids = make_booth(older, leads=3)
    downgrade_schema(services.database, KNOWN_REVISIONS[-2])
    services.database.close()

    with no_room_on_disk():
        with pytest.raises(DiskFull, match=r"new\.sqlite3 is full"):
            open_database(tmp_path / "new.sqlite3")
        with pytest.raises(DiskFull, match="must upgrade the file"):
            open_database(older)

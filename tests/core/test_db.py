from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text

from boothapp.core import db as db_module
from boothapp.core.db import SCHEMA_HEAD, open_database, resolve_target
from boothapp.core.errors import StorageError
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from disk_space import full_disk


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
        with pytest.raises(StorageError, match=r"the disk holding .*boothapp\.sqlite3 is full"):
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

"""The write-ahead log is copied into the database file in the background, not in saves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from boothapp.core.checkpoint import JOURNAL_SIZE_LIMIT_BYTES, SAFETY_NET_PAGES, Checkpointer
from boothapp.core.db import BUSY_TIMEOUT_MS, open_database
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services

WAIT_SECONDS = 20


def _show_with_leads(services: Services, count: int) -> EventRow:
    """A show with ``count`` leads, each saved in its own transaction."""
    show = services.events.create(EventInput(name="Milipol Paris 2023"))
    for n in range(count):
        services.leads.create(LeadInput(first_name=f"Zoé {n}"), event_id=show.id)
    return show


def _log_pages(path: Path) -> int:
    """Pages in the write-ahead log not yet copied into the database file."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        _busy, log_pages, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        connection.close()
    return int(log_pages) - int(copied)


def test_saves_leave_the_copy_to_sqlite_only_as_a_safety_net(tmp_path: Path) -> None:
    database = open_database(tmp_path / "booth.sqlite3")
    try:
        with database.engine.connect() as connection:
            pages = connection.execute(text("PRAGMA wal_autocheckpoint")).scalar()
        assert pages == SAFETY_NET_PAGES
    finally:
        database.close()


def test_the_log_is_copied_once_writes_go_quiet(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    try:
        assert database.checkpointer is not None
        services = Services.over(database)
        _show_with_leads(services, 20)
        assert database.checkpointer.checkpointed.wait(WAIT_SECONDS)
        with sqlite3.connect(path) as reader:
            log_frames = reader.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert log_frames[1] == log_frames[2]
    finally:
        database.close()


def test_a_checkpoint_is_not_put_off_forever_by_steady_writes(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    open_database(path).close()
    checkpointer = Checkpointer(
        path, BUSY_TIMEOUT_MS, quiet_seconds=3600, longest_wait_seconds=0.05
    )
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("CREATE TABLE scratch (n INTEGER)")
        writer.execute("INSERT INTO scratch VALUES (1)")
        checkpointer.wrote()
        assert checkpointer.checkpointed.wait(WAIT_SECONDS)
        assert _log_pages(path) == 0
    finally:
        writer.close()
        checkpointer.close()


def test_a_complete_copy_restarts_the_log_which_later_saves_write_over(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    log = tmp_path / "booth.sqlite3-wal"
    database = open_database(path)
    try:
        services = Services.over(database)
        show = _show_with_leads(services, 20)
        assert database.checkpointer is not None
        assert database.checkpointer.checkpointed.wait(WAIT_SECONDS)
        kept = log.stat().st_size
        assert 0 < kept <= JOURNAL_SIZE_LIMIT_BYTES
        services.leads.create(LeadInput(first_name="Anna"), event_id=show.id)
        assert log.stat().st_size == kept
        assert services.leads.count(LeadFilter(event_id=show.id)) == 21
    finally:
        database.close()


def test_a_log_grown_by_a_bulk_write_is_cut_back_once_copied(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    log = tmp_path / "booth.sqlite3-wal"
    database = open_database(path)
    try:
        assert database.checkpointer is not None
        with database.engine.begin() as connection:
            connection.execute(text("CREATE TABLE scratch (data BLOB)"))
            connection.execute(
                text("INSERT INTO scratch VALUES (randomblob(:size))"),
                {"size": 2 * JOURNAL_SIZE_LIMIT_BYTES},
            )
        assert log.stat().st_size > JOURNAL_SIZE_LIMIT_BYTES
        database.checkpointer.wrote()
        assert database.checkpointer.checkpointed.wait(WAIT_SECONDS)
        _show_with_leads(Services.over(database), 1)
        assert log.stat().st_size <= JOURNAL_SIZE_LIMIT_BYTES
    finally:
        database.close()


def test_the_search_index_is_merged_in_the_background_not_in_saves(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            automerge = connection.execute(
                text("SELECT v FROM lead_search_config WHERE k = 'automerge'")
            ).scalar()
        assert automerge == 0
        services = Services.over(database)
        show = _show_with_leads(services, 40)
        assert database.checkpointer is not None
        assert database.checkpointer.checkpointed.wait(WAIT_SECONDS)
        assert database.checkpointer.merge_search_index() == 0
        assert services.leads.count(LeadFilter(event_id=show.id, search="zoe")) == 40
    finally:
        database.close()


def test_merging_stops_when_there_is_nothing_left(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    try:
        services = Services.over(database)
        assert database.checkpointer is not None
        database.checkpointer.close()
        show = _show_with_leads(services, 40)
        checkpointer = Checkpointer(path, BUSY_TIMEOUT_MS)
        assert checkpointer.merge_search_index() >= 1
        assert checkpointer.merge_search_index() == 0
        assert services.leads.count(LeadFilter(event_id=show.id, search="zoe")) == 40
    finally:
        database.close()

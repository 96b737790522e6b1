"""The other file of a merge: never written, read through its journal, upgraded when an
older boothapp made it, and refused by name when it cannot be merged."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from merge_helpers import (
    Clock,
    all_leads,
    database_dump,
    laptop,
    new_booth,
    patched_clock,
    show_id,
)
from schema_helpers import downgrade_schema

from boothapp.core.audit import entries
from boothapp.core.db import open_database
from boothapp.core.errors import BoothError, DamagedDatabase, EmptyDatabase, StorageError
from boothapp.core.integrity import file_revision, journal_paths
from boothapp.core.merge import merge_file
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo
from boothapp.core.vocabulary import LegalBasis
from damaged_file import damage_page, leaf_pages

OLD_REVISION = "0009_lead_first_exports"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


@pytest.fixture
def booth(tmp_path: Path, clock: Clock) -> Path:
    path = tmp_path / "booth.sqlite3"
    new_booth(path)
    with laptop(path) as services:
        services.leads.create(LeadInput(first_name="Zoé"), event_id=show_id(services))
    return path


def fingerprint(path: Path) -> list[str]:
    """The bytes of a database file and of its ``-wal`` journal, hashed (a missing
    journal as an empty one: any reader of a file in WAL mode may leave an empty one,
    and the ``-shm`` beside it, which holds no data)."""
    wal = journal_paths(path)[0]
    return [
        hashlib.sha256(path.read_bytes()).hexdigest(),
        hashlib.sha256(wal.read_bytes() if wal.exists() else b"").hexdigest(),
    ]


def missing(path: Path) -> None:
    pass


def empty(path: Path) -> None:
    path.write_bytes(b"")


def text_file(path: Path) -> None:
    path.write_text("first_name,email\nZoé,zoe@example.fr\n", encoding="utf-8")


def another_programs_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()


def sqlite_file_without_tables(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 7")
    connection.close()


def damaged(path: Path) -> None:
    database = open_database(path)
    create_demo(Services.over(database, station_id="merge-test"), leads=300)
    database.close()
    damage_page(path, leaf_pages(path, "leads")[1])


def newer(path: Path) -> None:
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()


def folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (missing, StorageError, "there is no such file"),
        (empty, EmptyDatabase, r"is empty \(0 bytes\)"),
        (text_file, StorageError, r"is not a boothapp database \(not an SQLite file\)"),
        (another_programs_database, StorageError, "is not a boothapp database"),
        (sqlite_file_without_tables, StorageError, "holds no boothapp data"),
        (damaged, DamagedDatabase, "is damaged, so nothing was merged from it"),
        (newer, StorageError, "was made by a newer boothapp"),
        (folder, StorageError, "is a folder"),
    ],
)
def test_a_file_that_cannot_be_merged_is_refused_by_name_and_nothing_changes(
    booth: Path,
    tmp_path: Path,
    make: Callable[[Path], None],
    error: type[BoothError],
    message: str,
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    make(other)
    before = database_dump(booth)
    other_before = fingerprint(other) if other.is_file() else None

    database = open_database(booth)
    try:
        with pytest.raises(error, match=message) as refused:
            merge_file(database, other)
        with database.read_connection() as connection:
            assert entries(connection) == []
    finally:
        database.close()

    assert str(other) in str(refused.value)
    assert database_dump(booth) == before
    if other_before is not None:
        assert fingerprint(other) == other_before


def test_a_damaged_target_is_refused_before_anything_is_read(booth: Path, tmp_path: Path) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    database = open_database(booth)
    try:
        create_demo(Services.over(database, station_id="merge-test"), leads=300)
        damage_page(booth, leaf_pages(booth, "leads")[1])

        with pytest.raises(DamagedDatabase, match="booth.sqlite3 is damaged"):
            merge_file(database, other)
    finally:
        database.close()


def test_a_file_of_an_older_boothapp_is_upgraded_in_a_copy_and_merged(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "old-laptop.sqlite3"
    new_booth(other)
    with laptop(other) as services:
        lead = services.leads.create(
            LeadInput(first_name="Hans", consent=True, note="Old version"),
            event_id=show_id(services),
        )
        downgrade_schema(services.database, OLD_REVISION)
    with sqlite3.connect(other) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert file_revision(connection) == OLD_REVISION
    connection.close()
    before = fingerprint(other)

    database = open_database(booth)
    try:
        summary = merge_file(database, other)
    finally:
        database.close()

    assert [added.id for added in summary.added] == [lead.id]
    merged = all_leads(booth)[lead.id]
    assert merged.legal_basis is LegalBasis.CONSENT
    assert [note.text for note in merged.notes] == ["Old version"]
    assert fingerprint(other) == before


def test_the_other_file_is_read_through_its_journal_while_in_use_and_never_written(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    in_use = open_database(other)
    assert in_use.checkpointer is not None
    in_use.checkpointer.close()
    try:
        services = Services.over(in_use, station_id="merge-test")
        saved = [
            services.leads.create(LeadInput(first_name=name), event_id=show_id(services)).id
            for name in ("Hans", "Ada", "Li")
        ]
        wal, _shm = journal_paths(other)
        assert wal.stat().st_size > 0
        before = fingerprint(other)

        database = open_database(booth)
        try:
            summary = merge_file(database, other)
        finally:
            database.close()

        assert fingerprint(other) == before
    finally:
        in_use.close()
    assert sorted(added.id for added in summary.added) == sorted(saved)
    assert set(saved) <= set(all_leads(booth))

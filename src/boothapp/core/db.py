"""Opening the database: where it lives, how every connection is set up, migrations.

SQLite (the embedded default) is made durable on every connection: WAL journal,
``synchronous=FULL`` (a committed lead survives a power cut), foreign keys on, a busy
timeout, and ``secure_delete`` (what a delete frees is overwritten with zeros, so an
erased visitor's bytes leave the file; see ``core.privacy``). The log is copied into the
database file in the background after writes (``core.checkpoint``), never inside a
save. Write sessions begin with ``BEGIN IMMEDIATE`` so two writers never deadlock
half-way; read sessions use a plain deferred ``BEGIN`` so a long export never blocks a
save. Migrations run when a database is opened; a database made by a newer boothapp is
refused and never modified.

A file is checked (``PRAGMA quick_check``) before anything writes to it: a damaged one
is refused for writing and never modified, not even by a migration or a checkpoint, and
can be opened read-only to look at it, back it up as it is or salvage its leads. On a
full disk, where SQLite cannot make the ``-shm`` file it reads through, a file opens
read-only so that its leads can still be listed, exported and backed up to another disk.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from boothapp import APP_NAME
from boothapp.core.checkpoint import JOURNAL_SIZE_LIMIT_BYTES, SAFETY_NET_PAGES, Checkpointer
from boothapp.core.errors import (
    DamagedDatabase,
    DiskFull,
    EmptyDatabase,
    StaleJournal,
    StorageError,
)
from boothapp.core.integrity import (
    connect_read_only,
    inspect_file,
    journal_may_hold_frames,
    new_identity,
    no_room_beside,
)

ENV_VARIABLE = "BOOTHAPP_DB"
DATABASE_FILE_NAME = "boothapp.sqlite3"

# Every schema revision this version knows, oldest first; the last is the head.
# tests/core/test_migrations.py checks this against the Alembic scripts.
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_lead_search",
    "0003_live_leads_index",
    "0004_email_lookup_index",
    "0005_whole_cjk_names",
    "0006_search_index_merged_in_background",
    "0007_search_rowids_by_show",
    "0008_folded_search_elsewhere",
    "0009_lead_first_exports",
    "0010_privacy_and_merging",
    "0011_follow_up_tasks",
)
SCHEMA_HEAD = KNOWN_REVISIONS[-1]

BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"
_IMMEDIATE = "boothapp_immediate"


def user_data_folder() -> Path:
    """boothapp's folder in this user's data folder (it may not exist yet)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """``boothapp.sqlite3`` in the user data folder of this platform."""
    return user_data_folder() / DATABASE_FILE_NAME


@dataclass(frozen=True)
class DatabaseTarget:
    """What to open: a SQLAlchemy URL, and the file behind it for SQLite."""

    url: str
    path: Path | None
    is_default: bool

    @property
    def label(self) -> str:
        return str(self.path) if self.path is not None else _hide_password(self.url)


def resolve_target(target: str | os.PathLike[str] | None = None) -> DatabaseTarget:
    """The database to use: ``target``, else ``$BOOTHAPP_DB``, else the default file.

    A value containing ``://`` is a SQLAlchemy URL; anything else is a file path.
    """
    chosen = os.fspath(target) if target is not None else os.environ.get(ENV_VARIABLE) or None
    if chosen is None:
        path = default_database_path()
        return DatabaseTarget(f"sqlite:///{path}", path, is_default=True)
    if "://" in chosen:
        try:
            url = make_url(chosen)
        except ArgumentError as exc:
            raise StorageError(f"{chosen}: not a database URL ({exc})") from None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return DatabaseTarget(chosen, Path(url.database).expanduser().resolve(), False)
        return DatabaseTarget(chosen, None, is_default=False)
    path = Path(chosen).expanduser().resolve()
    return DatabaseTarget(f"sqlite:///{path}", path, is_default=False)


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _configure_sqlite(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = FULL")
                cursor.execute("PRAGMA secure_delete = ON")
                cursor.execute(f"PRAGMA wal_autocheckpoint = {SAFETY_NET_PAGES}")
                cursor.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT_BYTES}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_LOCK_KEY = 0x626F6F7468
"""The PostgreSQL advisory lock every boothapp write transaction holds ("booth")."""


def _configure_postgresql(engine: Engine) -> None:
    """Write transactions on a shared server take one lock until they end, as
    ``BEGIN IMMEDIATE`` makes them on SQLite: two laptops saving into the same show in
    the same millisecond would otherwise pick the same search rowid (a unique column)
    and one of the saves would fail."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(_IMMEDIATE, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def storage_error(label: str, exc: BaseException) -> StorageError:
    """Turns a driver error into a message that names the database and what to do."""
    reason = str(getattr(exc, "orig", None) or exc).lower()
    if "locked" in reason or "busy" in reason:
        return StorageError(
            f"{label} is in use by another program (database is locked): "
            "close the other boothapp or program using it and try again"
        )
    if "readonly" in reason or "read-only" in reason:
        return StorageError(
            f"{label} is read-only: check the file's and its folder's permissions, "
            "or copy it to a writable folder"
        )
    if "disk is full" in reason or "database or disk is full" in reason:
        return DiskFull(f"the disk holding {label} is full: free some space; nothing was saved")
    if "not a database" in reason or "malformed" in reason or "corrupt" in reason:
        return DamagedDatabase(damaged_message(label))
    if "unable to open" in reason:
        return StorageError(f"cannot open {label}: check that its folder exists and is writable")
    if "disk i/o error" in reason:
        return StorageError(
            f"{label} could not be read or written (disk I/O error): "
            "check the drive, then try again"
        )
    first_line = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return StorageError(f"{label}: database error: {first_line}")


def diagnosed_error(target: DatabaseTarget, exc: BaseException) -> StorageError:
    """``storage_error``, and a disk I/O error on a disk with no room said as such (SQLite
    reports a full disk so when it cannot grow its ``-shm``, or on a file size limit)."""
    error = storage_error(target.label, exc)
    if "disk I/O error" in str(error) and target.path is not None and no_room_beside(target.path):
        return DiskFull(
            f"the disk holding {target.label} is full: free some space; nothing was saved"
        )
    return error


def damaged_message(label: str) -> str:
    """What a damaged database's refusal says: the file, and what to do."""
    return (
        f"{label} is damaged: boothapp will not write to it and left it as it is; "
        "restore a backup, or copy its readable leads into a new file (salvage)"
    )


class Database:
    """An open database. Services get a ``Session`` from ``write()`` or ``read()``.

    Each ``with`` block is one transaction, committed at its end, rolled back on error.
    A database opened read-only (asked for, damaged, or on a full disk) refuses every
    write with ``read_only_reason``.
    """

    def __init__(
        self,
        engine: Engine,
        target: DatabaseTarget,
        read_only_reason: StorageError | None = None,
    ) -> None:
        self.engine = engine
        self.target = target
        self.read_only_reason = read_only_reason
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.writes = 0
        """Write transactions committed through this object (backups watch it)."""
        self.last_write = 0.0
        """When the last of them was committed (``time.monotonic()``; 0 for none)."""
        self._write_engine = engine.execution_options(**{_IMMEDIATE: True})
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self.checkpointer = (
            Checkpointer(target.path, BUSY_TIMEOUT_MS)
            if self.is_sqlite and target.path is not None and read_only_reason is None
            else None
        )

    @property
    def label(self) -> str:
        return self.target.label

    @property
    def writable(self) -> bool:
        return self.read_only_reason is None

    @property
    def problems(self) -> tuple[str, ...]:
        """What SQLite's check found in a damaged file; empty otherwise."""
        reason = self.read_only_reason
        return reason.problems if isinstance(reason, DamagedDatabase) else ()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A read-write transaction (``BEGIN IMMEDIATE`` on SQLite)."""
        self._refuse_if_read_only()
        with self._reported(), self._write_sessions.begin() as session:
            yield session
        self._wrote()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A read-write transaction on a Core connection, for hot paths that need no ORM."""
        self._refuse_if_read_only()
        with self._reported(), self._write_engine.begin() as connection:
            yield connection
        self._wrote()

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A read-only transaction on a Core connection, for hot paths that need no ORM."""
        with self._reported(), self.engine.connect() as connection:
            transaction = connection.begin()
            try:
                yield connection
            finally:
                transaction.rollback()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction; nothing done in it is committed."""
        with self._reported(), self._read_sessions() as session:
            yield session
            session.rollback()

    def _refuse_if_read_only(self) -> None:
        if self.read_only_reason is not None:
            raise self.read_only_reason.with_traceback(None)

    @contextmanager
    def _reported(self) -> Iterator[None]:
        """Turns a driver error into a ``StorageError`` naming this database (also one
        raised on the driver's own cursor, see ``core.driver``)."""
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            error = diagnosed_error(self.target, exc)
            if self.read_only_reason is not None and "read-only" in str(error):
                raise self.read_only_reason.with_traceback(None) from exc
            raise error from exc

    def _wrote(self) -> None:
        self.writes += 1
        self.last_write = time.monotonic()
        if self.checkpointer is not None:
            self.checkpointer.wrote()

    def wipe_free_space(self) -> bool:
        """Rewrites the SQLite file without its free space (VACUUM), then copies the
        whole ``-wal`` log into it and cuts the log to 0 bytes (a TRUNCATE checkpoint),
        so that no byte of what was deleted stays in the file or its log: not in the
        pages and parts of pages deletes freed (``secure_delete`` zeroes those, but not
        what a delete made before it, or by a SQLite built with it off, left), nor in an
        older copy of a page in the log. Saves wait meanwhile (about 1 s at 100,000
        leads). False when it could not be done (another program kept the database
        busy, or the disk has not room for a second copy of the file): deleted bytes may
        then stay in unused space until it is done. True at once for a database that is
        not a SQLite file."""
        path = self.target.path
        if not self.is_sqlite or path is None:
            return True
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=0)
        except sqlite3.Error:
            return False
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA secure_delete = ON")
            connection.execute("VACUUM")
            busy, _pages, _copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            return False
        finally:
            connection.close()
        return not busy

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()


def _check_sqlite_file(target: DatabaseTarget, read_only: bool) -> bool:
    """Refuses a path that cannot be a database; True when the file holds something."""
    path = target.path
    assert path is not None
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file: give a file name")
    if read_only and not path.exists():
        raise StorageError(f"{path} does not exist: give the file of a boothapp database")
    if not path.parent.exists():
        if target.is_default:
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise StorageError(f"cannot create {path}: the folder {path.parent} does not exist")
    if not path.exists():
        if not os.access(path.parent, os.W_OK):
            raise StorageError(f"cannot create {path}: the folder {path.parent} is read-only")
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}") from None
    if not header and not journal_may_hold_frames(path):
        raise EmptyDatabase(
            f"{path} is empty (0 bytes): it holds no leads and was left as it is; "
            "restore a backup, give another file with --db, or delete it to start anew"
        )
    if header and header != _SQLITE_MAGIC:
        raise StorageError(
            f"{path} is not a boothapp database (not an SQLite file): it was left as it is; "
            "give another file with --db"
        )
    if not read_only and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise StorageError(
            f"{path} is read-only: boothapp needs to write to the file and its folder; "
            "check the permissions or copy it to a writable folder"
        )
    return True


def stored_revision(connection: Connection) -> str | None:
    """The schema revision written in the database, None for an empty database."""
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise StorageError("it holds tables but is not a boothapp database")
        return None
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(revision) if revision is not None else None


def check_revision(label: str, revision: str | None) -> None:
    """Refuses a schema revision this version does not know (a newer boothapp's)."""
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StorageError(
            f"{label} was made by a newer boothapp (schema {revision}): "
            "install the newer version to open it; the file was left as it is"
        )


def _give_identity(database: Database) -> None:
    """Writes a new identity into the file's header (see ``identity_in_file``); left for
    the next opening when the file cannot be written now (another program is saving)."""
    with suppress(DBAPIError), database._write_engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA user_version = {new_identity()}")


def _read_only_engine(path: Path, locking: bool) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}", creator=lambda: connect_read_only(path, locking=locking)
    )
    _configure_sqlite(engine, read_only=True)
    return engine


def _backup_before_migration(target: DatabaseTarget, revision: str) -> None:
    """Copies a SQLite file aside before its schema is upgraded."""
    if target.path is None:
        return
    backup_path = target.path.with_name(f"{target.path.name}.before-{SCHEMA_HEAD}.bak")
    source = sqlite3.connect(target.path)
    try:
        destination = sqlite3.connect(backup_path)
        try:
            source.backup(destination)
            destination.execute(f"PRAGMA user_version = {new_identity()}")
            destination.commit()
        finally:
            destination.close()
    finally:
        source.close()


def upgrade_schema(database: Database, revision: str = SCHEMA_HEAD) -> None:
    """Runs the Alembic migrations up to ``revision`` on an open database."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with database.engine.connect() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
        if database.is_sqlite:
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            if problems:
                raise StorageError(
                    f"{database.label}: the upgrade left broken references {problems[:3]}"
                )


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    migrate: bool = True,
    read_only: bool = False,
) -> Database:
    """Opens (creating if needed) the database and brings its schema up to date.

    Raises StorageError with a one-line message naming the file when it cannot be used;
    a file that is not ours, damaged, or newer than this version is never modified. A
    file of 0 bytes raises ``EmptyDatabase``, a damaged one ``DamagedDatabase`` (or its
    ``StaleJournal``). On a full disk the database opens read-only, its
    ``read_only_reason`` a ``DiskFull``.

    ``read_only=True`` writes nothing at all (no file is created, no schema upgraded): a
    damaged file then opens too, with its ``problems``, to read what can be read.
    """
    resolved = resolve_target(target)
    if resolved.path is None:
        return _open_server(resolved, migrate, read_only)
    label = resolved.label
    if not _check_sqlite_file(resolved, read_only):
        return _open_new_file(resolved, migrate)
    try:
        inspection = inspect_file(resolved.path)
    except StaleJournal:
        raise
    except StorageError as exc:
        raise StorageError(f"{label}: {exc}; it was left as it is") from None
    check_revision(label, inspection.revision)
    if inspection.problems:
        damaged = DamagedDatabase(damaged_message(label), resolved.path, inspection.problems)
        if not read_only:
            raise damaged
        return _read_only(resolved, inspection.locking, damaged)
    if read_only:
        return _read_only(
            resolved,
            inspection.locking,
            StorageError(f"{label} is open read-only: nothing can be saved in it"),
        )
    database = Database(_file_engine(resolved), resolved)
    try:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            connection.rollback()
    except DBAPIError as exc:
        database.close()
        if not no_room_beside(resolved.path):
            raise diagnosed_error(resolved, exc) from exc
        if migrate and inspection.revision != SCHEMA_HEAD:
            raise DiskFull(
                f"the disk holding {label} is full: boothapp must upgrade the file before "
                "using it; free some space and try again"
            ) from None
        return _read_only(
            resolved,
            inspection.locking,
            DiskFull(
                f"the disk holding {label} is full, so it was opened read-only (leads can "
                "be listed, exported and backed up to another disk): free some space and "
                "open it again to save"
            ),
        )
    if migrate and inspection.revision != SCHEMA_HEAD:
        _migrate(database, inspection.revision)
    if not inspection.identity:
        _give_identity(database)
    return database


def _file_engine(target: DatabaseTarget) -> Engine:
    engine = create_engine(target.url)
    _configure_sqlite(engine)
    return engine


def _read_only(target: DatabaseTarget, locking: bool, reason: StorageError) -> Database:
    assert target.path is not None
    return Database(_read_only_engine(target.path, locking), target, reason)


def _open_new_file(target: DatabaseTarget, migrate: bool) -> Database:
    database = Database(_file_engine(target), target)
    if migrate:
        _migrate(database, None)
    _give_identity(database)
    return database


def _migrate(database: Database, revision: str | None) -> None:
    try:
        if revision is not None:
            _backup_before_migration(database.target, revision)
        upgrade_schema(database)
    except (DBAPIError, sqlite3.Error) as exc:
        database.close()
        raise diagnosed_error(database.target, exc) from exc


def _open_server(target: DatabaseTarget, migrate: bool, read_only: bool) -> Database:
    try:
        engine = create_engine(target.url)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"{target.label}: cannot use this database ({exc})") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    reason = StorageError(f"{target.label} is open read-only: nothing can be saved in it")
    database = Database(engine, target, reason if read_only else None)
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
            connection.rollback()
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error(target.label, exc) from exc
    except StorageError as exc:
        engine.dispose()
        raise StorageError(f"{target.label}: {exc}; it was left as it is") from None
    check_revision(target.label, revision)
    if read_only or not migrate:
        return database
    if revision != SCHEMA_HEAD:
        _migrate(database, None)
    from boothapp.core.search import index_unindexed_leads

    with database.write_connection() as connection:
        index_unindexed_leads(connection)
    return database

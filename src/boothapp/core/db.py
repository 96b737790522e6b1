"""Opening the database: where it lives, how every connection is set up, migrations.

SQLite (the embedded default) is made durable on every connection: WAL journal,
``synchronous=FULL`` (a committed lead survives a power cut), foreign keys on, a busy
timeout. The log is copied into the database file in the background after writes
(``core.checkpoint``), never inside a save. Write sessions begin with
``BEGIN IMMEDIATE`` so two writers never deadlock half-way; read sessions use a plain
deferred ``BEGIN`` so a long export never blocks a save. Migrations run when a
database is opened; a database made by a newer boothapp is refused and never modified.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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
from boothapp.core.errors import StorageError

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


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
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
        return StorageError(f"the disk holding {label} is full: free some space; nothing was saved")
    if "not a database" in reason or "malformed" in reason or "corrupt" in reason:
        return StorageError(
            f"{label} is damaged or is not a database: it was left as it is; "
            "restore a backup or open another file with --db"
        )
    if "unable to open" in reason:
        return StorageError(f"cannot open {label}: check that its folder exists and is writable")
    if "disk i/o error" in reason:
        return StorageError(
            f"{label} could not be read or written (disk I/O error): "
            "check the drive, then try again"
        )
    first_line = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return StorageError(f"{label}: database error: {first_line}")


class Database:
    """An open database. Services get a ``Session`` from ``write()`` or ``read()``.

    Each ``with`` block is one transaction, committed at its end, rolled back on error.
    """

    def __init__(self, engine: Engine, target: DatabaseTarget) -> None:
        self.engine = engine
        self.target = target
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._write_engine = engine.execution_options(**{_IMMEDIATE: True})
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self.checkpointer = (
            Checkpointer(target.path, BUSY_TIMEOUT_MS)
            if self.is_sqlite and target.path is not None
            else None
        )

    @property
    def label(self) -> str:
        return self.target.label

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A read-write transaction (``BEGIN IMMEDIATE`` on SQLite)."""
        with self._reported(), self._write_sessions.begin() as session:
            yield session
        self._wrote()

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A read-write transaction on a Core connection, for hot paths that need no ORM."""
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

    @contextmanager
    def _reported(self) -> Iterator[None]:
        """Turns a driver error into a ``StorageError`` naming this database (also one
        raised on the driver's own cursor, see ``core.driver``)."""
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            raise storage_error(self.label, exc) from exc

    def _wrote(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.wrote()

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()


def _check_sqlite_file(target: DatabaseTarget) -> None:
    path = target.path
    assert path is not None
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file: give a file name")
    if not path.parent.exists():
        if target.is_default:
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            raise StorageError(f"cannot create {path}: the folder {path.parent} does not exist")
    if not path.exists():
        if not os.access(path.parent, os.W_OK):
            raise StorageError(f"cannot create {path}: the folder {path.parent} is read-only")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}") from None
    if header and header != _SQLITE_MAGIC:
        raise StorageError(
            f"{path} is not a boothapp database (not an SQLite file): it was left as it is; "
            "give another file with --db"
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StorageError(
            f"{path} is read-only: boothapp needs to write to the file and its folder; "
            "check the permissions or copy it to a writable folder"
        )


def stored_revision(connection: Connection) -> str | None:
    """The schema revision written in the database, None for an empty database."""
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise StorageError("it holds tables but is not a boothapp database")
        return None
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(revision) if revision is not None else None


def _peek_revision(target: DatabaseTarget, engine: Engine) -> str | None:
    """The stored schema revision, read without changing anything.

    A SQLite file is read through a read-only connection, before the engine's
    connections switch it to WAL (which would rewrite the header of a file that
    is not ours)."""
    if target.path is None:
        with engine.connect() as engine_connection:
            revision = stored_revision(engine_connection)
            engine_connection.rollback()
            return revision
    if not target.path.exists() or target.path.stat().st_size == 0:
        return None
    connection = sqlite3.connect(f"{target.path.as_uri()}?mode=ro", uri=True)
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            if tables:
                raise StorageError("it holds tables but is not a boothapp database")
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row is not None else None
    finally:
        connection.close()


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
    target: str | os.PathLike[str] | None = None, *, migrate: bool = True
) -> Database:
    """Opens (creating if needed) the database and brings its schema up to date.

    Raises StorageError with a one-line message naming the file when it cannot be used;
    a file that is not ours, damaged, or newer than this version is never modified.
    """
    resolved = resolve_target(target)
    if resolved.path is not None:
        _check_sqlite_file(resolved)
    try:
        engine = create_engine(resolved.url)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"{resolved.label}: cannot use this database ({exc})") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    database = Database(engine, resolved)
    try:
        revision = _peek_revision(resolved, engine)
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error(resolved.label, exc) from exc
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise storage_error(resolved.label, exc) from exc
    except StorageError as exc:
        engine.dispose()
        raise StorageError(f"{resolved.label}: {exc}; it was left as it is") from None
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise StorageError(
            f"{resolved.label} was made by a newer boothapp (schema {revision}): "
            "install the newer version to open it; the file was left as it is"
        )
    if migrate and revision != SCHEMA_HEAD:
        try:
            if revision is not None:
                _backup_before_migration(resolved, revision)
            upgrade_schema(database)
        except DBAPIError as exc:
            engine.dispose()
            raise storage_error(resolved.label, exc) from exc
    if migrate and not database.is_sqlite:
        from boothapp.core.search import index_unindexed_leads

        with database.write_connection() as connection:
            index_unindexed_leads(connection)
    return database

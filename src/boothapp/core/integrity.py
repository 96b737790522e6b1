"""Whether a database file can be trusted, and reading one without writing a byte.

``PRAGMA quick_check`` (every page and record readable, every b-tree in order: 0.2 s at
100,000 leads) runs whenever a file is opened; ``PRAGMA integrity_check`` also matches
every index against its table (four times as long) and runs in the background.
``check`` is the whole report of ``boothapp check``.

A connection from ``open_read_only`` never writes the database or its journal and never
checkpoints. It takes SQLite's usual locks through the ``-shm`` file; where that file
cannot be made (a full disk, a read-only folder) it keeps the journal's index in its
own memory instead and takes no locks (exclusive locking mode on SQLite's VFS without
locks), which is safe as long as no other program writes the file meanwhile: on a full
disk none can.

A ``-wal`` journal left beside a file it does not belong to (the file was replaced while
a journal was left over) cannot be told by the journal's salts: they tie its frames to
its own header, and nothing ties them to the database file. Two things show it
(``StaleJournal``): every file boothapp makes gets its own identity in its header, and a
journal whose copy of the first page carries another identity is another file's; or
the file passes quick_check alone and not with the journal. A foreign journal that
touches neither the first page nor the file's structure cannot be told, and SQLite
replays it; nothing boothapp does leaves such a pair (a restore moves the journal away
with the file it belongs to).
"""

from __future__ import annotations

import errno
import os
import secrets
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from boothapp.core.errors import StaleJournal, StorageError

if TYPE_CHECKING:
    from boothapp.core.db import Database

SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first bytes of every SQLite database file."""
WAL_SUFFIX = "-wal"
SHM_SUFFIX = "-shm"
WAL_HEADER_BYTES = 32
MAX_PROBLEMS = 100
"""Lines of SQLite's checks kept (its own default)."""

_IDENTITY_OFFSET = 60
_NO_LOCK_VFS = "win32-none" if sys.platform == "win32" else "unix-none"
_NO_SHARED_MEMORY = frozenset(
    {
        "SQLITE_CANTOPEN",
        "SQLITE_IOERR_SHMOPEN",
        "SQLITE_IOERR_SHMSIZE",
        "SQLITE_IOERR_SHMMAP",
        "SQLITE_IOERR_SHMLOCK",
        "SQLITE_READONLY_CANTINIT",
        "SQLITE_READONLY_CANTLOCK",
        "SQLITE_READONLY_RECOVERY",
    }
)


def journal_paths(path: Path) -> tuple[Path, Path]:
    """The ``-wal`` and ``-shm`` files SQLite keeps beside ``path``."""
    return path.with_name(path.name + WAL_SUFFIX), path.with_name(path.name + SHM_SUFFIX)


def journal_may_hold_frames(path: Path) -> bool:
    """Whether a ``-wal`` beside ``path`` is longer than its header (its frames may
    still be old ones that SQLite ignores)."""
    try:
        return journal_paths(path)[0].stat().st_size > WAL_HEADER_BYTES
    except FileNotFoundError:
        return False


def new_identity() -> int:
    """A new file identity (see ``identity_in_file``)."""
    return secrets.randbelow(2**31 - 1) + 1


def identity_in_file(path: Path) -> int:
    """The identity boothapp gave the database file ``path``, read from the file's own
    first page (its header's ``user_version``): 0 when it has none.

    Every database file gets its own when it is made (a backup, restore or salvage too).
    Read through a connection, the header comes from the ``-wal`` journal when the
    journal holds a newer first page, so a journal whose first page carries another
    identity than the file's belongs to another file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(_IDENTITY_OFFSET + 4)
    except OSError:
        return 0
    if len(header) < _IDENTITY_OFFSET + 4:
        return 0
    return int.from_bytes(header[_IDENTITY_OFFSET : _IDENTITY_OFFSET + 4], "big")


def connect_read_only(path: Path, locking: bool = True) -> sqlite3.Connection:
    """A connection that cannot write ``path``; ``locking=False``: without the -shm and
    without locks (see the module's notes)."""
    uri = f"{path.absolute().as_uri()}?mode=ro" + ("" if locking else f"&vfs={_NO_LOCK_VFS}")
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        if not locking:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("PRAGMA query_only = ON")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def needs_no_shared_memory(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` is SQLite failing to make or use the ``-shm`` file."""
    return getattr(exc, "sqlite_errorname", "") in _NO_SHARED_MEMORY


def open_read_only(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection to ``path`` and whether it takes SQLite's locks: it does
    when the -shm file can be used, else it does without (a full disk)."""
    connection = connect_read_only(path)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection, True
    except sqlite3.Error as exc:
        connection.close()
        if not needs_no_shared_memory(exc):
            raise
    return connect_read_only(path, locking=False), False


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts as an SQLite database does (an empty file does not)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None


@contextmanager
def no_journal_files_left(path: Path) -> Iterator[None]:
    """Removes, on leaving, the empty ``-wal`` and the ``-shm`` that reading ``path``
    made beside it, so that a file that is only read (a backup, another laptop's file)
    is left exactly as it was found."""
    made = [
        journal
        for journal in (Path(f"{path}{WAL_SUFFIX}"), Path(f"{path}{SHM_SUFFIX}"))
        if not journal.exists()
    ]
    try:
        yield
    finally:
        for journal in made:
            with suppress(OSError):
                if journal.name.endswith(SHM_SUFFIX) or journal.stat().st_size == 0:
                    journal.unlink()


def file_revision(connection: sqlite3.Connection) -> str | None:
    """``stored_revision`` on a driver connection to a SQLite file."""
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    if "alembic_version" not in tables:
        if tables:
            raise StorageError("it holds tables but is not a boothapp database")
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row is not None else None


def no_room_beside(path: Path) -> bool:
    """Whether the disk holding ``path`` refuses to store 64 KiB more (full, over quota,
    or over this process's file size limit)."""
    try:
        with tempfile.TemporaryFile(dir=path.parent) as probe:
            probe.write(b"\0" * 65536)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return exc.errno in _NO_ROOM
    return False


_NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def in_use_message(path: Path) -> str:
    """The refusal of a change to the database file ``path`` while it is open."""
    return (
        f"{path} is in use by another program: close boothapp (and any program using it) "
        "and try again; nothing was changed"
    )


def refuse_if_in_use(path: Path) -> None:
    """Refuses when another program has the SQLite file ``path`` open (it holds SQLite's
    shared lock on the file, or on its ``-shm``). Where locks cannot be probed (Windows),
    the rename of a file in use fails instead.

    Probing releases this process's own locks on the file: call it with the database
    closed here."""
    if sys.platform == "win32" or not path.exists():
        return
    import fcntl

    pending_byte = 0x40000000
    probes = [(path, pending_byte + 2, 510), (journal_paths(path)[1], 128, 1)]
    for file, start, length in probes:
        try:
            descriptor = os.open(file, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StorageError(f"cannot change {path}: {exc.strerror}") from None
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start, os.SEEK_SET)
        except OSError:
            raise StorageError(in_use_message(path)) from None
        finally:
            os.close(descriptor)


@dataclass(frozen=True)
class FileInspection:
    """What ``inspect_file`` read of a database file."""

    revision: str | None
    problems: tuple[str, ...]
    locking: bool
    identity: int


def inspect_file(path: Path) -> FileInspection:
    """The file's schema revision, identity and what quick_check finds, read without
    writing (the header of a file that is not boothapp's is not even switched to WAL).

    Raises ``StaleJournal`` for a ``-wal`` that belongs to another file, and
    StorageError for a file holding another program's tables."""
    try:
        connection, locking = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        return FileInspection(None, (str(exc),), True, 0)
    with closing(connection):
        try:
            revision = file_revision(connection)
            identity = int(connection.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            return _stale_or_damaged(path, FileInspection(None, (str(exc),), locking, 0))
        problems = quick_check_problems(connection)
    return _stale_or_damaged(path, FileInspection(revision, problems, locking, identity))


def _stale_or_damaged(path: Path, inspection: FileInspection) -> FileInspection:
    """Raises ``StaleJournal`` when the ``-wal`` beside ``path`` is another file's: its
    copy of the first page carries another file's identity, or the file passes
    quick_check alone but not with it."""
    in_file = identity_in_file(path)
    foreign = bool(in_file and inspection.identity and inspection.identity != in_file)
    if foreign or (
        inspection.problems and journal_may_hold_frames(path) and file_alone_is_sound(path)
    ):
        raise StaleJournal(
            f"{path} has a journal file ({journal_paths(path)[0].name}) that does not belong "
            "to it (the file was replaced while boothapp was not closed properly): both were "
            "left as they are; set the journal aside to open the file as it is, or restore "
            "a backup",
            path,
            inspection.problems or ("the journal's first page is another file's",),
        )
    return inspection


def _pragma_problems(connection: sqlite3.Connection, pragma: str) -> tuple[str, ...]:
    try:
        rows = connection.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        return (str(exc),)
    lines = tuple(
        line
        for row in rows
        for line in _text(row[0]).splitlines()
        if line and not line.startswith("*** in database")
    )
    return () if lines == ("ok",) else lines


def quick_check_problems(connection: sqlite3.Connection) -> tuple[str, ...]:
    """What ``PRAGMA quick_check`` finds; empty when the file is sound."""
    return _pragma_problems(connection, "quick_check")


def _file_of(source: Database | str | os.PathLike[str]) -> Path:
    if isinstance(source, str | os.PathLike):
        return Path(source)
    if source.target.path is None:
        raise StorageError(f"{source.label}: the file checks are for SQLite files")
    return source.target.path


def quick_check(source: Database | str | os.PathLike[str]) -> tuple[str, ...]:
    """``PRAGMA quick_check`` on a database file, read-only; empty when it is sound."""
    return _check_file(source, "quick_check")


def integrity_check(source: Database | str | os.PathLike[str]) -> tuple[str, ...]:
    """``PRAGMA integrity_check`` on a database file (an open ``Database`` or a path),
    read-only and on its own connection, so it can run on any thread while others save;
    empty when the file is sound. About 0.8 s at 100,000 leads."""
    return _check_file(source, "integrity_check")


def _file_to_check(source: Database | str | os.PathLike[str]) -> Path:
    path = _file_of(source)
    if not path.is_file():
        raise StorageError(f"cannot check {path}: there is no such file")
    return path


def _check_file(source: Database | str | os.PathLike[str], pragma: str) -> tuple[str, ...]:
    path = _file_to_check(source)
    try:
        connection, _locking = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        return (str(exc),)
    with closing(connection):
        return _pragma_problems(connection, pragma)


def file_alone_is_sound(path: Path) -> bool:
    """Whether ``path`` passes quick_check read as it is, without its ``-wal``."""
    uri = f"{path.absolute().as_uri()}?immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            return not quick_check_problems(connection)
    except sqlite3.Error:
        return False


@dataclass(frozen=True)
class ShowCount:
    """How many leads a show holds, live and deleted."""

    event_id: int
    name: str
    leads: int
    deleted: int


@dataclass(frozen=True)
class IndexReport:
    """The search index against the leads (lead ids, except for ``orphans``)."""

    leads: int
    rows: int
    not_indexed: tuple[str, ...]
    orphans: int
    """Index rows that no lead has."""
    misplaced: tuple[str, ...]
    """Index rows filed under another show or deleted state than their lead's."""
    out_of_date: tuple[str, ...]
    """Index rows whose text is not what the lead and its notes hold now."""

    @property
    def ok(self) -> bool:
        return not (self.not_indexed or self.orphans or self.misplaced or self.out_of_date)


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found in one database file; ``problems()`` says it in lines."""

    path: Path
    quick_check: tuple[str, ...]
    integrity_check: tuple[str, ...]
    foreign_keys: tuple[str, ...]
    undecodable: tuple[str, ...]
    """Leads holding text that is not UTF-8 (a damaged record): they cannot be exported."""
    index: IndexReport | None
    shows: tuple[ShowCount, ...]
    not_run: tuple[str, ...]
    """Parts of the check that could not read what they needed, with SQLite's reason."""

    @property
    def ok(self) -> bool:
        return not self.problems()

    def problems(self) -> list[str]:
        """One line per kind of problem; empty when the file is sound."""
        lines = [f"quick_check: {line}" for line in self.quick_check[:5]]
        lines += [f"integrity_check: {line}" for line in self.integrity_check[:5]]
        lines += [f"broken reference: {line}" for line in self.foreign_keys[:5]]
        if self.undecodable:
            lines.append(_ids("leads with text that is not UTF-8", self.undecodable))
        index = self.index
        if index is not None:
            if index.not_indexed:
                lines.append(_ids("leads missing from the search index", index.not_indexed))
            if index.orphans:
                lines.append(f"{index.orphans} search index rows of no lead")
            if index.misplaced:
                lines.append(_ids("leads filed under the wrong show", index.misplaced))
            if index.out_of_date:
                lines.append(_ids("leads whose search text is out of date", index.out_of_date))
        lines += [f"not checked: {line}" for line in self.not_run]
        return lines


def _ids(what: str, ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:5])
    more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
    return f"{len(ids)} {what}: {shown}{more}"


def check(source: Database | str | os.PathLike[str]) -> CheckReport:
    """Every check of a database file, read-only, on its own connection (any thread):
    quick_check, integrity_check, foreign keys, text that cannot be decoded, the search
    index against the leads, and the leads per show. Nothing is written."""
    path = _file_to_check(source)
    try:
        connection, _locking = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        reason = (str(exc),)
        return CheckReport(path, reason, reason, (), (), None, (), ("the rest",))
    with closing(connection):
        connection.text_factory = bytes
        quick = quick_check_problems(connection)
        full = _pragma_problems(connection, "integrity_check")
        not_run: list[str] = []
        foreign_keys: tuple[str, ...] = ()
        undecodable: tuple[str, ...] = ()
        index: IndexReport | None = None
        shows: tuple[ShowCount, ...] = ()
        try:
            foreign_keys = _broken_references(connection)
        except sqlite3.DatabaseError as exc:
            not_run.append(f"references: {exc}")
        try:
            undecodable, index = _leads_against_index(connection)
        except sqlite3.DatabaseError as exc:
            not_run.append(f"leads and search index: {exc}")
        try:
            shows = _show_counts(connection)
        except sqlite3.DatabaseError as exc:
            not_run.append(f"leads per show: {exc}")
    return CheckReport(path, quick, full, foreign_keys, undecodable, index, shows, tuple(not_run))


def _text(value: bytes | str | None) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _broken_references(connection: sqlite3.Connection) -> tuple[str, ...]:
    rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    return tuple(
        f"{_text(table)} row {rowid} refers to a missing {_text(parent)} row"
        for table, rowid, parent, _key in rows
    )


def _show_counts(connection: sqlite3.Connection) -> tuple[ShowCount, ...]:
    rows = connection.execute(
        "SELECT events.id, events.name, "
        "count(leads.id) FILTER (WHERE leads.deleted_at IS NULL), "
        "count(leads.id) FILTER (WHERE leads.deleted_at IS NOT NULL) "
        "FROM events LEFT JOIN leads ON leads.event_id = events.id "
        "GROUP BY events.id ORDER BY events.id"
    ).fetchall()
    return tuple(
        ShowCount(int(event_id), _text(name), int(live), int(deleted))
        for event_id, name, live, deleted in rows
    )


_INDEXED_FIELDS = ("first_name", "last_name", "company", "job_title", "email", "city", "badge_id")


def _leads_against_index(
    connection: sqlite3.Connection,
) -> tuple[tuple[str, ...], IndexReport | None]:
    from boothapp.core.search import index_scope, search_text

    text_columns = [
        str(name, "utf-8") if isinstance(name, bytes) else str(name)
        for _cid, name, kind, *_rest in connection.execute("PRAGMA table_info(leads)")
        if any(word in _text(kind).upper() for word in ("CHAR", "TEXT", "CLOB", "JSON"))
    ]
    notes: dict[str, list[str]] = defaultdict(list)
    undecodable: set[str] = set()
    for lead_id, note in connection.execute(
        "SELECT lead_id, text FROM notes ORDER BY lead_id, created_at, id"
    ):
        if not _decodes(note):
            undecodable.add(_text(lead_id))
        notes[_text(lead_id)].append(_text(note))
    columns = ", ".join(f'"{name}"' for name in text_columns)
    expected: dict[int, tuple[str, str, str]] = {}
    not_indexed: list[str] = []
    leads = 0
    positions = {name: text_columns.index(name) for name in _INDEXED_FIELDS}
    for event_id, deleted, rowid, *texts in connection.execute(
        f"SELECT event_id, deleted_at IS NOT NULL, search_rowid, {columns} FROM leads"
    ):
        leads += 1
        lead_id = _text(texts[text_columns.index("id")])
        if not all(_decodes(value) for value in texts):
            undecodable.add(lead_id)
        first, last, company, title, email, city, badge = (
            _text(texts[positions[name]]) for name in _INDEXED_FIELDS
        )
        body = search_text(first, last, company, title, email, city, badge, notes.get(lead_id, []))
        if rowid is None:
            not_indexed.append(lead_id)
        else:
            expected[int(rowid)] = (lead_id, index_scope(int(event_id), bool(deleted)), body)
    has_index = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'lead_search'"
    ).fetchone()
    if has_index is None:
        return tuple(sorted(undecodable)), None
    rows = 0
    orphans = 0
    misplaced: list[str] = []
    out_of_date: list[str] = []
    for rowid, lead_id, scope, body in connection.execute(
        "SELECT rowid, lead_id, scope, body FROM lead_search"
    ):
        rows += 1
        wanted = expected.pop(int(rowid), None)
        if wanted is None:
            orphans += 1
        elif (_text(lead_id), _text(scope)) != wanted[:2]:
            misplaced.append(wanted[0])
        elif _text(body) != wanted[2]:
            out_of_date.append(wanted[0])
    not_indexed += [lead_id for lead_id, _scope, _body in expected.values()]
    report = IndexReport(
        leads=leads,
        rows=rows,
        not_indexed=tuple(sorted(not_indexed)),
        orphans=orphans,
        misplaced=tuple(sorted(misplaced)),
        out_of_date=tuple(sorted(out_of_date)),
    )
    return tuple(sorted(undecodable)), report


def _decodes(value: object) -> bool:
    if not isinstance(value, bytes):
        return True
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True

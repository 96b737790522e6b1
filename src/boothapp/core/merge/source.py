"""The other file of a merge: never written, copied first with SQLite's online backup API
(which reads through its ``-wal`` journal), the copy checked and, when an older boothapp
made it, upgraded with this version's migrations.

A file that cannot be merged is refused with a message naming it: missing, empty, not
an SQLite file, damaged, another program's database, or a newer boothapp's.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from boothapp.core.backup import copy_database
from boothapp.core.db import Database, check_revision, open_database
from boothapp.core.errors import DamagedDatabase, EmptyDatabase, StorageError
from boothapp.core.integrity import (
    file_revision,
    integrity_check,
    journal_may_hold_frames,
    open_read_only,
)

SQLITE_HEADER = b"SQLite format 3\x00"
COPY_NAME = "other.sqlite3"


def _damaged(path: Path, problems: tuple[str, ...]) -> DamagedDatabase:
    return DamagedDatabase(
        f"{path} is damaged, so nothing was merged from it: salvage its readable leads "
        "into a new file (boothapp --db FILE salvage NEW_FILE) and merge that one",
        path,
        problems,
    )


def check_file(path: Path) -> None:
    """Refuses what cannot be a database file before anything reads it as one."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder: choose the database file of the other laptop")
    if not path.exists():
        raise StorageError(f"cannot merge {path}: there is no such file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}") from None
    if not header and not journal_may_hold_frames(path):
        raise EmptyDatabase(f"{path} is empty (0 bytes): there is nothing to merge from it")
    if header and header != SQLITE_HEADER:
        raise StorageError(
            f"{path} is not a boothapp database (not an SQLite file): nothing was merged"
        )


def _copy(path: Path, copy: Path) -> None:
    copy.touch()
    try:
        copy_database(path, copy, step_pages=-1, pause=0.0, cancel=None)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, (str(exc),)) from None
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StorageError(f"cannot read {path}: {reason}; nothing was merged") from None


def _checked_revision(path: Path, copy: Path) -> str:
    """The copy's schema revision, once it passed the checks; refusals name ``path``."""
    problems = integrity_check(copy)
    if problems:
        raise _damaged(path, problems)
    connection, _locking = open_read_only(copy)
    with closing(connection):
        try:
            revision = file_revision(connection)
        except sqlite3.DatabaseError as exc:
            raise _damaged(path, (str(exc),)) from None
        except StorageError as exc:
            raise StorageError(f"{path}: {exc}; nothing was merged") from None
    if revision is None:
        raise StorageError(f"{path} holds no boothapp data: there is nothing to merge from it")
    check_revision(str(path), revision)
    return revision


@contextmanager
def checked_copy(other: Path) -> Iterator[Database]:
    """A checked copy of the database file ``other``, brought up to this version's
    schema, open; removed afterwards."""
    path = other.expanduser()
    check_file(path)
    with tempfile.TemporaryDirectory(prefix="boothapp-merge-") as folder:
        copy = Path(folder) / COPY_NAME
        _copy(path, copy)
        _checked_revision(path, copy)
        try:
            database = open_database(copy)
        except StorageError as exc:
            raise StorageError(f"{path} could not be read for the merge: {exc}") from None
        try:
            yield database
        finally:
            database.close()

"""Backups of the database file, the backups in a folder, and the rolling backups of the
open file (restoring one is in ``core.salvage``).

Every copy of a database is made with SQLite's online backup API, never by copying the
file: a file copied while boothapp writes can be torn, and a copy that leaves the
``-wal`` journal behind misses the latest saves. The copy runs inside one read
transaction on its own connection, so it is one moment's state however long it takes
(a copy in steps without one starts again after every save). A save never waits for
it: in WAL mode saves go on beside a reader, and the copy gives way to them. It runs
on a thread at the lowest CPU priority, 1 MiB per step, synced every 4 MiB; after a
step during which something was saved it pauses, and it checks what it wrote only once
saving has paused. The copy is written as a hidden ``.part`` file, checked (``PRAGMA
quick_check``, and that it is a boothapp database this version can open), synced, and
only then given its name, so a backup folder never holds a half-written file under a
backup's name, whenever the process is killed.

Backups are named ``<stem>-YYYYMMDD-HHMMSS.sqlite3`` (local time) and are plain
rollback-journal files: they open without a ``-wal`` or ``-shm`` beside them, even on
read-only media.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from boothapp.core.db import Database, check_revision, damaged_message
from boothapp.core.durable import sync_file, sync_folder
from boothapp.core.errors import DamagedDatabase, DiskFull, StorageError
from boothapp.core.integrity import (
    file_revision,
    is_sqlite_file,
    new_identity,
    no_journal_files_left,
    no_room_beside,
    open_read_only,
    quick_check_problems,
)

BACKUP_SUFFIX = ".sqlite3"
PART_SUFFIX = ".part"
BACKUPS_FOLDER_NAME = "backups"
STEP_PAGES = 256
STEP_PAUSE_SECONDS = 0.0002
SYNC_EVERY_PAGES = 1024
"""A copy is synced every 4 MiB (at 4 KiB pages) as it is written: a save's own sync
then never waits behind hundreds of megabytes of the copy (one sync at the end held a
save up 120 ms at 100,000 leads)."""
SAVING_PAUSE_SECONDS = 0.05
"""How long a copy gives way after a step during which the database was saved to."""
QUIET_SECONDS = 0.1
LONGEST_QUIET_WAIT = 30.0
"""The check of a copy reads all of it in one go: it waits for saves to pause this
long, or at most that long."""
KEEP_LAST = 10
EVERY = timedelta(minutes=5)
STALE_PART_SECONDS = 3600.0
"""A ``.part`` file untouched for this long is left over from a killed copy."""

STAMP = "%Y%m%d-%H%M%S"
_LOWEST_PRIORITY = 19
_PART = re.compile(r"\.part(-wal|-shm|-journal)?$")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    """A file named as a backup: ``<stem>-YYYYMMDD-HHMMSS.sqlite3``."""

    path: Path
    stem: str
    taken_at: datetime
    """When it was made (local time, aware), from its name."""
    number: int = 1
    """Its place among the backups made in the same second (``-2``, ``-3`` names)."""


@dataclass(frozen=True)
class GoodBackup:
    """A backup that passed the checks, with what a person needs to choose it."""

    path: Path
    taken_at: datetime
    age: timedelta
    leads: int
    """Leads it holds, deleted ones not counted."""
    revision: str


@dataclass(frozen=True)
class BackupOutcome:
    """One backup of ``RollingBackups``: the file written, or why there is none."""

    folder: Path
    path: Path | None
    error: StorageError | None
    finished_at: datetime


class _Cancelled(Exception):
    pass


# --- names --------------------------------------------------------------------------------


def backup_name(stem: str, when: datetime) -> str:
    """``<stem>-YYYYMMDD-HHMMSS.sqlite3`` for a backup made at ``when`` (local time)."""
    return f"{stem}-{when.astimezone().strftime(STAMP)}{BACKUP_SUFFIX}"


def _parsed(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], STAMP).astimezone()
    except ValueError:
        return None
    return BackupFile(path, match["stem"], taken_at, int(match["n"] or 1))


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """The files of ``folder`` named as backups (of the database ``stem``, if given),
    newest first. Their contents are not checked."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [
        backup
        for entry in entries
        if (backup := _parsed(entry)) is not None
        and (stem is None or backup.stem == stem)
        and entry.is_file()
    ]
    return sorted(found, key=lambda backup: (backup.taken_at, backup.number), reverse=True)


def is_part_file(name: str) -> bool:
    """Whether ``name`` is a copy still being written (``.part``) or its journal, never a
    backup."""
    return name.startswith(".") and _PART.search(name) is not None


def _free_path(folder: Path, stem: str, when: datetime) -> Path:
    name = backup_name(stem, when)
    candidate = folder / name
    number = 1
    while candidate.exists():
        number += 1
        candidate = folder / name.replace(BACKUP_SUFFIX, f"-{number}{BACKUP_SUFFIX}")
    return candidate


# --- files --------------------------------------------------------------------------------


def place_new_file(part: Path, final: Path) -> None:
    """Gives the finished ``part`` the name ``final``, never replacing a file of that
    name (a hard link where the file system has them, else a rename)."""
    try:
        os.link(part, final)
    except FileExistsError:
        raise
    except OSError:
        if final.exists():
            raise FileExistsError(final) from None
        os.replace(part, final)
        return
    part.unlink()


def _new_part(final: Path) -> Path:
    descriptor, name = tempfile.mkstemp(
        prefix=f".{final.name}.", suffix=PART_SUFFIX, dir=final.parent
    )
    os.close(descriptor)
    return Path(name)


# --- copying ------------------------------------------------------------------------------


def copy_database(
    source: Path,
    part: Path,
    step_pages: int,
    pause: float,
    cancel: threading.Event | None,
    saves: Callable[[], int] | None = None,
) -> None:
    """Copies the database ``source`` into the new file ``part`` with the backup API, as
    one read transaction's state. ``saves`` counts the saves made meanwhile: after a
    step during which one was made, the copy waits ``SAVING_PAUSE_SECONDS``."""
    reader, _locking = open_read_only(source)
    with closing(reader):
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
        writer = sqlite3.connect(part, isolation_level=None)
        descriptor = os.open(part, os.O_RDONLY)
        synced = [0]
        seen = [saves() if saves is not None else 0]
        with closing(writer):
            writer.execute("PRAGMA journal_mode = OFF")
            writer.execute("PRAGMA synchronous = OFF")

            def between_steps(_status: int, remaining: int, total: int) -> None:
                if cancel is not None and cancel.is_set():
                    raise _Cancelled
                if total - remaining - synced[0] >= SYNC_EVERY_PAGES:
                    os.fsync(descriptor)
                    synced[0] = total - remaining
                if saves is not None and saves() != seen[0]:
                    seen[0] = saves()
                    time.sleep(SAVING_PAUSE_SECONDS)
                elif remaining and pause > 0:
                    time.sleep(pause)

            try:
                reader.backup(writer, pages=step_pages, progress=between_steps)
                writer.execute(f"PRAGMA user_version = {new_identity()}")
                writer.execute("PRAGMA journal_mode = DELETE")
            finally:
                os.close(descriptor)
        reader.execute("ROLLBACK")
    sync_file(part)


@dataclass(frozen=True)
class DatabaseFacts:
    revision: str
    leads: int


def checked_facts(path: Path, label: str) -> DatabaseFacts:
    """What a database file holds, once it passed the checks a backup must pass; raises
    a StorageError naming ``label`` otherwise. Nothing is left beside the file."""
    if not is_sqlite_file(path):
        raise StorageError(
            f"{label} is not a boothapp database or backup: it is not an SQLite file"
        )
    with no_journal_files_left(path):
        return _checked_facts(path, label)


def _checked_facts(path: Path, label: str) -> DatabaseFacts:
    try:
        connection, _locking = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(damaged_message(label), path, (str(exc),)) from None
    with closing(connection):
        try:
            revision = file_revision(connection)
        except sqlite3.DatabaseError as exc:
            raise DamagedDatabase(damaged_message(label), path, (str(exc),)) from None
        except StorageError as exc:
            raise StorageError(f"{label}: {exc}") from None
        if revision is None:
            raise StorageError(f"{label} holds no boothapp data: it is not a backup")
        check_revision(label, revision)
        problems = quick_check_problems(connection)
        if problems:
            raise DamagedDatabase(damaged_message(label), path, problems)
        leads = connection.execute("SELECT count(*) FROM leads WHERE deleted_at IS NULL")
        return DatabaseFacts(revision, int(leads.fetchone()[0]))


def copy_error(exc: BaseException, what: str, place: Path) -> StorageError:
    """The message for a copy (``what``) into the folder ``place`` that failed."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError | sqlite3.Error) and no_room_beside(place):
        return DiskFull(f"the disk holding {place} is full: {what} was not made; free some space")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return StorageError(f"{what} could not be written to {place}: {reason}")


def backup_to(
    database: Database,
    destination: str | os.PathLike[str],
    *,
    step_pages: int = STEP_PAGES,
    pause: float = STEP_PAUSE_SECONDS,
    cancel: threading.Event | None = None,
) -> Path:
    """Backs the database up into ``destination``: a folder, where a dated file is made
    (see ``backup_name``), or the name of a new file. Returns the backup's path.

    The copy is checked before it gets its name; a damaged database gives no backup
    (``DamagedDatabase``). An existing file is never replaced. ``cancel`` stops the copy
    between two steps (StorageError)."""
    source = _file_of(database)
    wanted = Path(destination).expanduser()
    if wanted.exists() and wanted.resolve() == source.resolve():
        raise StorageError(f"{wanted} is the database itself: give another place for the backup")
    if wanted.is_dir():
        folder = wanted
        final = _free_path(folder, source.stem, datetime.now())
    else:
        folder = wanted.parent
        final = wanted
        if final.exists():
            raise StorageError(f"{final} already exists: give another name; it was left as it is")
        if not folder.is_dir():
            raise StorageError(f"cannot back up to {final}: the folder {folder} does not exist")
    what = f"the backup of {database.label}"
    try:
        part = _new_part(final)
    except OSError as exc:
        raise copy_error(exc, what, folder) from None

    def saves() -> int:
        return database.writes

    def copy_and_check() -> None:
        copy_database(source, part, step_pages, pause, cancel, saves)
        _quiet_moment(database, cancel)
        checked_facts(part, f"{database.label} (its backup)")

    try:
        _at_low_priority(copy_and_check)
        while True:
            try:
                place_new_file(part, final)
                break
            except FileExistsError:
                if not wanted.is_dir():
                    raise StorageError(
                        f"{final} already exists: give another name; it was left as it is"
                    ) from None
                final = _free_path(folder, source.stem, datetime.now())
        sync_folder(folder)
    except _Cancelled:
        raise StorageError(f"{what} was cancelled; nothing was written") from None
    except (DamagedDatabase, sqlite3.DatabaseError) as exc:
        if isinstance(exc, sqlite3.DatabaseError) and not _damage(exc):
            raise copy_error(exc, what, folder) from None
        problems = exc.problems if isinstance(exc, DamagedDatabase) else (str(exc),)
        raise DamagedDatabase(
            f"{database.label} is damaged, so no backup was made (it would be damaged too): "
            "restore an earlier backup, or copy its readable leads into a new file (salvage)",
            source,
            problems,
        ) from None
    except (OSError, sqlite3.Error, StorageError) as exc:
        raise copy_error(exc, what, folder) from None
    finally:
        with suppress(FileNotFoundError):
            part.unlink()
    return final


def _quiet_moment(database: Database, cancel: threading.Event | None) -> None:
    """Waits until no save was made for ``QUIET_SECONDS`` (at most ``LONGEST_QUIET_WAIT``
    seconds): the check of a copy reads all of it at once, and goes in a lull."""
    deadline = time.monotonic() + LONGEST_QUIET_WAIT
    while (now := time.monotonic()) < deadline:
        if cancel is not None and cancel.is_set():
            raise _Cancelled
        quiet_for = now - database.last_write
        if quiet_for >= QUIET_SECONDS:
            return
        time.sleep(QUIET_SECONDS - quiet_for)


def _at_low_priority(work: Callable[[], object]) -> None:
    """Runs ``work`` on a thread of its own at the lowest CPU priority (on Linux, where a
    thread can have its own) and waits for it: the copy and check of a backup then give
    way to saves. Measured at 100,000 leads on two busy cores: save p99 during backups
    4.7 ms instead of 8.2 ms."""
    failures: list[BaseException] = []

    def run() -> None:
        if sys.platform.startswith("linux"):
            with suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _LOWEST_PRIORITY)
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    worker = threading.Thread(target=run, name="boothapp-backup-copy", daemon=True)
    worker.start()
    worker.join()
    if failures:
        raise failures[0]


def _damage(exc: sqlite3.DatabaseError) -> bool:
    reason = str(exc).lower()
    return "malformed" in reason or "not a database" in reason


def _file_of(database: Database) -> Path:
    if database.target.path is None:
        raise StorageError(
            f"{database.label}: backups are for database files; back up a database server "
            "with its own tools"
        )
    return database.target.path


# --- the backups of a folder -------------------------------------------------------------


def newest_good_backup(folder: Path, stem: str | None = None) -> GoodBackup | None:
    """The newest backup in ``folder`` (of the database ``stem``, if given) that passes
    the checks, with how many leads it holds and how old it is; None when none does."""
    now = datetime.now().astimezone()
    for backup in list_backups(folder, stem):
        try:
            facts = checked_facts(backup.path, str(backup.path))
        except StorageError:
            continue
        return GoodBackup(
            backup.path, backup.taken_at, now - backup.taken_at, facts.leads, facts.revision
        )
    return None


def prune_backups(
    folder: Path, stem: str, keep_last: int = KEEP_LAST, now: float | None = None
) -> list[Path]:
    """Removes the backups of ``stem`` in ``folder`` but the newest ``keep_last`` and the
    newest of each day, and the ``.part`` files (and their journals) left by killed
    copies. Returns what it removed."""
    backups = list_backups(folder, stem)
    kept = {backup.path for backup in backups[:keep_last]}
    days: set[str] = set()
    for backup in backups:
        day = backup.taken_at.strftime("%Y%m%d")
        if day not in days:
            days.add(day)
            kept.add(backup.path)
    removed = [backup.path for backup in backups if backup.path not in kept]
    moment = time.time() if now is None else now
    for entry in _entries(folder):
        if (
            entry.name.startswith(f".{stem}-")
            and is_part_file(entry.name)
            and _age_seconds(entry, moment) > STALE_PART_SECONDS
        ):
            removed.append(entry)
    for path in removed:
        with suppress(FileNotFoundError):
            path.unlink()
    return removed


def _entries(folder: Path) -> Iterable[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _age_seconds(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


# --- rolling backups ----------------------------------------------------------------------


class RollingBackups:
    """Backs the open database up in the background: every ``every`` while it changes
    (anything written through ``database`` since the last backup), and once more on
    ``close``; into ``backups/`` beside the database file and into ``second_folder``
    when set (a USB stick). Each folder keeps the newest ``keep_last`` backups and the
    newest of each day.

    A save never waits for it: the copy runs on its own thread and connection, a few
    pages at a time. ``on_done`` is called on that thread with each round's outcomes,
    one per folder. Writes made by other programs are not seen until this one writes."""

    def __init__(
        self,
        database: Database,
        second_folder: Path | None = None,
        *,
        every: timedelta = EVERY,
        keep_last: int = KEEP_LAST,
        on_done: Callable[[list[BackupOutcome]], None] | None = None,
        step_pages: int = STEP_PAGES,
        pause: float = STEP_PAUSE_SECONDS,
    ) -> None:
        self._database = database
        self._path = _file_of(database)
        self.folder = self._path.parent / BACKUPS_FOLDER_NAME
        self.second_folder = second_folder
        self._every = every.total_seconds()
        self._keep_last = keep_last
        self._on_done = on_done
        self._step_pages = step_pages
        self._pause = pause
        self._backed_up = database.writes
        self._running = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: list[BackupOutcome] = []

    @property
    def folders(self) -> tuple[Path, ...]:
        second = self.second_folder
        return (self.folder,) if second is None else (self.folder, second)

    @property
    def changed(self) -> bool:
        """Whether something was written since the last backup."""
        return self._database.writes != self._backed_up

    def start(self) -> None:
        """Starts the background thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="boothapp-backups", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            if self.changed:
                self.backup_now()

    def backup_now(self, pause: float | None = None) -> list[BackupOutcome]:
        """Backs up into every folder now, on this thread (after a backup already
        running), prunes each folder, and returns the outcomes."""
        with self._running:
            writes = self._database.writes
            outcomes = [
                self._backup_into(folder, self._pause if pause is None else pause)
                for folder in self.folders
            ]
            if any(outcome.path is not None for outcome in outcomes):
                self._backed_up = writes
            self.last = outcomes
        if self._on_done is not None:
            self._on_done(outcomes)
        return outcomes

    def _backup_into(self, folder: Path, pause: float) -> BackupOutcome:
        path: Path | None = None
        error: StorageError | None = None
        try:
            if folder == self.folder:
                folder.mkdir(exist_ok=True)
            elif not folder.is_dir():
                raise StorageError(
                    f"the backup folder {folder} is not there: plug in the drive or choose "
                    "another folder"
                )
            path = backup_to(self._database, folder, step_pages=self._step_pages, pause=pause)
            prune_backups(folder, self._path.stem, self._keep_last)
        except StorageError as exc:
            error = exc
        except OSError as exc:
            error = copy_error(exc, f"the backup of {self._database.label}", folder)
        return BackupOutcome(folder, path, error, datetime.now().astimezone())

    def close(self) -> list[BackupOutcome]:
        """Stops the thread and, when something changed since the last backup, backs up
        once more (at full speed: nobody is saving any more). Call it before closing the
        database."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.changed:
            return self.backup_now(pause=0.0)
        return []

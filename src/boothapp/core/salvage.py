"""Getting leads back: restoring a backup, setting a stale journal aside, and salvaging
the readable rows of a damaged file into a new one.

Salvage reads a damaged file row by row, never trusting a table scan to get through: a
scan that fails on a damaged page is taken up again past it (found by probing the
table's b-tree), and the rowids listed in the table's indexes are read one by one too,
so the rows of every page still readable are found, and a lead lost with its page is
reported by its id where an index still holds it. Rows are written to a new database
at the damaged file's schema revision, which is then upgraded, and its search index is
rebuilt from the leads.
"""

from __future__ import annotations

import graphlib
import os
import shutil
import sqlite3
from collections.abc import Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from boothapp.core.backup import (
    PART_SUFFIX,
    STAMP,
    checked_facts,
    copy_database,
    copy_error,
    place_new_file,
)
from boothapp.core.db import Database, check_revision, open_database, upgrade_schema
from boothapp.core.durable import sync_file, sync_folder
from boothapp.core.errors import DamagedDatabase, EmptyDatabase, StorageError
from boothapp.core.integrity import (
    file_revision,
    in_use_message,
    inspect_file,
    journal_may_hold_frames,
    journal_paths,
    open_read_only,
    refuse_if_in_use,
)
from boothapp.core.privacy.restored import Erasures, apply_erasures, erasures_of
from boothapp.core.search import reindex_lead

_CHECKPOINT_BUSY_MS = 5000
_SMALLEST_ROWID = -(2**63)
_LARGEST_ROWID = 2**63 - 1
_NOT_COPIED = ("alembic_version", "lead_search", "sqlite_")
_REINDEX_BATCH = 1000
_UNREADABLE_RECORD = "it is listed but its record cannot be read"


@dataclass(frozen=True)
class RestoreOutcome:
    """What ``restore_from`` did: the database now holds the backup's ``leads``; the file
    it replaced was kept as ``replaced`` (None when there was none); ``erased_again``
    leads of the backup were people the replaced file had erased, removed again."""

    path: Path
    replaced: Path | None
    leads: int
    erased_again: int = 0

    def summary(self, source: str) -> str:
        """ "Restored 12 leads from ``source``", with the leads erased again and where the
        replaced file is kept, for the status bar and the command line."""
        erased = (
            f" ({self.erased_again} erased lead{'' if self.erased_again == 1 else 's'} "
            "removed again)"
            if self.erased_again
            else ""
        )
        kept = f"; the file it replaced is kept as {self.replaced}" if self.replaced else ""
        return f"Restored {self.leads} leads from {source}{erased}{kept}"


# --- restoring ------------------------------------------------------------------------------


def restore_from(
    backup_file: str | os.PathLike[str], database_path: str | os.PathLike[str]
) -> RestoreOutcome:
    """Puts the backup ``backup_file`` in place of the database file ``database_path``.

    The backup is checked first (quick_check; a boothapp database this version can
    open). The current file is never overwritten: it is kept beside as
    ``<stem>-replaced-YYYYMMDD-HHMMSS.sqlite3`` with its journal, and the restored file
    takes its name in one rename, with no journal left beside it. A kill at any moment
    leaves the old database or the new one in place, never a mix. The database must not
    be open, in this process (close it first) or another (refused: in use)."""
    backup = Path(backup_file).expanduser()
    target = Path(database_path).expanduser()
    if not backup.is_file():
        raise StorageError(f"cannot restore {backup}: there is no such file")
    if backup.stat().st_size == 0:
        raise EmptyDatabase(f"{backup} is empty (0 bytes): it is not a backup")
    if target.exists() and backup.resolve() == target.resolve():
        raise StorageError(f"{backup} is the database itself: choose a backup to restore")
    if not target.parent.is_dir():
        raise StorageError(f"cannot restore to {target}: the folder {target.parent} does not exist")
    facts = checked_facts(backup, str(backup))
    refuse_if_in_use(target)
    part = target.with_name(f".{target.name}.restore{PART_SUFFIX}")
    try:
        with suppress(FileNotFoundError):
            part.unlink()
        copy_database(backup, part, step_pages=-1, pause=0.0, cancel=None)
        erased_again = _carry_erasures(part, erasures_of(target), backup)
        facts = checked_facts(part, str(backup))
        replaced = _keep_aside(target)
        os.replace(part, target)
        sync_folder(target.parent)
    except (OSError, sqlite3.Error) as exc:
        raise copy_error(exc, f"the restore of {backup}", target.parent) from None
    finally:
        with suppress(FileNotFoundError):
            part.unlink()
    return RestoreOutcome(target, replaced, facts.leads, erased_again)


def _carry_erasures(part: Path, erasures: Erasures, backup: Path) -> int:
    """Opens the copy of the backup (upgrading it when it is older), carries into it
    the erasures of the database it replaces and records the restore in its audit log;
    closed, it has no journal beside it."""
    database = open_database(part)
    try:
        erased_again = apply_erasures(database, erasures, f"restored from {backup}")
    finally:
        database.close()
    for journal in (Path(f"{part}-wal"), Path(f"{part}-shm")):
        if journal.exists() and journal.stat().st_size > 0 and journal.name.endswith("-wal"):
            raise StorageError(f"the restore of {backup} could not fold its journal in")
        journal.unlink(missing_ok=True)
    return erased_again


def _aside_path(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime(STAMP)
    candidate = path.with_name(f"{path.stem}-{label}-{stamp}{path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{label}-{stamp}-{number}{path.suffix}")
    return candidate


def _keep_aside(target: Path) -> Path | None:
    """Gives the current file a second, dated name, with its journal, and leaves it at
    ``target`` alone, whole, with no journal beside it, ready to be replaced by a rename.

    A sound file has its journal copied into it first (a checkpoint: the file then holds
    everything). A damaged one is not written to: its journal is kept beside its second
    name as it is."""
    wal, shm = journal_paths(target)
    if not target.exists():
        for journal in (wal, shm):
            with suppress(FileNotFoundError):
                journal.unlink()
        return None
    if journal_may_hold_frames(target) and _sound_with_its_journal(target):
        _checkpoint(target)
    aside = _aside_path(target, "replaced")
    link_or_copy(target, aside)
    keep_journal = journal_may_hold_frames(target)
    for journal, kept in zip(journal_paths(target), journal_paths(aside), strict=True):
        if journal.exists():
            if keep_journal:
                link_or_copy(journal, kept)
            journal.unlink()
    sync_folder(target.parent)
    return aside


def link_or_copy(source: Path, destination: Path) -> None:
    """Gives ``source`` the second name ``destination`` (a synced copy where the file
    system has no hard links)."""
    try:
        os.link(source, destination)
    except FileExistsError:
        raise
    except OSError:
        shutil.copyfile(source, destination)
        sync_file(destination)


def _sound_with_its_journal(path: Path) -> bool:
    """Whether the file passes quick_check read with its ``-wal``, and the journal is
    its own (see ``inspect_file``)."""
    try:
        return not inspect_file(path).problems
    except StorageError:
        return False


def _checkpoint(path: Path) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    with closing(connection):
        connection.execute(f"PRAGMA busy_timeout = {_CHECKPOINT_BUSY_MS}")
        busy, _log, _copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise StorageError(in_use_message(path))


def set_journal_aside(path: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Moves the ``-wal`` and ``-shm`` files beside the database file ``path`` to dated
    names SQLite does not read (``<name>-wal.set-aside-YYYYMMDD-HHMMSS``), so that the
    file opens as it is: the remedy for a ``StaleJournal``. Returns the new names.
    Refused while the database is open (in this process too: close it first)."""
    database = Path(path)
    if not database.exists():
        raise StorageError(f"{database} does not exist: there is no journal to set aside")
    refuse_if_in_use(database)
    stamp = datetime.now().strftime(STAMP)
    moved = []
    for journal in journal_paths(database):
        if journal.exists():
            kept = journal.with_name(f"{journal.name}.set-aside-{stamp}")
            os.replace(journal, kept)
            moved.append(kept)
    sync_folder(database.parent)
    return tuple(moved)


# --- salvage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """A row salvage left out (or, in ``repaired``, kept with a change), named by its
    table and key (a lead by its id), and why."""

    table: str
    key: str
    reason: str


@dataclass(frozen=True)
class SalvageReport:
    """What ``salvage`` copied into ``path``, per table in copy order, and what not."""

    path: Path
    copied: tuple[tuple[str, int], ...]
    skipped: tuple[Skipped, ...]
    repaired: tuple[Skipped, ...]
    unknown_records: int = 0
    """Records of damaged pages that no index lists and that cannot be read: what they
    were cannot be told."""

    @property
    def leads(self) -> int:
        return dict(self.copied).get("leads", 0)

    @property
    def skipped_leads(self) -> tuple[str, ...]:
        """The ids of the leads left out (``row N`` where only the rowid is known)."""
        return tuple(skipped.key for skipped in self.skipped if skipped.table == "leads")


def salvage(
    damaged_path: str | os.PathLike[str], new_path: str | os.PathLike[str]
) -> SalvageReport:
    """Copies every readable row of the database file ``damaged_path`` (leads with their
    notes, visits, products and answers; shows, staff, products, questions, attendee
    lists, exports, settings) into the new database file ``new_path``, row by row,
    leaving out what cannot be read and reporting it by id. The damaged file is only
    read. ``new_path`` must not exist; it appears, whole, only at the end."""
    source = Path(damaged_path).expanduser()
    new = Path(new_path).expanduser()
    if not source.is_file():
        raise StorageError(f"cannot salvage {source}: there is no such file")
    if source.stat().st_size == 0 and not journal_may_hold_frames(source):
        raise EmptyDatabase(f"{source} is empty (0 bytes): there is nothing to salvage")
    if new.exists():
        raise StorageError(f"{new} already exists: give the name of a new file")
    if not new.parent.is_dir():
        raise StorageError(f"cannot salvage into {new}: the folder {new.parent} does not exist")
    try:
        reader, _locking = open_read_only(source)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(source, exc) from None
    part = new.with_name(f".{new.name}.salvage{PART_SUFFIX}")
    with closing(reader):
        revision = _revision(reader, source)
        _remove_with_journal(part)
        try:
            report = _salvage_into(reader, part, revision, new)
            place_new_file(part, new)
            sync_folder(new.parent)
        except FileExistsError:
            raise StorageError(f"{new} already exists: give the name of a new file") from None
        except (OSError, sqlite3.Error) as exc:
            raise copy_error(exc, f"the salvage of {source}", new.parent) from None
        finally:
            _remove_with_journal(part)
    return report


def _unreadable(source: Path, exc: BaseException) -> DamagedDatabase:
    return DamagedDatabase(
        f"{source} cannot be read at all ({exc}): nothing can be salvaged from it; "
        "restore a backup",
        source,
        (str(exc),),
    )


def _revision(reader: sqlite3.Connection, source: Path) -> str:
    try:
        revision = file_revision(reader)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(source, exc) from None
    except StorageError as exc:
        raise StorageError(f"{source}: {exc}") from None
    if revision is None:
        raise StorageError(f"{source} holds no boothapp data: there is nothing to salvage")
    check_revision(str(source), revision)
    return revision


def _remove_with_journal(path: Path) -> None:
    for file in (path, *journal_paths(path)):
        with suppress(FileNotFoundError):
            file.unlink()


def _salvage_into(
    reader: sqlite3.Connection, part: Path, revision: str, new: Path
) -> SalvageReport:
    database = open_database(part, migrate=False)
    try:
        upgrade_schema(database, revision)
        raw = database.engine.raw_connection()
        try:
            writer = raw.driver_connection
            assert isinstance(writer, sqlite3.Connection)
            copier = _Copier(reader, writer)
            writer.execute("BEGIN IMMEDIATE")
            for table in _tables_in_order(writer):
                copier.copy(table)
            writer.execute("COMMIT")
        finally:
            raw.close()
        upgrade_schema(database)
        _reindex(database)
    finally:
        database.close()
    _without_journal(part)
    return SalvageReport(
        new,
        tuple(copier.copied),
        tuple(copier.skipped),
        tuple(copier.repaired),
        copier.unknown_records,
    )


def _without_journal(path: Path) -> None:
    """Folds the journal into the file and leaves it a rollback-journal file, whole by
    itself (as backups are)."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete" or journal_may_hold_frames(path):
        raise StorageError(f"{path}: its journal could not be folded into it")


def _reindex(database: Database) -> None:
    with database.read_connection() as connection:
        ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM leads ORDER BY rowid")]
    for start in range(0, len(ids), _REINDEX_BATCH):
        with database.write_connection() as connection:
            for lead_id in ids[start : start + _REINDEX_BATCH]:
                reindex_lead(connection, lead_id)


def _tables_in_order(writer: sqlite3.Connection) -> list[str]:
    """The tables to copy, each after the tables it refers to."""
    names = [
        str(row[0])
        for row in writer.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith(_NOT_COPIED)
    ]
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for name in sorted(names):
        parents = {str(row[2]) for row in writer.execute(f'PRAGMA foreign_key_list("{name}")')}
        sorter.add(name, *sorted(parents - {name}))
    return [name for name in sorter.static_order() if name in names]


@dataclass(frozen=True)
class _Reference:
    column: str
    parent: str
    parent_column: str


class _Copier:
    def __init__(self, reader: sqlite3.Connection, writer: sqlite3.Connection) -> None:
        self.reader = reader
        self.writer = writer
        self.copied: list[tuple[str, int]] = []
        self.skipped: list[Skipped] = []
        self.repaired: list[Skipped] = []
        self.unknown_records = 0

    def copy(self, table: str) -> None:
        try:
            source_columns = {
                str(row[1]) for row in self.reader.execute(f'PRAGMA table_info("{table}")')
            }
        except sqlite3.DatabaseError as exc:
            self.skipped.append(Skipped(table, "every row", f"the table cannot be read: {exc}"))
            self.copied.append((table, 0))
            return
        info = list(self.writer.execute(f'PRAGMA table_info("{table}")'))
        columns = [str(row[1]) for row in info if str(row[1]) in source_columns]
        required = {str(row[1]) for row in info if row[3]}
        key_columns = [str(row[1]) for row in sorted(info, key=lambda row: row[5]) if row[5]]
        references = [
            _Reference(str(row[3]), str(row[2]), str(row[4] or "rowid"))
            for row in self.writer.execute(f'PRAGMA foreign_key_list("{table}")')
        ]
        if not columns:
            self.copied.append((table, 0))
            return
        keys = _keys_from_indexes(self.reader, table, key_columns)
        rowids = set(keys) | _readable_rowids(self.reader, table)
        listed = ", ".join(f'"{column}"' for column in columns)
        select = f'SELECT {listed} FROM "{table}" NOT INDEXED WHERE rowid = ?'
        insert = f'INSERT INTO "{table}" ({listed}) VALUES ({", ".join("?" * len(columns))})'
        key_positions = [columns.index(column) for column in key_columns if column in columns]
        count = 0
        for rowid in sorted(rowids):
            key = keys.get(rowid, f"row {rowid}")
            try:
                row, changes = self._read(select, rowid)
            except sqlite3.DatabaseError as exc:
                self.skipped.append(Skipped(table, key, str(exc)))
                continue
            if row is None:
                if rowid in keys:
                    self.skipped.append(Skipped(table, key, _UNREADABLE_RECORD))
                else:
                    self.unknown_records += 1
                continue
            if key_positions:
                key = " ".join(str(row[position]) for position in key_positions)
            written, more = self._write(
                table, insert, columns, list(row), required, references, key
            )
            if written:
                count += 1
                if changes or more:
                    self.repaired.append(Skipped(table, key, "; ".join(changes + more)))
        self.copied.append((table, count))

    def _read(self, select: str, rowid: int) -> tuple[Sequence[object] | None, list[str]]:
        try:
            return self.reader.execute(select, (rowid,)).fetchone(), []
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc).lower():
                raise
        self.reader.text_factory = bytes
        try:
            raw = self.reader.execute(select, (rowid,)).fetchone()
        finally:
            self.reader.text_factory = str
        if raw is None:
            return None, []
        return [
            value.decode("utf-8", "replace") if isinstance(value, bytes) else value for value in raw
        ], ["text that was not UTF-8 kept with its bad bytes replaced"]

    def _write(
        self,
        table: str,
        insert: str,
        columns: list[str],
        values: list[object],
        required: set[str],
        references: list[_Reference],
        key: str,
    ) -> tuple[bool, list[str]]:
        changes: list[str] = []
        for _attempt in range(len(columns) + 1):
            try:
                self.writer.execute(insert, values)
                return True, changes
            except sqlite3.IntegrityError as exc:
                change, refusal = self._loosen(exc, columns, values, required, references)
                if change is None:
                    self.skipped.append(Skipped(table, key, refusal or str(exc)))
                    return False, changes
                changes.append(change)
        self.skipped.append(Skipped(table, key, "it breaks the database's rules"))
        return False, changes

    def _loosen(
        self,
        exc: sqlite3.IntegrityError,
        columns: list[str],
        values: list[object],
        required: set[str],
        references: list[_Reference],
    ) -> tuple[str | None, str | None]:
        """Clears one optional value that keeps the row out (a reference to a row that was
        lost, a value another row already has): what it did, or else why the row stays
        out."""
        message = str(exc)
        if "UNIQUE" in message:
            for position, column in enumerate(columns):
                if (
                    message.endswith(f".{column}")
                    and column not in required
                    and values[position] is not None
                ):
                    values[position] = None
                    return f"{column} cleared: another row has the same", None
            return None, None
        if "FOREIGN KEY" not in message:
            return None, None
        for reference in references:
            if reference.column not in columns:
                continue
            position = columns.index(reference.column)
            value = values[position]
            if value is None or self._exists(reference, value):
                continue
            lost = f"{reference.parent} {value} was lost"
            if reference.column in required:
                return None, f"its {lost}"
            values[position] = None
            return f"{reference.column} cleared: {lost}", None
        return None, None

    def _exists(self, reference: _Reference, value: object) -> bool:
        found = self.writer.execute(
            f'SELECT 1 FROM "{reference.parent}" WHERE "{reference.parent_column}" = ?',
            (value,),
        ).fetchone()
        return found is not None


def _keys_from_indexes(
    reader: sqlite3.Connection, table: str, key_columns: list[str]
) -> dict[int, str]:
    """The rowids the table's indexes list, each with the row's key where the index
    holds it (a lead's id); as much as can be read."""
    keys: dict[int, str] = {}
    try:
        indexes = [
            (str(row[1]), str(row[3])) for row in reader.execute(f'PRAGMA index_list("{table}")')
        ]
    except sqlite3.DatabaseError:
        return keys
    for name, origin in indexes:
        holds_key = origin == "pk" and bool(key_columns)
        selected = ", ".join(["rowid", *(f'"{c}"' for c in key_columns)]) if holds_key else "rowid"
        try:
            for row in reader.execute(f'SELECT {selected} FROM "{table}" INDEXED BY "{name}"'):
                if holds_key:
                    keys[int(row[0])] = " ".join(str(value) for value in row[1:])
                else:
                    keys.setdefault(int(row[0]), f"row {row[0]}")
        except sqlite3.DatabaseError:
            continue
    return keys


def _readable_rowids(reader: sqlite3.Connection, table: str) -> set[int]:
    """Every rowid a scan of the table reaches, a scan stopped by a damaged page being
    taken up again past it."""
    found: set[int] = set()
    scan = f'SELECT rowid FROM "{table}" NOT INDEXED WHERE rowid > ? ORDER BY rowid'
    after: int | None = _SMALLEST_ROWID
    while after is not None:
        try:
            for (rowid,) in reader.execute(scan, (after,)):
                found.add(int(rowid))
                after = int(rowid)
            return found
        except sqlite3.DatabaseError:
            after = _past_damage(reader, table, after)
    return found


def _past_damage(reader: sqlite3.Connection, table: str, failing: int) -> int | None:
    """The smallest rowid past ``failing`` from which a scan of the table can start
    again (None: none can): found by doubling the jump, then halving back."""
    probe = f'SELECT rowid FROM "{table}" NOT INDEXED WHERE rowid > ? ORDER BY rowid LIMIT 1'

    def readable(rowid: int) -> bool:
        try:
            reader.execute(probe, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            return False
        return True

    bad = failing
    step = 1
    while True:
        candidate = min(bad + step, _LARGEST_ROWID)
        if readable(candidate):
            good = candidate
            break
        if candidate == _LARGEST_ROWID:
            return None
        bad = candidate
        step *= 2
    while good - bad > 1:
        middle = (bad + good) // 2
        if readable(middle):
            good = middle
        else:
            bad = middle
    return good

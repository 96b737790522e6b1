"""Merging another laptop's database file into this one: the one entry point."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from boothapp.core.audit import record
from boothapp.core.db import Database, damaged_message
from boothapp.core.errors import DamagedDatabase
from boothapp.core.integrity import quick_check
from boothapp.core.merge.plan import make_plan, read_source
from boothapp.core.merge.source import checked_copy
from boothapp.core.merge.summary import MergeSummary
from boothapp.core.merge.writing import apply_plan
from boothapp.core.vocabulary import AuditAction


def _check_target(database: Database, dry_run: bool) -> None:
    """Refuses a target that cannot take the merge, before the other file is read."""
    if not dry_run and database.read_only_reason is not None:
        raise database.read_only_reason.with_traceback(None)
    path = database.target.path
    if database.is_sqlite and path is not None:
        problems = quick_check(database)
        if problems:
            raise DamagedDatabase(damaged_message(database.label), path, problems)


def merge_file(
    database: Database,
    other: str | os.PathLike[str],
    dry_run: bool = False,
    staff_name: str | None = None,
) -> MergeSummary:
    """Merges the leads of the database file ``other`` (another laptop's, on a USB
    stick) into ``database``, and says what it did; with ``dry_run``, what it would do,
    writing nothing.

    ``other`` is never written: a copy made with SQLite's backup API is checked and, if
    an older boothapp made it, upgraded. The merge is one write transaction, with its
    entry in the audit log (by ``staff_name``): a kill at any moment leaves the database
    as it was or merged, and merging again is safe. Merging the same file again, or a
    copy of the database itself, changes no lead. The rules are ``core.merge.rules``'s;
    the order in which leads are sorted out is ``core.merge.plan``'s.

    Raises ``StorageError`` (``DamagedDatabase``, ``EmptyDatabase``, ...) naming the file
    that cannot be merged; the database is then unchanged."""
    path = Path(other).expanduser()
    _check_target(database, dry_run)
    with checked_copy(path) as copy, copy.read_connection() as connection:
        source = read_source(connection, path.name)
    if dry_run:
        with database.read_connection() as target:
            return replace(make_plan(target, source).summary, dry_run=True)
    with database.write_connection() as target:
        plan = make_plan(target, source)
        apply_plan(target, plan)
        summary = plan.summary
        record(
            target,
            AuditAction.MERGE,
            staff_name,
            summary.lead_count,
            f"merged {path.name}: {summary.counts_line()}",
        )
    return summary

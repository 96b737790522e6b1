"""Running out of disk space on purpose: SQLite's page limit, or the process's file size
limit, stands in for a full disk."""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from boothapp.core.db import Database


@contextmanager
def full_disk(database: Database) -> Iterator[None]:
    """Until the block ends, a write to ``database`` that needs one more page fails as it
    does on a full disk (SQLite's "database or disk is full"). A write small enough to
    fit in the pages the file already has still succeeds, as it would on a real disk."""
    with database.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    def limit(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    event.listen(database.engine, "connect", limit)
    database.engine.dispose()
    try:
        yield
    finally:
        event.remove(database.engine, "connect", limit)
        database.engine.dispose()


@contextmanager
def no_room_on_disk() -> Iterator[None]:
    """Until the block ends, no file of this process can grow by a byte: what a disk with
    no free block does (this process's file size limit, ``RLIMIT_FSIZE``, set to 0).
    Writes within a file's present size still succeed."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)

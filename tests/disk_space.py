"""Running out of disk space on purpose: SQLite's page limit stands in for a full disk."""

from __future__ import annotations

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

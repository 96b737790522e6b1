"""Damaging a database file on purpose: noise written over one page, as a failing disk
or a torn write leaves it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def leaf_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of ``table``'s b-tree, in file order (SQLite's dbstat)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    connection.close()
    return [int(row[0]) for row in rows]


def damage_page(path: Path, page: int, seed: int = 0) -> None:
    """Overwrites page ``page`` of the file with noise, past its 8-byte header."""
    with sqlite3.connect(path) as connection:
        size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    noise = hashlib.shake_256(f"{seed}".encode()).digest(size - 8)
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(noise)

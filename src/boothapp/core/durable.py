"""Making a written file survive a power cut: its bytes, then its name (the folder)."""

from __future__ import annotations

import os
import sys
import time
from contextlib import suppress
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """Makes the names created or removed in ``folder`` durable (not possible, nor
    needed, on Windows)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_file(path: Path) -> None:
    """Makes the file's bytes durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_stale(folder: Path, prefix: str, suffix: str, older_than: float) -> None:
    """Removes the files of ``folder`` named ``prefix…suffix`` that were last written
    over ``older_than`` seconds ago: what a writer that was killed left behind (the file
    of one still running is younger). Files that cannot be removed are left."""
    now = time.time()
    with suppress(OSError):
        for entry in folder.iterdir():
            name = entry.name
            if name.startswith(prefix) and name.endswith(suffix):
                with suppress(OSError):
                    if now - entry.stat().st_mtime > older_than:
                        entry.unlink()

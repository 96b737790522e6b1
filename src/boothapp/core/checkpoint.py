"""Database upkeep in the background: merging the search index, copying the journal.

With WAL, each commit appends to ``<db>-wal`` and is durable once that file is synced.
Now and then the log must be copied back into the database ("checkpoint"). Left to
SQLite, that happens inside whichever commit crosses 1,000 pages, and that save then
waits tens of milliseconds for the copy and a sync of the database file. boothapp
moves it out of the way: a background thread checkpoints once writes have been quiet
for a moment (or have gone on for a while), on its own connection. SQLite's own
checkpoint stays on as a safety net, at a much larger log size, and also
catches up after a background checkpoint that failed (a busy or full disk).

The full-text index is kept the same way: it gains a small segment with each save, and
merging segments (which FTS5 would otherwise do inside a save now and then) is done
here first, a little at a time, stopping as soon as someone saves again.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path

MERGE_PAGES_PER_STEP = 64
MERGE_STEPS_AT_MOST = 200
QUIET_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0
SAFETY_NET_PAGES = 20_000
JOURNAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024
"""The log's file is cut back to this size when it restarts after growing past it (a
bulk import); below it, it is kept and written over."""


class Checkpointer:
    """Checkpoints ``path`` after writes, off the thread that wrote.

    ``wrote()`` is called after each commit; the checkpoint runs once no write came for
    ``quiet_seconds``, or ``longest_wait_seconds`` after the first write not yet copied.
    ``checkpointed`` is set after each checkpoint (tests wait on it)."""

    def __init__(
        self,
        path: Path,
        busy_timeout_ms: int,
        quiet_seconds: float = QUIET_SECONDS,
        longest_wait_seconds: float = LONGEST_WAIT_SECONDS,
    ) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._quiet = quiet_seconds
        self._longest_wait = longest_wait_seconds
        self._condition = threading.Condition()
        self._first_write: float | None = None
        self._last_write = 0.0
        self._closed = False
        self.checkpointed = threading.Event()
        self._thread: threading.Thread | None = None

    def wrote(self) -> None:
        with self._condition:
            if self._closed:
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="boothapp-checkpoint", daemon=True
                )
                self._thread.start()
            now = time.monotonic()
            self._last_write = now
            if self._first_write is None:
                self._first_write = now
            self.checkpointed.clear()
            self._condition.notify()

    def close(self) -> None:
        """Stops the thread (a pending checkpoint is left to SQLite's last close)."""
        with self._condition:
            self._closed = True
            self._condition.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=5)

    def checkpoint_now(self) -> tuple[int, int, int]:
        """Copies the log into the database file without blocking writers, then, if all
        of it was copied and nobody is using the database at that moment, restarts the
        log. Returns SQLite's (busy, pages in the log, pages copied) for the copy.

        Restarting matters: until it does, every read looks its pages up in the log's
        index, which grows with the log (a search took twice as long after a day of
        saves). The log's file is kept (up to ``JOURNAL_SIZE_LIMIT_BYTES``) and the
        next saves write over it: syncing blocks a file already has does not wait for
        the file system's own journal, as syncing a file that grows does (a save's
        sync measured 0.11 ms instead of 0.20 ms, and it no longer queues behind other
        programs writing to the disk)."""
        connection = sqlite3.connect(self._path, isolation_level=None, timeout=0)
        try:
            connection.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
            row = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            busy, log_pages, copied = (int(value) for value in row)
            if not busy and log_pages == copied:
                connection.execute("PRAGMA busy_timeout = 0")
                connection.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
        finally:
            connection.close()
        return busy, log_pages, copied

    def _due_in(self) -> float | None:
        """Seconds until the next checkpoint is due; None when nothing waits."""
        if self._first_write is None:
            return None
        now = time.monotonic()
        quiet_left = self._last_write + self._quiet - now
        longest_left = self._first_write + self._longest_wait - now
        return max(0.0, min(quiet_left, longest_left))

    def merge_search_index(self) -> int:
        """Merges the search index's segments in small steps while nobody saves;
        returns how many steps did work (0: nothing to merge, or no index here)."""
        connection = sqlite3.connect(self._path, isolation_level=None, timeout=0)
        steps = 0
        try:
            connection.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
            exists = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'lead_search'"
            ).fetchone()
            while exists and steps < MERGE_STEPS_AT_MOST and not self._written_since_due():
                before = connection.total_changes
                connection.execute(
                    "INSERT INTO lead_search (lead_search, rank) VALUES ('merge', ?)",
                    (MERGE_PAGES_PER_STEP,),
                )
                if connection.total_changes - before < 2:
                    break
                steps += 1
        finally:
            connection.close()
        return steps

    def _written_since_due(self) -> bool:
        with self._condition:
            return self._first_write is not None or self._closed

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._closed:
                    due = self._due_in()
                    if due == 0.0:
                        break
                    self._condition.wait(timeout=due)
                if self._closed:
                    return
                self._first_write = None
            with contextlib.suppress(sqlite3.Error):
                self.merge_search_index()
            with contextlib.suppress(sqlite3.Error):
                self.checkpoint_now()
            with self._condition:
                if self._first_write is None:
                    self.checkpointed.set()

"""Killing a merge (SIGKILL) at random moments: the database is then exactly as before
the merge or exactly as after it, sound, its search index in step, and the merge can be
run again.

As in ``test_kills``, the merges run in children forked from one server process that
has already imported boothapp, so a kill costs milliseconds; the moments are spread
over how long a whole merge takes, measured first, and every round is checked whatever
the moment fell on.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from boothapp.core.db import open_database
from boothapp.core.integrity import check, journal_paths
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.merge import merge_file
from boothapp.core.schemas import LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo
from fork_server import ForkServer, fork_server, say, serve

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)

STATION = "merge-kill-test"
KILLS = 12


# --- the server, in its own process ---------------------------------------------------------


def _merge(target: str, other: str) -> None:
    database = open_database(target)
    say("ready")
    merge_file(database, other)
    say("done")


# --- the test's side ----------------------------------------------------------------------


@contextmanager
def merge_server(scratch: Path) -> Iterator[ForkServer]:
    """The server; the copies merges make of the other file go in ``scratch`` (a killed
    merge leaves its copy behind)."""
    with fork_server(__file__, {"TMPDIR": str(scratch)}) as server:
        yield server


def copy_file(source: Path, destination: Path) -> None:
    """Replaces ``destination`` (closed, its journal files too) with a copy of ``source``
    made with SQLite's backup API."""
    import sqlite3
    from contextlib import closing

    for path in (destination, *journal_paths(destination)):
        path.unlink(missing_ok=True)
    with (
        closing(sqlite3.connect(source)) as reader,
        closing(sqlite3.connect(destination)) as writer,
    ):
        reader.backup(writer)


def state(path: Path) -> dict[str, Any]:
    """What a merge changes: every lead with its last edit, deletion, notes and visits;
    the ids buried; the conflicts and merges recorded."""
    database = open_database(path)
    try:
        with database.read_connection() as connection:

            def rows(sql: str) -> list[tuple[Any, ...]]:
                return sorted(tuple(row) for row in connection.exec_driver_sql(sql))

            return {
                "leads": rows(
                    "SELECT id, updated_at, deleted_at, "
                    "(SELECT count(*) FROM notes WHERE lead_id = leads.id), "
                    "(SELECT count(*) FROM visits WHERE lead_id = leads.id) FROM leads"
                ),
                "buried": rows("SELECT lead_id, kind, into_id FROM lead_tombstones"),
                "conflicts": rows("SELECT lead_id, field, kept, other FROM merge_conflicts"),
                "merges": rows("SELECT count(*) FROM audit_log WHERE action = 'merge'"),
            }
    finally:
        database.close()


def found(path: Path, word: str) -> set[str]:
    database = open_database(path)
    try:
        services = Services.over(database, station_id=STATION)
        event_id = services.events.list()[0].id
        return {row.id for row in services.leads.list(LeadFilter(event_id=event_id, search=word))}
    finally:
        database.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The booth's file (the demo show, 1,000 leads) and another laptop's: a copy of it
    that went on with 300 new leads, 100 edited and 34 deleted."""
    folder = tmp_path_factory.mktemp("merge-kills")
    booth, other = folder / "booth.sqlite3", folder / "laptop2.sqlite3"
    database = open_database(booth)
    create_demo(Services.over(database, station_id=STATION), leads=1000, seed=3)
    database.close()
    copy_file(booth, other)
    database = open_database(other)
    try:
        services = Services.over(database, station_id=STATION)
        event_id = services.events.list()[0].id
        shared = [row.id for row in services.leads.list(LeadFilter(event_id=event_id), limit=100)]
        for number, lead_id in enumerate(shared):
            lead = services.leads.get(lead_id)
            services.leads.update(lead_id, replace(lead_input_of(lead), job_title=f"Edit{number}"))
            if number % 3 == 0:
                services.leads.delete(lead_id)
        for number in range(300):
            services.leads.create(
                LeadInput(first_name="Merged", last_name=f"Arrival{number}", company="Peli"),
                event_id=event_id,
            )
    finally:
        database.close()
    return booth, other


def test_a_merge_killed_at_any_moment_leaves_the_database_before_or_after(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    booth, other = files
    target = tmp_path / "target.sqlite3"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    copy_file(booth, target)
    before = state(target)
    rng = random.Random(17)
    interrupted = 0
    problems: list[str] = []
    with merge_server(scratch) as server:
        durations = []
        for _run in range(2):
            copy_file(booth, target)
            started = time.perf_counter()
            said = server.run(["merge", str(target), str(other)])
            durations.append(time.perf_counter() - started)
            assert "done" in said, said
        after = state(target)
        assert after != before
        whole = min(durations)
        for number in range(KILLS):
            copy_file(booth, target)
            said = server.run(
                ["merge", str(target), str(other)], kill_after=rng.uniform(0, whole * 1.2)
            )
            interrupted += "done" not in said
            problems += [line for line in said if line.startswith("error ")]
            now = state(target)
            if now not in (before, after):
                problems.append(f"round {number}: neither the database before nor after")
            report = check(target)
            if not report.ok:
                problems.append(f"round {number}: {report.problems()}")
            arrivals = found(target, "Arrival299")
            if len(arrivals) != (1 if now == after else 0):
                problems.append(f"round {number}: the search finds {len(arrivals)} new leads")
            if now == before:
                server.run(["merge", str(target), str(other)])
                if state(target) != after:
                    problems.append(f"round {number}: merging again did not finish the merge")

    assert problems == []
    assert interrupted > 0


if __name__ == "__main__" and sys.argv[1:] == ["serve"]:
    serve({"merge": _merge})

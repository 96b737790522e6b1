"""Killing boothapp (SIGKILL) at random moments while it saves leads, makes a backup or
restores one: every acknowledged lead is still there and findable, the file is sound,
and a backup or restore is all done or not done at all.

The processes killed are forked from one server process that has already imported
boothapp, so a kill costs milliseconds instead of an interpreter start.
benchmarks/bench_crash.py runs the same rounds a thousand times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from boothapp.core.backup import backup_to, is_part_file, list_backups
from boothapp.core.db import open_database
from boothapp.core.errors import BoothError
from boothapp.core.integrity import integrity_check, journal_may_hold_frames
from boothapp.core.salvage import restore_from
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from fork_server import ForkServer, fork_server, say, serve

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
)

STATION = "crash-test"
SAVES_PER_ROUND = 150


# --- the server, in its own process ---------------------------------------------------------


def _save_leads(database_path: str, tag: str) -> None:
    database = open_database(database_path)
    services = Services.over(database, station_id=STATION)
    event_id = services.events.list()[0].id
    say("ready")
    for number in range(SAVES_PER_ROUND):
        word = f"{tag}n{number}"
        lead = services.leads.create(
            LeadInput(first_name="Crash", last_name=word, company="Test"), event_id=event_id
        )
        say(f"saved {lead.id} {word}")


def _backup(database_path: str, folder: str) -> None:
    database = open_database(database_path, read_only=True)
    say("ready")
    backup_to(database, folder, step_pages=16, pause=0.0005)
    say("done")


def _restore(backup: str, database_path: str) -> None:
    say("ready")
    restore_from(backup, database_path)
    say("done")


def _leave_journal(database_path: str) -> None:
    """Writes into the database and dies before the journal is copied into the file."""
    connection = sqlite3.connect(database_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('crash-test', json('1'))"
    )
    say("done")
    os._exit(0)


_JOBS = {"save": _save_leads, "backup": _backup, "restore": _restore, "journal": _leave_journal}


# --- the test's side ----------------------------------------------------------------------


@dataclass
class Round:
    """What a killed child said before it died."""

    lines: list[str] = field(default_factory=list)

    @property
    def saved(self) -> list[tuple[str, str]]:
        """Each acknowledged lead: its id and the word it alone holds."""
        fields = [line.split() for line in self.lines if line.startswith("saved ")]
        return [(lead_id, word) for _saved, lead_id, word in fields]

    @property
    def errors(self) -> list[str]:
        return [line for line in self.lines if line.startswith("error ")]

    @property
    def done(self) -> bool:
        return "done" in self.lines


@contextmanager
def crash_server() -> Iterator[CrashServer]:
    with fork_server(__file__) as server:
        yield CrashServer(server)


class CrashServer:
    """The forking server, with each job's lines read as a :class:`Round`."""

    def __init__(self, server: ForkServer) -> None:
        self._server = server

    def timed(self, job: list[Any]) -> float:
        """Runs ``job`` to its end; how long it took, fork to exit, in seconds."""
        started = time.perf_counter()
        result = self.run(job)
        assert result.done and not result.errors, result.lines
        return time.perf_counter() - started

    def run(self, job: list[Any], kill_after: float | None = None) -> Round:
        """Runs ``job`` in a new child and kills it ``kill_after`` seconds after it
        started (None: lets it finish)."""
        return Round(self._server.run(job, kill_after))


def new_show(path: Path) -> None:
    database = open_database(path)
    try:
        Services.over(database, station_id=STATION).events.create(EventInput(name="Crash Expo"))
    finally:
        database.close()


@dataclass
class SaveTally:
    rounds: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    unfindable: list[str] = field(default_factory=list)
    unsound: list[tuple[str, ...]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def kill_while_saving(path: Path, kills: int, seed: int, longest: float = 0.15) -> SaveTally:
    """``kills`` rounds of: a child saves leads one by one, is killed after a random
    moment, then every lead it acknowledged is looked up and searched for."""
    rng = random.Random(seed)
    tally = SaveTally()
    with crash_server() as server:
        for number in range(kills):
            result = server.run(["save", str(path), f"r{number}x"], rng.uniform(0, longest))
            tally.rounds += 1
            tally.errors += result.errors
            saved = result.saved
            tally.acknowledged += len(saved)
            problems = integrity_check(path)
            if problems:
                tally.unsound.append(problems)
            database = open_database(path)
            try:
                services = Services.over(database, station_id=STATION)
                event_id = services.events.list()[0].id
                for lead_id, word in saved:
                    try:
                        services.leads.get(lead_id)
                    except BoothError:
                        tally.lost.append(lead_id)
                        continue
                    found = services.leads.list(LeadFilter(event_id=event_id, search=word))
                    if lead_id not in {row.id for row in found}:
                        tally.unfindable.append(lead_id)
            finally:
                database.close()
    return tally


def test_killed_while_saving_keeps_every_acknowledged_lead(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    new_show(path)

    tally = kill_while_saving(path, kills=50, seed=13)

    assert tally.errors == []
    assert tally.rounds == 50
    assert tally.acknowledged > 50
    assert tally.lost == []
    assert tally.unfindable == []
    assert tally.unsound == []


def _lead_ids(path: Path) -> frozenset[str]:
    database = open_database(path, read_only=True)
    try:
        with database.read_connection() as connection:
            return frozenset(
                row[0] for row in connection.exec_driver_sql("SELECT id FROM leads").fetchall()
            )
    finally:
        database.close()


def demo_database(path: Path, leads: int) -> frozenset[str]:
    """A new database at ``path`` holding the demo show with ``leads`` leads; their ids."""
    from boothapp.core.services.demo import create_demo

    database = open_database(path)
    try:
        create_demo(Services.over(database, station_id=STATION), leads=leads)
    finally:
        database.close()
    return _lead_ids(path)


@dataclass
class CopyTally:
    """Rounds of a killed backup or restore: how many the kill interrupted, and every
    way one left something it must not."""

    rounds: int = 0
    interrupted: int = 0
    problems: list[str] = field(default_factory=list)


def kill_while_backing_up(path: Path, folder: Path, kills: int, seed: int) -> CopyTally:
    """A child backs ``path`` up into ``folder`` and is killed at a random moment
    (spread over how long a whole backup takes): the folder never holds a backup that
    is not whole and sound, and the database is as it was."""
    leads = _lead_ids(path)
    rng = random.Random(seed)
    tally = CopyTally()
    with crash_server() as server:
        whole = min(server.timed(["backup", str(path), str(folder)]) for _run in range(2))
        for _round in range(kills):
            result = server.run(["backup", str(path), str(folder)], rng.uniform(0, whole * 1.2))
            tally.rounds += 1
            tally.interrupted += not result.done
            tally.problems += result.errors
    backups = list_backups(folder)
    finished = tally.rounds - tally.interrupted
    made = len(backups) - 2
    if not finished <= made <= tally.rounds:
        tally.problems.append(f"{made} backups, {finished} of {tally.rounds} rounds done")
    for backup in backups:
        if _lead_ids(backup.path) != leads or integrity_check(backup.path):
            tally.problems.append(f"{backup.path.name} is not the database whole")
    for entry in folder.iterdir():
        if entry not in {backup.path for backup in backups} and not is_part_file(entry.name):
            tally.problems.append(f"{entry.name} is left in the backup folder")
    if _lead_ids(path) != leads or integrity_check(path):
        tally.problems.append("the database changed")
    return tally


def kill_while_restoring(
    path: Path, backups: tuple[Path, Path], kills: int, seed: int
) -> CopyTally:
    """A child restores one of ``backups`` (the one ``path`` does not hold) and is killed
    at a random moment; every other round starts with saves left in the journal. The
    database afterwards holds the leads it held before, or the backup's, and is sound."""
    contents = {backup: _lead_ids(backup) for backup in backups}
    rng = random.Random(seed)
    tally = CopyTally()
    with crash_server() as server:
        whole = min(server.timed(["restore", str(backups[1]), str(path)]) for _run in range(2))
        for number in range(kills):
            before = _lead_ids(path)
            if number % 2:
                server.run(["journal", str(path)])
                if not journal_may_hold_frames(path):
                    tally.problems.append("no journal was left to restore over")
            backup = backups[0] if before != contents[backups[0]] else backups[1]
            result = server.run(["restore", str(backup), str(path)], rng.uniform(0, whole * 1.2))
            tally.rounds += 1
            tally.interrupted += not result.done
            tally.problems += result.errors
            after = _lead_ids(path)
            if after not in (before, contents[backup]):
                tally.problems.append(f"round {number}: neither the old nor the new leads")
            if result.done and after != contents[backup]:
                tally.problems.append(f"round {number}: restored, but the old leads are there")
            problems = integrity_check(path)
            if problems:
                tally.problems.append(f"round {number}: {problems[0]}")
    return tally


def test_killed_while_backing_up_leaves_no_half_backup(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    demo_database(path, 2000)
    folder = tmp_path / "backups"
    folder.mkdir()

    tally = kill_while_backing_up(path, folder, kills=12, seed=7)

    assert tally.problems == []
    assert tally.interrupted > 0


def test_killed_while_restoring_leaves_the_old_or_the_new_database(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    backups = (tmp_path / "first.sqlite3", tmp_path / "second.sqlite3")
    demo_database(backups[0], 600)
    demo_database(backups[1], 900)
    demo_database(path, 300)

    tally = kill_while_restoring(path, backups, kills=16, seed=11)

    assert tally.problems == []
    assert tally.interrupted > 0


if __name__ == "__main__" and sys.argv[1:] == ["serve"]:
    serve(_JOBS)

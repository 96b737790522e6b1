"""Backups and the check at open, at 100,000 leads.

    python benchmarks/bench_backup.py [--leads 100000] [--saves 2000] [--runs 3] [--db FILE]
        [--quick] [--report FILE]

Prints a table of ratios, each against a floor measured in the same run on the same file:

- save p99 while an online backup runs (``backup_to`` over and over in a thread) against
  save p99 with no backup running (after the journal was checkpointed), in alternating
  rounds (target: at most 2x);
- ``backup_to`` (its copy, quick_check of the copy, syncs, rename) against the sqlite3
  command line's ``.backup`` of the same file (target: at most 2x); best of ``--runs``;
- ``open_database`` with its quick_check against the same open without it, in this process
  and from a fresh interpreter (import and open), best of ``--runs``.

Without ``--db`` the demo show is made with ``--leads`` leads in a temporary folder.
Needs the ``sqlite3`` command (Debian: the sqlite3 package).
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import report
from report import Figure

import boothapp.core.integrity as integrity
from boothapp.core.backup import backup_to
from boothapp.core.db import Database, open_database
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo

QUICK = {"leads": 20_000, "saves": 500, "runs": 2}
STATION = "bench-backup"
SAVE_TARGET = 2.0
BACKUP_TARGET = 2.0
CYCLES = 5
"""Saves alone and saves during backups alternate, so that load from elsewhere on the
machine falls on both alike."""

OPEN_IN_A_NEW_PROCESS = """
import sys, time
started = time.perf_counter()
import boothapp.core.integrity as integrity
from boothapp.core.db import open_database
if sys.argv[2] == "without":
    integrity.quick_check_problems = lambda connection: ()
open_database(sys.argv[1]).close()
print(time.perf_counter() - started)
"""


def best(function: Callable[[], float | None], runs: int) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        measured = function()
        times.append(measured if measured is not None else time.perf_counter() - started)
    return min(times)


@contextmanager
def without_quick_check() -> Iterator[None]:
    original = integrity.quick_check_problems
    integrity.quick_check_problems = lambda connection: ()
    try:
        yield
    finally:
        integrity.quick_check_problems = original


def settled(database: Database) -> None:
    """Waits for the background checkpoint that follows a burst of saves (the journal
    grows while a backup holds its read transaction), so saves alone are measured as
    they are between backups."""
    if database.checkpointer is not None:
        database.checkpointer.checkpointed.wait(timeout=60)


def save_times(services: Services, event_id: int, saves: int, tag: str) -> list[float]:
    times = []
    for number in range(saves):
        data = LeadInput(first_name=f"Bench{number}", last_name=tag, company="Peli Cases")
        started = time.perf_counter()
        services.leads.create(data, event_id=event_id)
        times.append(time.perf_counter() - started)
    return times


def saves_during_backups(
    services: Services, event_id: int, saves: int, folder: Path
) -> tuple[list[float], int]:
    """Save times while backups run back to back, and how many backups were made; only
    saves that started while a backup was copying count."""
    copying = threading.Event()
    stop = threading.Event()
    made = [0]

    def back_up_until_stopped() -> None:
        while not stop.is_set():
            copying.set()
            backup = backup_to(services.database, folder)
            copying.clear()
            made[0] += 1
            backup.unlink()

    worker = threading.Thread(target=back_up_until_stopped)
    worker.start()
    copying.wait()
    during = []
    try:
        for number in range(saves):
            busy = copying.is_set()
            data = LeadInput(first_name=f"During{number}", last_name="backup", company="Peli")
            started = time.perf_counter()
            services.leads.create(data, event_id=event_id)
            if busy:
                during.append(time.perf_counter() - started)
    finally:
        stop.set()
        worker.join()
    return during, made[0]


def cli_backup(source: Path, folder: Path) -> float:
    target = folder / "cli.sqlite3"
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(["sqlite3", str(source), f".backup '{target}'"], check=True)
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def our_backup(database: Database, folder: Path) -> float:
    started = time.perf_counter()
    backup = backup_to(database, folder)
    elapsed = time.perf_counter() - started
    backup.unlink()
    return elapsed


def open_in_a_new_process(path: Path, variant: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_IN_A_NEW_PROCESS, str(path), variant],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip())


def timed_open(path: Path) -> float:
    started = time.perf_counter()
    open_database(path).close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="an existing database file to use")
    args = report.parse(parser, QUICK)
    if shutil.which("sqlite3") is None:
        report.skip("the sqlite3 command is needed (Debian: apt-get install sqlite3)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path = args.db or folder / "bench.sqlite3"
        if args.db is None:
            database = open_database(path)
            create_demo(Services.over(database, station_id=STATION), leads=args.leads, seed=7)
            database.close()
        rows = measure(path, folder, args.saves, args.runs)
        size = path.stat().st_size
    print(
        f"Backups at {args.leads:,} leads ({size / 1e6:.0f} MB), {platform.system()} "
        f"{platform.machine()}, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
    )
    print()
    print("| measure | value | floor (same run) | ratio | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, value, floor, target in rows:
        ratio = value / floor if floor else float("inf")
        print(f"| {name} | {value:.1f} | {floor:.1f} | {ratio:.2f}x | {target} |")
    report.write(args.report, figures(rows, args.leads if args.db is None else None))
    return 0


def figures(rows: list[tuple[str, float, float, str]], leads: int | None) -> list[Figure]:
    """The rows of ``measure`` but the longest saves, as figures for ``python -m
    benchmarks``."""
    (save_p99, alone_p99), (save_p50, alone_p50), _longest, (ours, theirs), *opens = [
        (value, floor) for _name, value, floor, _target in rows
    ]
    (opened, opened_without), (fresh, fresh_without) = opens
    size = "the given file" if leads is None else f"{leads:,} leads"
    without = "the same without quick_check"
    return [
        Figure(
            "backup",
            f"save p99 while backups run back to back ({size})",
            save_p99,
            "ms",
            peer="saves alone, p99",
            peer_value=alone_p99,
            target=f"≤ {SAVE_TARGET:.0f}x",
            met=save_p99 <= SAVE_TARGET * alone_p99,
        ),
        Figure(
            "backup",
            f"save p50 while backups run back to back ({size})",
            save_p50,
            "ms",
            peer="saves alone, p50",
            peer_value=alone_p50,
        ),
        Figure(
            "backup",
            f"online backup, checked and synced ({size})",
            ours,
            "ms",
            peer="sqlite3 .backup",
            peer_value=theirs,
            target=f"≤ {BACKUP_TARGET:.0f}x",
            met=ours <= BACKUP_TARGET * theirs,
        ),
        Figure(
            "backup",
            f"open_database with its quick_check ({size})",
            opened,
            "ms",
            peer=without,
            peer_value=opened_without,
        ),
        Figure(
            "backup",
            f"import and open in a new process ({size})",
            fresh,
            "ms",
            peer=without,
            peer_value=fresh_without,
        ),
    ]


def measure(path: Path, folder: Path, saves: int, runs: int) -> list[tuple[str, float, float, str]]:
    ms = 1000.0
    rows: list[tuple[str, float, float, str]] = []
    database = open_database(path)
    services = Services.over(database, station_id=STATION)
    event_id = services.events.list()[0].id
    try:
        save_times(services, event_id, 200, "warm-up")
        alone: list[float] = []
        during: list[float] = []
        made = 0
        per_cycle = max(1, saves // CYCLES)
        for _cycle in range(CYCLES):
            settled(database)
            alone += save_times(services, event_id, per_cycle, "alone")
            saved, backups = saves_during_backups(services, event_id, per_cycle, folder)
            during += saved
            made += backups
        rows.append(
            (
                f"save p99 (ms), {len(during)} saves during {made} backups",
                report.percentile(during, 0.99) * ms,
                report.percentile(alone, 0.99) * ms,
                f"at most {SAVE_TARGET:.0f}x",
            )
        )
        rows.append(
            (
                "save p50 (ms), same saves",
                report.percentile(during, 0.5) * ms,
                report.percentile(alone, 0.5) * ms,
                "",
            )
        )
        rows.append(("longest save (ms), same saves", max(during) * ms, max(alone) * ms, ""))
        ours = best(lambda: our_backup(database, folder), runs)
        theirs = best(lambda: cli_backup(path, folder), runs)
        rows.append(
            (
                "backup_to (ms) vs sqlite3 .backup",
                ours * ms,
                theirs * ms,
                f"at most {BACKUP_TARGET:.0f}x",
            )
        )
    finally:
        database.close()
    checked = best(lambda: timed_open(path), runs)
    with without_quick_check():
        unchecked = best(lambda: timed_open(path), runs)
    rows.append(("open_database (ms) vs without quick_check", checked * ms, unchecked * ms, ""))
    fresh_checked = best(lambda: open_in_a_new_process(path, "with"), runs)
    fresh_unchecked = best(lambda: open_in_a_new_process(path, "without"), runs)
    rows.append(
        (
            "import + open, new process (ms) vs without quick_check",
            fresh_checked * ms,
            fresh_unchecked * ms,
            "",
        )
    )
    return rows


if __name__ == "__main__":
    sys.exit(main())

"""Merging laptops: another laptop's file merged into the booth's database, then again.

    python benchmarks/bench_merge.py [--leads 10000] [--twins 500] [--edits 1000] [--runs 3]
        [--quick] [--report FILE]

The demo show is made once with 1.5 x ``--leads`` leads; the target keeps a half of
them and its own quarter, the laptop the same half and the other quarter, so each file
holds ``--leads`` leads and half are shared. Then, on the laptop, ``--edits`` shared
leads are edited (a field and a note) and a tenth of that many deleted; on the target,
``--edits`` / 2 of the same leads are edited otherwise (conflicts); and ``--twins`` of
the laptop's own leads take the badge ID of one of the target's own (the same visitor
captured on both laptops).

Prints a table, each measure against a floor measured in the same run:

- ``merge_file`` of the laptop into a fresh copy of the target (the whole of it: the
  checks, the copy of the laptop's file, reading, writing, the search index) against
  SQLite's own ``ATTACH`` and ``INSERT ... SELECT`` of the laptop's new leads with their
  notes, visits, products and answers into another fresh copy (target: at most 3x);
- the same merge's dry run (everything but the writes), and the same merge again, which
  changes nothing, against the same floor;
- the peak memory (resident set) of a process doing each, the interpreter and its
  imports included (target: at most 200 MB).

Each measure runs in a process of its own (so that its peak memory is its own), best of
``--runs``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import report
from report import Figure

QUICK = {"leads": 4000, "twins": 200, "edits": 400, "runs": 1}
TIME_TARGET = 3.0
MEMORY_TARGET_MB = 200.0
STATION = "bench-merge"
PART_COLUMNS = {
    "notes": "lead_id, staff_id, created_at, text",
    "visits": "lead_id, staff_id, at, source",
    "lead_products": "lead_id, product_id, quantity, remark",
    "answers": "lead_id, question_id, value",
}


# --- the files ----------------------------------------------------------------------------


def copy_file(source: Path, destination: Path) -> None:
    """A copy made with SQLite's backup API (never the bytes of a database in use)."""
    destination.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(destination)) as to:
        reader.backup(to)


def remove_leads(path: Path, ids: list[str]) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        connection.execute("CREATE TEMP TABLE gone (id TEXT PRIMARY KEY)")
        connection.executemany("INSERT INTO gone VALUES (?)", [(lead_id,) for lead_id in ids])
        connection.execute(
            "DELETE FROM lead_search WHERE rowid IN "
            "(SELECT search_rowid FROM leads WHERE id IN (SELECT id FROM gone))"
        )
        connection.execute("DELETE FROM leads WHERE id IN (SELECT id FROM gone)")
        connection.execute("COMMIT")
        connection.execute("VACUUM")


def make_files(folder: Path, leads: int, twins: int, edits: int) -> tuple[Path, Path]:
    """The target's file and the laptop's, as the module says."""
    from boothapp.core.db import open_database
    from boothapp.core.leads.rows import lead_input_of
    from boothapp.core.services import Services
    from boothapp.core.services.demo import create_demo

    base = folder / "base.sqlite3"
    database = open_database(base)
    create_demo(Services.over(database, station_id=STATION), leads=leads * 3 // 2, seed=5)
    with database.read_connection() as connection:
        ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM leads ORDER BY id")]
    database.close()
    rng = random.Random(5)
    rng.shuffle(ids)
    half = leads // 2
    shared, target_own, laptop_own = ids[:half], ids[half : 2 * half], ids[2 * half : 3 * half]
    target, laptop = folder / "target.sqlite3", folder / "laptop.sqlite3"
    copy_file(base, target)
    remove_leads(target, laptop_own)
    copy_file(base, laptop)
    remove_leads(laptop, target_own)

    def edit(path: Path, lead_ids: list[str], word: str, delete_every: int | None) -> None:
        database = open_database(path)
        services = Services.over(database, station_id=STATION)
        try:
            for number, lead_id in enumerate(lead_ids):
                lead = services.leads.get(lead_id)
                data = replace(lead_input_of(lead), company=f"{lead.company} {word}")
                services.leads.update(lead_id, data)
                services.leads.add_note(lead_id, f"{word} note {number}")
                if delete_every and number % delete_every == 0:
                    services.leads.delete(lead_id)
        finally:
            database.close()

    edit(laptop, shared[:edits], "laptop", 10)
    edit(target, shared[: edits // 2], "target", None)
    with closing(sqlite3.connect(target)) as connection:
        badges = [
            row[0]
            for row in connection.execute(
                "SELECT badge_id FROM leads WHERE badge_id IS NOT NULL "
                "AND id IN (SELECT value FROM json_each(?)) ORDER BY id",
                (json.dumps(target_own),),
            )
        ]
    database = open_database(laptop)
    services = Services.over(database, station_id=STATION)
    try:
        for lead_id, badge in zip(laptop_own[:twins], badges, strict=False):
            lead = services.leads.get(lead_id)
            data = replace(lead_input_of(lead), badge_id=badge)
            services.leads.update(lead_id, data)
    finally:
        database.close()
    return target, laptop


# --- the measures, each in a process of its own --------------------------------------------


def child_merge(target: str, other: str, dry_run: bool = False) -> dict[str, object]:
    from boothapp.core.db import open_database
    from boothapp.core.merge import merge_file

    database = open_database(target)
    try:
        started = time.perf_counter()
        summary = merge_file(database, other, dry_run=dry_run)
        seconds = time.perf_counter() - started
    finally:
        database.close()
    return {"seconds": seconds, "counts": summary.counts_line()}


def child_floor(target: str, other: str) -> dict[str, object]:
    columns = [
        row[1]
        for row in sqlite3.connect(target).execute("PRAGMA table_info(leads)")
        if row[1] != "search_rowid"
    ]
    listed = ", ".join(columns)
    with closing(sqlite3.connect(target, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        started = time.perf_counter()
        connection.execute("ATTACH DATABASE ? AS other", (other,))
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "CREATE TEMP TABLE arriving AS SELECT id FROM other.leads "
            "WHERE id NOT IN (SELECT id FROM main.leads)"
        )
        connection.execute(
            f"INSERT INTO main.leads ({listed}) SELECT {listed} FROM other.leads "
            "WHERE id IN (SELECT id FROM arriving)"
        )
        for table, part_columns in PART_COLUMNS.items():
            connection.execute(
                f"INSERT INTO main.{table} ({part_columns}) SELECT {part_columns} "
                f"FROM other.{table} WHERE lead_id IN (SELECT id FROM arriving)"
            )
        connection.execute("COMMIT")
        seconds = time.perf_counter() - started
    return {"seconds": seconds}


def in_child(job: str, target: Path, other: Path) -> tuple[float, float, str]:
    """Runs ``job`` in a new process: its seconds, its peak resident memory (MB) and its
    counts line."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", job, str(target), str(other)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{job} failed: {done.stdout}{done.stderr}")
    result = json.loads(done.stdout)
    return float(result["seconds"]), float(result["peak_mb"]), str(result.get("counts", ""))


def measure(
    target: Path, laptop: Path, folder: Path, runs: int
) -> tuple[list[tuple[str, float, float, str]], str]:
    from boothapp.core.integrity import check

    work = folder / "work.sqlite3"
    dry: list[tuple[float, float]] = []
    first: list[tuple[float, float]] = []
    again: list[tuple[float, float]] = []
    floors: list[tuple[float, float]] = []
    counts = ""
    for _run in range(runs):
        for path in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
            path.unlink(missing_ok=True)
        copy_file(target, work)
        dry.append(in_child("dry", work, laptop)[:2])
        seconds, peak, counts = in_child("merge", work, laptop)
        first.append((seconds, peak))
        seconds, peak, again_counts = in_child("merge", work, laptop)
        again.append((seconds, peak))
        report = check(work)
        if not report.ok:
            raise SystemExit(f"the merged file has problems: {report.problems()}")
        if not again_counts.startswith("0 added, 0 updated, 0 joined"):
            raise SystemExit(f"merging again changed something: {again_counts}")
        for path in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
            path.unlink(missing_ok=True)
        copy_file(target, work)
        floors.append(in_child("floor", work, laptop)[:2])
    ms = 1000.0
    floor_time = min(seconds for seconds, _ in floors)
    floor_peak = min(peak for _, peak in floors)
    rows = [
        (
            "merge_file (ms) vs ATTACH + INSERT ... SELECT",
            min(s for s, _ in first) * ms,
            floor_time * ms,
            f"at most {TIME_TARGET:.0f}x",
        ),
        (
            "its dry run: checks, copy, reading, no write (ms)",
            min(s for s, _ in dry) * ms,
            floor_time * ms,
            "",
        ),
        ("same merge again, a no-op (ms)", min(s for s, _ in again) * ms, floor_time * ms, ""),
        (
            "peak memory, merge (MB) vs floor's process",
            min(p for _, p in first),
            floor_peak,
            f"at most {MEMORY_TARGET_MB:.0f} MB",
        ),
        ("peak memory, merge again (MB)", min(p for _, p in again), floor_peak, ""),
    ]
    return rows, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--twins", type=int, default=500)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--child", nargs=3, metavar=("JOB", "TARGET", "OTHER"), help=argparse.SUPPRESS
    )
    args = report.parse(parser, QUICK)
    if args.child:
        job, target, other = args.child
        if job == "floor":
            result = child_floor(target, other)
        else:
            result = child_merge(target, other, dry_run=job == "dry")
        print(json.dumps({**result, "peak_mb": report.peak_memory_mb()}))
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        target, laptop = make_files(folder, args.leads, args.twins, args.edits)
        made = time.perf_counter() - started
        rows, counts = measure(target, laptop, folder, args.runs)
    print(
        f"Merging a {args.leads:,}-lead laptop file into a {args.leads:,}-lead database "
        f"(half shared, {args.twins} twins, {args.edits} edits), {platform.system()} "
        f"{platform.machine()}, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}"
        f" (files made in {made:.0f} s)"
    )
    print(f"First merge: {counts}")
    print()
    print("| measure | value | floor (same run) | ratio | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, value, floor, target_text in rows:
        ratio = value / floor if floor else float("inf")
        print(f"| {name} | {value:.1f} | {floor:.1f} | {ratio:.2f}x | {target_text} |")
    report.write(args.report, figures(rows, args.leads))
    return 0


def figures(rows: list[tuple[str, float, float, str]], leads: int) -> list[Figure]:
    """The rows of ``measure``, as figures for ``python -m benchmarks``."""
    merge, dry, again, peak, again_peak = (value for _name, value, _floor, _target in rows)
    floor, floor_peak = rows[0][2], rows[3][2]
    files = f"{leads:,} + {leads:,} leads"
    attach = "ATTACH + INSERT ... SELECT"
    process = "the floor's process"
    return [
        Figure(
            "merge",
            f"merge another laptop's file ({files})",
            merge,
            "ms",
            peer=attach,
            peer_value=floor,
            target=f"≤ {TIME_TARGET:.0f}x",
            met=merge <= TIME_TARGET * floor,
        ),
        Figure("merge", f"its dry run ({files})", dry, "ms", peer=attach, peer_value=floor),
        Figure("merge", f"the same merge again, a no-op ({files})", again, "ms", attach, floor),
        Figure(
            "merge",
            f"peak memory of the merge ({files})",
            peak,
            "MB",
            peer=process,
            peer_value=floor_peak,
            target=f"≤ {MEMORY_TARGET_MB:.0f} MB",
            met=peak <= MEMORY_TARGET_MB,
        ),
        Figure(
            "merge",
            f"peak memory of the merge again ({files})",
            again_peak,
            "MB",
            peer=process,
            peer_value=floor_peak,
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())

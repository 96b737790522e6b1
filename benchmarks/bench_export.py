"""Export figures: boothapp's Excel and CSV exports against bare openpyxl and pandas.

    python benchmarks/bench_export.py [--leads 100000] [--small 5000] [--workdir DIR]
                                      [--repeat N] [--quick] [--report FILE]

Builds demo databases (``create_demo``) of ``--leads`` and ``--small`` leads, then
runs each measurement in a fresh interpreter, so peak memory is that process's peak
resident memory (``report.peak_memory_mb``: the whole process, interpreter, libraries
and export, but not the process that started it):

* boothapp xlsx: ``ExportService.export`` to .xlsx (Leads, Summary, Notes, Visits),
  everything included: reading the database, safety checks, styles, charts, saving;
* floor: the same Leads, Notes and Visits rows, prepared in memory beforehand (not
  timed), appended as plain values to a bare openpyxl write-only workbook and saved;
* pandas: the same prepared rows as DataFrames, ``to_excel`` (openpyxl engine) per
  sheet; skipped with a note when pandas is not installed;
* boothapp xlsx of ``--small`` leads, and boothapp CSV of ``--leads`` leads;
* CSV floor: reading with sqlite3 the columns and child rows the CSV shows (each table
  once, no joins), then writing boothapp's Leads rows, prepared beforehand (not
  timed), with ``csv.writer``: what any Python CSV export of these leads costs.

Prints a table with ratios and the targets. ``--workdir`` keeps the databases for
the next run (building 100,000 demo leads takes a while). ``--repeat`` runs each
measurement several times (in rounds) and keeps the best, for machines shared with
other work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import report
from report import Figure

QUICK = {"leads": 10_000, "small": 5_000}
XLSX_TARGET = 1.25
"""boothapp's xlsx against bare openpyxl's, CPU time."""
XLSX_MEMORY_TARGET_MB = 150.0
PANDAS_TARGET = 2.0
"""How many times faster than pandas boothapp's xlsx is, at the least."""
SMALL_TARGET_S = 1.5
"""The xlsx of ``--small`` leads (5,000 by default), CPU time."""
CSV_TARGET = 5.0
"""boothapp's CSV against its floor (sqlite3 reads and csv.writer), CPU time."""
CHILD_FLAG = "--child"
# About 0.1 s of CPU on an unloaded 2-core machine of the reference class.
SPEED_CHECK_ADDITIONS = 2_000_000


# --- children: one measurement each ---------------------------------------------------


def _services(db_path: Path) -> Any:
    from boothapp.core.db import open_database
    from boothapp.core.services import Services
    from boothapp.core.services.exports import ExportService

    database = open_database(db_path)
    services = Services.over(database)
    exports = getattr(services, "exports", None) or ExportService(
        database, services.events, services.products, services.staff
    )
    return database, services, exports


def _plain_rows(
    db_path: Path,
) -> tuple[list[str], list[list[Any]], list[list[Any]], list[list[Any]]]:
    """The Leads, Notes and Visits rows of the boothapp export, as plain values."""
    from boothapp.core.exporting.columns import SOURCE_LABELS, ShowContext, leads_sheet_columns
    from boothapp.core.leads.query import Selection
    from boothapp.core.leads.reader import read_details
    from boothapp.core.schemas import LeadFilter

    database, services, _exports = _services(db_path)
    event = services.events.resolve(None)
    show = ShowContext(
        event,
        tuple(services.products.list(event_id=event.id, include_inactive=True)),
        tuple(services.events.questions(event.id)),
    )
    columns = leads_sheet_columns(show)
    leads: list[list[Any]] = []
    notes: list[list[Any]] = []
    visits: list[list[Any]] = []
    with database.read() as session:
        for lead in read_details(session, Selection(LeadFilter(event_id=event.id))):
            values = [column.value(lead) for column in columns]
            leads.append([None if value == "" else value for value in values])
            name = lead.display_name
            for note in lead.notes:
                at = show.local(note.at)
                notes.append([lead.id, name, lead.company, at, note.staff, note.text, ""])
            for visit in lead.visits:
                source = SOURCE_LABELS[visit.source]
                visits.append([lead.id, name, show.local(visit.at), visit.staff, source])
    database.close()
    return [column.header for column in columns], leads, notes, visits


def child_boothapp(db_path: Path, out: Path) -> dict[str, Any]:
    from boothapp.core.services.exports import ExportRequest

    database, _services_, exports = _services(db_path)
    baseline = report.peak_memory_mb()
    start, cpu = time.perf_counter(), time.process_time()
    result = exports.export(ExportRequest(out))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    database.close()
    return {"seconds": seconds, "cpu": cpu, "count": result.count, "baseline_mb": baseline}


def child_floor(db_path: Path, out: Path) -> dict[str, Any]:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    headers, leads, notes, visits = _plain_rows(db_path)
    baseline = report.peak_memory_mb()
    start, cpu = time.perf_counter(), time.process_time()
    workbook = Workbook(write_only=True)
    for title, head, rows in (
        ("Leads", headers, leads),
        ("Notes", ["Lead ID", "Lead", "Company", "Time", "Staff", "Note", "Part"], notes),
        ("Visits", ["Lead ID", "Lead", "Time", "Staff", "Source"], visits),
    ):
        sheet = workbook.create_sheet(title)
        sheet.append(head)
        for row in rows:
            sheet.append(row)
    workbook.save(out)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "count": len(leads), "baseline_mb": baseline}


def child_pandas(db_path: Path, out: Path) -> dict[str, Any]:
    import pandas  # type: ignore[import-untyped]

    headers, leads, notes, visits = _plain_rows(db_path)
    frames = {
        "Leads": pandas.DataFrame(leads, columns=headers),
        "Notes": pandas.DataFrame(
            notes, columns=["Lead ID", "Lead", "Company", "Time", "Staff", "Note", "Part"]
        ),
        "Visits": pandas.DataFrame(visits, columns=["Lead ID", "Lead", "Time", "Staff", "Source"]),
    }
    del leads, notes, visits
    baseline = report.peak_memory_mb()
    start, cpu = time.perf_counter(), time.process_time()
    with pandas.ExcelWriter(out, engine="openpyxl") as writer:
        for title, frame in frames.items():
            frame.to_excel(writer, sheet_name=title, index=False)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "count": len(frames["Leads"]), "baseline_mb": baseline}


CSV_FLOOR_READS = (
    "SELECT created_at, staff_id, first_name, last_name, company, job_title, email, phone,"
    " mobile, country, city, rating, follow_ups, consent_given, consent_version, consent_at,"
    " badge_id, source, id FROM leads WHERE deleted_at IS NULL",
    "SELECT lead_id, created_at, staff_id, text FROM notes",
    "SELECT lead_id, product_id, quantity, remark FROM lead_products",
    "SELECT lead_id, question_id, value FROM answers",
    "SELECT lead_id, at, staff_id, source FROM visits",
)
"""What a CSV of the Leads columns has to read at the least: the columns it shows, and
the rows of the four tables its products, answers, notes and visits come from, each
table read once in its stored order (no joins, no sorting)."""


def child_csv_floor(db_path: Path, out: Path) -> dict[str, Any]:
    """The least a CSV export of these leads costs in Python: reading what it shows with
    sqlite3 (``CSV_FLOOR_READS``), then writing boothapp's Leads rows, prepared in
    memory beforehand (not timed), with ``csv.writer`` as boothapp's CSV does."""
    import csv
    import sqlite3

    headers, leads, _notes, _visits = _plain_rows(db_path)
    baseline = report.peak_memory_mb()
    start, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db_path)
    for query in CSV_FLOOR_READS:
        cursor = connection.execute(query)
        while cursor.fetchmany(1000):
            pass
    connection.close()
    read_cpu = time.process_time() - cpu
    with out.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(headers)
        writer.writerows(leads)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu": cpu,
        "read_cpu": read_cpu,
        "count": len(leads),
        "baseline_mb": baseline,
    }


CHILDREN = {
    "boothapp": child_boothapp,
    "floor": child_floor,
    "pandas": child_pandas,
    "csv_floor": child_csv_floor,
}


def run_child(kind: str, db_path: Path, out: Path) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, __file__, CHILD_FLAG, kind, str(db_path), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


# --- the parent: databases, runs, table ------------------------------------------------


def _database(folder: Path, leads: int) -> Path:
    from boothapp.core.db import open_database
    from boothapp.core.services import Services
    from boothapp.core.services.demo import create_demo

    path = folder / f"demo-{leads}.sqlite3"
    if path.exists():
        return path
    partial = folder / f"demo-{leads}.partial.sqlite3"
    for leftover in folder.glob(f"{partial.name}*"):
        leftover.unlink()
    database = open_database(partial)
    start = time.perf_counter()
    create_demo(Services.over(database), leads=leads, seed=7)
    database.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    print(f"built {leads:,} demo leads in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return path


def _machine_speed(additions: int = 10_000_000) -> float:
    """CPU seconds for ``additions`` additions in a Python loop: how fast the machine
    runs right now (a shared machine can be several times slower at times)."""
    start = time.process_time()
    total = 0
    for number in range(additions):
        total += number
    return time.process_time() - start


def _pandas_installed() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=5_000)
    parser.add_argument("--workdir", type=Path, help="keep the demo databases here")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each measurement; the best is kept"
    )
    args = report.parse(parser, QUICK)

    folder = args.workdir or Path(tempfile.mkdtemp(prefix="boothapp-bench-export-"))
    folder.mkdir(parents=True, exist_ok=True)
    big = _database(folder, args.leads)
    small = _database(folder, args.small)
    out = folder / "out"
    out.mkdir(exist_ok=True)

    plan = [
        ("boothapp", big, "boothapp.xlsx"),
        ("floor", big, "floor.xlsx"),
        *([("pandas", big, "pandas.xlsx")] if _pandas_installed() else []),
        ("boothapp", small, "small.xlsx"),
        ("boothapp", big, "boothapp.csv"),
        ("csv_floor", big, "floor.csv"),
    ]
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    speed_before = _machine_speed(SPEED_CHECK_ADDITIONS)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for _kind, _db, name in plan}
    for attempt in range(args.repeat):
        for kind, db_path, name in plan:
            print(f"running {name} ({attempt + 1}/{args.repeat})...", file=sys.stderr)
            runs[name].append(run_child(kind, db_path, out / name))

    def best(name: str) -> dict[str, Any]:
        """The run with the least CPU time; the highest peak memory of all runs."""
        figures = dict(min(runs[name], key=lambda run: run["cpu"]))
        figures["peak_mb"] = max(run["peak_mb"] for run in runs[name])
        figures["size_mb"] = (out / name).stat().st_size / 1e6
        return figures

    speed_after = _machine_speed(SPEED_CHECK_ADDITIONS)
    booth = best("boothapp.xlsx")
    floor = best("floor.xlsx")
    panda = best("pandas.xlsx") if "pandas.xlsx" in runs else None
    booth_small = best("small.xlsx")
    csv_run = best("boothapp.csv")
    csv_floor = best("floor.csv")

    print(f"machine: {report.machine_line()}; load average before the runs: {load_before}")
    print(
        f"speed check: {SPEED_CHECK_ADDITIONS:,} additions in a Python loop took "
        f"{speed_before:.2f} s before the runs, {speed_after:.2f} s after; the 'speed' "
        "column gives it for the kept run, measured in its process just before"
    )
    print(f"databases: {args.leads:,} and {args.small:,} demo leads in {folder}")
    print(f"runs: best of {args.repeat} per measurement, each in a fresh process")
    print("time: wall clock, then CPU time of the measuring process (single-threaded work,")
    print("so the two agree on an idle machine); ratios and verdicts use CPU time, which other")
    print("programs running at the same time do not inflate.")
    print("peak memory: peak resident memory of the measuring process (VmHWM on Linux);")
    print("'before' is after imports.")
    print()

    row = report.row

    def verdict(met: bool) -> str:
        return "ok" if met else "MISSED"

    def timing(figures: dict[str, Any]) -> str:
        return f"{figures['seconds']:.2f} s ({figures['cpu']:.2f} s CPU)"

    def speed(figures: dict[str, Any]) -> str:
        return f"{figures['speed']:.2f} s"

    def memory(figures: dict[str, Any]) -> str:
        return f"{figures['peak_mb']:.0f} MB (before {figures['baseline_mb']:.0f} MB)"

    csv_ratio = csv_run["cpu"] / csv_floor["cpu"]
    row("measurement", "time", "peak memory", "speed", "ratio", "target", "result")
    row("---", "---", "---", "---", "---", "---", "---")
    ratio = booth["cpu"] / floor["cpu"]
    row(
        f"boothapp xlsx, {booth['count']:,} leads",
        timing(booth),
        memory(booth),
        speed(booth),
        f"{ratio:.2f}x floor",
        f"<= {XLSX_TARGET}x floor; <= {XLSX_MEMORY_TARGET_MB:.0f} MB",
        verdict(ratio <= XLSX_TARGET and booth["peak_mb"] <= XLSX_MEMORY_TARGET_MB),
    )
    row(
        "floor: bare openpyxl write-only, same rows",
        timing(floor),
        memory(floor),
        speed(floor),
        "1.00x",
        "",
        "",
    )
    if panda is not None:
        speedup = panda["cpu"] / booth["cpu"]
        row(
            "pandas DataFrame.to_excel, same rows",
            timing(panda),
            memory(panda),
            speed(panda),
            f"boothapp {speedup:.1f}x faster",
            f"boothapp >= {PANDAS_TARGET:.0f}x faster",
            verdict(speedup >= PANDAS_TARGET),
        )
    else:
        row("pandas DataFrame.to_excel", "skipped: pandas is not installed", "", "", "", "", "")
    row(
        f"boothapp xlsx, {booth_small['count']:,} leads",
        timing(booth_small),
        memory(booth_small),
        speed(booth_small),
        "",
        f"<= {SMALL_TARGET_S} s",
        verdict(booth_small["cpu"] <= SMALL_TARGET_S),
    )
    row(
        f"boothapp CSV, {csv_run['count']:,} leads",
        timing(csv_run),
        memory(csv_run),
        speed(csv_run),
        f"{csv_ratio:.2f}x floor",
        f"<= {CSV_TARGET:.0f}x floor",
        verdict(csv_ratio <= CSV_TARGET),
    )
    row(
        "floor: sqlite3 reads of what the CSV shows, then csv.writer of the same rows",
        timing(csv_floor),
        memory(csv_floor),
        speed(csv_floor),
        f"1.00x (reading {csv_floor['read_cpu']:.2f} s CPU)",
        "",
        "",
    )
    print()
    sizes = ", ".join(
        f"{name} {figures['size_mb']:.0f} MB"
        for name, figures in (("boothapp", booth), ("floor", floor), ("csv", csv_run))
    )
    print(f"file sizes: {sizes}")
    if args.workdir is None:
        shutil.rmtree(folder, ignore_errors=True)
    report.write(args.report, figures(args, booth, floor, panda, booth_small, csv_run, csv_floor))
    return 0


def figures(
    args: argparse.Namespace,
    booth: dict[str, Any],
    floor: dict[str, Any],
    panda: dict[str, Any] | None,
    booth_small: dict[str, Any],
    csv_run: dict[str, Any],
    csv_floor: dict[str, Any],
) -> list[Figure]:
    big = f"{args.leads:,} leads"
    xlsx_floor = "bare openpyxl write-only, same rows"
    made = [
        Figure(
            "export",
            f"xlsx, CPU ({big})",
            booth["cpu"],
            "s",
            peer=xlsx_floor,
            peer_value=floor["cpu"],
            target=f"≤ {XLSX_TARGET}x",
            met=booth["cpu"] / floor["cpu"] <= XLSX_TARGET,
        ),
        Figure(
            "export",
            f"xlsx, peak memory ({big})",
            booth["peak_mb"],
            "MB",
            peer=xlsx_floor,
            peer_value=floor["peak_mb"],
            target=f"≤ {XLSX_MEMORY_TARGET_MB:.0f} MB",
            met=booth["peak_mb"] <= XLSX_MEMORY_TARGET_MB,
        ),
    ]
    if panda is not None:
        made.append(
            Figure(
                "export",
                f"xlsx, CPU, against pandas ({big})",
                booth["cpu"],
                "s",
                peer="pandas DataFrame.to_excel, same rows",
                peer_value=panda["cpu"],
                target=f"≤ {1 / PANDAS_TARGET}x ({PANDAS_TARGET:.0f}x faster)",
                met=panda["cpu"] / booth["cpu"] >= PANDAS_TARGET,
            )
        )
    made += [
        Figure(
            "export",
            f"xlsx, CPU ({args.small:,} leads)",
            booth_small["cpu"],
            "s",
            target=f"≤ {SMALL_TARGET_S} s",
            met=booth_small["cpu"] <= SMALL_TARGET_S,
        ),
        Figure(
            "export",
            f"CSV, CPU ({big})",
            csv_run["cpu"],
            "s",
            peer="sqlite3 reads + csv.writer",
            peer_value=csv_floor["cpu"],
            target=f"≤ {CSV_TARGET:.0f}x",
            met=csv_run["cpu"] / csv_floor["cpu"] <= CSV_TARGET,
        ),
    ]
    return made


def child_main(argv: list[str]) -> int:
    kind, db_path, out = argv
    speed = _machine_speed(SPEED_CHECK_ADDITIONS)
    figures = CHILDREN[kind](Path(db_path), Path(out))
    figures["speed"] = speed
    figures["peak_mb"] = report.peak_memory_mb()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD_FLAG:
        sys.exit(child_main(sys.argv[2:]))
    sys.exit(main())

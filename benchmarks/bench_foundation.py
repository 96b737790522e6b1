"""Foundation figures at 100,000 leads: saving a lead, searching, and window start-up.

    python benchmarks/bench_foundation.py [--leads 100000] [--saves 1000] [--runs 7]
        [--quick] [--report FILE]

Prints a table. Start-up is a ratio against a bare PySide6 window started the same way
(a fresh interpreter that imports only PySide6, offscreen platform, first show, quit) in
the same run. A second bare window that also imports SQLAlchemy is timed as a reference:
it shows how much of the difference is the stack's own import time. Targets: at most
1.5x the bare window, and at most 2x the reference. boothapp's modules are compiled to
bytecode first, as an installed copy has them (pip compiles on install), so the figure
is not a first run after editing the source.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import report
from report import Figure
from sqlalchemy import func, or_, select

import boothapp
from boothapp.core.db import open_database
from boothapp.core.models import Lead
from boothapp.core.schemas import LeadFilter, LeadInput, ProductShown
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo

SEARCHES = [
    "lefevre",
    "müller",
    "mül",
    "wójcik",
    "山田",
    "shevchenko",
    "шевченко",
    "paris",
    "lyon",
    "gmbh",
    "defence",
    "drone",
    "rack",
    "quote",
    "anna",
    "jean",
    "smith",
    "garcia",
    "rossi",
    "tokyo",
    "dubai",
    "warsaw",
    "ali",
    "chen",
    "kim",
    "example.com",
    "berlin",
    "madrid",
    "waterproof",
    "19 inch",
]

QUICK = {"leads": 10_000, "saves": 300, "runs": 3}
SAVE_TARGET_MS = 5.0
SEARCH_TARGET_MS = 10.0
START_TARGET = 1.5
"""boothapp's first paint against the bare PySide6 window's."""
START_TARGET_WITH_SQLALCHEMY = 2.0
"""boothapp's first paint against the bare window that also imports SQLAlchemy."""

BARE_WINDOW = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QEvent, QObject, QTimer
{database}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.monotonic())
            print(f"painted {{painted[0]:.6f}}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False


painted = []
app = QApplication([])
{engine}
window = QMainWindow()
first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.resize(1280, 720)
window.show()
QTimer.singleShot(10_000, app.quit)
app.exec()
"""
"""The floor: an empty PySide6 main window, shown, timed to its first paint."""

BARE_PYSIDE6_WINDOW = BARE_WINDOW.format(database="", engine="")
BARE_WINDOW_WITH_SQLALCHEMY = BARE_WINDOW.format(
    database="import sqlalchemy", engine='engine = sqlalchemy.create_engine("sqlite://")'
)
"""A reference, not the floor: the bare window, having also imported SQLAlchemy (which
boothapp's stack fixes) and made an engine, to show how much of the gap that is."""

BOOTH_WINDOW = """
import sys
import time
from boothapp.gui.app import start_for_measurement
sys.exit(
    start_for_measurement(
        sys.argv[1], on_first_paint=lambda: print(f"painted {time.monotonic():.6f}", flush=True)
    )
)
"""


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        result.append((time.perf_counter() - start) * 1000)
    return result


def compile_boothapp() -> None:
    """Writes the bytecode of every boothapp module, as installing boothapp does (an
    environment setting PYTHONDONTWRITEBYTECODE stops Python writing it on import)."""
    package = Path(boothapp.__file__).parent
    compileall.compile_dir(package, quiet=1)


def process_seconds(code: str, *args: str, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from starting a process running ``code`` to its window's first paint
    (which the process prints as ``painted <time.monotonic()>``), and to its exit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    to_paint, to_exit = [], []
    for _ in range(runs):
        start = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True
        )
        to_exit.append(time.monotonic() - start)
        painted = [line for line in done.stdout.splitlines() if line.startswith("painted ")]
        if not painted:
            raise SystemExit(f"the window never painted:\n{done.stdout}{done.stderr}")
        to_paint.append(float(painted[0].split()[1]) - start)
    return to_paint, to_exit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each window")
    args = report.parse(parser, QUICK)

    folder = Path(tempfile.mkdtemp(prefix="boothapp-bench-"))
    path = folder / "bench.sqlite3"
    database = open_database(path)
    services = Services.over(database)
    start = time.perf_counter()
    event = create_demo(services, leads=args.leads, seed=7)
    fill_seconds = time.perf_counter() - start
    if database.checkpointer is not None:
        # Writing 100,000 leads at once is followed by the background upkeep (merging the
        # search index, copying the journal); saves are timed once it is done, as they
        # are at a booth, where leads arrive one at a time.
        database.checkpointer.wrote()
        database.checkpointer.checkpointed.wait(300)
    skus = [p.sku for p in services.products.list(event_id=event.id)][:3]
    staff = services.staff.current()
    staff_id = staff.id if staff is not None else None

    counter = iter(range(10**9))

    def save_one() -> None:
        n = next(counter)
        services.leads.create(
            LeadInput(
                first_name="Zoé",
                last_name=f"Lefèvre {n}",
                company="Müller GmbH",
                email=f"zoe.{n}@example.fr",
                phone="06 12 34 56 78",
                country="FR",
                rating="hot",
                products=tuple(ProductShown(sku) for sku in skus),
                consent=True,
                note="Wants twenty waterproof cases for drones.",
            ),
            event_id=event.id,
            staff_id=staff_id,
        )

    timed(save_one, 20)
    saves = timed(save_one, args.saves)
    if database.checkpointer is not None:
        # The burst of saves is followed, a second later, by the background copy of the
        # journal into the database file; searches are timed once it is done, as they
        # would be between two visitors rather than during that copy.
        database.checkpointer.checkpointed.wait(120)

    def fts(text: str) -> None:
        lead_filter = LeadFilter(event_id=event.id, search=text)
        services.leads.list(lead_filter, limit=200)
        services.leads.count(lead_filter)

    def like(text: str) -> None:
        pattern = f"%{text}%"
        condition = or_(
            Lead.first_name.like(pattern),
            Lead.last_name.like(pattern),
            Lead.company.like(pattern),
            Lead.email.like(pattern),
            Lead.city.like(pattern),
        )
        where = (Lead.event_id == event.id, Lead.deleted_at.is_(None), condition)
        with database.read() as session:
            list(
                session.scalars(
                    select(Lead).where(*where).order_by(Lead.created_at.desc()).limit(200)
                )
            )
            session.scalar(select(func.count(Lead.id)).where(*where))

    fts_times = [t for text in SEARCHES for t in timed(lambda text=text: fts(text), 5)]
    like_times = [t for text in SEARCHES for t in timed(lambda text=text: like(text), 5)]
    database.close()

    compile_boothapp()
    bare, bare_exit = process_seconds(BARE_PYSIDE6_WINDOW, runs=args.runs)
    with_sqlalchemy, _exit = process_seconds(BARE_WINDOW_WITH_SQLALCHEMY, runs=args.runs)
    booth, booth_exit = process_seconds(BOOTH_WINDOW, str(path), runs=args.runs)
    shutil.rmtree(folder, ignore_errors=True)
    ratio = statistics.median(booth) / statistics.median(bare)
    reference_ratio = statistics.median(booth) / statistics.median(with_sqlalchemy)
    exit_ratio = statistics.median(booth_exit) / statistics.median(bare_exit)

    print(f"machine: {report.machine_line()}")
    print(f"database: {args.leads:,} demo leads, filled in {fill_seconds:.1f} s")
    print()

    row = report.row

    def verdict(met: bool) -> str:
        return "ok" if met else "MISSED"

    save_p99 = report.percentile(saves, 0.99)
    fts_p95 = report.percentile(fts_times, 0.95)
    row("measurement", "p50", "p95 / p99 / ratio", "target", "result")
    row("---", "---", "---", "---", "---")
    row(
        f"save one lead and commit ({args.saves} saves)",
        f"{statistics.median(saves):.2f} ms",
        f"p99 {save_p99:.2f} ms",
        f"p99 <= {SAVE_TARGET_MS:.0f} ms",
        verdict(save_p99 <= SAVE_TARGET_MS),
    )
    row(
        f"search FTS5, list 200 + count ({len(fts_times)} runs)",
        f"{statistics.median(fts_times):.2f} ms",
        f"p95 {fts_p95:.2f} ms",
        f"p95 <= {SEARCH_TARGET_MS:.0f} ms",
        verdict(fts_p95 <= SEARCH_TARGET_MS),
    )
    row(
        "search LIKE '%x%', same queries",
        f"{statistics.median(like_times):.2f} ms",
        f"p95 {report.percentile(like_times, 0.95):.2f} ms",
        "comparison",
        "-",
    )
    row(
        "bare PySide6 window, process start to first paint",
        f"{statistics.median(bare):.3f} s",
        "",
        "floor",
        "-",
    )
    row(
        "the bare window, also importing SQLAlchemy and making an engine (reference)",
        f"{statistics.median(with_sqlalchemy):.3f} s",
        f"{statistics.median(with_sqlalchemy) / statistics.median(bare):.2f}x the bare window",
        "-",
        "-",
    )
    row(
        "boothapp window on this database, to first paint",
        f"{statistics.median(booth):.3f} s",
        f"{ratio:.2f}x the bare window",
        f"<= {START_TARGET}x",
        verdict(ratio <= START_TARGET),
    )
    row(
        "the same, against the bare window with SQLAlchemy",
        "",
        f"{reference_ratio:.2f}x the reference",
        f"<= {START_TARGET_WITH_SQLALCHEMY:.0f}x",
        verdict(reference_ratio <= START_TARGET_WITH_SQLALCHEMY),
    )
    row(
        "the same two, process start to exit (for reference)",
        f"{statistics.median(bare_exit):.3f} s / {statistics.median(booth_exit):.3f} s",
        f"{exit_ratio:.2f}x",
        "-",
        "-",
    )
    like_p95 = report.percentile(like_times, 0.95)
    leads = f"{args.leads:,} leads"
    figures = [
        Figure(
            "foundation",
            f"save one lead and commit, p50 ({leads})",
            statistics.median(saves),
            "ms",
        ),
        Figure(
            "foundation",
            f"save one lead and commit, p99 ({leads})",
            save_p99,
            "ms",
            target=f"≤ {SAVE_TARGET_MS:.0f} ms",
            met=save_p99 <= SAVE_TARGET_MS,
        ),
        Figure(
            "foundation",
            f"search FTS5, list 200 + count, p95 ({leads})",
            fts_p95,
            "ms",
            peer="LIKE '%x%', p95",
            peer_value=like_p95,
            target=f"≤ {SEARCH_TARGET_MS:.0f} ms",
            met=fts_p95 <= SEARCH_TARGET_MS,
        ),
        Figure(
            "foundation",
            f"window start to first paint ({leads})",
            statistics.median(booth),
            "s",
            peer="bare PySide6 window",
            peer_value=statistics.median(bare),
            target=f"≤ {START_TARGET}x",
            met=ratio <= START_TARGET,
        ),
        Figure(
            "foundation",
            f"window start to first paint ({leads})",
            statistics.median(booth),
            "s",
            peer="bare window + SQLAlchemy engine",
            peer_value=statistics.median(with_sqlalchemy),
            target=f"≤ {START_TARGET_WITH_SQLALCHEMY:.0f}x",
            met=reference_ratio <= START_TARGET_WITH_SQLALCHEMY,
        ),
    ]
    report.write(args.report, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Saves through the lead service alone (no window): create and update p50 and p99.

    python benchmarks/bench_core_saves.py [--leads 5000] [--saves 400] [--quick] [--report FILE]

Makes a demo show of --leads leads in a temporary folder, then saves --saves new leads
(hot, one follow-up) and updates each (another company, warm), timing each call. Run it
on an older tree with ``PYTHONPATH=OLD/src`` to compare two versions on the same machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import report
from report import Figure

from boothapp.core.db import open_database
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo

QUICK = {"leads": 2000, "saves": 200}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=400)
    args = report.parse(parser, QUICK)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "saves.sqlite3")
        services = Services.over(database, station_id="bench-saves")
        show = create_demo(services, leads=args.leads, seed=2)
        creates: list[float] = []
        updates: list[float] = []
        for number in range(args.saves):
            typed = LeadInput(
                first_name=f"Bench{number}",
                last_name="Save",
                company="ACME",
                email=f"b{number}@acme.example",
                rating="hot",
                follow_ups=("send_quote",),
            )
            started = time.perf_counter()
            lead = services.leads.create(typed, show.id)
            creates.append(time.perf_counter() - started)
            changed = LeadInput(
                first_name=f"Bench{number}",
                last_name="Save",
                company="ACME AG",
                email=f"b{number}@acme.example",
                rating="warm",
                follow_ups=("send_quote",),
            )
            started = time.perf_counter()
            services.leads.update(lead.id, changed)
            updates.append(time.perf_counter() - started)
        database.close()
    print(f"{'save':<8} {'p50 ms':>8} {'p99 ms':>8}  ({args.saves} of each, {args.leads} leads)")
    figures = []
    for name, times in (("create", creates), ("update", updates)):
        median = statistics.median(times) * 1000
        p99 = percentile(times, 0.99)
        print(f"{name:<8} {median:8.2f} {p99:8.2f}")
        for share, value in (("p50", median), ("p99", p99)):
            what = f"lead service {name}, {share} ({args.leads:,} leads)"
            figures.append(Figure("core_saves", what, value, "ms"))
    report.write(args.report, figures)


if __name__ == "__main__":
    main()

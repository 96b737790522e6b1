"""Costs of deleting for real: secure_delete on a save, and an erasure's clean-up.

    python benchmarks/bench_privacy.py [--leads 100000] [--saves 400] [--workdir DIR]
        [--quick] [--report FILE]

Makes a demo database of --leads leads (create_demo), then on copies of it:
- saves (create and update through LeadService) with PRAGMA secure_delete ON and OFF,
  interleaved in rounds, p50/p99 per save;
- one erasure (core.privacy.erasure.erase) timed whole, and its parts: the FTS5
  'optimize' alone, the TRUNCATE checkpoint alone; also after --saves single saves that
  leave the index in many segments.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import report
from report import Figure
from sqlalchemy import event

import boothapp.core.privacy.erasure as erasure_module
from boothapp.core.db import open_database
from boothapp.core.privacy.erasure import erase
from boothapp.core.schemas import LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo

QUICK = {"leads": 20_000, "saves": 200}


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def saves(path: Path, secure: bool, count: int, tag: str) -> tuple[list[float], list[float]]:
    database = open_database(path)

    @event.listens_for(database.engine, "connect")
    def _pragma(connection, _record):  # runs after db.py's own listener
        connection.execute(f"PRAGMA secure_delete = {'ON' if secure else 'OFF'}")

    database.engine.dispose()
    services = Services.over(database, station_id="bench-station")
    with database.read_connection() as c:
        assert c.exec_driver_sql("PRAGMA secure_delete").scalar() == int(secure)
    creates, updates = [], []
    for n in range(count):
        data = LeadInput(
            first_name=f"{tag}{n}",
            last_name="Bench",
            company="Bench GmbH",
            email=f"{tag}{n}@bench.example",
            note="a first note " * 5,
        )
        t = time.perf_counter()
        lead = services.leads.create(data)
        creates.append(time.perf_counter() - t)
        t = time.perf_counter()
        services.leads.update(
            lead.id,
            LeadInput(
                first_name=f"{tag}{n}",
                last_name="Bench2",
                company="Bench AG",
                email=f"{tag}{n}@bench.example",
                note="another note",
            ),
        )
        updates.append(time.perf_counter() - t)
    database.close()
    return creates, updates


real_forget = erasure_module.forget_deleted_words
real_empty = erasure_module.Database.wipe_free_space


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=400)
    parser.add_argument("--workdir")
    args = report.parse(parser, QUICK)
    folder = Path(args.workdir or tempfile.mkdtemp(prefix="bench-privacy-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "base.sqlite3"
    if not base.exists():
        database = open_database(base)
        create_demo(Services.over(database, station_id="bench-station"), leads=args.leads)
        database.close()

    results: dict[bool, tuple[list[float], list[float]]] = {True: ([], []), False: ([], [])}
    for round_ in range(4):
        for secure in (True, False):
            copy = folder / f"saves-{secure}-{round_}.sqlite3"
            shutil.copy(base, copy)
            c, u = saves(copy, secure, args.saves // 4, f"r{round_}{secure}")
            results[secure][0].extend(c)
            results[secure][1].extend(u)
            copy.unlink()
    header = ("secure_delete", "create p50", "create p99", "update p50", "update p99")
    print(f"{header[0]:<14}" + "".join(f"{h:>12}" for h in header[1:]))
    for secure in (True, False):
        c, u = results[secure]
        figures = (pct(c, 0.5), pct(c, 0.99), pct(u, 0.5), pct(u, 0.99))
        print(f"{'ON' if secure else 'OFF':<14}" + "".join(f"{f:12.2f}" for f in figures))
    print(f"(ms per save, {args.leads} leads, {args.saves} saves of each kind)")
    size = f"{args.leads:,} leads"
    reported = [
        Figure(
            "privacy",
            f"{kind} with secure_delete on, p50 ({size})",
            pct(results[True][index], 0.5),
            "ms",
            peer="secure_delete off",
            peer_value=pct(results[False][index], 0.5),
        )
        for index, kind in enumerate(("create", "update"))
    ]

    for label, fragment in (("index as made", 0), (f"after {args.saves} single saves", args.saves)):
        copy = folder / "erase.sqlite3"
        shutil.copy(base, copy)
        database = open_database(copy)
        services = Services.over(database, station_id="bench-station")
        for n in range(fragment):
            services.leads.create(LeadInput(first_name=f"frag{n}", email=f"frag{n}@x.example"))
        if database.checkpointer is not None:
            database.checkpointer.close()
        with database.read_connection() as c:
            segments = c.exec_driver_sql("SELECT count(*) FROM lead_search_data").scalar()
        victims = services.leads.list(LeadFilter(), limit=2)
        erasure_module.forget_deleted_words = lambda connection: None
        erasure_module.Database.wipe_free_space = lambda self: True
        t = time.perf_counter()
        erase(database, victims[0].id)
        rows = time.perf_counter() - t
        with database.write_connection() as c:
            t = time.perf_counter()
            c.exec_driver_sql("INSERT INTO lead_search (lead_search) VALUES ('optimize')")
            optimize = time.perf_counter() - t
        erasure_module.Database.wipe_free_space = real_empty
        t = time.perf_counter()
        database.wipe_free_space()
        truncate = time.perf_counter() - t
        erasure_module.forget_deleted_words = real_forget
        t = time.perf_counter()
        erase(database, victims[1].id)
        whole = time.perf_counter() - t
        database.close()
        copy.unlink()
        for suffix in ("-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        print(
            f"erasure, {label} ({segments} index blocks): "
            f"rows and suppression {rows * 1000:.0f} ms; "
            f"FTS optimize {optimize * 1000:.0f} ms; "
            f"VACUUM + TRUNCATE checkpoint {truncate * 1000:.0f} ms; "
            f"a second whole erasure (index already merged) {whole * 1000:.0f} ms"
        )
        reported.append(
            Figure(
                "privacy",
                f"one erasure: rows, FTS optimize, VACUUM + checkpoint ({size}, {label})",
                (rows + optimize + truncate) * 1000,
                "ms",
            )
        )
    if args.workdir is None:
        shutil.rmtree(folder, ignore_errors=True)
    report.write(args.report, reported)


if __name__ == "__main__":
    main()

"""Crash rounds at scale: boothapp killed (SIGKILL) at random moments, a thousand times.

    python benchmarks/bench_crash.py [--kills 1000] [--copy-kills 100] [--seed 1]
        [--quick] [--report FILE]

The rounds are those of tests/core/test_kills.py (the suite runs 50 of the first kind):
a child process saves leads one by one and is killed; every lead it acknowledged must
be there afterwards, found by a search for a word only it holds, with PRAGMA
integrity_check saying ok. Then children killed while backing up (no backup under a
backup's name that is not whole) and while restoring (the old leads or the new ones,
never a mix). Prints a table; any problem makes the exit status 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import report
from report import Figure

QUICK = {"kills": 60, "copy_kills": 15}
ROUNDS = Path(__file__).resolve().parent.parent / "tests" / "core" / "test_kills.py"


def load_rounds() -> ModuleType:
    """The test module, importable as the suite imports it (its helpers sit in tests/)."""
    sys.path.insert(0, str(ROUNDS.parent.parent))
    spec = importlib.util.spec_from_file_location("crash_rounds", ROUNDS)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the crash rounds from {ROUNDS}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_rounds"] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000, help="kills while saving")
    parser.add_argument("--copy-kills", type=int, default=100, help="kills per backup, restore")
    parser.add_argument("--seed", type=int, default=1)
    args = report.parse(parser, QUICK)
    rounds = load_rounds()
    rows: list[tuple[str, int, str, str, float]] = []
    figures: list[Figure] = []
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)

        saving = here / "saving.sqlite3"
        rounds.new_show(saving)
        started = time.perf_counter()
        tally = rounds.kill_while_saving(saving, args.kills, args.seed)
        seconds = time.perf_counter() - started
        lost = len(tally.lost) + len(tally.unfindable) + len(tally.unsound) + len(tally.errors)
        failed |= lost > 0
        rows.append(
            (
                "saving leads",
                tally.rounds,
                f"{tally.acknowledged} acknowledged",
                f"{len(tally.lost)} lost, {len(tally.unfindable)} not found, "
                f"{len(tally.unsound)} unsound, {len(tally.errors)} errors",
                seconds,
            )
        )
        figures.append(
            lost_figure(
                f"{tally.rounds:,} kills while saving: of {tally.acknowledged:,} acknowledged "
                "leads, lost, not found or unsound",
                lost,
            )
        )

        database = here / "copied.sqlite3"
        rounds.demo_database(database, 2000)
        backups = here / "backups"
        backups.mkdir()
        started = time.perf_counter()
        copy = rounds.kill_while_backing_up(database, backups, args.copy_kills, args.seed)
        rows.append(_copy_row("backing up (2,000 leads)", copy, time.perf_counter() - started))
        failed |= bool(copy.problems)
        figures.append(
            lost_figure(f"{copy.rounds:,} kills while backing up: problems", len(copy.problems))
        )

        choices = (here / "first.sqlite3", here / "second.sqlite3")
        rounds.demo_database(choices[0], 600)
        rounds.demo_database(choices[1], 900)
        started = time.perf_counter()
        copy = rounds.kill_while_restoring(database, choices, args.copy_kills, args.seed)
        rows.append(_copy_row("restoring (600 / 900 leads)", copy, time.perf_counter() - started))
        failed |= bool(copy.problems)
        figures.append(
            lost_figure(f"{copy.rounds:,} kills while restoring: problems", len(copy.problems))
        )

    python = sys.version.split()[0]
    print(f"Crash rounds, {platform.system()} {platform.machine()}, Python {python}")
    print()
    print("| killed while | kills | done | problems | seconds | per kill (ms) |")
    print("| --- | ---: | --- | --- | ---: | ---: |")
    for name, kills, done, problems, seconds in rows:
        per_kill = 1000 * seconds / kills if kills else 0.0
        print(f"| {name} | {kills} | {done} | {problems} | {seconds:.1f} | {per_kill:.0f} |")
    report.write(args.report, figures)
    return 1 if failed else 0


def lost_figure(what: str, count: int) -> Figure:
    return Figure("crash", what, count, "count", target="0", met=count == 0)


def _copy_row(name: str, tally: object, seconds: float) -> tuple[str, int, str, str, float]:
    rounds = int(getattr(tally, "rounds", 0))
    interrupted = int(getattr(tally, "interrupted", 0))
    problems: list[str] = list(getattr(tally, "problems", []))
    shown = "none" if not problems else f"{len(problems)}: {problems[0]}"
    return (name, rounds, f"{rounds - interrupted} finished, {interrupted} cut", shown, seconds)


if __name__ == "__main__":
    sys.exit(main())

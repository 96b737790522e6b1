"""The frozen bundle: its size, and its window's first paint against the installed app's.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_bundle.py
        [--bundle dist/boothapp/boothapp] [--runs 5] [--leads 2000] [--quick] [--report FILE]

Builds nothing: ``packaging/build.sh`` makes the bundle (without one the script says so
and exits as skipped). Makes one demo database (``boothapp demo``, run by the installed
app), then starts each app on it with the hidden ``--measure-start`` flag, which opens
the window exactly as ``boothapp`` does and prints ``painted <time.monotonic()>`` at the
first paint and quits. The time is from just before the process is started (the
bootloader's or the interpreter's start) to that line: process start to first paint, on
the same monotonic clock. One run of each warms the disk cache first; then the two apps
take turns. The installed app is the ``boothapp`` command beside this Python (a pip
install, which compiles the bytecode), else ``python -m boothapp``; boothapp's bytecode
is compiled first either way.

Targets: the bundle's first paint within 1.25x the installed app's (freezing must not
cost start-up), the bundle folder at most 400 MB. Exit status: 0 all met, 1 a target
missed, 2 an app did not start, 77 no bundle.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import report
from report import Figure

QUICK = {"runs": 2, "leads": 200}
FAILED = 2
"""The exit status when an app did not start (1: a target was missed)."""
RATIO_TARGET = 1.25
SIZE_TARGET_MB = 400.0


def installed_command() -> list[str]:
    """The installed app: the console script beside this interpreter, else ``-m``."""
    here = Path(sys.executable).parent
    for name in ("boothapp", "boothapp.exe"):
        script = here / name
        if script.is_file():
            return [str(script)]
    return [sys.executable, "-m", "boothapp"]


def environment(folder: Path) -> dict[str, str]:
    """Offscreen unless told otherwise, English, and every per-user folder in ``folder``
    (no real database, settings or station ID is touched)."""
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        BOOTHAPP_STATION="bench-bundle",
        BOOTHAPP_LANGUAGE="en",
    )
    env.pop("BOOTHAPP_DB", None)
    return env


def first_paint(command: list[str], database: Path, env: dict[str, str]) -> float:
    """Seconds from starting ``command`` with ``--measure-start`` to its first paint."""
    start = time.monotonic()
    done = subprocess.run(
        [*command, "--db", str(database), "--measure-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    painted = [line for line in done.stdout.splitlines() if line.startswith("painted ")]
    if done.returncode != 0 or not painted:
        print(
            f"{' '.join(command)} --measure-start never painted (exit {done.returncode}):\n"
            f"{done.stdout}{done.stderr}",
            file=sys.stderr,
        )
        raise SystemExit(FAILED)
    return float(painted[0].split()[1]) - start


def folder_megabytes(folder: Path) -> float:
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--bundle",
        type=Path,
        default=Path("dist/boothapp/boothapp"),
        help="the frozen app's executable (default: dist/boothapp/boothapp)",
    )
    parser.add_argument("--runs", type=int, default=5, help="measured starts of each app")
    parser.add_argument("--leads", type=int, default=2000, help="demo leads in the database")
    args = report.parse(parser, QUICK)

    bundle: Path = args.bundle
    if sys.platform == "win32" and bundle.suffix != ".exe":
        bundle = bundle.with_suffix(".exe")
    if not bundle.is_file():
        report.skip(f"no bundle at {bundle}: build it first with packaging/build.sh")
    frozen = [str(bundle.resolve())]
    installed = installed_command()

    import boothapp

    compileall.compile_dir(Path(boothapp.__file__).parent, quiet=1)

    with tempfile.TemporaryDirectory(prefix="boothapp-bench-bundle-") as name:
        folder = Path(name)
        env = environment(folder)
        database = folder / "demo.sqlite3"
        subprocess.run(
            [*installed, "--db", str(database), "demo", "--leads", str(args.leads)],
            env=env,
            check=True,
            capture_output=True,
        )
        first_paint(frozen, database, env)
        first_paint(installed, database, env)
        frozen_runs, installed_runs = [], []
        for _ in range(args.runs):
            frozen_runs.append(first_paint(frozen, database, env))
            installed_runs.append(first_paint(installed, database, env))

    frozen_s = statistics.median(frozen_runs)
    installed_s = statistics.median(installed_runs)
    size_mb = folder_megabytes(bundle.parent)
    installed_name = " ".join(Path(part).name for part in installed)
    figures = [
        Figure(
            "bundle",
            f"frozen app, process start to first paint (median of {args.runs}, "
            f"{args.leads:,} demo leads)",
            frozen_s,
            "s",
            peer=f"installed app ({installed_name})",
            peer_value=installed_s,
            target=f"≤ {RATIO_TARGET}x the installed app",
            met=frozen_s <= RATIO_TARGET * installed_s,
        ),
        Figure(
            "bundle",
            f"installed app ({installed_name}), process start to first paint",
            installed_s,
            "s",
        ),
        Figure(
            "bundle",
            f"bundle folder size ({bundle.parent})",
            size_mb,
            "MB",
            target=f"≤ {SIZE_TARGET_MB:.0f} MB",
            met=size_mb <= SIZE_TARGET_MB,
        ),
    ]

    print(f"{report.machine_line()}; load average {report.load_average()}")
    print(f"frozen runs (s): {', '.join(f'{value:.3f}' for value in frozen_runs)}")
    print(f"installed runs (s): {', '.join(f'{value:.3f}' for value in installed_runs)}")
    print()
    print(
        report.markdown_table(
            ("figure", "value", "floor/peer", "ratio", "target", "result"),
            (
                (
                    figure.figure,
                    report.number(figure.value, figure.unit),
                    "-"
                    if figure.peer is None or figure.peer_value is None
                    else f"{figure.peer}: {report.number(figure.peer_value, figure.unit)}",
                    "-" if figure.ratio is None else f"{figure.ratio:.2f}x",
                    figure.target or "-",
                    report.verdict(figure.met),
                )
                for figure in figures
            ),
        )
    )
    report.write(args.report, figures)
    return 0 if all(figure.met is not False for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())

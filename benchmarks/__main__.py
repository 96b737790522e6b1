"""Runs every benchmark script and prints one table of their figures.

    python -m benchmarks [--quick] [--only NAME ...] [--output FILE.md] [--logs DIR]
                         [--bundle PATH] [--timeout SECONDS]

Each ``benchmarks/bench_NAME.py`` runs in its own process, with this interpreter, one
after another, with ``--report FILE`` (and ``--quick`` when given) and
``QT_QPA_PLATFORM=offscreen`` in its environment. The figures they report make one
markdown table: benchmark, figure, value, the floor or peer measured in the same run
(and its value), the ratio of the two, the target and whether it was met; above it the
machine (CPU, cores, RAM, system, Python, PySide6, SQLAlchemy and SQLite versions, load
average at the start), the date, the mode, the commit and the time the whole run took.
The table goes to stdout and to ``--output``; progress goes to stderr. ``--logs`` keeps
each script's own output (its detailed table) as ``DIR/NAME.txt``.

``--quick`` runs each script with small sizes and few runs: a few minutes in all on a
2-core machine. Without it each script runs at its own defaults (100,000 leads and so
on), about 14 minutes on a 2-core machine.

A script that cannot run here (a tool missing: it exits with ``report.SKIPPED``, 77, and
says why on stderr) is a row saying "skipped" and why. ``bench_bundle.py`` runs only
when the packaged app exists (``--bundle``, by default ``dist/boothapp/boothapp``), and
is skipped otherwise. A script that fails (no report written, a report that cannot be
read, or an exit status other than 0 without a missed target to explain it) or runs
past ``--timeout`` is a row saying so with the end of its stderr.

Exit status: 1 when a script failed, else 0. A missed target is reported in the table
(met: MISSED), not fatal: the scripts measure a shared machine, and a figure near its
target lands on either side of it from run to run.
"""

from __future__ import annotations

import argparse
import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import report
from benchmarks.report import Figure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLE = "bundle"
DEFAULT_BUNDLE = Path("dist") / "boothapp" / ("boothapp.exe" if os.name == "nt" else "boothapp")
TIMEOUT = {True: 900.0, False: 3 * 3600.0}
"""Seconds a script may run, in quick mode and in full."""
TAIL_LINES = 4
TAIL_CHARS = 400
HEADER = ("benchmark", "figure", "value", "peer (value)", "ratio", "target", "met")


@dataclass
class Outcome:
    """One script's run: ``ran`` (with its figures), ``skipped`` or ``failed``, and why."""

    name: str
    status: str
    seconds: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    reason: str = ""


def scripts(folder: Path = HERE) -> dict[str, Path]:
    """The benchmark scripts in ``folder``, by short name (``bench_export.py``: export)."""
    found = sorted(folder.glob("bench_*.py"))
    return {path.stem.removeprefix("bench_"): path for path in found}


def tail(text: str) -> str:
    """The last lines of ``text`` worth showing, on one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    shown = " / ".join(lines[-TAIL_LINES:])
    return shown if len(shown) <= TAIL_CHARS else "…" + shown[-TAIL_CHARS:]


def outcome_of(
    name: str, returncode: int, report_file: Path, stderr: str, seconds: float
) -> Outcome:
    """What a script's exit status, report file and stderr say about its run."""
    if returncode == report.SKIPPED:
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no reason given"
        return Outcome(name, "skipped", seconds, reason=reason)
    if not report_file.exists():
        return Outcome(
            name, "failed", seconds, reason=f"exit status {returncode}, no report: {tail(stderr)}"
        )
    try:
        figures = report.read(report_file)
    except (ValueError, KeyError, TypeError) as error:
        return Outcome(name, "failed", seconds, reason=f"its report cannot be read: {error}")
    missed = any(figure.met is False for figure in figures)
    if returncode != 0 and not missed:
        reason = f"exit status {returncode} with no target missed: {tail(stderr)}"
        return Outcome(name, "failed", seconds, figures, reason)
    return Outcome(name, "ran", seconds, figures)


def run_script(
    name: str,
    path: Path,
    work: Path,
    *,
    quick: bool,
    timeout: float,
    extra: Sequence[str] = (),
) -> Outcome:
    """Runs one script in its own process (and process group, so that a timeout ends
    whatever it started too); its output is kept in ``work``."""
    report_file = work / f"{name}.json"
    report_file.unlink(missing_ok=True)
    command = [sys.executable, str(path), *(["--quick"] if quick else []), *extra]
    command += ["--report", str(report_file)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    with (
        (work / f"{name}.out").open("w+", encoding="utf-8", errors="replace") as out,
        (work / f"{name}.err").open("w+", encoding="utf-8", errors="replace") as err,
    ):
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=err, start_new_session=True
        )
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            err.seek(0)
            reason = f"still running after {timeout:.0f} s, stopped: {tail(err.read())}"
            return Outcome(name, "failed", time.perf_counter() - started, reason=reason)
        seconds = time.perf_counter() - started
        err.seek(0)
        stderr = err.read()
    return outcome_of(name, returncode, report_file, stderr, seconds)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (AttributeError, ProcessLookupError, PermissionError):
        process.kill()
    process.wait()


# --- the table ----------------------------------------------------------------------------


def figure_cells(figure: Figure) -> list[str]:
    peer = ""
    if figure.peer is not None and figure.peer_value is not None:
        peer = f"{figure.peer}: {report.number(figure.peer_value, figure.unit)}"
    ratio = "" if figure.ratio is None else f"{figure.ratio:.2f}x"
    return [
        figure.benchmark,
        figure.figure,
        report.number(figure.value, figure.unit),
        peer,
        ratio,
        figure.target or "",
        report.verdict(figure.met),
    ]


def table(outcomes: Sequence[Outcome]) -> str:
    rows: list[list[str]] = []
    for outcome in outcomes:
        rows += [figure_cells(figure) for figure in outcome.figures]
        if outcome.status == "skipped":
            rows.append([outcome.name, f"skipped: {outcome.reason}", "", "", "", "", "skipped"])
        elif outcome.status == "failed":
            rows.append([outcome.name, f"FAILED: {outcome.reason}", "", "", "", "", "FAILED"])
    return report.markdown_table(HEADER, rows, align="llrlrll")


def summary(outcomes: Sequence[Outcome]) -> str:
    figures = [figure for outcome in outcomes for figure in outcome.figures]
    judged = [figure for figure in figures if figure.met is not None]
    missed = sum(1 for figure in judged if figure.met is False)
    by_status = {
        status: sum(1 for outcome in outcomes if outcome.status == status)
        for status in ("ran", "skipped", "failed")
    }
    return (
        f"{len(figures)} figures, {len(judged)} with a target: {len(judged) - missed} met, "
        f"{missed} missed. Scripts: {by_status['ran']} ran, {by_status['skipped']} skipped, "
        f"{by_status['failed']} failed."
    )


def machine_text(machine: dict[str, str]) -> str:
    return (
        f"{machine['cpu']}, {machine['cores']} cores, {machine['ram']} RAM; {machine['os']}; "
        f"Python {machine['python']}, PySide6 {machine['pyside6']}, "
        f"SQLAlchemy {machine['sqlalchemy']}, SQLite {machine['sqlite']}; "
        f"load average at the start {machine['load']}"
    )


def duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def document(
    outcomes: Sequence[Outcome],
    *,
    machine: dict[str, str],
    quick: bool,
    started: datetime.datetime,
    seconds: float,
    command: str,
    commit: str | None,
) -> str:
    mode = "quick mode (small sizes, few runs)" if quick else "full mode (each script's defaults)"
    on = f" on commit {commit}" if commit else ""
    lines = [
        f"Benchmarks, {mode}, {started:%Y-%m-%d %H:%M} UTC{on}: `{command}`, "
        f"{duration(seconds)} in all.",
        "",
        f"Machine: {machine_text(machine)}.",
        "",
        table(outcomes),
        "",
        summary(outcomes),
    ]
    return "\n".join(lines) + "\n"


def commit() -> str | None:
    """The checkout's commit, "+ local changes" when it has some; read-only git calls."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}

    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head} + local changes" if changed else head


# --- the command --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None, folder: Path = HERE) -> int:
    found = scripts(folder)
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help=f"run only these, of: {', '.join(found)}"
    )
    parser.add_argument("--output", type=Path, metavar="FILE", help="write the table here too")
    parser.add_argument("--logs", type=Path, metavar="DIR", help="keep each script's output")
    parser.add_argument(
        "--bundle",
        type=Path,
        default=DEFAULT_BUNDLE,
        help=f"the packaged app for bench_bundle.py (default {DEFAULT_BUNDLE})",
    )
    parser.add_argument("--timeout", type=float, help="seconds a script may run")
    args = parser.parse_args(argv)

    chosen = list(found)
    if args.only:
        wanted = [name.removeprefix("bench_").removesuffix(".py") for name in args.only]
        unknown = [name for name in wanted if name not in found]
        if unknown:
            parser.error(f"no benchmark {', '.join(unknown)}; there are: {', '.join(found)}")
        chosen = [name for name in found if name in wanted]
    timeout = args.timeout or TIMEOUT[args.quick]
    bundle = args.bundle if args.bundle.is_absolute() else ROOT / args.bundle

    started = datetime.datetime.now(datetime.UTC)
    machine = report.machine()
    measured = commit()
    clock = time.perf_counter()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="boothapp-benchmarks-") as scratch:
        work = args.logs or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        for number, name in enumerate(chosen, 1):
            print(f"[{number}/{len(chosen)}] {name}…", end=" ", file=sys.stderr, flush=True)
            if name == BUNDLE and not bundle.exists():
                shown = bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle
                reason = f"no bundle at {shown}: build it with packaging/build.sh, or --bundle"
                outcome = Outcome(name, "skipped", reason=reason)
            else:
                extra = ["--bundle", str(bundle)] if name == BUNDLE else []
                outcome = run_script(
                    name, found[name], work, quick=args.quick, timeout=timeout, extra=extra
                )
            outcomes.append(outcome)
            said = outcome.reason or f"{len(outcome.figures)} figures"
            print(f"{outcome.status} in {outcome.seconds:.0f} s: {said}", file=sys.stderr)
        if args.logs:
            for name in chosen:
                _gather_log(work, name)

    command = "python -m benchmarks" + (" --quick" if args.quick else "")
    if args.only:
        command += " --only " + " ".join(chosen)
    text = document(
        outcomes,
        machine=machine,
        quick=args.quick,
        started=started,
        seconds=time.perf_counter() - clock,
        command=command,
        commit=measured,
    )
    print(text, end="")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 1 if any(outcome.status == "failed" for outcome in outcomes) else 0


def _gather_log(work: Path, name: str) -> None:
    """``NAME.out`` and ``NAME.err`` joined into ``NAME.txt``."""
    parts = [work / f"{name}.out", work / f"{name}.err"]
    text = "".join(path.read_text(errors="replace") for path in parts if path.exists())
    (work / f"{name}.txt").write_text(text, encoding="utf-8")
    for path in parts:
        path.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())

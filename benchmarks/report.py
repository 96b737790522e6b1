"""What the benchmark scripts share: ``--quick`` and ``--report``, the figures they
report, the machine they ran on and the markdown table.

Every ``bench_*.py`` parses its options with :func:`parse`, which adds

* ``--quick``: small sizes and few runs, so that all the scripts together take a few
  minutes (options given on the command line still win);
* ``--report FILE``: the figures also written to FILE as a JSON list of objects
  ``{"benchmark", "figure", "value", "unit", "peer", "peer_value", "ratio", "target",
  "met"}`` (:class:`Figure`), which ``python -m benchmarks`` gathers into one table.

A script that cannot run here (a tool missing) calls :func:`skip`: the reason on stderr
and the exit status :data:`SKIPPED`, which the runner reports as skipped, not failed.

The scripts are run as ``python benchmarks/bench_x.py``, which puts this folder first
on ``sys.path``: they import this module as ``report``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

SKIPPED = 77
"""The exit status of a script that cannot run on this machine (automake's and meson's
"skipped"); its reason is the last line it wrote to stderr."""

UNITS = ("ms", "s", "MB", "x", "fps", "count")


@dataclass(frozen=True)
class Figure:
    """One measured figure, with the floor or peer it is compared with, measured in the
    same run, and its target. ``met`` is None when there is no target."""

    benchmark: str
    figure: str
    value: float
    unit: str
    peer: str | None = None
    peer_value: float | None = None
    target: str | None = None
    met: bool | None = None

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unit {self.unit!r} is not one of {', '.join(UNITS)}")
        if (self.peer is None) != (self.peer_value is None):
            raise ValueError(f"{self.figure}: a peer needs its value and a value its peer")

    @property
    def ratio(self) -> float | None:
        if self.peer_value is None or self.peer_value == 0:
            return None
        return self.value / self.peer_value

    def as_json(self) -> dict[str, object]:
        return {
            "benchmark": self.benchmark,
            "figure": self.figure,
            "value": self.value,
            "unit": self.unit,
            "peer": self.peer,
            "peer_value": self.peer_value,
            "ratio": self.ratio,
            "target": self.target,
            "met": self.met,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Figure:
        def optional(key: str) -> float | None:
            value = data.get(key)
            return None if value is None else float(value)  # type: ignore[arg-type]

        value = optional("value")
        if value is None:
            raise ValueError(f"a figure without a value: {dict(data)}")
        met = data.get("met")
        return cls(
            benchmark=str(data["benchmark"]),
            figure=str(data["figure"]),
            value=value,
            unit=str(data["unit"]),
            peer=None if data.get("peer") is None else str(data["peer"]),
            peer_value=optional("peer_value"),
            target=None if data.get("target") is None else str(data["target"]),
            met=None if met is None else bool(met),
        )


# --- the options -------------------------------------------------------------------------


def parse(
    parser: argparse.ArgumentParser,
    quick: Mapping[str, object],
    argv: Sequence[str] | None = None,
) -> argparse.Namespace:
    """Adds ``--quick`` and ``--report`` to ``parser`` and parses ``argv``. With
    ``--quick`` the options named in ``quick`` (by their ``dest``) take those values,
    unless given on the command line."""
    sizes = " ".join(f"--{name.replace('_', '-')} {value}" for name, value in quick.items())
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small sizes and few runs, for a check in about a minute: {sizes or 'as is'}",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="also write the figures to FILE as JSON, for python -m benchmarks",
    )
    known, _rest = parser.parse_known_args(argv)
    if known.quick:
        parser.set_defaults(**quick)
    return parser.parse_args(argv)


def write(path: Path | None, figures: Iterable[Figure]) -> None:
    """Writes ``figures`` to ``path`` as JSON (nothing when ``path`` is None)."""
    if path is None:
        return
    listed = [figure.as_json() for figure in figures]
    path.write_text(json.dumps(listed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read(path: Path) -> list[Figure]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: not a JSON list of figures")
    return [Figure.from_json(item) for item in data]


def skip(reason: str) -> NoReturn:
    """Ends a script that cannot run here: ``reason`` on stderr, status :data:`SKIPPED`."""
    print(reason, file=sys.stderr, flush=True)
    raise SystemExit(SKIPPED)


# --- the machine -------------------------------------------------------------------------


def machine_line() -> str:
    """The short line the scripts print above their tables."""
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (AttributeError, OSError, ValueError):
        return None


def _system() -> str:
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        name = ""
    kernel = f"{platform.system()} {platform.release()} {platform.machine()}"
    return f"{name} ({kernel})" if name else kernel


def _version(distribution: str) -> str:
    # Imported here: the scripts' measuring processes import this module, and the
    # metadata reader brings in more modules than they need.
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    """What a figure depends on, read without importing Qt or SQLAlchemy."""
    memory = _memory_gib()
    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "ram": "unknown" if memory is None else f"{memory:.1f} GiB",
        "os": _system(),
        "python": platform.python_version(),
        "pyside6": _version("PySide6-Essentials"),
        "sqlalchemy": _version("SQLAlchemy"),
        "sqlite": sqlite3.sqlite_version,
        "load": load_average(),
    }


def peak_memory_mb() -> float:
    """This process's peak resident memory since it started its program: Linux's
    ``VmHWM`` (``ru_maxrss`` would count the memory of the process it was forked from,
    before its ``exec``)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


# --- tables ------------------------------------------------------------------------------


def row(*cells: str) -> None:
    """Prints one row of a markdown table."""
    print(markdown_row(cells))


def markdown_row(cells: Iterable[str]) -> str:
    shown = (str(cell).replace("|", "\\|").replace("\n", " ") for cell in cells)
    return "| " + " | ".join(shown) + " |"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A markdown table; ``align`` holds an ``l`` or ``r`` per column (left by default)."""
    rule = ["---:" if align[i : i + 1] == "r" else "---" for i in range(len(header))]
    lines = [markdown_row(header), markdown_row(rule)]
    lines += [markdown_row(cells) for cells in rows]
    return "\n".join(lines)


def number(value: float, unit: str) -> str:
    """``value`` with three significant digits (whole numbers for counts), and its unit."""
    if unit == "count":
        return f"{value:,.0f}"
    if value == 0 or not math.isfinite(value):
        shown = f"{value:g}"
    else:
        digits = max(0, min(4, 2 - math.floor(math.log10(abs(value)))))
        shown = f"{value:,.{digits}f}"
    return f"{shown}x" if unit == "x" else f"{shown} {unit}"


def verdict(met: bool | None) -> str:
    return "-" if met is None else "met" if met else "MISSED"


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value at ``fraction`` of the way through the sorted values (nearest rank)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]

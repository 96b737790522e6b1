"""``boothapp`` and ``python -m boothapp``: the window with no command, else the
command line. Only the window loads Qt.

``--self-test`` checks the installation instead (:mod:`boothapp.gui.self_test`);
``--measure-start`` (hidden, for ``benchmarks/bench_bundle.py``) opens the window, prints
``painted <time.monotonic()>`` when it has painted its first screen, and quits.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from boothapp import APP_NAME, cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(argv)
    if args.self_test or args.measure_start:
        if args.command is not None:
            flag = "--self-test" if args.self_test else "--measure-start"
            print(f"{APP_NAME}: error: {flag} takes no command", file=sys.stderr)
            return 2
        if args.self_test:
            from boothapp.gui.self_test import run_self_test

            return run_self_test()
        return _measure_start(args.db)
    if args.command is None:
        from boothapp.gui.app import run_gui

        return run_gui(args.db)
    return cli.run(args)


def _measure_start(database_target: str | None) -> int:
    """Starts the window as ``boothapp`` does and quits at its first paint, printing that
    moment on the system's monotonic clock (the caller, which started this process,
    subtracts its own start time) and, on Linux, the seconds since the process started."""
    from boothapp.gui.app import start_for_measurement

    def painted() -> None:
        now = time.monotonic()
        print(f"painted {now:.6f}", flush=True)
        age = _process_age()
        if age is not None:
            print(f"first paint {age:.3f} s after the process started", flush=True)

    return start_for_measurement(database_target, on_first_paint=painted)


def _process_age() -> float | None:
    """Seconds since this process started (Linux, to 10 ms), None elsewhere."""
    try:
        import os

        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return None


if __name__ == "__main__":
    sys.exit(main())

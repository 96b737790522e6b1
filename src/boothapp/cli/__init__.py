"""The command line: every command calls the same services as the window.

``boothapp --db FILE COMMAND ...`` scripts the database the window uses (``boothapp``
with no command opens the window: :mod:`boothapp.__main__` decides, so nothing here
reaches Qt). Exit status: 0 success, 2 bad usage, 1 any other error, reported as one
line on stderr (a bug also writes its traceback to a crash log).

Each command group is a module that adds its commands to the parser and owns their
``cmd_`` functions; :mod:`boothapp.cli.common` holds what they share.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TextIO

from boothapp import APP_NAME, __version__
from boothapp.cli import (
    attendees,
    backups,
    demo,
    events,
    exports,
    follow_ups,
    leads,
    merge,
    pin,
    privacy,
    products,
    qr,
    scans,
    staff,
)
from boothapp.cli.common import Commands, Context, Parser, UsageError
from boothapp.core.errors import BoothError
from boothapp.crashlog import write_crash_log

__all__ = ["build_parser", "main", "parse_args", "run"]

_GROUPS = (
    demo,
    events,
    staff,
    products,
    leads,
    scans,
    qr,
    attendees,
    exports,
    follow_ups,
    backups,
    pin,
    privacy,
    merge,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=APP_NAME,
        description="Lead capture for trade-show booths. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $BOOTHAPP_DB, else the user data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (window, database, search, Excel export, QR codes, "
        "shipped files) on a temporary database, print one line per check and exit 0 when "
        "all pass; touches no real data",
    )
    # Hidden: for benchmarks/bench_bundle.py. Opens the window like `boothapp`, prints
    # "painted <time.monotonic()>" at its first paint, and quits.
    parser.add_argument("--measure-start", action="store_true", help=argparse.SUPPRESS)
    commands = Commands(parser, "command", "COMMAND", required=False)
    for group in _GROUPS:
        group.add_commands(commands)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line; ``command`` is None when no command was given. Bad
    usage exits with status 2."""
    return build_parser().parse_args(argv)


def _run_command(args: argparse.Namespace, out: TextIO) -> int:
    standalone: Callable[[argparse.Namespace, TextIO], None] | None = getattr(
        args, "standalone", None
    )
    if standalone is not None:
        standalone(args, out)
        return 0
    from boothapp.core.db import open_database
    from boothapp.core.services import Services

    database = open_database(args.db)
    try:
        handler: Callable[[Context], None] = args.handler
        handler(Context(args=args, services=Services.over(database), out=out))
        if database.writes and database.target.path is not None:
            from boothapp.core.storage_place import place_warning

            warning = place_warning(database.target.path)
            if warning is not None:
                print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)
        return 0
    finally:
        database.close()


def run(args: argparse.Namespace) -> int:
    """Runs the command ``args`` name and returns the exit status; an error is one
    line on stderr."""
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    try:
        return _run_command(args, out)
    except UsageError as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return 2
    except BoothError as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log = write_crash_log("".join(traceback.format_exception(exc)))
        where = f" (details in {log})" if log else ""
        print(f"{APP_NAME}: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command. Without a command it is bad usage (status 2): the window is
    opened by :func:`boothapp.__main__.main`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("a command is needed (with none, `boothapp` opens the window)")
    return run(args)

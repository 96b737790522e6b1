"""``boothapp backup``, ``restore``, ``check`` and ``salvage``: keeping the leads safe.

``restore``, ``check`` and ``salvage`` work on the database file without opening it as
the other commands do: a damaged file can be checked and salvaged, and a restore needs
the file closed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from boothapp.cli.common import Commands, Context, UsageError
from boothapp.cli.lock import require_manager_of_file
from boothapp.core.errors import StorageError


def backups_folder(database_path: Path) -> Path:
    """Where the rolling backups of ``database_path`` are kept."""
    from boothapp.core.backup import BACKUPS_FOLDER_NAME

    return database_path.parent / BACKUPS_FOLDER_NAME


def database_file(args: argparse.Namespace) -> Path:
    """The SQLite file ``--db`` (or the default) names; these commands need a file."""
    from boothapp.core.db import resolve_target

    target = resolve_target(args.db)
    if target.path is None:
        raise UsageError(f"{target.label} is not a database file: this command needs SQLite")
    return target.path


def cmd_backup(ctx: Context) -> None:
    from boothapp.core.backup import backup_to

    database = ctx.services.database
    if ctx.args.destination is not None:
        destination = Path(ctx.args.destination).expanduser()
    else:
        source = database.target.path
        if source is None:
            raise UsageError("a shared server is backed up by its administrator, not here")
        destination = backups_folder(source)
        destination.mkdir(parents=True, exist_ok=True)
    made = backup_to(database, destination)
    ctx.out.write(f"Backed up {database.label} to {made}\n")


def ask(question: str) -> bool:
    """Asks on the terminal; False when there is none to answer."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "o", "oui")


def cmd_restore(args: argparse.Namespace, out: TextIO) -> None:
    from boothapp.core.backup import checked_facts
    from boothapp.core.salvage import restore_from

    backup = Path(args.file).expanduser()
    target = database_file(args)
    if not backup.is_file():
        raise StorageError(f"cannot restore {backup}: there is no such file")
    require_manager_of_file(target, "restoring a backup")
    facts = checked_facts(backup, str(backup))
    question = (
        f"Put {backup.name} ({facts.leads} leads) in place of {target}? "
        "The current file is kept beside it."
    )
    if not args.yes and not ask(question):
        raise UsageError(
            f"nothing was restored: confirm on a terminal, or add --yes to restore {backup}"
        )
    outcome = restore_from(backup, target)
    out.write(outcome.summary(f"{backup} into {outcome.path}") + "\n")


def cmd_check(args: argparse.Namespace, out: TextIO) -> None:
    from boothapp.core.integrity import check

    report = check(database_file(args))
    for show in report.shows:
        deleted = f" (and {show.deleted} deleted)" if show.deleted else ""
        out.write(f"{show.name}: {show.leads} leads{deleted}\n")
    if report.ok:
        out.write(f"{report.path}: no problem found\n")
        return
    for problem in report.problems():
        out.write(f"problem: {problem}\n")
    raise StorageError(
        f"{report.path} has problems: restore a backup (boothapp restore) or salvage the "
        "readable leads into a new file (boothapp salvage)"
    )


def cmd_salvage(args: argparse.Namespace, out: TextIO) -> None:
    from boothapp.core.salvage import salvage

    source = database_file(args)
    report = salvage(source, Path(args.output).expanduser())
    for table, count in report.copied:
        out.write(f"{table}: {count} copied\n")
    for row in report.skipped:
        out.write(f"left out: {row.table} {row.key}: {row.reason}\n")
    for row in report.repaired:
        out.write(f"repaired: {row.table} {row.key}: {row.reason}\n")
    out.write(
        f"Salvaged {report.leads} leads from {source} into {report.path}; "
        f"open it with: boothapp --db {report.path}\n"
    )


def add_commands(commands: Commands) -> None:
    backup = commands.command(
        "backup", "copy the database safely, while it is in use (online backup)", cmd_backup
    )
    backup.add_argument(
        "destination",
        nargs="?",
        help="a folder (a USB stick: a dated file is made in it) or a new file name; "
        "default: the backups folder beside the database",
    )
    restore = commands.parser("restore", "put a backup in place of the database")
    restore.add_argument("file", help="the backup file")
    restore.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    restore.set_defaults(standalone=cmd_restore)
    checking = commands.parser("check", "check the database file for damage, index and counts")
    checking.set_defaults(standalone=cmd_check)
    rescue = commands.parser(
        "salvage", "copy every readable lead of a damaged database into a new file"
    )
    rescue.add_argument("output", help="the new database file to make")
    rescue.set_defaults(standalone=cmd_salvage)

"""``boothapp merge`` (another laptop's database file into this one) and ``boothapp
conflicts`` (the values merges left aside, to review)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from boothapp.cli.common import (
    Commands,
    Context,
    UsageError,
    json_text,
    row_json,
    visible,
    write_json_array,
    write_table,
)
from boothapp.cli.lock import require_manager
from boothapp.core.merge.summary import ConflictRow, JoinedLeads, MergeSummary

LISTED_AT_MOST = 20
"""Lines of each list a merge prints (all of them are in ``--json``)."""


def _listed(out: TextIO, title: str, lines: Sequence[str]) -> None:
    if not lines:
        return
    out.write(f"{title}:\n")
    for line in lines[:LISTED_AT_MOST]:
        out.write(f"  {visible(line)}\n")
    if len(lines) > LISTED_AT_MOST:
        out.write(f"  … and {len(lines) - LISTED_AT_MOST} more (--json lists them all)\n")


def _joined_line(lead: JoinedLeads) -> str:
    joined = ", ".join(lead_id[:8] for lead_id in lead.joined)
    return f"{lead.name} ({lead.show}) {lead.id[:8]}, joined {joined}"


def write_summary(out: TextIO, summary: MergeSummary, target: str) -> None:
    """The summary as a few lines and lists a person reads."""
    if summary.dry_run:
        out.write(f"Dry run: merging {summary.source} into {target} would do this ")
        out.write("(nothing was changed):\n")
    else:
        out.write(f"Merged {summary.source} into {target}:\n")
    out.write(f"  leads: {summary.counts_line()}\n")
    _listed(out, "Shows added", summary.shows_added)
    _listed(out, "Staff added", summary.staff_added)
    _listed(out, "Products added", summary.products_added)
    _listed(out, "Questions added", summary.questions_added)
    _listed(out, "Added", [f"{lead.name} ({lead.show}) {lead.id[:8]}" for lead in summary.added])
    _listed(
        out,
        "Updated",
        [
            f"{lead.name} ({lead.show}) {lead.id[:8]}: {', '.join(lead.changed)}"
            for lead in summary.updated
        ],
    )
    _listed(
        out,
        "Joined (one visitor captured on several laptops)",
        [_joined_line(lead) for lead in summary.joined],
    )
    _listed(out, "Left out", [f"{left.id[:8]}: {left.reason}" for left in summary.left_out])
    _listed(
        out,
        "Conflicts to review (boothapp conflicts)",
        [
            f"{c.name} {c.lead_id[:8]} {c.field}: kept {c.kept!r}, left aside {c.other!r}"
            for c in summary.conflicts
        ],
    )


def cmd_merge(ctx: Context) -> None:
    from boothapp.core.merge import merge_file

    services = ctx.services
    if not ctx.args.dry_run:
        require_manager(ctx, "merging leads")
    staff = services.staff.current()
    summary = merge_file(
        services.database,
        Path(ctx.args.file),
        dry_run=ctx.args.dry_run,
        staff_name=staff.name if staff is not None else None,
    )
    if ctx.args.json:
        ctx.out.write(json_text(asdict(summary), indent=2) + "\n")
    else:
        write_summary(ctx.out, summary, services.database.label)


_CONFLICT_HEADERS = ("LEAD", "NAME", "FIELD", "KEPT", "LEFT ASIDE", "FROM")


def _conflict_cells(row: ConflictRow) -> list[str]:
    return [
        row.lead_id[:8],
        visible(row.lead_name),
        row.field,
        visible(row.kept),
        visible(row.other),
        visible(row.source),
    ]


def cmd_conflicts(ctx: Context) -> None:
    from boothapp.core.merge import list_conflicts, mark_reviewed

    args = ctx.args
    database = ctx.services.database
    if args.reviewed is not None and args.all_reviewed:
        raise UsageError("give --reviewed LEAD_ID or --all-reviewed, not both")
    if args.reviewed is not None:
        lead_id = ctx.services.leads.resolve_id(args.reviewed)
        count = mark_reviewed(database, lead_id=lead_id)
        ctx.out.write(f"Marked {count} conflict(s) of lead {lead_id} reviewed\n")
        return
    if args.all_reviewed:
        count = mark_reviewed(database)
        ctx.out.write(f"Marked {count} conflict(s) reviewed\n")
        return
    rows = list_conflicts(database, include_reviewed=args.all)
    if args.json:
        write_json_array(ctx.out, (row_json(row) for row in rows))
        return
    if not rows:
        ctx.out.write("No conflict to review.\n")
        return
    write_table(ctx.out, _CONFLICT_HEADERS, (_conflict_cells(row) for row in rows))


def add_commands(commands: Commands) -> None:
    merge = commands.command(
        "merge", "merge another laptop's database file into this one", cmd_merge
    )
    merge.add_argument("file", metavar="OTHER.sqlite3", help="the other laptop's database file")
    merge.add_argument(
        "--dry-run", action="store_true", help="say what the merge would do, change nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the summary as JSON")
    conflicts = commands.command(
        "conflicts", "values two laptops set differently, left aside by merges", cmd_conflicts
    )
    conflicts.add_argument(
        "--reviewed", metavar="LEAD_ID", help="mark the conflicts of this lead reviewed"
    )
    conflicts.add_argument(
        "--all-reviewed", action="store_true", help="mark every conflict reviewed"
    )
    conflicts.add_argument("--all", action="store_true", help="list reviewed conflicts too")
    conflicts.add_json()

"""``boothapp import-attendees``: the organiser's attendee list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from boothapp.cli.common import Commands, Context, warn, write_table

if TYPE_CHECKING:
    from boothapp.core.services.attendees import AttendeePreview


def _write_preview(ctx: Context, preview: AttendeePreview) -> None:
    out = ctx.out
    out.write(f"{ctx.args.file}: {preview.row_count} rows, headers in row {preview.header_row}\n")
    out.write("Columns:\n")
    for field, header in preview.mapping.items():
        out.write(f"  {field:<11} <- {header}\n")
    for header in preview.unrecognised:
        out.write(f"  {'(ignored)':<11} <- {header}\n")
    if "badge_id" not in preview.mapping:
        out.write("No badge ID column was recognised: the import would fail.\n")
    out.write("First rows:\n")
    write_table(out, list(preview.headers), (list(row) for row in preview.rows))
    out.write("Nothing was imported (--dry-run).\n")


def cmd_import_attendees(ctx: Context) -> None:
    a = ctx.args
    services = ctx.services
    event = services.events.get(a.event)
    if a.dry_run:
        _write_preview(ctx, services.attendees.read_file(Path(a.file)))
        return
    result = services.attendees.import_file(Path(a.file), event.id)
    warn(result.warnings)
    ctx.out.write(
        f"{a.file}: {result.rows} attendees for {event.name}: {result.added} added, "
        f"{result.updated} updated, {result.unchanged} unchanged; "
        f"{result.resolved} pending leads resolved\n"
    )


def add_commands(commands: Commands) -> None:
    attendees = commands.command(
        "import-attendees",
        "import the organiser's attendee list (.xlsx, .xls, .ods or .csv)",
        cmd_import_attendees,
    )
    attendees.add_argument("file", metavar="FILE")
    attendees.add_argument("--event", required=True, help="the show the list belongs to")
    attendees.add_argument(
        "--dry-run", action="store_true", help="show the detected columns and first rows only"
    )

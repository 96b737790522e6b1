"""``boothapp export``: a show's leads to Excel, CSV or vCard."""

from __future__ import annotations

import sys
from pathlib import Path

from boothapp import APP_NAME
from boothapp.cli.common import Commands, Context, lead_filter_from_args, warn
from boothapp.cli.lock import require_manager


def cmd_export(ctx: Context) -> None:
    from boothapp.core.services.exports import ExportRequest

    require_manager(ctx, "exporting leads")
    a = ctx.args
    lead_filter, event = lead_filter_from_args(ctx)
    request = ExportRequest(
        path=Path(a.output),
        format=a.format,
        preset=a.preset,
        lead_filter=lead_filter,
        since_last_export=a.since_last_export,
        delimiter=";" if a.semicolons else ",",
    )
    result = ctx.services.exports.export(request)
    noun = "lead" if result.count == 1 else "leads"
    ctx.out.write(f"Exported {result.count} {noun} of {event.name} to {result.path}\n")
    if result.count == 0 and a.since_last_export:
        print(
            f"{APP_NAME}: every lead of {event.name} that matches was exported before; "
            "leave out --since-last-export to export them again",
            file=sys.stderr,
        )
    warn(result.warnings)
    if result.not_recorded:
        warn([result.not_recorded])


def add_commands(commands: Commands) -> None:
    export = commands.command(
        "export",
        "write the leads of a show to Excel, CSV or vCard (CRM presets)",
        cmd_export,
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    export.add_choice("--format", ["xlsx", "csv", "vcf"], help="default: from the file extension")
    export.add_argument(
        "--preset",
        help="salesforce, hubspot, excel-fr (French headers and values) or a saved custom "
        "preset (xlsx and csv)",
    )
    export.add_argument("--event", help="show (default: the active one)")
    export.add_argument(
        "--since-last-export",
        action="store_true",
        help="only leads no earlier export wrote (each export marks the leads it writes)",
    )
    export.add_argument(
        "--semicolons",
        action="store_true",
        help="CSV: separate fields with ; (for Excel in French, German and other languages "
        "that write decimals with a comma)",
    )
    export.add_dates()
    export.add_lead_filters()

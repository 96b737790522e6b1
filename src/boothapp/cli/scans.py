"""``boothapp parse-badge`` (what a badge says) and ``boothapp scan`` (a badge scanned
at the booth)."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from boothapp.cli.common import (
    Commands,
    Context,
    iso,
    json_text,
    parse_product_arg,
    resolve_staff_id,
    warn,
)
from boothapp.cli.leads import lead_json
from boothapp.core.vocabulary import Rating


def read_payload(argument: str | None) -> str | bytes:
    """The payload given on the command line, or standard input as raw bytes for ``-``."""
    if argument is None or argument == "-":
        return sys.stdin.buffer.read()
    return argument


def cmd_parse_badge(args: argparse.Namespace, out: TextIO) -> None:
    from boothapp.core.badges import parse_badge

    data = parse_badge(read_payload(args.payload))
    out.write(json_text(data.to_json_dict(), indent=2) + "\n")


def cmd_scan(ctx: Context) -> None:
    a = ctx.args
    services = ctx.services
    event = services.events.resolve(a.event)
    result = services.scans.scan(
        read_payload(a.payload),
        event_id=event.id,
        staff_id=resolve_staff_id(services, a.staff),
        products=tuple(parse_product_arg(p) for p in a.product),
        rating=a.rating,
        note=a.note,
    )
    warn(result.lead.warnings)
    lead = result.lead
    document = lead_json(lead)
    document["visits"] = [
        {"at": iso(v.at), "staff": v.staff, "source": v.source.value} for v in lead.visits
    ]
    document["scan"] = {
        "outcome": result.outcome,
        "visit_number": result.visit_number,
        "message": result.message,
        "format": result.badge.format,
        "warnings": list(result.badge.warnings),
    }
    ctx.out.write(json_text(document, indent=2) + "\n")


def _add_payload(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "payload", nargs="?", metavar="PAYLOAD", help="the scanned text; - or none reads stdin"
    )


def add_commands(commands: Commands) -> None:
    parse = commands.parser(
        "parse-badge", "print what a badge payload says, as JSON (stores nothing)"
    )
    _add_payload(parse)
    parse.set_defaults(standalone=cmd_parse_badge)
    scan = commands.command("scan", "scan a badge: save a new lead or record a visit", cmd_scan)
    _add_payload(scan)
    scan.add_argument("--event", help="show (default: the active one)")
    scan.add_argument("--staff", help="scanned by (default: who is at the laptop)")
    scan.add_argument("--product", action="append", default=[], metavar="SKU[:QTY[:REMARK]]")
    scan.add_choice("--rating", [r.value for r in Rating])
    scan.add_argument("--note", default="")

"""``boothapp parse-badge`` (what a badge says) and ``boothapp scan`` (a badge scanned
at the booth, or the badge codes in a photo with ``--image``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from boothapp import APP_NAME
from boothapp.cli.common import (
    Commands,
    Context,
    UsageError,
    iso,
    json_text,
    parse_product_arg,
    resolve_staff_id,
    warn,
)
from boothapp.cli.leads import lead_json
from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.sheet_codes import is_sheet_code
from boothapp.core.vocabulary import LeadSource, Rating

if TYPE_CHECKING:
    from boothapp.core.services.scans import ScanResult


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
    if a.image is not None:
        if a.payload is not None:
            raise UsageError("give either a PAYLOAD or --image FILE, not both")
        _scan_image(ctx, Path(a.image))
        return
    if a.format:
        raise UsageError("--format chooses what to look for in a picture: use it with --image")
    payload = read_payload(a.payload)
    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    if is_sheet_code(text):
        raise ValidationError(
            "badge",
            "this is a capture-sheet code, not a badge: it applies to the lead open in the "
            "window; nothing was saved",
        )
    result = _scan(ctx, payload, LeadSource.BADGE)
    ctx.out.write(json_text(_scan_document(result), indent=2) + "\n")


def _scan(ctx: Context, payload: str | bytes, source: LeadSource) -> ScanResult:
    a = ctx.args
    services = ctx.services
    event = services.events.resolve(a.event)
    result = services.scans.scan(
        payload,
        event_id=event.id,
        staff_id=resolve_staff_id(services, a.staff),
        source=source,
        products=tuple(parse_product_arg(p) for p in a.product),
        rating=a.rating,
        note=a.note,
    )
    warn(result.lead.warnings)
    return result


def _scan_document(result: ScanResult) -> dict[str, Any]:
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
    return document


def _scan_image(ctx: Context, path: Path) -> None:
    """Scans each code in the picture as the window's "Scan badge from image" does (a
    badge photo), and prints a JSON array of what each scan saved. A capture-sheet code
    is passed over with a warning; a code that cannot be saved is said on stderr, the
    others are still saved, and the status is then 1."""
    from boothapp.core.badges.symbologies import parse_symbologies
    from boothapp.core.printing import decode_image_file

    try:
        formats = parse_symbologies(ctx.args.format)
    except ValidationError as error:
        raise UsageError(f"--format: {error.reason}") from None
    show = ctx.services.events.resolve(ctx.args.event)
    formats = formats or ctx.services.scans.symbologies(show.id)
    payloads = decode_image_file(path, formats)
    if not payloads:
        raise ValidationError(
            "image",
            f"no badge code found in {path.name}: take a sharper photo of the code, "
            "or give the badge's text instead",
        )
    documents: list[dict[str, Any]] = []
    failed = 0
    sheet_codes = 0
    count = len(payloads)
    for number, payload in enumerate(payloads, start=1):
        if is_sheet_code(payload):
            sheet_codes += 1
            continue
        try:
            documents.append(_scan_document(_scan(ctx, payload, LeadSource.IMAGE)))
        except BoothError as error:
            failed += 1
            print(f"{APP_NAME}: error: code {number} of {count}: {error}", file=sys.stderr)
    if sheet_codes:
        warn(
            [
                f"{sheet_codes} of the {count} codes are capture-sheet codes, not badges: they "
                "apply to the lead open in the window; passed over"
            ]
        )
    ctx.out.write(json_text(documents, indent=2) + "\n")
    if failed:
        raise BoothError(f"{failed} of the {count} codes in {path.name} were not saved")


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
    scan.add_argument(
        "--image",
        metavar="FILE",
        help="scan every badge code in this photo or image (PNG, JPEG, BMP, GIF...)",
    )
    scan.add_argument(
        "--format",
        action="append",
        default=[],
        metavar="SYMBOLOGY",
        help="with --image: a symbology to look for, repeatable: qr, pdf417, datamatrix, "
        "aztec, code128, code39, itf, ean13 (default: qr, code128, code39, itf and ean13, "
        "as the window)",
    )
    scan.add_argument("--event", help="show (default: the active one)")
    scan.add_argument("--staff", help="scanned by (default: who is at the laptop)")
    scan.add_argument("--product", action="append", default=[], metavar="SKU[:QTY[:REMARK]]")
    scan.add_choice("--rating", [r.value for r in Rating])
    scan.add_argument("--note", default="")

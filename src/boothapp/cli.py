"""The command line: every command calls the same services as the window.

``boothapp`` with no command opens the window; ``boothapp --db FILE COMMAND ...``
scripts the same database. Exit status: 0 success, 2 bad usage, 1 any other error,
reported as one line on stderr (a bug also writes its traceback to a crash log).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from boothapp import APP_NAME, __version__
from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.models import FollowUp, LeadSource, ProductCategory, Rating, StaffRole
from boothapp.core.schemas import (
    NOT_RATED,
    EventInput,
    EventRow,
    LeadDetail,
    LeadFilter,
    LeadInput,
    ProductInput,
    ProductRow,
    ProductShown,
    StaffRow,
    lead_display_name,
    rating_filter_fields,
)
from boothapp.crashlog import write_crash_log

if TYPE_CHECKING:
    from boothapp.core.services import Services


class UsageError(Exception):
    """Bad command-line usage: reported with exit status 2."""


@dataclass(frozen=True)
class Context:
    """What every command gets: the parsed arguments, the services and the output."""

    args: argparse.Namespace
    services: Services
    out: TextIO


# --- output ---------------------------------------------------------------------------


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def lead_json(lead: LeadDetail) -> dict[str, Any]:
    """The stable JSON form of a lead (``leads --json``, ``lead show --json``)."""
    return {
        "id": lead.id,
        "event": lead.event,
        "staff": lead.staff,
        "created_at": iso(lead.created_at),
        "updated_at": iso(lead.updated_at),
        "first_name": lead.first_name,
        "last_name": lead.last_name,
        "company": lead.company,
        "job_title": lead.job_title,
        "email": lead.email,
        "phone": lead.phone,
        "mobile": lead.mobile,
        "website": lead.website,
        "street": lead.street,
        "postal_code": lead.postal_code,
        "city": lead.city,
        "region": lead.region,
        "country": lead.country,
        "rating": lead.rating.value if lead.rating else None,
        "products": [item.sku for item in lead.products],
        "notes": [{"at": iso(n.at), "staff": n.staff, "text": n.text} for n in lead.notes],
        "follow_ups": list(lead.follow_ups),
        "consent": {
            "given": lead.consent_given,
            "version": lead.consent_version,
            "at": iso(lead.consent_at),
            "staff": lead.consent_staff,
        },
        "badge_id": lead.badge_id,
        "source": lead.source.value,
    }


def event_json(event: EventRow) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "venue": event.venue,
        "city": event.city,
        "country": event.country,
        "start_date": iso(event.start_date),
        "end_date": iso(event.end_date),
        "booth": event.booth,
        "timezone": event.timezone,
        "consent_text": event.consent_text,
        "consent_version": event.consent_version,
    }


def staff_json(member: StaffRow) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.name,
        "email": member.email,
        "phone": member.phone,
        "role": member.role.value,
        "active": member.active,
    }


def product_json(product: ProductRow) -> dict[str, Any]:
    return {
        "id": product.id,
        "sku": product.sku,
        "name": product.name,
        "category": product.category.value,
        "description": product.description,
        "attributes": product.attributes,
        "brochure_url": product.brochure_url,
        "active": product.active,
    }


_HIDDEN_IN_TERMINAL = re.compile(
    "[\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]"
)
"""What json leaves as is but a terminal would act on or not show: DEL and the C1
controls, bidi marks and overrides, zero-width spaces, line and paragraph separators."""


def json_text(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON, with the characters of ``_HIDDEN_IN_TERMINAL`` written as
    ``\\uXXXX`` escapes (they can only stand in strings, so it decodes the same)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _HIDDEN_IN_TERMINAL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_json_array(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """Streams a JSON array, one object per line, so 100,000 leads never sit in memory."""
    out.write("[")
    for index, item in enumerate(items):
        out.write("\n" if index == 0 else ",\n")
        out.write(json_text(item))
    out.write("\n]\n")


_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` on one line with each character that does not print as itself (a
    control, a bidi mark, a line break, a backslash) written as an escape: ``\\x1d``."""
    return "".join(
        _ESCAPES.get(ch) or (ch if ch.isprintable() else ch.encode("unicode_escape").decode())
        for ch in text
    )


def write_table(out: TextIO, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    rows = [[cell.replace("\n", " ") for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, min(len(cell), 40)) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out.write(line.format(*headers).rstrip() + "\n")
    for row in rows:
        cells = [cell if len(cell) <= 40 else cell[:39] + "…" for cell in row]
        out.write(line.format(*cells).rstrip() + "\n")


def local_time(value: datetime, timezone: str) -> str:
    return value.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")


# --- parsing helpers --------------------------------------------------------------------


def parse_day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date: use YYYY-MM-DD") from None


def day_start_utc(day: date, timezone: str) -> datetime:
    """Midnight at the start of ``day`` in the show's time zone, in UTC."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def parse_product_arg(value: str) -> ProductShown:
    """``SKU``, ``SKU:QUANTITY`` or ``SKU:QUANTITY:remark``."""
    sku, _, rest = value.partition(":")
    quantity_text, _, remark = rest.partition(":")
    quantity: int | None = None
    if quantity_text.strip():
        try:
            quantity = int(quantity_text)
        except ValueError:
            raise ValidationError(
                "product", f"{value!r}: quantity must be a whole number"
            ) from None
    return ProductShown(sku=sku.strip(), quantity=quantity, remark=remark.strip())


def parse_attribute(value: str) -> tuple[str, str]:
    key, sep, attribute = value.partition("=")
    if not sep or not key.strip():
        raise ValidationError("attr", f"{value!r}: write attributes as KEY=VALUE")
    return key.strip(), attribute.strip()


def resolve_staff_id(services: Services, reference: str | None) -> int | None:
    if reference is None:
        return None
    return services.staff.get(reference).id


RATING_CHOICES = [*(rating.value for rating in Rating), NOT_RATED]


def created_range(
    args: argparse.Namespace, event: EventRow
) -> tuple[datetime | None, datetime | None]:
    """The capture times ``--from`` and ``--to`` cover, whole days in the show's time
    zone; refused when the first day comes after the last."""
    from boothapp.core.services.leads import check_created_range

    created_from = (
        day_start_utc(parse_day(args.date_from, "from"), event.timezone) if args.date_from else None
    )
    created_to = (
        day_start_utc(parse_day(args.date_to, "to") + timedelta(days=1), event.timezone)
        if args.date_to
        else None
    )
    check_created_range(created_from, created_to)
    return created_from, created_to


def lead_filter_from_args(ctx: Context) -> tuple[LeadFilter, EventRow]:
    args = ctx.args
    event = ctx.services.events.resolve(args.event)
    created_from, created_to = created_range(args, event)
    lead_filter = LeadFilter(
        event_id=event.id,
        staff_id=resolve_staff_id(ctx.services, args.staff),
        **rating_filter_fields(args.rating),
        product_sku=args.product,
        created_from=created_from,
        created_to=created_to,
        search=args.search or "",
        deleted=args.deleted,
    )
    return lead_filter, event


# --- commands ---------------------------------------------------------------------------


def cmd_demo(ctx: Context) -> int:
    from boothapp.core.services.demo import create_demo

    if ctx.args.leads < 0:
        raise UsageError("--leads must be 0 or more")
    event = create_demo(ctx.services, leads=ctx.args.leads)
    count = ctx.services.leads.count(LeadFilter(event_id=event.id))
    ctx.out.write(f"Created the demo show {event.name!r} with {count} leads; it is now active.\n")
    return 0


def cmd_event_add(ctx: Context) -> int:
    a = ctx.args
    event = ctx.services.events.create(
        EventInput(
            name=a.name,
            venue=a.venue,
            city=a.city,
            country=a.country,
            start_date=parse_day(a.start, "start") if a.start else None,
            end_date=parse_day(a.end, "end") if a.end else None,
            booth=a.booth,
            timezone=a.timezone or "",
            consent_text=a.consent_text,
            consent_version=a.consent_version,
        )
    )
    ctx.out.write(f"Added show {event.id}: {event.name} (times in {event.timezone})\n")
    return 0


def cmd_event_list(ctx: Context) -> int:
    events = ctx.services.events.list()
    if ctx.args.json:
        write_json_array(ctx.out, (event_json(e) for e in events))
        return 0
    active = ctx.services.events.active()
    write_table(
        ctx.out,
        ["", "ID", "NAME", "VENUE", "CITY", "DATES", "BOOTH"],
        (
            [
                "*" if active is not None and e.id == active.id else "",
                str(e.id),
                e.name,
                e.venue,
                e.city,
                f"{iso(e.start_date) or ''} – {iso(e.end_date) or ''}" if e.start_date else "",
                e.booth,
            ]
            for e in events
        ),
    )
    return 0


def cmd_event_use(ctx: Context) -> int:
    event = ctx.services.events.use(ctx.args.event_ref)
    ctx.out.write(f"Active show: {event.name}\n")
    return 0


def cmd_staff_add(ctx: Context) -> int:
    a = ctx.args
    event_id = ctx.services.events.get(a.event).id if a.event else None
    member = ctx.services.staff.create(a.name, a.email, a.phone, a.role, event_id=event_id)
    ctx.out.write(f"Added staff member {member.id}: {member.name} ({member.role.value})\n")
    return 0


def cmd_staff_list(ctx: Context) -> int:
    a = ctx.args
    event_id = ctx.services.events.get(a.event).id if a.event else None
    members = ctx.services.staff.list(event_id=event_id, include_inactive=a.all)
    if a.json:
        write_json_array(ctx.out, (staff_json(m) for m in members))
        return 0
    current = ctx.services.staff.current()
    write_table(
        ctx.out,
        ["", "ID", "NAME", "ROLE", "E-MAIL", "PHONE"],
        (
            [
                "*" if current is not None and m.id == current.id else "",
                str(m.id),
                m.name,
                m.role.value,
                m.email or "",
                m.phone or "",
            ]
            for m in members
        ),
    )
    return 0


def cmd_staff_use(ctx: Context) -> int:
    member = ctx.services.staff.use(ctx.args.staff_ref)
    ctx.out.write(f"At this laptop: {member.name}\n")
    return 0


def cmd_product_add(ctx: Context) -> int:
    a = ctx.args
    event_id = ctx.services.events.get(a.event).id if a.event else None
    product = ctx.services.products.create(
        ProductInput(
            sku=a.sku,
            name=a.name,
            category=a.category,
            description=a.description,
            attributes=dict(parse_attribute(v) for v in a.attr),
            brochure_url=a.brochure_url,
        ),
        event_id=event_id,
    )
    ctx.out.write(f"Added product {product.sku}: {product.name}\n")
    return 0


def cmd_product_list(ctx: Context) -> int:
    a = ctx.args
    event_id = ctx.services.events.get(a.event).id if a.event else None
    products = ctx.services.products.list(event_id=event_id, include_inactive=a.all)
    if a.json:
        write_json_array(ctx.out, (product_json(p) for p in products))
        return 0
    write_table(
        ctx.out,
        ["SKU", "NAME", "CATEGORY", "ATTRIBUTES"],
        (
            [
                p.sku,
                p.name,
                p.category.value,
                ", ".join(f"{k}={v}" for k, v in p.attributes.items()),
            ]
            for p in products
        ),
    )
    return 0


def cmd_product_import(ctx: Context) -> int:
    a = ctx.args
    event_id = ctx.services.events.get(a.event).id if a.event else None
    added, updated = ctx.services.products.import_csv(Path(a.file), event_id=event_id)
    ctx.out.write(f"{a.file}: {added} products added, {updated} updated\n")
    return 0


def cmd_lead_add(ctx: Context) -> int:
    a = ctx.args
    event = ctx.services.events.resolve(a.event)
    lead = ctx.services.leads.create(
        LeadInput(
            first_name=a.first_name,
            last_name=a.last_name,
            company=a.company,
            job_title=a.job_title,
            email=a.email,
            phone=a.phone,
            mobile=a.mobile,
            website=a.website,
            street=a.street,
            postal_code=a.postal_code,
            city=a.city,
            region=a.region,
            country=a.country,
            rating=a.rating,
            follow_ups=tuple(a.follow_up),
            products=tuple(parse_product_arg(p) for p in a.product),
            consent=a.consent,
            note=a.note,
            badge_id=a.badge_id,
            source=LeadSource.MANUAL,
        ),
        event_id=event.id,
        staff_id=resolve_staff_id(ctx.services, a.staff),
    )
    for warning in lead.warnings:
        print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)
    if a.json:
        ctx.out.write(json_text(lead_json(lead), indent=2) + "\n")
    else:
        ctx.out.write(f"Saved lead {lead.id}: {lead.display_name}\n")
    return 0


def cmd_leads(ctx: Context) -> int:
    if ctx.args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    lead_filter, event = lead_filter_from_args(ctx)
    rows = ctx.services.leads.list(lead_filter, limit=ctx.args.limit or None)
    if ctx.args.json:
        details = ctx.services.leads.details_of([r.id for r in rows])
        write_json_array(ctx.out, (lead_json(d) for d in details))
        return 0
    write_table(
        ctx.out,
        ["CAPTURED", "NAME", "COMPANY", "COUNTRY", "RATING", "STAFF", "ID"],
        (
            [
                local_time(r.created_at, event.timezone),
                lead_display_name(r),
                r.company,
                r.country or "",
                r.rating.value if r.rating else "",
                r.staff or "",
                r.id[:8],
            ]
            for r in rows
        ),
    )
    total = ctx.services.leads.count(lead_filter)
    shown = f"{len(rows)} of {total}" if len(rows) < total else str(total)
    noun = "lead" if total == 1 else "leads"
    print(f"{shown} {noun} in {event.name}", file=sys.stderr)
    return 0


def cmd_lead_show(ctx: Context) -> int:
    services = ctx.services
    lead = services.leads.get(services.leads.resolve_id(ctx.args.lead_id))
    if ctx.args.json:
        document = {**lead_json(lead), "badge_raw": lead.badge_raw}
        ctx.out.write(json_text(document, indent=2) + "\n")
        return 0
    timezone = services.events.get(lead.event_id).timezone
    out = ctx.out
    fields = [
        ("Name", lead.display_name),
        ("Company", lead.company),
        ("Job title", lead.job_title),
        ("E-mail", lead.email or ""),
        ("Phone", lead.phone or ""),
        ("Mobile", lead.mobile or ""),
        ("Website", lead.website or ""),
        (
            "Address",
            ", ".join(p for p in (lead.street, lead.postal_code, lead.city, lead.region) if p),
        ),
        ("Country", lead.country or ""),
        ("Rating", lead.rating.value if lead.rating else ""),
        ("Follow-ups", ", ".join(lead.follow_ups)),
        (
            "Consent",
            f"yes ({lead.consent_version or 'no version'})" if lead.consent_given else "no",
        ),
        ("Show", lead.event),
        ("Captured", f"{local_time(lead.created_at, timezone)} by {lead.staff or 'unknown'}"),
        ("Source", lead.source.value),
        ("Badge ID", lead.badge_id or ""),
        ("Badge scan", visible(lead.badge_raw or "")),
        ("ID", lead.id),
    ]
    for label, value in fields:
        if value:
            out.write(f"{label + ':':<12} {value}\n")
    if lead.products:
        out.write("Products:\n")
        for item in lead.products:
            quantity = f" x{item.quantity}" if item.quantity else ""
            remark = f" — {item.remark}" if item.remark else ""
            out.write(f"  {item.sku}  {item.name}{quantity}{remark}\n")
    if lead.answers:
        out.write("Answers:\n")
        for answer in lead.answers:
            value = ", ".join(answer.value) if isinstance(answer.value, list) else answer.value
            out.write(f"  {answer.question} {value}\n")
    if lead.notes:
        out.write("Notes:\n")
        for note in lead.notes:
            out.write(f"  {local_time(note.at, timezone)} {note.staff or ''}: ")
            out.write(note.text.replace("\n", "\n    ") + "\n")
    out.write(f"Visits:     {len(lead.visits)}\n")
    return 0


def cmd_lead_delete(ctx: Context) -> int:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    ctx.services.leads.delete(lead_id)
    ctx.out.write(f"Deleted lead {lead_id} (undo with `boothapp lead restore {lead_id[:8]}`)\n")
    return 0


def cmd_lead_restore(ctx: Context) -> int:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    ctx.services.leads.restore(lead_id)
    ctx.out.write(f"Restored lead {lead_id}\n")
    return 0


def cmd_lead_note(ctx: Context) -> int:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    staff_id = resolve_staff_id(ctx.services, ctx.args.staff)
    ctx.services.leads.add_note(lead_id, ctx.args.text, staff_id=staff_id)
    ctx.out.write(f"Added a note to lead {lead_id}\n")
    return 0


def read_payload(argument: str | None) -> str | bytes:
    """The payload given on the command line, or standard input as raw bytes for ``-``."""
    if argument is None or argument == "-":
        return sys.stdin.buffer.read()
    return argument


def cmd_parse_badge(args: argparse.Namespace, out: TextIO) -> int:
    from boothapp.core.badges import parse_badge

    data = parse_badge(read_payload(args.payload))
    out.write(json_text(data.to_json_dict(), indent=2) + "\n")
    return 0


def cmd_scan(ctx: Context) -> int:
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
    for warning in result.lead.warnings:
        print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)
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
    return 0


def cmd_import_attendees(ctx: Context) -> int:
    a = ctx.args
    services = ctx.services
    event = services.events.get(a.event)
    out = ctx.out
    if a.dry_run:
        preview = services.attendees.read_file(Path(a.file))
        out.write(f"{a.file}: {preview.row_count} rows, headers in row {preview.header_row}\n")
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
        return 0
    result = services.attendees.import_file(Path(a.file), event.id)
    for warning in result.warnings:
        print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)
    out.write(
        f"{a.file}: {result.rows} attendees for {event.name}: {result.added} added, "
        f"{result.updated} updated, {result.unchanged} unchanged; "
        f"{result.resolved} pending leads resolved\n"
    )
    return 0


def cmd_export(ctx: Context) -> int:
    from boothapp.core.services.exports import ExportRequest

    a = ctx.args
    event = ctx.services.events.resolve(a.event)
    created_from, created_to = created_range(a, event)
    request = ExportRequest(
        path=Path(a.output),
        format=a.format,
        preset=a.preset,
        lead_filter=LeadFilter(
            event_id=event.id,
            staff_id=resolve_staff_id(ctx.services, a.staff),
            **rating_filter_fields(a.rating),
            product_sku=a.product,
            created_from=created_from,
            created_to=created_to,
        ),
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
    for warning in result.warnings:
        print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)
    return 0


# --- parser ---------------------------------------------------------------------------


class _BadChoice(Exception):
    """A value that is none of an option's choices; ``str()`` is the line to print."""


class _Choice:
    """The ``type`` of an option taking one of ``values`` (in any case)."""

    def __init__(self, prog: str, option: str, values: Sequence[str]) -> None:
        self.prog = prog
        self.option = option
        self.values = tuple(values)

    def __call__(self, text: str) -> str:
        value = text.strip().lower()
        if value not in self.values:
            raise _BadChoice(
                f"{self.prog}: {self.option} must be one of {', '.join(self.values)} (got {text!r})"
            )
        return value


def _add_choice(
    parser: argparse.ArgumentParser, option: str, values: Sequence[str], **kwargs: Any
) -> None:
    """Adds an option taking one of ``values``: a wrong value gets one line naming the
    option and its choices, not argparse's usage and message."""
    parser.add_argument(option, type=_Choice(parser.prog, option, values), choices=values, **kwargs)


class _Parser(argparse.ArgumentParser):
    """Bad usage: exit status 2. A value that is none of an option's choices is one line;
    other mistakes get argparse's usage and message."""

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().parse_known_args(*args, **kwargs)
        except _BadChoice as exc:
            self.exit(2, f"{exc}\n")

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array of objects")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_NAME,
        description="Lead capture for trade-show booths. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $BOOTHAPP_DB, else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="create the demo show 'Milipol Paris 2023'")
    demo.add_argument("--leads", type=int, default=200, help="sample leads (default 200)")
    demo.set_defaults(handler=cmd_demo)

    event = commands.add_parser("event", help="shows: add, list, use")
    event_commands = event.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    event_add = event_commands.add_parser("add", help="add a show")
    event_add.add_argument("name")
    event_add.add_argument("--venue", default="")
    event_add.add_argument("--city", default="")
    event_add.add_argument("--country", help="ISO code or name; default region for phones")
    event_add.add_argument("--start", help="first day, YYYY-MM-DD")
    event_add.add_argument("--end", help="last day, YYYY-MM-DD")
    event_add.add_argument("--booth", default="")
    event_add.add_argument(
        "--timezone",
        help="e.g. Europe/Paris (default: the country's, when it keeps one time; else UTC)",
    )
    event_add.add_argument("--consent-text", default="")
    event_add.add_argument("--consent-version", default="")
    event_add.set_defaults(handler=cmd_event_add)
    event_list = event_commands.add_parser("list", help="list shows (* marks the active one)")
    _add_json(event_list)
    event_list.set_defaults(handler=cmd_event_list)
    event_use = event_commands.add_parser("use", help="make a show the active one on this laptop")
    event_use.add_argument("event_ref", metavar="NAME_OR_ID")
    event_use.set_defaults(handler=cmd_event_use)

    staff = commands.add_parser("staff", help="staff members: add, list, use")
    staff_commands = staff.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    staff_add = staff_commands.add_parser("add", help="add a staff member")
    staff_add.add_argument("name")
    staff_add.add_argument("--email")
    staff_add.add_argument("--phone")
    _add_choice(staff_add, "--role", [r.value for r in StaffRole], default="staff")
    staff_add.add_argument("--event", help="put on the roster of this show")
    staff_add.set_defaults(handler=cmd_staff_add)
    staff_list = staff_commands.add_parser("list", help="list staff (* marks who is at the laptop)")
    staff_list.add_argument("--event", help="only the roster of this show")
    staff_list.add_argument("--all", action="store_true", help="include inactive staff")
    _add_json(staff_list)
    staff_list.set_defaults(handler=cmd_staff_list)
    staff_use = staff_commands.add_parser("use", help="set who is at this laptop")
    staff_use.add_argument("staff_ref", metavar="NAME_OR_ID")
    staff_use.set_defaults(handler=cmd_staff_use)

    product = commands.add_parser("product", help="the catalogue: add, list, import")
    product_commands = product.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    product_add = product_commands.add_parser("add", help="add a product")
    product_add.add_argument("sku")
    product_add.add_argument("name")
    product_add.add_argument(
        "--category", default="other", help=", ".join(c.value for c in ProductCategory)
    )
    product_add.add_argument("--description", default="")
    product_add.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE")
    product_add.add_argument("--brochure-url")
    product_add.add_argument("--event", help="put on the stand of this show")
    product_add.set_defaults(handler=cmd_product_add)
    product_list = product_commands.add_parser("list", help="list products")
    product_list.add_argument("--event", help="only the products on this show's stand")
    product_list.add_argument("--all", action="store_true", help="include inactive products")
    _add_json(product_list)
    product_list.set_defaults(handler=cmd_product_list)
    product_import = product_commands.add_parser("import", help="add or update products from CSV")
    product_import.add_argument("file", help="CSV with columns sku,name,category,description,...")
    product_import.add_argument("--event", help="put the products on this show's stand")
    product_import.set_defaults(handler=cmd_product_import)

    lead = commands.add_parser("lead", help="one lead: add, show, note, delete, restore")
    lead_commands = lead.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    lead_add = lead_commands.add_parser("add", help="capture a lead")
    for name in ("first-name", "last-name", "company", "job-title", "street", "postal-code"):
        lead_add.add_argument(f"--{name}", default="")
    for name in ("city", "region"):
        lead_add.add_argument(f"--{name}", default="")
    for name in ("email", "phone", "mobile", "website", "country", "badge-id"):
        lead_add.add_argument(f"--{name}")
    _add_choice(lead_add, "--rating", [r.value for r in Rating])
    _add_choice(lead_add, "--follow-up", [f.value for f in FollowUp], action="append", default=[])
    lead_add.add_argument("--product", action="append", default=[], metavar="SKU[:QTY[:REMARK]]")
    lead_add.add_argument("--consent", action="store_true", help="the visitor gave consent")
    lead_add.add_argument("--note", default="")
    lead_add.add_argument("--event", help="show (default: the active one)")
    lead_add.add_argument("--staff", help="captured by (default: who is at the laptop)")
    _add_json(lead_add)
    lead_add.set_defaults(handler=cmd_lead_add)
    lead_show = lead_commands.add_parser("show", help="everything about one lead")
    lead_show.add_argument("lead_id", metavar="ID", help="the lead id or its first characters")
    _add_json(lead_show)
    lead_show.set_defaults(handler=cmd_lead_show)
    lead_note = lead_commands.add_parser("note", help="add a conversation note")
    lead_note.add_argument("lead_id", metavar="ID")
    lead_note.add_argument("text")
    lead_note.add_argument("--staff", help="written by (default: who is at the laptop)")
    lead_note.set_defaults(handler=cmd_lead_note)
    lead_delete = lead_commands.add_parser("delete", help="delete a lead (it can be restored)")
    lead_delete.add_argument("lead_id", metavar="ID")
    lead_delete.set_defaults(handler=cmd_lead_delete)
    lead_restore = lead_commands.add_parser("restore", help="bring back a deleted lead")
    lead_restore.add_argument("lead_id", metavar="ID")
    lead_restore.set_defaults(handler=cmd_lead_restore)

    leads = commands.add_parser("leads", help="list and search leads (the active show by default)")
    leads.add_argument("--search", help="words to find in names, company, e-mail, city, notes")
    leads.add_argument("--event", help="show (default: the active one)")
    leads.add_argument("--staff", help="captured by")
    _add_choice(leads, "--rating", RATING_CHOICES, help="none: leads not rated")
    leads.add_argument("--product", metavar="SKU", help="shown this product")
    leads.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="captured on or after"
    )
    leads.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="captured on or before")
    leads.add_argument("--deleted", action="store_true", help="list deleted leads instead")
    leads.add_argument("--limit", type=int, default=0, help="at most this many leads, newest first")
    _add_json(leads)
    leads.set_defaults(handler=cmd_leads)

    parse = commands.add_parser(
        "parse-badge", help="print what a badge payload says, as JSON (stores nothing)"
    )
    parse.add_argument(
        "payload", nargs="?", metavar="PAYLOAD", help="the scanned text; - or none reads stdin"
    )
    parse.set_defaults(standalone=cmd_parse_badge)

    scan = commands.add_parser("scan", help="scan a badge: save a new lead or record a visit")
    scan.add_argument(
        "payload", nargs="?", metavar="PAYLOAD", help="the scanned text; - or none reads stdin"
    )
    scan.add_argument("--event", help="show (default: the active one)")
    scan.add_argument("--staff", help="scanned by (default: who is at the laptop)")
    scan.add_argument("--product", action="append", default=[], metavar="SKU[:QTY[:REMARK]]")
    _add_choice(scan, "--rating", [r.value for r in Rating])
    scan.add_argument("--note", default="")
    scan.set_defaults(handler=cmd_scan)

    attendees = commands.add_parser(
        "import-attendees", help="import the organiser's attendee list (.xlsx or .csv)"
    )
    attendees.add_argument("file", metavar="FILE")
    attendees.add_argument("--event", required=True, help="the show the list belongs to")
    attendees.add_argument(
        "--dry-run", action="store_true", help="show the detected columns and first rows only"
    )
    attendees.set_defaults(handler=cmd_import_attendees)
    export = commands.add_parser(
        "export", help="write the leads of a show to Excel, CSV or vCard (CRM presets)"
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    _add_choice(export, "--format", ["xlsx", "csv", "vcf"], help="default: from the file extension")
    export.add_argument(
        "--preset", help="salesforce, hubspot or a saved custom preset (xlsx and csv)"
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
    export.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="captured on or after"
    )
    export.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="captured on or before")
    export.add_argument("--staff", help="captured by")
    _add_choice(export, "--rating", RATING_CHOICES, help="none: leads not rated")
    export.add_argument("--product", metavar="SKU", help="shown this product")
    export.set_defaults(handler=cmd_export)
    return parser


# --- entry point ------------------------------------------------------------------------


def run_command(args: argparse.Namespace, out: TextIO) -> int:
    standalone: Callable[[argparse.Namespace, TextIO], int] | None = getattr(
        args, "standalone", None
    )
    if standalone is not None:
        return standalone(args, out)
    from boothapp.core.db import open_database
    from boothapp.core.services import Services

    database = open_database(args.db)
    try:
        handler: Callable[[Context], int] = args.handler
        return handler(Context(args=args, services=Services.over(database), out=out))
    finally:
        database.close()


def main(argv: Sequence[str] | None = None) -> int:
    """``boothapp``: the window with no command, else the command line."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from boothapp.gui.app import run_gui

        return run_gui(args.db)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    try:
        return run_command(args, out)
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

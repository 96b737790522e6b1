"""``boothapp lead`` (one lead: add, show, note, delete, restore) and ``boothapp leads``
(list and search)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import Field, fields
from typing import Any

from boothapp.cli.common import (
    Commands,
    Context,
    UsageError,
    input_from_args,
    iso,
    json_text,
    lead_filter_from_args,
    parse_product_arg,
    resolve_staff_id,
    visible,
    warn,
    write_json_array,
    write_table,
)
from boothapp.core.schemas import LeadDetail, LeadInput, LeadRow, lead_display_name
from boothapp.core.show_time import local_time
from boothapp.core.vocabulary import (
    LEGAL_BASIS_LABELS,
    NO_LEGAL_BASIS_LABEL,
    FollowUp,
    LeadSource,
    LegalBasis,
    Rating,
)


def _contact_fields() -> tuple[Field[Any], ...]:
    fields_in_order = fields(LeadInput)
    last = [f.name for f in fields_in_order].index("country")
    return fields_in_order[: last + 1]


CONTACT_FIELDS = _contact_fields()
"""``LeadInput``'s contact fields, ``first_name`` to ``country``: each is a key of the
lead's JSON form and an option of ``lead add`` (``--first-name``)."""


def lead_json(lead: LeadDetail) -> dict[str, Any]:
    """The stable JSON form of a lead (``leads --json``, ``lead show --json``)."""
    return {
        "id": lead.id,
        "event": lead.event,
        "staff": lead.staff,
        "created_at": iso(lead.created_at),
        "updated_at": iso(lead.updated_at),
        **{f.name: getattr(lead, f.name) for f in CONTACT_FIELDS},
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
        "legal_basis": lead.legal_basis.value if lead.legal_basis else None,
        "do_not_contact": lead.do_not_contact,
        "badge_id": lead.badge_id,
        "source": lead.source.value,
    }


def cmd_lead_add(ctx: Context) -> None:
    a = ctx.args
    event = ctx.services.events.resolve(a.event)
    lead = ctx.services.leads.create(
        input_from_args(
            LeadInput,
            a,
            follow_ups=tuple(a.follow_up),
            products=tuple(parse_product_arg(p) for p in a.product),
            source=LeadSource.MANUAL,
        ),
        event_id=event.id,
        staff_id=resolve_staff_id(ctx.services, a.staff),
    )
    warn(lead.warnings)
    if a.json:
        ctx.out.write(json_text(lead_json(lead), indent=2) + "\n")
    else:
        ctx.out.write(f"Saved lead {lead.id}: {lead.display_name}\n")


_LEAD_HEADERS = ("CAPTURED", "NAME", "COMPANY", "COUNTRY", "RATING", "STAFF", "ID")


def _lead_row(r: LeadRow, timezone: str) -> list[str]:
    captured = local_time(r.created_at, timezone)
    rating = r.rating.value if r.rating else ""
    name = lead_display_name(r)
    return [captured, name, r.company, r.country or "", rating, r.staff or "", r.id[:8]]


def _warning_of_damage(details: Iterable[LeadDetail]) -> Iterator[LeadDetail]:
    """``details``, each one's warnings (text read with U+FFFD) on stderr as it goes."""
    for lead in details:
        warn(f"lead {lead.id}, {warning}" for warning in lead.warnings)
        yield lead


def cmd_leads(ctx: Context) -> None:
    if ctx.args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    lead_filter, event = lead_filter_from_args(
        ctx, search=ctx.args.search or "", deleted=ctx.args.deleted
    )
    rows = ctx.services.leads.list(lead_filter, limit=ctx.args.limit or None)
    if ctx.args.json:
        details = ctx.services.leads.details_of([r.id for r in rows])
        write_json_array(ctx.out, (lead_json(d) for d in _warning_of_damage(details)))
        return
    write_table(ctx.out, _LEAD_HEADERS, (_lead_row(r, event.timezone) for r in rows))
    total = ctx.services.leads.count(lead_filter)
    shown = f"{len(rows)} of {total}" if len(rows) < total else str(total)
    noun = "lead" if total == 1 else "leads"
    print(f"{shown} {noun} in {event.name}", file=sys.stderr)


def cmd_lead_show(ctx: Context) -> None:
    services = ctx.services
    lead = services.leads.get(services.leads.resolve_id(ctx.args.lead_id))
    warn(lead.warnings)
    if ctx.args.json:
        document = {**lead_json(lead), "badge_raw": lead.badge_raw}
        ctx.out.write(json_text(document, indent=2) + "\n")
        return
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
        (
            "Legal basis",
            LEGAL_BASIS_LABELS[lead.legal_basis] if lead.legal_basis else NO_LEGAL_BASIS_LABEL,
        ),
        ("Contact", "DO NOT CONTACT" if lead.do_not_contact else ""),
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


def cmd_lead_delete(ctx: Context) -> None:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    ctx.services.leads.delete(lead_id)
    ctx.out.write(f"Deleted lead {lead_id} (undo with `boothapp lead restore {lead_id[:8]}`)\n")


def cmd_lead_restore(ctx: Context) -> None:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    ctx.services.leads.restore(lead_id)
    ctx.out.write(f"Restored lead {lead_id}\n")


def cmd_lead_note(ctx: Context) -> None:
    lead_id = ctx.services.leads.resolve_id(ctx.args.lead_id)
    staff_id = resolve_staff_id(ctx.services, ctx.args.staff)
    ctx.services.leads.add_note(lead_id, ctx.args.text, staff_id=staff_id)
    ctx.out.write(f"Added a note to lead {lead_id}\n")


def _add_lead_commands(commands: Commands) -> None:
    actions = commands.group("lead", "one lead: add, show, note, delete, restore")
    add = actions.command("add", "capture a lead", cmd_lead_add)
    for field in CONTACT_FIELDS:
        add.add_argument(f"--{field.name.replace('_', '-')}", default=field.default)
    add.add_argument("--badge-id")
    add.add_choice("--rating", [r.value for r in Rating])
    add.add_choice("--follow-up", [f.value for f in FollowUp], action="append", default=[])
    add.add_argument("--product", action="append", default=[], metavar="SKU[:QTY[:REMARK]]")
    add.add_argument("--consent", action="store_true", help="the visitor gave consent")
    add.add_choice(
        "--legal-basis",
        [basis.value for basis in LegalBasis],
        help="without --consent: legitimate_interest for a business contact informed of the "
        "follow-up who did not object (consent given is always the legal basis)",
    )
    add.add_argument(
        "--do-not-contact", action="store_true", help="the visitor asked not to be contacted"
    )
    add.add_argument("--note", default="")
    add.add_argument("--event", help="show (default: the active one)")
    add.add_argument("--staff", help="captured by (default: who is at the laptop)")
    add.add_json()
    show = actions.command("show", "everything about one lead", cmd_lead_show)
    show.add_argument("lead_id", metavar="ID", help="the lead id or its first characters")
    show.add_json()
    note = actions.command("note", "add a conversation note", cmd_lead_note)
    note.add_argument("lead_id", metavar="ID")
    note.add_argument("text")
    note.add_argument("--staff", help="written by (default: who is at the laptop)")
    delete = actions.command("delete", "delete a lead (it can be restored)", cmd_lead_delete)
    delete.add_argument("lead_id", metavar="ID")
    restore = actions.command("restore", "bring back a deleted lead", cmd_lead_restore)
    restore.add_argument("lead_id", metavar="ID")


def add_commands(commands: Commands) -> None:
    _add_lead_commands(commands)
    leads = commands.command(
        "leads", "list and search leads (the active show by default)", cmd_leads
    )
    leads.add_argument("--search", help="words to find in names, company, e-mail, city, notes")
    leads.add_argument("--event", help="show (default: the active one)")
    leads.add_lead_filters()
    leads.add_dates()
    leads.add_argument("--deleted", action="store_true", help="list deleted leads instead")
    leads.add_argument("--limit", type=int, default=0, help="at most this many leads, newest first")
    leads.add_json()

"""Subject access (GDPR article 15): everything boothapp holds on one person.

The person is found by e-mail address, in every show (``people``): each lead with every
field, its notes, visits, products, answers, consent record (with the show's consent
text), legal basis and "do not contact" mark, the badge as scanned, the follow-ups
promised (their tasks) and the merge conflicts kept about it; the organiser's
attendee-list rows with the address; the audit entries that name those leads' ids; and
whether the address is on the suppression list.

``subject_record`` is that as plain JSON values (times in UTC, ISO 8601); ``write_subject_export``
writes it as a JSON file and as an HTML page a person can read, side by side.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from boothapp import APP_NAME, __version__
from boothapp.core.audit import AuditRow, entries
from boothapp.core.db import Database
from boothapp.core.driver import table_of
from boothapp.core.errors import StorageError, ValidationError
from boothapp.core.leads.reader import details_by_id
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import (
    Attendee,
    Event,
    FollowUpTask,
    MergeConflict,
    StaffMember,
    utc_now,
)
from boothapp.core.privacy.guard import is_erased
from boothapp.core.privacy.people import comparable_email, ids_with_email
from boothapp.core.schemas import LeadDetail
from boothapp.core.validation import normalise_email
from boothapp.core.vocabulary import (
    AUDIT_ACTION_LABELS,
    LEGAL_BASIS_LABELS,
    NO_LEGAL_BASIS_LABEL,
    SOURCE_LABELS,
    follow_up_label,
    rating_label,
)

JSON_SUFFIX = ".json"
HTML_SUFFIX = ".html"

_ATTENDEES = table_of(Attendee)
_EVENTS = table_of(Event)
_CONFLICTS = table_of(MergeConflict)
_TASKS = table_of(FollowUpTask)
_STAFF = table_of(StaffMember)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _lead_record(
    lead: LeadDetail,
    show: Mapping[str, Any],
    conflicts: Sequence[dict[str, Any]],
    tasks: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    basis = lead.legal_basis
    return {
        "id": lead.id,
        "show": show["name"],
        "captured_at": _iso(lead.created_at),
        "captured_by": lead.staff,
        "source": SOURCE_LABELS[lead.source],
        "last_changed_at": _iso(lead.updated_at),
        "deleted_at": _iso(lead.deleted_at),
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
        "rating": rating_label(lead.rating) or None,
        "follow_ups": [follow_up_label(follow_up) for follow_up in lead.follow_ups],
        "legal_basis": LEGAL_BASIS_LABELS[basis] if basis is not None else NO_LEGAL_BASIS_LABEL,
        "do_not_contact": lead.do_not_contact,
        "consent": {
            "given": lead.consent_given,
            "text_version": lead.consent_version,
            "given_at": _iso(lead.consent_at),
            "recorded_by": lead.consent_staff,
            "show_consent_text": show["consent_text"] or None,
            "show_consent_text_version": show["consent_version"] or None,
        },
        "badge": {"id": lead.badge_id, "format": lead.badge_format, "as_scanned": lead.badge_raw},
        "products_shown": [
            {"sku": item.sku, "name": item.name, "quantity": item.quantity, "remark": item.remark}
            for item in lead.products
        ],
        "answers": [
            {"question": answer.question, "answer": answer.value} for answer in lead.answers
        ],
        "notes": [
            {"at": _iso(note.at), "by": note.staff, "text": note.text} for note in lead.notes
        ],
        "visits": [
            {"at": _iso(visit.at), "by": visit.staff, "how": SOURCE_LABELS[visit.source]}
            for visit in lead.visits
        ],
        "merge_conflicts": list(conflicts),
        "follow_up_tasks": list(tasks),
    }


def _tasks(connection: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The follow-up tasks of the leads ``ids``: what was promised, its status and due
    day, who owns it, when it was done."""
    by_lead: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return by_lead
    owner = _STAFF.alias("owner")
    rows = connection.execute(
        select(
            _TASKS.c.lead_id,
            _TASKS.c.kind,
            _TASKS.c.status,
            _TASKS.c.due_on,
            _TASKS.c.done_at,
            owner.c.name.label("owner"),
        )
        .outerjoin(owner, owner.c.id == _TASKS.c.owner_id)
        .where(_TASKS.c.lead_id.in_(ids))
        .order_by(_TASKS.c.due_on, _TASKS.c.kind)
    )
    for row in rows:
        by_lead.setdefault(row.lead_id, []).append(
            {
                "follow_up": follow_up_label(row.kind),
                "status": str(row.status),
                "due": row.due_on.isoformat(),
                "owner": row.owner,
                "done_at": _iso(row.done_at),
            }
        )
    return by_lead


def _conflicts(connection: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    by_lead: dict[str, list[dict[str, Any]]] = {}
    if not ids:
        return by_lead
    rows = connection.execute(
        select(_CONFLICTS).where(_CONFLICTS.c.lead_id.in_(ids)).order_by(_CONFLICTS.c.at)
    )
    for row in rows:
        by_lead.setdefault(row.lead_id, []).append(
            {
                "field": row.field,
                "kept": row.kept,
                "other": row.other,
                "other_from": row.source,
                "at": _iso(row.at),
            }
        )
    return by_lead


def _attendee_rows(connection: Connection, email: str) -> list[dict[str, Any]]:
    ids = ids_with_email(_ATTENDEES, connection, email)
    if not ids:
        return []
    rows = connection.execute(
        select(_ATTENDEES, _EVENTS.c.name.label("show"))
        .join_from(_ATTENDEES, _EVENTS, _EVENTS.c.id == _ATTENDEES.c.event_id)
        .where(_ATTENDEES.c.id.in_(ids))
        .order_by(_ATTENDEES.c.imported_at, _ATTENDEES.c.id)
    )
    return [
        {
            "show": row.show,
            "badge_id": row.badge_id,
            "first_name": row.first_name,
            "last_name": row.last_name,
            "company": row.company,
            "job_title": row.job_title,
            "email": row.email,
            "phone": row.phone,
            "country": row.country,
            "city": row.city,
            "other_columns": row.extra or {},
            "imported_at": _iso(row.imported_at),
        }
        for row in rows
    ]


def _audit_rows(log: Iterable[AuditRow], ids: Sequence[str]) -> list[dict[str, Any]]:
    return [
        {
            "at": _iso(row.at),
            "action": AUDIT_ACTION_LABELS[row.action],
            "by": row.staff_name or None,
            "leads": row.lead_count,
            "detail": row.detail,
        }
        for row in log
        if any(lead_id in row.detail for lead_id in ids)
    ]


def _subject_address(email: str) -> str:
    address = normalise_email(email)
    if address is None:
        raise ValidationError("email", "give the person's e-mail address")
    return comparable_email(address)


def subject_record(database: Database, email: str, now: datetime | None = None) -> dict[str, Any]:
    """Everything held on the person with ``email`` (any case), as JSON values."""
    address = _subject_address(email)
    with database.read_connection() as connection:
        ids = [str(lead_id) for lead_id in ids_with_email(LEADS, connection, address)]
        leads = details_by_id(connection, ids)
        shows = {
            row.id: row._asdict()
            for row in connection.execute(
                select(
                    _EVENTS.c.id, _EVENTS.c.name, _EVENTS.c.consent_text, _EVENTS.c.consent_version
                )
            )
        }
        conflicts = _conflicts(connection, ids)
        tasks = _tasks(connection, ids)
        ordered = sorted(leads.values(), key=lambda lead: (lead.created_at, lead.id))
        return {
            "subject": {
                "email": address,
                "made_at": _iso(now or utc_now()),
                "made_by": f"{APP_NAME} {__version__}",
                "on_suppression_list": is_erased(connection, address, "", None),
            },
            "leads": [
                _lead_record(
                    lead, shows[lead.event_id], conflicts.get(lead.id, ()), tasks.get(lead.id, ())
                )
                for lead in ordered
            ],
            "attendee_lists": _attendee_rows(connection, address),
            "audit_log": _audit_rows(entries(connection), ids),
        }


# --- files -------------------------------------------------------------------------------


def export_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The JSON file and the HTML page a subject export named ``path`` writes: ``path``
    itself for its own kind (``.json``, or ``.html``/``.htm``) and the same name with the
    other suffix beside it; any other name gets both suffixes added (``zoe`` gives
    ``zoe.json`` and ``zoe.html``)."""
    given = Path(path).expanduser()
    suffix = given.suffix.lower()
    if suffix == JSON_SUFFIX:
        return given, given.with_suffix(HTML_SUFFIX)
    if suffix in (HTML_SUFFIX, ".htm"):
        return given.with_suffix(JSON_SUFFIX), given
    return given.with_name(given.name + JSON_SUFFIX), given.with_name(given.name + HTML_SUFFIX)


@dataclass(frozen=True)
class SubjectExport:
    """The files a subject export wrote, and how many leads they hold."""

    json_path: Path
    html_path: Path
    email: str
    leads: int


def write_subject_export(
    database: Database, email: str, path: str | os.PathLike[str], now: datetime | None = None
) -> SubjectExport:
    """Writes everything held on the person with ``email`` as JSON and as an HTML page
    (see :func:`export_paths`). An existing file is never replaced."""
    json_path, html_path = export_paths(path)
    for target in (json_path, html_path):
        if target.exists():
            raise StorageError(f"{target} already exists: give another name; it was left as it is")
        if not target.parent.is_dir():
            raise StorageError(f"cannot write {target}: the folder {target.parent} does not exist")
    record = subject_record(database, email, now)
    written: list[Path] = []
    try:
        for target, text in (
            (json_path, json.dumps(record, ensure_ascii=False, indent=2) + "\n"),
            (html_path, subject_page(record)),
        ):
            with target.open("x", encoding="utf-8", newline="\n") as handle:
                written.append(target)
                handle.write(text)
    except OSError as exc:
        for target in written:
            target.unlink(missing_ok=True)
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from None
    return SubjectExport(json_path, html_path, record["subject"]["email"], len(record["leads"]))


# --- the page ----------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
       line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: start; vertical-align: top; }
th { background: #eee; width: 14em; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
h2 { border-top: 2px solid #333; padding-top: 0.6em; margin-top: 2em; }
""".strip()

_LABELS = {
    "id": "Lead ID",
    "show": "Show",
    "captured_at": "Captured at (UTC)",
    "captured_by": "Captured by",
    "source": "How it was captured",
    "last_changed_at": "Last changed at (UTC)",
    "deleted_at": "Deleted at (UTC)",
    "first_name": "First name",
    "last_name": "Last name",
    "company": "Company",
    "job_title": "Job title",
    "email": "E-mail",
    "phone": "Phone",
    "mobile": "Mobile",
    "website": "Website",
    "street": "Street",
    "postal_code": "Postal code",
    "city": "City",
    "region": "Region",
    "country": "Country",
    "rating": "Rating",
    "follow_ups": "Follow-up",
    "legal_basis": "Legal basis for contacting you",
    "do_not_contact": "Do not contact",
}


def _cell(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return html.escape("; ".join(str(item) for item in value))
    if isinstance(value, dict):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))


def _table(rows: Iterable[tuple[str, Any]]) -> str:
    body = "".join(
        f"<tr><th scope='row'>{html.escape(label)}</th><td dir='auto'>{_cell(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table>{body}</table>"


def _grid(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f"<th scope='col'>{html.escape(header)}</th>" for header in headers)
    body = "".join(
        "<tr>" + "".join(f"<td dir='auto'>{_cell(value)}</td>" for value in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_Columns = tuple[tuple[str, str], ...]
"""A listing's columns: (header, key of the record's items)."""

_LEAD_PARTS: tuple[tuple[str, str, _Columns], ...] = (
    (
        "Products shown",
        "products_shown",
        (("SKU", "sku"), ("Name", "name"), ("Quantity", "quantity"), ("Remark", "remark")),
    ),
    ("Answers", "answers", (("Question", "question"), ("Answer", "answer"))),
    ("Notes", "notes", (("At (UTC)", "at"), ("By", "by"), ("Note", "text"))),
    ("Visits", "visits", (("At (UTC)", "at"), ("By", "by"), ("How", "how"))),
    (
        "Follow-ups promised",
        "follow_up_tasks",
        (
            ("Follow-up", "follow_up"),
            ("Status", "status"),
            ("Due", "due"),
            ("Owner", "owner"),
            ("Done at (UTC)", "done_at"),
        ),
    ),
    (
        "Values another laptop held",
        "merge_conflicts",
        (
            ("Field", "field"),
            ("Kept", "kept"),
            ("Other value", "other"),
            ("From", "other_from"),
            ("At (UTC)", "at"),
        ),
    ),
)
_ATTENDEE_COLUMNS: _Columns = (
    ("Show", "show"),
    ("Badge ID", "badge_id"),
    ("First name", "first_name"),
    ("Last name", "last_name"),
    ("Company", "company"),
    ("Job title", "job_title"),
    ("E-mail", "email"),
    ("Phone", "phone"),
    ("Country", "country"),
    ("City", "city"),
    ("Other columns", "other_columns"),
    ("Imported at (UTC)", "imported_at"),
)
_AUDIT_COLUMNS: _Columns = (
    ("At (UTC)", "at"),
    ("What", "action"),
    ("By", "by"),
    ("Leads", "leads"),
    ("Detail", "detail"),
)


def _listing(items: Sequence[Mapping[str, Any]], columns: _Columns) -> str:
    if not items:
        return "<p>None.</p>"
    headers = [header for header, _key in columns]
    return _grid(headers, ([item[key] for _header, key in columns] for item in items))


def _lead_section(number: int, lead: Mapping[str, Any]) -> str:
    consent = lead["consent"]
    badge = lead["badge"]
    parts = [
        f"<h2>Lead {number}: {html.escape(lead['show'])}</h2>",
        _table((label, lead[key]) for key, label in _LABELS.items()),
        "<h3>Consent</h3>",
        _table(
            (
                ("Consent given", consent["given"]),
                ("Version of the text agreed to", consent["text_version"]),
                ("Given at (UTC)", consent["given_at"]),
                ("Recorded by", consent["recorded_by"]),
                ("The show's consent text", consent["show_consent_text"]),
                ("Its version", consent["show_consent_text_version"]),
            )
        ),
        "<h3>Badge</h3>",
        _table(
            (
                ("Badge ID", badge["id"]),
                ("Badge format", badge["format"]),
                ("As scanned", badge["as_scanned"]),
            )
        ),
    ]
    for title, key, columns in _LEAD_PARTS:
        parts += [f"<h3>{html.escape(title)}</h3>", _listing(lead[key], columns)]
    return "\n".join(parts)


def subject_page(record: Mapping[str, Any]) -> str:
    """``record`` (from :func:`subject_record`) as a standalone HTML page."""
    subject = record["subject"]
    email = html.escape(subject["email"])
    leads = record["leads"]
    parts = [
        "<!DOCTYPE html>",
        "<html lang='en'><head><meta charset='utf-8'>",
        f"<title>Personal data held on {email}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Personal data held on {email}</h1>",
        f"<p>Made at {html.escape(subject['made_at'])} (UTC) by {html.escape(subject['made_by'])}. "
        f"Leads: {len(leads)}. This address is "
        f"{'on' if subject['on_suppression_list'] else 'not on'} the list of people who asked "
        "to be erased.</p>",
    ]
    if not leads:
        parts.append("<p>No lead holds this address.</p>")
    parts += [_lead_section(number, lead) for number, lead in enumerate(leads, start=1)]
    parts += [
        "<h2>Attendee lists</h2>",
        _listing(record["attendee_lists"], _ATTENDEE_COLUMNS),
        "<h2>Audit log entries about these leads</h2>",
        _listing(record["audit_log"], _AUDIT_COLUMNS),
    ]
    parts.append("</body></html>\n")
    return "\n".join(parts)

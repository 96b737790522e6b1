"""vCard 3.0 (RFC 2426) export: one card per lead, for address books and phones.

Text values are escaped (``\\\\``, ``\\,``, ``\\;``, ``\\n``); lines longer than 75
octets are folded (CRLF and a space) without splitting a UTF-8 sequence; every line
ends in CRLF. The stream must be opened with ``encoding="utf-8"`` and ``newline=""``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC
from typing import TextIO

from boothapp import APP_NAME, __version__
from boothapp.core.exporting.columns import ShowContext
from boothapp.core.exporting.presets import crm_description
from boothapp.core.exporting.report import ExportReport
from boothapp.core.exporting.text import clean
from boothapp.core.schemas import LeadDetail
from boothapp.core.validation import country_name

FOLD_OCTETS = 75
CRLF = "\r\n"
_BACKSLASH = 0x5C


def escape(value: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str, limit: int = FOLD_OCTETS) -> str:
    """``line`` folded into physical lines of at most ``limit`` octets.

    A continuation line starts with a space, which counts in its octets. Cuts never
    fall inside a UTF-8 sequence nor inside an escape such as ``\\n`` (for parsers
    that unescape before unfolding).
    """
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    pieces: list[str] = []
    start = 0
    room = limit
    while start < len(data):
        end = min(start + room, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        if end < len(data):
            backslashes = 0
            while end - backslashes > start and data[end - backslashes - 1] == _BACKSLASH:
                backslashes += 1
            if backslashes % 2 == 1:
                end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start = end
        room = limit - 1
    return (CRLF + " ").join(pieces)


class _Card:
    def __init__(self, lead: LeadDetail, report: ExportReport) -> None:
        self._lead = lead
        self._report = report
        self.lines: list[str] = []

    def text(self, value: str | None, field: str) -> str:
        if not value:
            return ""
        cleaned = clean(value)
        if cleaned.changed:
            lead = self._lead
            self._report.warn(lead.id, lead.display_name, field, cleaned.describe())
        return escape(cleaned.text)

    def add(self, name: str, value: str) -> None:
        self.lines.append(fold(f"{name}:{value}"))


def vcard(lead: LeadDetail, show: ShowContext, report: ExportReport) -> str:
    """The vCard of one lead, CRLF line ends included."""
    card = _Card(lead, report)
    card.lines += ["BEGIN:VCARD", "VERSION:3.0"]
    card.add("PRODID", f"-//{APP_NAME}//{APP_NAME} {__version__}//EN")
    card.add("UID", f"urn:uuid:{lead.id}")
    last = card.text(lead.last_name, "Last name")
    first = card.text(lead.first_name, "First name")
    card.add("N", f"{last};{first};;;")
    card.add("FN", card.text(lead.display_name, "Name"))
    if lead.company:
        card.add("ORG", card.text(lead.company, "Company"))
    if lead.job_title:
        card.add("TITLE", card.text(lead.job_title, "Job title"))
    if lead.email:
        card.add("EMAIL;TYPE=INTERNET,WORK", card.text(lead.email, "E-mail"))
    if lead.phone:
        card.add("TEL;TYPE=WORK,VOICE", card.text(lead.phone, "Phone"))
    if lead.mobile:
        card.add("TEL;TYPE=CELL", card.text(lead.mobile, "Mobile"))
    address = [
        card.text(lead.street, "Street"),
        card.text(lead.city, "City"),
        card.text(lead.region, "Region"),
        card.text(lead.postal_code, "Postal code"),
        card.text(country_name(lead.country), "Country"),
    ]
    if any(address):
        card.add("ADR;TYPE=WORK", ";;" + ";".join(address))
    if lead.website:
        card.add("URL", card.text(lead.website, "Website"))
    card.add("CATEGORIES", card.text(lead.event or show.event.name, "Show"))
    card.add("NOTE", card.text(crm_description(show, lead), "Notes"))
    card.add("REV", lead.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    card.lines.append("END:VCARD")
    return CRLF.join(card.lines) + CRLF


def write_vcards(
    stream: TextIO,
    leads: Iterable[LeadDetail],
    show: ShowContext,
    report: ExportReport,
    tick: Callable[[], None],
) -> int:
    """Writes one card per lead; returns how many were written."""
    count = 0
    for lead in leads:
        stream.write(vcard(lead, show, report))
        count += 1
        tick()
    return count

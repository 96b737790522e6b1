"""Contacts as QR codes: a staff member's business card, a lead for a salesperson's
phone, and a page with one code on it.

The vCards are vCard 3.0 as :mod:`boothapp.core.exporting.vcard` writes them (the same
escaping and folding; a lead's is that module's card), which phone cameras offer to add
to the address book.
"""

from __future__ import annotations

from typing import Final

from boothapp import APP_NAME
from boothapp.core.badges.symbologies import Symbology
from boothapp.core.errors import ValidationError
from boothapp.core.exporting.columns import ShowContext
from boothapp.core.exporting.report import ExportReport
from boothapp.core.exporting.text import clean
from boothapp.core.exporting.vcard import CRLF, escape, fold, vcard
from boothapp.core.printing.document import Document, Paper, Printed
from boothapp.core.printing.fonts import FontSet
from boothapp.core.printing.symbols import Symbol, make_symbol
from boothapp.core.schemas import EventRow, LeadDetail, StaffRow, family_name_first
from boothapp.core.validation import format_phone

CARD_WIDTH: Final = 85.0
CARD_HEIGHT: Final = 55.0
CARD_GAP: Final = 4.0
CARD_QR: Final = 28.0

LEAD_CARD_BYTES: Final = 600
"""A lead's vCard longer than this leaves out its notes but their first line: a QR code
of a few hundred bytes is read by any phone at arm's length."""
MAX_QR_BYTES: Final = 2000
_LEFT_OUT: Final = frozenset({"PRODID", "REV"})


def _value(text: str | None) -> str:
    return escape(clean(text).text) if text else ""


def _name_parts(name: str) -> tuple[str, str]:
    """(family, given) of a full name: the first word of a Chinese, Japanese or Korean
    name, else the last word."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    if family_name_first(name, ""):
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


def staff_vcard(member: StaffRow, company: str | None = None) -> str:
    """A staff member's vCard: name, company (the exhibitor, when given), e-mail, phone."""
    family, given = _name_parts(member.name)
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    lines.append(fold(f"N:{_value(family)};{_value(given)};;;"))
    lines.append(fold(f"FN:{_value(member.name)}"))
    if company:
        lines.append(fold(f"ORG:{_value(company)}"))
    if member.email:
        lines.append(fold(f"EMAIL;TYPE=INTERNET,WORK:{_value(member.email)}"))
    if member.phone:
        lines.append(fold(f"TEL;TYPE=WORK,VOICE:{_value(member.phone)}"))
    lines.append("END:VCARD")
    return CRLF.join(lines) + CRLF


def lead_vcard(lead: LeadDetail, show: EventRow) -> str:
    """A lead's vCard as the vCard export writes it, for a QR code: without the
    producer and revision lines, and with only the first line of its notes ("Met at ...
    by ...") when the whole would pass :data:`LEAD_CARD_BYTES`. Raises
    ``ValidationError("lead", ...)`` when even that is too long for a QR code."""
    card = vcard(lead, ShowContext(event=show), ExportReport())
    properties = [line for line in card.replace(CRLF + " ", "").split(CRLF) if line]
    kept = [line for line in properties if line.split(":", 1)[0].split(";")[0] not in _LEFT_OUT]
    text = _joined(kept)
    if len(text.encode("utf-8")) > LEAD_CARD_BYTES:
        shorter = []
        for line in kept:
            if line.startswith("NOTE:"):
                line = line.split("\\n", 1)[0]
            shorter.append(line)
        text = _joined(shorter)
    if len(text.encode("utf-8")) > MAX_QR_BYTES:
        raise ValidationError(
            "lead",
            f"the contact of {lead.display_name} is too long for a QR code "
            f"({len(text.encode('utf-8')):,} bytes): export it as a vCard file instead",
        )
    return text


def _joined(properties: list[str]) -> str:
    return CRLF.join(fold(line) for line in properties) + CRLF


def business_cards(
    member: StaffRow,
    company: str | None = None,
    show: EventRow | None = None,
    *,
    paper: Paper = Paper.A4,
    fonts: FontSet | None = None,
) -> Printed:
    """A page of business cards (85 x 55 mm, two across) of ``member``, each with the QR
    code of their vCard, to cut out."""
    document = Document(
        f"Business cards · {member.name}",
        paper,
        subtitle="Cut along the grey lines. A phone's camera adds the contact from the code.",
        footer=f"{APP_NAME} business cards",
        fonts=fonts,
    )
    document.new_page()
    symbol = make_symbol(staff_vcard(member, company))
    columns = 2
    rows = int((document.bottom - document.y + CARD_GAP) // (CARD_HEIGHT + CARD_GAP))
    across = columns * CARD_WIDTH + (columns - 1) * CARD_GAP
    left = (document.width - across) / 2
    heading = [(member.name, 11.0, True), (company or "", 8.5, False)]
    contact = [member.email or "", format_phone(member.phone)]
    stand = ""
    if show is not None:
        stand = f"{show.name}, stand {show.booth}" if show.booth else show.name
    for row in range(rows):
        for column in range(columns):
            x = left + column * (CARD_WIDTH + CARD_GAP)
            y = document.y + row * (CARD_HEIGHT + CARD_GAP)
            _card(document, x, y, symbol, heading, contact, stand)
    return document.finish()


def _card(
    document: Document,
    x: float,
    y: float,
    symbol: Symbol,
    heading: list[tuple[str, float, bool]],
    contact: list[str],
    stand: str,
) -> None:
    """One card: name and company across the top, the contact lines left of the QR code
    in the bottom right corner, the show at the bottom."""
    document.pdf.set_draw_color(170)
    document.pdf.set_line_width(0.15)
    document.pdf.rect(x, y, CARD_WIDTH, CARD_HEIGHT)
    qr_top = y + CARD_HEIGHT - CARD_QR - 3
    document.symbol(symbol, x + CARD_WIDTH - CARD_QR - 3, qr_top, CARD_QR)
    text_y = y + 5
    for text, size, bold in heading:
        if text:
            text_y += document.text(text, x + 5, text_y, CARD_WIDTH - 10, size, bold=bold)
    text_y = max(text_y + 2, qr_top + 3)
    width = CARD_WIDTH - CARD_QR - 10
    for text in contact:
        if text:
            size = document.fitting_size(text, width, 7.5, 6.0)
            text_y += document.text(text, x + 5, text_y, width, size, max_lines=2) + 0.8
    if stand:
        document.text(stand, x + 5, y + CARD_HEIGHT - 7, width, 6.5, max_lines=1)


def code_page(
    text: str,
    title: str,
    caption: str = "",
    *,
    symbology: Symbology = Symbology.QR,
    paper: Paper = Paper.A4,
    fonts: FontSet | None = None,
) -> Printed:
    """A page with one large code of ``text`` under ``title``, ``caption`` below it."""
    document = Document(title, paper, footer=APP_NAME, fonts=fonts)
    document.new_page()
    symbol = make_symbol(text, symbology)
    width = document.right - document.left
    size = min(90.0, width)
    x = (document.width - size) / 2
    y = document.y + 6
    _drawn_width, drawn_height = document.symbol(
        symbol, x, y, size, size / 3 if symbol.linear else None
    )
    y += drawn_height + 6
    for line in caption.split("\n"):
        y += document.text(line, document.left, y, width, 10, align="C", max_lines=3)
    return document.finish()


def lead_page(
    lead: LeadDetail, show: EventRow, *, paper: Paper = Paper.A4, fonts: FontSet | None = None
) -> Printed:
    """A page with the QR code of a lead's vCard, to pass the contact to a phone."""
    details = [
        lead.display_name,
        " · ".join(part for part in (lead.job_title, lead.company) if part),
        lead.email or "",
        format_phone(lead.phone) or format_phone(lead.mobile),
        "Point a phone's camera at the code to add the contact.",
    ]
    return code_page(
        lead_vcard(lead, show),
        f"Contact · {lead.display_name}",
        "\n".join(line for line in details if line),
        paper=paper,
        fonts=fonts,
    )

"""The column registry: every column an export can hold, by a stable key.

A column turns a ``LeadDetail`` into one cell value. Presets (see ``presets``) are lists
of these keys, so they survive renames of headers. Keys:

========================  ==========================================================
``captured_at``           when the lead was captured, in the show's local time
``updated_at``            when the lead was last changed, in the show's local time
``show``                  the show's name
``staff``                 who captured the lead
``first_name``            first name
``last_name``             last name
``company``               company
``job_title``             job title
``email``                 e-mail address
``phone``                 phone number, E.164 (``+33142685300``) when it parsed
``mobile``                mobile number, E.164 when it parsed
``website``               web address
``street``                street address
``postal_code``           postal code
``city``                  city
``region``                state, province or region
``country``               country name (English)
``country_code``          ISO 3166 alpha-2 country code
``rating``                Hot, Warm or Cold
``products``              the products shown, in one cell
``products_each``         one column per product on the show's stand (a group)
``product:<SKU>``         "✓" or the quantity, for one product
``follow_ups``            the follow-up actions
``questions_each``        one column per qualifier question of the show (a group)
``question:<id>``         the answer to one qualifier question
``consent``               yes or no
``consent_version``       the version of the consent text agreed to
``consent_at``            when consent was given, in the show's local time
``consent_staff``         who recorded the consent
``legal_basis``           the legal basis for contacting the lead: Consent, Legitimate
                          interest (business contact, informed), or Not recorded
``do_not_contact``        yes when the visitor asked not to be contacted, else no
``notes``                 every note, with its time and author, in one cell
``visits``                how many times the lead was seen at the booth
``badge_id``              the badge ID
``source``                how the lead was captured (typed in, badge scan, ...)
``lead_id``               boothapp's id of the lead
========================  ==========================================================
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from boothapp.core.errors import ValidationError
from boothapp.core.leads.reader import ALL_PARTS, NO_PARTS, LeadPart
from boothapp.core.schemas import (
    EventRow,
    LeadDetail,
    NoteRow,
    ProductRow,
    ProductShown,
    QuestionRow,
)
from boothapp.core.validation import country_name
from boothapp.core.vocabulary import (
    LEGAL_BASIS_LABELS,
    NO_LEGAL_BASIS_LABEL,
    SOURCE_LABELS,
    follow_up_label,
    rating_label,
)
from boothapp.core.vocabulary import RATING_LABELS as RATING_LABELS

CellValue = str | int | float | datetime | None

CHECK_MARK = "✓"
LIST_SEPARATOR = "; "


class ColumnKind(enum.Enum):
    """How a column's cells look in a workbook."""

    TEXT = "text"
    DATETIME = "datetime"
    NUMBER = "number"
    RATING = "rating"
    NOTES = "notes"
    MARK = "mark"


@dataclass(frozen=True)
class Column:
    """One column of an export. ``max_length`` is a limit set by the receiving system
    (a CRM field), applied in every format; Excel's own cell limit is the writer's job.
    ``needs`` names the parts of a lead ``value`` reads beyond the lead's own fields."""

    key: str
    header: str
    value: Callable[[LeadDetail], CellValue]
    kind: ColumnKind = ColumnKind.TEXT
    width: float = 16.0
    max_length: int | None = None
    needs: LeadPart = ALL_PARTS


def parts_needed(columns: Iterable[Column]) -> LeadPart:
    """The parts of a lead that ``columns`` read."""
    needed = NO_PARTS
    for column in columns:
        needed |= column.needs
    return needed


@dataclass(frozen=True)
class ShowContext:
    """The show an export covers: its time zone, its stand and its questions."""

    event: EventRow
    products: tuple[ProductRow, ...] = ()
    questions: tuple[QuestionRow, ...] = ()

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.event.timezone)

    def local(self, moment: datetime) -> datetime:
        """``moment`` as a naive local time of the show, to the second (for cells)."""
        there = moment.astimezone(self.zone)
        return datetime(there.year, there.month, there.day, there.hour, there.minute, there.second)

    def stamp(self, moment: datetime) -> str:
        """``moment`` as ``YYYY-MM-DD HH:MM``, the show's local time."""
        return self.local(moment).isoformat(" ", "minutes")


# The person, as the Leads sheet lists them first.
PERSON_KEYS = (
    "first_name",
    "last_name",
    "company",
    "job_title",
    "email",
    "phone",
    "mobile",
)

STATIC_KEYS = (
    "captured_at",
    "updated_at",
    "show",
    "staff",
    *PERSON_KEYS,
    "website",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "country_code",
    "rating",
    "products",
    "follow_ups",
    "consent",
    "consent_version",
    "consent_at",
    "consent_staff",
    "legal_basis",
    "do_not_contact",
    "notes",
    "visits",
    "badge_id",
    "source",
    "lead_id",
)
GROUP_KEYS = ("products_each", "questions_each")
PRODUCT_PREFIX = "product:"
QUESTION_PREFIX = "question:"

LEADS_SHEET_LAYOUT = (
    "captured_at",
    "staff",
    *PERSON_KEYS,
    "country",
    "country_code",
    "city",
    "rating",
    "products",
    "products_each",
    "follow_ups",
    "questions_each",
    "consent",
    "consent_version",
    "consent_at",
    "legal_basis",
    "do_not_contact",
    "notes",
    "visits",
    "badge_id",
    "source",
    "lead_id",
)


def is_known_key(key: str) -> bool:
    """True for a key a preset may hold (``product:`` and ``question:`` keys are
    checked against the show only when exporting)."""
    if key in STATIC_KEYS or key in GROUP_KEYS:
        return True
    if key.startswith(PRODUCT_PREFIX):
        return bool(key[len(PRODUCT_PREFIX) :].strip())
    if key.startswith(QUESTION_PREFIX):
        return key[len(QUESTION_PREFIX) :].isdigit()
    return False


# --- value formatting shared with presets and writers ---------------------------------


def product_label(item: ProductShown) -> str:
    label = f"{item.name} ({item.sku})" if item.name else item.sku
    if item.quantity is not None:
        label += f" ×{item.quantity}"
    if item.remark:
        label += f": {item.remark}"
    return label


def products_text(lead: LeadDetail) -> str:
    return LIST_SEPARATOR.join(product_label(item) for item in lead.products)


def follow_ups_text(lead: LeadDetail) -> str:
    return LIST_SEPARATOR.join(follow_up_label(f) for f in lead.follow_ups)


def legal_basis_text(lead: LeadDetail) -> str:
    """The label of the lead's legal basis for contact ("Not recorded" for none)."""
    basis = lead.legal_basis
    return LEGAL_BASIS_LABELS[basis] if basis is not None else NO_LEGAL_BASIS_LABEL


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def answer_value(value: Any) -> str | int | float | None:
    """An answer as a cell: a number stays a number, several choices are joined."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def note_heading(show: ShowContext, note: NoteRow) -> str:
    return f"{show.stamp(note.at)} · {note.staff}" if note.staff else show.stamp(note.at)


def notes_text(show: ShowContext, notes: Iterable[NoteRow]) -> str:
    """Every note with its time and author, oldest first, separated by a blank line."""
    return "\n\n".join(f"{note_heading(show, note)}\n{note.text}" for note in notes)


class _PerLead:
    """A lookup worked out once per lead and shared by several columns (the product
    or answer cells of one lead), kept for the lead last asked about."""

    __slots__ = ("_compute", "lead", "cells")

    def __init__(self, compute: Callable[[LeadDetail], dict[Any, CellValue]]) -> None:
        self._compute = compute
        self.lead: LeadDetail | None = None
        self.cells: dict[Any, CellValue] = {}

    def update(self, lead: LeadDetail) -> None:
        self.cells = self._compute(lead)
        self.lead = lead


def _product_marks(lead: LeadDetail) -> dict[Any, CellValue]:
    """Each shown product's cell by SKU: its quantity, or a check mark (the first
    line of a SKU shown twice wins)."""
    marks: dict[Any, CellValue] = {}
    for item in lead.products:
        if item.sku not in marks:
            marks[item.sku] = item.quantity if item.quantity is not None else CHECK_MARK
    return marks


def _answer_cells(lead: LeadDetail) -> dict[Any, CellValue]:
    cells: dict[Any, CellValue] = {}
    for answer in lead.answers:
        if answer.question_id not in cells:
            cells[answer.question_id] = answer_value(answer.value)
    return cells


def _product_cell(sku: str, marks: _PerLead | None = None) -> Callable[[LeadDetail], CellValue]:
    shared = marks or _PerLead(_product_marks)

    def value(lead: LeadDetail) -> CellValue:
        if shared.lead is not lead:
            shared.update(lead)
        return shared.cells.get(sku)

    return value


def _answer_cell(question_id: int, answers: _PerLead) -> Callable[[LeadDetail], CellValue]:
    def value(lead: LeadDetail) -> CellValue:
        if answers.lead is not lead:
            answers.update(lead)
        return answers.cells.get(question_id)

    return value


def _static_columns(show: ShowContext) -> dict[str, Column]:
    local = show.local
    text = ColumnKind.TEXT
    columns = (
        Column(
            "captured_at", "Captured at", lambda d: local(d.created_at), ColumnKind.DATETIME, 17
        ),
        Column(
            "updated_at", "Last changed", lambda d: local(d.updated_at), ColumnKind.DATETIME, 17
        ),
        Column("show", "Show", lambda d: d.event, text, 24),
        Column("staff", "Staff", lambda d: d.staff, text, 18),
        Column("first_name", "First name", lambda d: d.first_name, text, 14),
        Column("last_name", "Last name", lambda d: d.last_name, text, 16),
        Column("company", "Company", lambda d: d.company, text, 26),
        Column("job_title", "Job title", lambda d: d.job_title, text, 22),
        Column("email", "E-mail", lambda d: d.email, text, 30),
        Column("phone", "Phone", lambda d: d.phone, text, 16),
        Column("mobile", "Mobile", lambda d: d.mobile, text, 16),
        Column("website", "Website", lambda d: d.website, text, 26),
        Column("street", "Street", lambda d: d.street, text, 26),
        Column("postal_code", "Postal code", lambda d: d.postal_code, text, 10),
        Column("city", "City", lambda d: d.city, text, 16),
        Column("region", "Region", lambda d: d.region, text, 16),
        Column("country", "Country", lambda d: country_name(d.country), text, 18),
        Column("country_code", "Country code", lambda d: d.country, text, 9),
        Column("rating", "Rating", lambda d: rating_label(d.rating), ColumnKind.RATING, 9),
        Column("products", "Products shown", products_text, text, 40),
        Column("follow_ups", "Follow-up", follow_ups_text, text, 24),
        Column("consent", "Consent", lambda d: yes_no(d.consent_given), text, 9),
        Column("consent_version", "Consent text version", lambda d: d.consent_version, text, 12),
        Column(
            "consent_at",
            "Consent given at",
            lambda d: local(d.consent_at) if d.consent_at is not None else None,
            ColumnKind.DATETIME,
            17,
        ),
        Column("consent_staff", "Consent taken by", lambda d: d.consent_staff, text, 18),
        Column("legal_basis", "Legal basis", legal_basis_text, text, 22),
        Column("do_not_contact", "Do not contact", lambda d: yes_no(d.do_not_contact), text, 9),
        Column("notes", "Notes", lambda d: notes_text(show, d.notes), ColumnKind.NOTES, 60),
        Column("visits", "Visits", lambda d: len(d.visits), ColumnKind.NUMBER, 8),
        Column("badge_id", "Badge ID", lambda d: d.badge_id, text, 16),
        Column("source", "Source", lambda d: SOURCE_LABELS[d.source], text, 13),
        Column("lead_id", "Lead ID", lambda d: d.id, text, 38),
    )
    needs = {
        "products": LeadPart.PRODUCTS,
        "notes": LeadPart.NOTES,
        "visits": LeadPart.VISITS,
    }
    return {
        column.key: replace(column, needs=needs.get(column.key, NO_PARTS)) for column in columns
    }


def _product_columns(show: ShowContext) -> list[Column]:
    names = [product.name for product in show.products]
    marks = _PerLead(_product_marks)
    return [
        Column(
            f"{PRODUCT_PREFIX}{product.sku}",
            product.name if names.count(product.name) == 1 else f"{product.name} ({product.sku})",
            _product_cell(product.sku, marks),
            ColumnKind.MARK,
            11,
            needs=LeadPart.PRODUCTS,
        )
        for product in show.products
    ]


def _question_columns(show: ShowContext) -> list[Column]:
    answers = _PerLead(_answer_cells)
    return [
        Column(
            f"{QUESTION_PREFIX}{question.id}",
            question.text,
            _answer_cell(question.id, answers),
            ColumnKind.TEXT,
            22,
            needs=LeadPart.ANSWERS,
        )
        for question in show.questions
    ]


def resolve_columns(show: ShowContext, keys: Sequence[str]) -> list[Column]:
    """The columns named by ``keys``, groups expanded, in order.

    Raises ``ValidationError`` for a key that is not in the registry, or a
    ``question:<id>`` that is not asked at this show.
    """
    static = _static_columns(show)
    products = {column.key: column for column in _product_columns(show)}
    questions = {column.key: column for column in _question_columns(show)}
    resolved: list[Column] = []
    for key in keys:
        if key in static:
            resolved.append(static[key])
        elif key == "products_each":
            resolved.extend(products.values())
        elif key == "questions_each":
            resolved.extend(questions.values())
        elif key in products or key in questions:
            resolved.append(products.get(key) or questions[key])
        elif key.startswith(PRODUCT_PREFIX) and is_known_key(key):
            sku = key[len(PRODUCT_PREFIX) :].strip()
            resolved.append(
                Column(
                    f"{PRODUCT_PREFIX}{sku}",
                    sku,
                    _product_cell(sku),
                    ColumnKind.MARK,
                    11,
                    needs=LeadPart.PRODUCTS,
                )
            )
        elif key.startswith(QUESTION_PREFIX) and is_known_key(key):
            raise ValidationError(
                "columns",
                f"{key!r}: question {key[len(QUESTION_PREFIX) :]} is not asked at this show",
            )
        else:
            raise ValidationError("columns", f"{key!r} is not an export column")
    return resolved


def leads_sheet_columns(show: ShowContext) -> list[Column]:
    """The full column set of the Leads sheet (and of a CSV export without a preset)."""
    return resolve_columns(show, LEADS_SHEET_LAYOUT)

"""A stored lead and the values that leave core: the column lists and their builders.

``ROW_COLUMNS`` are what a line of the list shows (``LeadRow``), ``DETAIL_COLUMNS``
what a ``LeadDetail`` holds of the ``leads`` table, both in the order of the value
object's fields. Rows are read as the driver's own tuples and converted here as their
SQLAlchemy types would (text timestamps, JSON, enums, booleans); values a service has
just written (Python values) go through the same builder unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from operator import itemgetter
from typing import Any, TypeVar

from sqlalchemy import Column, Connection, select

from boothapp.core.driver import DriverStatement, LenientText, repaired_in, table_of
from boothapp.core.models import (
    STORED_LEGAL_BASES,
    STORED_RATINGS,
    STORED_SOURCES,
    Event,
    Lead,
    Product,
    Question,
    StaffMember,
    stored_utc,
    stored_utc_or_none,
)
from boothapp.core.schemas import (
    AnswerRow,
    LeadDetail,
    LeadInput,
    LeadRow,
    NoteRow,
    ProductShown,
    VisitRow,
)
from boothapp.core.validation import FieldWarning
from boothapp.core.vocabulary import ProductCategory

LEADS = table_of(Lead)

_STORED_AS = {"staff": "staff_id", "consent_staff": "consent_staff_id"}
"""Fields stored as the id of what they name."""


def _columns_of(value_type: type[LeadRow | LeadDetail]) -> tuple[Column[Any], ...]:
    """The lead columns a value object's fields come from, in the order of its fields;
    fields with no column of their own (the show's name, the parts) are left out."""
    keys: list[str] = []
    for field in fields(value_type):
        key = _STORED_AS.get(field.name, field.name)
        if key in LEADS.c and key not in keys:
            keys.append(key)
    return tuple(LEADS.c[key] for key in keys)


ROW_COLUMNS = _columns_of(LeadRow)
"""What a line of the lead list reads."""
DETAIL_COLUMNS = _columns_of(LeadDetail)
"""What a lead in full reads of the ``leads`` table."""
ROW_KEYS = tuple(column.key for column in ROW_COLUMNS)
DETAIL_KEYS = tuple(column.key for column in DETAIL_COLUMNS)
CONTACT_KEYS = DETAIL_KEYS[DETAIL_KEYS.index("first_name") : DETAIL_KEYS.index("country") + 1]
"""The contact fields, from the first name to the country."""

_CATEGORIES: dict[Any, ProductCategory | None] = {c.value: c for c in ProductCategory}
_CATEGORIES[None] = None
_CONVERSIONS: dict[str, Callable[[Any], Any]] = {
    "source": STORED_SOURCES.__getitem__,
    "rating": STORED_RATINGS.__getitem__,
    "consent_given": bool,
    "legal_basis": STORED_LEGAL_BASES.__getitem__,
    "do_not_contact": bool,
    "consent_at": stored_utc_or_none,
    "created_at": stored_utc,
    "updated_at": stored_utc,
    "deleted_at": stored_utc_or_none,
}
"""How a stored value becomes the value object's, by column, as its SQLAlchemy type
would convert it (JSON aside: that depends on the driver)."""
_ROW_CONVERSIONS = [(key, _CONVERSIONS[key]) for key in ROW_KEYS if key in _CONVERSIONS]
_DETAIL_CONVERSIONS = [(key, _CONVERSIONS[key]) for key in DETAIL_KEYS if key in _CONVERSIONS]

_new_object = object.__new__
_set_attribute = object.__setattr__
_Value = TypeVar("_Value", LeadRow, LeadDetail)


def _new_value(value_type: type[_Value], values: dict[str, Any]) -> _Value:
    """``value_type(**values)`` for ``values`` holding every field, without the frozen
    dataclass's ``__init__``: its one ``object.__setattr__`` per field costs more than
    reading the lead. A test keeps the two equal."""
    value = _new_object(value_type)
    _set_attribute(value, "__dict__", values)
    return value


DAMAGED_TEXT = (
    "has bytes that are not UTF-8 (a damaged file, or text written by another program): "
    "read with \ufffd in their place"
)


def damaged_fields(
    decoder: LenientText, row: Sequence[Any], parts: Mapping[str, Sequence[Sequence[Any]]]
) -> list[str]:
    """The fields of a lead (``row`` of ``DETAIL_COLUMNS``, then the rows of its parts by
    name) holding text the decoder had to repair."""
    damaged = repaired_in(decoder, DETAIL_KEYS, row)
    for name, part_rows in parts.items():
        if any(not decoder.repaired.isdisjoint(part) for part in part_rows):
            damaged.append(name)
    return damaged


def lead_rows(
    rows: Iterable[Sequence[Any]], staff_names: Mapping[int | None, str]
) -> list[LeadRow]:
    """List lines from rows of ``ROW_COLUMNS``."""
    staff = staff_names.get
    lines = []
    for row in rows:
        values = dict(zip(ROW_KEYS, row, strict=True))
        for key, convert in _ROW_CONVERSIONS:
            values[key] = convert(values[key])
        values["staff"] = staff(values.pop("staff_id"))
        lines.append(_new_value(LeadRow, values))
    return lines


def json_value(value: Any) -> Any:
    """A JSON column's value from SQLite's driver: text, or a bare number as a number."""
    if isinstance(value, str):
        if value == "[]":
            return []
        if value.startswith('"') and "\\" not in value:
            return value[1:-1]
        return json.loads(value)
    return value


def _decoded(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Names:
    """What a stored lead refers to by id: staff members and shows by name, products
    by SKU, name and category, questions by text and position."""

    staff: Mapping[int | None, str]
    events: Mapping[int, str]
    products: Mapping[int, tuple[str, str, ProductCategory | None]]
    questions: Mapping[int, tuple[str, int]]


_STAFF_NAMES = DriverStatement(select(StaffMember.id, StaffMember.name))
_EVENT_NAMES = DriverStatement(select(Event.id, Event.name))
_CATALOGUE = DriverStatement(select(Product.id, Product.sku, Product.name, Product.category))
_QUESTIONS = DriverStatement(select(Question.id, Question.text, Question.position))


def staff_names(connection: Connection) -> dict[int | None, str]:
    return dict(_STAFF_NAMES.rows(connection, {}))


def products_by_id(connection: Connection) -> dict[int, tuple[str, str, ProductCategory | None]]:
    """The catalogue: each product's SKU, name and category."""
    return {
        product_id: (sku, name, _CATEGORIES[category])
        for product_id, sku, name, category in _CATALOGUE.rows(connection, {})
    }


def stored_names(connection: Connection) -> Names:
    """Every name a stored lead may refer to (a few small tables, read whole)."""
    return Names(
        staff=staff_names(connection),
        events=dict(_EVENT_NAMES.rows(connection, {})),
        products=products_by_id(connection),
        questions={
            question_id: (text, position)
            for question_id, text, position in _QUESTIONS.rows(connection, {})
        },
    )


_BY_TIME_THEN_ID = itemgetter(2, 1)


class DetailBuilder:
    """Builds ``LeadDetail`` values from a row of ``DETAIL_COLUMNS`` and the rows of its
    parts, each part's rows starting with the lead's key (its id or position):

    * products ``(key, product_id, quantity, remark)``,
    * notes ``(key, id, created_at, staff_id, text)``,
    * visits ``(key, id, at, staff_id, source)``,
    * answers ``(key, question_id, value)``.

    Parts come in any order and are put in the order of ``LeadDetail``: products by
    SKU, notes and visits by time, answers by question position."""

    __slots__ = ("_events", "_json", "_products", "_questions", "_staff")

    def __init__(self, names: Names, json_as_text: bool) -> None:
        """``json_as_text``: JSON columns come as SQLite's driver returns them; else
        they are already values (psycopg decodes them, and so are values just written)."""
        self._staff: Callable[[int | None], str | None] = names.staff.get
        self._events = names.events
        self._products = names.products
        self._questions = names.questions
        self._json: Callable[[Any], Any] = json_value if json_as_text else _decoded

    def __call__(
        self,
        row: Sequence[Any],
        products: Sequence[Sequence[Any]] = (),
        notes: Sequence[Sequence[Any]] = (),
        visits: Sequence[Sequence[Any]] = (),
        answers: Sequence[Sequence[Any]] = (),
        warnings: Sequence[FieldWarning] = (),
    ) -> LeadDetail:
        values = dict(zip(DETAIL_KEYS, row, strict=True))
        for key, convert in _DETAIL_CONVERSIONS:
            values[key] = convert(values[key])
        follow_ups = values["follow_ups"]
        values["follow_ups"] = () if follow_ups == "[]" else tuple(self._json(follow_ups) or ())
        staff = self._staff
        values["event"] = self._events.get(values["event_id"], "")
        values["staff"] = staff(values["staff_id"])
        values["consent_staff"] = staff(values.pop("consent_staff_id"))
        values["products"] = self._shown(products) if products else ()
        values["notes"] = self._notes(notes) if notes else ()
        values["visits"] = self._visits(visits) if visits else ()
        values["answers"] = self._answered(answers) if answers else ()
        values["warnings"] = tuple(warnings)
        return _new_value(LeadDetail, values)

    def _notes(self, rows: Sequence[Sequence[Any]]) -> tuple[NoteRow, ...]:
        staff = self._staff
        if len(rows) > 1:
            rows = sorted(rows, key=_BY_TIME_THEN_ID)
        return tuple(
            [
                NoteRow(note_id, stored_utc(at), staff(author), text)
                for _key, note_id, at, author, text in rows
            ]
        )

    def _visits(self, rows: Sequence[Sequence[Any]]) -> tuple[VisitRow, ...]:
        staff = self._staff
        if len(rows) > 1:
            rows = sorted(rows, key=_BY_TIME_THEN_ID)
        return tuple(
            [
                VisitRow(visit_id, stored_utc(at), staff(author), STORED_SOURCES[how])
                for _key, visit_id, at, author, how in rows
            ]
        )

    def _shown(self, rows: Sequence[Sequence[Any]]) -> tuple[ProductShown, ...]:
        catalogue = self._products
        shown = [
            ProductShown(sku, quantity, remark, name, category)
            for _key, product_id, quantity, remark in rows
            for sku, name, category in (catalogue[product_id],)
        ]
        if len(shown) > 1:
            shown.sort(key=_sku)
        return tuple(shown)

    def _answered(self, rows: Sequence[Sequence[Any]]) -> tuple[AnswerRow, ...]:
        questions = self._questions
        decode = self._json
        if len(rows) > 1:
            rows = sorted(rows, key=lambda row: (questions[row[1]][1], row[1]))
        return tuple(
            [
                AnswerRow(question_id, questions[question_id][0], decode(value))
                for _key, question_id, value in rows
            ]
        )


def _sku(product: ProductShown) -> str:
    return product.sku


_KEPT_AS_THEY_ARE = tuple(
    field.name
    for field in fields(LeadInput)
    if field.name in {detail.name for detail in fields(LeadDetail)} and field.name != "answers"
)
"""The fields a ``LeadInput`` takes from a ``LeadDetail`` of the same name and type."""


def lead_input_of(lead: LeadDetail) -> LeadInput:
    """What saving ``lead`` again as it is would take (no note: notes are appended)."""
    return LeadInput(
        **{name: getattr(lead, name) for name in _KEPT_AS_THEY_ARE},
        answers={answer.question_id: answer.value for answer in lead.answers},
        consent=lead.consent_given,
    )

"""What leads refer to, matched between two files: shows by name, staff members by name,
products by SKU, questions by show and text, and who works which show and which
products are on its stand. What the other file has and the target lacks is added, with
the other file's details; what both have is left as the target has it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert, select

from boothapp.core.driver import table_of
from boothapp.core.models import (
    Event,
    EventProduct,
    EventStaff,
    Product,
    Question,
    StaffMember,
)

_EVENTS = table_of(Event)
_STAFF = table_of(StaffMember)
_PRODUCTS = table_of(Product)
_QUESTIONS = table_of(Question)
_ROSTERS = table_of(EventStaff)
_STANDS = table_of(EventProduct)

Row = dict[str, Any]


@dataclass(frozen=True)
class Catalogue:
    """One file's shows, staff, products and questions by what names them (each row's
    columns but its id), and its rosters and stands by names."""

    shows: dict[str, Row]
    staff: dict[str, Row]
    products: dict[str, Row]
    questions: dict[tuple[str, str], Row]
    """By (show name, question text); a row holds ``show`` instead of ``event_id``."""
    rosters: frozenset[tuple[str, str]]
    """(show name, staff member's name)."""
    stands: frozenset[tuple[str, str]]
    """(show name, SKU)."""


@dataclass(frozen=True)
class CatalogueAdditions:
    """What the target lacks of the other file's catalogue."""

    shows: tuple[Row, ...] = ()
    staff: tuple[Row, ...] = ()
    products: tuple[Row, ...] = ()
    questions: tuple[Row, ...] = ()
    rosters: tuple[tuple[str, str], ...] = ()
    stands: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CatalogueIds:
    """The target's ids of what leads refer to by name."""

    events: dict[str, int]
    staff: dict[str, int]
    products: dict[str, int]
    questions: dict[tuple[str, str], int]
    event_names: dict[int, str] = field(default_factory=dict)

    def staff_id(self, name: str | None) -> int | None:
        return self.staff.get(name) if name else None


def _rows(connection: Connection, table: Table) -> list[Row]:
    return [dict(row._mapping) for row in connection.execute(select(table).order_by(table.c.id))]


def _first_by(rows: Iterable[Row], key: str) -> dict[str, Row]:
    """Rows by ``key``, the first (smallest id) of each value."""
    found: dict[str, Row] = {}
    for row in rows:
        found.setdefault(row[key], row)
    return found


def read_catalogue(connection: Connection) -> Catalogue:
    events = _rows(connection, _EVENTS)
    names = {row["id"]: row["name"] for row in events}
    staff = _rows(connection, _STAFF)
    staff_names = {row["id"]: row["name"] for row in staff}
    products = _rows(connection, _PRODUCTS)
    skus = {row["id"]: row["sku"] for row in products}
    questions: dict[tuple[str, str], Row] = {}
    for row in _rows(connection, _QUESTIONS):
        show = names[row.pop("event_id")]
        questions.setdefault((show, row["text"]), {**row, "show": show})
    rosters = frozenset(
        (names[event_id], staff_names[staff_id])
        for event_id, staff_id in connection.execute(
            select(_ROSTERS.c.event_id, _ROSTERS.c.staff_id)
        )
    )
    stands = frozenset(
        (names[event_id], skus[product_id])
        for event_id, product_id in connection.execute(
            select(_STANDS.c.event_id, _STANDS.c.product_id)
        )
    )
    return Catalogue(
        shows=_first_by(events, "name"),
        staff=_first_by(staff, "name"),
        products=_first_by(products, "sku"),
        questions=questions,
        rosters=rosters,
        stands=stands,
    )


def missing(target: Catalogue, other: Catalogue) -> CatalogueAdditions:
    """What ``other`` has that ``target`` lacks, in ``other``'s order."""
    return CatalogueAdditions(
        shows=tuple(row for name, row in other.shows.items() if name not in target.shows),
        staff=tuple(row for name, row in other.staff.items() if name not in target.staff),
        products=tuple(row for sku, row in other.products.items() if sku not in target.products),
        questions=tuple(row for key, row in other.questions.items() if key not in target.questions),
        rosters=tuple(sorted(other.rosters - target.rosters)),
        stands=tuple(sorted(other.stands - target.stands)),
    )


def _without_id(row: Row) -> Row:
    return {key: value for key, value in row.items() if key not in ("id", "show")}


def add_missing(connection: Connection, additions: CatalogueAdditions) -> CatalogueIds:
    """Adds what the target lacks; returns the target's ids of everything, after."""
    for table, rows in (
        (_EVENTS, additions.shows),
        (_STAFF, additions.staff),
        (_PRODUCTS, additions.products),
    ):
        if rows:
            connection.execute(insert(table), [_without_id(row) for row in rows])
    ids = catalogue_ids(connection)
    if additions.questions:
        connection.execute(
            insert(_QUESTIONS),
            [
                {**_without_id(row), "event_id": ids.events[row["show"]]}
                for row in additions.questions
            ],
        )
        ids = catalogue_ids(connection)
    if additions.rosters:
        connection.execute(
            insert(_ROSTERS),
            [
                {"event_id": ids.events[show], "staff_id": ids.staff[name]}
                for show, name in additions.rosters
            ],
        )
    if additions.stands:
        connection.execute(
            insert(_STANDS),
            [
                {"event_id": ids.events[show], "product_id": ids.products[sku]}
                for show, sku in additions.stands
            ],
        )
    return ids


def catalogue_ids(connection: Connection) -> CatalogueIds:
    events = {
        event_id: name
        for event_id, name in connection.execute(select(_EVENTS.c.id, _EVENTS.c.name))
    }
    staff: dict[str, int] = {}
    for staff_id, name in connection.execute(
        select(_STAFF.c.id, _STAFF.c.name).order_by(_STAFF.c.id)
    ):
        staff.setdefault(name, staff_id)
    questions: dict[tuple[str, str], int] = {}
    for question_id, event_id, text in connection.execute(
        select(_QUESTIONS.c.id, _QUESTIONS.c.event_id, _QUESTIONS.c.text).order_by(_QUESTIONS.c.id)
    ):
        questions.setdefault((events[event_id], text), question_id)
    return CatalogueIds(
        events={name: event_id for event_id, name in events.items()},
        staff=staff,
        products={
            sku: product_id
            for product_id, sku in connection.execute(select(_PRODUCTS.c.id, _PRODUCTS.c.sku))
        },
        questions=questions,
        event_names=events,
    )

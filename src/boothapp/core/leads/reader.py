"""Leads in full (``LeadDetail``): a few by id, or every lead of an export, streamed.

Both run one plain query per table (only for the parts of a lead asked for), read the
driver's rows directly and build the values with ``rows.DetailBuilder``: ORM objects
with six eager loads per batch cost more than writing the workbook of 100,000 leads.

An export numbers its selected leads in a temporary table, then reads every table
ordered by that number inside one read transaction (one consistent snapshot, which
never blocks a save) and merges them lead by lead: no query per batch, and memory
stays flat.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Generator, Iterator, Sequence
from dataclasses import fields, replace
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy import Column as SqlColumn
from sqlalchemy.orm import Session

from boothapp.core.driver import (
    STREAM_CHUNK,
    LenientText,
    driver_rows,
    driver_stream,
    lenient_decoder,
    table_of,
)
from boothapp.core.leads.query import Selection, lead_conditions
from boothapp.core.leads.rows import (
    DAMAGED_TEXT,
    DETAIL_COLUMNS,
    LEADS,
    DetailBuilder,
    damaged_fields,
    stored_names,
)
from boothapp.core.models import Answer, LeadProduct, Note, Visit
from boothapp.core.schemas import LeadDetail, LeadFilter
from boothapp.core.validation import FieldWarning

CHUNK_SIZE = STREAM_CHUNK

SUPPORTED_FILTER_FIELDS = frozenset(
    {
        "event_id",
        "staff_id",
        "rating",
        "unrated",
        "product_sku",
        "created_from",
        "created_to",
        "search",
        "deleted",
    }
)

_LEAD_ORDER = (LEADS.c.created_at, LEADS.c.id)


def unsupported_filter_fields(lead_filter: LeadFilter) -> list[str]:
    """Fields of ``lead_filter`` set to something the selection does not apply."""
    default = LeadFilter()
    return [
        f.name
        for f in fields(LeadFilter)
        if f.name not in SUPPORTED_FILTER_FIELDS
        and getattr(lead_filter, f.name) != getattr(default, f.name)
    ]


class LeadPart(enum.Flag):
    """The parts of a lead stored in tables of their own. A reader told to skip one
    leaves it empty in every ``LeadDetail``, which saves a query."""

    PRODUCTS = enum.auto()
    NOTES = enum.auto()
    VISITS = enum.auto()
    ANSWERS = enum.auto()


NO_PARTS = LeadPart(0)
ALL_PARTS = LeadPart.PRODUCTS | LeadPart.NOTES | LeadPart.VISITS | LeadPart.ANSWERS

_PRODUCTS = table_of(LeadProduct).c
_NOTES = table_of(Note).c
_VISITS = table_of(Visit).c
_ANSWERS = table_of(Answer).c
_PART_COLUMNS: dict[LeadPart, tuple[SqlColumn[Any], tuple[SqlColumn[Any], ...]]] = {
    LeadPart.PRODUCTS: (
        _PRODUCTS.lead_id,
        (_PRODUCTS.product_id, _PRODUCTS.quantity, _PRODUCTS.remark),
    ),
    LeadPart.NOTES: (_NOTES.lead_id, (_NOTES.id, _NOTES.created_at, _NOTES.staff_id, _NOTES.text)),
    LeadPart.VISITS: (_VISITS.lead_id, (_VISITS.id, _VISITS.at, _VISITS.staff_id, _VISITS.source)),
    LeadPart.ANSWERS: (_ANSWERS.lead_id, (_ANSWERS.question_id, _ANSWERS.value)),
}
"""Per part: the column naming its lead, then the columns ``DetailBuilder`` takes."""
_PART_ORDER = (LeadPart.PRODUCTS, LeadPart.NOTES, LeadPart.VISITS, LeadPart.ANSWERS)
_PART_NAMES = ("products", "notes", "visits", "answers")


def _builder(connection: Connection) -> DetailBuilder:
    return DetailBuilder(stored_names(connection), connection.dialect.name == "sqlite")


def _named_damage(
    lead: LeadDetail,
    decoder: LenientText,
    row: Sequence[Any],
    parts: Sequence[Sequence[Sequence[Any]]],
) -> LeadDetail:
    """``lead`` with a warning for each field read with repaired text (not UTF-8)."""
    damaged = damaged_fields(decoder, row, dict(zip(_PART_NAMES, parts, strict=True)))
    if not damaged:
        return lead
    warnings = (FieldWarning(field, DAMAGED_TEXT) for field in damaged)
    return replace(lead, warnings=(*lead.warnings, *warnings))


def details_by_id(connection: Connection, ids: Sequence[str]) -> dict[str, LeadDetail]:
    """The leads ``ids`` in full, by id; an id no lead has is left out."""
    if not ids:
        return {}
    wanted = list(ids)
    leads = driver_rows(connection, select(*DETAIL_COLUMNS).where(LEADS.c.id.in_(wanted)), {})
    if not leads:
        return {}
    parts: list[dict[str, list[Any]]] = []
    for part in _PART_ORDER:
        lead_id, columns = _PART_COLUMNS[part]
        query = select(lead_id, *columns).where(lead_id.in_(wanted))
        grouped: dict[str, list[Any]] = {}
        for row in driver_rows(connection, query, {}):
            grouped.setdefault(row[0], []).append(row)
        parts.append(grouped)
    build = _builder(connection)
    decoder = lenient_decoder(connection)()
    found = {}
    for row in leads:
        lead_parts = [grouped.get(row[0], ()) for grouped in parts]
        lead = build(row, *lead_parts)
        if decoder is not None:
            lead = _named_damage(lead, decoder, row, lead_parts)
        found[row[0]] = lead
    return found


class _Children:
    """The rows of one part (notes, visits, ...), grouped by lead position.

    Column 0 of each row is the position of its lead in the export (1, 2, ...)."""

    __slots__ = ("_groups", "_rows", "part", "position")

    def __init__(self, rows: Iterator[Any], part: LeadPart) -> None:
        self._groups = groupby(rows, itemgetter(0))
        self._rows: Iterator[Any] = iter(())
        self.position = 0
        self.part = part
        self._advance()

    def _advance(self) -> None:
        group = next(self._groups, None)
        if group is None:
            self.position = 0
        else:
            self.position, self._rows = group

    def take(self) -> list[Any]:
        """The rows of the lead at ``position``; moves on to the next lead's."""
        taken = list(self._rows)
        self._advance()
        return taken

    def check_exhausted(self) -> None:
        if self.position:
            raise RuntimeError(
                f"{self.part.name} rows out of step with the leads (lead number {self.position})"
            )


def _order_table() -> Table:
    """A temporary table of the selected leads' ids by their position in the export."""
    return Table(
        f"export_order_{secrets.token_hex(6)}",
        MetaData(),
        SqlColumn("position", Integer, primary_key=True, autoincrement=False),
        SqlColumn("lead_id", String(36), nullable=False),
        prefixes=["TEMPORARY"],
    )


def read_details(
    source: Session | Connection,
    selection: Selection,
    chunk: int = CHUNK_SIZE,
    parts: LeadPart = ALL_PARTS,
) -> Generator[LeadDetail, None, None]:
    """Every selected lead in full, oldest first, streamed from ``source``'s transaction.

    The selected leads' ids are first numbered in export order into a temporary table
    (the filter, which may be a full-text search, runs once). Then the leads, and those
    of their notes, visits, products and answers that ``parts`` asks for, are read by
    queries that run side by side in one snapshot, each ordered by that number, and
    merged lead by lead. Close the iterator (``contextlib.closing``) if it may be left
    before its end, so the temporary table is dropped while the transaction is open.
    """
    connection = source.connection() if isinstance(source, Session) else source
    conditions = lead_conditions(connection, selection)
    numbered = select(
        func.row_number().over(order_by=_LEAD_ORDER).label("position"),
        LEADS.c.id.label("lead_id"),
    ).where(*conditions)
    table = _order_table() if parts and not _query_only(connection) else None
    order: Table | CTE | None = table
    if table is not None:
        table.create(connection)
        connection.execute(table.insert().from_select(["position", "lead_id"], numbered))
    elif parts:
        order = numbered.cte("export_order")
    try:
        yield from _details(connection, conditions, order, parts, chunk)
    finally:
        if table is not None and not connection.closed and connection.in_transaction():
            table.drop(connection)


def _query_only(connection: Connection) -> bool:
    """Whether ``connection`` may not write, even a temporary table (a database opened
    read-only: on a full disk, or damaged). Its export numbers the selected leads again
    in each query, instead of once into a temporary table."""
    if connection.dialect.name != "sqlite":
        return False
    return bool(connection.exec_driver_sql("PRAGMA query_only").scalar())


def _details(
    connection: Connection,
    conditions: list[ColumnElement[bool]],
    order: Table | CTE | None,
    parts: LeadPart,
    chunk: int,
) -> Iterator[LeadDetail]:
    def children(part: LeadPart) -> _Children:
        if order is None or part not in parts:
            return _Children(iter(()), part)
        lead_id, columns = _PART_COLUMNS[part]
        query = (
            select(order.c.position, *columns)
            .join_from(order, lead_id.table, order.c.lead_id == lead_id)
            .order_by(order.c.position)
        )
        return _Children(driver_stream(connection, query, None, chunk), part)

    build = _builder(connection)
    products, notes, visits, answers = (children(part) for part in _PART_ORDER)
    leads = driver_stream(
        connection,
        select(*DETAIL_COLUMNS).where(*conditions).order_by(*_LEAD_ORDER),
        None,
        chunk,
    )
    decoder = lenient_decoder(connection)
    for position, row in enumerate(leads, start=1):
        lead_parts = (
            products.take() if products.position == position else (),
            notes.take() if notes.position == position else (),
            visits.take() if visits.position == position else (),
            answers.take() if answers.position == position else (),
        )
        lead = build(row, *lead_parts)
        repairing = decoder()
        yield lead if repairing is None else _named_damage(lead, repairing, row, lead_parts)
    for grouped in (products, notes, visits, answers):
        grouped.check_exhausted()

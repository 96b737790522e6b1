"""Which leads: a ``LeadFilter`` as SQL, for the list, its counts, the counting service
and the exports alike.

A search runs in the search index (``core.search``). On SQLite the index also picks the
show and the deleted state, and a search narrowed by nothing else is answered by the
index alone: how many match, and, within one show, the newest page of them by rowid.
These are Core statements on the tables: the window's first screen runs them before
anything needs the ORM's mappers configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, case, exists, func, select

from boothapp.core.driver import driver_rows
from boothapp.core.errors import ValidationError
from boothapp.core.leads.rows import LEADS, ROW_COLUMNS, lead_rows, staff_names
from boothapp.core.models import LeadFirstExport, LeadProduct, Product, StaffMember
from boothapp.core.schemas import LeadFilter, LeadRow
from boothapp.core.search import (
    LEAD_SEARCH,
    MATCHING_ROWIDS,
    IndexQuery,
    count_matches,
    fts_query,
    search_condition,
)
from boothapp.core.vocabulary import Rating

_LEAD = LEADS.c
_STAFF = StaffMember.__table__
_SHOWN = LeadProduct.__table__
_PRODUCTS = Product.__table__
_FIRST_EXPORTS = LeadFirstExport.__table__

SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "created_at": _LEAD.created_at,
    "updated_at": _LEAD.updated_at,
    "first_name": func.lower(_LEAD.first_name),
    "last_name": func.lower(_LEAD.last_name),
    "company": func.lower(_LEAD.company),
    "email": _LEAD.email,
    "country": _LEAD.country,
    "city": func.lower(_LEAD.city),
    "rating": case({Rating.HOT: 0, Rating.WARM: 1, Rating.COLD: 2}, value=_LEAD.rating, else_=3),
    "staff": func.lower(_STAFF.c.name),
    "source": _LEAD.source,
    "job_title": func.lower(_LEAD.job_title),
}


@dataclass(frozen=True)
class Selection:
    """Which leads an export or a tally covers: a ``LeadFilter`` and, with
    ``not_exported``, only those no earlier export wrote (``models.LeadFirstExport``)."""

    lead_filter: LeadFilter
    not_exported: bool = False


def _selection(leads: Selection | LeadFilter) -> Selection:
    return leads if isinstance(leads, Selection) else Selection(leads)


def lead_conditions(
    connection: Connection, leads: Selection | LeadFilter
) -> list[ColumnElement[bool]]:
    """The WHERE clauses on the ``leads`` table selecting ``leads``; search text without
    a word is ignored."""
    selection = _selection(leads)
    lead_filter = selection.lead_filter
    conditions: list[ColumnElement[bool]] = []
    matching = search_condition(
        connection, lead_filter.search, lead_filter.event_id, lead_filter.deleted
    )
    if matching is not None:
        conditions.append(matching)
    if matching is None or connection.dialect.name != "sqlite":
        conditions.append(
            _LEAD.deleted_at.is_not(None) if lead_filter.deleted else _LEAD.deleted_at.is_(None)
        )
        if lead_filter.event_id is not None:
            conditions.append(_LEAD.event_id == lead_filter.event_id)
    if lead_filter.staff_id is not None:
        conditions.append(_LEAD.staff_id == lead_filter.staff_id)
    if lead_filter.unrated:
        conditions.append(_LEAD.rating.is_(None))
    elif lead_filter.rating is not None:
        conditions.append(_LEAD.rating == lead_filter.rating)
    if lead_filter.created_from is not None:
        conditions.append(_LEAD.created_at >= lead_filter.created_from)
    if lead_filter.created_to is not None:
        conditions.append(_LEAD.created_at < lead_filter.created_to)
    if selection.not_exported:
        conditions.append(~exists().where(_FIRST_EXPORTS.c.lead_id == _LEAD.id))
    if lead_filter.product_sku:
        shown = (
            select(_SHOWN.c.lead_id)
            .join(_PRODUCTS)
            .where(_PRODUCTS.c.sku == lead_filter.product_sku)
            .correlate(None)
        )
        conditions.append(_LEAD.id.in_(shown))
    return conditions


def index_only_query(connection: Connection, leads: Selection | LeadFilter) -> IndexQuery | None:
    """The index query that answers ``leads`` alone (a search, narrowed at most by show
    and deleted state), or None when the leads table must be read."""
    selection = _selection(leads)
    lead_filter = selection.lead_filter
    if (
        connection.dialect.name != "sqlite"
        or selection.not_exported
        or any(
            (
                lead_filter.staff_id,
                lead_filter.rating,
                lead_filter.unrated,
                lead_filter.product_sku,
                lead_filter.created_from,
                lead_filter.created_to,
            )
        )
    ):
        return None
    return fts_query(lead_filter.search, lead_filter.event_id, lead_filter.deleted)


def count_leads(connection: Connection, leads: Selection | LeadFilter) -> int:
    """How many leads ``leads`` selects."""
    index_query = index_only_query(connection, leads)
    if index_query is not None:
        return count_matches(connection, index_query)
    query = select(func.count()).select_from(LEADS).where(*lead_conditions(connection, leads))
    return int(connection.execute(query).scalar() or 0)


def _matches_in_creation_order(descending: bool) -> Select[*tuple[Any, ...]]:
    """A page (``offset``, ``limit``) of the leads matching the FTS ``query``, newest or
    oldest first, picked by index rowid (which follows creation time within a show)."""
    rowid = LEAD_SEARCH.c.rowid
    page = (
        MATCHING_ROWIDS.order_by(rowid.desc() if descending else rowid.asc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    ordering = (
        (_LEAD.created_at.desc(), _LEAD.id.desc()) if descending else (_LEAD.created_at, _LEAD.id)
    )
    return select(*ROW_COLUMNS).where(_LEAD.search_rowid.in_(page)).order_by(*ordering)


_MATCHES_NEWEST_FIRST = _matches_in_creation_order(descending=True)
_MATCHES_OLDEST_FIRST = _matches_in_creation_order(descending=False)


def list_page(
    connection: Connection,
    lead_filter: LeadFilter,
    offset: int = 0,
    limit: int | None = 200,
    order_by: str = "created_at",
    descending: bool = True,
) -> list[LeadRow]:
    """A page of the lead list. Search-as-you-type runs this on every key: a search in
    one show, in creation order, is read through the index's rowids."""
    if order_by not in SORT_COLUMNS:
        raise ValidationError("order_by", f"cannot sort by {order_by!r}")
    index_query = index_only_query(connection, lead_filter)
    if index_query is not None and order_by == "created_at" and lead_filter.event_id:
        statement = _MATCHES_NEWEST_FIRST if descending else _MATCHES_OLDEST_FIRST
        parameters = {
            **index_query.parameters,
            "offset": offset,
            "limit": limit if limit is not None else -1,
        }
        return lead_rows(driver_rows(connection, statement, parameters), staff_names(connection))
    column = SORT_COLUMNS[order_by]
    query = select(*ROW_COLUMNS).where(*lead_conditions(connection, lead_filter))
    if order_by == "staff":
        query = query.outerjoin(_STAFF, _LEAD.staff_id == _STAFF.c.id)
    ordering = [column.desc(), _LEAD.id.desc()] if descending else [column.asc(), _LEAD.id]
    query = query.order_by(*ordering).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return lead_rows(driver_rows(connection, query, {}), staff_names(connection))


def rows_where(connection: Connection, *conditions: ColumnElement[bool]) -> list[LeadRow]:
    """The leads meeting ``conditions``, oldest first, as list lines."""
    query = select(*ROW_COLUMNS).where(*conditions).order_by(_LEAD.created_at, _LEAD.id)
    return lead_rows(driver_rows(connection, query, {}), staff_names(connection))


def ids_in_order(connection: Connection, leads: Selection | LeadFilter) -> list[str]:
    """The ids of the leads ``leads`` selects, oldest first."""
    query = (
        select(_LEAD.id)
        .where(*lead_conditions(connection, leads))
        .order_by(_LEAD.created_at, _LEAD.id)
    )
    return [lead_id for (lead_id,) in driver_rows(connection, query, {})]

"""Reading what a merge needs of one file, in a few bulk queries: its leads in full, the
keys of the target's leads, tombstones, suppression digests and recorded conflicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from boothapp.core.driver import driver_rows, table_of
from boothapp.core.leads.rows import (
    DETAIL_COLUMNS,
    DETAIL_KEYS,
    LEADS,
    DetailBuilder,
    stored_names,
)
from boothapp.core.merge.rules import VisitorKey, visitor_key
from boothapp.core.models import (
    Answer,
    LeadProduct,
    MergeConflict,
    Note,
    Suppression,
    Visit,
)
from boothapp.core.schemas import LeadDetail, lead_display_name

BATCH = 1000
"""Leads read per query (an ``IN`` list of ids)."""

_CONFLICTS = table_of(MergeConflict)
_SUPPRESSIONS = table_of(Suppression)


class LeadKeys(NamedTuple):
    """What a merge needs to know of every lead of the target without reading it whole."""

    id: str
    key: VisitorKey
    email: str | None
    """As stored."""
    search_rowid: int | None


def lead_keys(connection: Connection, event_names: Mapping[int, str]) -> dict[str, LeadKeys]:
    """Every lead of the database: its show, badge ID, e-mail address and search index
    rowid, by id."""
    query = select(
        LEADS.c.id, LEADS.c.event_id, LEADS.c.badge_id, LEADS.c.email, LEADS.c.search_rowid
    )
    return {
        lead_id: LeadKeys(
            lead_id, visitor_key(event_names[event_id], badge_id, email), email, rowid
        )
        for lead_id, event_id, badge_id, email, rowid in driver_rows(connection, query, {})
    }


_PARTS = (
    (table_of(LeadProduct), ("product_id", "quantity", "remark")),
    (table_of(Note), ("id", "created_at", "staff_id", "text")),
    (table_of(Visit), ("id", "at", "staff_id", "source")),
    (table_of(Answer), ("question_id", "value")),
)
"""Per part of a lead (products, notes, visits, answers), its table and the columns
``DetailBuilder`` takes after the lead's id."""
_EVENT = DETAIL_KEYS.index("event_id")
_STAFF = DETAIL_KEYS.index("staff_id")
_CONSENT_STAFF = DETAIL_KEYS.index("consent_staff_id")
_BADGE = DETAIL_KEYS.index("badge_id")
_EMAIL = DETAIL_KEYS.index("email")
_FIRST = DETAIL_KEYS.index("first_name")
_LAST = DETAIL_KEYS.index("last_name")
_COMPANY = DETAIL_KEYS.index("company")


class NamedLead(NamedTuple):
    """What ``lead_display_name`` reads of a lead."""

    first_name: str
    last_name: str
    email: str | None
    company: str
    badge_id: str | None


Rows = list[Sequence[Any]]


class StoredLeads:
    """Leads of one file as the driver returns them (read in bulk), made into
    ``LeadDetail`` values only when asked: most leads of a merge are the same on both
    sides, which ``signature`` tells without making them."""

    def __init__(self, connection: Connection, rows: Rows, parts: list[dict[str, Rows]]) -> None:
        self.names = stored_names(connection)
        self._build = DetailBuilder(self.names, connection.dialect.name == "sqlite")
        self._rows = {row[0]: row for row in rows}
        self._parts = parts
        self._alike: dict[StoredLeads, bool] = {}
        """Whether another file's ``names`` are these."""

    def __contains__(self, lead_id: object) -> bool:
        return lead_id in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def stored(self, lead_id: str) -> tuple[Sequence[Any], tuple[Rows, Rows, Rows, Rows]]:
        """The lead's row of ``DETAIL_COLUMNS`` and the rows of its products, notes,
        visits and answers, as ``DetailBuilder`` takes them."""
        products, notes, visits, answers = (part.get(lead_id, []) for part in self._parts)
        return self._rows[lead_id], (products, notes, visits, answers)

    def same_as(self, other: StoredLeads, lead_id: str) -> bool:
        """Whether the lead is stored exactly the same in both files, which number what
        leads refer to the same way (a copy of one file in another): the quick test
        before ``signature``."""
        alike = self._alike.get(other)
        if alike is None:
            alike = self._alike[other] = self.names == other.names
        if not alike or self._rows[lead_id] != other._rows[lead_id]:
            return False
        return all(
            mine.get(lead_id, []) == theirs.get(lead_id, [])
            for mine, theirs in zip(self._parts, other._parts, strict=True)
        )

    def display_name(self, lead_id: str) -> str:
        row = self._rows[lead_id]
        return lead_display_name(
            NamedLead(row[_FIRST], row[_LAST], row[_EMAIL], row[_COMPANY], row[_BADGE])
        )

    def show(self, lead_id: str) -> str:
        return self.names.events[self._rows[lead_id][_EVENT]]

    def detail(self, lead_id: str) -> LeadDetail:
        products, notes, visits, answers = (part.get(lead_id, ()) for part in self._parts)
        return self._build(self._rows[lead_id], products, notes, visits, answers)

    def keys(self, lead_id: str) -> tuple[VisitorKey, str | None]:
        """The lead's show, badge ID and e-mail address, and its e-mail address as
        stored."""
        row = self._rows[lead_id]
        show = self.names.events[row[_EVENT]]
        return visitor_key(show, row[_BADGE], row[_EMAIL]), row[_EMAIL]

    def signature(self, lead_id: str) -> tuple[Any, ...]:
        """The lead as stored, with what it refers to by id given by name instead:
        equal for two files exactly when the lead is the same in both (values compared
        as stored, so two databases of different kinds never compare equal)."""
        names = self.names
        staff = names.staff.get
        row = list(self._rows[lead_id])
        row[_EVENT] = names.events[row[_EVENT]]
        row[_STAFF] = staff(row[_STAFF])
        row[_CONSENT_STAFF] = staff(row[_CONSENT_STAFF])
        products, notes, visits, answers = (part.get(lead_id, ()) for part in self._parts)
        return (
            tuple(row),
            sorted((names.products[p[1]][0], p[2], p[3]) for p in products),
            sorted((n[2], n[4], staff(n[3])) for n in notes),
            sorted((v[2], v[4], staff(v[3])) for v in visits),
            sorted((names.questions[a[1]][0], a[2]) for a in answers),
        )


def stored_leads(connection: Connection, ids: Sequence[str] | None = None) -> StoredLeads:
    """The leads ``ids`` (None: every lead, in capture order) as stored."""
    if ids is None:
        rows = driver_rows(
            connection,
            select(*DETAIL_COLUMNS).order_by(LEADS.c.created_at, LEADS.c.id),
            {},
        )
        parts = [
            _grouped(driver_rows(connection, select(table.c.lead_id, *table.c[columns]), {}))
            for table, columns in _PARTS
        ]
        return StoredLeads(connection, rows, parts)
    rows = []
    parts = [{} for _part in _PARTS]
    for start in range(0, len(ids), BATCH):
        batch = list(ids[start : start + BATCH])
        rows += driver_rows(connection, select(*DETAIL_COLUMNS).where(LEADS.c.id.in_(batch)), {})
        for grouped, (table, columns) in zip(parts, _PARTS, strict=True):
            query = select(table.c.lead_id, *table.c[columns]).where(table.c.lead_id.in_(batch))
            for lead_id, found in _grouped(driver_rows(connection, query, {})).items():
                grouped[lead_id] = found
    return StoredLeads(connection, rows, parts)


def _grouped(rows: Rows) -> dict[str, Rows]:
    grouped: dict[str, Rows] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    return grouped


def suppression_digests(connection: Connection) -> dict[str, str]:
    """Every digest of the suppression list, with its kind (e-mail or badge)."""
    query = select(_SUPPRESSIONS.c.digest, _SUPPRESSIONS.c.kind)
    return {digest: kind for digest, kind in driver_rows(connection, query, {})}


def recorded_conflicts(connection: Connection) -> set[tuple[str, str, str]]:
    """(lead id, field, value left aside) of every conflict recorded, reviewed or not:
    a value left aside once is not offered for review again."""
    query = select(_CONFLICTS.c.lead_id, _CONFLICTS.c.field, _CONFLICTS.c.other)
    return {(lead_id, field, other) for lead_id, field, other in driver_rows(connection, query, {})}

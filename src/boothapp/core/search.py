"""Full-text search over leads: SQLite FTS5 (``lead_search``), a folded text table
(also ``lead_search``) on other databases.

One index row per lead; ``body`` holds the searchable text and ``scope`` says which
show the lead belongs to and whether it is deleted (``e7``: live in show 7, ``d7``:
deleted). The row's rowid is the lead's ``search_rowid``: the show's number in the
high bits, then the creation time in milliseconds. A show's leads are therefore one
range of rowids, newest last, so a search in a show is a rowid range of the index
("the newest 200 matches", "how many match") answered by the index alone, without
reading the leads, and without intersecting the words with a token every lead of the
show carries. Deleted leads are few; ``NOT scope : "d7"`` leaves them out.
Every write of a lead keeps the index in step (``index_lead``, ``reindex_lead``) in the
same transaction.

Other databases (PostgreSQL on a shared booth server) have no FTS5. There
``lead_search`` is a plain table, one row per lead, holding the same text ``folded``:
lower case and without accents, so that "lefevre" finds "Lefèvre" there too. A search
is one ``LIKE '%word%'`` per word on it, each word folded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Connection,
    ForeignKey,
    MetaData,
    Select,
    String,
    Table,
    Text,
    bindparam,
    column,
    delete,
    exists,
    insert,
    select,
    table,
    text,
)

from boothapp.core.driver import DriverStatement, table_of
from boothapp.core.models import NAMING_CONVENTION, Lead, Note, stored_utc
from boothapp.core.schemas import family_name_first

_TOKEN = re.compile(r"\w+", re.UNICODE)
_MAX_WORDS = 16
LEAD_SEARCH = table("lead_search", column("rowid", BigInteger))
ROWIDS_PER_MILLISECOND = 64
SHOW_SHIFT = 48
"""A show's leads take the rowids from ``show << SHOW_SHIFT`` up: 2**42 milliseconds
(139 years from ``ROWID_EPOCH``) with 64 rowids each."""
ROWID_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
LAST_SHOW_NUMBER = 2 ** (63 - SHOW_SHIFT) - 1


FOLDED_LEAD_SEARCH = Table(
    "lead_search",
    MetaData(naming_convention=NAMING_CONVENTION),
    Column("lead_id", String(36), ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True),
    Column("body", Text, nullable=False),
)
"""The search table of databases other than SQLite: each lead's indexed text, folded."""

LIKE_ESCAPE = "\\"
_ACCENTS = re.compile("[\u0300-\u036f]+")


def like_escaped(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (for ``escape=LIKE_ESCAPE``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_prefix(text: str) -> str:
    """A LIKE pattern (with ``escape=LIKE_ESCAPE``) for values starting with ``text``."""
    return like_escaped(text) + "%"


def folded(text: str) -> str:
    """``text`` case-folded, in compatibility form and without accents: "Lefèvre" and
    "LEFEVRE" both give "lefevre", "Straße" gives "strasse", "ＡＢＣ" gives "abc".

    Only the combining accents of Latin, Greek and Cyrillic letters are removed; the
    marks of other scripts (Japanese dakuten: "ガ" is not "カ") are kept."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def managed_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """False for the FTS5 tables, which migrations manage by hand (Alembic ``include_name``)."""
    return not (type_ == "table" and name is not None and name.startswith("lead_search"))


def first_search_rowid(event_id: int, created_at: datetime) -> int:
    """The smallest index rowid for a lead of show ``event_id`` created at
    ``created_at``; leads created in the same millisecond take the next free ones.
    Times before 2000 or after 2139 (a bad date in an imported file) take the first or
    last millisecond of the range, so a lead never lands in another show's range."""
    if not 0 < event_id <= LAST_SHOW_NUMBER:
        raise ValueError(f"show number {event_id} is outside 1 to {LAST_SHOW_NUMBER}")
    milliseconds = min(max(0, (created_at - ROWID_EPOCH) // _MILLISECOND), _LAST_MILLISECOND)
    return (event_id << SHOW_SHIFT) + milliseconds * ROWIDS_PER_MILLISECOND


_MILLISECOND = timedelta(milliseconds=1)
_LAST_MILLISECOND = (1 << SHOW_SHIFT) // ROWIDS_PER_MILLISECOND - 1


@dataclass(frozen=True)
class IndexQuery:
    """An FTS5 ``match`` over the index rowids ``first`` to ``last`` (both included)."""

    match: str
    first: int
    last: int

    @property
    def parameters(self) -> dict[str, str | int]:
        """The bound parameters of ``MATCHING_ROWIDS`` and ``count_matches``."""
        return {"query": self.match, "first": self.first, "last": self.last}


def show_rowids(event_id: int | None) -> tuple[int, int]:
    """The first and last index rowid a lead of ``event_id`` can have (any show: all)."""
    if event_id is None:
        return 0, 2**63 - 1
    first = event_id << SHOW_SHIFT
    return first, first + (1 << SHOW_SHIFT) - 1


_LEADS = table_of(Lead)
_NOTES = table_of(Note)
_search_rowid_column = _LEADS.c.search_rowid
_TAKEN_ROWIDS = DriverStatement(
    select(_search_rowid_column)
    .where(_search_rowid_column >= bindparam("first"))
    .order_by(_search_rowid_column)
    .limit(ROWIDS_PER_MILLISECOND)
)


def free_search_rowid(connection: Connection, event_id: int, created_at: datetime) -> int:
    """The first index rowid not yet taken from those of a lead of ``event_id`` created
    at ``created_at`` (past the millisecond's own when they are all taken)."""
    candidate = first_search_rowid(event_id, created_at)
    while True:
        taken = [rowid for (rowid,) in _TAKEN_ROWIDS.rows(connection, {"first": candidate})]
        free = next(
            (offset for offset, rowid in enumerate(taken) if rowid != candidate + offset),
            len(taken),
        )
        candidate += free
        if free < ROWIDS_PER_MILLISECOND:
            break
    if candidate > show_rowids(event_id)[1]:
        raise ValueError(f"show {event_id} has no free search index rowid left")
    return candidate


def index_scope(event_id: int, deleted: bool) -> str:
    """The ``scope`` token of a lead: its show, and whether it is deleted."""
    return f"{'d' if deleted else 'e'}{event_id}"


def search_words(user_text: str) -> list[str]:
    """The words of a search, as the index splits them (at most 16)."""
    return _TOKEN.findall(user_text)[:_MAX_WORDS]


def fts_query(
    user_text: str, event_id: int | None = None, deleted: bool = False
) -> IndexQuery | None:
    """The index query for leads of ``event_id`` (any show if None) holding every word
    typed, each as the start of a word; None when the text has no word.

    Live leads are the show's rowid range less its few deleted ones; deleted leads are
    picked by their scope token, which only they carry."""
    words = search_words(user_text)
    if not words:
        return None
    first, last = show_rowids(event_id)
    deleted_scope = f'"{index_scope(event_id, True)}"' if event_id is not None else '"d"*'
    body = "body : (" + " AND ".join(f'"{word}"*' for word in words) + ")"
    if deleted:
        return IndexQuery(f"scope : {deleted_scope} AND {body}", first, last)
    return IndexQuery(f"{body} NOT scope : {deleted_scope}", first, last)


def search_text(
    first_name: str,
    last_name: str,
    company: str,
    job_title: str,
    email: str | None,
    city: str,
    badge_id: str | None,
    notes: Sequence[str],
) -> str:
    """The indexed text of a lead given as plain values, notes oldest first.

    A Chinese, Japanese or Korean name is also indexed whole, family name first and
    without a space ("李伟", "山田太郎"), as it is written and typed."""
    parts = [first_name, last_name, company, job_title, email or "", city, badge_id or ""]
    whole_name = [whole_cjk_name(first_name, last_name)]
    return "\n".join([part for part in parts if part] + list(notes) + [n for n in whole_name if n])


def whole_cjk_name(first_name: str, last_name: str) -> str:
    """ "李伟" for first name 伟 and last name 李; empty unless a CJK name has both parts."""
    if first_name and last_name and family_name_first(first_name, last_name):
        return last_name + first_name
    return ""


class SearchedFields(Protocol):
    """What the index holds of a lead: a ``Lead``, or a row of its columns."""

    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def job_title(self) -> str: ...
    @property
    def email(self) -> str | None: ...
    @property
    def city(self) -> str: ...
    @property
    def badge_id(self) -> str | None: ...


def search_body(lead: SearchedFields, notes: Sequence[str]) -> str:
    """The indexed text of a stored lead."""
    return search_text(
        lead.first_name,
        lead.last_name,
        lead.company,
        lead.job_title,
        lead.email,
        lead.city,
        lead.badge_id,
        notes,
    )


_SEARCHED_COLUMNS = (
    _LEADS.c.first_name,
    _LEADS.c.last_name,
    _LEADS.c.company,
    _LEADS.c.job_title,
    _LEADS.c.email,
    _LEADS.c.city,
    _LEADS.c.badge_id,
)
"""What the index holds of a lead, in the order ``search_text`` takes it."""
_INDEXED_LEAD = DriverStatement(
    select(
        _search_rowid_column,
        _LEADS.c.event_id,
        _LEADS.c.deleted_at,
        _LEADS.c.created_at,
        *_SEARCHED_COLUMNS,
    ).where(_LEADS.c.id == bindparam("lead_id"))
)
_NOTE_TEXTS = DriverStatement(
    select(_NOTES.c.text)
    .where(_NOTES.c.lead_id == bindparam("lead_id"))
    .order_by(_NOTES.c.created_at, _NOTES.c.id)
)
_SET_SEARCH_ROWID = DriverStatement(
    _LEADS.update()
    .where(_LEADS.c.id == bindparam("lead_id"))
    .values(search_rowid=bindparam("rowid"))
)


def reindex_lead(connection: Connection, lead_id: str) -> None:
    """Rewrites the lead's row of the index from what is stored (after any change but
    the creation of a lead). A lead saved by a version that did not index it gets its
    rowid here, once; it never changes."""
    rows = _INDEXED_LEAD.rows(connection, {"lead_id": lead_id})
    if not rows:
        return
    rowid, event_id, deleted_at, created_at, first, last, company, job, email, city, badge = rows[0]
    if rowid is None:
        rowid = free_search_rowid(connection, event_id, stored_utc(created_at))
        _SET_SEARCH_ROWID.rows(connection, {"lead_id": lead_id, "rowid": rowid})
    notes = [text for (text,) in _NOTE_TEXTS.rows(connection, {"lead_id": lead_id})]
    body = search_text(first, last, company, job, email, city, badge, notes)
    index_lead(connection, rowid, lead_id, event_id, deleted_at is not None, body)


def index_lead(
    connection: Connection,
    rowid: int,
    lead_id: str,
    event_id: int,
    deleted: bool,
    body: str,
    new: bool = False,
) -> None:
    """Writes the lead's row of the index, replacing the one it had unless ``new``."""
    if connection.dialect.name != "sqlite":
        if not new:
            connection.execute(
                delete(FOLDED_LEAD_SEARCH).where(FOLDED_LEAD_SEARCH.c.lead_id == lead_id)
            )
        insert_folded_rows(connection, [(lead_id, body)])
        return
    if not new:
        _DELETE_INDEX_ROW.rows(connection, {"rowid": rowid})
    _INSERT_INDEX_ROW.rows(
        connection,
        {"rowid": rowid, "id": lead_id, "scope": index_scope(event_id, deleted), "body": body},
    )


_UNINDEXED_LEADS = (
    select(_LEADS.c.id, *_SEARCHED_COLUMNS)
    .where(~exists().where(FOLDED_LEAD_SEARCH.c.lead_id == _LEADS.c.id))
    .order_by(_LEADS.c.id)
)


def index_unindexed_leads(connection: Connection, batch: int = 1000) -> int:
    """Adds the folded search row of every lead that has none (databases other than
    SQLite) and returns how many: the leads a laptop still running an older boothapp
    saved on a shared server after it was upgraded, which that version did not index."""
    if connection.dialect.name == "sqlite":
        return 0
    added = 0
    while leads := connection.execute(_UNINDEXED_LEADS.limit(batch)).all():
        texts = connection.execute(
            select(_NOTES.c.lead_id, _NOTES.c.text)
            .where(_NOTES.c.lead_id.in_([lead.id for lead in leads]))
            .order_by(_NOTES.c.lead_id, _NOTES.c.created_at, _NOTES.c.id)
        ).all()
        notes: dict[str, list[str]] = {}
        for lead_id, note in texts:
            notes.setdefault(lead_id, []).append(note)
        insert_folded_rows(
            connection, [(lead.id, search_body(lead, notes.get(lead.id, []))) for lead in leads]
        )
        added += len(leads)
    return added


def insert_folded_rows(connection: Connection, rows: Sequence[tuple[str, str]]) -> None:
    """Adds ``(lead id, indexed text)`` rows to the folded search table."""
    connection.execute(
        insert(FOLDED_LEAD_SEARCH),
        [{"lead_id": lead_id, "body": folded(body)} for lead_id, body in rows],
    )


def unindex_leads(connection: Connection, leads: Sequence[tuple[str, int | None]]) -> None:
    """Deletes the index rows of ``leads`` (lead id, search rowid), for leads that are
    about to be deleted for good. On SQLite the words stay in the index's segments,
    marked deleted, until :func:`forget_deleted_words`."""
    if connection.dialect.name != "sqlite":
        ids = [lead_id for lead_id, _rowid in leads]
        for start in range(0, len(ids), _DELETE_CHUNK):
            connection.execute(
                delete(FOLDED_LEAD_SEARCH).where(
                    FOLDED_LEAD_SEARCH.c.lead_id.in_(ids[start : start + _DELETE_CHUNK])
                )
            )
        return
    _DELETE_INDEX_ROW.run_many(
        connection, [{"rowid": rowid} for _lead_id, rowid in leads if rowid is not None]
    )


def forget_deleted_words(connection: Connection) -> None:
    """Rewrites the SQLite index so that no word of a deleted row is left in it.

    FTS5 deletes a row by adding a "deleted" mark to a new segment; the row's words stay
    in the older segments until those are merged, which the background merge does a
    little at a time and may never finish. 'optimize' merges every segment into one,
    dropping the deleted entries (with ``secure_delete`` the old segments' pages are
    zeroed as they are freed). It rewrites the whole index: about 0.4 s at 100,000 leads.
    SQLite 3.44's ``secure-delete`` option would remove a row's words as it is deleted,
    but not the words of the row's earlier versions (a name corrected, a note added),
    which only a merge removes. Nothing to do on other databases."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO lead_search (lead_search) VALUES ('optimize')")


_DELETE_CHUNK = 500
_INSERT_INDEX_ROW = DriverStatement(
    text(
        "INSERT INTO lead_search (rowid, lead_id, scope, body) VALUES (:rowid, :id, :scope, :body)"
    )
)
_DELETE_INDEX_ROW = DriverStatement(text("DELETE FROM lead_search WHERE rowid = :rowid"))


MATCHING_ROWIDS = select(LEAD_SEARCH.c.rowid).where(
    text("lead_search MATCH :query AND lead_search.rowid BETWEEN :first AND :last")
)
"""The index rowids matching an ``IndexQuery`` given as its ``parameters``."""


def matching_rowids(query: IndexQuery) -> Select[tuple[int]]:
    """The index rowids matching ``query``."""
    return MATCHING_ROWIDS.params(**query.parameters)


_COUNT_MATCHES = text(
    "SELECT count(*) FROM lead_search "
    "WHERE lead_search MATCH :query AND rowid BETWEEN :first AND :last"
)


def count_matches(connection: Connection, query: IndexQuery) -> int:
    """How many leads match ``query``, counted in the index alone."""
    return int(connection.execute(_COUNT_MATCHES, query.parameters).scalar() or 0)


def search_condition(
    connection: Connection, user_text: str, event_id: int | None = None, deleted: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE clause on the ``leads`` table matching ``user_text``; None when it holds
    no word.

    On SQLite it also selects the show and the deleted state through the index scope."""
    if connection.dialect.name == "sqlite":
        query = fts_query(user_text, event_id, deleted)
        if query is None:
            return None
        return _search_rowid_column.in_(matching_rowids(query))
    words = search_words(user_text)
    if not words:
        return None
    body = FOLDED_LEAD_SEARCH.c.body
    matching = select(FOLDED_LEAD_SEARCH.c.lead_id).where(
        *(body.like(f"%{like_escaped(folded(word))}%", escape=LIKE_ESCAPE) for word in words)
    )
    return _LEADS.c.id.in_(matching)

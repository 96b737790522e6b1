"""Full-text search over leads: SQLite FTS5 (``lead_search``), ILIKE elsewhere.

The index is kept in step by the lead service (``reindex_lead``) in the same
transaction as the change, so it can never disagree with a committed lead.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, String, and_, column, exists, or_, select, table, text
from sqlalchemy.orm import Session

from boothapp.core.models import Lead, Note

_ROWID_MASK = (1 << 63) - 1
_TOKEN = re.compile(r"\w+", re.UNICODE)
_LEAD_SEARCH = table("lead_search", column("lead_id", String))


LIKE_ESCAPE = "\\"


def like_prefix(text: str) -> str:
    """A LIKE pattern (with ``escape=LIKE_ESCAPE``) for values starting with ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def managed_by_models(name: str | None, type_: str, parent_names: object) -> bool:
    """False for the FTS5 tables, which migrations manage by hand (Alembic ``include_name``)."""
    return not (type_ == "table" and name is not None and name.startswith("lead_search"))


def search_rowid(lead_id: str) -> int:
    """The index row of a lead: 63 bits of its UUID (collisions are astronomically rare)."""
    return uuid.UUID(lead_id).int & _ROWID_MASK


def fts_query(user_text: str) -> str | None:
    """An FTS5 query that finds every word typed, each as a prefix; None if no word."""
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens[:16])


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
    """The indexed text of a lead given as plain values, notes oldest first."""
    parts = [first_name, last_name, company, job_title, email or "", city, badge_id or ""]
    return "\n".join([part for part in parts if part] + list(notes))


def search_body(lead: Lead, notes: Sequence[str]) -> str:
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


def reindex_lead(session: Session, lead: Lead) -> None:
    """Replaces the lead's row in the index (SQLite only; call after a change)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    session.flush()
    notes = list(
        session.scalars(select(Note.text).where(Note.lead_id == lead.id).order_by(Note.created_at))
    )
    rowid = search_rowid(lead.id)
    session.execute(text("DELETE FROM lead_search WHERE rowid = :rowid"), {"rowid": rowid})
    session.execute(
        text("INSERT INTO lead_search (rowid, lead_id, body) VALUES (:rowid, :id, :body)"),
        {"rowid": rowid, "id": lead.id, "body": search_body(lead, notes)},
    )


def search_condition(session: Session, user_text: str) -> ColumnElement[bool] | None:
    """A WHERE clause on ``Lead`` matching ``user_text``; None when it holds no word."""
    if session.get_bind().dialect.name == "sqlite":
        query = fts_query(user_text)
        if query is None:
            return None
        matching = select(_LEAD_SEARCH.c.lead_id).where(
            text("lead_search MATCH :query").bindparams(query=query)
        )
        return Lead.id.in_(matching)
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    conditions = []
    for word in words[:16]:
        pattern = f"%{word}%"
        conditions.append(
            or_(
                Lead.first_name.ilike(pattern),
                Lead.last_name.ilike(pattern),
                Lead.company.ilike(pattern),
                Lead.email.ilike(pattern),
                Lead.city.ilike(pattern),
                exists().where(Note.lead_id == Lead.id, Note.text.ilike(pattern)),
            )
        )
    return and_(*conditions)

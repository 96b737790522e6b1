"""Finding a show or a staff member by what a person types: an id, a name, or its start."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from boothapp.core.errors import NotFound
from boothapp.core.search import LIKE_ESCAPE, like_prefix

Row = TypeVar("Row")


def find_by_reference(
    session: Session,
    model: type[Row],
    name_column: InstrumentedAttribute[str],
    reference: str | int,
    what: str,
    hint: str,
) -> Row:
    """The row whose id is ``reference``, else whose name is it (any case), else the one
    row whose name starts with it. NotFound says what was asked and where to look."""
    if isinstance(reference, int) or str(reference).strip().isdigit():
        found = session.get(model, int(reference))
        if found is not None:
            return found
    name = str(reference).strip()
    lowered = func.lower(name_column)
    exact = session.scalars(select(model).where(lowered == name.lower())).first()
    if exact is not None:
        return exact
    pattern = like_prefix(name.lower())
    matches: list[Any] = list(
        session.scalars(select(model).where(lowered.like(pattern, escape=LIKE_ESCAPE)).limit(2))
    )
    if len(matches) == 1 and name:
        return matches[0]  # type: ignore[no-any-return]
    if len(matches) > 1:
        raise NotFound(f"{name!r} matches several {what}s: give the full name; {hint}")
    raise NotFound(f"no {what} named {name!r}: {hint}")

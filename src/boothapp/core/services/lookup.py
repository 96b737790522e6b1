"""Finding a show or a staff member by what a person types: an id, a name, or its start."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from boothapp.core.errors import NotFound
from boothapp.core.search import folded

Row = TypeVar("Row")


def find_by_reference(
    session: Session,
    model: type[Row],
    name_column: InstrumentedAttribute[str],
    reference: str | int,
    what: str,
    hint: str,
) -> Row:
    """The row whose id is ``reference``, else whose name is it, else the one row whose
    name starts with it. Names are compared without regard to case or accents
    ("élodie garnier" and "Elodie" find "Élodie Garnier"); when two names differ only
    by those, the one written exactly as typed (ignoring case) wins. NotFound says what
    was asked and where to look. Shows and staff are few, so they are compared here
    rather than by the database, whose lower() knows only ASCII letters."""
    if isinstance(reference, int) or str(reference).strip().isdigit():
        found = session.get(model, int(reference))
        if found is not None:
            return found
    name = str(reference).strip()
    wanted = folded(name)
    named = [(getattr(row, name_column.key), row) for row in session.scalars(select(model))]
    for matches in (
        [row for text, row in named if folded(text) == wanted],
        [row for text, row in named if name and folded(text).startswith(wanted)],
    ):
        if len(matches) > 1:
            exact = [
                row
                for row in matches
                if getattr(row, name_column.key).casefold() == name.casefold()
            ]
            matches = exact or matches
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFound(f"{name!r} matches several {what}s: give the full name; {hint}")
    raise NotFound(f"no {what} named {name!r}: {hint}")

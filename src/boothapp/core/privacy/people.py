"""A person as boothapp finds them: by e-mail address, in every show.

Addresses are compared as the suppression list's digests compare them (``core.suppression``:
spaces around them dropped, lower case), after the normalisation a save applies, so an
address typed differently from how it was stored still finds its leads. The comparison
is made in Python: SQLite's ``lower()`` only lowers ASCII letters.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select

from boothapp.core.driver import driver_rows
from boothapp.core.errors import ValidationError
from boothapp.core.validation import normalise_email


def comparable_email(text: str | None) -> str:
    """``text`` as addresses are compared: normalised as a save would store it (when it
    is a valid address), stripped and lower-cased; empty for no address."""
    if text is None or not text.strip():
        return ""
    try:
        normalised = normalise_email(text) or ""
    except ValidationError:
        normalised = text
    return normalised.strip().lower()


def looks_like_email(text: str) -> bool:
    """Whether a person named on the command line or in a search box is an e-mail
    address (else it is a lead id)."""
    return "@" in text


def ids_with_email(table: Table, connection: Connection, email: str) -> list[str | int]:
    """The ids of the rows of ``table`` (leads, attendees) whose ``email`` is ``email``
    (compared as :func:`comparable_email` does), in no particular order."""
    wanted = comparable_email(email)
    if not wanted:
        return []
    candidates = select(table.c.id, table.c.email).where(
        table.c.email.is_not(None), func.length(table.c.email) == len(wanted)
    )
    return [
        row_id
        for row_id, stored in driver_rows(connection, candidates, {})
        if comparable_email(stored) == wanted
    ]

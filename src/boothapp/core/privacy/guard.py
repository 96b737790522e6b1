"""Refusing to capture again a person who asked to be erased.

After an erasure their e-mail address (in every show) and their badge (at its show) are
on the suppression list (``core.suppression``). A badge scan, a save typed in the form
or given on the command line, and a row of the organiser's attendee list naming them
are refused: :class:`ErasedPerson` says why, and nothing is saved.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, or_, select

from boothapp.core.driver import DriverStatement, table_of
from boothapp.core.errors import Conflict
from boothapp.core.models import Suppression
from boothapp.core.privacy.people import comparable_email
from boothapp.core.suppression import person_digests

ERASED_MESSAGE = (
    "this visitor asked to have their personal data erased, so nothing was saved: "
    "do not capture them again"
)

_SUPPRESSIONS = table_of(Suppression)
_SUPPRESSED = DriverStatement(
    select(_SUPPRESSIONS.c.digest)
    .where(
        or_(
            _SUPPRESSIONS.c.digest == bindparam("first"),
            _SUPPRESSIONS.c.digest == bindparam("second"),
        )
    )
    .limit(1)
)
_EVERY_DIGEST = DriverStatement(select(_SUPPRESSIONS.c.digest))
_ANY_DIGEST = DriverStatement(select(_SUPPRESSIONS.c.digest).limit(1))


def anyone_erased(connection: Connection) -> bool:
    """Whether the suppression list holds anyone: one look-up, so that the saves of a
    booth where nobody asked to be erased skip the address's normalisation (0.1 ms)."""
    return bool(_ANY_DIGEST.rows(connection, {}))


class ErasedPerson(Conflict):
    """A capture of a person on the suppression list: nothing was saved."""

    def __init__(self) -> None:
        super().__init__(ERASED_MESSAGE)


def digests_of(email: str | None, show_name: str, badge_id: str | None) -> list[str]:
    """The suppression digests a person captured with ``email`` and ``badge_id`` at the
    show ``show_name`` would have (the address compared as ``people`` compares it)."""
    address = comparable_email(email) or None
    return [digest for _kind, digest in person_digests(address, show_name, badge_id)]


def is_erased(
    connection: Connection, email: str | None, show_name: str, badge_id: str | None
) -> bool:
    """Whether the person with this e-mail address, or this badge at this show, asked to
    be erased. One look-up on the suppression list's key."""
    if not anyone_erased(connection):
        return False
    digests = digests_of(email, show_name, badge_id)
    if not digests:
        return False
    found = _SUPPRESSED.rows(connection, {"first": digests[0], "second": digests[-1]})
    return bool(found)


def refuse_erased(
    connection: Connection, email: str | None, show_name: str, badge_id: str | None
) -> None:
    """Raises :class:`ErasedPerson` for a person who asked to be erased."""
    if is_erased(connection, email, show_name, badge_id):
        raise ErasedPerson


def suppressed_digests(connection: Connection) -> frozenset[str]:
    """Every digest on the suppression list, for checking many people at once (an
    attendee list): the list holds only the people who asked to be erased."""
    return frozenset(digest for (digest,) in _EVERY_DIGEST.rows(connection, {}))

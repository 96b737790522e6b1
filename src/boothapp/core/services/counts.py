"""Counting leads: the figures of the status bar, the dashboard and the Summary sheet.

Everything is counted in SQL through the lead filter the list uses
(``core.leads.query``), so a figure always agrees with the list it stands beside; each
call reads one snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select

from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement, table_of
from boothapp.core.leads.counts import LeadFigures, lead_figures
from boothapp.core.leads.query import count_leads
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import Visit
from boothapp.core.schemas import EventRow, LeadFilter
from boothapp.core.show_time import local_today, start_of_today, zone


@dataclass(frozen=True)
class StatusCounts:
    """The figures of the status bar: the leads the list shows (``matching``), the
    show's leads, those of today, and those of today by the staff member at the laptop
    (None when nobody is)."""

    matching: int
    in_show: int
    today: int
    mine: int | None


_VISITS = table_of(Visit)
_SHOW_LEADS = DriverStatement(select(func.count()).where(LEADS.c.event_id == bindparam("event_id")))
_LAST_CHANGE = DriverStatement(
    select(func.max(LEADS.c.updated_at)).where(LEADS.c.event_id == bindparam("event_id"))
)
"""Apart from the count: SQLite reads a lone max() from the end of an index."""
_LAST_VISIT = DriverStatement(select(func.max(_VISITS.c.id)))


class CountService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def change_stamp(self, event_id: int) -> tuple[Any, ...]:
        """What changes whenever a lead of the show is added, changed, deleted or
        visited, from any laptop: the number of its leads, the last time one changed and
        the last visit recorded. Two index look-ups, for a window to poll."""
        show = {"event_id": event_id}
        with self._db.read_connection() as connection:
            return (
                _SHOW_LEADS.first_value(connection, show),
                _LAST_CHANGE.first_value(connection, show),
                _LAST_VISIT.first_value(connection, {}),
            )

    def count(self, lead_filter: LeadFilter) -> int:
        """How many leads ``lead_filter`` selects (what the list would show)."""
        with self._db.read_connection() as connection:
            return count_leads(connection, lead_filter)

    def status(
        self,
        event: EventRow,
        staff_id: int | None,
        search: str = "",
        known_matching: int | None = None,
        listed: LeadFilter | None = None,
        now: datetime | None = None,
    ) -> StatusCounts:
        """The status bar's figures for ``event``: matching ``search`` (or ``listed``,
        the list's whole filter, when given), in all, today (in the show's time zone) and
        today by ``staff_id``. ``known_matching``, the length of a list read to its end,
        saves a count."""
        whole_show = LeadFilter(event_id=event.id)
        narrowed = listed is not None and listed != whole_show
        today = replace(whole_show, created_from=start_of_today(event.timezone, now))
        with self._db.read_connection() as connection:
            if known_matching is not None and not narrowed and not search:
                in_show = known_matching
            else:
                in_show = count_leads(connection, whole_show)
            if known_matching is not None:
                matching = known_matching
            elif listed is not None:
                matching = count_leads(connection, listed)
            elif search:
                matching = count_leads(connection, replace(whole_show, search=search))
            else:
                matching = in_show
            return StatusCounts(
                matching=matching,
                in_show=in_show,
                today=count_leads(connection, today),
                mine=(
                    count_leads(connection, replace(today, staff_id=staff_id))
                    if staff_id is not None
                    else None
                ),
            )

    def figures(
        self, lead_filter: LeadFilter, timezone: str, now: datetime | None = None
    ) -> LeadFigures:
        """The dashboard's figures of the leads ``lead_filter`` selects: per day and
        (today only) per hour in ``timezone``, per staff member, product, rating and
        country."""
        with self._db.read_connection() as connection:
            return lead_figures(
                connection, lead_filter, zone(timezone), hours_of=local_today(timezone, now)
            )

"""Due days of follow-ups: working days (Monday to Friday) in the show's time zone.

A follow-up promised at the booth is due a number of working days after the day it was
promised, as that day is where the show is held: hot leads the next working day, warm
ones within 5 working days, cold ones within 10, leads not rated within 5. Public
holidays are not known here; a due day can be changed by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Final

from boothapp.core.show_time import local_day
from boothapp.core.vocabulary import Rating

SATURDAY = 5
"""``date.weekday()`` of Saturday; Monday is 0."""
WORKING_DAYS_BY_RATING: Final[Mapping[Rating | None, int]] = {
    Rating.HOT: 1,
    Rating.WARM: 5,
    Rating.COLD: 10,
    None: 5,
}
"""How many working days after the day it was promised a follow-up is due, by the
lead's rating (None: not rated)."""


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY


def add_working_days(day: date, count: int) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself when ``count`` is 0):
    one working day after a Friday, a Saturday or a Sunday is the next Monday."""
    current = day
    while count > 0:
        current += timedelta(days=1)
        if current.weekday() < SATURDAY:
            count -= 1
    return current


def default_due(rating: Rating | None, promised_at: datetime, timezone: str) -> date:
    """The day a follow-up promised at ``promised_at`` (UTC) to a lead rated ``rating``
    is due, counted in working days from that day in the show's ``timezone``."""
    return add_working_days(local_day(promised_at, timezone), WORKING_DAYS_BY_RATING[rating])


def end_of_week(day: date) -> date:
    """The Sunday that ends ``day``'s week (Monday to Sunday)."""
    return day + timedelta(days=6 - day.weekday())

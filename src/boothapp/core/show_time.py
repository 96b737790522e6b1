"""A show's clock: times and days as they are in the show's time zone.

Times are stored in UTC; a show's days begin at midnight where the show is held,
whatever the laptop's own zone. A naive datetime is taken to be UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@cache
def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``; UTC when the name is unknown to this computer."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def local_time(moment: datetime, timezone: str) -> str:
    """``moment`` in ``timezone`` as ``YYYY-MM-DD HH:MM``."""
    return _aware(moment).astimezone(zone(timezone)).strftime("%Y-%m-%d %H:%M")


def local_day(moment: datetime, timezone: str) -> date:
    """The day ``moment`` falls on in ``timezone``."""
    return _aware(moment).astimezone(zone(timezone)).date()


def local_today(timezone: str, now: datetime | None = None) -> date:
    """The current day in ``timezone`` (``now`` stands in for the clock)."""
    return local_day(now or datetime.now(UTC), timezone)


def day_start_utc(day: date, timezone: str) -> datetime:
    """Midnight at the start of ``day`` in ``timezone``, as an aware UTC datetime."""
    return datetime.combine(day, time(0), tzinfo=zone(timezone)).astimezone(UTC)


def day_range(
    first: date | None, last: date | None, timezone: str
) -> tuple[datetime | None, datetime | None]:
    """The capture times the whole days ``first`` to ``last`` cover in ``timezone``:
    from the midnight that starts ``first`` up to, not including, the midnight that
    ends ``last``, in UTC. A day given as None leaves that end open."""
    start = day_start_utc(first, timezone) if first is not None else None
    end = day_start_utc(last + timedelta(days=1), timezone) if last is not None else None
    return start, end


def start_of_today(timezone: str, now: datetime | None = None) -> datetime:
    """Midnight of the current day in ``timezone``, as an aware UTC datetime."""
    return day_start_utc(local_today(timezone, now), timezone)

"""How values read on screen: times in the show's time zone, the rating filter's
choices, countries."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QLocale

from boothapp.core.schemas import NOT_RATED, EventRow
from boothapp.core.show_time import local_time as local_time
from boothapp.core.show_time import start_of_today as start_of_today
from boothapp.core.show_time import zone as zone
from boothapp.core.vocabulary import NOT_RATED_LABEL, RATING_LABELS

RATING_FILTER_CHOICES: tuple[tuple[str, str], ...] = (
    *((label, rating.value) for rating, label in RATING_LABELS.items()),
    (NOT_RATED_LABEL, NOT_RATED),
)
"""A rating filter's choices after "Any": each label with the choice that
``schemas.rating_filter_fields`` turns into a filter."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(day: date) -> str:
    return _MONTHS[day.month - 1]


@cache
def country_name(code: str | None) -> str:
    """The English name of an ISO 3166 alpha-2 code ("FR" -> "France"); the code if unknown."""
    if not code:
        return ""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def show_dates(start: date | None, end: date | None) -> str:
    """A compact date range in English whatever the system locale: "18–21 Nov 2025",
    "28 Feb – 2 Mar 2026", "18 Nov 2025"."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        single = start or end
        assert single is not None
        return f"{single.day} {_month(single)} {single.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_month(end)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {_month(start)} – {end.day} {_month(end)} {end.year}"
    return f"{start.day} {_month(start)} {start.year} – {end.day} {_month(end)} {end.year}"


def show_summary(event: EventRow) -> str:
    """Venue, city, dates and booth of a show, joined with middle dots; empty parts left out."""
    place = ", ".join(part for part in (event.venue, event.city) if part)
    booth = f"Booth {event.booth}" if event.booth else ""
    parts = (place, show_dates(event.start_date, event.end_date), booth)
    return " · ".join(part for part in parts if part)

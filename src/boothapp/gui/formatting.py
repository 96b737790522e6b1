"""How values read on screen: times in the show's time zone, the rating filter's
choices, countries, show dates and counts, in the window's language (the default
QLocale, which the application sets to the chosen language)."""

from __future__ import annotations

from datetime import date
from functools import cache

from PySide6.QtCore import QLocale

from boothapp.core.schemas import NOT_RATED, EventRow
from boothapp.core.show_time import local_time as local_time
from boothapp.core.show_time import start_of_today as start_of_today
from boothapp.core.show_time import zone as zone
from boothapp.core.validation import country_name as _core_country_name
from boothapp.core.vocabulary import NOT_RATED_LABEL, RATING_LABELS
from boothapp.gui.i18n import translate, window_language

RATING_FILTER_CHOICES: tuple[tuple[str, str], ...] = (
    *((label, rating.value) for rating, label in RATING_LABELS.items()),
    (NOT_RATED_LABEL, NOT_RATED),
)
"""A rating filter's choices after "Any": each label (core's English one: show it with
``vocabulary_text.vocabulary``) with the choice that ``schemas.rating_filter_fields``
turns into a filter."""


def number(value: int) -> str:
    """A count as the window's language writes it."""
    return QLocale().toString(value)


def _day(day: date) -> str:
    """The day of the month ("1er" in French)."""
    return f"{day.day}er" if day.day == 1 and window_language() == "fr" else str(day.day)


def _month(day: date) -> str:
    """The month's short name in the window's language ("Nov", "nov.")."""
    return QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)


def country_name(code: str | None) -> str:
    """The name of an ISO 3166 alpha-2 code in the window's language ("FR" -> "France");
    the code if unknown."""
    return _country_name(code, window_language())


@cache
def _country_name(code: str | None, spoken: str) -> str:
    if not code:
        return ""
    return _core_country_name(code.upper(), spoken) or code


def show_dates(start: date | None, end: date | None) -> str:
    """A compact date range, month names in the window's language: "18–21 Nov 2025",
    "28 Feb – 2 Mar 2026", "18 Nov 2025"."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        single = start or end
        assert single is not None
        return f"{_day(single)} {_month(single)} {single.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{_day(start)}–{_day(end)} {_month(end)} {end.year}"
    if start.year == end.year:
        return f"{_day(start)} {_month(start)} – {_day(end)} {_month(end)} {end.year}"
    return f"{_day(start)} {_month(start)} {start.year} – {_day(end)} {_month(end)} {end.year}"


def show_summary(event: EventRow) -> str:
    """Venue, city, dates and booth of a show, joined with middle dots; empty parts left out."""
    place = ", ".join(part for part in (event.venue, event.city) if part)
    booth = (
        translate("formatting", "Booth {booth}").format(booth=event.booth) if event.booth else ""
    )
    parts = (place, show_dates(event.start_date, event.end_date), booth)
    return " · ".join(part for part in parts if part)

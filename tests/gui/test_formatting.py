"""Display helpers: show-local times, date ranges, countries."""

from __future__ import annotations

from datetime import UTC, date, datetime

from boothapp.core.schemas import EventRow
from boothapp.gui.formatting import (
    country_name,
    local_time,
    show_dates,
    show_summary,
    start_of_today,
)


def test_times_are_shown_in_the_show_time_zone() -> None:
    moment = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)
    assert local_time(moment, "Europe/Paris") == "2025-03-30 01:30"
    assert local_time(datetime(2025, 3, 30, 1, 30, tzinfo=UTC), "Europe/Paris") == (
        "2025-03-30 03:30"  # after the switch to summer time
    )
    assert local_time(moment, "Not/AZone") == "2025-03-30 00:30"


def test_today_starts_at_local_midnight_even_on_a_daylight_saving_day() -> None:
    now = datetime(2025, 3, 30, 12, 0, tzinfo=UTC)
    assert start_of_today("Europe/Paris", now) == datetime(2025, 3, 29, 23, 0, tzinfo=UTC)
    assert start_of_today("Asia/Tokyo", now) == datetime(2025, 3, 29, 15, 0, tzinfo=UTC)
    late = datetime(2025, 11, 18, 23, 30, tzinfo=UTC)  # already the 19th in Tokyo
    assert start_of_today("Asia/Tokyo", late) == datetime(2025, 11, 18, 15, 0, tzinfo=UTC)


def test_date_ranges_read_naturally() -> None:
    assert show_dates(date(2025, 11, 18), date(2025, 11, 21)) == "18–21 Nov 2025"
    assert show_dates(date(2026, 2, 28), date(2026, 3, 2)) == "28 Feb – 2 Mar 2026"
    assert show_dates(date(2025, 12, 30), date(2026, 1, 2)) == "30 Dec 2025 – 2 Jan 2026"
    assert show_dates(date(2025, 11, 18), None) == "18 Nov 2025"
    assert show_dates(None, None) == ""


def test_show_summary_leaves_out_what_is_missing() -> None:
    show = EventRow(
        id=1,
        name="Milipol Paris",
        venue="Paris Nord Villepinte",
        city="Paris",
        country="FR",
        start_date=date(2025, 11, 18),
        end_date=date(2025, 11, 21),
        booth="5F-123",
        timezone="Europe/Paris",
        consent_text="",
        consent_version="",
    )
    assert show_summary(show) == "Paris Nord Villepinte, Paris · 18–21 Nov 2025 · Booth 5F-123"
    bare = EventRow(1, "X", "", "", None, None, None, "", "UTC", "", "")
    assert show_summary(bare) == ""


def test_country_names() -> None:
    assert country_name("FR") == "France"
    assert country_name("JP") == "Japan"
    assert country_name(None) == ""
    assert country_name("ZZ") == "ZZ"

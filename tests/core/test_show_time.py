"""A show's clock: days begin at midnight where the show is held, whatever the laptop's
zone, and an unknown zone reads as UTC rather than failing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from boothapp.core.show_time import (
    day_range,
    day_start_utc,
    local_day,
    local_time,
    local_today,
    start_of_today,
    zone,
)


def test_an_unknown_zone_is_utc() -> None:
    assert zone("Europe/Paris").key == "Europe/Paris"
    assert zone("Not/AZone").key == "UTC"
    assert zone("../etc/passwd").key == "UTC"
    assert zone("").key == "UTC"


def test_local_time_is_the_show_clock_and_a_naive_time_is_utc() -> None:
    moment = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)
    assert local_time(moment, "Europe/Paris") == "2025-03-30 01:30"
    assert local_time(datetime(2025, 3, 30, 1, 30, tzinfo=UTC), "Europe/Paris") == (
        "2025-03-30 03:30"
    )
    assert local_time(datetime(2025, 3, 30, 0, 30), "Europe/Paris") == "2025-03-30 01:30"
    assert local_time(moment, "Not/AZone") == "2025-03-30 00:30"


def test_the_day_a_moment_falls_on_is_the_show_day() -> None:
    late = datetime(2025, 11, 18, 23, 30, tzinfo=UTC)
    assert local_day(late, "Europe/Paris") == date(2025, 11, 19)
    assert local_day(late, "America/New_York") == date(2025, 11, 18)
    assert local_day(late.replace(tzinfo=None), "Asia/Tokyo") == date(2025, 11, 19)
    assert local_today("Asia/Tokyo", late) == date(2025, 11, 19)
    assert local_today("UTC", late) == date(2025, 11, 18)


def test_a_day_starts_at_local_midnight_even_on_a_daylight_saving_day() -> None:
    assert day_start_utc(date(2025, 3, 30), "Europe/Paris") == datetime(
        2025, 3, 29, 23, 0, tzinfo=UTC
    )
    assert day_start_utc(date(2025, 3, 31), "Europe/Paris") == datetime(
        2025, 3, 30, 22, 0, tzinfo=UTC
    )
    assert day_start_utc(date(2025, 3, 30), "Not/AZone") == datetime(2025, 3, 30, tzinfo=UTC)
    now = datetime(2025, 3, 30, 12, 0, tzinfo=UTC)
    assert start_of_today("Europe/Paris", now) == datetime(2025, 3, 29, 23, 0, tzinfo=UTC)
    assert start_of_today("Asia/Tokyo", now) == datetime(2025, 3, 29, 15, 0, tzinfo=UTC)


def test_a_day_range_covers_whole_show_days() -> None:
    first, last = date(2025, 3, 29), date(2025, 3, 30)
    assert day_range(first, last, "Europe/Paris") == (
        datetime(2025, 3, 28, 23, 0, tzinfo=UTC),
        datetime(2025, 3, 30, 22, 0, tzinfo=UTC),
    )
    assert day_range(first, first, "Europe/Paris") == (
        datetime(2025, 3, 28, 23, 0, tzinfo=UTC),
        datetime(2025, 3, 29, 23, 0, tzinfo=UTC),
    )
    assert day_range(None, last, "UTC") == (None, datetime(2025, 3, 31, tzinfo=UTC))
    assert day_range(first, None, "UTC") == (datetime(2025, 3, 29, tzinfo=UTC), None)
    assert day_range(None, None, "UTC") == (None, None)

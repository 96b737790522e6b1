"""The counting service: status-bar and dashboard figures, counted in SQL."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from boothapp.core.leads.counts import ProductTally, RatingTally
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput, ProductShown
from boothapp.core.services import Services
from boothapp.core.show_time import zone
from boothapp.core.vocabulary import Rating

NOW = datetime(2023, 11, 15, 16, 0, tzinfo=UTC)


def _capture(
    services: Services,
    show: EventRow,
    at: datetime,
    staff_id: int | None,
    rating: str | None = None,
    skus: tuple[str, ...] = (),
    country: str | None = None,
    name: str = "Visitor",
) -> str:
    lead = services.leads.create(
        LeadInput(
            last_name=name,
            rating=rating,
            country=country,
            products=tuple(ProductShown(sku) for sku in skus),
        ),
        event_id=show.id,
        staff_id=staff_id,
        created_at=at,
    )
    return lead.id


@pytest.fixture
def floor(services: Services, show: EventRow) -> dict[str, int]:
    """Leads of two days in Paris, one of them a minute after local midnight."""
    claire = services.staff.get("Claire Martin").id
    jonas = services.staff.get("Jonas Weber").id
    day = datetime(2023, 11, 14, tzinfo=UTC)
    _capture(services, show, day + timedelta(hours=9), claire, "hot", ("TC-6040",), "FR")
    _capture(services, show, day + timedelta(hours=22, minutes=59), jonas, "warm", (), "DE")
    _capture(services, show, day + timedelta(hours=23, minutes=1), claire, None, ("RC-4U",))
    _capture(services, show, NOW - timedelta(hours=2), claire, "hot", ("TC-6040", "RC-4U"), "FR")
    _capture(services, show, NOW - timedelta(minutes=5), None, "cold", (), "FR", name="Nadia")
    gone = _capture(services, show, NOW - timedelta(minutes=1), jonas, "hot", ("TC-6040",))
    services.leads.delete(gone)
    return {"claire": claire, "jonas": jonas}


def test_the_dashboard_figures_agree_with_the_listed_leads(
    services: Services, show: EventRow, floor: dict[str, int]
) -> None:
    figures = services.counts.figures(LeadFilter(event_id=show.id), "Europe/Paris", now=NOW)
    rows = services.leads.list(LeadFilter(event_id=show.id), limit=None)
    paris = zone("Europe/Paris")
    days = Counter(row.created_at.astimezone(paris).date() for row in rows)
    today = NOW.astimezone(paris).date()
    hours = Counter(
        row.created_at.astimezone(paris).hour
        for row in rows
        if row.created_at.astimezone(paris).date() == today
    )
    assert figures.total == len(rows) == 5
    assert {day: tally.total for day, tally in figures.days.items()} == dict(days)
    assert figures.days[date(2023, 11, 14)] == RatingTally(hot=1, warm=1)
    assert figures.days[date(2023, 11, 15)] == RatingTally(hot=1, cold=1, unrated=1)
    assert figures.hours == dict(sorted(hours.items())) == {0: 1, 15: 1, 16: 1}
    assert figures.ratings == RatingTally(hot=2, warm=1, cold=1, unrated=1)
    assert figures.staff == {
        "Claire Martin": RatingTally(hot=2, unrated=1),
        "Jonas Weber": RatingTally(warm=1),
        None: RatingTally(cold=1),
    }
    assert figures.products == [
        ProductTally("RC-4U", "Rack case 4U", leads=2, hot=1),
        ProductTally("TC-6040", "Transit case 60x40", leads=2, hot=2),
    ]
    for tally in figures.products:
        narrowed = LeadFilter(event_id=show.id, product_sku=tally.sku)
        assert tally.leads == services.counts.count(narrowed)
    assert figures.countries == {"FR": 4, "DE": 1}


def test_the_figures_follow_a_filter(
    services: Services, show: EventRow, floor: dict[str, int]
) -> None:
    rated = LeadFilter(event_id=show.id, rating=Rating.HOT)
    figures = services.counts.figures(rated, "Europe/Paris", now=NOW)
    assert figures.ratings == RatingTally(hot=2)
    deleted = LeadFilter(event_id=show.id, deleted=True)
    assert services.counts.figures(deleted, "UTC", now=NOW).total == 1
    shown = LeadFilter(event_id=show.id, product_sku="RC-4U")
    assert services.counts.figures(shown, "UTC", now=NOW).products == [
        ProductTally("RC-4U", "Rack case 4U", leads=2, hot=1),
        ProductTally("TC-6040", "Transit case 60x40", leads=1, hot=1),
    ]
    searched = LeadFilter(event_id=show.id, search="nadia")
    assert services.counts.figures(searched, "UTC", now=NOW).staff == {None: RatingTally(cold=1)}


def test_days_and_hours_are_local_to_the_minute(services: Services) -> None:
    """Kathmandu is 5 h 45 min ahead of UTC: 18:14 UTC is 23:59 there, 18:15 the next
    day's midnight."""
    show = services.events.create(EventInput(name="Nepal Expo", timezone="Asia/Kathmandu"))
    for minute in (14, 15):
        services.leads.create(
            LeadInput(first_name=f"At {minute}"),
            event_id=show.id,
            created_at=datetime(2023, 11, 14, 18, minute, 30, tzinfo=UTC),
        )
    now = datetime(2023, 11, 14, 19, 0, tzinfo=UTC)
    figures = services.counts.figures(LeadFilter(event_id=show.id), "Asia/Kathmandu", now=now)
    assert {day: tally.total for day, tally in figures.days.items()} == {
        date(2023, 11, 14): 1,
        date(2023, 11, 15): 1,
    }
    assert figures.hours == {0: 1}


def test_the_status_bar_counts(services: Services, show: EventRow, floor: dict[str, int]) -> None:
    counts = services.counts
    status = counts.status(show, floor["claire"], now=NOW)
    assert (status.matching, status.in_show, status.today, status.mine) == (5, 5, 3, 2)
    searched = counts.status(show, None, search="nadia", now=NOW)
    assert (searched.matching, searched.in_show, searched.mine) == (1, 5, None)
    listed = LeadFilter(event_id=show.id, rating=Rating.HOT)
    assert counts.status(show, None, listed=listed, now=NOW).matching == 2
    known = counts.status(show, None, known_matching=5, now=NOW)
    assert (known.matching, known.in_show) == (5, 5)


def test_an_empty_show_counts_nothing(services: Services, show: EventRow) -> None:
    figures = services.counts.figures(LeadFilter(event_id=show.id), "Europe/Paris", now=NOW)
    assert (figures.total, figures.days, figures.hours, figures.products) == (0, {}, {}, [])
    status = services.counts.status(show, None, now=NOW)
    assert (status.matching, status.in_show, status.today) == (0, 0, 0)

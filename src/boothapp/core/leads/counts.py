"""Leads counted in SQL: by day and hour (the show's local time), staff member, product,
rating and country, for the dashboard and the Summary sheet.

Days and hours are those of the show's time zone. The database groups the leads by
the UTC minute they were captured in (at most a few thousand groups for a show), and
each minute is placed in its local day and hour here; every UTC offset in use is a
whole number of minutes, so no minute straddles a local midnight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, func, select

from boothapp.core.driver import driver_rows
from boothapp.core.leads.query import Selection, lead_conditions
from boothapp.core.leads.rows import LEADS, products_by_id, staff_names
from boothapp.core.models import STORED_RATINGS, LeadProduct
from boothapp.core.schemas import LeadFilter
from boothapp.core.vocabulary import Rating

_LEAD = LEADS.c
_SHOWN = LeadProduct.__table__.c


@dataclass
class RatingTally:
    """Leads counted by rating."""

    hot: int = 0
    warm: int = 0
    cold: int = 0
    unrated: int = 0

    @property
    def total(self) -> int:
        return self.hot + self.warm + self.cold + self.unrated

    def add(self, rating: Rating | None, count: int = 1) -> None:
        if rating is Rating.HOT:
            self.hot += count
        elif rating is Rating.WARM:
            self.warm += count
        elif rating is Rating.COLD:
            self.cold += count
        else:
            self.unrated += count

    def add_tally(self, other: RatingTally) -> None:
        self.hot += other.hot
        self.warm += other.warm
        self.cold += other.cold
        self.unrated += other.unrated

    def by_rating(self) -> tuple[int, int, int, int]:
        """Hot, warm, cold, not rated."""
        return (self.hot, self.warm, self.cold, self.unrated)


@dataclass(frozen=True)
class ProductTally:
    """How many of the counted leads were shown a product, and how many of those are hot."""

    sku: str
    name: str
    leads: int
    hot: int


@dataclass
class LeadFigures:
    """The counted leads by rating, local day, staff member (None: nobody), product
    shown, country (``""``: none given), and local hour of the day asked for."""

    ratings: RatingTally = field(default_factory=RatingTally)
    days: dict[date, RatingTally] = field(default_factory=dict)
    hours: dict[int, int] = field(default_factory=dict)
    staff: dict[str | None, RatingTally] = field(default_factory=dict)
    products: list[ProductTally] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.ratings.total


def _minute(connection: Connection) -> Any:
    """The UTC minute a lead was captured in, as ``YYYY-MM-DD HH:MM`` text."""
    if connection.dialect.name == "sqlite":
        return func.substr(_LEAD.created_at, 1, 16)
    return func.to_char(_LEAD.created_at, "YYYY-MM-DD HH24:MI")


def lead_figures(
    connection: Connection,
    leads: Selection | LeadFilter,
    zone: tzinfo,
    hours_of: date | None = None,
) -> LeadFigures:
    """The figures of the leads ``leads`` selects; days and hours in ``zone``, hours
    only for the day ``hours_of``."""
    conditions = lead_conditions(connection, leads)
    figures = LeadFigures()
    _count_by_time(connection, conditions, zone, hours_of, figures)
    _count_by_staff_and_country(connection, conditions, figures)
    _count_by_product(connection, conditions, figures)
    return figures


def _count_by_time(
    connection: Connection,
    conditions: list[ColumnElement[bool]],
    zone: tzinfo,
    hours_of: date | None,
    figures: LeadFigures,
) -> None:
    minute = _minute(connection)
    by_minute = (
        select(minute, _LEAD.rating, func.count())
        .where(*conditions)
        .group_by(minute, _LEAD.rating)
        .order_by(minute)
    )
    local: dict[str, datetime] = {}
    for text, stored_rating, count in driver_rows(connection, by_minute, {}):
        moment = local.get(text)
        if moment is None:
            moment = local[text] = datetime.fromisoformat(text).replace(tzinfo=UTC).astimezone(zone)
        rating = STORED_RATINGS[stored_rating]
        figures.ratings.add(rating, count)
        day = moment.date()
        tally = figures.days.get(day)
        if tally is None:
            tally = figures.days[day] = RatingTally()
        tally.add(rating, count)
        if day == hours_of:
            figures.hours[moment.hour] = figures.hours.get(moment.hour, 0) + count
    figures.hours = dict(sorted(figures.hours.items()))


def _count_by_staff_and_country(
    connection: Connection, conditions: list[ColumnElement[bool]], figures: LeadFigures
) -> None:
    names = staff_names(connection)
    grouped = (
        select(_LEAD.staff_id, _LEAD.country, _LEAD.rating, func.count())
        .where(*conditions)
        .group_by(_LEAD.staff_id, _LEAD.country, _LEAD.rating)
    )
    for staff_id, country, stored_rating, count in driver_rows(connection, grouped, {}):
        name = names.get(staff_id)
        tally = figures.staff.get(name)
        if tally is None:
            tally = figures.staff[name] = RatingTally()
        tally.add(STORED_RATINGS[stored_rating], count)
        key = country or ""
        figures.countries[key] = figures.countries.get(key, 0) + count


def _count_by_product(
    connection: Connection, conditions: list[ColumnElement[bool]], figures: LeadFigures
) -> None:
    by_product = (
        select(
            _SHOWN.product_id,
            func.count(),
            func.sum(case((_LEAD.rating == Rating.HOT, 1), else_=0)),
        )
        .select_from(LeadProduct.__table__)
        .join(LEADS, _LEAD.id == _SHOWN.lead_id)
        .where(*conditions)
        .group_by(_SHOWN.product_id)
    )
    catalogue = products_by_id(connection)
    figures.products = sorted(
        (
            ProductTally(catalogue[product_id][0], catalogue[product_id][1], count, int(hot or 0))
            for product_id, count, hot in driver_rows(connection, by_product, {})
        ),
        key=lambda tally: tally.sku,
    )

"""The figures of the Summary sheet, gathered while the leads stream past."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from boothapp.core.exporting.columns import RATING_LABELS, ShowContext
from boothapp.core.models import Rating
from boothapp.core.schemas import LeadDetail
from boothapp.core.validation import country_name

NO_STAFF = "(nobody)"
NO_COUNTRY = "(not given)"
OTHER_COUNTRIES = "Other countries"
TOP_COUNTRIES = 15
NOT_RATED = "Not rated"


@dataclass
class Tally:
    """Leads counted by rating."""

    hot: int = 0
    warm: int = 0
    cold: int = 0
    unrated: int = 0

    @property
    def total(self) -> int:
        return self.hot + self.warm + self.cold + self.unrated

    def add(self, rating: Rating | None) -> None:
        if rating is Rating.HOT:
            self.hot += 1
        elif rating is Rating.WARM:
            self.warm += 1
        elif rating is Rating.COLD:
            self.cold += 1
        else:
            self.unrated += 1

    def by_rating(self) -> tuple[int, int, int, int]:
        return (self.hot, self.warm, self.cold, self.unrated)


@dataclass
class ProductTally:
    sku: str
    name: str
    leads: int = 0
    hot: int = 0


@dataclass
class Summary:
    """Leads per day (the show's local dates), staff member, product, rating, country."""

    days: dict[date, Tally] = field(default_factory=dict)
    staff: dict[str, Tally] = field(default_factory=dict)
    products: dict[str, ProductTally] = field(default_factory=dict)
    ratings: Tally = field(default_factory=Tally)
    countries: Counter[str] = field(default_factory=Counter)

    @classmethod
    def for_show(cls, show: ShowContext) -> Summary:
        """An empty summary listing every product on the stand, even those never shown."""
        summary = cls()
        for product in show.products:
            summary.products[product.sku] = ProductTally(product.sku, product.name)
        return summary

    def add(self, lead: LeadDetail, day: date) -> None:
        rating = lead.rating
        self.ratings.add(rating)
        tally = self.days.get(day)
        if tally is None:
            tally = self.days[day] = Tally()
        tally.add(rating)
        staff = lead.staff or NO_STAFF
        tally = self.staff.get(staff)
        if tally is None:
            tally = self.staff[staff] = Tally()
        tally.add(rating)
        for item in lead.products:
            product = self.products.get(item.sku)
            if product is None:
                product = self.products[item.sku] = ProductTally(item.sku, item.name or item.sku)
            product.leads += 1
            if rating is Rating.HOT:
                product.hot += 1
        self.countries[lead.country or ""] += 1

    @property
    def total(self) -> int:
        return self.ratings.total

    def day_rows(self) -> list[tuple[date, int, int, int, int, int]]:
        return [(day, t.total, *t.by_rating()) for day, t in sorted(self.days.items())]

    def staff_rows(self) -> list[tuple[str, int, int, int, int, int]]:
        ordered = sorted(self.staff.items(), key=lambda item: (-item[1].total, item[0].casefold()))
        return [(name, t.total, *t.by_rating()) for name, t in ordered]

    def product_rows(self) -> list[tuple[str, str, int, int]]:
        ordered = sorted(self.products.values(), key=lambda p: (-p.leads, p.name.casefold()))
        return [(p.name, p.sku, p.leads, p.hot) for p in ordered]

    def rating_rows(self) -> list[tuple[str, int, float]]:
        total = self.total
        labels = [*(RATING_LABELS[r] for r in (Rating.HOT, Rating.WARM, Rating.COLD)), NOT_RATED]
        return [
            (label, count, count / total if total else 0.0)
            for label, count in zip(labels, self.ratings.by_rating(), strict=True)
        ]

    def country_rows(self, top: int = TOP_COUNTRIES) -> list[tuple[str, str, int]]:
        """The ``top`` countries by leads, then one row for all the others."""
        ordered = sorted(self.countries.items(), key=lambda item: (-item[1], item[0]))
        rows = [
            (country_name(code) if code else NO_COUNTRY, code, count)
            for code, count in ordered[:top]
        ]
        rest = sum(count for _code, count in ordered[top:])
        if rest:
            rows.append((OTHER_COUNTRIES, "", rest))
        return rows

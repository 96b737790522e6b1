"""The figures of the Summary sheet: the exported leads counted in SQL
(``core.leads.counts``), in the sheet's order and words; and, read in the same snapshot,
the exported leads' follow-up tasks, which the Follow-ups sheet lists and the Summary
sheet counts (``follow_ups``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from boothapp.core.exporting.columns import ShowContext
from boothapp.core.exporting.follow_ups import LeadTasks
from boothapp.core.leads.counts import LeadFigures, ProductTally, RatingTally, lead_figures
from boothapp.core.leads.query import Selection
from boothapp.core.validation import country_name
from boothapp.core.vocabulary import NO_STAFF_LABEL, NOT_RATED_LABEL, RATING_LABELS, Rating

NO_COUNTRY = "(not given)"
OTHER_COUNTRIES = "Other countries"
TOP_COUNTRIES = 15


@dataclass
class Summary:
    """Leads per day (the show's local dates), staff member, product, rating, country."""

    days: dict[date, RatingTally] = field(default_factory=dict)
    staff: dict[str, RatingTally] = field(default_factory=dict)
    products: dict[str, ProductTally] = field(default_factory=dict)
    ratings: RatingTally = field(default_factory=RatingTally)
    countries: dict[str, int] = field(default_factory=dict)
    follow_ups: LeadTasks = field(default_factory=LeadTasks)
    """The follow-up tasks of the exported leads, handed out as the leads are written."""

    @classmethod
    def read(cls, connection: Connection, selection: Selection, show: ShowContext) -> Summary:
        """The summary of the leads ``selection`` picks, counted in ``connection``'s
        transaction (the snapshot the export reads), with their follow-up tasks."""
        summary = cls.of(lead_figures(connection, selection, show.zone), show)
        summary.follow_ups = LeadTasks.read(connection, selection)
        return summary

    @classmethod
    def of(cls, figures: LeadFigures, show: ShowContext) -> Summary:
        """The summary of ``figures``, listing every product on the stand, even those
        never shown."""
        summary = cls(days=figures.days, ratings=figures.ratings, countries=dict(figures.countries))
        for name, tally in figures.staff.items():
            summary.staff.setdefault(name or NO_STAFF_LABEL, RatingTally()).add_tally(tally)
        for product in show.products:
            summary.products[product.sku] = ProductTally(product.sku, product.name, 0, 0)
        for shown in figures.products:
            summary.products[shown.sku] = ProductTally(
                shown.sku,
                summary.products[shown.sku].name
                if shown.sku in summary.products
                else shown.name or shown.sku,
                shown.leads,
                shown.hot,
            )
        return summary

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
        labels = [
            *(RATING_LABELS[r] for r in (Rating.HOT, Rating.WARM, Rating.COLD)),
            NOT_RATED_LABEL,
        ]
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

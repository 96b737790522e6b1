"""The show the export tests run on, and the awkward values its leads hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from boothapp.core.schemas import (
    EventInput,
    EventRow,
    LeadDetail,
    ProductInput,
    QuestionRow,
    StaffRow,
)
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportService

LONG_NOTE_LENGTH = 40_000
STAND_PRODUCTS = (
    ("TC-6040", "Transit case 60x40", "transit_case"),
    ("RC-4U", "Rack case 4U", "rack_case"),
    ("ACC-FOAM", "Pick-and-pluck foam", "accessory"),
)
HOSTILE = {
    "first_name": "=1+1",
    "last_name": "#N/A",
    "company": "+cmd|' /C calc'!A0",
    "job_title": "-2",
    "city": "@SUM(A1)",
}
FORMULA_NOTE = '=HYPERLINK("http://example.com/x","click")'

EXPECTED_HEADERS = [
    "Captured at",
    "Staff",
    "First name",
    "Last name",
    "Company",
    "Job title",
    "E-mail",
    "Phone",
    "Mobile",
    "Country",
    "Country code",
    "City",
    "Rating",
    "Products shown",
    "Pick-and-pluck foam",
    "Rack case 4U",
    "Transit case 60x40",
    "Follow-up",
    "Role in the purchase",
    "Applications",
    "Cases needed",
    "Comments",
    "Consent",
    "Consent text version",
    "Consent given at",
    "Legal basis",
    "Do not contact",
    "Notes",
    "Visits",
    "Badge ID",
    "Source",
    "Lead ID",
]


def long_note() -> str:
    """40,000 characters of words, emoji and Arabic, with line breaks."""
    words = ["Transit", "cases", "🚀📦", "صناديق", "for", "drones", "山田"]
    parts: list[str] = []
    size = 0
    index = 0
    while size < LONG_NOTE_LENGTH:
        word = words[index % len(words)]
        parts.append(word)
        size += len(word) + 1
        index += 1
    text = " ".join(parts)
    text = "\n".join(text[i : i + 500] for i in range(0, len(text), 500))
    return text[:LONG_NOTE_LENGTH].strip()


@dataclass(frozen=True)
class Booth:
    services: Services
    exports: ExportService
    show: EventRow
    questions: tuple[QuestionRow, ...]
    zoe: LeadDetail
    yamada: LeadDetail
    arabic: LeadDetail
    hostile: LeadDetail
    claire_id: int
    jonas_id: int


def moment(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2023, 11, day, hour, minute, tzinfo=UTC)


def milipol_stand(services: Services) -> tuple[EventRow, StaffRow, StaffRow]:
    """Milipol Paris 2023 with a consent text, Claire Martin (manager) and Jonas Weber
    on its roster and ``STAND_PRODUCTS`` on its stand: the show, Claire, Jonas."""
    show = services.events.create(
        EventInput(
            name="Milipol Paris 2023",
            venue="Paris Nord Villepinte",
            city="Paris",
            country="FR",
            timezone="Europe/Paris",
            consent_text="We may contact you about our products.",
            consent_version="2023-11",
        )
    )
    claire = services.staff.create("Claire Martin", role="manager", event_id=show.id)
    jonas = services.staff.create("Jonas Weber", event_id=show.id)
    for sku, name, category in STAND_PRODUCTS:
        services.products.create(
            ProductInput(sku=sku, name=name, category=category), event_id=show.id
        )
    return show, claire, jonas

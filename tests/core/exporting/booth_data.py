"""The show the export tests run on, and the awkward values its leads hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from boothapp.core.schemas import EventRow, LeadDetail, QuestionRow
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportService

LONG_NOTE_LENGTH = 40_000
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

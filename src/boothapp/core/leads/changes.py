"""What a write of a lead stores: the input cleaned, its products, answers and consent
resolved. Every write (create, update, merge, revert, a scan) goes through these.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select

from boothapp.core.driver import DriverStatement
from boothapp.core.errors import ValidationError
from boothapp.core.leads.rows import CONTACT_KEYS
from boothapp.core.models import Product, Question
from boothapp.core.schemas import LeadDetail, LeadInput, ProductShown
from boothapp.core.validation import (
    FieldWarning,
    clean_line,
    clean_text,
    lead_country,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)
from boothapp.core.vocabulary import (
    FollowUp,
    LeadSource,
    LegalBasis,
    ProductCategory,
    QuestionKind,
    Rating,
)

MAX_BADGE_PAYLOAD = 4096
MAX_NOTE_LENGTH = 100_000
NO_CONSENT_TEXT = (
    "this show has no consent text: add one in the show settings before recording consent"
)
MERGEABLE_FIELDS = CONTACT_KEYS
"""The contact fields a merge fills when they are empty."""


def parse_rating(value: Rating | str | None) -> Rating | None:
    if value is None or value == "":
        return None
    try:
        return Rating(str(value).strip().lower())
    except ValueError:
        raise ValidationError("rating", f"{value!r} is not hot, warm or cold") from None


def parse_legal_basis(value: LegalBasis | str | None) -> LegalBasis | None:
    if value is None or value == "":
        return None
    try:
        return LegalBasis(str(value).strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(basis.value for basis in LegalBasis)
        raise ValidationError("legal_basis", f"{value!r} is not one of {allowed}") from None


def legal_basis_of(consent: bool, chosen: LegalBasis | str | None) -> LegalBasis | None:
    """A lead's legal basis for follow-up: consent when given, else legitimate interest
    when chosen, else none recorded."""
    if consent:
        return LegalBasis.CONSENT
    basis = parse_legal_basis(chosen)
    return basis if basis is LegalBasis.LEGITIMATE_INTEREST else None


def parse_source(value: LeadSource | str) -> LeadSource:
    try:
        return LeadSource(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in LeadSource)
        raise ValidationError("source", f"{value!r} is not one of {allowed}") from None


def check_created_range(created_from: datetime | None, created_to: datetime | None) -> None:
    """Refuses a capture-time range that ends before it starts."""
    if created_from is not None and created_to is not None and created_from >= created_to:
        raise ValidationError("dates", "the first day comes after the last one: swap the two dates")


def parse_follow_ups(values: Sequence[str]) -> list[str]:
    result: list[str] = []
    for value in values:
        key = str(value).strip().lower().replace("-", "_").replace(" ", "_")
        try:
            follow_up = FollowUp(key)
        except ValueError:
            allowed = ", ".join(f.value for f in FollowUp)
            raise ValidationError("follow_ups", f"{value!r} is not one of {allowed}") from None
        if follow_up.value not in result:
            result.append(follow_up.value)
    return result


class Contact:
    """A LeadInput's own fields cleaned (``values``, by column), with the warnings met on
    the way, its badge payload and its note.

    With ``fill_country``, a lead given no country takes one (see ``lead_country``),
    unless it is known only by its badge: the attendee list fills that one in later."""

    def __init__(self, data: LeadInput, show_country: str | None, fill_country: bool) -> None:
        self.warnings: list[FieldWarning] = []
        self.values: dict[str, Any] = {
            "first_name": clean_line(data.first_name, "first_name"),
            "last_name": clean_line(data.last_name, "last_name"),
            "company": clean_line(data.company, "company", 300),
            "job_title": clean_line(data.job_title, "job_title", 300),
            "email": normalise_email(data.email),
            "website": normalise_website(data.website),
            "street": clean_line(data.street, "street", 500),
            "postal_code": clean_line(data.postal_code, "postal_code", 32),
            "city": clean_line(data.city, "city"),
            "region": clean_line(data.region, "region"),
            "country": normalise_country(data.country),
            "rating": parse_rating(data.rating),
            "follow_ups": parse_follow_ups(data.follow_ups),
            "badge_id": clean_line(data.badge_id, "badge_id") or None,
            "badge_format": clean_line(data.badge_format, "badge_format", 32) or None,
            "legal_basis": legal_basis_of(data.consent, data.legal_basis),
            "do_not_contact": bool(data.do_not_contact),
        }
        region = self.values["country"] or show_country
        if fill_country and _identifies(self.values, data):
            self.values["country"] = lead_country(
                self.values["country"], data.phone, data.mobile, show_country
            )
        for field in ("phone", "mobile"):
            value, warning = normalise_phone(getattr(data, field), region, field)
            self.values[field] = value
            if warning is not None:
                self.warnings.append(warning)
        if data.badge_raw is not None and len(data.badge_raw.encode("utf-8", "surrogatepass")) > (
            MAX_BADGE_PAYLOAD
        ):
            raise ValidationError(
                "badge_raw", f"the badge payload is over {MAX_BADGE_PAYLOAD} bytes"
            )
        self.badge_raw = (
            data.badge_raw.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
            if data.badge_raw is not None
            else None
        )
        self.note = clean_text(data.note, "note", MAX_NOTE_LENGTH)
        keys = ("first_name", "last_name", "email", "company", "phone", "mobile", "badge_id")
        if not any(self.values[key] for key in keys) and not self.badge_raw:
            raise ValidationError(
                "name", "a lead needs at least a name, an e-mail, a company, a phone or a badge"
            )


def _identifies(values: dict[str, Any], data: LeadInput) -> bool:
    """Whether a lead says who the visitor is, beyond a badge to look up."""
    keys = ("first_name", "last_name", "company", "email")
    return any(values[key] for key in keys) or bool(
        clean_line(data.phone, "phone", 64) or clean_line(data.mobile, "mobile", 64)
    )


# --- consent ---------------------------------------------------------------------------

NO_CONSENT: dict[str, Any] = {
    "consent_given": False,
    "consent_version": None,
    "consent_at": None,
    "consent_staff_id": None,
}
"""The consent columns of a lead that has given none."""


def consent_columns(
    given_before: bool,
    given: bool,
    consent: tuple[str, str],
    staff_id: int | None,
    now: datetime,
) -> dict[str, Any]:
    """The consent columns a save writes, given the show's ``consent`` (text, version).

    Consent given anew records the version of the show's text, the time and who
    recorded it, and needs a consent text; withdrawn, all of that goes; unchanged,
    nothing is written."""
    if given == given_before:
        return {}
    if not given:
        return dict(NO_CONSENT)
    text, version = consent
    if not text:
        raise ValidationError("consent", NO_CONSENT_TEXT)
    return {
        "consent_given": True,
        "consent_version": version or None,
        "consent_at": now,
        "consent_staff_id": staff_id,
    }


# --- products --------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownProduct:
    """A product given for a lead, checked against the catalogue."""

    id: int
    sku: str
    quantity: int | None
    remark: str
    name: str
    category: ProductCategory


_PRODUCT_BY_SKU = DriverStatement(
    select(Product.id, Product.name, Product.category).where(Product.sku == bindparam("sku"))
)


def shown_products(connection: Connection, products: Sequence[ProductShown]) -> list[ShownProduct]:
    """The products given, by cleaned SKU (the last one wins), checked against the
    catalogue, quantities and remarks checked."""
    wanted: dict[str, ProductShown] = {}
    for item in products:
        sku = clean_line(item.sku, "products", 64)
        if sku:
            if item.quantity is not None and item.quantity < 0:
                raise ValidationError("products", f"the quantity of {sku} cannot be negative")
            wanted[sku] = item
    if not wanted:
        return []
    found = {
        sku: rows[0] for sku in wanted if (rows := _PRODUCT_BY_SKU.rows(connection, {"sku": sku}))
    }
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise ValidationError("products", f"unknown SKU {', '.join(missing)}")
    return [
        ShownProduct(
            id=found[sku][0],
            sku=sku,
            quantity=item.quantity,
            remark=clean_line(item.remark, "products", 500),
            name=found[sku][1],
            category=ProductCategory(found[sku][2]),
        )
        for sku, item in wanted.items()
    ]


# --- answers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AskedQuestion:
    """What checking an answer needs to know of its question."""

    id: int
    position: int
    text: str
    kind: QuestionKind
    choices: tuple[str, ...]


_QUESTIONS_OF_EVENT = select(
    Question.id, Question.position, Question.text, Question.kind, Question.choices
).where(Question.event_id == bindparam("event_id"))


def asked_questions(connection: Connection, event_id: int) -> dict[int, AskedQuestion]:
    return {
        row.id: AskedQuestion(row.id, row.position, row.text, row.kind, tuple(row.choices))
        for row in connection.execute(_QUESTIONS_OF_EVENT, {"event_id": event_id})
    }


def checked_answers(
    questions: dict[int, AskedQuestion], answers: dict[int, Any]
) -> list[tuple[AskedQuestion, Any]]:
    """The answers given, each checked against its question, with the value to store;
    None for an empty answer, which clears one stored before."""
    checked = []
    for question_id, raw in answers.items():
        question = questions.get(question_id)
        if question is None:
            raise ValidationError("answers", f"question {question_id} is not asked at this show")
        checked.append((question, _answer_value(question, raw)))
    return checked


def _answer_value(question: AskedQuestion, raw: Any) -> Any:
    """The stored form of an answer, checked against the question; None clears it."""
    field = f"answers[{question.text}]"
    if raw is None or raw == "" or raw == [] or raw == ():
        return None
    if question.kind == QuestionKind.NUMBER:
        try:
            number = float(str(raw).replace(",", "."))
        except ValueError:
            raise ValidationError(field, f"{raw!r} is not a number") from None
        if not math.isfinite(number):
            raise ValidationError(field, f"{raw!r} is not a number")
        return int(number) if number.is_integer() else number
    if question.kind == QuestionKind.TEXT:
        return clean_text(str(raw), field, 10_000) or None
    chosen = [raw] if isinstance(raw, str) else list(raw)
    unknown = [c for c in chosen if c not in question.choices]
    if unknown:
        raise ValidationError(field, f"{unknown[0]!r} is not one of the choices")
    if question.kind == QuestionKind.SINGLE:
        if len(chosen) != 1:
            raise ValidationError(field, "choose exactly one answer")
        return chosen[0]
    return chosen


# --- merging ---------------------------------------------------------------------------


def merged_input(existing: LeadDetail, incoming: LeadInput) -> LeadInput:
    """What ``existing`` becomes when ``incoming`` is folded into it (a returning visitor,
    a duplicate merged, an attendee-list row): its empty contact fields take the
    incoming values and its filled ones are kept; products, follow-ups and answers are
    added to what is there; rating and badge are kept unless missing; consent once
    given, a legal basis and "do not contact" stay; the incoming note is the one to
    append."""
    current = {name: getattr(existing, name) for name in MERGEABLE_FIELDS}
    merged_fields = {
        name: current[name] if current[name] else getattr(incoming, name)
        for name in MERGEABLE_FIELDS
    }
    products = {p.sku: p for p in existing.products}
    for item in incoming.products:
        products.setdefault(item.sku, item)
    answers: dict[int, Any] = {a.question_id: a.value for a in existing.answers}
    answers.update({k: v for k, v in incoming.answers.items() if v not in (None, "", [], ())})
    return LeadInput(
        **merged_fields,
        rating=incoming.rating or existing.rating,
        follow_ups=tuple(dict.fromkeys((*existing.follow_ups, *incoming.follow_ups))),
        products=tuple(products.values()),
        answers=answers,
        consent=existing.consent_given or incoming.consent,
        legal_basis=existing.legal_basis or incoming.legal_basis,
        do_not_contact=existing.do_not_contact or incoming.do_not_contact,
        note=incoming.note,
        badge_id=existing.badge_id or incoming.badge_id,
        badge_format=existing.badge_format or incoming.badge_format,
    )

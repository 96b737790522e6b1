"""Plain frozen values that leave core: services take and return these, never ORM objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, Protocol, TypeVar, cast

from boothapp.core.models import (
    LeadSource,
    LegalBasis,
    ProductCategory,
    QuestionKind,
    Rating,
    StaffRole,
)
from boothapp.core.validation import FieldWarning

ValueT = TypeVar("ValueT")


class _NamedLead(Protocol):
    @property
    def first_name(self) -> str: ...
    @property
    def last_name(self) -> str: ...
    @property
    def email(self) -> str | None: ...
    @property
    def company(self) -> str: ...
    @property
    def badge_id(self) -> str | None: ...


_CJK = re.compile(
    "["
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u9fff"  # CJK ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\u1100-\u11ff"  # Hangul jamo
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0002fa1f"  # CJK extensions
    "]"
)


def family_name_first(first_name: str, last_name: str) -> bool:
    """True for Chinese, Japanese and Korean names, written family name first."""
    return _CJK.search(first_name) is not None or _CJK.search(last_name) is not None


def lead_display_name(lead: _NamedLead) -> str:
    """The name to show for a lead: its name, else e-mail, company or badge ID.

    Chinese, Japanese and Korean names show the family name first ("山田 太郎")."""
    parts = (lead.first_name, lead.last_name)
    if family_name_first(lead.first_name, lead.last_name):
        parts = (lead.last_name, lead.first_name)
    name = " ".join(part for part in parts if part)
    return name or lead.email or lead.company or lead.badge_id or "(no name)"


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    venue: str
    city: str
    country: str | None
    start_date: date | None
    end_date: date | None
    booth: str
    timezone: str
    consent_text: str
    consent_version: str


@dataclass(frozen=True)
class EventInput:
    name: str
    venue: str = ""
    city: str = ""
    country: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    booth: str = ""
    timezone: str = "UTC"
    """An IANA time zone; empty: the country's when it keeps one time, else UTC."""
    consent_text: str = ""
    consent_version: str = ""


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    email: str | None
    phone: str | None
    role: StaffRole
    active: bool


@dataclass(frozen=True)
class ProductRow:
    id: int
    sku: str
    name: str
    category: ProductCategory
    description: str
    attributes: dict[str, Any]
    brochure_url: str | None
    active: bool


@dataclass(frozen=True)
class ProductInput:
    sku: str
    name: str
    category: ProductCategory | str = ProductCategory.OTHER
    description: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    brochure_url: str | None = None
    active: bool = True


@dataclass(frozen=True)
class StaffEntry:
    """A staff member as the show settings edit them; ``id`` is None for a new one."""

    id: int | None
    name: str
    email: str | None
    role: StaffRole
    active: bool
    on_roster: bool


@dataclass(frozen=True)
class ProductEntry:
    """A catalogue product as the show settings edit it; ``id`` is None for a new one."""

    id: int | None
    sku: str
    name: str
    category: ProductCategory
    on_stand: bool


@dataclass(frozen=True)
class QuestionEntry:
    """A qualifier question as the show settings edit it; ``id`` is None for a new one."""

    id: int | None
    text: str
    kind: QuestionKind
    choices: tuple[str, ...]


@dataclass(frozen=True)
class ShowSetup:
    """Everything the show settings save at once: the show's details, the staff (and who
    works this show), the catalogue (and what is on the stand), and the questions in the
    order they are asked. Questions of the show left out are deleted."""

    show: EventInput
    staff: tuple[StaffEntry, ...]
    products: tuple[ProductEntry, ...]
    questions: tuple[QuestionEntry, ...]


@dataclass(frozen=True)
class QuestionRow:
    id: int
    position: int
    text: str
    kind: QuestionKind
    choices: tuple[str, ...]


@dataclass(frozen=True)
class ProductShown:
    """A product shown to a lead, as given to or returned by the lead service."""

    sku: str
    quantity: int | None = None
    remark: str = ""
    name: str = ""
    category: ProductCategory | None = None


@dataclass(frozen=True)
class NoteRow:
    id: int
    at: datetime
    staff: str | None
    text: str


@dataclass(frozen=True)
class VisitRow:
    id: int
    at: datetime
    staff: str | None
    source: LeadSource


@dataclass(frozen=True)
class AnswerRow:
    question_id: int
    question: str
    value: Any


@dataclass(frozen=True)
class LeadInput:
    """What a form, a scan or a command gives to create or update a lead.

    ``note`` is appended as a new timestamped note; it never replaces earlier ones.
    ``answers`` maps question ids to a text, a number or a list of choices.
    ``legal_basis`` matters only without consent: consent given is the lead's legal
    basis; without it, legitimate interest is kept and anything else is "not recorded".
    """

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    job_title: str = ""
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    website: str | None = None
    street: str = ""
    postal_code: str = ""
    city: str = ""
    region: str = ""
    country: str | None = None
    rating: Rating | str | None = None
    follow_ups: tuple[str, ...] = ()
    products: tuple[ProductShown, ...] = ()
    answers: dict[int, Any] = field(default_factory=dict)
    consent: bool = False
    legal_basis: LegalBasis | str | None = None
    do_not_contact: bool = False
    note: str = ""
    source: LeadSource | str = LeadSource.MANUAL
    badge_id: str | None = None
    badge_format: str | None = None
    badge_raw: str | None = None


@dataclass(frozen=True)
class LeadRow:
    """One line of the lead list."""

    id: str
    event_id: int
    created_at: datetime
    updated_at: datetime
    first_name: str
    last_name: str
    company: str
    job_title: str
    email: str | None
    phone: str | None
    country: str | None
    city: str
    rating: Rating | None
    staff: str | None
    source: LeadSource
    badge_id: str | None
    deleted_at: datetime | None

    @property
    def display_name(self) -> str:
        return lead_display_name(self)


@dataclass(frozen=True)
class LeadDetail:
    """Everything stored about one lead."""

    id: str
    event_id: int
    event: str
    staff_id: int | None
    staff: str | None
    source: LeadSource
    first_name: str
    last_name: str
    company: str
    job_title: str
    email: str | None
    phone: str | None
    mobile: str | None
    website: str | None
    street: str
    postal_code: str
    city: str
    region: str
    country: str | None
    rating: Rating | None
    follow_ups: tuple[str, ...]
    consent_given: bool
    consent_version: str | None
    consent_at: datetime | None
    consent_staff: str | None
    legal_basis: LegalBasis | None
    do_not_contact: bool
    badge_id: str | None
    badge_format: str | None
    badge_raw: str | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    products: tuple[ProductShown, ...]
    notes: tuple[NoteRow, ...]
    visits: tuple[VisitRow, ...]
    answers: tuple[AnswerRow, ...]
    warnings: tuple[FieldWarning, ...] = ()

    @property
    def display_name(self) -> str:
        return lead_display_name(self)


NOT_RATED = "none"
"""The rating filter's choice for the leads not rated yet."""


def rating_filter_fields(choice: str | None) -> dict[str, Any]:
    """The ``LeadFilter`` fields for a rating filter's choice: a rating's value, or
    ``NOT_RATED``; None means any rating."""
    if choice == NOT_RATED:
        return {"rating": None, "unrated": True}
    return {"rating": Rating(choice) if choice else None, "unrated": False}


@dataclass(frozen=True)
class LeadFilter:
    """Which leads a listing, search, count or export covers. None means any;
    ``unrated`` keeps only the leads without a rating (``rating`` is then ignored)."""

    event_id: int | None = None
    staff_id: int | None = None
    rating: Rating | None = None
    unrated: bool = False
    product_sku: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    search: str = ""
    deleted: bool = False


def value_of(kind: type[ValueT], source: object, **given: Any) -> ValueT:
    """A value object of ``kind`` (a frozen dataclass of this module) made from the
    attributes of ``source`` that bear its fields' names, an ORM object or a row of its
    table; ``given`` replaces some of them."""
    names = (item.name for item in fields(cast(Any, kind)))
    return kind(**{name: given[name] if name in given else getattr(source, name) for name in names})

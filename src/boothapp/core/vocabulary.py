"""The domain's enums and the one English label of each value, used by the window, the
command line and every export.

The enums' values are what the database stores; the labels are what people read.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final


class StaffRole(enum.StrEnum):
    STAFF = "staff"
    MANAGER = "manager"


class ProductCategory(enum.StrEnum):
    TRANSIT_CASE = "transit_case"
    RACK_CASE = "rack_case"
    RACK = "rack"
    ACCESSORY = "accessory"
    SERVICE = "service"
    OTHER = "other"


class LeadSource(enum.StrEnum):
    MANUAL = "manual"
    BADGE = "badge"
    CAMERA = "camera"
    IMAGE = "image"
    KIOSK = "kiosk"
    IMPORT = "import"


class Rating(enum.StrEnum):
    HOT = "hot"
    WARM = "warm"
    COLD = "cold"


class FollowUp(enum.StrEnum):
    SEND_BROCHURE = "send_brochure"
    SEND_QUOTE = "send_quote"
    CALL_BACK = "call_back"
    ARRANGE_MEETING = "arrange_meeting"
    DEMO = "demo"
    OTHER = "other"


class LegalBasis(enum.StrEnum):
    """Why the exhibitor may contact a lead after the show (GDPR article 6)."""

    CONSENT = "consent"
    LEGITIMATE_INTEREST = "legitimate_interest"


class AuditAction(enum.StrEnum):
    """What the audit log records: the operations that hand out, replace or destroy
    leads."""

    EXPORT = "export"
    MERGE = "merge"
    RESTORE = "restore"
    ERASE = "erase"
    PURGE = "purge"


class TombstoneKind(enum.StrEnum):
    """Why a lead id is gone for good: erased on request, or joined into another lead
    (the same visitor captured twice)."""

    ERASED = "erased"
    JOINED = "joined"


class QuestionKind(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TEXT = "text"
    NUMBER = "number"


ROLE_LABELS: Final[Mapping[StaffRole, str]] = {
    StaffRole.STAFF: "Staff",
    StaffRole.MANAGER: "Manager",
}
CATEGORY_LABELS: Final[Mapping[ProductCategory, str]] = {
    ProductCategory.TRANSIT_CASE: "Transit case",
    ProductCategory.RACK_CASE: "Rack case",
    ProductCategory.RACK: "Rack",
    ProductCategory.ACCESSORY: "Accessory",
    ProductCategory.SERVICE: "Service",
    ProductCategory.OTHER: "Other",
}
SOURCE_LABELS: Final[Mapping[LeadSource, str]] = {
    LeadSource.MANUAL: "Typed in",
    LeadSource.BADGE: "Badge scan",
    LeadSource.CAMERA: "Camera scan",
    LeadSource.IMAGE: "Badge photo",
    LeadSource.KIOSK: "Kiosk",
    LeadSource.IMPORT: "Imported",
}
RATING_LABELS: Final[Mapping[Rating, str]] = {
    Rating.HOT: "Hot",
    Rating.WARM: "Warm",
    Rating.COLD: "Cold",
}
FOLLOW_UP_LABELS: Final[Mapping[FollowUp, str]] = {
    FollowUp.SEND_BROCHURE: "Send brochure",
    FollowUp.SEND_QUOTE: "Send quote",
    FollowUp.CALL_BACK: "Call back",
    FollowUp.ARRANGE_MEETING: "Arrange meeting",
    FollowUp.DEMO: "Demo",
    FollowUp.OTHER: "Other",
}
QUESTION_KIND_LABELS: Final[Mapping[QuestionKind, str]] = {
    QuestionKind.SINGLE: "One choice",
    QuestionKind.MULTIPLE: "Several choices",
    QuestionKind.TEXT: "Text",
    QuestionKind.NUMBER: "Number",
}

LEGAL_BASIS_LABELS: Final[Mapping[LegalBasis, str]] = {
    LegalBasis.CONSENT: "Consent",
    LegalBasis.LEGITIMATE_INTEREST: "Legitimate interest (business contact, informed)",
}
NO_LEGAL_BASIS_LABEL: Final = "Not recorded"
AUDIT_ACTION_LABELS: Final[Mapping[AuditAction, str]] = {
    AuditAction.EXPORT: "Export",
    AuditAction.MERGE: "Merge",
    AuditAction.RESTORE: "Restore",
    AuditAction.ERASE: "Erasure",
    AuditAction.PURGE: "Purge",
}
TOMBSTONE_LABELS: Final[Mapping[TombstoneKind, str]] = {
    TombstoneKind.ERASED: "Erased",
    TombstoneKind.JOINED: "Joined into another lead",
}

PRODUCT_ATTRIBUTE_LABELS: Final[Mapping[str, str]] = {
    "internal_dimensions": "Internal dimensions",
    "rack_units": "Rack units",
    "weight": "Weight",
    "ip_rating": "IP rating",
    "standard": "Standards",
    "colours": "Colours",
    "picture": "Picture",
}
"""The attributes that matter for cases and racks, by the key a product stores them
under, in the order a catalogue file and the product sheet give them."""

NOT_RATED_LABEL: Final = "Not rated"
NO_STAFF_LABEL: Final = "(nobody)"
"""Stands for the staff member of leads captured with nobody signed in at the laptop."""

_FOLLOW_UP_LABELS_BY_TEXT: Final[Mapping[str, str]] = {
    follow_up.value: text for follow_up, text in FOLLOW_UP_LABELS.items()
}


def rating_label(rating: Rating | None) -> str:
    """The rating's label; empty for a lead not rated yet."""
    return "" if rating is None else RATING_LABELS[rating]


def follow_up_label(follow_up: str) -> str:
    """The label of a follow-up as a lead stores it (text); text that names no
    follow-up is returned as it is."""
    return _FOLLOW_UP_LABELS_BY_TEXT.get(follow_up, follow_up)

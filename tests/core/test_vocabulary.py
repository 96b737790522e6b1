"""The vocabulary: one English label for every value of every domain enum."""

from __future__ import annotations

import enum
from collections.abc import Mapping

import pytest

from boothapp.core import models, vocabulary
from boothapp.core.vocabulary import (
    AUDIT_ACTION_LABELS,
    CATEGORY_LABELS,
    FOLLOW_UP_LABELS,
    LEGAL_BASIS_LABELS,
    QUESTION_KIND_LABELS,
    RATING_LABELS,
    ROLE_LABELS,
    SOURCE_LABELS,
    TOMBSTONE_LABELS,
    AuditAction,
    FollowUp,
    LeadSource,
    LegalBasis,
    ProductCategory,
    QuestionKind,
    Rating,
    StaffRole,
    TombstoneKind,
    follow_up_label,
    rating_label,
)

LABELS: list[tuple[type[enum.StrEnum], Mapping[enum.StrEnum, str]]] = [
    (StaffRole, ROLE_LABELS),
    (ProductCategory, CATEGORY_LABELS),
    (LeadSource, SOURCE_LABELS),
    (Rating, RATING_LABELS),
    (FollowUp, FOLLOW_UP_LABELS),
    (QuestionKind, QUESTION_KIND_LABELS),
    (LegalBasis, LEGAL_BASIS_LABELS),
    (AuditAction, AUDIT_ACTION_LABELS),
    (TombstoneKind, TOMBSTONE_LABELS),
]


def test_every_domain_enum_has_its_labels() -> None:
    enums = {
        value
        for value in vars(vocabulary).values()
        if isinstance(value, type)
        and issubclass(value, enum.Enum)
        and value.__module__ == vocabulary.__name__
    }
    assert enums == {cls for cls, _ in LABELS}


@pytest.mark.parametrize(("cls", "labels"), LABELS, ids=[cls.__name__ for cls, _ in LABELS])
def test_every_member_has_one_label_of_its_own(
    cls: type[enum.StrEnum], labels: Mapping[enum.StrEnum, str]
) -> None:
    assert list(labels) == list(cls)
    assert all(label.strip() == label and label for label in labels.values())
    assert len(set(labels.values())) == len(labels)


def test_labels_read_by_a_booth_manager() -> None:
    assert list(RATING_LABELS.values()) == ["Hot", "Warm", "Cold"]
    assert list(SOURCE_LABELS.values()) == [
        "Typed in",
        "Badge scan",
        "Camera scan",
        "Badge photo",
        "Kiosk",
        "Imported",
    ]
    assert vocabulary.NOT_RATED_LABEL not in RATING_LABELS.values()


def test_rating_label_is_empty_for_a_lead_not_rated() -> None:
    assert [rating_label(r) for r in Rating] == ["Hot", "Warm", "Cold"]
    assert rating_label(None) == ""


def test_follow_ups_stored_as_text_read_as_labels() -> None:
    assert follow_up_label("send_quote") == "Send quote"
    assert follow_up_label(FollowUp.CALL_BACK) == "Call back"
    assert follow_up_label("fax_them") == "fax_them"


def test_models_hands_out_the_same_enums() -> None:
    assert models.Rating is Rating
    assert models.LeadSource is LeadSource
    assert models.FollowUp is FollowUp
    assert models.StaffRole is StaffRole
    assert models.ProductCategory is ProductCategory
    assert models.QuestionKind is QuestionKind

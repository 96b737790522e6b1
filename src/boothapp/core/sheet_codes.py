"""Action codes of the printed capture sheet: scan a code, and the open lead changes.

A code's text reads ``BTHP1/<sheet tag>/<action>[/<value>...]``, so a person can check
what it does with any scanner test app:

    BTHP1/K3QZ7A/product/KRS-TC-3015          tick a product (its SKU)
    BTHP1/K3QZ7A/rating/hot                   rate the lead (hot, warm, cold)
    BTHP1/K3QZ7A/follow_up/send_quote         add a follow-up
    BTHP1/K3QZ7A/answer/2/UAS / drones        answer question 2 with this choice
    BTHP1/K3QZ7A/save                         save the lead, ready for the next visitor
    BTHP1/K3QZ7A/undo                         undo the last sheet action
    BTHP1/K3QZ7A/staff/Élodie Garnier         "I am at this laptop"

``BTHP1`` is the prefix (``1``: the version of this layout); no badge format starts so
(badge IDs have no ``/``, URLs start with a scheme or ``www.``, cards with their keyword).
The *sheet tag* is six base32 characters of a SHA-256 of the show's name and stand (see
:func:`show_tag`): the same on every laptop of the booth, since shows are matched across
laptops by name, and different for another exhibitor at the same show, or another show.
Question numbers count from 1 in the order the questions are asked (all of the show's
questions, as ``EventService.questions`` lists them). The last value (SKU, choice, staff
name) is the rest of the text, so it may hold ``/``.

The scan path tries :func:`parse` before reading a payload as a badge:

    try:
        action = sheet_codes.parse(payload, show, products, questions, roster)
    except SheetCodeRefused as refusal:
        ...show str(refusal): a code of this kind that cannot apply here
    if action is None:
        ...not a sheet code: scan it as a badge

:func:`encode` makes the text of a code from a :class:`SheetAction` built by its class
methods (``SheetAction.rating(Rating.HOT)``...); ``parse(encode(show, action), ...)``
gives the action back. Pure Python: the window and the command line both use it.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from boothapp.core.errors import BoothError
from boothapp.core.schemas import EventRow, ProductRow, QuestionRow, StaffRow
from boothapp.core.vocabulary import (
    FOLLOW_UP_LABELS,
    RATING_LABELS,
    FollowUp,
    QuestionKind,
    Rating,
)

PREFIX: Final = "BTHP1"
"""What every sheet code starts with (then ``/``)."""

TAG_LENGTH: Final = 6

_CODE = re.compile(
    r"^(?:\][A-Za-z][0-9])?\s*BTHP(?P<version>[0-9]+)/(?P<rest>.*)$",
    re.DOTALL | re.IGNORECASE,
)
"""A sheet code, after an optional AIM symbology identifier (``]Q1``) that some scanners
put first; the prefix is read in any case (a scanner may type with Caps Lock on)."""

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.StrEnum)

_MAX_SHOWN = 80
"""Longer codes are cut in messages."""

ANSWER_KINDS: Final = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
"""The questions a sheet offers codes for: those answered by choices."""


class SheetActionKind(enum.StrEnum):
    """What a sheet code does; the value is the word in the code."""

    PRODUCT = "product"
    RATING = "rating"
    FOLLOW_UP = "follow_up"
    ANSWER = "answer"
    SAVE = "save"
    UNDO = "undo"
    STAFF = "staff"


SAVE_LABEL: Final = "Save and next visitor"
UNDO_LABEL: Final = "Undo last"


class SheetCodeRefused(BoothError):
    """A sheet code that cannot apply here (another show's, a product no longer on the
    stand, an unknown choice...). ``str()`` names the code and says what to do."""

    def __init__(self, code: str, reason: str) -> None:
        shown = code if len(code) <= _MAX_SHOWN else code[: _MAX_SHOWN - 1] + "…"
        super().__init__(f'Sheet code "{shown}" not applied: {reason}')
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class SheetAction:
    """What one sheet code asks of the open lead, with what to apply.

    ``kind`` says which of the other fields is set: ``sku`` (PRODUCT), ``rating``,
    ``follow_up``, ``question_id`` with ``question_number`` and ``choice`` (ANSWER: tick
    this choice; a single-choice question keeps only it), ``staff_id`` with
    ``staff_name`` (STAFF); SAVE and UNDO carry nothing. ``label`` is what a person
    reads, on the sheet and in the status bar ("Hot", "Send quote", ...).
    """

    kind: SheetActionKind
    label: str
    sku: str | None = None
    rating: Rating | None = None
    follow_up: FollowUp | None = None
    question_id: int | None = None
    question_number: int | None = None
    choice: str | None = None
    staff_id: int | None = None
    staff_name: str | None = None

    @classmethod
    def product(cls, product: ProductRow) -> SheetAction:
        return cls(SheetActionKind.PRODUCT, product_label(product), sku=product.sku)

    @classmethod
    def rate(cls, rating: Rating) -> SheetAction:
        return cls(SheetActionKind.RATING, RATING_LABELS[rating], rating=rating)

    @classmethod
    def follow(cls, follow_up: FollowUp) -> SheetAction:
        return cls(SheetActionKind.FOLLOW_UP, FOLLOW_UP_LABELS[follow_up], follow_up=follow_up)

    @classmethod
    def answer(cls, question: QuestionRow, number: int, choice: str) -> SheetAction:
        """Choose ``choice`` of ``question``, the show's question number ``number``
        (see :func:`question_numbers`)."""
        return cls(
            SheetActionKind.ANSWER,
            f"{question.text}: {choice}",
            question_id=question.id,
            question_number=number,
            choice=choice,
        )

    @classmethod
    def save(cls) -> SheetAction:
        return cls(SheetActionKind.SAVE, SAVE_LABEL)

    @classmethod
    def undo(cls) -> SheetAction:
        return cls(SheetActionKind.UNDO, UNDO_LABEL)

    @classmethod
    def staff(cls, member: StaffRow) -> SheetAction:
        return cls(
            SheetActionKind.STAFF,
            f"{member.name} is at this laptop",
            staff_id=member.id,
            staff_name=member.name,
        )


def product_label(product: ProductRow) -> str:
    return f"{product.name} ({product.sku})"


def _fold(text: str) -> str:
    """``text`` for matching: NFC, case folded, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def show_tag(name: str, booth: str) -> str:
    """The sheet tag of a show: six base32 characters (A-Z, 2-7) of the SHA-256 of its
    name and stand, compared without regard to case, accents' encoding or spacing."""
    digest = hashlib.sha256(f"{_fold(name)}\x1f{_fold(booth)}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:TAG_LENGTH]


def tag_of(show: EventRow) -> str:
    return show_tag(show.name, show.booth)


def question_numbers(questions: Sequence[QuestionRow]) -> dict[int, int]:
    """Question id -> its number on the sheet: 1, 2, ... in the order of ``position``."""
    ordered = sorted(questions, key=lambda question: (question.position, question.id))
    return {question.id: number for number, question in enumerate(ordered, start=1)}


def is_sheet_code(text: str) -> bool:
    """Whether ``text`` is meant as a sheet code (of any show or version): a payload that
    is must not be scanned as a badge, even when :func:`parse` refuses it."""
    return _CODE.match(text.strip()) is not None


def encode(show: EventRow, action: SheetAction) -> str:
    """The text of the code that does ``action`` at ``show``."""
    parts = [PREFIX, tag_of(show), action.kind.value]
    kind = action.kind
    if kind is SheetActionKind.PRODUCT:
        parts.append(_given(action.sku, "sku"))
    elif kind is SheetActionKind.RATING:
        parts.append(_given(action.rating, "rating").value)
    elif kind is SheetActionKind.FOLLOW_UP:
        parts.append(_given(action.follow_up, "follow_up").value)
    elif kind is SheetActionKind.ANSWER:
        number = _given(action.question_number, "question_number")
        parts += [str(number), _given(action.choice, "choice")]
    elif kind is SheetActionKind.STAFF:
        parts.append(_given(action.staff_name, "staff_name"))
    return "/".join(parts)


def _given(value: _T | None, name: str) -> _T:
    if value is None or value == "":
        raise ValueError(f"a sheet action of this kind needs its {name}")
    return value


def parse(
    text: str,
    show: EventRow,
    products: Sequence[ProductRow],
    questions: Sequence[QuestionRow],
    staff: Sequence[StaffRow],
) -> SheetAction | None:
    """The action of a scanned sheet code of ``show``, or None when ``text`` is not a
    sheet code at all (then it is a badge).

    ``products`` are those on the show's stand, ``questions`` all of the show's questions,
    ``staff`` its roster. Raises :class:`SheetCodeRefused` for a sheet code that cannot
    apply: another show's or exhibitor's sheet, a newer layout, a product no longer on
    the stand, a question or choice that is not the show's, someone not on the roster.
    """
    code = text.strip()
    match = _CODE.match(code)
    if match is None:
        return None
    if match.group("version") != PREFIX.removeprefix("BTHP"):
        raise SheetCodeRefused(
            code, "it was printed by another version of boothapp: print the sheet again here"
        )
    tag, _, rest = match.group("rest").partition("/")
    if tag.strip().upper() != tag_of(show):
        raise SheetCodeRefused(
            code,
            f"this code is from another show's sheet (sheet {tag.strip().upper() or '?'}; the "
            f"sheets of {show.name} are {tag_of(show)}): use the sheet printed for this show, "
            "or print a new one if the show's name or stand was changed",
        )
    word, _, value = rest.partition("/")
    try:
        kind = SheetActionKind(word.strip().lower())
    except ValueError:
        raise SheetCodeRefused(code, f"{word.strip()!r} is no sheet action") from None
    value = value.strip()
    if kind is SheetActionKind.PRODUCT:
        return SheetAction.product(_product(code, value, show, products))
    if kind is SheetActionKind.RATING:
        return SheetAction.rate(_member(code, Rating, value, "rating"))
    if kind is SheetActionKind.FOLLOW_UP:
        return SheetAction.follow(_member(code, FollowUp, value, "follow-up"))
    if kind is SheetActionKind.ANSWER:
        return _answer(code, value, show, questions)
    if kind is SheetActionKind.STAFF:
        return SheetAction.staff(_staff(code, value, show, staff))
    if value:
        raise SheetCodeRefused(code, f"{kind.value} takes no value, got {value!r}")
    return SheetAction.save() if kind is SheetActionKind.SAVE else SheetAction.undo()


def _product(code: str, sku: str, show: EventRow, products: Sequence[ProductRow]) -> ProductRow:
    if not sku:
        raise SheetCodeRefused(code, "the code names no product")
    for product in products:
        if product.sku == sku:
            return product
    folded = [product for product in products if _fold(product.sku) == _fold(sku)]
    if len(folded) == 1:
        return folded[0]
    raise SheetCodeRefused(
        code,
        f"product {sku} is not on the stand of {show.name} any more: "
        "tick it by hand, or print a new capture sheet",
    )


def _member(code: str, kind: type[_E], value: str, what: str) -> _E:
    try:
        return kind(value.lower())
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise SheetCodeRefused(code, f"{value!r} is no {what} (known: {known})") from None


def _answer(code: str, value: str, show: EventRow, questions: Sequence[QuestionRow]) -> SheetAction:
    number_text, _, choice = value.partition("/")
    numbers = question_numbers(questions)
    by_number = {numbers[question.id]: question for question in questions}
    question = by_number.get(int(number_text)) if number_text.strip().isdigit() else None
    if question is None or question.kind not in ANSWER_KINDS:
        raise SheetCodeRefused(
            code,
            f"{show.name} has no question {number_text.strip()!r} answered by choices: "
            "print a new capture sheet",
        )
    choice = choice.strip()
    found = [known for known in question.choices if known == choice] or [
        known for known in question.choices if _fold(known) == _fold(choice)
    ]
    if len(found) != 1:
        raise SheetCodeRefused(
            code,
            f"{choice!r} is not a choice of the question {question.text!r}: "
            "print a new capture sheet",
        )
    return SheetAction.answer(question, numbers[question.id], found[0])


def _staff(code: str, name: str, show: EventRow, staff: Sequence[StaffRow]) -> StaffRow:
    found = [member for member in staff if member.active and _fold(member.name) == _fold(name)]
    if len(found) != 1:
        raise SheetCodeRefused(
            code,
            f"{name or '(no name)'} is not on the roster of {show.name}: "
            "choose who is at the laptop in the window",
        )
    return found[0]


def sheet_actions(
    products: Sequence[ProductRow], questions: Sequence[QuestionRow]
) -> list[SheetAction]:
    """Every action of a show's capture sheet, in a plain order: products as given,
    ratings, follow-ups, each choice of each question answered by choices, save, undo."""
    numbers = question_numbers(questions)
    actions = [SheetAction.product(product) for product in products]
    actions += [SheetAction.rate(rating) for rating in Rating]
    actions += [SheetAction.follow(follow_up) for follow_up in FollowUp]
    for question in sorted(questions, key=lambda q: numbers[q.id]):
        if question.kind in ANSWER_KINDS:
            actions += [
                SheetAction.answer(question, numbers[question.id], choice)
                for choice in question.choices
            ]
    actions += [SheetAction.save(), SheetAction.undo()]
    return actions

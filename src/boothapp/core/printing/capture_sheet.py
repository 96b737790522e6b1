"""The capture sheet of a show: a code for each thing staff record about a visitor, so a
lead can be completed with the scanner alone (see :mod:`boothapp.core.sheet_codes`).

In the order of a conversation: the products on the stand grouped by category (as the
capture form's products panel groups them), rating, follow-ups, the choices of each
question answered by choices, then "Save and next visitor" and "Undo last". A staff
member's own sheet starts with their "I am at this laptop" code.
"""

from __future__ import annotations

from collections.abc import Sequence

from boothapp import APP_NAME
from boothapp.core.catalogue import by_category
from boothapp.core.printing.document import Document, Paper, Printed
from boothapp.core.printing.fonts import FontSet
from boothapp.core.printing.grid import Grid, Tile, draw_section
from boothapp.core.schemas import EventRow, ProductRow, QuestionRow, StaffRow
from boothapp.core.sheet_codes import (
    ANSWER_KINDS,
    SheetAction,
    encode,
    question_numbers,
    tag_of,
)
from boothapp.core.vocabulary import (
    CATEGORY_LABELS,
    FOLLOW_UP_LABELS,
    QUESTION_KIND_LABELS,
    RATING_LABELS,
    FollowUp,
    Rating,
)

GRID = Grid(columns=5, code_size=24.0)


def capture_sheet(
    show: EventRow,
    products: Sequence[ProductRow],
    questions: Sequence[QuestionRow],
    *,
    staff: StaffRow | None = None,
    paper: Paper = Paper.A4,
    fonts: FontSet | None = None,
) -> Printed:
    """The capture sheet of ``show`` with ``products`` (those on its stand) and
    ``questions`` (all of the show's, numbered as the codes number them); with
    ``staff``, that person's own sheet, adding their "I am at this laptop" code."""
    tag = tag_of(show)
    stand = f"stand {show.booth} · " if show.booth else ""
    owner = f" of {staff.name}" if staff is not None else ""
    document = Document(
        f"Capture sheet{owner} · {show.name}",
        paper,
        subtitle=(
            f"{stand}sheet {tag} · Scan the visitor's badge, then each code that applies; "
            '"Save and next visitor" when done.'
        ),
        footer=f"{APP_NAME} capture sheet {tag}, only for {show.name}",
        fonts=fonts,
    )

    def tile(action: SheetAction, title: str, detail: str) -> Tile:
        return Tile(encode(show, action), title, detail)

    if staff is not None:
        draw_section(
            document,
            "At this laptop",
            [tile(SheetAction.staff(staff), "I am at this laptop", staff.name)],
            GRID,
        )
    for category, group in by_category(products):
        draw_section(
            document,
            f"Products · {CATEGORY_LABELS[category]}",
            [tile(SheetAction.product(product), product.name, product.sku) for product in group],
            GRID,
        )
    draw_section(
        document,
        "Rating",
        [tile(SheetAction.rate(rating), RATING_LABELS[rating], "Rating") for rating in Rating],
        GRID,
    )
    draw_section(
        document,
        "Follow-up",
        [
            tile(SheetAction.follow(follow_up), FOLLOW_UP_LABELS[follow_up], "Follow-up")
            for follow_up in FollowUp
        ],
        GRID,
    )
    numbers = question_numbers(questions)
    for question in sorted(questions, key=lambda q: numbers[q.id]):
        if question.kind not in ANSWER_KINDS:
            continue
        number = numbers[question.id]
        kind = QUESTION_KIND_LABELS[question.kind].lower()
        draw_section(
            document,
            f"Q{number} · {question.text} ({kind})",
            [
                tile(SheetAction.answer(question, number, choice), choice, f"Q{number}")
                for choice in question.choices
            ],
            GRID,
        )
    draw_section(
        document,
        "Finish",
        [
            tile(SheetAction.save(), "Save and next visitor", "saves the open lead"),
            tile(SheetAction.undo(), "Undo last", "the last code scanned"),
        ],
        GRID,
    )
    return document.finish()

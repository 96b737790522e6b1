"""Scanning the printed capture sheet: a code changes the lead open in the form.

"Scan badge, scan two products, scan hot, scan save" is a qualified lead in five scans
and no keys. A sheet code (``core.sheet_codes``) ticks a product, rates the lead, adds a
follow-up, picks an answer, saves the lead for the next visitor, undoes the last sheet
code, or says who is at the laptop. It reaches the window by any scan path (the USB
scanner, the badge box, the camera, an image) and gets the same feedback as a badge:
the status bar, the scanner indicator, the beep.

A code that changes the lead needs one open in the form (a lead opened or scanned, or a
visitor being typed): with none, the scan says so and changes nothing. Ticking a
product already ticked, or a rating already set, changes nothing either, so scanning a
code twice is harmless. Undo puts the form back as it was before the last sheet code
applied to it (as many steps back as codes were scanned since the lead was opened).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from boothapp.core import sheet_codes
from boothapp.core.errors import BoothError
from boothapp.core.schemas import EventRow, ProductShown
from boothapp.core.services import Services
from boothapp.core.sheet_codes import SheetAction, SheetActionKind
from boothapp.core.vocabulary import QuestionKind
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

# Translated where shown (context "sheet_scans").
NO_LEAD_OPEN = QT_TRANSLATE_NOOP(
    "sheet_scans",
    "No lead open: scan the visitor's badge (or type them in) first, then the sheet",
)
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP(
    "sheet_scans", "Nothing to undo: no sheet code was applied to this lead"
)


class SheetScans:
    """Applies sheet codes to ``capture``; ``use_staff(staff_id)`` changes who is at the
    laptop."""

    def __init__(
        self, services: Services, capture: CaptureForm, use_staff: Callable[[int], None]
    ) -> None:
        self.services = services
        self.capture = capture
        self.use_staff = use_staff
        self._undo: list[dict[str, Any]] = []
        self._undo_lead: object = None

    def parse(self, payload: str, show: EventRow) -> SheetAction | None:
        """The action of ``payload`` when it is a sheet code of ``show``; None when it is
        no sheet code (a badge). Raises ``SheetCodeRefused`` for a code that cannot
        apply here."""
        if not sheet_codes.is_sheet_code(payload):
            return None
        services = self.services
        return sheet_codes.parse(
            payload,
            show,
            services.products.list(event_id=show.id),
            services.events.questions(show.id),
            services.staff.list(event_id=show.id),
        )

    def apply(self, action: SheetAction) -> tuple[bool, str]:
        """Applies ``action``; (whether it was applied, what to say)."""
        capture = self.capture
        if action.kind is SheetActionKind.STAFF:
            assert action.staff_id is not None
            self.use_staff(action.staff_id)
            return True, translate("SheetScans", "{name} is at this laptop").format(
                name=action.staff_name
            )
        if capture.lead_id is None and capture.is_empty():
            return False, translate("sheet_scans", NO_LEAD_OPEN)
        self._follow_lead()
        if action.kind is SheetActionKind.UNDO:
            return self._undo_last()
        if action.kind is SheetActionKind.SAVE:
            return self._save()
        label = _label(action)
        if action.kind is SheetActionKind.ANSWER and not self._asks(action.question_id):
            return False, translate(
                "SheetScans", "{label}: the form does not ask this question"
            ).format(label=label)
        before = capture.fields()
        self._change(action)
        if capture.fields() == before:
            return True, translate("SheetScans", "{label}: already so").format(label=label)
        self._undo.append(before)
        return True, f"{label} — {self._who()}"

    def _who(self) -> str:
        name = " ".join(self.capture.text(n) for n in ("first_name", "last_name")).strip()
        return (
            name
            or self.capture.text("company")
            or translate("SheetScans", "the visitor in the form")
        )

    def _follow_lead(self) -> None:
        """Undo steps belong to the lead they were taken on."""
        lead = self.capture.lead_id
        if lead != self._undo_lead:
            self._undo = []
            self._undo_lead = lead

    def _change(self, action: SheetAction) -> None:
        capture = self.capture
        view = capture.view
        if action.kind is SheetActionKind.PRODUCT:
            assert action.sku is not None
            chosen = view.products.chosen()
            if all(item.sku != action.sku for item in chosen):
                view.products.set_chosen((*chosen, ProductShown(sku=action.sku)))
        elif action.kind is SheetActionKind.RATING:
            capture.set_rating(action.rating)
        elif action.kind is SheetActionKind.FOLLOW_UP:
            assert action.follow_up is not None
            view.follow_up_boxes[action.follow_up].setChecked(True)
        elif action.kind is SheetActionKind.ANSWER:
            assert action.question_id is not None and action.choice is not None
            self._answer(action.question_id, action.choice)
        capture.mark_edited()

    def _asks(self, question_id: int | None) -> bool:
        return any(q.id == question_id for q in self.capture.view.questions.questions)

    def _answer(self, question_id: int, choice: str) -> None:
        panel = self.capture.view.questions
        answers = panel.answers()
        current = answers.get(question_id)
        question = next(q for q in panel.questions if q.id == question_id)
        if question.kind is QuestionKind.MULTIPLE:
            chosen = list(current) if isinstance(current, list) else []
            if choice not in chosen:
                chosen.append(choice)
            answers[question_id] = chosen
        else:
            answers[question_id] = choice
        panel.set_answers(answers)

    def _undo_last(self) -> tuple[bool, str]:
        if not self._undo:
            return False, translate("sheet_scans", NOTHING_TO_UNDO)
        self.capture.set_fields(self._undo.pop())
        self.capture.mark_edited()
        return True, translate("SheetScans", "Undone — {who}").format(who=self._who())

    def _save(self) -> tuple[bool, str]:
        who = self._who()
        try:
            saved = self.capture.save()
        except BoothError as error:
            return False, translate("SheetScans", "Not saved: {error}").format(error=error)
        if saved is None:
            return False, translate(
                "SheetScans", "{who} not saved: see the message in the form"
            ).format(who=who)
        self._undo = []
        return True, translate("SheetScans", "Saved {name} — ready for the next visitor").format(
            name=saved.display_name
        )


def _label(action: SheetAction) -> str:
    """What a person reads for ``action``: a rating or follow-up in the window's
    language; a product or an answer as the show names it."""
    if action.kind in (SheetActionKind.RATING, SheetActionKind.FOLLOW_UP):
        return vocabulary(action.label)
    return action.label

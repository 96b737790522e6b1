"""The capture form's behaviour: type a visitor in, save with Ctrl+S, next visitor.

Saving clears the form and puts the cursor back in the first name; what is typed but
not saved is written as a draft every few seconds and offered back after a crash; a
new lead whose e-mail is already known at the show gets an inline duplicate bar.

The show's products and questions and the country list are filled in by
:meth:`CaptureForm.finish_start_up`, just after the window's first screen is painted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache, partial
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QApplication, QCompleter, QLabel, QVBoxLayout, QWidget

from boothapp.core.errors import BoothError, NotFound, ValidationError
from boothapp.core.models import Rating
from boothapp.core.schemas import EventRow, LeadDetail, LeadInput, LeadRow, StaffRow
from boothapp.core.services import Services
from boothapp.core.services.drafts import Draft
from boothapp.core.validation import (
    country_choices,
    country_name,
    format_phone,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)
from boothapp.gui.formatting import local_time, zone
from boothapp.gui.palette import problem_colour
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.capture_view import CONTACT_FIELDS, RATING_KEYS, CaptureView

AUTOSAVE_MS = 3000
VALIDATE_DELAY_MS = 400
SUGGEST_DELAY_MS = 120
CONSENT_SUMMARY_CHARS = 140
TEXT_FIELDS = tuple(name for name, _title, _placeholder in CONTACT_FIELDS if name != "country")


@cache
def country_names() -> tuple[dict[str, str], list[str]]:
    """English names by ISO code, and every English and French name for type-ahead."""
    english = dict(country_choices("en"))
    names = list(english.values())
    seen = set(names)
    for _code, name in country_choices("fr"):
        if name not in seen:
            seen.add(name)
            names.append(name)
    return english, sorted(names, key=str.casefold)


def consent_summary(text: str, limit: int = CONSENT_SUMMARY_CHARS) -> str:
    """The start of a consent text, to show under the box (the whole text is its
    tooltip and in the show settings): at most ``limit`` characters, cut at a word."""
    if len(text.strip()) <= limit:
        return text.strip()
    flat = " ".join(text.split())
    cut = flat[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def draft_name(fields: dict[str, Any]) -> str:
    """Who a draft is about, for the bar that offers it back ("" when nothing says)."""
    first = fields.get("first_name") or ""
    last = fields.get("last_name") or ""
    name = " ".join(str(part).strip() for part in (first, last) if str(part).strip())
    return name or str(fields.get("email") or fields.get("company") or "").strip()


class CaptureForm(QWidget):
    """The form over ``services`` for the show and staff member given by ``set_context``.

    ``saved`` carries the stored lead and, when an existing lead was saved over, the
    lead as it was before (None for a new lead); ``message`` carries a short line for
    the status bar."""

    saved = Signal(object, object)
    message = Signal(str)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.active_show: EventRow | None = None
        self.staff: StaffRow | None = None
        self.lead_id: str | None = None
        self.editing: LeadDetail | None = None
        self.duplicates: list[LeadRow] = []
        self.offered_draft: Draft | None = None
        self._offer_kind = ""
        self._edited = False
        self._pending: LeadInput | None = None
        self._dirty = False
        self._filling = False
        self._suggest_generation = 0
        self._draft_stored = False
        self.started = False
        # E-mail (folded) -> the show's leads with it, looked up off the UI thread as
        # the address is typed, so that saving needs no look-up.
        self._known_duplicates: dict[str, list[LeadRow]] = {}

        self.view = CaptureView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)

        self.company_model = QStringListModel(self)
        self.company_completer = QCompleter(self.company_model, self)
        self.company_completer.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self.company_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view.edits["company"].setCompleter(self.company_completer)

        self.country_completer: QCompleter | None = None

        self._make_shortcuts()
        self._connect()
        self.autosave_timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def edited(self) -> bool:
        """Something was typed or chosen since the form was cleared or a lead opened."""
        return self._edited

    # --- building -----------------------------------------------------------------

    def _make_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def shortcut(keys: str | QKeySequence, slot: Callable[[], object]) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(context)
            made.activated.connect(slot)
            return made

        self.save_shortcuts = [
            shortcut("Ctrl+S", self.save),
            shortcut("Ctrl+Return", self.save),
            shortcut("Ctrl+Enter", self.save),
        ]
        self.new_shortcut = shortcut(QKeySequence(Qt.Key.Key_Escape), self.new_visitor)
        # A check box's own Alt+letter clicks it 100 ms later, when Ctrl+S may already
        # have saved the visitor: the tick would land on the next one. This is at once.
        consent = self.view.consent_box
        consent.setShortcut(QKeySequence())
        shortcut(QKeySequence.mnemonic(consent.text()), self.toggle_consent)
        for rating, keys in RATING_KEYS.items():
            shortcut(keys, partial(self.toggle_rating, rating))

    def _connect(self) -> None:
        view = self.view
        self.autosave_timer.timeout.connect(self.autosave)
        self._validate_timer.timeout.connect(lambda: self.validate_field("email"))
        self._validate_timer.timeout.connect(self._look_up_duplicates)
        view.edits["email"].editingFinished.connect(self._look_up_duplicates)
        self._suggest_timer.timeout.connect(self._fetch_companies)
        for name, edit in view.edits.items():
            edit.textChanged.connect(self._changed)
            edit.editingFinished.connect(lambda name=name: self.validate_field(name))
        view.edits["email"].textChanged.connect(self._email_changed)
        view.edits["company"].textEdited.connect(self._company_edited)
        view.country_combo.currentTextChanged.connect(self._country_changed)
        line = view.country_combo.lineEdit()
        if line is not None:
            line.editingFinished.connect(lambda: self.validate_field("country"))
        view.products.changed.connect(self._changed)
        view.products.rebuilt.connect(self._update_tab_order)
        view.questions.changed.connect(self._changed)
        for rating, button in view.rating_buttons.items():
            button.clicked.connect(
                lambda on, rating=rating: self.set_rating(rating if on else None)
            )
        for box in view.follow_up_boxes.values():
            box.toggled.connect(self._changed)
        view.consent_box.toggled.connect(self._changed)
        view.notes_edit.textChanged.connect(self._changed)
        view.save_button.clicked.connect(self.save)
        view.new_button.clicked.connect(self.new_visitor)
        view.restore_button.clicked.connect(self.restore_draft)
        view.discard_button.clicked.connect(self.discard_draft)
        view.open_existing_button.clicked.connect(self.open_existing)
        view.merge_button.clicked.connect(self.merge_into_existing)
        view.save_anyway_button.clicked.connect(self.save_anyway)
        view.cancel_duplicate_button.clicked.connect(self.cancel_duplicate)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Scrolls the control the cursor moves to into view, however it got there
        (Tab, Alt+letter, a click on a label, an error)."""
        body = self.view.scroll_area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            self.view.scroll_area.ensureWidgetVisible(new, 8, 8)

    def finish_start_up(self) -> None:
        """Fills the country list and the show's products and questions, which the
        first screen does without (what is typed or chosen meanwhile is kept). Calling
        it again does nothing."""
        if self.started:
            return
        self.started = True
        english, all_names = country_names()
        combo = self.view.country_combo
        with self._filling_form():
            typed = combo.currentText()
            for code, name in english.items():
                combo.addItem(name, code)
            combo.setCurrentText(typed)
        self.country_completer = QCompleter(all_names, self)
        self.country_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.country_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.country_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(self.country_completer)
        if self.active_show is not None:
            self._load_catalogue(self.active_show)

    def _load_catalogue(self, event: EventRow) -> None:
        view = self.view
        with self._filling_form():
            view.products.set_products(self.services.products.list(event_id=event.id))
            view.questions.set_questions(self.services.events.questions(event.id))
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        view = self.view
        chain: list[QWidget] = [view.field(name) for name, _t, _p in CONTACT_FIELDS]
        chain += view.products.focus_chain()
        chain += list(view.rating_buttons.values())
        chain += list(view.follow_up_boxes.values())
        chain += view.questions.focus_chain()
        chain += [view.consent_box, view.notes_edit, view.history, view.save_button]
        chain.append(view.new_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- the show and the person ----------------------------------------------------

    def set_context(self, event: EventRow | None, staff: StaffRow | None) -> None:
        """Follows the window's show and staff member; a new show brings its catalogue,
        questions and consent text (the typed contact fields are kept)."""
        self.staff = staff
        if event == self.active_show:
            return
        previous = self.active_show
        self.active_show = event
        if event is None:
            return
        view = self.view
        with self._filling_form():
            kept = self.fields() if previous is not None else None
            if self.started:
                self._load_catalogue(event)
            view.consent_box.setEnabled(bool(event.consent_text))
            if event.consent_text:
                version = f" (version {event.consent_version})" if event.consent_version else ""
                view.consent_text.setText(consent_summary(event.consent_text) + version)
                view.consent_text.setToolTip(event.consent_text + version)
            else:
                view.consent_text.setText(
                    "This show has no consent text: add one in Show settings (Ctrl+,) "
                    "to record the visitor's consent."
                )
            self._update_tab_order()
            if kept is not None and previous is not None and previous.id != event.id:
                self.lead_id = None
                self.editing = None
                self._show_editing(None)
                self.set_fields(kept)
            elif kept is None:
                self._reset_values()

    # --- values -------------------------------------------------------------------

    def default_country(self) -> str:
        """The show's country, which a lead saved with no country takes (unless its
        phone number is an international one from elsewhere)."""
        return country_name(self.active_show.country) if self.active_show is not None else ""

    def _show_country_placeholder(self) -> None:
        line = self.view.country_combo.lineEdit()
        if line is None:
            return
        default = self.default_country()
        line.setPlaceholderText(f"{default}, or the phone's country" if default else "")

    def rating(self) -> Rating | None:
        for rating, button in self.view.rating_buttons.items():
            if button.isChecked():
                return rating
        return None

    def set_rating(self, rating: Rating | None) -> None:
        for value, button in self.view.rating_buttons.items():
            button.setChecked(value == rating)
        self._changed()

    def toggle_rating(self, rating: Rating) -> None:
        self.set_rating(None if self.rating() == rating else rating)

    def toggle_consent(self) -> None:
        """Alt+A: ticks or unticks consent at once and moves the cursor there."""
        box = self.view.consent_box
        if not box.isEnabled():
            return
        box.setChecked(not box.isChecked())
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def follow_ups(self) -> tuple[str, ...]:
        return tuple(str(f) for f, box in self.view.follow_up_boxes.items() if box.isChecked())

    def text(self, name: str) -> str:
        if name == "country":
            return self.view.country_combo.currentText().strip()
        return self.view.edits[name].text().strip()

    def lead_input(self) -> LeadInput:
        """What the form holds, as the lead service takes it."""
        values = {name: self.text(name) for name in TEXT_FIELDS}
        return LeadInput(
            first_name=values["first_name"],
            last_name=values["last_name"],
            company=values["company"],
            job_title=values["job_title"],
            email=values["email"] or None,
            phone=values["phone"] or None,
            mobile=values["mobile"] or None,
            website=values["website"] or None,
            city=values["city"],
            country=self.text("country") or None,
            rating=self.rating(),
            follow_ups=self.follow_ups(),
            products=self.view.products.chosen(),
            answers=self.view.questions.answers(),
            consent=self.view.consent_box.isChecked(),
            note=self.view.notes_edit.toPlainText(),
        )

    def fields(self) -> dict[str, Any]:
        """The form as plain JSON values, for the draft."""
        view = self.view
        values: dict[str, Any] = {name: view.edits[name].text() for name in TEXT_FIELDS}
        values["country"] = view.country_combo.currentText()
        rating = self.rating()
        values["rating"] = str(rating) if rating is not None else None
        values["follow_ups"] = list(self.follow_ups())
        values["products"] = view.products.draft_value()
        values["answers"] = view.questions.draft_value()
        values["consent"] = view.consent_box.isChecked()
        values["note"] = view.notes_edit.toPlainText()
        return values

    def set_fields(self, values: dict[str, Any]) -> None:
        """Fills the form from ``fields()`` output (unknown or odd values are skipped)."""
        self.finish_start_up()
        view = self.view
        with self._filling_form():
            for name in TEXT_FIELDS:
                value = values.get(name)
                view.edits[name].setText(value if isinstance(value, str) else "")
            country = values.get("country")
            view.country_combo.setCurrentText(country if isinstance(country, str) else "")
            rating = values.get("rating")
            self.set_rating(Rating(rating) if rating in {r.value for r in Rating} else None)
            chosen = values.get("follow_ups")
            chosen = set(chosen) if isinstance(chosen, list) else set()
            for follow_up, box in view.follow_up_boxes.items():
                box.setChecked(str(follow_up) in chosen)
            view.products.set_draft_value(values.get("products"))
            view.questions.set_draft_value(values.get("answers"))
            view.consent_box.setChecked(values.get("consent") is True)
            note = values.get("note")
            view.notes_edit.setPlainText(note if isinstance(note, str) else "")
        self._validate_all()

    def is_empty(self) -> bool:
        """Nothing typed or chosen (the show's country alone does not count)."""
        values = self.fields()
        country = values.pop("country")
        if country.strip() not in ("", self.default_country()):
            return False
        return not any(
            value.strip() if isinstance(value, str) else value for value in values.values()
        )

    def _reset_values(self) -> None:
        view = self.view
        with self._filling_form():
            for edit in view.edits.values():
                edit.clear()
            view.country_combo.setCurrentText("")
            self._show_country_placeholder()
            self.set_rating(None)
            for box in view.follow_up_boxes.values():
                box.setChecked(False)
            view.products.set_chosen(())
            view.questions.set_answers({})
            view.consent_box.setChecked(False)
            view.notes_edit.clear()
        self._clear_errors()

    def _filling_form(self) -> _Filling:
        return _Filling(self)

    def _changed(self) -> None:
        if self._filling:
            return
        self._dirty = True
        self._edited = True
        if self.offered_draft is not None and self._offer_kind == "cleared":
            self._hide_offer()
            self._offer_next_kept()

    # --- clearing and loading ---------------------------------------------------------

    def clear(self) -> None:
        """Empties the form for the next visitor and puts the cursor in the first name."""
        self.lead_id = None
        self.editing = None
        self._pending = None
        self.duplicates = []
        self.view.duplicate_bar.setVisible(False)
        self._reset_values()
        self._show_editing(None)
        self._dirty = False
        self._edited = False
        self.focus_first_field()

    def new_visitor(self) -> None:
        """Escape / New: clears the form; a form with something in it is kept as a draft
        and offered back until the next visitor is typed."""
        popup = self.company_completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
            return
        if self.is_empty() or self.active_show is None or (self.lead_id and not self._edited):
            self.clear()
            return
        fields = self.fields()
        stored = self._store_draft(fields)
        lead_id = self.lead_id
        self.clear()
        if stored:
            draft = Draft(
                saved_at=datetime.now(UTC),
                event_id=self.active_show.id,
                lead_id=lead_id,
                fields=fields,
            )
            self._hide_offer()
            self._offer(draft, "cleared")

    def focus_first_field(self) -> None:
        first = self.view.edits["first_name"]
        self.view.scroll_area.ensureWidgetVisible(first)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_lead(self, lead_id: str) -> bool:
        """Opens a stored lead in the form for editing; False if it no longer exists."""
        try:
            lead = self.services.leads.get(lead_id)
        except NotFound as error:
            self.show_general_error(str(error))
            return False
        self.fill_from_lead(lead)
        self.focus_first_field()
        return True

    def fill_from_lead(self, lead: LeadDetail) -> None:
        self.finish_start_up()
        view = self.view
        self.clear()
        with self._filling_form():
            for name in TEXT_FIELDS:
                value = getattr(lead, name)
                if name in ("phone", "mobile") and value:
                    value = format_phone(value)
                view.edits[name].setText(value or "")
            view.country_combo.setCurrentText(country_name(lead.country))
            self.set_rating(lead.rating)
            for follow_up, box in view.follow_up_boxes.items():
                box.setChecked(str(follow_up) in lead.follow_ups)
            view.products.set_chosen(lead.products)
            view.questions.set_stored_answers(lead.answers)
            view.consent_box.setChecked(lead.consent_given)
        self.lead_id = lead.id
        self.editing = lead
        self._show_editing(lead)
        self._dirty = False
        self._edited = False

    def _show_editing(self, lead: LeadDetail | None) -> None:
        view = self.view
        timezone = self.active_show.timezone if self.active_show is not None else "UTC"
        if lead is None:
            view.title.setText("New visitor")
            view.subtitle.setVisible(False)
            view.history.clear()
            view.history_label.setVisible(False)
            view.history.setVisible(False)
            view.save_button.setText("Save  (Ctrl+S)")
            return
        view.title.setText(f"Editing {lead.display_name}")
        by = f" by {lead.staff}" if lead.staff else ""
        view.subtitle.setText(f"Captured {local_time(lead.created_at, timezone)}{by}")
        view.subtitle.setVisible(True)
        from boothapp.gui.lead_detail import note_text, visit_line

        parts = [note_text(note, timezone) for note in lead.notes]
        if lead.visits:
            parts.append("Visits:\n" + "\n".join(visit_line(v, timezone) for v in lead.visits))
        view.history.setPlainText("\n\n".join(parts) if parts else "No notes yet.")
        view.history_label.setVisible(True)
        view.history.setVisible(True)
        view.save_button.setText("Save changes  (Ctrl+S)")

    # --- saving -----------------------------------------------------------------------

    def save(self, check_duplicates: bool = True) -> LeadDetail | None:
        """Saves the form as a new lead or over the lead being edited.

        Returns the stored lead, or None when nothing was saved (an error shown next to
        its field, or the duplicate bar waiting for an answer)."""
        if self.active_show is None:
            return None
        self._clear_errors()
        data = self.lead_input()
        if self.lead_id is None and check_duplicates and data.email:
            matches = self._known_duplicates.get(data.email.casefold())
            if matches is None:
                matches = self.services.leads.find_duplicates(self.active_show.id, email=data.email)
            if matches:
                self._offer_duplicates(matches, data)
                return None
        try:
            detail, before = self._write(data)
        except ValidationError as error:
            self.show_error(error)
            return None
        except BoothError as error:
            self.show_general_error(str(error))
            return None
        self._saved(detail, before)
        return detail

    def _write(self, data: LeadInput) -> tuple[LeadDetail, LeadDetail | None]:
        """Stores ``data`` as a new lead or over the lead being edited; returns the stored
        lead and, for an edit, the lead as it was before."""
        assert self.active_show is not None
        staff_id = self.staff.id if self.staff is not None else None
        if self.lead_id is None:
            return self.services.leads.create(
                data, event_id=self.active_show.id, staff_id=staff_id
            ), None
        before = self.editing
        return self.services.leads.update(self.lead_id, data, staff_id=staff_id), before

    def save_anyway(self) -> LeadDetail | None:
        return self.save(check_duplicates=False)

    def _saved(self, detail: LeadDetail, before: LeadDetail | None) -> None:
        """``before`` is the lead as it was when an existing lead was saved over."""
        self._known_duplicates.clear()
        self._discard_stored_draft()
        self.clear()
        self.saved.emit(detail, before)

    def _offer_duplicates(self, matches: list[LeadRow], data: LeadInput) -> None:
        self.duplicates = matches
        self._pending = data
        first = matches[0]
        timezone = self.active_show.timezone if self.active_show is not None else "UTC"
        details = " · ".join(
            part
            for part in (
                first.display_name,
                first.company,
                first.email or "",
                f"captured {local_time(first.created_at, timezone)}",
                f"by {first.staff}" if first.staff else "",
            )
            if part
        )
        more = f" (and {len(matches) - 1} more)" if len(matches) > 1 else ""
        self.view.duplicate_bar.text.setText(
            f"This e-mail is already known at this show: {details}{more}."
        )
        self.view.duplicate_bar.setVisible(True)
        self.view.merge_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_existing(self) -> None:
        """Opens the matching lead in the form; a note typed for this visit is kept."""
        if not self.duplicates:
            return
        note = self.view.notes_edit.toPlainText()
        if self.load_lead(self.duplicates[0].id) and note.strip():
            self.view.notes_edit.setPlainText(note)

    def merge_into_existing(self) -> LeadDetail | None:
        """Folds what was typed into the matching lead (empty fields filled, note added)."""
        if not self.duplicates or self._pending is None:
            return None
        staff_id = self.staff.id if self.staff is not None else None
        target = self.duplicates[0]
        try:
            before = self.services.leads.get(target.id)
            detail = self.services.leads.merge_into(target.id, self._pending, staff_id=staff_id)
        except ValidationError as error:
            self.view.duplicate_bar.setVisible(False)
            self.show_error(error)
            return None
        except BoothError as error:
            self.show_general_error(str(error))
            return None
        self._saved(detail, before)
        self.message.emit(f"Merged into {detail.display_name}")
        return detail

    def cancel_duplicate(self) -> None:
        self.view.duplicate_bar.setVisible(False)
        self.duplicates = []
        self._pending = None
        self.view.edits["email"].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drafts -----------------------------------------------------------------------

    def autosave(self) -> None:
        """Writes the form as the draft if it changed since the last write."""
        if not self._dirty or self.active_show is None:
            return
        self._dirty = False
        if self.is_empty():
            if self.lead_id is None:
                self._discard_stored_draft()
            return
        self._store_draft(self.fields())

    def _store_draft(self, fields: dict[str, Any]) -> bool:
        event_id = self.active_show.id if self.active_show is not None else None
        try:
            self.services.drafts.save(fields, event_id, self.lead_id)
        except BoothError as error:
            self.show_general_error(f"The unsaved visitor could not be kept as a draft: {error}")
            return False
        self._draft_stored = True
        return True

    def _discard_stored_draft(self) -> None:
        if self._offer_kind == "cleared":
            self._hide_offer()
        if not self._draft_stored:
            return
        try:
            self.services.drafts.clear()
        except BoothError as error:
            self.show_general_error(f"The draft could not be cleared: {error}")
            return
        self._draft_stored = False

    def offer_draft(self) -> bool:
        """Offers back the visitors left unsaved: the draft of an earlier session (kept
        from now on like a visitor put aside by a scan) and the kept visitors. A bar, not
        a dialog; True when there is one to offer."""
        try:
            draft = self.services.drafts.load()
            if draft is not None and draft.fields:
                self.services.drafts.keep(
                    draft.fields, draft.event_id, draft.lead_id, saved_at=draft.saved_at
                )
                self.services.drafts.clear()
        except BoothError as error:
            self.show_general_error(f"The unsaved visitor could not be read back: {error}")
            return False
        return self._offer_next_kept()

    def _offer_next_kept(self) -> bool:
        """Offers the newest kept visitor of the show, unless an offer is showing."""
        if self.offered_draft is not None or self.active_show is None:
            return self.offered_draft is not None
        try:
            kept = self.services.drafts.kept()
        except BoothError:
            return False
        show_id = self.active_show.id
        mine = [draft for draft in kept if draft.event_id in (show_id, None)]
        if not mine:
            return False
        self._offer(mine[-1], "kept", more=len(mine) - 1)
        return True

    def _offer(self, draft: Draft, kind: str, more: int = 0) -> None:
        self.offered_draft = draft
        self._offer_kind = kind
        timezone = self.active_show.timezone if self.active_show is not None else "UTC"
        saved = draft.saved_at.astimezone(zone(timezone))
        today = datetime.now(UTC).astimezone(zone(timezone)).date()
        when = saved.strftime("%H:%M") if saved.date() == today else saved.strftime("%d %b %H:%M")
        name = draft_name(draft.fields)
        who = f" ({name})" if name else ""
        title = "Unsaved visitor" if kind == "kept" else "Cleared visitor"
        others = f" · {more} more kept" if more else ""
        self.view.restore_bar.text.setText(f"{title} from {when}{who}{others}")
        self.view.restore_bar.setVisible(True)

    def _hide_offer(self) -> None:
        self.offered_draft = None
        self._offer_kind = ""
        self.view.restore_bar.setVisible(False)

    def restore_draft(self) -> None:
        """Fills the form with the offered visitor (editing its lead again if it had one);
        what the form held is put away first."""
        draft = self.offered_draft
        if draft is None:
            return
        kind = self._offer_kind
        self._hide_offer()
        if not self.put_away():
            self._offer(draft, kind)
            return
        if kind == "kept":
            try:
                self.services.drafts.forget_kept(draft)
            except BoothError as error:
                self.show_general_error(f"The kept visitor could not be taken back: {error}")
                self._offer(draft, kind)
                return
        self.clear()
        if draft.lead_id is not None:
            try:
                lead = self.services.leads.get(draft.lead_id)
            except NotFound:
                lead = None
            if lead is not None:
                self.fill_from_lead(lead)
        self.set_fields(draft.fields)
        self._dirty = True
        self._edited = True
        self._offer_next_kept()
        self.focus_first_field()

    def discard_draft(self) -> None:
        draft, kind = self.offered_draft, self._offer_kind
        self._hide_offer()
        if kind == "kept" and draft is not None:
            try:
                self.services.drafts.forget_kept(draft)
            except BoothError as error:
                self.show_general_error(f"The kept visitor could not be discarded: {error}")
                return
        else:
            self._discard_stored_draft()
        self.message.emit("Discarded the unsaved visitor")
        self._offer_next_kept()
        self.focus_first_field()

    # --- putting the form away -----------------------------------------------------------

    def put_away(self) -> bool:
        """Makes room for another lead, a scan or closing without dropping what was typed:
        edits to the lead open in the form are saved to it, as Ctrl+S would; a new
        visitor with something in it is kept, offered back by the bar above the form.

        Returns False when neither could be done (the disk is full, say): the form then
        still holds everything, and the caller must not replace it."""
        return self.save_open_lead() and self.keep_new_visitor()

    def save_open_lead(self) -> bool:
        """Saves the edits made to the lead open in the form (see :meth:`put_away`).
        Edits that are refused (an e-mail that is not one, say) are kept instead."""
        if self.lead_id is None or not self._edited or self.active_show is None:
            return True
        name = self.editing.display_name if self.editing is not None else "the lead"
        try:
            detail, before = self._write(self.lead_input())
        except BoothError as error:
            if not self._keep(f"Changes to {name} not saved ({error})"):
                return False
            self.clear()
            return True
        self._saved(detail, before)
        return True

    def keep_new_visitor(self) -> bool:
        """Keeps a new visitor with something typed in (see :meth:`put_away`)."""
        if self.lead_id is not None or self.active_show is None or self.is_empty():
            return True
        name = draft_name(self.fields()) or "the visitor being typed"
        if not self._keep(f"Kept {name} aside"):
            return False
        self._discard_stored_draft()
        self.clear()
        return True

    def _keep(self, summary: str) -> bool:
        """Adds the form to the kept visitors and says so; False if it could not."""
        event_id = self.active_show.id if self.active_show is not None else None
        try:
            draft = self.services.drafts.keep(self.fields(), event_id, self.lead_id)
        except BoothError as error:
            self.show_general_error(f"The form could not be put aside: {error}")
            return False
        if self.offered_draft is None or self._offer_kind != "kept":
            self._hide_offer()
            self._offer(draft, "kept")
        self.message.emit(f"{summary}: Restore brings it back")
        return True

    # --- validation ---------------------------------------------------------------------

    def _email_changed(self) -> None:
        if self.view.duplicate_bar.isVisible():
            self.view.duplicate_bar.setVisible(False)
        self._validate_timer.start()

    def _look_up_duplicates(self) -> None:
        """Finds the leads with the typed e-mail in the background (see ``save``)."""
        email = self.text("email")
        if not email or self.active_show is None or self._filling or self.lead_id is not None:
            return
        key = email.casefold()
        if key in self._known_duplicates:
            return
        leads = self.services.leads
        event_id = self.active_show.id
        self.runner.run(
            lambda: leads.find_duplicates(event_id, email=email),
            on_result=lambda rows: self._known_duplicates.__setitem__(key, rows),
            on_error=lambda _error: None,
        )

    def _country_changed(self) -> None:
        self._changed()
        if not self._filling:
            self.validate_field("phone")
            self.validate_field("mobile")

    def _region(self) -> str | None:
        try:
            code = normalise_country(self.text("country"))
        except ValidationError:
            code = None
        return code or (self.active_show.country if self.active_show is not None else None)

    def validate_field(self, name: str) -> None:
        """Checks one field as typed and shows the outcome next to it; never blocks."""
        text = self.text(name)
        if not text:
            self.set_hint(name, "")
            return
        try:
            if name == "email":
                normalise_email(text)
            elif name in ("phone", "mobile"):
                value, warning = normalise_phone(text, self._region(), name)
                if warning is not None:
                    self.set_hint(name, "Not a valid phone number: it will be kept as typed", True)
                else:
                    self.set_hint(name, f"✓ {format_phone(value)}")
                return
            elif name == "country":
                code = normalise_country(text)
                english = country_name(code) if code else ""
                self.set_hint(name, "" if english == text else f"✓ {english} ({code})")
                return
            elif name == "website":
                normalise_website(text)
        except ValidationError as error:
            self.set_hint(name, error.reason, True)
            return
        self.set_hint(name, "")

    def _validate_all(self) -> None:
        for name in ("email", "phone", "mobile", "country", "website"):
            self.validate_field(name)

    def set_hint(self, name: str, text: str, problem: bool = False) -> None:
        label = self.view.hints[name]
        _style_hint(label, problem)
        label.setText(f"⚠ {text}" if problem and text else text)
        label.setVisible(bool(text))

    def show_error(self, error: ValidationError) -> None:
        """Shows a refused value next to its field and moves the cursor there."""
        field = error.field
        target: QWidget | None = None
        if field == "name":
            field = "first_name"
        if field in self.view.hints:
            self.set_hint(field, error.reason, True)
            target = self.view.field(field)
        else:
            self.show_general_error(str(error))
            if field.startswith("answers"):
                target = self.view.questions.first_control()
            elif field == "products":
                target = self.view.products.filter_edit
            elif field == "note":
                target = self.view.notes_edit
        if target is not None:
            self.view.scroll_area.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general_error(self, text: str) -> None:
        label = self.view.error_label
        _style_hint(label, True)
        label.setText(f"⚠ {text}")
        label.setVisible(True)

    def _clear_errors(self) -> None:
        self.view.error_label.setVisible(False)
        for name, label in self.view.hints.items():
            if label.property("problem") and name not in ("phone", "mobile"):
                self.set_hint(name, "")

    # --- company type-ahead --------------------------------------------------------------

    def _company_edited(self) -> None:
        self._suggest_timer.start()

    def _fetch_companies(self) -> None:
        typed = self.text("company")
        self._suggest_generation += 1
        generation = self._suggest_generation
        if not typed:
            self.company_model.setStringList([])
            return
        leads = self.services.leads
        event_id = self.active_show.id if self.active_show is not None else None
        self.runner.run(
            lambda: leads.company_suggestions(typed, event_id),
            on_result=lambda names: self._show_companies(generation, names),
            on_error=lambda _error: None,
        )

    def _show_companies(self, generation: int, names: list[str]) -> None:
        if generation != self._suggest_generation:
            return
        edit = self.view.edits["company"]
        typed = edit.text().strip()
        names = [name for name in names if name != typed]
        self.company_model.setStringList(names)
        if names and edit.hasFocus():
            self.company_completer.setCompletionPrefix(typed)
            self.company_completer.complete()
        else:
            popup = self.company_completer.popup()
            if popup is not None:
                popup.hide()


def _style_hint(label: QLabel, problem: bool) -> None:
    label.setProperty("problem", problem)
    palette = QPalette(label.palette())
    if problem:
        palette.setColor(QPalette.ColorRole.WindowText, problem_colour())
    else:
        palette.setColor(
            QPalette.ColorRole.WindowText,
            QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText),
        )
    label.setPalette(palette)


class _Filling:
    """Marks programmatic changes so they neither count as typing nor start a draft."""

    def __init__(self, form: CaptureForm) -> None:
        self._form = form
        self._outer = False

    def __enter__(self) -> None:
        self._outer = not self._form._filling
        self._form._filling = True

    def __exit__(self, *_exc: object) -> None:
        if self._outer:
            self._form._filling = False

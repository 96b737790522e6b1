"""The capture form's behaviour: type a visitor in, save with Ctrl+S, next visitor.

Saving clears the form and puts the cursor back in the first name. The form's parts
have modules of their own: what is typed but not saved (:mod:`.drafts`), the bar for a
new lead whose e-mail is already known at the show (:mod:`.duplicates`), the hints under
the fields and the country and company type-ahead (:mod:`.hints`), the legal basis and
"do not contact" under the consent box (:mod:`.legal_basis`). A visitor who asked to be
erased is refused, and what was typed of them is not kept.

The show's products and questions and the country list are filled in by
:meth:`CaptureForm.finish_start_up`, just after the window's first screen is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QCompleter, QVBoxLayout, QWidget

from boothapp.core.errors import BoothError, NotFound, ValidationError
from boothapp.core.models import Rating
from boothapp.core.privacy.guard import ErasedPerson
from boothapp.core.schemas import EventRow, LeadDetail, LeadInput, StaffRow
from boothapp.core.services import Services
from boothapp.core.validation import country_name, format_phone
from boothapp.gui.capture.drafts import Drafts
from boothapp.gui.capture.duplicates import DuplicateCheck
from boothapp.gui.capture.hints import CompanySuggestions, FieldHints, fill_countries
from boothapp.gui.capture.legal_basis import LegalBasisRow, legal_basis_of_draft
from boothapp.gui.formatting import local_time
from boothapp.gui.i18n import window_language
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.capture_view import CONTACT_FIELDS, RATING_KEYS, CaptureView

AUTOSAVE_MS = 3000
VALIDATE_DELAY_MS = 400
CONSENT_SUMMARY_CHARS = 140
TEXT_FIELDS = tuple(name for name, _title, _placeholder in CONTACT_FIELDS if name != "country")


def consent_summary(text: str, limit: int = CONSENT_SUMMARY_CHARS) -> str:
    """The start of a consent text, to show under the box (the whole text is its
    tooltip and in the show settings): at most ``limit`` characters, cut at a word."""
    if len(text.strip()) <= limit:
        return text.strip()
    flat = " ".join(text.split())
    cut = flat[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


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
        self._edited = False
        self._filling = False
        self.started = False

        self.view = CaptureView()
        self.legal = LegalBasisRow(self.view.consent_box)
        self.legal.place_under(self.view.consent_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)

        self.suggestions = CompanySuggestions(self)
        self.company_model = self.suggestions.model
        self.company_completer = self.suggestions.completer
        self.country_completer: QCompleter | None = None
        self.hints = FieldHints(self)
        self.drafts = Drafts(self)
        self.duplicate_check = DuplicateCheck(self)

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

    @property
    def filling(self) -> bool:
        """The form is being filled in by the program (which is not typing)."""
        return self._filling

    def mark_edited(self) -> None:
        """Counts as typing: the draft is written at the next autosave."""
        self._edited = True
        self.drafts.typed()

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
        self.autosave_timer.timeout.connect(self.drafts.autosave)
        self._validate_timer.timeout.connect(lambda: self.validate_field("email"))
        self._validate_timer.timeout.connect(self.duplicate_check.look_up)
        view.edits["email"].editingFinished.connect(self.duplicate_check.look_up)
        for name, edit in view.edits.items():
            edit.textChanged.connect(self._changed)
            edit.editingFinished.connect(lambda name=name: self.validate_field(name))
        view.edits["email"].textChanged.connect(self._email_changed)
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
        self.legal.changed.connect(self._changed)
        view.notes_edit.textChanged.connect(self._changed)
        view.save_button.clicked.connect(self.save)
        view.new_button.clicked.connect(self.new_visitor)
        view.save_anyway_button.clicked.connect(self.save_anyway)

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
        with self._filling_form():
            self.country_completer = fill_countries(self.view.country_combo, self)
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
        chain += [view.consent_box, self.legal.combo, self.legal.do_not_contact_box]
        chain += [view.notes_edit, view.history, view.save_button]
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
            self.legal.follow_consent_box()
            if event.consent_text:
                version = (
                    self.tr(" (version {version})").format(version=event.consent_version)
                    if event.consent_version
                    else ""
                )
                view.consent_text.setText(consent_summary(event.consent_text) + version)
                view.consent_text.setToolTip(event.consent_text + version)
            else:
                view.consent_text.setText(
                    self.tr(
                        "This show has no consent text: add one in Show settings (Ctrl+,) "
                        "to record the visitor's consent."
                    )
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
        """The show's country (in the window's language), which a lead saved with no
        country takes (unless its phone number is an international one from elsewhere)."""
        if self.active_show is None:
            return ""
        return country_name(self.active_show.country, window_language())

    def _show_country_placeholder(self) -> None:
        line = self.view.country_combo.lineEdit()
        if line is None:
            return
        default = self.default_country()
        line.setPlaceholderText(
            self.tr("{country}, or the phone's country").format(country=default) if default else ""
        )

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
            legal_basis=self.legal.legal_basis(),
            do_not_contact=self.legal.do_not_contact(),
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
        basis = self.legal.legal_basis()
        values["legal_basis"] = basis.value if basis is not None else None
        values["do_not_contact"] = self.legal.do_not_contact()
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
            self.legal.set_values(
                legal_basis_of_draft(values.get("legal_basis")),
                values.get("do_not_contact") is True,
            )
            note = values.get("note")
            view.notes_edit.setPlainText(note if isinstance(note, str) else "")
        self.hints.validate_all()

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
            self.legal.reset()
            view.notes_edit.clear()
        self.hints.clear_errors()

    @contextmanager
    def _filling_form(self) -> Iterator[None]:
        """Marks programmatic changes so they neither count as typing nor start a draft."""
        outer = not self._filling
        self._filling = True
        try:
            yield
        finally:
            if outer:
                self._filling = False

    def _changed(self) -> None:
        if not self._filling:
            self.mark_edited()

    # --- clearing and loading ---------------------------------------------------------

    def clear(self) -> None:
        """Empties the form for the next visitor and puts the cursor in the first name."""
        self.lead_id = None
        self.editing = None
        self.duplicate_check.reset()
        self._reset_values()
        self._show_editing(None)
        self.drafts.dirty = False
        self._edited = False
        self.focus_first_field()

    def new_visitor(self) -> None:
        """Escape / New: clears the form; a form with something in it is kept as a draft
        and offered back until the next visitor is typed."""
        if self.suggestions.hide_popup():
            return
        if self.is_empty() or self.active_show is None or (self.lead_id and not self._edited):
            self.clear()
            return
        self.drafts.clear_form()

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
            view.country_combo.setCurrentText(country_name(lead.country, window_language()))
            self.set_rating(lead.rating)
            for follow_up, box in view.follow_up_boxes.items():
                box.setChecked(str(follow_up) in lead.follow_ups)
            view.products.set_chosen(lead.products)
            view.questions.set_stored_answers(lead.answers)
            view.consent_box.setChecked(lead.consent_given)
            self.legal.set_values(lead.legal_basis, lead.do_not_contact)
        self.lead_id = lead.id
        self.editing = lead
        self._show_editing(lead)
        self.drafts.dirty = False
        self._edited = False

    def _show_editing(self, lead: LeadDetail | None) -> None:
        view = self.view
        timezone = self.active_show.timezone if self.active_show is not None else "UTC"
        if lead is None:
            view.title.setText(self.tr("New visitor"))
            view.subtitle.setVisible(False)
            view.history.clear()
            view.history_label.setVisible(False)
            view.history.setVisible(False)
            view.save_button.setText(self.tr("Save  (Ctrl+S)"))
            return
        view.title.setText(self.tr("Editing {name}").format(name=lead.display_name))
        when = local_time(lead.created_at, timezone)
        if lead.staff:
            subtitle = self.tr("Captured {when} by {staff}").format(when=when, staff=lead.staff)
        else:
            subtitle = self.tr("Captured {when}").format(when=when)
        view.subtitle.setText(subtitle)
        view.subtitle.setVisible(True)
        from boothapp.gui.lead_detail import note_text, visit_line

        parts = [note_text(note, timezone) for note in lead.notes]
        if lead.visits:
            parts.append(
                self.tr("Visits:") + "\n" + "\n".join(visit_line(v, timezone) for v in lead.visits)
            )
        view.history.setPlainText("\n\n".join(parts) if parts else self.tr("No notes yet."))
        view.history_label.setVisible(True)
        view.history.setVisible(True)
        view.save_button.setText(self.tr("Save changes  (Ctrl+S)"))

    # --- saving -----------------------------------------------------------------------

    def save(self, check_duplicates: bool = True) -> LeadDetail | None:
        """Saves the form as a new lead or over the lead being edited.

        Returns the stored lead, or None when nothing was saved (an error shown next to
        its field, or the duplicate bar waiting for an answer)."""
        if self.active_show is None:
            return None
        self.hints.clear_errors()
        data = self.lead_input()
        if self.lead_id is None and check_duplicates and self.duplicate_check.offered(data):
            return None
        try:
            detail, before = self._write(data)
        except ValidationError as error:
            self.hints.show_error(error)
            return None
        except ErasedPerson as error:
            self.forget_erased_visitor(str(error))
            return None
        except BoothError as error:
            self.show_general_error(str(error))
            return None
        self.after_save(detail, before)
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

    def forget_erased_visitor(self, message: str) -> None:
        """A visitor who asked to be erased was typed in: nothing was saved, and what
        was typed is not kept as a draft either (it would store them again)."""
        self.drafts.discard_stored()
        self.clear()
        self.show_general_error(message)
        self.message.emit(self.tr("Not saved: {message}").format(message=message))

    def save_anyway(self) -> LeadDetail | None:
        return self.save(check_duplicates=False)

    def after_save(self, detail: LeadDetail, before: LeadDetail | None) -> None:
        """Empties the form for the next visitor and says what was saved (``saved``);
        ``before`` is the lead as it was when an existing lead was saved over."""
        self.duplicate_check.forget_known()
        self.drafts.discard_stored()
        self.clear()
        self.saved.emit(detail, before)

    # --- drafts and putting the form away -------------------------------------------------

    def autosave(self) -> None:
        self.drafts.autosave()

    def offer_draft(self) -> bool:
        return self.drafts.offer_draft()

    def put_away(self) -> bool:
        """Makes room for another lead, a scan or closing without dropping what was typed:
        edits to the lead open in the form are saved to it, as Ctrl+S would; a new
        visitor with something in it is kept, offered back by the bar above the form.

        Returns False when neither could be done (the disk is full, say): the form then
        still holds everything, and the caller must not replace it."""
        return self.save_open_lead() and self.drafts.keep_new_visitor()

    def save_open_lead(self) -> bool:
        """Saves the edits made to the lead open in the form (see :meth:`put_away`).
        Edits that are refused (an e-mail that is not one, say) are kept instead, but
        not those naming a person who asked to be erased."""
        if self.lead_id is None or not self._edited or self.active_show is None:
            return True
        try:
            detail, before = self._write(self.lead_input())
        except ErasedPerson as error:
            self.forget_erased_visitor(str(error))
            return True
        except BoothError as error:
            if self.editing is not None:
                summary = self.tr("Changes to {name} not saved ({error})").format(
                    name=self.editing.display_name, error=error
                )
            else:
                summary = self.tr("Changes to the lead not saved ({error})").format(error=error)
            if not self.drafts.keep(summary):
                return False
            self.clear()
            return True
        self.after_save(detail, before)
        return True

    def keep_new_visitor(self) -> bool:
        return self.drafts.keep_new_visitor()

    def open_lead(self, lead_id: str) -> bool:
        """Opens a stored lead once what the form holds is put away (see :meth:`put_away`)."""
        return self.put_away() and self.load_lead(lead_id)

    def reload_show(self, typed: dict[str, Any] | None = None) -> None:
        """Reads the show's catalogue, questions and consent text into the form again,
        then puts back ``typed`` (``fields()`` output; by default what the form holds
        now; empty: nothing)."""
        show, staff = self.active_show, self.staff
        if show is None:
            return
        if typed is None:
            typed = {} if self.is_empty() else self.fields()
        self.set_context(None, staff)
        self.set_context(show, staff)
        if typed:
            self.set_fields(typed)

    # --- checking as typed ---------------------------------------------------------------

    def _email_changed(self) -> None:
        if self.view.duplicate_bar.isVisible():
            self.duplicate_check.hide()
        self._validate_timer.start()

    def _country_changed(self) -> None:
        self._changed()
        if not self._filling:
            self.validate_field("phone")
            self.validate_field("mobile")

    def validate_field(self, name: str) -> None:
        """Checks one field as typed and shows the outcome next to it; never blocks."""
        self.hints.validate_field(name)

    def show_general_error(self, text: str) -> None:
        self.hints.show_general_error(text)

"""The capture form's inline help: the line under a contact field (what will be stored,
or what is wrong with it), the form's error line, and the country and company
type-ahead."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QWidget

from boothapp.core.errors import ValidationError
from boothapp.core.validation import (
    country_choices,
    country_name,
    format_phone,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)
from boothapp.gui.i18n import translate, window_language
from boothapp.gui.palette import problem_colour

if TYPE_CHECKING:
    from boothapp.gui.capture.capture_form import CaptureForm

SUGGEST_DELAY_MS = 120
CHECKED_FIELDS = ("email", "phone", "mobile", "country", "website")


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


def fill_countries(combo: QComboBox, parent: QObject) -> QCompleter:
    """Lists every country's name in the window's language in ``combo`` (keeping what is
    typed in it) and gives it a type-ahead that knows the English and French names."""
    english, all_names = country_names()
    language = window_language()
    shown = english if language == "en" else dict(country_choices(language))
    typed = combo.currentText()
    for code, name in shown.items():
        combo.addItem(name, code)
    combo.setCurrentText(typed)
    completer = QCompleter(all_names, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return completer


def style_hint(label: QLabel, problem: bool) -> None:
    """A problem in the problem colour, anything else in the placeholder colour."""
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


class FieldHints:
    """Checks the fields of ``form`` as they are typed (never blocking) and shows the
    refused values of a save next to their fields."""

    def __init__(self, form: CaptureForm) -> None:
        self._form = form
        self._view = form.view

    def _region(self) -> str | None:
        """The country whose phone numbers need no +prefix: the typed one, else the show's."""
        try:
            code = normalise_country(self._form.text("country"))
        except ValidationError:
            code = None
        show = self._form.active_show
        return code or (show.country if show is not None else None)

    def validate_field(self, name: str) -> None:
        """Checks one field as typed and shows the outcome next to it."""
        text = self._form.text(name)
        if not text:
            self.set_hint(name, "")
            return
        try:
            if name == "email":
                normalise_email(text)
            elif name in ("phone", "mobile"):
                value, warning = normalise_phone(text, self._region(), name)
                if warning is not None:
                    self.set_hint(
                        name,
                        translate(
                            "FieldHints", "Not a valid phone number: it will be kept as typed"
                        ),
                        True,
                    )
                else:
                    self.set_hint(name, f"✓ {format_phone(value)}")
                return
            elif name == "country":
                code = normalise_country(text)
                local = country_name(code, window_language()) if code else ""
                self.set_hint(name, "" if local == text else f"✓ {local} ({code})")
                return
            elif name == "website":
                normalise_website(text)
        except ValidationError as error:
            self.set_hint(name, error.reason, True)
            return
        self.set_hint(name, "")

    def validate_all(self) -> None:
        for name in CHECKED_FIELDS:
            self.validate_field(name)

    def set_hint(self, name: str, text: str, problem: bool = False) -> None:
        label = self._view.hints[name]
        style_hint(label, problem)
        label.setText(f"⚠ {text}" if problem and text else text)
        label.setVisible(bool(text))

    def show_error(self, error: ValidationError) -> None:
        """Shows a refused value next to its field and moves the cursor there."""
        view = self._view
        field = error.field
        target: QWidget | None = None
        if field == "name":
            field = "first_name"
        if field in view.hints:
            self.set_hint(field, error.reason, True)
            target = view.field(field)
        else:
            self.show_general_error(str(error))
            if field.startswith("answers"):
                target = view.questions.first_control()
            elif field == "products":
                target = view.products.filter_edit
            elif field == "note":
                target = view.notes_edit
        if target is not None:
            view.scroll_area.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general_error(self, text: str) -> None:
        label = self._view.error_label
        style_hint(label, True)
        label.setText(f"⚠ {text}")
        label.setVisible(True)

    def clear_errors(self) -> None:
        """Hides the error line and the problems shown (a phone number's stay: they say
        how it will be kept)."""
        self._view.error_label.setVisible(False)
        for name, label in self._view.hints.items():
            if label.property("problem") and name not in ("phone", "mobile"):
                self.set_hint(name, "")


class CompanySuggestions:
    """Companies already captured that start like the one being typed, looked up off
    the UI thread a moment after the last key and offered in a pop-up."""

    def __init__(self, form: CaptureForm) -> None:
        self._form = form
        self._edit = form.view.edits["company"]
        self._generation = 0
        self.model = QStringListModel(form)
        self.completer = QCompleter(self.model, form)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._edit.setCompleter(self.completer)
        self._timer = QTimer(form)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._fetch)
        self._edit.textEdited.connect(self._timer.start)

    def hide_popup(self) -> bool:
        """Hides the pop-up; False if it was not showing."""
        popup = self.completer.popup()
        if popup is None or not popup.isVisible():
            return False
        popup.hide()
        return True

    def _fetch(self) -> None:
        typed = self._form.text("company")
        self._generation += 1
        generation = self._generation
        if not typed:
            self.model.setStringList([])
            return
        leads = self._form.services.leads
        show = self._form.active_show
        event_id = show.id if show is not None else None
        self._form.runner.run(
            lambda: leads.company_suggestions(typed, event_id),
            on_result=lambda names: self._show(generation, names),
            on_error=lambda _error: None,
        )

    def _show(self, generation: int, names: list[str]) -> None:
        if generation != self._generation:
            return
        typed = self._edit.text().strip()
        names = [name for name in names if name != typed]
        self.model.setStringList(names)
        if names and self._edit.hasFocus():
            self.completer.setCompletionPrefix(typed)
            self.completer.complete()
        else:
            popup = self.completer.popup()
            if popup is not None:
                popup.hide()

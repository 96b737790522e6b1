"""The new show dialog: the fields of `boothapp event add`, in the window.

Create show stores the show and makes it the active one; a refused value is named
beside its field and the dialog stays open with everything typed. Open it with
``open()``: it is window-modal and does not block.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from boothapp.core.errors import BoothError, Conflict, ValidationError
from boothapp.core.services import Services
from boothapp.gui.settings.show_settings_dialog import ShowDetailsForm, show_problem
from boothapp.gui.views.new_show_view import NewShowView

SHOW_DAYS = 4


class NewShowDialog(QDialog):
    """Creates a show through ``services``; ``created`` carries its ``EventRow``."""

    created = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("New show"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.view = NewShowView()
        self.details = ShowDetailsForm(self.view.details, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

        view = self.view.details
        today = date.today()
        view.edits["start_date"].setText(today.isoformat())
        view.edits["end_date"].setText((today + timedelta(days=SHOW_DAYS - 1)).isoformat())
        view.country_combo.setCurrentIndex(-1)
        view.timezone_combo.setCurrentIndex(-1)
        self._end_typed = False
        view.edits["start_date"].textEdited.connect(self._start_edited)
        view.edits["end_date"].textEdited.connect(self._end_edited)
        self.view.buttons.accepted.connect(self.create_show)
        self.view.buttons.rejected.connect(self.reject)
        view.edits["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _start_edited(self, text: str) -> None:
        """Until the last day is typed, it follows the first day (a four-day show)."""
        if self._end_typed:
            return
        try:
            start = date.fromisoformat(text.strip())
        except ValueError:
            return
        end = start + timedelta(days=SHOW_DAYS - 1)
        self.view.details.edits["end_date"].setText(end.isoformat())

    def _end_edited(self) -> None:
        self._end_typed = True

    def create_show(self) -> bool:
        """Stores the show and makes it the active one; on a refused value, says which
        and why and keeps the dialog open."""
        self.details.clear_errors()
        show_problem(self.view.message, "")
        try:
            event = self.services.events.create(self.details.value())
            event = self.services.events.use(event.id)
        except ValidationError as error:
            if not self.details.show_error(error.field, error.reason):
                show_problem(
                    self.view.message,
                    self.tr("The show was not created. {reason}").format(reason=error),
                )
            return False
        except Conflict as error:
            self.details.show_error("name", str(error))  # untranslated
            return False
        except BoothError as error:
            show_problem(
                self.view.message,
                self.tr("The show was not created. {reason}").format(reason=error),
            )
            return False
        self.accept()
        self.created.emit(event)
        return True

"""A new lead whose e-mail is already known at the show.

The leads with the typed e-mail are looked up off the UI thread as it is typed, so that
saving needs no look-up; a save that matches one shows the duplicate bar instead, which
opens the known lead, merges what was typed into it, saves anyway or goes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.schemas import LeadDetail, LeadInput, LeadRow
from boothapp.gui.formatting import local_time
from boothapp.gui.i18n import translate

if TYPE_CHECKING:
    from boothapp.gui.capture.capture_form import CaptureForm


class DuplicateCheck:
    """The duplicate bar of ``form``; ``matches`` are the known leads it offers."""

    def __init__(self, form: CaptureForm) -> None:
        self._form = form
        self._view = form.view
        self.matches: list[LeadRow] = []
        self._pending: LeadInput | None = None
        # E-mail (folded) -> the show's leads with it.
        self._known: dict[str, list[LeadRow]] = {}
        view = self._view
        view.open_existing_button.clicked.connect(self.open_existing)
        view.merge_button.clicked.connect(self.merge_into_existing)
        view.cancel_duplicate_button.clicked.connect(self.cancel)

    def look_up(self) -> None:
        """Finds the leads with the typed e-mail in the background."""
        form = self._form
        email = form.text("email")
        show = form.active_show
        if not email or show is None or form.filling or form.lead_id is not None:
            return
        key = email.casefold()
        if key in self._known:
            return
        leads = form.services.leads
        event_id = show.id
        form.runner.run(
            lambda: leads.find_duplicates(event_id, email=email),
            on_result=lambda rows: self._known.__setitem__(key, rows),
            on_error=lambda _error: None,
        )

    def offered(self, data: LeadInput) -> bool:
        """Shows the bar when ``data`` (a new lead) has an e-mail known at the show."""
        form = self._form
        if not data.email or form.active_show is None:
            return False
        matches = self._known.get(data.email.casefold())
        if matches is None:
            matches = form.services.leads.find_duplicates(form.active_show.id, email=data.email)
        if not matches:
            return False
        self._offer(matches, data)
        return True

    def forget_known(self) -> None:
        """A lead was saved: what was looked up may be out of date."""
        self._known.clear()

    def hide(self) -> None:
        self._view.duplicate_bar.setVisible(False)

    def reset(self) -> None:
        self._pending = None
        self.matches = []
        self.hide()

    def _offer(self, matches: list[LeadRow], data: LeadInput) -> None:
        self.matches = matches
        self._pending = data
        first = matches[0]
        show = self._form.active_show
        timezone = show.timezone if show is not None else "UTC"
        details = " · ".join(
            part
            for part in (
                first.display_name,
                first.company,
                first.email or "",
                translate("DuplicateCheck", "captured {when}").format(
                    when=local_time(first.created_at, timezone)
                ),
                translate("DuplicateCheck", "by {staff}").format(staff=first.staff)
                if first.staff
                else "",
            )
            if part
        )
        more = (
            translate("DuplicateCheck", " (and {count} more)").format(count=len(matches) - 1)
            if len(matches) > 1
            else ""
        )
        view = self._view
        view.duplicate_bar.text.setText(
            translate(
                "DuplicateCheck", "This e-mail is already known at this show: {details}{more}."
            ).format(details=details, more=more)
        )
        view.duplicate_bar.setVisible(True)
        view.merge_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_existing(self) -> None:
        """Opens the matching lead in the form; a note typed for this visit is kept."""
        if not self.matches:
            return
        notes = self._view.notes_edit
        note = notes.toPlainText()
        if self._form.load_lead(self.matches[0].id) and note.strip():
            notes.setPlainText(note)

    def merge_into_existing(self) -> LeadDetail | None:
        """Folds what was typed into the matching lead (empty fields filled, note added)."""
        if not self.matches or self._pending is None:
            return None
        form = self._form
        staff_id = form.staff.id if form.staff is not None else None
        target = self.matches[0]
        leads = form.services.leads
        try:
            before = leads.get(target.id)
            detail = leads.merge_into(target.id, self._pending, staff_id=staff_id)
        except ValidationError as error:
            self.hide()
            form.hints.show_error(error)
            return None
        except BoothError as error:
            form.show_general_error(str(error))
            return None
        form.after_save(detail, before)
        form.message.emit(
            translate("DuplicateCheck", "Merged into {name}").format(name=detail.display_name)
        )
        return detail

    def cancel(self) -> None:
        self.hide()
        self.matches = []
        self._pending = None
        self._view.edits["email"].setFocus(Qt.FocusReason.OtherFocusReason)

"""What is typed into the capture form but not saved is never lost.

The form is written as the draft every few seconds (and offered back after a crash); a
new visitor pushed aside by a scan, another lead, a switch or closing is kept, and the
bar above the form offers the kept visitors back, newest first; a visitor cleared with
Escape is offered back until the next one is typed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QLocale, QTime

from boothapp.core.errors import BoothError, NotFound
from boothapp.core.services.drafts import Draft
from boothapp.gui.formatting import zone
from boothapp.gui.i18n import translate

if TYPE_CHECKING:
    from boothapp.gui.capture.capture_form import CaptureForm

KEPT = "kept"
CLEARED = "cleared"


def draft_name(fields: dict[str, Any]) -> str:
    """Who a draft is about, for the bar that offers it back ("" when nothing says)."""
    first = fields.get("first_name") or ""
    last = fields.get("last_name") or ""
    name = " ".join(str(part).strip() for part in (first, last) if str(part).strip())
    return name or str(fields.get("email") or fields.get("company") or "").strip()


class Drafts:
    """The drafts of ``form``: ``offered`` is the visitor the restore bar offers back;
    ``dirty``: the form changed since the draft was last written."""

    def __init__(self, form: CaptureForm) -> None:
        self._form = form
        self._drafts = form.services.drafts
        self.offered: Draft | None = None
        self._offer_kind = ""
        self._stored = False
        self.dirty = False
        form.view.restore_button.clicked.connect(self.restore)
        form.view.discard_button.clicked.connect(self.discard)

    def typed(self) -> None:
        """Something was typed: the draft is due, and a cleared visitor is no longer
        offered (the kept ones are)."""
        self.dirty = True
        if self.offered is not None and self._offer_kind == CLEARED:
            self._hide_offer()
            self._offer_next_kept()

    # --- the draft --------------------------------------------------------------------

    def autosave(self) -> None:
        """Writes the form as the draft if it changed since the last write."""
        form = self._form
        if not self.dirty or form.active_show is None:
            return
        self.dirty = False
        if form.is_empty():
            if form.lead_id is None:
                self.discard_stored()
            return
        self._store(form.fields())

    def _store(self, fields: dict[str, Any]) -> bool:
        form = self._form
        event_id = form.active_show.id if form.active_show is not None else None
        try:
            self._drafts.save(fields, event_id, form.lead_id)
        except BoothError as error:
            form.show_general_error(
                translate(
                    "Drafts", "The unsaved visitor could not be kept as a draft: {error}"
                ).format(error=error)
            )
            return False
        self._stored = True
        return True

    def discard_stored(self) -> None:
        """Forgets the draft written (the form was saved or emptied)."""
        if self._offer_kind == CLEARED:
            self._hide_offer()
        if not self._stored:
            return
        try:
            self._drafts.clear()
        except BoothError as error:
            self._form.show_general_error(
                translate("Drafts", "The draft could not be cleared: {error}").format(error=error)
            )
            return
        self._stored = False

    def clear_form(self) -> None:
        """Escape with something in the form: empties it, keeping what it held as the
        draft, offered back until the next visitor is typed."""
        form = self._form
        show = form.active_show
        fields = form.fields()
        stored = self._store(fields)
        lead_id = form.lead_id
        form.clear()
        if stored and show is not None:
            draft = Draft(
                saved_at=datetime.now(UTC), event_id=show.id, lead_id=lead_id, fields=fields
            )
            self._hide_offer()
            self._offer(draft, CLEARED)

    # --- offering visitors back --------------------------------------------------------

    def offer_draft(self) -> bool:
        """Offers back the visitors left unsaved: the draft of an earlier session (kept
        from now on like a visitor put aside by a scan) and the kept visitors. A bar, not
        a dialog; True when there is one to offer."""
        try:
            draft = self._drafts.load()
            if draft is not None and draft.fields:
                self._drafts.keep(
                    draft.fields, draft.event_id, draft.lead_id, saved_at=draft.saved_at
                )
                self._drafts.clear()
        except BoothError as error:
            self._form.show_general_error(
                translate("Drafts", "The unsaved visitor could not be read back: {error}").format(
                    error=error
                )
            )
            return False
        return self._offer_next_kept()

    def _offer_next_kept(self) -> bool:
        """Offers the newest kept visitor of the show, unless an offer is showing."""
        show = self._form.active_show
        if self.offered is not None or show is None:
            return self.offered is not None
        try:
            kept = self._drafts.kept()
        except BoothError:
            return False
        mine = [draft for draft in kept if draft.event_id in (show.id, None)]
        if not mine:
            return False
        self._offer(mine[-1], KEPT, more=len(mine) - 1)
        return True

    def _offer(self, draft: Draft, kind: str, more: int = 0) -> None:
        self.offered = draft
        self._offer_kind = kind
        show = self._form.active_show
        timezone = show.timezone if show is not None else "UTC"
        saved = draft.saved_at.astimezone(zone(timezone))
        today = datetime.now(UTC).astimezone(zone(timezone)).date()
        locale = QLocale()
        when = locale.toString(QTime(saved.hour, saved.minute), "HH:mm")
        if saved.date() != today:
            day = locale.toString(QDate(saved.year, saved.month, saved.day), "dd MMM")
            when = f"{day} {when}"
        name = draft_name(draft.fields)
        who = f" ({name})" if name else ""
        if kind == KEPT:
            title = translate("Drafts", "Unsaved visitor from {when}").format(when=when)
        else:
            title = translate("Drafts", "Cleared visitor from {when}").format(when=when)
        others = translate("Drafts", " · {count} more kept").format(count=more) if more else ""
        bar = self._form.view.restore_bar
        bar.text.setText(f"{title}{who}{others}")
        bar.setVisible(True)

    def _hide_offer(self) -> None:
        self.offered = None
        self._offer_kind = ""
        self._form.view.restore_bar.setVisible(False)

    def restore(self) -> None:
        """Fills the form with the offered visitor (editing its lead again if it had one);
        what the form held is put away first."""
        form = self._form
        draft = self.offered
        if draft is None:
            return
        kind = self._offer_kind
        self._hide_offer()
        if not form.put_away():
            self._offer(draft, kind)
            return
        if kind == KEPT:
            try:
                self._drafts.forget_kept(draft)
            except BoothError as error:
                form.show_general_error(
                    translate("Drafts", "The kept visitor could not be taken back: {error}").format(
                        error=error
                    )
                )
                self._offer(draft, kind)
                return
        form.clear()
        if draft.lead_id is not None:
            try:
                lead = form.services.leads.get(draft.lead_id)
            except NotFound:
                lead = None
            if lead is not None:
                form.fill_from_lead(lead)
        form.set_fields(draft.fields)
        form.mark_edited()
        self._offer_next_kept()
        form.focus_first_field()

    def discard(self) -> None:
        form = self._form
        draft, kind = self.offered, self._offer_kind
        self._hide_offer()
        if kind == KEPT and draft is not None:
            try:
                self._drafts.forget_kept(draft)
            except BoothError as error:
                form.show_general_error(
                    translate("Drafts", "The kept visitor could not be discarded: {error}").format(
                        error=error
                    )
                )
                return
        else:
            self.discard_stored()
        form.message.emit(translate("Drafts", "Discarded the unsaved visitor"))
        self._offer_next_kept()
        form.focus_first_field()

    # --- keeping visitors aside ---------------------------------------------------------

    def keep_new_visitor(self) -> bool:
        """Keeps a new visitor with something typed in (see ``CaptureForm.put_away``)."""
        form = self._form
        if form.lead_id is not None or form.active_show is None or form.is_empty():
            return True
        name = draft_name(form.fields()) or translate("Drafts", "the visitor being typed")
        if not self.keep(translate("Drafts", "Kept {name} aside").format(name=name)):
            return False
        self.discard_stored()
        form.clear()
        return True

    def keep(self, summary: str) -> bool:
        """Adds the form to the kept visitors and says so; False if it could not."""
        form = self._form
        event_id = form.active_show.id if form.active_show is not None else None
        try:
            draft = self._drafts.keep(form.fields(), event_id, form.lead_id)
        except BoothError as error:
            form.show_general_error(
                translate("Drafts", "The form could not be put aside: {error}").format(error=error)
            )
            return False
        if self.offered is None or self._offer_kind != KEPT:
            self._hide_offer()
            self._offer(draft, KEPT)
        form.message.emit(
            translate("Drafts", "{summary}: Restore brings it back").format(summary=summary)
        )
        return True

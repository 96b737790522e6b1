"""What a badge scan does in the booth window, wherever the payload comes from.

A payload (from the keyboard-wedge scanner, the badge box, a camera or an image file) is
saved at once by ``services.scans.scan`` for the active show and the person at the laptop
(a scan takes a few milliseconds, so it runs on the UI thread), then the lead is opened in
the capture form, the status bar says what happened, the scanner indicator flashes green
or red and the computer beeps.

What the form held is never dropped: edits to the lead open in it are saved to that lead
before the scan (so the scan's own changes to it are not written over), and a new
visitor being typed is kept aside, offered back by the bar above the form. When neither
can be done, the scan is still saved but the form is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from boothapp.core.errors import BoothError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.services import Services
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.scanning.wedge import ScannerIndicator

if TYPE_CHECKING:
    from boothapp.core.services.scans import ScanResult

PENDING_NOTE = "Badge not recognised: saved as pending, raw text kept"
NO_SHOW = "No show is open: choose or create a show before scanning badges"


class ScanHost(Protocol):
    """The window a :class:`ScanController` works in."""

    active_show: EventRow | None
    active_staff: StaffRow | None
    capture: CaptureForm

    notices: int

    def notify(self, text: str, *, keep_current: bool = False) -> None: ...

    def show_lead_in_list(self, lead_id: str) -> None: ...


class ScanController(QObject):
    """Turns payloads into saved leads opened in ``host``'s capture form.

    Signals: ``done(ScanResult)`` after a scan was saved; ``failed(str)`` with the
    status-bar message when it was not. ``beep`` makes the audible signal (tests count
    calls instead)."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        host: ScanHost,
        indicator: ScannerIndicator,
        parent: QObject | None = None,
        beep: Callable[[], None] = QApplication.beep,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.host = host
        self.indicator = indicator
        self.beep = beep
        self.last_result: ScanResult | None = None

    def handle(self, payload: str, source: LeadSource = LeadSource.BADGE) -> ScanResult | None:
        """Saves the scan and opens its lead; None (after saying why) when it failed."""
        host = self.host
        show = host.active_show
        if show is None:
            self.fail(NO_SHOW)
            return None
        staff = host.active_staff
        capture = host.capture
        notices = host.notices
        form_saved = capture.save_open_lead()
        try:
            result = self.services.scans.scan(
                payload,
                event_id=show.id,
                staff_id=staff.id if staff is not None else None,
                source=source,
            )
        except BoothError as error:
            self.fail(f"Scan not saved: {error}")
            return None
        self.last_result = result
        if not (form_saved and capture.keep_new_visitor()):
            message = f"{result.message} — saved; the form was left as it was"
            host.notify(message, keep_current=True)
            self.indicator.flash(True, message)
            self.beep()
            host.show_lead_in_list(result.lead.id)
            self.done.emit(result)
            return result
        self._open(result, keep_notice=host.notices != notices)
        self.indicator.flash(True, result.message)
        self.beep()
        host.show_lead_in_list(result.lead.id)
        self.done.emit(result)
        return result

    def fail(self, message: str) -> None:
        """Reports a scan that gave no lead: status bar, red indicator, beep."""
        self.host.notify(message)
        self.indicator.flash(False, message)
        self.beep()
        self.failed.emit(message)

    def _open(self, result: ScanResult, keep_notice: bool) -> None:
        """Opens the scanned lead; ``keep_notice``: the status bar already says what
        became of the form's previous contents, and keeps saying it."""
        capture = self.host.capture
        capture.fill_from_lead(result.lead)
        view = capture.view
        if result.outcome == "pending":
            capture.show_general_error(PENDING_NOTE)
            self.host.notify(f"{PENDING_NOTE} — {result.message}", keep_current=keep_notice)
            capture.focus_first_field()
            return
        self.host.notify(result.message, keep_current=keep_notice)
        products = view.products
        target = (
            products.filter_edit
            if products.isVisible() and products.filter_edit.isEnabled()
            else view.notes_edit
        )
        view.scroll_area.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

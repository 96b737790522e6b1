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

Images come from Scan badge from image (Ctrl+I) or are dropped on the window; their
codes are decoded off the UI thread and each is scanned like a badge.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from boothapp.core.errors import BoothError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.services import Services
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.changes import LeadChange, LeadChanges
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate, window_language
from boothapp.gui.scanning.wedge import ScannerIndicator
from boothapp.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from boothapp.core.badges.symbologies import Symbology
    from boothapp.core.services.scans import ScanResult
    from boothapp.gui.scanning.sheet_scans import SheetScans


# Texts translated where shown (context "scan_controller").
PENDING_NOTE = QT_TRANSLATE_NOOP(
    "scan_controller", "Badge not recognised: saved as pending, raw text kept"
)
NO_SHOW = QT_TRANSLATE_NOOP(
    "scan_controller", "No show is open: choose or create a show before scanning badges"
)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".webp", ".gif")
IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "scan_controller", "Images (*.png *.jpg *.jpeg *.bmp *.webp *.gif)"
)


def image_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local image files dragged onto the window."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES
    ]


class ScanHost(Protocol):
    """The window a :class:`ScanController` works in."""

    capture: CaptureForm
    runner: TaskRunner
    lead_changes: LeadChanges

    @property
    def active_show(self) -> EventRow | None: ...

    @property
    def active_staff(self) -> StaffRow | None: ...

    @property
    def notices(self) -> int: ...

    def notify(self, text: str, *, keep_current: bool = False) -> None: ...


class ScanController(QObject):
    """Turns payloads into saved leads opened in ``host``'s capture form.

    Signals: ``done(ScanResult)`` after a scan was saved; ``failed(str)`` with the
    status-bar message when it was not. ``beep`` makes the sound of a scan that worked
    and ``buzz`` that of one that did not (by default the system's beep for both; the
    window gives its scan sounds; tests count calls instead)."""

    done = Signal(object)
    failed = Signal(str)
    sheet_applied = Signal(object)

    def __init__(
        self,
        services: Services,
        host: ScanHost,
        indicator: ScannerIndicator,
        parent: QObject | None = None,
        beep: Callable[[], None] = QApplication.beep,
        buzz: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.host = host
        self.indicator = indicator
        self.beep = beep
        self.buzz = buzz or beep
        self.last_result: ScanResult | None = None
        self.sheet_scans: SheetScans | None = None

    def handle(self, payload: str, source: LeadSource = LeadSource.BADGE) -> ScanResult | None:
        """Saves the scan and opens its lead; None (after saying why) when it failed, or
        when the payload was a code of the capture sheet (applied to the open lead)."""
        host = self.host
        show = host.active_show
        if show is None:
            self.fail(translate("scan_controller", NO_SHOW))
            return None
        if self.sheet_scans is not None and self._sheet_code(payload, show):
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
            self.fail(self.tr("Scan not saved: {error}").format(error=error))
            return None
        self.last_result = result
        if not (form_saved and capture.keep_new_visitor()):
            message = self.tr("{message} — saved; the form was left as it was").format(
                message=scan_message(result)
            )
            host.notify(message, keep_current=True)
            self.indicator.flash(True, message)
            self.beep()
            host.lead_changes.report(LeadChange(result.lead.id))
            self.done.emit(result)
            return result
        self._open(result, keep_notice=host.notices != notices)
        self.indicator.flash(True, scan_message(result))
        self.beep()
        host.lead_changes.report(LeadChange(result.lead.id))
        self.done.emit(result)
        return result

    def _sheet_code(self, payload: str, show: EventRow) -> bool:
        """Applies ``payload`` when it is a capture-sheet code, with a badge's feedback;
        False when it is no sheet code."""
        sheet = self.sheet_scans
        assert sheet is not None
        try:
            action = sheet.parse(payload, show)
        except BoothError as refusal:
            self.fail(str(refusal))
            return True
        if action is None:
            return False
        applied, message = sheet.apply(action)
        if not applied:
            self.fail(message)
            return True
        self.host.notify(message)
        self.indicator.flash(True, message)
        self.beep()
        self.sheet_applied.emit(action)
        return True

    def symbologies(self) -> tuple[Symbology, ...]:
        """What the active show's camera and badge pictures look for."""
        from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES

        show = self.host.active_show
        return self.services.scans.symbologies(show.id) if show is not None else ALL_SYMBOLOGIES

    def fail(self, message: str) -> None:
        """Reports a scan that gave no lead: status bar, red indicator, buzz."""
        self.host.notify(message)
        self.indicator.flash(False, message)
        self.buzz()
        self.failed.emit(message)

    def reject(self, message: str) -> None:
        """What the keyboard-wedge scanner could not read."""
        self.fail(self.tr("Scan not read: {message}").format(message=message))

    def _open(self, result: ScanResult, keep_notice: bool) -> None:
        """Opens the scanned lead; ``keep_notice``: the status bar already says what
        became of the form's previous contents, and keeps saying it."""
        capture = self.host.capture
        capture.fill_from_lead(result.lead)
        view = capture.view
        if result.outcome == "pending":
            pending = translate("scan_controller", PENDING_NOTE)
            capture.show_general_error(pending)
            self.host.notify(f"{pending} — {scan_message(result)}", keep_current=keep_notice)
            capture.focus_first_field()
            return
        self.host.notify(scan_message(result), keep_current=keep_notice)
        products = view.products
        target = (
            products.filter_edit
            if products.isVisible() and products.filter_edit.isEnabled()
            else view.notes_edit
        )
        view.scroll_area.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- badge images -------------------------------------------------------------------

    def choose_badge_image(self, parent: QWidget) -> None:
        """Asks for a photo or image of a badge and reads its code."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            parent,
            self.tr("Scan badge from image"),
            str(Path.home()),
            translate("scan_controller", IMAGE_FILTER),
        )
        if path:
            self.scan_image_file(path)

    def scan_image_file(self, path: str | Path) -> None:
        """Decodes the codes in ``path`` off the UI thread; each becomes a scan."""
        from boothapp.gui.scanning.camera import decode_image_file

        path = Path(path)
        formats = self.symbologies()
        self.host.notify(self.tr("Reading the badge code in {name}…").format(name=path.name))
        self.host.runner.run(
            lambda: decode_image_file(path, formats),
            on_result=lambda payloads: self._image_decoded(path, payloads),
            on_error=self._image_failed,
        )

    def _image_decoded(self, path: Path, payloads: list[str]) -> None:
        if not payloads:
            self.fail(
                self.tr(
                    "No badge code found in {name}: take a sharper photo of the code "
                    "or type the badge in (Ctrl+B)"
                ).format(name=path.name)
            )
            return
        for payload in payloads:
            self.handle(payload, LeadSource.IMAGE)

    def _image_failed(self, error: Exception) -> None:
        if isinstance(error, BoothError):
            self.fail(str(error))
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def accept_drag(self, event: QDragEnterEvent) -> bool:
        """Accepts a drag of badge images while a show is open."""
        if self.host.active_show is not None and image_paths(event):
            event.acceptProposedAction()
            return True
        return False

    def drop(self, event: QDropEvent) -> bool:
        """Scans the badge images dropped on the window; False when there were none."""
        paths = image_paths(event) if self.host.active_show is not None else []
        if not paths:
            return False
        event.acceptProposedAction()
        for path in paths:
            self.scan_image_file(path)
        return True


def visit_ordinal(number: int) -> str:
    """A visit's rank in the window's language: "2nd" in English, "2e" in French."""
    from boothapp.core.services.scans import ordinal

    if window_language() == "fr":
        return "1re" if number == 1 else f"{number}e"
    return ordinal(number)


def scan_message(result: ScanResult) -> str:
    """What a scan did, for the status bar, in the window's language (core's
    ``result.message`` says the same in English)."""
    lead = result.lead
    number = visit_ordinal(result.visit_number)
    if result.outcome == "pending":
        if lead.badge_id:
            what = translate("scan_controller", "badge {badge}").format(badge=lead.badge_id)
        else:
            what = translate("scan_controller", "the scan")
        again = ""
        if result.visit_number > 1:
            again = translate("scan_controller", " ({ordinal} visit)").format(ordinal=number)
        if result.badge.format == "id":
            text = translate(
                "scan_controller",
                "Saved {what} as pending{again}: it is not in the attendee list; "
                "importing the list fills it in",
            )
        else:
            text = translate(
                "scan_controller",
                "Saved {what} as pending{again}: the badge could not be read; edit the lead",
            )
        return text.format(what=what, again=again)
    if result.outcome == "new":
        return translate("scan_controller", "{name} — new lead").format(name=lead.display_name)
    return translate("scan_controller", "{name} — {ordinal} visit").format(
        name=lead.display_name, ordinal=number
    )

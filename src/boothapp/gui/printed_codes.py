"""Codes in the window: QR codes shown on screen for a visitor's phone, and the sheets
the booth prints (``core.printing``), written as PDF off the screen's thread.

*My business card* (F9) fills the screen with the vCard QR code of the staff member at
the laptop, for a visitor to scan; any key or click closes it. *Show contact as QR
code* does the same for the selected lead, to pass it to a salesperson's phone. File >
Print writes the capture sheet, the stand's product sheet, the business cards of the
person at the laptop or the test badges to a PDF chosen by the person, then opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget

from boothapp.core.errors import BoothError
from boothapp.core.printing import (
    Printed,
    business_cards,
    capture_sheet,
    lead_vcard,
    sample_badge_sheet,
    staff_vcard,
    stand_sheet,
)
from boothapp.core.printing.document import paper_for, write_file
from boothapp.core.printing.symbols import png_bytes
from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.services import Services
from boothapp.gui.i18n import translate
from boothapp.gui.tasks import TaskRunner


class CodeHost(Protocol):
    """What the printing and showing of codes use of the main window."""

    services: Services
    runner: TaskRunner

    @property
    def active_show(self) -> EventRow | None: ...

    @property
    def active_staff(self) -> StaffRow | None: ...

    def selected_lead_id(self) -> str | None: ...

    def notify(self, text: str, *, keep_current: bool = False) -> None: ...


def qr_pixmap(text: str) -> QPixmap:
    """The QR code of ``text``, one pixel per module (scale it without smoothing)."""
    pixmap = QPixmap()
    pixmap.loadFromData(png_bytes(text))
    return pixmap


class CodeScreen(QDialog):
    """A QR code as large as the screen allows, with a title and a line under it; any
    key or click closes it."""

    def __init__(self, text: str, title: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.code_text = text
        self._pixmap = qr_pixmap(text)
        self.title = QLabel(title)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.code = QLabel()
        self.code.setObjectName("qrCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumSize(120, 120)
        self.code.setStyleSheet("background: white")
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.caption)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        side = min(self.code.width(), self.code.height()) - 16
        if side > 0:
            self.code.setPixmap(
                self._pixmap.scaled(
                    side,
                    side,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.accept()


def show_my_card(host: CodeHost, parent: QWidget) -> CodeScreen | None:
    """F9: the vCard of the person at the laptop, full screen."""
    member = host.active_staff
    if member is None:
        host.notify(
            translate(
                "printed_codes",
                "Nobody is at this laptop: choose who you are at the top right first",
            )
        )
        return None
    screen = CodeScreen(
        staff_vcard(member),
        member.name,
        translate(
            "printed_codes",
            "Scan with your phone's camera to save my contact. Any key closes this.",
        ),
        parent,
    )
    screen.showFullScreen()
    return screen


def show_lead_card(host: CodeHost, parent: QWidget) -> CodeScreen | None:
    """The selected lead's contact as a vCard QR code, for a salesperson's phone."""
    lead_id = host.selected_lead_id()
    if lead_id is None:
        return None
    services = host.services
    lead = services.leads.get(lead_id)
    screen = CodeScreen(
        lead_vcard(lead, services.events.get(lead.event_id)),
        lead.display_name or translate("printed_codes", "Contact"),
        translate(
            "printed_codes",
            "Scan with a phone's camera to add this visitor to its contacts. Any key closes this.",
        ),
        parent,
    )
    screen.resize(640, 720)
    screen.open()
    return screen


Make = Callable[[], Printed]


class Sheet(NamedTuple):
    """What is said about one kind of printed sheet, in the window's language: the file
    chooser's title, the note while it is made, once written (``{file}``), and when it
    failed (``{error}``)."""

    save_title: str
    making: str
    wrote: str
    failed: str


def _sheets() -> dict[str, Sheet]:
    return {
        "capture": Sheet(
            translate("printed_codes", "Save the capture sheet as PDF"),
            translate("printed_codes", "Making the capture sheet…"),
            translate("printed_codes", "Wrote the capture sheet to {file}"),
            translate("printed_codes", "The capture sheet was not written: {error}"),
        ),
        "stand": Sheet(
            translate("printed_codes", "Save the product sheet as PDF"),
            translate("printed_codes", "Making the product sheet…"),
            translate("printed_codes", "Wrote the product sheet to {file}"),
            translate("printed_codes", "The product sheet was not written: {error}"),
        ),
        "badges": Sheet(
            translate("printed_codes", "Save the test badges as PDF"),
            translate("printed_codes", "Making the test badges…"),
            translate("printed_codes", "Wrote the test badges to {file}"),
            translate("printed_codes", "The test badges were not written: {error}"),
        ),
        "cards": Sheet(
            translate("printed_codes", "Save the business cards as PDF"),
            translate("printed_codes", "Making the business cards…"),
            translate("printed_codes", "Wrote the business cards to {file}"),
            translate("printed_codes", "The business cards were not written: {error}"),
        ),
    }


def print_sheet(host: CodeHost, parent: QWidget, kind: str) -> None:
    """File > Print: writes the sheet ``kind`` (capture, stand, cards, badges) of the
    active show to a PDF the person names, then opens it."""
    show = host.active_show
    if show is None:
        return
    services = host.services
    paper = paper_for(show.country)
    staff = host.active_staff
    sheets = _sheets()
    makers: dict[str, tuple[Sheet, str, Make]] = {
        "capture": (
            sheets["capture"],
            f"capture-sheet-{_slug(show.name)}.pdf",
            lambda: capture_sheet(
                show,
                services.products.list(event_id=show.id),
                services.events.questions(show.id),
                staff=staff,
                paper=paper,
            ),
        ),
        "stand": (
            sheets["stand"],
            f"products-{_slug(show.name)}.pdf",
            lambda: stand_sheet(show, services.products.list(event_id=show.id), paper=paper),
        ),
        "badges": (
            sheets["badges"],
            "test-badges.pdf",
            lambda: sample_badge_sheet(paper=paper),
        ),
    }
    if staff is not None:
        makers["cards"] = (
            sheets["cards"],
            f"cards-{_slug(staff.name)}.pdf",
            lambda: business_cards(staff, None, show, paper=paper),
        )
    if kind not in makers:
        host.notify(
            translate(
                "printed_codes", "Nobody is at this laptop: choose who you are to print your cards"
            )
        )
        return
    what, name, make = makers[kind]
    chosen, _ = QFileDialog.getSaveFileName(
        parent, what.save_title, name, translate("printed_codes", "PDF (*.pdf)")
    )
    if not chosen:
        return
    path = Path(chosen).with_suffix(".pdf")
    host.notify(what.making)
    host.runner.run(
        lambda: _write(path, make),
        on_result=lambda warnings: _written(host, what, path, warnings),
        on_error=lambda error: _failed(host, what, error),
    )


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:40]


def _write(path: Path, make: Make) -> tuple[str, ...]:
    printed = make()
    write_file(path, printed.data)
    return printed.warnings


def _written(host: CodeHost, what: Sheet, path: Path, warnings: tuple[str, ...]) -> None:
    text = what.wrote.format(file=path)
    if warnings:
        text = translate("printed_codes", "{message} ({warnings})").format(
            message=text, warnings="; ".join(warnings)
        )
    host.notify(text)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _failed(host: CodeHost, what: Sheet, error: Exception) -> None:
    if not isinstance(error, BoothError | OSError):
        raise error
    host.notify(what.failed.format(error=error))

"""Badge scans in the booth window: scanner bursts, the badge box, images and cameras."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import Keys, qr_png
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from pytestqt.qtbot import QtBot

from boothapp.core.models import LeadSource
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.scanning.camera import NO_CAMERA
from boothapp.gui.scanning.camera_dialog import CameraDialog
from boothapp.gui.scanning.scan_controller import PENDING_NOTE
from boothapp.gui.scanning.wedge import WedgeScanner
from boothapp.gui.tasks import SynchronousRunner
from conftest import Beeps

VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Müller GmbH\n"
    "TITLE:Directrice achats\nEMAIL:zoe.lefevre@example.fr\nEND:VCARD"
)


def test_a_scanner_burst_opens_the_new_lead_with_the_scanned_name(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, beeps: Beeps
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first_name = window.capture.view.edits["first_name"]
    window.capture.focus_first_field()
    qtbot.waitUntil(first_name.hasFocus)
    keys = Keys()

    with qtbot.waitSignal(window.scans.done, timeout=5000) as blocker:
        keys.post(first_name, VCARD, gap_ms=4)

    result = blocker.args[0]
    assert result.outcome == "new"
    assert first_name.text() == "Zoé"
    assert window.capture.view.edits["last_name"].text() == "Lefèvre"
    assert window.capture.lead_id == result.lead.id
    assert window.notice_label.text() == "Zoé Lefèvre — new lead"
    assert window.scanner_indicator.state == "ok"
    assert beeps.count == 1
    assert window.selected_lead_id() == result.lead.id
    assert services.leads.get(result.lead.id).source == LeadSource.BADGE
    assert window.capture.view.products.filter_edit.hasFocus()

    keys.pause(1_000)
    with qtbot.waitSignal(window.scans.done, timeout=5000) as again:
        keys.post(window.capture.view.products.filter_edit, VCARD, gap_ms=4)

    assert again.args[0].outcome == "returning"
    assert again.args[0].lead.id == result.lead.id
    assert window.notice_label.text() == "Zoé Lefèvre — 2nd visit"
    assert window.capture.view.products.filter_edit.text() == ""
    assert window.model.rowCount() == 1


def test_an_unrecognised_payload_becomes_a_pending_lead(window: MainWindow) -> None:
    window.scan_badge("??!!--**~~")

    result = window.scans.last_result
    assert result is not None and result.outcome == "pending"
    assert window.capture.lead_id == result.lead.id
    assert PENDING_NOTE in window.notice_label.text()
    assert PENDING_NOTE in window.capture.view.error_label.text()
    assert window.model.rowCount() == 1


def test_a_scan_too_long_is_refused_with_a_message(window: MainWindow, beeps: Beeps) -> None:
    window.scan_badge("A" * 5000)

    assert window.notice_label.text().startswith("Scan not saved: badge:")
    assert window.scanner_indicator.state == "failed"
    assert beeps.count == 1
    assert window.model.rowCount() == 0


def test_an_empty_scanner_burst_is_reported(window: MainWindow, wedge: WedgeScanner) -> None:
    wedge.rejected.emit("the scan was empty: scan the badge again")

    assert window.notice_label.text() == "Scan not read: the scan was empty: scan the badge again"
    assert window.scanner_indicator.state == "failed"


def test_a_badge_pasted_into_the_badge_box_is_scanned(qtbot: QtBot, window: MainWindow) -> None:
    window.badge_box_action.trigger()
    qtbot.waitUntil(window.badge_box.isVisible)
    window.badge_box.editor.setPlainText(VCARD)

    with qtbot.waitSignal(window.scans.done, timeout=5000) as blocker:
        window.badge_box.scan_button.click()

    assert blocker.args[0].lead.display_name == "Zoé Lefèvre"
    assert window.capture.view.edits["first_name"].text() == "Zoé"
    assert window.badge_box.editor.toPlainText() == ""


def test_a_badge_photo_is_scanned(window: MainWindow, services: Services, tmp_path: Path) -> None:
    photo = tmp_path / "badge.png"
    photo.write_bytes(qr_png(VCARD))

    window.scan_image_file(photo)

    result = window.scans.last_result
    assert result is not None and result.outcome == "new"
    assert services.leads.get(result.lead.id).source == LeadSource.IMAGE
    assert window.capture.view.edits["first_name"].text() == "Zoé"


def test_an_image_without_a_code_says_so(window: MainWindow, tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    assert image.save(str(blank))

    window.scan_image_file(blank)

    assert "No badge code found in blank.png" in window.notice_label.text()
    assert window.scanner_indicator.state == "failed"


def test_a_file_that_is_not_an_image_is_named(window: MainWindow, tmp_path: Path) -> None:
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")

    window.scan_image_file(fake)

    assert "notes.png cannot be read as an image" in window.notice_label.text()


def test_an_image_dropped_on_the_window_is_scanned(window: MainWindow, tmp_path: Path) -> None:
    photo = tmp_path / "dropped.png"
    photo.write_bytes(qr_png(VCARD))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )

    window.dropEvent(event)

    result = window.scans.last_result
    assert result is not None and result.lead.display_name == "Zoé Lefèvre"


def test_the_camera_dialog_says_when_there_is_no_camera(window: MainWindow) -> None:
    window.camera_devices = list

    window.camera_action.trigger()

    dialog = window.scan_dialog
    assert isinstance(dialog, CameraDialog)
    assert dialog.status.text() == NO_CAMERA
    assert not dialog.camera_combo.isEnabled()
    dialog.close()


def test_calibration_needs_a_scanner(
    qtbot: QtBot, services: Services, show: int, window_settings: QSettings, window: MainWindow
) -> None:
    assert window.calibrate_action.isEnabled()
    plain = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(plain)

    assert not plain.calibrate_action.isEnabled()

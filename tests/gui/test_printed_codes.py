"""Codes in the window: my business card full screen (F9), a lead's contact as a QR
code, and the sheets of File > Print."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.printed_codes import CodeScreen
from boothapp.gui.scanning.camera import gray_pixels


def _decoded(screen: CodeScreen) -> list[str]:
    pixmap = screen.code.pixmap()
    assert pixmap is not None and not pixmap.isNull()
    image: QImage = pixmap.toImage()
    return [r.text for r in zxingcpp.read_barcodes(gray_pixels(image))]


def test_f9_shows_my_contact_full_screen_and_any_key_closes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    screens = window.findChildren(CodeScreen)
    assert len(screens) == 1
    screen = screens[0]
    qtbot.waitExposed(screen)
    assert screen.isFullScreen()
    assert screen.title.text() == "Anna Schmidt"
    [text] = _decoded(screen)
    assert "FN:Anna Schmidt" in text and text.startswith("BEGIN:VCARD")
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not window.findChildren(CodeScreen))


def test_a_selected_lead_is_shown_as_a_vcard_code(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Zoé", last_name="Lefèvre", email="zoe@example.fr"), show
    )
    window.refresh()
    assert not window.lead_card_action.isEnabled()
    assert window.lead_list.select_lead(lead.id)
    window.lead_card_action.trigger()
    [screen] = window.findChildren(CodeScreen)
    qtbot.waitExposed(screen)
    [text] = _decoded(screen)
    assert "FN:Zoé Lefèvre" in text and "zoe@example.fr" in text
    screen.accept()


@pytest.mark.parametrize("kind", ["capture", "stand", "cards", "badges"])
def test_each_sheet_is_written_as_pdf_and_opened(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    chosen = tmp_path / f"{kind}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(chosen), ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.print_actions[kind].trigger()
    written = chosen.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert opened == [QUrl.fromLocalFile(str(written))]
    assert window.notice_label.text().startswith("Wrote the ")

"""The File and Edit menus reach merging and personal data, behind the manager PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.merge_dialog import MergeDialog
from boothapp.gui.privacy_dialog import AuditLogDialog, ErasureDialog, RetentionDialog


def _texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_file_menu_has_merge_and_a_personal_data_menu(window: MainWindow) -> None:
    file_menu = _texts(window, "&File")
    assert "&Merge a laptop's file…" in file_menu
    assert "Personal &data" in file_menu
    assert [a.text() for a in window.erase_person_action.associatedObjects()[0].actions()] == [
        "&Erase a person…",
        "&Retention of old leads…",
        "E&xport what is held on a person…",
        "&Audit log…",
    ]
    assert "Erase lead for &good…" in _texts(window, "&Edit")


def test_without_a_pin_each_entry_opens_its_dialog(
    qtbot: QtBot, services: Services, show: int, window: MainWindow
) -> None:
    window.erase_person_action.trigger()
    window.retention_action.trigger()
    window.audit_action.trigger()
    kinds = {type(dialog) for dialog in window.privacy.open_dialogs.values()}
    assert kinds == {ErasureDialog, RetentionDialog, AuditLogDialog}
    window.merge_action.trigger()
    assert window.findChildren(MergeDialog)


def test_with_a_pin_erasing_and_merging_ask_for_it_first(
    services: Services, show: int, window: MainWindow
) -> None:
    services.manager_lock.set_pin("2468")
    lead = services.leads.create(LeadInput(first_name="Zoé"), show)
    window.refresh()
    assert window.lead_list.select_lead(lead.id)
    window.erase_lead_action.trigger()
    assert window.pin_dialog is not None
    assert window._privacy is None  # noqa: SLF001
    window.pin_dialog.reject()
    window.merge_action.trigger()
    assert window.pin_dialog is not None and not window.findChildren(MergeDialog)


def test_view_kiosk_mode_hides_the_window_and_leaving_brings_it_back(
    qtbot: QtBot, services: Services, show: int, window: MainWindow
) -> None:
    window.capture.view.edits["first_name"].setText("Zoé")
    window.kiosk_action.trigger()
    kiosk = window.kiosk
    assert kiosk is not None
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.capture.is_empty()
    with qtbot.waitSignal(kiosk.left):
        kiosk.leave()
    qtbot.waitUntil(window.isVisible)
    assert window.kiosk is None
    assert window.capture.view.restore_bar.isVisible()
    window.capture.view.restore_button.click()
    assert window.capture.text("first_name") == "Zoé"


def test_ctrl_t_opens_the_follow_up_queue_and_a_lead_opens_in_the_form(
    qtbot: QtBot, services: Services, show: int, window: MainWindow
) -> None:
    from boothapp.gui.follow_up_queue import FollowUpQueue

    lead = services.leads.create(
        LeadInput(first_name="Zoé", rating="hot", follow_ups=("send_quote",)), show
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    [queue] = window.findChildren(FollowUpQueue)
    qtbot.waitExposed(queue)
    queue.open_lead_requested.emit(lead.id)
    assert window.capture.lead_id == lead.id
    queue.close()

"""The manager PIN in the window: the dialog that asks for it, the actions it locks, and
the "Manager PIN" section of the show settings (set, change, clear)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from gui_helpers import Booth
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from boothapp.core.manager_lock import ManagerLock, ScryptParams
from boothapp.core.services import Services
from boothapp.gui.export_dialog import ExportDialog
from boothapp.gui.main_window import MainWindow
from boothapp.gui.pin_dialog import PinDialog, PinSetupDialog, ask_manager_pin
from boothapp.gui.settings.new_show_dialog import NewShowDialog
from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

MakeWindow = Callable[[], MainWindow]


class Clock:
    """A clock the test moves: no sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class Calls:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lock(services: Services, clock: Clock) -> ManagerLock:
    """The booth's lock with PIN 2468, a clock the test moves and a cheap hash."""
    made = ManagerLock(services.database, clock=clock, params=ScryptParams(n=2**10))
    made.set_pin("2468")
    return made


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def ask(qtbot: QtBot, parent: QWidget, lock: ManagerLock, calls: Calls) -> PinDialog:
    dialog = ask_manager_pin(parent, lock, "Exporting leads", calls)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_no_pin_set_means_no_dialog(services: Services, parent: QWidget, clock: Clock) -> None:
    calls = Calls()
    assert ask_manager_pin(parent, ManagerLock(services.database, clock=clock), "X", calls) is None
    assert calls.count == 1
    assert parent.findChildren(PinDialog) == []


def test_the_right_pin_typed_and_enter_grants(
    qtbot: QtBot, parent: QWidget, lock: ManagerLock
) -> None:
    calls = Calls()
    dialog = ask(qtbot, parent, lock, calls)
    view = dialog.view
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert view.intro.text() == "Exporting leads needs the manager PIN."
    assert view.pin_edit.echoMode() == view.pin_edit.EchoMode.Password
    assert dialog.focusWidget() is view.pin_edit
    assert calls.count == 0

    qtbot.keyClicks(view.pin_edit, "2468")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(view.pin_edit, Qt.Key.Key_Return)

    assert calls.count == 1
    assert dialog.result() == PinDialog.DialogCode.Accepted


def test_a_wrong_pin_is_refused_and_the_dialog_stays(
    qtbot: QtBot, parent: QWidget, lock: ManagerLock
) -> None:
    calls = Calls()
    dialog = ask(qtbot, parent, lock, calls)
    view = dialog.view
    view.pin_edit.setText("8642")
    view.unlock_button.click()

    assert calls.count == 0 and dialog.isVisible()
    assert view.message.isVisible() and view.message.text() == "The manager PIN is wrong."
    assert view.pin_edit.text() == ""
    assert lock.status().failures == 1

    view.pin_edit.setText("")
    assert not dialog.try_pin()
    assert view.message.text() == "Type the manager PIN."
    assert lock.status().failures == 1


def test_cancel_runs_nothing(qtbot: QtBot, parent: QWidget, lock: ManagerLock) -> None:
    calls = Calls()
    dialog = ask(qtbot, parent, lock, calls)
    dialog.view.pin_edit.setText("2468")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.view.pin_edit, Qt.Key.Key_Escape)
    assert calls.count == 0


def test_the_wait_after_wrong_pins_is_shown_and_counted_down(
    qtbot: QtBot, parent: QWidget, lock: ManagerLock, clock: Clock
) -> None:
    calls = Calls()
    dialog = ask(qtbot, parent, lock, calls)
    view = dialog.view
    for _ in range(3):
        view.pin_edit.setText("0000")
        dialog.try_pin()

    assert view.message.text() == "The manager PIN is wrong: wait 1 s before the next try."
    assert not view.unlock_button.isEnabled() and dialog.timer.isActive()
    view.pin_edit.setText("2468")
    assert not dialog.try_pin()
    assert calls.count == 0

    clock.advance(1)
    dialog.refresh()
    assert view.unlock_button.isEnabled() and not dialog.timer.isActive()
    assert view.message.text() == "The manager PIN is wrong: try again."
    assert dialog.try_pin()
    assert calls.count == 1 and lock.status().failures == 0


def test_a_dialog_opened_while_a_wait_runs_says_so(
    qtbot: QtBot, parent: QWidget, lock: ManagerLock, clock: Clock
) -> None:
    for _ in range(4):
        clock.advance(lock.check("0000").wait)
    clock.advance(-1.5)
    dialog = ask(qtbot, parent, lock, Calls())
    assert (
        dialog.view.message.text() == "Too many wrong manager PINs: wait 2 s before the next try."
    )
    assert not dialog.view.unlock_button.isEnabled()


# --- the window's locked actions ---------------------------------------------------------


@pytest.fixture
def locked_window(booth: Booth, services: Services, make_window: MakeWindow) -> MainWindow:
    services.manager_lock.set_pin("2468")
    return make_window()


def pin_dialog(qtbot: QtBot, window: MainWindow) -> PinDialog:
    dialog = window.pin_dialog
    assert isinstance(dialog, PinDialog)
    qtbot.waitExposed(dialog)
    return dialog


def cancel(qtbot: QtBot, dialog: PinDialog) -> None:
    with qtbot.waitSignal(dialog.finished):
        dialog.view.buttons.rejected.emit()


def test_export_asks_for_the_pin_and_does_nothing_when_cancelled(
    qtbot: QtBot, locked_window: MainWindow
) -> None:
    window = locked_window
    window.export_action.trigger()
    dialog = pin_dialog(qtbot, window)
    assert dialog.view.intro.text() == "Exporting leads needs the manager PIN."
    assert window.scan_dialog is None
    cancel(qtbot, dialog)
    assert window.scan_dialog is None and window.pin_dialog is None

    window.export_action.trigger()
    dialog = pin_dialog(qtbot, window)
    dialog.view.pin_edit.setText("2468")
    dialog.view.unlock_button.click()
    assert isinstance(window.scan_dialog, ExportDialog)


def test_show_settings_ask_for_the_pin(qtbot: QtBot, locked_window: MainWindow) -> None:
    window = locked_window
    window.settings_action.trigger()
    dialog = pin_dialog(qtbot, window)
    dialog.view.pin_edit.setText("0000")
    dialog.view.unlock_button.click()
    assert window.settings_dialog is None
    cancel(qtbot, dialog)
    assert window.settings_dialog is None

    window.settings_action.trigger()
    dialog = pin_dialog(qtbot, window)
    dialog.view.pin_edit.setText("2468")
    dialog.view.unlock_button.click()
    assert isinstance(window.settings_dialog, ShowSettingsDialog)


def test_new_show_asks_for_the_pin(qtbot: QtBot, locked_window: MainWindow) -> None:
    window = locked_window
    for trigger in (window.new_show_action.trigger, window.header.new_show_requested.emit):
        trigger()
        cancel(qtbot, pin_dialog(qtbot, window))
        assert window.new_show_dialog is None

    window.new_show_action.trigger()
    dialog = pin_dialog(qtbot, window)
    dialog.view.pin_edit.setText("2468")
    dialog.view.unlock_button.click()
    assert isinstance(window.new_show_dialog, NewShowDialog)


# Raising a window on the offscreen platform: it cannot, and says so.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|propagateSizeHints\(\))$")
def test_a_second_locked_action_raises_the_open_pin_dialog(
    qtbot: QtBot, locked_window: MainWindow
) -> None:
    window = locked_window
    window.export_action.trigger()
    first = pin_dialog(qtbot, window)
    window.settings_action.trigger()
    assert window.pin_dialog is first
    assert len(window.findChildren(PinDialog)) == 1


def test_no_pin_opens_the_actions_at_once(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.export_action.trigger()
    assert window.pin_dialog is None and isinstance(window.scan_dialog, ExportDialog)


# --- the Manager PIN section of the show settings ---------------------------------------


@pytest.fixture
def settings(qtbot: QtBot, booth: Booth, make_window: MakeWindow) -> ShowSettingsDialog:
    window = make_window()
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.show_page("staff")
    return dialog


def test_the_section_sets_a_pin_typed_twice(
    qtbot: QtBot, settings: ShowSettingsDialog, services: Services
) -> None:
    section = settings.pin_section
    assert section.isVisible()
    assert section.status_label.text().startswith("No manager PIN is set")
    assert section.set_button.text() == "Set P&IN…" and not section.clear_button.isEnabled()

    section.set_button.click()
    setup = section.dialog
    assert isinstance(setup, PinSetupDialog)
    qtbot.waitExposed(setup)
    view = setup.view
    assert not view.current_edit.isVisible()
    assert setup.focusWidget() is view.new_edit

    view.new_edit.setText("12")
    view.again_edit.setText("12")
    assert not setup.save()
    assert view.message.text() == "New PIN: the manager PIN is 2 characters long: give 4 or more."
    view.new_edit.setText("2468")
    view.again_edit.setText("2469")
    assert not setup.save()
    assert view.message.text() == "The two new PINs differ: type the same PIN twice."
    assert not services.manager_lock.is_set()

    view.again_edit.setText("2468")
    with qtbot.waitSignal(setup.finished):
        view.save_button.click()
    assert services.manager_lock.check("2468").granted
    assert section.dialog is None
    assert section.status_label.text().startswith("A manager PIN is set")
    assert section.set_button.text() == "Change P&IN…" and section.clear_button.isEnabled()


def test_the_section_changes_the_pin_given_the_current_one(
    qtbot: QtBot, settings: ShowSettingsDialog, services: Services
) -> None:
    services.manager_lock.set_pin("2468")
    section = settings.pin_section
    section.refresh()
    section.set_button.click()
    setup = section.dialog
    assert isinstance(setup, PinSetupDialog)
    qtbot.waitExposed(setup)
    view = setup.view
    assert view.current_edit.isVisible() and setup.focusWidget() is view.current_edit

    view.new_edit.setText("1357")
    view.again_edit.setText("1357")
    assert not setup.save()
    assert view.message.text() == "Type the current PIN."
    view.current_edit.setText("0000")
    assert not setup.save()
    assert view.message.text() == "The manager PIN is wrong."
    assert services.manager_lock.check("2468").granted

    view.current_edit.setText("2468")
    assert setup.save()
    assert services.manager_lock.check("1357").granted
    assert not services.manager_lock.check("2468").granted


def test_the_section_clears_the_pin_given_the_current_one(
    qtbot: QtBot, settings: ShowSettingsDialog, services: Services
) -> None:
    services.manager_lock.set_pin("2468")
    section = settings.pin_section
    section.refresh()
    section.clear_button.click()
    dialog = section.dialog
    assert isinstance(dialog, PinDialog)
    qtbot.waitExposed(dialog)
    assert dialog.view.intro.text() == "Clearing the manager PIN needs the manager PIN."

    dialog.view.pin_edit.setText("8642")
    assert not dialog.try_pin()
    assert services.manager_lock.is_set()

    dialog.view.pin_edit.setText("2468")
    with qtbot.waitSignal(dialog.finished):
        dialog.view.unlock_button.click()
    assert not services.manager_lock.is_set()
    assert section.status_label.text().startswith("No manager PIN is set")
    assert not section.clear_button.isEnabled()

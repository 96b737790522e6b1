"""The window's scan sounds: a chime for a saved scan, a buzz for one that failed, and
View > Scan sounds to silence both, remembered for the next start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from boothapp.core.services import Services
from boothapp.gui.main_window import MUTED_KEY, MainWindow
from boothapp.gui.tasks import SynchronousRunner
from conftest import Beeps


def test_a_saved_scan_chimes_and_a_failed_one_buzzes(window: MainWindow) -> None:
    chimes, buzzes = Beeps(), Beeps()
    window.scans.beep, window.scans.buzz = chimes, buzzes

    window.scans.handle("MP-4711")
    window.scans.reject("the scan was cut short")

    assert (chimes.count, buzzes.count) == (1, 1)


def test_the_window_plays_its_own_sounds_not_the_system_beep(
    qtbot: QtBot, services: Services, window_settings: QSettings
) -> None:
    window = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(window)
    assert window.scans.beep == window.sounds.ok
    assert window.scans.buzz == window.sounds.error


def test_view_scan_sounds_silences_them_until_turned_back_on(
    qtbot: QtBot, make_window: Callable[[], MainWindow], window_settings: QSettings
) -> None:
    window = make_window()
    assert window.sounds_action.isChecked()
    assert not window.sounds.muted

    window.sounds_action.trigger()

    assert window.sounds.muted
    window.close()
    again = make_window()
    assert again.sounds.muted
    assert not again.sounds_action.isChecked()
    again.sounds_action.trigger()
    assert not again.sounds.muted
    assert window_settings.value(MUTED_KEY) in (False, "false")

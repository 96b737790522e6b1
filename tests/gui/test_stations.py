"""Two laptops' windows on one database: each keeps its own show, its own staff member at
the laptop and its own unsaved visitor."""

from __future__ import annotations

from gui_helpers import make_booth
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import EventInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.tasks import SynchronousRunner


def start(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    """A window as the app starts it; the test deletes it (as a crash would end it)."""
    window = MainWindow(services, runner=SynchronousRunner(), settings=settings)
    window.show()
    qtbot.waitUntil(lambda: window.started)
    return window


def crash(qtbot: QtBot, window: MainWindow) -> None:
    """Ends the window without closing it: nothing is saved or cleared on the way out."""
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()


def choose(combo: QComboBox, data: int) -> None:
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_two_laptops_keep_their_own_show_staff_and_unsaved_visitor(
    qtbot: QtBot, services: Services, window_settings: QSettings
) -> None:
    first = Services.over(services.database, station_id="laptop-a")
    second = Services.over(services.database, station_id="laptop-b")
    booth = make_booth(first)
    dsei = first.events.create(EventInput(name="DSEI"))

    window = start(qtbot, second, window_settings)
    assert window.active_show == dsei
    choose(window.view.show_combo, booth.show.id)
    choose(window.view.staff_combo, booth.ben_id)
    assert window.active_show == booth.show
    assert window.active_staff is not None and window.active_staff.id == booth.ben_id
    window.capture.view.edits["first_name"].setText("Li")
    window.capture.autosave()
    crash(qtbot, window)

    window = start(qtbot, first, window_settings)
    assert window.active_show == booth.show
    assert window.active_staff is not None and window.active_staff.id == booth.anna_id
    assert not window.capture.view.restore_bar.isVisible()
    window.capture.view.edits["first_name"].setText("Zoé")
    window.capture.autosave()
    crash(qtbot, window)

    window = start(qtbot, second, window_settings)
    assert window.active_staff is not None and window.active_staff.id == booth.ben_id
    assert "(Li)" in window.capture.view.restore_bar.text.text()
    crash(qtbot, window)

    window = start(qtbot, first, window_settings)
    assert "(Zoé)" in window.capture.view.restore_bar.text.text()
    window.capture.view.restore_button.click()
    assert window.capture.view.edits["first_name"].text() == "Zoé"
    crash(qtbot, window)

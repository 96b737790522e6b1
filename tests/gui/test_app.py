"""run_gui: a database that cannot be used is a message, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from boothapp import APP_NAME, __version__
from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput
from boothapp.core.services import Services
from boothapp.gui.app import run_gui
from boothapp.gui.main_window import MainWindow


def test_a_file_that_is_not_a_database_is_refused_with_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("not a database\n", encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *rest: shown.append((title, text))
    )
    hook = sys.excepthook

    assert run_gui(str(target)) == 1

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "boothapp cannot start"
    assert str(target) in text
    assert "not a boothapp database" in text
    assert "Traceback" not in text
    assert target.read_text(encoding="utf-8") == "not a database\n"
    assert sys.excepthook is hook


def titles_shown_by_run_gui() -> list[str]:
    """Runs the window as ``boothapp`` does, closes it once shown and returns the titles of
    the windows it showed; fails unless the app then quits cleanly."""
    seen: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        for window in windows:
            window.close()

    QTimer.singleShot(0, look_and_close)
    assert run_gui(None) == 0
    return seen


def test_the_window_opens_on_the_database_and_the_app_quits_cleanly(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "booth.sqlite3"
    database = open_database(target)
    Services.over(database).events.create(EventInput(name="Enforce Tac"))
    database.close()
    monkeypatch.setenv("BOOTHAPP_DB", str(target))

    assert titles_shown_by_run_gui() == ["Enforce Tac — boothapp"]
    assert qapp.applicationName() == APP_NAME
    assert qapp.applicationVersion() == __version__


def test_the_window_opens_on_the_show_chosen_on_the_command_line(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``boothapp event use`` and the window are the same station (the same station file
    in the user data folder); another station's choice does not move it."""
    monkeypatch.setenv("BOOTHAPP_DB", str(tmp_path / "booth.sqlite3"))
    for name in ("Enforce Tac", "Milipol Paris", "DSEI"):
        assert main(["event", "add", name]) == 0
    assert main(["event", "use", "Milipol"]) == 0
    monkeypatch.setenv("BOOTHAPP_STATION", "another-laptop")
    assert main(["event", "use", "Enforce"]) == 0
    monkeypatch.delenv("BOOTHAPP_STATION")

    assert titles_shown_by_run_gui() == ["Milipol Paris — boothapp"]


def test_a_station_name_that_cannot_be_used_is_refused_with_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setenv("BOOTHAPP_STATION", "laptop 2")

    assert run_gui(str(tmp_path / "booth.sqlite3")) == 1

    assert len(shown) == 1 and shown[0].startswith("BOOTHAPP_STATION: 'laptop 2' cannot name")


def test_every_window_and_dialog_shows_boothapps_icon(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QDialog

    from boothapp.gui.app import application

    app = application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
    dialog = QDialog()
    assert dialog.windowIcon().cacheKey() == icon.cacheKey()
    dialog.deleteLater()

"""run_gui: a database that cannot be used is a message, not a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from boothapp import APP_NAME, __version__
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


def test_the_window_opens_on_the_database_and_the_app_quits_cleanly(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "booth.sqlite3"
    database = open_database(target)
    Services.over(database).events.create(EventInput(name="Enforce Tac"))
    database.close()
    seen: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        for window in windows:
            window.close()

    monkeypatch.setenv("BOOTHAPP_DB", str(target))
    QTimer.singleShot(0, look_and_close)

    assert run_gui(None) == 0

    assert seen == ["boothapp — Enforce Tac"]
    assert qapp.applicationName() == APP_NAME
    assert qapp.applicationVersion() == __version__

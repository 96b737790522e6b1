"""A database that cannot be opened at start: the offers, and each of them carried out on
real damaged, stale and empty files with real backups."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from boothapp.core.backup import BACKUPS_FOLDER_NAME, backup_to
from boothapp.core.db import Database, open_database
from boothapp.core.errors import (
    DamagedDatabase,
    EmptyDatabase,
    StaleJournal,
    StorageError,
)
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services
from boothapp.gui.app import run_gui
from boothapp.gui.main_window import MainWindow
from boothapp.gui.recovery import (
    RecoveryDialog,
    Remedy,
    age_text,
    recovery_for,
    salvage_command,
)
from boothapp.gui.tasks import SynchronousRunner
from damaged_file import damage_page, leaf_pages

# --- real files: made, backed up, damaged ---------------------------------------------------


def make_booth(path: Path, leads: int) -> None:
    """A database with the show "Milipol Paris 2023" and ``leads`` leads, each with a note."""
    database = open_database(path)
    services = Services.over(database, station_id="booth")
    show = services.events.create(EventInput(name="Milipol Paris 2023", country="FR"))
    services.events.use(show.id)
    for number in range(leads):
        services.leads.create(
            LeadInput(first_name=f"Visitor{number}", company="Thalès", note=f"Round {number}"),
            event_id=show.id,
        )
    database.close()


def add_leads(path: Path, leads: int) -> None:
    database = open_database(path)
    services = Services.over(database, station_id="booth")
    show = services.events.list()[0]
    for number in range(leads):
        services.leads.create(LeadInput(first_name=f"Later{number}"), event_id=show.id)
    database.close()


def back_up(path: Path) -> Path:
    folder = path.parent / BACKUPS_FOLDER_NAME
    folder.mkdir(exist_ok=True)
    database = open_database(path)
    try:
        return backup_to(database, folder)
    finally:
        database.close()


def damage_notes(path: Path) -> None:
    """Damages a page of the notes: the file fails its check, the leads still list."""
    damage_page(path, leaf_pages(path, "notes")[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def lead_count(path: Path) -> int:
    uri = f"{path.as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        count = connection.execute("SELECT count(*) FROM leads").fetchone()[0]
    connection.close()
    return int(count)


def leads_in(database: Database) -> int:
    with database.read_connection() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM leads").scalar_one())


_SAVE_AND_DIE = """
import os, sys
from boothapp.core.db import Database, open_database
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
services = Services.over(open_database(sys.argv[1]), station_id="died")
show = services.events.list()[0]
for number in range(int(sys.argv[2])):
    services.leads.create(LeadInput(first_name=f"Died{number}", note="n" * 300), event_id=show.id)
os._exit(0)
"""


def leave_a_stale_journal(path: Path, tmp_path: Path, leads: int) -> None:
    """``path`` holds ``leads`` leads, copied over a file whose process died with saves
    left in its ``-wal``: the journal beside it is another file's."""
    make_booth(path, leads=5)
    subprocess.run([sys.executable, "-c", _SAVE_AND_DIE, str(path), "20"], check=True)
    other = tmp_path / "copied.sqlite3"
    make_booth(other, leads=leads)
    path.write_bytes(other.read_bytes())


def opening_error(path: Path) -> StorageError:
    with pytest.raises(StorageError) as raised:
        open_database(path)
    return raised.value


@pytest.fixture
def booth(tmp_path: Path) -> Path:
    return tmp_path / "booth.sqlite3"


@pytest.fixture
def opened_databases() -> list[RecoveryDialog]:
    """Dialogs whose opened database is closed after the test."""
    dialogs: list[RecoveryDialog] = []
    yield dialogs
    for dialog in dialogs:
        if dialog.opened is not None:
            dialog.opened.database.close()


def make_dialog(qtbot: QtBot, booth: Path, kept: list[RecoveryDialog]) -> RecoveryDialog:
    recovery = recovery_for(opening_error(booth), booth)
    assert recovery is not None
    dialog = RecoveryDialog(recovery, SynchronousRunner())
    qtbot.addWidget(dialog)
    kept.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def visible_offers(dialog: RecoveryDialog) -> list[Remedy]:
    return [r for r, button in dialog.view.offer_buttons.items() if button.isVisibleTo(dialog)]


# --- the offers ---------------------------------------------------------------------------


def test_a_damaged_file_with_a_backup_is_offered_the_backup_and_read_only(booth: Path) -> None:
    make_booth(booth, leads=60)
    back_up(booth)
    add_leads(booth, 5)
    damage_notes(booth)

    recovery = recovery_for(opening_error(booth), booth)

    assert recovery is not None
    assert isinstance(recovery.error, DamagedDatabase)
    assert recovery.remedies == (Remedy.RESTORE, Remedy.READ_ONLY, Remedy.QUIT)
    assert recovery.backup is not None
    assert recovery.backup.leads == 60
    assert recovery.backup.age < timedelta(minutes=1)


def test_a_stale_journal_without_backups_is_offered_to_be_set_aside(
    booth: Path, tmp_path: Path
) -> None:
    leave_a_stale_journal(booth, tmp_path, leads=30)

    recovery = recovery_for(opening_error(booth), booth)

    assert recovery is not None and isinstance(recovery.error, StaleJournal)
    assert recovery.backup is None
    assert recovery.remedies == (Remedy.SET_JOURNAL_ASIDE, Remedy.QUIT)


def test_an_empty_file_is_offered_only_a_backup(booth: Path) -> None:
    make_booth(booth, leads=12)
    back_up(booth)
    booth.write_bytes(b"")

    with_backup = recovery_for(opening_error(booth), booth)
    (booth.parent / BACKUPS_FOLDER_NAME).rename(booth.parent / "elsewhere")
    without = recovery_for(opening_error(booth), booth)

    assert with_backup is not None and isinstance(with_backup.error, EmptyDatabase)
    assert with_backup.remedies == (Remedy.RESTORE, Remedy.QUIT)
    assert with_backup.backup is not None and with_backup.backup.leads == 12
    assert without is not None and without.remedies == (Remedy.QUIT,)


def test_a_file_that_is_not_boothapps_gets_no_offers(booth: Path) -> None:
    booth.write_text("a spreadsheet", encoding="utf-8")
    error = opening_error(booth)

    assert recovery_for(error, booth) is None
    assert recovery_for(DamagedDatabase("a server is damaged"), None) is None


def test_a_backups_age_reads_in_its_largest_unit() -> None:
    assert age_text(timedelta(seconds=40)) == "less than a minute old"
    assert age_text(timedelta(minutes=1, seconds=59)) == "1 minute old"
    assert age_text(timedelta(hours=5, minutes=59)) == "5 hours old"
    assert age_text(timedelta(days=2, hours=3)) == "2 days old"


# --- each offer carried out -----------------------------------------------------------------


def test_restoring_the_newest_backup_keeps_the_damaged_file_and_opens_the_backup(
    qtbot: QtBot, booth: Path, opened_databases: list[RecoveryDialog]
) -> None:
    make_booth(booth, leads=60)
    back_up(booth)
    add_leads(booth, 5)
    damage_notes(booth)
    damaged = digest(booth)
    dialog = make_dialog(qtbot, booth, opened_databases)

    assert visible_offers(dialog) == [Remedy.RESTORE, Remedy.READ_ONLY, Remedy.QUIT]
    assert dialog.view.reason_label.text().startswith(f"{booth} is damaged: ")
    assert "60 leads, less than a minute old (made " in dialog.view.restore_button.description()
    assert dialog.view.salvage_label.text().endswith(salvage_command(booth))

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.view.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.opened is not None
    database = dialog.opened.database
    assert database.writable and database.target.path == booth
    assert lead_count(booth) == 60
    kept = [path for path in booth.parent.glob("booth-replaced-*.sqlite3")]
    assert len(kept) == 1 and digest(kept[0]) == damaged
    assert dialog.opened.notice == (
        f"Restored 60 leads from the backup {recovery_backup_name(booth)}; the file it "
        f"replaced is kept as {kept[0]}."
    )


def recovery_backup_name(booth: Path) -> str:
    return next((booth.parent / BACKUPS_FOLDER_NAME).glob("booth-*.sqlite3")).name


def test_a_damaged_file_opens_read_only_and_is_left_as_it_is(
    qtbot: QtBot, booth: Path, opened_databases: list[RecoveryDialog]
) -> None:
    make_booth(booth, leads=40)
    damage_notes(booth)
    damaged = digest(booth)
    dialog = make_dialog(qtbot, booth, opened_databases)

    assert visible_offers(dialog) == [Remedy.READ_ONLY, Remedy.QUIT]
    assert "No backup that can be restored was found" in dialog.view.backup_label.text()
    assert dialog.view.problems_label.text().startswith("SQLite: ")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.view.read_only_button, Qt.MouseButton.LeftButton)

    assert dialog.opened is not None
    database = dialog.opened.database
    assert isinstance(database.read_only_reason, DamagedDatabase)
    assert leads_in(database) == 40
    assert digest(booth) == damaged


def test_setting_a_stale_journal_aside_opens_the_file_as_it_is(
    qtbot: QtBot, booth: Path, tmp_path: Path, opened_databases: list[RecoveryDialog]
) -> None:
    leave_a_stale_journal(booth, tmp_path, leads=30)
    dialog = make_dialog(qtbot, booth, opened_databases)

    assert visible_offers(dialog) == [Remedy.SET_JOURNAL_ASIDE, Remedy.QUIT]
    assert dialog.view.heading.text() == "The database has a journal file that is not its own"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.view.journal_button, Qt.MouseButton.LeftButton)

    assert dialog.opened is not None and dialog.opened.database.writable
    assert leads_in(dialog.opened.database) == 30
    kept = sorted(path.name for path in tmp_path.glob("booth.sqlite3-wal.set-aside-*"))
    assert len(kept) == 1
    assert kept[0] in dialog.opened.notice


def test_a_file_found_damaged_once_its_journal_is_set_aside_gets_the_damaged_offers(
    qtbot: QtBot, booth: Path, tmp_path: Path, opened_databases: list[RecoveryDialog]
) -> None:
    leave_a_stale_journal(booth, tmp_path, leads=30)
    with booth.open("r+b") as handle:
        size = 4096
        handle.seek((leaf_pages(tmp_path / "copied.sqlite3", "notes")[0] - 1) * size + 8)
        handle.write(hashlib.shake_256(b"noise").digest(size - 8))
    dialog = make_dialog(qtbot, booth, opened_databases)

    qtbot.mouseClick(dialog.view.journal_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.opened is None
    assert isinstance(dialog.recovery.error, DamagedDatabase)
    assert not isinstance(dialog.recovery.error, StaleJournal)
    assert visible_offers(dialog) == [Remedy.READ_ONLY, Remedy.QUIT]
    said = dialog.view.status_label.text()
    assert said.startswith("Set the journal aside (kept as booth.sqlite3-wal.set-aside-")
    assert f"{booth} is damaged" in said
    assert dialog.view.heading.text() == "The database file is damaged"


def test_a_backup_gone_meanwhile_is_said_and_no_longer_offered(
    qtbot: QtBot, booth: Path, opened_databases: list[RecoveryDialog]
) -> None:
    make_booth(booth, leads=20)
    backup = back_up(booth)
    damage_notes(booth)
    damaged = digest(booth)
    dialog = make_dialog(qtbot, booth, opened_databases)
    backup.unlink()

    qtbot.mouseClick(dialog.view.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.opened is None
    assert dialog.view.status_label.text() == f"cannot restore {backup}: there is no such file"
    assert visible_offers(dialog) == [Remedy.READ_ONLY, Remedy.QUIT]
    assert digest(booth) == damaged


def test_quit_leaves_everything_as_it_was(
    qtbot: QtBot, booth: Path, opened_databases: list[RecoveryDialog]
) -> None:
    make_booth(booth, leads=20)
    back_up(booth)
    damage_notes(booth)
    damaged = digest(booth)
    dialog = make_dialog(qtbot, booth, opened_databases)
    files = sorted(path.name for path in booth.parent.iterdir())

    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.view.quit_button, Qt.MouseButton.LeftButton)

    assert dialog.opened is None
    assert digest(booth) == damaged
    assert sorted(path.name for path in booth.parent.iterdir()) == files


# --- at start -----------------------------------------------------------------------------


def answer_the_recovery_dialog(remedy: Remedy, seen: list[str], notices: list[str]) -> QTimer:
    """Clicks ``remedy`` in the recovery dialog once it shows, then notes the window's
    title and status bar notice and closes it."""
    timer = QTimer()
    timer.setInterval(20)

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecoveryDialog) and widget.isVisible() and not widget.working:
                widget.view.offer_buttons[remedy].click()
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.started:
                if not widget.notice_label.text():
                    return
                seen.append(widget.windowTitle())
                notices.append(widget.notice_label.text())
                widget.close()
                timer.stop()

    timer.timeout.connect(look)
    timer.start()
    return timer


def test_at_start_a_damaged_file_is_restored_from_its_backup_and_the_window_opens(
    qapp: QApplication, booth: Path
) -> None:
    make_booth(booth, leads=25)
    back_up(booth)
    damage_notes(booth)
    seen: list[str] = []
    notices: list[str] = []
    timer = answer_the_recovery_dialog(Remedy.RESTORE, seen, notices)

    assert run_gui(str(booth)) == 0

    timer.stop()
    assert seen == ["Milipol Paris 2023 — boothapp"]
    assert notices[0].startswith("Restored 25 leads from the backup booth-")
    assert lead_count(booth) == 25
    assert len(list(booth.parent.glob("booth-replaced-*.sqlite3"))) == 1


def test_at_start_quitting_the_recovery_dialog_ends_the_app(
    qapp: QApplication, booth: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_booth(booth, leads=10)
    damage_notes(booth)
    damaged = digest(booth)
    critical: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: critical.append(str(args)))
    timer = answer_the_recovery_dialog(Remedy.QUIT, [], [])

    assert run_gui(str(booth)) == 1

    timer.stop()
    assert critical == []
    assert digest(booth) == damaged

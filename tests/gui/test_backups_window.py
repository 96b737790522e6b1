"""Keeping the leads safe from the window: Back up now, Check database, the check and the
rolling backups after start, a read-only database, an unsafe place for the file."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from test_recovery import damage_notes, lead_count, make_booth

from boothapp.core.backup import BACKUPS_FOLDER_NAME, list_backups
from boothapp.core.db import Database, open_database
from boothapp.core.errors import DamagedDatabase, DiskFull
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.gui.app import DatabaseCare
from boothapp.gui.main_window import MainWindow
from boothapp.gui.recovery import restore_command, salvage_command
from boothapp.gui.tasks import SynchronousRunner
from disk_space import no_room_on_disk

WindowMaker = Callable[[Database], MainWindow]


@pytest.fixture
def booth(tmp_path: Path) -> Path:
    path = tmp_path / "booth.sqlite3"
    make_booth(path, leads=12)
    return path


@pytest.fixture
def databases() -> Iterator[list[Database]]:
    opened: list[Database] = []
    yield opened
    for database in opened:
        database.close()


@pytest.fixture
def window_over(
    qtbot: QtBot, window_settings: QSettings, databases: list[Database]
) -> Iterator[WindowMaker]:
    """Makes and shows a window over a database (closed after the test), once it has
    filled in what its first screen left out."""
    windows: list[MainWindow] = []

    def make(database: Database) -> MainWindow:
        databases.append(database)
        services = Services.over(database, station_id="booth")
        window = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.started)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def cares() -> Iterator[list[DatabaseCare]]:
    made: list[DatabaseCare] = []
    yield made
    for care in made:
        care.close()


def care_for(window: MainWindow, cares: list[DatabaseCare], notice: str = "") -> DatabaseCare:
    care = DatabaseCare(window, window.services.database, window.runner, notice)
    cares.append(care)
    care.start()
    return care


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path | str) -> list[str]:
    """QFileDialog.getExistingDirectory answers ``folder``; returns the folders it was
    opened on."""
    offered: list[str] = []

    def answer(_parent: object, _caption: str, start: str) -> str:
        offered.append(start)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer)
    return offered


def message_of(window: MainWindow) -> tuple[str, str, str]:
    box = window.dialogs.message_box
    assert box is not None and box.isVisible()
    return box.windowTitle(), box.text(), box.informativeText()


def save_a_lead(window: MainWindow, first_name: str) -> None:
    show = window.active_show
    assert show is not None
    window.services.leads.create(LeadInput(first_name=first_name), event_id=show.id)


# --- File > Back up now… and Check database… ------------------------------------------------


def test_the_file_menu_offers_a_backup_a_check_and_a_restore(
    booth: Path, window_over: WindowMaker
) -> None:
    window = window_over(open_database(booth))
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if not action.isSeparator()]

    assert texts[-4:] == [
        "&Back up now…",
        "Chec&k database…",
        "&Restore from a backup…",
        "&Quit",
    ]
    assert window.backup_action.isEnabled() and window.check_action.isEnabled()
    assert window.restore_action.isEnabled()


def test_back_up_now_writes_a_checked_copy_into_the_folder_chosen(
    booth: Path, tmp_path: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_over(open_database(booth))
    save_a_lead(window, "Zoé")
    (booth.parent / BACKUPS_FOLDER_NAME).mkdir()
    usb = tmp_path / "usb"
    usb.mkdir()
    offered = choose_folder(monkeypatch, usb)

    window.backup_action.trigger()

    made = [backup.path for backup in list_backups(usb, "booth")]
    assert offered == [str(booth.parent / BACKUPS_FOLDER_NAME)]
    assert len(made) == 1 and lead_count(made[0]) == 13
    assert message_of(window) == (
        "Backup made",
        f"The database was backed up to:\n{made[0]}",
        "",
    )
    assert window.notice_label.text() == f"Backed up to {made[0]}"
    assert not window.dialogs.backing_up


def test_back_up_now_into_a_folder_that_is_gone_says_so_and_writes_nothing(
    booth: Path, tmp_path: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_over(open_database(booth))
    gone = tmp_path / "usb"
    offered = choose_folder(monkeypatch, gone)

    window.backup_action.trigger()

    title, text, _details = message_of(window)
    assert offered == [str(booth.parent)]
    assert title == "No backup was made"
    assert text == f"the folder {gone} is not there: plug in the drive or choose another folder"
    assert not gone.exists()
    assert not window.dialogs.backing_up


def test_back_up_now_cancelled_does_nothing(
    booth: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_over(open_database(booth))
    choose_folder(monkeypatch, "")
    before = sorted(booth.parent.iterdir())

    window.backup_action.trigger()

    assert window.dialogs.message_box is None
    assert sorted(booth.parent.iterdir()) == before


def test_check_database_reports_the_leads_of_each_show(
    booth: Path, window_over: WindowMaker
) -> None:
    window = window_over(open_database(booth))
    window.services.leads.delete(window.model.lead_at(0).id)

    window.check_action.trigger()

    assert message_of(window) == (
        "Database checked",
        f"No problem found in {booth}.",
        "Milipol Paris 2023: 11 leads (and 1 deleted)",
    )


def test_check_database_names_the_problems_and_what_to_do(
    booth: Path, window_over: WindowMaker
) -> None:
    window = window_over(open_database(booth))
    damage_notes(booth)

    window.check_action.trigger()

    title, text, details = message_of(window)
    assert (title, text) == ("Database checked", f"{booth} has problems.")
    assert details.startswith("Milipol Paris 2023: 12 leads\n\nquick_check: ")
    assert "File > Back up now… to a USB stick" in details
    assert restore_command(booth) in details
    assert details.endswith(salvage_command(booth))


# --- after the first paint --------------------------------------------------------------------


def test_the_check_after_start_says_what_it_found_and_what_to_do(
    booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    window = window_over(open_database(booth))
    damage_notes(booth)

    care_for(window, cares)

    title, text, details = message_of(window)
    assert title == "The database is damaged"
    assert text == f"{booth} is damaged: SQLite's check found problems in it."
    assert details.startswith("SQLite: ")
    assert "first copy what can be copied with File > Back up now… to a USB stick" in details
    assert restore_command(booth) in details and salvage_command(booth) in details


def test_a_sound_file_is_checked_after_start_without_a_word(
    booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    window = window_over(open_database(booth))

    care_for(window, cares, notice="Restored 12 leads from the backup booth-1.sqlite3.")

    assert window.dialogs.message_box is None
    assert window.notice_label.text() == "Restored 12 leads from the backup booth-1.sqlite3."


def test_a_rolling_backup_that_fails_is_said_in_the_status_bar(
    qtbot: QtBot, booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    (booth.parent / BACKUPS_FOLDER_NAME).write_text("a file where the folder should be")
    window = window_over(open_database(booth))
    care = care_for(window, cares)
    assert care.backups is not None
    save_a_lead(window, "Zoé")

    round_of_backups = threading.Thread(target=care.backups.backup_now)
    round_of_backups.start()
    round_of_backups.join()
    qtbot.waitUntil(lambda: bool(care.failed))

    folder = booth.parent / BACKUPS_FOLDER_NAME
    assert window.notice_label.text().startswith(f"The automatic backup into {folder} failed: ")
    assert str(folder) in str(care.failed[0].error)


def test_closing_makes_the_last_backup_of_what_changed(
    booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    window = window_over(open_database(booth))
    care = care_for(window, cares)
    save_a_lead(window, "Zoé")
    save_a_lead(window, "Jörg")

    care.close()

    made = list_backups(booth.parent / BACKUPS_FOLDER_NAME, "booth")
    assert len(made) == 1 and lead_count(made[0].path) == 14
    assert care.backups is None


def test_nothing_changed_means_no_backup_on_closing(
    booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    window = window_over(open_database(booth))
    care = care_for(window, cares)

    care.close()

    assert list_backups(booth.parent / BACKUPS_FOLDER_NAME) == []


# --- a read-only database ---------------------------------------------------------------------


def test_on_a_full_disk_the_window_says_why_and_refuses_saves_in_the_form(
    booth: Path, tmp_path: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    with no_room_on_disk():
        database = open_database(booth)
    assert isinstance(database.read_only_reason, DiskFull)
    window = window_over(database)
    bar = window.warning_bar

    assert bar.isVisible()
    assert bar.label.text().startswith(
        f"⚠ Read-only, nothing can be saved: the disk holding {booth} is full"
    )
    assert bar.label.text().endswith(
        "Still working: the list, search, export, and File > Back up now… to another disk "
        "(a USB stick)."
    )
    lines = bar.label.height() / bar.label.fontMetrics().lineSpacing()
    assert 1 <= lines < 5
    assert window.model.rowCount() == 12

    form = window.capture
    form.view.edits["first_name"].setText("Zoé")
    assert form.save() is None
    assert form.view.error_label.isVisible()
    assert form.view.error_label.text().startswith(f"⚠ the disk holding {booth} is full")
    assert form.view.edits["first_name"].text() == "Zoé"

    usb = tmp_path / "usb"
    usb.mkdir()
    choose_folder(monkeypatch, usb)
    window.backup_action.trigger()
    made = list_backups(usb, "booth")
    assert len(made) == 1 and lead_count(made[0].path) == 12


def test_a_damaged_file_opened_read_only_lists_its_leads_and_names_the_remedies(
    booth: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    damage_notes(booth)
    database = open_database(booth, read_only=True)
    assert isinstance(database.read_only_reason, DamagedDatabase)
    window = window_over(database)

    care = care_for(window, cares)

    assert window.warning_bar.label.text() == (
        f"⚠ Read-only, nothing can be saved: {booth} is damaged. Still working: the list, "
        "search and export of the leads that can be read. To save again, quit and restore a "
        f"backup, or copy every readable lead into a new file: {salvage_command(booth)}"
    )
    assert window.model.rowCount() == 12
    assert care.backups is None
    assert window.dialogs.message_box is None
    window.capture.view.edits["first_name"].setText("Zoé")
    assert window.capture.save() is None
    assert "is damaged" in window.capture.view.error_label.text()


def test_a_writable_database_shows_no_warning_bar(booth: Path, window_over: WindowMaker) -> None:
    window = window_over(open_database(booth))

    assert not window.warning_bar.isVisible()
    assert not window.status_bar.place_label.isVisible()


# --- an unsafe place for the file -------------------------------------------------------------


def test_a_database_in_a_synced_folder_is_warned_about_at_start(
    tmp_path: Path, window_over: WindowMaker, cares: list[DatabaseCare]
) -> None:
    folder = tmp_path / "OneDrive - Peli Cases"
    folder.mkdir()
    path = folder / "booth.sqlite3"
    make_booth(path, leads=3)
    window = window_over(open_database(path))

    care_for(window, cares)

    label = window.status_bar.place_label
    assert label.isVisible()
    assert label.toolTip().startswith(f"{path} is in a folder that OneDrive syncs:")
    assert window.notice_label.text() == f"Warning: {label.toolTip()}"


# --- File > Restore from a backup… ---------------------------------------------------------


def choose_file(monkeypatch: pytest.MonkeyPatch, chosen: Path | str) -> None:
    """QFileDialog.getOpenFileName answers ``chosen``."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args: (str(chosen), "boothapp databases")
    )


def test_restore_checks_the_backup_asks_then_reopens_on_it(
    qtbot: QtBot,
    booth: Path,
    tmp_path: Path,
    window_over: WindowMaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from boothapp.core.backup import backup_to
    from boothapp.gui.app import _restore_and_reopen

    database = open_database(booth)
    backup = backup_to(database, tmp_path / "usb")
    window = window_over(database)
    save_a_lead(window, "After the backup")
    chosen: list[Path] = []
    window.restore_chosen.connect(chosen.append)
    choose_file(monkeypatch, backup)

    window.restore_action.trigger()
    title, text, _ = message_of(window)
    assert title == "Restore from a backup"
    assert f"Put {backup.name} (12 leads) in place of the database" in text
    box = window.dialogs.message_box
    assert box is not None
    restore = next(b for b in box.buttons() if b.text() == "Restore")
    restore.click()

    assert chosen == [backup] and not window.isVisible()
    database.close()
    reopened = _restore_and_reopen(database, backup, SynchronousRunner())
    assert reopened is not None
    databases_after, notice = reopened
    try:
        assert notice.startswith(f"Restored 12 leads from {backup}; the file it replaced is kept")
        assert lead_count(booth) == 12
        kept = list(booth.parent.glob("booth-replaced-*.sqlite3"))
        assert len(kept) == 1 and lead_count(kept[0]) == 13
    finally:
        databases_after.close()


def test_restore_cancelled_or_refused_changes_nothing(
    booth: Path, tmp_path: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_over(open_database(booth))
    chosen: list[Path] = []
    window.restore_chosen.connect(chosen.append)
    photo = tmp_path / "photo.sqlite3"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    choose_file(monkeypatch, photo)
    window.restore_action.trigger()
    title, text, _ = message_of(window)
    assert title == "Nothing restored" and "not an SQLite file" in text

    choose_file(monkeypatch, "")
    window.restore_action.trigger()
    assert chosen == [] and window.isVisible()
    assert lead_count(booth) == 12


def test_restore_needs_the_manager_pin(
    booth: Path, window_over: WindowMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(booth)
    Services.over(database, station_id="booth").manager_lock.set_pin("2468")
    window = window_over(database)
    asked: list[object] = []

    def answer(*args: object) -> tuple[str, str]:
        asked.append(args)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    window.restore_action.trigger()
    assert window.pin_dialog is not None and asked == []

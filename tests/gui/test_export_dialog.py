"""The export dialog: live count, export to a file, cancel, errors, remembered choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from gui_helpers import Booth
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_mnemonics import mnemonic_of

from boothapp import APP_NAME
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.gui.export_dialog import (
    FOLDER_KEY,
    MAX_WARNINGS_SHOWN,
    SETTINGS_GROUP,
    ExportDialog,
    default_file_name,
    documents_folder,
    path_for_format,
)
from boothapp.gui.main_window import MainWindow
from boothapp.gui.tasks import SynchronousRunner, Task

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def _nothing_remembered() -> None:
    """Dialogs opened from the window keep their choices in the default settings (a
    temporary folder in the tests): each test starts with none remembered."""
    QSettings(APP_NAME, APP_NAME).remove(SETTINGS_GROUP)


def open_export(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.scan_dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def make_dialog(
    qtbot: QtBot,
    services: Services,
    booth: Booth,
    settings: QSettings,
    runner: SynchronousRunner | None = None,
) -> ExportDialog:
    """A shown dialog over ``booth``'s show that keeps its choices in ``settings``."""
    dialog = ExportDialog(services, booth.show, runner or SynchronousRunner(), settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def controls_of(dialog: ExportDialog) -> list[QWidget]:
    """The dialog's buttons, boxes and fields (not the parts of a date field)."""
    return [
        widget
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, QCheckBox | QComboBox | QDateEdit | QLineEdit | QPushButton)
        and not isinstance(widget.parent(), QDateEdit)
    ]


def type_path(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    """Types ``path`` over the file name, key by key."""
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(path))


def choose(combo: Any, label: str) -> None:
    index = combo.findText(label)
    assert index >= 0, label
    combo.setCurrentIndex(index)


def paris_today() -> date:
    return datetime.now(PARIS).date()


class PausedRunner(SynchronousRunner):
    """Runs work at once; while ``paused``, holds it until :meth:`finish`, so the dialog
    sees its export running meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.paused = False
        self.held: list[tuple[Callable[[], Any], Task]] = []

    def _start(self, function: Callable[[], Any], task: Task) -> None:
        if self.paused:
            self.held.append((function, task))
        else:
            super()._start(function, task)

    def finish(self) -> None:
        held, self.held = self.held, []
        for function, task in held:
            super()._start(function, task)


@pytest.fixture
def runner() -> PausedRunner:
    return PausedRunner()


@pytest.fixture
def dialog(
    qtbot: QtBot,
    booth: Booth,
    services: Services,
    window_settings: QSettings,
    runner: PausedRunner,
) -> ExportDialog:
    """A shown dialog over ``booth``'s show, exporting through ``runner``."""
    return make_dialog(qtbot, services, booth, window_settings, runner)


def test_the_count_follows_the_filters(make_window: Callable[[], MainWindow], booth: Booth) -> None:
    window = make_window()
    dialog = open_export(window)
    assert dialog.count_label.text() == "7 leads will be exported"
    choose(dialog.rating_combo, "Hot")
    assert dialog.count_label.text() == "2 leads will be exported"
    choose(dialog.staff_combo, "Anna Schmidt")
    assert dialog.count_label.text() == "1 lead will be exported"
    choose(dialog.rating_combo, "Any")
    assert dialog.count_label.text() == "5 leads will be exported"
    choose(dialog.staff_combo, "Any")
    choose(dialog.product_combo, "Transit case 60x40 (TC-6040)")
    assert dialog.count_label.text() == "1 lead will be exported"


def test_an_export_writes_the_file_and_sums_up(
    make_window: Callable[[], MainWindow], booth: Booth, services: Services, tmp_path: Path
) -> None:
    window = make_window()
    dialog = open_export(window)
    assert dialog.path_edit.text().endswith(".xlsx")
    assert "Milipol Paris leads " in dialog.path_edit.text()
    choose(dialog.format_combo, "CSV (.csv)")
    target = tmp_path / "out.csv"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    assert target.exists()
    assert dialog.export_result is not None and dialog.export_result.count == 7
    assert "Exported 7 leads" in dialog.status_label.text()
    assert str(target) in dialog.status_label.text()
    assert dialog.open_folder_button.isVisible()
    assert services.exports.last_export(booth.show.id) is not None
    assert "Exported 7 leads" in window.notice_label.text()
    dialog.close()
    QApplication.processEvents()
    dialog = open_export(window)
    assert "Last export:" in dialog.last_export_label.text()
    dialog.since_check.setChecked(True)
    assert dialog.count_label.text() == "0 leads will be exported"


def test_the_dates_default_to_the_shows(
    qtbot: QtBot, dialog: ExportDialog, services: Services, window_settings: QSettings
) -> None:
    """The show's dates; without them, the days of its first and last leads; without
    leads either, today."""
    assert dialog.from_edit.date().toPython() == paris_today() - timedelta(days=3)
    assert dialog.to_edit.date().toPython() == paris_today()
    dialog.whole_show_check.setChecked(False)
    assert dialog.from_edit.isEnabled()
    assert dialog.count_label.text() == "7 leads will be exported"

    dated = services.events.create(
        EventInput(
            name="Milipol Paris 2023",
            start_date=date(2023, 11, 14),
            end_date=date(2023, 11, 17),
            timezone="Europe/Paris",
        )
    )
    dialog = ExportDialog(services, dated, SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(dialog)
    assert dialog.from_edit.date().toPython() == date(2023, 11, 14)
    assert dialog.to_edit.date().toPython() == date(2023, 11, 17)

    undated = services.events.create(EventInput(name="Eurosatory", timezone="Europe/Paris"))
    dialog = ExportDialog(services, undated, SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(dialog)
    assert dialog.from_edit.date().toPython() == paris_today()
    assert dialog.to_edit.date().toPython() == paris_today()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder without a Documents folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return folder


def test_a_missing_documents_folder_falls_back_to_home(home: Path, dialog: ExportDialog) -> None:
    assert documents_folder() == home
    assert Path(dialog.path_edit.text()).parent == home
    (home / "Documents").mkdir()
    assert documents_folder() == home / "Documents"


def test_the_not_rated_choice_counts_the_leads_without_a_rating(
    dialog: ExportDialog, services: Services, booth: Booth
) -> None:
    everything = services.leads.list(LeadFilter(event_id=booth.show.id))
    unrated = [row for row in everything if row.rating is None]
    choose(dialog.rating_combo, "Not rated")
    assert dialog.lead_filter().unrated
    assert dialog.services.exports.count(dialog.request()) == len(unrated)


def test_folder_format_and_columns_are_remembered(
    qtbot: QtBot,
    booth: Booth,
    services: Services,
    window_settings: QSettings,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = make_dialog(qtbot, services, booth, window_settings)
    choose(dialog.format_combo, "CSV (.csv)")
    choose(dialog.preset_combo, "HubSpot")
    assert dialog.semicolons_check.isEnabled()
    dialog.semicolons_check.setChecked(True)
    dialog.path_edit.setText(str(folder / "leads.csv"))
    dialog.export_button.click()
    assert (folder / "leads.csv").read_text(encoding="utf-8-sig").startswith('"First Name";')
    dialog.close()

    dialog = make_dialog(qtbot, services, booth, window_settings)
    assert dialog.format_combo.currentText() == "CSV (.csv)"
    assert dialog.preset_combo.currentText() == "HubSpot"
    assert dialog.semicolons_check.isChecked()
    choose(dialog.format_combo, "Excel (.xlsx)")
    assert not dialog.semicolons_check.isEnabled()
    assert dialog.request().delimiter == ","
    choose(dialog.format_combo, "CSV (.csv)")
    path = Path(dialog.path_edit.text())
    assert path.parent == folder
    assert path.name == default_file_name("Milipol Paris", "csv", date.today())

    other = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    dialog = make_dialog(qtbot, services, booth, other)
    assert dialog.format_combo.currentText() == "Excel (.xlsx)"
    assert dialog.preset_combo.currentText() == "All columns"
    assert Path(dialog.path_edit.text()).parent != folder


def test_a_name_typed_without_a_folder_goes_in_the_folder_shown(
    qtbot: QtBot, booth: Booth, services: Services, window_settings: QSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    window_settings.setValue(FOLDER_KEY, str(folder))
    dialog = make_dialog(qtbot, services, booth, window_settings)
    dialog.path_edit.setText("relative.csv")

    dialog.export_button.click()

    assert (folder / "relative.csv").is_file()
    assert dialog.export_result is not None and dialog.export_result.path == folder / "relative.csv"


def test_the_last_export_line_and_the_count_refresh_after_an_export(
    dialog: ExportDialog, tmp_path: Path
) -> None:
    assert dialog.last_export_label.text() == "No export of this show yet."
    assert dialog.since_check.isEnabled()
    assert dialog.since_check.text() == "Only leads &not exported before"
    assert "marks the leads it wrote" in dialog.since_check.toolTip()
    dialog.since_check.setChecked(True)
    assert dialog.count_label.text() == "7 leads will be exported"
    dialog.path_edit.setText(str(tmp_path / "first.xlsx"))
    dialog.export_button.click()
    assert dialog.export_result is not None
    assert dialog.last_export_label.text().startswith("Last export: ")
    assert dialog.last_export_label.text().endswith(", 7 leads to first.xlsx")
    assert dialog.since_check.isEnabled()
    assert dialog.count_label.text() == "0 leads will be exported"


def test_the_not_exported_box_needs_leads(
    qtbot: QtBot, services: Services, window_settings: QSettings
) -> None:
    empty = services.events.create(EventInput(name="Eurosatory"))
    dialog = ExportDialog(services, empty, SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(dialog)
    assert not dialog.since_check.isEnabled()


class CancellingRunner(SynchronousRunner):
    """Presses the dialog's Cancel button while the export is running."""

    def __init__(self) -> None:
        super().__init__()
        self.dialog: ExportDialog | None = None

    def _start(self, function: Callable[[], Any], task: Task) -> None:
        assert self.dialog is not None
        self.dialog.cancel_button.click()
        super()._start(function, task)


def test_cancel_leaves_no_file(
    qtbot: QtBot, booth: Booth, services: Services, tmp_path: Path
) -> None:
    runner = CancellingRunner()
    dialog = ExportDialog(services, booth.show, runner)
    qtbot.addWidget(dialog)
    runner.dialog = dialog
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cancelled.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    assert not target.exists()
    assert list(folder.iterdir()) == []
    assert "cancelled" in dialog.status_label.text()
    assert dialog.export_result is None
    assert services.exports.last_export(booth.show.id) is None
    assert dialog.cancel_button.text() == "&Close"


@pytest.mark.parametrize("how", ["escape", "close"])
def test_escape_or_closing_during_an_export_cancels_it(
    how: str,
    qtbot: QtBot,
    dialog: ExportDialog,
    runner: PausedRunner,
    booth: Booth,
    services: Services,
    tmp_path: Path,
) -> None:
    runner.paused = True
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.path_edit.setText(str(folder / "leads.xlsx"))
    dialog.export_button.click()
    assert dialog.exporting
    if how == "escape":
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    assert dialog.isVisible()
    assert dialog.status_label.text() == "Cancelling…"
    runner.finish()
    assert not dialog.exporting
    assert dialog.isVisible()
    assert "cancelled; nothing was written" in dialog.status_label.text()
    assert list(folder.iterdir()) == []
    assert services.exports.last_export(booth.show.id) is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_controls_are_disabled_while_an_export_runs(
    dialog: ExportDialog, runner: PausedRunner, tmp_path: Path
) -> None:
    runner.paused = True
    choose(dialog.format_combo, "vCard (.vcf)")
    dialog.path_edit.setText(str(tmp_path / "leads.vcf"))
    inputs = [
        widget
        for widget in controls_of(dialog)
        if widget.isVisibleTo(dialog) and widget is not dialog.cancel_button
    ]
    assert len(inputs) == 13
    dialog.export_button.click()
    assert dialog.exporting
    assert [widget for widget in inputs if widget.isEnabled()] == []
    assert dialog.cancel_button.isEnabled()
    assert dialog.cancel_button.text() == "&Cancel"
    runner.finish()
    assert dialog.export_result is not None
    idle_disabled = {
        dialog.from_edit,
        dialog.to_edit,
        dialog.preset_combo,
        dialog.semicolons_check,
    }
    assert {widget for widget in inputs if not widget.isEnabled()} == idle_disabled
    dialog.whole_show_check.setChecked(False)
    choose(dialog.format_combo, "Excel (.xlsx)")
    assert [widget for widget in inputs if not widget.isEnabled()] == [dialog.semicolons_check]
    choose(dialog.format_combo, "CSV (.csv)")
    assert [widget for widget in inputs if not widget.isEnabled()] == []


def test_an_error_names_the_file(
    qtbot: QtBot, booth: Booth, services: Services, tmp_path: Path
) -> None:
    dialog = ExportDialog(services, booth.show, SynchronousRunner())
    qtbot.addWidget(dialog)
    target = tmp_path / "missing" / "leads.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.export_button.click()
    assert "Nothing was exported" in dialog.status_label.text()
    assert str(target) in dialog.status_label.text()
    assert not target.exists()


def test_vcard_switches_the_extension_and_ignores_presets(
    qtbot: QtBot, booth: Booth, services: Services, tmp_path: Path
) -> None:
    dialog = ExportDialog(services, booth.show, SynchronousRunner())
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "leads.xlsx"))
    choose(dialog.preset_combo, "Salesforce")
    choose(dialog.format_combo, "vCard (.vcf)")
    assert dialog.path_edit.text() == str(tmp_path / "leads.vcf")
    assert not dialog.preset_combo.isEnabled()
    dialog.export_button.click()
    assert (tmp_path / "leads.vcf").exists()
    assert dialog.export_result is not None and dialog.export_result.count == 7


def test_format_and_extension_follow_each_other(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.path_edit.setText(str(tmp_path / "leads.xlsx"))
    choose(dialog.format_combo, "CSV (.csv)")
    assert dialog.path_edit.text() == str(tmp_path / "leads.csv")

    for name, shown in (
        ("relative.xlsx", "Excel (.xlsx)"),
        ("cards.vcard", "vCard (.vcf)"),
        ("report.csv", "CSV (.csv)"),
    ):
        type_path(qtbot, dialog, tmp_path / name)
        assert dialog.format_combo.currentText() == shown
        assert dialog.path_edit.text() == str(tmp_path / name)

    type_path(qtbot, dialog, tmp_path / "report")
    dialog.export_button.click()
    assert dialog.path_edit.text() == str(tmp_path / "report.csv")
    assert dialog.export_result is not None
    assert dialog.export_result.path == tmp_path / "report.csv"
    assert (tmp_path / "report.csv").read_text(encoding="utf-8-sig").startswith('"Captured at",')


def test_path_for_format() -> None:
    assert path_for_format("/a/leads.XLSX", "csv") == "/a/leads.csv"
    assert path_for_format("/a/leads.vcard", "vcf") == "/a/leads.vcard"
    assert path_for_format("/a/leads", "vcf") == "/a/leads.vcf"
    assert path_for_format("/a/leads v1.2", "xlsx") == "/a/leads v1.2.xlsx"
    assert path_for_format("/a/", "xlsx") == "/a/"


def test_an_existing_file_is_replaced_only_once_the_user_agrees(
    qtbot: QtBot,
    dialog: ExportDialog,
    booth: Booth,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A typed name is asked about; one chosen in the file dialog was asked about there."""
    target = tmp_path / "leads.csv"
    target.write_text("kept\n", encoding="utf-8")
    questions: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: QWidget, _title: str, text: str, *_args: Any) -> Any:
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    type_path(qtbot, dialog, target)
    dialog.export_button.click()
    assert questions == [f"{target} already exists. Replace it with the export?"]
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert dialog.export_result is None
    assert services.exports.last_export(booth.show.id) is None

    answer = QMessageBox.StandardButton.Yes
    dialog.export_button.click()
    assert len(questions) == 2
    assert dialog.export_result is not None and dialog.export_result.count == 7
    assert target.read_text(encoding="utf-8-sig").startswith('"Captured at",')

    target.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(target), "CSV files (*.csv)")
    )
    dialog.choose_button.click()
    dialog.export_button.click()
    assert len(questions) == 2
    assert target.read_text(encoding="utf-8-sig").startswith('"Captured at",')


def squashed(dialog: ExportDialog) -> list[QWidget]:
    """The dialog's controls shown lower than their size hint."""
    return [
        widget
        for widget in controls_of(dialog)
        if widget.isVisible() and widget.height() < widget.sizeHint().height()
    ]


def test_the_warning_list_leaves_the_controls_their_height(
    qtbot: QtBot, dialog: ExportDialog, booth: Booth, services: Services, tmp_path: Path
) -> None:
    for number in range(3):
        services.leads.create(
            LeadInput(first_name="Long", last_name=f"Note {number}", note="x" * 40_000),
            event_id=booth.show.id,
        )
    dialog.path_edit.setText(str(tmp_path / "long.xlsx"))
    dialog.export_button.click()
    assert dialog.export_result is not None
    assert len(dialog.export_result.warnings) > MAX_WARNINGS_SHOWN
    assert dialog.status_label.text().count("\n") > MAX_WARNINGS_SHOWN
    qtbot.waitUntil(lambda: dialog.layout().geometry().height() > 0)
    QApplication.processEvents()
    assert squashed(dialog) == []
    dialog.resize(dialog.minimumWidth(), dialog.height())
    QApplication.processEvents()
    assert squashed(dialog) == []


def test_open_folder_says_where_the_file_is_without_a_file_manager(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def open_url(url: Any) -> bool:
        opened.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog.path_edit.setText(str(tmp_path / "leads.xlsx"))
    dialog.export_button.click()
    dialog.open_folder_button.click()
    assert opened == [str(tmp_path)]
    [box] = dialog.findChildren(QMessageBox)
    qtbot.waitExposed(box)
    assert box.text().endswith(f"\n{tmp_path}")
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    box.close()
    qtbot.waitUntil(lambda: dialog.findChildren(QMessageBox) == [])

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    dialog.open_folder_button.click()
    assert dialog.findChildren(QMessageBox) == []


def test_every_control_has_its_own_alt_letter_and_a_tab_stop(dialog: ExportDialog) -> None:
    dialog.whole_show_check.setChecked(False)
    owners: dict[str, list[QWidget]] = {}
    for widget in dialog.findChildren(QWidget):
        letter = mnemonic_of(widget)
        if letter is not None:
            buddy = widget.buddy() if isinstance(widget, QLabel) else None
            owners.setdefault(letter, []).append(buddy or widget)
    assert {letter: widgets for letter, widgets in owners.items() if len(widgets) > 1} == {}
    reached = {widget for widgets in owners.values() for widget in widgets}
    controls = {
        dialog.whole_show_check,
        dialog.from_edit,
        dialog.to_edit,
        dialog.staff_combo,
        dialog.rating_combo,
        dialog.product_combo,
        dialog.since_check,
        dialog.format_combo,
        dialog.preset_combo,
        dialog.semicolons_check,
        dialog.path_edit,
        dialog.choose_button,
        dialog.export_button,
        dialog.cancel_button,
    }
    choose(dialog.format_combo, "CSV (.csv)")
    assert controls <= reached
    tabbed: set[QWidget] = set()
    widget = dialog.whole_show_check.nextInFocusChain()
    while widget is not dialog.whole_show_check:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled():
            tabbed.add(widget)
        widget = widget.nextInFocusChain()
    assert controls - {dialog.whole_show_check} <= tabbed


def test_default_file_name() -> None:
    name = default_file_name("Milipol Paris 2023", "xlsx", date(2023, 11, 17))
    assert name == "Milipol Paris 2023 leads 2023-11-17.xlsx"

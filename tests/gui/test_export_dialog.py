"""The export dialog: live count, export to a file, cancel, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui_helpers import Booth
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from boothapp.core.services import Services
from boothapp.gui.export_dialog import ExportDialog, default_file_name
from boothapp.gui.main_window import MainWindow
from boothapp.gui.tasks import SynchronousRunner, Task


def open_export(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    dialog = window.scan_dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def choose(combo: Any, label: str) -> None:
    index = combo.findText(label)
    assert index >= 0, label
    combo.setCurrentIndex(index)


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
    assert not dialog.since_check.isEnabled()
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
    # Since the last export: nothing new yet.
    dialog.close()
    QApplication.processEvents()
    dialog = open_export(window)
    assert dialog.since_check.isEnabled()
    assert "Last export:" in dialog.last_export_label.text()
    dialog.since_check.setChecked(True)
    assert dialog.count_label.text() == "0 leads will be exported"


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
    assert dialog.cancel_button.text() == "Close"


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


def test_default_file_name() -> None:
    from datetime import date

    name = default_file_name("Milipol Paris 2023", "xlsx", date(2023, 11, 17))
    assert name == "Milipol Paris 2023 leads 2023-11-17.xlsx"

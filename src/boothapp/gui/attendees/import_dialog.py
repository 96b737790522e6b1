"""Importing the organiser's attendee list: choose the file, check the columns, import."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
from boothapp.core.services.attendees import (
    ATTENDEE_FIELDS,
    FIELD_LABELS,
    AttendeeImportResult,
    AttendeePreview,
)
from boothapp.core.sheets import SUFFIXES
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import problem_style
from boothapp.gui.show_task_dialog import ShowTaskDialog
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.vocabulary_text import vocabulary

PATTERNS = " ".join("*" + suffix for suffix in SUFFIXES)
FILE_FILTER = QT_TRANSLATE_NOOP("import_dialog", "Attendee lists ({patterns});;All files (*)")
"""The file chooser's filter; ``{patterns}`` takes :data:`PATTERNS`."""
NOT_USED = QT_TRANSLATE_NOOP("import_dialog", "— not used —")


def summary_text(result: AttendeeImportResult, file_name: str) -> str:
    """One line saying what an import did."""
    imported = (
        translate(
            "import_dialog",
            "Imported {count} attendee from {file}: {added} added, {updated} updated, "
            "{unchanged} unchanged",
        )
        if result.rows == 1
        else translate(
            "import_dialog",
            "Imported {count} attendees from {file}: {added} added, {updated} updated, "
            "{unchanged} unchanged",
        )
    ).format(
        count=result.rows,
        file=file_name,
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
    )
    filled = (
        translate("import_dialog", "{count} pending lead filled in")
        if result.resolved == 1
        else translate("import_dialog", "{count} pending leads filled in")
    ).format(count=result.resolved)
    text = translate("import_dialog", "{imported}; {filled}").format(
        imported=imported, filled=filled
    )
    warnings = len(result.warnings)
    if warnings:
        text = (
            translate("import_dialog", "{summary} ({count} warning)")
            if warnings == 1
            else translate("import_dialog", "{summary} ({count} warnings)")
        ).format(summary=text, count=warnings)
    return text


class AttendeeImportDialog(ShowTaskDialog):
    """Reads a file's preview, lets the columns be re-mapped and imports it into
    ``show``. ``imported(str)`` carries the summary line after a successful import."""

    imported = Signal(str)

    def __init__(
        self,
        services: Services,
        show: EventRow,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        title = translate("AttendeeImportDialog", "Import attendee list")
        super().__init__(services, show, runner, title, parent)
        self.preview: AttendeePreview | None = None
        self.import_result: AttendeeImportResult | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(
            self.tr("An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file")
        )
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)

        self.mapping_box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(self.mapping_box)
        self.combos: dict[str, QComboBox] = {}
        for index, key in enumerate(ATTENDEE_FIELDS):
            combo = QComboBox(self.mapping_box)
            combo.setObjectName(f"mapping_{key}")
            field = vocabulary(FIELD_LABELS[key])
            combo.setAccessibleName(self.tr("Column for {field}").format(field=field))
            label = QLabel(self.tr("{field}:").format(field=field), self.mapping_box)
            label.setBuddy(combo)
            row, column = divmod(index, 2)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
            self.combos[key] = combo
        self.unrecognised_label = QLabel(self)
        self.unrecognised_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unrecognised_label.setWordWrap(True)

        self.rows_model = QStandardItemModel(self)
        self.rows_view = QTableView(self)
        self.rows_view.setObjectName("attendeePreview")
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.verticalHeader().setVisible(False)
        self.rows_view.setMinimumHeight(160)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.unrecognised_label)
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.mapping_box.setEnabled(False)
        self.resize(760, 560)

    # --- reading ----------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import attendee list"),
            str(Path.home()),
            translate("import_dialog", FILE_FILTER).format(patterns=PATTERNS),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Reads ``path``'s columns and first rows off the UI thread."""
        path = Path(path)
        self.path_edit.setText(str(path))
        self.preview = None
        self.import_button.setEnabled(False)
        self._set_status(self.tr("Reading {file}…").format(file=path.name))
        attendees = self.services.attendees
        self.runner.run(
            lambda: attendees.read_file(path),
            on_result=self._show_preview,
            on_error=self._failed,
        )

    def _show_preview(self, preview: AttendeePreview) -> None:
        self.preview = preview
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(translate("import_dialog", NOT_USED), None)
            for header in preview.headers:
                combo.addItem(header, header)
            chosen = preview.mapping.get(key)
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
        self.mapping_box.setEnabled(True)
        if preview.unrecognised:
            self.unrecognised_label.setText(
                self.tr("Not recognised (kept as extra details): {columns}").format(
                    columns=", ".join(preview.unrecognised)
                )
            )
        else:
            self.unrecognised_label.setText(self.tr("Every column was recognised."))
        self.rows_model.clear()
        self.rows_model.setHorizontalHeaderLabels(list(preview.headers))
        for row in preview.rows:
            self.rows_model.appendRow([QStandardItem(cell) for cell in row])
        self.rows_view.resizeColumnsToContents()
        shown = len(preview.rows)
        rows = (
            self.tr("{count} row") if preview.row_count == 1 else self.tr("{count} rows")
        ).format(count=preview.row_count)
        if shown < preview.row_count:
            status = self.tr("{file}: {rows} under the headers; the first {shown} are shown.")
        else:
            status = self.tr("{file}: {rows} under the headers.")
        self._set_status(status.format(file=preview.path.name, rows=rows, shown=shown))
        self.import_button.setEnabled(preview.row_count > 0)

    def mapping(self) -> dict[str, str]:
        """Field -> column header as chosen in the combo boxes."""
        chosen: dict[str, str] = {}
        for key, combo in self.combos.items():
            header = combo.currentData()
            if isinstance(header, str):
                chosen[key] = header
        return chosen

    # --- importing --------------------------------------------------------------

    @Slot()
    def start_import(self) -> None:
        """Imports the file with the chosen mapping off the UI thread."""
        preview = self.preview
        if preview is None:
            return
        path, mapping = preview.path, self.mapping()
        event_id = self.show_row.id
        attendees = self.services.attendees
        relay = self.relay
        self._set_busy(True)
        self.progress.setRange(0, max(1, preview.row_count))
        self.progress.setValue(0)
        self._set_status(self.tr("Importing {file}…").format(file=path.name))
        self.runner.run(
            lambda: attendees.import_file(
                path, event_id, mapping=mapping, progress=relay.changed.emit
            ),
            on_result=self._imported,
            on_error=self._failed,
        )

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _imported(self, result: AttendeeImportResult) -> None:
        self.import_result = result
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        name = self.preview.path.name if self.preview is not None else self.tr("the file")
        summary = summary_text(result, name)
        lines = [summary, *result.warnings[:5]]
        if len(result.warnings) > 5:
            lines.append(
                self.tr("… and {count} more warnings").format(count=len(result.warnings) - 5)
            )
        self._set_status("\n".join(lines))
        self.import_button.setEnabled(False)
        self.imported.emit(summary)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        if not isinstance(error, BoothError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._set_status(self.tr("Nothing was imported: {error}").format(error=error), problem=True)
        self.import_button.setEnabled(self.preview is not None)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(True)
        self.choose_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        self.mapping_box.setEnabled(not busy)

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet(problem_style() if problem else "")
        self.status.setText(text)

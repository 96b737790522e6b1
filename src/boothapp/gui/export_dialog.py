"""Exporting a show's leads: filters with a live count, format, preset, destination."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError
from boothapp.core.models import Rating
from boothapp.core.schemas import EventRow, LeadFilter
from boothapp.core.services import Services
from boothapp.core.services.exports import (
    ExportCancelled,
    ExportFormat,
    ExportRequest,
    ExportResult,
)
from boothapp.gui.formatting import RATING_LABELS, zone
from boothapp.gui.tasks import TaskRunner

FORMAT_CHOICES: tuple[tuple[str, ExportFormat, str], ...] = (
    ("Excel (.xlsx)", "xlsx", "Excel workbooks (*.xlsx)"),
    ("CSV (.csv)", "csv", "CSV files (*.csv)"),
    ("vCard (.vcf)", "vcf", "vCard files (*.vcf)"),
)
BUILT_IN_PRESET_CHOICES: tuple[tuple[str, str | None], ...] = (
    ("All columns", None),
    ("Salesforce", "salesforce"),
    ("HubSpot", "hubspot"),
)
MAX_WARNINGS_SHOWN = 5


def default_file_name(show_name: str, file_format: ExportFormat, today: date) -> str:
    """E.g. ``"Milipol Paris 2023 leads 2023-11-17.xlsx"``."""
    safe = "".join("_" if char in '<>:"/\\|?*' else char for char in show_name).strip()
    return f"{safe or 'Show'} leads {today.isoformat()}.{file_format}"


def documents_folder() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def lead_count_text(count: int) -> str:
    return f"{count} lead{'' if count == 1 else 's'} will be exported"


class _ProgressRelay(QObject):
    """Carries the export's progress from the worker thread to the dialog."""

    changed = Signal(int, int)


class ExportDialog(QDialog):
    """Exports the leads of ``show`` chosen by the filters; runs the export on ``runner``.

    ``exported(str)`` carries the summary line after a finished export."""

    exported = Signal(str)

    def __init__(
        self,
        services: Services,
        show: EventRow,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export leads — {show.name}")
        self.services = services
        self.show_row = show
        self.runner = runner
        self.export_result: ExportResult | None = None
        self.exporting = False
        self._cancel_requested = False
        self._relay = _ProgressRelay(self)
        self._relay.changed.connect(self._progressed)
        self._build()
        self._fill_choices()
        self._connect()
        self.update_count()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        today = QDate.currentDate()
        self.whole_show_check = QCheckBox("Whole show")
        self.whole_show_check.setChecked(True)
        self.from_edit = QDateEdit(today)
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        dates = QHBoxLayout()
        dates.addWidget(self.whole_show_check)
        dates.addWidget(QLabel("from"))
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        form.addRow("Captured:", dates)
        self.staff_combo = QComboBox()
        form.addRow("Staff:", self.staff_combo)
        self.rating_combo = QComboBox()
        form.addRow("Rating:", self.rating_combo)
        self.product_combo = QComboBox()
        form.addRow("Product:", self.product_combo)
        self.since_check = QCheckBox("Only leads new since the last export")
        self.last_export_label = QLabel()
        self.last_export_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", self.since_check)
        form.addRow("", self.last_export_label)
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCountLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", self.count_label)
        self.format_combo = QComboBox()
        form.addRow("Format:", self.format_combo)
        self.preset_combo = QComboBox()
        form.addRow("Columns:", self.preset_combo)
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton("Choose…")
        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.choose_button)
        form.addRow("Save to:", destination)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("exportStatusLabel")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.open_folder_button = QPushButton("Open folder")
        self.open_folder_button.setVisible(False)
        self.cancel_button = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def _fill_choices(self) -> None:
        event_id = self.show_row.id
        self.staff_combo.addItem("Any", None)
        for member in self.services.staff.list(event_id=event_id, include_inactive=True):
            self.staff_combo.addItem(member.name, member.id)
        self.rating_combo.addItem("Any", None)
        for rating in (Rating.HOT, Rating.WARM, Rating.COLD):
            self.rating_combo.addItem(RATING_LABELS[rating], rating.value)
        self.product_combo.addItem("Any", None)
        products = self.services.products
        on_stand = products.list(event_id=event_id, include_inactive=True)
        for product in on_stand or products.list(include_inactive=True):
            self.product_combo.addItem(f"{product.name} ({product.sku})", product.sku)
        for label, file_format, _filter in FORMAT_CHOICES:
            self.format_combo.addItem(label, file_format)
        for label, preset in BUILT_IN_PRESET_CHOICES:
            self.preset_combo.addItem(label, preset)
        for name in self.services.exports.presets.names():
            self.preset_combo.addItem(name, name)
        last = self.services.exports.last_export(event_id)
        if last is None:
            self.since_check.setEnabled(False)
            self.last_export_label.setText("No export of this show yet.")
        else:
            when = last.at.astimezone(zone(self.show_row.timezone)).strftime("%Y-%m-%d %H:%M")
            self.last_export_label.setText(
                f"Last export: {when}, {last.lead_count} leads to {Path(last.path).name}"
            )
        name = default_file_name(self.show_row.name, "xlsx", date.today())
        self.path_edit.setText(str(documents_folder() / name))

    def _connect(self) -> None:
        self.whole_show_check.toggled.connect(self._whole_show_toggled)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.update_count)
        for combo in (self.staff_combo, self.rating_combo, self.product_combo):
            combo.currentIndexChanged.connect(self.update_count)
        self.since_check.toggled.connect(self.update_count)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.choose_button.clicked.connect(self.choose_destination)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        self.open_folder_button.clicked.connect(self.open_folder)

    # --- the request ----------------------------------------------------------------

    def file_format(self) -> ExportFormat:
        value = self.format_combo.currentData()
        for _label, file_format, _filter in FORMAT_CHOICES:
            if file_format == value:
                return file_format
        return "xlsx"

    def lead_filter(self) -> LeadFilter:
        """The filter chosen in the dialog."""
        staff = self.staff_combo.currentData()
        rating = self.rating_combo.currentData()
        product = self.product_combo.currentData()
        created_from = created_to = None
        if not self.whole_show_check.isChecked():
            tz = zone(self.show_row.timezone)
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            if isinstance(first, date) and isinstance(last, date):
                first, last = min(first, last), max(first, last)
                created_from = datetime.combine(first, time(0), tzinfo=tz)
                created_to = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
        return LeadFilter(
            event_id=self.show_row.id,
            staff_id=int(staff) if staff is not None else None,
            rating=Rating(rating) if rating is not None else None,
            product_sku=str(product) if product is not None else None,
            created_from=created_from,
            created_to=created_to,
        )

    def request(self) -> ExportRequest:
        """What the Export button would export."""
        file_format = self.file_format()
        preset = self.preset_combo.currentData() if file_format != "vcf" else None
        return ExportRequest(
            path=Path(self.path_edit.text().strip()).expanduser(),
            format=file_format,
            preset=str(preset) if preset is not None else None,
            lead_filter=self.lead_filter(),
            since_last_export=self.since_check.isChecked() and self.since_check.isEnabled(),
        )

    # --- reacting -----------------------------------------------------------------------

    @Slot()
    def update_count(self) -> None:
        """Shows how many leads the current filters would export."""
        try:
            count = self.services.exports.count(self.request())
        except BoothError as exc:
            self.count_label.setText(f"Cannot count the leads: {exc}")
            return
        self.count_label.setText(lead_count_text(count))

    def _whole_show_toggled(self, whole: bool) -> None:
        self.from_edit.setEnabled(not whole)
        self.to_edit.setEnabled(not whole)
        self.update_count()

    def _format_changed(self) -> None:
        file_format = self.file_format()
        self.preset_combo.setEnabled(file_format != "vcf")
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(f".{file_format}")))

    @Slot()
    def choose_destination(self) -> None:
        """Asks where to save the file."""
        file_filter = next(f for _l, fmt, f in FORMAT_CHOICES if fmt == self.file_format())
        path, _chosen = QFileDialog.getSaveFileName(
            self, "Export leads to", self.path_edit.text(), file_filter
        )
        if path:
            self.path_edit.setText(path)

    # --- exporting ------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        """Runs the export off the UI thread."""
        if self.exporting:
            return
        if not self.path_edit.text().strip():
            self._set_status("Choose where to save the file.", problem=True)
            return
        request = self.request()
        exports = self.services.exports
        relay = self._relay
        self._cancel_requested = False
        self.export_result = None
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self._set_status(f"Exporting to {request.path.name}…")
        self.runner.run(
            lambda: exports.export(
                request, progress=relay.changed.emit, cancelled=self._is_cancelled
            ),
            on_result=self._exported,
            on_error=self._failed,
        )

    def _is_cancelled(self) -> bool:
        return self._cancel_requested

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    @Slot()
    def cancel_or_close(self) -> None:
        """Stops a running export, or closes the dialog."""
        if self.exporting:
            self._cancel_requested = True
            self._set_status("Cancelling…")
        else:
            self.reject()

    def request_cancel(self) -> None:
        """Asks the running export to stop (also used before one starts)."""
        self._cancel_requested = True

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        noun = "lead" if result.count == 1 else "leads"
        summary = f"Exported {result.count} {noun} to {result.path}"
        lines = [summary]
        if result.warnings:
            lines.append(f"{len(result.warnings)} value(s) had to be changed:")
            lines += [f"• {warning}" for warning in result.warnings[:MAX_WARNINGS_SHOWN]]
            if len(result.warnings) > MAX_WARNINGS_SHOWN:
                lines.append(f"… and {len(result.warnings) - MAX_WARNINGS_SHOWN} more")
        self._set_status("\n".join(lines))
        self.open_folder_button.setVisible(True)
        self.update_count()
        self.exported.emit(summary)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        if isinstance(error, ExportCancelled):
            self._set_status(str(error).capitalize())
            return
        if not isinstance(error, BoothError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._set_status(f"Nothing was exported: {error}", problem=True)

    @Slot()
    def open_folder(self) -> None:
        """Shows the folder of the exported file."""
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.path.parent)))

    def _set_busy(self, busy: bool) -> None:
        self.exporting = busy
        self.progress.setVisible(True)
        self.cancel_button.setText("Cancel" if busy else "Close")
        self.export_button.setEnabled(not busy)
        self.choose_button.setEnabled(not busy)
        if busy:
            self.open_folder_button.setVisible(False)

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("problem", problem)

"""Exporting a show's leads: filters with a live count, format, preset, destination."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothapp import APP_NAME
from boothapp.core.errors import BoothError
from boothapp.core.exporting.presets import BUILT_IN_PRESET_LABELS
from boothapp.core.schemas import EventRow, LeadFilter, rating_filter_fields
from boothapp.core.services import Services
from boothapp.core.services.exports import (
    FORMAT_BY_SUFFIX,
    ExportCancelled,
    ExportFormat,
    ExportRequest,
    ExportResult,
)
from boothapp.core.show_time import day_range, local_day, local_time, local_today
from boothapp.gui.formatting import RATING_FILTER_CHOICES
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.show_task_dialog import ShowTaskDialog
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.vocabulary_text import vocabulary

# The texts of these choices are translated where they are shown:
# translate("export_dialog", TEXT); a preset's own name (Salesforce, HubSpot) is not.
FORMAT_CHOICES: tuple[tuple[str, ExportFormat, str], ...] = (
    ("Excel (.xlsx)", "xlsx", QT_TRANSLATE_NOOP("export_dialog", "Excel workbooks (*.xlsx)")),
    ("CSV (.csv)", "csv", QT_TRANSLATE_NOOP("export_dialog", "CSV files (*.csv)")),
    ("vCard (.vcf)", "vcf", QT_TRANSLATE_NOOP("export_dialog", "vCard files (*.vcf *.vcard)")),
)
BUILT_IN_PRESET_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("export_dialog", "All columns"), None),
    *((label, preset) for preset, label in BUILT_IN_PRESET_LABELS.items()),
)
MAX_WARNINGS_SHOWN = 5
SETTINGS_GROUP = "export_dialog"
FOLDER_KEY = f"{SETTINGS_GROUP}/folder"
FORMAT_KEY = f"{SETTINGS_GROUP}/format"
PRESET_KEY = f"{SETTINGS_GROUP}/preset"
SEMICOLONS_KEY = f"{SETTINGS_GROUP}/semicolons"
SEMICOLONS_TIP = QT_TRANSLATE_NOOP(
    "export_dialog",
    "Excel set to French, German and other languages that write decimals with a comma "
    "opens a CSV file in one column unless its fields are separated by semicolons.",
)
NOT_EXPORTED_BEFORE_TIP = QT_TRANSLATE_NOOP(
    "export_dialog",
    "Each export marks the leads it wrote. Tick this to leave out every lead that an "
    "earlier export of this show already wrote.",
)


def default_file_name(show_name: str, file_format: ExportFormat, today: date) -> str:
    """E.g. ``"Milipol Paris 2023 leads 2023-11-17.xlsx"``."""
    safe = "".join("_" if char in '<>:"/\\|?*' else char for char in show_name).strip()
    return f"{safe or 'Show'} leads {today.isoformat()}.{file_format}"


def documents_folder() -> Path:
    """The user's documents folder when it exists, else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def format_of(path_text: str) -> ExportFormat | None:
    """The format the file name's extension names, if it names one."""
    return FORMAT_BY_SUFFIX.get(Path(path_text).suffix.lower())


def path_for_format(path_text: str, file_format: ExportFormat) -> str:
    """``path_text`` with an extension of ``file_format``: a known extension of another
    format is replaced, a name without a known extension gets the format's added."""
    suffix = Path(path_text).suffix
    named = FORMAT_BY_SUFFIX.get(suffix.lower())
    if named == file_format or not Path(path_text).name or path_text.endswith(("/", "\\")):
        return path_text
    if named is not None:
        path_text = path_text.removesuffix(suffix)
    return f"{path_text}.{file_format}"


def lead_count_text(count: int) -> str:
    if count == 1:
        return translate("export_dialog", "{count} lead will be exported").format(count=count)
    return translate("export_dialog", "{count} leads will be exported").format(count=count)


class ExportDialog(ShowTaskDialog):
    """Exports the leads of ``show`` chosen by the filters; runs the export on ``runner``.

    ``settings`` keeps the folder, format and columns of the last export between
    openings (tests pass their own); a file name typed without a folder goes in
    ``folder``, the one the dialog opened on. ``exported(str)`` carries the summary line
    after a finished export. While an export runs, Escape and closing the dialog cancel
    it."""

    exported = Signal(str)

    def __init__(
        self,
        services: Services,
        show: EventRow,
        runner: TaskRunner,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(services, show, runner, translate("ExportDialog", "Export leads"), parent)
        self.settings = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
        self.export_result: ExportResult | None = None
        self.exporting = False
        self._cancel_requested = False
        self._chosen_path: Path | None = None
        self._has_leads = False
        self._build()
        self._fill_choices()
        self._restore_choices()
        self._read_show_state()
        self._connect()
        self._update_enabled()
        self.update_count()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout()
        first_day, last_day = self.show_days()
        self.whole_show_check = QCheckBox(self.tr("&Whole show"))
        self.whole_show_check.setChecked(True)
        self.from_edit = QDateEdit(QDate(first_day.year, first_day.month, first_day.day))
        self.to_edit = QDateEdit(QDate(last_day.year, last_day.month, last_day.day))
        dates = QHBoxLayout()
        dates.addWidget(self.whole_show_check)
        for text, edit in ((self.tr("fro&m"), self.from_edit), (self.tr("&to"), self.to_edit)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            label = QLabel(text)
            label.setBuddy(edit)
            dates.addWidget(label)
            dates.addWidget(edit)
        dates.addStretch(1)
        form.addRow(self.tr("Captured:"), dates)
        self.staff_combo = QComboBox()
        form.addRow(self.tr("&Staff:"), self.staff_combo)
        self.rating_combo = QComboBox()
        form.addRow(self.tr("&Rating:"), self.rating_combo)
        self.product_combo = QComboBox()
        form.addRow(self.tr("&Product:"), self.product_combo)
        self.since_check = QCheckBox(self.tr("Only leads &not exported before"))
        self.since_check.setToolTip(translate("export_dialog", NOT_EXPORTED_BEFORE_TIP))
        self.last_export_label = QLabel()
        self.last_export_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", self.since_check)
        form.addRow("", self.last_export_label)
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCountLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("", self.count_label)
        self.format_combo = QComboBox()
        form.addRow(self.tr("&Format:"), self.format_combo)
        self.preset_combo = QComboBox()
        form.addRow(self.tr("Co&lumns:"), self.preset_combo)
        self.semicolons_check = QCheckBox(
            self.tr("Sem&icolons between fields (Excel in French, German…)")
        )
        self.semicolons_check.setToolTip(translate("export_dialog", SEMICOLONS_TIP))
        form.addRow("", self.semicolons_check)
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.choose_button)
        save_to = QLabel(self.tr("S&ave to:"))
        save_to.setBuddy(self.path_edit)
        form.addRow(save_to, destination)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setObjectName("exportStatusLabel")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("&Open folder"))
        self.open_folder_button.setVisible(False)
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _fill_choices(self) -> None:
        event_id = self.show_row.id
        self.staff_combo.addItem(self.tr("Any"), None)
        for member in self.services.staff.list(event_id=event_id, include_inactive=True):
            self.staff_combo.addItem(member.name, member.id)
        self.rating_combo.addItem(self.tr("Any"), None)
        for label, choice in RATING_FILTER_CHOICES:
            self.rating_combo.addItem(vocabulary(label), choice)
        self.product_combo.addItem(self.tr("Any"), None)
        products = self.services.products
        on_stand = products.list(event_id=event_id, include_inactive=True)
        for product in on_stand or products.list(include_inactive=True):
            self.product_combo.addItem(f"{product.name} ({product.sku})", product.sku)
        for label, file_format, _filter in FORMAT_CHOICES:
            self.format_combo.addItem(label, file_format)
        for label, preset in BUILT_IN_PRESET_CHOICES:
            # only "All columns" is translated: the others are the presets' own names
            shown = translate("export_dialog", label) if preset is None else label
            self.preset_combo.addItem(shown, preset)
        for name in self.services.exports.presets.names():
            self.preset_combo.addItem(name, name)

    def show_days(self) -> tuple[date, date]:
        """The show's first and last days: its dates, else the days of its first and last
        leads, else today."""
        show = self.show_row
        first, last = show.start_date, show.end_date
        if first is None or last is None:
            lead_days = self._lead_days()
            today = local_today(show.timezone)
            first = first or (lead_days[0] if lead_days else today)
            last = last or (lead_days[1] if lead_days else today)
        return first, last

    def _lead_days(self) -> tuple[date, date] | None:
        """The days the show's first and last leads were captured, if it has any."""
        leads = self.services.leads
        show_leads = LeadFilter(event_id=self.show_row.id)
        oldest = leads.list(show_leads, limit=1, descending=False)
        newest = leads.list(show_leads, limit=1, descending=True)
        if not oldest or not newest:
            return None
        timezone = self.show_row.timezone
        return local_day(oldest[0].created_at, timezone), local_day(newest[0].created_at, timezone)

    def _restore_choices(self) -> None:
        """Starts from the folder, format and columns of the last export."""
        stored_format = self._stored(FORMAT_KEY)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(stored_format)))
        stored_preset = self._stored(PRESET_KEY)
        if stored_preset:
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(stored_preset)))
        self.semicolons_check.setChecked(self._stored(SEMICOLONS_KEY) == "yes")
        stored_folder = self._stored(FOLDER_KEY)
        folder = Path(stored_folder) if stored_folder else None
        if folder is None or not folder.is_dir():
            folder = documents_folder()
        self.folder = folder
        name = default_file_name(self.show_row.name, self.file_format(), date.today())
        self.path_edit.setText(str(folder / name))

    def _stored(self, key: str) -> str:
        value = self.settings.value(key, "")
        return value if isinstance(value, str) else ""

    def _remember_choices(self, result: ExportResult) -> None:
        preset = self.preset_combo.currentData()
        self.settings.setValue(FOLDER_KEY, str(result.path.parent))
        self.settings.setValue(FORMAT_KEY, result.format)
        self.settings.setValue(PRESET_KEY, str(preset) if preset is not None else "")
        if result.format == "csv":
            self.settings.setValue(
                SEMICOLONS_KEY, "yes" if self.semicolons_check.isChecked() else "no"
            )

    def _read_show_state(self) -> None:
        """Reads whether the show has leads (the box of leads not exported before needs
        some) and says when it was last exported."""
        self._has_leads = self.services.leads.count(LeadFilter(event_id=self.show_row.id)) > 0
        last = self.services.exports.last_export(self.show_row.id)
        if last is None:
            self.last_export_label.setText(self.tr("No export of this show yet."))
        else:
            when = local_time(last.at, self.show_row.timezone)
            self.last_export_label.setText(
                self.tr("Last export: {when}, {count} leads to {file}").format(
                    when=when, count=last.lead_count, file=Path(last.path).name
                )
            )

    def _connect(self) -> None:
        self.whole_show_check.toggled.connect(self._whole_show_toggled)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.update_count)
        for combo in (self.staff_combo, self.rating_combo, self.product_combo):
            combo.currentIndexChanged.connect(self.update_count)
        self.since_check.toggled.connect(self.update_count)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._path_changed)
        self.path_edit.textEdited.connect(self._path_typed)
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
        rating_choice = self.rating_combo.currentData()
        product = self.product_combo.currentData()
        created_from = created_to = None
        if not self.whole_show_check.isChecked():
            first = self.from_edit.date().toPython()
            last = self.to_edit.date().toPython()
            if isinstance(first, date) and isinstance(last, date):
                first, last = min(first, last), max(first, last)
                created_from, created_to = day_range(first, last, self.show_row.timezone)
        return LeadFilter(
            event_id=self.show_row.id,
            staff_id=int(staff) if staff is not None else None,
            **rating_filter_fields(rating_choice),
            product_sku=str(product) if product is not None else None,
            created_from=created_from,
            created_to=created_to,
        )

    def request(self) -> ExportRequest:
        """What the Export button would export."""
        file_format = self.file_format()
        preset = self.preset_combo.currentData() if file_format != "vcf" else None
        return ExportRequest(
            path=self.folder / Path(self.path_edit.text().strip()).expanduser(),
            format=file_format,
            preset=str(preset) if preset is not None else None,
            lead_filter=self.lead_filter(),
            since_last_export=self.since_check.isChecked(),
            delimiter=";" if file_format == "csv" and self.semicolons_check.isChecked() else ",",
        )

    # --- reacting -----------------------------------------------------------------------

    @Slot()
    def update_count(self) -> None:
        """Shows how many leads the current filters would export."""
        try:
            count = self.services.exports.count(self.request())
        except BoothError as exc:
            self.count_label.setText(self.tr("Cannot count the leads: {reason}").format(reason=exc))
            return
        self.count_label.setText(lead_count_text(count))

    @Slot()
    def follow_lead_changes(self) -> None:
        """Leads were saved, scanned or deleted meanwhile: counts again, unless an export
        is running (its count was taken when it started)."""
        if not self.exporting:
            self._read_show_state()
            self._update_enabled()
            self.update_count()

    def _whole_show_toggled(self) -> None:
        self._update_enabled()
        self.update_count()

    def _format_changed(self) -> None:
        self._update_enabled()
        self._give_path_the_format()

    def _give_path_the_format(self) -> None:
        text = self.path_edit.text().strip()
        wanted = path_for_format(text, self.file_format()) if text else text
        if wanted != self.path_edit.text():
            self.path_edit.setText(wanted)

    def _path_changed(self, text: str) -> None:
        """Follows the format the file name's extension names."""
        named = format_of(text.strip())
        if named is not None:
            self.format_combo.setCurrentIndex(self.format_combo.findData(named))

    def _path_typed(self) -> None:
        self._chosen_path = None

    def _update_enabled(self) -> None:
        """Enables what can be changed now: nothing but Cancel while an export runs."""
        idle = not self.exporting
        for widget in (
            self.whole_show_check,
            self.staff_combo,
            self.rating_combo,
            self.product_combo,
            self.format_combo,
            self.path_edit,
            self.choose_button,
            self.export_button,
        ):
            widget.setEnabled(idle)
        by_dates = idle and not self.whole_show_check.isChecked()
        self.from_edit.setEnabled(by_dates)
        self.to_edit.setEnabled(by_dates)
        self.since_check.setEnabled(idle and self._has_leads)
        self.preset_combo.setEnabled(idle and self.file_format() != "vcf")
        self.semicolons_check.setEnabled(idle and self.file_format() == "csv")

    @Slot()
    def choose_destination(self) -> None:
        """Asks where to save the file (the file dialog asks before replacing one)."""
        file_filter = next(f for _l, fmt, f in FORMAT_CHOICES if fmt == self.file_format())
        path, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export leads to"),
            self.path_edit.text(),
            translate("export_dialog", file_filter),
        )
        if path:
            self.path_edit.setText(path)
            self._chosen_path = Path(path)

    # --- exporting ------------------------------------------------------------------

    @Slot()
    def start_export(self) -> None:
        """Runs the export off the UI thread, once a file it would replace may go."""
        if self.exporting:
            return
        text = self.path_edit.text().strip()
        if not text:
            self._set_status(self.tr("Choose where to save the file."), problem=True)
            return
        self._give_path_the_format()
        request = self.request()
        if not self._may_replace(request.path):
            self.path_edit.setFocus()
            return
        exports = self.services.exports
        relay = self.relay
        self._cancel_requested = False
        self.export_result = None
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self._set_status(self.tr("Exporting to {file}…").format(file=request.path.name))
        self.runner.run(
            lambda: exports.export(
                request, progress=relay.changed.emit, cancelled=self._is_cancelled
            ),
            on_result=self._exported,
            on_error=self._failed,
        )

    def _may_replace(self, path: Path) -> bool:
        """Whether the export may write ``path``: asks before replacing a file, unless
        it was chosen in the file dialog (which asked already)."""
        if path == self._chosen_path or not path.is_file():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("{path} already exists. Replace it with the export?").format(path=path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _is_cancelled(self) -> bool:
        return self._cancel_requested

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    @Slot()
    def cancel_or_close(self) -> None:
        """Stops a running export, or closes the dialog."""
        self.reject()

    def reject(self) -> None:
        """Closes the dialog (Escape, the window's close button); while an export runs,
        cancels it instead and keeps the dialog open to say how it ended."""
        if self.exporting:
            self.request_cancel()
            self._set_status(self.tr("Cancelling…"))
            return
        super().reject()

    def request_cancel(self) -> None:
        """Asks the running export to stop (also used before one starts)."""
        self._cancel_requested = True

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        self._read_show_state()
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if result.count == 1:
            summary = self.tr("Exported {count} lead to {path}")
        else:
            summary = self.tr("Exported {count} leads to {path}")
        summary = summary.format(count=result.count, path=result.path)
        lines = [summary]
        if result.warnings:
            lines.append(
                self.tr("{count} value(s) had to be changed:").format(count=len(result.warnings))
            )
            lines += [f"• {warning}" for warning in result.warnings[:MAX_WARNINGS_SHOWN]]
            if len(result.warnings) > MAX_WARNINGS_SHOWN:
                more = len(result.warnings) - MAX_WARNINGS_SHOWN
                lines.append(self.tr("… and {count} more").format(count=more))
        if result.not_recorded:
            lines.append(self.tr("Note: {note}.").format(note=result.not_recorded))
        self._set_status("\n".join(lines))
        self.open_folder_button.setVisible(True)
        self._remember_choices(result)
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
        self._set_status(
            self.tr("Nothing was exported: {reason}").format(reason=error), problem=True
        )

    @Slot()
    def open_folder(self) -> None:
        """Shows the folder of the exported file; says where it is when no file manager
        can show it."""
        if self.export_result is None:
            return
        folder = self.export_result.path.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Open folder"),
            self.tr("No file manager could open the folder. The file is in:\n{folder}").format(
                folder=folder
            ),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _set_busy(self, busy: bool) -> None:
        self.exporting = busy
        self.progress.setVisible(True)
        self.cancel_button.setText(self.tr("&Cancel") if busy else self.tr("&Close"))
        self._update_enabled()
        if busy:
            self.open_folder_button.setVisible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_status()

    def _set_status(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setProperty("problem", problem)
        self._fit_status()

    def _fit_status(self) -> None:
        """Reserves the status its lines at the label's width. A word-wrapped label's
        height follows its width, which the minimum size Qt gives the dialog does not:
        the other controls would be squashed to make room for a long status."""
        label = self.status_label
        if label.isVisible():
            label.setMinimumHeight(max(0, label.heightForWidth(label.width())))

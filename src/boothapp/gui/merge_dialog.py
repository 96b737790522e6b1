"""Merging another laptop's database file (File > Merge a laptop's file…): choose the
file, see what the merge would do (a dry run), merge, then review the values the two
laptops set differently.

The dry run and the merge run off the UI thread (a laptop's day of leads takes a second
or two to check, copy and merge); what they changed reaches the window's screens through
:class:`~boothapp.gui.changes.LeadChanges` (and a show the other laptop added through
:class:`~boothapp.gui.changes.ShowContext`), so the window calls none of them.
"""

from __future__ import annotations

import enum
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError
from boothapp.core.merge import MergeSummary, list_conflicts, mark_reviewed, merge_file
from boothapp.core.merge.summary import ConflictRow
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.models.rows_model import RowsModel

if TYPE_CHECKING:
    from boothapp.core.services import Services
    from boothapp.gui.changes import LeadChanges, ShowContext
    from boothapp.gui.tasks import TaskRunner


FILE_FILTER = QT_TRANSLATE_NOOP(
    "merge_dialog", "boothapp databases (*.sqlite3 *.sqlite *.db);;All files (*)"
)
LISTED_AT_MOST = 12
"""Leads named in each list of the summary (the counts say how many there are)."""
INTRO = QT_TRANSLATE_NOOP(
    "merge_dialog",
    "Bring another laptop's leads into this database: choose its database file (on a USB "
    "stick). The file is only read. You see what the merge would do before anything "
    "changes; a visitor captured on both laptops becomes one lead, and where the laptops "
    "set a field differently the later edit is kept and the other value is listed below "
    "for review.",
)
CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, CONFLICT_ID_ROLE)`` is the id of the row's conflict."""


# --- the conflicts ----------------------------------------------------------------------


class ConflictColumn(enum.IntEnum):
    LEAD = 0
    FIELD = enum.auto()
    KEPT = enum.auto()
    OTHER = enum.auto()
    SOURCE = enum.auto()

    @property
    def title(self) -> str:
        """The column's title in the window's language."""
        return translate("merge_dialog", _CONFLICT_TITLES[self])


_CONFLICT_TITLES = {
    ConflictColumn.LEAD: QT_TRANSLATE_NOOP("merge_dialog", "Lead"),
    ConflictColumn.FIELD: QT_TRANSLATE_NOOP("merge_dialog", "Field"),
    ConflictColumn.KEPT: QT_TRANSLATE_NOOP("merge_dialog", "Kept"),
    ConflictColumn.OTHER: QT_TRANSLATE_NOOP("merge_dialog", "Left aside"),
    ConflictColumn.SOURCE: QT_TRANSLATE_NOOP("merge_dialog", "From file"),
}


_SPECIAL_LABELS = {
    "badge_id": QT_TRANSLATE_NOOP("merge_dialog", "Badge ID"),
    "email": QT_TRANSLATE_NOOP("merge_dialog", "E-mail"),
    "website": QT_TRANSLATE_NOOP("merge_dialog", "Website"),
    "first_name": QT_TRANSLATE_NOOP("merge_dialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("merge_dialog", "Last name"),
    "company": QT_TRANSLATE_NOOP("merge_dialog", "Company"),
    "job_title": QT_TRANSLATE_NOOP("merge_dialog", "Job title"),
    "phone": QT_TRANSLATE_NOOP("merge_dialog", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("merge_dialog", "Mobile"),
    "street": QT_TRANSLATE_NOOP("merge_dialog", "Street"),
    "postal_code": QT_TRANSLATE_NOOP("merge_dialog", "Postal code"),
    "city": QT_TRANSLATE_NOOP("merge_dialog", "City"),
    "region": QT_TRANSLATE_NOOP("merge_dialog", "Region"),
    "country": QT_TRANSLATE_NOOP("merge_dialog", "Country"),
    "rating": QT_TRANSLATE_NOOP("merge_dialog", "Rating"),
}
"""The fields a merge can find set differently on two laptops (the later edit's fields),
by name; any other field is named after its key."""
_PART_FIELD = re.compile(r"^(products|answers)\[(.*)\](?:\.(\w+))?$")


def field_label(field: str) -> str:
    """A conflict's field as a person reads it: "Job title", "Quantity of TC-6040",
    "Answer to Cases needed"."""
    part = _PART_FIELD.match(field)
    if part is not None:
        kind, name, detail = part.groups()
        if kind == "answers":
            return translate("merge_dialog", "Answer to {question}").format(question=name)
        if detail == "quantity":
            return translate("merge_dialog", "Quantity of {product}").format(product=name)
        if detail == "remark":
            return translate("merge_dialog", "Remark of {product}").format(product=name)
        if detail is None:
            return translate("merge_dialog", "Product of {product}").format(product=name)
        return f"{detail.capitalize()} of {name}"
    special = _SPECIAL_LABELS.get(field)
    if special is not None:
        return translate("merge_dialog", special)
    return field.replace("_", " ").capitalize()


class ConflictTableModel(RowsModel[ConflictRow]):
    """The conflicts not reviewed yet, one per row."""

    titles = tuple(_CONFLICT_TITLES[column] for column in ConflictColumn)

    titles_context = "merge_dialog"

    def text(self, row: ConflictRow, column: int) -> str:
        kind = ConflictColumn(column)
        if kind is ConflictColumn.LEAD:
            return row.lead_name
        if kind is ConflictColumn.FIELD:
            return field_label(row.field)
        if kind is ConflictColumn.KEPT:
            return row.kept
        if kind is ConflictColumn.OTHER:
            return row.other
        return row.source

    def role_data(self, row: ConflictRow, column: int, role: int) -> Any:
        if role == CONFLICT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(row, column)
        return None


# --- what a merge did, in words ----------------------------------------------------------


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED_AT_MOST])
    more = len(names) - LISTED_AT_MOST
    if more > 0:
        return translate("merge_dialog", "{names} and {count} more").format(names=shown, count=more)
    return shown


def summary_text(summary: MergeSummary) -> str:
    """What a merge did (or, for a dry run, would do), in a few lines."""
    if summary.dry_run:
        first = translate(
            "merge_dialog",
            "Merging {file} would bring: {added} new lead(s), {updated} updated, {joined} "
            "visitor(s) captured on both laptops joined, {unchanged} unchanged, {left_out} "
            "left out (erased or on the suppression list), {conflicts} conflict(s) to review.",
        )
    else:
        first = translate(
            "merge_dialog",
            "Merging {file} brought: {added} new lead(s), {updated} updated, {joined} "
            "visitor(s) captured on both laptops joined, {unchanged} unchanged, {left_out} "
            "left out (erased or on the suppression list), {conflicts} conflict(s) to review.",
        )
    lines = [
        first.format(
            file=summary.source,
            added=len(summary.added),
            updated=len(summary.updated),
            joined=len(summary.joined),
            unchanged=summary.unchanged,
            left_out=len(summary.left_out),
            conflicts=len(summary.conflicts),
        )
    ]
    for title, names in (
        (translate("merge_dialog", "Shows added: {names}"), list(summary.shows_added)),
        (translate("merge_dialog", "Staff added: {names}"), list(summary.staff_added)),
        (translate("merge_dialog", "Products added: {names}"), list(summary.products_added)),
        (translate("merge_dialog", "Questions added: {names}"), list(summary.questions_added)),
        (translate("merge_dialog", "New: {names}"), [lead.name for lead in summary.added]),
        (
            translate("merge_dialog", "Updated: {names}"),
            [f"{lead.name} ({', '.join(lead.changed)})" for lead in summary.updated],
        ),
        (translate("merge_dialog", "Joined: {names}"), [lead.name for lead in summary.joined]),
    ):
        if names:
            lines.append(title.format(names=_some(names)))
    if not summary.dry_run and not summary.changed_anything:
        lines.append(
            translate(
                "merge_dialog",
                "Nothing changed: this database already holds everything in the file.",
            )
        )
    return "\n".join(lines)


# --- the dialog ---------------------------------------------------------------------------


class MergeView(QWidget):
    """Layout of the merge dialog."""

    def __init__(self, model: ConflictTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(translate("merge_dialog", INTRO))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        file_label = QLabel(self.tr("&File:"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("mergeFile")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("The other laptop's database file"))
        file_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setObjectName("mergeChoose")
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("mergeSummary")
        self.summary.setReadOnly(True)
        self.summary.setPlaceholderText(self.tr("What the merge would do shows here."))
        conflicts_label = QLabel(self.tr("Conflicts to re&view:"))
        self.table = QTableView()
        self.table.setObjectName("mergeConflicts")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        conflicts_label.setBuddy(self.table)
        self.reviewed_button = QPushButton(self.tr("Mark &reviewed"))
        self.reviewed_button.setObjectName("mergeReviewed")
        self.reviewed_button.setEnabled(False)
        self.all_reviewed_button = QPushButton(self.tr("Mark &all reviewed"))
        self.all_reviewed_button.setObjectName("mergeAllReviewed")
        review_row = QHBoxLayout()
        review_row.addStretch(1)
        review_row.addWidget(self.reviewed_button)
        review_row.addWidget(self.all_reviewed_button)
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)
        layout.addWidget(conflicts_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(review_row)
        layout.addWidget(self.buttons)


class MergeDialog(QDialog):
    """Merges another laptop's file into ``services``' database, on ``runner``.

    ``merged(MergeSummary)`` is emitted after a merge that changed something."""

    merged = Signal(object)

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge a laptop's file"))
        self.services = services
        self.runner = runner
        self.path: Path | None = None
        self.preview: MergeSummary | None = None
        self.merge_result: MergeSummary | None = None
        self.busy = False
        self.model = ConflictTableModel(self)
        self.view = MergeView(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        view = self.view
        view.choose_button.clicked.connect(self.choose_file)
        view.merge_button.clicked.connect(self.start_merge)
        view.buttons.rejected.connect(self.reject)
        view.reviewed_button.clicked.connect(self.mark_selected_reviewed)
        view.all_reviewed_button.clicked.connect(self.mark_all_reviewed)
        view.table.selectionModel().selectionChanged.connect(self._update_enabled)
        self.model.modelReset.connect(self._update_enabled)
        self.reload_conflicts()
        self.resize(820, 620)

    # --- choosing and previewing ----------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Merge a laptop's database file"),
            str(Path.home()),
            translate("merge_dialog", FILE_FILTER),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Shows what merging ``path`` would do (a dry run, off the UI thread)."""
        chosen = Path(path)
        self.path = chosen
        self.preview = None
        self.view.path_edit.setText(str(chosen))
        self.view.summary.clear()
        self._set_busy(True, self.tr("Checking {file}…").format(file=chosen.name))
        database = self.services.database
        self.runner.run(
            lambda: merge_file(database, chosen, dry_run=True),
            on_result=self._previewed,
            on_error=self._failed,
        )

    def _previewed(self, summary: MergeSummary) -> None:
        self.preview = summary
        self.view.summary.setPlainText(summary_text(summary))
        if summary.changed_anything:
            self._set_busy(False, self.tr("Nothing has changed yet: Merge brings the leads in."))
        else:
            self._set_busy(False, self.tr("This database already holds everything in the file."))

    # --- merging --------------------------------------------------------------------------

    @Slot()
    def start_merge(self) -> None:
        path = self.path
        if path is None or self.preview is None or self.busy:
            return
        staff = self.services.staff.current()
        staff_name = staff.name if staff is not None else None
        database = self.services.database
        self._set_busy(True, self.tr("Merging {file}…").format(file=path.name))
        self.runner.run(
            lambda: merge_file(database, path, staff_name=staff_name),
            on_result=self._merged,
            on_error=self._failed,
        )

    def _merged(self, summary: MergeSummary) -> None:
        self.merge_result = summary
        self.preview = None
        self.view.summary.setPlainText(summary_text(summary))
        self._set_busy(False, self.tr("Merged {file}.").format(file=summary.source))
        self.reload_conflicts()
        if summary.changed_anything:
            self.merged.emit(summary)

    def _failed(self, error: Exception) -> None:
        self.preview = None
        if not isinstance(error, BoothError):
            self._set_busy(False, "")
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._set_busy(
            False, self.tr("Nothing was merged: {error}").format(error=error), problem=True
        )

    # --- reviewing ------------------------------------------------------------------------

    def reload_conflicts(self) -> None:
        self.model.set_rows(list_conflicts(self.services.database))

    def selected_conflict_ids(self) -> list[int]:
        rows = self.view.table.selectionModel().selectedRows()
        return [int(self.model.data(index, CONFLICT_ID_ROLE)) for index in rows]

    @Slot()
    def mark_selected_reviewed(self) -> None:
        chosen = self.selected_conflict_ids()
        if chosen:
            mark_reviewed(self.services.database, conflict_ids=chosen)
            self.reload_conflicts()

    @Slot()
    def mark_all_reviewed(self) -> None:
        mark_reviewed(self.services.database)
        self.reload_conflicts()

    # --- state ----------------------------------------------------------------------------

    def _set_busy(self, busy: bool, status: str, problem: bool = False) -> None:
        self.busy = busy
        view = self.view
        view.progress.setVisible(busy)
        view.status.setText(status)
        view.status.setProperty("problem", problem)
        self._update_enabled()

    def _update_enabled(self) -> None:
        view = self.view
        idle = not self.busy
        preview = self.preview
        view.choose_button.setEnabled(idle)
        view.merge_button.setEnabled(idle and preview is not None and preview.changed_anything)
        has_selection = view.table.selectionModel().hasSelection()
        view.reviewed_button.setEnabled(idle and has_selection)
        view.all_reviewed_button.setEnabled(idle and self.model.rowCount() > 0)

    def reject(self) -> None:
        """Closes the dialog, unless a merge is running (it cannot be stopped halfway;
        it is one transaction and ends in a moment)."""
        if not self.busy:
            super().reject()


def open_merge_dialog(
    parent: QWidget,
    services: Services,
    runner: TaskRunner,
    lead_changes: LeadChanges | None = None,
    context: ShowContext | None = None,
) -> MergeDialog:
    """Opens the merge dialog over ``parent`` (window-modal, deleted when closed). After
    a merge that changed something, ``lead_changes`` reports it (the lead list, counts and
    dashboard refresh themselves) and ``context`` reads the shows again (the other laptop
    may have brought one)."""
    dialog = MergeDialog(services, runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if lead_changes is not None:
        dialog.merged.connect(lambda _summary: lead_changes.report())
    if context is not None:
        dialog.merged.connect(lambda _summary: context.reload())
    dialog.open()
    return dialog

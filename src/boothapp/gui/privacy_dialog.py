"""The window's personal-data dialogs (GDPR): erasing a person, the retention period and
its purge, a subject-access export, and the audit log.

:class:`PrivacyDialogs` opens them over the main window; each is window-modal, opened
with ``open()`` (never a blocking ``exec()``), deletes itself when closed and is raised
rather than opened twice. Erasures and purges run off the UI thread (rewriting the
search index and the file takes about 1.5 s at 100,000 leads), ask first in a window-modal
message box naming what will go, and then report through the window's
:class:`~boothapp.gui.changes.LeadChanges`, so the list, the counts and the dashboard
refresh themselves; a lead that was open in the capture form is taken out of it.

A deleted lead (Edit > Delete lead) keeps everything, notes included, so that it can be
restored: erasure is the way to remove a lead for good.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.audit import AuditRow
from boothapp.core.errors import BoothError
from boothapp.core.privacy.erasure import Erasure, ErasurePlan, erase, plan_erasure
from boothapp.core.privacy.log import audit_log
from boothapp.core.privacy.retention import (
    LONGEST_RETENTION_MONTHS,
    OldLead,
    Purge,
    old_leads,
    purge,
    retention_months,
    set_retention_months,
)
from boothapp.core.privacy.subject import SubjectExport, write_subject_export
from boothapp.core.vocabulary import AUDIT_ACTION_LABELS, AuditAction
from boothapp.gui.changes import LeadChange
from boothapp.gui.models.rows_model import RowsModel

if TYPE_CHECKING:
    from boothapp.core.services import Services
    from boothapp.gui.capture.capture_form import CaptureForm
    from boothapp.gui.changes import LeadChanges
    from boothapp.gui.tasks import TaskRunner

NOT_WIPED = (
    "The database file could not be compacted yet (another program is using it, or the "
    "disk is nearly full): erased bytes may stay in its unused space until an erasure or "
    "purge compacts it; close other programs, free some space and erase the address again."
)
SOFT_DELETE_NOTE = (
    "A lead deleted with Edit > Delete lead keeps everything, its notes too, so that it "
    "can be restored; erasing is the way to remove it for good."
)
ERASE_INTRO = (
    "Erase a person for good when they ask: give their e-mail address to erase every "
    "lead with it, in every show, or take the lead selected in the list. The leads go "
    "with their notes, visits, products and answers, and the person's e-mail address and "
    "badge go on the suppression list, so that no scan, attendee list or merge brings "
    "them back. This cannot be undone. " + SOFT_DELETE_NOTE
)
RETENTION_INTRO = (
    "Leads not contacted (no change, no visit) within the retention period are listed "
    "here and can be purged for good. The period is kept for the whole booth, every "
    "laptop using this database. Purged people are not put on the suppression list: they "
    "can be captured again if they come back."
)
SUBJECT_INTRO = (
    "Write everything held on one person (found by e-mail address, in every show) as a "
    "JSON file and, beside it, a page they can read: their leads, notes, visits, products, "
    "answers, consent, legal basis and the audit entries about them."
)


class PrivacyWindow(Protocol):
    """What the dialogs use of the main window (``MainWindow`` has all of it)."""

    services: Services
    runner: TaskRunner
    lead_changes: LeadChanges
    capture: CaptureForm

    def notify(
        self, text: str, on_undo: Callable[[], None] | None = None, *, keep_current: bool = False
    ) -> None: ...

    def selected_lead_id(self) -> str | None: ...


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _staff_name(services: Services) -> str | None:
    staff = services.staff.current()
    return staff.name if staff is not None else None


def _confirm(
    parent: QWidget, title: str, text: str, details: str, action: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """A window-modal question (opened, not executed); ``on_yes`` runs if ``action`` is
    clicked. The default button is Cancel."""
    box = QMessageBox(parent)
    box.setObjectName("privacyConfirmation")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(details)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def _report_bug(error: Exception) -> None:
    sys.excepthook(type(error), error, error.__traceback__)


def _lead_lines(plan: ErasurePlan) -> str:
    lines = [f"• {lead.label}" for lead in plan.leads]
    if plan.same_email_elsewhere:
        others = plan.same_email_elsewhere
        lines.append(
            f"({others} other lead{'' if others == 1 else 's'} with this lead's e-mail "
            "address stay: erase the address to remove them too.)"
        )
    if not plan.leads:
        lines.append(plan.summary)
    return "\n".join(lines)


# --- erasing a person ------------------------------------------------------------------


class ErasureView(QWidget):
    """Layout of the erasure dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _plain_label(ERASE_INTRO)
        self.email_label = QLabel("E-&mail address:")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("erasureEmail")
        self.email_edit.setPlaceholderText("name@company.com")
        self.email_edit.setAccessibleName("E-mail address of the person to erase")
        self.email_label.setBuddy(self.email_edit)
        self.find_button = QPushButton("&Find")
        self.find_button.setObjectName("erasureFind")
        self.selected_button = QPushButton("Use the &selected lead")
        self.selected_button.setObjectName("erasureSelected")
        self.found_label = QLabel("What will be erased:")
        self.found = QPlainTextEdit()
        self.found.setObjectName("erasureFound")
        self.found.setReadOnly(True)
        self.found.setTabChangesFocus(True)
        self.found.setAccessibleName("What will be erased")
        self.found.setPlaceholderText("Find a person by e-mail address, or use the selected lead.")
        self.found_label.setBuddy(self.found)
        self.message = _plain_label()
        self.message.setObjectName("erasureMessage")
        self.erase_button = QPushButton("&Erase for good…")
        self.erase_button.setObjectName("erasureErase")
        self.erase_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)

        search = QHBoxLayout()
        search.addWidget(self.email_label)
        search.addWidget(self.email_edit, 1)
        search.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(search)
        layout.addWidget(self.selected_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.found_label)
        layout.addWidget(self.found, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


class ErasureDialog(QDialog):
    """Finds a person (by e-mail address, or the selected lead), shows what will go, and
    erases it for good once confirmed. ``erased(Erasure)`` after an erasure."""

    erased = Signal(object)

    def __init__(self, window: PrivacyWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("erasureDialog")
        self.setWindowTitle("Erase a person for good")
        self.window_ = window
        self.plan: ErasurePlan | None = None
        self.target: str | None = None
        self.confirmation: QMessageBox | None = None
        self.busy = False
        self.view = ErasureView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        view = self.view
        view.buttons.rejected.connect(self.reject)
        view.find_button.clicked.connect(self.find_email)
        view.email_edit.returnPressed.connect(self.find_email)
        view.selected_button.clicked.connect(self.use_selected)
        view.erase_button.clicked.connect(self.ask)
        view.email_edit.textEdited.connect(lambda _text: self._forget_plan())
        view.selected_button.setEnabled(window.selected_lead_id() is not None)
        self.resize(560, 460)

    def _forget_plan(self) -> None:
        self.plan = None
        self.target = None
        self.view.erase_button.setEnabled(False)
        self.view.found.clear()

    def _say(self, text: str) -> None:
        self.view.message.setText(text)

    def find_email(self) -> None:
        email = self.view.email_edit.text().strip()
        if not email:
            self._say("Type the person's e-mail address first.")
            return
        self.look_up(email)

    def use_selected(self) -> None:
        lead_id = self.window_.selected_lead_id()
        if lead_id is None:
            self._say("No lead is selected in the list.")
            return
        self.view.email_edit.clear()
        self.look_up(lead_id)

    def look_up(self, who: str) -> None:
        """Looks up what erasing ``who`` (an e-mail address or a lead id) would remove."""
        self._forget_plan()
        self._say("Looking…")
        database = self.window_.services.database
        self.window_.runner.run(
            lambda: plan_erasure(database, who),
            on_result=lambda plan: self._found(who, plan),
            on_error=self._failed,
        )

    def _found(self, who: str, plan: ErasurePlan) -> None:
        self.plan = plan
        self.target = who
        self.view.found.setPlainText(_lead_lines(plan))
        self.view.erase_button.setEnabled(True)
        count = len(plan.leads)
        if count:
            self._say(f"{count} lead{'' if count == 1 else 's'} will be erased for good.")
        else:
            self._say("No lead holds this address: it can still go on the suppression list.")

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.view.erase_button.setEnabled(self.plan is not None)
        if isinstance(error, BoothError):
            self._say(f"Nothing was erased: {error}")
            return
        _report_bug(error)

    def ask(self) -> None:
        """Asks before erasing what was found (a window-modal question)."""
        plan = self.plan
        if plan is None or self.busy:
            return
        count = len(plan.leads)
        if count:
            text = f"Erase {count} lead{'' if count == 1 else 's'} for good?"
            details = (
                f"{_lead_lines(plan)}\n\nTheir notes, visits, products and answers go too. "
                "This cannot be undone."
            )
        else:
            text = f"Put {plan.email} on the suppression list?"
            details = plan.summary
        self.confirmation = _confirm(self, "Erase for good", text, details, "Erase", self.run)

    def run(self) -> None:
        """Erases what was found, off the UI thread."""
        if self.target is None or self.busy:
            return
        self.busy = True
        self.view.erase_button.setEnabled(False)
        self._say("Erasing…")
        database = self.window_.services.database
        who = self.target
        staff = _staff_name(self.window_.services)
        self.window_.runner.run(
            lambda: erase(database, who, staff), on_result=self._done, on_error=self._failed
        )

    def _done(self, erasure: Erasure) -> None:
        self.busy = False
        self.plan = None
        self.target = None
        count = len(erasure.leads)
        names = ", ".join(lead.display_name for lead in erasure.leads)
        if count:
            text = f"Erased {count} lead{'' if count == 1 else 's'} for good ({names})."
        else:
            text = f"Put {erasure.email} on the suppression list."
        if not erasure.wiped:
            text += f" {NOT_WIPED}"
        self.view.found.clear()
        self._say(text)
        after_erasure(self.window_, erasure.lead_ids)
        self.window_.notify(text)
        self.erased.emit(erasure)


def after_erasure(window: PrivacyWindow, lead_ids: Sequence[str]) -> None:
    """The window after leads were erased or purged: the form lets go of one of them,
    and the screens refresh (the list where it stands, as after a change made elsewhere)."""
    capture = window.capture
    if capture.lead_id is not None and capture.lead_id in lead_ids:
        capture.clear()
    window.lead_changes.report(LeadChange(outside=True))


# --- retention -------------------------------------------------------------------------


class OldLeadColumn(enum.IntEnum):
    LAST_CONTACT = 0
    NAME = enum.auto()
    COMPANY = enum.auto()
    SHOW = enum.auto()


class OldLeadsModel(RowsModel[OldLead]):
    """The leads past the retention period, longest without contact first."""

    titles = ("Last contact", "Name", "Company", "Show")

    def text(self, row: OldLead, column: int) -> str:
        kind = OldLeadColumn(column)
        if kind is OldLeadColumn.LAST_CONTACT:
            return f"{row.last_contact.astimezone():%Y-%m-%d}"
        if kind is OldLeadColumn.NAME:
            return row.lead.display_name
        if kind is OldLeadColumn.COMPANY:
            return row.lead.company
        return f"{row.lead.show} (deleted)" if row.lead.deleted else row.lead.show


def _table_view(name: str, model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class RetentionView(QWidget):
    """Layout of the retention dialog."""

    def __init__(self, model: OldLeadsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _plain_label(RETENTION_INTRO)
        self.months_label = QLabel("Retention &period:")
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setRange(1, LONGEST_RETENTION_MONTHS)
        self.months.setSuffix(" months")
        self.months.setAccessibleName("Retention period in months")
        self.months_label.setBuddy(self.months)
        self.save_button = QPushButton("&Keep this period")
        self.save_button.setObjectName("retentionSave")
        self.save_button.setToolTip("Store the period for the whole booth")
        self.table = _table_view("retentionTable", model)
        self.summary = _plain_label()
        self.summary.setObjectName("retentionSummary")
        self.purge_button = QPushButton("P&urge for good…")
        self.purge_button.setObjectName("retentionPurge")
        self.purge_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.purge_button, QDialogButtonBox.ButtonRole.ActionRole)
        period = QHBoxLayout()
        period.addWidget(self.months_label)
        period.addWidget(self.months)
        period.addWidget(self.save_button)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)


class RetentionDialog(QDialog):
    """The booth's retention period, the leads past it, and their purge."""

    def __init__(self, window: PrivacyWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle("Retention of leads")
        self.window_ = window
        self.model = OldLeadsModel(self)
        self.confirmation: QMessageBox | None = None
        self.busy = False
        self.view = RetentionView(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        view = self.view
        view.months.setValue(retention_months(window.services.database))
        view.buttons.rejected.connect(self.reject)
        view.months.valueChanged.connect(lambda _months: self.list_old())
        view.save_button.clicked.connect(self.save_period)
        view.purge_button.clicked.connect(self.ask)
        self.resize(640, 480)
        self.list_old()

    @property
    def months(self) -> int:
        return self.view.months.value()

    def list_old(self) -> None:
        """Lists the leads past the period shown (off the UI thread)."""
        database = self.window_.services.database
        months = self.months
        self.view.purge_button.setEnabled(False)
        self.window_.runner.run(
            lambda: old_leads(database, months),
            on_result=lambda leads: self._listed(months, leads),
            on_error=self._failed,
        )

    def _listed(self, months: int, leads: list[OldLead]) -> None:
        if months != self.months:
            return
        self.model.set_rows(leads)
        count = len(leads)
        noun = "lead" if count == 1 else "leads"
        self.view.summary.setText(
            f"{count} {noun} not contacted for more than {months} months."
            if count
            else f"No lead is older than {months} months."
        )
        self.view.purge_button.setEnabled(bool(count) and not self.busy)

    def save_period(self) -> None:
        try:
            months = set_retention_months(self.window_.services.database, self.months)
        except BoothError as error:
            self.view.summary.setText(f"The period was not kept: {error}")
            return
        self.window_.notify(f"The retention period is now {months} months for the whole booth.")
        self.view.summary.setText(f"The retention period is now {months} months.")

    def ask(self) -> None:
        leads = list(self.model.rows)
        if not leads or self.busy:
            return
        count = len(leads)
        names = "\n".join(f"• {old.lead.label}" for old in leads[:20])
        more = f"\n… and {count - 20} more" if count > 20 else ""
        self.confirmation = _confirm(
            self,
            "Purge old leads",
            f"Purge {count} lead{'' if count == 1 else 's'} for good?",
            f"{names}{more}\n\nTheir notes, visits, products and answers go too. This "
            "cannot be undone.",
            "Purge",
            lambda: self.run([old.id for old in leads]),
        )

    def run(self, lead_ids: list[str]) -> None:
        if self.busy:
            return
        self.busy = True
        self.view.purge_button.setEnabled(False)
        self.view.summary.setText("Purging…")
        database = self.window_.services.database
        months = self.months
        staff = _staff_name(self.window_.services)
        self.window_.runner.run(
            lambda: purge(database, lead_ids, months, staff),
            on_result=self._done,
            on_error=self._failed,
        )

    def _done(self, done: Purge) -> None:
        self.busy = False
        count = len(done.leads)
        text = f"Purged {count} lead{'' if count == 1 else 's'} for good."
        if not done.wiped:
            text += f" {NOT_WIPED}"
        self.window_.notify(text)
        after_erasure(self.window_, [lead.id for lead in done.leads])
        self.list_old()
        self.view.summary.setText(text)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, BoothError):
            self.view.summary.setText(f"Nothing was purged: {error}")
            return
        _report_bug(error)


# --- subject access --------------------------------------------------------------------

FileChooser = Callable[[QWidget, str], str]
"""Asks for the file to write (the parent, a suggested path); empty when cancelled."""


def choose_export_file(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        "Save what is held on the person",
        suggested,
        "JSON and a web page beside it (*.json)",
    )
    return path


class SubjectExportDialog(QDialog):
    """Asks for an e-mail address and a file, then writes the subject export."""

    def __init__(
        self, window: PrivacyWindow, parent: QWidget, choose_file: FileChooser | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subjectExportDialog")
        self.setWindowTitle("Export what is held on a person")
        self.window_ = window
        self.choose_file = choose_file or choose_export_file
        self.intro = _plain_label(SUBJECT_INTRO)
        label = QLabel("E-&mail address:")
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("subjectEmail")
        self.email_edit.setPlaceholderText("name@company.com")
        label.setBuddy(self.email_edit)
        self.message = _plain_label()
        self.message.setObjectName("subjectMessage")
        self.save_button = QPushButton("&Save as…")
        self.save_button.setObjectName("subjectSave")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.email_edit, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(520, 240)

    def save(self) -> None:
        email = self.email_edit.text().strip()
        if not email:
            self.message.setText("Type the person's e-mail address first.")
            return
        stem = email.split("@")[0] or "person"
        chosen = self.choose_file(self, str(Path.home() / f"personal-data-{stem}.json"))
        if not chosen:
            return
        database = self.window_.services.database
        self.message.setText("Writing…")
        self.save_button.setEnabled(False)
        self.window_.runner.run(
            lambda: write_subject_export(database, email, chosen),
            on_result=self._written,
            on_error=self._failed,
        )

    def _written(self, written: SubjectExport) -> None:
        self.save_button.setEnabled(True)
        noun = "lead" if written.leads == 1 else "leads"
        text = (
            f"Wrote what is held on {written.email} ({written.leads} {noun}) to "
            f"{written.json_path} and {written.html_path}"
        )
        self.message.setText(text)
        self.window_.notify(text)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, BoothError):
            self.message.setText(f"Nothing was written: {error}")
            return
        _report_bug(error)


# --- the audit log ---------------------------------------------------------------------


class AuditColumn(enum.IntEnum):
    AT = 0
    ACTION = enum.auto()
    STAFF = enum.auto()
    LEADS = enum.auto()
    DETAIL = enum.auto()


class AuditModel(RowsModel[AuditRow]):
    """Entries of the audit log, newest first."""

    titles = ("At", "What", "By", "Leads", "Detail")

    def text(self, row: AuditRow, column: int) -> str:
        kind = AuditColumn(column)
        if kind is AuditColumn.AT:
            return f"{row.at.astimezone():%Y-%m-%d %H:%M}"
        if kind is AuditColumn.ACTION:
            return AUDIT_ACTION_LABELS[row.action]
        if kind is AuditColumn.STAFF:
            return row.staff_name
        if kind is AuditColumn.LEADS:
            return str(row.lead_count)
        return row.detail

    def role_data(self, row: AuditRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AuditColumn.LEADS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == AuditColumn.DETAIL:
            return row.detail
        return None


class AuditLogDialog(QDialog):
    """The audit log in a table, all of it or one kind of operation."""

    def __init__(self, window: PrivacyWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle("Audit log")
        self.window_ = window
        self.model = AuditModel(self)
        label = QLabel("&Show:")
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem("Everything", "")
        for action, title in AUDIT_ACTION_LABELS.items():
            self.action_combo.addItem(title, action.value)
        label.setBuddy(self.action_combo)
        self.table = _table_view("auditTable", self.model)
        self.summary = _plain_label()
        self.summary.setObjectName("auditSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.action_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.action_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.resize(760, 460)
        self.reload()

    def reload(self) -> None:
        value = self.action_combo.currentData()
        action = AuditAction(value) if value else None
        try:
            rows = audit_log(self.window_.services.database, action)
        except BoothError as error:
            self.summary.setText(f"The audit log could not be read: {error}")
            return
        self.model.set_rows(rows)
        count = len(rows)
        self.summary.setText(f"{count} entr{'y' if count == 1 else 'ies'}.")


# --- what the main window calls ----------------------------------------------------------


class PrivacyDialogs(QObject):
    """Opens the personal-data dialogs over ``window`` (a ``MainWindow``), one of each
    kind at a time. ``choose_file`` asks where a subject export goes (tests swap it)."""

    def __init__(
        self, window: PrivacyWindow, parent: QWidget, choose_file: FileChooser | None = None
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._parent = parent
        self.choose_file = choose_file
        self.open_dialogs: dict[type[QDialog], QDialog] = {}

    def _show(self, kind: type[QDialog], make: Callable[[], QDialog]) -> QDialog:
        dialog = self.open_dialogs.get(kind)
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = make()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: self.open_dialogs.pop(kind, None))
        self.open_dialogs[kind] = dialog
        dialog.open()
        return dialog

    def open_erasure(self) -> QDialog:
        """File > Personal data > Erase a person…: by e-mail address, or the selected lead."""
        return self._show(ErasureDialog, lambda: ErasureDialog(self._window, self._parent))

    def erase_selected(self) -> QDialog:
        """Edit > Erase lead for good…: the erasure dialog, showing what erasing the lead
        selected in the list would remove."""
        dialog = self.open_erasure()
        if isinstance(dialog, ErasureDialog) and self._window.selected_lead_id() is not None:
            dialog.use_selected()
        return dialog

    def open_retention(self) -> QDialog:
        """File > Personal data > Retention of old leads…: the period, the leads past
        it, their purge."""
        return self._show(RetentionDialog, lambda: RetentionDialog(self._window, self._parent))

    def open_subject_export(self) -> QDialog:
        """File > Personal data > Export what is held on a person…"""
        return self._show(
            SubjectExportDialog,
            lambda: SubjectExportDialog(self._window, self._parent, self.choose_file),
        )

    def open_audit_log(self) -> QDialog:
        """File > Personal data > Audit log…"""
        return self._show(AuditLogDialog, lambda: AuditLogDialog(self._window, self._parent))

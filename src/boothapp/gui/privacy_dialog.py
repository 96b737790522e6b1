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
from boothapp.core.privacy.erasure import Erasure, ErasurePlan, HeldLead, erase, plan_erasure
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
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.models.rows_model import RowsModel
from boothapp.gui.vocabulary_text import vocabulary

if TYPE_CHECKING:
    from boothapp.core.services import Services
    from boothapp.gui.capture.capture_form import CaptureForm
    from boothapp.gui.changes import LeadChanges
    from boothapp.gui.tasks import TaskRunner


# The texts below are translated where they are shown: translate("privacy_dialog", ...).
NOT_WIPED = QT_TRANSLATE_NOOP(
    "privacy_dialog",
    "The database file could not be compacted yet (another program is using it, or the "
    "disk is nearly full): erased bytes may stay in its unused space until an erasure or "
    "purge compacts it; close other programs, free some space and erase the address again.",
)
SOFT_DELETE_NOTE = QT_TRANSLATE_NOOP(
    "privacy_dialog",
    "A lead deleted with Edit > Delete lead keeps everything, its notes too, so that it "
    "can be restored; erasing is the way to remove it for good.",
)
ERASE_INTRO = QT_TRANSLATE_NOOP(
    "privacy_dialog",
    "Erase a person for good when they ask: give their e-mail address to erase every "
    "lead with it, in every show, or take the lead selected in the list. The leads go "
    "with their notes, visits, products and answers, and the person's e-mail address and "
    "badge go on the suppression list, so that no scan, attendee list or merge brings "
    "them back. This cannot be undone.",
)
"""Followed by :data:`SOFT_DELETE_NOTE` in the dialog."""
RETENTION_INTRO = QT_TRANSLATE_NOOP(
    "privacy_dialog",
    "Leads not contacted (no change, no visit) within the retention period are listed "
    "here and can be purged for good. The period is kept for the whole booth, every "
    "laptop using this database. Purged people are not put on the suppression list: they "
    "can be captured again if they come back.",
)
SUBJECT_INTRO = QT_TRANSLATE_NOOP(
    "privacy_dialog",
    "Write everything held on one person (found by e-mail address, in every show) as a "
    "JSON file and, beside it, a page they can read: their leads, notes, visits, products, "
    "answers, consent, legal basis and the audit entries about them.",
)
EMAIL_EXAMPLE = "name@company.com"
"""The e-mail boxes' placeholder (an address, not translated)."""


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


def _with_not_wiped(text: str) -> str:
    """``text`` followed by :data:`NOT_WIPED`."""
    return translate("privacy_dialog", "{message} {not_wiped}").format(
        message=text, not_wiped=translate("privacy_dialog", NOT_WIPED)
    )


def held_label(lead: HeldLead) -> str:
    """``Zoé Lefèvre (Milipol Paris 2023)``, ``, deleted`` added for a deleted lead
    (``HeldLead.label`` in the window's language)."""
    text = (
        translate("privacy_dialog", "{name} ({show}, deleted)")
        if lead.deleted
        else translate("privacy_dialog", "{name} ({show})")
    )
    return text.format(name=lead.display_name, show=lead.show)


def _no_lead_summary(plan: ErasurePlan) -> str:
    """What an erasure of an address no lead holds does (``ErasurePlan.summary``)."""
    return translate(
        "privacy_dialog",
        "No lead holds {email}: the address goes on the suppression list, so that no scan, "
        "attendee list or merge brings the person in",
    ).format(email=plan.email)


def _lead_lines(plan: ErasurePlan) -> str:
    lines = [
        translate("privacy_dialog", "• {lead}").format(lead=held_label(lead)) for lead in plan.leads
    ]
    if plan.same_email_elsewhere:
        others = plan.same_email_elsewhere
        lines.append(
            (
                translate(
                    "privacy_dialog",
                    "({count} other lead with this lead's e-mail address stay: erase the "
                    "address to remove them too.)",
                )
                if others == 1
                else translate(
                    "privacy_dialog",
                    "({count} other leads with this lead's e-mail address stay: erase the "
                    "address to remove them too.)",
                )
            ).format(count=others)
        )
    if not plan.leads:
        lines.append(_no_lead_summary(plan))
    return "\n".join(lines)


# --- erasing a person ------------------------------------------------------------------


class ErasureView(QWidget):
    """Layout of the erasure dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = _plain_label(
            self.tr("{intro} {note}").format(
                intro=translate("privacy_dialog", ERASE_INTRO),
                note=translate("privacy_dialog", SOFT_DELETE_NOTE),
            )
        )
        self.email_label = QLabel(self.tr("E-&mail address:"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("erasureEmail")
        self.email_edit.setPlaceholderText(EMAIL_EXAMPLE)
        self.email_edit.setAccessibleName(self.tr("E-mail address of the person to erase"))
        self.email_label.setBuddy(self.email_edit)
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setObjectName("erasureFind")
        self.selected_button = QPushButton(self.tr("Use the &selected lead"))
        self.selected_button.setObjectName("erasureSelected")
        self.found_label = QLabel(self.tr("What will be erased:"))
        self.found = QPlainTextEdit()
        self.found.setObjectName("erasureFound")
        self.found.setReadOnly(True)
        self.found.setTabChangesFocus(True)
        self.found.setAccessibleName(self.tr("What will be erased"))
        self.found.setPlaceholderText(
            self.tr("Find a person by e-mail address, or use the selected lead.")
        )
        self.found_label.setBuddy(self.found)
        self.message = _plain_label()
        self.message.setObjectName("erasureMessage")
        self.erase_button = QPushButton(self.tr("&Erase for good…"))
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
        self.setWindowTitle(self.tr("Erase a person for good"))
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
            self._say(self.tr("Type the person's e-mail address first."))
            return
        self.look_up(email)

    def use_selected(self) -> None:
        lead_id = self.window_.selected_lead_id()
        if lead_id is None:
            self._say(self.tr("No lead is selected in the list."))
            return
        self.view.email_edit.clear()
        self.look_up(lead_id)

    def look_up(self, who: str) -> None:
        """Looks up what erasing ``who`` (an e-mail address or a lead id) would remove."""
        self._forget_plan()
        self._say(self.tr("Looking…"))
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
            self._say(
                (
                    self.tr("{count} lead will be erased for good.")
                    if count == 1
                    else self.tr("{count} leads will be erased for good.")
                ).format(count=count)
            )
        else:
            self._say(
                self.tr("No lead holds this address: it can still go on the suppression list.")
            )

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.view.erase_button.setEnabled(self.plan is not None)
        if isinstance(error, BoothError):
            self._say(self.tr("Nothing was erased: {error}").format(error=error))
            return
        _report_bug(error)

    def ask(self) -> None:
        """Asks before erasing what was found (a window-modal question)."""
        plan = self.plan
        if plan is None or self.busy:
            return
        count = len(plan.leads)
        if count:
            text = (
                self.tr("Erase {count} lead for good?")
                if count == 1
                else self.tr("Erase {count} leads for good?")
            ).format(count=count)
            details = self.tr(
                "{leads}\n\nTheir notes, visits, products and answers go too. "
                "This cannot be undone."
            ).format(leads=_lead_lines(plan))
        else:
            text = self.tr("Put {email} on the suppression list?").format(email=plan.email)
            details = _no_lead_summary(plan)
        self.confirmation = _confirm(
            self, self.tr("Erase for good"), text, details, self.tr("Erase"), self.run
        )

    def run(self) -> None:
        """Erases what was found, off the UI thread."""
        if self.target is None or self.busy:
            return
        self.busy = True
        self.view.erase_button.setEnabled(False)
        self._say(self.tr("Erasing…"))
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
            text = (
                self.tr("Erased {count} lead for good ({names}).")
                if count == 1
                else self.tr("Erased {count} leads for good ({names}).")
            ).format(count=count, names=names)
        else:
            text = self.tr("Put {email} on the suppression list.").format(email=erasure.email)
        if not erasure.wiped:
            text = _with_not_wiped(text)
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

    titles = (
        QT_TRANSLATE_NOOP("privacy_dialog", "Last contact"),
        QT_TRANSLATE_NOOP("privacy_dialog", "Name"),
        QT_TRANSLATE_NOOP("privacy_dialog", "Company"),
        QT_TRANSLATE_NOOP("privacy_dialog", "Show"),
    )

    titles_context = "privacy_dialog"

    def text(self, row: OldLead, column: int) -> str:
        kind = OldLeadColumn(column)
        if kind is OldLeadColumn.LAST_CONTACT:
            return f"{row.last_contact.astimezone():%Y-%m-%d}"
        if kind is OldLeadColumn.NAME:
            return row.lead.display_name
        if kind is OldLeadColumn.COMPANY:
            return row.lead.company
        if row.lead.deleted:
            return self.tr("{show} (deleted)").format(show=row.lead.show)
        return row.lead.show


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
        self.intro = _plain_label(translate("privacy_dialog", RETENTION_INTRO))
        self.months_label = QLabel(self.tr("Retention &period:"))
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setRange(1, LONGEST_RETENTION_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAccessibleName(self.tr("Retention period in months"))
        self.months_label.setBuddy(self.months)
        self.save_button = QPushButton(self.tr("&Keep this period"))
        self.save_button.setObjectName("retentionSave")
        self.save_button.setToolTip(self.tr("Store the period for the whole booth"))
        self.table = _table_view("retentionTable", model)
        self.summary = _plain_label()
        self.summary.setObjectName("retentionSummary")
        self.purge_button = QPushButton(self.tr("P&urge for good…"))
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
        self.setWindowTitle(self.tr("Retention of leads"))
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
        if count == 1:
            text = self.tr("{count} lead not contacted for more than {months} months.")
        elif count:
            text = self.tr("{count} leads not contacted for more than {months} months.")
        else:
            text = self.tr("No lead is older than {months} months.")
        self.view.summary.setText(text.format(count=count, months=months))
        self.view.purge_button.setEnabled(bool(count) and not self.busy)

    def save_period(self) -> None:
        try:
            months = set_retention_months(self.window_.services.database, self.months)
        except BoothError as error:
            self.view.summary.setText(
                self.tr("The period was not kept: {error}").format(error=error)
            )
            return
        self.window_.notify(
            self.tr("The retention period is now {months} months for the whole booth.").format(
                months=months
            )
        )
        self.view.summary.setText(
            self.tr("The retention period is now {months} months.").format(months=months)
        )

    def ask(self) -> None:
        leads = list(self.model.rows)
        if not leads or self.busy:
            return
        count = len(leads)
        names = "\n".join(
            translate("privacy_dialog", "• {lead}").format(lead=held_label(old.lead))
            for old in leads[:20]
        )
        if count > 20:
            names += "\n" + self.tr("… and {count} more").format(count=count - 20)
        self.confirmation = _confirm(
            self,
            self.tr("Purge old leads"),
            (
                self.tr("Purge {count} lead for good?")
                if count == 1
                else self.tr("Purge {count} leads for good?")
            ).format(count=count),
            self.tr(
                "{leads}\n\nTheir notes, visits, products and answers go too. This "
                "cannot be undone."
            ).format(leads=names),
            self.tr("Purge"),
            lambda: self.run([old.id for old in leads]),
        )

    def run(self, lead_ids: list[str]) -> None:
        if self.busy:
            return
        self.busy = True
        self.view.purge_button.setEnabled(False)
        self.view.summary.setText(self.tr("Purging…"))
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
        text = (
            self.tr("Purged {count} lead for good.")
            if count == 1
            else self.tr("Purged {count} leads for good.")
        ).format(count=count)
        if not done.wiped:
            text = _with_not_wiped(text)
        self.window_.notify(text)
        after_erasure(self.window_, [lead.id for lead in done.leads])
        self.list_old()
        self.view.summary.setText(text)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        if isinstance(error, BoothError):
            self.view.summary.setText(self.tr("Nothing was purged: {error}").format(error=error))
            return
        _report_bug(error)


# --- subject access --------------------------------------------------------------------

FileChooser = Callable[[QWidget, str], str]
"""Asks for the file to write (the parent, a suggested path); empty when cancelled."""


def choose_export_file(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("privacy_dialog", "Save what is held on the person"),
        suggested,
        translate("privacy_dialog", "JSON and a web page beside it (*.json)"),
    )
    return path


class SubjectExportDialog(QDialog):
    """Asks for an e-mail address and a file, then writes the subject export."""

    def __init__(
        self, window: PrivacyWindow, parent: QWidget, choose_file: FileChooser | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("subjectExportDialog")
        self.setWindowTitle(self.tr("Export what is held on a person"))
        self.window_ = window
        self.choose_file = choose_file or choose_export_file
        self.intro = _plain_label(translate("privacy_dialog", SUBJECT_INTRO))
        label = QLabel(self.tr("E-&mail address:"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("subjectEmail")
        self.email_edit.setPlaceholderText(EMAIL_EXAMPLE)
        label.setBuddy(self.email_edit)
        self.message = _plain_label()
        self.message.setObjectName("subjectMessage")
        self.save_button = QPushButton(self.tr("&Save as…"))
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
            self.message.setText(self.tr("Type the person's e-mail address first."))
            return
        stem = email.split("@")[0] or "person"
        chosen = self.choose_file(self, str(Path.home() / f"personal-data-{stem}.json"))
        if not chosen:
            return
        database = self.window_.services.database
        self.message.setText(self.tr("Writing…"))
        self.save_button.setEnabled(False)
        self.window_.runner.run(
            lambda: write_subject_export(database, email, chosen),
            on_result=self._written,
            on_error=self._failed,
        )

    def _written(self, written: SubjectExport) -> None:
        self.save_button.setEnabled(True)
        text = (
            self.tr("Wrote what is held on {email} ({count} lead) to {json} and {html}")
            if written.leads == 1
            else self.tr("Wrote what is held on {email} ({count} leads) to {json} and {html}")
        ).format(
            email=written.email,
            count=written.leads,
            json=written.json_path,
            html=written.html_path,
        )
        self.message.setText(text)
        self.window_.notify(text)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, BoothError):
            self.message.setText(self.tr("Nothing was written: {error}").format(error=error))
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

    titles = (
        QT_TRANSLATE_NOOP("privacy_dialog", "At"),
        QT_TRANSLATE_NOOP("privacy_dialog", "What"),
        QT_TRANSLATE_NOOP("privacy_dialog", "By"),
        QT_TRANSLATE_NOOP("privacy_dialog", "Leads"),
        QT_TRANSLATE_NOOP("privacy_dialog", "Detail"),
    )

    titles_context = "privacy_dialog"

    def text(self, row: AuditRow, column: int) -> str:
        kind = AuditColumn(column)
        if kind is AuditColumn.AT:
            return f"{row.at.astimezone():%Y-%m-%d %H:%M}"
        if kind is AuditColumn.ACTION:
            return vocabulary(AUDIT_ACTION_LABELS[row.action])
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
        self.setWindowTitle(self.tr("Audit log"))
        self.window_ = window
        self.model = AuditModel(self)
        label = QLabel(self.tr("&Show:"))
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("Everything"), "")
        for action, title in AUDIT_ACTION_LABELS.items():
            self.action_combo.addItem(vocabulary(title), action.value)
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
            self.summary.setText(
                self.tr("The audit log could not be read: {error}").format(error=error)
            )
            return
        self.model.set_rows(rows)
        count = len(rows)
        self.summary.setText(
            (self.tr("{count} entry.") if count == 1 else self.tr("{count} entries.")).format(
                count=count
            )
        )


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

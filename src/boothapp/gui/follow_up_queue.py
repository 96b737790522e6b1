"""The follow-up queue (View > Follow-ups…): every follow-up promised to the show's
leads, with its due day (overdue ones in red), status and owner; filtered by whose
(mine, everyone's, one staff member's), status (to do, done, all) and due day (overdue,
today, this week); marked done or back to do, given another due day or owner; and the
lead opened in the capture form.

The window is not modal: it stays open beside the capture form. Listing and every change
run off the UI thread (:mod:`boothapp.gui.tasks`). A change made here is reported
through :class:`~boothapp.gui.changes.LeadChanges` (the list and the counts refresh
themselves), and the queue follows the saves made elsewhere (a follow-up ticked in the
form) and the show and staff member chosen (:class:`~boothapp.gui.changes.ShowContext`).

The main window opens it with :func:`open_follow_up_queue`, passing its open-lead action.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QDate,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError
from boothapp.core.follow_ups.queue import (
    DUE_FILTER_LABELS,
    DueFilter,
    FollowUpFilter,
    FollowUpListing,
    FollowUpRow,
)
from boothapp.core.follow_ups.status import STATUS_LABELS, FollowUpStatus
from boothapp.core.schemas import EventRow, StaffRow
from boothapp.core.show_time import local_time
from boothapp.core.vocabulary import NO_STAFF_LABEL
from boothapp.gui.changes import LeadChange
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.models.rows_model import RowsModel
from boothapp.gui.palette import problem_colour, problem_style
from boothapp.gui.vocabulary_text import vocabulary

if TYPE_CHECKING:
    from boothapp.core.services import Services
    from boothapp.gui.changes import LeadChanges, ShowContext
    from boothapp.gui.tasks import TaskRunner


OBJECT_NAME = "followUpQueue"
TASK_ID_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, TASK_ID_ROLE)`` is the id of the row's task."""
LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, LEAD_ID_ROLE)`` is the id of the row's lead."""
MINE: Final = "mine"
"""The owner filter's choice for the staff member at the laptop."""
ALL_STATUSES: Final = QT_TRANSLATE_NOOP("follow_up_queue", "All")
"""The status filter's last choice, after core's statuses (translated where shown)."""


# --- the table ----------------------------------------------------------------------------


class FollowUpColumn(enum.IntEnum):
    DUE = 0
    STATUS = enum.auto()
    FOLLOW_UP = enum.auto()
    LEAD = enum.auto()
    COMPANY = enum.auto()
    OWNER = enum.auto()
    DONE_AT = enum.auto()

    @property
    def title(self) -> str:
        """The column's title in the window's language."""
        return translate("follow_up_queue", _TITLES[self])


_TITLES = {
    FollowUpColumn.DUE: QT_TRANSLATE_NOOP("follow_up_queue", "Due"),
    FollowUpColumn.STATUS: QT_TRANSLATE_NOOP("follow_up_queue", "Status"),
    FollowUpColumn.FOLLOW_UP: QT_TRANSLATE_NOOP("follow_up_queue", "Follow-up"),
    FollowUpColumn.LEAD: QT_TRANSLATE_NOOP("follow_up_queue", "Lead"),
    FollowUpColumn.COMPANY: QT_TRANSLATE_NOOP("follow_up_queue", "Company"),
    FollowUpColumn.OWNER: QT_TRANSLATE_NOOP("follow_up_queue", "Owner"),
    FollowUpColumn.DONE_AT: QT_TRANSLATE_NOOP("follow_up_queue", "Done"),
}


class FollowUpTableModel(RowsModel[FollowUpRow]):
    """The tasks of a listing, one per row, due day first; overdue ones in red."""

    titles = tuple(_TITLES[column] for column in FollowUpColumn)

    titles_context = "follow_up_queue"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.timezone = "UTC"

    def set_listing(self, listing: FollowUpListing) -> None:
        self.today = listing.today
        self.timezone = listing.show.timezone
        self.set_rows(listing.rows)

    def clear(self) -> None:
        self.set_rows([])

    def role_data(self, row: FollowUpRow, column: int, role: int) -> Any:
        if role == TASK_ID_ROLE:
            return row.id
        if role == LEAD_ID_ROLE:
            return row.lead_id
        alarming = row.is_overdue(self.today) and column in (
            FollowUpColumn.DUE,
            FollowUpColumn.STATUS,
        )
        if role == Qt.ItemDataRole.ForegroundRole:
            return problem_colour(QPalette.ColorRole.Base) if alarming else None
        if role == Qt.ItemDataRole.FontRole:
            if not alarming:
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FollowUpColumn.LEAD:
                return "\n".join(part for part in (row.lead_name, row.email, row.phone) if part)
            return self.text(row, column)
        return None

    def text(self, row: FollowUpRow, column: int) -> str:
        kind = FollowUpColumn(column)
        if kind is FollowUpColumn.DUE:
            return row.due_on.isoformat()
        if kind is FollowUpColumn.STATUS:
            return vocabulary(row.status_label(self.today))
        if kind is FollowUpColumn.FOLLOW_UP:
            return vocabulary(row.label)
        if kind is FollowUpColumn.LEAD:
            return row.lead_name
        if kind is FollowUpColumn.COMPANY:
            return row.company
        if kind is FollowUpColumn.OWNER:
            return row.owner or vocabulary(NO_STAFF_LABEL)
        if row.done_at is None:
            return ""
        done = local_time(row.done_at, self.timezone)
        if row.done_by:
            return self.tr("{moment} by {name}").format(moment=done, name=row.done_by)
        return done


# --- the layout ---------------------------------------------------------------------------


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class FollowUpQueueView(QWidget):
    """Layout of the follow-up queue: the filters, the table, the changes, the buttons."""

    def __init__(self, model: FollowUpTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner_filter = QComboBox()
        self.owner_filter.setObjectName("followUpOwnerFilter")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("followUpStatusFilter")
        for status, label in STATUS_LABELS.items():
            self.status_filter.addItem(vocabulary(label), status)
        self.status_filter.addItem(translate("follow_up_queue", ALL_STATUSES), None)
        self.due_filter = QComboBox()
        self.due_filter.setObjectName("followUpDueFilter")
        for due, text in DUE_FILTER_LABELS.items():
            self.due_filter.addItem(vocabulary(text), due)
        filters = QHBoxLayout()
        filters.addWidget(_labelled(self.tr("&For:"), self.owner_filter))
        filters.addWidget(self.owner_filter)
        filters.addWidget(_labelled(self.tr("S&tatus:"), self.status_filter))
        filters.addWidget(self.status_filter)
        filters.addWidget(_labelled(self.tr("Du&e:"), self.due_filter))
        filters.addWidget(self.due_filter)
        filters.addStretch(1)

        self.table = QTableView()
        self.table.setObjectName("followUpTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setObjectName("followUpSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setObjectName("followUpDone")
        self.to_do_button = QPushButton(self.tr("&Undo done"))
        self.to_do_button.setObjectName("followUpToDo")
        self.to_do_button.setToolTip(self.tr("Put the selected follow-ups back to do"))
        self.open_button = QPushButton(self.tr("&Open lead"))
        self.open_button.setObjectName("followUpOpenLead")
        marking = QHBoxLayout()
        marking.addWidget(self.done_button)
        marking.addWidget(self.to_do_button)
        marking.addStretch(1)
        marking.addWidget(self.open_button)

        self.due_edit = QDateEdit()
        self.due_edit.setObjectName("followUpDueEdit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(QDate.currentDate())
        self.due_button = QPushButton(self.tr("&Change due day"))
        self.due_button.setObjectName("followUpSetDue")
        self.owner_edit = QComboBox()
        self.owner_edit.setObjectName("followUpOwnerEdit")
        self.owner_button = QPushButton(self.tr("&Set owner"))
        self.owner_button.setObjectName("followUpSetOwner")
        changing = QHBoxLayout()
        changing.addWidget(_labelled(self.tr("Due da&y:"), self.due_edit))
        changing.addWidget(self.due_edit)
        changing.addWidget(self.due_button)
        changing.addSpacing(24)
        changing.addWidget(_labelled(self.tr("O&wner:"), self.owner_edit))
        changing.addWidget(self.owner_edit, 1)
        changing.addWidget(self.owner_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(marking)
        layout.addLayout(changing)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


# --- the behaviour ------------------------------------------------------------------------


def _plural(count: int) -> str:
    text = (
        translate("follow_up_queue", "{count} follow-up")
        if count == 1
        else translate("follow_up_queue", "{count} follow-ups")
    )
    return text.format(count=count)


def _index_of(combo: QComboBox, data: object) -> int:
    """The index of the item holding ``data`` (None too), else -1."""
    for index in range(combo.count()):
        if combo.itemData(index) == data:
            return index
    return -1


class FollowUpQueue(QDialog):
    """The follow-up queue of the active show over ``services``, on ``runner``.

    ``open_lead_requested(lead_id)`` when a row is activated (double click, Enter, Open
    lead); ``changed()`` after a change made here (also reported to ``lead_changes``).
    With ``context`` the queue follows the show and staff member chosen in the window,
    and with ``lead_changes`` the saves made elsewhere."""

    open_lead_requested = Signal(str)
    changed = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        lead_changes: LeadChanges | None = None,
        context: ShowContext | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.services = services
        self.runner = runner
        self.lead_changes = lead_changes
        self.context = context
        self.listing: FollowUpListing | None = None
        self.busy = False
        self._loads = 0
        """How many listings were asked for: only the answer to the last one is shown."""
        self.show_row: EventRow | None = None
        self.staff: StaffRow | None = None
        self.model = FollowUpTableModel(self)
        self.view = FollowUpQueueView(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        view = self.view
        view.buttons.rejected.connect(self.reject)
        for combo in (view.owner_filter, view.status_filter, view.due_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        view.table.doubleClicked.connect(lambda _index: self.open_selected())
        view.table.activated.connect(lambda _index: self.open_selected())
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_enabled)
        view.done_button.clicked.connect(lambda: self.mark_done())
        view.to_do_button.clicked.connect(lambda: self.mark_to_do())
        view.due_button.clicked.connect(lambda: self.set_due())
        view.owner_button.clicked.connect(lambda: self.set_owner())
        view.open_button.clicked.connect(lambda: self.open_selected())
        if lead_changes is not None:
            lead_changes.changed.connect(self.reload)
        if context is not None:
            context.changed.connect(self.follow_context)
        self.resize(900, 560)
        self.follow_context()

    # --- the show, the staff and the filters ------------------------------------------

    def follow_context(self) -> None:
        """Reads the show, the staff member at the laptop and the staff list again (from
        the window's context, else from the services), then the queue."""
        if self.context is not None:
            show, staff, staff_list = self.context.show, self.context.staff, self.context.staff_list
        else:
            show = self.services.events.active()
            staff = self.services.staff.current()
            staff_list = self.services.staff.list()
        self.show_row = show
        self.staff = staff
        self.setWindowTitle(
            self.tr("Follow-ups — {show}").format(show=show.name)
            if show is not None
            else self.tr("Follow-ups")
        )
        self._fill_owners(staff_list)
        self.reload()

    def _fill_owners(self, staff_list: Sequence[StaffRow]) -> None:
        view = self.view
        chosen = view.owner_filter.currentData() if view.owner_filter.count() else None
        if view.owner_filter.count() == 0:
            chosen = MINE if self.staff is not None else None
        view.owner_filter.blockSignals(True)
        view.owner_filter.clear()
        view.owner_filter.addItem(self.tr("Mine"), MINE)
        view.owner_filter.addItem(self.tr("Everyone"), None)
        for member in staff_list:
            view.owner_filter.addItem(member.name, member.id)
        found = _index_of(view.owner_filter, chosen)
        view.owner_filter.setCurrentIndex(found if found >= 0 else 1)
        view.owner_filter.blockSignals(False)
        owner = view.owner_edit.currentData()
        view.owner_edit.clear()
        view.owner_edit.addItem(vocabulary(NO_STAFF_LABEL), None)
        for member in staff_list:
            view.owner_edit.addItem(member.name, member.id)
        found = _index_of(view.owner_edit, owner if owner is not None else self._staff_id())
        view.owner_edit.setCurrentIndex(max(found, 0))

    def _staff_id(self) -> int | None:
        return self.staff.id if self.staff is not None else None

    def current_filter(self) -> FollowUpFilter | None:
        """The filter the combo boxes choose; None when "Mine" is chosen with nobody at
        the laptop (nothing to list)."""
        view = self.view
        owner = view.owner_filter.currentData()
        if owner == MINE:
            owner = self._staff_id()
            if owner is None:
                return None
        # Qt gives the enums' values back as plain text.
        status = view.status_filter.currentData()
        due = view.due_filter.currentData()
        return FollowUpFilter(
            event_id=self.show_row.id if self.show_row is not None else None,
            owner_id=owner if isinstance(owner, int) else None,
            status=FollowUpStatus(status) if status else None,
            due=DueFilter(due) if due else DueFilter.ANY,
        )

    def set_filters(
        self,
        owner: int | str | None = None,
        status: FollowUpStatus | None = FollowUpStatus.TODO,
        due: DueFilter = DueFilter.ANY,
    ) -> None:
        """Chooses the filters (``owner``: ``MINE``, None for everyone, or a staff id)
        and lists the queue once."""
        view = self.view
        combos = (view.owner_filter, view.status_filter, view.due_filter)
        for combo in combos:
            combo.blockSignals(True)
        view.owner_filter.setCurrentIndex(max(_index_of(view.owner_filter, owner), 0))
        view.status_filter.setCurrentIndex(max(_index_of(view.status_filter, status), 0))
        view.due_filter.setCurrentIndex(max(_index_of(view.due_filter, due), 0))
        for combo in combos:
            combo.blockSignals(False)
        self.reload()

    # --- listing ----------------------------------------------------------------------

    def reload(self) -> None:
        """Lists the queue again (off the UI thread), keeping the selected tasks."""
        chosen = self.current_filter()
        if self.show_row is None or chosen is None:
            self._loads += 1
            self.listing = None
            self.model.clear()
            self.view.summary.setText(
                self.tr("No show yet.")
                if self.show_row is None
                else self.tr(
                    "Nobody is at this laptop: choose who you are, or list everyone's follow-ups."
                )
            )
            return
        self._loads += 1
        load = self._loads
        follow_ups = self.services.follow_ups
        self.runner.run(
            lambda: follow_ups.list(chosen),
            on_result=lambda listing: self._listed(load, listing),
            on_error=self._failed,
        )

    def _listed(self, load: int, listing: FollowUpListing) -> None:
        if load != self._loads:
            return
        selected = set(self.selected_task_ids())
        self.listing = listing
        self.model.set_listing(listing)
        selection = self.view.table.selectionModel()
        for row, task in enumerate(self.model.rows):
            if task.id in selected:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        counted = _plural(len(listing.rows))
        if listing.overdue:
            counted = self.tr("{follow_ups}, {count} overdue").format(
                follow_ups=counted, count=listing.overdue
            )
        self.view.summary.setText(
            self.tr("{follow_ups} (today is {day})").format(
                follow_ups=counted, day=listing.today.isoformat()
            )
        )

    # --- the selection ----------------------------------------------------------------

    def selected_rows(self) -> list[FollowUpRow]:
        rows = sorted({index.row() for index in self.view.table.selectionModel().selectedRows()})
        return [task for row in rows if (task := self.model.row_at(row)) is not None]

    def selected_task_ids(self) -> list[int]:
        return [task.id for task in self.selected_rows()]

    def select_tasks(self, task_ids: Sequence[int]) -> None:
        """Selects the rows of ``task_ids`` (those listed)."""
        table = self.view.table
        table.clearSelection()
        selection = table.selectionModel()
        for row, task in enumerate(self.model.rows):
            if task.id in task_ids:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _selection_changed(self) -> None:
        chosen = self.selected_rows()
        if chosen:
            due = chosen[0].due_on
            self.view.due_edit.setDate(QDate(due.year, due.month, due.day))
            owner = _index_of(self.view.owner_edit, chosen[0].owner_id)
            self.view.owner_edit.setCurrentIndex(max(owner, 0))
        self._update_enabled()

    def _update_enabled(self) -> None:
        view = self.view
        chosen = self.selected_rows()
        writable = self.services.database.writable and not self.busy
        view.done_button.setEnabled(
            writable and any(t.status is FollowUpStatus.TODO for t in chosen)
        )
        view.to_do_button.setEnabled(
            writable and any(t.status is FollowUpStatus.DONE for t in chosen)
        )
        for button in (view.due_button, view.owner_button):
            button.setEnabled(writable and bool(chosen))
        view.open_button.setEnabled(len({task.lead_id for task in chosen}) == 1)

    # --- changing ---------------------------------------------------------------------

    def mark_done(self) -> None:
        """Marks the selected tasks done, by the staff member at the laptop."""
        ids = self.selected_task_ids()
        staff = self._staff_id()
        follow_ups = self.services.follow_ups
        self._change(
            ids,
            lambda: follow_ups.mark_done(ids, staff),
            lambda count: (
                self.tr("Marked {count} follow-up done.")
                if count == 1
                else self.tr("Marked {count} follow-ups done.")
            ).format(count=count),
        )

    def mark_to_do(self) -> None:
        """Puts the selected tasks marked done back to do."""
        ids = self.selected_task_ids()
        follow_ups = self.services.follow_ups
        self._change(
            ids,
            lambda: follow_ups.mark_to_do(ids),
            lambda count: (
                self.tr("Put {count} follow-up back to do.")
                if count == 1
                else self.tr("Put {count} follow-ups back to do.")
            ).format(count=count),
        )

    def set_due(self, day: date | None = None) -> None:
        """Gives the selected tasks the due day of the date box (or ``day``)."""
        ids = self.selected_task_ids()
        chosen = day if day is not None else self.view.due_edit.date().toPython()
        assert isinstance(chosen, date)
        follow_ups = self.services.follow_ups
        self._change(
            ids,
            lambda: follow_ups.set_due(ids, chosen),
            lambda count: (
                self.tr("{count} follow-up now due on {day}.")
                if count == 1
                else self.tr("{count} follow-ups now due on {day}.")
            ).format(count=count, day=chosen.isoformat()),
        )

    def set_owner(self) -> None:
        """Gives the selected tasks to the staff member of the owner box."""
        ids = self.selected_task_ids()
        owner = self.view.owner_edit.currentData()
        owner_id = owner if isinstance(owner, int) else None
        name = self.view.owner_edit.currentText()
        follow_ups = self.services.follow_ups
        self._change(
            ids,
            lambda: follow_ups.set_owner(ids, owner_id),
            lambda count: (
                self.tr("{count} follow-up now owned by {name}.")
                if count == 1
                else self.tr("{count} follow-ups now owned by {name}.")
            ).format(count=count, name=name),
        )

    def _change(
        self, ids: Sequence[int], work: Callable[[], int], done_text: Callable[[int], str]
    ) -> None:
        """Runs ``work`` over the tasks ``ids``; ``done_text(count)`` says what it did."""
        if not ids or self.busy:
            return
        self.busy = True
        self._update_enabled()
        self._say(self.tr("Saving…"))
        self.runner.run(
            work,
            on_result=lambda count: self._changed(done_text(count)),
            on_error=self._failed,
        )

    def _changed(self, text: str) -> None:
        self.busy = False
        self._say(text)
        self.changed.emit()
        if self.lead_changes is not None:
            self.lead_changes.report(LeadChange(outside=True))  # the queue reloads with it
        else:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self._update_enabled()
        if isinstance(error, BoothError):
            self._say(self.tr("Nothing was changed: {error}").format(error=error), problem=True)
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def _say(self, text: str, problem: bool = False) -> None:
        self.view.message.setText(text)
        self.view.message.setStyleSheet(problem_style() if problem else "")

    # --- opening the lead ---------------------------------------------------------------

    def open_selected(self) -> None:
        """Asks the window to open the lead of the selected row(s) (one lead)."""
        leads = {task.lead_id for task in self.selected_rows()}
        if len(leads) == 1:
            self.open_lead_requested.emit(leads.pop())


def open_follow_up_queue(
    parent: QWidget,
    services: Services,
    runner: TaskRunner,
    lead_changes: LeadChanges | None = None,
    context: ShowContext | None = None,
    open_lead: Callable[[str], object] | None = None,
) -> FollowUpQueue:
    """Opens the follow-up queue over ``parent`` (not modal, deleted when closed), or
    raises the one already open. ``open_lead(lead_id)`` is called when a lead is to be
    opened (the window's open-lead action); ``lead_changes`` and ``context`` as for
    :class:`FollowUpQueue`."""
    existing = parent.findChild(FollowUpQueue, OBJECT_NAME)
    if isinstance(existing, FollowUpQueue):
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    queue = FollowUpQueue(services, runner, lead_changes, context, parent)
    queue.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Closed, it is deleted a moment later: the next call makes a new one.
    queue.finished.connect(lambda _result: queue.setObjectName(""))
    if open_lead is not None:
        queue.open_lead_requested.connect(open_lead)
    queue.show()
    return queue

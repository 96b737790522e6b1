"""The lead list beside the capture form: the table and its model, the search box and
the filter bar, the columns' widths, the selection, deleting and bringing back.

The list follows :class:`~boothapp.gui.changes.ShowContext` (another show or staff
member) and :class:`~boothapp.gui.changes.LeadChanges` (a save, scan, delete, undo or
import) by itself; after every loading it says what it shows through ``listed``, which
the status bar counts from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView

from boothapp.core.schemas import EventRow, LeadFilter, LeadRow
from boothapp.core.services import Services
from boothapp.core.vocabulary import RATING_LABELS, SOURCE_LABELS
from boothapp.gui.changes import LeadChange, LeadChanges, ShowContext
from boothapp.gui.filter_bar import FilterBar
from boothapp.gui.models.lead_table import LEAD_ID_ROLE, Column, LeadTableModel
from boothapp.gui.vocabulary_text import vocabulary

if TYPE_CHECKING:
    from boothapp.gui.views.main_view import MainView

SEARCH_DELAY_MS = 150
COLUMNS_KEY = "main_window/lead_columns"
# Columns that share the room left by the fixed ones, and their shares.
_FLEXIBLE_COLUMNS = {
    Column.NAME: 2.8,
    Column.COMPANY: 3.0,
    Column.JOB_TITLE: 2.4,
    Column.EMAIL: 3.4,
    Column.COUNTRY: 1.8,
    Column.CITY: 1.7,
    Column.STAFF: 2.0,
}
# A list narrower than this (the form beside it on a 1366x768 laptop) leaves out the job
# title, the country and the city, so that names, e-mails, rating, staff and source show.
NARROW_LIST = 900
_NARROW_HIDDEN = (Column.JOB_TITLE, Column.COUNTRY, Column.CITY)


def _fixed_columns() -> dict[Column, tuple[str, ...]]:
    """Sample texts that fixed-width columns must show in full (the title, each
    rating's and each source's label), in the window's language."""
    return {
        Column.CAPTURED_AT: ("2025-11-18 14:05",),
        Column.RATING: (
            Column.RATING.title,
            *(vocabulary(label) for label in RATING_LABELS.values()),
        ),
        Column.SOURCE: tuple(vocabulary(label) for label in SOURCE_LABELS.values()),
    }


@dataclass(frozen=True)
class Listing:
    """What the list shows, for the status bar's counts: ``known`` is the number of
    matching leads when every one is loaded; ``filtered``: the filter bar narrows it."""

    show: EventRow | None
    staff_id: int | None
    search: str
    known: int | None
    lead_filter: LeadFilter | None
    filtered: bool


class LeadList(QObject):
    """The list part of ``view`` for the show of ``context``.

    Signals: ``listed(Listing)`` after the list was loaded or a row taken out;
    ``open_requested(lead_id)`` when a lead is activated (Enter, double click, Open lead);
    ``actions_changed()`` when the selection or the deleted leads changed;
    ``message(text, on_undo)`` with a line for the status bar and what its Undo does."""

    listed = Signal(object)
    open_requested = Signal(str)
    actions_changed = Signal()
    message = Signal(str, object)

    def __init__(
        self,
        services: Services,
        view: MainView,
        context: ShowContext,
        lead_changes: LeadChanges,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.view = view
        self.context = context
        self.lead_changes = lead_changes
        self.deleted: list[tuple[str, str]] = []
        self.columns_set_by_user = False
        self._fitting_columns = False
        self.started = False

        self.filter_bar = FilterBar()
        view.set_filter_bar(self.filter_bar, self.filter_bar.focus_chain())
        self.model = LeadTableModel(services.leads, parent=self)
        table = view.table
        table.setModel(self.model)
        table.horizontalHeader().setSortIndicator(Column.CAPTURED_AT, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        self._viewport = table.viewport()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._connect()

    def _connect(self) -> None:
        view = self.view
        view.search_edit.textChanged.connect(self._search_timer.start)
        view.search_edit.returnPressed.connect(self._search_entered)
        self._search_timer.timeout.connect(self.apply_search)
        view.list_message.button.clicked.connect(self.clear_search_and_filters)
        self.filter_bar.changed.connect(self.apply_search)
        view.table.activated.connect(self._open_index)
        view.table.selectionModel().selectionChanged.connect(self.actions_changed)
        self.model.modelReset.connect(self.actions_changed)
        header = view.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sectionResized.connect(self._section_resized)
        self._viewport.installEventFilter(self)
        view.search_edit.installEventFilter(self)
        self.context.changed.connect(self._follow_context)
        self.lead_changes.reported.connect(self._follow_change)

    def finish_start_up(self) -> None:
        """Fills the filter bar's lists, then says what the list shows (the status bar
        counts from then on)."""
        self.started = True
        self._fill_filter_choices()
        self._listed()

    # --- following the show and the leads ------------------------------------------------

    def _follow_context(self) -> None:
        selected = self.selected_lead_id()
        show = self.context.show
        if show is None:
            self.model.set_filter(None)
            self._listed()
            return
        if self.started:
            self._fill_filter_choices()
        self.model.set_timezone(show.timezone)
        self.load(keep_loaded=True)
        if selected is not None:
            self.select_lead(selected)

    def _follow_change(self, change: LeadChange) -> None:
        lead_id = change.lead_id
        if change.outside:
            self._reload_in_place()
        elif change.removed and lead_id is not None:
            self.model.remove_lead(lead_id)
            self._listed()
        elif change.deferred and lead_id is not None:
            QTimer.singleShot(0, self, lambda: self._show_lead(lead_id))
        else:
            self._show_lead(lead_id)

    def _reload_in_place(self) -> None:
        """Reloads the list, keeping the selected lead selected (when it is still listed)
        and the rows where they were on screen."""
        if self.context.show is None:
            return
        table = self.view.table
        selected = self.selected_lead_id()
        scrolled = table.verticalScrollBar().value()
        self.load(keep_loaded=True)
        if selected is not None:
            row = self.model.row_of(selected)
            if row is not None:
                table.selectRow(row)
        table.verticalScrollBar().setValue(scrolled)

    def _show_lead(self, lead_id: str | None) -> None:
        """Reloads the list and selects ``lead_id`` in it."""
        if self.context.show is None:
            return
        self.load(keep_loaded=True)
        if lead_id is not None:
            self.select_lead(lead_id)

    def _fill_filter_choices(self) -> None:
        show = self.context.show
        if show is None:
            return
        with QSignalBlocker(self.filter_bar):
            self.filter_bar.set_choices(
                self.services.products.list(event_id=show.id),
                self.services.staff.list(event_id=show.id, include_inactive=True),
                self.context.staff,
            )

    # --- loading ----------------------------------------------------------------------

    def _current_filter(self) -> LeadFilter | None:
        """The show, the search text and the filter bar's choices."""
        show = self.context.show
        if show is None:
            return None
        base = LeadFilter(event_id=show.id, search=self.search_text())
        return self.filter_bar.filters().narrow(base, show.timezone, self.context.staff_id)

    def load(self, keep_loaded: bool = False) -> None:
        """Loads the leads of the show, the search and the filters (with ``keep_loaded``,
        as many as were loaded when the filter is the same)."""
        wanted = self._current_filter()
        if keep_loaded and wanted == self.model.lead_filter:
            self.model.reload(keep_loaded=True)
        else:
            self.model.set_filter(wanted)
        self._listed()

    def _listed(self) -> None:
        show = self.context.show
        if show is not None:
            self._update_list_area()
        model = self.model
        self.listed.emit(
            Listing(
                show=show,
                staff_id=self.context.staff_id,
                search=self.search_text(),
                known=model.rowCount() if model.is_complete() else None,
                lead_filter=model.lead_filter,
                filtered=self.filter_bar.filters().active,
            )
        )

    def _update_list_area(self) -> None:
        """The table, or a message when it would be empty (known without counting)."""
        if self.model.rowCount() > 0 or not self.model.is_complete():
            self.view.show_table()
            return
        search = self.search_text()
        if self.filter_bar.filters().active:
            self.view.show_list_message(
                self.tr("No leads match the filters and “{search}”").format(search=search)
                if search
                else self.tr("No leads match the filters"),
                self.tr("The filters above the list hide every lead of this show."),
                self.tr("Clear search and filters") if search else self.tr("Clear filters"),
            )
        elif search:
            self.view.show_list_message(
                self.tr("No leads match “{search}”").format(search=search),
                self.tr(
                    "Try fewer or shorter words: each word matches the start of a name, "
                    "company, e-mail, city or note."
                ),
                self.tr("Clear search"),
            )
        else:
            self.view.show_list_message(
                self.tr("No leads yet"),
                self.tr("Leads captured at this show will be listed here, newest first."),
            )

    # --- searching --------------------------------------------------------------------

    def search_text(self) -> str:
        return self.view.search_edit.text().strip()

    def apply_search(self) -> None:
        """Filters the list by the search box now (typing does it after a short pause)."""
        self._search_timer.stop()
        if self.context.show is not None:
            self.load()

    def focus_search(self) -> None:
        self.view.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search_edit.selectAll()

    def clear_search(self) -> None:
        self.view.search_edit.clear()
        self.apply_search()
        self.focus_search()

    def clear_search_and_filters(self) -> None:
        """What the empty list's button does: shows the whole show again."""
        with QSignalBlocker(self.filter_bar):
            self.filter_bar.clear()
        self.clear_search()

    def _search_entered(self) -> None:
        self.apply_search()
        if self.model.rowCount() > 0:
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.table.selectRow(0)

    # --- the selection ------------------------------------------------------------------

    def selected_lead_id(self) -> str | None:
        index = self.view.table.currentIndex()
        selection = self.view.table.selectionModel()
        if not index.isValid() or not selection.isRowSelected(index.row(), QModelIndex()):
            return None
        value = self.model.data(index, LEAD_ID_ROLE)
        return str(value) if value is not None else None

    def selected_lead(self) -> LeadRow | None:
        lead_id = self.selected_lead_id()
        row = self.model.row_of(lead_id) if lead_id is not None else None
        return self.model.lead_at(row) if row is not None else None

    def select_lead(self, lead_id: str) -> bool:
        """Selects and shows the row of ``lead_id`` if it is in the loaded part of the list."""
        row = self.model.row_of(lead_id)
        if row is None:
            return False
        self.view.table.selectRow(row)
        self.view.table.scrollTo(self.model.index(row, 0))
        return True

    def open_selected(self) -> None:
        index = self.view.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        lead_id = index.data(LEAD_ID_ROLE)
        if lead_id is not None:
            self.open_requested.emit(str(lead_id))

    # --- deleting and bringing back ------------------------------------------------------

    def delete_selected(self) -> None:
        """Soft-deletes the selected lead; Undo (Ctrl+Z) brings it back."""
        lead = self.selected_lead()
        if lead is None:
            return
        row = self.view.table.currentIndex().row()
        self._delete(lead.id, lead.display_name)
        if self.model.rowCount() > 0:
            self.view.table.selectRow(min(row, self.model.rowCount() - 1))
        self.message.emit(
            self.tr("Deleted “{name}”.").format(name=lead.display_name), self.undo_delete
        )

    def take_back(self, lead_id: str, name: str) -> None:
        """Takes back a lead just saved (soft delete: Undo delete brings it back)."""
        self._delete(lead_id, name)
        self.message.emit(self.tr("Removed “{name}”.").format(name=name), self.undo_delete)

    def _delete(self, lead_id: str, name: str) -> None:
        self.services.leads.delete(lead_id)
        self.deleted.append((lead_id, name))
        self.lead_changes.report(LeadChange(lead_id, removed=True))
        self.actions_changed.emit()

    def undo_delete(self) -> None:
        if not self.deleted:
            return
        lead_id, name = self.deleted.pop()
        self.services.leads.restore(lead_id)
        self.lead_changes.report(LeadChange(lead_id))
        self.actions_changed.emit()
        self.message.emit(self.tr("Restored “{name}”.").format(name=name), None)

    # --- columns ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif (
            watched is self.view.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.selected_lead_id() is None:
                self.view.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if 0 <= section < len(Column) and Column(section).sort_key is not None:
            return
        order = (
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.view.table.horizontalHeader()
        with QSignalBlocker(header):
            header.setSortIndicator(self.model.sort_column, order)
        header.viewport().update()

    def fit_columns(self) -> None:
        """Shares the table's width among the columns until the user resizes one."""
        if self.columns_set_by_user:
            return
        table = self.view.table
        metrics = table.fontMetrics()
        padding = 28
        fixed = {
            column: max(metrics.horizontalAdvance(sample) for sample in samples) + padding
            for column, samples in _fixed_columns().items()
        }
        fixed[Column.RATING] += 24
        room = table.viewport().width() - sum(fixed.values())
        header = table.horizontalHeader()
        narrow = table.viewport().width() < NARROW_LIST
        flexible = {
            column: share
            for column, share in _FLEXIBLE_COLUMNS.items()
            if not (narrow and column in _NARROW_HIDDEN)
        }
        shares = sum(flexible.values())
        minimum = metrics.horizontalAdvance("x" * 8) + padding
        self._fitting_columns = True
        try:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column in _NARROW_HIDDEN:
                header.setSectionHidden(column, narrow)
            for column, width in fixed.items():
                header.resizeSection(column, width)
            for column, share in flexible.items():
                header.resizeSection(column, max(minimum, int(room * share / shares)))
        finally:
            self._fitting_columns = False

    def _section_resized(self, _index: int, _old: int, _new: int) -> None:
        table = self.view.table
        if (
            not self._fitting_columns
            and table.window().isVisible()
            and table.horizontalHeader().underMouse()
        ):
            self.columns_set_by_user = True

    def restore_columns(self, settings: QSettings) -> None:
        """The columns as the user left them, if they were resized by hand."""
        stored = settings.value(COLUMNS_KEY)
        if isinstance(stored, QByteArray) and not stored.isEmpty():
            header = self.view.table.horizontalHeader()
            self.columns_set_by_user = header.restoreState(stored)

    def save_columns(self, settings: QSettings) -> None:
        if self.columns_set_by_user:
            settings.setValue(COLUMNS_KEY, self.view.table.horizontalHeader().saveState())

"""The lead list: a lazy table model over ``LeadService.list``.

Only the pages scrolled to are loaded (``PAGE_SIZE`` rows each, through
``canFetchMore``/``fetchMore``); ``rowCount`` is what is loaded. A page shorter than
``PAGE_SIZE`` ends the list, so paging needs no count; ``total()`` counts the matches
in the database only when asked before the end is loaded. Sorting is done by the
database, so clicking a header reloads from the first page.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from boothapp.core.schemas import LeadFilter, LeadRow
from boothapp.core.services.leads import LeadService
from boothapp.core.vocabulary import SOURCE_LABELS, Rating, rating_label
from boothapp.gui.formatting import country_name, local_time
from boothapp.gui.i18n import translate
from boothapp.gui.palette import rating_colour
from boothapp.gui.vocabulary_text import vocabulary

PAGE_SIZE = 200

LEAD_ID_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, LEAD_ID_ROLE)`` is the id (a UUID string) of the row's lead."""

_Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    CAPTURED_AT = 0
    NAME = enum.auto()
    COMPANY = enum.auto()
    JOB_TITLE = enum.auto()
    EMAIL = enum.auto()
    COUNTRY = enum.auto()
    CITY = enum.auto()
    RATING = enum.auto()
    STAFF = enum.auto()
    SOURCE = enum.auto()

    @property
    def title(self) -> str:
        """The column's header, in the window's language."""
        return translate("LeadTableModel", str(_TITLES[self]))

    @property
    def sort_key(self) -> str | None:
        """The ``order_by`` name of ``LeadService.list`` for this column; None: not sortable."""
        return _SORT_KEYS.get(self)


_TITLES = {
    Column.CAPTURED_AT: QT_TRANSLATE_NOOP("LeadTableModel", "Captured at"),
    Column.NAME: QT_TRANSLATE_NOOP("LeadTableModel", "Name"),
    Column.COMPANY: QT_TRANSLATE_NOOP("LeadTableModel", "Company"),
    Column.JOB_TITLE: QT_TRANSLATE_NOOP("LeadTableModel", "Job title"),
    Column.EMAIL: QT_TRANSLATE_NOOP("LeadTableModel", "E-mail"),
    Column.COUNTRY: QT_TRANSLATE_NOOP("LeadTableModel", "Country"),
    Column.CITY: QT_TRANSLATE_NOOP("LeadTableModel", "City"),
    Column.RATING: QT_TRANSLATE_NOOP("LeadTableModel", "Rating"),
    Column.STAFF: QT_TRANSLATE_NOOP("LeadTableModel", "Staff"),
    Column.SOURCE: QT_TRANSLATE_NOOP("LeadTableModel", "Source"),
}

_SORT_KEYS = {
    Column.CAPTURED_AT: "created_at",
    Column.NAME: "first_name",
    Column.COMPANY: "company",
    Column.JOB_TITLE: "job_title",
    Column.EMAIL: "email",
    Column.COUNTRY: "country",
    Column.CITY: "city",
    Column.RATING: "rating",
    Column.SOURCE: "source",
}


def _dot(colour: QColor, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class LeadTableModel(QAbstractTableModel):
    """The leads matching a filter, newest first unless sorted otherwise."""

    def __init__(
        self,
        leads: LeadService,
        timezone: str = "UTC",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._leads = leads
        self._timezone = timezone
        self._filter: LeadFilter | None = None
        self._rows: list[LeadRow] = []
        self._ids: set[str] = set()
        self._complete = True
        self._count: int | None = 0
        self._sort_column = Column.CAPTURED_AT
        self._descending = True
        self._dots: dict[tuple[Rating, str], QIcon] = {}
        self._announcing = False

    # --- what is shown ----------------------------------------------------------

    @property
    def lead_filter(self) -> LeadFilter | None:
        return self._filter

    @property
    def timezone(self) -> str:
        return self._timezone

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def total(self) -> int:
        """How many leads match the filter, loaded or not (counted once if need be)."""
        if self._complete:
            return len(self._rows)
        if self._count is None:
            self._count = self._leads.count(self._filter) if self._filter is not None else 0
        return max(self._count, len(self._rows))

    def is_complete(self) -> bool:
        """Whether every matching lead is loaded (``total()`` is then ``rowCount()``)."""
        return self._complete

    def set_filter(self, lead_filter: LeadFilter | None) -> None:
        """Shows the leads matching ``lead_filter`` (None: nothing), from the first page."""
        self._filter = lead_filter
        self.reload()

    def set_timezone(self, timezone: str) -> None:
        """Shows capture times in ``timezone`` (the show's)."""
        if timezone == self._timezone:
            return
        self._timezone = timezone
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.CAPTURED_AT),
                self.index(len(self._rows) - 1, Column.CAPTURED_AT),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def reload(self, keep_loaded: bool = False) -> None:
        """Reads the leads again; with ``keep_loaded``, as many rows as were loaded."""
        limit = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        rows = self._query(limit)
        with self._announcing_change():
            self.beginResetModel()
            self._rows = rows
            self._ids = {row.id for row in rows}
            self._complete = len(rows) < limit
            self._count = None
            self.endResetModel()

    @contextmanager
    def _announcing_change(self) -> Iterator[None]:
        """No fetching while a change is announced: a listener that fetched (a view, the
        model tester) would insert rows before the other listeners heard of the change."""
        self._announcing = True
        try:
            yield
        finally:
            self._announcing = False

    def _query(self, limit: int) -> list[LeadRow]:
        if self._filter is None:
            return []
        sort_key = self._sort_column.sort_key or "created_at"
        return self._leads.list(
            self._filter, offset=0, limit=limit, order_by=sort_key, descending=self._descending
        )

    def lead_at(self, row: int) -> LeadRow:
        return self._rows[row]

    def row_of(self, lead_id: str) -> int | None:
        """The row showing ``lead_id`` if it is loaded."""
        if lead_id not in self._ids:
            return None
        return next(i for i, row in enumerate(self._rows) if row.id == lead_id)

    def remove_lead(self, lead_id: str) -> bool:
        """Takes a lead out of the list (after it was deleted) without reloading."""
        row = self.row_of(lead_id)
        if row is None:
            return False
        with self._announcing_change():
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._ids.discard(lead_id)
            if self._count is not None:
                self._count = max(0, self._count - 1)
            self.endRemoveRows()
        return True

    # --- QAbstractTableModel ----------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _Index) -> bool:
        if parent.isValid() or self._announcing:
            return False
        return not self._complete

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent) or self._filter is None:
            return
        sort_key = self._sort_column.sort_key or "created_at"
        page = self._leads.list(
            self._filter,
            offset=len(self._rows),
            limit=PAGE_SIZE,
            order_by=sort_key,
            descending=self._descending,
        )
        fresh = [row for row in page if row.id not in self._ids]
        # A short page is the end; so is a page of leads already shown (the list moved
        # under us), lest the same page be fetched for ever.
        if not fresh:
            self._complete = True
            return
        complete = len(page) < PAGE_SIZE
        first = len(self._rows)
        with self._announcing_change():
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(row.id for row in fresh)
            self._complete = complete
            self.endInsertRows()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.CAPTURED_AT:
                return self.tr("Time at the show ({timezone}); click to sort").format(
                    timezone=self._timezone
                )
            if column.sort_key is None:
                return self.tr("This column cannot be sorted")
            return self.tr("Click to sort by {column}").format(column=column.title.lower())
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(Column):
            return None
        lead = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(lead, column)
        if role == LEAD_ID_ROLE:
            return lead.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(lead, column)
        if column == Column.RATING and lead.rating is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return rating_colour(lead.rating)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._dot(lead.rating)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by ``column`` in the database; columns without a sort key are ignored."""
        if not 0 <= column < len(Column):
            return
        chosen = Column(column)
        if chosen.sort_key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if chosen == self._sort_column and descending == self._descending:
            return
        self._sort_column = chosen
        self._descending = descending
        self.reload()

    # --- cells --------------------------------------------------------------------

    def _text(self, lead: LeadRow, column: Column) -> str:
        match column:
            case Column.CAPTURED_AT:
                return local_time(lead.created_at, self._timezone)
            case Column.NAME:
                if lead.first_name or lead.last_name or not (lead.email or lead.company):
                    return lead.display_name
                return ""
            case Column.COMPANY:
                return lead.company
            case Column.JOB_TITLE:
                return lead.job_title
            case Column.EMAIL:
                return lead.email or ""
            case Column.COUNTRY:
                return country_name(lead.country)
            case Column.CITY:
                return lead.city
            case Column.RATING:
                return vocabulary(rating_label(lead.rating)) if lead.rating is not None else ""
            case Column.STAFF:
                return lead.staff or ""
            case Column.SOURCE:
                return vocabulary(SOURCE_LABELS[lead.source])
        return ""

    def _tooltip(self, lead: LeadRow, column: Column) -> str:
        if column in (Column.NAME, Column.EMAIL):
            lines = [lead.display_name]
            if lead.email and lead.email != lead.display_name:
                lines.append(lead.email)
            return "\n".join(lines)
        if column == Column.CAPTURED_AT:
            return f"{local_time(lead.created_at, self._timezone)} ({self._timezone})"
        if column == Column.COUNTRY and lead.country:
            return f"{country_name(lead.country)} ({lead.country})"
        return self._text(lead, column)

    def _dot(self, rating: Rating) -> QIcon:
        colour = rating_colour(rating)
        icon = self._dots.get((rating, colour.name()))
        if icon is None:
            icon = self._dots[(rating, colour.name())] = _dot(colour)
        return icon

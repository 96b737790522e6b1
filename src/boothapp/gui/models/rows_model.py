"""A read-only table of value objects, one per row: what the dialogs' tables share (merge
conflicts, old leads, the audit log, the follow-up queue).

A subclass names its column ``titles`` and gives each cell's ``text``; ``role_data``
answers the other roles (alignment, colours, tool tips, ids). The rows are replaced
whole, with ``set_rows``.

``titles`` are the English texts, each marked for translation with
``QT_TRANSLATE_NOOP(context, "...")``; the header shows them translated in the context
``titles_context`` when the subclass sets it, else in the context named after the
subclass (or a class between it and :class:`RowsModel`), so
``QT_TRANSLATE_NOOP("OldLeadsModel", "Name")`` in ``OldLeadsModel`` needs nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from boothapp.gui.i18n import translate

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of ``R`` under ``titles``; override ``text`` and, for other roles,
    ``role_data``."""

    titles: tuple[str, ...] = ()
    titles_context: str | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        return self.role_data(row, index.column(), role)

    def text(self, row: R, column: int) -> str:
        """What the cell shows."""
        raise NotImplementedError

    def column_title(self, section: int) -> str:
        """The header of column ``section``, in the window's language."""
        text = self.titles[section]
        if self.titles_context is not None:
            return translate(self.titles_context, text)
        for cls in type(self).__mro__:
            if cls is RowsModel:
                break
            translated = translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

    def role_data(self, row: R, column: int, role: int) -> Any:
        """The cell's value for a role other than the display (None: Qt's default)."""
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return self.column_title(section)
        return None

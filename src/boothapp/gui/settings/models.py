"""Table models of the show settings dialog: the roster, the catalogue, the questions.

Each holds plain entries that the dialog edits; nothing is stored until the dialog
saves. Check boxes use ``Qt.CheckStateRole`` on the columns marked checkable.
"""

from __future__ import annotations

import enum
from dataclasses import replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from boothapp.core.schemas import ProductEntry, QuestionEntry, StaffEntry
from boothapp.core.vocabulary import CATEGORY_LABELS, QUESTION_KIND_LABELS, ROLE_LABELS
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

_Index = QModelIndex | QPersistentModelIndex

NEW_TIP = QT_TRANSLATE_NOOP("settings_models", "New: stored when the settings are saved")


class RosterColumn(enum.IntEnum):
    WORKS = 0
    NAME = enum.auto()
    EMAIL = enum.auto()
    ROLE = enum.auto()
    ACTIVE = enum.auto()


class ProductColumn(enum.IntEnum):
    ON_STAND = 0
    SKU = enum.auto()
    NAME = enum.auto()
    CATEGORY = enum.auto()


class QuestionColumn(enum.IntEnum):
    TEXT = 0
    KIND = enum.auto()
    CHOICES = enum.auto()


E = TypeVar("E", StaffEntry, ProductEntry, QuestionEntry)


class _EntryModel(QAbstractTableModel, Generic[E]):
    """Rows of entries, with ``titles`` as column headers (marked for the translation
    in the ``settings_models`` context, translated when shown) and check boxes in
    ``checkable`` columns."""

    titles: tuple[str, ...] = ()
    checkable: frozenset[int] = frozenset()
    editable: frozenset[int] = frozenset()
    required: frozenset[int] = frozenset()

    def __init__(self, entries: list[E] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[E] = list(entries or [])

    @property
    def entries(self) -> list[E]:
        return list(self._entries)

    def entry(self, row: int) -> E:
        return self._entries[row]

    def set_entries(self, entries: list[E]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def append(self, entry: E) -> int:
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> E:
        self.beginRemoveRows(QModelIndex(), row, row)
        entry = self._entries.pop(row)
        self.endRemoveRows()
        return entry

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.titles)
        ):
            return translate("settings_models", self.titles[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() in self.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in self.checkable:
            on = self._checked(entry, column)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column in self.editable:
            return self._text(entry, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, column)
            if role == Qt.ItemDataRole.ToolTipRole and entry.id is None:
                tip = translate("settings_models", NEW_TIP)
                return f"{text}\n{tip}" if text else tip
            return text
        if role == Qt.ItemDataRole.FontRole and entry.id is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index):
            return False
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in self.checkable:
            state = value.value if isinstance(value, Qt.CheckState) else int(value)
            on = state == Qt.CheckState.Checked.value
            self._entries[row] = self._with_checked(self._entries[row], column, on)
        elif role == Qt.ItemDataRole.EditRole and column in self.editable:
            text = str(value).strip()
            if not text and column in self.required:
                return False
            self._entries[row] = self._with_text(self._entries[row], column, text)
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def move(self, row: int, offset: int) -> int:
        """Moves the entry at ``row`` by ``offset`` places; returns where it went."""
        target = min(max(row + offset, 0), len(self._entries) - 1)
        if not 0 <= row < len(self._entries) or target == row:
            return row
        destination = target + 1 if target > row else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._entries.insert(target, self._entries.pop(row))
        self.endMoveRows()
        return target

    def _valid(self, index: _Index) -> bool:
        return (
            index.isValid()
            and 0 <= index.row() < len(self._entries)
            and 0 <= index.column() < len(self.titles)
        )

    def _text(self, entry: E, column: int) -> str:
        raise NotImplementedError

    def _checked(self, entry: E, column: int) -> bool:
        return False

    def _with_checked(self, entry: E, column: int, on: bool) -> E:
        return entry

    def _with_text(self, entry: E, column: int, text: str) -> E:
        return entry


class RosterModel(_EntryModel[StaffEntry]):
    """Every staff member: works this show (the roster), name, e-mail, role, active."""

    titles = (
        QT_TRANSLATE_NOOP("settings_models", "Works this show"),
        QT_TRANSLATE_NOOP("settings_models", "Name"),
        QT_TRANSLATE_NOOP("settings_models", "E-mail"),
        QT_TRANSLATE_NOOP("settings_models", "Role"),
        QT_TRANSLATE_NOOP("settings_models", "Active"),
    )
    checkable = frozenset({RosterColumn.WORKS, RosterColumn.ACTIVE})
    editable = frozenset({RosterColumn.NAME, RosterColumn.EMAIL})
    required = frozenset({RosterColumn.NAME})

    def _text(self, entry: StaffEntry, column: int) -> str:
        match column:
            case RosterColumn.NAME:
                return entry.name
            case RosterColumn.EMAIL:
                return entry.email or ""
            case RosterColumn.ROLE:
                return vocabulary(ROLE_LABELS[entry.role])
        return ""

    def _checked(self, entry: StaffEntry, column: int) -> bool:
        return entry.on_roster if column == RosterColumn.WORKS else entry.active

    def _with_checked(self, entry: StaffEntry, column: int, on: bool) -> StaffEntry:
        if column == RosterColumn.WORKS:
            return replace(entry, on_roster=on)
        return replace(entry, active=on)

    def _with_text(self, entry: StaffEntry, column: int, text: str) -> StaffEntry:
        if column == RosterColumn.NAME:
            return replace(entry, name=text)
        return replace(entry, email=text or None)


class ProductsModel(_EntryModel[ProductEntry]):
    """The catalogue: on the stand of this show, SKU, name, category."""

    titles = (
        QT_TRANSLATE_NOOP("settings_models", "On the stand"),
        QT_TRANSLATE_NOOP("settings_models", "SKU"),
        QT_TRANSLATE_NOOP("settings_models", "Name"),
        QT_TRANSLATE_NOOP("settings_models", "Category"),
    )
    checkable = frozenset({ProductColumn.ON_STAND})
    editable = frozenset({ProductColumn.SKU, ProductColumn.NAME})
    required = editable

    def _text(self, entry: ProductEntry, column: int) -> str:
        match column:
            case ProductColumn.SKU:
                return entry.sku
            case ProductColumn.NAME:
                return entry.name
            case ProductColumn.CATEGORY:
                return vocabulary(CATEGORY_LABELS[entry.category])
        return ""

    def _checked(self, entry: ProductEntry, column: int) -> bool:
        return entry.on_stand

    def _with_checked(self, entry: ProductEntry, column: int, on: bool) -> ProductEntry:
        return replace(entry, on_stand=on)

    def _with_text(self, entry: ProductEntry, column: int, text: str) -> ProductEntry:
        if column == ProductColumn.SKU:
            return replace(entry, sku=text)
        return replace(entry, name=text)


class QuestionsModel(_EntryModel[QuestionEntry]):
    """The show's qualifier questions in the order the capture form asks them."""

    titles = (
        QT_TRANSLATE_NOOP("settings_models", "Question"),
        QT_TRANSLATE_NOOP("settings_models", "Kind"),
        QT_TRANSLATE_NOOP("settings_models", "Choices"),
    )
    editable = frozenset({QuestionColumn.TEXT})
    required = editable

    def _with_text(self, entry: QuestionEntry, column: int, text: str) -> QuestionEntry:
        return replace(entry, text=text)

    def _text(self, entry: QuestionEntry, column: int) -> str:
        match column:
            case QuestionColumn.TEXT:
                return entry.text
            case QuestionColumn.KIND:
                return vocabulary(QUESTION_KIND_LABELS[entry.kind])
            case QuestionColumn.CHOICES:
                return ", ".join(entry.choices)
        return ""

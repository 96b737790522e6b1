"""Importing the product catalogue from a spreadsheet in the show settings: a preview of
what the file holds (each product, new or updating one of the catalogue), then the
import, which stores the products at once and puts them on the show's stand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.catalogue import parse_category
from boothapp.core.catalogue_files import CataloguePreview
from boothapp.core.errors import ValidationError
from boothapp.core.vocabulary import CATEGORY_LABELS, PRODUCT_ATTRIBUTE_LABELS
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

HEADERS = (
    QT_TRANSLATE_NOOP("catalogue_dialog", "Row"),
    QT_TRANSLATE_NOOP("catalogue_dialog", "SKU"),
    QT_TRANSLATE_NOOP("catalogue_dialog", "Name"),
    QT_TRANSLATE_NOOP("catalogue_dialog", "Category"),
    QT_TRANSLATE_NOOP("catalogue_dialog", "Attributes"),
    "",
)
"""The preview's column titles, translated where shown."""


def _category_label(value: object) -> str:
    try:
        return vocabulary(CATEGORY_LABELS[parse_category(str(value))])
    except ValidationError:
        return str(value)


def _attribute_name(key: str) -> str:
    label = PRODUCT_ATTRIBUTE_LABELS.get(key)
    return vocabulary(label) if label is not None else key.replace("_", " ")


def _attributes_text(attributes: dict[str, object]) -> str:
    return "; ".join(
        translate("catalogue_dialog", "{attribute}: {value}").format(
            attribute=_attribute_name(key), value=value
        )
        for key, value in attributes.items()
    )


class CataloguePreviewDialog(QDialog):
    """Shows ``preview``; accepted, the caller imports the file."""

    def __init__(self, preview: CataloguePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import the catalogue — {file}").format(file=preview.path.name))
        self.summary = QLabel(
            self.tr(
                "{file} holds {count} products: {new} new, {updated} updating the "
                "catalogue's product of the same SKU. Importing stores them at once and "
                "puts them on this show's stand."
            ).format(
                file=preview.path.name,
                count=len(preview.products),
                new=preview.new,
                updated=preview.updated,
            )
        )
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(preview.products), len(HEADERS))
        self.table.setObjectName("cataloguePreview")
        self.table.setHorizontalHeaderLabels(
            [translate("catalogue_dialog", title) if title else "" for title in HEADERS]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (number, product, is_new) in enumerate(preview.products):
            cells = (
                str(number),
                product.sku,
                product.name,
                _category_label(product.category),
                _attributes_text(dict(product.attributes)),
                self.tr("New") if is_new else self.tr("Update"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Import"))
        ok.setEnabled(bool(preview.products))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 460)

"""The show's catalogue as a filterable checklist, grouped by category, with an optional
quantity and remark per product."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.catalogue import by_category, fold_name
from boothapp.core.schemas import ProductRow, ProductShown
from boothapp.core.vocabulary import CATEGORY_LABELS, ProductCategory
from boothapp.gui.vocabulary_text import vocabulary

MAX_QUANTITY = 1_000_000


class ProductCheckBox(QCheckBox):
    """A product's tick box, labelled "name  ·  SKU". When the column is too narrow for
    the whole label, the name alone is shown, shortened with "…" if need be: staff know
    the products by name (the tooltip has everything)."""

    def __init__(self, name: str, sku: str) -> None:
        super().__init__()
        self._name = name
        self._sku = sku
        self._show_label(self.full_label())

    def full_label(self) -> str:
        return f"{self._name}  ·  {self._sku}"

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # Imported here: PySide6 builds QStyle's Python type on first use (16 ms), and
        # the window's first screen has no product boxes.
        from PySide6.QtWidgets import QStyle

        super().resizeEvent(event)
        style = self.style()
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        spacing = style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        room = event.size().width() - indicator - spacing - 4
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(self.full_label()) <= room:
            self._show_label(self.full_label())
            return
        self._show_label(metrics.elidedText(self._name, Qt.TextElideMode.ElideRight, room))

    def _show_label(self, label: str) -> None:
        self.setText(label.replace("&", "&&"))


@dataclass
class ProductLine:
    """The widgets of one product: the box that ticks it, its quantity and remark."""

    product: ProductRow
    check: QCheckBox
    quantity: QSpinBox
    remark: QLineEdit
    haystack: str

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.check, self.quantity, self.remark)


class ProductsPanel(QWidget):
    """Products shown to the visitor. The quantity (blank: not given) and the remark
    are enabled once the product is ticked, so Tab only stops on the ticked ones.

    Typing in the filter box narrows the list; Enter ticks the first product left
    visible and selects the filter text for the next one."""

    changed = Signal()
    rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_label = QLabel(self.tr("Pro&ducts shown:"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("productFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Filter products — Enter ticks the first match")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter products"))
        self.filter_label.setBuddy(self.filter_edit)
        self.empty_label = QLabel(self.tr("No product matches the filter."))
        self.empty_label.setVisible(False)

        self._list = QWidget()
        self._grid = QGridLayout(self._list)
        self._grid.setContentsMargins(4, 2, 4, 2)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        # The product's name and SKU get most of the room: at 1366 pixels wide a 3:2
        # share cut "TC 3015 Compact Transit Case · KRS-TC-3015" short.
        self._grid.setColumnStretch(0, 4)
        self._grid.setColumnStretch(2, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("productList")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self._list)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setMinimumHeight(120)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.scroll_area)
        layout.addWidget(self.empty_label)

        self.lines: dict[str, ProductLine] = {}
        self._headings: dict[ProductCategory, QLabel] = {}
        self._catalogue: list[ProductRow] = []
        self._extras: list[ProductRow] = []
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.filter_edit.returnPressed.connect(self.tick_first_match)
        self.filter_edit.installEventFilter(self)

    # --- the catalogue ------------------------------------------------------------

    def set_products(self, products: list[ProductRow]) -> None:
        """Shows ``products`` (the show's catalogue), nothing ticked."""
        self._catalogue = list(products)
        self._extras = []
        self._build(self._catalogue)

    def _build(self, products: list[ProductRow]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.lines.clear()
        self._headings.clear()
        row = 0
        for category, group in by_category(products):
            heading = QLabel(vocabulary(CATEGORY_LABELS[category]))
            heading.setTextFormat(Qt.TextFormat.PlainText)
            heading.setObjectName(f"category:{category}")
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self._grid.addWidget(heading, row, 0, 1, 3)
            self._headings[category] = heading
            row += 1
            for product in group:
                line = self._make_line(product)
                self._grid.addWidget(line.check, row, 0)
                self._grid.addWidget(line.quantity, row, 1)
                self._grid.addWidget(line.remark, row, 2)
                self.lines[product.sku] = line
                row += 1
        self._grid.setRowStretch(row, 1)
        self.apply_filter()
        self.rebuilt.emit()

    def _make_line(self, product: ProductRow) -> ProductLine:
        check = ProductCheckBox(product.name, product.sku)
        check.setObjectName(f"product:{product.sku}")
        check.setToolTip(
            "\n".join(
                part for part in (f"{product.name} ({product.sku})", product.description) if part
            )
        )
        check.setAccessibleName(
            self.tr("Product {name} ({sku})").format(name=product.name, sku=product.sku)
        )
        check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        check.setMinimumWidth(140)
        quantity = QSpinBox()
        quantity.setObjectName(f"quantity:{product.sku}")
        quantity.setRange(0, MAX_QUANTITY)
        quantity.setSpecialValueText(self.tr("Qty"))
        quantity.setAccessibleName(self.tr("Quantity of {name}").format(name=product.name))
        quantity.setToolTip(self.tr("Quantity the visitor asked about (blank: not given)"))
        quantity.setEnabled(False)
        remark = QLineEdit()
        remark.setObjectName(f"remark:{product.sku}")
        remark.setPlaceholderText(self.tr("Remark"))
        remark.setAccessibleName(self.tr("Remark on {name}").format(name=product.name))
        remark.setEnabled(False)
        remark.setMinimumWidth(60)
        line = ProductLine(
            product=product,
            check=check,
            quantity=quantity,
            remark=remark,
            haystack=fold_name(f"{product.name} {product.sku} {product.description}"),
        )
        check.toggled.connect(lambda on, line=line: self._ticked(line, on))
        quantity.valueChanged.connect(self.changed)
        remark.textChanged.connect(self.changed)
        return line

    def _ticked(self, line: ProductLine, on: bool) -> None:
        line.quantity.setEnabled(on)
        line.remark.setEnabled(on)
        self.changed.emit()

    # --- filtering ----------------------------------------------------------------

    def apply_filter(self) -> None:
        words = fold_name(self.filter_edit.text()).split()
        shown_categories: set[ProductCategory] = set()
        for line in self.lines.values():
            visible = all(word in line.haystack for word in words) or line.check.isChecked()
            for widget in line.widgets():
                widget.setVisible(visible)
            if visible:
                shown_categories.add(line.product.category)
        for category, heading in self._headings.items():
            heading.setVisible(category in shown_categories)
        self.empty_label.setVisible(bool(self.lines) and not shown_categories)

    def visible_lines(self) -> list[ProductLine]:
        return [line for line in self.lines.values() if not line.check.isHidden()]

    def tick_first_match(self) -> None:
        words = fold_name(self.filter_edit.text()).split()
        if not words:
            return
        for line in self.visible_lines():
            if not line.check.isChecked() and all(w in line.haystack for w in words):
                line.check.setChecked(True)
                self.scroll_area.ensureWidgetVisible(line.check)
                break
        self.filter_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            visible = self.visible_lines()
            if visible:
                visible[0].check.setFocus(Qt.FocusReason.TabFocusReason)
                self.scroll_area.ensureWidgetVisible(visible[0].check)
                return True
        return super().eventFilter(watched, event)

    # --- values -------------------------------------------------------------------

    def chosen(self) -> tuple[ProductShown, ...]:
        result = []
        for sku, line in self.lines.items():
            if line.check.isChecked():
                quantity = line.quantity.value()
                result.append(
                    ProductShown(
                        sku=sku,
                        quantity=quantity if quantity > 0 else None,
                        remark=line.remark.text().strip(),
                    )
                )
        return tuple(result)

    def set_chosen(self, products: tuple[ProductShown, ...] | list[ProductShown]) -> None:
        """Ticks exactly ``products``; one that is not in the show's catalogue (shown
        before it was taken off the stand) gets a line of its own while it is ticked."""
        wanted = {p.sku: p for p in products}
        known = {p.sku for p in self._catalogue}
        extras = [
            ProductRow(
                id=-1,
                sku=item.sku,
                name=item.name or item.sku,
                category=item.category or ProductCategory.OTHER,
                description="",
                attributes={},
                brochure_url=None,
                active=True,
            )
            for item in products
            if item.sku not in known
        ]
        if extras != self._extras:
            self._extras = extras
            self._build([*self._catalogue, *extras])
        for sku, line in self.lines.items():
            item = wanted.get(sku)
            line.check.setChecked(item is not None)
            line.quantity.setValue(item.quantity or 0 if item is not None else 0)
            line.remark.setText(item.remark if item is not None else "")
        self.filter_edit.clear()
        self.apply_filter()

    def draft_value(self) -> dict[str, dict[str, Any]]:
        return {p.sku: {"quantity": p.quantity, "remark": p.remark} for p in self.chosen()}

    def set_draft_value(self, value: object) -> None:
        products: list[ProductShown] = []
        if isinstance(value, dict):
            for sku, item in value.items():
                item = item if isinstance(item, dict) else {}
                quantity = item.get("quantity")
                products.append(
                    ProductShown(
                        sku=str(sku),
                        quantity=quantity if isinstance(quantity, int) else None,
                        remark=str(item.get("remark") or ""),
                    )
                )
        self.set_chosen(products)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.filter_edit]
        for line in self.lines.values():
            chain.extend(line.widgets())
        return chain

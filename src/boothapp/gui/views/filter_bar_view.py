"""Layout of the filter bar above the lead list: Today, Mine, rating, product, staff."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from boothapp.gui.i18n import QT_TRANSLATE_NOOP
from boothapp.gui.views.flow_layout import FlowLayout

ANY = QT_TRANSLATE_NOOP("FilterBarView", "Any")
"""The first entry of each list: no filter (shown as ``translate("FilterBarView", ANY)``)."""


def _combo(name: str, accessible: str, tooltip: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setToolTip(tooltip)
    combo.setMinimumContentsLength(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FilterBarView(QWidget):
    """A compact row of filters, wrapping onto a second row when the list is narrow;
    every control has a visible label and a mnemonic that does not clash with the
    capture form's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today_box = QCheckBox(self.tr("Today"))
        self.today_box.setObjectName("todayFilter")
        self.today_box.setToolTip(self.tr("Only leads captured since midnight, show time"))
        self.mine_box = QCheckBox(self.tr("Mine"))
        self.mine_box.setObjectName("mineFilter")
        self.mine_box.setToolTip(self.tr("Only leads captured by the person at this laptop"))

        self.rating_label = QLabel(self.tr("Rating:"))
        self.rating_combo = _combo(
            "ratingFilter", self.tr("Rating filter"), self.tr("Only leads rated so"), 5
        )
        self.rating_label.setBuddy(self.rating_combo)
        self.product_label = QLabel(self.tr("Produ&ct:"))
        self.product_combo = _combo(
            "productFilter", self.tr("Product filter"), self.tr("Only leads shown this product"), 9
        )
        self.product_label.setBuddy(self.product_combo)
        self.staff_label = QLabel(self.tr("Captured &by:"))
        self.staff_combo = _combo(
            "staffFilter",
            self.tr("Staff filter"),
            self.tr("Only leads captured by this staff member"),
            8,
        )
        self.staff_label.setBuddy(self.staff_combo)

        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setToolTip(self.tr("Show every lead of the show again"))
        self.clear_button.setEnabled(False)

        layout = FlowLayout(self, spacing=6)
        layout.setContentsMargins(12, 0, 12, 6)
        layout.addWidget(_row(self.today_box, self.mine_box))
        for label, combo in (
            (self.rating_label, self.rating_combo),
            (self.product_label, self.product_combo),
            (self.staff_label, self.staff_combo),
        ):
            layout.addWidget(_row(label, combo))
        layout.addWidget(self.clear_button)


def _row(*widgets: QWidget) -> QWidget:
    """Widgets kept side by side on one row of the filter bar (a label and its list)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return row

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

ANY = "Any"


def _combo(name: str, accessible: str, tooltip: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setToolTip(tooltip)
    combo.setMinimumContentsLength(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FilterBarView(QWidget):
    """One compact row of filters; every control has a visible label and a mnemonic
    that does not clash with the capture form's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today_box = QCheckBox("Today")
        self.today_box.setObjectName("todayFilter")
        self.today_box.setToolTip("Only leads captured since midnight, show time (Alt+D)")
        self.mine_box = QCheckBox("Mine")
        self.mine_box.setObjectName("mineFilter")
        self.mine_box.setToolTip("Only leads captured by the person at this laptop (Alt+I)")

        self.rating_label = QLabel("Rating:")
        self.rating_combo = _combo("ratingFilter", "Rating filter", "Only leads rated so", 5)
        self.rating_label.setBuddy(self.rating_combo)
        self.product_label = QLabel("Produ&ct:")
        self.product_combo = _combo(
            "productFilter", "Product filter", "Only leads shown this product", 9
        )
        self.product_label.setBuddy(self.product_combo)
        self.staff_label = QLabel("Captured &by:")
        self.staff_combo = _combo(
            "staffFilter", "Staff filter", "Only leads captured by this staff member", 8
        )
        self.staff_label.setBuddy(self.staff_combo)

        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setToolTip("Show every lead of the show again")
        self.clear_button.setEnabled(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 6)
        layout.setSpacing(6)
        layout.addWidget(self.today_box)
        layout.addWidget(self.mine_box)
        layout.addSpacing(6)
        for label, combo in (
            (self.rating_label, self.rating_combo),
            (self.product_label, self.product_combo),
            (self.staff_label, self.staff_combo),
        ):
            layout.addWidget(label)
            layout.addWidget(combo, 1)
            layout.addSpacing(4)
        layout.addWidget(self.clear_button)
        layout.addStretch(0)

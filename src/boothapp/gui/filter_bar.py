"""The filter bar's behaviour: which leads the list shows besides the search text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from boothapp.core.models import Rating
from boothapp.core.schemas import LeadFilter, ProductRow, StaffRow, rating_filter_fields
from boothapp.gui.formatting import RATING_FILTER_CHOICES, start_of_today
from boothapp.gui.i18n import translate
from boothapp.gui.views.filter_bar_view import ANY, FilterBarView
from boothapp.gui.vocabulary_text import vocabulary


@dataclass(frozen=True)
class ListFilters:
    """The filter bar's choices, Qt-free. ``mine`` wins over ``staff_id``."""

    today: bool = False
    mine: bool = False
    rating: Rating | None = None
    unrated: bool = False
    product_sku: str | None = None
    staff_id: int | None = None

    @property
    def active(self) -> bool:
        return self != ListFilters()

    def narrow(
        self,
        base: LeadFilter,
        timezone: str,
        me: int | None,
        now: datetime | None = None,
    ) -> LeadFilter:
        """``base`` (the show and the search) narrowed by these choices. "Mine" with
        nobody at the laptop matches nothing rather than everything."""
        staff_id = self.staff_id
        if self.mine:
            staff_id = me if me is not None else -1
        return replace(
            base,
            staff_id=staff_id,
            rating=self.rating,
            unrated=self.unrated,
            product_sku=self.product_sku,
            created_from=start_of_today(timezone, now) if self.today else None,
        )


class FilterBar(QWidget):
    """Today, Mine, rating, product and staff filters; ``changed`` fires on every change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = FilterBarView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._me: int | None = None

        view = self.view
        any_text = _any()
        view.rating_combo.addItem(any_text, None)
        for label, choice in RATING_FILTER_CHOICES:
            view.rating_combo.addItem(vocabulary(label), choice)
        view.product_combo.addItem(any_text, None)
        view.staff_combo.addItem(any_text, None)

        view.today_box.toggled.connect(self._changed)
        view.mine_box.toggled.connect(self._changed)
        for combo in (view.rating_combo, view.product_combo, view.staff_combo):
            combo.currentIndexChanged.connect(self._changed)
        view.clear_button.clicked.connect(self.clear)

    def focus_chain(self) -> list[QWidget]:
        view = self.view
        return [
            view.today_box,
            view.mine_box,
            view.rating_combo,
            view.product_combo,
            view.staff_combo,
            view.clear_button,
        ]

    def filters(self) -> ListFilters:
        view = self.view
        rating_choice = view.rating_combo.currentData()
        sku = view.product_combo.currentData()
        staff_id = view.staff_combo.currentData()
        return ListFilters(
            today=view.today_box.isChecked(),
            mine=view.mine_box.isChecked(),
            **rating_filter_fields(rating_choice),
            product_sku=str(sku) if sku else None,
            staff_id=int(staff_id) if staff_id is not None else None,
        )

    def set_choices(
        self, products: list[ProductRow], staff: list[StaffRow], me: StaffRow | None
    ) -> None:
        """Fills the product and staff lists of a show, keeping the chosen entries that
        are still there; "Mine" needs someone at the laptop. Fires ``changed`` only if
        a choice had to go."""
        before = self.filters()
        self._me = me.id if me is not None else None
        view = self.view
        _refill(
            view.product_combo,
            [(f"{product.name} ({product.sku})", product.sku) for product in products],
        )
        _refill(view.staff_combo, [(member.name, member.id) for member in staff])
        with QSignalBlocker(view.mine_box):
            view.mine_box.setEnabled(me is not None)
            if me is None:
                view.mine_box.setChecked(False)
            view.mine_box.setToolTip(
                self.tr("Only leads captured by {name}, at this laptop").format(name=me.name)
                if me is not None
                else self.tr("Choose who is at this laptop first")
            )
        self._update_controls()
        if self.filters() != before:
            self.changed.emit()

    def clear(self) -> None:
        """Every filter back to Any; ``changed`` fires once."""
        view = self.view
        blockers = [
            QSignalBlocker(widget)
            for widget in (
                view.today_box,
                view.mine_box,
                view.rating_combo,
                view.product_combo,
                view.staff_combo,
            )
        ]
        view.today_box.setChecked(False)
        view.mine_box.setChecked(False)
        for combo in (view.rating_combo, view.product_combo, view.staff_combo):
            combo.setCurrentIndex(0)
        del blockers
        self._changed()

    def _changed(self) -> None:
        self._update_controls()
        self.changed.emit()

    def _update_controls(self) -> None:
        view = self.view
        mine = view.mine_box.isChecked()
        view.staff_combo.setEnabled(not mine and view.staff_combo.count() > 1)
        view.staff_label.setEnabled(view.staff_combo.isEnabled())
        view.product_combo.setEnabled(view.product_combo.count() > 1)
        view.product_label.setEnabled(view.product_combo.isEnabled())
        view.clear_button.setEnabled(self.filters().active)


def _any() -> str:
    return translate("FilterBarView", str(ANY))


def _refill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
    chosen = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(_any(), None)
        for text, data in entries:
            combo.addItem(text, data)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, found))

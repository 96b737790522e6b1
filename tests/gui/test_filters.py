"""The filter bar above the lead list: Today, Mine, rating, product, staff, clear."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from gui_helpers import Booth
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from boothapp.core.models import Rating
from boothapp.core.schemas import LeadFilter, ProductInput
from boothapp.core.services import Services
from boothapp.gui.filter_bar import ListFilters
from boothapp.gui.formatting import start_of_today
from boothapp.gui.main_window import MainWindow
from boothapp.gui.models.lead_table import Column

MakeWindow = Callable[[], MainWindow]

TODAY = {"Zoé Lefèvre", "Jörg Schäfer", "山田 太郎", "محمد العلي", "Bruno Costa"}
EARLIER = {"Agnieszka Kowalska", "Carl Berg"}
BY_ANNA = {"Zoé Lefèvre", "Jörg Schäfer", "山田 太郎", *EARLIER}


def listed(window: MainWindow) -> set[str]:
    model = window.model
    return {model.index(row, Column.NAME).data() for row in range(model.rowCount())}


def choose(combo_owner: MainWindow, name: str, text: str) -> None:
    combo = getattr(combo_owner.filter_bar.view, name)
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {name}"
    combo.setCurrentIndex(index)


def test_no_filters_show_everything(booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()

    assert listed(window) == TODAY | EARLIER
    assert not window.filter_bar.view.clear_button.isEnabled()
    assert window.filter_bar.isVisible()


def test_today_shows_leads_since_midnight_show_time(booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()

    window.filter_bar.view.today_box.setChecked(True)

    assert listed(window) == TODAY
    lead_filter = window.model.lead_filter
    assert lead_filter is not None
    assert lead_filter.created_from == start_of_today("Europe/Paris")
    assert window.summary_label.text() == "5 of 7 leads match the filters"


def test_mine_shows_the_leads_of_the_person_at_the_laptop(
    booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    window.filter_bar.view.mine_box.setChecked(True)

    assert listed(window) == BY_ANNA
    assert not window.filter_bar.view.staff_combo.isEnabled()

    combo = window.view.staff_combo
    combo.setCurrentIndex(combo.findText("Ben Okafor"))

    assert listed(window) == {"محمد العلي", "Bruno Costa"}


def test_the_not_rated_choice_lists_the_leads_without_a_rating(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    everything = services.leads.list(LeadFilter(event_id=booth.show.id))
    unrated = {row.display_name for row in everything if row.rating is None}
    assert unrated and len(unrated) < len(everything)
    window = make_window()

    choose(window, "rating_combo", "Not rated")

    assert listed(window) == unrated
    window.view.search_edit.setText(next(iter(unrated)).split()[0])
    window.apply_search()
    assert listed(window) <= unrated


def test_rating_product_and_staff_filters(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    product = services.products.get("TC-6040")
    other = services.products.create(ProductInput(sku="RK-19", name="19-inch rack"))
    services.events.set_products(booth.show.id, [product.id, other.id])
    window = make_window()

    choose(window, "rating_combo", "Hot")
    assert listed(window) == {"Zoé Lefèvre", "محمد العلي"}

    choose(window, "rating_combo", "Any")
    choose(window, "product_combo", "Transit case 60x40 (TC-6040)")
    assert listed(window) == {"Zoé Lefèvre"}

    choose(window, "product_combo", "19-inch rack (RK-19)")
    assert listed(window) == set()
    assert not window.view.showing_table()
    assert window.view.list_message.title.text() == "No leads match the filters"
    assert window.summary_label.text() == "No leads match the filters"

    choose(window, "product_combo", "Any")
    choose(window, "staff_combo", "Ben Okafor")
    assert listed(window) == {"محمد العلي", "Bruno Costa"}


def test_filters_combine_with_each_other_and_with_search(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    bar = window.filter_bar.view

    bar.mine_box.setChecked(True)
    choose(window, "rating_combo", "Warm")
    assert listed(window) == {"Jörg Schäfer", "Agnieszka Kowalska"}

    bar.today_box.setChecked(True)
    assert listed(window) == {"Jörg Schäfer"}

    window.view.search_edit.setText("pgz")
    window.apply_search()
    assert listed(window) == set()
    assert window.view.list_message.title.text() == "No leads match the filters and “pgz”"
    assert window.view.list_message.button.text() == "Clear search and filters"

    bar.today_box.setChecked(False)
    assert listed(window) == {"Agnieszka Kowalska"}
    assert window.summary_label.text() == "1 of 7 lead matches the filters and “pgz”"


def test_clear_filters_restores_everything(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    bar = window.filter_bar.view
    bar.today_box.setChecked(True)
    choose(window, "staff_combo", "Ben Okafor")
    assert listed(window) == {"محمد العلي", "Bruno Costa"}
    assert bar.clear_button.isEnabled()

    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)

    assert listed(window) == TODAY | EARLIER
    assert not bar.today_box.isChecked()
    assert bar.staff_combo.currentText() == "Any"
    assert window.summary_label.text() == "7 leads"
    assert not bar.clear_button.isEnabled()


def test_the_empty_list_button_clears_search_and_filters(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    choose(window, "rating_combo", "Cold")
    window.view.search_edit.setText("lefèvre")
    window.apply_search()
    assert not window.view.showing_table()

    qtbot.mouseClick(window.view.list_message.button, Qt.MouseButton.LeftButton)

    assert listed(window) == TODAY | EARLIER
    assert window.search_text() == ""
    assert not window.filter_bar.filters().active


def test_sorting_still_works_with_filters(booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()
    window.filter_bar.view.mine_box.setChecked(True)

    window.view.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)

    names = [window.model.index(r, Column.NAME).data() for r in range(window.model.rowCount())]
    assert names[:2] == ["Agnieszka Kowalska", "Carl Berg"]
    assert set(names) == BY_ANNA


def test_model_tester_passes_with_filters(
    qtmodeltester: ModelTester, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    qtmodeltester.check(window.model)

    window.filter_bar.view.today_box.setChecked(True)
    choose(window, "rating_combo", "Hot")
    qtmodeltester.check(window.model)
    assert listed(window) == {"Zoé Lefèvre", "محمد العلي"}

    window.filter_bar.clear()
    qtmodeltester.check(window.model)


def test_filters_are_keyboard_reachable_with_their_own_mnemonics(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    bar = window.filter_bar.view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.table.setFocus()
    qtbot.waitUntil(window.view.table.hasFocus)

    qtbot.keyClick(window.view.table, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(bar.staff_combo.hasFocus)

    mnemonics: dict[str, list[QWidget]] = {}
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel) and widget.isVisible():
            found = re.search(r"&([^&])", widget.text())
            if found:
                mnemonics.setdefault(found.group(1).lower(), []).append(widget)
    for key in "cb":
        assert [w.text() for w in mnemonics[key]] == [
            w.text() for w in mnemonics[key] if bar.isAncestorOf(w)
        ], f"Alt+{key.upper()} is taken twice"
        assert len(mnemonics[key]) == 1


def test_tab_goes_from_the_search_box_through_the_filters_to_the_list(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.filter_bar.view.today_box.setChecked(True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.search_edit.setFocus()
    qtbot.waitUntil(window.view.search_edit.hasFocus)

    expected = [w for w in window.filter_bar.focus_chain() if w.isEnabled()]
    expected.append(window.view.table)
    visited = []
    for _ in expected:
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())

    assert visited == expected
    assert window.filter_bar.view.clear_button in visited


@pytest.mark.parametrize("me", [7, None])
def test_list_filters_narrow_a_lead_filter(me: int | None) -> None:
    base = LeadFilter(event_id=3, search="case")
    now = datetime(2025, 11, 18, 12, 0, tzinfo=UTC)

    assert ListFilters().narrow(base, "UTC", me, now) == base
    narrowed = ListFilters(today=True, mine=True, rating=Rating.HOT, product_sku="X", staff_id=9)
    result = narrowed.narrow(base, "Europe/Paris", me, now)

    assert result.staff_id == (me if me is not None else -1)
    assert result.rating == Rating.HOT
    assert result.product_sku == "X"
    assert result.created_from == datetime(2025, 11, 17, 23, 0, tzinfo=UTC)
    assert result.search == "case"
    assert ListFilters(staff_id=9).narrow(base, "UTC", me).staff_id == 9

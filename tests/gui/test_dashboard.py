"""The dashboard: the counts, the charts, and its place in the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from gui_helpers import Booth, post_text
from PySide6.QtCharts import QBarSet, QValueAxis
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

import boothapp.gui.dashboard as dashboard_module
from boothapp.core.errors import StorageError
from boothapp.core.models import Rating
from boothapp.core.schemas import EventInput, LeadInput, ProductInput, ProductShown
from boothapp.core.services import Services
from boothapp.core.vocabulary import NO_STAFF_LABEL
from boothapp.gui.dashboard import (
    EMPTY_SHOW,
    BarChart,
    DashboardData,
    compute_dashboard,
    count_scale,
    day_labels,
)
from boothapp.gui.formatting import zone
from boothapp.gui.main_window import MainWindow
from boothapp.gui.palette import rating_colour

MakeWindow = Callable[[], MainWindow]
LAPTOP = (1366, 768)
LONG_NAME = "RC 6U Shock-Mount Rack Case with Pressure Valve, Removable Lids and Castors"


def open_dashboard(qtbot: QtBot, window: MainWindow) -> None:
    window.dashboard_action.trigger()
    qtbot.waitUntil(window.dashboard.isVisible)
    qtbot.waitUntil(lambda: window.dashboard.data is not None)


def bar_sets(chart: BarChart) -> list[QBarSet]:
    return [bars for series in chart.chart().series() for bars in series.barSets()]


def count_axis(chart: BarChart) -> QValueAxis:
    axes = [axis for axis in chart.chart().axes() if isinstance(axis, QValueAxis)]
    assert len(axes) == 1
    return axes[0]


@pytest.fixture
def catalogue(booth: Booth, services: Services) -> Booth:
    """The booth's show, with leads that saw 20 products, one with a very long name."""
    names = [f"TC {1000 + index} Transit Case" for index in range(18)] + [LONG_NAME]
    for index, name in enumerate(names):
        sku = f"SKU-{index}"
        services.products.create(ProductInput(sku=sku, name=name))
        for _ in range(index % 4 + 1):
            services.leads.create(
                LeadInput(last_name=f"Visitor {index}", products=(ProductShown(sku=sku),)),
                event_id=booth.show.id,
                staff_id=booth.anna_id,
            )
    return booth


# --- counting ---------------------------------------------------------------------------


def test_the_counts_are_right(booth: Booth, services: Services) -> None:
    data = compute_dashboard(services, booth.show.id, "Europe/Paris")
    assert data.total == 7
    assert data.per_rating == {"Hot": 2, "Warm": 2, "Cold": 2, "Not rated": 1}
    assert data.per_staff == {"Anna Schmidt": 5, "Ben Okafor": 2}
    assert NO_STAFF_LABEL not in data.per_staff
    today = datetime.now(zone("Europe/Paris")).date()
    earlier, today_label = day_labels([today - timedelta(days=3), today])
    assert data.per_day == {earlier: 2, today_label: 5}
    assert sum(data.per_hour_today.values()) == 5
    assert data.per_product == {"Transit case 60x40": 1}


def test_two_products_of_the_same_name_are_counted_apart(services: Services) -> None:
    show = services.events.create(EventInput(name="Eurosatory", country="FR"))
    for sku in ("TC-6040-BLK", "TC-6040-SND"):
        services.products.create(ProductInput(sku=sku, name="Transit case 60x40"), show.id)
    for skus in (("TC-6040-BLK",), ("TC-6040-BLK", "TC-6040-SND"), ("TC-6040-BLK",)):
        services.leads.create(
            LeadInput(first_name="Zoé", products=tuple(ProductShown(sku=sku) for sku in skus)),
            event_id=show.id,
        )
    data = compute_dashboard(services, show.id, "UTC")
    assert data.per_product == {
        "Transit case 60x40 (TC-6040-BLK)": 3,
        "Transit case 60x40 (TC-6040-SND)": 1,
    }


def test_days_read_as_day_and_month_with_the_year_only_when_they_differ() -> None:
    first, second = datetime(2025, 11, 18).date(), datetime(2025, 11, 21).date()
    assert day_labels([first, second]) == ["18 Nov", "21 Nov"]
    new_year = datetime(2026, 1, 2).date()
    assert day_labels([first, new_year]) == ["18 Nov 2025", "2 Jan 2026"]


def test_an_empty_show_counts_nothing(services: Services) -> None:
    show = services.events.create(EventInput(name="Eurosatory", country="FR"))
    data = compute_dashboard(services, show.id, "UTC")
    assert data.total == 0
    assert data.per_hour_today == {}
    assert data.per_rating == {"Hot": 0, "Warm": 0, "Cold": 0}


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [
        (0, 1, 1),
        (1, 1, 1),
        (5, 5, 1),
        (7, 8, 2),
        (23, 25, 5),
        (94, 100, 20),
        (117, 120, 20),
        (136, 150, 50),
    ],
)
def test_count_axes_go_up_in_whole_round_steps(largest: int, top: int, step: int) -> None:
    assert count_scale(largest) == (top, step)


# --- in the window ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "target"),
    [(Qt.Key.Key_F, "search"), (Qt.Key.Key_B, "badge box")],
)
def test_search_and_badge_box_shortcuts_go_back_to_the_form_and_list(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow, key: Qt.Key, target: str
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.dashboard_action.trigger()
    qtbot.waitUntil(window.dashboard.isVisible)

    qtbot.keyClick(window.dashboard, key, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(window.view.isVisible)
    assert not window.dashboard_action.isChecked()
    editor = window.view.search_edit if target == "search" else window.badge_box.editor
    qtbot.waitUntil(editor.hasFocus)


def test_ctrl_d_swaps_the_form_and_list_for_the_dashboard_and_back(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first_name = window.capture.view.edits["first_name"]
    first_name.setFocus()
    qtbot.waitUntil(first_name.hasFocus)
    post_text(first_name, "Zoé")

    qtbot.keyClick(first_name, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(window.dashboard.isVisible)
    assert not window.view.isVisible()
    assert window.dashboard_action.isChecked()
    assert window.dashboard.total_label.text() == "7 leads at this show"

    qtbot.keyClick(window.dashboard, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(window.view.isVisible)
    assert not window.dashboard.isVisible()
    assert not window.dashboard_action.isChecked()
    assert first_name.text() == "Zoé"
    qtbot.waitUntil(first_name.hasFocus)

    window.dashboard_action.trigger()
    qtbot.waitUntil(window.dashboard.isVisible)
    window.dashboard.back_button.click()
    qtbot.waitUntil(window.view.isVisible)


def test_the_dashboard_fits_a_1366x768_laptop_screen(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    room = QGuiApplication.primaryScreen().availableGeometry()
    height = min(LAPTOP[1], room.height())
    window.resize(LAPTOP[0], height)
    qtbot.waitUntil(lambda: window.height() == height)

    open_dashboard(qtbot, window)

    assert window.height() == height
    assert window.frameGeometry().height() <= room.height()
    dashboard = window.dashboard
    bottom = dashboard.mapTo(window, QPoint(0, dashboard.height())).y()
    assert bottom <= window.statusBar().geometry().top()
    viewport = dashboard.scroll_area.viewport()
    for name, chart in dashboard.charts.items():
        top_left = chart.mapTo(viewport, QPoint(0, 0))
        assert top_left.y() >= 0, name
        assert top_left.y() + chart.height() <= viewport.height(), name
        assert top_left.x() + chart.width() <= viewport.width(), name


def test_an_empty_show_says_so_instead_of_drawing_charts(
    qtbot: QtBot, services: Services, make_window: MakeWindow
) -> None:
    show = services.events.create(EventInput(name="Eurosatory", country="FR"))
    services.events.use(show.id)
    window = make_window()

    open_dashboard(qtbot, window)

    dashboard = window.dashboard
    assert dashboard.message.isVisible()
    assert dashboard.message.title.text() == EMPTY_SHOW
    assert not dashboard.scroll_area.isVisible()
    assert dashboard.total_label.text() == "0 leads at this show"


def test_a_chart_with_nothing_to_count_says_so_and_draws_no_axes(qtbot: QtBot) -> None:
    chart = BarChart("Leads per hour today", "No leads today yet")
    qtbot.addWidget(chart)

    chart.set_values({"09:00": 0, "10:00": 0})

    assert chart.message.isVisible()
    assert chart.message.text() == "No leads today yet"
    assert chart.chart().axes() == []
    assert chart.chart().series() == []

    chart.set_values({"09:00": 3})

    assert not chart.message.isVisible()
    assert len(chart.chart().axes()) == 2


def test_the_dashboard_draws_the_counts_on_whole_number_axes(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    open_dashboard(qtbot, window)

    data = window.dashboard.data
    assert data is not None and data.total == 7
    charts = window.dashboard.charts
    assert charts["per_rating"].values == data.per_rating
    assert charts["per_staff"].values == {"Anna Schmidt": 5, "Ben Okafor": 2}
    for name, chart in charts.items():
        axis = count_axis(chart)
        ticks = [
            axis.min() + index * (axis.max() - axis.min()) / (axis.tickCount() - 1)
            for index in range(axis.tickCount())
        ]
        assert axis.labelFormat() == "%d", name
        assert ticks[0] == 0, name
        assert all(tick == int(tick) for tick in ticks), (name, ticks)
        assert len({b - a for a, b in zip(ticks, ticks[1:], strict=False)}) == 1, name
        assert ticks[-1] >= max(chart.values.values()), name


def test_names_are_written_in_full_beside_horizontal_bars(
    qtbot: QtBot, catalogue: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.resize(*LAPTOP)

    open_dashboard(qtbot, window)

    products = window.dashboard.charts["per_product"]
    staff = window.dashboard.charts["per_staff"]
    assert staff.labels == staff.names == ["Ben Okafor", "Anna Schmidt"]
    shown = dict(zip(products.names, products.labels, strict=True))
    assert len(shown) == 20
    short_names = [name for name in shown if name != LONG_NAME]
    assert all(shown[name] == name for name in short_names)
    assert products.names[::-1] == list(products.values)


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")
def test_a_name_too_long_for_the_chart_is_elided_and_its_bar_tooltip_says_it_all(
    qtbot: QtBot,
) -> None:
    chart = BarChart("Leads per product", "None", horizontal=True)
    qtbot.addWidget(chart)
    chart.resize(520, 300)
    chart.show()
    qtbot.waitExposed(chart)

    chart.set_values({LONG_NAME: 4, "Custom Foam": 2})

    labels = dict(zip(chart.names, chart.labels, strict=True))
    assert labels["Custom Foam"] == "Custom Foam"
    assert labels[LONG_NAME].endswith("…")
    assert LONG_NAME.startswith(labels[LONG_NAME][:-1])
    index = chart.names.index(LONG_NAME)
    bar_sets(chart)[0].hovered.emit(True, index)
    assert QToolTip.text() == f"{LONG_NAME}: 4 leads"

    chart.resize(1800, 300)
    qtbot.waitUntil(lambda: chart.labels == chart.names)


def test_rating_bars_take_the_rating_colours(
    qtbot: QtBot, colour_mode: QPalette, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    open_dashboard(qtbot, window)

    chart = window.dashboard.charts["per_rating"]
    colours = {bars.label(): bars.color() for bars in bar_sets(chart)}
    base = QPalette.ColorRole.Base
    assert colours["Hot"] == rating_colour(Rating.HOT, base)
    assert colours["Warm"] == rating_colour(Rating.WARM, base)
    assert colours["Cold"] == rating_colour(Rating.COLD, base)
    assert len({colour.name() for colour in colours.values()}) == 4


def test_a_scan_goes_back_to_the_form_with_the_scanned_lead(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    open_dashboard(qtbot, window)

    window.scan_badge("BADGE-0042")

    qtbot.waitUntil(window.view.isVisible)
    assert not window.dashboard_action.isChecked()
    assert window.capture.lead_id is not None


def test_the_dashboard_counts_again_when_asked(
    qtbot: QtBot, booth: Booth, services: Services, make_window: MakeWindow
) -> None:
    window = make_window()
    open_dashboard(qtbot, window)
    services.leads.create(LeadInput(last_name="Nakamura", rating="hot"), event_id=booth.show.id)

    window.dashboard.schedule()

    qtbot.waitUntil(lambda: window.dashboard.total_label.text() == "8 leads at this show")
    assert window.dashboard.charts["per_rating"].values["Hot"] == 3


def test_a_database_that_cannot_be_read_is_said_on_the_dashboard(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    open_dashboard(qtbot, window)

    def server_gone(*_args: object) -> DashboardData:
        raise StorageError("the server booth.local stopped answering: check the network")

    monkeypatch.setattr(dashboard_module, "compute_dashboard", server_gone)
    window.dashboard.update_now()

    message = window.dashboard.message
    qtbot.waitUntil(message.isVisible)
    assert message.title.text() == "The leads cannot be counted"
    assert "stopped answering" in message.text.text()

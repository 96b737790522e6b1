"""The main window over a real database: empty state, list, search, sort, delete, counts."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from gui_helpers import Booth, displayed_column, post_text
from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from boothapp import __version__
from boothapp.core.errors import Conflict
from boothapp.core.models import Rating
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput, ProductShown
from boothapp.core.services import Services
from boothapp.gui.formatting import start_of_today
from boothapp.gui.lead_list import SEARCH_DELAY_MS
from boothapp.gui.main_window import (
    GEOMETRY_KEY,
    LeadCounts,
    MainWindow,
)
from boothapp.gui.models.lead_table import LEAD_ID_ROLE, Column
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.main_view import SEARCH_PLACEHOLDER

MakeWindow = Callable[[], MainWindow]

ALL_NAMES = {
    "Zoé Lefèvre",
    "Jörg Schäfer",
    "山田 太郎",
    "محمد العلي",
    "Bruno Costa",
    "Agnieszka Kowalska",
    "Carl Berg",
}


def click_header(qtbot: QtBot, window: MainWindow, column: Column) -> None:
    header = window.view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def wait_for_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(
        lambda: window.model.lead_filter is not None and window.model.lead_filter.search == text,
        timeout=SEARCH_DELAY_MS * 20,
    )


def row_of_name(window: MainWindow, name: str) -> int:
    names = [window.model.index(r, Column.NAME).data() for r in range(window.model.rowCount())]
    return names.index(name)


# --- no show yet ------------------------------------------------------------------------


def test_empty_database_offers_the_demo_show(make_window: MakeWindow) -> None:
    window = make_window()

    assert window.view.pages.currentWidget() is window.view.welcome
    assert window.view.welcome.title.text() == "No show yet"
    assert window.view.welcome.title.isVisible()
    assert window.view.welcome.demo_button.text() == "Create the demo show"
    assert window.view.welcome.demo_button.isVisible()
    assert window.windowTitle() == "boothapp"
    assert window.model.rowCount() == 0
    assert not window.find_action.isEnabled()
    assert not window.delete_action.isEnabled()
    assert not window.today_label.isVisible()


def test_demo_button_runs_create_demo_and_shows_its_leads(
    qtbot: QtBot, make_window: MakeWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Services, int]] = []

    def create_demo(services: Services, leads: int = 200, seed: int = 1) -> EventRow:
        calls.append((services, leads))
        show = services.events.create(EventInput(name="Demo Expo", timezone="Asia/Tokyo"))
        for name in ("Ada", "Grace", "Hedy"):
            services.leads.create(LeadInput(first_name=name), event_id=show.id)
        return show

    fake = types.ModuleType("boothapp.core.services.demo")
    fake.create_demo = create_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boothapp.core.services.demo", fake)
    window = make_window()

    qtbot.mouseClick(window.view.welcome.demo_button, Qt.MouseButton.LeftButton)

    assert calls == [(services, 200)]
    assert window.view.pages.currentWidget() is window.view.workspace
    assert window.windowTitle() == "Demo Expo — boothapp"
    assert window.view.show_combo.currentText() == "Demo Expo"
    assert window.model.rowCount() == 3
    assert window.show_total_label.text() == "In the show: 3"
    assert "Demo Expo" in window.notice_label.text()
    assert window.view.welcome.demo_button.isEnabled()


def test_a_failing_demo_says_why_and_stays_on_the_welcome_page(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def create_demo(services: Services, leads: int = 200, seed: int = 1) -> EventRow:
        raise Conflict("a show named 'Milipol Paris 2023' already exists")

    fake = types.ModuleType("boothapp.core.services.demo")
    fake.create_demo = create_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boothapp.core.services.demo", fake)
    window = make_window()

    qtbot.mouseClick(window.view.welcome.demo_button, Qt.MouseButton.LeftButton)

    assert window.view.pages.currentWidget() is window.view.welcome
    assert "already exists" in window.view.welcome.status.text()
    assert window.view.welcome.demo_button.isEnabled()
    assert window.view.welcome.demo_button.text() == "Create the demo show"


def test_the_real_demo_show_fills_the_window(
    qtbot: QtBot, make_window: MakeWindow, services: Services
) -> None:
    pytest.importorskip("boothapp.core.services.demo")
    window = make_window()

    qtbot.mouseClick(window.view.welcome.demo_button, Qt.MouseButton.LeftButton)

    assert window.active_show is not None
    assert window.view.pages.currentWidget() is window.view.workspace
    assert window.windowTitle() == f"{window.active_show.name} — boothapp"
    assert window.model.total() == 200
    assert window.model.rowCount() == 200
    assert window.show_total_label.text() == "In the show: 200"
    assert window.view.staff_combo.currentIndex() >= 0


# --- the smoke test -------------------------------------------------------------------------


def test_smoke_empty_then_a_show_with_leads(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    request: pytest.FixtureRequest,
) -> None:
    window = make_window()
    assert window.view.welcome.title.text() == "No show yet"

    booth: Booth = request.getfixturevalue("booth")
    window.refresh_action.trigger()

    assert window.view.pages.currentWidget() is window.view.workspace
    assert window.windowTitle() == "Milipol Paris — boothapp"
    assert set(displayed_column(window, Column.NAME)) == ALL_NAMES
    assert displayed_column(window, Column.NAME)[0] == "Zoé Lefèvre"  # newest first

    post_text(window.view.search_edit, "müll")
    wait_for_search(qtbot, window, "müll")
    assert displayed_column(window, Column.COMPANY) == ["Müller GmbH"]

    window.view.search_edit.clear()
    wait_for_search(qtbot, window, "")
    click_header(qtbot, window, Column.NAME)
    assert displayed_column(window, Column.NAME)[0] == "Agnieszka Kowalska"

    window.view.table.setFocus()
    window.view.table.selectRow(row_of_name(window, "Carl Berg"))
    window.delete_action.trigger()
    assert "Carl Berg" not in displayed_column(window, Column.NAME)
    assert services.leads.count(LeadFilter(event_id=booth.show.id)) == 6
    window.undo_action.trigger()
    assert "Carl Berg" in displayed_column(window, Column.NAME)
    assert services.leads.count(LeadFilter(event_id=booth.show.id)) == 7

    assert window.today_label.text() == "Today: 5"
    assert window.mine_label.text() == "By me today: 3"
    assert window.show_total_label.text() == "In the show: 7"


# --- the list -------------------------------------------------------------------------------


def test_list_shows_every_lead_text_as_given(booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()

    assert window.view.showing_table()
    assert set(displayed_column(window, Column.NAME)) == ALL_NAMES
    companies = set(displayed_column(window, Column.COMPANY))
    assert {"Müller GmbH", "山田精機株式会社", "شركة الخليج"} <= companies
    cities = set(displayed_column(window, Column.CITY))
    assert {"東京", "دبي", "München", "Göteborg"} <= cities
    assert "Japan" in displayed_column(window, Column.COUNTRY)
    assert set(displayed_column(window, Column.STAFF)) == {"Anna Schmidt", "Ben Okafor"}
    row = row_of_name(window, "Zoé Lefèvre")
    assert window.model.index(row, Column.RATING).data() == "Hot"
    assert window.model.index(row, 0).data(LEAD_ID_ROLE) == booth.lead_ids["Zoé Lefèvre"]


def test_header_shows_the_show_and_the_person_at_the_laptop(
    booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    assert window.windowTitle() == "Milipol Paris — boothapp"
    assert window.view.show_combo.currentText() == "Milipol Paris"
    details = window.view.show_details.text()
    assert "Paris Nord Villepinte" in details
    assert "Booth 5F-123" in details
    assert "Europe/Paris" in details
    assert window.view.staff_combo.currentText() == "Anna Schmidt"
    assert window.view.search_edit.placeholderText() == SEARCH_PLACEHOLDER
    assert SEARCH_PLACEHOLDER == "Search leads — name, company, e-mail, city, notes"


def test_the_list_has_sensible_presentation(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.resize(1920, 1080)
    table = window.view.table
    qtbot.waitUntil(lambda: table.viewport().width() > 1200)

    assert table.alternatingRowColors()
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.isSortingEnabled()
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in Column]
    assert all(width >= 60 for width in widths)
    assert sum(widths) <= table.viewport().width() + 2
    metrics = table.fontMetrics()
    assert header.sectionSize(Column.CAPTURED_AT) > metrics.horizontalAdvance("2025-11-18 14:05")


def test_search_narrows_the_list_as_you_type(
    qtbot: QtBot,
    booth: Booth,
    make_window: MakeWindow,
) -> None:
    window = make_window()
    search = window.view.search_edit

    post_text(search, "Zoé")
    assert search.text() == "Zoé"
    assert window.model.rowCount() == 7  # not yet: the search waits for a pause
    wait_for_search(qtbot, window, "Zoé")
    assert displayed_column(window, Column.NAME) == ["Zoé Lefèvre"]
    assert window.summary_label.text() == "1 of 7 lead matches “Zoé”"

    search.setText("山田")
    wait_for_search(qtbot, window, "山田")
    assert displayed_column(window, Column.NAME) == ["山田 太郎"]

    search.setText("quote")  # words of notes are found too
    wait_for_search(qtbot, window, "quote")
    assert displayed_column(window, Column.NAME) == ["Zoé Lefèvre"]

    search.setText("العلي")
    wait_for_search(qtbot, window, "العلي")
    assert displayed_column(window, Column.NAME) == ["محمد العلي"]


def test_a_search_without_matches_says_so_and_can_be_cleared(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    window.view.search_edit.setText("xylophone")
    wait_for_search(qtbot, window, "xylophone")

    assert not window.view.showing_table()
    assert window.view.list_message.title.text() == "No leads match “xylophone”"
    assert window.view.list_message.button.text() == "Clear search"
    assert window.summary_label.text() == "No leads match “xylophone”"

    qtbot.mouseClick(window.view.list_message.button, Qt.MouseButton.LeftButton)

    assert window.view.search_edit.text() == ""
    assert window.view.showing_table()
    assert window.model.rowCount() == 7


def test_a_show_without_leads_says_so(make_window: MakeWindow, services: Services) -> None:
    services.events.create(EventInput(name="Eurosatory"))
    window = make_window()

    assert not window.view.showing_table()
    assert window.view.list_message.title.text() == "No leads yet"
    assert not window.view.list_message.button.isVisibleTo(window)
    assert window.show_total_label.text() == "In the show: 0"


def test_clicking_headers_sorts_in_the_database(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()

    click_header(qtbot, window, Column.NAME)
    ascending = displayed_column(window, Column.NAME)
    assert ascending == [
        "Agnieszka Kowalska",
        "Bruno Costa",
        "Carl Berg",
        "Jörg Schäfer",
        "Zoé Lefèvre",
        "محمد العلي",
        "山田 太郎",
    ]
    click_header(qtbot, window, Column.NAME)
    assert displayed_column(window, Column.NAME) == ascending[::-1]

    window.view.table.horizontalHeader().setSectionHidden(Column.CITY, False)
    click_header(qtbot, window, Column.CITY)
    assert displayed_column(window, Column.CITY)[:3] == ["Göteborg", "Lyon", "München"]

    click_header(qtbot, window, Column.CAPTURED_AT)
    captured = displayed_column(window, Column.CAPTURED_AT)
    assert captured == sorted(captured)


def test_a_column_that_cannot_be_sorted_keeps_the_current_order(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    before = displayed_column(window, Column.NAME)

    click_header(qtbot, window, Column.STAFF)

    assert displayed_column(window, Column.NAME) == before
    header = window.view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.CAPTURED_AT
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


# --- delete and undo --------------------------------------------------------------------------


def test_delete_key_deletes_and_ctrl_z_brings_back(
    qtbot: QtBot,
    booth: Booth,
    make_window: MakeWindow,
    services: Services,
) -> None:
    window = make_window()
    table = window.view.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.selectRow(row_of_name(window, "Zoé Lefèvre"))
    zoe = booth.lead_ids["Zoé Lefèvre"]

    qtbot.keyClick(table, Qt.Key.Key_Delete)

    assert "Zoé Lefèvre" not in displayed_column(window, Column.NAME)
    assert services.leads.get(zoe).deleted_at is not None
    assert window.notice_label.text() == "Deleted “Zoé Lefèvre”."
    assert window.undo_button.isVisible()
    assert window.undo_action.isEnabled()
    assert window.show_total_label.text() == "In the show: 6"
    assert window.today_label.text() == "Today: 4"
    assert window.selected_lead_id() is not None  # the next lead is selected

    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert services.leads.get(zoe).deleted_at is None
    assert "Zoé Lefèvre" in displayed_column(window, Column.NAME)
    assert window.selected_lead_id() == zoe
    assert window.notice_label.text() == "Restored “Zoé Lefèvre”."
    assert not window.undo_button.isVisible()
    assert not window.undo_action.isEnabled()
    assert window.show_total_label.text() == "In the show: 7"


def test_undo_button_in_the_status_bar_restores(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    window.view.table.selectRow(0)
    first = window.selected_lead_id()
    assert first is not None
    window.delete_action.trigger()
    window.view.table.selectRow(0)
    second = window.selected_lead_id()
    assert second is not None
    window.delete_action.trigger()
    assert window.model.total() == 5

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert services.leads.get(second).deleted_at is None
    assert services.leads.get(first).deleted_at is not None
    window.undo_action.trigger()
    assert services.leads.get(first).deleted_at is None
    assert window.model.total() == 7


def test_delete_without_a_selection_does_nothing(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    window.view.table.clearSelection()

    window.delete_selected()

    assert services.leads.count(LeadFilter(event_id=booth.show.id)) == 7
    assert not window.undo_action.isEnabled()


# --- header: show and staff ------------------------------------------------------------------


def test_status_bar_counts_today_mine_and_show(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()

    assert window.today_label.text() == "Today: 5"
    assert window.mine_label.text() == "By me today: 3"
    assert window.show_total_label.text() == "In the show: 7"
    assert window.summary_label.text() == "7 leads"

    combo = window.view.staff_combo
    combo.setCurrentIndex(combo.findText("Ben Okafor"))

    current = services.staff.current()
    assert current is not None and current.id == booth.ben_id
    assert window.mine_label.text() == "By me today: 2"
    assert window.today_label.text() == "Today: 5"


def test_switching_the_show_switches_the_list(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    other = services.events.create(EventInput(name="DSEI London", timezone="Europe/London"))
    services.leads.create(LeadInput(first_name="Olivia", last_name="Hughes"), event_id=other.id)
    window = make_window()
    combo = window.view.show_combo
    shows = [combo.itemText(i) for i in range(combo.count()) if isinstance(combo.itemData(i), int)]
    assert sorted(shows) == ["DSEI London", "Milipol Paris"]
    assert combo.itemText(combo.count() - 1) == "New show…"

    combo = window.view.show_combo
    combo.setCurrentIndex(combo.findText("DSEI London"))

    active = services.events.active()
    assert active is not None and active.id == other.id
    assert window.windowTitle() == "DSEI London — boothapp"
    assert displayed_column(window, Column.NAME) == ["Olivia Hughes"]
    assert window.show_total_label.text() == "In the show: 1"
    assert "Europe/London" in window.view.show_details.text()

    combo.setCurrentIndex(combo.findText("Milipol Paris"))
    assert window.model.total() == 7


def test_nobody_at_the_laptop_hides_my_count(make_window: MakeWindow, services: Services) -> None:
    show = services.events.create(EventInput(name="Eurosatory"))
    services.staff.create("Anna Schmidt", event_id=show.id)
    window = make_window()

    assert window.view.staff_combo.currentIndex() == -1
    assert window.view.staff_combo.placeholderText() == "Who are you?"
    assert not window.mine_label.isVisible()
    assert window.today_label.isVisible()


# --- lead details, menus, shortcuts -------------------------------------------------------


def test_double_click_opens_the_lead_in_the_capture_form(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    table = window.view.table
    row = row_of_name(window, "Zoé Lefèvre")
    rect = table.visualRect(window.model.index(row, Column.NAME))

    # A real double click starts with a click; QTest's mouseDClick alone skips it.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    form = window.capture
    assert form.lead_id == booth.lead_ids["Zoé Lefèvre"]
    assert form.view.title.text() == "Editing Zoé Lefèvre"
    assert form.view.edits["first_name"].text() == "Zoé"
    assert form.view.edits["company"].text() == "Thales"
    assert form.view.edits["email"].text() == "zoe.lefevre@thalesgroup.com"
    assert form.view.country_combo.currentText() == "France"
    assert form.rating() is Rating.HOT
    assert form.view.products.chosen() == (ProductShown(sku="TC-6040", quantity=2),)
    history = form.view.history.toPlainText()
    assert "Anna Schmidt" in history
    assert "Wants a quote for 40 cases" in history
    assert form.view.history.isReadOnly()
    assert form.view.notes_edit.toPlainText() == ""
    qtbot.waitUntil(form.view.edits["first_name"].hasFocus)


def test_enter_opens_the_lead_in_the_capture_form(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    table = window.view.table
    table.setFocus()
    row = row_of_name(window, "محمد العلي")
    table.setCurrentIndex(window.model.index(row, 0))

    qtbot.keyClick(table, Qt.Key.Key_Return)

    form = window.capture
    assert form.view.title.text() == "Editing محمد العلي"
    assert form.view.edits["company"].text() == "شركة الخليج"
    assert form.view.edits["email"].text() == ""


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.table.setFocus()
    qtbot.waitUntil(window.view.table.hasFocus)

    qtbot.keyClick(window.view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(window.view.search_edit.hasFocus)


def test_menus_and_shortcuts(booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]

    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.delete_action.shortcut().toString() == "Del"


def test_about_shows_version_and_database(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()

    window.about_action.trigger()

    box = window.message_box
    assert box is not None and box.isVisible()
    assert __version__ in box.text()
    assert services.database.label in box.informativeText()
    box.close()


def test_refresh_picks_up_leads_added_elsewhere(
    booth: Booth, make_window: MakeWindow, services: Services
) -> None:
    window = make_window()
    services.leads.create(LeadInput(first_name="Nadia", last_name="Haddad"), event_id=booth.show.id)

    window.refresh_action.trigger()

    assert displayed_column(window, Column.NAME)[0] == "Nadia Haddad"
    assert window.show_total_label.text() == "In the show: 8"


def test_quit_closes_the_window(qtbot: QtBot, booth: Booth, make_window: MakeWindow) -> None:
    window = make_window()

    window.quit_action.trigger()

    assert not window.isVisible()


# --- geometry -------------------------------------------------------------------------------


def test_the_window_opens_maximised_on_a_small_laptop_screen(make_window: MakeWindow) -> None:
    window = make_window()
    room = QGuiApplication.primaryScreen().availableGeometry()

    assert window.isMaximized()
    assert window.frameGeometry().width() <= room.width()
    assert window.frameGeometry().height() <= room.height()


def test_geometry_is_remembered(
    qtbot: QtBot, make_window: MakeWindow, window_settings: QSettings
) -> None:
    window = make_window()
    window.resize(700, 450)
    window.close()
    assert window_settings.value(GEOMETRY_KEY) is not None

    again = make_window()

    assert (again.width(), again.height()) == (700, 450)


def test_the_forms_width_and_the_columns_a_person_set_are_remembered(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.view.splitter.setSizes([450, max(1, window.width() - 450)])
    header = window.view.table.horizontalHeader()
    window.lead_list.columns_set_by_user = True
    header.resizeSection(Column.NAME, 333)
    window.close()

    again = make_window()

    assert again.view.splitter.sizes()[0] == window.view.splitter.sizes()[0]
    assert again.view.table.horizontalHeader().sectionSize(Column.NAME) == 333


# --- counting off the UI thread ------------------------------------------------------------


def test_counts_arrive_from_a_worker_thread(
    qtbot: QtBot, booth: Booth, services: Services, window_settings: QSettings
) -> None:
    pool = QThreadPool()
    window = MainWindow(services, runner=TaskRunner(pool), settings=window_settings)
    qtbot.addWidget(window)
    window.show()

    qtbot.waitUntil(lambda: window.show_total_label.text() == "In the show: 7", timeout=5000)
    assert window.today_label.text() == "Today: 5"
    assert window.mine_label.text() == "By me today: 3"
    assert window.summary_label.text() == "7 leads"

    window.view.search_edit.setText("müller")
    qtbot.waitUntil(lambda: window.summary_label.text() == "1 of 7 lead matches “müller”")
    assert pool.waitForDone(5000)


def test_the_status_counts_are_the_show_today_and_mine(booth: Booth, services: Services) -> None:
    counts = services.counts.status(booth.show, booth.ben_id, search="")
    assert counts == LeadCounts(matching=7, in_show=7, today=5, mine=2)

    counts = services.counts.status(booth.show, None, search="lefèvre")
    assert counts == LeadCounts(matching=1, in_show=7, today=5, mine=None)

    counts = services.counts.status(booth.show, None, search="", known_matching=7)
    assert counts.in_show == 7


def test_today_starts_at_midnight_in_the_show_time_zone(services: Services) -> None:
    show = services.events.create(EventInput(name="Tokyo Expo", timezone="Asia/Tokyo"))
    now = datetime.now(UTC)
    midnight_tokyo = start_of_today("Asia/Tokyo", now)
    assert midnight_tokyo.astimezone(ZoneInfo("Asia/Tokyo")).time() == time(0, 0)
    services.leads.create(
        LeadInput(first_name="Before"),
        event_id=show.id,
        created_at=midnight_tokyo - timedelta(seconds=1),
    )
    services.leads.create(
        LeadInput(first_name="After"), event_id=show.id, created_at=midnight_tokyo
    )

    counts = services.counts.status(show, None, search="")

    assert (counts.today, counts.in_show) == (1, 2)


def test_down_arrow_in_the_search_box_moves_to_the_list(
    qtbot: QtBot, booth: Booth, make_window: MakeWindow
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    search = window.view.search_edit
    window.focus_search()
    qtbot.waitUntil(search.hasFocus)

    qtbot.keyClick(search, Qt.Key.Key_Down)

    qtbot.waitUntil(window.view.table.hasFocus)
    assert window.selected_lead_id() == window.model.lead_at(0).id


def test_a_lead_with_only_a_badge_still_has_a_name_in_the_list(
    make_window: MakeWindow, services: Services
) -> None:
    show = services.events.create(EventInput(name="Eurosatory"))
    services.leads.create(LeadInput(badge_id="EUR-000123"), event_id=show.id)
    window = make_window()

    assert displayed_column(window, Column.NAME) == ["EUR-000123"]

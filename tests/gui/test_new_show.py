"""The new show dialog: the fields of `boothapp event add`, Create show, Escape."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from gui_helpers import post_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import EventInput, EventRow
from boothapp.core.services import Services
from boothapp.gui.settings.new_show_dialog import NewShowDialog
from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog
from boothapp.gui.views.show_settings_view import ShowDetailsView

OpenDialog = Callable[[], NewShowDialog]


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    window = QWidget()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def open_dialog(qtbot: QtBot, services: Services, parent: QWidget) -> OpenDialog:
    def make() -> NewShowDialog:
        dialog = NewShowDialog(services, parent)
        dialog.open()
        qtbot.waitExposed(dialog)
        return dialog

    return make


@pytest.fixture
def milipol(services: Services) -> EventRow:
    """A show already there, and active."""
    return services.events.create(EventInput(name="Milipol Paris", country="FR", timezone=""))


def details(dialog: NewShowDialog) -> ShowDetailsView:
    return dialog.view.details


def zone_hint(view: ShowDetailsView) -> str:
    line = view.timezone_combo.lineEdit()
    assert line is not None
    return line.placeholderText()


def press_enter_in_last_field(qtbot: QtBot, dialog: NewShowDialog) -> None:
    qtbot.keyClick(details(dialog).consent_version_edit, Qt.Key.Key_Return)


def test_opens_ready_to_type_with_four_days_from_today(
    qtbot: QtBot, open_dialog: OpenDialog
) -> None:
    from test_mnemonics import mnemonic_of

    dialog = open_dialog()
    view = details(dialog)

    assert dialog.windowTitle() == "New show"
    assert dialog.isModal() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.focusWidget() is view.edits["name"]
    assert view.edits["name"].text() == ""
    today = date.today()
    assert view.edits["start_date"].text() == today.isoformat()
    assert view.edits["end_date"].text() == (today + timedelta(days=3)).isoformat()
    assert view.country_combo.currentText() == ""
    assert view.timezone_combo.currentText() == ""
    assert dialog.view.create_button.isDefault()
    letters = [
        letter for w in dialog.findChildren(QWidget) if (letter := mnemonic_of(w)) is not None
    ]
    assert len(letters) == len(set(letters)), sorted(letters)
    hint = dialog.sizeHint()
    assert hint.width() <= 700 and hint.height() <= 768 - 100
    assert dialog.width() >= hint.width() and dialog.height() >= hint.height()


@pytest.mark.parametrize(
    ("name", "country", "code", "zone"),
    [
        ("Salon Sécurité — Düsseldorf", "Allemagne", "DE", "Europe/Berlin"),
        ("東京国際防衛展 2026", "Japon", "JP", "Asia/Tokyo"),
        ("Milipol Paris 2027", "France", "FR", "Europe/Paris"),
    ],
)
def test_typed_show_is_created_and_becomes_the_active_one(
    qtbot: QtBot,
    open_dialog: OpenDialog,
    services: Services,
    milipol: EventRow,
    name: str,
    country: str,
    code: str,
    zone: str,
) -> None:
    dialog = open_dialog()
    view = details(dialog)
    post_text(view.edits["name"], name)
    post_text(view.edits["venue"], "Messe Düsseldorf — Halle 3")
    post_text(view.edits["city"], "Düsseldorf")
    view.country_combo.setEditText(country)
    view.edits["start_date"].setText("2027-11-16")
    view.edits["end_date"].setText("2027-11-19")
    post_text(view.edits["booth"], "3B-12")
    view.consent_edit.setPlainText("Nous pouvons vous recontacter.\nWe may contact you.")
    post_text(view.consent_version_edit, "v1")
    assert zone_hint(view) == f"{zone}, from the country"

    with qtbot.waitSignal(dialog.created) as blocker:
        press_enter_in_last_field(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    created = blocker.args[0]
    assert isinstance(created, EventRow)
    assert services.events.active() == created
    assert created != milipol
    assert services.events.get(created.id) == EventRow(
        id=created.id,
        name=name,
        venue="Messe Düsseldorf — Halle 3",
        city="Düsseldorf",
        country=code,
        start_date=date(2027, 11, 16),
        end_date=date(2027, 11, 19),
        booth="3B-12",
        timezone=zone,
        consent_text="Nous pouvons vous recontacter.\nWe may contact you.",
        consent_version="v1",
    )


def test_a_chosen_time_zone_is_kept_and_the_box_says_what_empty_means(
    qtbot: QtBot, open_dialog: OpenDialog, services: Services
) -> None:
    dialog = open_dialog()
    view = details(dialog)
    assert zone_hint(view) == "UTC, or the country's zone"
    view.country_combo.setCurrentIndex(view.country_combo.findData("US"))
    assert zone_hint(view) == "UTC: choose one of the country's zones"
    view.edits["name"].setText("AUSA Annual Meeting")
    view.timezone_combo.setEditText("America/New_York")

    with qtbot.waitSignal(dialog.created) as blocker:
        press_enter_in_last_field(qtbot, dialog)

    assert blocker.args[0].country == "US"
    assert blocker.args[0].timezone == "America/New_York"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("name", "   ", "Show name: a show needs a name"),
        ("name", "MILIPOL paris", "Show name: a show named 'MILIPOL paris' already exists"),
        ("end_date", "2027-11-15", "Last day: the show cannot end before it starts"),
        ("start_date", "16/11/2027", "First day: '16/11/2027' is not a date: use YYYY-MM-DD"),
        ("country", "Atlantide", "Country: unknown country 'Atlantide'"),
    ],
)
def test_a_refused_value_is_named_by_its_field_and_nothing_is_created(
    qtbot: QtBot,
    open_dialog: OpenDialog,
    services: Services,
    milipol: EventRow,
    field: str,
    value: str,
    expected: str,
) -> None:
    dialog = open_dialog()
    view = details(dialog)
    view.edits["name"].setText("Eurosatory")
    view.edits["start_date"].setText("2027-11-16")
    view.edits["end_date"].setText("2027-11-19")
    if field == "country":
        view.country_combo.setEditText(value)
    else:
        view.edits[field].setText(value)

    with qtbot.assertNotEmitted(dialog.created):
        press_enter_in_last_field(qtbot, dialog)

    error = view.field_errors[field]
    assert error.isVisible()
    assert error.text().startswith(expected)
    assert [e for e in view.field_errors.values() if e.isVisible()] == [error]
    assert dialog.focusWidget() is view.fields[field]
    assert dialog.isVisible()
    assert services.events.list() == [milipol]
    assert services.events.active() == milipol

    view.edits["name"].setText("Eurosatory")
    view.edits["start_date"].setText("2027-11-16")
    view.edits["end_date"].setText("2027-11-19")
    view.country_combo.setEditText("France")
    with qtbot.waitSignal(dialog.created) as blocker:
        press_enter_in_last_field(qtbot, dialog)
    assert blocker.args[0].name == "Eurosatory"
    assert services.events.active() == blocker.args[0]


def test_the_last_day_follows_the_first_until_it_is_typed(
    qtbot: QtBot, open_dialog: OpenDialog
) -> None:
    view = details(open_dialog())
    start, end = view.edits["start_date"], view.edits["end_date"]
    start.clear()
    post_text(start, "2027-11-16")
    assert end.text() == "2027-11-19"

    end.clear()
    post_text(end, "2027-11-17")
    start.clear()
    post_text(start, "2027-11-15")
    assert end.text() == "2027-11-17"


def test_escape_creates_nothing(
    qtbot: QtBot, open_dialog: OpenDialog, services: Services, milipol: EventRow
) -> None:
    dialog = open_dialog()
    view = details(dialog)
    post_text(view.edits["name"], "Sécurité Expo")

    with qtbot.assertNotEmitted(dialog.created):
        qtbot.keyClick(view.edits["name"], Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert services.events.list() == [milipol]
    assert services.events.active() == milipol


def test_the_settings_of_a_new_show_open_on_its_staff_page(
    qtbot: QtBot, services: Services, parent: QWidget
) -> None:
    show = services.events.create(EventInput(name="Eurosatory"))
    dialog = ShowSettingsDialog(services, show, parent)
    qtbot.addWidget(dialog)
    dialog.show_page("staff")
    dialog.open()
    qtbot.waitExposed(dialog)

    view = dialog.view
    assert view.tabs.currentWidget() is view.staff_tab
    assert dialog.focusWidget() is view.staff_name_edit

    services.staff.create("Anna Schmidt")
    dialog.load()
    dialog.show_page("staff")
    assert dialog.focusWidget() is view.roster_table
    dialog.show_page("show")
    assert view.tabs.currentWidget() is view.show_tab
    assert dialog.focusWidget() is view.edits["name"]

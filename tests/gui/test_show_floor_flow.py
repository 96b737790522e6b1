"""A show day at the booth: nothing typed is lost when the form is given another lead,
keys typed fast land where they were meant, shortcuts work from every field, and nothing
of one visitor carries over to the next."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from gui_helpers import Keys, post_text
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from boothapp.core.models import FollowUp, Rating
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.tasks import SynchronousRunner

PAUL = "BEGIN:VCARD\nVERSION:3.0\nN:Roux;Paul\nFN:Paul Roux\nORG:Airbus\nEND:VCARD"
ANNA = "BEGIN:VCARD\nVERSION:3.0\nN:Weber;Anna\nFN:Anna Weber\nORG:Hensoldt\nEND:VCARD"


def lead_named(services: Services, show: int, first_name: str) -> str:
    rows = [
        row
        for row in services.leads.list(LeadFilter(event_id=show))
        if row.first_name == first_name
    ]
    assert len(rows) == 1, rows
    return rows[0].id


def test_a_scan_saves_what_was_typed_for_the_lead_open_before(
    window: MainWindow, services: Services, show: int
) -> None:
    form = window.capture
    window.scan_badge(PAUL)
    paul = lead_named(services, show, "Paul")
    form.toggle_rating(Rating.WARM)
    form.view.notes_edit.setPlainText("Wants 40 cases for the navy")

    window.scan_badge(ANNA)

    stored = services.leads.get(paul)
    assert stored.rating == Rating.WARM
    assert [note.text for note in stored.notes] == ["Wants 40 cases for the navy"]
    anna = lead_named(services, show, "Anna")
    assert form.lead_id == anna
    assert form.rating() is None
    assert form.view.notes_edit.toPlainText() == ""
    notice = window.notice_label.text()
    assert notice.startswith("Anna Weber — new lead")
    assert "Saved changes to Paul Roux" in notice
    assert window.undo_button.isVisible()


def test_undo_takes_back_the_changes_saved_by_a_scan(
    window: MainWindow, services: Services, show: int
) -> None:
    window.scan_badge(PAUL)
    paul = lead_named(services, show, "Paul")
    window.capture.toggle_rating(Rating.HOT)
    window.capture.view.notes_edit.setPlainText("Call after the show")
    window.scan_badge(ANNA)

    window.undo_button.click()

    stored = services.leads.get(paul)
    assert stored.rating is None
    assert stored.notes == ()
    assert window.notice_label.text() == "Took back the changes to Paul Roux."


def test_a_scan_keeps_a_new_visitor_being_typed_and_offers_it_back(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Marie")
    form.view.edits["company"].setText("Naval Group")
    form.view.notes_edit.setPlainText("Asked for the rack catalogue")

    window.scan_badge(PAUL)
    form.view.notes_edit.setPlainText("Paul's note")
    form.autosave()

    assert form.view.restore_bar.isVisible()
    assert "(Marie)" in form.view.restore_bar.text.text()
    assert "Kept Marie aside" in window.notice_label.text()
    form.view.restore_button.click()

    assert form.lead_id is None
    assert form.view.edits["company"].text() == "Naval Group"
    assert form.view.notes_edit.toPlainText() == "Asked for the rack catalogue"
    paul = services.leads.get(lead_named(services, show, "Paul"))
    assert [note.text for note in paul.notes] == ["Paul's note"]
    assert not form.view.restore_bar.isVisible()
    assert services.drafts.kept() == []


def test_kept_visitors_survive_the_next_visitors_autosave_and_a_restart(
    window: MainWindow,
    services: Services,
    show: int,
    window_settings: QSettings,
    qtbot: QtBot,
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Marie")
    window.scan_badge(PAUL)
    form.new_visitor()
    form.view.edits["first_name"].setText("Lena")
    window.scan_badge(ANNA)
    form.view.notes_edit.setPlainText("typing on")
    form.autosave()
    window.close()

    assert [draft.fields["first_name"] for draft in services.drafts.kept()] == ["Marie", "Lena"]
    again = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.started)
    assert again.capture.view.restore_bar.text.text().endswith("(Lena) · 1 more kept")
    assert [n.text for n in services.leads.get(lead_named(services, show, "Anna")).notes] == [
        "typing on"
    ]


def test_opening_another_lead_saves_the_one_being_edited(
    window: MainWindow, services: Services, show: int
) -> None:
    window.scan_badge(PAUL)
    window.scan_badge(ANNA)
    anna = lead_named(services, show, "Anna")
    paul = lead_named(services, show, "Paul")
    window.capture.view.edits["job_title"].setText("Buyer")

    window.select_lead(paul)
    window.open_selected()

    assert services.leads.get(anna).job_title == "Buyer"
    assert window.capture.lead_id == paul


def test_switching_staff_or_show_saves_the_lead_being_edited(
    window: MainWindow, services: Services, show: int
) -> None:
    ben = services.staff.create("Ben Okafor", event_id=show)
    other = services.events.create(EventInput(name="Eurosatory", country="FR"))
    window.refresh()
    window.scan_badge(PAUL)
    paul = lead_named(services, show, "Paul")
    window.capture.view.edits["job_title"].setText("Buyer")

    combo = window.view.staff_combo
    combo.setCurrentIndex(combo.findData(ben.id))

    stored = services.leads.get(paul)
    assert stored.job_title == "Buyer"
    assert window.capture.lead_id is None
    window.scan_badge(ANNA)
    window.capture.view.edits["job_title"].setText("Engineer")
    shows = window.view.show_combo
    shows.setCurrentIndex(shows.findData(other.id))
    assert services.leads.get(lead_named(services, show, "Anna")).job_title == "Engineer"
    assert window.capture.is_empty()


def test_closing_the_window_saves_the_lead_being_edited(
    window: MainWindow, services: Services, show: int
) -> None:
    window.scan_badge(PAUL)
    window.capture.view.notes_edit.setPlainText("Last words before closing")

    window.close()

    notes = services.leads.get(lead_named(services, show, "Paul")).notes
    assert [note.text for note in notes] == ["Last words before closing"]


def test_an_edit_that_cannot_be_saved_is_kept_rather_than_lost(
    window: MainWindow, services: Services, show: int
) -> None:
    window.scan_badge(PAUL)
    window.capture.view.edits["email"].setText("not an address")
    window.capture.view.notes_edit.setPlainText("Important")

    window.scan_badge(ANNA)

    kept = services.drafts.kept()
    assert len(kept) == 1
    assert kept[0].lead_id == lead_named(services, show, "Paul")
    assert kept[0].fields["note"] == "Important"
    assert "Changes to Paul Roux not saved" in window.notice_label.text()


# --- keys typed fast ------------------------------------------------------------------


@pytest.mark.parametrize("gap_ms", [10, 25, 42])
def test_keys_typed_right_after_tab_land_in_the_next_field(
    qtbot: QtBot, window: MainWindow, gap_ms: int
) -> None:
    """A person's keys held back by the scanner detection are sent on to whatever has
    the focus by then, the Tab included."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = window.capture.view.edits["first_name"]
    last = window.capture.view.edits["last_name"]
    window.capture.focus_first_field()
    qtbot.waitUntil(first.hasFocus)
    keys = Keys()
    for char in "Anne":
        keys.post(first, char, gap_ms=120)
    keys.now += 60
    tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "\t")
    tab.setTimestamp(keys.now)
    QCoreApplication.postEvent(first, tab)
    released = QKeyEvent(
        QEvent.Type.KeyRelease, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, "\t"
    )
    released.setTimestamp(keys.now + 2)
    QCoreApplication.postEvent(first, released)
    keys.post(first, "B", gap_ms=gap_ms)
    keys.post(first, "ernard", gap_ms=120)

    qtbot.waitUntil(lambda: last.text() == "Bernard", timeout=3000)
    assert first.text() == "Anne"


# --- shortcuts from every field ------------------------------------------------------------


def text_fields(window: MainWindow) -> list[QWidget]:
    fields: list[QWidget] = [
        *window.capture.view.edits.values(),
        window.capture.view.notes_edit,
        window.view.search_edit,
    ]
    line = window.capture.view.country_combo.lineEdit()
    assert line is not None
    return [*fields, line, window.capture.view.products.filter_edit]


@pytest.mark.parametrize("name", ["export", "dashboard", "find", "badge_box", "settings"])
def test_window_shortcuts_work_from_every_text_field(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    action: QAction = getattr(window, f"{name}_action")
    keys = action.shortcut()
    fired: list[bool] = []
    action.triggered.disconnect()
    action.triggered.connect(lambda *_: fired.append(True))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for field in text_fields(window):
        if not field.isVisible():
            window.dashboard_action.setChecked(False)
            window.view.show_workspace()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        before = len(fired)
        combination = keys[0]
        qtbot.keyClick(field, combination.key(), combination.keyboardModifiers())
        assert len(fired) == before + 1, f"{keys.toString()} from {field.objectName()}"


@pytest.mark.qt_log_ignore(
    r"^This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))$"
)
def test_alt_f_opens_the_file_menu_from_the_first_name(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = window.capture.view.edits["first_name"]
    window.capture.focus_first_field()
    qtbot.waitUntil(first.hasFocus)

    qtbot.keyClick(first, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu.title() == "&File"
    menu.close()


def test_menu_letters_are_not_taken_by_the_form(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    letters = {title[title.index("&") + 1].lower() for title in titles if "&" in title}
    assert letters == {"f", "e", "v", "h"}
    for name, label in window.capture.view.labels.items():
        text = label.text().replace("&&", "")
        if "&" in text:
            assert text[text.index("&") + 1].lower() not in letters, name


# --- one visitor never carries over to the next --------------------------------------------


def test_consent_ticked_just_before_saving_goes_with_that_visitor(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    services.events.update(
        show, EventInput(name="Milipol Paris", country="FR", consent_text="We may contact you")
    )
    window.refresh()
    form = window.capture
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = form.view.edits["first_name"]
    form.focus_first_field()
    qtbot.waitUntil(first.hasFocus)
    post_text(first, "Zoé")

    qtbot.keyClick(first, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(
        QApplication.focusWidget() or first, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )

    stored = services.leads.get(lead_named(services, show, "Zoé"))
    assert stored.consent_given
    assert not form.view.consent_box.isChecked()
    qtbot.wait(150)
    assert not form.view.consent_box.isChecked()


def test_consent_cannot_be_ticked_on_a_show_without_consent_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.capture
    assert not form.view.consent_box.isEnabled()
    form.toggle_consent()
    assert not form.view.consent_box.isChecked()
    assert "no consent text" in form.view.consent_text.text()


# --- what the keyboard moves to is in view -----------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        lambda w: w.capture.view.notes_edit,
        lambda w: w.capture.view.follow_up_boxes[FollowUp.DEMO],
    ],
)
def test_a_field_reached_by_keyboard_is_scrolled_into_view(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    show: int,
    target: Callable[[MainWindow], QWidget],
) -> None:
    window.resize(900, 480)
    qtbot.wait(20)
    scroll = window.capture.view.scroll_area
    scroll.verticalScrollBar().setValue(0)
    widget = target(window)

    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(widget.hasFocus)

    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    assert 0 <= top_left.y() < viewport.height()


def test_the_new_visitor_form_is_blank_after_a_save(
    window: MainWindow, services: Services, show: int
) -> None:
    form = window.capture
    form.set_fields({"first_name": "Ada", "rating": "hot", "follow_ups": ["send_quote"]})
    form.view.products.filter_edit.setText("TC")
    form.save()

    assert form.is_empty()
    assert form.rating() is None
    assert form.view.products.filter_edit.text() == ""
    created = services.leads.create(LeadInput(first_name="x"), event_id=show)
    assert created.id


def test_the_line_edits_shortcut_override_is_refused_only_for_window_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.capture.view.edits["first_name"]
    field.setText("Anne")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setCursorPosition(4)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "Ann"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "Anne"
    assert isinstance(field, QLineEdit)
    assert not isinstance(field, QPlainTextEdit)
    assert QEvent.Type.ShortcutOverride in (QEvent.Type.ShortcutOverride,)


# --- a new show from the window ---------------------------------------------------------


def create_in_dialog(window: MainWindow, qtbot: QtBot, name: str) -> None:
    dialog = window.new_show_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    details = dialog.view.details  # type: ignore[attr-defined]
    details.edits["name"].setText(name)
    details.country_combo.setCurrentText("France")
    dialog.create_show()  # type: ignore[attr-defined]


def test_a_new_show_from_the_welcome_page_opens_its_staff_page(
    qtbot: QtBot, make_window: Callable[[], MainWindow], services: Services
) -> None:
    window = make_window()
    assert window.view.welcome.isVisible()
    window.view.welcome.new_show_button.click()

    create_in_dialog(window, qtbot, "Eurosatory 2026")

    assert window.active_show is not None
    assert window.active_show.name == "Eurosatory 2026"
    assert window.active_show.timezone == "Europe/Paris"
    settings = window.settings_dialog
    assert settings is not None
    assert settings.view.tabs.currentWidget() is settings.view.staff_tab
    assert "Created the show “Eurosatory 2026”" in window.notice_label.text()
    settings.reject()


def test_the_file_menu_and_the_show_drop_down_offer_a_new_show(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    window.new_show_action.trigger()
    create_in_dialog(window, qtbot, "山田 Expo")
    assert window.active_show is not None and window.active_show.name == "山田 Expo"
    assert window.settings_dialog is not None
    window.settings_dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)

    combo = window.view.show_combo
    combo.setCurrentIndex(combo.findText("New show…"))

    assert window.new_show_dialog is not None
    assert combo.currentText() == "山田 Expo"
    window.new_show_dialog.reject()


def test_the_export_dialogs_count_follows_a_scan_made_while_it_is_open(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    window.scan_badge(PAUL)
    window.open_export()
    dialog = window.scan_dialog
    assert dialog is not None
    label = dialog.count_label  # type: ignore[attr-defined]
    assert label.text() == "1 lead will be exported"

    window.scan_badge(ANNA)

    assert label.text() == "2 leads will be exported"
    dialog.reject()


def test_closing_asks_before_losing_a_visitor_that_cannot_be_kept(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from boothapp.core.errors import DiskFull
    from boothapp.gui.dialogs import LOSE_FORM_TITLE

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("the disk holding the database is full: free some space")

    monkeypatch.setattr(services.drafts, "keep", full_disk)
    window.capture.view.edits["first_name"].setText("Zoé")

    def answer(button: QMessageBox.StandardButton) -> None:
        box = window.dialogs.message_box
        assert isinstance(box, QMessageBox)
        assert box.windowTitle() == LOSE_FORM_TITLE
        clicked = box.button(button)
        assert clicked is not None
        clicked.click()

    window.close()
    answer(QMessageBox.StandardButton.Cancel)
    assert window.isVisible()
    assert window.capture.view.edits["first_name"].text() == "Zoé"

    window.close()
    answer(QMessageBox.StandardButton.Close)
    qtbot.waitUntil(lambda: not window.isVisible())

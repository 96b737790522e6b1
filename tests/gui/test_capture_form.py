"""The capture form in the main window: type a visitor, save, next visitor; edit, undo,
duplicates, drafts and inline validation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from gui_helpers import post_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot

from boothapp.core.models import FollowUp, ProductCategory, QuestionKind, Rating
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput, ProductInput
from boothapp.core.services import Services
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.main_window import FORM_WIDTH, MainWindow
from boothapp.gui.tasks import SynchronousRunner
from disk_space import full_disk

MakeWindow = Callable[[], MainWindow]
CONSENT = "Korvent may contact you about the products shown at this stand."


@dataclass(frozen=True)
class Show:
    show: EventRow
    anna_id: int
    interest_id: int
    units_id: int


@pytest.fixture
def show(services: Services) -> Show:
    """Milipol Paris (France) with a consent text, Anna at the laptop, three products on
    the stand and two qualifier questions."""
    event = services.events.create(
        EventInput(
            name="Milipol Paris",
            country="FR",
            timezone="Europe/Paris",
            consent_text=CONSENT,
            consent_version="v1",
        )
    )
    services.events.use(event.id)
    anna = services.staff.create("Anna Schmidt", event_id=event.id)
    services.staff.use(anna.id)
    for sku, name, category in (
        ("TC-6040", "Transit case 60x40", ProductCategory.TRANSIT_CASE),
        ("RC-19-6U", "Rack case 19in 6U", ProductCategory.RACK_CASE),
        ("SV-REPAIR", "Repair service", ProductCategory.SERVICE),
    ):
        services.products.create(ProductInput(sku=sku, name=name, category=category), event.id)
    interest = services.events.add_question(
        event.id, "Buying timeframe", QuestionKind.SINGLE, ("Now", "This year", "Later")
    )
    units = services.events.add_question(event.id, "Units per year", QuestionKind.NUMBER)
    return Show(show=event, anna_id=anna.id, interest_id=interest.id, units_id=units.id)


@pytest.fixture
def window(make_window: MakeWindow, show: Show, qtbot: QtBot) -> MainWindow:
    made = make_window()
    made.activateWindow()
    qtbot.waitUntil(made.isActiveWindow)
    return made


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    post_text(widget, text)


def fill_visitor(qtbot: QtBot, form: CaptureForm, first: str, last: str, email: str) -> None:
    edits = form.view.edits
    type_into(qtbot, edits["first_name"], first)
    type_into(qtbot, edits["last_name"], last)
    type_into(qtbot, edits["company"], "Thales")
    type_into(qtbot, edits["email"], email)


def live_leads(services: Services, show: Show) -> list[str]:
    rows = services.leads.list(LeadFilter(event_id=show.show.id), offset=0, limit=100)
    return [row.display_name for row in rows]


def no_dialog_open() -> bool:
    return not any(
        isinstance(w, QDialog | QMessageBox) and w.isVisible()
        for w in QApplication.topLevelWidgets()
    )


# --- capture, save, next visitor -------------------------------------------------------------


def test_capture_with_products_rating_questions_consent_and_notes(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show
) -> None:
    form = window.capture
    view = form.view
    assert view.edits["first_name"].hasFocus()
    assert view.country_combo.currentText() == ""
    line = view.country_combo.lineEdit()
    assert line is not None and line.placeholderText() == "France, or the phone's country"
    assert CONSENT in view.consent_text.text()

    fill_visitor(qtbot, form, "Zoé", "Lefèvre", "zoe.lefevre@thalesgroup.com")
    type_into(qtbot, view.edits["phone"], "01 23 45 67 89")
    view.edits["phone"].editingFinished.emit()
    assert view.hints["phone"].text() == "✓ +33 1 23 45 67 89"
    type_into(qtbot, view.products.filter_edit, "rack case")
    qtbot.keyClick(view.products.filter_edit, Qt.Key.Key_Return)
    rack = view.products.lines["RC-19-6U"]
    assert rack.check.isChecked()
    assert "(RC-19-6U)" in rack.check.toolTip()
    assert rack.quantity.isEnabled()
    rack.quantity.setValue(12)
    type_into(qtbot, rack.remark, "sand-coloured")
    qtbot.keyClick(view.edits["first_name"], Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert form.rating() is Rating.WARM
    view.follow_up_boxes[FollowUp.SEND_QUOTE].setChecked(True)
    combo = view.questions.controls[show.interest_id][0]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("This year"))
    view.consent_box.setChecked(True)
    type_into(qtbot, view.notes_edit, "Needs 12 cases before May")

    qtbot.keyClick(view.notes_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert live_leads(services, show) == ["Zoé Lefèvre"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    lead = services.leads.get(window.model.lead_at(0).id)
    assert (lead.first_name, lead.last_name, lead.company) == ("Zoé", "Lefèvre", "Thales")
    assert lead.phone == "+33123456789"
    assert lead.country == "FR"
    assert lead.rating is Rating.WARM
    assert lead.follow_ups == ("send_quote",)
    assert [(p.sku, p.quantity, p.remark) for p in lead.products] == [
        ("RC-19-6U", 12, "sand-coloured")
    ]
    assert [(a.question, a.value) for a in lead.answers] == [("Buying timeframe", "This year")]
    assert lead.consent_given and lead.consent_version == "v1"
    assert lead.consent_staff == "Anna Schmidt"
    assert [(n.text, n.staff) for n in lead.notes] == [
        ("Needs 12 cases before May", "Anna Schmidt")
    ]
    assert lead.staff == "Anna Schmidt"
    # The form is ready for the next visitor.
    assert form.is_empty()
    assert all(edit.text() == "" for edit in view.edits.values())
    assert not rack.check.isChecked() and not view.consent_box.isChecked()
    assert form.rating() is None
    qtbot.waitUntil(view.edits["first_name"].hasFocus)
    assert window.notice_label.text() == "Saved Zoé Lefèvre"
    assert window.undo_button.isVisible()
    assert window.selected_lead_id() == lead.id
    assert services.drafts.load() is None


def test_ctrl_return_saves_a_japanese_name(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show
) -> None:
    form = window.capture
    type_into(qtbot, form.view.edits["first_name"], "太郎")
    type_into(qtbot, form.view.edits["last_name"], "山田")
    assert form.view.edits["last_name"].text() == "山田"

    qtbot.keyClick(
        form.view.edits["last_name"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )

    assert live_leads(services, show) == ["山田 太郎"]
    assert window.notice_label.text() == "Saved 山田 太郎"
    qtbot.waitUntil(form.view.edits["first_name"].hasFocus)


def test_rating_keys_toggle_and_show_on_the_buttons(qtbot: QtBot, window: MainWindow) -> None:
    form = window.capture
    buttons = form.view.rating_buttons
    assert [b.text() for b in buttons.values()] == [
        "Hot  (Alt+1)",
        "Warm  (Alt+2)",
        "Cold  (Alt+3)",
    ]
    first = form.view.edits["first_name"]
    qtbot.keyClick(first, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert form.rating() is Rating.HOT
    qtbot.keyClick(first, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert form.rating() is Rating.COLD and not buttons[Rating.HOT].isChecked()
    qtbot.keyClick(first, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert form.rating() is None
    assert first.text() == ""


def test_hostile_note_is_saved_intact(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    form = window.capture
    note = "=HYPERLINK(\"http://evil\")\n+cmd|' /C calc'!A0\nمرحبا עולם 🚀👩‍🔧\x07\x1b[31m end"
    form.view.edits["first_name"].setText("Eve")
    form.view.notes_edit.setPlainText(note)

    saved = form.save()

    assert saved is not None
    stored = services.leads.get(saved.id).notes[0].text
    # Control characters go; so do the invisible joiners and bidi controls (core policy).
    assert stored == note.replace("\x07", "").replace("\x1b", "")
    assert stored.startswith("=HYPERLINK") and "مرحبا עולם 🚀👩‍🔧" in stored


# --- editing and undo ----------------------------------------------------------------------


def test_edit_an_existing_lead_and_save(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Jörg", last_name="Schäfer", company="Müller GmbH", note="First"),
        event_id=show.show.id,
        staff_id=show.anna_id,
    )
    window.refresh()
    form = window.capture
    window.select_lead(lead.id)
    window.open_selected()
    assert form.lead_id == lead.id
    assert "First" in form.view.history.toPlainText()
    assert form.view.history.isVisible()

    form.view.edits["job_title"].setText("Head of logistics")
    form.view.notes_edit.setPlainText("Second visit")
    qtbot.keyClick(form.view.notes_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    stored = services.leads.get(lead.id)
    assert stored.job_title == "Head of logistics"
    assert [n.text for n in stored.notes] == ["First", "Second visit"]
    assert live_leads(services, show) == ["Jörg Schäfer"]
    assert window.notice_label.text() == "Saved changes to Jörg Schäfer"
    window.undo_button.click()
    reverted = services.leads.get(lead.id)
    assert reverted.job_title == lead.job_title
    assert [n.text for n in reverted.notes] == ["First"]
    assert form.lead_id is None and form.view.title.text() == "New visitor"
    assert not form.view.history.isVisible()


def test_undo_after_save_deletes_the_lead(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Bruno")
    form.save()
    assert live_leads(services, show) == ["Bruno"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)

    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)

    assert live_leads(services, show) == []
    assert window.model.rowCount() == 0
    assert window.notice_label.text() == "Removed “Bruno”."
    window.undo_delete()
    assert live_leads(services, show) == ["Bruno"]


# --- duplicates ------------------------------------------------------------------------------


@pytest.fixture
def known(services: Services, show: Show) -> str:
    lead = services.leads.create(
        LeadInput(first_name="Zoé", last_name="Lefèvre", email="zoe@thales.com", note="Day one"),
        event_id=show.show.id,
        staff_id=show.anna_id,
    )
    return lead.id


def type_duplicate(form: CaptureForm) -> None:
    form.view.edits["first_name"].setText("Zoe")
    form.view.edits["company"].setText("Thales")
    form.view.edits["email"].setText("ZOE@thales.com")
    form.view.notes_edit.setPlainText("Day two: wants a quote")
    assert form.save() is None


def test_duplicate_guard_shows_an_inline_bar(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show, known: str
) -> None:
    form = window.capture
    type_duplicate(form)

    bar = form.view.duplicate_bar
    assert bar.isVisible()
    assert "Zoé Lefèvre" in bar.text.text()
    assert no_dialog_open()
    assert len(live_leads(services, show)) == 1
    assert form.view.edits["email"].text() == "ZOE@thales.com"
    form.view.cancel_duplicate_button.click()
    assert not bar.isVisible()
    assert form.view.edits["first_name"].text() == "Zoe"


def test_duplicate_open_existing(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show, known: str
) -> None:
    form = window.capture
    type_duplicate(form)

    form.view.open_existing_button.click()

    assert form.lead_id == known
    assert form.view.edits["first_name"].text() == "Zoé"
    assert form.view.notes_edit.toPlainText() == "Day two: wants a quote"
    assert not form.view.duplicate_bar.isVisible()
    form.save()
    assert [n.text for n in services.leads.get(known).notes] == [
        "Day one",
        "Day two: wants a quote",
    ]
    assert len(live_leads(services, show)) == 1


def test_duplicate_merge_into_it(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show, known: str
) -> None:
    form = window.capture
    type_duplicate(form)

    form.view.merge_button.click()

    merged = services.leads.get(known)
    assert merged.company == "Thales"
    assert merged.first_name == "Zoé"
    assert [n.text for n in merged.notes] == ["Day one", "Day two: wants a quote"]
    assert len(merged.visits) == 2
    assert len(live_leads(services, show)) == 1
    assert form.is_empty()
    assert window.notice_label.text() == "Merged into Zoé Lefèvre"


def test_duplicate_save_anyway(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show, known: str
) -> None:
    form = window.capture
    type_duplicate(form)

    form.view.save_anyway_button.click()

    assert sorted(live_leads(services, show)) == ["Zoe", "Zoé Lefèvre"]
    assert not form.view.duplicate_bar.isVisible()
    assert form.is_empty()


# --- drafts ----------------------------------------------------------------------------------


def test_draft_is_offered_back_after_a_crash(
    qtbot: QtBot, services: Services, show: Show, window_settings: QSettings
) -> None:
    first_window = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
    first_window.show()
    qtbot.waitUntil(lambda: first_window.started)
    form = first_window.capture
    form.view.edits["first_name"].setText("Zoé")
    form.view.edits["email"].setText("zoe@thales.com")
    form.view.products.lines["TC-6040"].check.setChecked(True)
    form.view.products.lines["TC-6040"].quantity.setValue(4)
    form.set_rating(Rating.HOT)
    form.view.notes_edit.setPlainText("Unsaved thoughts")
    form.autosave()
    assert services.drafts.load() is not None
    with qtbot.waitSignal(first_window.destroyed):
        first_window.deleteLater()

    again = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
    qtbot.addWidget(again)
    again.show()
    bar = again.capture.view.restore_bar
    assert bar.isVisible()
    assert bar.text.text().startswith("Unsaved visitor from ")
    assert "(Zoé)" in bar.text.text()
    assert again.capture.is_empty()

    again.capture.view.restore_button.click()

    view = again.capture.view
    assert view.edits["first_name"].text() == "Zoé"
    assert view.edits["email"].text() == "zoe@thales.com"
    assert again.capture.view.products.chosen()[0].quantity == 4
    assert again.capture.rating() is Rating.HOT
    assert view.notes_edit.toPlainText() == "Unsaved thoughts"
    assert not bar.isVisible()
    again.capture.save()
    assert services.drafts.load() is None


def test_autosave_writes_only_when_changed_and_discard_clears(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    form = window.capture
    assert form.autosave_timer.isActive()
    form.autosave()
    assert services.drafts.load() is None
    type_into(qtbot, form.view.edits["first_name"], "Ana")
    form.autosave()
    draft = services.drafts.load()
    assert draft is not None and draft.fields["first_name"] == "Ana"
    services.drafts.clear()
    form.autosave()
    assert services.drafts.load() is None

    form.view.edits["last_name"].setText("Silva")
    form.autosave()
    form.offer_draft()
    assert form.view.restore_bar.isVisible()
    form.view.discard_button.click()
    assert services.drafts.load() is None
    assert not form.view.restore_bar.isVisible()


def test_escape_clears_and_keeps_the_visitor_recoverable(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    form = window.capture
    first = form.view.edits["first_name"]
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not form.view.restore_bar.isVisible()

    type_into(qtbot, first, "Carl")
    qtbot.keyClick(first, Qt.Key.Key_Escape)

    assert form.is_empty()
    assert form.view.restore_bar.isVisible()
    assert form.view.restore_bar.text.text().startswith("Cleared visitor from ")
    form.view.restore_button.click()
    assert first.text() == "Carl"


# --- validation ------------------------------------------------------------------------------


def test_a_bad_email_is_flagged_inline_without_a_dialog(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    form = window.capture
    email = form.view.edits["email"]
    type_into(qtbot, email, "zoe@@thales")
    qtbot.waitUntil(form.view.hints["email"].isVisible)
    hint = form.view.hints["email"].text()
    assert hint.startswith("⚠")
    assert no_dialog_open()

    form.view.edits["first_name"].setText("Zoé")
    assert form.save() is None
    assert no_dialog_open()
    assert email.hasFocus()
    assert email.text() == "zoe@@thales"
    assert form.view.edits["first_name"].text() == "Zoé"
    assert services.leads.count(LeadFilter()) == 0

    email.setText("zoe@thales.com")
    qtbot.waitUntil(lambda: not form.view.hints["email"].isVisible())


def test_a_refused_country_is_shown_at_the_field_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Zoé")
    form.view.country_combo.setCurrentText("Atlantis")
    form.view.notes_edit.setPlainText("keep me")

    assert form.save() is None

    assert form.view.hints["country"].isVisible()
    assert "Atlantis" in form.view.hints["country"].text()
    assert form.view.country_combo.hasFocus()
    assert form.view.notes_edit.toPlainText() == "keep me"


def test_a_full_disk_keeps_the_visitor_in_the_form_until_the_save_goes_through(
    window: MainWindow, services: Services, show: Show
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Zoé")
    form.view.edits["last_name"].setText("Lefèvre")
    note = " ".join(["Wants a quote for drone cases."] * 800)
    form.view.notes_edit.setPlainText(note)

    with full_disk(services.database):
        assert form.save() is None

        assert form.view.error_label.isVisible()
        assert "is full" in form.view.error_label.text()
        assert live_leads(services, show) == []
    assert form.view.edits["last_name"].text() == "Lefèvre"
    assert form.view.notes_edit.toPlainText() == note

    saved = form.save()

    assert saved is not None
    assert live_leads(services, show) == ["Zoé Lefèvre"]
    assert services.leads.get(saved.id).notes[0].text == note
    assert not form.view.error_label.isVisible()


def test_a_bad_phone_warns_but_still_saves(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    form = window.capture
    form.view.edits["first_name"].setText("Zoé")
    form.view.edits["mobile"].setText("12")
    form.view.edits["mobile"].editingFinished.emit()
    assert "kept as typed" in form.view.hints["mobile"].text()

    saved = form.save()

    assert saved is not None and saved.mobile == "12"
    assert "kept as typed" in window.notice_label.text()


def test_french_country_names_are_understood(window: MainWindow, services: Services) -> None:
    form = window.capture
    completer = form.view.country_combo.completer()
    names = completer.model().stringList() if completer is not None else []
    assert "Allemagne" in names and "Germany" in names
    form.view.edits["first_name"].setText("Jörg")
    form.view.country_combo.setCurrentText("Allemagne")
    saved = form.save()
    assert saved is not None and saved.country == "DE"


# A completer popup on the offscreen platform: it cannot raise or grab the keyboard.
@pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)
def test_company_suggestions_come_as_you_type(
    qtbot: QtBot, window: MainWindow, services: Services, show: Show
) -> None:
    services.leads.create(
        LeadInput(first_name="A", company="Thales Land & Air"), event_id=show.show.id
    )
    form = window.capture
    company = form.view.edits["company"]
    type_into(qtbot, company, "tha")
    qtbot.waitUntil(lambda: form.company_model.stringList() == ["Thales Land & Air"])
    popup = form.company_completer.popup()
    assert popup is not None and popup.isVisible()


# --- keyboard and labels ---------------------------------------------------------------------


def tab_chain(start: QWidget, count: int) -> list[QWidget]:
    """The first ``count`` widgets Tab visits from ``start`` (the line edits inside combo
    and spin boxes aside)."""
    seen = [start]
    widget = start
    while len(seen) < count:
        widget = widget.nextInFocusChain()
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and widget.isVisible()
            and not isinstance(widget.parent(), QComboBox | QAbstractSpinBox)
        ):
            seen.append(widget)
    return seen


def test_tab_order_follows_the_form(window: MainWindow) -> None:
    view = window.capture.view
    expected: list[QWidget] = [
        view.edits["first_name"],
        view.edits["last_name"],
        view.edits["company"],
        view.edits["job_title"],
        view.edits["email"],
        view.edits["phone"],
        view.edits["mobile"],
        view.country_combo,
        view.edits["city"],
        view.edits["website"],
        view.products.filter_edit,
        *(line.check for line in view.products.lines.values()),
        *view.rating_buttons.values(),
        *view.follow_up_boxes.values(),
        *view.questions.focus_chain(),
        view.consent_box,
        window.capture.legal.combo,
        window.capture.legal.do_not_contact_box,
        view.notes_edit,
        view.save_button,
    ]
    assert tab_chain(expected[0], len(expected)) == expected


def test_every_field_is_labelled(window: MainWindow) -> None:
    view = window.capture.view
    buddies = {label.buddy() for label in view.findChildren(QLabel) if label.buddy() is not None}
    for widget in [*view.edits.values(), view.country_combo, view.notes_edit]:
        assert widget in buddies
        assert widget.accessibleName()
    for control in view.questions.focus_chain():
        assert control.accessibleName()


def test_a_long_product_name_is_shortened_on_a_laptop_screen_and_shows_the_name_first(
    show: Show, services: Services, make_window: MakeWindow, qtbot: QtBot
) -> None:
    services.products.create(
        ProductInput(
            sku="KRS-AC-SEAL",
            name="Gasket and Pressure-Valve Service Kit for Every Case in the Range",
            category=ProductCategory.ACCESSORY,
        ),
        show.show.id,
    )
    window = make_window()
    window.resize(1366, 768)
    # As the window lays itself out when it opens on a 1366-pixel laptop screen.
    window.view.splitter.setSizes([FORM_WIDTH, 1366 - FORM_WIDTH])
    lines = {sku: line.check for sku, line in window.capture.view.products.lines.items()}
    long_box, short_box = lines["KRS-AC-SEAL"], lines["TC-6040"]
    qtbot.waitUntil(lambda: "…" in long_box.text() and "…" not in short_box.text())

    for box in (long_box, short_box):
        style = box.style()
        room = (
            box.width()
            - style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
            - style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, box)
        )
        assert box.fontMetrics().horizontalAdvance(box.text()) <= room
    assert long_box.text().startswith("Gasket and")
    assert "KRS-AC-SEAL" not in long_box.text()
    assert "Gasket and Pressure-Valve Service Kit for Every Case" in long_box.toolTip()
    assert short_box.text() in ("Transit case 60x40  ·  TC-6040", "Transit case 60x40")

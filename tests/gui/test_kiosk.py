"""Kiosk mode: visitors register themselves on a full-screen page while the main window
is hidden; leaving needs the manager PIN (or, without one, Ctrl+Alt+K and a yes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from gui_helpers import Keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from boothapp.core.privacy.erasure import erase
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.vocabulary import LeadSource, LegalBasis
from boothapp.gui.kiosk import KioskWindow, start_kiosk
from boothapp.gui.kiosk.kiosk_window import BADGE_READ, FRIENDLY_ERRORS, NOT_HERE
from boothapp.gui.kiosk.registration import CONTACT_MISSING, NAME_MISSING
from boothapp.gui.main_window import MainWindow
from boothapp.gui.pin_dialog import PinDialog
from boothapp.gui.scanning.wedge import WedgeScanner

VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Müller GmbH\n"
    "TITLE:Directrice achats\nEMAIL:zoe.lefevre@example.fr\nTEL:+33 6 12 34 56 78\nEND:VCARD"
)
CONSENT_TEXT = "Korvent may e-mail you about the products you chose."
CONSENT_VERSION = "2026-03"
LONG = 60_000
KEYS = Keys()
"""One virtual clock for every key of the module: typing (keys 150 ms apart, which the
scanner lets through) and scans (4 ms apart)."""
TYPING_MS = 150

Enter = Callable[..., KioskWindow]


@pytest.fixture
def enter(qtbot: QtBot, window: MainWindow) -> Iterator[Enter]:
    """Puts ``window`` into kiosk mode (``start_kiosk`` keywords pass through) and waits
    for the kiosk to have the keyboard; a kiosk still up at the end is left."""
    made: list[KioskWindow] = []

    def enter(**keywords: object) -> KioskWindow:
        keywords.setdefault("idle_ms", LONG)
        keywords.setdefault("thanks_ms", LONG)
        kiosk = start_kiosk(window, **keywords)  # type: ignore[arg-type]
        assert kiosk is not None
        kiosk.beep = lambda: None
        made.append(kiosk)
        qtbot.waitExposed(kiosk)
        kiosk.activateWindow()
        qtbot.waitUntil(kiosk.isActiveWindow)
        qtbot.waitUntil(kiosk.form.edits["first_name"].hasFocus)
        return kiosk

    yield enter
    for kiosk in made:
        if shiboken6.isValid(kiosk) and not kiosk.leaving:
            kiosk.leave()


@pytest.fixture(autouse=True)
def on_stand(services: Services, show: int) -> None:
    """The show's transit case TC-6040 is on its stand."""
    services.events.set_products(show, [services.products.get("TC-6040").id])


@pytest.fixture
def consent_show(services: Services, show: int) -> int:
    """The show of ``show`` with a consent text, version 2026-03."""
    services.events.update(
        show,
        EventInput(
            name="Milipol Paris",
            country="FR",
            consent_text=CONSENT_TEXT,
            consent_version=CONSENT_VERSION,
        ),
    )
    return show


def leads_of(services: Services, show: int) -> int:
    return services.leads.count(LeadFilter(event_id=show))


def type_into(qtbot: QtBot, kiosk: KioskWindow, **values: str) -> None:
    """Types each value in its field as a person would (slower than a scanner)."""
    for name, value in values.items():
        edit = kiosk.form.edits[name]
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        KEYS.pause(1_000)
        KEYS.post(edit, value, gap_ms=TYPING_MS)
        qtbot.waitUntil(lambda edit=edit, value=value: edit.text() == value)


def scan(widget: QWidget, payload: str) -> None:
    KEYS.pause(1_000)
    KEYS.post(widget, payload, gap_ms=4)


def test_a_typed_visitor_is_saved_as_a_kiosk_lead_with_the_shows_consent(
    qtbot: QtBot, window: MainWindow, services: Services, consent_show: int, enter: Enter
) -> None:
    window.refresh()
    kiosk = enter()
    assert not window.isVisible()
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    form = kiosk.form
    assert form.consent_frame.isVisible()
    assert CONSENT_TEXT in form.consent_text.text()
    assert f"Version {CONSENT_VERSION}" in form.consent_text.text()

    type_into(
        qtbot,
        kiosk,
        first_name="Zoé",
        last_name="Lefèvre",
        company="Thales",
        email="zoe.lefevre@thalesgroup.com",
    )
    qtbot.mouseClick(form.products.buttons["TC-6040"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.consent_box, Qt.MouseButton.LeftButton)
    assert form.consent_box.isChecked()
    assert form.products.buttons["TC-6040"].text().startswith("✓")

    with (
        qtbot.waitSignal(kiosk.registered) as saved,
        qtbot.waitSignal(window.lead_changes.reported),
    ):
        qtbot.keyClick(form.edits["email"], Qt.Key.Key_Return)

    lead = services.leads.get(saved.args[0].id)
    assert (lead.first_name, lead.last_name, lead.company) == ("Zoé", "Lefèvre", "Thales")
    assert lead.source == LeadSource.KIOSK
    assert lead.consent_given
    assert lead.consent_version == CONSENT_VERSION
    assert lead.legal_basis == LegalBasis.CONSENT
    assert [shown.sku for shown in lead.products] == ["TC-6040"]
    assert lead.staff == "Anna Schmidt"
    assert not kiosk.view.showing_form()
    assert kiosk.view.thanks.title.text() == "Thank you, Zoé!"
    assert all(edit.text() == "" for edit in form.edits.values())
    assert not form.consent_box.isChecked()

    qtbot.mouseClick(kiosk.view.thanks, Qt.MouseButton.LeftButton)

    assert kiosk.view.showing_form()
    assert form.edits["first_name"].hasFocus()


def test_the_thank_you_page_goes_by_itself(
    qtbot: QtBot, window: MainWindow, services: Services, enter: Enter
) -> None:
    kiosk = enter(thanks_ms=50)
    type_into(qtbot, kiosk, first_name="Bruno", phone="+351 912 345 678")

    assert kiosk.register() is not None
    assert not kiosk.view.showing_form()

    qtbot.waitUntil(kiosk.view.showing_form)


def test_a_show_without_consent_text_has_no_consent_box(
    qtbot: QtBot, window: MainWindow, services: Services, enter: Enter
) -> None:
    kiosk = enter()
    assert not kiosk.form.consent_frame.isVisible()
    kiosk.form.consent_box.setChecked(True)  # hidden: never given
    type_into(qtbot, kiosk, first_name="Carl", email="carl.berg@saabgroup.com")

    lead = kiosk.register()

    assert lead is not None
    assert not lead.consent_given
    assert lead.legal_basis is None


def test_a_badge_scan_fills_the_form_and_saves_nothing_until_registered(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    show: int,
    wedge: WedgeScanner,
    enter: Enter,
) -> None:
    kiosk = enter()
    edits = kiosk.form.edits

    scan(edits["first_name"], VCARD)

    qtbot.waitUntil(lambda: edits["first_name"].text() == "Zoé")
    assert edits["last_name"].text() == "Lefèvre"
    assert edits["company"].text() == "Müller GmbH"
    assert edits["job_title"].text() == "Directrice achats"
    assert edits["email"].text() == "zoe.lefevre@example.fr"
    assert edits["phone"].text() == "+33 6 12 34 56 78"
    assert kiosk.form.message.text() == BADGE_READ
    assert leads_of(services, show) == 0
    assert window.scans.last_result is None

    lead = kiosk.register()

    assert lead is not None
    assert lead.source == LeadSource.KIOSK
    assert lead.badge_format == "vcard"
    assert lead.badge_raw is not None and "END:VCARD" in lead.badge_raw
    assert leads_of(services, show) == 1


def test_an_invalid_email_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    kiosk = enter()
    type_into(qtbot, kiosk, first_name="Zoé", email="zoe@")

    assert kiosk.register() is None

    error = kiosk.form.errors["email"]
    assert error.isVisible()
    assert error.text() == FRIENDLY_ERRORS["email"]
    assert kiosk.form.edits["email"].hasFocus()
    assert kiosk.view.showing_form()
    assert leads_of(services, show) == 0

    KEYS.pause(1_000)
    KEYS.post(kiosk.form.edits["email"], "x", gap_ms=TYPING_MS)
    qtbot.waitUntil(lambda: kiosk.form.edits["email"].text() == "zoe@x")

    assert not error.isVisible()


def test_a_name_and_a_way_to_reach_the_visitor_are_asked_for(
    window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    kiosk = enter()

    assert kiosk.register() is None

    assert kiosk.form.errors["first_name"].text() == NAME_MISSING
    assert kiosk.form.errors["email"].text() == CONTACT_MISSING
    assert leads_of(services, show) == 0


def test_a_visitor_who_asked_to_be_erased_is_not_saved_nor_told_why(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    services.leads.create(LeadInput(first_name="Ana", email="ana@example.pt"), event_id=show)
    erase(services.database, "ana@example.pt")
    kiosk = enter()
    type_into(qtbot, kiosk, first_name="Ana", email="ana@example.pt")

    assert kiosk.register() is None

    assert leads_of(services, show) == 0
    assert kiosk.form.message.text() == NOT_HERE
    assert kiosk.is_empty()


def test_the_idle_timer_empties_the_form_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    kiosk = enter(idle_ms=100)
    type_into(qtbot, kiosk, first_name="Zoé", email="zoe@example.fr")
    qtbot.mouseClick(kiosk.form.products.buttons["TC-6040"], Qt.MouseButton.LeftButton)
    assert kiosk.idle_timer.isActive()

    qtbot.waitUntil(lambda: kiosk.is_empty() and kiosk.form.edits["first_name"].text() == "")

    assert not kiosk.form.products.chosen()
    assert leads_of(services, show) == 0
    assert kiosk.isVisible()


def test_a_returning_visitor_becomes_a_visit_not_a_second_lead(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    known = services.leads.create(
        LeadInput(first_name="Zoé", last_name="Lefèvre", email="zoe.lefevre@example.fr"),
        event_id=show,
    )
    kiosk = enter()
    type_into(qtbot, kiosk, first_name="Zoe", email="ZOE.LEFEVRE@example.fr", company="Thales")
    qtbot.mouseClick(kiosk.form.products.buttons["TC-6040"], Qt.MouseButton.LeftButton)

    lead = kiosk.register()

    assert lead is not None and lead.id == known.id
    assert leads_of(services, show) == 1
    stored = services.leads.get(known.id)
    assert stored.first_name == "Zoé"  # what was stored stays
    assert stored.company == "Thales"  # an empty field is filled
    assert [shown.sku for shown in stored.products] == ["TC-6040"]
    assert [visit.source for visit in stored.visits][-1] == LeadSource.KIOSK
    assert len(stored.visits) == 2
    assert kiosk.view.thanks.title.text() == "Welcome back, Zoe!"


def test_a_badge_scanned_at_the_booth_then_at_the_kiosk_stays_one_lead(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    show: int,
    wedge: WedgeScanner,
    enter: Enter,
) -> None:
    window.scan_badge(VCARD)
    assert leads_of(services, show) == 1
    kiosk = enter(put_away=window.capture.put_away)
    scan(kiosk.form.edits["first_name"], VCARD)
    qtbot.waitUntil(lambda: kiosk.form.edits["first_name"].text() == "Zoé")

    lead = kiosk.register()

    assert lead is not None
    assert leads_of(services, show) == 1
    assert [visit.source for visit in services.leads.get(lead.id).visits] == [
        LeadSource.BADGE,
        LeadSource.KIOSK,
    ]


def test_main_window_shortcuts_do_nothing_while_the_kiosk_is_up(
    qtbot: QtBot, window: MainWindow, enter: Enter
) -> None:
    fired: list[str] = []
    for action in window.findChildren(QAction):
        action.triggered.connect(lambda _on=False, action=action: fired.append(action.text()))
    kiosk = enter()
    field = kiosk.form.edits["first_name"]
    control = Qt.KeyboardModifier.ControlModifier

    for key in (
        Qt.Key.Key_E,
        Qt.Key.Key_D,
        Qt.Key.Key_Q,
        Qt.Key.Key_F,
        Qt.Key.Key_B,
        Qt.Key.Key_I,
        Qt.Key.Key_Z,
        Qt.Key.Key_Comma,
        Qt.Key.Key_S,
    ):
        qtbot.keyClick(field, key, control)
    qtbot.keyClick(field, Qt.Key.Key_F5)
    qtbot.keyClick(kiosk.form.register_button, Qt.Key.Key_E, control)
    QApplication.processEvents()

    assert fired == []
    assert kiosk.isVisible()
    assert not window.isVisible()
    assert not window.dashboard_action.isChecked()
    assert window.dialogs.scan_dialog is None

    kiosk.leave()
    qtbot.waitUntil(window.isActiveWindow)
    first_name = window.capture.view.edits["first_name"]
    qtbot.keyClick(first_name, Qt.Key.Key_D, control)

    assert window.dashboard_action.isChecked()  # the same key acts once the kiosk is gone


def test_leaving_asks_for_the_manager_pin_and_a_wrong_one_keeps_the_kiosk(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, enter: Enter
) -> None:
    services.manager_lock.set_pin("2468")
    kiosk = enter()
    assert kiosk.form.staff_button.isVisible()

    qtbot.keyClick(
        kiosk.form.edits["first_name"],
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )

    dialog = kiosk.leave_dialog
    assert isinstance(dialog, PinDialog)
    dialog.view.pin_edit.setText("1357")
    assert not dialog.try_pin()
    assert kiosk.isVisible()
    assert not window.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: kiosk.leave_dialog is None)

    kiosk.close()  # Alt+F4 asks for the PIN too, and closes nothing

    qtbot.waitUntil(lambda: isinstance(kiosk.leave_dialog, PinDialog))
    assert kiosk.isVisible()
    dialog = kiosk.leave_dialog
    assert isinstance(dialog, PinDialog)
    dialog.view.pin_edit.setText("2468")
    with qtbot.waitSignal(kiosk.left):
        assert dialog.try_pin()

    assert window.isVisible()
    assert "Left kiosk mode" in window.notice_label.text()


def test_without_a_pin_only_the_key_chord_and_a_yes_leave(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    show: int,
    wedge: WedgeScanner,
    enter: Enter,
) -> None:
    kiosk = enter()
    assert not kiosk.form.staff_button.isVisible()

    kiosk.close()
    QApplication.processEvents()

    assert kiosk.isVisible()
    assert kiosk.leave_dialog is None

    chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(kiosk.form.edits["first_name"], Qt.Key.Key_K, chord)
    box = kiosk.leave_dialog
    assert isinstance(box, QMessageBox)
    stay = box.escapeButton()
    assert stay is not None
    stay.click()
    qtbot.waitUntil(lambda: kiosk.leave_dialog is None)
    assert kiosk.isVisible()

    qtbot.keyClick(kiosk.form.edits["first_name"], Qt.Key.Key_K, chord)
    leave = kiosk.confirm_leave_button
    assert isinstance(leave, QWidget)
    with qtbot.waitSignal(kiosk.left):
        qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)

    assert window.isVisible()
    with qtbot.waitSignal(window.scans.done):  # the scanner saves scans again
        scan(window.capture.view.edits["first_name"], VCARD)
    assert leads_of(services, show) == 1


def test_the_idle_timer_closes_a_leave_dialog_left_open(
    qtbot: QtBot, window: MainWindow, enter: Enter
) -> None:
    kiosk = enter(idle_ms=100)
    qtbot.keyClick(
        kiosk.form.edits["first_name"],
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert kiosk.leave_dialog is not None

    qtbot.waitUntil(lambda: kiosk.leave_dialog is None)

    assert kiosk.isVisible()
    assert not window.isVisible()


def test_what_the_capture_form_holds_is_put_away_first(
    qtbot: QtBot, window: MainWindow, services: Services, enter: Enter
) -> None:
    first_name = window.capture.view.edits["first_name"]
    first_name.setFocus()
    KEYS.post(first_name, "Jörg", gap_ms=TYPING_MS)
    qtbot.waitUntil(lambda: first_name.text() == "Jörg")

    assert start_kiosk(window, put_away=lambda: False) is None
    assert window.isVisible()
    assert first_name.text() == "Jörg"

    enter(put_away=window.capture.put_away)

    assert first_name.text() == ""
    assert [draft.fields["first_name"] for draft in services.drafts.kept()] == ["Jörg"]


def test_tab_goes_through_the_fields_in_reading_order(
    qtbot: QtBot, window: MainWindow, enter: Enter
) -> None:
    kiosk = enter()
    form = kiosk.form
    chain = [widget for widget in form.field_chain() if widget.isVisible()]
    assert chain == [
        *form.edits.values(),
        *form.products.buttons.values(),
        form.register_button,  # no consent box: the show has no consent text
    ]

    for here, there in zip(chain, chain[1:], strict=False):
        assert _next_focusable(here) is there


def _next_focusable(widget: QWidget) -> QWidget:
    following = widget.nextInFocusChain()
    while not following.focusPolicy() & Qt.FocusPolicy.TabFocus or not following.isVisible():
        following = following.nextInFocusChain()
    return following

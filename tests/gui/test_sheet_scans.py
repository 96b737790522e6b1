"""Scanning the capture sheet with the USB scanner: badge, products, rating, follow-up,
answer, save: a qualified lead without a key."""

from __future__ import annotations

from gui_helpers import Keys
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import EventInput, LeadFilter
from boothapp.core.services import Services
from boothapp.core.sheet_codes import SheetAction, encode
from boothapp.core.vocabulary import FollowUp, Rating
from boothapp.gui.main_window import MainWindow
from boothapp.gui.scanning.sheet_scans import NO_LEAD_OPEN, NOTHING_TO_UNDO
from conftest import Beeps

BADGE = "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nEMAIL:zoe@example.fr\nEND:VCARD"


class Scanner:
    """Types payloads into the window's focused field as a USB scanner does (a few ms a
    key, then Enter), and waits until the scan is handled, whatever its outcome."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.keys = Keys()
        self.handled = 0
        scans = window.scans
        for signal in (scans.done, scans.sheet_applied, scans.failed):
            signal.connect(self._count)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

    def _count(self, *_args: object) -> None:
        self.handled += 1

    def scan(self, payload: str) -> None:
        window = self.window
        before = self.handled
        target = window.focusWidget() or window.capture.view.edits["first_name"]
        self.keys.post(target, payload + "\n", gap_ms=4)
        self.qtbot.waitUntil(lambda: self.handled > before, timeout=5000)
        self.keys.pause(1_000)


def test_badge_products_rating_follow_up_answer_and_save_make_a_qualified_lead(
    qtbot: QtBot, window: MainWindow, services: Services, show: int, beeps: Beeps
) -> None:
    question = services.events.add_question(show, "Application", "single", ("Drones", "Radios"))
    services.events.set_products(show, [services.products.get("TC-6040").id])
    window.refresh()
    window.capture.reload_show()
    event = services.events.get(show)
    stand = services.products.list(event_id=show)
    scanner = Scanner(qtbot, window)

    scanner.scan(BADGE)
    lead_id = window.capture.lead_id
    assert lead_id is not None
    for action in (
        SheetAction.product(stand[0]),
        SheetAction.rate(Rating.HOT),
        SheetAction.follow(FollowUp.SEND_QUOTE),
        SheetAction.answer(question, 1, "Radios"),
    ):
        scanner.scan(encode(event, action))
        assert window.scanner_indicator.state == "ok"
    assert window.notice_label.text().startswith("Application: Radios — Zoé Lefèvre")
    scanner.scan(encode(event, SheetAction.save()))

    lead = services.leads.get(lead_id)
    assert [p.sku for p in lead.products] == [stand[0].sku]
    assert lead.rating is Rating.HOT
    assert lead.follow_ups == ("send_quote",)
    assert [(a.question_id, a.value) for a in lead.answers] == [(question.id, "Radios")]
    assert window.capture.lead_id is None and window.capture.is_empty()
    assert "ready for the next visitor" in window.notice_label.text()
    assert beeps.count == 6


def test_undo_puts_back_the_form_before_the_last_code(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    event = services.events.get(show)
    scanner = Scanner(qtbot, window)
    scanner.scan(BADGE)
    scanner.scan(encode(event, SheetAction.rate(Rating.WARM)))
    scanner.scan(encode(event, SheetAction.rate(Rating.HOT)))
    scanner.scan(encode(event, SheetAction.undo()))
    assert window.capture.rating() is Rating.WARM
    scanner.scan(encode(event, SheetAction.undo()))
    assert window.capture.rating() is None
    scanner.scan(encode(event, SheetAction.undo()))
    assert window.notice_label.text() == NOTHING_TO_UNDO
    assert window.scanner_indicator.state == "failed"


def test_with_no_lead_open_a_code_changes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    event = services.events.get(show)
    Scanner(qtbot, window).scan(encode(event, SheetAction.rate(Rating.HOT)))
    assert window.notice_label.text() == NO_LEAD_OPEN
    assert window.scanner_indicator.state == "failed"
    assert window.capture.is_empty()
    assert services.leads.list(LeadFilter(event_id=show)) == []


def test_another_shows_sheet_is_refused_and_a_staff_code_changes_who_is_here(
    qtbot: QtBot, window: MainWindow, services: Services, show: int
) -> None:
    other = services.events.create(EventInput(name="Eurosatory 2026"))
    scanner = Scanner(qtbot, window)
    scanner.scan(BADGE)
    scanner.scan(encode(other, SheetAction.rate(Rating.HOT)))
    assert "another show's sheet" in window.notice_label.text()
    assert window.capture.rating() is None
    ben = services.staff.create("Ben Okafor", event_id=show)
    scanner.scan(encode(services.events.get(show), SheetAction.staff(ben)))
    assert window.active_staff is not None and window.active_staff.id == ben.id

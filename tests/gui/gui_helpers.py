"""Test data and input helpers of the window tests (imported by conftest and tests)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import qrcode
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from boothapp.core.schemas import EventInput, EventRow, LeadInput, ProductInput, ProductShown
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow


@dataclass(frozen=True)
class Booth:
    """A show with two staff members and leads from many countries (see ``booth``)."""

    show: EventRow
    anna_id: int
    ben_id: int
    lead_ids: dict[str, str]


LEADS_TODAY = [
    # (first, last, company, e-mail, city, country, rating, by Anna?)
    ("Zoé", "Lefèvre", "Thales", "zoe.lefevre@thalesgroup.com", "Lyon", "FR", "hot", True),
    ("Jörg", "Schäfer", "Müller GmbH", "j.schaefer@mueller.de", "München", "DE", "warm", True),
    ("太郎", "山田", "山田精機株式会社", "yamada@yamada-seiki.jp", "東京", "JP", "cold", True),
    ("محمد", "العلي", "شركة الخليج", None, "دبي", "AE", "hot", False),
    ("Bruno", "Costa", "Rheinmetall", "bruno.costa@rheinmetall.com", "Porto", "PT", None, False),
]
LEADS_EARLIER = [
    ("Agnieszka", "Kowalska", "PGZ", "a.kowalska@pgz.pl", "Warszawa", "PL", "warm", True),
    ("Carl", "Berg", "Saab", "carl.berg@saabgroup.com", "Göteborg", "SE", "cold", True),
]


def make_booth(services: Services) -> Booth:
    """Milipol Paris with Anna Schmidt (at the laptop) and Ben Okafor; five leads
    captured today (three by Anna) and two captured three days ago (by Anna).

    "Today" is the show's (Paris) day: the five leads fall between its midnight and now
    whatever the time the tests run, so they never straddle two days."""
    show = services.events.create(
        EventInput(
            name="Milipol Paris",
            venue="Paris Nord Villepinte",
            city="Paris",
            country="FR",
            booth="5F-123",
            timezone="Europe/Paris",
        )
    )
    anna = services.staff.create("Anna Schmidt", event_id=show.id)
    ben = services.staff.create("Ben Okafor", event_id=show.id)
    services.staff.use(anna.id)
    services.products.create(ProductInput(sku="TC-6040", name="Transit case 60x40"))
    now = datetime.now(UTC)
    paris = ZoneInfo("Europe/Paris")
    midnight = datetime.combine(now.astimezone(paris).date(), time(0), paris)
    step = min(timedelta(minutes=10), (now - midnight) / (len(LEADS_TODAY) + 1))
    three_days_ago_noon = midnight - timedelta(days=3) + timedelta(hours=12)
    lead_ids: dict[str, str] = {}
    leads = [(row, now - step * i) for i, row in enumerate(LEADS_TODAY)]
    leads += [
        (row, three_days_ago_noon - timedelta(minutes=i)) for i, row in enumerate(LEADS_EARLIER)
    ]
    for (first, last, company, email, city, country, rating, by_anna), created in leads:
        detail = services.leads.create(
            LeadInput(
                first_name=first,
                last_name=last,
                company=company,
                city=city,
                country=country,
                rating=rating,
                email=email,
                job_title="Procurement manager",
                products=(ProductShown(sku="TC-6040", quantity=2),) if first == "Zoé" else (),
                note="Wants a quote for 40 cases" if first == "Zoé" else "",
            ),
            event_id=show.id,
            staff_id=anna.id if by_anna else ben.id,
            created_at=created,
        )
        lead_ids[f"{first} {last}"] = detail.id
    return Booth(show=show, anna_id=anna.id, ben_id=ben.id, lead_ids=lead_ids)


def post_text(widget: QWidget, text: str) -> None:
    """Types ``text`` into ``widget`` as posted key events carrying the text.

    (QTest.keyClicks aborts the process on non-ASCII text; these events do not.)"""
    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, int(key), Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.postEvent(widget, event)
    QApplication.processEvents()


def displayed_column(window: MainWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def dark_palette() -> QPalette:
    """A dark palette like the ones desktops switch to in dark mode."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2f65ca"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#efefef"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Text, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


class Keys:
    """Posts key events with timestamps on a virtual clock (milliseconds), as a USB
    scanner typing like a keyboard sends them."""

    def __init__(self) -> None:
        self.now = 1_000

    def post(
        self,
        widget: QWidget,
        text: str,
        gap_ms: int,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        for event in self.key_events(text, gap_ms, modifiers):
            QCoreApplication.postEvent(widget, event)

    def key_events(
        self,
        text: str,
        gap_ms: int,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> list[QKeyEvent]:
        """A press and a release per character of ``text``, ``gap_ms`` apart."""
        made = []
        for char in text:
            self.now += gap_ms
            if char == "\n":
                key, sent = int(Qt.Key.Key_Return), "\r"
            elif char.isascii() and char.isalnum():
                key, sent = ord(char.upper()), char
            else:
                key, sent = int(Qt.Key.Key_unknown), char
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, modifiers, sent)
                event.setTimestamp(self.now)
                made.append(event)
        return made

    def pause(self, ms: int) -> None:
        self.now += ms


def qr_png(payload: str) -> bytes:
    """A QR code holding ``payload``, as PNG bytes."""
    buffer = io.BytesIO()
    qrcode.make(payload).save(buffer, format="PNG")
    return buffer.getvalue()

"""A sheet of test badges: every payload format boothapp reads (vCard, MECARD, BIZCARD,
JSON, registration URL, delimited record, key-value lines, bare ID) in every symbology
(QR Code, PDF417, Data Matrix, Aztec, Code 128, Code 39, ITF, EAN-13), with accented,
Chinese/Japanese and Arabic names: to train staff and to check each scanner and laptop
before the show opens. Each code says what a scan must give.

PDF417, Data Matrix and Aztec are read by 2D hand scanners (the scanner types the
text); the laptop camera reads the symbologies chosen in the scanner settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from boothapp import APP_NAME
from boothapp.core.badges.symbologies import LINEAR, SYMBOLOGY_LABELS, Symbology
from boothapp.core.printing.document import Document, Paper, Printed
from boothapp.core.printing.fonts import FontSet
from boothapp.core.printing.grid import Grid, Tile, draw_section
from boothapp.core.schemas import family_name_first


@dataclass(frozen=True)
class SampleBadge:
    """A test badge: its payload in ``symbology``, the reader (``format``, as
    ``BadgeData.format`` names it) and the fields a scan must read from it."""

    title: str
    format: str
    symbology: Symbology
    payload: str
    expected: dict[str, str]

    @property
    def detail(self) -> str:
        first = self.expected.get("first_name", "")
        last = self.expected.get("last_name", "")
        parts = (last, first) if family_name_first(first, last) else (first, last)
        name = " ".join(part for part in parts if part)
        shown = name or self.expected.get("badge_id", "")
        company = self.expected.get("company")
        return f"{shown} · {company}" if company else shown


_ZOE_VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lefèvre;Zoé;;;\r\nFN:Zoé Lefèvre\r\n"
    "ORG:Brenvar Défense SAS\r\nTITLE:Responsable achats\r\n"
    "EMAIL;TYPE=INTERNET:zoe.lefevre@brenvar-defense.fr\r\nTEL;TYPE=CELL:+33 6 12 34 56 78\r\n"
    "END:VCARD\r\n"
)
_YAMADA_VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎;;;\r\nFN:山田 太郎\r\n"
    "ORG:株式会社ヤマダ防衛\r\nEMAIL:taro.yamada@yamada-bouei.co.jp\r\nEND:VCARD\r\n"
)
_ALALI_VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:العلي;محمد;;;\r\nFN:محمد العلي\r\n"
    "ORG:شركة الخليج للأمن\r\nEMAIL:m.alali@gulf-security.ae\r\nEND:VCARD\r\n"
)
_ALALI_MECARD = "MECARD:N:العلي,محمد;ORG:شركة الخليج للأمن;EMAIL:m.alali@gulf-security.ae;;"
_JURGEN_BIZCARD = (
    "BIZCARD:N:Jürgen;X:Müller;C:Adlerhorst Schutztechnik GmbH;E:j.mueller@adlerhorst.de;;"
)
_JURGEN_LINES = (
    "Vorname: Jürgen\nNachname: Müller\nFirma: Adlerhorst Schutztechnik GmbH\n"
    "E-Mail: j.mueller@adlerhorst.de"
)
_YAMADA_JSON = json.dumps(
    {
        "badgeId": "MIL25-004514",
        "firstName": "太郎",
        "lastName": "山田",
        "company": "株式会社ヤマダ防衛",
        "email": "taro.yamada@yamada-bouei.co.jp",
    },
    ensure_ascii=False,
)
_ZOE_JSON = json.dumps(
    {
        "id": "MIL25-004513",
        "first_name": "Zoé",
        "last_name": "Lefèvre",
        "company": "Brenvar Défense SAS",
        "email": "zoe.lefevre@brenvar-defense.fr",
    },
    ensure_ascii=False,
)
_URL = "https://badges.milipol.example/attendee/MIL25-004515"
_DELIMITED = "MIL25-004516|Małgorzata|Wójcik|Orvalis Systèmes SAS|malgorzata.wojcik@orvalis.example"

ZOE: Final = {"first_name": "Zoé", "last_name": "Lefèvre", "company": "Brenvar Défense SAS"}
YAMADA: Final = {"first_name": "太郎", "last_name": "山田", "company": "株式会社ヤマダ防衛"}
ALALI: Final = {"first_name": "محمد", "last_name": "العلي", "company": "شركة الخليج للأمن"}
JURGEN: Final = {
    "first_name": "Jürgen",
    "last_name": "Müller",
    "company": "Adlerhorst Schutztechnik GmbH",
}

SAMPLE_BADGES: Final[tuple[SampleBadge, ...]] = (
    SampleBadge("vCard", "vcard", Symbology.QR, _ZOE_VCARD, ZOE),
    SampleBadge("MECARD", "mecard", Symbology.QR, _ALALI_MECARD, ALALI),
    SampleBadge("JSON", "json", Symbology.QR, _YAMADA_JSON, YAMADA),
    SampleBadge("Registration link", "url", Symbology.QR, _URL, {"badge_id": "MIL25-004515"}),
    SampleBadge("Key-value lines", "delimited", Symbology.QR, _JURGEN_LINES, JURGEN),
    SampleBadge("Bare ID", "id", Symbology.QR, "MIL25-004512", {"badge_id": "MIL25-004512"}),
    SampleBadge("vCard", "vcard", Symbology.PDF417, _YAMADA_VCARD, YAMADA),
    SampleBadge(
        "Delimited record",
        "delimited",
        Symbology.PDF417,
        _DELIMITED,
        {"badge_id": "MIL25-004516", "first_name": "Małgorzata", "last_name": "Wójcik"},
    ),
    SampleBadge("JSON", "json", Symbology.DATA_MATRIX, _ZOE_JSON, ZOE),
    SampleBadge("BIZCARD", "bizcard", Symbology.DATA_MATRIX, _JURGEN_BIZCARD, JURGEN),
    SampleBadge("vCard", "vcard", Symbology.AZTEC, _ALALI_VCARD, ALALI),
    SampleBadge("Key-value lines", "delimited", Symbology.AZTEC, _JURGEN_LINES, JURGEN),
    SampleBadge("Bare ID", "id", Symbology.CODE128, "MIL25-004517", {"badge_id": "MIL25-004517"}),
    SampleBadge("Bare ID", "id", Symbology.CODE39, "MIL25-004518", {"badge_id": "MIL25-004518"}),
    SampleBadge("Bare ID", "id", Symbology.ITF, "0000451900", {"badge_id": "0000451900"}),
    SampleBadge("Bare ID", "id", Symbology.EAN13, "4006381333931", {"badge_id": "4006381333931"}),
)

GRID = Grid(columns=3, code_size=38.0, title_lines=1, detail_lines=2)


def sample_badge_sheet(*, paper: Paper = Paper.A4, fonts: FontSet | None = None) -> Printed:
    """The test badge sheet: :data:`SAMPLE_BADGES` grouped by symbology."""
    document = Document(
        "Test badges",
        paper,
        subtitle=(
            "Scan each code before the show opens: the lead must show the name and company "
            "under it. 2D hand scanners read them all; the camera reads what the scanner "
            "settings choose. Delete the test leads afterwards."
        ),
        footer=f"{APP_NAME} test badges: not real people",
        fonts=fonts,
    )
    sections = [(SYMBOLOGY_LABELS[symbology], {symbology}) for symbology in Symbology]
    sections = [section for section in sections if not section[1] & LINEAR]
    sections.append(("Linear codes", set(LINEAR)))
    for heading, symbologies in sections:
        draw_section(
            document,
            heading,
            [
                Tile(
                    badge.payload,
                    f"{SYMBOLOGY_LABELS[badge.symbology]} · {badge.title}",
                    badge.detail,
                    badge.symbology,
                )
                for badge in SAMPLE_BADGES
                if badge.symbology in symbologies
            ],
            GRID,
        )
    return document.finish()

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from boothapp.core.badges.keyboard_layout import (
    CALIBRATION_CHARS,
    CALIBRATION_TEXT,
    FRENCH_AZERTY,
    GERMAN_QWERTZ,
    KNOWN_LAYOUTS,
    UK_QWERTY,
    KeyboardMapping,
    SimulatedLayout,
    calibration_qr_png,
    identify_layout,
    is_calibration_scan,
    learn_mapping,
)
from boothapp.core.db import open_database
from boothapp.core.errors import ValidationError
from boothapp.core.services import Services
from boothapp.core.services.scanner_settings import MAPPING_KEY

PAYLOADS = [
    "HA112",
    "zoe.lefevre@example.fr",
    "EMAIL;TYPE=work:j.mueller@example.de",
    "https://reg.example.com/badge?id=MIL-00042",
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefevre;Zoe\nTEL:+33 1 23 45 67 89\nEND:VCARD",
]


def test_calibration_text_holds_every_printable_ascii_character() -> None:
    assert set(CALIBRATION_TEXT) >= {chr(code) for code in range(0x20, 0x7F)}
    assert len(set(CALIBRATION_CHARS)) == len(CALIBRATION_CHARS) == 92


@pytest.mark.parametrize("layout", KNOWN_LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_garbled_payloads_come_back_exact(layout: SimulatedLayout, payload: str) -> None:
    mapping = learn_mapping(layout.type(CALIBRATION_TEXT))
    assert mapping.apply(layout.type(payload)) == payload


def test_azerty_garbles_as_described() -> None:
    assert FRENCH_AZERTY.type("HA112") == "HQ&&é"
    mapping = learn_mapping(FRENCH_AZERTY.type(CALIBRATION_TEXT) + "\r\n")
    assert mapping.layout == "French AZERTY"
    assert mapping.missing == ("~",)
    assert "& -> 1" in mapping.differences()
    assert mapping.apply("HQ&&é") == "HA112"


def test_layouts_are_named() -> None:
    for layout in KNOWN_LAYOUTS:
        assert learn_mapping(layout.type(CALIBRATION_TEXT)).layout == layout.name
    us = learn_mapping(CALIBRATION_TEXT)
    assert us.is_identity and us.layout == "US" and us.missing == ()
    assert us.apply("Zoé 山田") == "Zoé 山田"


def test_dead_keys_compose_or_stand_alone() -> None:
    assert GERMAN_QWERTZ.type("a=b") == "a´b"
    assert GERMAN_QWERTZ.type("=e") == "é"
    assert GERMAN_QWERTZ.type("= ") == "´"
    assert FRENCH_AZERTY.type("[x") == "^x"
    assert replace(FRENCH_AZERTY, drops_failed_compose=True).type("[x[e") == "ê"


def test_dropped_separators_are_aligned_and_reported() -> None:
    x11 = replace(FRENCH_AZERTY, drops_failed_compose=True)
    garbled = x11.type(CALIBRATION_TEXT)
    assert len(garbled) == len(FRENCH_AZERTY.type(CALIBRATION_TEXT)) - 4
    mapping = learn_mapping(garbled)
    assert set(mapping.missing) == {"[", "{", "~"}
    for payload in PAYLOADS[:4]:
        assert mapping.apply(FRENCH_AZERTY.type(payload)) == payload


def test_clashing_characters_are_not_learned() -> None:
    garbled = CALIBRATION_TEXT.replace("#", "$", 1)
    mapping = learn_mapping(garbled)
    assert "#" in mapping.missing and "$" in mapping.missing
    assert mapping.apply("$") == "$"


def test_accents_in_a_unicode_scan_are_kept() -> None:
    mapping = learn_mapping(FRENCH_AZERTY.type(CALIBRATION_TEXT))
    real = "N:Lefèvre;Zoé\nORG:Müller GmbH\nNOTE:山田"
    typed = FRENCH_AZERTY.type(real)
    assert mapping.apply(typed) == real
    # A scan that could come out of the layout is translated, accents included.
    assert mapping.apply("é") == "2"
    assert mapping.apply("éü") == "éü"


def test_other_scans_are_refused() -> None:
    assert not is_calibration_scan("HA112")
    with pytest.raises(ValidationError) as raised:
        learn_mapping("BEGIN:VCARD\nFN:Zoé\nEND:VCARD")
    assert raised.value.field == "calibration"


def test_mapping_round_trips_through_json() -> None:
    mapping = learn_mapping(GERMAN_QWERTZ.type(CALIBRATION_TEXT))
    again = KeyboardMapping.from_json(mapping.to_json())
    assert again == mapping and again is not None and again.layout == "German QWERTZ"
    assert identify_layout(again) == "German QWERTZ"
    assert KeyboardMapping.from_json({"version": 2}) is None
    assert KeyboardMapping.from_json("nonsense") is None


def test_calibration_code_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "calibration.png"
    data = calibration_qr_png(target)
    assert target.read_bytes() == data
    image = Image.open(io.BytesIO(data)).convert("L")
    (barcode,) = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert barcode.text == CALIBRATION_TEXT


def test_mapping_is_stored_and_cleared(services: Services, tmp_path: Path) -> None:
    store = services.scanner
    assert store.load() is None
    mapping = learn_mapping(FRENCH_AZERTY.type(CALIBRATION_TEXT))
    store.save(mapping)
    assert store.load() == mapping
    store.save(learn_mapping(CALIBRATION_TEXT))
    assert store.load() is None
    store.save(mapping)
    store.clear()
    assert store.load() is None
    assert MAPPING_KEY == "scanner_keyboard_mapping"


def test_stored_mapping_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    try:
        Services.over(database).scanner.save(learn_mapping(UK_QWERTY.type(CALIBRATION_TEXT)))
    finally:
        database.close()
    database = open_database(path)
    try:
        loaded = Services.over(database).scanner.load()
    finally:
        database.close()
    assert loaded is not None and loaded.apply('j"example.de') == "j@example.de"

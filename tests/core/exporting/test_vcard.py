from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boothapp.core.errors import ValidationError
from boothapp.core.exporting.vcard import escape, fold
from boothapp.core.services.exports import ExportRequest

from .booth_data import Booth

Card = dict[str, list[str]]


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def components(value: str) -> list[str]:
    """A structured value (N, ADR) split on unescaped semicolons, each unescaped."""
    return [unescape(part) for part in re.split(r"(?<!\\);", value)]


def parse(raw: bytes) -> list[Card]:
    """A small vCard 3.0 reader: checks line ends and folding, unfolds, groups cards."""
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    for octets in physical:
        assert len(octets) <= 75, octets
        assert b"\n" not in octets and b"\r" not in octets
    logical: list[str] = []
    for text in (octets.decode("utf-8") for octets in physical):
        if text.startswith(" "):
            logical[-1] += text[1:]
        else:
            logical.append(text)
    cards: list[Card] = []
    for line in logical:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            cards.append({})
            continue
        if name == "END":
            continue
        cards[-1].setdefault(name, []).append(value)
    return cards


def test_vcards_round_trip(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.vcf"))
    assert result.format == "vcf" and result.count == 4
    cards = parse(result.path.read_bytes())
    assert len(cards) == 4
    by_uid = {card["UID"][0].removeprefix("urn:uuid:"): card for card in cards}
    zoe = by_uid[booth.zoe.id]
    assert zoe["VERSION"] == ["3.0"]
    assert components(zoe["N"][0]) == ["Lefèvre", "Zoé", "", "", ""]
    assert unescape(zoe["FN"][0]) == "Zoé Lefèvre"
    assert unescape(zoe["ORG"][0]) == "Müller GmbH"
    assert unescape(zoe["TITLE"][0]) == "Responsable achats"
    assert zoe["EMAIL;TYPE=INTERNET,WORK"] == ["zoe.lefevre@example.fr"]
    assert zoe["TEL;TYPE=WORK,VOICE"] == ["+33142685300"]
    assert zoe["TEL;TYPE=CELL"] == ["+33612345678"]
    assert components(zoe["ADR;TYPE=WORK"][0]) == [
        "",
        "",
        "12 rue de la Paix",
        "Paris",
        "",
        "75002",
        "France",
    ]
    assert unescape(zoe["URL"][0]) == "https://muller.example.de"
    assert unescape(zoe["CATEGORIES"][0]) == "Milipol Paris 2023"
    note = unescape(zoe["NOTE"][0])
    assert note.startswith("Met at Milipol Paris 2023 on 2023-11-14 09:30 by Claire Martin")
    assert "Needs 20 cases for drones.\nCall after the show; ask for Marc." in note
    assert "Sent the brochure, 2nd visit." in note
    yamada = by_uid[booth.yamada.id]
    assert unescape(yamada["FN"][0]) == "山田 太郎"
    assert "ADR;TYPE=WORK" in yamada
    assert "Great meeting 🚀📦" in unescape(yamada["NOTE"][0])


def test_long_and_hostile_values_survive_folding(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.vcf"))
    cards = {card["UID"][0]: card for card in parse(result.path.read_bytes())}
    hostile = cards[f"urn:uuid:{booth.hostile.id}"]
    assert components(hostile["N"][0])[:2] == ["#N/A", "=1+1"]
    assert unescape(hostile["ORG"][0]) == "+cmd|' /C calc'!A0"
    assert unescape(hostile["NOTE"][0]).endswith(booth.hostile.notes[1].text)
    arabic = cards[f"urn:uuid:{booth.arabic.id}"]
    assert unescape(arabic["TITLE"][0]) == "Director"
    assert any(w.lead_id == booth.arabic.id for w in result.warnings)


def test_a_preset_does_not_apply_to_vcards(booth: Booth, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="vCard"):
        booth.exports.export(ExportRequest(tmp_path / "leads.vcf", preset="salesforce"))


def test_escape() -> None:
    assert escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_fold_keeps_short_lines() -> None:
    assert fold("NOTE:short") == "NOTE:short"
    assert fold("x" * 75) == "x" * 75


def test_fold_never_cuts_a_utf8_sequence_or_an_escape() -> None:
    line = "NOTE:" + "山田🚀é" * 40
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line
    escaped = "NOTE:" + "x" * 69 + "\\n" + "y" * 10
    first, *_rest = fold(escaped).split("\r\n")
    assert not first.endswith("\\")


@given(st.text(min_size=0, max_size=400))
def test_fold_property(text: str) -> None:
    line = "NOTE:" + escape(text.replace("\r", ""))
    physical = fold(line).split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert "".join([physical[0], *(part[1:] for part in physical[1:])]) == line
    for part in physical[:-1]:
        trailing = len(part) - len(part.rstrip("\\"))
        assert trailing % 2 == 0, part

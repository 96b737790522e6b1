from __future__ import annotations

import csv
import io
from pathlib import Path

from boothapp.core.schemas import LeadInput
from boothapp.core.services.exports import ExportRequest

from .booth_data import EXPECTED_HEADERS, FORMULA_NOTE, Booth


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_has_a_bom_crlf_and_the_leads_sheet_columns(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.csv"))
    assert result.format == "csv" and result.count == 4
    raw = result.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") >= 5
    with result.path.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == EXPECTED_HEADERS


def test_csv_round_trip(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.csv"))
    records = {row["Lead ID"]: row for row in read_csv(result.path)}
    zoe = records[booth.zoe.id]
    assert zoe["Captured at"] == "2023-11-14 09:30"
    assert zoe["First name"] == "Zoé"
    assert zoe["Phone"] == "+33142685300"
    assert zoe["Transit case 60x40"] == "20"
    assert zoe["Pick-and-pluck foam"] == "✓"
    assert zoe["Applications"] == "UAS / drones; Radio, C4ISR"
    assert zoe["Visits"] == "2"
    assert zoe["Rating"] == "Hot"
    assert "Call after the show; ask for Marc." in zoe["Notes"]
    assert "\n" in zoe["Notes"]
    yamada = records[booth.yamada.id]
    assert (yamada["First name"], yamada["Last name"]) == ("太郎", "山田")
    assert yamada["Notes"].endswith("Great meeting 🚀📦")
    assert records[booth.arabic.id]["Company"] == "شركة الأمن المتقدم"
    assert records[booth.arabic.id]["Job title"] == "Director"


def test_csv_formula_protection(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.csv"))
    hostile = {row["Lead ID"]: row for row in read_csv(result.path)}[booth.hostile.id]
    assert hostile["First name"] == "'=1+1"
    assert hostile["Company"] == "'+cmd|' /C calc'!A0"
    assert hostile["City"] == "'@SUM(A1)"
    assert hostile["Job title"] == "-2"
    assert hostile["Last name"] == "#N/A"
    assert hostile["Notes"].startswith("2023-11-17 00:30\n" + FORMULA_NOTE)
    long_note = booth.hostile.notes[1].text
    assert hostile["Notes"].endswith(long_note)


def test_every_text_field_is_quoted_and_numbers_are_not(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.csv"))
    text = result.path.read_text(encoding="utf-8-sig")
    first_record = next(csv.reader(io.StringIO(text, newline="")))
    assert first_record[0] == "Captured at"
    assert text.startswith('"Captured at","Staff",')
    zoe_line = next(line for line in text.split("\r\n") if booth.zoe.id in line)
    assert ',20,"' in zoe_line
    assert f',2,"","Typed in","{booth.zoe.id}"' in zoe_line


def test_semicolons_give_the_same_fields_as_commas(booth: Booth, tmp_path: Path) -> None:
    """For Excel in French or German: the same fields, hostile ones included (values
    holding ; and , and line breaks), separated by semicolons."""
    commas = booth.exports.export(ExportRequest(tmp_path / "commas.csv"))
    semicolons = booth.exports.export(ExportRequest(tmp_path / "semicolons.csv", delimiter=";"))
    with semicolons.path.open(encoding="utf-8-sig", newline="") as stream:
        first_line = stream.readline()
        stream.seek(0)
        rows = list(csv.DictReader(stream, delimiter=";"))
    assert first_line.startswith('"Captured at";"Staff";')
    assert rows == read_csv(commas.path)
    assert len(rows) == 4
    record = booth.exports.last_export(booth.show.id)
    assert record is not None and record.filters["delimiter"] == ";"


def test_semicolon_files_write_decimals_with_a_comma(booth: Booth, tmp_path: Path) -> None:
    quantity = booth.questions[2]
    booth.services.leads.update(
        booth.yamada.id, replace_answers(booth, {quantity.id: 2.5}), staff_id=booth.jonas_id
    )
    semicolons = booth.exports.export(ExportRequest(tmp_path / "fr.csv", delimiter=";"))
    with semicolons.path.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["Lead ID"]: row for row in csv.DictReader(stream, delimiter=";")}
    assert rows[booth.yamada.id][quantity.text] == "2,5"
    commas = booth.exports.export(ExportRequest(tmp_path / "en.csv"))
    assert {row["Lead ID"]: row for row in read_csv(commas.path)}[booth.yamada.id][
        quantity.text
    ] == "2.5"


def replace_answers(booth: Booth, answers: dict[int, object]) -> LeadInput:
    """Yamada's lead as it is, with ``answers``."""
    lead = booth.services.leads.get(booth.yamada.id)
    return LeadInput(
        first_name=lead.first_name,
        last_name=lead.last_name,
        company=lead.company,
        answers=answers,
    )

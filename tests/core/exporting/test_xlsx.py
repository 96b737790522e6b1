from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.worksheet._writer import ALL_TEMP_FILES  # type: ignore[import-untyped]

from boothapp.core.exporting.columns import ShowContext, leads_sheet_columns
from boothapp.core.exporting.report import ExportCancelled, ExportReport
from boothapp.core.exporting.text import EXCEL_CELL_LIMIT
from boothapp.core.exporting.xlsx import WorkbookInfo, write_workbook
from boothapp.core.models import Answer, Rating
from boothapp.core.schemas import LeadFilter, LeadInput, NoteRow
from boothapp.core.services.exports import ExportRequest, ExportResult

from .booth_data import EXPECTED_HEADERS, FORMULA_NOTE, HOSTILE, Booth


def export(booth: Booth, tmp_path: Path, **request: Any) -> tuple[ExportResult, Any]:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.xlsx", **request))
    return result, load_workbook(result.path)


def rows(sheet: Any) -> list[dict[str, Any]]:
    """The sheet's rows as {header: cell}."""
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def lead_row(sheet: Any, lead_id: str) -> dict[str, Any]:
    return next(row for row in rows(sheet) if row["Lead ID"].value == lead_id)


def test_the_workbook_reads_back_with_five_sheets(booth: Booth, tmp_path: Path) -> None:
    result, workbook = export(booth, tmp_path)
    assert result.count == 4
    assert result.format == "xlsx"
    assert workbook.sheetnames == ["Leads", "Summary", "Notes", "Visits", "Follow-ups"]
    leads = workbook["Leads"]
    assert [cell.value for cell in leads[1]] == EXPECTED_HEADERS
    assert leads.max_row == 5
    order = [row["Lead ID"].value for row in rows(leads)]
    assert order == [booth.zoe.id, booth.yamada.id, booth.arabic.id, booth.hostile.id]


def test_lead_values_keep_their_types(booth: Booth, tmp_path: Path) -> None:
    _result, workbook = export(booth, tmp_path)
    zoe = lead_row(workbook["Leads"], booth.zoe.id)
    captured = zoe["Captured at"]
    assert captured.value == datetime(2023, 11, 14, 9, 30)
    assert captured.is_date and captured.number_format == "yyyy-mm-dd hh:mm"
    assert zoe["Staff"].value == "Claire Martin"
    assert (zoe["First name"].value, zoe["Last name"].value) == ("Zoé", "Lefèvre")
    assert zoe["Phone"].value == "+33142685300"
    assert zoe["Mobile"].value == "+33612345678"
    assert (zoe["Country"].value, zoe["Country code"].value) == ("France", "FR")
    assert zoe["Products shown"].value == (
        "Pick-and-pluck foam (ACC-FOAM); Transit case 60x40 (TC-6040) ×20: olive drab"
    )
    assert zoe["Pick-and-pluck foam"].value == "✓"
    assert zoe["Transit case 60x40"].value == 20
    assert zoe["Rack case 4U"].value is None
    assert zoe["Follow-up"].value == "Send quote; Call back"
    assert zoe["Role in the purchase"].value == "Decision maker"
    assert zoe["Applications"].value == "UAS / drones; Radio, C4ISR"
    assert zoe["Consent"].value == "yes"
    assert zoe["Consent text version"].value == "2023-11"
    assert zoe["Consent given at"].value == datetime(2023, 11, 14, 9, 30)
    assert zoe["Visits"].value == 2
    assert zoe["Source"].value == "Typed in"
    notes = zoe["Notes"]
    assert notes.alignment.wrap_text
    assert notes.value.startswith("2023-11-14 09:30 · Claire Martin\nNeeds 20 cases for drones.")
    assert "· Jonas Weber\nSent the brochure, 2nd visit." in notes.value
    yamada = lead_row(workbook["Leads"], booth.yamada.id)
    assert yamada["Cases needed"].value == 12
    assert isinstance(yamada["Cases needed"].value, int)
    assert yamada["Comments"].value == "Wants 🚀 racks"
    assert yamada["Country"].value == "Japan"
    assert yamada["Consent"].value == "no"
    assert yamada["Consent given at"].value is None


def test_layout_frozen_header_filter_widths_and_rating_colours(
    booth: Booth, tmp_path: Path
) -> None:
    _result, workbook = export(booth, tmp_path)
    leads = workbook["Leads"]
    assert leads.freeze_panes == "A2"
    assert leads.auto_filter.ref == "A1:AF5"
    assert leads.column_dimensions["A"].width == pytest.approx(17)
    assert leads.column_dimensions["AB"].width == pytest.approx(60)
    assert leads["A1"].font.b
    fills = {row["Rating"].value: row["Rating"].fill.fgColor.rgb[-6:] for row in rows(leads)}
    assert fills == {"Hot": "F8CBAD", "Warm": "FFE699", "Cold": "BDD7EE", None: "000000"}
    for name in ("Notes", "Visits", "Follow-ups"):
        assert workbook[name].freeze_panes == "A2"
        assert workbook[name].auto_filter.ref.startswith("A1:")


def test_hostile_values_stay_text(booth: Booth, tmp_path: Path) -> None:
    result, workbook = export(booth, tmp_path)
    hostile = lead_row(workbook["Leads"], booth.hostile.id)
    headers = {
        "first_name": "First name",
        "last_name": "Last name",
        "company": "Company",
        "job_title": "Job title",
        "city": "City",
    }
    for field, value in HOSTILE.items():
        cell = hostile[headers[field]]
        assert cell.value == value
        assert cell.data_type == "s"
        assert cell.quotePrefix == (value != "-2")
    formula_note = next(
        row["Note"] for row in rows(workbook["Notes"]) if row["Note"].value == FORMULA_NOTE
    )
    assert formula_note.data_type == "s"
    with zipfile.ZipFile(result.path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode("utf-8")
                assert "<f>" not in xml and "<f " not in xml, name
                assert 't="e"' not in xml, name


def test_a_note_over_the_cell_limit_is_split_flagged_and_rejoins(
    booth: Booth, tmp_path: Path
) -> None:
    result, workbook = export(booth, tmp_path)
    original = booth.hostile.notes[1].text
    assert len(original) > EXCEL_CELL_LIMIT
    parts = [
        row
        for row in rows(workbook["Notes"])
        if row["Lead ID"].value == booth.hostile.id and row["Part"].value
    ]
    assert [row["Part"].value for row in parts] == ["1/2", "(continued 2/2)"]
    assert "".join(row["Note"].value for row in parts) == original
    assert all(len(row["Note"].value) <= EXCEL_CELL_LIMIT for row in parts)
    assert all(row["Time"].value == parts[0]["Time"].value for row in parts)
    notes_cell = lead_row(workbook["Leads"], booth.hostile.id)["Notes"].value
    assert len(notes_cell) <= EXCEL_CELL_LIMIT
    assert notes_cell.endswith("every note is whole on the Notes sheet]")
    about_hostile = [w for w in result.warnings if w.lead_id == booth.hostile.id]
    assert {w.column for w in about_hostile} == {"Notes", f"note of {_heading(booth)}"}
    assert any("split across 2 rows" in w.message for w in about_hostile)
    assert any("cut in the Leads sheet" in w.message for w in about_hostile)


def _heading(booth: Booth) -> str:
    show = ShowContext(booth.show)
    note = booth.hostile.notes[1]
    return f"{show.stamp(note.at)} · {note.staff}"


def test_control_characters_are_removed_and_reported(booth: Booth, tmp_path: Path) -> None:
    result, workbook = export(booth, tmp_path)
    arabic = lead_row(workbook["Leads"], booth.arabic.id)
    assert arabic["Job title"].value == "Director"
    assert arabic["First name"].value == "محمد"
    assert arabic["Company"].value == "شركة الأمن المتقدم"
    notes = [row["Note"].value for row in rows(workbook["Notes"])]
    assert "bell and vertical tab" in notes
    assert "Great meeting 🚀📦" in notes
    messages = {(w.lead_id, w.column): w.message for w in result.warnings}
    assert messages[(booth.arabic.id, "Job title")] == "2 control characters removed"
    assert any(
        lead_id == booth.arabic.id and column.startswith("note of") for lead_id, column in messages
    )
    assert str(result.warnings[0]).count(":") >= 1


def test_lone_surrogates_are_replaced(booth: Booth) -> None:
    show = ShowContext(booth.show)
    broken = replace(
        booth.zoe,
        first_name="Zo\ud800é",
        notes=(NoteRow(id=1, at=booth.zoe.created_at, staff=None, text="x\udfffy"),),
    )
    report = ExportReport()
    stream = io.BytesIO()
    info = WorkbookInfo("Milipol", datetime(2023, 11, 17, 18), "all")
    count = write_workbook(
        stream, [broken], show, leads_sheet_columns(show), report, info, lambda: None
    )
    assert count == 1
    stream.seek(0)
    workbook = load_workbook(stream)
    assert workbook["Leads"]["C2"].value == "Zo\ufffdé"
    assert workbook["Notes"]["F2"].value == "x\ufffdy"
    assert len(report.warnings) >= 2
    assert all("lone surrogate" in w.message for w in report.warnings)


def test_summary_tables_and_charts(booth: Booth, tmp_path: Path) -> None:
    cleared = booth.services.leads.update(booth.hostile.id, LeadInput(**HOSTILE))  # type: ignore[arg-type]
    assert cleared.country is None
    result, workbook = export(booth, tmp_path)
    summary = workbook["Summary"]
    values = [[cell.value for cell in row] for row in summary.iter_rows()]
    assert values[0][0] == "Leads summary: Milipol Paris 2023"
    assert values[3][:2] == ["Leads", 4]
    exported = next(row for row in summary.iter_rows() if row[0].value == "Exported")[1]
    assert isinstance(exported.value, datetime)
    shown = exported.value.strftime("%Y-%m-%d %H:%M")
    assert exported.number_format == "yyyy-mm-dd hh:mm"
    assert summary.column_dimensions["B"].width > len(shown), "the date would show as ###"

    def table(title: str) -> list[list[Any]]:
        start = next(i for i, row in enumerate(values) if row[0] == title) + 2
        end = next((i for i in range(start, len(values)) if values[i][0] is None), len(values))
        return values[start:end]

    days = table("Leads per day")
    assert [row[:6] for row in days] == [
        [datetime(2023, 11, 14), 2, 1, 1, 0, 0],
        [datetime(2023, 11, 15), 1, 0, 0, 1, 0],
        [datetime(2023, 11, 17), 1, 0, 0, 0, 1],
    ]
    staff = {row[0]: row[1] for row in table("Leads per staff member")}
    assert staff == {"Claire Martin": 2, "Jonas Weber": 1, "(nobody)": 1}
    products = {row[1]: row[2] for row in table("Leads per product")}
    assert products == {"TC-6040": 1, "ACC-FOAM": 1, "RC-4U": 1}
    ratings = {row[0]: (row[1], row[2]) for row in table("Leads per rating")}
    assert ratings["Hot"] == (1, 0.25)
    assert ratings["Not rated"] == (1, 0.25)
    countries = {row[0]: row[2] for row in table("Top countries")}
    assert countries == {
        "France": 1,
        "Japan": 1,
        "United Arab Emirates": 1,
        "(not given)": 1,
    }
    with zipfile.ZipFile(result.path) as archive:
        charts = [name for name in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml", name)]
    assert len(charts) == 5


def test_notes_and_visits_sheets(booth: Booth, tmp_path: Path) -> None:
    _result, workbook = export(booth, tmp_path)
    notes = rows(workbook["Notes"])
    assert [cell.value for cell in workbook["Notes"][1]] == [
        "Lead ID",
        "Lead",
        "Company",
        "Time",
        "Staff",
        "Note",
        "Part",
    ]
    zoe_notes = [row for row in notes if row["Lead ID"].value == booth.zoe.id]
    assert [row["Staff"].value for row in zoe_notes] == ["Claire Martin", "Jonas Weber"]
    assert zoe_notes[0]["Lead"].value == "Zoé Lefèvre"
    assert zoe_notes[0]["Time"].value == datetime(2023, 11, 14, 9, 30)
    assert zoe_notes[0]["Note"].alignment.wrap_text
    visits = rows(workbook["Visits"])
    assert len(visits) == 5
    zoe_visits = [row for row in visits if row["Lead ID"].value == booth.zoe.id]
    assert [row["Staff"].value for row in zoe_visits] == ["Claire Martin", "Jonas Weber"]
    assert [row["Source"].value for row in zoe_visits] == ["Typed in", "Badge scan"]
    assert isinstance(zoe_visits[0]["Time"].value, datetime)
    assert lead_row(workbook["Leads"], booth.yamada.id)["Last name"].value == "山田"


def test_an_empty_selection_gives_headers_and_an_empty_summary(
    booth: Booth, tmp_path: Path
) -> None:
    result, workbook = export(
        booth, tmp_path, lead_filter=LeadFilter(rating=Rating.HOT, search="nobody")
    )
    assert result.count == 0
    assert workbook["Leads"].max_row == 1
    with zipfile.ZipFile(result.path) as archive:
        assert not [name for name in archive.namelist() if name.startswith("xl/charts/")]


def test_sheet_temporary_files_are_removed(booth: Booth, tmp_path: Path) -> None:
    before = list(ALL_TEMP_FILES)
    export(booth, tmp_path)
    assert list(ALL_TEMP_FILES) == before


def test_cancelling_mid_workbook_removes_the_sheet_files(booth: Booth) -> None:
    show = ShowContext(booth.show)
    before = list(ALL_TEMP_FILES)
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 2:
            raise ExportCancelled("stop")

    leads = [booth.zoe, booth.yamada, booth.arabic]
    info = WorkbookInfo("Milipol", datetime(2023, 11, 17, 18), "all")
    with pytest.raises(ExportCancelled):
        write_workbook(
            io.BytesIO(), leads, show, leads_sheet_columns(show), ExportReport(), info, tick
        )
    assert list(ALL_TEMP_FILES) == before


def test_numbers_excel_cannot_hold_are_written_as_text(booth: Booth, tmp_path: Path) -> None:
    quantity = booth.questions[2]
    odd = booth.services.leads.create(
        LeadInput(first_name="Odd", answers={quantity.id: "12"}), event_id=booth.show.id
    )
    with booth.services.database.write() as session:
        answer = session.get(Answer, (odd.id, quantity.id))
        assert answer is not None
        answer.value = float("nan")
    result, workbook = export(booth, tmp_path)
    assert lead_row(workbook["Leads"], odd.id)["Cases needed"].value == "nan"
    assert any(w.lead_id == odd.id and "not a number" in w.message for w in result.warnings)

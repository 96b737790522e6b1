"""The workbook's Follow-ups sheet and the Follow-ups table of its Summary sheet."""

from __future__ import annotations

import io
from contextlib import ExitStack, closing
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from boothapp.core.exporting.columns import ShowContext, leads_sheet_columns
from boothapp.core.exporting.report import ExportCancelled, ExportReport
from boothapp.core.exporting.summary import Summary
from boothapp.core.exporting.xlsx import WorkbookInfo, write_workbook
from boothapp.core.leads.query import Selection
from boothapp.core.leads.reader import read_details
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.schemas import LeadFilter
from boothapp.core.services.exports import ExportRequest
from boothapp.core.vocabulary import Rating

from .booth_data import HOSTILE, Booth

HEADERS = [
    "Lead ID",
    "Lead",
    "Company",
    "E-mail",
    "Phone",
    "Follow-up",
    "Status",
    "Due",
    "Owner",
    "Done at",
    "Done by",
]


def export(booth: Booth, tmp_path: Path, **request: Any) -> Any:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.xlsx", **request))
    return load_workbook(result.path)


def rows(sheet: Any) -> list[dict[str, Any]]:
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def summary_table(workbook: Any, title: str) -> list[list[Any]] | None:
    values = [[cell.value for cell in row] for row in workbook["Summary"].iter_rows()]
    starts = [i for i, row in enumerate(values) if row[0] == title]
    if not starts:
        return None
    start = starts[0] + 2
    end = next((i for i in range(start, len(values)) if values[i][0] is None), len(values))
    return [row[:4] for row in values[start:end]]


def test_each_follow_up_is_a_row_with_its_lead(booth: Booth, tmp_path: Path) -> None:
    workbook = export(booth, tmp_path)
    sheet = workbook["Follow-ups"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:K3"
    quote, call = rows(sheet)
    zoe = booth.zoe
    assert [cell.value for cell in quote.values()][:6] == [
        zoe.id,
        "Zoé Lefèvre",
        "Müller GmbH",
        "zoe.lefevre@example.fr",
        "+33142685300",
        "Send quote",
    ]
    assert call["Follow-up"].value == "Call back"
    for row in (quote, call):
        assert row["Status"].value == "To do"
        # A hot lead captured on Tuesday 14 November is due on Wednesday 15.
        assert row["Due"].value == datetime(2023, 11, 15)
        assert row["Due"].is_date
        assert row["Due"].font.b and row["Due"].font.color.rgb.endswith("C00000"), "overdue"
        assert row["Owner"].value == "Claire Martin"
        assert row["Done at"].value is None


def test_a_done_follow_up_says_when_and_by_whom(
    booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = booth.services
    monkeypatch.setattr(
        "boothapp.core.follow_ups.queue.utc_now", lambda: datetime(2023, 11, 20, 8, 15, tzinfo=UTC)
    )
    call = next(t for t in services.follow_ups.of_lead(booth.zoe.id) if t.kind == "call_back")
    services.follow_ups.mark_done([call.id], staff_id=booth.jonas_id)
    row = next(
        r
        for r in rows(export(booth, tmp_path)["Follow-ups"])
        if r["Follow-up"].value == "Call back"
    )
    assert row["Status"].value == "Done"
    assert row["Done at"].value == datetime(2023, 11, 20, 9, 15), "the show's local time"
    assert row["Done by"].value == "Jonas Weber"
    assert not row["Due"].font.b, "done: not overdue"


def test_the_summary_counts_the_follow_ups(booth: Booth, tmp_path: Path) -> None:
    services = booth.services
    call = next(t for t in services.follow_ups.of_lead(booth.zoe.id) if t.kind == "call_back")
    services.follow_ups.mark_done([call.id], staff_id=booth.jonas_id)
    yamada = services.leads.get(booth.yamada.id)
    services.leads.update(
        yamada.id, replace(lead_input_of(yamada), follow_ups=("send_quote", "demo"))
    )
    (demo,) = (t for t in services.follow_ups.of_lead(yamada.id) if t.kind == "demo")
    services.follow_ups.set_due([demo.id], date(2099, 1, 5))
    workbook = export(booth, tmp_path)
    assert summary_table(workbook, "Follow-ups") == [
        ["Send quote", 2, 1, 0],  # Yamada's was promised today: not overdue
        ["Call back", 0, 0, 1],
        ["Demo", 1, 0, 0],
    ]
    leads_in_order = [r["Lead"].value for r in rows(workbook["Follow-ups"])]
    assert leads_in_order == ["Zoé Lefèvre", "Zoé Lefèvre", "山田 太郎", "山田 太郎"]


def test_the_sheet_follows_the_export_s_selection(booth: Booth, tmp_path: Path) -> None:
    workbook = export(booth, tmp_path, lead_filter=LeadFilter(rating=Rating.WARM))
    assert rows(workbook["Follow-ups"]) == []
    assert summary_table(workbook, "Follow-ups") is None, "no table without follow-ups"
    booth.services.leads.delete(booth.zoe.id)
    assert rows(export(booth, tmp_path)["Follow-ups"]) == [], "a deleted lead's are hidden"


def test_hostile_text_stays_text(booth: Booth, tmp_path: Path) -> None:
    services = booth.services
    hostile = services.leads.get(booth.hostile.id)
    services.leads.update(hostile.id, replace(lead_input_of(hostile), follow_ups=("other",)))
    row = next(
        r for r in rows(export(booth, tmp_path)["Follow-ups"]) if r["Follow-up"].value == "Other"
    )
    assert row["Company"].value == HOSTILE["company"]
    assert row["Company"].data_type == "s"
    assert row["Lead"].value.startswith("=1+1") and row["Lead"].data_type == "s"


def test_a_search_selects_the_follow_ups_too(booth: Booth, tmp_path: Path) -> None:
    workbook = export(booth, tmp_path, lead_filter=LeadFilter(search="lefevre"))
    assert [r["Follow-up"].value for r in rows(workbook["Follow-ups"])] == [
        "Send quote",
        "Call back",
    ]


def test_an_export_cancelled_half_way_leaves_the_database_usable(
    booth: Booth, tmp_path: Path
) -> None:
    """Cancelled after the first lead: the reader drops its temporary table while the
    follow-ups are still being read (Yamada's are next)."""
    services = booth.services
    yamada = services.leads.get(booth.yamada.id)
    services.leads.update(yamada.id, replace(lead_input_of(yamada), follow_ups=("demo",)))
    show = ShowContext(booth.show)
    selection = Selection(LeadFilter(event_id=booth.show.id))

    def tick() -> None:
        raise ExportCancelled("stop")

    with services.database.read() as session, ExitStack() as stack:
        leads = stack.enter_context(closing(read_details(session, selection)))
        summary = Summary.read(session.connection(), selection, show)
        info = WorkbookInfo("Milipol", datetime(2023, 11, 17, 18), "all", summary)
        with pytest.raises(ExportCancelled):
            write_workbook(
                io.BytesIO(), leads, show, leads_sheet_columns(show), ExportReport(), info, tick
            )
    workbook = export(booth, tmp_path)
    assert len(rows(workbook["Follow-ups"])) == 3

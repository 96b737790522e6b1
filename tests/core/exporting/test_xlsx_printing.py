"""The workbook prints as a manager would want: page setup read back with openpyxl and
from the sheet XML, the Summary's charts under their tables and never cut across pages,
and, when LibreOffice is installed, the pages it actually prints."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from lxml import etree  # type: ignore[import-untyped]
from openpyxl import load_workbook  # type: ignore[import-untyped]

from boothapp.core.exporting.columns import ShowContext, leads_sheet_columns
from boothapp.core.exporting.report import ExportReport
from boothapp.core.exporting.xlsx import SUMMARY_PAGE_ROWS, WorkbookInfo, write_workbook
from boothapp.core.schemas import ProductInput
from boothapp.core.services.exports import ExportRequest

from .booth_data import Booth
from .test_libreoffice import SOFFICE, convert

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOCUMENT_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SUMMARY_TABLES = (
    "Leads per day",
    "Leads per staff member",
    "Leads per product",
    "Leads per rating",
    "Top countries",
)
SUMMARY_COLUMNS = 6
A4_PAPER = 9


class Block(NamedTuple):
    """Rows of the Summary sheet, 1-based and inclusive."""

    title: str
    first: int
    last: int


def export(booth: Booth, tmp_path: Path) -> Path:
    return booth.exports.export(ExportRequest(tmp_path / "leads.xlsx")).path


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the path of its XML part."""
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    relations = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relations.iter(f"{RELATIONSHIPS}Relationship")}
    return {
        sheet.get("name"): "xl/"
        + targets[sheet.get(DOCUMENT_RELATIONSHIP)].lstrip("/").removeprefix("xl/")
        for sheet in workbook.iter(f"{MAIN}sheet")
    }


def summary_tables(summary: Any) -> dict[str, Block]:
    """Each table of the Summary sheet, from its title row to its last row."""
    column = [cell.value for (cell,) in summary.iter_rows(max_col=1)]
    tables = {}
    for title in SUMMARY_TABLES:
        first = column.index(title) + 1
        last = first + 1
        while last < len(column) and column[last] is not None:
            last += 1
        tables[title] = Block(title, first, last)
    return tables


def chart_title(chart: Any) -> str:
    return "".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r)


def summary_charts(summary: Any) -> dict[str, Block]:
    """Each chart of the Summary sheet, by title, with the rows it covers."""
    charts = {}
    for chart in summary._charts:
        anchor = chart.anchor
        assert (anchor._from.col, anchor._from.colOff) == (0, 0), "a chart starts in column A"
        assert anchor.to.col <= SUMMARY_COLUMNS and anchor.to.colOff == 0, "within the tables"
        title = chart_title(chart)
        charts[title] = Block(title, anchor._from.row + 1, anchor.to.row)
    return charts


def page_tops(summary: Any) -> list[int]:
    """The first row of each printed page, from the sheet's manual breaks."""
    return [1, *sorted(brk.id + 1 for brk in summary.row_breaks.brk)]


def is_cut(block: Block, tops: list[int]) -> bool:
    return any(block.first < top <= block.last for top in tops)


@pytest.mark.parametrize(
    ("name", "orientation", "title_rows"),
    [
        ("Leads", "landscape", "$1:$1"),
        ("Summary", "portrait", None),
        ("Notes", "landscape", "$1:$1"),
        ("Visits", "portrait", "$1:$1"),
        ("Follow-ups", "landscape", "$1:$1"),
    ],
)
def test_each_sheet_prints_one_page_wide(
    booth: Booth, tmp_path: Path, name: str, orientation: str, title_rows: str | None
) -> None:
    sheet = load_workbook(export(booth, tmp_path))[name]
    setup = sheet.page_setup
    assert setup.orientation == orientation
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert setup.paperSize == A4_PAPER
    assert sheet.print_title_rows == title_rows
    assert bool(sheet.print_options.gridLines) is (title_rows is not None)
    margins = sheet.page_margins
    assert (margins.left, margins.right, margins.top, margins.bottom) == (0.25, 0.25, 0.75, 0.75)
    assert sheet.oddHeader.left.text == "Milipol Paris 2023"
    assert sheet.oddHeader.right.text == "&A"
    assert sheet.oddFooter.center.text == "Page &P of &N"


def test_the_page_setup_is_in_the_sheet_xml_after_the_rows(booth: Booth, tmp_path: Path) -> None:
    with zipfile.ZipFile(export(booth, tmp_path)) as archive:
        parts = sheet_parts(archive)
        workbook = etree.fromstring(archive.read("xl/workbook.xml"))
        leads = etree.fromstring(archive.read(parts["Leads"]))
    children = [etree.QName(child).localname for child in leads]
    assert children.index("sheetData") < children.index("printOptions")
    assert children.index("printOptions") < children.index("pageMargins")
    assert children.index("pageMargins") < children.index("pageSetup")
    assert children.index("pageSetup") < children.index("headerFooter")
    assert leads.find(f"{MAIN}sheetData/{MAIN}row") is not None
    assert leads.find(f"{MAIN}sheetPr/{MAIN}pageSetUpPr").get("fitToPage") == "1"
    setup = leads.find(f"{MAIN}pageSetup")
    assert setup.get("orientation") == "landscape"
    assert (setup.get("fitToWidth"), setup.get("fitToHeight")) == ("1", "0")
    assert leads.find(f"{MAIN}printOptions").get("gridLines") == "1"
    footer = leads.find(f"{MAIN}headerFooter/{MAIN}oddFooter")
    assert footer.text == "&CPage &P of &N"
    titles = {
        name.get("localSheetId"): name.text
        for name in workbook.iter(f"{MAIN}definedName")
        if name.get("name") == "_xlnm.Print_Titles"
    }
    assert titles == {
        "0": "'Leads'!$1:$1",
        "2": "'Notes'!$1:$1",
        "3": "'Visits'!$1:$1",
        "4": "'Follow-ups'!$1:$1",
    }


def test_an_ampersand_in_the_show_name_is_printed_as_one(booth: Booth) -> None:
    show = ShowContext(booth.show)
    stream = io.BytesIO()
    info = WorkbookInfo("R&D Expo &P", datetime(2023, 11, 17, 18), "all")
    write_workbook(
        stream, [booth.zoe], show, leads_sheet_columns(show), ExportReport(), info, lambda: None
    )
    with zipfile.ZipFile(stream) as archive:
        leads = etree.fromstring(archive.read(sheet_parts(archive)["Leads"]))
    header = leads.find(f"{MAIN}headerFooter/{MAIN}oddHeader")
    assert header.text == "&LR&&D Expo &&P&R&A"


def test_each_summary_chart_is_under_its_table(booth: Booth, tmp_path: Path) -> None:
    summary = load_workbook(export(booth, tmp_path))["Summary"]
    tables = summary_tables(summary)
    charts = summary_charts(summary)
    assert sorted(charts) == sorted(SUMMARY_TABLES)
    following = [*(tables[title].first for title in SUMMARY_TABLES[1:]), None]
    for title, next_table in zip(SUMMARY_TABLES, following, strict=True):
        table, chart = tables[title], charts[title]
        assert chart.first > table.last, f"{title}: the chart is under its table"
        if next_table is not None:
            assert chart.last < next_table, f"{title}: the chart ends before the next table"


def test_no_summary_chart_or_table_is_cut_across_pages(booth: Booth, tmp_path: Path) -> None:
    summary = load_workbook(export(booth, tmp_path))["Summary"]
    tables = summary_tables(summary)
    charts = summary_charts(summary)
    tops = page_tops(summary)
    assert len(tops) > 1, "the summary takes more than a page"
    for block in [*tables.values(), *charts.values()]:
        assert not is_cut(block, tops), f"{block} is cut across pages at {tops}"
    last_row = max(block.last for block in charts.values())
    ends = [*tops[1:], last_row + 1]
    assert all(end - top <= SUMMARY_PAGE_ROWS for top, end in zip(tops, ends, strict=True))


def test_a_table_longer_than_a_page_starts_one_and_its_chart_is_whole(
    booth: Booth, tmp_path: Path
) -> None:
    for number in range(SUMMARY_PAGE_ROWS + 10):
        booth.services.products.create(
            ProductInput(sku=f"SPARE-{number:02}", name=f"Spare part {number:02}"),
            event_id=booth.show.id,
        )
    summary = load_workbook(export(booth, tmp_path))["Summary"]
    products = summary_tables(summary)["Leads per product"]
    chart = summary_charts(summary)["Leads per product"]
    tops = page_tops(summary)
    assert products.last - products.first + 1 > SUMMARY_PAGE_ROWS
    assert products.first in tops
    assert chart.last - chart.first + 1 <= SUMMARY_PAGE_ROWS
    assert not is_cut(chart, tops)
    assert all(end - top <= SUMMARY_PAGE_ROWS for top, end in zip(tops, tops[1:], strict=False))


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of each page, in the order LibreOffice writes them."""
    boxes = re.findall(rb"/Type\s*/Page\b[^>]*?/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(width), float(height)) for width, height in boxes]


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
)
def test_libreoffice_prints_the_leads_on_one_landscape_page(booth: Booth, tmp_path: Path) -> None:
    pdf = convert(export(booth, tmp_path), "pdf", tmp_path / "out").read_bytes()
    sizes = pdf_page_sizes(pdf)
    assert len(sizes) > 2
    leads, summary = sizes[0], sizes[1]
    assert leads[0] > leads[1], "the Leads sheet is landscape"
    assert summary[0] < summary[1], "the four leads fit on one page, then the Summary (portrait)"

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

from boothapp.core.exporting.sheetxml import SheetRows, Styled, cell_xml, splice
from boothapp.core.exporting.text import clean

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def workbook_with(rows: list[list[Any]], number_format: str | None = None) -> Any:
    """Rows written through ``SheetRows`` and read back by openpyxl."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    style = 0
    if number_format is not None:
        template = WriteOnlyCell(sheet)
        template.number_format = number_format
        style = template.style_id
    stream = SheetRows(sheet)
    try:
        for row in rows:
            stream.append([Styled(v, style) if isinstance(v, date) else v for v in row])
        skeleton = io.BytesIO()
        workbook.save(skeleton)
        skeleton.seek(0)
        target = io.BytesIO()
        splice(skeleton, target, [stream])
    finally:
        stream.close()
    target.seek(0)
    return load_workbook(target)["Data"]


def openpyxl_cells(values: list[Any]) -> list[Any]:
    """The <c> elements openpyxl itself writes for ``values`` in a write-only sheet."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(values)
    stream = io.BytesIO()
    workbook.save(stream)
    with zipfile.ZipFile(stream) as archive:
        root = etree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    return list(root.iter(f"{MAIN}c"))


def element(xml: str) -> Any:
    return etree.fromstring(xml.replace("<c ", f'<c xmlns="{MAIN[1:-1]}" ', 1))


def test_cells_are_those_openpyxl_writes() -> None:
    values: list[Any] = ["Zoé", " leading space", "a & b < c > d", "line\r\nbreak", 20, -2.5, 1e20]
    expected = openpyxl_cells(values)
    for index, (value, theirs) in enumerate(zip(values, expected, strict=True)):
        ours = element(cell_xml(f"{chr(65 + index)}1", value))
        assert ours.attrib == theirs.attrib
        assert [e.tag for e in ours.iter()] == [e.tag for e in theirs.iter()]
        assert [e.text for e in ours.iter()] == [e.text for e in theirs.iter()]
        theirs_space = [e.get("{http://www.w3.org/XML/1998/namespace}space") for e in theirs.iter()]
        ours_space = [e.get("{http://www.w3.org/XML/1998/namespace}space") for e in ours.iter()]
        assert ours_space == theirs_space


def test_cell_xml_escapes_markup() -> None:
    xml = cell_xml("A1", "<b>&amp;</b>\r")
    assert "<b>" not in xml
    assert element(xml).find(f"{MAIN}is/{MAIN}t").text == "<b>&amp;</b>\r"


def test_dates_need_a_style() -> None:
    with pytest.raises(TypeError, match="date style"):
        cell_xml("A1", datetime(2023, 11, 14))
    with pytest.raises(TypeError, match="bool"):
        cell_xml("A1", True)
    assert "<v>45244.5</v>" in cell_xml("A1", Styled(datetime(2023, 11, 14, 12), 3))


def test_rows_read_back_with_types() -> None:
    sheet = workbook_with(
        [
            ["text", 1, 2.5, datetime(2023, 11, 14, 9, 30)],
            [None, "=1+1", "#N/A", date(2023, 11, 15)],
        ],
        number_format="yyyy-mm-dd hh:mm",
    )
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows == [
        ["text", 1, 2.5, datetime(2023, 11, 14, 9, 30)],
        [None, "=1+1", "#N/A", datetime(2023, 11, 15)],
    ]
    assert sheet["B2"].data_type == "s" and sheet["C2"].data_type == "s"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_any_clean_text_reads_back_unchanged(texts: list[str]) -> None:
    cleaned = [clean(text).text or None for text in texts]
    sheet = workbook_with([cleaned])
    assert [sheet.cell(row=1, column=i + 1).value for i in range(len(cleaned))] == cleaned

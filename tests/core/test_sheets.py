"""Reading spreadsheets (core/sheets.py): real workbooks in every format read alike, odd
and broken ones are named, and no file can make the reader take the process down.

``data/attendees.xls`` and ``data/attendees.ods`` hold ``LIST`` below: the workbook that
``write_list`` writes, converted by LibreOffice 7.4
(``soffice --headless --convert-to xls attendees.xlsx``, likewise ``ods``).
``data/password.xlsx`` is that workbook encrypted with the password "secret"
(msoffcrypto-tool).
"""

from __future__ import annotations

import datetime
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from boothapp.core import sheets
from boothapp.core.errors import ValidationError
from boothapp.core.sheets import cell_text, read_rows

DATA = Path(__file__).parent / "data"

LIST: list[list[Any]] = [
    ["Liste des visiteurs — Milipol 2023"],
    [],
    ["Numéro de badge", "Prénom", "Nom", "Société", "Pays", "Inscrit le", "Score", "Téléphone"],
    [
        4006381333931,
        "Zoé",
        "Lefèvre",
        "Smith & Söhne",
        "France",
        datetime.date(2023, 11, 14),
        2.5,
        "+33 6 12 34 56 78",
    ],
    ["MIL-0002", "太郎", "山田", "Thales", "Japon", datetime.datetime(2023, 11, 15, 9, 30), -3],
    [],
    ["MIL-0003", "Ana", None, "Embraer", "Brésil", None, 0.125],
]
LIST_TEXT = [
    (number, tuple(line.split("|")))
    for number, line in [
        (1, "Liste des visiteurs — Milipol 2023"),
        (3, "Numéro de badge|Prénom|Nom|Société|Pays|Inscrit le|Score|Téléphone"),
        (4, "4006381333931|Zoé|Lefèvre|Smith & Söhne|France|2023-11-14|2.5|+33 6 12 34 56 78"),
        (5, "MIL-0002|太郎|山田|Thales|Japon|2023-11-15 09:30:00|-3"),
        (7, "MIL-0003|Ana||Embraer|Brésil||0.125"),
    ]
]


def write_list(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Visiteurs"
    for row in LIST:
        sheet.append(row)
    workbook.create_sheet("Notes")["A1"] = "not the list"
    workbook.save(path)
    return path


def as_text(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    return [(number, tuple(map(cell_text, cells))) for number, cells in read_rows(path)]


def message(path: Path) -> str:
    with pytest.raises(ValidationError) as caught:
        list(read_rows(path))
    return str(caught.value)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
KINDS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write_raw_xlsx(
    path: Path, sheet_data: str, strings: list[str] = (), styles: str = "", sheet: str = ""
) -> Path:
    """A workbook written by hand, to hold the shapes other producers write.

    ``sheet`` replaces the whole worksheet part, ``{sheet_data}`` standing for
    ``sheet_data``."""
    package = "http://schemas.openxmlformats.org/package/2006"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{package}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId1" Type="{KINDS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{KINDS}"><sheets>'
            '<sheet name="Visiteurs" sheetId="1" r:id="rId7"/>'
            '<sheet name="Notes" sheetId="2" r:id="rId6"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{package}/relationships">'
            f'<Relationship Id="rId6" Type="{KINDS}/worksheet" Target="worksheets/notes.xml"/>'
            f'<Relationship Id="rId7" Type="{KINDS}/worksheet" Target="worksheets/list.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{"".join(strings)}</sst>')
        archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>')
        sheet = (
            sheet or f'<worksheet xmlns="{MAIN}"><sheetData>{{sheet_data}}</sheetData></worksheet>'
        )
        archive.writestr("xl/worksheets/list.xml", sheet.replace("{sheet_data}", sheet_data))
        archive.writestr(
            "xl/worksheets/notes.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
            "<is><t>not the list</t></is></c></row></sheetData></worksheet>",
        )
    return path


# --- what is read -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_every_format_reads_the_same_rows(tmp_path: Path, suffix: str) -> None:
    path = write_list(tmp_path / "list.xlsx") if suffix == ".xlsx" else DATA / f"attendees{suffix}"
    assert as_text(path) == LIST_TEXT


def test_cells_come_as_values_with_dates_as_dates(tmp_path: Path) -> None:
    rows = dict(read_rows(write_list(tmp_path / "list.xlsx")))
    assert rows[4][0] == 4006381333931
    assert rows[4][5] == datetime.date(2023, 11, 14)
    assert rows[5][5] == datetime.datetime(2023, 11, 15, 9, 30)
    assert rows[7][2] == ""


@pytest.mark.parametrize(
    ("source", "name"),
    [("attendees.xls", "list.xlsx"), ("attendees.ods", "list.xls"), ("attendees.xls", "list.ods")],
)
def test_the_content_says_what_kind_of_workbook_it_is(
    tmp_path: Path, source: str, name: str
) -> None:
    path = tmp_path / name
    shutil.copy(DATA / source, path)
    assert as_text(path) == LIST_TEXT


def test_an_xlsx_under_an_xls_name_is_read(tmp_path: Path) -> None:
    path = write_list(tmp_path / "list.xlsx").rename(tmp_path / "list.xls")
    assert as_text(path) == LIST_TEXT


def test_a_list_away_from_a1_keeps_its_columns_and_row_numbers(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["C3"] = "Badge ID"
    sheet["D3"] = "Name"
    sheet["C4"] = "A-1"
    sheet["E6"] = "far right"
    sheet["D7"] = "Zoé"
    workbook.save(tmp_path / "list.xlsx")
    assert as_text(tmp_path / "list.xlsx") == [
        (3, ("", "", "Badge ID", "Name")),
        (4, ("", "", "A-1")),
        (6, ("", "", "", "", "far right")),
        (7, ("", "", "", "Zoé")),
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  as typed ", "  as typed "),
        (17, "17"),
        (17.0, "17"),
        (-3.0, "-3"),
        (2.5, "2.5"),
        (4006381333931.0, "4006381333931"),
        (1e17, "1e+17"),
        (True, "TRUE"),
        (False, "FALSE"),
        (datetime.date(2023, 11, 14), "2023-11-14"),
        (datetime.datetime(2023, 11, 14), "2023-11-14"),
        (datetime.datetime(2023, 11, 14, 12), "2023-11-14 12:00:00"),
        (datetime.datetime(2023, 11, 14, 11, 59, 59, 999_000), "2023-11-14 12:00:00"),
        (datetime.datetime(2023, 11, 14, 23, 59, 59, 600_000), "2023-11-15"),
        (datetime.time(18, 0), "18:00:00"),
        (datetime.time(9, 29, 59, 700_000), "09:30:00"),
        (datetime.timedelta(hours=30), "30:00:00"),
        (datetime.timedelta(minutes=-90), "-1:30:00"),
    ],
)
def test_cell_text(value: sheets.Cell, text: str) -> None:
    assert cell_text(value) == text


def test_a_1904_workbook_gives_the_same_dates(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    workbook.active.append(["Badge ID", datetime.date(2023, 11, 14)])
    workbook.save(tmp_path / "mac.xlsx")
    assert as_text(tmp_path / "mac.xlsx") == [(1, ("Badge ID", "2023-11-14"))]


SHAPES = {
    "entities": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &lt;&gt; &quot;&apos; '
        "&#233;&#xE9;&#x4E2D;&#128512;</t></is></c></row>",
        [(1, ("A&B <> \"' éé中😀",))],
    ),
    "shared, styled, rich and phonetic strings": (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" s="1"><v>45244</v></c>'
        '<c r="E1" s="2"><v>45244.5</v></c><c r="F1" t="b"><v>1</v></c></row>',
        [(1, ("Badge", "Prénom", "Nom", "2023-11-14", "2023-11-14 12:00:00", "TRUE"))],
    ),
    "cells without a reference": (
        '<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>3</v></c></row>'
        "<row><c><v>4</v></c></row>",
        [(2, ("a", "", "3")), (3, ("4",))],
    ),
    "pretty-printed, lower case, single quotes": (
        "\n  <row r='1'>\n    <c r='b1'\n      t='inlineStr'>\n      <is><t>b</t></is>\n"
        "    </c>\n  </row>\n",
        [(1, ("", "b"))],
    ),
    "comment, CDATA, carriage return": (
        '<row r="1"><!-- a --><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>a\r\nb</t></is></c></row>',
        [(1, ("<b>", "a\nb"))],
    ),
    "formula with its value": (
        '<row r="1"><c r="A1" t="str"><f>B1&amp;"x"</f><v>yx</v></c></row>',
        [(1, ("yx",))],
    ),
    "rows out of order": ('<row r="3"><c r="A3"><v>3</v></c></row><row r="2"/>', [(3, ("3",))]),
}
STRINGS = [
    "<si><t>Badge</t></si>",
    "<si><r><rPr><b/></rPr><t>Pré</t></r><r><t>nom</t></r></si>",
    "<si><t>Nom</t><rPh sb='0' eb='1'><t>ノム</t></rPh></si>",
]
STYLES = (
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
)


@pytest.mark.parametrize(("sheet_data", "rows"), SHAPES.values(), ids=SHAPES.keys())
def test_shapes_other_producers_write(
    tmp_path: Path, sheet_data: str, rows: list[tuple[int, tuple[str, ...]]]
) -> None:
    path = write_raw_xlsx(tmp_path / "hand.xlsx", sheet_data, STRINGS, STYLES)
    assert as_text(path) == rows


def test_a_prefixed_sheet_is_read(tmp_path: Path) -> None:
    sheet = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="1">'
        '<x:c r="A1" t="inlineStr"><x:is><x:t>Badge</x:t></x:is></x:c>'
        '<x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    assert as_text(write_raw_xlsx(tmp_path / "sdk.xlsx", "", sheet=sheet)) == [(1, ("Badge", "7"))]


def test_csv_tsv_and_text_files(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(
        "Badge;Nom\r\nA-1;Lefèvre\r\n;\r\n\r\nA-2;\r\n".encode("cp1252")
    )
    (tmp_path / "b.txt").write_bytes("Badge\tNom\r\nB-1\tZoé\r\n".encode("utf-16"))
    (tmp_path / "c.tsv").write_bytes(b'Badge\tNom\n"C,1"\t"a\nb"\n')
    assert as_text(tmp_path / "a.csv") == [
        (1, ("Badge", "Nom")),
        (2, ("A-1", "Lefèvre")),
        (5, ("A-2", "")),
    ]
    assert as_text(tmp_path / "b.txt") == [(1, ("Badge", "Nom")), (2, ("B-1", "Zoé"))]
    assert as_text(tmp_path / "c.tsv") == [(1, ("Badge", "Nom")), (2, ("C,1", "a\nb"))]


# --- what is refused --------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def half(name: str) -> bytes:
    content = (DATA / name).read_bytes()
    return content[: len(content) // 2]


UNREADABLE = {
    "photo.xlsx": (lambda: PNG, "is not a readable Excel workbook"),
    "photo.xls": (lambda: PNG, "is not a readable Excel workbook"),
    "photo.ods": (lambda: PNG, "is not a readable OpenDocument spreadsheet"),
    "empty.xlsx": (lambda: b"", "is not a readable Excel workbook"),
    "text.xlsx": (lambda: b"Badge;Name\n1;Zoe\n", "is not a readable Excel workbook"),
    "cut.xls": (lambda: half("attendees.xls"), "is not a readable Excel workbook"),
    "cut.ods": (lambda: half("attendees.ods"), "is not a readable OpenDocument spreadsheet"),
    "locked.xlsx": (lambda: (DATA / "password.xlsx").read_bytes(), "is protected by a password"),
    "list.pdf": (lambda: b"%PDF-1.4", "is not a spreadsheet"),
}


@pytest.mark.parametrize("name", UNREADABLE)
def test_files_that_cannot_be_read_are_named(tmp_path: Path, name: str) -> None:
    content, expected = UNREADABLE[name]
    (tmp_path / name).write_bytes(content())
    assert message(tmp_path / name).startswith(f"{name}: {expected}")


def test_a_truncated_xlsx_is_named(tmp_path: Path) -> None:
    path = write_list(tmp_path / "list.xlsx")
    for size in (len(path.read_bytes()) // 2, len(path.read_bytes()) - 30):
        cut = tmp_path / f"cut{size}.xlsx"
        cut.write_bytes(path.read_bytes()[:size])
        assert message(cut).startswith(f"cut{size}.xlsx: is not a readable Excel workbook")


def test_a_damaged_worksheet_is_named(tmp_path: Path) -> None:
    path = write_list(tmp_path / "list.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"</sheetData>", b"")
            target.writestr(item, content)
    assert message(damaged).startswith("damaged.xlsx: is not a readable Excel workbook")


@pytest.mark.parametrize(
    "sheet_data",
    [
        '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
        '<row r="1"><c r="XFE1"><v>1</v></c></row>',
        '<row r="1"><c r="A1048577"><v>1</v></c></row>',
    ],
    ids=["shared string out of range", "undefined entity", "beyond XFD", "beyond row 1048576"],
)
def test_a_broken_sheet_is_named(tmp_path: Path, sheet_data: str) -> None:
    path = write_raw_xlsx(tmp_path / "broken.xlsx", sheet_data)
    assert message(path).startswith("broken.xlsx: is not a readable Excel workbook")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert message(tmp_path / "gone.xlsx") == f"gone.xlsx: no such file: {tmp_path / 'gone.xlsx'}"
    (tmp_path / "folder.csv").mkdir()
    assert message(tmp_path / "folder.csv").startswith("folder.csv: no such file")


def test_a_binary_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert message(path).startswith("list.xlsx: is a binary Excel workbook (.xlsb)")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_huge_cell_is_named_with_its_row(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    if suffix == ".csv":
        path.write_text(f"Badge;Note\nA-1;short\nA-2;{'x' * 40_000}\n", encoding="utf-8")
    else:
        write_raw_xlsx(
            path,
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Badge</t></is></c></row>'
            f'<row r="3"><c r="B3" t="inlineStr"><is><t>{"x" * 40_000}</t></is></c></row>',
        )
    assert message(path) == (
        f"huge{suffix} row 3: a cell holds 40,000 characters; a spreadsheet cell holds at "
        "most 32,767: is this the right file?"
    )


def test_a_csv_cell_beyond_the_csv_readers_limit_is_named_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(f"Badge;Note\nA-1;{'x' * 200_000}\n", encoding="utf-8")
    assert message(path).startswith("huge.csv row 2: a cell holds more than 131,072 characters")


# --- cells far apart ----------------------------------------------------------------------
#
# Without the measuring in sheets.py, each of these ends the test run: calamine asks for
# the memory of every cell between the corners, and the process is aborted.


def far_cells(path: Path, *references: str) -> Path:
    workbook = openpyxl.Workbook()
    for reference in ("A1", *references):
        workbook.active[reference] = "x"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("far", "spread"),
    [
        ("XFD1048576", "1,048,576 rows and 16,384 columns (A1 to XFD1048576)"),
        ("XFD60000", "60,000 rows and 16,384 columns (A1 to XFD60000)"),
        ("AN1000001", "1,000,001 rows and 40 columns (A1 to AN1000001)"),
    ],
)
def test_cells_far_apart_are_refused(tmp_path: Path, far: str, spread: str) -> None:
    path = far_cells(tmp_path / "far.xlsx", far)
    assert message(path) == (
        f"far.xlsx: the first sheet's cells spread over {spread}, more than can be read: "
        "delete the cells outside the list, or save the list as .csv"
    )


def test_a_long_single_column_is_read(tmp_path: Path) -> None:
    path = far_cells(tmp_path / "long.xlsx", "A1048576")
    assert [number for number, _ in read_rows(path)] == [1, 1_048_576]


WIDE_SHEETS = {
    "cells without references": (
        '<row r="1">' + "<c><v>1</v></c>" * 16_384 + '</row><row r="60000"><c><v>2</v></c></row>'
    ),
    "prefixed cells": (
        '<row r="1"><c r="A1"><v>1</v></c><q:c xmlns:q="urn:q" r="XFD60000"><v>1</v></q:c></row>'
    ),
    "a second reference": (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1" r="XFD60000"><v>2</v></c></row>'
    ),
    "a row number only": (
        '<row r="1"><c r="XFD1"><v>1</v></c></row><row r="60000"><c><v>2</v></c></row>'
    ),
    "spaced attributes": '<row r="1"><c r = "XFD60000"><v>1</v></c><c r="A1"><v>1</v></c></row>',
    "a quoted >": '<row r="1"><c t=">" r="XFD60000"><v>1</v></c><c r="A1"><v>1</v></c></row>',
}


@pytest.mark.parametrize("sheet_data", WIDE_SHEETS.values(), ids=WIDE_SHEETS.keys())
def test_far_cells_written_any_way_are_refused(tmp_path: Path, sheet_data: str) -> None:
    path = write_raw_xlsx(tmp_path / "far.xlsx", sheet_data)
    assert "spread over 60,000 rows and 16,384 columns (A1 to XFD60000)" in message(path)


def test_only_the_first_sheet_is_measured(tmp_path: Path) -> None:
    path = far_cells(tmp_path / "list.xlsx")
    workbook = openpyxl.load_workbook(path)
    notes = workbook.create_sheet("Notes")
    notes["A1"] = "start"
    notes["XFD1048576"] = "far"
    workbook.save(path)
    assert as_text(path) == [(1, ("x",))]


# The measuring agrees with calamine: where calamine puts the corners of a sheet, and
# whether a sheet is plain enough not to need measuring.

LETTERS = st.sampled_from(["A", "B", "c", "Z", "AA"])


@st.composite
def sheet_xml(draw: st.DrawFn) -> str:
    """Small sheets written every way calamine reads: references or none, rows with or
    without numbers, empty elements, a second ``r``, prefixes, spacing."""
    prefix = draw(st.sampled_from(["", "", "x:"]))
    space = draw(st.sampled_from(["", "\n "]))
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        number = draw(st.none() | st.integers(1, 9))
        attributes = "" if number is None else f' r="{number}"'
        if draw(st.booleans()) and not draw(st.booleans()):
            rows.append(f"<{prefix}row{attributes}/>")
            continue
        cells = []
        for _ in range(draw(st.integers(0, 4))):
            cell = f"<{prefix}c"
            if draw(st.booleans()):
                cell += f' r="{draw(LETTERS)}{draw(st.integers(1, 9))}"'
            if draw(st.integers(0, 5)) == 0:
                cell += f' r="{draw(LETTERS)}{draw(st.integers(1, 9))}"'
            if draw(st.booleans()):
                cell += ' s="0"'
            cell += (
                "/>" if draw(st.integers(0, 3)) == 0 else f"><{prefix}v>1</{prefix}v></{prefix}c>"
            )
            cells.append(cell)
        rows.append(f"<{prefix}row{attributes}>{space.join(cells)}</{prefix}row>")
    data = space.join(rows)
    if prefix:
        return f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>{data}</x:sheetData></x:worksheet>'
    return f'<worksheet xmlns="{MAIN}"><sheetData>{data}</sheetData></worksheet>'


def calamine_corners(path: Path) -> tuple[tuple[int, int], tuple[int, int]] | None:
    with CalamineWorkbook.from_path(path) as workbook:
        sheet = workbook.get_sheet_by_index(0)
        if sheet.start is None or sheet.end is None:
            return None
        return sheet.start, sheet.end


def measured_corners(path: Path) -> tuple[tuple[int, int], tuple[int, int]] | None:
    with zipfile.ZipFile(path) as archive:
        member = sheets._first_sheet(archive)
        assert member == "xl/worksheets/list.xml"
        with archive.open(member) as handle:
            spread = sheets._exact_spread(handle)
    if spread.bottom < 0:
        return None
    return (spread.top, spread.left), (spread.bottom, spread.right)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sheet=sheet_xml())
def test_the_measure_puts_the_corners_where_calamine_does(tmp_path: Path, sheet: str) -> None:
    path = write_raw_xlsx(tmp_path / "drawn.xlsx", "", sheet=sheet)
    assert measured_corners(path) == calamine_corners(path)


REFERENCES = st.sampled_from(["A", "Z", "CZ", "NZ", "OA", "AN", "AO", "XFD"]).flatmap(
    lambda letters: st.sampled_from([1, 99_999, 100_000, 999_999, 1_000_000]).map(
        lambda row: f"{letters}{row}"
    )
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(references=st.lists(REFERENCES, min_size=1, max_size=4))
def test_a_sheet_left_unmeasured_fits_in_a_small_box(tmp_path: Path, references: list[str]) -> None:
    cells = "".join(f'<c r="{reference}" t="n"><v>1</v></c>' for reference in references)
    path = write_raw_xlsx(tmp_path / "box.xlsx", f"<row>{cells}</row>")
    with zipfile.ZipFile(path) as archive:
        spread = sheets._measure(archive, "xl/worksheets/list.xml")
        with archive.open("xl/worksheets/list.xml") as handle:
            exact = sheets._exact_spread(handle)
    if spread.bottom < 0:
        assert (exact.right < 390 and exact.bottom < 99_999) or (
            exact.right < 40 and exact.bottom < 999_999
        )
    else:
        assert spread == exact

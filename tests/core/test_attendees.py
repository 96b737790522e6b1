from __future__ import annotations

import datetime
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from boothapp.core.errors import ValidationError
from boothapp.core.models import Attendee
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
from boothapp.core.services import attendees as attendee_module
from boothapp.core.services.attendees import fold_header, guess_mapping

FRENCH = ["Numéro de badge", "Prénom", "Nom", "Société", "Fonction", "Courriel", "Pays", "Ville"]
GERMAN = ["Ausweisnummer", "Vorname", "Nachname", "Firma", "Titel", "E-Mail", "Land", "Stadt"]


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def attendees(services: Services, event_id: int) -> dict[str, SimpleNamespace]:
    """The show's stored attendee list, detached from the session."""
    columns = [c.key for c in Attendee.__table__.columns]
    with services.database.read() as session:
        return {
            a.badge_id: SimpleNamespace(**{key: getattr(a, key) for key in columns})
            for a in session.scalars(select(Attendee).where(Attendee.event_id == event_id))
        }


def test_headers_are_recognised_in_three_languages() -> None:
    assert fold_header("Numéro de badge") == fold_header("NUMERO DE BADGE") == "numerodebadge"
    assert guess_mapping(FRENCH) == {
        "badge_id": "Numéro de badge",
        "first_name": "Prénom",
        "last_name": "Nom",
        "company": "Société",
        "job_title": "Fonction",
        "email": "Courriel",
        "country": "Pays",
        "city": "Ville",
    }
    assert set(guess_mapping(GERMAN)) == set(guess_mapping(FRENCH))
    english = ["Barcode", "First Name", "Surname", "Organisation", "Job title", "Email"]
    assert list(guess_mapping(english)) == [
        "badge_id",
        "first_name",
        "last_name",
        "company",
        "job_title",
        "email",
    ]


def test_preview_of_a_french_xlsx(services: Services, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "visiteurs.xlsx",
        [
            ["Liste des visiteurs — Milipol 2023"],
            [*FRENCH, "Type de badge"],
            *[
                [
                    f"MIL-{i:04d}",
                    "Zoé",
                    "Lefèvre",
                    "Thales",
                    "Acheteuse",
                    "z@t.fr",
                    "France",
                    "Paris",
                    "VIP",
                ]
                for i in range(30)
            ],
        ],
    )
    preview = services.attendees.read_file(path)
    assert preview.header_row == 2
    assert preview.row_count == 30
    assert len(preview.rows) == 20
    assert preview.rows[0][:3] == ("MIL-0000", "Zoé", "Lefèvre")
    assert preview.mapping["badge_id"] == "Numéro de badge"
    assert preview.unrecognised == ("Type de badge",)


def test_import_german_csv_then_reimport_updates(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    header = ";".join(GERMAN)
    first = write_csv(
        tmp_path / "besucher.csv",
        [
            header,
            "4006381333931;Jonas;Weber;Rheinmetall AG;Einkäufer;"
            "jonas.weber@rheinmetall.com;Deutschland;Düsseldorf",
            "A-2;Anna;Müller;Hensoldt;CTO;kein-mail;Germany;Taufkirchen",
        ],
        encoding="cp1252",
    )
    result = services.attendees.import_file(first, show.id)
    assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
    assert result.warnings == (
        "besucher.csv row 3: 'kein-mail' is not a valid e-mail address; left out",
    )
    stored = attendees(services, show.id)
    weber = stored["4006381333931"]
    assert (weber.first_name, weber.company, weber.country, weber.city) == (
        "Jonas",
        "Rheinmetall AG",
        "DE",
        "Düsseldorf",
    )
    assert weber.job_title == "Einkäufer"
    assert stored["A-2"].email is None

    second = write_csv(
        tmp_path / "besucher2.csv",
        [
            header,
            "4006381333931;Jonas;Weber;Rheinmetall AG;Einkaufsleiter;"
            "jonas.weber@rheinmetall.com;Deutschland;Düsseldorf",
            "A-2;Anna;Müller;Hensoldt;CTO;kein-mail;Germany;Taufkirchen",
            "A-3;Lena;Schmidt;Airbus;;lena@airbus.com;DE;München",
        ],
    )
    again = services.attendees.import_file(second, show.id)
    assert (again.added, again.updated, again.unchanged) == (1, 1, 1)
    stored = attendees(services, show.id)
    assert len(stored) == 3
    assert stored["4006381333931"].job_title == "Einkaufsleiter"


def test_import_french_xlsx_with_numbers_and_extra_columns(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "attendees.xlsx",
        [
            [*FRENCH, "Téléphone", "Catégorie"],
            [
                4006381333931,
                "Zoé",
                "Lefèvre",
                "Thales",
                "Acheteuse",
                "Zoe@Thales.FR",
                "France",
                "Paris",
                "+33 6 12 34 56 78",
                "VIP",
            ],
            [None, None, None, None, None, None, None, None, None, None],
            ["MIL-2", "Ana", "Silva", "Embraer", None, None, "Brésil", None, None, None],
        ],
    )
    result = services.attendees.import_file(path, show.id)
    assert (result.rows, result.added) == (2, 2)
    stored = attendees(services, show.id)
    zoe = stored["4006381333931"]
    assert zoe.email == "Zoe@thales.fr"
    assert zoe.phone == "+33 6 12 34 56 78"
    assert zoe.extra == {"Catégorie": "VIP"}
    assert stored["MIL-2"].country == "BR"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.pdf", b"%PDF-1.4", "list.pdf: give the attendee list as an .xlsx or .csv file"),
        ("list.xlsx", b"not a zip file", "list.xlsx: is not a readable Excel workbook"),
        ("list.csv", b"", "list.csv: the file is empty"),
        ("list.csv", b"Name;Company\nZoe;Thales\n", "list.csv: no badge ID column"),
        ("list.csv", b"Badge;Name\n", "list.csv: there are no rows"),
        ("list.xls", b"\xd0\xcf\x11\xe0", "list.xls: old .xls workbooks"),
    ],
)
def test_bad_files_are_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        services.attendees.import_file(path, show.id)
    assert str(caught.value).startswith(message)
    assert attendees(services, show.id) == {}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (";Anna;Müller;Hensoldt", "attendees.csv row 3: there is no badge ID"),
        ("A-1;Anna;Müller;Hensoldt", "attendees.csv row 3: badge ID 'A-1' is already on row 2"),
        ("A-2;Anna;Müller;" + "x" * 301, "attendees.csv row 3: company is 301 characters long"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path, row: str, message: str
) -> None:
    path = write_csv(
        tmp_path / "attendees.csv",
        [
            "Badge ID;Vorname;Nachname;Firma",
            "A-1;Jonas;Weber;Rheinmetall",
            row,
            "A-9;Lena;Schmidt;Airbus",
        ],
    )
    with pytest.raises(ValidationError) as caught:
        services.attendees.import_file(path, show.id)
    assert str(caught.value).startswith(message)
    assert attendees(services, show.id) == {}


def test_an_explicit_mapping_and_progress(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "list.csv", ["Ref,Who,Org", "X1,Zoé Lefèvre,Thales", "X2,Cher,Solo"]
    )
    seen: list[tuple[int, int]] = []
    result = services.attendees.import_file(
        path,
        show.id,
        mapping={"badge_id": "Ref", "full_name": "Who", "company": "Org"},
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.added == 2
    assert seen[-1] == (2, 2)
    stored = attendees(services, show.id)
    assert (stored["X1"].first_name, stored["X1"].last_name) == ("Zoé", "Lefèvre")
    assert (stored["X2"].first_name, stored["X2"].last_name, stored["X2"].company) == (
        "Cher",
        "",
        "Solo",
    )
    with pytest.raises(ValidationError, match="no column 'Nope'"):
        services.attendees.import_file(path, show.id, mapping={"badge_id": "Nope"})


def test_tab_separated_utf16_from_excel(services: Services, show: EventRow, tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Badge\tPrénom\tNom\r\nB-1\tZoé\tLefèvre\r\n".encode("utf-16"))
    result = services.attendees.import_file(path, show.id)
    assert result.added == 1
    assert attendees(services, show.id)["B-1"].last_name == "Lefèvre"


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def write_raw_xlsx(
    path: Path, sheet_data: str, strings: list[str], styles: str = "", sheet: str = ""
) -> Path:
    """A workbook written by hand, to hold the cell shapes other producers write.

    ``sheet`` replaces the whole worksheet part, ``{sheet_data}`` standing for
    ``sheet_data``."""
    main = MAIN
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
            '<sheet name="Visiteurs" sheetId="1" r:id="rId7"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId7" Type="{kinds}/worksheet" Target="worksheets/list.xml"/>'
            f'<Relationship Id="rId8" Type="{kinds}/sharedStrings" Target="strings.xml"/>'
            f'<Relationship Id="rId9" Type="{kinds}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        archive.writestr("xl/strings.xml", f'<sst xmlns="{main}">{"".join(strings)}</sst>'.encode())
        archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}">{styles}</styleSheet>')
        sheet = (
            sheet or f'<worksheet xmlns="{main}"><sheetData>{{sheet_data}}</sheetData></worksheet>'
        )
        archive.writestr(
            "xl/worksheets/list.xml", sheet.replace("{sheet_data}", sheet_data).encode()
        )
    return path


def test_xlsx_cells_as_other_producers_write_them(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    strings = [
        "<si><t>Badge</t></si>",
        "<si><r><rPr><b/></rPr><t>Pré</t></r><r><t>nom</t></r></si>",
        "<si><t>Nom</t><rPh sb='0' eb='1'><t>ノム</t></rPh></si>",
        "<si><t>00123</t></si>",
        "<si><t xml:space='preserve'> Zoé </t></si>",
        "<si><t>Registered</t></si>",
    ]
    styles = (
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs>'
    )
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="E1" t="s"><v>5</v></c><c r="F1" s="1"/></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
        '<c r="C2" t="inlineStr"><is><t>Lef&#232;vre</t></is></c><c r="D2"/>'
        '<c r="E2" s="1"><v>45244</v></c></row>'
        '<row r="4"><c t="n"><v>4006381333931</v></c><c t="inlineStr"><is><r><t>Jo</t></r>'
        '<r><t>nas</t></r></is></c><c/><c t="b"><v>1</v></c><c s="2"><v>45244.5</v></c></row>'
    )
    path = write_raw_xlsx(tmp_path / "hand.xlsx", rows, strings, styles)
    preview = services.attendees.read_file(path)
    assert preview.headers == ("Badge", "Prénom", "Nom", "Column 4", "Registered")
    assert preview.rows == (
        ("00123", " Zoé ", "Lefèvre", "", "2023-11-14"),
        ("4006381333931", "Jonas", "", "TRUE", "2023-11-14 12:00:00"),
    )
    result = services.attendees.import_file(path, show.id)
    assert result.added == 2
    stored = attendees(services, show.id)
    assert (stored["00123"].first_name, stored["00123"].last_name) == ("Zoé", "Lefèvre")
    assert stored["00123"].extra == {"Registered": "2023-11-14"}
    assert stored["4006381333931"].extra == {
        "Column 4": "TRUE",
        "Registered": "2023-11-14 12:00:00",
    }


def test_a_bad_xlsx_row_is_named_by_its_row_number(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Badge ID</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Company</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c></row>'
        '<row r="7"><c r="B7" t="inlineStr"><is><t>Thales</t></is></c></row>'
    )
    path = write_raw_xlsx(tmp_path / "gaps.xlsx", rows, [])
    with pytest.raises(ValidationError, match=r"^gaps.xlsx row 7: there is no badge ID"):
        services.attendees.import_file(path, show.id)
    assert attendees(services, show.id) == {}


@pytest.mark.parametrize(
    "sheet_data",
    [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Badge</t></is></c></row><row r="2">',
        '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',
        '<row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>Badge</t></is></c></row>',
        '<row r="3"/><row r="2"/>',
    ],
)
def test_a_broken_sheet_is_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path, sheet_data: str
) -> None:
    path = write_raw_xlsx(tmp_path / "broken.xlsx", sheet_data, [])
    with pytest.raises(ValidationError, match=r"^broken.xlsx: is not a readable Excel workbook"):
        services.attendees.import_file(path, show.id)
    assert attendees(services, show.id) == {}


def test_dates_and_numbers_from_openpyxl(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "dates.xlsx",
        [
            ["Badge ID", "Name", "Registered", "Score"],
            ["0042", "Zoé Lefèvre", datetime.date(2023, 11, 14), 2.5],
            [17, "Ana Silva", datetime.datetime(2023, 11, 15, 9, 30), -3],
        ],
    )
    preview = services.attendees.read_file(path)
    assert preview.rows == (
        ("0042", "Zoé Lefèvre", "2023-11-14", "2.5"),
        ("17", "Ana Silva", "2023-11-15 09:30:00", "-3"),
    )


# --- the plain worksheet reader --------------------------------------------------------

Rows = list[tuple[str, ...]]


def read_both(path: Path) -> tuple[Rows | None, Rows | None]:
    """The first worksheet as the plain reader reads it (None: left to the XML parser) and
    as the XML parser reads it (None: it found the sheet broken)."""
    with zipfile.ZipFile(path) as archive:
        parts = attendee_module._workbook_parts(archive)
        sheet = attendee_module._Sheet(
            namespace=parts.namespace,
            strings=attendee_module._shared_strings(archive, parts),
            dates=attendee_module._date_styles(archive, parts),
            date1904=parts.date1904,
        )
        with archive.open(parts.sheet) as handle:
            plain = attendee_module._plain_sheet_rows(handle, sheet)
        try:
            with archive.open(parts.sheet) as handle:
                parsed: Rows | None = list(attendee_module._sheet_rows(handle, sheet))
        except attendee_module._SHEET_ERRORS:
            parsed = None
    return plain, parsed


def openpyxl_text(value: Any) -> str:
    """A value openpyxl read, as the attendee import shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(" ")
    if isinstance(value, datetime.time):
        return value.isoformat()
    return str(value)


def openpyxl_rows(path: Path) -> dict[int, tuple[str, ...]]:
    """Row number -> the row's cells as text, for the rows that hold something."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        found: dict[int, tuple[str, ...]] = {}
        for row in workbook.worksheets[0].iter_rows():
            numbers = [cell.row for cell in row if getattr(cell, "value", None) is not None]
            texts = [openpyxl_text(getattr(cell, "value", None)) for cell in row]
            while texts and not texts[-1]:
                texts.pop()
            if numbers and texts:
                found[numbers[0]] = tuple(texts)
        return found
    finally:
        workbook.close()


MIXED_ROWS: list[list[Any]] = [
    ["Badge ID", "Prénom", "Nom", "Société", "Ville", "Registered", "Score", "VIP", "Note"],
    [
        "MIL-0001",
        "Zoé",
        "Lefèvre",
        "Smith & Söhne <GmbH>",
        "Kraków",
        datetime.date(2023, 11, 14),
        2.5,
        True,
        "  spaced  ",
    ],
    [
        "MIL-0002",
        "太郎",
        "山田",
        "\"Quoted\" 'apostrophe'",
        "東京",
        datetime.datetime(2023, 11, 15, 9, 30),
    ],
    [],
    ["MIL-0003", None, None, None, None, datetime.time(18, 0), 4006381333931, False, "a\nb"],
    ["MIL-0004", "", "Ø", "&amp; stays as typed", None, None, -3, None, "👩\u200d🔧 ]] >"],
    [None, None, None, None, None, None, None, None, None],
    ["MIL-0005", "Ana", None, None, None, None, 0.125, None, "x" * 300],
]


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings"])
def test_plain_reader_reads_what_openpyxl_reads(tmp_path: Path, write_only: bool) -> None:
    path = tmp_path / "mixed.xlsx"
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Visiteurs") if write_only else workbook.active
    for row in MIXED_ROWS:
        sheet.append(row)
    if not write_only:
        sheet.cell(row=14, column=12, value="far right, far down")
        sheet.cell(row=14, column=2, value=17)
    workbook.save(path)
    plain, parsed = read_both(path)
    assert plain is not None
    assert plain == parsed
    assert {number: row for number, row in enumerate(plain, start=1) if row} == openpyxl_rows(path)


def sheet_with(sheet_data: str, root_attributes: str = "") -> str:
    data = f"<sheetData>{sheet_data}</sheetData>"
    return f'<worksheet xmlns="{MAIN}"{root_attributes}>{data}</worksheet>'


PLAIN_CASES = {
    "entities": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &lt;&gt; &quot;&apos; '
        "&#233;&#xE9;&#x4E2D;&#128512;</t></is></c>"
        '<c r="B1" t="str"><v>&#13;&#9;x</v></c></row>'
    ),
    "shared, numbers, dates, booleans, blanks": (
        '<row r="2" spans="1:6"><c r="A2" s="0" t="s"><v>0</v></c><c r="B2" t="n"><v>2.50</v></c>'
        '<c r="C2" s="1"><v>45244</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" s="1"/>'
        '<c r="F2" t="e"><v>#N/A</v></c><c r="G2"><v></v></c><c r="H2" t="inlineStr"><is/></c>'
        '<c r="I2" t="inlineStr"><is></is></c><c r="J2" t="inlineStr"></c></row>'
        '<row r="3"/><row r="5" customHeight="1"></row>'
        '<row><c r="C6" t="inlineStr"><is><t xml:space="preserve"> Zoé </t></is></c>'
        '<c r="A6" t="inlineStr"><is><t>written after C</t></is></c></row>'
    ),
    "pretty-printed": (
        '\n  <row r="1">\n    <c r="A1" t="inlineStr">\n      <is>\n        <t>a</t>\n'
        '      </is>\n    </c>\n    <c r="AB1">\n      <v>3</v>\n    </c>\n  </row>\n'
    ),
}

PARSER_CASES = {
    "rich inline text": (
        '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Jo</t></r><r><t>nas</t></r></is></c></row>'
    ),
    "formula": '<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>yx</v></c></row>',
    "cell without a reference": '<row r="1"><c t="inlineStr"><is><t>a</t></is></c></row>',
    "lower-case reference": '<row r="1"><c r="a1" t="inlineStr"><is><t>a</t></is></c></row>',
    "comment": '<row r="1"><!-- a --><c r="A1"><v>1</v></c></row>',
    "cdata": '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></row>',
    "carriage return": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc</t></is></c></row>',
    "single quotes": "<row r='1'><c r='A1'><v>1</v></c></row>",
    "row number second": '<row spans="1:1" r="1"><c r="A1"><v>1</v></c></row>',
    "cell outside a row": '<c r="A1"><v>1</v></c>',
    "namespace inside": '<row r="1" xmlns:y="urn:y"><c r="A1" y:k="1"><v>1</v></c></row>',
}

BROKEN_CASES = {
    "shared string out of range": '<row r="1"><c r="A1" t="s"><v>9</v></c></row>',
    "rows out of order": '<row r="3"/><row r="2"/>',
    "column beyond XFD": '<row r="1"><c r="ZZZ1"><v>1</v></c></row>',
    "undefined entity": '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
    "character XML forbids": '<row r="1"><c r="A1" t="inlineStr"><is><t>&#1;</t></is></c></row>',
    "raw control character": '<row r="1"><c r="A1" t="inlineStr"><is><t>a\x01</t></is></c></row>',
    "undeclared prefix": '<row r="1"><c r="A1" q:k="1"><v>1</v></c></row>',
    "attribute twice": '<row r="1"><c r="A1" s="1" s="2"><v>1</v></c></row>',
    "unclosed row": '<row r="1"><c r="A1"><v>1</v></c>',
}


def raw_workbook(tmp_path: Path, sheet_data: str, sheet: str = "") -> Path:
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    return write_raw_xlsx(
        tmp_path / "raw.xlsx", sheet_data, ["<si><t>shared</t></si>"], styles, sheet
    )


@pytest.mark.parametrize("sheet_data", PLAIN_CASES.values(), ids=PLAIN_CASES.keys())
def test_plain_reader_reads_what_the_parser_reads(tmp_path: Path, sheet_data: str) -> None:
    plain, parsed = read_both(raw_workbook(tmp_path, sheet_data))
    assert plain is not None
    assert plain == parsed


def test_plain_reader_reads_prefixed_attributes_declared_on_the_worksheet(
    tmp_path: Path,
) -> None:
    sheet = sheet_with("{sheet_data}", ' xmlns:x14ac="urn:x14ac"').replace(
        "<worksheet ", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
    )
    rows = '<row r="1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s" x14ac:k="2"><v>0</v></c></row>'
    plain, parsed = read_both(raw_workbook(tmp_path, rows, sheet + "<!-- after -->"))
    assert plain == parsed == [("shared",)]


@pytest.mark.parametrize("sheet_data", PARSER_CASES.values(), ids=PARSER_CASES.keys())
def test_other_sheets_are_left_to_the_parser(tmp_path: Path, sheet_data: str) -> None:
    plain, parsed = read_both(raw_workbook(tmp_path, sheet_data))
    assert plain is None
    assert parsed is not None


@pytest.mark.parametrize("sheet_data", BROKEN_CASES.values(), ids=BROKEN_CASES.keys())
def test_broken_sheets_are_left_to_the_parser_to_refuse(tmp_path: Path, sheet_data: str) -> None:
    path = raw_workbook(tmp_path, sheet_data)
    assert read_both(path) == (None, None)
    with pytest.raises(ValidationError, match="is not a readable Excel workbook"):
        list(attendee_module._read_xlsx(path))


@pytest.mark.parametrize(
    "sheet",
    [
        '<?xml version="1.0" encoding="ISO-8859-1"?>' + sheet_with("{sheet_data}"),
        '<!DOCTYPE worksheet [<!ENTITY e "x">]>' + sheet_with("{sheet_data}"),
        f'<worksheet xmlns="{MAIN}"><sheetData/><x><row r="1"/></x></worksheet>',
        '<worksheet xmlns="urn:other"><sheetData>{sheet_data}</sheetData></worksheet>',
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>{{sheet_data}}</x:sheetData></x:worksheet>',
    ],
    ids=["latin-1", "dtd", "rows elsewhere", "other namespace", "prefixed elements"],
)
def test_unusual_worksheets_are_left_to_the_parser(tmp_path: Path, sheet: str) -> None:
    sheet_data = '<row r="1"><c r="A1"><v>1</v></c></row>'
    plain, _ = read_both(raw_workbook(tmp_path, sheet_data, sheet))
    assert plain is None


xml_text = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs",), exclude_characters="\r\ufffe\uffff"
    ).filter(lambda ch: ch in "\t\n" or ord(ch) >= 32),
    max_size=12,
)


@st.composite
def sheet_xml(draw: st.DrawFn) -> str:
    """Rows of cells of every kind, in any order and spacing, with gaps."""
    space = draw(st.sampled_from(["", "", "\n", "\n  "]))
    rows: list[str] = []
    number = 0
    for _ in range(draw(st.integers(0, 5))):
        number += draw(st.integers(1, 3))
        if draw(st.booleans()):
            rows.append(f'<row r="{number}"/>')
            continue
        cells: list[str] = []
        for column in draw(st.lists(st.integers(0, 30), max_size=5)):
            letters = openpyxl.utils.get_column_letter(column + 1)
            shape = draw(
                st.sampled_from(["inline", "shared", "number", "date", "bool", "str", "empty"])
            )
            if shape == "inline":
                text = xml_escape(draw(xml_text))
                body = f'<is><t xml:space="preserve">{text}</t></is>'
                cells.append(f'<c r="{letters}{number}" t="inlineStr">{space}{body}{space}</c>')
            elif shape == "shared":
                cells.append(f'<c r="{letters}{number}" t="s"><v>0</v></c>')
            elif shape == "number":
                value = draw(
                    st.integers(-(10**17), 10**17)
                    | st.floats(allow_nan=False, allow_infinity=False)
                )
                cells.append(f'<c r="{letters}{number}"><v>{value!r}</v></c>')
            elif shape == "date":
                value = draw(st.floats(0, 60_000))
                cells.append(f'<c r="{letters}{number}" s="1" t="n"><v>{value!r}</v></c>')
            elif shape == "bool":
                cells.append(
                    f'<c r="{letters}{number}" t="b"><v>{draw(st.sampled_from("01"))}</v></c>'
                )
            elif shape == "str":
                cells.append(
                    f'<c r="{letters}{number}" t="str"><v>{xml_escape(draw(xml_text))}</v></c>'
                )
            else:
                cells.append(f'<c r="{letters}{number}" s="1"/>')
        rows.append(f'<row r="{number}">{space}{space.join(cells)}{space}</row>')
    return space + space.join(rows) + space


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sheet_data=sheet_xml())
def test_plain_reader_agrees_with_the_parser(tmp_path: Path, sheet_data: str) -> None:
    plain, parsed = read_both(raw_workbook(tmp_path, sheet_data))
    assert plain is not None
    assert plain == parsed


def test_a_preview_and_the_import_after_it_read_the_file_once(
    services: Services, show: EventRow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    read_rows = attendee_module._read_rows

    def counted(path: Path) -> list[tuple[int, tuple[str, ...]]]:
        reads.append(path)
        return read_rows(path)

    monkeypatch.setattr(attendee_module, "_read_rows", counted)
    path = write_xlsx(tmp_path / "list.xlsx", [["Badge ID", "Name"], ["A-1", "Zoé Lefèvre"]])
    assert services.attendees.read_file(path).row_count == 1
    assert services.attendees.import_file(path, show.id).added == 1
    assert len(reads) == 1
    assert services.attendees.import_file(path, show.id).unchanged == 1
    assert len(reads) == 2

    services.attendees.read_file(path)
    write_xlsx(path, [["Badge ID", "Name"], ["A-1", "Zoé Lefèvre"], ["A-2", "Ana Silva"]])
    result = services.attendees.import_file(path, show.id)
    assert (result.added, result.unchanged, len(reads)) == (1, 1, 4)

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select
from test_sheets import DATA, write_raw_xlsx

from boothapp.core.errors import ValidationError
from boothapp.core.models import Attendee
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
from boothapp.core.services import attendees as attendee_module
from boothapp.core.services.attendees import guess_mapping
from boothapp.core.sheets import cell_text, fold_header

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
        (
            "list.pdf",
            b"%PDF-1.4",
            "list.pdf: give the attendee list as an .xlsx, .xls, .ods or .csv file",
        ),
        ("list.xlsx", b"not a zip file", "list.xlsx: is not a readable Excel workbook"),
        ("list.csv", b"", "list.csv: the file is empty"),
        ("list.csv", b"Name;Company\nZoe;Thales\n", "list.csv: no badge ID column"),
        ("list.csv", b"Badge;Name\n", "list.csv: there are no rows"),
        ("list.xls", b"\xd0\xcf\x11\xe0", "list.xls: is not a readable Excel workbook"),
        ("list.ods", b"PK\x03\x04", "list.ods: is not a readable OpenDocument spreadsheet"),
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
        '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',
        '<row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>Badge</t></is></c></row>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
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


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_import_an_xls_or_ods_list(
    services: Services, show: EventRow, tmp_path: Path, suffix: str
) -> None:
    preview = services.attendees.read_file(DATA / f"attendees{suffix}")
    assert preview.header_row == 3
    assert preview.mapping["badge_id"] == "Numéro de badge"
    assert preview.rows[0][:3] == ("4006381333931", "Zoé", "Lefèvre")
    result = services.attendees.import_file(DATA / f"attendees{suffix}", show.id)
    assert (result.rows, result.added) == (3, 3)
    stored = attendees(services, show.id)
    assert stored["4006381333931"].phone == "+33 6 12 34 56 78"
    assert stored["MIL-0002"].extra == {"Inscrit le": "2023-11-15 09:30:00", "Score": "-3"}
    assert (stored["MIL-0003"].country, stored["MIL-0002"].last_name) == ("BR", "山田")


def hostile_list(path: Path, cells: list[Any], far: str = "") -> Path:
    """A list of three whose second attendee's cells are ``cells``, and a cell at ``far``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Badge ID", "Prénom", "Nom", "Société"])
    sheet.append(["A-1", "Zoé", "Lefèvre", "Thales"])
    sheet.append(cells)
    sheet.append(["A-3", "Ana", "Silva", "Embraer"])
    if far:
        sheet[far] = "far"
    workbook.save(path)
    return path


def test_a_formula_without_a_value_is_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = hostile_list(tmp_path / "formules.xlsx", ['=A2&"-bis"', "Jonas", "Weber", "Hensoldt"])
    with pytest.raises(ValidationError, match=r"^formules.xlsx row 3: there is no badge ID"):
        services.attendees.import_file(path, show.id)
    assert attendees(services, show.id) == {}


def test_formulas_give_their_values_and_formula_text_stays_text(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    sheet_data = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Badge ID</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Company</t></is></c></row>'
        '<row r="2"><c r="A2"><f>40000+2</f><v>40002</v></c>'
        '<c r="B2" t="str"><f>HYPERLINK("http://x.test","Thales")</f><v>Thales</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>A-3</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>=cmd|\' /C calc\'!A0</t></is></c></row>'
    )
    path = write_raw_xlsx(tmp_path / "formulas.xlsx", sheet_data)
    assert services.attendees.import_file(path, show.id).added == 2
    stored = attendees(services, show.id)
    assert stored["40002"].company == "Thales"
    assert stored["A-3"].company == "=cmd|' /C calc'!A0"


def test_control_characters_are_dropped(services: Services, show: EventRow, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "controle.csv",
        ["Badge ID;Prénom;Nom", "A-\x071;Zo\u202ee\u200b;Le\x00fèvre\x1b[2J"],
    )
    assert services.attendees.import_file(path, show.id).added == 1
    stored = attendees(services, show.id)
    assert (stored["A-1"].first_name, stored["A-1"].last_name) == ("Zoe", "Lefèvre[2J")


@pytest.mark.parametrize(
    ("name", "write", "expected"),
    [
        (
            "huge.xlsx",
            lambda path: write_raw_xlsx(
                path,
                '<row r="1"><c r="A1" t="inlineStr"><is><t>Badge ID</t></is></c></row>'
                '<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c></row>'
                f'<row r="3"><c r="B3" t="inlineStr"><is><t>{"x" * 50_000}</t></is></c></row>',
            ),
            "huge.xlsx row 3: a cell holds 50,000 characters",
        ),
        (
            "huge.csv",
            lambda path: write_csv(path, ["Badge ID;Note", "A-1;x", f"A-2;{'x' * 50_000}"]),
            "huge.csv row 3: a cell holds 50,000 characters",
        ),
        (
            "far.xlsx",
            lambda path: hostile_list(path, ["A-2"], far="XFD1048576"),
            "far.xlsx: the first sheet's cells spread over",
        ),
        (
            "photo.xlsx",
            lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "photo.xlsx: is not a readable Excel workbook",
        ),
    ],
    ids=["huge xlsx cell", "huge csv cell", "cells far apart", "png"],
)
def test_hostile_files_are_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path, name: str, write: Any, expected: str
) -> None:
    path = tmp_path / name
    write(path)
    with pytest.raises(ValidationError) as caught:
        services.attendees.read_file(path)
    assert str(caught.value).startswith(expected)
    with pytest.raises(ValidationError):
        services.attendees.import_file(path, show.id)
    assert attendees(services, show.id) == {}


def openpyxl_text(value: Any) -> str:
    """A value openpyxl read, as ``cell_text`` gives it."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return cell_text(value)


def openpyxl_rows(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        found = []
        for row in workbook.worksheets[0].iter_rows():
            numbers = [cell.row for cell in row if getattr(cell, "value", None) is not None]
            texts = [openpyxl_text(getattr(cell, "value", None)) for cell in row]
            while texts and not texts[-1]:
                texts.pop()
            if numbers and texts:
                found.append((numbers[0], tuple(texts)))
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
        datetime.datetime(2023, 11, 15),
    ],
    [],
    ["MIL-0003", None, None, None, None, datetime.time(18, 0), 4006381333931, False, "a\nb"],
    ["MIL-0004", "", "Ø", "&amp; stays as typed", None, None, -3, None, "👩\u200d🔧 ]] >"],
    [None, None, None, None, None, None, None, None, None],
    ["MIL-0005", "Ana", None, None, None, None, 0.125, None, "x" * 300],
]


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings"])
def test_the_import_reads_what_openpyxl_reads(tmp_path: Path, write_only: bool) -> None:
    path = tmp_path / "mixed.xlsx"
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Visiteurs") if write_only else workbook.active
    for row in MIXED_ROWS:
        sheet.append(row)
    if not write_only:
        sheet.cell(row=14, column=12, value="far right, far down")
        sheet.cell(row=14, column=2, value=17)
    workbook.save(path)
    assert attendee_module._read_rows(path) == openpyxl_rows(path)


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

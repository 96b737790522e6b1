from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from boothapp.core.errors import ValidationError
from boothapp.core.models import Attendee
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services
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

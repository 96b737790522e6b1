"""The product catalogue from a spreadsheet: CSV, xlsx or ods, all rows or none, and a
bad file or row named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_sheets import write_raw_xlsx

from boothapp.core.errors import ValidationError
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services


def _catalogue(services: Services) -> dict[str, tuple[str, str, dict[str, str]]]:
    return {
        p.sku: (p.name, p.category.value, dict(p.attributes))
        for p in services.products.list(include_inactive=True)
    }


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_an_xlsx_catalogue_adds_products_with_their_attributes(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "catalogue.xlsx",
        [
            ["SKU", "Name", "Category", "IP rating", "Rack units"],
            ["TC-8050", "Étui de transport 80x50", "transit_case", "IP67", None],
            ["RK-19-12U", '19" rack 12U', "rack", None, 12],
        ],
    )
    assert services.products.import_file(path, show.id) == (2, 0)
    catalogue = _catalogue(services)
    assert catalogue["TC-8050"] == (
        "Étui de transport 80x50",
        "transit_case",
        {"ip_rating": "IP67"},
    )
    assert catalogue["RK-19-12U"][2] == {"rack_units": "12"}
    assert {p.sku for p in services.products.list(event_id=show.id)} >= {"TC-8050", "RK-19-12U"}


def test_a_csv_catalogue_updates_products_it_names(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_text("sku;name;category\nTC-6040;Transit case 60x40 (olive);transit_case\n")
    assert services.products.import_file(path) == (0, 1)
    assert _catalogue(services)["TC-6040"][0] == "Transit case 60x40 (olive)"


def _truncated_xlsx(path: Path) -> None:
    _xlsx(path, [["sku", "name"], ["A-1", "Case"]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_without_sheet(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


@pytest.mark.parametrize(
    ("name", "write", "expected"),
    [
        ("empty.csv", lambda path: path.write_bytes(b""), "empty.csv: the file is empty"),
        (
            "photo.xlsx",
            lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)),
            "photo.xlsx: is not a readable Excel workbook",
        ),
        (
            "photo.csv",
            lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
            "photo.csv row 1: the first row must name the columns",
        ),
        ("half.xlsx", _truncated_xlsx, "half.xlsx: is not a readable Excel workbook"),
        ("other.xlsx", _zip_without_sheet, "other.xlsx: is not a readable Excel workbook"),
        (
            "catalogue.pdf",
            lambda path: path.write_bytes(b"%PDF-1.7\n"),
            "catalogue.pdf: give the product catalogue as an .xlsx",
        ),
        (
            "no-sku.csv",
            lambda path: path.write_text("name,category\nCase,transit_case\n"),
            "no-sku.csv row 1: the first row must name the columns, with SKU and name",
        ),
        (
            "bad-row.csv",
            lambda path: path.write_text("sku,name,category\nA-1,Case,rack\nA-2,Box,spaceship\n"),
            "bad-row.csv row 3: ",
        ),
        (
            "empty-name.csv",
            lambda path: path.write_text("sku,name\nA-1,Case\nA-2,\n"),
            "empty-name.csv row 3: ",
        ),
        (
            "huge.xlsx",
            lambda path: write_raw_xlsx(
                path,
                '<row r="1"><c r="A1" t="inlineStr"><is><t>sku</t></is></c>'
                '<c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'
                f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"x" * 50_000}</t></is></c></row>',
            ),
            "huge.xlsx row 2: a cell holds 50,000 characters",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and "." in value else None,
)
def test_a_bad_file_or_row_is_named_and_nothing_is_written(
    services: Services, show: EventRow, tmp_path: Path, name: str, write: object, expected: str
) -> None:
    path = tmp_path / name
    write(path)  # type: ignore[operator]
    before = _catalogue(services)
    with pytest.raises(ValidationError) as caught:
        services.products.import_file(path, show.id)
    assert str(caught.value).startswith(expected)
    assert _catalogue(services) == before


def test_headers_are_recognised_in_any_case_accents_and_in_french(tmp_path: Path) -> None:
    from boothapp.core.catalogue_files import column_key

    assert [column_key(h) for h in ("Référence", "Nom", "IP Rating", "Poids", "Couleur")] == [
        "sku",
        "name",
        "ip_rating",
        "weight",
        "colours",
    ]
    assert column_key("Lid colour (RAL)") == "lid_colour_ral"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_catalogue_imports_into_another_database_unchanged(
    services: Services, show: EventRow, tmp_path: Path, suffix: str
) -> None:
    from boothapp.core.db import open_database
    from boothapp.core.schemas import ProductInput

    services.products.create(
        ProductInput(
            sku="RK-19-12U",
            name='Rack 19" 12U — « sûr » 山田',
            category="rack",
            description="Shock-mounted\nwith wheels",
            attributes={"rack_units": "12", "standard": "ATA 300", "lid_colour": "olive"},
            brochure_url="https://example.com/rk-12u.pdf",
        ),
        show.id,
    )
    services.products.create(ProductInput(sku="=SUM(A1)", name="@risky +name"))
    path = tmp_path / f"catalogue{suffix}"
    assert services.products.export_file(path) == len(_catalogue(services))

    other = open_database(tmp_path / "other.sqlite3")
    try:
        copy = Services.over(other)
        preview = copy.products.preview_file(path)
        assert (preview.new, preview.updated) == (len(_catalogue(services)), 0)
        copy.products.import_file(path)
        assert _catalogue(copy) == _catalogue(services)
        assert copy.products.get("RK-19-12U").brochure_url == "https://example.com/rk-12u.pdf"
    finally:
        other.close()


def test_the_command_line_exports_and_previews_a_catalogue(
    services: Services, show: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from boothapp.cli import main

    db = str(services.database.target.path)
    path = tmp_path / "stand.csv"
    assert main(["--db", db, "product", "export", "-o", str(path), "--event", show.name]) == 0
    assert f"Wrote 3 products to {path}" in capsys.readouterr().out
    assert main(["--db", db, "product", "import", str(path), "--dry-run"]) == 0
    assert "would add 0 products and update 3; nothing was stored" in capsys.readouterr().out

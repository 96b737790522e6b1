from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from boothapp.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = str(tmp_path / "export.sqlite3")
    for command in (
        ["event", "add", "Milipol Paris 2023", "--country", "FR", "--timezone", "Europe/Paris"],
        [
            "lead",
            "add",
            "--first-name",
            "Zoé",
            "--last-name",
            "Lefèvre",
            "--rating",
            "hot",
            "--company",
            "=1+1",
        ],
        ["lead", "add", "--first-name", "山田", "--rating", "cold"],
    ):
        assert main(["--db", path, *command]) == 0
    return path


def test_export_to_xlsx_csv_and_vcard(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook_path = tmp_path / "leads.xlsx"
    assert main(["--db", db, "export", "-o", str(workbook_path)]) == 0
    assert "Exported 2 leads" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(workbook_path)["Leads"]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Zoé" in values and "=1+1" in values

    csv_path = tmp_path / "hot.csv"
    assert main(["--db", db, "export", "-o", str(csv_path), "--rating", "hot"]) == 0
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2 and "Zoé" in rows[1]

    vcf_path = tmp_path / "cards.vcf"
    assert main(["--db", db, "export", "-o", str(vcf_path)]) == 0
    assert vcf_path.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2


def test_since_last_export_and_presets(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.csv"
    assert main(["--db", db, "export", "-o", str(first), "--preset", "salesforce"]) == 0
    header = first.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Last Name" in header and "Company" in header
    assert main(["--db", db, "lead", "add", "--first-name", "Jürgen"]) == 0
    capsys.readouterr()
    second = tmp_path / "second.csv"
    assert main(["--db", db, "export", "-o", str(second), "--since-last-export"]) == 0
    assert "Exported 1 lead " in capsys.readouterr().out
    third = tmp_path / "third.csv"
    assert main(["--db", db, "export", "-o", str(third), "--since-last-export"]) == 0
    captured = capsys.readouterr()
    assert "Exported 0 leads " in captured.out
    assert "exported before; leave out --since-last-export" in captured.err


def test_semicolons_for_excel_in_french_or_german(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pour-excel.csv"
    assert main(["--db", db, "export", "-o", str(target), "--semicolons"]) == 0
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0][:3] == ["Captured at", "Staff", "First name"]
    assert len(rows) == 3 and all(len(row) == len(rows[0]) for row in rows)
    assert any("Zoé" in row for row in rows)
    capsys.readouterr()
    assert main(["--db", db, "export", "-o", str(tmp_path / "a.xlsx"), "--semicolons"]) == 1
    assert "only a CSV file has a field separator" in capsys.readouterr().err


def test_bad_export_requests_are_one_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["export", "-o", str(tmp_path / "leads.pdf")],
        ["export", "-o", str(tmp_path / "missing" / "leads.xlsx")],
        ["export", "-o", str(tmp_path / "x.csv"), "--preset", "nosuch"],
        ["export", "-o", str(tmp_path / "x.csv"), "--from", "2023-11-17", "--to", "2023-11-14"],
        ["export", "-o", str(tmp_path / "x.csv"), "--product", "NOPE-123"],
        ["export", "-o", str(tmp_path / "x.csv"), "--format", "xlsx"],
        ["export", "-o", str(tmp_path)],
    ):
        code = main(["--db", db, *argv])
        err = capsys.readouterr().err
        assert code == 1, argv
        assert err.startswith("boothapp: error: ") and err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()
    for argv, expected in (
        (["--from", "2023-11-17", "--to", "2023-11-14"], "the first day comes after the last"),
        (["--product", "NOPE-123"], "no product with SKU 'NOPE-123'"),
        (["--format", "xlsx"], "a .csv file holds csv, not xlsx"),
    ):
        main(["--db", db, "export", "-o", str(tmp_path / "x.csv"), *argv])
        assert expected in capsys.readouterr().err
    main(["--db", db, "export", "-o", str(tmp_path)])
    assert "it is a folder" in capsys.readouterr().err

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_cli import LEAD_KEYS

from boothapp.cli import main
from boothapp.core.badges import BADGE_FIELDS

MECARD = "MECARD:N:Weber,Jonas;ORG:Rheinmetall;EMAIL:jonas.weber@rheinmetall.com;;"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = str(tmp_path / "cli.sqlite3")
    for command in (
        ["event", "add", "Milipol Paris 2023", "--country", "FR", "--timezone", "Europe/Paris"],
        ["staff", "add", "Claire Martin", "--role", "manager", "--event", "Milipol"],
        ["product", "add", "TC-6040", "Transit case 60x40", "--event", "Milipol"],
    ):
        assert main(["--db", path, *command]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_parse_badge_from_an_argument_never_opens_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = tmp_path / "missing" / "dir" / "db.sqlite3"
    code, out, err = run(capsys, "--db", str(nowhere), "parse-badge", MECARD)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == set(BADGE_FIELDS)
    assert (data["format"], data["first_name"], data["company"]) == (
        "mecard",
        "Jonas",
        "Rheinmetall",
    )
    assert not nowhere.parent.exists()


@pytest.mark.parametrize("argv", [["parse-badge"], ["parse-badge", "-"]])
def test_parse_badge_reads_raw_bytes_from_stdin(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_bytes(monkeypatch, "BEGIN:VCARD\nFN:Zoé Lefèvre\nEND:VCARD\n".encode("cp1252"))
    code, out, _ = run(capsys, *argv)
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "vcard"
    assert data["full_name"] == "Zoé Lefèvre"
    assert any("Windows-1252" in warning for warning in data["warnings"])
    assert "Zoé" in out


def test_parse_badge_refusals_and_usage(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_bytes(monkeypatch, b"  \n")
    code, out, err = run(capsys, "parse-badge")
    assert (code, out) == (1, "")
    assert err == "boothapp: error: badge: the scan is empty\n"
    code, _, err = run(capsys, "parse-badge", "x" * 5000)
    assert code == 1
    assert err.count("\n") == 1 and "4 KiB" in err
    with pytest.raises(SystemExit) as caught:
        main(["parse-badge", "a", "b"])
    assert caught.value.code == 2


def test_scan_saves_then_counts_visits(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "--db",
        db,
        "scan",
        MECARD,
        "--staff",
        "Claire",
        "--product",
        "TC-6040",
        "--rating",
        "hot",
        "--note",
        "Wants 20 cases",
    )
    assert code == 0, err
    lead = json.loads(out)
    assert set(lead) == LEAD_KEYS | {"visits", "scan"}
    assert set(lead["scan"]) == {"outcome", "visit_number", "message", "format", "warnings"}
    assert lead["scan"]["outcome"] == "new"
    assert lead["scan"]["format"] == "mecard"
    assert (lead["first_name"], lead["products"], lead["rating"]) == ("Jonas", ["TC-6040"], "hot")
    assert [set(v) for v in lead["visits"]] == [{"at", "staff", "source"}]
    assert lead["visits"][0]["staff"] == "Claire Martin"

    code, out, _ = run(capsys, "--db", db, "scan", MECARD)
    again = json.loads(out)
    assert (again["id"], again["scan"]["outcome"], again["scan"]["visit_number"]) == (
        lead["id"],
        "returning",
        2,
    )
    assert again["scan"]["message"] == "Jonas Weber — 2nd visit"
    assert len(again["visits"]) == 2


def test_scan_from_stdin_and_errors(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_bytes(monkeypatch, b"\x00\xff garbage \x1b")
    code, out, _ = run(capsys, "--db", db, "scan", "-")
    assert code == 0
    assert json.loads(out)["scan"]["outcome"] == "pending"
    code, out, err = run(capsys, "--db", db, "scan", MECARD, "--product", "NOPE")
    assert (code, out) == (1, "")
    assert err.startswith("boothapp: error: products: unknown SKU NOPE")
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "scan", MECARD, "--rating", "lukewarm"])
    assert caught.value.code == 2


def test_import_attendees_summary_and_dry_run(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "scan", "MIL23-004512")
    assert json.loads(out)["scan"]["outcome"] == "pending"
    path = tmp_path / "visiteurs.csv"
    path.write_text(
        "Numéro de badge;Prénom;Nom;Société;Courriel;Catégorie\n"
        "MIL23-004512;Zoé;Lefèvre;Thales;zoe@thales.fr;VIP\n"
        "MIL23-004513;Ana;Silva;Embraer;pas-un-mail;Visiteur\n",
        "utf-8",
    )
    code, out, _ = run(
        capsys, "--db", db, "import-attendees", str(path), "--event", "Milipol", "--dry-run"
    )
    assert code == 0
    assert "badge_id    <- Numéro de badge" in out
    assert "(ignored)   <- Catégorie" in out
    assert "MIL23-004513" in out
    assert "Nothing was imported" in out

    code, out, err = run(capsys, "--db", db, "import-attendees", str(path), "--event", "Milipol")
    assert code == 0
    assert out == (
        f"{path}: 2 attendees for Milipol Paris 2023: 2 added, 0 updated, 0 unchanged; "
        "1 pending leads resolved\n"
    )
    assert "row 3: 'pas-un-mail' is not a valid e-mail address" in err
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    assert [lead["last_name"] for lead in json.loads(out)] == ["Lefèvre"]

    bad = tmp_path / "bad.csv"
    bad.write_text("Badge;Nom\nA1;X\nA1;Y\n", "utf-8")
    code, out, err = run(capsys, "--db", db, "import-attendees", str(bad), "--event", "Milipol")
    assert (code, out) == (1, "")
    assert err == "boothapp: error: bad.csv row 3: badge ID 'A1' is already on row 2\n"
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "import-attendees", str(path)])
    assert caught.value.code == 2

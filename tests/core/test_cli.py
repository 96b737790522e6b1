from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.services import Services

LEAD_KEYS = {
    "id",
    "event",
    "staff",
    "created_at",
    "updated_at",
    "first_name",
    "last_name",
    "company",
    "job_title",
    "email",
    "phone",
    "mobile",
    "website",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "rating",
    "products",
    "notes",
    "follow_ups",
    "consent",
    "legal_basis",
    "do_not_contact",
    "badge_id",
    "source",
}
"""The keys of a lead in ``leads --json`` (``boothapp.cli.leads.lead_json``)."""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = str(tmp_path / "cli.sqlite3")
    commands = [
        [
            "event",
            "add",
            "Milipol Paris 2023",
            "--country",
            "FR",
            "--timezone",
            "Europe/Paris",
            "--start",
            "2023-11-14",
            "--end",
            "2023-11-17",
            "--consent-text",
            "We may contact you about our products.",
            "--consent-version",
            "v1",
        ],
        ["staff", "add", "Claire Martin", "--role", "manager", "--event", "Milipol"],
        ["staff", "use", "claire"],
        [
            "product",
            "add",
            "TC-6040",
            "Transit case 60x40",
            "--category",
            "transit case",
            "--attr",
            "ip=IP67",
            "--event",
            "Milipol Paris 2023",
        ],
    ]
    for command in commands:
        assert main(["--db", path, *command]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_lead_add_then_list_as_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        "--db",
        db,
        "lead",
        "add",
        "--first-name",
        "Zoé",
        "--last-name",
        "Lefèvre",
        "--company",
        "Müller GmbH",
        "--email",
        "zoe@example.fr",
        "--phone",
        "06 12 34 56 78",
        "--product",
        "TC-6040:20:olive",
        "--rating",
        "hot",
        "--consent",
        "--note",
        "=1+1 wants cases",
        "--follow-up",
        "send_quote",
    )
    assert code == 0, err
    assert "Zoé Lefèvre" in out
    code, out, err = run(capsys, "--db", db, "leads", "--json")
    assert code == 0
    leads = json.loads(out)
    assert len(leads) == 1
    lead = leads[0]
    assert set(lead) == LEAD_KEYS
    assert lead["event"] == "Milipol Paris 2023"
    assert lead["staff"] == "Claire Martin"
    assert lead["phone"] == "+33612345678"
    assert lead["products"] == ["TC-6040"]
    assert lead["notes"][0]["text"] == "=1+1 wants cases"
    assert lead["notes"][0]["staff"] == "Claire Martin"
    assert lead["consent"]["given"] is True and lead["consent"]["version"] == "v1"
    assert lead["follow_ups"] == ["send_quote"]
    assert lead["source"] == "manual"
    assert lead["created_at"].endswith("+00:00")


def test_search_rating_and_staff_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for first, rating in (("Zoé", "hot"), ("Jürgen", "cold")):
        assert (
            run(capsys, "--db", db, "lead", "add", "--first-name", first, "--rating", rating)[0]
            == 0
        )
    _, out, _ = run(capsys, "--db", db, "leads", "--search", "zoe", "--json")
    assert [lead["first_name"] for lead in json.loads(out)] == ["Zoé"]
    _, out, _ = run(capsys, "--db", db, "leads", "--rating", "cold", "--json")
    assert [lead["first_name"] for lead in json.loads(out)] == ["Jürgen"]
    _, out, _ = run(capsys, "--db", db, "leads", "--staff", "Claire Martin", "--json")
    assert len(json.loads(out)) == 2
    assert run(capsys, "--db", db, "lead", "add", "--first-name", "Ohne")[0] == 0
    _, out, _ = run(capsys, "--db", db, "leads", "--rating", "none", "--json")
    assert [lead["first_name"] for lead in json.loads(out)] == ["Ohne"]
    assert run(capsys, "--db", db, "lead", "delete", json.loads(out)[0]["id"])[0] == 0
    _, out, _ = run(capsys, "--db", db, "leads", "--search", "nobody", "--json")
    assert json.loads(out) == []
    code, out, err = run(capsys, "--db", db, "leads")
    assert code == 0 and "Jürgen" in out and "2 leads in Milipol Paris 2023" in err


def current_names(db: str) -> tuple[str | None, str]:
    """Who is at this laptop and its active show, as the window would read them."""
    database = open_database(db)
    try:
        services = Services.over(database)
        staff = services.staff.current()
        return (staff.name if staff is not None else None, services.events.resolve(None).name)
    finally:
        database.close()


def test_names_with_capital_accents_are_found_whatever_the_case_or_accents(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (
        ["staff", "add", "Élodie Garnier"],
        ["staff", "add", "Ömer Çelik"],
        ["staff", "add", "Eloise Martin"],
        ["event", "add", "Équip Auto 2024", "--country", "FR"],
    ):
        assert run(capsys, "--db", db, *command)[0] == 0
    for typed in ("Élodie Garnier", "élodie garnier", "ELODIE GARNIER", "Élodie", "elod"):
        code, out, err = run(capsys, "--db", db, "staff", "use", typed)
        assert (code, err) == (0, ""), typed
    assert current_names(db) == ("Élodie Garnier", "Milipol Paris 2023")
    assert run(capsys, "--db", db, "staff", "use", "ömer çelik")[0] == 0
    assert run(capsys, "--db", db, "event", "use", "équip auto")[0] == 0
    assert current_names(db) == ("Ömer Çelik", "Équip Auto 2024")
    code, _, err = run(capsys, "--db", db, "staff", "use", "el")
    assert code == 1 and "matches several" in err


def test_a_show_added_with_a_country_keeps_its_time(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "event", "add", "Enforce Tac", "--country", "Germany")
    assert code == 0 and "(times in Europe/Berlin)" in out
    code, out, _ = run(capsys, "--db", db, "event", "add", "AUSA", "--country", "US")
    assert code == 0 and "(times in UTC)" in out
    _, out, _ = run(capsys, "--db", db, "event", "list", "--json")
    zones = {show["name"]: show["timezone"] for show in json.loads(out)}
    assert zones["Enforce Tac"] == "Europe/Berlin" and zones["AUSA"] == "UTC"


def test_every_listing_speaks_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["event", "list"], ["staff", "list"], ["product", "list"], ["leads"]):
        code, out, _ = run(capsys, "--db", db, *command, "--json")
        assert code == 0
        assert isinstance(json.loads(out), list)
    _, out, _ = run(capsys, "--db", db, "product", "list", "--json")
    assert json.loads(out)[0]["attributes"] == {"ip": "IP67"}


def test_show_delete_restore_and_note(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db, "lead", "add", "--first-name", "太郎", "--last-name", "山田")
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    lead_id = json.loads(out)[0]["id"]
    assert run(capsys, "--db", db, "lead", "note", lead_id[:8], "Wants a rack")[0] == 0
    code, out, _ = run(capsys, "--db", db, "lead", "show", lead_id[:8])
    assert code == 0 and "山田 太郎" in out and "Wants a rack" in out
    assert run(capsys, "--db", db, "lead", "delete", lead_id)[0] == 0
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    assert json.loads(out) == []
    assert run(capsys, "--db", db, "lead", "restore", lead_id)[0] == 0
    _, out, _ = run(capsys, "--db", db, "lead", "show", lead_id, "--json")
    assert json.loads(out)["notes"][0]["text"] == "Wants a rack"


def test_user_errors_exit_1_with_one_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ["lead", "add", "--email", "zoe@"],
        ["lead", "add", "--first-name", "A", "--country", "Narnia"],
        ["lead", "show", "ffffffff"],
        ["event", "add", "Milipol Paris 2023"],
        ["leads", "--event", "Nowhere"],
        ["leads", "--from", "14/11/2023"],
    ]
    for argv in cases:
        code, out, err = run(capsys, "--db", db, *argv)
        assert code == 1, argv
        assert err.count("\n") == 1 and err.startswith("boothapp: error: "), err
        assert "Traceback" not in err


def test_bad_usage_exits_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["leads", "--rating", "lukewarm"],
        ["frobnicate"],
        ["lead"],
        ["leads", "--limit", "x"],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", db, *argv])
        assert exit_info.value.code == 2
        assert "Traceback" not in capsys.readouterr().err


def test_unusable_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00\xff not a database")
    code, _, err = run(capsys, "--db", str(garbage), "leads")
    assert code == 1 and str(garbage) in err and err.count("\n") == 1
    assert garbage.read_bytes() == b"\x00\xff not a database"


def test_environment_variable_selects_the_database(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOTHAPP_DB", db)
    code, out, _ = run(capsys, "event", "list", "--json")
    assert code == 0 and json.loads(out)[0]["name"] == "Milipol Paris 2023"


def test_product_import_is_all_or_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "products.csv"
    good.write_text(
        "sku,name,category,ip_rating\nRK-19,Rack 19in 12U,rack,IP65\nTC-6040,Case,transit_case,\n",
        encoding="utf-8-sig",
    )
    code, out, _ = run(capsys, "--db", db, "product", "import", str(good), "--event", "Milipol")
    assert code == 0 and "1 products added, 1 updated" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,name\nNEW-1,New\n,Missing SKU\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "product", "import", str(bad))
    assert code == 1 and "bad.csv row 3" in err
    _, out, _ = run(capsys, "--db", db, "product", "list", "--json")
    assert sorted(p["sku"] for p in json.loads(out)) == ["RK-19", "TC-6040"]


def test_python_dash_m_runs_the_cli(db: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "boothapp", "--db", db, "event", "list", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["name"] == "Milipol Paris 2023"


def test_core_and_cli_load_no_qt() -> None:
    script = Path(__file__).resolve().parents[2] / "scripts" / "check_no_qt.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"Qt below gui/: {result.stdout}{result.stderr}"


def test_a_bug_is_one_line_and_a_crash_log(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from boothapp.core.services import Services

    def broken(database: object) -> Services:
        raise RuntimeError("wires crossed")

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(Services, "over", broken)
    code, _, err = run(capsys, "--db", db, "event", "list")
    assert code == 1 and err.count("\n") == 1
    assert "internal error: RuntimeError: wires crossed" in err
    logs = list((tmp_path / "state").rglob("crash.log"))
    assert len(logs) == 1 and "wires crossed" in logs[0].read_text(encoding="utf-8")
    assert "Traceback" not in err

"""``boothapp erase``, ``retention``, ``subject-export`` and ``audit``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.models import utc_now
from boothapp.core.privacy.retention import retention_months
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services

OLD = utc_now().replace(year=utc_now().year - 3)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A booth with Zoé at two shows, Jonas, and Hans captured three years ago."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = tmp_path / "cli.sqlite3"
    database = open_database(path)
    services = Services.over(database)
    milipol = services.events.create(EventInput(name="Milipol Paris 2023"))
    eurosatory = services.events.create(EventInput(name="Eurosatory 2024"))
    services.events.use(milipol.id)
    services.leads.create(LeadInput(first_name="Zoé", last_name="Lefèvre", email="zoe@thales.fr"))
    services.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), eurosatory.id)
    services.leads.create(LeadInput(first_name="Jonas", email="jonas@example.de"))
    services.leads.create(LeadInput(first_name="Hans", last_name="Müller"), created_at=OLD)
    database.close()
    yield str(path)


def names(db: str) -> list[str]:
    database = open_database(db)
    try:
        rows = Services.over(database).leads.list(LeadFilter())
        return sorted(row.display_name for row in rows)
    finally:
        database.close()


def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)


def a_terminal(monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _question: answer)


def test_erase_without_a_terminal_refuses_unless_told_yes(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    no_terminal(monkeypatch)
    assert main(["--db", db, "erase", "ZOE@thales.fr"]) == 2
    printed = capsys.readouterr()
    assert "To erase for good: 2 leads" in printed.out
    assert "Zoé Lefèvre" in printed.out and "Eurosatory 2024" in printed.out
    assert "nothing was erased: there is no terminal to confirm on; add --yes" in printed.err
    assert names(db) == ["Hans Müller", "Jonas", "Zoé", "Zoé Lefèvre"]

    assert main(["--db", db, "erase", "zoe@thales.fr", "--yes"]) == 0
    assert "Erased 2 leads for good" in capsys.readouterr().out
    assert names(db) == ["Hans Müller", "Jonas"]

    assert main(["--db", db, "lead", "add", "--first-name", "Zoé", "--email", "zoe@thales.fr"]) == 1
    assert "asked to have their personal data erased" in capsys.readouterr().err


def test_erase_asks_on_a_terminal_and_takes_a_short_lead_id(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = open_database(db)
    jonas = Services.over(database).leads.list(LeadFilter(search="Jonas"))[0].id
    database.close()
    a_terminal(monkeypatch, "n")
    assert main(["--db", db, "erase", jonas[:8]]) == 2
    assert "nothing was erased: not confirmed" in capsys.readouterr().err
    a_terminal(monkeypatch, "y")
    assert main(["--db", db, "erase", jonas[:8]]) == 0
    assert names(db) == ["Hans Müller", "Zoé", "Zoé Lefèvre"]
    assert main(["--db", db, "erase", "zzzz9999", "--yes"]) == 1
    assert "no lead with id" in capsys.readouterr().err


def test_retention_lists_sets_and_purges(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--db", db, "retention"]) == 0
    out = capsys.readouterr().out
    assert "Hans Müller" in out and "Jonas" not in out
    assert "1 lead not contacted since before" in out and "(retention period: 24 months)" in out

    assert main(["--db", db, "retention", "--months", "48", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", db, "retention", "--set-months", "40"]) == 0
    assert "now 40 months" in capsys.readouterr().out
    database = open_database(db)
    assert retention_months(database) == 40
    database.close()
    assert main(["--db", db, "retention", "--months", "0"]) == 1
    assert "1 to 120 months" in capsys.readouterr().err
    assert main(["--db", db, "retention", "--months", "3", "--set-months", "3"]) == 2

    no_terminal(monkeypatch)
    assert main(["--db", db, "retention", "--months", "24", "--purge"]) == 2
    assert "nothing was purged" in capsys.readouterr().err
    assert main(["--db", db, "retention", "--months", "24", "--purge", "--yes"]) == 0
    assert "Purged 1 lead for good" in capsys.readouterr().out
    assert names(db) == ["Jonas", "Zoé", "Zoé Lefèvre"]


def test_subject_export_and_the_audit_log(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "zoe.json"
    assert main(["--db", db, "subject-export", "zoe@thales.fr", "-o", str(target)]) == 0
    assert f"{target} and {tmp_path / 'zoe.html'}" in capsys.readouterr().out
    assert len(json.loads(target.read_text("utf-8"))["leads"]) == 2
    assert main(["--db", db, "subject-export", "zoe@thales.fr", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err

    assert main(["--db", db, "erase", "zoe@thales.fr", "--yes"]) == 0
    assert main(["--db", db, "retention", "--purge", "--yes"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "audit"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["AT", "WHAT", "BY", "LEADS", "DETAIL"]
    assert "Purge" in out and "Erasure" in out and "Zoé" not in out
    assert main(["--db", db, "audit", "--action", "ERASE", "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert [(entry["action"], entry["lead_count"]) for entry in logged] == [("erase", 2)]
    with pytest.raises(SystemExit) as refused:
        main(["--db", db, "audit", "--action", "nope"])
    assert refused.value.code == 2
    assert "--action must be one of export, merge" in capsys.readouterr().err

"""``boothapp merge`` and ``boothapp conflicts``."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from merge_helpers import Clock, all_leads, copy_file, laptop, new_booth, patched_clock, show_id

from boothapp.cli import main
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.schemas import LeadInput


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    return patched_clock(monkeypatch)


@pytest.fixture
def booths(tmp_path: Path, clock: Clock) -> tuple[Path, Path, str]:
    """The manager's file and a laptop's copy of it, which edited the one lead and
    captured another; the manager's edited the lead too (a conflict)."""
    booth = tmp_path / "booth.sqlite3"
    new_booth(booth)
    with laptop(booth) as services:
        lead_id = services.leads.create(
            LeadInput(first_name="Zoé", company="Thales"), event_id=show_id(services)
        ).id
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    for path, company in ((other, "Thales Group"), (booth, "Thales DMS")):
        with laptop(path) as services:
            lead = services.leads.get(lead_id)
            services.leads.update(lead_id, replace(lead_input_of(lead), company=company))
    with laptop(other) as services:
        services.leads.create(LeadInput(first_name="Hans"), event_id=show_id(services))
    return booth, other, lead_id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_merge_prints_what_it_did_and_a_dry_run_changes_nothing(
    booths: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    booth, other, _lead_id = booths

    code, out, _err = run(capsys, "--db", str(booth), "merge", str(other), "--dry-run")

    assert code == 0
    assert out.startswith(f"Dry run: merging laptop2.sqlite3 into {booth} would do this")
    assert "1 added, 0 updated, 0 joined, 1 unchanged, 0 left out, 1 conflicts" in out
    assert len(all_leads(booth)) == 1

    code, out, _err = run(capsys, "--db", str(booth), "merge", str(other))

    assert code == 0
    assert out.startswith(f"Merged laptop2.sqlite3 into {booth}:")
    assert "Hans (Milipol Paris 2025)" in out
    assert "company: kept 'Thales DMS', left aside 'Thales Group'" in out
    assert len(all_leads(booth)) == 2


def test_merge_as_json(booths: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    booth, other, lead_id = booths

    code, out, _err = run(capsys, "--db", str(booth), "merge", str(other), "--json")

    summary = json.loads(out)
    assert code == 0 and summary["source"] == "laptop2.sqlite3" and not summary["dry_run"]
    assert [lead["name"] for lead in summary["added"]] == ["Hans"]
    assert summary["conflicts"] == [
        {
            "lead_id": lead_id,
            "name": "Zoé",
            "field": "company",
            "kept": "Thales DMS",
            "other": "Thales Group",
        }
    ]


def test_conflicts_are_listed_and_marked_reviewed(
    booths: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    booth, other, lead_id = booths
    db = ["--db", str(booth)]
    assert run(capsys, *db, "merge", str(other))[0] == 0

    code, out, _err = run(capsys, *db, "conflicts")
    assert code == 0
    assert out.splitlines()[0].split() == ["LEAD", "NAME", "FIELD", "KEPT", "LEFT", "ASIDE", "FROM"]
    assert "Thales DMS" in out and "Thales Group" in out and "laptop2.sqlite3" in out

    code, out, _err = run(capsys, *db, "conflicts", "--json")
    (listed,) = json.loads(out)
    assert (listed["lead_id"], listed["reviewed_at"]) == (lead_id, None)

    code, out, _err = run(capsys, *db, "conflicts", "--reviewed", lead_id[:8])
    assert (code, out) == (0, f"Marked 1 conflict(s) of lead {lead_id} reviewed\n")
    assert run(capsys, *db, "conflicts")[1] == "No conflict to review.\n"
    (listed,) = json.loads(run(capsys, *db, "conflicts", "--all", "--json")[1])
    assert listed["reviewed_at"] is not None
    assert run(capsys, *db, "conflicts", "--all-reviewed")[1] == "Marked 0 conflict(s) reviewed\n"


def test_a_file_that_is_not_a_database_is_one_line_naming_it(
    booths: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    booth, _other, _lead_id = booths
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n", encoding="utf-8")

    code, out, err = run(capsys, "--db", str(booth), "merge", str(notes))

    assert (code, out) == (1, "")
    assert err == (
        f"boothapp: error: {notes} is not a boothapp database (not an SQLite file): "
        "nothing was merged\n"
    )


def test_merging_needs_the_manager_pin_when_one_is_set_but_a_dry_run_does_not(
    booths: tuple[Path, Path, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    booth, other, _lead_id = booths
    db = ["--db", str(booth)]
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run(capsys, *db, "pin", "set")[0] == 0
    monkeypatch.delenv("BOOTHAPP_PIN")

    assert run(capsys, *db, "merge", str(other), "--dry-run")[0] == 0
    code, _out, err = run(capsys, *db, "merge", str(other))

    assert code == 1 and "merging leads needs the manager PIN" in err
    assert len(all_leads(booth)) == 1
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run(capsys, *db, "merge", str(other))[0] == 0
    assert len(all_leads(booth)) == 2

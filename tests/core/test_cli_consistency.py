"""The command line agrees with itself: JSON and text lists, date checks, lead display
and option errors work the same way across commands."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from boothapp.cli import build_parser, main
from boothapp.core.db import open_database
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = str(tmp_path / "cli.sqlite3")
    show = ["event", "add", "Milipol Paris 2023", "--country", "FR", "--timezone", "Europe/Paris"]
    assert main(["--db", path, *show]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_list_honours_limit_and_order_of_the_text_list(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("Anna", "Ben", "Chloé", "Dirk", "Eva"):
        assert run(capsys, "--db", db, "lead", "add", "--first-name", name)[0] == 0
    code, out, _ = run(capsys, "--db", db, "leads", "--limit", "3", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [lead["first_name"] for lead in listed] == ["Eva", "Dirk", "Chloé"]
    code, out, _ = run(capsys, "--db", db, "leads", "--limit", "3")
    assert code == 0
    table_ids = [line.split()[-1] for line in out.splitlines()[1:]]
    assert table_ids == [lead["id"][:8] for lead in listed]
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    assert [lead["first_name"] for lead in json.loads(out)] == [
        "Eva",
        "Dirk",
        "Chloé",
        "Ben",
        "Anna",
    ]


def test_a_negative_limit_is_bad_usage(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "leads", "--limit", "-1", "--json")
    assert code == 2 and out == ""
    assert err == "boothapp: error: --limit must be 0 or more\n"


def test_reversed_dates_are_refused_by_leads_as_by_export(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db, "lead", "add", "--first-name", "Anna")[0] == 0
    dates = ("--from", "2023-11-17", "--to", "2023-11-14")
    errors = []
    for command in (("leads",), ("leads", "--json"), ("export", "-o", str(tmp_path / "x.csv"))):
        code, out, err = run(capsys, "--db", db, *command, *dates)
        assert code == 1 and out == "", command
        errors.append(err)
    assert (
        errors
        == ["boothapp: error: dates: the first day comes after the last one: swap the two dates\n"]
        * 3
    )
    assert not (tmp_path / "x.csv").exists()
    code, _, _ = run(capsys, "--db", db, "leads", "--from", "2023-11-14", "--to", "2023-11-14")
    assert code == 0


RAW = "MIL\x1d23\u202eevil\n00\t42\\x"


@pytest.fixture
def pending_id(db: str) -> Iterator[str]:
    database = open_database(db)
    try:
        lead = Services.over(database).leads.create(LeadInput(badge_raw=RAW, source="badge"))
    finally:
        database.close()
    yield lead.id


def test_lead_show_gives_the_raw_scan_of_a_pending_lead(
    db: str, pending_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db, "lead", "show", pending_id[:8])
    assert code == 0
    assert "Badge scan:  MIL\\x1d23\\u202eevil\\n00\\t42\\\\x\n" in out
    assert not any(ch in out for ch in "\x1d\u202e\t")
    code, out, _ = run(capsys, "--db", db, "lead", "show", pending_id, "--json")
    assert code == 0
    assert json.loads(out)["badge_raw"] == RAW
    assert "\u202e" not in out and "\\u202e" in out


def _choice_options(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str, list[str]]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield from _choice_options(subparser, (*path, name))
        elif action.choices is not None and action.option_strings:
            yield path, action.option_strings[0], list(action.choices)


def test_every_choice_option_refuses_a_wrong_value_in_one_line(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    options = list(_choice_options(build_parser()))
    assert {(" ".join(path), option) for path, option, _ in options} >= {
        ("leads", "--rating"),
        ("lead add", "--rating"),
        ("lead add", "--follow-up"),
        ("scan", "--rating"),
        ("staff add", "--role"),
        ("export", "--rating"),
        ("export", "--format"),
    }
    for path, option, choices in options:
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", db, *path, option, "boiling"])
        assert exit_info.value.code == 2
        captured = capsys.readouterr()
        assert captured.err == (
            f"boothapp {' '.join(path)}: {option} must be one of {', '.join(choices)} "
            "(got 'boiling')\n"
        )


def test_rating_choice_in_any_case(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", db, "lead", "add", "--first-name", "Anna", "--rating", "HOT")
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "leads", "--rating", "Hot", "--json")
    assert [lead["rating"] for lead in json.loads(out)] == ["hot"]


def test_consent_needs_a_consent_text(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "lead", "add", "--first-name", "Anna", "--consent")
    assert code == 1 and out == ""
    assert err == (
        "boothapp: error: consent: this show has no consent text: add one in the show "
        "settings before recording consent\n"
    )
    _, out, _ = run(capsys, "--db", db, "leads", "--json")
    assert json.loads(out) == []

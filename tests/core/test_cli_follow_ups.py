"""``boothapp follow-ups`` and ``boothapp follow-up done|undo|due|owner``."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A show in Paris (today's), Anna at the laptop; Zoé (hot, Anna's) with two
    follow-ups overdue, Hans (cold, Ben's) with one due in two weeks."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = tmp_path / "cli.sqlite3"
    database = open_database(path)
    try:
        services = Services.over(database)
        show = services.events.create(EventInput(name="Milipol Paris", timezone="Europe/Paris"))
        anna = services.staff.create("Anna Schmidt", event_id=show.id)
        ben = services.staff.create("Ben Okafor", event_id=show.id)
        services.staff.use(anna.id)
        now = datetime.now(UTC)
        services.leads.create(
            LeadInput(
                first_name="Zoé",
                company="Thales",
                rating="hot",
                follow_ups=("send_quote", "call_back"),
            ),
            event_id=show.id,
            staff_id=anna.id,
            created_at=now - timedelta(days=14),
        )
        services.leads.create(
            LeadInput(
                first_name="Hans", company="Rheinmetall", rating="cold", follow_ups=("demo",)
            ),
            event_id=show.id,
            staff_id=ben.id,
            created_at=now,
        )
    finally:
        database.close()
    return ["--db", str(path)]


def listing(capsys: pytest.CaptureFixture[str], db: list[str], *options: str) -> list[Any]:
    code, out, _err = run(capsys, *db, "follow-ups", "--json", *options)
    assert code == 0
    rows: list[Any] = json.loads(out)
    return rows


def test_the_queue_lists_the_follow_ups_to_do_due_first(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    code, out, err = run(capsys, *db, "follow-ups")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "DUE", "STATUS", "FOLLOW-UP", "LEAD", "COMPANY", "OWNER"]
    assert [line.split()[2] for line in lines[1:]] == ["Overdue", "Overdue", "To"]
    assert "Send quote" in lines[1] and "Call back" in lines[2] and "Demo" in lines[3]
    assert err == "3 follow-ups (2 overdue) in Milipol Paris\n"


def test_the_json_form(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    rows = listing(capsys, db)
    assert [row["follow_up"] for row in rows] == ["send_quote", "call_back", "demo"]
    zoe = rows[0]
    assert set(zoe) == {
        "id",
        "lead_id",
        "lead",
        "company",
        "email",
        "phone",
        "rating",
        "follow_up",
        "label",
        "status",
        "overdue",
        "due",
        "owner",
        "done_at",
        "done_by",
        "created_at",
        "updated_at",
    }
    assert (zoe["lead"], zoe["label"], zoe["status"], zoe["overdue"], zoe["owner"]) == (
        "Zoé",
        "Send quote",
        "todo",
        True,
        "Anna Schmidt",
    )
    assert rows[2]["overdue"] is False and rows[2]["owner"] == "Ben Okafor"


def test_filters(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    assert [row["lead"] for row in listing(capsys, db, "--staff", "Ben Okafor")] == ["Hans"]
    assert [row["lead"] for row in listing(capsys, db, "--mine")] == ["Zoé", "Zoé"]
    assert len(listing(capsys, db, "--due", "overdue")) == 2
    assert len(listing(capsys, db, "--due", "today")) == 2
    far = (date.today() + timedelta(days=60)).isoformat()
    assert len(listing(capsys, db, "--due", far)) == 3
    assert listing(capsys, db, "--status", "done") == []
    with pytest.raises(SystemExit) as refused:
        main([*db, "follow-ups", "--status", "later"])
    assert refused.value.code == 2
    assert "--status must be one of todo, done, all" in capsys.readouterr().err
    code, _out, err = run(capsys, *db, "follow-ups", "--due", "soon")
    assert code == 1 and "soon" in err
    code, _out, err = run(capsys, *db, "follow-ups", "--mine", "--staff", "Ben Okafor")
    assert code == 2


def test_done_undo_due_and_owner(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    quote, call, demo = (row["id"] for row in listing(capsys, db))
    code, out, _err = run(capsys, *db, "follow-up", "done", str(quote), str(call))
    assert (code, out) == (0, "Marked 2 follow-ups done\n")
    done = listing(capsys, db, "--status", "done")
    assert [row["id"] for row in done] == [quote, call]
    assert done[0]["done_by"] == "Anna Schmidt" and done[0]["done_at"]
    assert [row["id"] for row in listing(capsys, db)] == [demo]

    code, out, _err = run(capsys, *db, "follow-up", "undo", str(call))
    assert (code, out) == (0, "Put 1 follow-up back to do\n")
    code, out, _err = run(capsys, *db, "follow-up", "done", str(call), "--by", "Ben Okafor")
    assert code == 0
    assert listing(capsys, db, "--status", "done")[1]["done_by"] == "Ben Okafor"

    code, out, _err = run(capsys, *db, "follow-up", "due", "2030-01-07", str(demo))
    assert (code, out) == (0, "1 follow-up now due on 2030-01-07\n")
    code, out, _err = run(capsys, *db, "follow-up", "owner", "Anna Schmidt", str(demo))
    assert (code, out) == (0, "1 follow-up now owned by Anna Schmidt\n")
    (moved,) = listing(capsys, db)
    assert (moved["due"], moved["owner"]) == ("2030-01-07", "Anna Schmidt")


def test_unknown_ids_change_nothing(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    quote = listing(capsys, db)[0]["id"]
    code, _out, err = run(capsys, *db, "follow-up", "done", str(quote), "999")
    assert code == 1
    assert err == "boothapp: error: no follow-up with id 999: nothing was changed\n"
    assert listing(capsys, db, "--status", "done") == []
    with pytest.raises(SystemExit) as refused:
        main([*db, "follow-up", "done", "first"])
    assert refused.value.code == 2

"""``boothapp pin`` and the commands it locks: export, restore and adding a show need
the manager PIN once one is set, from ``$BOOTHAPP_PIN`` or typed on a terminal."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.db import open_database
from boothapp.core.manager_lock import FAILURES_KEY
from boothapp.core.models import Setting

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PIN in the environment and no terminal to ask on, unless a test gives them."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    monkeypatch.delenv("BOOTHAPP_PIN", raising=False)
    monkeypatch.delenv("BOOTHAPP_NEW_PIN", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    monkeypatch.setattr("getpass.getpass", _no_prompt)


def _no_prompt(prompt: str = "") -> str:
    raise AssertionError(f"asked {prompt!r}")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "booth.sqlite3")
    assert main(["--db", path, "event", "add", "Milipol Paris", "--country", "FR"]) == 0
    assert main(["--db", path, "lead", "add", "--first-name", "Zoé"]) == 0
    return path


@pytest.fixture
def run(db: str, capsys: pytest.CaptureFixture[str]) -> Run:
    """Runs ``boothapp --db DB ARGS``; returns the exit status, stdout and stderr."""

    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--db", db, *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


@pytest.fixture
def locked(run: Run, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A manager PIN 2468 is set; the environment holds none."""
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("pin", "set")[0] == 0
    monkeypatch.delenv("BOOTHAPP_PIN")
    yield


def terminal(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """A terminal on which ``answers`` are typed in turn; returns the prompts shown."""
    prompts: list[str] = []
    typed = iter(answers)

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def test_with_no_pin_nothing_is_locked_and_nothing_asked(run: Run, tmp_path: Path) -> None:
    assert run("pin", "status") == (0, "No manager PIN is set: nothing is locked.\n", "")
    code, out, _ = run("pin", "status", "--json")
    assert code == 0
    assert json.loads(out) == {"set": False, "set_at": None, "failures": 0, "wait_seconds": 0}
    assert run("export", "-o", str(tmp_path / "leads.csv"))[0] == 0
    assert run("event", "add", "Eurosatory")[0] == 0


def test_pin_set_from_the_environment_refuses_a_short_or_empty_pin(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOTHAPP_PIN", "12")
    assert run("pin", "set") == (
        1,
        "",
        "boothapp: error: BOOTHAPP_PIN: the manager PIN is 2 characters long: give 4 or more\n",
    )
    monkeypatch.setenv("BOOTHAPP_PIN", "")
    code, _, err = run("pin", "set")
    assert code == 1
    assert err == (
        "boothapp: error: setting the manager PIN needs the new PIN: run the command on a "
        "terminal to type it, or give it in BOOTHAPP_PIN\n"
    )
    assert "No manager PIN is set" in run("pin", "status")[1]


def test_pin_set_on_a_terminal_asks_twice(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    terminal(monkeypatch, "")
    assert run("pin", "set")[2] == (
        "boothapp: error: pin: the manager PIN is empty: give 4 or more characters\n"
    )
    terminal(monkeypatch, "2468", "2469")
    assert run("pin", "set")[2] == (
        "boothapp: error: pin: the two PINs typed differ: nothing was set; try again\n"
    )
    prompts = terminal(monkeypatch, "2468", "2468")
    code, out, _ = run("pin", "set")
    assert code == 0 and out.startswith("Manager PIN set: ")
    assert prompts == ["New manager PIN: ", "The same PIN again: "]
    assert run("pin", "status")[1].startswith("A manager PIN is set (since ")


@pytest.mark.usefixtures("locked")
def test_export_needs_the_pin_and_works_with_boothapp_pin(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "leads.csv"
    assert run("export", "-o", str(output)) == (
        1,
        "",
        "boothapp: error: exporting leads needs the manager PIN: run the command on a "
        "terminal to type it, or give it in BOOTHAPP_PIN\n",
    )
    assert not output.exists()

    monkeypatch.setenv("BOOTHAPP_PIN", "8642")
    assert run("export", "-o", str(output)) == (
        1,
        "",
        "boothapp: error: the manager PIN is wrong: nothing was done\n",
    )
    assert not output.exists()

    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    code, out, _ = run("export", "-o", str(output))
    assert code == 0 and out.startswith("Exported 1 lead of Milipol Paris")
    assert output.exists()


@pytest.mark.usefixtures("locked")
def test_a_locked_command_asks_on_a_terminal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = terminal(monkeypatch, "2468")
    assert run("export", "-o", str(tmp_path / "leads.xlsx"))[0] == 0
    assert prompts == ["Manager PIN (exporting leads): "]


@pytest.mark.usefixtures("locked")
def test_adding_a_show_needs_the_pin_once_one_is_set(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run("event", "add", "Eurosatory")
    assert code == 1 and err.startswith("boothapp: error: adding a show needs the manager PIN")
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("event", "add", "Eurosatory")[0] == 0
    monkeypatch.delenv("BOOTHAPP_PIN")
    code, out, _ = run("event", "list")
    assert code == 0 and "Eurosatory" in out


@pytest.mark.usefixtures("locked")
@pytest.mark.parametrize(
    ("args", "action"),
    [
        (("staff", "add", "Ben Okafor"), "adding a staff member"),
        (("product", "add", "TC-8050", "Transit case 80x50"), "adding a product"),
        (("product", "import", "catalogue.csv"), "importing products"),
    ],
    ids=["staff add", "product add", "product import"],
)
def test_changing_a_shows_settings_needs_the_pin(
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: tuple[str, ...],
    action: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "catalogue.csv").write_text("sku,name\nTC-8050,Transit case 80x50\n")
    code, _, err = run(*args)
    assert code == 1 and err.startswith(f"boothapp: error: {action} needs the manager PIN")
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run(*args)[0] == 0


@pytest.mark.usefixtures("locked")
def test_wrong_pins_bring_a_wait_that_is_reported(
    run: Run, db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BOOTHAPP_PIN", "0000")
    output = str(tmp_path / "leads.csv")
    errors = [run("export", "-o", output)[2] for _ in range(3)]
    assert errors[-1] == (
        "boothapp: error: the manager PIN is wrong: nothing was done; "
        "wait 1 s before the next try\n"
    )
    # Five wrong tries, the last stamped later than now (a clock put back): the whole
    # four-second wait is ahead, whatever the time the test takes.
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    database = open_database(db)
    with database.write() as session:
        session.merge(Setting(key=FAILURES_KEY, value={"count": 5, "last": later}))
    database.close()

    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("export", "-o", output) == (
        1,
        "",
        "boothapp: error: too many wrong manager PINs: nothing was done; "
        "wait 4 s before the next try\n",
    )
    code, out, _ = run("pin", "status")
    assert code == 0
    assert out.splitlines()[1] == "5 wrong tries in a row; wait 4 s before the next try."
    code, out, _ = run("pin", "status", "--json")
    assert json.loads(out)["failures"] == 5 and json.loads(out)["wait_seconds"] == 4


@pytest.mark.usefixtures("locked")
def test_clearing_needs_the_current_pin(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run("pin", "clear")
    assert code == 1 and "clearing the manager PIN needs the current PIN: " in err
    monkeypatch.setenv("BOOTHAPP_PIN", "8642")
    assert run("pin", "clear")[2] == "boothapp: error: the manager PIN is wrong: nothing was done\n"
    assert run("pin", "status")[1].startswith("A manager PIN is set")

    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("pin", "clear") == (0, "Manager PIN cleared: nothing is locked.\n", "")
    monkeypatch.delenv("BOOTHAPP_PIN")
    assert run("export", "-o", str(tmp_path / "leads.csv"))[0] == 0
    assert run("pin", "clear") == (0, "No manager PIN is set: there is nothing to clear.\n", "")


@pytest.mark.usefixtures("locked")
def test_changing_the_pin_needs_the_current_one(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOTHAPP_NEW_PIN", "1357")
    assert run("pin", "set")[2].startswith(
        "boothapp: error: changing the manager PIN needs the current PIN: "
    )
    monkeypatch.setenv("BOOTHAPP_PIN", "0000")
    assert run("pin", "set")[2] == "boothapp: error: the manager PIN is wrong: nothing was done\n"

    monkeypatch.delenv("BOOTHAPP_NEW_PIN")
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("pin", "set")[2] == (
        "boothapp: error: setting the manager PIN needs the new PIN: run the command on a "
        "terminal to type it, or give it in BOOTHAPP_NEW_PIN\n"
    )

    monkeypatch.setenv("BOOTHAPP_NEW_PIN", "1357")
    code, out, _ = run("pin", "set")
    assert code == 0 and out.startswith("Manager PIN changed: ")
    output = str(tmp_path / "leads.csv")
    assert run("export", "-o", output)[0] == 1
    monkeypatch.setenv("BOOTHAPP_PIN", "1357")
    assert run("export", "-o", output)[0] == 0


@pytest.mark.usefixtures("locked")
def test_restore_needs_the_pin_of_the_database_it_replaces(
    run: Run, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "before.sqlite3"
    assert run("backup", str(backup))[0] == 0
    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    assert run("lead", "add", "--first-name", "Jörg")[0] == 0
    monkeypatch.delenv("BOOTHAPP_PIN")

    code, _, err = run("restore", str(backup), "--yes")
    assert code == 1
    assert err.startswith("boothapp: error: restoring a backup needs the manager PIN")
    assert "Jörg" in run("leads")[1]
    assert list(tmp_path.glob("booth-replaced-*")) == []

    monkeypatch.setenv("BOOTHAPP_PIN", "2468")
    code, out, _ = run("restore", str(backup), "--yes")
    assert code == 0 and out.startswith("Restored 1 leads")
    assert "Jörg" not in run("leads")[1]


def test_restore_over_a_file_with_no_pin_asks_for_none(run: Run, db: str, tmp_path: Path) -> None:
    backup = tmp_path / "before.sqlite3"
    assert run("backup", str(backup))[0] == 0
    assert run("restore", str(backup), "--yes")[0] == 0

"""The command line never loads Qt: only ``boothapp`` with no command opens the window,
and that choice is made in ``boothapp.__main__``."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

QT_MODULES = ("PySide6", "shiboken6")


def _qt_loaded_after(tmp_path: Path, script: str) -> list[str]:
    probe = (
        "import sys\n"
        f"{script}\n"
        f"qt = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print('Qt loaded:', *qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={
            **os.environ,
            "BOOTHAPP_DB": str(tmp_path / "booth.sqlite3"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
        },
    )
    assert result.returncode == 0, result.stderr
    last_line = result.stdout.splitlines()[-1]
    assert last_line.startswith("Qt loaded:")
    return last_line.split()[2:]


@pytest.mark.parametrize(
    "script",
    [
        "from boothapp.cli import main\n"
        "assert main(['event', 'add', 'Milipol Paris']) == 0\n"
        "assert main(['event', 'list', '--json']) == 0",
        "from boothapp.__main__ import main\n"
        "assert main(['event', 'add', 'Milipol Paris']) == 0\n"
        "assert main(['leads']) == 0\n"
        "assert main(['parse-badge', 'BEGIN:VCARD']) == 0",
    ],
    ids=["cli", "entry-point"],
)
def test_commands_load_no_qt(tmp_path: Path, script: str) -> None:
    assert _qt_loaded_after(tmp_path, script) == []


def test_the_cli_alone_refuses_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    from boothapp.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "a command is needed" in capsys.readouterr().err


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from boothapp.__main__ import main

    opened: list[str | None] = []

    def run_gui(database_target: str | None) -> int:
        opened.append(database_target)
        return 7

    window = types.ModuleType("boothapp.gui.app")
    window.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boothapp.gui.app", window)
    assert main(["--db", "booth.sqlite3"]) == 7
    assert opened == ["booth.sqlite3"]

"""``boothapp --self-test``: every check passes on this checkout, each is listed, and a
broken piece makes it fail naming that piece."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from boothapp.__main__ import main
from boothapp.gui import self_test
from boothapp.gui.self_test import CHECKS, Check, Rig, SelfTestFailure, run_self_test

# The multimedia check loads Qt's FFmpeg backend, which says on first load which
# optional system libraries (PipeWire, VA-API, PulseAudio) it did not find; this marker
# replaces the folder's (conftest.MACHINE_NOISE), so the offscreen platform's is repeated.
MACHINE_NOISE = (
    r"^Couldn't (load|resolve) ",
    r"Using Qt multimedia with FFmpeg",
    r"^PulseAudio",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def _source_environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    source = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (source, env.get("PYTHONPATH"))))
    return env


def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "boothapp", "--self-test"],
        env=_source_environment(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("boothapp ") and "self-test" in lines[0]
    for check in CHECKS:
        assert any(line.startswith(f"ok   {check.name} (") for line in lines), (
            check.name,
            done.stdout,
        )
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1].startswith(f"self-test passed: {len(CHECKS)} checks")
    # Nothing was left in the home folder the run was given.
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())


def test_self_test_is_a_documented_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--self-test" in capsys.readouterr().out


def test_self_test_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", "demo"]) == 2
    assert "--self-test takes no command" in capsys.readouterr().err


@pytest.mark.qt_log_ignore(*MACHINE_NOISE)
def test_a_broken_piece_fails_the_self_test_by_name(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken_export(rig: Rig) -> str:
        raise SelfTestFailure("openpyxl cannot read the file back")

    checks = [
        Check(check.name, broken_export) if check.name == "xlsx export" else check
        for check in CHECKS
    ]
    # The resources are looked for where a bundle would have them, and are not there.
    monkeypatch.setattr(self_test, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    out = io.StringIO()

    assert run_self_test(out, checks) == 1

    lines = out.getvalue().splitlines()
    assert "FAIL xlsx export: openpyxl cannot read the file back" in lines
    assert any(
        line.startswith("FAIL icon: ") and "boothapp.svg is missing" in line for line in lines
    )
    assert any(line.startswith("ok   window opened (") for line in lines)
    assert any(line.startswith("ok   lead saved and found (") for line in lines)
    assert lines[-1].startswith("self-test FAILED: ")
    for name in ("xlsx export", "icon", "sounds", "fonts", "translations"):
        assert name in lines[-1]


def test_an_unexpected_error_is_a_named_failure(qapp: object) -> None:
    def crashing(rig: Rig) -> str:
        raise KeyError("zxing")

    out = io.StringIO()
    assert run_self_test(out, [Check("QR code", crashing)]) == 1
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("FAIL QR code: KeyError: 'zxing'")
    assert lines[-1].startswith("self-test FAILED: 1 of 1 checks (QR code)")

"""Tens of thousands of Qt events must not kill the interpreter.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every event and aborts
("Fatal Python error: none_dealloc") after a few thousand: this guards the pin in
pyproject.toml. The window runs in a child process so that an abort fails this test
with its message, and the leak is caught even before it kills the process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAIRS = 30_000
SCRIPT = Path(__file__).with_name("soak_window.py")


def test_thirty_thousand_key_presses_and_repaints(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(SCRIPT), str(tmp_path), str(PAIRS)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )

    assert result.returncode == 0, (
        f"the window process died (exit code {result.returncode}):\n{result.stderr[-3000:]}"
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["pairs"] >= PAIRS
    assert report["repaints"] >= PAIRS // 250
    assert report["text"] == "Zoé"
    assert report["matches"] == 1
    assert report["none_refcount_drop"] < 1000, "Qt events are leaking references to None"

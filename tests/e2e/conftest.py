"""A real X server (Xvfb) for end-to-end tests that drive the installed app in a window."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import NEEDED, SCREEN, RunningApp


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"end-to-end tests need {', '.join(missing)}: "
            "run scripts/install-system-packages.sh --with-test-tools"
        )
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def app(x_display: str, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(x_display, tmp_path / "e2e.sqlite3", tmp_path / "home")
    yield running
    if running.process is not None:
        if running.process.poll() is None:
            running.process.kill()
        running.process.communicate()

"""A real X server (Xvfb) for end-to-end tests that drive the installed app in a window."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import NEEDED, SCREEN, RunningApp, wait_for


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"end-to-end tests need {', '.join(missing)}: "
            "run scripts/install-system-packages.sh --with-test-tools"
        )
    number = 100 + os.getpid() % 400
    while Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
        stderr=subprocess.DEVNULL,
    )
    display = f":{number}"

    def accepts_clients() -> bool:
        probe = subprocess.run(
            ["xdotool", "getdisplaygeometry"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            check=False,
        )
        return probe.returncode == 0

    wait_for(
        lambda: server.poll() is None and accepts_clients(),
        15,
        f"Xvfb to accept clients on {display}",
    )
    try:
        yield display
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

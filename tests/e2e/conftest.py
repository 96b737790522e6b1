"""A real X server (Xvfb) for end-to-end tests that drive the installed app in a window."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import HIDPI_SCREEN, NEEDED, SCREEN, RunningApp, wait_for


def _x_server(screen: str) -> Iterator[str]:
    """A running Xvfb with one screen of ``screen`` (WIDTHxHEIGHTxDEPTH); its display."""
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
        ["Xvfb", f":{number}", "-screen", "0", screen, "-nolisten", "tcp", "-noreset"],
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


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """A laptop screen, 1366x768."""
    yield from _x_server(SCREEN)


@pytest.fixture(scope="session")
def hidpi_display() -> Iterator[str]:
    """A high-density screen twice the laptop's size in pixels (2732x1536)."""
    yield from _x_server(HIDPI_SCREEN)


def _running_app(display: str, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(display, tmp_path / "e2e.sqlite3", tmp_path / "home")
    yield running
    if running.process is not None:
        if running.process.poll() is None:
            running.process.kill()
        running.process.communicate()


@pytest.fixture
def hidpi_app(hidpi_display: str, tmp_path: Path) -> Iterator[RunningApp]:
    """boothapp on the high-density screen, with Qt told to draw at twice the size."""
    for running in _running_app(hidpi_display, tmp_path):
        running.env["QT_SCALE_FACTOR"] = "2"
        yield running


@pytest.fixture
def app(x_display: str, tmp_path: Path) -> Iterator[RunningApp]:
    yield from _running_app(x_display, tmp_path)

"""A real X server (Xvfb) for end-to-end tests that drive the installed app in a window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from xserver import (
    DESKTOP_NEEDED,
    HIDPI_SCREEN,
    NEEDED,
    SCREEN,
    RunningApp,
    missing_tools,
    x_server,
)


def _x_server(screen: str, window_manager: bool = False) -> Iterator[str]:
    """A running Xvfb with one screen of ``screen`` (WIDTHxHEIGHTxDEPTH), and openbox on
    it when ``window_manager``; its display."""
    missing = missing_tools(DESKTOP_NEEDED if window_manager else NEEDED)
    if missing:
        pytest.skip(
            f"end-to-end tests need {', '.join(missing)}: "
            "run scripts/install-system-packages.sh --with-test-tools"
        )
    with x_server(screen, window_manager=window_manager) as display:
        yield display


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """A laptop screen, 1366x768."""
    yield from _x_server(SCREEN)


@pytest.fixture(scope="session")
def hidpi_display() -> Iterator[str]:
    """A high-density screen twice the laptop's size in pixels (2732x1536)."""
    yield from _x_server(HIDPI_SCREEN)


@pytest.fixture(scope="session")
def desktop() -> Iterator[str]:
    """A laptop screen with a window manager (openbox), which gives the active window the
    keyboard: needed for keys typed by xdotool to arrive where a person's would."""
    yield from _x_server(SCREEN, window_manager=True)


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

"""Starting a real X server and the app on it, and driving it with xdotool."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "xdotool", "import")
SCREEN = "1366x768x24"
HIDPI_SCREEN = "2732x1536x24"


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``condition`` every 50 ms until it holds; fails naming ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


class RunningApp:
    """boothapp started as a user starts it, in its own process, on the test X server."""

    def __init__(self, display: str, database: Path, home: Path) -> None:
        self.display = display
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "BOOTHAPP_DB": str(database),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def boothapp(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "boothapp", *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=300,
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "boothapp"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    def window_named(self, name: str) -> str:
        """The X window id of the visible window whose title contains ``name``."""
        found: list[str] = []

        def visible() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                _, err = self.process.communicate()
                pytest.fail(f"boothapp exited with {self.process.returncode}: {err.decode()}")
            found[:] = self.xdotool("search", "--onlyvisible", "--name", name).split()
            return bool(found)

        wait_for(visible, 30, f"a window named {name!r}")
        return found[0]

    def screenshot(self, path: Path, window: str | None = None) -> Path:
        subprocess.run(["import", "-window", window or "root", str(path)], env=self.env, check=True)
        return path

    def painted_screenshot(self, path: Path, window: str) -> Path:
        """A screenshot of ``window`` taken once its bottom-right corner is drawn: X shows
        a newly exposed area black until the app paints it."""

        def drawn() -> bool:
            self.screenshot(path, window)
            corner = subprocess.run(
                [
                    "convert",
                    str(path),
                    "-gravity",
                    "SouthEast",
                    "-crop",
                    "1x1+4+4",
                    "+repage",
                    "-format",
                    "%[hex:p{0,0}]",
                    "info:",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            return corner not in ("", "000000", "000000FF")

        wait_for(drawn, 30, "the window to be drawn")
        return path

    def geometry(self, window: str) -> tuple[int, int]:
        """The window's inner width and height in pixels."""
        shell = self.xdotool("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in shell.splitlines() if "=" in line)
        return int(values["WIDTH"]), int(values["HEIGHT"])

    def focus(self, window: str) -> None:
        """Gives ``window`` the keyboard (there is no window manager on Xvfb)."""
        self.xdotool("windowfocus", "--sync", window)

    def wait_exit(self, timeout: float = 30) -> tuple[int, str]:
        """Waits for the app to quit by itself; returns its exit code and stderr."""
        assert self.process is not None
        try:
            _, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            pytest.fail(f"boothapp did not quit within {timeout} s")
        return self.process.returncode, err.decode("utf-8", "replace")

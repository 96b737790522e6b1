"""Starting a real X server (with a window manager when keys are typed) and the app on it,
making a show with the command line, and driving the window with xdotool as a person or
a keyboard-wedge scanner types."""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import pytest

NEEDED = ("Xvfb", "xdotool", "import")
DESKTOP_NEEDED = (*NEEDED, "openbox")
SCREEN = "1366x768x24"
HIDPI_SCREEN = "2732x1536x24"
# The booth window fills the screen without a frame, as on a laptop; dialogs get frames.
OPENBOX_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
  <desktops><number>1</number></desktops>
  <applications>
    <application class="boothapp" type="normal">
      <decor>no</decor><maximized>yes</maximized>
    </application>
  </applications>
</openbox_config>
"""
SHOW = "Eurosatory 2026"
CONSENT = (
    "I agree that Korvent Rugged Systems keeps my name, business contact details and the "
    "notes of our conversation to follow up on my enquiry."
)
SCANNER_KEY_GAP = 0.003
# The capture form's Alt+letters (its labels' mnemonics) that move the cursor or tick.
EMAIL_KEY = "alt+i"
PRODUCTS_KEY = "alt+d"
NOTES_KEY = "alt+n"
CONSENT_KEY = "alt+a"
_NAMED_KEYS = {"\n": "Return", "\t": "Tab", " ": "space", '"': "quotedbl", "\\": "backslash"}


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``condition`` every 50 ms until it holds; fails naming ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def missing_tools(tools: Iterable[str]) -> list[str]:
    return [tool for tool in tools if shutil.which(tool) is None]


def _answers(display: str, *xdotool_args: str) -> bool:
    probe = subprocess.run(
        ["xdotool", *xdotool_args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def _display_number(pipe: int, server: subprocess.Popen[bytes], timeout: float) -> str:
    """The number Xvfb writes on ``pipe`` (its ``-displayfd``) once it listens."""
    deadline = time.monotonic() + timeout
    written = b""
    while not written.endswith(b"\n"):
        ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(pipe, 32) if ready else b""
        if not chunk:
            code = server.poll()
            reason = f"exited with {code}" if code is not None else f"said nothing in {timeout} s"
            pytest.fail(f"Xvfb did not start: it {reason}")
        written += chunk
    return written.decode().strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def x_server(screen: str, *, window_manager: bool = False) -> Iterator[str]:
    """A running Xvfb with one screen of ``screen`` (WIDTHxHEIGHTxDEPTH) on a free display
    number, with openbox managing its windows when ``window_manager``; yields the display.

    Without a window manager, keyboard focus and keys typed by xdotool are unreliable."""
    with tempfile.TemporaryDirectory(prefix="boothapp-x-") as folder:
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen]
            + ["-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        started = [server]
        try:
            display = f":{_display_number(read_end, server, 15)}"
            wait_for(
                lambda: server.poll() is None and _answers(display, "getdisplaygeometry"),
                15,
                f"Xvfb to accept clients on {display}",
            )
            if window_manager:
                config = Path(folder) / "openbox.xml"
                config.write_text(OPENBOX_CONFIG, encoding="utf-8")
                manager = subprocess.Popen(
                    ["openbox", "--config-file", str(config)],
                    env={
                        **os.environ,
                        "DISPLAY": display,
                        "HOME": folder,
                        "XDG_CONFIG_HOME": folder,
                        "XDG_CACHE_HOME": folder,
                        "XDG_DATA_HOME": folder,
                    },
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                started.append(manager)
                wait_for(
                    lambda: manager.poll() is None and _answers(display, "get_num_desktops"),
                    15,
                    f"openbox to manage the windows of {display}",
                )
            yield display
        finally:
            os.close(read_end)
            for process in reversed(started):
                _stop(process)


def typing(text: str, gaps: Iterable[float]) -> list[str]:
    """xdotool script lines typing ``text`` one key at a time ("\\n" is Return, "\\t" Tab),
    each key followed by the next of ``gaps`` (seconds)."""
    lines: list[str] = []
    for char, gap in zip(text, gaps, strict=False):
        named = _NAMED_KEYS.get(char)
        lines.append(f"key --delay 0 {named}" if named else f'type --delay 0 "{char}"')
        lines.append(f"sleep {gap:.4f}")
    return lines


def person_gaps(
    dice: random.Random, fastest: float = 0.03, slowest: float = 0.15
) -> Iterator[float]:
    """Pauses after each key of a person typing: ``fastest`` to ``slowest`` seconds."""
    while True:
        yield dice.uniform(fastest, slowest)


def keys(*names: str, gap: float = 0.05) -> list[str]:
    """xdotool script lines pressing each of ``names`` ("Tab", "alt+2", "ctrl+s") in turn."""
    lines: list[str] = []
    for name in names:
        lines += [f"key --delay 0 {name}", f"sleep {gap:.4f}"]
    return lines


class Window(NamedTuple):
    id: str
    x: int
    y: int
    width: int
    height: int


class RunningApp:
    """boothapp started as a user starts it, in its own process, on the test X server."""

    def __init__(
        self,
        display: str,
        database: Path,
        home: Path,
        station: str | None = None,
        language: str = "en",
    ) -> None:
        self.display = display
        self.database = database
        # How the app is started: `python -m boothapp`, or its installed `boothapp` script.
        self.program = [sys.executable, "-m", "boothapp"]
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "BOOTHAPP_DB": str(database),
            # The window's language (en or fr), whatever the test machine's locale.
            "BOOTHAPP_LANGUAGE": language,
        }
        if station is not None:
            self.env["BOOTHAPP_STATION"] = station
        self.process: subprocess.Popen[bytes] | None = None
        self.log: Path | None = None
        self.main_window: str | None = None

    def boothapp(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.program, *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=300,
        )

    def command(self, *args: str) -> str:
        """Runs a boothapp command that must succeed; its output."""
        done = self.boothapp(*args)
        if done.returncode != 0:
            pytest.fail(f"`boothapp {' '.join(args)}` failed: {done.stderr.strip()}")
        return done.stdout

    def leads(self) -> list[dict[str, Any]]:
        """The active show's leads as `boothapp leads --json` lists them."""
        leads: list[dict[str, Any]] = json.loads(self.command("leads", "--json"))
        return leads

    def start(self, log: Path | None = None) -> None:
        """Starts the window; its output goes to ``log`` if given (a long run would fill
        a pipe nobody reads), else to pipes read when it quits."""
        command = self.program
        self.log = log
        if log is None:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            return
        with log.open("wb") as output:
            self.process = subprocess.Popen(command, env=self.env, stdout=output, stderr=output)

    def check_running(self) -> None:
        """Fails with the app's error output if it has quit."""
        assert self.process is not None
        if self.process.poll() is not None:
            _, err = self.process.communicate()
            pytest.fail(f"boothapp exited with {self.process.returncode}: {self._said(err)}")

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    def play(self, script: list[str]) -> None:
        """Runs xdotool ``script`` lines in one xdotool process, so the pauses between keys
        are as written. Keys go to the focused window, as a keyboard's do."""
        if not script:
            return
        subprocess.run(
            ["xdotool", "-"],
            input="\n".join(script) + "\n",
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )

    def press(self, *names: str, gap: float = 0.05) -> None:
        self.play(keys(*names, gap=gap))

    def person_types(self, text: str, gaps: Iterable[float]) -> None:
        self.play(typing(text, gaps))

    def scanner_types(self, payload: str, gap: float = SCANNER_KEY_GAP) -> None:
        """A USB keyboard-wedge scanner: the payload's lines a few ms a key, then Return."""
        self.play(typing(payload + "\n", [gap] * (len(payload) + 1)))

    def window_named(self, name: str) -> str:
        """The X window id of the visible window whose title contains ``name``."""
        found: list[str] = []

        def visible() -> bool:
            self.check_running()
            found[:] = self.xdotool("search", "--onlyvisible", "--name", name).split()
            return bool(found)

        wait_for(visible, 30, f"a window named {name!r}")
        return found[0]

    def windows(self) -> list[Window]:
        """The app's windows on screen: the main window, dialogs, open menus, pop-ups."""
        assert self.process is not None
        shown: list[Window] = []
        for window in self.xdotool(
            "search", "--onlyvisible", "--pid", str(self.process.pid)
        ).split():
            shell = self.xdotool("getwindowgeometry", "--shell", window)
            values = dict(line.split("=", 1) for line in shell.splitlines() if "=" in line)
            if not {"X", "Y", "WIDTH", "HEIGHT"} <= values.keys():
                continue
            shown.append(
                Window(
                    window,
                    int(values["X"]),
                    int(values["Y"]),
                    int(values["WIDTH"]),
                    int(values["HEIGHT"]),
                )
            )
        return shown

    def active_window(self) -> str:
        """The window with the keyboard (the window manager's active window)."""
        return self.xdotool("getactivewindow")

    def open_window(self, name: str, screenshot: Path, log: Path | None = None) -> str:
        """Starts the app and waits until its window, titled with ``name``, is on screen,
        has the keyboard and is drawn (saved to ``screenshot``); the window's id."""
        self.start(log)
        window = self.window_named(name)
        wait_for(lambda: self.active_window() == window, 15, f"the window {name!r} to be active")
        self.painted_screenshot(screenshot, window)
        self.main_window = window
        return window

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
        return self.process.returncode, self._said(err)

    def _said(self, err: bytes | None) -> str:
        """What the app wrote on its error output (or in its log)."""
        said = self.log.read_bytes() if self.log is not None else err or b""
        return said.decode("utf-8", "replace")


def make_show(app: RunningApp, products: Iterable[tuple[str, str, str]]) -> None:
    """Makes the show ``SHOW``, held today, with a consent text, Claire Martin at the
    laptop and ``products`` (SKU, name, category), with the command line, as a manager
    sets up a booth laptop."""
    today = date.today().isoformat()
    app.command(
        "event", "add", SHOW, "--country", "FR", "--start", today, "--end", today,
        "--consent-text", CONSENT, "--consent-version", "2026-06",
    )  # fmt: skip
    app.command(
        "staff", "add", "Claire Martin", "--email", "claire@korvent.example", "--event", SHOW
    )
    app.command("staff", "use", "Claire Martin")
    for sku, name, category in products:
        app.command("product", "add", sku, name, "--category", category, "--event", SHOW)

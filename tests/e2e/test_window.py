"""The real app in a real window: started from the command line, driven with xdotool."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from xserver import RunningApp, wait_for

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _image_size(path: Path) -> tuple[int, int]:
    output = subprocess.run(
        ["identify", "-format", "%w %h", str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(output[0]), int(output[1])


def test_demo_show_opens_searches_and_quits_cleanly(app: RunningApp, tmp_path: Path) -> None:
    created = app.boothapp("demo", "--leads", "300")
    assert created.returncode == 0, created.stderr

    app.start()
    window = app.window_named("Milipol Paris 2023")
    app.xdotool("windowmove", "--sync", window, "0", "0")
    app.xdotool("windowsize", "--sync", window, "1366", "768")
    app.focus(window)
    wait_for(lambda: app.geometry(window) == (1366, 768), 10, "the window to take 1366x768")
    shot = app.painted_screenshot(tmp_path / "window.png", window)
    assert _image_size(shot) == (1366, 768)
    if os.environ.get("BOOTHAPP_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        shutil.copy(shot, DOCS / "main-window.png")
    app.xdotool("key", "--window", window, "ctrl+f")
    app.xdotool("type", "--window", window, "--delay", "90", "lefevre müller")
    app.xdotool("key", "--window", window, "ctrl+a", "BackSpace", "Down", "Down", "Up")

    app.xdotool("key", "--window", window, "ctrl+q")
    code, err = app.wait_exit()
    assert code == 0, err

    listed = app.boothapp("leads", "--json")
    assert listed.returncode == 0 and listed.stdout.count('"id"') == 300


def test_an_unusable_database_is_explained_not_crashed(app: RunningApp) -> None:
    assert app.env["BOOTHAPP_DB"]
    Path(app.env["BOOTHAPP_DB"]).write_bytes(b"this is a spreadsheet, not a database")
    app.start()
    dialog = app.window_named("cannot start")
    app.focus(dialog)
    app.xdotool("key", "--window", dialog, "Return")
    code, _ = app.wait_exit()
    assert code == 1
    assert Path(app.env["BOOTHAPP_DB"]).read_bytes() == b"this is a spreadsheet, not a database"


def test_a_high_density_screen_shows_the_same_window_twice_as_sharp(
    hidpi_app: RunningApp, tmp_path: Path
) -> None:
    created = hidpi_app.boothapp("demo", "--leads", "300")
    assert created.returncode == 0, created.stderr

    hidpi_app.start()
    window = hidpi_app.window_named("Milipol Paris 2023")
    hidpi_app.xdotool("windowmove", "--sync", window, "0", "0")
    hidpi_app.xdotool("windowsize", "--sync", window, "2732", "1536")
    hidpi_app.focus(window)
    wait_for(
        lambda: hidpi_app.geometry(window) == (2732, 1536), 10, "the window to fill the screen"
    )
    shot = hidpi_app.painted_screenshot(tmp_path / "hidpi.png", window)
    assert _image_size(shot) == (2732, 1536)
    if os.environ.get("BOOTHAPP_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, DOCS / "main-window-hidpi.png")

    hidpi_app.xdotool("key", "--window", window, "ctrl+q")
    code, err = hidpi_app.wait_exit()
    assert code == 0, err

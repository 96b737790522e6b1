"""A show day in the real window: keys typed by xdotool under openbox, as a person types
them (30-150 ms a key, or 10-40 ms for a fast typist) or as a USB keyboard-wedge scanner
does (3 ms a key, then Return). The show, its staff and products are made with the
command line; what was stored is read back with `boothapp leads --json`.

Each step's screenshot is saved under the test's ``tmp_path``, in ``artefacts/``; the
paths are printed (shown with ``-s``, or when a test fails)."""

from __future__ import annotations

import itertools
import os
import random
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from xserver import (
    CONSENT_KEY,
    NOTES_KEY,
    PRODUCTS_KEY,
    SHOW,
    RunningApp,
    keys,
    make_show,
    person_gaps,
    typing,
    wait_for,
)

pytestmark = pytest.mark.e2e

STATION = "booth-1"
PRODUCTS = (
    ("KRS-TC-3015", "TC 3015 Compact Transit Case", "transit_case"),
    ("KRS-RK-42UC", "RK 42U Deployable Cabinet", "rack"),
    ("KRS-AC-FPNP", "Pick-and-Pluck Foam Set", "accessory"),
)
PAUL_VCARD = "\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Roux;Paul;;;",
        "FN:Paul Roux",
        "ORG:Arquus",
        "TITLE:Fleet engineer",
        "EMAIL:paul.roux@arquus.example",
        "END:VCARD",
    ]
)
ANNA_BADGE = "MECARD:N:Weber,Anna;ORG:Hensoldt;EMAIL:anna.weber@hensoldt.example;;"
PAUL_NOTE = "Wants a quote for 40 cases by March"
LEADS_TIMEOUT = 20.0
# How long a shortcut gets to show its dialog or menu before it counts as ignored.
SHORTCUT_TIMEOUT = 5.0


class Shots:
    """Screenshots of the whole screen, numbered in the order the steps were taken."""

    def __init__(self, display: str, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.display = display
        self.folder = folder
        self.taken = 0
        print(f"screenshots: {folder}")

    def path(self, step: str) -> Path:
        self.taken += 1
        return self.folder / f"{self.taken:02d}-{step}.png"

    def take(self, step: str) -> Path:
        path = self.path(step)
        subprocess.run(
            ["import", "-window", "root", str(path)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
        )
        print(f"  {path.name}")
        return path


@pytest.fixture(scope="session")
def show_file(desktop: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the show (with a consent text), Claire at the laptop and three
    products, made once with the command line; each test starts from a copy."""
    folder = tmp_path_factory.mktemp("show")
    maker = RunningApp(desktop, folder / "show.sqlite3", folder / "home", station=STATION)
    make_show(maker, PRODUCTS)
    return maker.database


@pytest.fixture
def shots(desktop: str, tmp_path: Path) -> Shots:
    return Shots(desktop, tmp_path / "artefacts")


@pytest.fixture
def booth(desktop: str, show_file: Path, shots: Shots, tmp_path: Path) -> Iterator[RunningApp]:
    """The booth window on a copy of the show, on screen with the keyboard, the cursor in
    the first name."""
    app = RunningApp(desktop, tmp_path / "booth.sqlite3", tmp_path / "home", station=STATION)
    with (
        closing(sqlite3.connect(show_file)) as source,
        closing(sqlite3.connect(app.database)) as copy,
    ):
        source.backup(copy)
    log = tmp_path / "boothapp.log"
    app.open_window(SHOW, shots.path("window-open"), log=log)
    try:
        yield app
    finally:
        assert app.process is not None
        if app.process.poll() is None:
            app.process.kill()
        app.process.communicate()
        said = log.read_text(encoding="utf-8", errors="replace").strip()
        if said:
            print(f"boothapp's output ({log}):\n{said}")


@pytest.fixture
def dice() -> random.Random:
    return random.Random(7)


def describe(leads: list[dict[str, Any]]) -> str:
    if not leads:
        return "no lead"
    return "; ".join(
        f"{lead['first_name']!r} {lead['last_name']!r} (rating {lead['rating']}, "
        f"consent {lead['consent']['given']}, notes {[n['text'] for n in lead['notes']]})"
        for lead in leads
    )


def poll_leads(
    app: RunningApp, condition: Callable[[list[dict[str, Any]]], bool], timeout: float
) -> tuple[bool, list[dict[str, Any]]]:
    """Reads the show's leads until ``condition`` holds or ``timeout`` passes; whether it
    held, and the leads last read."""
    deadline = time.monotonic() + timeout
    while True:
        app.check_running()
        leads = app.leads()
        if condition(leads):
            return True, leads
        if time.monotonic() > deadline:
            return False, leads
        time.sleep(0.1)


def wait_for_leads(
    app: RunningApp,
    condition: Callable[[list[dict[str, Any]]], bool],
    what: str,
    timeout: float = LEADS_TIMEOUT,
) -> list[dict[str, Any]]:
    held, leads = poll_leads(app, condition, timeout)
    if not held:
        pytest.fail(
            f"timed out after {timeout:.0f} s waiting for {what}; stored: {describe(leads)}"
        )
    return leads


def within(timeout: float, condition: Callable[[], bool]) -> bool:
    """Whether ``condition`` comes to hold within ``timeout`` seconds (polled)."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def named(leads: list[dict[str, Any]], first: str, last: str) -> dict[str, Any] | None:
    for lead in leads:
        if (lead["first_name"], lead["last_name"]) == (first, last):
            return lead
    return None


def test_edits_to_a_scanned_visitor_are_saved_when_the_next_badge_is_scanned(
    booth: RunningApp, shots: Shots, dice: random.Random
) -> None:
    """Scan, rate and note a visitor, then scan the next one without Ctrl+S: the first
    lead keeps its rating and note, and the second opens in the form (a rating given now
    goes to it)."""
    booth.scanner_types(PAUL_VCARD)
    wait_for_leads(booth, lambda leads: named(leads, "Paul", "Roux") is not None, "Paul's scan")
    shots.take("paul-scanned")
    booth.press("alt+2", NOTES_KEY)
    booth.person_types(PAUL_NOTE, person_gaps(dice))
    shots.take("paul-warm-with-note")

    booth.scanner_types(ANNA_BADGE)
    wait_for_leads(booth, lambda leads: named(leads, "Anna", "Weber") is not None, "Anna's scan")
    shots.take("anna-scanned")
    booth.press("alt+3", "ctrl+s")

    def summary(leads: list[dict[str, Any]]) -> dict[str, tuple[str | None, list[str]]]:
        return {
            f"{lead['first_name']} {lead['last_name']}": (
                lead["rating"],
                [note["text"] for note in lead["notes"]],
            )
            for lead in leads
        }

    expected = {"Paul Roux": ("warm", [PAUL_NOTE]), "Anna Weber": ("cold", [])}
    _, leads = poll_leads(booth, lambda leads: summary(leads) == expected, 10)
    shots.take("anna-rated-cold-and-saved")
    assert summary(leads) == expected


def short_gap_after_tab(gap: float) -> Callable[[random.Random], Iterator[float]]:
    """A person's pace (60 to 150 ms a key) with ``gap`` between the Tab after "Anne"
    and the "B" of "Bernard", the moment the scanner detection used to misroute."""

    def gaps(dice: random.Random) -> Iterator[float]:
        person = person_gaps(dice, 0.06, 0.15)
        yield from itertools.islice(person, len("Anne"))
        yield gap
        yield from person

    return gaps


@pytest.mark.parametrize(
    "gaps",
    [
        pytest.param(short_gap_after_tab(0.010), id="10ms-after-tab"),
        pytest.param(short_gap_after_tab(0.025), id="25ms-after-tab"),
        pytest.param(short_gap_after_tab(0.042), id="42ms-after-tab"),
    ],
)
def test_a_fast_typist_tabbing_keeps_each_name_in_its_field(
    booth: RunningApp,
    shots: Shots,
    dice: random.Random,
    gaps: Callable[[random.Random], Iterator[float]],
) -> None:
    """The next field's first key 10 to 42 ms after Tab, as a fast typist presses it:
    before, it landed at the end of the previous field ("AnneB" / "ernard")."""
    booth.play(typing("Anne\tBernard", gaps(dice)))
    shots.take("typed")
    booth.press("ctrl+s")
    leads = wait_for_leads(booth, lambda leads: len(leads) == 1, "the visitor to be saved")
    shots.take("saved")
    names = (leads[0]["first_name"], leads[0]["last_name"])
    assert names == ("Anne", "Bernard"), describe(leads)


@dataclass(frozen=True)
class Field:
    """How the cursor gets to a field from the first name, where the window starts.

    ``first_name`` is typed before (a lead needs a name); ``typed`` is typed in the field,
    its first part before the shortcuts and the rest after; ``then`` are keys pressed
    after it; ``stored`` is what the saved lead must then hold (None: nothing is saved)."""

    reach: tuple[str, ...]
    typed: tuple[str, str] = ("Zo", "e")
    first_name: str = ""
    then: tuple[str, ...] = ()
    stored: dict[str, Any] | None = None


FIELDS = {
    "first name": Field((), stored={"first_name": "Zoe", "last_name": ""}),
    "last name": Field(("Tab",), stored={"first_name": "", "last_name": "Zoe"}),
    "product filter": Field(
        (PRODUCTS_KEY,),
        typed=("fo", "am"),
        first_name="Zed",
        then=("Return",),
        stored={"first_name": "Zed", "products": ["KRS-AC-FPNP"]},
    ),
    "notes": Field((NOTES_KEY,), first_name="Zed", stored={"first_name": "Zed", "notes": ["Zoe"]}),
    "search box": Field(("ctrl+f",)),
}


def stored_as(lead: dict[str, Any], wanted: dict[str, Any]) -> dict[str, Any]:
    """The lead's values of the keys in ``wanted`` (notes as their texts)."""
    return {
        key: [note["text"] for note in lead["notes"]] if key == "notes" else lead[key]
        for key in wanted
    }


def export_dialog(app: RunningApp) -> bool:
    return bool(app.xdotool("search", "--onlyvisible", "--name", "^Export leads"))


def file_menu(app: RunningApp) -> bool:
    """Whether a drop-down hangs under the first title of the menu bar, File."""
    return any(
        window.id != app.main_window and window.x < 30 and window.y < 60 and window.height > 40
        for window in app.windows()
    )


def menu_bar_pixels(app: RunningApp) -> bytes:
    """The pixels of the menu bar's titles (File, Edit, View, Help)."""
    return subprocess.run(
        ["import", "-window", "root", "-crop", "200x20+0+0", "-depth", "8", "rgb:-"],
        env=app.env,
        capture_output=True,
        check=True,
    ).stdout


@pytest.mark.parametrize("name", list(FIELDS))
def test_window_shortcuts_work_from_every_field(
    booth: RunningApp, shots: Shots, dice: random.Random, name: str
) -> None:
    """Ctrl+E opens the export dialog and Alt+F the File menu wherever the cursor is
    (a line edit must not keep Ctrl+E, nor a label's mnemonic take Alt+F); Escape closes
    each, and typing goes on in the same field."""
    field = FIELDS[name]
    step = name.replace(" ", "-")
    booth.person_types(field.first_name, person_gaps(dice))
    booth.press(*field.reach)
    booth.person_types(field.typed[0], person_gaps(dice))
    shots.take(f"in-{step}")
    problems: list[str] = []

    booth.press("ctrl+e")
    if within(SHORTCUT_TIMEOUT, lambda: export_dialog(booth)):
        shots.take(f"{step}-ctrl-e-export-dialog")
        booth.press("Escape")
        wait_for(
            lambda: not export_dialog(booth) and booth.active_window() == booth.main_window,
            10,
            "Escape to close the export dialog",
        )
    else:
        shots.take(f"{step}-ctrl-e-ignored")
        problems.append(f"Ctrl+E in the {name} did not open the export dialog")

    resting_menu_bar = menu_bar_pixels(booth)
    booth.press("alt+f")
    if within(SHORTCUT_TIMEOUT, lambda: file_menu(booth)):
        shots.take(f"{step}-alt-f-file-menu")
        # Escape closes the menu and leaves File highlighted in the menu bar (Qt does as
        # Windows does); a second Escape gives the keyboard back to the field.
        booth.press("Escape")
        wait_for(lambda: not file_menu(booth), 10, "Escape to close the File menu")
        booth.press("Escape")
        wait_for(
            lambda: menu_bar_pixels(booth) == resting_menu_bar,
            10,
            "a second Escape to leave the menu bar",
        )
    else:
        shots.take(f"{step}-alt-f-no-menu")
        problems.append(f"Alt+F in the {name} did not open the File menu")

    booth.person_types(field.typed[1], person_gaps(dice))
    booth.press(*field.then)
    if field.stored is not None:
        wanted = field.stored
        booth.press("ctrl+s")
        saved, leads = poll_leads(booth, lambda leads: len(leads) == 1, LEADS_TIMEOUT)
        if not saved or stored_as(leads[0], wanted) != wanted:
            problems.append(
                f"typing {field.typed[0]!r}, the shortcuts, {field.typed[1]!r} in the {name} "
                f"then saving should store {wanted}; stored: {describe(leads)}"
            )
    shots.take(f"{step}-done")
    assert not problems, "\n".join(problems)


def test_consent_ticked_just_before_saving_is_stored_and_not_carried_over(
    booth: RunningApp, shots: Shots, dice: random.Random
) -> None:
    """Alt+A then Ctrl+S 20 ms later saves the visitor with consent; the next visitor,
    saved without Alt+A, has none."""
    booth.person_types("Claire", person_gaps(dice))
    booth.play(keys(CONSENT_KEY, "ctrl+s", gap=0.020))
    wait_for_leads(booth, lambda leads: len(leads) == 1, "the first visitor to be saved")
    shots.take("first-visitor-saved")

    booth.person_types("Marc", person_gaps(dice))
    shots.take("second-visitor-typed")
    booth.press("ctrl+s")
    leads = wait_for_leads(booth, lambda leads: len(leads) == 2, "the second visitor to be saved")
    shots.take("second-visitor-saved")
    consent = {lead["first_name"]: lead["consent"]["given"] for lead in leads}
    assert consent == {"Claire": True, "Marc": False}


def test_a_badge_then_the_capture_sheet_qualify_a_lead_without_a_key(
    booth: RunningApp, shots: Shots
) -> None:
    """The scanner reads Paul's badge, then codes of the printed capture sheet, as their
    text reads: a product, hot, send quote, save. Each arrives as a USB scanner types it
    (3 ms a key and Return, a person aiming at the next code 0.3 s later), wherever the
    cursor is; no key is typed by a person."""
    from boothapp.core.sheet_codes import show_tag

    sheet = f"BTHP1/{show_tag(SHOW, '')}"
    booth.scanner_types(PAUL_VCARD)
    wait_for_leads(booth, lambda leads: named(leads, "Paul", "Roux") is not None, "Paul's scan")
    for action in ("product/KRS-TC-3015", "rating/hot", "follow_up/send_quote"):
        booth.scanner_types(f"{sheet}/{action}")
        time.sleep(0.3)
    shots.take("paul-qualified-by-the-sheet")
    booth.scanner_types(f"{sheet}/save")

    def qualified(leads: list[dict[str, Any]]) -> bool:
        paul = named(leads, "Paul", "Roux")
        return paul is not None and (
            paul["products"],
            paul["rating"],
            paul["follow_ups"],
        ) == (["KRS-TC-3015"], "hot", ["send_quote"])

    leads = wait_for_leads(booth, qualified, "Paul's lead qualified by the sheet")
    shots.take("paul-saved-by-the-sheet")
    assert len(leads) == 1

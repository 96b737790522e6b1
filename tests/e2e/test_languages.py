"""The booth in English and in French, end to end: the installed ``boothapp`` script
started as a person starts it (``BOOTHAPP_LANGUAGE`` chooses the window's language) on
a fresh database under Xvfb with openbox.

The show is made with the command line (the window then opens on it instead of the
welcome screen). A person types a visitor whose names have accents at 30-60 ms a key
and saves with Ctrl+S; a USB keyboard-wedge scanner types a badge (``xdotool type
--delay 3``, then Return) while the cursor is in the form; the window's search finds
them; the export dialog (Ctrl+E, Return) writes the workbook, read back with openpyxl.
Only keys that are the same in both languages are pressed (Tab, Ctrl+letters, Alt+1,
Return, Escape): the Alt+letter mnemonics change with the translation.

The X keyboard gets keys for the accented letters typed (as a French or German keyboard
has them): without, xdotool binds a spare key for each such letter for the time of one
key press, and Qt, which reads the new keyboard map when it gets round to it, often
finds the key already unbound and drops the letter ("Zo", "Mller"), in any Qt window.

In French the export dialog's title must be French: the translation of "Export leads"
(context ExportDialog) in ``resources/translations/boothapp_fr.ts`` ("Exporter les
prospects"), or ``EXPECTED_FRENCH_EXPORT_TITLE`` if that file has none; the window reads
the compiled ``boothapp_fr.qm``, so a stale one fails here too. The French run also exports with the
Excel (français) preset through the command line.

A screenshot of each step goes in ``$BOOTHAPP_E2E_ARTEFACTS/languages-<lang>/`` when that
variable is set, else in the test's ``tmp_path/artefacts``; the folder and the time of
each step are printed (``-s`` shows them)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from test_show_floor import Shots, named, wait_for_leads
from xserver import SHOW, RunningApp, make_show, missing_tools, person_gaps, wait_for

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations" / "boothapp_fr.ts"
STATION = "booth-1"
PRODUCTS = (("KRS-TC-3015", "TC 3015 Compact Transit Case", "transit_case"),)
VISITOR = ("Zoé", "Lefèvre", "Müller GmbH")
BADGE = "MECARD:N:Weber,Anna;ORG:Hensoldt;EMAIL:anna.weber@hensoldt.example;;"
SEARCHED = "Lefèvre"
SCANNER_DELAY_MS = 3
ENGLISH_EXPORT_TITLE = "Export leads"
EXPECTED_FRENCH_EXPORT_TITLE = "Exporter les prospects"
"""The French title expected should boothapp_fr.ts lose its translation of "Export leads"
(its translation of 7 December 2026)."""
DIALOG_TIMEOUT = 15.0
# The right of the lead list on the 1366x768 screen, from under the search box to above
# the status bar, where its filters, its header and each lead's company, e-mail and staff
# member are drawn, clear of the capture form whatever the splitter's place.
LIST_LEFT, LIST_TOP = 1000, 112
LIST_STRIP = (340, 610)
TEXT_CONTRAST = 90
# Function keys F13-F24, which a laptop's keyboard lacks, take the accented letters.
SPARE_KEYS = tuple(f"FK{number}" for number in range(13, 25))


def keysym(char: str) -> str:
    """The X keysym of ``char``, in hex: Latin-1 keeps its code, the rest are Unicode's."""
    code = ord(char)
    return hex(code if code <= 0xFF else 0x01000000 + code)


@contextmanager
def keys_for(display: str, text: str) -> Iterator[None]:
    """A keyboard with a key for each letter of ``text`` beyond ASCII, on spare keys of
    the running layout; the keyboard as it was afterwards."""
    letters = sorted({char for char in text if ord(char) > 0x7F})
    missing = missing_tools(("setxkbmap", "xkbcomp"))
    if missing:
        pytest.skip(f"typing accented letters needs {', '.join(missing)}")
    assert len(letters) <= len(SPARE_KEYS), f"more letters than spare keys: {letters}"
    env = {**os.environ, "DISPLAY": display}
    with tempfile.TemporaryDirectory(prefix="boothapp-xkb-") as folder:
        before = Path(folder) / "before.xkb"
        subprocess.run(["xkbcomp", "-w", "0", display, str(before)], env=env, check=True)
        symbols = Path(folder) / "symbols"
        symbols.mkdir()
        keys = "".join(
            f"    key <{key}> {{ [ {keysym(char)} ] }};\n"
            for key, char in zip(SPARE_KEYS, letters, strict=False)
        )
        (symbols / "booth").write_text(
            f'partial alphanumeric_keys\nxkb_symbols "letters" {{\n{keys}}};\n',
            encoding="utf-8",
        )
        layout = subprocess.run(
            ["setxkbmap", "-print"], env=env, capture_output=True, text=True, check=True
        ).stdout
        with_letters = layout.replace('+inet(evdev)"', '+inet(evdev)+booth(letters)"')
        assert with_letters != layout, f"unexpected keyboard layout:\n{layout}"
        subprocess.run(
            ["xkbcomp", "-w", "0", f"-I{folder}", "-", display],
            input=with_letters,
            text=True,
            env=env,
            check=True,
        )
        try:
            yield
        finally:
            subprocess.run(["xkbcomp", "-w", "0", str(before), display], env=env, check=True)


def installed_boothapp() -> Path:
    """The ``boothapp`` script pip installed next to this Python (``.venv/bin``)."""
    script = Path(sys.executable).parent / ("boothapp.exe" if os.name == "nt" else "boothapp")
    if not script.is_file():
        pytest.fail(f"no installed boothapp script at {script}: pip install -e . first")
    return script


def french_translation(source: str, context: str) -> str | None:
    """The finished French translation of ``source`` in ``context`` in boothapp_fr.ts
    (None while it is missing, unfinished or empty)."""
    if not TRANSLATIONS.is_file():
        return None
    root = ElementTree.parse(TRANSLATIONS).getroot()
    for found_context in root.iter("context"):
        if found_context.findtext("name") != context:
            continue
        for message in found_context.iter("message"):
            translation = message.find("translation")
            if message.findtext("source") != source or translation is None:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                return None
            return (translation.text or "").strip() or None
    return None


def expected_export_title(language: str) -> str:
    if language == "en":
        return ENGLISH_EXPORT_TITLE
    return french_translation(ENGLISH_EXPORT_TITLE, "ExportDialog") or (
        EXPECTED_FRENCH_EXPORT_TITLE
    )


class Steps:
    """The time each step took, printed as a table at the end."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last = self.started
        self.times: list[tuple[str, float]] = []

    def done(self, step: str) -> None:
        now = time.monotonic()
        self.times.append((step, now - self.last))
        self.last = now

    def report(self) -> str:
        lines = [f"  {step:<28} {seconds:6.2f} s" for step, seconds in self.times]
        lines.append(f"  {'total':<28} {time.monotonic() - self.started:6.2f} s")
        return "\n".join(lines)


@pytest.fixture
def shots(desktop: str, tmp_path: Path, request: pytest.FixtureRequest) -> Shots:
    chosen = os.environ.get("BOOTHAPP_E2E_ARTEFACTS")
    language = request.node.callspec.params["language"]
    folder = Path(chosen) / f"languages-{language}" if chosen else tmp_path / "artefacts"
    return Shots(desktop, folder)


@pytest.fixture
def booth(desktop: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[RunningApp]:
    """The installed app in the test's language on a database that does not exist yet."""
    language = request.node.callspec.params["language"]
    app = RunningApp(
        desktop, tmp_path / "booth.sqlite3", tmp_path / "home", station=STATION, language=language
    )
    app.program = [str(installed_boothapp())]
    (tmp_path / "home").mkdir()
    try:
        with keys_for(desktop, "".join(VISITOR) + SEARCHED):
            yield app
    finally:
        if app.process is not None:
            if app.process.poll() is None:
                app.process.kill()
            app.process.communicate()
        if app.log is not None and app.log.is_file():
            said = app.log.read_text(encoding="utf-8", errors="replace").strip()
            if said:
                print(f"boothapp's output ({app.log}):\n{said}")


def new_dialog(app: RunningApp) -> str:
    """The window that takes the keyboard from the main window (a dialog); its id."""
    found: list[str] = []

    def opened() -> bool:
        app.check_running()
        active = app.active_window()
        found[:] = [active] if active and active != app.main_window else []
        return bool(found)

    wait_for(opened, DIALOG_TIMEOUT, "a dialog to open over the main window")
    return found[0]


def text_lines(app: RunningApp) -> tuple[int, bytes]:
    """How many lines of text the lead list's side of the screen shows between the search
    box and the status bar (its filters, its header and one line a lead, whatever their
    layout), and the pixels counted. A line of pixels holds text when one of its pixels
    stands out from its background (grid lines and borders are too faint to count)."""
    width, height = LIST_STRIP
    pixels = subprocess.run(
        ["import", "-window", "root", "-crop", f"{width}x{height}+{LIST_LEFT}+{LIST_TOP}"]
        + ["-colorspace", "Gray", "-depth", "8", "gray:-"],
        env=app.env,
        capture_output=True,
        check=True,
    ).stdout
    lines = 0
    inked_before = False
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        background = max(set(row), key=row.count)
        inked = max(row) - background > TEXT_CONTRAST or background - min(row) > TEXT_CONTRAST
        lines += inked and not inked_before
        inked_before = inked
    return lines, pixels


def settled_lines(app: RunningApp) -> int:
    """``text_lines`` once the list has stopped changing for half a second."""
    seen: list[int] = []

    def settled() -> bool:
        seen.append(text_lines(app)[0])
        return len(seen) >= 5 and len(set(seen[-5:])) == 1

    wait_for(settled, 10, "the lead list to settle")
    return seen[-1]


def leads_sheet(path: Path) -> tuple[list[Any], list[dict[str, Any]]]:
    """The Leads sheet's headers and its rows as {header: value}."""
    workbook = load_workbook(path, read_only=True)
    try:
        rows = list(workbook["Leads"].iter_rows(values_only=True))
    finally:
        workbook.close()
    header = list(rows[0])
    return header, [dict(zip(header, row, strict=True)) for row in rows[1:]]


def readable_workbook(folder: Path) -> Path | None:
    """The one exported workbook in ``folder`` once openpyxl can read it whole."""
    found = sorted(folder.glob(f"{SHOW} leads *.xlsx"))
    if len(found) != 1:
        return None
    try:
        leads_sheet(found[0])
    except Exception:  # noqa: BLE001 - still being written
        return None
    return found[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_visitor_and_a_badge_from_capture_to_excel(
    booth: RunningApp, shots: Shots, tmp_path: Path, language: str
) -> None:
    steps = Steps()
    dice = random.Random(11)
    first, last, company = VISITOR
    home = tmp_path / "home"
    assert not booth.database.exists(), "the test must start on a fresh database"

    make_show(booth, PRODUCTS)
    steps.done("show made with the CLI")
    booth.open_window(SHOW, shots.path("window-open"), log=tmp_path / "boothapp.log")
    steps.done("window open")

    # A person types the visitor at 30-60 ms a key, rates them hot, saves with Ctrl+S.
    booth.person_types(f"{first}\t{last}\t{company}", person_gaps(dice, 0.03, 0.06))
    booth.press("alt+1")
    shots.take("visitor-typed")
    booth.press("ctrl+s")
    leads = wait_for_leads(
        booth, lambda leads: named(leads, first, last) is not None, f"{first} {last} saved"
    )
    shots.take("visitor-saved")
    steps.done("visitor typed and saved")
    zoe = named(leads, first, last)
    assert zoe is not None
    assert (zoe["company"], zoe["rating"], zoe["source"]) == (company, "hot", "manual")

    # The scanner types the badge into the form's field, 3 ms a key, then Return.
    booth.play([f'type --delay {SCANNER_DELAY_MS} "{BADGE}"', "key --delay 0 Return"])
    leads = wait_for_leads(
        booth, lambda leads: named(leads, "Anna", "Weber") is not None, "Anna's badge"
    )
    shots.take("badge-scanned")
    steps.done("badge scanned")
    anna = named(leads, "Anna", "Weber")
    assert anna is not None
    assert (anna["company"], anna["email"], anna["source"]) == (
        "Hensoldt",
        "anna.weber@hensoldt.example",
        "badge",
    )
    assert len(leads) == 2, leads
    assert named(leads, first, last) == zoe, "the scan changed the visitor saved before"

    # The window's search finds each of them: the list loses one row, then shows another.
    both = settled_lines(booth)
    booth.press("ctrl+f")
    booth.person_types(SEARCHED, person_gaps(dice, 0.03, 0.06))
    wait_for(lambda: text_lines(booth)[0] == both - 1, 10, f"the search for {SEARCHED}")
    shots.take("search-lefevre")
    _, zoe_only = text_lines(booth)
    booth.press("ctrl+a", "BackSpace")
    booth.person_types("hensoldt", person_gaps(dice, 0.03, 0.06))

    def another_lead() -> bool:
        lines, pixels = text_lines(booth)
        return lines == both - 1 and pixels != zoe_only

    wait_for(another_lead, 10, "the search for hensoldt to list another lead")
    shots.take("search-hensoldt")
    booth.press("ctrl+a", "BackSpace")
    wait_for(lambda: text_lines(booth)[0] == both, 10, "both leads back in the list")
    steps.done("searched")

    # The export dialog, by keys only: Ctrl+E, then Return on its default button.
    booth.press("ctrl+e")
    dialog = new_dialog(booth)
    title = booth.xdotool("getwindowname", dialog)
    shots.take("export-dialog")
    expected = expected_export_title(language)
    assert title.startswith(expected) and SHOW in title, (
        f"the export dialog is titled {title!r}; expected {expected!r} — {SHOW}"
    )
    if language == "fr":
        assert not title.startswith(ENGLISH_EXPORT_TITLE), f"English title: {title!r}"
    booth.press("Return")
    wait_for(lambda: readable_workbook(home) is not None, 20, "the exported workbook")
    shots.take("exported")
    booth.press("Escape")
    wait_for(lambda: booth.active_window() == booth.main_window, 10, "Escape to close the dialog")
    steps.done("exported from the window")

    workbook = readable_workbook(home)
    assert workbook is not None
    print(f"exported workbook: {workbook}")
    header, rows = leads_sheet(workbook)
    assert header[:5] == ["Captured at", "Staff", "First name", "Last name", "Company"]
    people = {(row["First name"], row["Last name"], row["Company"]) for row in rows}
    assert people == {VISITOR, ("Anna", "Weber", "Hensoldt")}
    assert {row["First name"]: row["Rating"] for row in rows} == {first: "Hot", "Anna": None}

    if language == "fr":
        # The French preset, through the installed command line on the same database.
        french_file = home / "leads-fr.xlsx"
        booth.command("export", "-o", str(french_file), "--preset", "excel-fr")
        header, rows = leads_sheet(french_file)
        assert header[:5] == ["Saisi le", "Saisi par", "Prénom", "Nom", "Société"]
        people = {(row["Prénom"], row["Nom"], row["Société"]) for row in rows}
        assert people == {VISITOR, ("Anna", "Weber", "Hensoldt")}
        by_name = {row["Prénom"]: row for row in rows}
        assert by_name[first]["Évaluation"] == "Chaud"
        assert (by_name[first]["Source"], by_name["Anna"]["Source"]) == ("Saisi", "Scan de badge")
        steps.done("exported with excel-fr (CLI)")

    booth.press("ctrl+q")
    code, said = booth.wait_exit()
    assert code == 0, said
    steps.done("quit")
    print(f"{language}: screenshots in {shots.folder}\n{steps.report()}")

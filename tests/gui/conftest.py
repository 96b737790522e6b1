"""Fixtures of the window tests: isolated settings and environment, a window, a show."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_helpers import Booth, dark_palette, light_palette, make_booth
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import EventInput, ProductInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow
from boothapp.gui.scanning.wedge import WedgeScanner
from boothapp.gui.tasks import SynchronousRunner

# Warnings from the machine rather than from boothapp; every other Qt warning still
# fails a test. Qt's offscreen platform (used by the tests) cannot pass size hints to a
# window manager and says so once per window. QtMultimedia's FFmpeg backend says, the
# first time a camera preview is made in a process, that this machine has no GPU video
# decoding (VA-API) and no GPU drawing (RHI).
MACHINE_NOISE = (
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^Couldn't (load|resolve) va",
    r"No RHI backend\. Using CPU conversion\.$",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(*MACHINE_NOISE))


@pytest.fixture(scope="session", autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings made without a file (the window's default) land in a temporary folder."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads $BOOTHAPP_DB or writes a crash log or database to the real home."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def window_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, services: Services, window_settings: QSettings
) -> Callable[[], MainWindow]:
    """Makes, shows and registers a main window over ``services`` (synchronous tasks),
    once it has filled in what its first screen left out; its scan sounds are counted,
    not played (QtMultimedia warns on a machine with no sound server)."""

    def make() -> MainWindow:
        window = MainWindow(services, runner=SynchronousRunner(), settings=window_settings)
        window.scans.beep = window.scans.buzz = Beeps()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.started)
        return window

    return make


@pytest.fixture
def booth(services: Services) -> Booth:
    """Milipol Paris with Anna Schmidt (at the laptop) and Ben Okafor; five leads
    captured today (three by Anna) and two captured three days ago (by Anna)."""
    return make_booth(services)


@pytest.fixture(params=["dark", "light"])
def colour_mode(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The application in the system's dark mode, then in its light mode."""
    before = QApplication.palette()
    palette = dark_palette() if request.param == "dark" else light_palette()
    QApplication.setPalette(palette)
    try:
        yield palette
    finally:
        QApplication.setPalette(before)


# --- a show ready for badge scans, and a window with a scanner ------------------------


@pytest.fixture
def show(services: Services) -> int:
    event = services.events.create(EventInput(name="Milipol Paris", country="FR"))
    services.events.use(event.id)
    anna = services.staff.create("Anna Schmidt", event_id=event.id)
    services.staff.use(anna.id)
    services.products.create(ProductInput(sku="TC-6040", name="Transit case 60x40"))
    return event.id


@pytest.fixture
def wedge(qapp: QApplication) -> Iterator[WedgeScanner]:
    scanner = WedgeScanner()
    qapp.installEventFilter(scanner)
    yield scanner
    qapp.removeEventFilter(scanner)


class Beeps:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def beeps() -> Beeps:
    return Beeps()


@pytest.fixture
def window(
    qtbot: QtBot,
    services: Services,
    show: int,
    wedge: WedgeScanner,
    window_settings: QSettings,
    beeps: Beeps,
) -> Iterator[MainWindow]:
    made = MainWindow(services, runner=SynchronousRunner(), settings=window_settings, wedge=wedge)
    made.scans.beep = beeps
    made.scans.buzz = beeps
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    qtbot.waitUntil(lambda: made.started)
    yield made
    made.close()

"""``boothapp --self-test``: checks that this copy of boothapp works, whether it runs
from a source checkout, an installed wheel or the frozen bundle, and prints one line per
check::

    ok   resources folder (/opt/boothapp/_internal/boothapp/resources; 1 ms)
    ok   window opened (412 ms)
    FAIL xlsx export: ...

The exit status is 0 when every check passed, 1 otherwise (the last line names the
checks that failed).

It opens the real main window on a new database in a temporary folder, saves leads with
an accented and a CJK name through the services and finds them with the window's search,
exports them to Excel and reads the file back, makes a QR code and decodes it with
zxing-cpp and through the window's badge-picture path, and checks the shipped files
(icon, translations, sounds, fonts) and the Qt plugins (image formats, the multimedia
backend) are there and load.

It never touches the user's database or settings: the database, the window's QSettings,
the station ID and the XDG, HOME and application-data folders all point into the
temporary folder, which is removed at the end. With no display on Linux (no ``DISPLAY``
nor ``WAYLAND_DISPLAY``) and no ``QT_QPA_PLATFORM``, it uses Qt's offscreen platform.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
import traceback
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QSettings,
    QTranslator,
    qVersion,
)

from boothapp import APP_NAME, __version__
from boothapp.resources import resource_path, resources_root

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from boothapp.core.db import Database
    from boothapp.core.services import Services
    from boothapp.gui.main_window import MainWindow
    from boothapp.gui.tasks import TaskRunner

STATION_ID = "self-test"
ACCENTED = ("Zoé", "Lefèvre-Müller")
CJK = ("太郎", "山田")
BADGE = ("Łucja", "Wójcik")
WAIT_SECONDS = 30.0


class SelfTestFailure(Exception):
    """A check found something wrong; the message says what."""


@dataclass(frozen=True)
class Check:
    """One line of the report: ``run`` returns what it found (shown in parentheses) or
    raises (the line says FAIL with the error)."""

    name: str
    run: Callable[[Rig], str]


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    detail: str
    seconds: float

    def line(self) -> str:
        if self.passed:
            took = f"{self.seconds * 1000:.0f} ms"
            return (
                f"ok   {self.name} ({self.detail}; {took})"
                if self.detail
                else (f"ok   {self.name} ({took})")
            )
        return f"FAIL {self.name}: {self.detail}"


class Rig:
    """What the checks share: the temporary folder, the application, and once opened,
    the database, its services and the window."""

    def __init__(self, folder: Path, app: QApplication) -> None:
        self.folder = folder
        self.app = app
        self.database: Database | None = None
        self._services: Services | None = None
        self._window: MainWindow | None = None
        self.runner: TaskRunner | None = None
        self.show_id: int | None = None
        self.settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)

    @property
    def services(self) -> Services:
        if self._services is None:
            raise SelfTestFailure("not run: the database did not open")
        return self._services

    @property
    def window(self) -> MainWindow:
        if self._window is None:
            raise SelfTestFailure("not run: the window did not open")
        return self._window

    def wait_until(self, condition: Callable[[], object], what: str) -> None:
        """Runs the event loop until ``condition()`` is true; fails after
        :data:`WAIT_SECONDS`."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise SelfTestFailure(f"{what}: nothing after {WAIT_SECONDS:.0f} s")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.002)

    def close(self) -> None:
        window, self._window = self._window, None
        if window is not None:
            window.close_anyway()
            window.deleteLater()
            QCoreApplication.processEvents()
        if self.runner is not None:
            self.runner.wait(10_000)
        database, self.database = self.database, None
        if database is not None:
            database.close()


# --- the shipped files ---------------------------------------------------------------------


def _files(folder: str, *patterns: str) -> list[Path]:
    path = resource_path(folder)
    if not path.is_dir():
        raise SelfTestFailure(f"{path} is missing")
    found = sorted(file for pattern in patterns for file in path.glob(pattern))
    if not found:
        raise SelfTestFailure(f"no {' or '.join(patterns)} file in {path}")
    return found


def check_resources(rig: Rig) -> str:
    return str(resources_root())


def check_icon(rig: Rig) -> str:
    from PySide6.QtGui import QIcon

    svg = resource_path("icons", f"{APP_NAME}.svg")
    if not svg.is_file():
        raise SelfTestFailure(f"{svg} is missing")
    icon = QIcon(str(svg))
    pixmap = icon.pixmap(64, 64)
    if pixmap.isNull():
        raise SelfTestFailure(f"{svg.name} does not draw (is Qt's SVG icon engine missing?)")
    pngs = list(svg.parent.rglob("*.png"))
    return f"{svg.name} drawn at 64x64, {len(pngs)} PNG sizes"


def check_translations(rig: Rig) -> str:
    files = _files("translations", "*.qm")
    french = resource_path("translations", f"{APP_NAME}_fr.qm")
    translator = QTranslator()
    if not translator.load(str(french)):
        raise SelfTestFailure(f"{french} does not load as a translation")
    empty = ", holding no translated text yet," if translator.isEmpty() else ""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_french = QTranslator()
    if not qt_french.load("qtbase_fr", qt_folder):
        raise SelfTestFailure(f"Qt's own French translation (qtbase_fr.qm) is not in {qt_folder}")
    others = ", ".join(file.name for file in files if file != french)
    listed = f"; also {others}" if others else ""
    return f"{french.name}{empty} and Qt's qtbase_fr.qm load{listed}"


def check_sounds(rig: Rig) -> str:
    sounds = _files("sounds", "*.wav")
    for sound in sounds:
        try:
            with wave.open(str(sound), "rb") as reader:
                frames = reader.getnframes()
        except (OSError, EOFError, wave.Error) as error:
            raise SelfTestFailure(f"{sound.name} cannot be read: {error}") from error
        if frames == 0:
            raise SelfTestFailure(f"{sound.name} holds no sound")
    return f"{len(sounds)} sounds: {', '.join(sound.name for sound in sounds)}"


def check_fonts(rig: Rig) -> str:
    from PySide6.QtGui import QFontDatabase

    fonts = _files("fonts", "*.ttf", "*.otf")
    families: set[str] = set()
    for font in fonts:
        loaded = QFontDatabase.addApplicationFont(str(font))
        if loaded == -1:
            raise SelfTestFailure(f"Qt cannot load the font {font.name}")
        families.update(QFontDatabase.applicationFontFamilies(loaded))
    return f"{len(fonts)} fonts: {', '.join(sorted(families))}"


# --- Qt's plugins ------------------------------------------------------------------------


def check_image_formats(rig: Rig) -> str:
    from PySide6.QtGui import QImageReader

    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    missing = {"png", "jpeg", "svg", "gif", "bmp"} - formats
    if missing:
        raise SelfTestFailure(
            f"Qt cannot read {', '.join(sorted(missing))} images (image format plugins missing)"
        )
    return f"platform {rig.app.platformName()}; {len(formats)} image formats incl. svg, jpeg"


def check_multimedia(rig: Rig) -> str:
    from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

    decoded = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if not decoded:
        raise SelfTestFailure(
            "Qt Multimedia has no backend: its ffmpeg plugin is missing or does not load"
        )
    cameras = len(QMediaDevices.videoInputs())
    return f"backend decodes {len(decoded)} formats; {cameras} cameras"


# --- the database and the window ------------------------------------------------------------


def check_database(rig: Rig) -> str:
    from boothapp.core.db import open_database
    from boothapp.core.schemas import EventInput
    from boothapp.core.services import Services

    path = rig.folder / "self-test.sqlite3"
    rig.database = database = open_database(path)
    services = Services.over(database, station_id=STATION_ID)
    show = services.events.create(EventInput(name="Self-test show", country="FR"))
    services.events.use(show.id)
    staff = services.staff.create("Self Test", event_id=show.id)
    services.staff.use(staff.id)
    rig.show_id = show.id
    rig._services = services
    return f"{path.name}, migrated, a show and a staff member"


def check_window(rig: Rig) -> str:
    from boothapp.gui.main_window import MainWindow
    from boothapp.gui.tasks import TaskRunner

    services = rig.services
    rig.runner = TaskRunner()
    window = MainWindow(services, runner=rig.runner, settings=rig.settings)
    painted: list[float] = []
    window.first_painted.connect(lambda: painted.append(time.monotonic()))
    rig._window = window
    window.show()
    rig.wait_until(lambda: painted and window.started, "the window's first paint")
    if window.active_show is None or window.active_show.id != rig.show_id:
        raise SelfTestFailure("the window does not show the self-test show")
    return ""


def _names_listed(window: MainWindow, search: str) -> list[str]:
    window.view.search_edit.setText(search)
    window.apply_search()
    model = window.model
    return [
        f"{model.lead_at(row).first_name} {model.lead_at(row).last_name}"
        for row in range(model.rowCount())
    ]


def check_lead_found(rig: Rig) -> str:
    from boothapp.core.schemas import LeadInput

    services = rig.services
    window = rig.window
    for (first, last), email in ((ACCENTED, "zoe@example.fr"), (CJK, "taro@example.jp")):
        services.leads.create(
            LeadInput(
                first_name=first,
                last_name=last,
                company="Caisses Étanches SA",
                email=email,
                country="FR",
                note="Self-test: wants twenty waterproof cases.",
            ),
            event_id=rig.show_id,
        )
    found = []
    for (first, last), search in ((ACCENTED, "lefèvre"), (CJK, "山田")):
        listed = _names_listed(window, search)
        if listed != [f"{first} {last}"]:
            raise SelfTestFailure(f"searching {search!r} lists {listed}, not {first} {last}")
        found.append(f"{first} {last}")
    _names_listed(window, "")
    return f"{' and '.join(found)} saved and found by the window's search"


def check_export(rig: Rig) -> str:
    import openpyxl  # type: ignore[import-untyped]

    from boothapp.core.schemas import LeadFilter
    from boothapp.core.services.exports import ExportRequest

    path = rig.folder / "leads.xlsx"
    result = rig.services.exports.export(
        ExportRequest(path=path, lead_filter=LeadFilter(event_id=rig.show_id))
    )
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        cells = {
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        }
    finally:
        workbook.close()
    missing = [name for pair in (ACCENTED, CJK) for name in pair if name not in cells]
    if missing:
        raise SelfTestFailure(f"{path.name} read back lacks {', '.join(missing)}")
    return f"{result.count} leads written to {path.name} and read back with openpyxl"


def _badge_payload() -> str:
    first, last = BADGE
    return "\r\n".join(
        (
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{last};{first};;;",
            f"FN:{first} {last}",
            "ORG:Skrzynie Transportowe sp. z o.o.",
            "EMAIL:lucja.wojcik@example.pl",
            "END:VCARD",
        )
    )


def check_qr_code(rig: Rig) -> str:
    import qrcode  # type: ignore[import-untyped]
    import zxingcpp

    payload = _badge_payload()
    image = qrcode.make(payload, border=4)
    path = rig.folder / "badge.png"
    image.save(str(path))
    from PIL import Image

    with Image.open(path) as picture:
        results = zxingcpp.read_barcodes(
            picture.convert("L"), formats=zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat.QRCode])
        )
    texts = [result.text for result in results if result.valid]
    if texts != [payload]:
        raise SelfTestFailure(f"zxing-cpp read {texts!r} from {path.name}")
    return f"{path.name} made with qrcode, decoded by zxing-cpp"


def check_badge_picture(rig: Rig) -> str:
    from boothapp.core.schemas import LeadFilter

    path = rig.folder / "badge.png"
    if not path.is_file():
        raise SelfTestFailure("not run: the QR code was not made")
    window = rig.window
    services = rig.services
    lead_filter = LeadFilter(event_id=rig.show_id)
    before = services.leads.count(lead_filter)
    window.scan_image_file(path)
    rig.wait_until(lambda: services.leads.count(lead_filter) > before, "the badge picture's lead")
    first, last = BADGE
    listed = _names_listed(window, last)
    if listed != [f"{first} {last}"]:
        raise SelfTestFailure(f"the badge picture gave {listed}, not {first} {last}")
    return f"{path.name} scanned through the window: {first} {last} saved and listed"


def check_french_window(rig: Rig) -> str:
    """A second window, built with the French translation installed (the first one is
    English: the self-test runs in English whatever the laptop's language)."""
    from boothapp.gui.i18n import install_language
    from boothapp.gui.main_window import MainWindow

    if install_language("fr") != "fr":
        raise SelfTestFailure("the French translation could not be installed")
    try:
        window = MainWindow(rig.services, runner=rig.runner, settings=rig.settings)
        try:
            menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
            shown = window.capture.view.title.text()
        finally:
            window.close_anyway()
            window.deleteLater()
            QCoreApplication.processEvents()
    finally:
        install_language("en")
    if "Fichier" not in menus:
        raise SelfTestFailure(f"the window's menus are not in French: {', '.join(menus)}")
    return f"menus {', '.join(menus)}; the form: {shown}"


def check_closed(rig: Rig) -> str:
    rig.close()
    return "window closed, database closed"


CHECKS: tuple[Check, ...] = (
    Check("resources folder", check_resources),
    Check("icon", check_icon),
    Check("translations", check_translations),
    Check("sounds", check_sounds),
    Check("fonts", check_fonts),
    Check("image formats", check_image_formats),
    Check("multimedia backend", check_multimedia),
    Check("database created", check_database),
    Check("window opened", check_window),
    Check("lead saved and found", check_lead_found),
    Check("xlsx export", check_export),
    Check("QR code", check_qr_code),
    Check("badge picture", check_badge_picture),
    Check("window in French", check_french_window),
    Check("closed", check_closed),
)


# --- running -----------------------------------------------------------------------------


@contextlib.contextmanager
def _isolated(folder: Path) -> Iterator[None]:
    """Points every per-user folder and setting boothapp or Qt may use into ``folder``
    for the run, and restores the environment afterwards."""
    home = folder / "home"
    for sub in ("data", "config", "state", "cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    changes: dict[str, str | None] = {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(home / "config"),
        "LOCALAPPDATA": str(home / "data"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "BOOTHAPP_STATION": STATION_ID,
        "BOOTHAPP_LANGUAGE": "en",
        "BOOTHAPP_DB": None,
    }
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        changes["QT_QPA_PLATFORM"] = "offscreen"
    before = {name: os.environ.get(name) for name in changes}
    try:
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_check(check: Check, rig: Rig) -> Outcome:
    started = time.perf_counter()
    try:
        detail = check.run(rig)
    except SelfTestFailure as failure:
        return Outcome(check.name, False, str(failure), time.perf_counter() - started)
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        place = f" ({Path(where.filename).name}:{where.lineno})"
        return Outcome(
            check.name,
            False,
            f"{type(error).__name__}: {error}{place}",
            time.perf_counter() - started,
        )
    return Outcome(check.name, True, detail, time.perf_counter() - started)


def run_checks(checks: Sequence[Check], out: TextIO) -> list[Outcome]:
    """Runs ``checks`` in a temporary folder, printing each line as it is done."""
    folder = Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-self-test-"))
    outcomes: list[Outcome] = []
    try:
        with _isolated(folder):
            from boothapp.gui.app import application

            created = QCoreApplication.instance() is None
            if created:
                # Settings made without a file name land in the temporary folder too.
                for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
                    QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))
            app = application()
            frozen = "frozen bundle" if getattr(sys, "frozen", False) else "Python package"
            print(
                f"{APP_NAME} {__version__} self-test: {frozen} "
                f"{Path(__file__).resolve().parent.parent}, Python {sys.version.split()[0]}, "
                f"Qt {qVersion()}, platform {app.platformName()}",
                file=out,
                flush=True,
            )
            rig = Rig(folder, app)
            try:
                for check in checks:
                    outcome = _run_check(check, rig)
                    outcomes.append(outcome)
                    print(outcome.line(), file=out, flush=True)
            finally:
                rig.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return outcomes


def run_self_test(out: TextIO | None = None, checks: Sequence[Check] = CHECKS) -> int:
    """Runs the checks and prints the report on ``out`` (default: stdout): 0 when every
    check passed, else 1."""
    if out is None:
        out = sys.stdout
        reconfigure = getattr(out, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    started = time.perf_counter()
    outcomes = run_checks(checks, out)
    failed = [outcome.name for outcome in outcomes if not outcome.passed]
    took = time.perf_counter() - started
    if failed:
        print(
            f"self-test FAILED: {len(failed)} of {len(outcomes)} checks "
            f"({', '.join(failed)}) in {took:.1f} s",
            file=out,
            flush=True,
        )
        return 1
    print(f"self-test passed: {len(outcomes)} checks in {took:.1f} s", file=out, flush=True)
    return 0

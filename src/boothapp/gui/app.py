"""Starting the window: the application object, the database, the services, the main window.

Only what the first window needs is imported before it is shown; the rest of the GUI
(dialogs, the demo generator) is imported when first used. The cyclic garbage collector
is paused until the window has painted its first screen; then everything made so far
(modules, classes, the window's widgets, which live as long as the process) is frozen
out of later collections, so that full collections while typing visitors in, and the
one at exit, only walk what was made since.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from boothapp import APP_DISPLAY_NAME, APP_NAME, __version__
from boothapp.core.errors import BoothError

if TYPE_CHECKING:
    from collections.abc import Callable

    from boothapp.core.services import Services
    from boothapp.gui.scanning.wedge import WedgeScanner


def application() -> QApplication:
    """The running QApplication, created (and named) on first call."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)
    return app


def _cannot_start(error: BoothError) -> int:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, f"{APP_DISPLAY_NAME} cannot start", str(error))
    return 1


def run_gui(database_target: str | None) -> int:
    """Opens ``database_target`` (a file or URL; None: ``$BOOTHAPP_DB`` or the default
    file), shows the main window and runs until it is closed. Returns the exit code:
    0, or 1 when the database cannot be used (after saying why)."""
    return _run(database_target, measured=None)


def start_for_measurement(
    database_target: str | None, on_first_paint: Callable[[], None] | None = None
) -> int:
    """Starts exactly as :func:`run_gui` does but quits once the window has painted its
    first screen (the lead list with its first rows beside the capture form), calling
    ``on_first_paint`` at that moment: the start-up benchmark times this against a bare
    PySide6 window."""
    return _run(database_target, measured=on_first_paint or (lambda: None))


def _listen_for_scanners(app: QApplication, wedge: WedgeScanner, services: Services) -> None:
    """Gives the scanner filter the keyboard layout learned on this laptop and puts it
    on the application (a scanner only types into a window on screen)."""
    wedge.mapping = services.scanner.load()
    app.installEventFilter(wedge)


def _settle_memory(collecting: bool) -> None:
    gc.freeze()
    if collecting:
        gc.enable()


def _run(database_target: str | None, measured: Callable[[], None] | None) -> int:
    """Runs the window; with ``measured``, calls it at the first paint and quits."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _start(database_target, measured, collecting)
    finally:
        if collecting:
            gc.enable()


def _start(
    database_target: str | None, measured: Callable[[], None] | None, collecting: bool
) -> int:
    app = application()

    from boothapp.gui.crash import CrashHandler

    previous_hook = CrashHandler().install()
    try:
        from boothapp.core.db import open_database

        try:
            database = open_database(database_target)
        except BoothError as error:
            return _cannot_start(error)
        try:
            from boothapp.core.services import Services
            from boothapp.gui.main_window import MainWindow
            from boothapp.gui.scanning.wedge import WedgeScanner
            from boothapp.gui.tasks import TaskRunner

            runner = TaskRunner()
            wedge = WedgeScanner(app)
            try:
                services = Services.over(database)
                window = MainWindow(services, runner=runner, wedge=wedge)
            except BoothError as error:
                return _cannot_start(error)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.first_painted.connect(lambda: _settle_memory(collecting))
            window.first_painted.connect(lambda: _listen_for_scanners(app, wedge, services))
            if measured is not None:
                window.first_painted.connect(measured)
                window.first_painted.connect(app.quit)
            window.show()
            try:
                code = app.exec()
            finally:
                app.removeEventFilter(wedge)
            runner.wait()
            return code
        finally:
            database.close()
    finally:
        sys.excepthook = previous_hook

"""Starting the window: the application object, the database, the services, the main window.

Only what the first window needs is imported before it is shown; the rest of the GUI
(dialogs, the demo generator) is imported when first used.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from boothapp import APP_DISPLAY_NAME, APP_NAME, __version__
from boothapp.core.errors import BoothError


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
    QMessageBox.critical(None, f"{APP_DISPLAY_NAME} cannot start", str(error))
    return 1


def run_gui(database_target: str | None) -> int:
    """Opens ``database_target`` (a file or URL; None: ``$BOOTHAPP_DB`` or the default
    file), shows the main window and runs until it is closed. Returns the exit code:
    0, or 1 when the database cannot be used (after saying why)."""
    return _run(database_target, quit_when_shown=False)


def start_for_measurement(database_target: str | None) -> int:
    """Starts exactly as :func:`run_gui` does but quits once the window is shown: the
    start-up benchmark times this against a bare PySide6 window."""
    return _run(database_target, quit_when_shown=True)


def _run(database_target: str | None, quit_when_shown: bool) -> int:
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
            services = Services.over(database)
            try:
                wedge = WedgeScanner(app, mapping=services.scanner.load())
                window = MainWindow(services, runner=runner, wedge=wedge)
            except BoothError as error:
                return _cannot_start(error)
            app.installEventFilter(wedge)
            window.show()
            if quit_when_shown:
                QTimer.singleShot(0, app.quit)
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

"""Starting the window: the application object, the database (or, when its file is
damaged, empty or beside a stale journal, the recovery dialog), the services, the main
window, and what looks after the database once the window is shown (``DatabaseCare``).

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
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from boothapp import APP_DISPLAY_NAME, APP_NAME, __version__
from boothapp.core.errors import BoothError, DamagedDatabase
from boothapp.resources import resource_path

if TYPE_CHECKING:
    from collections.abc import Callable

    from boothapp.core.backup import BackupOutcome, GoodBackup, RollingBackups
    from boothapp.core.db import Database
    from boothapp.core.services import Services
    from boothapp.gui.main_window import MainWindow
    from boothapp.gui.scanning.wedge import WedgeScanner
    from boothapp.gui.tasks import TaskRunner


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
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """boothapp's icon at every size it ships, for the windows, the dialogs and the
    taskbar (the desktop entry and the bundle name the same icon)."""
    icon = QIcon()
    for png in sorted(resource_path("icons", "png").glob(f"{APP_NAME}-*.png")):
        icon.addFile(str(png))
    return icon


def _cannot_start(error: BoothError) -> int:
    from PySide6.QtWidgets import QMessageBox

    from boothapp.gui.i18n import translate

    QMessageBox.critical(
        None, translate("app", "{app} cannot start").format(app=APP_DISPLAY_NAME), str(error)
    )
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
    from boothapp.gui.i18n import install_language
    from boothapp.gui.tasks import TaskRunner

    install_language()
    previous_hook = CrashHandler().install()
    runner = TaskRunner()
    try:
        opened = _open_database(database_target, runner)
        while opened is not None:
            code, restore = _show_window(app, opened, runner, measured, collecting)
            if restore is None:
                return code
            opened = _restore_and_reopen(opened[0], restore, runner)
        return 1
    finally:
        sys.excepthook = previous_hook


def _show_window(
    app: QApplication,
    opened: tuple[Database, str],
    runner: TaskRunner,
    measured: Callable[[], None] | None,
    collecting: bool,
) -> tuple[int, Path | None]:
    """Runs the main window over the database until it is closed: the exit code, and
    the backup to put in place of the database when that is why it closed."""
    database, notice = opened
    chosen: list[Path] = []
    try:
        from boothapp.core.services import Services
        from boothapp.gui.main_window import MainWindow
        from boothapp.gui.scanning.wedge import WedgeScanner

        wedge = WedgeScanner(app)
        try:
            services = Services.over(database)
            window = MainWindow(services, runner=runner, wedge=wedge)
        except BoothError as error:
            return _cannot_start(error), None
        care = DatabaseCare(window, database, runner, notice)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.restore_chosen.connect(chosen.append)
        window.first_painted.connect(lambda: _settle_memory(collecting))
        window.first_painted.connect(lambda: _listen_for_scanners(app, wedge, services))
        window.first_painted.connect(lambda: QTimer.singleShot(0, care.start))
        if measured is not None:
            window.first_painted.connect(measured)
            window.first_painted.connect(app.quit)
        window.show()
        try:
            code = app.exec()
        finally:
            app.removeEventFilter(wedge)
        runner.wait()
        care.close()
        return code, (chosen[0] if chosen else None)
    finally:
        database.close()


def _restore_and_reopen(
    database: Database, backup: Path, runner: TaskRunner
) -> tuple[Database, str] | None:
    """Puts ``backup`` in place of the (closed) database file and opens it again, with
    what was done as the notice of the next window; a failed restore leaves the file as
    it was, opens it again and says why."""
    from boothapp.core.salvage import restore_from
    from boothapp.gui.i18n import translate
    from boothapp.gui.recovery import restore_summary

    path = database.target.path
    assert path is not None
    try:
        outcome = restore_from(backup, path)
    except BoothError as error:
        notice = translate("app", "Nothing was restored from {backup}: {error}").format(
            backup=backup, error=error
        )
    else:
        notice = restore_summary(outcome, str(backup))
    reopened = _open_database(str(path), runner)
    if reopened is None:
        return None
    return reopened[0], notice


def _open_database(database_target: str | None, runner: TaskRunner) -> tuple[Database, str] | None:
    """The database, and what was done to open it (a restore, say); None when it cannot
    be used (after saying why) or the user chose to quit."""
    from boothapp.core.db import open_database

    try:
        return open_database(database_target), ""
    except BoothError as error:
        return _recover(error, database_target, runner)


def _recover(
    error: BoothError, database_target: str | None, runner: TaskRunner
) -> tuple[Database, str] | None:
    """Offers the remedies for a file that cannot be opened (a damaged, empty or stale
    one) in the recovery dialog; any other error is said in a message box."""
    from boothapp.core.db import resolve_target
    from boothapp.gui.recovery import RecoveryDialog, recovery_for

    try:
        path = resolve_target(database_target).path
    except BoothError:
        path = None
    recovery = recovery_for(error, path)
    if recovery is None:
        _cannot_start(error)
        return None
    dialog = RecoveryDialog(recovery, runner)
    dialog.exec()
    opened = dialog.opened
    dialog.deleteLater()
    if opened is None:
        return None
    return opened.database, opened.notice


class DatabaseCare(QObject):
    """What looks after the window's database once the window has painted its first
    screen (:meth:`start`): a warning when the file lies on a network share or in a
    synced folder, the full integrity check off the UI thread (problems found open a
    message naming the file and what to do), and rolling backups of a writable file
    (a backup that fails is said in the status bar, naming the folder). :meth:`close`
    makes the last backup; call it before closing the database."""

    _backed_up = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        database: Database,
        runner: TaskRunner,
        notice: str = "",
        every: timedelta | None = None,
    ) -> None:
        super().__init__()
        self._window = window
        self._database = database
        self._runner = runner
        self._notice = notice
        self._every = every
        self._closed = False
        self.backups: RollingBackups | None = None
        self.failed: list[BackupOutcome] = []
        self._backed_up.connect(self._report_backups)

    def start(self) -> None:
        if self._closed or self.backups is not None:
            return
        window = self._window
        if self._notice:
            window.notify(self._notice)
        path = self._database.target.path
        if path is None:
            return
        from boothapp.core.storage_place import place_warning

        warning = place_warning(path)
        if warning is not None:
            window.status_bar.show_place_warning(warning)
            window.notify(self.tr("Warning: {warning}").format(warning=warning), keep_current=True)
        if not isinstance(self._database.read_only_reason, DamagedDatabase):
            self._check_in_background(path)
        if self._database.writable:
            self._start_backups()

    def _start_backups(self) -> None:
        from boothapp.core.backup import EVERY, RollingBackups

        self.backups = RollingBackups(
            self._database, every=self._every or EVERY, on_done=self._backed_up.emit
        )
        self.backups.start()

    def _check_in_background(self, path: Path) -> None:
        self._runner.run(
            lambda: _integrity_problems(path),
            on_result=self._checked,
            on_error=self._check_failed,
        )

    def _checked(self, found: tuple[tuple[str, ...], GoodBackup | None]) -> None:
        problems, backup = found
        path = self._database.target.path
        if problems and path is not None and not self._closed and isValid(self._window):
            self._window.dialogs.show_damage(path, problems, backup)

    def _check_failed(self, error: Exception) -> None:
        if not isinstance(error, BoothError):
            sys.excepthook(type(error), error, error.__traceback__)
        elif not self._closed and isValid(self._window):
            self._window.notify(
                self.tr("The database could not be checked: {error}").format(error=error)
            )

    @Slot(object)
    def _report_backups(self, outcomes: list[BackupOutcome]) -> None:
        failed = [outcome for outcome in outcomes if outcome.error is not None]
        self.failed.extend(failed)
        if self._closed or not isValid(self._window):
            return
        for outcome in failed:
            self._window.notify(
                self.tr("The automatic backup into {folder} failed: {error}").format(
                    folder=outcome.folder, error=outcome.error
                ),
                keep_current=True,
            )

    def close(self) -> None:
        """Stops the rolling backups after one last backup of what changed since the
        previous one; a failure is written on stderr (the window is gone)."""
        self._closed = True
        backups, self.backups = self.backups, None
        if backups is None:
            return
        for outcome in backups.close():
            if outcome.error is not None:
                print(f"{APP_NAME}: the last backup was not made: {outcome.error}", file=sys.stderr)


def _integrity_problems(path: Path) -> tuple[tuple[str, ...], GoodBackup | None]:
    """What ``PRAGMA integrity_check`` finds in the file and, when it finds something,
    the newest good backup beside it."""
    from boothapp.core.backup import BACKUPS_FOLDER_NAME, newest_good_backup
    from boothapp.core.integrity import integrity_check

    problems = integrity_check(path)
    if not problems:
        return problems, None
    return problems, newest_good_backup(path.parent / BACKUPS_FOLDER_NAME, path.stem)

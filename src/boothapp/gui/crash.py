"""What happens when an exception escapes into the event loop.

A ``BoothError`` is the user's or the environment's (a locked or full database...):
its message is shown as it is. Anything else is a bug: the traceback is appended to
``crash.log`` in the user log folder and a short dialog says where it is.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from boothapp import APP_DISPLAY_NAME
from boothapp.core.errors import BoothError
from boothapp.crashlog import write_crash_log
from boothapp.gui.i18n import translate

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _show_user_error(error: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    QMessageBox.warning(QApplication.activeWindow(), APP_DISPLAY_NAME, str(error))


def _show_crash(summary: str, report: str, log: Path | None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    where = (
        translate(
            "crash",
            "A report was saved to:\n{path}\n\nPlease send that file to whoever supports boothapp.",
        ).format(path=log)
        if log is not None
        else translate("crash", "The report could not be saved; the details are below.")
    )
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("crash", "{app} — unexpected error").format(app=APP_DISPLAY_NAME))
    box.setText(
        translate(
            "crash", "Something went wrong: {summary}\n\nLeads saved so far are safe."
        ).format(summary=summary)
    )
    box.setInformativeText(where)
    box.setDetailedText(report)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()


class CrashHandler:
    """A ``sys.excepthook`` for the window; ``install()`` returns the previous hook."""

    def __init__(
        self,
        log_path: Path | None = None,
        show_crash: Callable[[str, str, Path | None], None] = _show_crash,
        show_user_error: Callable[[BaseException], None] = _show_user_error,
    ) -> None:
        self._log_path = log_path
        self._show_crash = show_crash
        self._show_user_error = show_user_error
        self._handling = False

    def install(self) -> ExceptHook:
        previous = sys.excepthook
        sys.excepthook = self
        return previous

    def __call__(
        self,
        exc_type: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, tb)
            return
        if isinstance(error, BoothError) and not self._handling:
            self._handling = True
            try:
                self._show_user_error(error)
            finally:
                self._handling = False
            return
        report = "".join(traceback.format_exception(exc_type, error, tb))
        sys.stderr.write(report)
        log = write_crash_log(report, self._log_path)
        if self._handling:
            return
        self._handling = True
        try:
            summary = f"{exc_type.__name__}: {error}".splitlines()[0][:300]
            self._show_crash(summary, report, log)
        finally:
            self._handling = False

"""The main window's dialogs: export, attendee import, camera, scanner calibration, show
settings, New show, About, and keeping the database safe (Back up now, Check database,
the problems the check at start found). Each is window-modal or modeless, deletes
itself when closed and is raised rather than opened twice; what it changes reaches the
screens through :class:`~boothapp.gui.changes.LeadChanges` and
:class:`~boothapp.gui.changes.ShowContext`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal

from boothapp import APP_DISPLAY_NAME, __version__
from boothapp.core.errors import BoothError, StorageError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from boothapp.core.backup import GoodBackup
    from boothapp.core.db import Database
    from boothapp.core.integrity import CheckReport
    from boothapp.gui.main_window import MainWindow
    from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog


LOSE_FORM_TITLE = QT_TRANSLATE_NOOP("Dialogs", "The visitor in the form cannot be kept")


class Dialogs(QObject):
    """Opens the dialogs of ``window``. ``scan_dialog`` is the one open of the export,
    attendee import, camera and calibration dialogs (one at a time);
    ``message(str)`` carries a line for the status bar."""

    message = Signal(str)

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.scan_dialog: QDialog | None = None
        self.settings_dialog: ShowSettingsDialog | None = None
        self.new_show_dialog: QDialog | None = None
        self.message_box: QMessageBox | None = None
        self.backing_up = False
        self.checking = False

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._scan_dialog_closed)
        self.scan_dialog = dialog
        dialog.open()

    def _scan_dialog_closed(self) -> None:
        self.scan_dialog = None

    def _raised(self) -> bool:
        """Raises the open dialog of the kind :meth:`_open` opens, if there is one."""
        if self.scan_dialog is None:
            return False
        self.scan_dialog.raise_()
        return True

    # --- scanning and leads -----------------------------------------------------------

    def open_camera(self) -> None:
        """Opens the camera scanner; what it reads is scanned like a badge."""
        from boothapp.gui.scanning.camera_dialog import CameraDialog

        if self._raised():
            return
        window = self._window
        dialog = CameraDialog(
            window, devices=window.camera_devices, formats=window.scans.symbologies()
        )
        dialog.decoded.connect(lambda payload: window.scans.handle(payload, LeadSource.CAMERA))
        self._open(dialog)
        dialog.start()

    def open_calibration(self) -> None:
        """Teaches the app what this laptop's keyboard layout does to scanners."""
        window = self._window
        if window.wedge is None:
            return
        from boothapp.gui.scanning.calibration_dialog import CalibrationDialog

        if self._raised():
            return
        self._open(CalibrationDialog(window.wedge, window.services.scanner, window))

    def _show_to_open_for(self) -> EventRow | None:
        """The active show, unless there is none or a dialog is open (it is raised)."""
        show = self._window.context.show
        if show is None or self._raised():
            return None
        return show

    def open_attendee_import(self) -> None:
        """Opens the attendee-list import for the active show."""
        show = self._show_to_open_for()
        if show is None:
            return
        from boothapp.gui.attendees.import_dialog import AttendeeImportDialog

        window = self._window
        dialog = AttendeeImportDialog(window.services, show, window.runner, window)
        dialog.imported.connect(self._attendees_imported)
        self._open(dialog)

    def _attendees_imported(self, summary: str) -> None:
        self._window.lead_changes.report()
        self.message.emit(summary)

    def open_export(self) -> None:
        """Opens the export of the active show's leads."""
        show = self._show_to_open_for()
        if show is None:
            return
        from boothapp.gui.export_dialog import ExportDialog

        window = self._window
        dialog = ExportDialog(window.services, show, window.runner, window, settings=self._settings)
        dialog.exported.connect(self.message)
        window.lead_changes.changed.connect(dialog.follow_lead_changes)
        self._open(dialog)

    # --- shows ------------------------------------------------------------------------

    def open_new_show(self) -> None:
        """Asks for a new show's details; once created, it is the active show and its
        settings open on the Staff page, so staff and products come next."""
        from boothapp.gui.settings.new_show_dialog import NewShowDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        window = self._window
        if not window.capture.save_open_lead():
            return
        dialog = NewShowDialog(window.services, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._new_show_created)
        self.new_show_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "new_show_dialog", None))
        dialog.open()

    def _new_show_created(self, event: object) -> None:
        self._window.context.reload()
        if not isinstance(event, EventRow):
            return
        self.message.emit(
            self.tr("Created the show “{name}”: add its staff and products.").format(
                name=event.name
            )
        )
        self.open_show_settings()
        if self.settings_dialog is not None:
            self.settings_dialog.show_page("staff")

    def open_show_settings(self) -> None:
        """Opens the settings of the active show (window-modal, not blocking)."""
        window = self._window
        show = window.context.show
        if show is None:
            return
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

        dialog = ShowSettingsDialog(window.services, show, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.saved.connect(self._show_settings_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def _show_settings_saved(self, event: object) -> None:
        capture = self._window.capture
        typed = {} if capture.is_empty() else capture.fields()
        self._window.context.reload()
        capture.reload_show(typed)
        if isinstance(event, EventRow):
            self.message.emit(self.tr("Saved the settings of “{name}”.").format(name=event.name))

    # --- keeping the database safe ----------------------------------------------------

    def back_up_now(self) -> None:
        """Asks for a folder (a USB stick; the backups folder to start with) and backs
        the database up into it off the UI thread; says where the file went."""
        from PySide6.QtWidgets import QFileDialog

        from boothapp.core.backup import BACKUPS_FOLDER_NAME

        window = self._window
        database = window.services.database
        path = database.target.path
        if path is None or self.backing_up:
            return
        start = path.parent / BACKUPS_FOLDER_NAME
        if not start.is_dir():
            start = path.parent
        folder = QFileDialog.getExistingDirectory(
            window, self.tr("Back up the database into a folder (a USB stick)"), str(start)
        )
        if not folder:
            return
        self.backing_up = True
        self.message.emit(
            self.tr("Backing up {file} into {folder}…").format(file=path.name, folder=folder)
        )
        window.runner.run(
            lambda: _backup_into(database, Path(folder)),
            on_result=self._backed_up,
            on_error=lambda error: self._failed(error, self.tr("No backup was made")),
        )

    def _backed_up(self, made: Path) -> None:
        self.backing_up = False
        self.message.emit(self.tr("Backed up to {file}").format(file=made))
        self._tell(
            self.tr("Backup made"),
            self.tr("The database was backed up to:\n{file}").format(file=made),
        )

    def _failed(self, error: Exception, title: str) -> None:
        self.backing_up = self.checking = False
        if not isinstance(error, BoothError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self._tell(title, str(error), problem=True)

    def restore_backup(self) -> None:
        """Asks for a backup file (the backups folder to start with), checks it off the
        UI thread, then asks before putting it in place: the window then closes and
        boothapp opens again on the restored file (``MainWindow.restore_requested``)."""
        from PySide6.QtWidgets import QFileDialog

        from boothapp.core.backup import BACKUPS_FOLDER_NAME, checked_facts

        window = self._window
        path = window.services.database.target.path
        if path is None or self.checking:
            return
        start = path.parent / BACKUPS_FOLDER_NAME
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Restore the database from a backup"),
            str(start if start.is_dir() else path.parent),
            self.tr("boothapp databases (*.sqlite3);;All files (*)"),
        )
        if not chosen:
            return
        backup = Path(chosen)
        if backup.resolve() == path.resolve():
            self._tell(
                self.tr("Nothing restored"),
                self.tr("{file} is the database itself.").format(file=backup),
                problem=True,
            )
            return
        self.checking = True
        self.message.emit(self.tr("Checking {file}…").format(file=backup))
        window.runner.run(
            lambda: checked_facts(backup, backup.name),
            on_result=lambda facts: self._ask_to_restore(backup, facts.leads),
            on_error=lambda error: self._failed(error, self.tr("Nothing restored")),
        )

    def _ask_to_restore(self, backup: Path, leads: int) -> None:
        from PySide6.QtWidgets import QAbstractButton, QMessageBox

        self.checking = False
        window = self._window
        current = window.services.database.target.path
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore from a backup"))
        question = (
            self.tr(
                "Put {file} ({count} lead) in place of the database?\n\nThe current file "
                "is kept beside it, never overwritten. boothapp closes and opens again on "
                "the restored file."
            )
            if leads == 1
            else self.tr(
                "Put {file} ({count} leads) in place of the database?\n\nThe current file "
                "is kept beside it, never overwritten. boothapp closes and opens again on "
                "the restored file."
            )
        )
        box.setText(question.format(file=backup.name, count=leads))
        box.setInformativeText(
            self.tr("Backup: {backup}\nDatabase: {database}").format(
                backup=backup, database=current
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)

        def answered(button: QAbstractButton) -> None:
            if button is restore:
                window.restore_on_close(backup)

        box.buttonClicked.connect(answered)
        self.message_box = box
        box.open()

    def check_database(self) -> None:
        """Checks the database file off the UI thread (``boothapp check``) and shows the
        report: the leads of each show and the problems found."""
        from boothapp.core.integrity import check

        window = self._window
        path = window.services.database.target.path
        if path is None or self.checking:
            return
        self.checking = True
        self.message.emit(self.tr("Checking {file}…").format(file=path))
        window.runner.run(
            lambda: check(path),
            on_result=self._checked,
            on_error=lambda error: self._failed(
                error, self.tr("The database could not be checked")
            ),
        )

    def _checked(self, report: CheckReport) -> None:
        self.checking = False
        shows = []
        for show in report.shows:
            line = (
                self.tr("{show}: {count} lead")
                if show.leads == 1
                else self.tr("{show}: {count} leads")
            ).format(show=show.name, count=show.leads)
            if show.deleted:
                line = self.tr("{leads} (and {count} deleted)").format(
                    leads=line, count=show.deleted
                )
            shows.append(line)
        counts = "\n".join(shows) if shows else self.tr("No shows yet.")
        if report.ok:
            self.message.emit(self.tr("Checked {file}: no problem found.").format(file=report.path))
            self._tell(
                self.tr("Database checked"),
                self.tr("No problem found in {file}.").format(file=report.path),
                counts,
            )
            return
        self.message.emit(self.tr("Checked {file}: it has problems.").format(file=report.path))
        problems = "\n".join(report.problems())
        self._tell(
            self.tr("Database checked"),
            self.tr("{file} has problems.").format(file=report.path),
            f"{counts}\n\n{problems}\n\n{self._remedies(report.path, None)}",
            problem=True,
        )

    def show_damage(self, path: Path, problems: Sequence[str], backup: GoodBackup | None) -> None:
        """Says that the check of the database at start found ``problems``, and what to do."""
        self.message.emit(self.tr("{file} is damaged: see the message.").format(file=path))
        lines = "\n".join(
            self.tr("SQLite: {problem}").format(problem=line) for line in problems[:5]
        )
        more = (
            "\n" + self.tr("… and {count} more").format(count=len(problems) - 5)
            if len(problems) > 5
            else ""
        )
        self._tell(
            self.tr("The database is damaged"),
            self.tr("{file} is damaged: SQLite's check found problems in it.").format(file=path),
            f"{lines}{more}\n\n{self._remedies(path, backup)}",
            problem=True,
        )

    @staticmethod
    def _remedies(path: Path, backup: GoodBackup | None) -> str:
        from boothapp.gui.recovery import backup_summary, restore_command, salvage_command

        restore = restore_command(path, backup.path if backup else None)
        if backup is None:
            text = translate(
                "Dialogs",
                "What to do: first copy what can be copied with File > Back up now… to a USB "
                "stick. Then quit boothapp and either restore a backup:\n{restore}\n"
                "or copy every lead that can be read into a new file:\n{salvage}",
            )
            return text.format(restore=restore, salvage=salvage_command(path))
        text = translate(
            "Dialogs",
            "What to do: first copy what can be copied with File > Back up now… to a USB "
            "stick. Then quit boothapp and either restore a backup (the newest: {newest}):"
            "\n{restore}\nor copy every lead that can be read into a new file:\n{salvage}",
        )
        return text.format(
            newest=backup_summary(backup), restore=restore, salvage=salvage_command(path)
        )

    def _tell(self, title: str, text: str, details: str = "", problem: bool = False) -> None:
        """A window-modal message box (``message_box`` while it is open)."""
        from PySide6.QtWidgets import QMessageBox

        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setInformativeText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)
        self.message_box = box
        box.open()

    # --- about ------------------------------------------------------------------------

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("About {app}").format(app=APP_DISPLAY_NAME))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{APP_DISPLAY_NAME} {__version__}")
        box.setInformativeText(
            self.tr(
                "Lead capture for trade-show booths. Works offline.\n\nDatabase: {database}"
            ).format(database=self._window.services.database.label)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)
        self.message_box = box
        box.open()

    def ask_before_losing_the_form(self) -> None:
        """Closing, when what is typed in the form can be neither saved nor kept: the
        window stays open unless the person chooses to close anyway."""
        from PySide6.QtWidgets import QAbstractButton, QMessageBox

        window = self._window
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", LOSE_FORM_TITLE))
        box.setText(
            self.tr(
                "What is typed in the form can be neither saved nor kept as a draft (see the "
                "message in the form). Close anyway and lose it?"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)

        def answered(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Close:
                window.close_anyway()

        box.buttonClicked.connect(answered)
        self.message_box = box
        box.open()

    def _message_closed(self) -> None:
        self.message_box = None


def _backup_into(database: Database, folder: Path) -> Path:
    """``backup_to`` the folder chosen, refused when the folder has gone meanwhile (a
    USB stick pulled out): ``backup_to`` would take its name for a file's."""
    from boothapp.core.backup import backup_to

    if not folder.is_dir():
        raise StorageError(
            translate(
                "Dialogs",
                "the folder {folder} is not there: plug in the drive or choose another folder",
            ).format(folder=folder)
        )
    return backup_to(database, folder)

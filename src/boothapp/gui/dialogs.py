"""The main window's dialogs: export, attendee import, camera, scanner calibration, show
settings, New show and About. Each is window-modal or modeless, deletes itself when
closed and is raised rather than opened twice; what it changes reaches the screens
through :class:`~boothapp.gui.changes.LeadChanges` and
:class:`~boothapp.gui.changes.ShowContext`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal

from boothapp import APP_DISPLAY_NAME, __version__
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from boothapp.gui.main_window import MainWindow
    from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog


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
        dialog = CameraDialog(window, devices=window.camera_devices)
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
        self.message.emit(f"Created the show “{event.name}”: add its staff and products.")
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
            self.message.emit(f"Saved the settings of “{event.name}”.")

    # --- about ------------------------------------------------------------------------

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(f"About {APP_DISPLAY_NAME}")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{APP_DISPLAY_NAME} {__version__}")
        box.setInformativeText(
            "Lead capture for trade-show booths. Works offline.\n\n"
            f"Database: {self._window.services.database.label}"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)
        self.message_box = box
        box.open()

    def _message_closed(self) -> None:
        self.message_box = None

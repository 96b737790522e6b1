"""The main window: the menus and their actions, the show header and the pages (the
welcome page, the capture form beside the lead list, the dashboard).

The parts have owners of their own: the list (:mod:`boothapp.gui.lead_list`), the status
bar (:mod:`boothapp.gui.status_bar`), badge scans (:mod:`boothapp.gui.scanning.scan_controller`),
the dialogs (:mod:`boothapp.gui.dialogs`) and the demo show (:mod:`boothapp.gui.welcome`).
They follow the show and staff member (:class:`~boothapp.gui.changes.ShowContext`) and
what operations did to the leads (:class:`~boothapp.gui.changes.LeadChanges`) by themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from boothapp import APP_DISPLAY_NAME, APP_NAME
from boothapp.core.errors import BoothError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow, LeadDetail, StaffRow
from boothapp.core.services import Services
from boothapp.gui import i18n
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.changes import LeadChange, LeadChanges, ShowContext
from boothapp.gui.dialogs import Dialogs
from boothapp.gui.lead_list import LeadList
from boothapp.gui.live_refresh import LiveRefresh
from boothapp.gui.scanning.scan_controller import ScanController
from boothapp.gui.scanning.sheet_scans import SheetScans
from boothapp.gui.scanning.wedge import BadgeEntryBox, WedgeScanner
from boothapp.gui.shortcuts import WindowShortcuts
from boothapp.gui.show_header import ShowHeader
from boothapp.gui.sounds import ScanSounds
from boothapp.gui.status_bar import LeadCounts as LeadCounts
from boothapp.gui.status_bar import StatusBar, WarningBar, read_only_warning
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.main_view import MainView
from boothapp.gui.welcome import Welcome

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from boothapp.gui.dashboard import Dashboard
    from boothapp.gui.kiosk import KioskWindow
    from boothapp.gui.pin_dialog import PinDialog
    from boothapp.gui.privacy_dialog import PrivacyDialogs
    from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

# The capture form's own shortcuts, which a field must not take either.
_FORM_KEYS = (QKeySequence("Ctrl+S"), QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))
DEFAULT_SIZE = (1280, 720)
GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/form_and_list"
MUTED_KEY = "scan_sounds/muted"
# A screen with less room than this (a 1366x768 laptop) gets the window maximised.
ROOMY_SCREEN = (1600, 1000)
FORM_WIDTH = 720
LIST_WIDTH = 560


class MainWindow(QMainWindow):
    """The window over one database; every change goes through ``services``.

    ``runner`` runs long work off the UI thread (tests pass a ``SynchronousRunner``);
    ``settings`` keeps the window geometry (tests pass their own); ``wedge`` is the
    keyboard-wedge scanner installed on the application, if any.

    The first screen is the lead list beside the capture form's fields. The rest is
    filled in just after it is painted (``first_painted``, then
    :meth:`finish_start_up`): the form's products, questions and country list, the
    filter bar's lists, the counts in the status bar. The dashboard is built when
    first opened."""

    first_painted = Signal()
    restore_chosen = Signal(Path)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        wedge: WedgeScanner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.wedge = wedge
        self.camera_devices: Callable[[], Sequence[Any]] | None = None
        self.runner = runner if runner is not None else TaskRunner()
        self._settings = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
        self.sounds = ScanSounds(parent=self, muted=_stored_true(self._settings.value(MUTED_KEY)))
        self._dashboard: Dashboard | None = None
        self._focus_before_dashboard: QWidget | None = None
        self._painted = False
        self.started = False
        self.lead_changes = LeadChanges(self)
        self.context = ShowContext(services, self)
        self.context.changed.connect(self._context_changed)

        self.view = MainView()
        self.setCentralWidget(self.view)
        self.capture = CaptureForm(services, self.runner, self)
        self.view.set_capture_form(self.capture, FORM_WIDTH)
        self.header = ShowHeader(
            self.view, services, self.context, self.capture.save_open_lead, self
        )
        self.lead_list = LeadList(services, self.view, self.context, self.lead_changes, self)
        self.model = self.lead_list.model
        self.filter_bar = self.lead_list.filter_bar
        self.badge_box = BadgeEntryBox()
        self.badge_box.setObjectName("badgeBox")
        self.view.set_badge_box(self.badge_box)

        self._make_actions()
        self._make_menus()
        self.status_bar = StatusBar(services.counts, self.runner, wedge, self)
        self.setStatusBar(self.status_bar)
        self.summary_label = self.status_bar.summary_label
        self.notice_label = self.status_bar.notice_label
        self.undo_button = self.status_bar.undo_button
        self.today_label = self.status_bar.today_label
        self.mine_label = self.status_bar.mine_label
        self.show_total_label = self.status_bar.show_total_label
        self.scanner_indicator = self.status_bar.scanner_indicator
        self.warning_bar = WarningBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.warning_bar)
        read_only = read_only_warning(services.database)
        if read_only is not None:
            self.warning_bar.warn(read_only)
        self.window_shortcuts = WindowShortcuts(
            self,
            [*(action.shortcut() for action in self.findChildren(QAction)), *_FORM_KEYS],
        )
        self.scans = ScanController(
            services,
            self,
            self.scanner_indicator,
            self,
            beep=self.sounds.ok,
            buzz=self.sounds.error,
        )
        self.scans.sheet_scans = SheetScans(services, self.capture, self.context.use_staff)
        self.live_refresh = LiveRefresh(services, self.context, self.lead_changes, parent=self)
        self.setAcceptDrops(True)
        self.dialogs = Dialogs(self, self._settings)
        self._privacy: PrivacyDialogs | None = None
        self.kiosk: KioskWindow | None = None
        self.pin_dialog: PinDialog | None = None
        self._closing_anyway = False
        self.restore_requested: Path | None = None
        self.welcome = Welcome(self.view.welcome, services, self.runner, self.context, self)
        self._connect()
        self._restore_geometry()
        self._size_form()
        self.refresh()
        if self.active_show is not None:
            self.capture.offer_draft()
            self.capture.focus_first_field()
        else:
            self.view.welcome.new_show_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- what the parts own ---------------------------------------------------------

    @property
    def active_show(self) -> EventRow | None:
        return self.context.show

    @property
    def active_staff(self) -> StaffRow | None:
        return self.context.staff

    @property
    def counts(self) -> LeadCounts | None:
        return self.status_bar.counts

    @property
    def notices(self) -> int:
        return self.status_bar.notices

    @property
    def scan_dialog(self) -> QDialog | None:
        return self.dialogs.scan_dialog

    @property
    def settings_dialog(self) -> ShowSettingsDialog | None:
        return self.dialogs.settings_dialog

    @property
    def new_show_dialog(self) -> QDialog | None:
        return self.dialogs.new_show_dialog

    @property
    def message_box(self) -> QMessageBox | None:
        return self.dialogs.message_box

    def notify(
        self, text: str, on_undo: Callable[[], None] | None = None, *, keep_current: bool = False
    ) -> None:
        """A short message in the status bar (see :meth:`StatusBar.notify`)."""
        self.status_bar.notify(text, on_undo, keep_current=keep_current)

    def search_text(self) -> str:
        return self.lead_list.search_text()

    def apply_search(self) -> None:
        self.lead_list.apply_search()

    def selected_lead_id(self) -> str | None:
        return self.lead_list.selected_lead_id()

    def select_lead(self, lead_id: str) -> bool:
        return self.lead_list.select_lead(lead_id)

    def open_selected(self) -> None:
        self.lead_list.open_selected()

    def delete_selected(self) -> None:
        self.lead_list.delete_selected()

    def undo_delete(self) -> None:
        self.lead_list.undo_delete()

    def fit_columns(self) -> None:
        self.lead_list.fit_columns()

    def scan_badge(self, payload: str, source: LeadSource = LeadSource.BADGE) -> None:
        """A scanner's or the badge box's payload: saved and opened in the form."""
        self.scans.handle(payload, source)

    def scan_image_file(self, path: str | Path) -> None:
        self.scans.scan_image_file(path)

    @property
    def privacy(self) -> PrivacyDialogs:
        """The personal-data dialogs (``gui.privacy_dialog``), made on first use."""
        if self._privacy is None:
            from boothapp.gui.privacy_dialog import PrivacyDialogs

            self._privacy = PrivacyDialogs(self, self)
        return self._privacy

    def open_follow_ups(self) -> None:
        """View > Follow-ups… (Ctrl+T): the show's follow-up queue
        (``gui.follow_up_queue``); opening a lead there opens it in the form."""
        from boothapp.gui.follow_up_queue import open_follow_up_queue

        open_follow_up_queue(
            self,
            self.services,
            self.runner,
            self.lead_changes,
            self.context,
            open_lead=self._open_lead_from_queue,
        )

    def _open_lead_from_queue(self, lead_id: str) -> None:
        self._leave_dashboard()
        self.capture.open_lead(lead_id)

    def set_scan_sounds(self, on: bool) -> None:
        """View > Scan sounds: the chime and buzz of scans on or off, kept for the next
        start."""
        self.sounds.muted = not on
        self._settings.setValue(MUTED_KEY, not on)

    def start_kiosk(self) -> None:
        """View > Kiosk mode…: a full-screen page for visitors to register themselves
        (``gui.kiosk``); what the form holds is saved or kept aside first."""
        from boothapp.gui.kiosk import start_kiosk

        if self.kiosk is not None:
            self.kiosk.activateWindow()
            return
        kiosk = start_kiosk(self, put_away=self.capture.put_away)
        if kiosk is None:
            self.dialogs.ask_before_losing_the_form()
            return
        self.kiosk = kiosk
        kiosk.left.connect(self._kiosk_left)

    def _kiosk_left(self) -> None:
        self.kiosk = None
        self.capture.offer_draft()

    def show_my_card(self) -> QDialog | None:
        """F9: the contact of the person at the laptop as a QR code, full screen."""
        from boothapp.gui.printed_codes import show_my_card

        return show_my_card(self, self)

    def show_lead_card(self) -> QDialog | None:
        """The selected lead's contact as a QR code."""
        from boothapp.gui.printed_codes import show_lead_card

        return show_lead_card(self, self)

    def print_sheet(self, kind: str) -> None:
        """File > Print: a sheet of the active show as PDF (``gui.printed_codes``)."""
        from boothapp.gui.printed_codes import print_sheet

        print_sheet(self, self, kind)

    def open_merge(self) -> None:
        """File > Merge a laptop's file…: the merge dialog (see ``gui.merge_dialog``)."""
        from boothapp.gui.merge_dialog import open_merge_dialog

        open_merge_dialog(self, self.services, self.runner, self.lead_changes, self.context)

    def open_export(self) -> None:
        """Opens the export of the active show's leads, once the manager PIN is given."""
        if self.active_show is None:
            return
        if self.dialogs.scan_dialog is not None:
            self.dialogs.open_export()  # raises the dialog already open
            return
        self.as_manager(self.tr("Exporting leads"), self.dialogs.open_export)

    def open_show_settings(self) -> None:
        """Opens the active show's settings, once the manager PIN is given."""
        if self.active_show is None:
            return
        if self.dialogs.settings_dialog is not None:
            self.dialogs.open_show_settings()  # raises the dialog already open
            return
        self.as_manager(self.tr("Changing the show settings"), self.dialogs.open_show_settings)

    def open_new_show(self) -> None:
        """Opens the new show dialog, once the manager PIN is given."""
        if self.dialogs.settings_dialog is not None:
            self.dialogs.open_new_show()  # raises the settings dialog already open
            return
        self.as_manager(self.tr("Setting up a new show"), self.dialogs.open_new_show)

    def as_manager(self, action_text: str, then: Callable[[], object]) -> None:
        """Runs ``then`` once the manager PIN is given for ``action_text``, at once when
        no PIN is set (see :func:`boothapp.gui.pin_dialog.ask_manager_pin`); the PIN
        dialog, while it is open, is ``pin_dialog``. Cancelled, nothing happens."""
        if self.pin_dialog is not None:
            self.pin_dialog.raise_()
            self.pin_dialog.activateWindow()
            return
        from boothapp.gui.pin_dialog import ask_manager_pin

        dialog = ask_manager_pin(self, self.services.manager_lock, action_text, then)
        if dialog is not None:
            self.pin_dialog = dialog
            dialog.finished.connect(self._pin_dialog_closed)

    def _pin_dialog_closed(self) -> None:
        self.pin_dialog = None

    # --- building -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        QTimer.singleShot(0, self, self.finish_start_up)

    def finish_start_up(self) -> None:
        """Fills in what the first screen left out: the capture form's products,
        questions and country list (and the form's width, which they may widen), the
        filter bar's products and staff, the counts in the status bar. Runs once the
        first screen is painted; calling it again does nothing."""
        if self.started:
            return
        self.started = True
        self.capture.finish_start_up()
        self._size_form()
        self.status_bar.start_counting()
        self.lead_list.finish_start_up()
        self.live_refresh.start()

    @property
    def dashboard(self) -> Dashboard:
        """The dashboard page, made on first use: from then on the window's centre is a
        stack of the workspace and the dashboard, which View > Dashboard (Ctrl+D)
        switches between. A badge scan goes back to the workspace, where its lead opens."""
        if self._dashboard is None:
            from boothapp.gui.dashboard import Dashboard

            dashboard = Dashboard(self.services, self.runner)
            self._follow_show(dashboard)
            pages = QStackedWidget()
            pages.setObjectName("centralPages")
            self.takeCentralWidget()
            pages.addWidget(self.view)
            pages.addWidget(dashboard)
            self.setCentralWidget(pages)
            dashboard.back_requested.connect(lambda: self.dashboard_action.setChecked(False))
            self.context.changed.connect(lambda: self._follow_show(dashboard))
            self.lead_changes.changed.connect(dashboard.schedule)
            self.scans.done.connect(lambda _result: self.dashboard_action.setChecked(False))
            self._dashboard = dashboard
        return self._dashboard

    def _follow_show(self, dashboard: Dashboard) -> None:
        show = self.active_show
        dashboard.set_show(show.id if show else None, show.timezone if show else "UTC")

    def _dashboard_toggled(self, visible: bool) -> None:
        """Shows the dashboard or the workspace; back on the workspace, the focus goes
        where it was before the dashboard, or where a scan put it meanwhile."""
        focused = QApplication.focusWidget()
        dashboard = self.dashboard
        pages = dashboard.parentWidget()
        if not isinstance(pages, QStackedWidget):
            return
        if visible:
            self._focus_before_dashboard = focused
            pages.setCurrentWidget(dashboard)
            dashboard.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if focused is None or not self.view.isAncestorOf(focused):
            focused = self._focus_before_dashboard
        pages.setCurrentWidget(self.view)
        if focused is not None and self.view.isAncestorOf(focused):
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave_dashboard(self) -> None:
        """Back to the form and the list, for a shortcut that acts on them."""
        if self.dashboard_action.isChecked():
            self.dashboard_action.setChecked(False)

    def _action(
        self,
        text: str,
        keys: str | QKeySequence | None = None,
        tip: str = "",
        *,
        checkable: bool = False,
        enabled: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setToolTip(tip)
        action.setCheckable(checkable)
        action.setEnabled(enabled)
        return action

    def _make_actions(self) -> None:
        action = self._action
        self.quit_action = action(self.tr("&Quit"), "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_show_action = action(
            self.tr("&New show…"), tip=self.tr("Set up another show: its name, dates and place")
        )
        self.settings_action = action(
            self.tr("Show &settings…"),
            "Ctrl+,",
            self.tr("Details, staff, products and questions of the show"),
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.refresh_action = action(self.tr("&Refresh"), QKeySequence(Qt.Key.Key_F5))
        self.find_action = action(self.tr("&Find…"), "Ctrl+F")
        self.undo_action = action(self.tr("&Undo delete"), "Ctrl+Z", enabled=False)
        self.delete_action = action(
            self.tr("&Delete lead"), QKeySequence(Qt.Key.Key_Delete), enabled=False
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.table.addAction(self.delete_action)
        self.open_action = action(self.tr("&Open lead"), enabled=False)
        self.about_action = action(self.tr("&About {app}").format(app=APP_DISPLAY_NAME))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.badge_box_action = action(
            self.tr("&Type or paste a badge…"),
            "Ctrl+B",
            self.tr("Show a box to type or paste a badge's text"),
            checkable=True,
        )
        self.image_action = action(
            self.tr("Scan badge from &image…"),
            "Ctrl+I",
            self.tr("Read the badge code in a photo or image file"),
        )
        self.camera_action = action(self.tr("Scan with &camera…"))
        self.calibrate_action = action(
            self.tr("Ca&librate scanner keyboard layout…"), enabled=self.wedge is not None
        )
        self.import_attendees_action = action(
            self.tr("Import &attendee list…"),
            tip=self.tr(
                "Read the organiser's attendee list (Excel or CSV) so badge IDs give names"
            ),
        )
        self.export_action = action(
            self.tr("&Export leads…"),
            "Ctrl+E",
            self.tr("Save the show's leads as Excel, CSV or vCard"),
        )
        self.dashboard_action = action(self.tr("&Dashboard"), "Ctrl+D", checkable=True)
        is_file = self.services.database.target.path is not None
        self.backup_action = action(
            self.tr("&Back up now…"),
            tip=self.tr("Copy the database into a folder, such as a USB stick"),
        )
        self.check_action = action(
            self.tr("Chec&k database…"),
            tip=self.tr("Look for damage, and count the leads of each show"),
        )
        self.restore_action = action(
            self.tr("&Restore from a backup…"),
            tip=self.tr("Put a backup in place of the database (the current file is kept)"),
        )
        for safety in (self.backup_action, self.check_action, self.restore_action):
            safety.setEnabled(is_file)
        self.merge_action = action(
            self.tr("&Merge a laptop's file…"),
            tip=self.tr("Bring another laptop's leads into this database (from a USB stick)"),
        )
        self.erase_person_action = action(
            self.tr("&Erase a person…"),
            tip=self.tr("Delete everything held on a visitor, for good, on request"),
        )
        self.erase_lead_action = action(self.tr("Erase lead for &good…"), enabled=False)
        self.retention_action = action(
            self.tr("&Retention of old leads…"),
            tip=self.tr("List and purge the leads not contacted for long"),
        )
        self.subject_export_action = action(
            self.tr("E&xport what is held on a person…"),
            tip=self.tr(
                "Everything about one visitor, as JSON and a readable page (subject access)"
            ),
        )
        self.audit_action = action(
            self.tr("&Audit log…"),
            tip=self.tr("Exports, merges, restores, erasures and purges: who, when"),
        )
        self.my_card_action = action(
            self.tr("My &business card"),
            QKeySequence(Qt.Key.Key_F9),
            self.tr("Your contact as a QR code, full screen, for a visitor's phone"),
        )
        self.lead_card_action = action(self.tr("Show contact as &QR code…"), enabled=False)
        self.sounds_action = action(
            self.tr("Scan &sounds"),
            tip=self.tr("A chime when a scan is saved, a buzz when it is not"),
            checkable=True,
        )
        self.sounds_action.setChecked(not self.sounds.muted)
        self.follow_ups_action = action(
            self.tr("&Follow-ups…"),
            "Ctrl+T",
            self.tr("The follow-ups promised to the show's leads"),
        )
        self.kiosk_action = action(
            self.tr("&Kiosk mode…"),
            tip=self.tr("A full-screen page where visitors register themselves"),
        )
        self.print_actions = {
            kind: action(text, tip=tip)
            for kind, text, tip in (
                (
                    "capture",
                    self.tr("&Capture sheet…"),
                    self.tr("Codes to scan after a badge: products, rating…"),
                ),
                (
                    "stand",
                    self.tr("&Product sheet…"),
                    self.tr("The stand's products with their brochure codes"),
                ),
                (
                    "cards",
                    self.tr("&Business cards…"),
                    self.tr("Your contact card with its QR code, 8 a page"),
                ),
                (
                    "badges",
                    self.tr("&Test badges…"),
                    self.tr("Badges in every format, to check the scanners"),
                ),
            )
        }

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_show_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.scan_menu = file_menu.addMenu(self.tr("S&can"))
        self.scan_menu.addAction(self.badge_box_action)
        self.scan_menu.addAction(self.camera_action)
        self.scan_menu.addSeparator()
        self.scan_menu.addAction(self.calibrate_action)
        file_menu.addAction(self.image_action)
        file_menu.addAction(self.import_attendees_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.merge_action)
        print_menu = file_menu.addMenu(self.tr("&Print"))
        for print_action in self.print_actions.values():
            print_menu.addAction(print_action)
        privacy_menu = file_menu.addMenu(self.tr("Personal &data"))
        for privacy in (
            self.erase_person_action,
            self.retention_action,
            self.subject_export_action,
            self.audit_action,
        ):
            privacy_menu.addAction(privacy)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.check_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.open_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.erase_lead_action)
        edit_menu.addAction(self.lead_card_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.dashboard_action)
        view_menu.addAction(self.follow_ups_action)
        view_menu.addAction(self.my_card_action)
        view_menu.addSeparator()
        view_menu.addAction(self.kiosk_action)
        view_menu.addAction(self.sounds_action)
        view_menu.addSeparator()
        self._make_language_menu(view_menu.addMenu(self.tr("&Language")))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _make_language_menu(self, menu: QMenu) -> None:
        """View > Language: the system's language or one boothapp speaks, each shown by
        its own name; the choice is kept for the next start."""
        self.language_menu = menu
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for choice in (i18n.SYSTEM, *i18n.LANGUAGES):
            text = (
                self.tr("System language") if choice == i18n.SYSTEM else i18n.LANGUAGE_NAMES[choice]
            )
            language_action = QAction(text, self)
            language_action.setCheckable(True)
            language_action.setData(choice)
            group.addAction(language_action)
            menu.addAction(language_action)
            if choice == i18n.SYSTEM:
                menu.addSeparator()
            language_action.triggered.connect(
                lambda _=False, choice=choice: self.choose_language(choice)
            )
            self.language_actions[choice] = language_action
        menu.aboutToShow.connect(self._check_language)
        self._check_language()

    def _check_language(self) -> None:
        """Checks the language chosen (or the system's)."""
        chosen = i18n.chosen_language(self._settings)
        for choice, language_action in self.language_actions.items():
            language_action.setChecked(choice == chosen)

    def choose_language(self, choice: str) -> None:
        """Keeps ``choice`` (a language or ``i18n.SYSTEM``) for the next start and says
        so: the window does not change language while it runs."""
        i18n.choose_language(choice, self._settings)
        self._settings.sync()
        self.language_actions[choice].setChecked(True)
        self.notify(
            self.tr("The language changes the next time {app} starts.").format(app=APP_DISPLAY_NAME)
        )

    def _connect(self) -> None:
        view, dialogs, lead_list = self.view, self.dialogs, self.lead_list
        self.quit_action.triggered.connect(self.close)
        self.refresh_action.triggered.connect(self.refresh)
        self.new_show_action.triggered.connect(self.open_new_show)
        self.settings_action.triggered.connect(self.open_show_settings)
        self.find_action.triggered.connect(self.focus_search)
        self.undo_action.triggered.connect(lead_list.undo_delete)
        self.delete_action.triggered.connect(lead_list.delete_selected)
        self.open_action.triggered.connect(lead_list.open_selected)
        self.about_action.triggered.connect(dialogs.show_about)
        self.badge_box_action.toggled.connect(self.show_badge_box)
        self.image_action.triggered.connect(lambda: self.scans.choose_badge_image(self))
        self.camera_action.triggered.connect(dialogs.open_camera)
        self.calibrate_action.triggered.connect(dialogs.open_calibration)
        self.import_attendees_action.triggered.connect(dialogs.open_attendee_import)
        self.export_action.triggered.connect(self.open_export)
        self.backup_action.triggered.connect(dialogs.back_up_now)
        self.check_action.triggered.connect(dialogs.check_database)
        self.restore_action.triggered.connect(
            lambda: self.as_manager(self.tr("restoring a backup"), dialogs.restore_backup)
        )
        self.merge_action.triggered.connect(
            lambda: self.as_manager(self.tr("merging leads"), self.open_merge)
        )
        self.erase_person_action.triggered.connect(
            lambda: self.as_manager(
                self.tr("erasing a person"), lambda: self.privacy.open_erasure()
            )
        )
        self.erase_lead_action.triggered.connect(
            lambda: self.as_manager(
                self.tr("erasing a person"), lambda: self.privacy.erase_selected()
            )
        )
        self.retention_action.triggered.connect(
            lambda: self.as_manager(
                self.tr("purging old leads"), lambda: self.privacy.open_retention()
            )
        )
        self.subject_export_action.triggered.connect(
            lambda: self.as_manager(
                self.tr("exporting what is held on a person"),
                lambda: self.privacy.open_subject_export(),
            )
        )
        self.audit_action.triggered.connect(lambda: self.privacy.open_audit_log())
        self.my_card_action.triggered.connect(self.show_my_card)
        self.kiosk_action.triggered.connect(self.start_kiosk)
        self.sounds_action.toggled.connect(self.set_scan_sounds)
        self.follow_ups_action.triggered.connect(self.open_follow_ups)
        self.lead_card_action.triggered.connect(self.show_lead_card)
        for kind, print_action in self.print_actions.items():
            print_action.triggered.connect(lambda _=False, kind=kind: self.print_sheet(kind))
        self.dashboard_action.toggled.connect(self._dashboard_toggled)

        self.badge_box.scanned.connect(self.scan_badge)
        if self.wedge is not None:
            self.wedge.scanned.connect(self.scan_badge)
            self.wedge.rejected.connect(self.scans.reject)
        self.capture.saved.connect(self._lead_saved)
        self.capture.message.connect(self.notify)
        dialogs.message.connect(self.notify)
        self.welcome.message.connect(self.notify)
        self.welcome.demo_ready.connect(self.focus_search)
        view.welcome.new_show_button.clicked.connect(self.open_new_show)
        self.header.new_show_requested.connect(self.open_new_show)
        lead_list.open_requested.connect(self.capture.open_lead)
        lead_list.actions_changed.connect(self._update_actions)
        lead_list.message.connect(self.notify)
        lead_list.listed.connect(self.status_bar.follow)

    def _size_form(self) -> None:
        """The form's width: as the user left it, else ``FORM_WIDTH`` (at most half the
        window, which may be about to open maximised) or, when its labels need more (a
        laptop screen, a language with longer words), the width that shows the form
        uncut, leaving the list at least ``LIST_WIDTH``; the list takes the rest."""
        splitter = self.view.splitter
        stored = self._settings.value(SPLITTER_KEY)
        restorable = isinstance(stored, QByteArray) and not stored.isEmpty()
        if restorable and splitter.restoreState(stored):
            return
        width = self.width()
        if self.windowState() & Qt.WindowState.WindowMaximized:
            screen = self.screen() or QGuiApplication.primaryScreen()
            width = screen.availableGeometry().width()
        form_width = min(FORM_WIDTH, width // 2)
        form_width = max(form_width, min(self.capture.view.full_width(), width - LIST_WIDTH))
        splitter.setSizes([form_width, max(1, width - form_width)])

    def _restore_geometry(self) -> None:
        self.lead_list.restore_columns(self._settings)
        stored = self._settings.value(GEOMETRY_KEY)
        if isinstance(stored, QByteArray) and not stored.isEmpty() and self.restoreGeometry(stored):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        small = room.width() < ROOMY_SCREEN[0] or room.height() < ROOMY_SCREEN[1]
        width = min(DEFAULT_SIZE[0], room.width() - 16)
        height = min(DEFAULT_SIZE[1], room.height() - 48)
        self.resize(width, height)
        self.move(
            room.x() + (room.width() - self.frameGeometry().width()) // 2,
            room.y() + (room.height() - self.frameGeometry().height()) // 2,
        )
        if small:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    # --- the show and the person at the laptop ------------------------------------------

    def refresh(self) -> None:
        """Reads the shows, the staff and the leads again, keeping the selection."""
        self.context.reload()

    def _context_changed(self) -> None:
        """The title, the page and the form follow the show and the staff member."""
        show = self.context.show
        self._update_actions()
        if show is None:
            self.setWindowTitle(APP_DISPLAY_NAME)
            self.capture.set_context(None, None)
            self.view.show_welcome()
            return
        # Ending with the application's name keeps Qt from adding it a second time.
        self.setWindowTitle(f"{show.name} — {APP_DISPLAY_NAME}")
        self.view.show_workspace()
        self.capture.set_context(show, self.context.staff)

    def _update_actions(self) -> None:
        has_show = self.active_show is not None
        selected = has_show and self.lead_list.selected_lead_id() is not None
        self.delete_action.setEnabled(selected)
        self.erase_lead_action.setEnabled(selected and self.services.database.writable)
        self.lead_card_action.setEnabled(selected)
        self.kiosk_action.setEnabled(has_show and self.services.database.writable)
        self.follow_ups_action.setEnabled(has_show)
        for print_action in self.print_actions.values():
            print_action.setEnabled(has_show)
        self.open_action.setEnabled(selected)
        self.find_action.setEnabled(has_show)
        self.settings_action.setEnabled(has_show)
        for action in (
            self.badge_box_action,
            self.image_action,
            self.camera_action,
            self.import_attendees_action,
            self.export_action,
        ):
            action.setEnabled(has_show)
        self.view.search_edit.setEnabled(has_show)
        deleted = self.lead_list.deleted
        self.undo_action.setEnabled(bool(deleted))
        if deleted:
            name = deleted[-1][1].replace("&", "&&")
            self.undo_action.setText(self.tr("&Undo delete of “{name}”").format(name=name))
        else:
            self.undo_action.setText(self.tr("&Undo delete"))

    # --- shortcuts that act on the workspace ----------------------------------------------

    def focus_search(self) -> None:
        self._leave_dashboard()
        self.lead_list.focus_search()

    def show_badge_box(self, visible: bool) -> None:
        """Shows (and focuses) or hides the "type or paste a badge" box."""
        if self.badge_box_action.isChecked() != visible:
            self.badge_box_action.setChecked(visible)
            return
        if visible:
            self._leave_dashboard()
        self.view.show_badge_box(visible)
        if visible:
            self.badge_box.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.scans.accept_drag(event):
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if not self.scans.drop(event):
            super().dropEvent(event)

    # --- what the form saved ------------------------------------------------------------

    def _lead_saved(self, lead: LeadDetail, before: LeadDetail | None) -> None:
        """After the form saved: the list shows the lead once the form is back in the
        visitor's hands, and the status bar names it, with Undo. ``before`` is the lead
        as it was, when an existing lead was saved over."""
        self.lead_changes.report(LeadChange(lead.id, deferred=True))
        name = lead.display_name
        warnings = "; ".join(warning.message for warning in lead.warnings)
        if before is None:
            text = (
                self.tr("Saved {name} — {warnings}").format(name=name, warnings=warnings)
                if warnings
                else self.tr("Saved {name}").format(name=name)
            )
            self.notify(text, on_undo=lambda: self.lead_list.take_back(lead.id, name))
        else:
            text = (
                self.tr("Saved changes to {name} — {warnings}").format(name=name, warnings=warnings)
                if warnings
                else self.tr("Saved changes to {name}").format(name=name)
            )
            self.notify(text, on_undo=lambda: self._undo_changes(before, lead))

    def _undo_changes(self, before: LeadDetail, after: LeadDetail) -> None:
        """Puts a lead back as it was before a save over it (its new note goes too)."""
        try:
            self.services.leads.revert(before, after)
        except BoothError as error:
            self.notify(
                self.tr("Could not undo the changes to {name}: {error}").format(
                    name=after.display_name, error=error
                )
            )
            return
        if self.capture.lead_id == before.id and not self.capture.edited:
            self.capture.fill_from_lead(self.services.leads.get(before.id))
        self.lead_changes.report(LeadChange(before.id))
        self.notify(self.tr("Took back the changes to {name}.").format(name=before.display_name))

    # --- closing ----------------------------------------------------------------------

    def restore_on_close(self, backup: Path) -> None:
        """Closes the window so that ``backup`` is put in place of the database and the
        window opens again on it (``restore_chosen``, which the application follows).
        What the form holds is saved first; when it cannot be, nothing happens."""
        if not self.capture.put_away():
            self.dialogs.ask_before_losing_the_form()
            return
        self.restore_requested = backup
        self.close()

    def close_anyway(self) -> None:
        """Closes without keeping what the form holds (the person chose to lose it)."""
        self._closing_anyway = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        keeping = not self._closing_anyway and self.active_show is not None
        if keeping and not self.capture.put_away():
            event.ignore()
            self.dialogs.ask_before_losing_the_form()
            return
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(SPLITTER_KEY, self.view.splitter.saveState())
        self.lead_list.save_columns(self._settings)
        self._settings.sync()
        super().closeEvent(event)
        if self.restore_requested is not None:
            self.restore_chosen.emit(self.restore_requested)


def _stored_true(value: object) -> bool:
    """A boolean read back from QSettings (an INI file gives it back as text)."""
    return value is True or value == "true"

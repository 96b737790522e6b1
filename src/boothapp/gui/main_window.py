"""The main window: the active show and staff member, the search box and the lead list."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from boothapp import APP_DISPLAY_NAME, APP_NAME, __version__
from boothapp.core.errors import BoothError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow, LeadDetail, LeadFilter, LeadRow, StaffRow
from boothapp.core.services import Services
from boothapp.core.services.leads import LeadService
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.changes import LeadChanges
from boothapp.gui.filter_bar import FilterBar
from boothapp.gui.formatting import show_summary, start_of_today
from boothapp.gui.models.lead_table import LEAD_ID_ROLE, Column, LeadTableModel
from boothapp.gui.scanning.scan_controller import ScanController
from boothapp.gui.scanning.wedge import BadgeEntryBox, ScannerIndicator, WedgeScanner
from boothapp.gui.shortcuts import WindowShortcuts
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.main_view import MainView

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from boothapp.gui.dashboard import Dashboard
    from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

# The capture form's own shortcuts, which a field must not take either.
_FORM_KEYS = (QKeySequence("Ctrl+S"), QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"))
SEARCH_DELAY_MS = 150
NOTICE_MS = 20_000
DEMO_LEADS = 200
NEW_SHOW_ITEM = "New show…"
NEW_SHOW_DATA = "new-show"
DEFAULT_SIZE = (1280, 720)
GEOMETRY_KEY = "main_window/geometry"
COLUMNS_KEY = "main_window/lead_columns"
SPLITTER_KEY = "main_window/form_and_list"
# A screen with less room than this (a 1366x768 laptop) gets the window maximised.
ROOMY_SCREEN = (1600, 1000)
FORM_WIDTH = 720
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".webp", ".gif")
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.webp *.gif)"


def image_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local image files dragged onto the window."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES
    ]


@dataclass(frozen=True)
class LeadCounts:
    """The figures of the status bar; ``mine`` is None when nobody is at the laptop."""

    matching: int
    in_show: int
    today: int
    mine: int | None


def count_leads(
    leads: LeadService,
    event: EventRow,
    staff_id: int | None,
    search: str,
    known_matching: int | None = None,
    listed: LeadFilter | None = None,
) -> LeadCounts:
    """Counts the leads of ``event``: matching ``search`` (or ``listed``, the list's
    whole filter, when given), in all, today (in the show's time zone) and today by
    ``staff_id``. Runs off the UI thread (counting 100,000 leads takes a while);
    ``known_matching`` saves a count when the list is complete."""
    whole_show = LeadFilter(event_id=event.id)
    narrowed = listed is not None and listed != whole_show
    if known_matching is not None and not narrowed and not search:
        in_show = known_matching
    else:
        in_show = leads.count(whole_show)
    if known_matching is not None:
        matching = known_matching
    elif listed is not None:
        matching = leads.count(listed)
    elif search:
        matching = leads.count(replace(whole_show, search=search))
    else:
        matching = in_show
    today = replace(whole_show, created_from=start_of_today(event.timezone))
    return LeadCounts(
        matching=matching,
        in_show=in_show,
        today=leads.count(today),
        mine=leads.count(replace(today, staff_id=staff_id)) if staff_id is not None else None,
    )


def _filtered_summary(matching: int, in_show: int, search: str) -> str:
    """The status bar's line when the filter bar narrows the list."""
    what = f"the filters and “{search}”" if search else "the filters"
    if matching == 0:
        return f"No leads match {what}"
    noun = "lead matches" if matching == 1 else "leads match"
    return f"{matching} of {in_show} {noun} {what}"


# Columns that share the room left by the fixed ones, and their shares.
_FLEXIBLE_COLUMNS = {
    Column.NAME: 2.8,
    Column.COMPANY: 3.0,
    Column.JOB_TITLE: 2.4,
    Column.EMAIL: 3.4,
    Column.COUNTRY: 1.8,
    Column.CITY: 1.7,
    Column.STAFF: 2.0,
}
# A list narrower than this (the form beside it on a 1366x768 laptop) leaves out the
# job title, the country and the city, so that names, e-mails, rating, staff and source can be read.
NARROW_LIST = 900
_NARROW_HIDDEN = (Column.JOB_TITLE, Column.COUNTRY, Column.CITY)
# Sample texts that fixed-width columns must show in full.
_FIXED_COLUMNS = {
    Column.CAPTURED_AT: "2025-11-18 14:05",
    Column.RATING: "Rating",
    Column.SOURCE: "Badge scan",
}


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
        self.scan_dialog: QDialog | None = None
        self.camera_devices: Callable[[], Sequence[Any]] | None = None
        self.runner = runner if runner is not None else TaskRunner()
        self._settings = settings if settings is not None else QSettings(APP_NAME, APP_NAME)
        self.active_show: EventRow | None = None
        self.active_staff: StaffRow | None = None
        self._deleted: list[tuple[str, str]] = []
        self._columns_fitted_by_user = False
        self._fitting_columns = False
        self._counts_wanted = 0
        self.counts: LeadCounts | None = None
        self.message_box: QMessageBox | None = None
        self.settings_dialog: ShowSettingsDialog | None = None
        self.new_show_dialog: QDialog | None = None
        self._notice_undo: Callable[[], None] | None = None
        self.notices = 0
        self._dashboard: Dashboard | None = None
        self._focus_before_dashboard: QWidget | None = None
        self._painted = False
        self.started = False

        self.view = MainView()
        self.setCentralWidget(self.view)
        self.capture = CaptureForm(services, self.runner, self)
        self.view.set_capture_form(self.capture, FORM_WIDTH)
        self.filter_bar = FilterBar()
        self.view.set_filter_bar(self.filter_bar, self.filter_bar.focus_chain())
        self.badge_box = BadgeEntryBox()
        self.badge_box.setObjectName("badgeBox")
        self.view.set_badge_box(self.badge_box)
        self.setAcceptDrops(True)
        self.model = LeadTableModel(services.leads, parent=self)
        self.view.table.setModel(self.model)
        header = self.view.table.horizontalHeader()
        header.setSortIndicator(Column.CAPTURED_AT, Qt.SortOrder.DescendingOrder)
        self.view.table.setSortingEnabled(True)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)

        self.lead_changes = LeadChanges(self)
        self._make_actions()
        self._make_menus()
        self._make_status_bar()
        self.window_shortcuts = WindowShortcuts(
            self,
            [*(action.shortcut() for action in self.findChildren(QAction)), *_FORM_KEYS],
        )
        self.scans = ScanController(services, self, self.scanner_indicator, self)
        self._connect()
        self._restore_geometry()
        self._size_form()
        self.refresh()
        if self.active_show is not None:
            self.capture.offer_draft()
            self.capture.focus_first_field()
        else:
            self.view.welcome.new_show_button.setFocus(Qt.FocusReason.OtherFocusReason)

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
        questions and country list, the filter bar's products and staff, the counts in
        the status bar. Runs once the first screen is painted; calling it again does
        nothing."""
        if self.started:
            return
        self.started = True
        self.capture.finish_start_up()
        self._fill_filter_choices()
        self._update_status()

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

    def _make_actions(self) -> None:
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_show_action = QAction("&New show…", self)
        self.new_show_action.setToolTip("Set up another show: its name, dates and place")
        self.settings_action = QAction("Show &settings…", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setToolTip("Details, staff, products and questions of the show")
        self.refresh_action = QAction("&Refresh", self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.find_action = QAction("&Find…", self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.undo_action = QAction("&Undo delete", self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.setEnabled(False)
        self.delete_action = QAction("&Delete lead", self)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setEnabled(False)
        self.open_action = QAction("&Open lead", self)
        self.open_action.setEnabled(False)
        self.about_action = QAction(f"&About {APP_DISPLAY_NAME}", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.view.table.addAction(self.delete_action)
        self.badge_box_action = QAction("&Type or paste a badge…", self)
        self.badge_box_action.setShortcut(QKeySequence("Ctrl+B"))
        self.badge_box_action.setCheckable(True)
        self.badge_box_action.setToolTip("Show a box to type or paste a badge's text")
        self.image_action = QAction("Scan badge from &image…", self)
        self.image_action.setShortcut(QKeySequence("Ctrl+I"))
        self.image_action.setToolTip("Read the badge code in a photo or image file")
        self.camera_action = QAction("Scan with &camera…", self)
        self.calibrate_action = QAction("Ca&librate scanner keyboard layout…", self)
        self.calibrate_action.setEnabled(self.wedge is not None)
        self.import_attendees_action = QAction("Import &attendee list…", self)
        self.import_attendees_action.setToolTip(
            "Read the organiser's attendee list (Excel or CSV) so badge IDs give names"
        )
        self.export_action = QAction("&Export leads…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip("Save the show's leads as Excel, CSV or vCard")
        self.dashboard_action = QAction("&Dashboard", self)
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+D"))
        self.dashboard_action.setCheckable(True)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.new_show_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.scan_menu = file_menu.addMenu("S&can")
        self.scan_menu.addAction(self.badge_box_action)
        self.scan_menu.addAction(self.camera_action)
        self.scan_menu.addSeparator()
        self.scan_menu.addAction(self.calibrate_action)
        file_menu.addAction(self.image_action)
        file_menu.addAction(self.import_attendees_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.open_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.dashboard_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip("Bring the deleted lead back (Ctrl+Z)")
        self.undo_button.setFlat(True)
        self.undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.undo_button.setVisible(False)
        self.today_label = QLabel()
        self.today_label.setObjectName("todayLabel")
        self.today_label.setToolTip("Leads captured today (show time) at this show")
        self.mine_label = QLabel()
        self.mine_label.setObjectName("mineLabel")
        self.mine_label.setToolTip("Leads captured today by the person at this laptop")
        self.show_total_label = QLabel()
        self.show_total_label.setObjectName("showTotalLabel")
        self.show_total_label.setToolTip("Every lead of this show")
        self.scanner_indicator = ScannerIndicator(self.wedge)
        self.scanner_indicator.setObjectName("scannerIndicator")
        bar.addWidget(self.summary_label)
        bar.addWidget(self.notice_label)
        bar.addWidget(self.undo_button)
        for label in (self.today_label, self.mine_label, self.show_total_label):
            label.setContentsMargins(10, 0, 4, 0)
            bar.addPermanentWidget(label)
        bar.addPermanentWidget(self.scanner_indicator)

    def _connect(self) -> None:
        view = self.view
        self.quit_action.triggered.connect(self.close)
        self.refresh_action.triggered.connect(self.refresh)
        self.settings_action.triggered.connect(self.open_show_settings)
        self.find_action.triggered.connect(self.focus_search)
        self.undo_action.triggered.connect(self.undo_delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.open_action.triggered.connect(self.open_selected)
        self.about_action.triggered.connect(self.show_about)
        self.undo_button.clicked.connect(self._undo_notice)
        self.capture.saved.connect(self._lead_saved)
        self.scans.done.connect(lambda _result: self.lead_changes.changed.emit())
        self.capture.message.connect(self.notify)
        self._notice_timer.timeout.connect(self._clear_notice)
        self.badge_box_action.toggled.connect(self.show_badge_box)
        self.badge_box.scanned.connect(self.scan_badge)
        self.image_action.triggered.connect(self.choose_badge_image)
        self.camera_action.triggered.connect(self.open_camera)
        self.calibrate_action.triggered.connect(self.open_calibration)
        self.import_attendees_action.triggered.connect(self.open_attendee_import)
        self.export_action.triggered.connect(self.open_export)
        self.dashboard_action.toggled.connect(self._dashboard_toggled)
        if self.wedge is not None:
            self.wedge.scanned.connect(self.scan_badge)
            self.wedge.rejected.connect(self._scan_rejected)

        view.show_combo.currentIndexChanged.connect(self._show_chosen)
        view.staff_combo.currentIndexChanged.connect(self._staff_chosen)
        view.search_edit.textChanged.connect(self._search_timer.start)
        view.search_edit.returnPressed.connect(self._search_entered)
        self._search_timer.timeout.connect(self.apply_search)
        view.list_message.button.clicked.connect(self.clear_search_and_filters)
        self.filter_bar.changed.connect(self.apply_search)
        view.welcome.demo_button.clicked.connect(self.create_demo_show)
        view.welcome.new_show_button.clicked.connect(self.open_new_show)
        self.new_show_action.triggered.connect(self.open_new_show)

        view.table.activated.connect(self._open_index)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        header = view.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        header.sectionResized.connect(self._section_resized)
        view.table.viewport().installEventFilter(self)
        view.search_edit.installEventFilter(self)

    def _size_form(self) -> None:
        """The form's width: as the user left it, else ``FORM_WIDTH`` (at most half the
        window, which may be about to open maximised); the list takes the rest."""
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
        splitter.setSizes([form_width, max(1, width - form_width)])

    def _restore_geometry(self) -> None:
        stored = self._settings.value(GEOMETRY_KEY)
        columns = self._settings.value(COLUMNS_KEY)
        if isinstance(columns, QByteArray) and not columns.isEmpty():
            header = self.view.table.horizontalHeader()
            self._columns_fitted_by_user = header.restoreState(columns)
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

    # --- reading the database -------------------------------------------------------

    def refresh(self) -> None:
        """Reads the shows, the staff and the leads again, keeping the selection."""
        selected = self.selected_lead_id()
        events = self.services.events.list()
        self.active_show = self.services.events.active()
        self._fill_show_combo(events)
        self._update_actions()
        if self._dashboard is not None:
            self._follow_show(self._dashboard)
        if self.active_show is None:
            self.setWindowTitle(APP_DISPLAY_NAME)
            self.capture.set_context(None, None)
            self.view.show_welcome()
            self.model.set_filter(None)
            self._update_status()
            return
        # Ending with the application's name keeps Qt from adding it a second time.
        self.setWindowTitle(f"{self.active_show.name} — {APP_DISPLAY_NAME}")
        self.view.show_workspace()
        self.active_staff = self.services.staff.current()
        self._fill_staff_combo(self.services.staff.list())
        self.capture.set_context(self.active_show, self.active_staff)
        if self.started:
            self._fill_filter_choices()
        details = show_summary(self.active_show)
        zone_note = f"times in {self.active_show.timezone}"
        self.view.show_details.setText(" · ".join(p for p in (details, zone_note) if p))
        self.model.set_timezone(self.active_show.timezone)
        self._load_list(keep_loaded=True)
        if selected is not None:
            self.select_lead(selected)

    def _fill_filter_choices(self) -> None:
        show = self.active_show
        if show is None:
            return
        with QSignalBlocker(self.filter_bar):
            self.filter_bar.set_choices(
                self.services.products.list(event_id=show.id),
                self.services.staff.list(event_id=show.id, include_inactive=True),
                self.active_staff,
            )

    def _fill_show_combo(self, events: list[EventRow]) -> None:
        combo = self.view.show_combo
        with QSignalBlocker(combo):
            combo.clear()
            for event in events:
                combo.addItem(event.name, event.id)
                combo.setItemData(
                    combo.count() - 1, show_summary(event), Qt.ItemDataRole.ToolTipRole
                )
            combo.insertSeparator(combo.count())
            combo.addItem(NEW_SHOW_ITEM, NEW_SHOW_DATA)
            combo.setCurrentIndex(combo.findData(self.active_show.id) if self.active_show else -1)

    def _fill_staff_combo(self, staff: list[StaffRow]) -> None:
        combo = self.view.staff_combo
        if self.active_staff is not None and all(
            member.id != self.active_staff.id for member in staff
        ):
            staff = [*staff, self.active_staff]
        with QSignalBlocker(combo):
            combo.clear()
            for member in staff:
                combo.addItem(member.name, member.id)
            combo.setCurrentIndex(combo.findData(self.active_staff.id) if self.active_staff else -1)
        combo.setEnabled(bool(staff))

    def _current_filter(self) -> LeadFilter | None:
        """The show, the search text and the filter bar's choices."""
        if self.active_show is None:
            return None
        base = LeadFilter(event_id=self.active_show.id, search=self.search_text())
        me = self.active_staff.id if self.active_staff is not None else None
        return self.filter_bar.filters().narrow(base, self.active_show.timezone, me)

    def _load_list(self, keep_loaded: bool = False) -> None:
        wanted = self._current_filter()
        if keep_loaded and wanted == self.model.lead_filter:
            self.model.reload(keep_loaded=True)
        else:
            self.model.set_filter(wanted)
        self._update_status()

    # --- user actions ---------------------------------------------------------------

    def search_text(self) -> str:
        return self.view.search_edit.text().strip()

    def apply_search(self) -> None:
        """Filters the list by the search box now (typing does it after a short pause)."""
        self._search_timer.stop()
        if self.active_show is not None:
            self._load_list()

    def clear_search(self) -> None:
        self.view.search_edit.clear()
        self.apply_search()
        self.focus_search()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def clear_search_and_filters(self) -> None:
        """What the empty list's button does: shows the whole show again."""
        with QSignalBlocker(self.filter_bar):
            self.filter_bar.clear()
        self.clear_search()

    def _leave_dashboard(self) -> None:
        """Back to the form and the list, for a shortcut that acts on them."""
        if self.dashboard_action.isChecked():
            self.dashboard_action.setChecked(False)

    def focus_search(self) -> None:
        self._leave_dashboard()
        self.view.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search_edit.selectAll()

    def _search_entered(self) -> None:
        self.apply_search()
        if self.model.rowCount() > 0:
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.view.table.selectRow(0)

    def _show_chosen(self, index: int) -> None:
        event_id = self.view.show_combo.itemData(index)
        if event_id == NEW_SHOW_DATA:
            self._fill_show_combo(self.services.events.list())
            self.open_new_show()
            return
        if event_id is None or (self.active_show is not None and event_id == self.active_show.id):
            return
        if not self.capture.save_open_lead():
            self._fill_show_combo(self.services.events.list())
            return
        self.services.events.use(int(event_id))
        self.refresh()

    def _staff_chosen(self, index: int) -> None:
        staff_id = self.view.staff_combo.itemData(index)
        if staff_id is None or (self.active_staff is not None and staff_id == self.active_staff.id):
            return
        if not self.capture.save_open_lead():
            self._fill_staff_combo(self.services.staff.list())
            return
        self.active_staff = self.services.staff.use(int(staff_id))
        self.refresh()

    def selected_lead_id(self) -> str | None:
        index = self.view.table.currentIndex()
        selection = self.view.table.selectionModel()
        if not index.isValid() or not selection.isRowSelected(index.row(), QModelIndex()):
            return None
        value = self.model.data(index, LEAD_ID_ROLE)
        return str(value) if value is not None else None

    def selected_lead(self) -> LeadRow | None:
        lead_id = self.selected_lead_id()
        row = self.model.row_of(lead_id) if lead_id is not None else None
        return self.model.lead_at(row) if row is not None else None

    def select_lead(self, lead_id: str) -> bool:
        """Selects and shows the row of ``lead_id`` if it is in the loaded part of the list."""
        row = self.model.row_of(lead_id)
        if row is None:
            return False
        self.view.table.selectRow(row)
        self.view.table.scrollTo(self.model.index(row, 0))
        return True

    def open_selected(self) -> None:
        index = self.view.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        """Opens the lead in the capture form for editing."""
        lead_id = index.data(LEAD_ID_ROLE)
        if lead_id is not None and self.capture.put_away():
            self.capture.load_lead(str(lead_id))

    def _lead_saved(self, lead: LeadDetail, before: LeadDetail | None) -> None:
        """After the form saved: the status bar names the lead, with Undo, and the list
        shows it once the form is back in the visitor's hands (the next turn of the event
        loop). ``before`` is the lead as it was, when an existing lead was saved over."""
        QTimer.singleShot(0, self, lambda: self._show_saved_lead(lead.id))
        self.lead_changes.changed.emit()
        name = lead.display_name
        warnings = "; ".join(warning.message for warning in lead.warnings)
        suffix = f" — {warnings}" if warnings else ""
        if before is None:
            self.notify(f"Saved {name}{suffix}", on_undo=lambda: self._undo_save(lead.id, name))
        else:
            self.notify(
                f"Saved changes to {name}{suffix}",
                on_undo=lambda: self._undo_changes(before, lead),
            )

    def _undo_changes(self, before: LeadDetail, after: LeadDetail) -> None:
        """Puts a lead back as it was before a save over it (its new note goes too)."""
        try:
            self.services.leads.revert(before, after)
        except BoothError as error:
            self.notify(f"Could not undo the changes to {after.display_name}: {error}")
            return
        if self.capture.lead_id == before.id and not self.capture.edited:
            self.capture.fill_from_lead(self.services.leads.get(before.id))
        self._show_saved_lead(before.id)
        self.lead_changes.changed.emit()
        self.notify(f"Took back the changes to {before.display_name}.")

    def show_lead_in_list(self, lead_id: str) -> None:
        """Reloads the list and selects ``lead_id`` in it."""
        self._show_saved_lead(lead_id)

    def _show_saved_lead(self, lead_id: str) -> None:
        if self.active_show is None:
            return
        self._load_list(keep_loaded=True)
        self.select_lead(lead_id)

    def _undo_save(self, lead_id: str, name: str) -> None:
        """Takes back a lead just saved (soft delete: Undo delete brings it back)."""
        self.services.leads.delete(lead_id)
        self.model.remove_lead(lead_id)
        self._deleted.append((lead_id, name))
        self._update_status()
        self._update_actions()
        self.lead_changes.changed.emit()
        self.notify(f"Removed “{name}”.", undo=True)

    def delete_selected(self) -> None:
        """Soft-deletes the selected lead; Undo (Ctrl+Z) brings it back."""
        lead = self.selected_lead()
        if lead is None:
            return
        row = self.view.table.currentIndex().row()
        self.services.leads.delete(lead.id)
        self.model.remove_lead(lead.id)
        self._deleted.append((lead.id, lead.display_name))
        if self.model.rowCount() > 0:
            self.view.table.selectRow(min(row, self.model.rowCount() - 1))
        self._update_status()
        self._update_actions()
        self.lead_changes.changed.emit()
        self.notify(f"Deleted “{lead.display_name}”.", undo=True)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        lead_id, name = self._deleted.pop()
        self.services.leads.restore(lead_id)
        self._load_list(keep_loaded=True)
        self.select_lead(lead_id)
        self._update_actions()
        self.lead_changes.changed.emit()
        self.notify(f"Restored “{name}”.", undo=False)

    def notify(
        self,
        text: str,
        undo: bool = False,
        on_undo: Callable[[], None] | None = None,
        *,
        keep_current: bool = False,
    ) -> None:
        """Shows a short message in the status bar, with an Undo button if asked:
        ``undo`` restores the last deleted lead, ``on_undo`` does something else.
        ``keep_current`` puts ``text`` before the message showing, whose Undo stays."""
        self.notices += 1
        if keep_current and self.notice_label.text():
            text = f"{text} · {self.notice_label.text()}"
            if on_undo is None and not undo:
                on_undo = self._notice_undo
                undo = self.undo_button.isVisible() and on_undo is None
        self.notice_label.setText(text)
        self._notice_undo = on_undo
        self.undo_button.setVisible(on_undo is not None or (undo and bool(self._deleted)))
        self._notice_timer.start()

    def _undo_notice(self) -> None:
        action = self._notice_undo
        self._notice_undo = None
        if action is not None:
            action()
        else:
            self.undo_delete()

    def _clear_notice(self) -> None:
        self.notice_label.clear()
        self.undo_button.setVisible(False)
        self._notice_undo = None

    def open_new_show(self) -> None:
        """Asks for a new show's details; once created, it is the active show and its
        settings open on the Staff page, so staff and products come next."""
        from boothapp.gui.settings.new_show_dialog import NewShowDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        if not self.capture.save_open_lead():
            return
        dialog = NewShowDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._new_show_created)
        self.new_show_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "new_show_dialog", None))
        dialog.open()

    def _new_show_created(self, event: object) -> None:
        self.refresh()
        if not isinstance(event, EventRow):
            return
        self.notify(f"Created the show “{event.name}”: add its staff and products.")
        self.open_show_settings()
        if self.settings_dialog is not None:
            self.settings_dialog.show_page("staff")

    def open_show_settings(self) -> None:
        """Opens the settings of the active show (window-modal, not blocking)."""
        if self.active_show is None:
            return
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            self.settings_dialog.activateWindow()
            return
        from boothapp.gui.settings.show_settings_dialog import ShowSettingsDialog

        dialog = ShowSettingsDialog(self.services, self.active_show, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.saved.connect(self._show_settings_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def _show_settings_saved(self, event: object) -> None:
        typed = {} if self.capture.is_empty() else self.capture.fields()
        self.refresh()
        self.reload_capture_form(typed)
        if isinstance(event, EventRow):
            self.notify(f"Saved the settings of “{event.name}”.")

    def reload_capture_form(self, typed: dict[str, Any] | None = None) -> None:
        """Reads the show's catalogue, questions and consent text into the capture form
        again, then puts back ``typed`` (``CaptureForm.fields()`` output; by default
        what the form holds now; empty: nothing)."""
        show, staff = self.active_show, self.active_staff
        if show is None:
            return
        capture = self.capture
        if typed is None:
            typed = {} if capture.is_empty() else capture.fields()
        capture.set_context(None, staff)
        capture.set_context(show, staff)
        if typed:
            capture.set_fields(typed)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(f"About {APP_DISPLAY_NAME}")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{APP_DISPLAY_NAME} {__version__}")
        box.setInformativeText(
            "Lead capture for trade-show booths. Works offline.\n\n"
            f"Database: {self.services.database.label}"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._message_closed)
        self.message_box = box
        box.open()

    def _message_closed(self) -> None:
        self.message_box = None

    def create_demo_show(self) -> None:
        """Fills the database with a demo show and sample leads, off the UI thread."""
        welcome = self.view.welcome
        try:
            from boothapp.core.services.demo import create_demo
        except ModuleNotFoundError as error:
            if error.name != "boothapp.core.services.demo":
                raise
            welcome.status.setText("This version of boothapp has no demo show.")
            return
        welcome.set_busy(True)
        welcome.status.setText(f"Adding a show, staff, products and {DEMO_LEADS} sample leads…")
        services = self.services
        self.runner.run(
            lambda: create_demo(services, leads=DEMO_LEADS),
            on_result=self._demo_created,
            on_error=self._demo_failed,
        )

    def _demo_created(self, event: object) -> None:
        self.view.welcome.set_busy(False)
        self.view.welcome.status.clear()
        if isinstance(event, EventRow):
            self.services.events.use(event.id)
        self.refresh()
        if self.active_show is not None:
            self.notify(f"Created the demo show “{self.active_show.name}”.")
        self.focus_search()

    def _demo_failed(self, error: Exception) -> None:
        welcome = self.view.welcome
        welcome.set_busy(False)
        if isinstance(error, BoothError):
            welcome.status.setText(f"The demo show could not be created: {error}")
            return
        welcome.status.clear()
        sys.excepthook(type(error), error, error.__traceback__)

    # --- scanning badges ---------------------------------------------------------------

    def scan_badge(self, payload: str, source: LeadSource = LeadSource.BADGE) -> None:
        """A scanner's or the badge box's payload: saved and opened in the form."""
        self.scans.handle(payload, source)

    def _scan_rejected(self, message: str) -> None:
        self.scans.fail(f"Scan not read: {message}")

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

    def choose_badge_image(self) -> None:
        """Asks for a photo or image of a badge and reads its code."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, "Scan badge from image", str(Path.home()), IMAGE_FILTER
        )
        if path:
            self.scan_image_file(path)

    def scan_image_file(self, path: str | Path) -> None:
        """Decodes the codes in ``path`` off the UI thread; each becomes a scan."""
        from boothapp.gui.scanning.camera import decode_image_file

        path = Path(path)
        self.notify(f"Reading the badge code in {path.name}…")
        self.runner.run(
            lambda: decode_image_file(path),
            on_result=lambda payloads: self._image_decoded(path, payloads),
            on_error=self._image_failed,
        )

    def _image_decoded(self, path: Path, payloads: list[str]) -> None:
        if not payloads:
            self.scans.fail(
                f"No badge code found in {path.name}: take a sharper photo of the code "
                "or type the badge in (Ctrl+B)"
            )
            return
        for payload in payloads:
            self.scans.handle(payload, LeadSource.IMAGE)

    def _image_failed(self, error: Exception) -> None:
        if isinstance(error, BoothError):
            self.scans.fail(str(error))
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.active_show is not None and image_paths(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = image_paths(event) if self.active_show is not None else []
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        for path in paths:
            self.scan_image_file(path)

    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._scan_dialog_closed)
        self.scan_dialog = dialog
        dialog.open()

    def _scan_dialog_closed(self) -> None:
        self.scan_dialog = None

    def open_camera(self) -> None:
        """Opens the camera scanner; what it reads is scanned like a badge."""
        from boothapp.gui.scanning.camera_dialog import CameraDialog

        if self.scan_dialog is not None:
            self.scan_dialog.raise_()
            return
        dialog = CameraDialog(self, devices=self.camera_devices)
        dialog.decoded.connect(lambda payload: self.scan_badge(payload, LeadSource.CAMERA))
        self._open_dialog(dialog)
        dialog.start()

    def open_calibration(self) -> None:
        """Teaches the app what this laptop's keyboard layout does to scanners."""
        if self.wedge is None:
            return
        from boothapp.gui.scanning.calibration_dialog import CalibrationDialog

        if self.scan_dialog is not None:
            self.scan_dialog.raise_()
            return
        self._open_dialog(CalibrationDialog(self.wedge, self.services.scanner, self))

    def open_attendee_import(self) -> None:
        """Opens the attendee-list import for the active show."""
        if self.active_show is None:
            return
        from boothapp.gui.attendees.import_dialog import AttendeeImportDialog

        if self.scan_dialog is not None:
            self.scan_dialog.raise_()
            return
        dialog = AttendeeImportDialog(self.services, self.active_show, self.runner, self)
        dialog.imported.connect(self._attendees_imported)
        self._open_dialog(dialog)

    def open_export(self) -> None:
        """Opens the export of the active show's leads."""
        if self.active_show is None:
            return
        from boothapp.gui.export_dialog import ExportDialog

        if self.scan_dialog is not None:
            self.scan_dialog.raise_()
            return
        dialog = ExportDialog(
            self.services, self.active_show, self.runner, self, settings=self._settings
        )
        dialog.exported.connect(self.notify)
        self.lead_changes.changed.connect(dialog.follow_lead_changes)
        self._open_dialog(dialog)

    def _attendees_imported(self, summary: str) -> None:
        self._load_list(keep_loaded=True)
        self.lead_changes.changed.emit()
        self.notify(summary)

    # --- keeping the window in step -------------------------------------------------

    def _update_status(self) -> None:
        """Brings the list area up to date now, and the counts when they are counted
        (which starts once the first screen is painted)."""
        event = self.active_show
        self._counts_wanted += 1
        if event is None:
            for label in (self.today_label, self.mine_label, self.show_total_label):
                label.setVisible(False)
            self.summary_label.clear()
            return
        self._update_list_area()
        if not self.started:
            return
        generation = self._counts_wanted
        leads = self.services.leads
        staff_id = self.active_staff.id if self.active_staff is not None else None
        search = self.search_text()
        known = self.model.rowCount() if self.model.is_complete() else None
        listed = self.model.lead_filter
        self.runner.run(
            lambda: count_leads(leads, event, staff_id, search, known, listed),
            on_result=lambda counts: self._show_counts(generation, counts),
        )

    def _show_counts(self, generation: int, counts: LeadCounts) -> None:
        if generation != self._counts_wanted:
            return
        self.counts = counts
        self.today_label.setText(f"Today: {counts.today}")
        self.show_total_label.setText(f"In the show: {counts.in_show}")
        if counts.mine is not None:
            self.mine_label.setText(f"By me today: {counts.mine}")
        for label in (self.today_label, self.mine_label, self.show_total_label):
            label.setVisible(label is not self.mine_label or counts.mine is not None)
        search = self.search_text()
        matching = counts.matching
        if self.filter_bar.filters().active:
            self.summary_label.setText(_filtered_summary(matching, counts.in_show, search))
        elif search:
            if matching == 0:
                self.summary_label.setText(f"No leads match “{search}”")
            else:
                noun = "lead matches" if matching == 1 else "leads match"
                self.summary_label.setText(f"{matching} of {counts.in_show} {noun} “{search}”")
        elif matching == 0:
            self.summary_label.setText("No leads yet")
        else:
            self.summary_label.setText(f"{matching} lead" + ("" if matching == 1 else "s"))

    def _update_list_area(self) -> None:
        """The table, or a message when it would be empty (known without counting)."""
        if self.model.rowCount() > 0 or not self.model.is_complete():
            self.view.show_table()
            return
        search = self.search_text()
        if self.filter_bar.filters().active:
            self.view.show_list_message(
                "No leads match the filters" + (f" and “{search}”" if search else ""),
                "The filters above the list hide every lead of this show.",
                "Clear search and filters" if search else "Clear filters",
            )
        elif search:
            self.view.show_list_message(
                f"No leads match “{search}”",
                "Try fewer or shorter words: each word matches the start of a name, "
                "company, e-mail, city or note.",
                "Clear search",
            )
        else:
            self.view.show_list_message(
                "No leads yet",
                "Leads captured at this show will be listed here, newest first.",
            )

    def _update_actions(self) -> None:
        has_show = self.active_show is not None
        selected = has_show and self.selected_lead_id() is not None
        self.delete_action.setEnabled(selected)
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
        self.undo_action.setEnabled(bool(self._deleted))
        if self._deleted:
            name = self._deleted[-1][1].replace("&", "&&")
            self.undo_action.setText(f"&Undo delete of “{name}”")
        else:
            self.undo_action.setText("&Undo delete")

    def _selection_changed(self) -> None:
        self._update_actions()

    def _sort_indicator_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if 0 <= section < len(Column) and Column(section).sort_key is not None:
            return
        order = (
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.view.table.horizontalHeader()
        with QSignalBlocker(header):
            header.setSortIndicator(self.model.sort_column, order)
        header.viewport().update()

    # --- column widths --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif (
            watched is self.view.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.selected_lead_id() is None:
                self.view.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Shares the table's width among the columns until the user resizes one."""
        if self._columns_fitted_by_user:
            return
        table = self.view.table
        metrics = table.fontMetrics()
        padding = 28
        fixed = {
            column: metrics.horizontalAdvance(sample) + padding
            for column, sample in _FIXED_COLUMNS.items()
        }
        fixed[Column.RATING] += 24
        room = table.viewport().width() - sum(fixed.values())
        header = table.horizontalHeader()
        narrow = table.viewport().width() < NARROW_LIST
        flexible = {
            column: share
            for column, share in _FLEXIBLE_COLUMNS.items()
            if not (narrow and column in _NARROW_HIDDEN)
        }
        shares = sum(flexible.values())
        minimum = metrics.horizontalAdvance("x" * 8) + padding
        self._fitting_columns = True
        try:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column in _NARROW_HIDDEN:
                header.setSectionHidden(column, narrow)
            for column, width in fixed.items():
                header.resizeSection(column, width)
            for column, share in flexible.items():
                header.resizeSection(column, max(minimum, int(room * share / shares)))
        finally:
            self._fitting_columns = False

    def _section_resized(self, _index: int, _old: int, _new: int) -> None:
        if not self._fitting_columns and self.isVisible():
            header = self.view.table.horizontalHeader()
            if header.underMouse():
                self._columns_fitted_by_user = True

    # --- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.active_show is not None:
            self.capture.put_away()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(SPLITTER_KEY, self.view.splitter.saveState())
        if self._columns_fitted_by_user:
            header = self.view.table.horizontalHeader()
            self._settings.setValue(COLUMNS_KEY, header.saveState())
        self._settings.sync()
        super().closeEvent(event)

"""The main window's status bar: what the list shows, a short notice with an Undo
button, today's counts, the scanner indicator and a lasting warning when the database
lies in an unsafe place; and the bar above the window's centre that says why the
database is read-only.

The counts follow the lead list (``LeadList.listed``): they are counted off the UI
thread whenever the list was loaded, for the same show, search and filters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar, QToolBar, QWidget

from boothapp.core.db import Database
from boothapp.core.errors import DamagedDatabase, DiskFull
from boothapp.core.services.counts import CountService, StatusCounts
from boothapp.gui.formatting import number
from boothapp.gui.i18n import translate
from boothapp.gui.palette import problem_style
from boothapp.gui.scanning.wedge import ScannerIndicator, WedgeScanner
from boothapp.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from boothapp.gui.lead_list import Listing

NOTICE_MS = 20_000


LeadCounts = StatusCounts


def summary(counts: LeadCounts, search: str, filtered: bool) -> str:
    """The status bar's line about the list: how many leads it shows, and of how many."""
    matching, in_show = counts.matching, counts.in_show
    figures = {"matching": number(matching), "in_show": number(in_show), "search": search}
    one = matching == 1
    if filtered and search:
        if matching == 0:
            text = translate("status_bar", "No leads match the filters and “{search}”")
        elif one:
            text = translate(
                "status_bar", "{matching} of {in_show} lead matches the filters and “{search}”"
            )
        else:
            text = translate(
                "status_bar", "{matching} of {in_show} leads match the filters and “{search}”"
            )
    elif filtered:
        if matching == 0:
            text = translate("status_bar", "No leads match the filters")
        elif one:
            text = translate("status_bar", "{matching} of {in_show} lead matches the filters")
        else:
            text = translate("status_bar", "{matching} of {in_show} leads match the filters")
    elif search:
        if matching == 0:
            text = translate("status_bar", "No leads match “{search}”")
        elif one:
            text = translate("status_bar", "{matching} of {in_show} lead matches “{search}”")
        else:
            text = translate("status_bar", "{matching} of {in_show} leads match “{search}”")
    elif matching == 0:
        text = translate("status_bar", "No leads yet")
    elif one:
        text = translate("status_bar", "{matching} lead")
    else:
        text = translate("status_bar", "{matching} leads")
    return text.format(**figures)


class StatusBar(QStatusBar):
    """``notify`` shows a notice (``notices`` counts them); ``follow`` counts the leads
    of a :class:`~boothapp.gui.lead_list.Listing` once :meth:`start_counting` was
    called (just after the window's first paint); ``counts`` are the latest figures."""

    def __init__(
        self,
        counts: CountService,
        runner: TaskRunner,
        wedge: WedgeScanner | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._counts_service = counts
        self._runner = runner
        self._counts_wanted = 0
        self._counting = False
        self._notice_undo: Callable[[], None] | None = None
        self.counts: LeadCounts | None = None
        self.notices = 0
        self.setSizeGripEnabled(False)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Bring the deleted lead back (Ctrl+Z)"))
        self.undo_button.setFlat(True)
        self.undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.undo_button.setVisible(False)
        self.today_label = QLabel()
        self.today_label.setObjectName("todayLabel")
        self.today_label.setToolTip(self.tr("Leads captured today (show time) at this show"))
        self.mine_label = QLabel()
        self.mine_label.setObjectName("mineLabel")
        self.mine_label.setToolTip(self.tr("Leads captured today by the person at this laptop"))
        self.show_total_label = QLabel()
        self.show_total_label.setObjectName("showTotalLabel")
        self.show_total_label.setToolTip(self.tr("Every lead of this show"))
        self.scanner_indicator = ScannerIndicator(wedge)
        self.scanner_indicator.setObjectName("scannerIndicator")
        self.place_label = QLabel(self.tr("⚠ Unsafe folder for the database"))
        self.place_label.setObjectName("placeLabel")
        self.place_label.setStyleSheet(problem_style())
        self.place_label.setVisible(False)
        self.addWidget(self.summary_label)
        self.addWidget(self.notice_label)
        self.addWidget(self.undo_button)
        for label in self._count_labels():
            label.setContentsMargins(10, 0, 4, 0)
            self.addPermanentWidget(label)
        self.addPermanentWidget(self.scanner_indicator)
        self.addPermanentWidget(self.place_label)

        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self._clear_notice)
        self.undo_button.clicked.connect(self._undo_notice)

    def _count_labels(self) -> tuple[QLabel, QLabel, QLabel]:
        return (self.today_label, self.mine_label, self.show_total_label)

    # --- notices ----------------------------------------------------------------------

    def notify(
        self,
        text: str,
        on_undo: Callable[[], None] | None = None,
        *,
        keep_current: bool = False,
    ) -> None:
        """Shows a short message, with an Undo button that calls ``on_undo`` if given.
        ``keep_current`` puts ``text`` before the message showing, whose Undo stays."""
        self.notices += 1
        if keep_current and self.notice_label.text():
            text = f"{text} · {self.notice_label.text()}"
            if on_undo is None:
                on_undo = self._notice_undo
        self.notice_label.setText(text)
        self._notice_undo = on_undo
        self.undo_button.setVisible(on_undo is not None)
        self._notice_timer.start()

    def _undo_notice(self) -> None:
        action = self._notice_undo
        self._notice_undo = None
        if action is not None:
            action()

    def _clear_notice(self) -> None:
        self.notice_label.clear()
        self.undo_button.setVisible(False)
        self._notice_undo = None

    def show_place_warning(self, warning: str) -> None:
        """A lasting mark that the database lies in an unsafe place (a network share, a
        synced folder); ``warning`` says which and what to do, in its tooltip."""
        self.place_label.setToolTip(warning)
        self.place_label.setAccessibleDescription(warning)
        self.place_label.setVisible(True)

    # --- counts -----------------------------------------------------------------------

    def start_counting(self) -> None:
        self._counting = True

    def follow(self, listing: Listing) -> None:
        """Counts the leads of what the list shows (off the UI thread); without a show,
        hides the counts."""
        self._counts_wanted += 1
        show = listing.show
        if show is None:
            for label in self._count_labels():
                label.setVisible(False)
            self.summary_label.clear()
            return
        if not self._counting:
            return
        generation = self._counts_wanted
        counts = self._counts_service
        self._runner.run(
            lambda: counts.status(
                show, listing.staff_id, listing.search, listing.known, listing.lead_filter
            ),
            on_result=lambda counts: self._show_counts(generation, listing, counts),
        )

    def _show_counts(self, generation: int, listing: Listing, counts: LeadCounts) -> None:
        if generation != self._counts_wanted:
            return
        self.counts = counts
        self.today_label.setText(self.tr("Today: {count}").format(count=number(counts.today)))
        self.show_total_label.setText(
            self.tr("In the show: {count}").format(count=number(counts.in_show))
        )
        if counts.mine is not None:
            self.mine_label.setText(
                self.tr("By me today: {count}").format(count=number(counts.mine))
            )
        for label in self._count_labels():
            label.setVisible(label is not self.mine_label or counts.mine is not None)
        self.summary_label.setText(summary(counts, listing.search, listing.filtered))


def read_only_warning(database: Database) -> str | None:
    """Why nothing can be saved in ``database`` and what still works; None when it is
    writable."""
    reason = database.read_only_reason
    if reason is None:
        return None
    if isinstance(reason, DamagedDatabase):
        from boothapp.gui.recovery import salvage_command

        path = database.target.path
        if path is None:
            text = translate(
                "status_bar",
                "Read-only, nothing can be saved: {database} is damaged. Still working: "
                "the list, search and export of the leads that can be read. To save again, "
                "quit and restore a backup, or copy every readable lead into a new file "
                "(salvage)",
            )
            return text.format(database=database.label)
        text = translate(
            "status_bar",
            "Read-only, nothing can be saved: {database} is damaged. Still working: "
            "the list, search and export of the leads that can be read. To save again, "
            "quit and restore a backup, or copy every readable lead into a new file: "
            "{command}",
        )
        return text.format(database=database.label, command=salvage_command(path))
    if isinstance(reason, DiskFull):
        text = translate(
            "status_bar",
            "Read-only, nothing can be saved: {reason}. Still working: the list, search, "
            "export, and File > Back up now… to another disk (a USB stick).",
        )
    else:
        text = translate(
            "status_bar",
            "Read-only: {reason}. Still working: the list, search, export, and "
            "File > Back up now… to another disk (a USB stick).",
        )
    return text.format(reason=reason)


class WarningBar(QToolBar):
    """A bar across the top of the window with a lasting warning (a read-only database);
    hidden until :meth:`warn`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Warning"))
        self.setObjectName("warningBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.label = _WrappedLine()
        self.label.setObjectName("warningLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet(problem_style())
        self.label.setContentsMargins(8, 4, 8, 4)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.label)
        self.setVisible(False)

    def warn(self, text: str) -> None:
        self.label.setText(f"⚠ {text}")
        self.setVisible(True)


class _WrappedLine(QLabel):
    """A word-wrapped label as tall as its lines at the width it is given (in a tool
    bar, a label is otherwise as tall as its lines at its narrowest)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = self.heightForWidth(event.size().width())
        if height > 0 and height != self.minimumHeight():
            self.setFixedHeight(height)

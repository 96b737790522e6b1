"""Layout of the main window's centre: the show header, the search box and the lead list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.views.welcome_view import WelcomeView

SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "MainView", "Search leads — name, company, e-mail, city, notes"
)


def _scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


class ListMessageView(QWidget):
    """What the list area shows instead of an empty table: a title, a line, a button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("listMessageTitle")
        self.title.setFont(_scaled_font(self.title, 1.35, bold=True))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addStretch(3)


class MainView(QWidget):
    """The centre of the main window: either the welcome page (no show yet) or the
    workspace (header, then the capture form beside the search box and list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.welcome = WelcomeView()
        self.workspace = QWidget()

        self.show_combo = QComboBox()
        self.show_combo.setObjectName("showCombo")
        self.show_combo.setFont(_scaled_font(self.show_combo, 1.3, bold=True))
        self.show_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.show_combo.setMinimumContentsLength(16)
        self.show_combo.setToolTip(self.tr("The show the leads belong to"))
        self.show_combo.setAccessibleName(self.tr("Show"))
        self.show_details = QLabel()
        self.show_details.setObjectName("showDetails")
        self.show_details.setTextFormat(Qt.TextFormat.PlainText)
        self.show_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.staff_label = QLabel(self.tr("At this laptop:"))
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("staffCombo")
        self.staff_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.staff_combo.setMinimumContentsLength(14)
        self.staff_combo.setPlaceholderText(self.tr("Who are you?"))
        self.staff_combo.setToolTip(self.tr("New leads and notes are recorded as this person's"))
        self.staff_combo.setAccessibleName(self.tr("Staff member at this laptop"))
        self.staff_label.setBuddy(self.staff_combo)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(translate("MainView", str(SEARCH_PLACEHOLDER)))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search leads"))
        self.search_edit.setMinimumHeight(self.search_edit.sizeHint().height() + 6)

        self.table = QTableView()
        self.table.setObjectName("leadTable")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        row_height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setMinimumSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Leads"))

        self.list_message = ListMessageView()
        self.list_pages = QStackedWidget()
        self.list_pages.addWidget(self.table)
        self.list_pages.addWidget(self.list_message)

        self._lay_out()

    def _lay_out(self) -> None:
        show_box = QVBoxLayout()
        show_box.setSpacing(2)
        show_box.addWidget(self.show_combo, 0, Qt.AlignmentFlag.AlignLeft)
        show_box.addWidget(self.show_details)

        staff_box = QHBoxLayout()
        staff_box.setSpacing(6)
        staff_box.addWidget(self.staff_label)
        staff_box.addWidget(self.staff_combo)

        header = QFrame()
        header.setObjectName("showHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(12, 8, 12, 6)
        header_layout.addLayout(show_box, 1)
        header_layout.addLayout(staff_box)
        header_layout.setAlignment(staff_box, Qt.AlignmentFlag.AlignTop)

        search_row = QHBoxLayout()
        search_row.setContentsMargins(12, 4, 12, 8)
        search_row.addWidget(self.search_edit)

        self.badge_panel = QFrame()
        self.badge_panel.setObjectName("badgePanel")
        self.badge_title = QLabel(self.tr("Type or paste a badge:"))
        badge_layout = QVBoxLayout(self.badge_panel)
        badge_layout.setContentsMargins(12, 8, 12, 4)
        badge_layout.setSpacing(4)
        badge_layout.addWidget(self.badge_title)
        self.badge_panel.setVisible(False)

        self.list_panel = QWidget()
        list_layout = QVBoxLayout(self.list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.badge_panel)
        list_layout.addLayout(search_row)
        self.filter_area = QVBoxLayout()
        self.filter_area.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(self.filter_area)
        list_layout.addWidget(self.list_pages, 1)
        self.list_pages.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.list_panel.setMinimumWidth(260)

        self.form_area = QWidget()
        self.form_area.setObjectName("formArea")
        form_layout = QVBoxLayout(self.form_area)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.form_area.setVisible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("captureSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_area)
        self.splitter.addWidget(self.list_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        workspace = QVBoxLayout(self.workspace)
        workspace.setContentsMargins(0, 0, 0, 0)
        workspace.setSpacing(0)
        workspace.addWidget(header)
        workspace.addWidget(self.splitter, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.workspace)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def set_capture_form(self, form: QWidget, width: int) -> None:
        """Puts the capture form left of the list, ``width`` pixels wide to start with."""
        layout = self.form_area.layout()
        if layout is not None:
            layout.addWidget(form)
        self.form_area.setMinimumWidth(min(width, 380))
        self.form_area.setVisible(True)
        self.splitter.setSizes([width, max(1, self.splitter.width() - width)])

    def set_badge_box(self, box: QWidget, height: int = 110) -> None:
        """Puts the "type or paste a badge" box above the search box (hidden until
        :meth:`show_badge_box`)."""
        layout = self.badge_panel.layout()
        if layout is not None:
            layout.addWidget(box)
        self.badge_title.setBuddy(box)
        box.setMaximumHeight(height)

    def show_badge_box(self, visible: bool) -> None:
        self.badge_panel.setVisible(visible)

    def set_filter_bar(self, bar: QWidget, focus_chain: list[QWidget]) -> None:
        """Puts the filter bar between the search box and the list; Tab goes from the
        search box through ``focus_chain`` (the bar's controls) to the list."""
        self.filter_area.addWidget(bar)
        chain = [self.search_edit, *focus_chain, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)

    def show_workspace(self) -> None:
        self.pages.setCurrentWidget(self.workspace)

    def show_table(self) -> None:
        self.list_pages.setCurrentWidget(self.table)

    def show_list_message(self, title: str, text: str, button: str | None = None) -> None:
        self.list_message.title.setText(title)
        self.list_message.text.setText(text)
        self.list_message.button.setText(button or "")
        self.list_message.button.setVisible(button is not None)
        self.list_pages.setCurrentWidget(self.list_message)

    def showing_table(self) -> bool:
        return self.list_pages.currentWidget() is self.table

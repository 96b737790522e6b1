"""Layout of the first-run page shown while the database holds no show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate

# English texts, shown as translate("WelcomeView", ...).
WELCOME_TITLE = QT_TRANSLATE_NOOP("WelcomeView", "No show yet")
WELCOME_TEXT = QT_TRANSLATE_NOOP(
    "WelcomeView",
    "boothapp keeps the leads of each trade show apart. Set up your show (its name, "
    "dates, place and consent text; staff and products come next), or try boothapp "
    "with a demo show full of sample visitors.",
)
NEW_SHOW_BUTTON = QT_TRANSLATE_NOOP("WelcomeView", "Set up a new show…")
DEMO_BUTTON = QT_TRANSLATE_NOOP("WelcomeView", "Create the demo show")
DEMO_BUSY = QT_TRANSLATE_NOOP("WelcomeView", "Creating the demo show…")


class WelcomeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(translate("WelcomeView", str(WELCOME_TITLE)))
        self.title.setObjectName("welcomeTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.text = QLabel(translate("WelcomeView", str(WELCOME_TEXT)))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMinimumWidth(440)
        self.text.setMaximumWidth(560)

        self.new_show_button = QPushButton(translate("WelcomeView", str(NEW_SHOW_BUTTON)))
        self.new_show_button.setObjectName("newShowButton")
        self.new_show_button.setDefault(True)
        self.new_show_button.setAutoDefault(True)
        self.demo_button = QPushButton(translate("WelcomeView", str(DEMO_BUTTON)))
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setAutoDefault(True)
        for button in (self.new_show_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            button.setMinimumWidth(220)

        self.status = QLabel()
        self.status.setObjectName("welcomeStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        layout.addSpacing(20)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.new_show_button)
        button_row.addSpacing(12)
        button_row.addWidget(self.demo_button)
        button_row.addStretch(1)
        layout.addLayout(button_row)
        layout.addSpacing(8)
        layout.addWidget(self.status)
        layout.addStretch(3)

    def set_busy(self, busy: bool) -> None:
        self.demo_button.setEnabled(not busy)
        self.new_show_button.setEnabled(not busy)
        self.demo_button.setText(translate("WelcomeView", str(DEMO_BUSY if busy else DEMO_BUTTON)))

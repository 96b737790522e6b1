"""Layout of the capture form: bars for a draft or a duplicate, the contact fields, the
products, rating, follow-ups, questions, consent and notes, and the save row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.vocabulary import FOLLOW_UP_LABELS, RATING_LABELS, FollowUp, Rating
from boothapp.gui.capture.products_panel import ProductsPanel
from boothapp.gui.capture.questions_panel import QuestionsPanel
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

# (field name, label, placeholder) in reading and tab order; two per row. The label and
# placeholder are translated where shown (context "capture_view").
CONTACT_FIELDS = (
    ("first_name", QT_TRANSLATE_NOOP("capture_view", "Fi&rst name"), ""),
    ("last_name", QT_TRANSLATE_NOOP("capture_view", "&Last name"), ""),
    (
        "company",
        QT_TRANSLATE_NOOP("capture_view", "Compan&y"),
        QT_TRANSLATE_NOOP("capture_view", "Type to see companies met before"),
    ),
    ("job_title", QT_TRANSLATE_NOOP("capture_view", "&Job title"), ""),
    (
        "email",
        QT_TRANSLATE_NOOP("capture_view", "E-ma&il"),
        QT_TRANSLATE_NOOP("capture_view", "name@company.com"),
    ),
    ("phone", QT_TRANSLATE_NOOP("capture_view", "&Phone"), "+33 1 23 45 67 89"),
    ("mobile", QT_TRANSLATE_NOOP("capture_view", "&Mobile"), "+33 6 12 34 56 78"),
    ("country", QT_TRANSLATE_NOOP("capture_view", "Co&untry"), ""),
    ("city", QT_TRANSLATE_NOOP("capture_view", "Ci&ty"), ""),
    (
        "website",
        QT_TRANSLATE_NOOP("capture_view", "&Website"),
        QT_TRANSLATE_NOOP("capture_view", "company.com"),
    ),
)
RATING_KEYS = {Rating.HOT: "Alt+1", Rating.WARM: "Alt+2", Rating.COLD: "Alt+3"}
# Tints laid over the palette's button colour when a rating is chosen: readable on
# light and dark palettes alike.
RATING_TINTS = {
    Rating.HOT: "rgba(229, 57, 53, 0.38)",
    Rating.WARM: "rgba(251, 140, 0, 0.38)",
    Rating.COLD: "rgba(30, 136, 229, 0.38)",
}


def _bold(widget: QWidget, factor: float = 1.0) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(True)
    return font


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class BarView(QFrame):
    """A strip across the top of the form: a message and a row of buttons."""

    def __init__(self, name: str, buttons: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.text = _plain_label()
        self.text.setObjectName(f"{name}Text")
        self.buttons = [QPushButton(title) for title in buttons]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setVisible(False)


class CaptureView(QWidget):
    """Every control of the capture form, laid out; the behaviour is in ``CaptureForm``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureView")
        self.title = _plain_label(self.tr("New visitor"))
        self.title.setObjectName("captureTitle")
        self.title.setFont(_bold(self.title, 1.25))
        self.subtitle = _plain_label()
        self.subtitle.setObjectName("captureSubtitle")
        self.subtitle.setVisible(False)

        self.restore_bar = BarView("restoreBar", [self.tr("Restore"), self.tr("Discard")])
        self.restore_button, self.discard_button = self.restore_bar.buttons
        self.duplicate_bar = BarView(
            "duplicateBar",
            [
                self.tr("&Open existing"),
                self.tr("Mer&ge into it"),
                self.tr("&Save anyway"),
                self.tr("Cancel"),
            ],
        )
        (
            self.open_existing_button,
            self.merge_button,
            self.save_anyway_button,
            self.cancel_duplicate_button,
        ) = self.duplicate_bar.buttons
        self.error_label = _plain_label()
        self.error_label.setObjectName("captureError")
        self.error_label.setVisible(False)

        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.hints: dict[str, QLabel] = {}
        for name, source_title, source_placeholder in CONTACT_FIELDS:
            title = translate("capture_view", source_title)
            placeholder = (
                translate("capture_view", source_placeholder) if source_placeholder else ""
            )
            label = QLabel(title)
            self.labels[name] = label
            hint = _plain_label()
            hint.setObjectName(f"hint:{name}")
            hint.setVisible(False)
            self.hints[name] = hint
            if name == "country":
                continue
            edit = QLineEdit()
            edit.setObjectName(f"field:{name}")
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(title.replace("&", ""))
            label.setBuddy(edit)
            self.edits[name] = edit
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("field:country")
        self.country_combo.setEditable(True)
        self.country_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country_combo.setAccessibleName(self.tr("Country"))
        self.country_combo.setMinimumContentsLength(12)
        self.country_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.labels["country"].setBuddy(self.country_combo)
        self.edits["email"].setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        for name in ("phone", "mobile"):
            self.edits[name].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)

        self.products = ProductsPanel()

        self.rating_label = QLabel(self.tr("Rating:"))
        self.rating_buttons: dict[Rating, QPushButton] = {}
        for rating, label_text in RATING_LABELS.items():
            title = vocabulary(label_text)
            keys = RATING_KEYS[rating]
            button = QPushButton(f"{title}  ({keys})")
            button.setObjectName(f"rating:{rating}")
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Rating {rating}").format(rating=title))
            button.setToolTip(
                self.tr("Rate the visitor {rating} ({keys})").format(
                    rating=title.lower(), keys=keys
                )
            )
            button.setStyleSheet(
                f"QPushButton:checked {{ background-color: {RATING_TINTS[rating]};"
                " border: 1px solid palette(mid); border-radius: 3px; padding: 3px 6px; }"
            )
            self.rating_buttons[rating] = button
        self.rating_label.setBuddy(self.rating_buttons[Rating.HOT])
        self.follow_up_boxes: dict[FollowUp, QCheckBox] = {}
        for follow_up, title in FOLLOW_UP_LABELS.items():
            box = QCheckBox(vocabulary(title))
            box.setObjectName(f"followUp:{follow_up}")
            self.follow_up_boxes[follow_up] = box

        self.questions = QuestionsPanel()

        self.consent_box = QCheckBox(self.tr("The visitor &agrees to be contacted"))
        self.consent_box.setObjectName("consentBox")
        self.consent_text = _plain_label()
        self.consent_text.setObjectName("consentText")
        self.consent_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        consent_font = self.consent_text.font()
        consent_font.setItalic(True)
        self.consent_text.setFont(consent_font)

        self.notes_label = QLabel(self.tr("&Notes on the conversation:"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("What did the visitor ask about? Each save adds a note.")
        )
        self.notes_edit.setAccessibleName(self.tr("Notes on the conversation"))
        self.notes_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.notes_label.setBuddy(self.notes_edit)
        self.history_label = QLabel(self.tr("Earlier notes and visits:"))
        self.history = QPlainTextEdit()
        self.history.setObjectName("history")
        self.history.setReadOnly(True)
        self.history.setTabChangesFocus(True)
        self.history.setAccessibleName(self.tr("Earlier notes and visits"))
        self.history.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.history_label.setBuddy(self.history)
        self.history_label.setVisible(False)
        self.history.setVisible(False)

        self.save_button = QPushButton(self.tr("Save  (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save the visitor (Ctrl+S or Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setFont(_bold(self.save_button))
        self.new_button = QPushButton(self.tr("New  (Esc)"))
        self.new_button.setObjectName("newButton")
        self.new_button.setToolTip(self.tr("Clear the form for the next visitor (Esc)"))

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("captureScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._lay_out()

    def full_width(self) -> int:
        """The width the form needs to show its two columns uncut (it scrolls only
        up and down): wider in a language with longer labels."""
        body = self.scroll_area.widget()
        if body is None:
            return 0
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return body.minimumSizeHint().width() + scroll_bar + 2 * self.scroll_area.frameWidth()

    def field(self, name: str) -> QWidget:
        """The control of a contact field (the country combo box for "country")."""
        return self.country_combo if name == "country" else self.edits[name]

    def _lay_out(self) -> None:
        contact = QGridLayout()
        contact.setHorizontalSpacing(12)
        contact.setVerticalSpacing(2)
        for i, (name, _title, _placeholder) in enumerate(CONTACT_FIELDS):
            row, column = divmod(i, 2)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(self.labels[name])
            cell.addWidget(self.field(name))
            cell.addWidget(self.hints[name])
            cell.addStretch(1)
            contact.addLayout(cell, row, column)
        contact.setColumnStretch(0, 1)
        contact.setColumnStretch(1, 1)

        products_box = QGroupBox(self.tr("Products"))
        products_layout = QVBoxLayout(products_box)
        products_layout.addWidget(self.products)

        rating_row = QHBoxLayout()
        for button in self.rating_buttons.values():
            rating_row.addWidget(button)
        rating_row.addStretch(1)
        follow_ups = QGridLayout()
        follow_ups.setHorizontalSpacing(12)
        for i, box in enumerate(self.follow_up_boxes.values()):
            follow_ups.addWidget(box, i // 2, i % 2)
        qualify_box = QGroupBox(self.tr("Qualification"))
        qualify_layout = QVBoxLayout(qualify_box)
        qualify_layout.addWidget(self.rating_label)
        qualify_layout.addLayout(rating_row)
        follow_label = QLabel(self.tr("Follow-up:"))
        qualify_layout.addWidget(follow_label)
        qualify_layout.addLayout(follow_ups)

        consent_box = QGroupBox(self.tr("Consent"))
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_box)
        consent_layout.addWidget(self.consent_text)

        # Two columns, so that at 1366x768 everything a scan is followed by (products,
        # rating, follow-ups, notes) is on screen with the contact fields.
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(contact)
        left.addWidget(consent_box)
        left.addWidget(self.notes_label)
        left.addWidget(self.notes_edit)
        left.addWidget(self.questions)
        left.addWidget(self.history_label)
        left.addWidget(self.history)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(qualify_box)
        right.addWidget(products_box, 1)

        body = QWidget()
        body.setObjectName("captureBody")
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(12, 8, 12, 8)
        body_layout.setSpacing(12)
        body_layout.addLayout(left, 1)
        body_layout.addLayout(right, 1)
        self.scroll_area.setWidget(body)

        heading = QVBoxLayout()
        heading.setContentsMargins(12, 8, 12, 0)
        heading.setSpacing(4)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addWidget(self.restore_bar)
        heading.addWidget(self.duplicate_bar)
        heading.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(12, 6, 12, 8)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(heading)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

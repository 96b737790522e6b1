"""Layout of the read-only lead card: a title, labelled fields and titled sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def _text_label(text: str = "") -> QLabel:
    """A label that shows lead data literally (never as HTML) and can be copied.

    Right-to-left text keeps its reading order but stays at the left edge, in line
    with the other values."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop
    )
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class LeadDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _text_label()
        self.title.setObjectName("leadTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = _text_label()
        self.subtitle.setObjectName("leadSubtitle")

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(4, 4, 12, 4)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.subtitle)
        body_layout.addSpacing(10)
        body_layout.addLayout(self.form)
        body_layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)

        self.fields: dict[str, QLabel] = {}

    def add_field(self, label: str, text: str, key: str | None = None) -> QLabel:
        """Adds a labelled value; a dash stands for an empty one. ``key`` (default: the
        label) names it in ``fields`` and in its object name."""
        key = key or label
        value = _text_label(text or "—")
        value.setObjectName(f"field:{key}")
        self.fields[key] = value
        caption = QLabel(self.tr("{label}:").format(label=label))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption.setBuddy(value)
        self.form.addRow(caption, value)
        return value

    def add_section(
        self, label: str, lines: list[str], empty: str | None = None, key: str | None = None
    ) -> QLabel:
        """Adds a labelled block of lines (products, notes, visits); ``empty`` (default
        "None") stands for no line."""
        if empty is None:
            empty = self.tr("None")
        return self.add_field(label, "\n".join(lines) if lines else empty, key)

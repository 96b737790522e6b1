"""Layout of the new show dialog: the show's details and Create show."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from boothapp.gui.views.show_settings_view import ShowDetailsView, dialog_buttons, error_label


class NewShowView(QWidget):
    """The dialog's contents; the dialog adds behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(
            self.tr(
                "The new show becomes the active one: the leads captured on this laptop "
                "go to it. Only the name is required; the rest can be changed later in "
                "the show settings."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.details = ShowDetailsView()
        if (form := self.details.layout()) is not None:
            form.setContentsMargins(0, 0, 0, 0)
        lines = self.fontMetrics().lineSpacing()
        self.details.consent_edit.setMaximumHeight(lines * 7 + 12)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 52)

        self.message = error_label("newShowMessage")
        self.buttons, self.create_button = dialog_buttons(
            QDialogButtonBox.StandardButton.Ok, self.tr("&Create show")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addSpacing(lines // 2)
        layout.addWidget(self.details, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

"""Teaching boothapp what this laptop's keyboard layout does to a scanner's keys."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.badges.keyboard_layout import (
    KeyboardMapping,
    calibration_qr_png,
    is_calibration_scan,
    learn_mapping,
)
from boothapp.core.errors import BoothError
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.scanning.wedge import WedgeScanner

INSTRUCTIONS = QT_TRANSLATE_NOOP(
    "calibration_dialog",
    "Scan this code once with each handheld scanner.\n"
    "boothapp then knows what the laptop's keyboard layout does to the scanner's keys "
    "and puts scanned badges right.",
)
"""What the dialog asks (translated where shown)."""


class MappingStore(Protocol):
    """Where the learned mapping is kept (``ScannerSettingsService``)."""

    def save(self, mapping: KeyboardMapping) -> None: ...

    def clear(self) -> None: ...


def describe(mapping: KeyboardMapping) -> str:
    """What a learned mapping means, for people."""
    if mapping.is_identity and not mapping.missing:
        return translate(
            "calibration_dialog", "The scanner types exactly as sent: nothing needs translating."
        )
    lines = []
    if mapping.layout and mapping.layout != "US":
        lines.append(
            translate(
                "calibration_dialog", "The laptop's keyboard layout reads like {layout}."
            ).format(layout=mapping.layout)
        )
    if mapping.translations:
        lines.append(
            translate("calibration_dialog", "{count} characters are translated back:").format(
                count=len(mapping.translations)
            )
        )
        lines.append("  " + ", ".join(mapping.differences()))
    if mapping.missing:
        space = translate("calibration_dialog", "space")
        shown = ", ".join(space if char == " " else char for char in mapping.missing)
        lines.append(
            translate(
                "calibration_dialog",
                "These characters cannot be typed by the scanner on this layout: {shown}. "
                "Badges holding them may come out wrong; set the scanner's keyboard country "
                "to the laptop's layout if that matters.",
            ).format(shown=shown)
        )
    return "\n".join(lines)


class CalibrationDialog(QDialog):
    """Shows the calibration code, learns the mapping from its scan and saves it.

    While open, the wedge reports scans only through ``received`` (no badge is saved).
    ``learned(object)`` carries the new :class:`KeyboardMapping` (None when forgotten);
    the wedge's ``mapping`` is updated too.
    """

    learned = Signal(object)

    def __init__(
        self, wedge: WedgeScanner, store: MappingStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Calibrate scanners"))
        self._wedge = wedge
        self._store = store
        self.mapping: KeyboardMapping | None = None
        pixmap = QPixmap()
        pixmap.loadFromData(calibration_qr_png(), "PNG")
        self.code = QLabel(self)
        self.code.setPixmap(pixmap)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        instructions = QLabel(translate("calibration_dialog", INSTRUCTIONS), self)
        instructions.setWordWrap(True)
        self.status = QLabel(self.tr("Waiting for a scan…"), self)
        self.status.setWordWrap(True)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.summary.setMaximumHeight(140)
        self.forget_button = QPushButton(self.tr("Forget learned layout"), self)
        self.forget_button.clicked.connect(self.forget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(instructions)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        wedge.received.connect(self._on_received)
        self.finished.connect(self._stop_listening)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self._wedge.set_calibrating(True)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._stop_listening()
        super().closeEvent(event)

    @Slot()
    def _stop_listening(self) -> None:
        self._wedge.set_calibrating(False)

    @Slot(str)
    def _on_received(self, payload: str) -> None:
        if not self.isVisible():
            return
        if not is_calibration_scan(payload):
            self.status.setText(
                self.tr("That was not the calibration code: scan the code shown above.")
            )
            return
        try:
            mapping = learn_mapping(payload)
            self._store.save(mapping)
        except BoothError as exc:
            self.status.setText(str(exc))
            return
        self.mapping = mapping
        self._wedge.mapping = None if mapping.is_identity else mapping
        self.status.setText(self.tr("Learned. Scan again with another scanner, or close."))
        self.summary.setPlainText(describe(mapping))
        self.learned.emit(mapping)

    @Slot()
    def forget(self) -> None:
        """Forgets the stored mapping: scans are used exactly as typed."""
        self._store.clear()
        self.mapping = None
        self._wedge.mapping = None
        self.status.setText(self.tr("Forgotten: scans are used as typed."))
        self.summary.clear()
        self.learned.emit(None)

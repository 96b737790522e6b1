"""Scanning badges with a camera: choose the camera, hold badges up to it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import problem_style
from boothapp.gui.scanning.camera import (
    DEFAULT_FORMATS,
    NO_CAMERA,
    CameraChoice,
    CameraScanner,
    CameraSource,
    FrameSource,
    available_cameras,
)

WATCHING = QT_TRANSLATE_NOOP("camera_dialog", "Hold the badge's code in front of the camera")
"""The status line while the camera watches (translated where shown)."""

Devices = Callable[[], Sequence[QCameraDevice]]


class CameraDialog(QDialog):
    """A camera chooser, what the camera sees (to aim the badge), and a status line;
    ``decoded(str)`` carries each code read.

    ``devices`` lists the cameras (QtMultimedia's by default); ``make_source`` makes
    the frame source for a camera id (a :class:`CameraSource` by default)."""

    decoded = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        devices: Devices | None = None,
        make_source: Callable[[bytes | None], FrameSource] | None = None,
        formats: Iterable[str] = DEFAULT_FORMATS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan with camera"))
        self.formats = tuple(formats)
        self._devices: Devices = devices if devices is not None else QMediaDevices.videoInputs
        self._make_source = make_source
        self.scanner: CameraScanner | None = None
        self.cameras: list[CameraChoice] = []
        self.read_count = 0

        self.camera_combo = QComboBox(self)
        self.camera_combo.setObjectName("cameraCombo")
        self.camera_combo.setAccessibleName(self.tr("Camera"))
        self.preview = QVideoWidget(self)
        self.preview.setObjectName("cameraPreview")
        self.preview.setAccessibleName(self.tr("What the camera sees"))
        self.preview.setMinimumSize(480, 270)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Camera:"), self.camera_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.camera_combo.currentIndexChanged.connect(self._camera_chosen)
        self.finished.connect(self.stop)

    def start(self) -> None:
        """Lists the cameras and starts the chosen one (the default first)."""
        self.cameras = available_cameras(self._devices)
        self.camera_combo.blockSignals(True)
        self.camera_combo.clear()
        for choice in self.cameras:
            self.camera_combo.addItem(choice.description, choice.id)
        self.camera_combo.blockSignals(False)
        if not self.cameras:
            self.camera_combo.setEnabled(False)
            self._show_problem(translate("camera", NO_CAMERA))
            return
        self.camera_combo.setEnabled(True)
        self._start_camera(self.cameras[0].id)

    @Slot()
    def stop(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()
            self.scanner.deleteLater()
            self.scanner = None

    def _start_camera(self, camera_id: bytes | None) -> None:
        self.stop()
        if self._make_source is not None:
            source = self._make_source(camera_id)
        else:
            source = CameraSource(camera_id, devices=self._devices)
        source.show_in(self.preview.videoSink())
        scanner = CameraScanner(source, self, formats=self.formats)
        source.setParent(scanner)
        scanner.decoded.connect(self._on_decoded)
        scanner.error.connect(self._show_problem)
        self.scanner = scanner
        self.status.setStyleSheet("")
        self.status.setText(translate("camera_dialog", WATCHING))
        scanner.start()

    @Slot(int)
    def _camera_chosen(self, index: int) -> None:
        if 0 <= index < len(self.cameras):
            self._start_camera(self.cameras[index].id)

    @Slot(str)
    def _on_decoded(self, payload: str) -> None:
        self.read_count += 1
        self.status.setStyleSheet("")
        watching = translate("camera_dialog", WATCHING)
        if self.read_count == 1:
            text = self.tr("{watching}. Read {count} badge.")
        else:
            text = self.tr("{watching}. Read {count} badges.")
        self.status.setText(text.format(watching=watching, count=self.read_count))
        self.decoded.emit(payload)

    @Slot(str)
    def _show_problem(self, message: str) -> None:
        self.status.setStyleSheet(problem_style())
        self.status.setText(message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)

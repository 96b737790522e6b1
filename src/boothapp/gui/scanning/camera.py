"""Reading badge codes with a camera, and from image files.

:class:`CameraScanner` takes frames from a :class:`FrameSource` (the camera, or images in
tests and benchmarks) and decodes them with zxing-cpp on one worker thread. A frame that
arrives while the worker is busy is dropped, never queued, so the UI thread only ever
hands over the latest picture. Each payload is reported once by ``decoded(str)``; the same
code seen again within ``debounce_s`` seconds is ignored (it is still in front of the
lens). Problems come as ``error(str)`` messages fit to show.

    scanner = CameraScanner(CameraSource(camera_id))
    scanner.decoded.connect(on_badge)
    scanner.error.connect(status_bar.showMessage)
    scanner.start()

Only the formats asked for are searched (QR alone by default): searching every format
is about ten times slower.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import zxingcpp
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES, ZXING_FORMATS, parse_symbologies
from boothapp.core.errors import ValidationError
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate

# Translated where shown (context "camera").
NO_CAMERA = QT_TRANSLATE_NOOP("camera", "No camera found: connect one or use the badge box")
CAMERA_DENIED = QT_TRANSLATE_NOOP(
    "camera",
    "boothapp may not use the camera: allow it in the system's privacy settings, "
    "or use the badge box",
)

DEFAULT_FORMATS = tuple(symbology.value for symbology in ALL_SYMBOLOGIES)
"""Every symbology (``core.badges.symbologies``); a show may choose fewer."""


def barcode_formats(names: Iterable[str]) -> list[zxingcpp.BarcodeFormat]:
    """zxing-cpp formats for symbology names (``"qr"``, ``"pdf417"``...); an unknown
    name raises ``ValidationError``."""
    return [ZXING_FORMATS[symbology] for symbology in parse_symbologies(names)]


_DIRECT_FORMATS = {
    QImage.Format.Format_RGB32: zxingcpp.ImageFormat.BGRA,
    QImage.Format.Format_ARGB32: zxingcpp.ImageFormat.BGRA,
    QImage.Format.Format_ARGB32_Premultiplied: zxingcpp.ImageFormat.BGRA,
    QImage.Format.Format_RGBX8888: zxingcpp.ImageFormat.RGBA,
    QImage.Format.Format_RGBA8888: zxingcpp.ImageFormat.RGBA,
    QImage.Format.Format_RGBA8888_Premultiplied: zxingcpp.ImageFormat.RGBA,
    QImage.Format.Format_Grayscale8: zxingcpp.ImageFormat.Lum,
}
_PIXEL_BYTES = {zxingcpp.ImageFormat.BGRA: 4, zxingcpp.ImageFormat.RGBA: 4}


def luminance_view(image: QImage) -> tuple[zxingcpp.ImageView, QImage]:
    """A zxing-cpp view of ``image``'s pixels, and the image it reads (keep it alive).

    32-bit and 8-bit gray images are read in place (zxing-cpp takes the luminance
    itself, three times faster than a Qt grayscale conversion of a 720p frame); other
    formats are converted to ``Format_Grayscale8`` first."""
    kind = _DIRECT_FORMATS.get(image.format())
    if kind is None:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        kind = zxingcpp.ImageFormat.Lum
    height, stride = image.height(), image.bytesPerLine()
    rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    view = zxingcpp.ImageView(
        rows.reshape(height, stride),
        image.width(),
        height,
        kind,
        stride,
        _PIXEL_BYTES.get(kind, 1),
    )
    return view, image


def decode_view(image: QImage, formats: Sequence[zxingcpp.BarcodeFormat]) -> list[str]:
    """Texts of the valid codes in ``image`` (see :func:`luminance_view`)."""
    view, _kept = luminance_view(image)
    return decode_gray(view, formats)


def gray_pixels(image: QImage) -> np.ndarray:
    """``image`` as a height x width array of 8-bit gray levels (a copy)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    rows = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    return rows.reshape(height, stride)[:, :width].copy()


def decode_gray(
    pixels: np.ndarray | zxingcpp.ImageView, formats: Sequence[zxingcpp.BarcodeFormat]
) -> list[str]:
    """Texts of the valid codes in a gray image, in the order zxing-cpp finds them."""
    results = zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormats(list(formats)))
    return [result.text for result in results if result.valid and result.text]


def decode_image(image: QImage, formats: Iterable[str] = DEFAULT_FORMATS) -> list[str]:
    return decode_view(image, barcode_formats(formats))


def decode_image_file(path: str | Path, formats: Iterable[str] = DEFAULT_FORMATS) -> list[str]:
    """The codes in a photo or image file (empty when it shows none).

    Raises ``ValidationError("image", ...)`` when the file is missing or is not an
    image Qt can read. Safe to run off the UI thread."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(
            "image",
            translate("camera", "{path} does not exist: choose the photo again").format(path=path),
        )
    image = QImage(str(path))
    if image.isNull():
        raise ValidationError(
            "image",
            translate(
                "camera", "{name} cannot be read as an image: use a PNG, JPEG, BMP or GIF file"
            ).format(name=path.name),
        )
    return decode_image(image, formats)


# --- cameras ---------------------------------------------------------------------


@dataclass(frozen=True)
class CameraChoice:
    """A camera to offer in a chooser: ``id`` selects it in :class:`CameraSource`."""

    id: bytes
    description: str
    is_default: bool


def available_cameras(
    devices: Callable[[], Sequence[QCameraDevice]] = QMediaDevices.videoInputs,
) -> list[CameraChoice]:
    """The cameras connected now, the system's default first."""
    choices = [
        CameraChoice(
            id=bytes(device.id().data()),
            description=device.description(),
            is_default=device.isDefault(),
        )
        for device in devices()
    ]
    return sorted(choices, key=lambda choice: not choice.is_default)


class FrameSource(QObject):
    """Where pictures come from: emits ``frame`` with a QImage or a QVideoFrame, and
    ``error(str)`` with a message when it cannot deliver any."""

    frame = Signal(object)
    error = Signal(str)

    def show_in(self, sink: QVideoSink) -> None:
        """Shows what the source sees in ``sink`` (a preview widget's), as it arrives."""
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class CameraSource(FrameSource):
    """A camera through QtMultimedia; ``camera_id`` from :func:`available_cameras`
    (None: the system's default camera)."""

    def __init__(
        self,
        camera_id: bytes | None = None,
        parent: QObject | None = None,
        devices: Callable[[], Sequence[QCameraDevice]] = QMediaDevices.videoInputs,
    ) -> None:
        super().__init__(parent)
        self._camera_id = camera_id
        self._devices = devices
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self._preview: QVideoSink | None = None

    def show_in(self, sink: QVideoSink) -> None:
        """The camera then draws into ``sink``, and its frames are read from there."""
        self._preview = sink

    def start(self) -> None:
        devices = list(self._devices())
        if not devices:
            self.error.emit(translate("camera", NO_CAMERA))
            return
        if not _camera_allowed():
            self.error.emit(translate("camera", CAMERA_DENIED))
            return
        device = next(
            (d for d in devices if bytes(d.id().data()) == self._camera_id),
            next((d for d in devices if d.isDefault()), devices[0]),
        )
        self.stop()
        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._sink = self._preview if self._preview is not None else QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.frame)
        self._camera.errorOccurred.connect(self._on_error)
        self._camera.start()

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self.frame)
            self._sink = None
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        self._camera = None

    @Slot(QCamera.Error, str)
    def _on_error(self, _error: QCamera.Error, message: str) -> None:
        self.error.emit(
            self.tr(
                "The camera stopped working ({reason}): check that it "
                "is connected and that boothapp may use it, or use the badge box"
            ).format(reason=message or self.tr("no reason given"))
        )


def _camera_allowed() -> bool:
    try:
        from PySide6.QtCore import QCameraPermission
    except ImportError:
        return True
    app = QCoreApplication.instance()
    if app is None:
        return True
    return app.checkPermission(QCameraPermission()) != Qt.PermissionStatus.Denied


class ImageFrameSource(FrameSource):
    """Plays still images as frames: ``fps`` times a second in turn once started, or
    one at a time with :meth:`push`. For tests, benchmarks and demonstrations."""

    def __init__(
        self, images: Sequence[QImage] = (), fps: float = 30.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.images = list(images)
        self.frames_sent = 0
        self._preview: QVideoSink | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(max(1, round(1000 / fps)))
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        if not self.images:
            self.error.emit(translate("camera", NO_CAMERA))
            return
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def show_in(self, sink: QVideoSink) -> None:
        self._preview = sink

    def push(self, image: QImage) -> None:
        self.frames_sent += 1
        if self._preview is not None:
            self._preview.setVideoFrame(QVideoFrame(image))
        self.frame.emit(image)

    @Slot()
    def _next(self) -> None:
        self.push(self.images[self.frames_sent % len(self.images)])


# --- decoding --------------------------------------------------------------------


class _Reply(QObject):
    done = Signal(object, float)


class _Decode(QRunnable):
    def __init__(
        self, image: QImage, formats: Sequence[zxingcpp.BarcodeFormat], reply: _Reply
    ) -> None:
        super().__init__()
        self._image = image
        self._formats = formats
        self._reply = reply

    def run(self) -> None:
        started = time.perf_counter()
        try:
            texts: list[str] | Exception = decode_view(self._image, self._formats)
        except Exception as exc:
            texts = exc
        self._reply.done.emit(texts, (time.perf_counter() - started) * 1000.0)


class CameraScanner(QObject):
    """Decodes a frame source's pictures off the UI thread, one at a time.

    Signals: ``decoded(str)`` once per distinct payload (repeats within ``debounce_s``
    are ignored); ``error(str)`` the source's messages, and a decoding failure.
    Counters: ``frames_received``, ``frames_dropped`` (arrived while busy),
    ``frames_decoded``; ``last_decode_ms``.
    """

    decoded = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        source: FrameSource,
        parent: QObject | None = None,
        *,
        formats: Iterable[str] = DEFAULT_FORMATS,
        debounce_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.debounce_s = debounce_s
        self._formats = barcode_formats(formats)
        self._clock = clock
        self._seen: dict[str, float] = {}
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._reply = _Reply(self)
        self._reply.done.connect(self._on_done)
        self.frames_received = 0
        self.frames_dropped = 0
        self.frames_decoded = 0
        self.last_decode_ms = 0.0
        source.frame.connect(self.submit)
        source.error.connect(self.error)

    @property
    def busy(self) -> bool:
        return self._busy

    def set_formats(self, formats: Iterable[str]) -> None:
        self._formats = barcode_formats(formats)

    def start(self) -> None:
        self.source.start()

    def stop(self, wait_ms: int = 2000) -> None:
        self.source.stop()
        self._pool.waitForDone(wait_ms)

    @Slot(object)
    def submit(self, frame: QImage | QVideoFrame) -> None:
        """Hands ``frame`` to the worker, or drops it if the worker is busy."""
        self.frames_received += 1
        if self._busy:
            self.frames_dropped += 1
            return
        image = frame.toImage() if isinstance(frame, QVideoFrame) else frame
        if image.isNull():
            return
        self._busy = True
        self._pool.start(_Decode(image, tuple(self._formats), self._reply))

    @Slot(object, float)
    def _on_done(self, texts: list[str] | Exception, elapsed_ms: float) -> None:
        self._busy = False
        self.frames_decoded += 1
        self.last_decode_ms = elapsed_ms
        if isinstance(texts, Exception):
            self.error.emit(
                self.tr("A camera picture could not be decoded: {error}").format(error=texts)
            )
            return
        now = self._clock()
        for text in texts:
            last = self._seen.get(text)
            self._seen[text] = now
            if last is None or now - last >= self.debounce_s:
                self.decoded.emit(text)

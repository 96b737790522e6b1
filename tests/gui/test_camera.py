"""Camera decoding through an image frame source, and decoding image files."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import qr_png
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from boothapp.core.errors import ValidationError
from boothapp.gui.scanning.camera import (
    NO_CAMERA,
    CameraScanner,
    CameraSource,
    ImageFrameSource,
    available_cameras,
    barcode_formats,
    decode_image,
    decode_image_file,
)

VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Müller GmbH\n"
    "NOTE:山田 太郎\nEMAIL:zoe.lefevre@example.fr\nEND:VCARD"
)


def qr_image(payload: str, size: tuple[int, int] | None = None) -> QImage:
    image = QImage.fromData(qr_png(payload))
    assert not image.isNull()
    if size is None:
        return image
    frame = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    frame.fill(0xFFB0B0B0)
    painter = QPainter(frame)
    painter.drawImage(40, 30, image)
    painter.end()
    return frame


def test_a_frame_with_a_qr_code_is_decoded(qtbot: QtBot) -> None:
    source = ImageFrameSource()
    scanner = CameraScanner(source)
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as blocker:
        source.push(qr_image(VCARD, (1280, 720)))
    assert blocker.args == [VCARD]
    assert scanner.frames_decoded == 1


def test_frames_arriving_while_busy_are_dropped(qtbot: QtBot) -> None:
    source = ImageFrameSource()
    scanner = CameraScanner(source)
    decoded: list[str] = []
    scanner.decoded.connect(decoded.append)
    frame = qr_image("MIL-00042", (1280, 720))
    for _ in range(5):
        source.push(frame)
    assert scanner.busy
    assert (scanner.frames_received, scanner.frames_dropped) == (5, 4)
    qtbot.waitUntil(lambda: not scanner.busy, timeout=5000)
    assert decoded == ["MIL-00042"]
    assert scanner.frames_decoded == 1


def test_the_same_code_is_reported_once_until_it_leaves(qtbot: QtBot) -> None:
    now = [100.0]
    source = ImageFrameSource()
    scanner = CameraScanner(source, clock=lambda: now[0], debounce_s=2.0)
    decoded: list[str] = []
    scanner.decoded.connect(decoded.append)

    def show(payload: str) -> None:
        source.push(qr_image(payload))
        qtbot.waitUntil(lambda: not scanner.busy, timeout=5000)

    show("HA112")
    now[0] += 1.0
    show("HA112")
    show("HA113")
    now[0] += 1.5
    show("HA112")
    now[0] += 2.5
    show("HA112")
    assert decoded == ["HA112", "HA113", "HA112"]


def test_a_blank_frame_decodes_nothing(qtbot: QtBot) -> None:
    source = ImageFrameSource()
    scanner = CameraScanner(source)
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFFFF)
    with qtbot.assertNotEmitted(scanner.decoded):
        source.push(blank)
        qtbot.waitUntil(lambda: not scanner.busy, timeout=5000)
    assert scanner.frames_decoded == 1


def test_no_camera_is_a_clear_message(qtbot: QtBot) -> None:
    scanner = CameraScanner(CameraSource(devices=list))
    with qtbot.waitSignal(scanner.error) as blocker:
        scanner.start()
    assert blocker.args == [NO_CAMERA]
    assert available_cameras(devices=list) == []


def test_an_image_source_without_images_has_no_camera(qtbot: QtBot) -> None:
    scanner = CameraScanner(ImageFrameSource())
    with qtbot.waitSignal(scanner.error) as blocker:
        scanner.start()
    assert blocker.args == [NO_CAMERA]


def test_a_playing_source_is_decoded(qtbot: QtBot) -> None:
    source = ImageFrameSource([qr_image("https://reg.example.com/badge?id=MIL-00042")], fps=60)
    scanner = CameraScanner(source)
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as blocker:
        scanner.start()
    qtbot.wait(100)
    scanner.stop()
    assert blocker.args == ["https://reg.example.com/badge?id=MIL-00042"]
    assert source.frames_sent >= 2


def test_formats_are_checked() -> None:
    assert len(barcode_formats(["qr", "code128", "code39", "itf", "ean13"])) == 5
    assert len(barcode_formats(["pdf417", "datamatrix", "aztec"])) == 3
    with pytest.raises(ValidationError, match="'maxicode' is no barcode symbology"):
        barcode_formats(["maxicode"])


def test_an_image_is_decoded_with_grayscale_conversion() -> None:
    image = qr_image("Zoé 山田").convertToFormat(QImage.Format.Format_ARGB32)
    assert decode_image(image) == ["Zoé 山田"]
    odd = image.scaled(333, 333).convertToFormat(QImage.Format.Format_RGB888)
    assert decode_image(odd) == ["Zoé 山田"]


def test_a_photo_of_a_vcard_is_decoded(tmp_path: Path) -> None:
    photo = tmp_path / "badge.png"
    photo.write_bytes(qr_png(VCARD))
    assert decode_image_file(photo) == [VCARD]
    jpeg = tmp_path / "badge.jpg"
    assert QImage(str(photo)).save(str(jpeg), "JPG", 95)
    assert decode_image_file(jpeg) == [VCARD]


def test_unreadable_files_are_clear_errors(tmp_path: Path) -> None:
    broken = tmp_path / "scan.png"
    broken.write_bytes(b"not an image at all")
    with pytest.raises(ValidationError, match="scan.png cannot be read as an image"):
        decode_image_file(broken)
    with pytest.raises(ValidationError, match="does not exist"):
        decode_image_file(tmp_path / "missing.png")
    empty = tmp_path / "white.png"
    white = QImage(200, 200, QImage.Format.Format_RGB32)
    white.fill(0xFFFFFFFF)
    assert white.save(str(empty))
    assert decode_image_file(empty) == []


def test_the_camera_dialog_shows_what_the_camera_sees_and_reads_it(qtbot: QtBot) -> None:
    from PySide6.QtMultimedia import QCameraDevice

    from boothapp.gui.scanning.camera_dialog import CameraDialog

    frame = qr_image("https://reg.example.com/badge?id=MIL-00042", (640, 360))
    source = ImageFrameSource([frame], fps=30)
    dialog = CameraDialog(devices=lambda: [QCameraDevice()], make_source=lambda _id: source)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.decoded, timeout=10_000) as read:
        dialog.start()

    assert read.args == ["https://reg.example.com/badge?id=MIL-00042"]
    shown = dialog.preview.videoSink().videoFrame()
    assert shown.isValid() and shown.size() == frame.size()
    assert dialog.status.text().endswith("Read 1 badge.")
    dialog.close()

"""Camera decoding: zxing-cpp throughput on 1280x720 frames, and the UI thread meanwhile.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_camera.py [--frames 200] [--seconds 5]
        [--quick] [--report FILE]

"decode" runs the worker's own work (a QImage read in place by zxing-cpp) on one thread
over frames holding a vCard QR code at varying places, with QR only, with every badge
format, and with a Qt grayscale conversion first. "UI stall" plays the frames at 30 fps
into a CameraScanner (the real worker thread) while a 10 ms timer ticks on the UI
thread, and reports the largest gap between ticks. Targets: at least 20 decoded frames
per second; no gap over 50 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qrcode  # noqa: E402
import report  # noqa: E402
import zxingcpp  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from report import Figure  # noqa: E402

from boothapp.gui.scanning.camera import (  # noqa: E402
    DEFAULT_FORMATS,
    CameraScanner,
    ImageFrameSource,
    barcode_formats,
    decode_gray,
    decode_view,
    gray_pixels,
)

QUICK = {"frames": 60, "seconds": 2.0}
FPS_TARGET = 20.0
GAP_TARGET_MS = 50.0
VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Thales Defence\n"
    "TITLE:Procurement manager\nEMAIL:zoe.lefevre@example.fr\nTEL:+33 1 23 45 67 89\n"
    "URL:https://reg.example.com/badge?id=MIL-00042\nEND:VCARD"
)


def frames(count: int) -> list[QImage]:
    """1280x720 camera-like frames: a grey scene with the code at a few places/sizes."""
    buffer = io.BytesIO()
    qrcode.make(VCARD, box_size=5, border=4).save(buffer, format="PNG")
    code = QImage.fromData(buffer.getvalue())
    made = []
    for index in range(count):
        frame = QImage(1280, 720, QImage.Format.Format_RGB32)
        frame.fill(0xFF000000 | (0x707070 + (index % 5) * 0x050505))
        size = 260 + (index % 4) * 60
        painter = QPainter(frame)
        painter.drawImage(
            (100 + index * 37) % (1280 - size),
            (50 + index * 23) % (720 - size),
            code.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio),
        )
        painter.end()
        made.append(frame)
    return made


def decode_rate(
    images: list[QImage],
    formats: tuple[str, ...],
    decode: Callable[[QImage, list[zxingcpp.BarcodeFormat]], list[str]] = decode_view,
) -> tuple[float, float, float]:
    """(frames per second, median ms, share decoded) for the worker's work on one thread."""
    chosen = barcode_formats(formats)
    times, found = [], 0
    for image in images:
        started = time.perf_counter()
        texts = decode(image, chosen)
        times.append((time.perf_counter() - started) * 1000)
        found += texts == [VCARD]
    return 1000 / statistics.mean(times), statistics.median(times), found / len(images)


def ui_stall(app: QApplication, images: list[QImage], seconds: float) -> dict[str, float]:
    source = ImageFrameSource(images, fps=30)
    scanner = CameraScanner(source, debounce_s=0.0)
    decoded: list[str] = []
    scanner.decoded.connect(decoded.append)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start(10)
    scanner.start()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    scanner.stop()
    ticker.stop()
    app.processEvents()
    gaps.sort()
    return {
        "frames": scanner.frames_received,
        "decoded": scanner.frames_decoded,
        "dropped": scanner.frames_dropped,
        "found": len(decoded),
        "max_gap": gaps[-1],
        "p99_gap": gaps[min(len(gaps) - 1, round(0.99 * (len(gaps) - 1)))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = report.parse(parser, QUICK)
    app = QApplication([])
    images = frames(args.frames)
    rows = []
    figures = []
    via_gray8 = lambda image, chosen: decode_gray(gray_pixels(image), chosen)  # noqa: E731
    for label, formats, decode in (
        ("QR only", ("qr",), decode_view),
        ("every symbology (the default)", DEFAULT_FORMATS, decode_view),
        ("QR only, via Format_Grayscale8", ("qr",), via_gray8),
    ):
        fps, median, share = decode_rate(images, formats, decode)
        verdict = "ok" if fps >= FPS_TARGET else "SLOW"
        figures.append(
            Figure(
                "camera",
                f"decode 1280x720 frames, {label}",
                fps,
                "fps",
                target=f"≥ {FPS_TARGET:.0f} fps",
                met=fps >= FPS_TARGET,
            )
        )
        rows.append((f"decode 1280x720, {label}", f"{fps:.0f} fps", f"{median:.1f} ms", verdict))
        rows.append((f"  frames with the code read ({label})", f"{share:.0%}", "", ""))
    stall = ui_stall(app, images, args.seconds)
    decoded_fps = stall["decoded"] / args.seconds
    figures += [
        Figure(
            "camera",
            "30 fps into the worker thread: frames decoded",
            decoded_fps,
            "fps",
            target=f"≥ {FPS_TARGET:.0f} fps",
            met=decoded_fps >= FPS_TARGET,
        ),
        Figure(
            "camera",
            "UI thread meanwhile: largest gap between 10 ms timer ticks",
            stall["max_gap"],
            "ms",
            target=f"≤ {GAP_TARGET_MS:.0f} ms",
            met=stall["max_gap"] <= GAP_TARGET_MS,
        ),
    ]
    rows.append(
        (
            "30 fps into the worker: frames in / decoded / dropped",
            f"{stall['frames']:.0f} / {stall['decoded']:.0f} / {stall['dropped']:.0f}",
            f"{decoded_fps:.0f} fps",
            "ok" if decoded_fps >= FPS_TARGET else "SLOW",
        )
    )
    rows.append(
        (
            "UI thread, 10 ms timer: largest gap (p99)",
            f"{stall['max_gap']:.1f} ms",
            f"{stall['p99_gap']:.1f} ms",
            "ok" if stall["max_gap"] <= GAP_TARGET_MS else "STALL",
        )
    )
    width = max(len(row[0]) for row in rows)
    print(f"{'measurement':<{width}}  {'value':>14}  {'detail':>9}  target")
    for name, value, detail, verdict in rows:
        print(f"{name:<{width}}  {value:>14}  {detail:>9}  {verdict}")
    print(f"({os.cpu_count()} CPUs; targets: >= 20 fps, UI gap <= 50 ms)")
    report.write(args.report, figures)


if __name__ == "__main__":
    main()

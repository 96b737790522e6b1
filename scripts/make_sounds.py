"""Writes the scan sounds, resources/sounds/scan-ok.wav and scan-error.wav: 16-bit PCM,
mono, 44.1 kHz, computed with ``math`` and written with ``wave`` (no numpy, no Qt).

- scan-ok.wav, 120 ms: a soft two-note chime rising a fourth (B5 then E6), each note
  struck and dying away like a small bell: "got it".
- scan-error.wav, 300 ms: two low buzzes (a 196 Hz tone with its odd harmonics, like a
  gentle square wave) separated by a short silence: "not read, try again".

The output is the same bytes on every run. Run it after changing a sound::

    .venv/bin/python scripts/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"
RATE = 44_100
PEAK = 0.5
"""The loudest sample, as a fraction of full scale (-6 dBFS): clear on a laptop speaker
in a noisy hall without clipping or startling."""


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def chime_note(frequency: float, seconds: float, decay: float) -> list[float]:
    """A bell-like note: the tone and a quieter octave, 4 ms attack, exponential
    decay (``decay`` seconds to 1/e), and a 10 ms fade to silence at the end."""
    count = round(seconds * RATE)
    attack = round(0.004 * RATE)
    release = round(0.010 * RATE)
    samples = []
    for n in range(count):
        t = n / RATE
        tone = math.sin(2 * math.pi * frequency * t) + 0.25 * math.sin(4 * math.pi * frequency * t)
        envelope = math.exp(-t / decay)
        if n < attack:
            envelope *= n / attack
        if n >= count - release:
            envelope *= (count - n) / release
        samples.append(tone * envelope / 1.25)
    return samples


def buzz(frequency: float, seconds: float) -> list[float]:
    """A soft square-ish buzz: odd harmonics 1, 3, 5, 7 at 1/n (no aliasing at 44.1 kHz),
    8 ms fade in and out."""
    count = round(seconds * RATE)
    ramp = round(0.008 * RATE)
    harmonics = (1, 3, 5, 7)
    scale = sum(1 / h for h in harmonics)
    samples = []
    for n in range(count):
        t = n / RATE
        tone = sum(math.sin(2 * math.pi * frequency * h * t) / h for h in harmonics) / scale
        envelope = min(1.0, n / ramp, (count - n) / ramp)
        samples.append(tone * envelope)
    return samples


def scan_ok() -> list[float]:
    first = chime_note(987.77, 0.045, decay=0.05)  # B5
    second = chime_note(1318.51, 0.075, decay=0.035)  # E6
    return first + second


def scan_error() -> list[float]:
    return buzz(196.0, 0.115) + silence(0.070) + buzz(196.0, 0.115)


def write(path: Path, samples: list[float]) -> None:
    loudest = max(abs(sample) for sample in samples) or 1.0
    frames = b"".join(
        struct.pack("<h", round(sample / loudest * PEAK * 32767)) for sample in samples
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main() -> int:
    SOUNDS.mkdir(parents=True, exist_ok=True)
    for name, samples in (("scan-ok.wav", scan_ok()), ("scan-error.wav", scan_error())):
        path = SOUNDS / name
        write(path, samples)
        print(f"{path.relative_to(SOUNDS.parent.parent)}  {len(samples) / RATE * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

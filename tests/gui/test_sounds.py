"""The scan sounds: valid WAV files, QtMultimedia left unimported until the first scan, and
the system beep wherever the sounds cannot play (most test machines have no audio)."""

from __future__ import annotations

import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from boothapp.gui import sounds as sounds_module
from boothapp.gui.sounds import ERROR_SOUND, OK_SOUND, ScanSounds, sounds_folder

# What QtMultimedia says the first time it is used on a machine without PipeWire, VA-API,
# PulseAudio server or audio device, and when it is given a file it cannot decode (a test
# below does that on purpose). A mark on the test itself, as tests/gui/conftest.py's
# marks every window test and only the closest qt_log_ignore mark counts.
multimedia_noise = pytest.mark.qt_log_ignore(
    r"^This plugin does not support propagateSizeHints\(\)$",
    r"^Couldn't (load|resolve) ",
    r"^PulseAudioService: ",
    r"^QSoundEffect: ",
)


class Beeps:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def _samples(path: Path) -> tuple[wave._wave_params, list[int]]:
    with wave.open(str(path), "rb") as sound:
        params = sound.getparams()
        frames = sound.readframes(params.nframes)
    return params, list(struct.unpack(f"<{params.nframes}h", frames))


@pytest.mark.parametrize(
    ("name", "milliseconds"), [(OK_SOUND, 120), (ERROR_SOUND, 300)], ids=["ok", "error"]
)
def test_the_sounds_are_short_16_bit_mono_wav_files(name: str, milliseconds: int) -> None:
    params, samples = _samples(sounds_folder() / name)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 44_100)
    assert params.comptype == "NONE"
    assert params.nframes / params.framerate * 1000 == pytest.approx(milliseconds, abs=5)
    loudest = max(abs(sample) for sample in samples)
    assert 8_000 < loudest < 32_767, "audible but not clipped"
    assert abs(samples[0]) < 500 and abs(samples[-1]) < 500, "no click at either end"


def test_the_two_sounds_differ_in_pitch() -> None:
    def crossings_per_second(name: str) -> float:
        params, samples = _samples(sounds_folder() / name)
        rising = sum(1 for a, b in zip(samples, samples[1:], strict=False) if a < 0 <= b)
        return rising / (params.nframes / params.framerate)

    assert crossings_per_second(OK_SOUND) > 3 * crossings_per_second(ERROR_SOUND)


def test_qtmultimedia_is_imported_on_the_first_sound_not_at_window_start() -> None:
    probe = (
        "import sys\n"
        "import boothapp.gui.app, boothapp.gui.main_window\n"
        "from boothapp.gui.sounds import ScanSounds\n"
        "sounds = ScanSounds(fallback=lambda: None)\n"
        "print('PySide6.QtMultimedia' in sys.modules)\n"
        "sounds.ok()\n"
        "print('PySide6.QtMultimedia' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert found == ["False", "True"]


def test_without_qtmultimedia_the_system_beeps(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    beeps = Beeps()
    sounds = ScanSounds(fallback=beeps)
    sounds.ok()
    sounds.error()
    sounds.play(True)
    assert beeps.count == 3
    assert sounds.fallback_reason is not None
    assert "QtMultimedia" in sounds.fallback_reason


@multimedia_noise
def test_without_an_audio_output_the_system_beeps(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sounds_module, "audio_output_available", lambda: False)
    beeps = Beeps()
    sounds = ScanSounds(fallback=beeps)
    sounds.error()
    sounds.ok()
    assert beeps.count == 2
    assert sounds.fallback_reason == "the system has no audio output"


@multimedia_noise
def test_a_failing_audio_stack_makes_the_system_beep(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> bool:
        raise RuntimeError("no audio server")

    monkeypatch.setattr(sounds_module, "audio_output_available", broken)
    beeps = Beeps()
    sounds = ScanSounds(fallback=beeps)
    sounds.ok()
    assert beeps.count == 1
    assert sounds.fallback_reason == "the sounds cannot be loaded: no audio server"


@multimedia_noise
def test_a_sound_that_does_not_load_becomes_a_beep(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sounds_module, "audio_output_available", lambda: True)
    (tmp_path / OK_SOUND).write_bytes(b"RIFF, but not a sound")
    beeps = Beeps()
    sounds = ScanSounds(fallback=beeps, folder=tmp_path)
    sounds.ok()
    qtbot.waitUntil(lambda: beeps.count == 1)
    sounds.ok()
    assert beeps.count == 2, "once failed, the sound is not tried again"
    sounds.error()  # missing from the folder
    assert beeps.count == 3


@multimedia_noise
def test_muted_sounds_make_no_noise_and_load_nothing(qtbot: QtBot) -> None:
    beeps = Beeps()
    sounds = ScanSounds(muted=True, fallback=beeps)
    sounds.ok()
    sounds.error()
    assert beeps.count == 0
    assert not sounds.loaded
    sounds.muted = False
    sounds.prepare()
    assert sounds.loaded


@multimedia_noise
def test_with_an_audio_output_the_sounds_load_and_play(qtbot: QtBot) -> None:
    if not sounds_module.audio_output_available():
        pytest.skip("this machine has no audio output: the fallback tests above cover it")
    from PySide6.QtMultimedia import QSoundEffect

    beeps = Beeps()
    sounds = ScanSounds(fallback=beeps)
    sounds.ok()
    effect = sounds._effects[OK_SOUND]
    qtbot.waitUntil(lambda: effect.status() != QSoundEffect.Status.Loading)
    assert effect.status() == QSoundEffect.Status.Ready
    assert beeps.count == 0

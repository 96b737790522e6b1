"""The sounds of a badge scan: a short rising chime when it was saved, a low double buzz
when it was not (``resources/sounds/scan-ok.wav`` and ``scan-error.wav``, made by
``scripts/make_sounds.py``).

QtMultimedia is imported and the sounds are loaded on the first scan (or when
:meth:`ScanSounds.prepare` is called), never at window start: the module and its
FFmpeg and audio back ends cost start-up time a booth laptop should not pay before the
first badge. Where sound effects cannot be played (QtMultimedia missing, no audio
output, a file that does not load) the scan still makes the system beep
(``QApplication.beep``), as it did before these sounds.

Wiring: ``sounds = ScanSounds(parent=window)``, then ``beep=sounds.ok`` for a scan that
was saved and ``sounds.error`` for one that was not; ``sounds.muted = True`` silences
both (the beep included).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtWidgets import QApplication

from boothapp.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

OK_SOUND = "scan-ok.wav"
ERROR_SOUND = "scan-error.wav"
DEFAULT_VOLUME = 0.8


def sounds_folder() -> Path:
    """Where the shipped scan sounds are."""
    return resource_path("sounds")


def audio_output_available() -> bool:
    """Whether the system offers an audio output to play on (imports QtMultimedia)."""
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


class ScanSounds:
    """Plays the scan sounds; falls back to the system beep where they cannot play.

    ``ok()`` and ``error()`` take no argument, so each can stand where a ``beep``
    callable is expected. ``muted`` silences both. ``parent`` owns the sound effects
    (default: the application), so they are deleted with it. ``fallback`` replaces
    ``QApplication.beep``; ``folder`` the shipped sounds (tests)."""

    def __init__(
        self,
        *,
        muted: bool = False,
        volume: float = DEFAULT_VOLUME,
        parent: QObject | None = None,
        fallback: Callable[[], None] | None = None,
        folder: Path | None = None,
    ) -> None:
        self.muted = muted
        self._volume = volume
        self._parent = parent
        self._fallback = fallback
        self._folder = folder
        self._loaded = False
        self._effects: dict[str, QSoundEffect] = {}
        self._failed: set[str] = set()
        self._waiting: set[str] = set()
        self.fallback_reason: str | None = None
        """Why the system beep stands in for every sound, once loading found out; None
        while the sounds are (or may be) played."""

    def ok(self) -> None:
        """The scan was saved: a short rising chime."""
        self._play(OK_SOUND)

    def error(self) -> None:
        """The scan gave no lead: a low double buzz."""
        self._play(ERROR_SOUND)

    def play(self, success: bool) -> None:
        """:meth:`ok` when ``success``, else :meth:`error`."""
        self._play(OK_SOUND if success else ERROR_SOUND)

    @property
    def loaded(self) -> bool:
        """Whether QtMultimedia was tried and the sounds set loading."""
        return self._loaded

    def prepare(self) -> None:
        """Imports QtMultimedia and starts loading the sounds now rather than on the
        first scan, e.g. a moment after the window is shown. Called again: nothing."""
        if self._loaded:
            return
        self._loaded = True
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:
            self.fallback_reason = f"QtMultimedia cannot be imported: {error}"
            return
        try:
            if not audio_output_available():
                self.fallback_reason = "the system has no audio output"
                return
            folder = self._folder if self._folder is not None else sounds_folder()
            parent = self._parent or QCoreApplication.instance()
            for name in (OK_SOUND, ERROR_SOUND):
                path = folder / name
                if not path.is_file():
                    self._failed.add(name)
                    continue
                effect = QSoundEffect(parent)
                effect.setVolume(self._volume)
                effect.statusChanged.connect(lambda name=name: self._status_changed(name))
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effects[name] = effect
        except Exception as error:  # any failure of the audio stack: beep instead
            self._effects.clear()
            self.fallback_reason = f"the sounds cannot be loaded: {error}"

    def _play(self, name: str) -> None:
        if self.muted:
            return
        self.prepare()
        effect = self._effects.get(name)
        if effect is None or name in self._failed:
            self._beep()
            return
        if effect.status() == effect.Status.Error:
            self._failed.add(name)
            self._beep()
            return
        if effect.status() != effect.Status.Ready:
            # Still loading: QSoundEffect plays it once loaded; if loading fails instead,
            # _status_changed beeps for it.
            self._waiting.add(name)
        effect.play()

    def _status_changed(self, name: str) -> None:
        effect = self._effects.get(name)
        if effect is None:
            return
        status = effect.status()
        if status == effect.Status.Error:
            self._failed.add(name)
            if name in self._waiting and not self.muted:
                self._beep()
        if status in (effect.Status.Error, effect.Status.Ready):
            self._waiting.discard(name)

    def _beep(self) -> None:
        if self._fallback is not None:
            self._fallback()
        else:
            QApplication.beep()

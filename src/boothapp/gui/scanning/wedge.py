"""Keyboard-wedge scanners: telling a scan from typing, wherever the focus is.

A handheld scanner plugged in as a keyboard types its payload far faster than a person
(a few milliseconds between keys). :class:`WedgeScanner`, installed as an event filter on
the application, holds back every text key press for a moment; keys that keep arriving
within ``max_gap_ms`` of each other form a burst, and a burst of ``min_chars`` keys or
more is a scan: its keys never reach the focused widget, Return becomes ``"\\n"`` (a
multi-line vCard arrives whole) and ``scanned`` carries the payload once the keys stop
for ``quiet_ms``, or at once on the Return that ends a badge marking its own end (a
vCard's ``END:VCARD``, a MECARD's closing ``;;``); a Return or Tab following straight
after such an end is swallowed too. Keys that turn out to be typing are sent on in order,
each to the widget that has the keyboard when it is sent: a Tab among them moves the
focus, and the keys after it land in the next field, as they would have unheld.

    wedge = WedgeScanner(mapping=store.load())
    QApplication.instance().installEventFilter(wedge)
    wedge.scanned.connect(on_badge)

A badge that marks its own end and has not reached it yet (a MECARD without its closing
``;;``, a vCard before its ``END:VCARD``) is not ended by a pause of ``quiet_ms``: it
waits up to ``unfinished_ms`` after its last key for the rest. Keys can reach the window
late and in bunches when the laptop is busy; without this, one badge cut in two by such a
pause became two leads, one of them without its e-mail address. For the same reason,
when the first keys of a badge were sent on as typing (a pause among them) and the scan
that follows straight after is that badge's rest, the keys are taken back out of the
field (as many Backspaces) and put in front of the scan.

Timing comes from the key events' timestamps; events without one (timestamp 0) are timed
with ``clock`` (seconds, monotonic), which tests replace.

Known limits: held keys are sent on as non-spontaneous events, so a single-key shortcut
typed by a person does not fire; a person who types ``min_chars`` keys each within
``max_gap_ms`` of the last is taken for a scanner.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from boothapp.core.badges.keyboard_layout import KeyboardMapping


MAX_SCAN_CHARS = 8192

_NEWLINE_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


RELEASED_KEPT = 16
"""How many of the last characters sent on as typing are remembered, should a scan
starting straight after turn out to be the rest of the badge they began."""


@dataclass
class _HeldKey:
    receiver: QWidget
    kind: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    timestamp: int

    def event(self) -> QKeyEvent:
        event = QKeyEvent(self.kind, self.key, self.modifiers, self.text)
        event.setTimestamp(self.timestamp)
        return event


def _scan_text(event: QKeyEvent) -> str | None:
    """The character a scanner key stands for; None for keys a scanner does not type."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return None
    if event.key() in _NEWLINE_KEYS:
        return "\n"
    if event.key() == Qt.Key.Key_Tab:
        return "\t"
    text = event.text()
    if not text or any(ord(char) < 0x20 or ord(char) == 0x7F for char in text):
        return None
    return text


class WedgeScanner(QObject):
    """Application-wide event filter that turns scanner bursts into ``scanned`` payloads.

    Signals: ``scanned(str)`` the payload after the keyboard mapping (not emitted while
    calibrating); ``received(str)`` the payload as typed, before the mapping;
    ``listening(bool)`` True when a burst is recognised as a scan, False when it ends;
    ``rejected(str)`` a message when a scan ends with nothing usable.
    """

    scanned = Signal(str)
    received = Signal(str)
    listening = Signal(bool)
    rejected = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        mapping: KeyboardMapping | None = None,
        max_gap_ms: float = 30.0,
        min_chars: int = 6,
        quiet_ms: int = 80,
        hold_ms: int = 50,
        unfinished_ms: int = 500,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.mapping = mapping
        self.max_gap_ms = max_gap_ms
        self.min_chars = min_chars
        self.quiet_ms = quiet_ms
        self.hold_ms = hold_ms
        self.unfinished_ms = unfinished_ms
        self._clock = clock
        self._last_key_at = 0.0
        self._released: tuple[QWidget, str, float] | None = None
        self._enabled = True
        self._calibrating = False
        self._held: list[_HeldKey] = []
        self._held_presses = 0
        self._buffer: list[str] = []
        self._buffered_chars = 0
        self._in_scan = False
        self._last_time: float | None = None
        self._redelivering = False
        self._last_passed: tuple[QWidget, int, int, str, int] | None = None
        self._ended_by_mark = False
        self._swallowed: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)

    # --- state -------------------------------------------------------------------

    @property
    def is_listening(self) -> bool:
        """True while a scan is being received."""
        return self._in_scan

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Off, every key goes straight to its widget (held keys are sent on first)."""
        if not enabled:
            self.flush()
        self._enabled = enabled

    @property
    def calibrating(self) -> bool:
        return self._calibrating

    def set_calibrating(self, calibrating: bool) -> None:
        """While calibrating, scans are only reported by ``received`` (raw), never by
        ``scanned``, so the calibration code is not taken for a badge."""
        self._calibrating = calibrating

    def flush(self) -> None:
        """Ends what is in progress now: a scan is emitted, held keys are sent on."""
        self._timer.stop()
        if self._in_scan:
            self._finish_scan()
        else:
            self._release_held()

    # --- the filter --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            self._before_shortcut(event)
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if self._redelivering or not self._enabled or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        signature = (int(kind), event.key(), event.text(), event.timestamp())
        if self._is_propagation(watched, signature):
            return False
        if kind == QEvent.Type.KeyRelease:
            swallowed = self._on_release(watched, event)
        else:
            swallowed = self._on_press(watched, event)
        self._last_passed = None if swallowed else (watched, *signature)
        return swallowed

    def _before_shortcut(self, event: QEvent) -> None:
        """A key that may be a shortcut (Ctrl+S, Alt+A, Escape) is offered to the
        shortcuts before its key press reaches this filter: the keys typed before it are
        sent on first, so a save never overtakes the last letters of a name."""
        if (
            self._held
            and not self._in_scan
            and not self._redelivering
            and isinstance(event, QKeyEvent)
            and event.key() not in _MODIFIER_KEYS
            and _scan_text(event) is None
        ):
            self._timer.stop()
            self._release_held()

    def _is_propagation(self, watched: QWidget, signature: tuple[int, int, str, int]) -> bool:
        """Whether the event is a key already let through, now offered to a parent."""
        last = self._last_passed
        return (
            last is not None
            and last[1:] == signature
            and shiboken6.isValid(last[0])
            and watched is not last[0]
            and watched.isAncestorOf(last[0])
        )

    def _now(self, event: QKeyEvent) -> float:
        stamp = event.timestamp()
        return float(stamp) if stamp else self._clock() * 1000.0

    def _on_press(self, watched: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _MODIFIER_KEYS:
            return self._in_scan
        text = _scan_text(event)
        if text is None or event.isAutoRepeat():
            if not self._in_scan:
                self._release_held()
                return False
            return text is not None
        now = self._now(event)
        gap = None if self._last_time is None else now - self._last_time
        self._last_time = now
        self._last_key_at = self._clock() * 1000.0
        if self._ended_by_mark:
            self._ended_by_mark = False
            if text in ("\n", "\t") and gap is not None and gap <= self.max_gap_ms:
                self._ended_by_mark = True
                self._swallowed.add(event.key())
                return True
        if self._in_scan and gap is not None and gap > self.quiet_ms and not self._waits(gap):
            self._timer.stop()
            self._finish_scan()
        elif self._held and gap is not None and gap > self.max_gap_ms:
            self._release_held()
        if self._in_scan:
            self._append(text)
            if text == "\n" and self._is_whole():
                self._timer.stop()
                self._finish_scan()
                self._ended_by_mark = True
                self._swallowed.add(event.key())
            else:
                self._timer.start(self.quiet_ms)
            return True
        self._held.append(self._hold(watched, event))
        self._held_presses += 1
        if self._held_presses >= self.min_chars:
            self._start_scan()
            self._timer.start(self.quiet_ms)
        else:
            self._timer.start(self.hold_ms)
        return True

    def _on_release(self, watched: QWidget, event: QKeyEvent) -> bool:
        if event.key() in self._swallowed:
            self._swallowed.discard(event.key())
            return True
        if self._in_scan and event.key() not in _MODIFIER_KEYS:
            return True
        if any(held.key == event.key() for held in self._held):
            self._held.append(self._hold(watched, event))
            return True
        return False

    @staticmethod
    def _hold(watched: QWidget, event: QKeyEvent) -> _HeldKey:
        return _HeldKey(
            receiver=watched,
            kind=event.type(),
            key=event.key(),
            modifiers=event.modifiers(),
            text=event.text(),
            timestamp=event.timestamp(),
        )

    # --- bursts ------------------------------------------------------------------

    def _append(self, text: str) -> None:
        if self._buffered_chars < MAX_SCAN_CHARS:
            self._buffer.append(text)
        self._buffered_chars += len(text)

    def _is_whole(self) -> bool:
        """Whether the scan so far is a badge that marks its own end."""
        if self._buffered_chars > MAX_SCAN_CHARS:
            return False
        payload = "".join(self._buffer)
        if self.mapping is not None:
            payload = self.mapping.apply(payload)
        from boothapp.core.badges import is_whole_badge

        return is_whole_badge(payload)

    def _waits(self, gap: float) -> bool:
        """Whether a pause of ``gap`` ms leaves the scan open: it is a badge marking its
        own end that has not reached it, and the pause is within ``unfinished_ms``."""
        if gap > self.unfinished_ms or self._buffered_chars > MAX_SCAN_CHARS:
            return False
        payload = "".join(self._buffer)
        if self.mapping is not None:
            payload = self.mapping.apply(payload)
        from boothapp.core.badges import is_unfinished_badge

        return is_unfinished_badge(payload)

    def _start_scan(self) -> None:
        self._in_scan = True
        for held in self._held:
            if held.kind == QEvent.Type.KeyPress:
                self._append("\n" if held.key in _NEWLINE_KEYS else _held_text(held))
        self._held.clear()
        self._held_presses = 0
        self._take_back_released()
        self.listening.emit(True)

    def _take_back_released(self) -> None:
        """When the last keys sent on as typing (in one go or a few, into the field that
        still has the focus) are the start of the badge this scan goes on with (``ME``,
        ``CA`` + ``RD:N:…``), takes them back out of their field and puts them in front
        of the scan."""
        released, self._released = self._released, None
        if released is None:
            return
        receiver, typed, at = released
        if self._clock() * 1000.0 - at > self.unfinished_ms or not shiboken6.isValid(receiver):
            return
        if QApplication.focusWidget() is not receiver:
            return
        from boothapp.core.badges import is_unfinished_badge

        scan = "".join(self._buffer)
        mapped = self.mapping.apply if self.mapping is not None else str
        if is_unfinished_badge(mapped(scan)):
            return
        text = next(
            (
                typed[-count:]
                for count in range(1, len(typed) + 1)
                if is_unfinished_badge(mapped(typed[-count:] + scan))
            ),
            "",
        )
        if not text:
            return
        self._redelivering = True
        try:
            for _ in text:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    backspace = QKeyEvent(
                        kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier
                    )
                    QCoreApplication.sendEvent(receiver, backspace)
        finally:
            self._redelivering = False
        self._buffer.insert(0, text)
        self._buffered_chars += len(text)

    def _finish_scan(self) -> None:
        payload = "".join(self._buffer).rstrip("\r\n\t")
        too_long = self._buffered_chars > MAX_SCAN_CHARS
        self._buffer.clear()
        self._buffered_chars = 0
        self._in_scan = False
        self.listening.emit(False)
        if too_long:
            self.rejected.emit(
                self.tr(
                    "the scan was over {count} characters long: "
                    "this is not a badge; scan the badge again"
                ).format(count=QLocale().toString(MAX_SCAN_CHARS))
            )
        elif not payload.strip():
            self.rejected.emit(self.tr("the scan was empty: scan the badge again"))
        else:
            self.received.emit(payload)
            if not self._calibrating:
                mapped = self.mapping.apply(payload) if self.mapping is not None else payload
                self.scanned.emit(mapped)

    def _release_held(self) -> None:
        held, self._held = self._held, []
        self._held_presses = 0
        previous, self._released = self._released, None
        typed: list[str] = []
        last_receiver: QWidget | None = None
        self._redelivering = True
        try:
            for key in held:
                receiver = _keyboard_receiver(key.receiver)
                if receiver is not None:
                    QCoreApplication.sendEvent(receiver, key.event())
                    if key.kind == QEvent.Type.KeyPress:
                        typed.append(_held_text(key))
                        last_receiver = receiver
        finally:
            self._redelivering = False
        text = "".join(typed)
        if last_receiver is None or not text or not text.isprintable():
            return
        now = self._clock() * 1000.0
        if (
            previous is not None
            and previous[0] is last_receiver
            and now - previous[2] <= self.unfinished_ms
        ):
            text = previous[1] + text
        self._released = (last_receiver, text[-RELEASED_KEPT:], now)

    @Slot()
    def _on_quiet(self) -> None:
        if self._in_scan:
            waited = self._clock() * 1000.0 - self._last_key_at
            if self._waits(waited):
                self._timer.start(max(1, int(self.unfinished_ms - waited)))
                return
            self._finish_scan()
        else:
            self._release_held()


def _keyboard_receiver(pressed_in: QWidget) -> QWidget | None:
    """Where a held key goes now: the open popup, else the focused widget, else the
    widget it was pressed in (None if that one is gone)."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    focused = QApplication.focusWidget()
    if focused is not None:
        return focused
    return pressed_in if shiboken6.isValid(pressed_in) else None


def _held_text(held: _HeldKey) -> str:
    return "\t" if held.key == Qt.Key.Key_Tab else held.text


class ScannerIndicator(QLabel):
    """A small label showing that the scanner is heard: amber while a scan comes in,
    green after a good scan, red after a failed one, grey otherwise."""

    STYLES = {
        "idle": (
            QT_TRANSLATE_NOOP("ScannerIndicator", "Scanner ready"),
            "color: palette(window-text);",
        ),
        "listening": (
            QT_TRANSLATE_NOOP("ScannerIndicator", "Receiving scan…"),
            "color: black; background: #ffd54f;",
        ),
        "ok": (
            QT_TRANSLATE_NOOP("ScannerIndicator", "Scan read"),
            "color: white; background: #2e7d32;",
        ),
        "failed": (
            QT_TRANSLATE_NOOP("ScannerIndicator", "Scan failed"),
            "color: white; background: #c62828;",
        ),
    }
    """Each state's text (translated where shown) and style."""

    def __init__(
        self,
        wedge: WedgeScanner | None = None,
        parent: QWidget | None = None,
        flash_ms: int = 1500,
    ) -> None:
        super().__init__(parent)
        self.flash_ms = flash_ms
        self.state = "idle"
        self._back = QTimer(self)
        self._back.setSingleShot(True)
        self._back.timeout.connect(lambda: self._show("idle"))
        self.setContentsMargins(6, 1, 6, 1)
        self._show("idle")
        if wedge is not None:
            self.watch(wedge)

    def watch(self, wedge: WedgeScanner) -> None:
        wedge.listening.connect(self._on_listening)
        wedge.received.connect(lambda _payload: self.flash(True))
        wedge.rejected.connect(lambda message: self.flash(False, message))

    def flash(self, ok: bool, message: str = "") -> None:
        """Shows success or failure for a moment (``message`` becomes the tooltip)."""
        self._show("ok" if ok else "failed", message)
        self._back.start(self.flash_ms)

    @Slot(bool)
    def _on_listening(self, listening: bool) -> None:
        if listening:
            self._back.stop()
            self._show("listening")

    def _show(self, state: str, message: str = "") -> None:
        self.state = state
        text, style = self.STYLES[state]
        self.setText(translate("ScannerIndicator", text))
        self.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; }}")
        self.setToolTip(message)


class BadgeEntryBox(QWidget):
    """ "Type or paste a badge": a text box and a Scan button (or Ctrl+Enter) that emit
    the text as ``scanned(str)``, like a scanner would."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlaceholderText(
            self.tr("Type or paste a badge's text, then press Ctrl+Enter")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.installEventFilter(self)
        self.scan_button = QPushButton(self.tr("Scan"), self)
        shortcut = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.scan_button.setToolTip(
            self.tr("Read the text as a badge ({shortcut})").format(shortcut=shortcut)
        )
        self.scan_button.clicked.connect(self.submit)
        buttons = QVBoxLayout()
        buttons.addWidget(self.scan_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NEWLINE_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def submit(self) -> None:
        """Emits the text (without trailing blank lines) and empties the box."""
        text = self.editor.toPlainText().rstrip("\r\n\t ")
        if text.strip():
            self.scanned.emit(text)
            self.editor.clear()
        self.editor.setFocus()

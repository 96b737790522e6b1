"""The manager PIN in the window (``core.manager_lock``): the dialog that asks for it
before a locked action, the dialog that sets or changes it, and the "Manager PIN"
section of the show settings.

Every dialog here is window-modal and opened with ``open()``: nothing blocks, and tests
drive them by typing and clicking. :func:`ask_manager_pin` is the one call that gates
an action::

    ask_manager_pin(window, services.manager_lock, "Exporting leads", dialogs.open_export)

With no PIN set, the action runs at once, as before there was a lock.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.manager_lock import (
    MAX_PIN_LENGTH,
    MIN_PIN_LENGTH,
    ManagerLock,
    PinCheck,
    PinOutcome,
    PinRefused,
    check_new_pin,
)
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import problem_style
from boothapp.gui.views.show_settings_view import dialog_buttons

LOCKED = QT_TRANSLATE_NOOP("pin_dialog", "exports, restoring a backup, new shows and show settings")
"""What the PIN locks in the window, as the settings section says it."""


def _pin_edit(name: str, accessible: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PIN_LENGTH)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhSensitiveData
    )
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0") * 20)
    return edit


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(problem_style())
    label.setVisible(False)
    return label


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _refusal_sentence(outcome: PinOutcome, wait: float, try_again: bool = False) -> str:
    """What a refused try says, in the window's language: why, then the wait left
    (``wait`` seconds, rounded up), or "try again" with ``try_again`` and no wait."""
    seconds = math.ceil(wait)
    if outcome is PinOutcome.GRANTED:
        return translate("pin_dialog", "The manager PIN is right.")
    if outcome is PinOutcome.THROTTLED:
        if wait > 0:
            return translate(
                "pin_dialog", "Too many wrong manager PINs: wait {seconds} s before the next try."
            ).format(seconds=seconds)
        if try_again:
            return translate("pin_dialog", "Too many wrong manager PINs: try again.")
        return translate("pin_dialog", "Too many wrong manager PINs.")
    if wait > 0:
        return translate(
            "pin_dialog", "The manager PIN is wrong: wait {seconds} s before the next try."
        ).format(seconds=seconds)
    if try_again:
        return translate("pin_dialog", "The manager PIN is wrong: try again.")
    return translate("pin_dialog", "The manager PIN is wrong.")


def refusal_text(check: PinCheck) -> str:
    """``"The manager PIN is wrong: wait 4 s before the next try."``"""
    return _refusal_sentence(check.outcome, check.wait)


# --- asking for the PIN -------------------------------------------------------------------


class PinView(QWidget):
    """Layout of the PIN dialog: what the PIN is for, the PIN, a message, the buttons."""

    def __init__(self, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self.tr("{action} needs the manager PIN.").format(action=action_text))
        self.intro.setObjectName("pinIntro")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.pin_edit = _pin_edit("managerPin", self.tr("Manager PIN"))
        self.message = _message_label("pinMessage")
        self.buttons, self.unlock_button = dialog_buttons(
            QDialogButtonBox.StandardButton.Ok, self.tr("&Unlock")
        )
        form = QFormLayout()
        label = QLabel(self.tr("Manager &PIN:"))
        label.setBuddy(self.pin_edit)
        form.addRow(label, self.pin_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


class PinDialog(QDialog):
    """Asks for the manager PIN before an action; ``granted`` is emitted (and the dialog
    accepted) once the right PIN is typed.

    ``attempt`` tries a PIN and raises ``PinRefused`` when it is wrong or early (default:
    ``lock.require``; clearing the PIN passes ``lock.clear_pin``). A wrong PIN keeps the
    dialog open with the message; while the wait after wrong PINs runs, Unlock is off and
    the seconds left count down (:meth:`refresh`, every second)."""

    granted = Signal()

    def __init__(
        self,
        lock: ManagerLock,
        action_text: str,
        parent: QWidget | None = None,
        attempt: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.lock = lock
        self._attempt = attempt if attempt is not None else lock.require
        self._refusal: PinCheck | None = None
        self.setWindowTitle(self.tr("Manager PIN"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.view = PinView(action_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.view.buttons.accepted.connect(self.try_pin)
        self.view.buttons.rejected.connect(self.reject)
        self.finished.connect(self.timer.stop)
        self.view.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def try_pin(self) -> bool:
        """Tries the typed PIN: right, the dialog is accepted and ``granted`` emitted;
        wrong or early, it says so (with the wait) and stays open."""
        edit = self.view.pin_edit
        if not self.view.unlock_button.isEnabled():
            return False
        if not edit.text():
            _say(self.view.message, self.tr("Type the manager PIN."))
            edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            self._attempt(edit.text())
        except PinRefused as refusal:
            self._refusal = refusal.check
            edit.clear()
            _say(self.view.message, refusal_text(refusal.check))
            self._follow_wait(refusal.check.wait)
            return False
        except BoothError as error:
            _say(self.view.message, _sentence(str(error)))
            return False
        self.timer.stop()
        self.accept()
        self.granted.emit()
        return True

    def refresh(self) -> None:
        """Reads the wait left and shows it; Unlock comes back once it is over."""
        try:
            status = self.lock.status()
        except BoothError as error:
            self.timer.stop()
            self.view.unlock_button.setEnabled(False)
            self.view.pin_edit.setEnabled(False)
            _say(self.view.message, _sentence(str(error)))
            return
        if status.wait > 0:
            outcome = self._refusal.outcome if self._refusal else PinOutcome.THROTTLED
            _say(self.view.message, _refusal_sentence(outcome, status.wait))
        elif self._refusal is not None:
            _say(self.view.message, _refusal_sentence(self._refusal.outcome, 0, try_again=True))
        self._follow_wait(status.wait)

    def _follow_wait(self, wait: float) -> None:
        waiting = wait > 0
        self.view.unlock_button.setEnabled(not waiting)
        if waiting:
            if not self.timer.isActive():
                self.timer.start()
            return
        self.timer.stop()
        self.view.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)


def ask_manager_pin(
    parent: QWidget,
    lock: ManagerLock,
    action_text: str,
    on_granted: Callable[[], object],
) -> PinDialog | None:
    """Runs ``on_granted`` once the manager may do ``action_text`` (a phrase such as
    ``"Exporting leads"``): at once when no PIN is set (returns None), else after the
    right PIN is typed in a window-modal :class:`PinDialog`, opened with ``open()`` and
    returned; cancelled, nothing runs. A stored PIN this version cannot check keeps the
    action locked (the dialog says why)."""
    try:
        locked = lock.status().pin_set
    except BoothError:
        locked = True
    if not locked:
        on_granted()
        return None
    dialog = PinDialog(lock, action_text, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.granted.connect(on_granted)
    dialog.open()
    return dialog


# --- setting, changing and clearing the PIN --------------------------------------------------


class PinSetupView(QWidget):
    """Layout of the dialog that sets or changes the PIN: the current PIN (when one is
    set), the new one twice, a message, the buttons."""

    def __init__(self, changing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current_edit = _pin_edit("currentPin", self.tr("Current PIN"))
        self.new_edit = _pin_edit("newPin", self.tr("New PIN"))
        self.again_edit = _pin_edit("newPinAgain", self.tr("New PIN again"))
        hint = QLabel(
            self.tr(
                "At least {count} characters: digits, letters or both. It is asked "
                "for {locked}, on every laptop using this database."
            ).format(count=MIN_PIN_LENGTH, locked=translate("pin_dialog", LOCKED))
        )
        hint.setWordWrap(True)
        self.message = _message_label("pinSetupMessage")
        self.buttons, self.save_button = dialog_buttons(
            QDialogButtonBox.StandardButton.Save,
            self.tr("&Change PIN") if changing else self.tr("&Set PIN"),
        )
        form = QFormLayout()
        for text, edit in (
            (self.tr("C&urrent PIN:"), self.current_edit),
            (self.tr("&New PIN:"), self.new_edit),
            (self.tr("New PIN a&gain:"), self.again_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        form.setRowVisible(self.current_edit, changing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


class PinSetupDialog(QDialog):
    """Sets the manager PIN, or changes it given the current one; ``changed`` is
    emitted (and the dialog accepted) once it is stored. A refused PIN keeps the dialog
    open with the reason."""

    changed = Signal()

    def __init__(self, lock: ManagerLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        problem = ""
        try:
            self.changing = lock.status().pin_set
        except BoothError as error:
            self.changing, problem = True, _sentence(str(error))
        self.setWindowTitle(
            self.tr("Change the manager PIN") if self.changing else self.tr("Set a manager PIN")
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.view = PinSetupView(self.changing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.view.buttons.accepted.connect(self.save)
        self.view.buttons.rejected.connect(self.reject)
        first = self.view.current_edit if self.changing else self.view.new_edit
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if problem:
            _say(self.view.message, problem)
            self.view.save_button.setEnabled(False)

    def save(self) -> bool:
        """Stores the new PIN; says what is wrong and stores nothing otherwise."""
        view = self.view
        new, again = view.new_edit.text(), view.again_edit.text()
        current = view.current_edit.text() if self.changing else None
        if self.changing and not current:
            return self._refuse(self.tr("Type the current PIN."), view.current_edit)
        try:
            check_new_pin(new)
        except ValidationError as error:
            return self._refuse(
                _sentence(self.tr("New PIN: {reason}").format(reason=error.reason)),
                view.new_edit,
            )
        if again != new:
            view.again_edit.clear()
            return self._refuse(
                self.tr("The two new PINs differ: type the same PIN twice."), view.again_edit
            )
        try:
            self.lock.set_pin(new, current)
        except PinRefused as refusal:
            view.current_edit.clear()
            return self._refuse(refusal_text(refusal.check), view.current_edit)
        except BoothError as error:
            return self._refuse(_sentence(str(error)), view.new_edit)
        self.accept()
        self.changed.emit()
        return True

    def _refuse(self, text: str, field: QLineEdit) -> bool:
        _say(self.view.message, text)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        return False


class ManagerPinSection(QGroupBox):
    """The "Manager PIN" section of the show settings: whether a PIN is set, and Set
    (or Change) and Clear, each in its own window-modal dialog (``dialog`` while it is
    open). What they do is stored at once, for the whole booth, not on Save."""

    def __init__(self, lock: ManagerLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Manager PIN"))
        self.setObjectName("managerPinSection")
        self.lock = lock
        self.dialog: QDialog | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("managerPinStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.set_button = QPushButton()
        self.set_button.setObjectName("setManagerPin")
        self.clear_button = QPushButton(self.tr("C&lear PIN…"))
        self.clear_button.setObjectName("clearManagerPin")
        row = QHBoxLayout(self)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.set_button)
        row.addWidget(self.clear_button)
        self.set_button.clicked.connect(self.open_setup)
        self.clear_button.clicked.connect(self.open_clear)
        self.refresh()

    def refresh(self) -> None:
        """Says whether a PIN is set; Clear is on only when one is."""
        try:
            pin_set = self.lock.status().pin_set
            text = (
                self.tr(
                    "A manager PIN is set: {locked} ask for it, on every laptop using this "
                    "database. Changes here apply at once."
                ).format(locked=translate("pin_dialog", LOCKED))
                if pin_set
                else self.tr(
                    "No manager PIN is set: anyone at the laptop can export the leads, "
                    "restore a backup and change the shows."
                )
            )
        except BoothError as error:
            pin_set, text = True, _sentence(str(error))
        self.status_label.setText(text)
        self.set_button.setText(self.tr("Change P&IN…") if pin_set else self.tr("Set P&IN…"))
        self.clear_button.setEnabled(pin_set)

    def open_setup(self) -> None:
        """Opens the dialog that sets the PIN, or changes it given the current one."""
        if not self._raised():
            self._open(PinSetupDialog(self.lock, self.window()))

    def open_clear(self) -> None:
        """Asks for the current PIN and clears it."""
        if not self._raised():
            self._open(
                PinDialog(
                    self.lock,
                    self.tr("Clearing the manager PIN"),
                    self.window(),
                    attempt=self.lock.clear_pin,
                )
            )

    def _raised(self) -> bool:
        if self.dialog is None:
            return False
        self.dialog.raise_()
        return True

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None
        self.refresh()

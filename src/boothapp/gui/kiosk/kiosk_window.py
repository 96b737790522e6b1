"""The kiosk window's behaviour: typing or scanning a visitor in, registering them,
thanking them, clearing itself after a minute without input, and leaving only with the
manager PIN (or, with no PIN set, Ctrl+Alt+K and a confirmation).

:func:`start_kiosk` puts a main window into kiosk mode; see :mod:`boothapp.gui.kiosk`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError, ValidationError
from boothapp.core.privacy.guard import ErasedPerson
from boothapp.core.schemas import EventRow, LeadDetail, LeadInput, StaffRow
from boothapp.core.services import Services
from boothapp.core.validation import country_name
from boothapp.core.vocabulary import LeadSource, LegalBasis
from boothapp.gui.capture.hints import country_names
from boothapp.gui.changes import LeadChange
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate, window_language
from boothapp.gui.kiosk.kiosk_view import FIELD_NAMES, KioskView
from boothapp.gui.kiosk.registration import (
    missing_details,
    read_badge,
    register_visitor,
)

if TYPE_CHECKING:
    from boothapp.gui.main_window import MainWindow


IDLE_MS = 60_000
"""A minute without a key, a click or a touch empties the form."""
THANKS_MS = 6_000
"""How long the thank-you page stays before the empty form comes back."""
LEAVE_KEYS = "Ctrl+Alt+K"
# The texts below are translated where they are shown: translate("kiosk_window", TEXT).
LEAVE_ACTION = QT_TRANSLATE_NOOP("kiosk_window", "Leaving kiosk mode")

BADGE_READ = QT_TRANSLATE_NOOP(
    "kiosk_window", "Your badge is read: please check your details, then tap Register."
)
BADGE_ID_ONLY = QT_TRANSLATE_NOOP(
    "kiosk_window", "Your badge is read. Please type your details, then tap Register."
)
BADGE_UNREADABLE = QT_TRANSLATE_NOOP(
    "kiosk_window", "We could not read your badge: please type your details instead."
)
NOT_HERE = QT_TRANSLATE_NOOP(
    "kiosk_window", "We cannot register you here: please ask a member of our team."
)
NOT_SAVED = QT_TRANSLATE_NOOP(
    "kiosk_window", "Sorry, your details could not be saved: please ask a member of our team."
)
CONFIRM_LEAVE = QT_TRANSLATE_NOOP(
    "kiosk_window",
    "No manager PIN is set, so anyone who knows this key combination can leave kiosk "
    "mode and see the leads. Set a manager PIN in Show settings to lock it.\n\n"
    "Leave kiosk mode?",
)
FRIENDLY_ERRORS = {
    "email": QT_TRANSLATE_NOOP(
        "kiosk_window", "Please check your e-mail address: it should look like name@company.com."
    ),
    "country": QT_TRANSLATE_NOOP(
        "kiosk_window",
        "We do not know this country: please choose it from the list, or leave it empty.",
    ),
    "phone": QT_TRANSLATE_NOOP("kiosk_window", "Please check your phone number."),
}
"""What a visitor reads when the lead service refuses a field (other fields: its reason)."""

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)
_FIELD_OF_ERROR = {"name": "first_name", "mobile": "phone"}


def _text(text: str) -> str:
    """One of this module's texts in the window's language."""
    return translate("kiosk_window", text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


class KioskWindow(QWidget):
    """A full-screen registration page for visitors of ``show``, a top-level window of
    its own. Leads are saved through ``services.leads`` with the kiosk as source, by
    ``staff`` (the person signed in at the laptop, or nobody).

    ``registered(LeadDetail)`` after each registration; ``left()`` once kiosk mode ends,
    just before the window closes and is deleted. ``idle_ms`` and ``thanks_ms`` are the
    idle and thank-you delays (tests shorten them); ``beep`` sounds after a scan read,
    ``buzz`` after one that could not be (both the system's beep unless given)."""

    registered = Signal(object)
    left = Signal()

    def __init__(
        self,
        services: Services,
        show: EventRow,
        staff: StaffRow | None = None,
        *,
        idle_ms: int = IDLE_MS,
        thanks_ms: int = THANKS_MS,
        beep: Callable[[], None] = QApplication.beep,
        buzz: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{show} — visitor registration").format(show=show.name))
        self.services = services
        self.show_row = show
        self.staff = staff
        self.beep = beep
        self.buzz = buzz or beep
        self.badge: LeadInput | None = None
        """What the last badge scan read (its ID, payload and the fields the form does
        not show); None when the visitor typed everything."""
        self.registrations = 0
        self.leave_dialog: QDialog | None = None
        self.confirm_leave_button: QWidget | None = None
        self._leaving = False
        self.asks_consent = bool(show.consent_text)
        """The show has a consent text: the consent box is shown (none without one)."""

        self.view = KioskView(self)
        self.form = self.view.form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self.idle)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(thanks_ms)
        self.thanks_timer.timeout.connect(self.next_visitor)
        self.leave_shortcut = QShortcut(QKeySequence(LEAVE_KEYS), self)
        self.leave_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.leave_shortcut.activated.connect(lambda: self.request_leave(chord=True))

        self._fill_show(show)
        self._connect()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.next_visitor()

    # --- building -----------------------------------------------------------------------

    def _fill_show(self, show: EventRow) -> None:
        form = self.form
        form.title.setText(self.tr("Welcome to {show}").format(show=show.name))
        products = self.services.products.list(event_id=show.id)
        form.products.set_products(products)
        if show.consent_text:
            version = (
                "\n" + self.tr("(Version {version})").format(version=show.consent_version)
                if show.consent_version
                else ""
            )
            form.consent_text.setText(show.consent_text.strip() + version)
        form.consent_frame.setVisible(self.asks_consent)
        default = country_name(show.country, window_language())
        if default:
            form.edits["country"].setPlaceholderText(
                self.tr("e.g. {country}").format(country=default)
            )
        _english, all_names = country_names()
        completer = QCompleter(QStringListModel(all_names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.edits["country"].setCompleter(completer)
        chain = form.field_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        form = self.form
        form.register_button.clicked.connect(self.register)
        form.staff_button.clicked.connect(lambda: self.request_leave(chord=False))
        for name, edit in form.edits.items():
            edit.textEdited.connect(lambda _text, name=name: self._hide_error(name))
        form.consent_box.toggled.connect(lambda _on: form.consent_error.setVisible(False))
        self.view.thanks.dismissed.connect(self.next_visitor)

    # --- the visitor ------------------------------------------------------------------

    def text(self, name: str) -> str:
        return self.form.edits[name].text().strip()

    def visitor(self) -> LeadInput:
        """What the form holds, with what the badge gave, as the lead service takes it."""
        form = self.form
        base = self.badge if self.badge is not None else LeadInput()
        phone = self.text("phone")
        mobile = base.mobile if base.mobile and base.mobile != phone else None
        consent = self.asks_consent and form.consent_box.isChecked()
        return replace(
            base,
            first_name=self.text("first_name"),
            last_name=self.text("last_name"),
            company=self.text("company"),
            job_title=self.text("job_title"),
            email=self.text("email") or None,
            phone=phone or None,
            mobile=mobile,
            country=self.text("country") or None,
            products=form.products.chosen(),
            consent=consent,
            legal_basis=LegalBasis.CONSENT if consent else None,
            do_not_contact=False,
            source=LeadSource.KIOSK,
        )

    def is_empty(self) -> bool:
        """Nothing typed, chosen or scanned."""
        form = self.form
        return (
            self.badge is None
            and not any(self.text(name) for name in FIELD_NAMES)
            and not form.products.chosen()
            and not form.consent_box.isChecked()
        )

    def read_badge(self, payload: str) -> None:
        """A badge scanned at the kiosk (the scanner's ``scanned``): the form starts afresh
        with the badge's details, for the visitor to check; nothing is saved until they
        register. A scan while the thank-you page shows starts the next visitor."""
        self.idle_timer.start()
        self.next_visitor()
        try:
            data, badge = read_badge(self.services, self.show_row.id, payload)
        except BoothError:
            self.say(_text(BADGE_UNREADABLE), problem=True)
            self.buzz()
            return
        self.badge = data
        edits = self.form.edits
        values = {
            "first_name": data.first_name,
            "last_name": data.last_name,
            "company": data.company,
            "job_title": data.job_title,
            "email": data.email or "",
            "phone": data.phone or data.mobile or "",
            "country": country_name(data.country, window_language()),
        }
        for name, value in values.items():
            edits[name].setText(value)
            edits[name].setCursorPosition(0)  # the start of a long address shows
        self.beep()
        if any(values.values()):
            self.say(_text(BADGE_READ))
        elif badge.format == "id":
            self.say(_text(BADGE_ID_ONLY))
        else:
            self.badge = None
            self.say(_text(BADGE_UNREADABLE), problem=True)
        empty = [edits[name] for name in FIELD_NAMES if not values[name] and name != "country"]
        target: QWidget = empty[0] if empty else self.form.register_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def badge_rejected(self, _message: str) -> None:
        """What the scanner could not read (its ``rejected``)."""
        self.next_visitor()
        self.say(_text(BADGE_UNREADABLE), problem=True)

    # --- registering ------------------------------------------------------------------

    def register(self) -> LeadDetail | None:
        """Saves the visitor (see :func:`register_visitor`) and thanks them; returns the
        stored lead, or None with the problems shown next to their fields."""
        if not self.view.showing_form():
            return None
        self.clear_errors()
        data = self.visitor()
        problems = missing_details(data)
        if problems:
            for problem in problems:
                self.show_error(problem, reword=False)
            self._focus_error(problems[0])
            return None
        staff_id = self.staff.id if self.staff is not None else None
        try:
            done = register_visitor(self.services.leads, self.show_row.id, data, staff_id)
        except ErasedPerson:
            self.next_visitor()
            self.say(_text(NOT_HERE), problem=True)
            return None
        except ValidationError as error:
            self.show_error(error)
            self._focus_error(error)
            return None
        except BoothError:
            self.say(_text(NOT_SAVED), problem=True)
            return None
        self.registrations += 1
        self.registered.emit(done.lead)
        self._thank(data.first_name, done.returning)
        return done.lead

    def _thank(self, first_name: str, returning: bool) -> None:
        """The thank-you page, with the name the visitor typed (never one from the stored
        lead: someone typing another person's e-mail address learns nothing)."""
        thanks = self.view.thanks
        if returning:
            title = (
                self.tr("Welcome back, {name}!").format(name=first_name)
                if first_name
                else self.tr("Welcome back!")
            )
            thanks.title.setText(title)
            thanks.text.setText(self.tr("We have noted your visit. Our team will be in touch."))
        else:
            title = (
                self.tr("Thank you, {name}!").format(name=first_name)
                if first_name
                else self.tr("Thank you!")
            )
            thanks.title.setText(title)
            thanks.text.setText(self.tr("Our team will be in touch after the show."))
        self._clear_form()
        self.view.show_thanks()
        thanks.setFocus(Qt.FocusReason.OtherFocusReason)
        self.thanks_timer.start()

    # --- messages and errors -------------------------------------------------------------

    def say(self, text: str, problem: bool = False) -> None:
        """A line under the form's introduction (empty: none)."""
        message = self.form.message
        message.setProperty("problem", problem)
        message.style().unpolish(message)
        message.style().polish(message)
        message.setText(text)
        message.setVisible(bool(text))

    def show_error(self, error: ValidationError, reword: bool = True) -> None:
        """Shows a refused value next to its field, or under the introduction when it is
        about no field of the form; ``reword``: in the visitor's words of
        ``FRIENDLY_ERRORS`` rather than the lead service's."""
        field = _FIELD_OF_ERROR.get(error.field, error.field)
        reason = _sentence(error.reason)
        friendly = FRIENDLY_ERRORS.get(field)
        text = _text(friendly) if reword and friendly is not None else reason
        if field in self.form.errors:
            label = self.form.errors[field]
        elif field == "consent":
            label = self.form.consent_error
        else:
            self.say(reason, problem=True)
            return
        label.setText(text)
        label.setVisible(True)

    def _focus_error(self, error: ValidationError) -> None:
        field = _FIELD_OF_ERROR.get(error.field, error.field)
        edit = self.form.edits.get(field)
        if edit is not None:
            self.view.form_scroll.ensureWidgetVisible(edit)
            edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_error(self, name: str) -> None:
        self.form.errors[name].setVisible(False)

    def clear_errors(self) -> None:
        for label in (*self.form.errors.values(), self.form.consent_error):
            label.setVisible(False)
            label.clear()
        self.say("")

    # --- clearing -----------------------------------------------------------------------

    def _clear_form(self) -> None:
        form = self.form
        self.badge = None
        for edit in form.edits.values():
            edit.clear()
        form.products.clear()
        form.consent_box.setChecked(False)
        self.clear_errors()

    def next_visitor(self) -> None:
        """The empty form for the next visitor, the cursor in the first name."""
        self.thanks_timer.stop()
        self._clear_form()
        self._show_staff_button()
        self.view.show_form()
        self.view.form_scroll.verticalScrollBar().setValue(0)
        self.form.products_scroll.verticalScrollBar().setValue(0)
        self.form.edits["first_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def idle(self) -> None:
        """A minute without input: what the visitor typed is dropped (a kiosk for the
        public keeps no half-typed stranger, not even as a draft) and a leave dialog
        left open is closed."""
        dialog = self.leave_dialog
        if dialog is not None:
            dialog.reject()
        self.next_visitor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Any key, click or touch anywhere in the application starts the idle delay
        again (installed on the application while the kiosk is up)."""
        if event.type() in _ACTIVITY:
            self.idle_timer.start()
        return False

    # --- leaving ------------------------------------------------------------------------

    def _pin_set(self) -> bool:
        """Whether the manager PIN is set; a PIN that cannot be read counts as set."""
        try:
            return self.services.manager_lock.status().pin_set
        except BoothError:
            return True

    def _show_staff_button(self) -> None:
        """The small Staff button, which asks for the manager PIN, is there only when a
        PIN is set: without one, leaving takes Ctrl+Alt+K."""
        self.form.staff_button.setVisible(self._pin_set())

    def request_leave(self, chord: bool = False) -> None:
        """Asks to leave kiosk mode: for the manager PIN when one is set; with none set,
        only Ctrl+Alt+K (``chord``) leaves, after a confirmation. Nothing blocks: the
        dialog is window-modal and opened with ``open()`` (``leave_dialog``)."""
        if self._leaving:
            return
        if self.leave_dialog is not None:
            self.leave_dialog.raise_()
            self.leave_dialog.activateWindow()
            return
        dialog: QDialog | None
        if self._pin_set():
            from boothapp.gui.pin_dialog import ask_manager_pin

            dialog = ask_manager_pin(
                self, self.services.manager_lock, _text(LEAVE_ACTION), self.leave
            )
        elif chord:
            dialog = self._confirm_leave()
        else:
            return
        if dialog is not None:
            self.leave_dialog = dialog
            dialog.finished.connect(self._leave_dialog_closed)

    def _confirm_leave(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Leave kiosk mode?"))
        box.setText(_text(CONFIRM_LEAVE))
        leave = box.addButton(self.tr("Leave kiosk mode"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("Stay"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        leave.clicked.connect(self.leave)
        self.confirm_leave_button = leave
        box.open()
        return box

    def _leave_dialog_closed(self) -> None:
        self.leave_dialog = None
        self.confirm_leave_button = None

    def leave(self) -> None:
        """Ends kiosk mode: what the form holds is dropped, ``left`` is emitted (the main
        window comes back), then the window closes and is deleted."""
        if self._leaving:
            return
        self._leaving = True
        self.idle_timer.stop()
        self.thanks_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._clear_form()
        self.left.emit()
        self.close()
        self.deleteLater()

    @property
    def leaving(self) -> bool:
        return self._leaving

    # --- events -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter anywhere in the form registers (a field passes it on); Escape does
        nothing, so a visitor cannot close anything."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.register()
            return
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing (Alt+F4, the window's close button) is asking to leave: with a PIN set,
        the PIN dialog opens once the close is refused; without one, nothing happens."""
        if self._leaving:
            super().closeEvent(event)
            return
        event.ignore()
        QTimer.singleShot(0, self, lambda: self.request_leave(chord=False))


def _disconnect(signal: SignalInstance, slot: Callable[..., object]) -> bool:
    """Disconnects ``slot`` from ``signal``; False (and no warning) if it was not
    connected."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return bool(signal.disconnect(slot))


def start_kiosk(
    window: MainWindow,
    *,
    put_away: Callable[[], bool] | None = None,
    idle_ms: int = IDLE_MS,
    thanks_ms: int = THANKS_MS,
) -> KioskWindow | None:
    """Puts ``window`` into kiosk mode for its active show and returns the kiosk, shown
    full screen; ``window`` is hidden (its menus, shortcuts and lead list with it) until
    the kiosk is left, when it is shown again.

    ``put_away`` (e.g. ``window.capture.put_away``) runs first; when it returns False,
    what the capture form holds could not be kept, and nothing happens (None is
    returned). While the kiosk is up, the window's keyboard-wedge scanner fills the
    kiosk's form instead of saving scans, and each registration is reported to the
    window's ``lead_changes``. Raises ``ValidationError`` when no show is open."""
    show = window.active_show
    if show is None:
        raise ValidationError(
            "show",
            translate("kiosk_window", "kiosk mode needs an open show: choose or create one"),
        )
    if put_away is not None and not put_away():
        return None
    kiosk = KioskWindow(
        window.services,
        show,
        window.active_staff,
        idle_ms=idle_ms,
        thanks_ms=thanks_ms,
        beep=window.scans.beep,
        buzz=window.scans.buzz,
    )
    wedge = window.wedge
    took_scans = False
    if wedge is not None:
        took_scans = _disconnect(wedge.scanned, window.scan_badge)
        wedge.scanned.connect(kiosk.read_badge)
        wedge.rejected.connect(kiosk.badge_rejected)

    def report(lead: LeadDetail) -> None:
        window.lead_changes.report(LeadChange(lead.id))

    def back() -> None:
        if wedge is not None:
            _disconnect(wedge.scanned, kiosk.read_badge)
            _disconnect(wedge.rejected, kiosk.badge_rejected)
            if took_scans:
                wedge.scanned.connect(window.scan_badge)
        window.show()
        window.activateWindow()
        count = kiosk.registrations
        if count == 1:
            text = translate("kiosk_window", "Left kiosk mode: {count} visitor registered")
        else:
            text = translate("kiosk_window", "Left kiosk mode: {count} visitors registered")
        window.notify(text.format(count=count))

    kiosk.registered.connect(report)
    kiosk.left.connect(back)
    kiosk.showFullScreen()
    kiosk.activateWindow()
    window.hide()
    return kiosk

"""Layout of the kiosk: the registration form (large fields, the show's products as
toggle buttons, the consent text and box, a big Register button) and the thank-you
page, on one stack. Sizes are in logical pixels, large enough for a finger."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.catalogue import by_category
from boothapp.core.schemas import ProductRow, ProductShown
from boothapp.core.vocabulary import CATEGORY_LABELS
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import problem_colour
from boothapp.gui.vocabulary_text import vocabulary

# (field name, label, placeholder) in reading and tab order; two per row. The labels and
# placeholders are translated where they are shown.
KIOSK_FIELDS = (
    ("first_name", QT_TRANSLATE_NOOP("kiosk_view", "First name"), ""),
    ("last_name", QT_TRANSLATE_NOOP("kiosk_view", "Last name"), ""),
    ("company", QT_TRANSLATE_NOOP("kiosk_view", "Company"), ""),
    ("job_title", QT_TRANSLATE_NOOP("kiosk_view", "Job title"), ""),
    (
        "email",
        QT_TRANSLATE_NOOP("kiosk_view", "E-mail"),
        QT_TRANSLATE_NOOP("kiosk_view", "name@company.com"),
    ),
    ("phone", QT_TRANSLATE_NOOP("kiosk_view", "Phone"), "+33 6 12 34 56 78"),
    ("country", QT_TRANSLATE_NOOP("kiosk_view", "Country"), ""),
)
FIELD_NAMES = tuple(name for name, _label, _placeholder in KIOSK_FIELDS)
CHECK_MARK = "✓  "


def kiosk_style() -> str:
    """The kiosk's style sheet: big type and touch targets in the palette's colours
    (light or dark mode), problems in the palette's problem colour."""
    problem = problem_colour().name()
    return f"""
#kioskView {{ font-size: 19px; }}
#kioskView QLabel#kioskTitle {{ font-size: 34px; font-weight: bold; }}
#kioskView QLabel#kioskIntro {{ font-size: 21px; }}
#kioskView QLabel[kiosk="fieldLabel"] {{ font-size: 19px; font-weight: bold; }}
#kioskView QLabel[kiosk="heading"] {{ font-size: 22px; font-weight: bold; }}
#kioskView QLabel[kiosk="category"] {{ font-size: 17px; font-weight: bold; }}
#kioskView QLabel[kiosk="error"] {{ font-size: 19px; font-weight: bold; color: {problem}; }}
#kioskView QLabel#kioskConsentText {{ font-size: 17px; }}
#kioskView QLabel#kioskEmptyProducts {{ font-size: 19px; }}
#kioskView QLabel#kioskMessage {{ font-size: 21px; font-weight: bold; }}
#kioskView QLabel#kioskMessage[problem="true"] {{ color: {problem}; }}
#kioskView QLineEdit {{
    font-size: 22px; min-height: 46px; padding: 0 10px;
    border: 2px solid palette(mid); border-radius: 8px;
    background: palette(base); color: palette(text);
}}
#kioskView QLineEdit:focus {{ border: 3px solid palette(highlight); }}
#kioskView QPushButton#kioskProduct {{
    font-size: 18px; min-height: 44px; padding: 0 12px; text-align: left;
    border: 2px solid palette(mid); border-radius: 8px;
    background: palette(button); color: palette(button-text);
}}
#kioskView QPushButton#kioskProduct:checked {{
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}}
#kioskView QPushButton#kioskProduct:focus {{ border: 3px solid palette(window-text); }}
#kioskView QPushButton#kioskRegister {{
    font-size: 28px; font-weight: bold; min-height: 72px; padding: 0 32px;
    border: 2px solid palette(highlight); border-radius: 12px;
    background: palette(highlight); color: palette(highlighted-text);
}}
#kioskView QPushButton#kioskRegister:focus {{ border: 3px solid palette(window-text); }}
#kioskView QPushButton#kioskStaff {{
    font-size: 14px; padding: 4px 10px; border: 1px solid palette(mid); border-radius: 6px;
}}
#kioskView QCheckBox#kioskConsent {{ font-size: 22px; font-weight: bold; spacing: 14px; }}
#kioskView QCheckBox#kioskConsent::indicator {{ width: 34px; height: 34px; }}
#kioskView QLabel#thanksTitle {{ font-size: 52px; font-weight: bold; }}
#kioskView QLabel#thanksText {{ font-size: 28px; }}
#kioskView QLabel#thanksHint {{ font-size: 19px; }}
"""


def _label(text: str = "", kind: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if kind:
        label.setProperty("kiosk", kind)
    if name:
        label.setObjectName(name)
    return label


class ToggleButton(QPushButton):
    """A product's big toggle button: its name (a tick in front once chosen), shortened
    with "…" when the column is too narrow; the tooltip has the whole name and SKU."""

    def __init__(self, product: ProductRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = product
        self.setObjectName("kioskProduct")
        self.setCheckable(True)
        self.setToolTip(f"{product.name} ({product.sku})")
        self.setAccessibleName(product.name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.toggled.connect(self._show_label)
        self._show_label()

    def full_label(self) -> str:
        return (CHECK_MARK if self.isChecked() else "") + self.product.name

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._show_label()

    def _show_label(self) -> None:
        room = max(0, self.width() - 28)
        text = self.fontMetrics().elidedText(self.full_label(), Qt.TextElideMode.ElideRight, room)
        self.setText(text.replace("&", "&&"))


class ProductToggles(QWidget):
    """The show's products as toggle buttons, two a row, under a heading per category."""

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, ToggleButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 8, 0)
        self._layout.setSpacing(6)
        self.empty_label = _label(
            self.tr("This show has no products listed."), name="kioskEmptyProducts"
        )
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)

    def set_products(self, products: list[ProductRow]) -> None:
        """Shows ``products`` grouped by category, the categories in the vocabulary's
        order (transit cases first), the products in the order given."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty_label:
                widget.deleteLater()
        self.buttons = {}
        for category, rows in by_category(products):
            self._layout.addWidget(_label(vocabulary(CATEGORY_LABELS[category]), "category"))
            block = QWidget()
            grid = QGridLayout(block)
            grid.setContentsMargins(0, 0, 0, 4)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(6)
            for index, product in enumerate(rows):
                button = ToggleButton(product)
                self.buttons[product.sku] = button
                grid.addWidget(button, index // self.COLUMNS, index % self.COLUMNS)
            for column in range(self.COLUMNS):
                grid.setColumnStretch(column, 1)
            self._layout.addWidget(block)
        self._layout.addWidget(self.empty_label)
        self.empty_label.setVisible(not products)
        self._layout.addStretch(1)

    def chosen(self) -> tuple[ProductShown, ...]:
        return tuple(
            ProductShown(sku=sku) for sku, button in self.buttons.items() if button.isChecked()
        )

    def clear(self) -> None:
        for button in self.buttons.values():
            button.setChecked(False)

    def focus_chain(self) -> list[QWidget]:
        return list(self.buttons.values())


class KioskFormView(QWidget):
    """The registration form: a header (the show, what to do, a message line, the small
    Staff button), the contact fields each with its error line, the consent text and
    box, the products and the Register button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label(name="kioskTitle")
        self.intro = _label(
            self.tr(
                "Scan your badge, or type your details below. We will be in touch after the show."
            ),
            name="kioskIntro",
        )
        self.message = _label(name="kioskMessage")
        self.message.setVisible(False)
        self.staff_button = QPushButton(self.tr("Staff"))
        self.staff_button.setObjectName("kioskStaff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.setToolTip(self.tr("Leave kiosk mode (manager PIN)"))

        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        fields = QGridLayout()
        fields.setHorizontalSpacing(18)
        fields.setVerticalSpacing(2)
        for index, (name, label_text, placeholder) in enumerate(KIOSK_FIELDS):
            title = translate("kiosk_view", label_text)
            edit = QLineEdit()
            edit.setObjectName(f"kiosk_{name}")
            edit.setPlaceholderText(translate("kiosk_view", placeholder) if placeholder else "")
            edit.setAccessibleName(title)
            edit.setMaxLength(254 if name == "email" else 200)
            label = _label(title, "fieldLabel")
            label.setBuddy(edit)
            error = _label(kind="error", name=f"kiosk_{name}_error")
            error.setVisible(False)
            row, column = divmod(index, 2)
            fields.addWidget(label, row * 3, column)
            fields.addWidget(edit, row * 3 + 1, column)
            fields.addWidget(error, row * 3 + 2, column)
            fields.setRowMinimumHeight(row * 3 + 2, 8)
            self.edits[name] = edit
            self.errors[name] = error
        self.edits["email"].setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.edits["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        for column in (0, 1):
            fields.setColumnStretch(column, 1)

        self.consent_frame = QFrame()
        self.consent_frame.setObjectName("kioskConsentFrame")
        self.consent_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.consent_text = _label(name="kioskConsentText")
        self.consent_text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        consent_scroll = QScrollArea()
        consent_scroll.setObjectName("kioskConsentScroll")
        consent_scroll.setWidgetResizable(True)
        consent_scroll.setFrameShape(QFrame.Shape.NoFrame)
        consent_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        consent_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        consent_scroll.setWidget(self.consent_text)
        self.consent_box = QCheckBox(self.tr("Yes, I agree"))
        self.consent_box.setObjectName("kioskConsent")
        self.consent_box.setAccessibleName(self.tr("I agree to the consent text"))
        self.consent_error = _label(kind="error", name="kiosk_consent_error")
        self.consent_error.setVisible(False)
        consent_layout = QVBoxLayout(self.consent_frame)
        consent_layout.setContentsMargins(12, 8, 12, 8)
        consent_layout.addWidget(_label(self.tr("Your consent"), "heading"))
        consent_layout.addWidget(consent_scroll, 1)
        consent_layout.addWidget(self.consent_box)
        consent_layout.addWidget(self.consent_error)

        self.products = ProductToggles()
        self.products_scroll = QScrollArea()
        self.products_scroll.setObjectName("kioskProducts")
        self.products_scroll.setWidgetResizable(True)
        self.products_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.products_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.products_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.products_scroll.setWidget(self.products)
        self.products_scroll.setMinimumHeight(160)
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.setObjectName("kioskRegister")
        self.register_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        header_text = QVBoxLayout()
        header_text.setSpacing(2)
        header_text.addWidget(self.title)
        header_text.addWidget(self.intro)
        header_text.addWidget(self.message)
        header = QHBoxLayout()
        header.addLayout(header_text, 1)
        header.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignTop)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addLayout(fields)
        left.addWidget(self.consent_frame, 1)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addWidget(_label(self.tr("What are you interested in? Tap to choose."), "heading"))
        right.addWidget(self.products_scroll, 1)
        right.addWidget(self.register_button)
        body = QHBoxLayout()
        body.setSpacing(28)
        body.addLayout(left, 5)
        body.addLayout(right, 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 20)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addLayout(body, 1)

    def field_chain(self) -> list[QWidget]:
        """The form's controls in tab order: fields, products, consent, Register."""
        chain: list[QWidget] = [self.edits[name] for name in FIELD_NAMES]
        chain += self.products.focus_chain()
        chain += [self.consent_box, self.register_button]
        return chain


class ThanksView(QWidget):
    """The thank-you page; ``dismissed`` when it is touched, clicked or a key is pressed
    on it (the next visitor need not wait for it to go)."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = _label(name="thanksTitle")
        self.text = _label(name="thanksText")
        self.hint = _label(self.tr("Touch the screen to register someone else."), name="thanksHint")
        for label in (self.title, self.text, self.hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(24)
        layout.addWidget(self.text)
        layout.addStretch(3)
        layout.addWidget(self.hint)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        event.accept()
        self.dismissed.emit()


class KioskView(QWidget):
    """The kiosk's two pages on a stack: ``form`` and ``thanks``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskView")
        self.form = KioskFormView()
        self.thanks = ThanksView()
        form_scroll = QScrollArea()
        form_scroll.setObjectName("kioskFormScroll")
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form_scroll.setWidget(self.form)
        self.form_scroll = form_scroll
        self.pages = QStackedWidget()
        self.pages.addWidget(form_scroll)
        self.pages.addWidget(self.thanks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setStyleSheet(kiosk_style())

    def showing_form(self) -> bool:
        return self.pages.currentWidget() is self.form_scroll

    def show_form(self) -> None:
        self.pages.setCurrentWidget(self.form_scroll)

    def show_thanks(self) -> None:
        self.pages.setCurrentWidget(self.thanks)

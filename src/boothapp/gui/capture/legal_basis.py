"""The legal basis for contacting the visitor and the "do not contact" mark, under the
consent box of the capture form.

One row: "Legal basis: [Consent / Legitimate interest (business contact, informed) /
Not recorded]" and a "Do not contact" check box. Consent follows the consent box both
ways: ticking the box chooses Consent, choosing Consent ticks the box (it cannot be
chosen while the show has no consent text), and choosing another basis unticks it (a
lead's consent is its legal basis, ``core.leads.changes.legal_basis_of``). Both controls
come right after the consent box in the tab order (Alt+A, then Tab).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from boothapp.core.vocabulary import LEGAL_BASIS_LABELS, NO_LEGAL_BASIS_LABEL, LegalBasis
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.vocabulary_text import vocabulary

_CHOICES: tuple[tuple[str, LegalBasis | None], ...] = (
    (LEGAL_BASIS_LABELS[LegalBasis.CONSENT], LegalBasis.CONSENT),
    (LEGAL_BASIS_LABELS[LegalBasis.LEGITIMATE_INTEREST], LegalBasis.LEGITIMATE_INTEREST),
    (NO_LEGAL_BASIS_LABEL, None),
)
_INDEX = {basis: index for index, (_label, basis) in enumerate(_CHOICES)}
DO_NOT_CONTACT_TIP = QT_TRANSLATE_NOOP(
    "legal_basis",
    "The visitor asked not to be contacted after the show: exports and CRM files say so",
)
"""The "do not contact" box's tooltip (translated where shown)."""


def legal_basis_of_draft(value: object) -> LegalBasis | None:
    """A draft's stored legal basis (plain text) as a basis; anything else is none."""
    try:
        return LegalBasis(value) if isinstance(value, str) else None
    except ValueError:
        return None


class ElidingComboBox(QComboBox):
    """A combo box that shortens its current text with "…" when it is narrower than the
    text (a plain one cuts it off); the list it opens shows every text whole."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class LegalBasisRow(QWidget):
    """The legal basis combo box and the "do not contact" check box, following
    ``consent_box``. ``changed`` is emitted when the person changes either."""

    changed = Signal()

    def __init__(self, consent_box: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legalBasisRow")
        self._consent_box = consent_box
        self._without_consent: LegalBasis | None = None
        self.label = QLabel(self.tr("Legal basis:"))
        self.combo = ElidingComboBox()
        self.combo.setObjectName("legalBasisCombo")
        self.combo.setAccessibleName(self.tr("Legal basis for contacting the visitor"))
        labels = [vocabulary(label) for label, _basis in _CHOICES]
        for label, (_source, basis) in zip(labels, _CHOICES, strict=True):
            self.combo.addItem(label, basis.value if basis is not None else "")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(10)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        metrics = self.combo.fontMetrics()
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        self.combo.view().setMinimumWidth(widest + 3 * metrics.averageCharWidth())
        self.label.setBuddy(self.combo)
        self.do_not_contact_box = QCheckBox(self.tr("Do not contact"))
        self.do_not_contact_box.setObjectName("doNotContactBox")
        self.do_not_contact_box.setToolTip(translate("legal_basis", DO_NOT_CONTACT_TIP))
        self.do_not_contact_box.setAccessibleName(self.tr("Do not contact"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.do_not_contact_box)
        self.combo.setCurrentIndex(_INDEX[None])
        self._show_tip()
        consent_box.toggled.connect(self._consent_toggled)
        self.combo.activated.connect(self._picked)
        self.do_not_contact_box.toggled.connect(self.changed)

    def place_under(self, consent_box: QCheckBox) -> None:
        """Adds the row at the end of the group box holding ``consent_box``."""
        group = consent_box.parentWidget()
        layout = group.layout() if isinstance(group, QGroupBox) else None
        if isinstance(layout, QBoxLayout):
            layout.addWidget(self)

    # --- values ------------------------------------------------------------------------

    def legal_basis(self) -> LegalBasis | None:
        return legal_basis_of_draft(self.combo.currentData())

    def do_not_contact(self) -> bool:
        return self.do_not_contact_box.isChecked()

    def set_values(self, basis: LegalBasis | None, do_not_contact: bool) -> None:
        """Shows a stored lead's or a draft's values (the consent box is set first)."""
        if basis is LegalBasis.CONSENT and not self._consent_box.isChecked():
            basis = None
        if basis is not LegalBasis.CONSENT:
            self._without_consent = basis
        if self._consent_box.isChecked():
            basis = LegalBasis.CONSENT
        self.combo.setCurrentIndex(_INDEX[basis])
        self.do_not_contact_box.setChecked(do_not_contact)
        self._show_tip()

    def reset(self) -> None:
        self._without_consent = None
        self.set_values(None, False)

    def follow_consent_box(self) -> None:
        """Consent can be chosen only while the consent box can be ticked (the show has
        a consent text); called when the show changes."""
        model = self.combo.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(_INDEX[LegalBasis.CONSENT])
            if item is not None:
                item.setEnabled(self._consent_box.isEnabled())

    # --- behaviour ---------------------------------------------------------------------

    def _consent_toggled(self, given: bool) -> None:
        basis = LegalBasis.CONSENT if given else self._without_consent
        self.combo.setCurrentIndex(_INDEX[basis])
        self._show_tip()

    def _picked(self, index: int) -> None:
        basis = _CHOICES[index][1]
        consent = self._consent_box
        if basis is LegalBasis.CONSENT:
            if consent.isEnabled():
                consent.setChecked(True)
            else:
                self._consent_toggled(consent.isChecked())
        else:
            self._without_consent = basis
            consent.setChecked(False)
        self._show_tip()
        self.changed.emit()

    def _show_tip(self) -> None:
        self.combo.setToolTip(
            self.tr("Legal basis for contacting the visitor after the show: {basis}").format(
                basis=self.combo.currentText()
            )
        )

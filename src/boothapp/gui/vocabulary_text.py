"""Core's labels (ratings, sources, product categories, ...) in the window's language.

Core speaks English and never loads Qt; the window translates each label where it shows
it, with :func:`vocabulary`. The table below lists every label as a literal text for the
extractor; ``scripts/update_translations.py`` writes it from core, and a test fails when
core has a label the table lacks.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

from boothapp.gui.i18n import QT_TRANSLATE_NOOP


def vocabulary(label: str) -> str:
    """``label`` (one of core's) in the window's language."""
    return QCoreApplication.translate("vocabulary", label)


_TEXTS: Final[tuple[str, ...]] = (
    QT_TRANSLATE_NOOP("vocabulary", "Export"),
    QT_TRANSLATE_NOOP("vocabulary", "Merge"),
    QT_TRANSLATE_NOOP("vocabulary", "Restore"),
    QT_TRANSLATE_NOOP("vocabulary", "Erasure"),
    QT_TRANSLATE_NOOP("vocabulary", "Purge"),
    QT_TRANSLATE_NOOP("vocabulary", "Transit case"),
    QT_TRANSLATE_NOOP("vocabulary", "Rack case"),
    QT_TRANSLATE_NOOP("vocabulary", "Rack"),
    QT_TRANSLATE_NOOP("vocabulary", "Accessory"),
    QT_TRANSLATE_NOOP("vocabulary", "Service"),
    QT_TRANSLATE_NOOP("vocabulary", "Other"),
    QT_TRANSLATE_NOOP("vocabulary", "Send brochure"),
    QT_TRANSLATE_NOOP("vocabulary", "Send quote"),
    QT_TRANSLATE_NOOP("vocabulary", "Call back"),
    QT_TRANSLATE_NOOP("vocabulary", "Arrange meeting"),
    QT_TRANSLATE_NOOP("vocabulary", "Demo"),
    QT_TRANSLATE_NOOP("vocabulary", "Consent"),
    QT_TRANSLATE_NOOP("vocabulary", "Legitimate interest (business contact, informed)"),
    QT_TRANSLATE_NOOP("vocabulary", "Not rated"),
    QT_TRANSLATE_NOOP("vocabulary", "Not recorded"),
    QT_TRANSLATE_NOOP("vocabulary", "(nobody)"),
    QT_TRANSLATE_NOOP("vocabulary", "Internal dimensions"),
    QT_TRANSLATE_NOOP("vocabulary", "Rack units"),
    QT_TRANSLATE_NOOP("vocabulary", "Weight"),
    QT_TRANSLATE_NOOP("vocabulary", "IP rating"),
    QT_TRANSLATE_NOOP("vocabulary", "Standards"),
    QT_TRANSLATE_NOOP("vocabulary", "Colours"),
    QT_TRANSLATE_NOOP("vocabulary", "Picture"),
    QT_TRANSLATE_NOOP("vocabulary", "One choice"),
    QT_TRANSLATE_NOOP("vocabulary", "Several choices"),
    QT_TRANSLATE_NOOP("vocabulary", "Text"),
    QT_TRANSLATE_NOOP("vocabulary", "Number"),
    QT_TRANSLATE_NOOP("vocabulary", "Hot"),
    QT_TRANSLATE_NOOP("vocabulary", "Warm"),
    QT_TRANSLATE_NOOP("vocabulary", "Cold"),
    QT_TRANSLATE_NOOP("vocabulary", "Staff"),
    QT_TRANSLATE_NOOP("vocabulary", "Manager"),
    QT_TRANSLATE_NOOP("vocabulary", "Typed in"),
    QT_TRANSLATE_NOOP("vocabulary", "Badge scan"),
    QT_TRANSLATE_NOOP("vocabulary", "Camera scan"),
    QT_TRANSLATE_NOOP("vocabulary", "Badge photo"),
    QT_TRANSLATE_NOOP("vocabulary", "Kiosk"),
    QT_TRANSLATE_NOOP("vocabulary", "Imported"),
    QT_TRANSLATE_NOOP("vocabulary", "Erased"),
    QT_TRANSLATE_NOOP("vocabulary", "Joined into another lead"),
    QT_TRANSLATE_NOOP("vocabulary", "QR Code"),
    QT_TRANSLATE_NOOP("vocabulary", "PDF417"),
    QT_TRANSLATE_NOOP("vocabulary", "Data Matrix"),
    QT_TRANSLATE_NOOP("vocabulary", "Aztec"),
    QT_TRANSLATE_NOOP("vocabulary", "Code 128"),
    QT_TRANSLATE_NOOP("vocabulary", "Code 39"),
    QT_TRANSLATE_NOOP("vocabulary", "ITF"),
    QT_TRANSLATE_NOOP("vocabulary", "EAN-13"),
    QT_TRANSLATE_NOOP("vocabulary", "Badge ID"),
    QT_TRANSLATE_NOOP("vocabulary", "First name"),
    QT_TRANSLATE_NOOP("vocabulary", "Last name"),
    QT_TRANSLATE_NOOP("vocabulary", "Full name"),
    QT_TRANSLATE_NOOP("vocabulary", "Company"),
    QT_TRANSLATE_NOOP("vocabulary", "Job title"),
    QT_TRANSLATE_NOOP("vocabulary", "E-mail"),
    QT_TRANSLATE_NOOP("vocabulary", "Phone"),
    QT_TRANSLATE_NOOP("vocabulary", "Country"),
    QT_TRANSLATE_NOOP("vocabulary", "City"),
    QT_TRANSLATE_NOOP("vocabulary", "Any due day"),
    QT_TRANSLATE_NOOP("vocabulary", "Overdue"),
    QT_TRANSLATE_NOOP("vocabulary", "Due today or before"),
    QT_TRANSLATE_NOOP("vocabulary", "Due this week or before"),
    QT_TRANSLATE_NOOP("vocabulary", "To do"),
    QT_TRANSLATE_NOOP("vocabulary", "Done"),
)

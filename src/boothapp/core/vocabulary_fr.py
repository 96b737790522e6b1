"""Core's labels in French: one place for the words boothapp itself writes in French.

The window shows core's labels (ratings, sources, categories, follow-ups, ...) through
Qt's translations; ``scripts/update_translations.py`` writes the French of those labels
into the translation file from this table, and the Excel (français) export preset
writes its values from it, so the window and the workbook always agree. Keys are the
English labels of ``core.vocabulary`` and the other label tables the window shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

FRENCH: Final[Mapping[str, str]] = {
    "Export": "Export",
    "Merge": "Fusion",
    "Restore": "Restauration",
    "Erasure": "Effacement",
    "Purge": "Purge",
    "Transit case": "Valise de transport",
    "Rack case": "Valise rack",
    "Rack": "Baie",
    "Accessory": "Accessoire",
    "Service": "Service",
    "Other": "Autre",
    "Send brochure": "Brochure",
    "Send quote": "Devis",
    "Call back": "Rappeler",
    "Arrange meeting": "Rendez-vous",
    "Demo": "Démo",
    "Consent": "Consentement",
    "Legitimate interest (business contact, informed)": (
        "Intérêt légitime (contact professionnel, informé)"
    ),
    "Not rated": "Non évalué",
    "Not recorded": "Aucune",
    "(nobody)": "(personne)",
    "Internal dimensions": "Dimensions intérieures",
    "Rack units": "Unités de rack",
    "Weight": "Poids",
    "IP rating": "Indice IP",
    "Standards": "Normes",
    "Colours": "Couleurs",
    "Picture": "Image",
    "One choice": "Choix unique",
    "Several choices": "Choix multiples",
    "Text": "Texte",
    "Number": "Nombre",
    "Hot": "Chaud",
    "Warm": "Tiède",
    "Cold": "Froid",
    "Staff": "Équipier",
    "Manager": "Responsable",
    "Typed in": "Saisi",
    "Badge scan": "Scan de badge",
    "Camera scan": "Scan caméra",
    "Badge photo": "Photo de badge",
    "Kiosk": "Borne",
    "Imported": "Importé",
    "Erased": "Effacé",
    "Joined into another lead": "Fusionné dans un autre prospect",
    "QR Code": "QR Code",
    "PDF417": "PDF417",
    "Data Matrix": "Data Matrix",
    "Aztec": "Aztec",
    "Code 128": "Code 128",
    "Code 39": "Code 39",
    "ITF": "ITF",
    "EAN-13": "EAN-13",
    "Badge ID": "N° de badge",
    "First name": "Prénom",
    "Last name": "Nom",
    "Full name": "Nom complet",
    "Company": "Société",
    "Job title": "Fonction",
    "E-mail": "E-mail",
    "Phone": "Téléphone",
    "Country": "Pays",
    "City": "Ville",
    "Any due day": "Toute échéance",
    "Overdue": "En retard",
    "Due today or before": "À faire aujourd'hui ou avant",
    "Due this week or before": "À faire cette semaine ou avant",
    "To do": "À faire",
    "Done": "Faite",
}


def core_labels() -> list[str]:
    """Every label core gives the window to show, each once, in a stable order: the
    label tables and single labels of ``core.vocabulary``, then the symbologies, the
    attendee list's fields, the follow-up queue's due filters and task statuses."""
    from boothapp.core import vocabulary
    from boothapp.core.badges.symbologies import SYMBOLOGY_LABELS
    from boothapp.core.follow_ups.queue import DUE_FILTER_LABELS
    from boothapp.core.follow_ups.status import STATUS_LABELS
    from boothapp.core.services.attendees import FIELD_LABELS

    texts: dict[str, None] = {}
    for name in sorted(dir(vocabulary)):
        value = getattr(vocabulary, name)
        if name.startswith("_"):
            continue
        if name.endswith("_LABELS"):
            texts.update(dict.fromkeys(value.values()))
        elif name.endswith("_LABEL") and isinstance(value, str):
            texts[value] = None
    for labels in (SYMBOLOGY_LABELS, FIELD_LABELS, DUE_FILTER_LABELS, STATUS_LABELS):
        texts.update(dict.fromkeys(labels.values()))
    return list(texts)


def in_french(label: str) -> str:
    """``label`` (one of core's English labels) in French; a label with no French yet,
    or text typed by a person, stays as it is."""
    return FRENCH.get(label, label)

"""Column presets: the CRM import layouts (Salesforce, HubSpot) and custom key lists.

The CRM layouts use the field labels each import tool matches automatically:

* Salesforce (Data Import Wizard, Leads): Last Name and Company are required, so an
  empty one is sent as ``[not provided]``; Lead Source is ``Trade Show`` (a value of
  the standard picklist); Rating is Hot, Warm or Cold; a visitor who asked not to be
  contacted gets the standard check boxes Email Opt Out and Do Not Call (``TRUE``);
  the legal basis has no standard Lead field, so it goes in its own column (Legal Basis)
  to map to a custom field or skip; Description (a 32,000-character field) holds the
  show, products, answers, consent, legal basis and notes.
* HubSpot (contact import): Lead Status is ``New``; the legal basis goes in HubSpot's
  own property "Legal basis for processing contact's data", as its options read
  (``Freely given consent from contact``, ``Legitimate interest – prospect/lead``;
  empty when not recorded); Rating and Do Not Contact have no standard HubSpot
  property, so each goes in its own column to map to a custom one or skip; Message
  holds the same description.

The description starts with ``DO NOT CONTACT`` for a visitor who asked not to be.

Excel (français) is not a CRM layout: it is the Leads sheet of the default export, every
column in the same order, for a French sales team. The headers are French (Prénom, Nom,
Société, ...), and so are the values boothapp writes itself: the rating (Chaud, Tiède,
Froid), the follow-ups, consent and do-not-contact (oui, non), the legal basis, the
source and the country's name, in the words the window uses in French (both take them
from ``core.vocabulary_fr``). What people
typed (names, notes, answers, product and question names) is written as typed. The
other sheets of a workbook keep their English titles and headers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Final

from boothapp.core.exporting.columns import (
    LIST_SEPARATOR,
    CellValue,
    Column,
    ColumnKind,
    ShowContext,
    answer_value,
    follow_ups_text,
    leads_sheet_columns,
    legal_basis_text,
    notes_text,
    products_text,
    resolve_columns,
)
from boothapp.core.schemas import LeadDetail
from boothapp.core.validation import country_name
from boothapp.core.vocabulary import (
    FOLLOW_UP_LABELS,
    LEGAL_BASIS_LABELS,
    NO_LEGAL_BASIS_LABEL,
    RATING_LABELS,
    SOURCE_LABELS,
    FollowUp,
    LeadSource,
    LegalBasis,
    Rating,
)
from boothapp.core.vocabulary_fr import in_french

SALESFORCE = "salesforce"
HUBSPOT = "hubspot"
EXCEL_FR = "excel-fr"
BUILT_IN_PRESETS = (SALESFORCE, HUBSPOT, EXCEL_FR)
BUILT_IN_PRESET_LABELS: Final[Mapping[str, str]] = {
    SALESFORCE: "Salesforce",
    HUBSPOT: "HubSpot",
    EXCEL_FR: "Excel (français)",
}
"""Each built-in preset's name as a list of presets shows it (a preset's own name, never
translated)."""

NOT_PROVIDED = "[not provided]"
SALESFORCE_DESCRIPTION_LIMIT = 32_000
HUBSPOT_TEXT_LIMIT = 65_536


DO_NOT_CONTACT_LINE = "DO NOT CONTACT: the visitor asked not to be contacted"
HUBSPOT_LEGAL_BASES = {
    LegalBasis.CONSENT: "Freely given consent from contact",
    LegalBasis.LEGITIMATE_INTEREST: "Legitimate interest – prospect/lead",
}
"""The options of HubSpot's "Legal basis for processing contact's data" property."""
CRM_TRUE = "TRUE"
CRM_FALSE = "FALSE"


def crm_description(show: ShowContext, lead: LeadDetail) -> str:
    """Everything a salesperson needs that has no field of its own in a CRM."""
    met = f"Met at {lead.event or show.event.name} on {show.stamp(lead.created_at)}"
    if lead.staff:
        met += f" by {lead.staff}"
    lines = [DO_NOT_CONTACT_LINE, met] if lead.do_not_contact else [met]
    if lead.products:
        lines.append(f"Products shown: {products_text(lead)}")
    if lead.follow_ups:
        lines.append(f"Follow-up: {follow_ups_text(lead)}")
    for answer in lead.answers:
        value = answer_value(answer.value)
        if value is not None and value != "":
            lines.append(f"{answer.question}: {value}")
    if lead.consent_given:
        consent = "Consent: yes"
        if lead.consent_version:
            consent += f" (text version {lead.consent_version}"
            if lead.consent_at is not None:
                consent += f", {show.stamp(lead.consent_at)}"
            consent += ")"
        lines.append(consent)
    else:
        lines.append("Consent: no")
    lines.append(f"Legal basis: {legal_basis_text(lead)}")
    if lead.badge_id:
        lines.append(f"Badge ID: {lead.badge_id}")
    if lead.notes:
        lines.append("")
        lines.append(notes_text(show, lead.notes))
    return "\n".join(lines)


def _or_not_provided(value: str) -> str:
    return value or NOT_PROVIDED


def _crm_do_not_contact(lead: LeadDetail) -> str:
    return CRM_TRUE if lead.do_not_contact else CRM_FALSE


def _hubspot_legal_basis(lead: LeadDetail) -> str:
    return HUBSPOT_LEGAL_BASES[lead.legal_basis] if lead.legal_basis is not None else ""


def _renamed(show: ShowContext, headers: Sequence[tuple[str, str]]) -> list[Column]:
    """The export's own columns ``key`` under the import tool's ``header``."""
    keys = [key for key, _header in headers]
    return [
        replace(column, header=header)
        for column, (_key, header) in zip(resolve_columns(show, keys), headers, strict=True)
    ]


def salesforce_columns(show: ShowContext) -> list[Column]:
    first, last, company, *contact = _renamed(
        show,
        (
            ("first_name", "First Name"),
            ("last_name", "Last Name"),
            ("company", "Company"),
            ("job_title", "Title"),
            ("email", "Email"),
            ("phone", "Phone"),
            ("mobile", "Mobile"),
            ("website", "Website"),
            ("street", "Street"),
            ("city", "City"),
            ("region", "State/Province"),
            ("postal_code", "Zip/Postal Code"),
            ("country", "Country"),
        ),
    )
    return [
        first,
        replace(last, value=lambda d: _or_not_provided(d.last_name)),
        replace(company, value=lambda d: _or_not_provided(d.company)),
        *contact,
        Column("lead_source", "Lead Source", lambda d: "Trade Show", ColumnKind.TEXT, 12),
        *_renamed(show, (("rating", "Rating"),)),
        Column("email_opt_out", "Email Opt Out", _crm_do_not_contact, ColumnKind.TEXT, 9),
        Column("do_not_call", "Do Not Call", _crm_do_not_contact, ColumnKind.TEXT, 9),
        *_renamed(show, (("legal_basis", "Legal Basis"),)),
        Column(
            "description",
            "Description",
            lambda d: crm_description(show, d),
            ColumnKind.NOTES,
            60,
            SALESFORCE_DESCRIPTION_LIMIT,
        ),
    ]


def hubspot_columns(show: ShowContext) -> list[Column]:
    return [
        *_renamed(
            show,
            (
                ("first_name", "First Name"),
                ("last_name", "Last Name"),
                ("email", "Email"),
                ("phone", "Phone Number"),
                ("mobile", "Mobile Phone Number"),
                ("company", "Company Name"),
                ("job_title", "Job Title"),
                ("website", "Website URL"),
                ("street", "Street Address"),
                ("city", "City"),
                ("region", "State/Region"),
                ("country", "Country/Region"),
                ("postal_code", "Postal Code"),
            ),
        ),
        Column("lead_status", "Lead Status", lambda d: "New", ColumnKind.TEXT, 10),
        *_renamed(show, (("rating", "Rating"),)),
        Column(
            "hubspot_legal_basis",
            "Legal basis for processing contact's data",
            _hubspot_legal_basis,
            ColumnKind.TEXT,
            22,
        ),
        Column("do_not_contact", "Do Not Contact", _crm_do_not_contact, ColumnKind.TEXT, 9),
        Column(
            "message",
            "Message",
            lambda d: crm_description(show, d),
            ColumnKind.NOTES,
            60,
            HUBSPOT_TEXT_LIMIT,
        ),
    ]


FRENCH_HEADERS: Final[Mapping[str, str]] = {
    "captured_at": "Saisi le",
    "updated_at": "Dernière modification",
    "show": "Salon",
    "staff": "Saisi par",
    "first_name": "Prénom",
    "last_name": "Nom",
    "company": "Société",
    "job_title": "Fonction",
    "email": "E-mail",
    "phone": "Téléphone",
    "mobile": "Mobile",
    "website": "Site web",
    "street": "Rue",
    "postal_code": "Code postal",
    "city": "Ville",
    "region": "Région",
    "country": "Pays",
    "country_code": "Code pays",
    "rating": "Évaluation",
    "products": "Produits présentés",
    "follow_ups": "Relance",
    "consent": "Consentement",
    "consent_version": "Version du consentement",
    "consent_at": "Consentement donné le",
    "consent_staff": "Consentement recueilli par",
    "legal_basis": "Base légale",
    "do_not_contact": "Ne pas contacter",
    "notes": "Notes",
    "visits": "Visites",
    "badge_id": "N° de badge",
    "source": "Source",
    "lead_id": "Identifiant",
}
"""The French header of every column of the registry with a fixed header (a product's
or a question's column is named by the show). The words are the window's own in French
(``resources/translations/boothapp_fr.ts``): the list's columns, the capture form's
labels."""
FRENCH_RATINGS: Final[Mapping[Rating, str]] = {
    rating: in_french(label) for rating, label in RATING_LABELS.items()
}
FRENCH_FOLLOW_UPS: Final[Mapping[FollowUp, str]] = {
    follow_up: in_french(label) for follow_up, label in FOLLOW_UP_LABELS.items()
}
FRENCH_LEGAL_BASES: Final[Mapping[LegalBasis, str]] = {
    basis: in_french(label) for basis, label in LEGAL_BASIS_LABELS.items()
}
FRENCH_NO_LEGAL_BASIS: Final = in_french(NO_LEGAL_BASIS_LABEL)
FRENCH_SOURCES: Final[Mapping[LeadSource, str]] = {
    source: in_french(label) for source, label in SOURCE_LABELS.items()
}
FRENCH_YES = "oui"
FRENCH_NO = "non"
_FRENCH_FOLLOW_UPS_BY_TEXT: Final[Mapping[str, str]] = {
    follow_up.value: text for follow_up, text in FRENCH_FOLLOW_UPS.items()
}


def _oui_non(value: bool) -> str:
    return FRENCH_YES if value else FRENCH_NO


def _french_follow_ups(lead: LeadDetail) -> str:
    """The follow-ups in French; one typed as free text stays as typed."""
    return LIST_SEPARATOR.join(_FRENCH_FOLLOW_UPS_BY_TEXT.get(f, f) for f in lead.follow_ups)


def _french_legal_basis(lead: LeadDetail) -> str:
    basis = lead.legal_basis
    return FRENCH_LEGAL_BASES[basis] if basis is not None else FRENCH_NO_LEGAL_BASIS


_FRENCH_VALUES: Final[Mapping[str, Callable[[LeadDetail], CellValue]]] = {
    "country": lambda d: country_name(d.country, "fr"),
    "rating": lambda d: FRENCH_RATINGS[d.rating] if d.rating is not None else "",
    "follow_ups": _french_follow_ups,
    "consent": lambda d: _oui_non(d.consent_given),
    "legal_basis": _french_legal_basis,
    "do_not_contact": lambda d: _oui_non(d.do_not_contact),
    "source": lambda d: FRENCH_SOURCES[d.source],
}
"""The columns whose values boothapp words itself, in French."""


def french_columns(show: ShowContext) -> list[Column]:
    """The Leads sheet's columns, in its order, with French headers and values."""
    columns: list[Column] = []
    for column in leads_sheet_columns(show):
        header = FRENCH_HEADERS.get(column.key)
        if header is None:
            columns.append(column)
        else:
            value = _FRENCH_VALUES.get(column.key, column.value)
            columns.append(replace(column, header=header, value=value))
    return columns


def preset_columns(
    show: ShowContext, preset: str | None, custom: Sequence[str] | None = None
) -> list[Column]:
    """The columns of a built-in preset, of a custom key list, or of the Leads sheet."""
    if preset == SALESFORCE:
        return salesforce_columns(show)
    if preset == HUBSPOT:
        return hubspot_columns(show)
    if preset == EXCEL_FR:
        return french_columns(show)
    if custom is not None:
        return resolve_columns(show, custom)
    return leads_sheet_columns(show)

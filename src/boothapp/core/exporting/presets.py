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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from boothapp.core.exporting.columns import (
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
from boothapp.core.vocabulary import LegalBasis

SALESFORCE = "salesforce"
HUBSPOT = "hubspot"
BUILT_IN_PRESETS = (SALESFORCE, HUBSPOT)

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


def preset_columns(
    show: ShowContext, preset: str | None, custom: Sequence[str] | None = None
) -> list[Column]:
    """The columns of a built-in preset, of a custom key list, or of the Leads sheet."""
    if preset == SALESFORCE:
        return salesforce_columns(show)
    if preset == HUBSPOT:
        return hubspot_columns(show)
    if custom is not None:
        return resolve_columns(show, custom)
    return leads_sheet_columns(show)

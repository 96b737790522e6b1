"""Column presets: the CRM import layouts (Salesforce, HubSpot) and custom key lists.

The CRM layouts use the field labels each import tool matches automatically:

* Salesforce (Data Import Wizard, Leads): Last Name and Company are required, so an
  empty one is sent as ``[not provided]``; Lead Source is ``Trade Show`` (a value of
  the standard picklist); Rating is Hot, Warm or Cold; Description (a 32,000-character
  field) holds the show, products, answers, consent and notes.
* HubSpot (contact import): Lead Status is ``New``; Rating has no standard HubSpot
  property, so it goes in its own column to map to a custom one or skip; Message
  holds the same description.
"""

from __future__ import annotations

from collections.abc import Sequence

from boothapp.core.exporting.columns import (
    Column,
    ColumnKind,
    ShowContext,
    answer_value,
    follow_ups_text,
    leads_sheet_columns,
    notes_text,
    products_text,
    resolve_columns,
)
from boothapp.core.schemas import LeadDetail
from boothapp.core.validation import country_name
from boothapp.core.vocabulary import rating_label

SALESFORCE = "salesforce"
HUBSPOT = "hubspot"
BUILT_IN_PRESETS = (SALESFORCE, HUBSPOT)

NOT_PROVIDED = "[not provided]"
SALESFORCE_DESCRIPTION_LIMIT = 32_000
HUBSPOT_TEXT_LIMIT = 65_536


def crm_description(show: ShowContext, lead: LeadDetail) -> str:
    """Everything a salesperson needs that has no field of its own in a CRM."""
    met = f"Met at {lead.event or show.event.name} on {show.stamp(lead.created_at)}"
    if lead.staff:
        met += f" by {lead.staff}"
    lines = [met]
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
    if lead.badge_id:
        lines.append(f"Badge ID: {lead.badge_id}")
    if lead.notes:
        lines.append("")
        lines.append(notes_text(show, lead.notes))
    return "\n".join(lines)


def _or_not_provided(value: str) -> str:
    return value or NOT_PROVIDED


def salesforce_columns(show: ShowContext) -> list[Column]:
    text = ColumnKind.TEXT
    return [
        Column("first_name", "First Name", lambda d: d.first_name, text, 14),
        Column("last_name", "Last Name", lambda d: _or_not_provided(d.last_name), text, 16),
        Column("company", "Company", lambda d: _or_not_provided(d.company), text, 26),
        Column("job_title", "Title", lambda d: d.job_title, text, 22),
        Column("email", "Email", lambda d: d.email, text, 30),
        Column("phone", "Phone", lambda d: d.phone, text, 16),
        Column("mobile", "Mobile", lambda d: d.mobile, text, 16),
        Column("website", "Website", lambda d: d.website, text, 26),
        Column("street", "Street", lambda d: d.street, text, 26),
        Column("city", "City", lambda d: d.city, text, 16),
        Column("region", "State/Province", lambda d: d.region, text, 16),
        Column("postal_code", "Zip/Postal Code", lambda d: d.postal_code, text, 10),
        Column("country", "Country", lambda d: country_name(d.country), text, 18),
        Column("lead_source", "Lead Source", lambda d: "Trade Show", text, 12),
        Column("rating", "Rating", lambda d: rating_label(d.rating), ColumnKind.RATING, 9),
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
    text = ColumnKind.TEXT
    return [
        Column("first_name", "First Name", lambda d: d.first_name, text, 14),
        Column("last_name", "Last Name", lambda d: d.last_name, text, 16),
        Column("email", "Email", lambda d: d.email, text, 30),
        Column("phone", "Phone Number", lambda d: d.phone, text, 16),
        Column("mobile", "Mobile Phone Number", lambda d: d.mobile, text, 16),
        Column("company", "Company Name", lambda d: d.company, text, 26),
        Column("job_title", "Job Title", lambda d: d.job_title, text, 22),
        Column("website", "Website URL", lambda d: d.website, text, 26),
        Column("street", "Street Address", lambda d: d.street, text, 26),
        Column("city", "City", lambda d: d.city, text, 16),
        Column("region", "State/Region", lambda d: d.region, text, 16),
        Column("country", "Country/Region", lambda d: country_name(d.country), text, 18),
        Column("postal_code", "Postal Code", lambda d: d.postal_code, text, 10),
        Column("lead_status", "Lead Status", lambda d: "New", text, 10),
        Column("rating", "Rating", lambda d: rating_label(d.rating), ColumnKind.RATING, 9),
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

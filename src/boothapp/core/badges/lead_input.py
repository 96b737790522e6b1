"""From a parsed badge to what the lead service takes."""

from __future__ import annotations

from boothapp.core.badges.result import BadgeData
from boothapp.core.models import LeadSource
from boothapp.core.schemas import LeadInput


def lead_input_from_badge(data: BadgeData, source: LeadSource | str = "badge") -> LeadInput:
    """The lead a scan describes, keeping the badge ID, format and payload.

    An address that was not split into street, postal code and city goes into the
    note, so nothing on the badge is lost from the lead.
    """
    notes = [data.note] if data.note else []
    if data.address and not (data.street or data.postal_code or data.city):
        notes.append(f"Address: {data.address}")
    return LeadInput(
        first_name=data.first_name or "",
        last_name=data.last_name or "",
        company=data.company or "",
        job_title=data.job_title or "",
        email=data.email,
        phone=data.phone,
        mobile=data.mobile,
        website=data.website,
        street=data.street or "",
        postal_code=data.postal_code or "",
        city=data.city or "",
        region=data.region or "",
        country=data.country,
        note="\n".join(notes),
        source=source,
        badge_id=data.badge_id,
        badge_format=data.format,
        badge_raw=data.raw,
    )

"""What the kiosk reads and stores, free of Qt: a badge read into a visitor's details
without saving anything, and a visitor registered as a new lead or, when they were
captured at the show before, as a visit to their lead.

Nothing here touches widgets, so it could move to ``core.services`` as it is (see the
kiosk's notes in :mod:`boothapp.gui.kiosk`).
"""

from __future__ import annotations

from dataclasses import dataclass

from boothapp.core.badges import BadgeData, lead_input_from_badge, parse_badge
from boothapp.core.errors import ValidationError
from boothapp.core.schemas import LeadDetail, LeadInput, LeadRow
from boothapp.core.services import Services
from boothapp.core.services.leads import LeadService
from boothapp.core.vocabulary import LeadSource
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate

NAME_MISSING = QT_TRANSLATE_NOOP("registration", "Please tell us your name.")
CONTACT_MISSING = QT_TRANSLATE_NOOP(
    "registration", "Please give your e-mail address or phone number, so that we can reach you."
)


def read_badge(services: Services, event_id: int, payload: str) -> tuple[LeadInput, BadgeData]:
    """The visitor a badge payload describes, as the scan path reads it (the show's badge
    profile, ``parse_badge``, ``lead_input_from_badge``), with the kiosk as source. Nothing
    is saved. Raises ``ValidationError("badge", ...)`` for an empty scan or one over 4 KiB.

    Unlike ``ScanService.scan``, a bare badge ID is not looked up in the attendee list
    (that look-up is private to the scan service): the visitor types their details and
    the badge ID is kept with them."""
    badge = parse_badge(payload, services.scans.profile(event_id))
    return lead_input_from_badge(badge, LeadSource.KIOSK), badge


def missing_details(data: LeadInput) -> list[ValidationError]:
    """What a visitor must give before registering: a name, and a way to reach them (an
    e-mail address or a phone number; a scanned badge ID will do too, since the
    organiser's attendee list can fill it in). The reasons are in the window's
    language."""
    problems: list[ValidationError] = []
    if not (data.first_name.strip() or data.last_name.strip()):
        problems.append(ValidationError("first_name", translate("registration", NAME_MISSING)))
    reachable = (data.email or "").strip() or (data.phone or "").strip()
    if not (reachable or (data.mobile or "").strip() or data.badge_id):
        problems.append(ValidationError("email", translate("registration", CONTACT_MISSING)))
    return problems


@dataclass(frozen=True)
class Registration:
    """A registered visitor: ``lead`` as stored; ``returning`` when the visitor was
    captured at the show before and the registration became a visit to that lead."""

    lead: LeadDetail
    returning: bool


def known_lead(leads: LeadService, event_id: int, data: LeadInput) -> LeadRow | None:
    """The show's lead of this visitor, if they were captured before: same badge ID or
    e-mail address; a badge match wins over an e-mail match, as for a scan."""
    matches = leads.find_duplicates(event_id, email=data.email, badge_id=data.badge_id)
    if data.badge_id:
        by_badge = [match for match in matches if match.badge_id == data.badge_id.strip()]
        matches = by_badge or matches
    return matches[0] if matches else None


def register_visitor(
    leads: LeadService, event_id: int, data: LeadInput, staff_id: int | None
) -> Registration:
    """Stores a visitor who registered at the kiosk.

    A visitor the show already has a lead of (see :func:`known_lead`) is folded into it
    with ``LeadService.merge_into``: empty fields are filled, filled ones kept, the
    products added, consent recorded, and a visit with the kiosk as source noted; no
    second lead is made. Anyone else becomes a new lead; if another laptop saved the same
    badge or e-mail at the same moment, ``settle_badge_twin`` folds the two into one, as
    for a scan. Raises what the lead service raises (``ValidationError`` naming the
    field, ``ErasedPerson``, ``StorageError``)."""
    known = known_lead(leads, event_id, data)
    if known is not None:
        return Registration(leads.merge_into(known.id, data, staff_id=staff_id), returning=True)
    lead = leads.create(data, event_id=event_id, staff_id=staff_id)
    older = leads.settle_badge_twin(lead.id, staff_id)
    if older is not None:
        return Registration(older, returning=True)
    return Registration(lead, returning=False)

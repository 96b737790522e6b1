"""Badge scans: read a payload, find the visitor, save or revisit the lead at once.

A scan never asks anything: a new visitor is saved as a lead straight away, a returning
one gets a visit recorded, and a payload nothing understands is kept as a *pending* lead
(no name, e-mail or company, only the raw scan) for the attendee list to fill in later.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, or_, select

from boothapp.core.badges import (
    MAX_PAYLOAD_BYTES,
    BadgeData,
    BadgeProfile,
    lead_input_from_badge,
    parse_badge,
)
from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES, Symbology, parse_symbologies
from boothapp.core.db import Database
from boothapp.core.errors import ValidationError
from boothapp.core.leads.changes import NO_CONSENT_TEXT
from boothapp.core.models import Attendee, Lead, LeadSource, Rating, Setting
from boothapp.core.privacy.guard import refuse_erased
from boothapp.core.schemas import LeadDetail, LeadInput, LeadRow, ProductShown
from boothapp.core.services.events import EventService
from boothapp.core.services.leads import LeadService
from boothapp.core.validation import FieldWarning

ScanOutcome = Literal["new", "returning", "pending"]

PROFILE_KEY = "badge_profile:{event_id}"
SYMBOLOGIES_KEY = "scan_symbologies:{event_id}"


@dataclass(frozen=True)
class ScanResult:
    """What one scan did.

    ``outcome`` is ``"pending"`` whenever the lead is still unidentified (no name,
    e-mail or company), even on a repeated scan. ``visit_number`` is 1 for a new
    lead, 2 for its second visit, and so on. ``message`` is the status-line text.
    """

    outcome: ScanOutcome
    lead: LeadDetail
    visit_number: int
    badge: BadgeData
    message: str


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``..."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def is_pending(lead: LeadDetail | LeadRow) -> bool:
    """A lead known only by its badge: no name, e-mail or company."""
    return not (lead.first_name or lead.last_name or lead.email or lead.company)


def pending_condition() -> ColumnElement[bool]:
    """The SQL condition for a pending lead (see ``is_pending``)."""
    return and_(
        Lead.first_name == "",
        Lead.last_name == "",
        Lead.company == "",
        or_(Lead.email.is_(None), Lead.email == ""),
    )


def attendee_input(attendee: Attendee) -> dict[str, str | None]:
    """The lead fields an attendee-list row fills."""
    return {
        "first_name": attendee.first_name,
        "last_name": attendee.last_name,
        "company": attendee.company,
        "job_title": attendee.job_title,
        "email": attendee.email,
        "phone": attendee.phone,
        "country": attendee.country,
        "city": attendee.city,
    }


def _fill_blanks(data: LeadInput, values: dict[str, str | None]) -> LeadInput:
    """``data`` with its empty fields taken from ``values``."""
    changes: dict[str, Any] = {
        key: value for key, value in values.items() if value and not getattr(data, key)
    }
    return replace(data, **changes) if changes else data


_NOT_CONTACT = ("products", "rating", "source", "note", "follow_ups", "answers")


def _is_contact_error(error: ValidationError) -> bool:
    return not error.field.startswith(_NOT_CONTACT)


def _without_contact(data: LeadInput) -> LeadInput:
    """Only the raw scan and what the staff gave: a pending lead."""
    badge_id = data.badge_id if data.badge_id and len(data.badge_id) <= 200 else None
    return LeadInput(
        source=data.source,
        rating=data.rating,
        products=data.products,
        note=data.note,
        badge_id=badge_id,
        badge_format=data.badge_format,
        badge_raw=data.badge_raw,
    )


class ScanService:
    def __init__(self, database: Database, leads: LeadService, events: EventService) -> None:
        self._db = database
        self._leads = leads
        self._events = events

    # --- the codes the camera and pictures look for ---------------------------------

    def symbologies(self, event_id: int) -> tuple[Symbology, ...]:
        """What the show's camera and badge pictures look for: all symbologies unless
        the show settings chose fewer."""
        with self._db.read() as session:
            row = session.get(Setting, SYMBOLOGIES_KEY.format(event_id=event_id))
            value = row.value if row is not None else None
        if not isinstance(value, list):
            return ALL_SYMBOLOGIES
        try:
            return parse_symbologies(str(name) for name in value) or ALL_SYMBOLOGIES
        except ValidationError:
            return ALL_SYMBOLOGIES

    def set_symbologies(self, event_id: int, symbologies: Iterable[Symbology | str]) -> None:
        """Stores what the show's camera and pictures look for; at least one."""
        chosen = parse_symbologies(str(symbology) for symbology in symbologies)
        if not chosen:
            raise ValidationError("symbologies", "choose at least one kind of code to read")
        key = SYMBOLOGIES_KEY.format(event_id=event_id)
        with self._db.write() as session:
            session.merge(Setting(key=key, value=[symbology.value for symbology in chosen]))

    # --- badge profiles ----------------------------------------------------------

    def profile(self, event_id: int) -> BadgeProfile | None:
        """How the show's delimited badges are laid out, if it was set."""
        with self._db.read() as session:
            row = session.get(Setting, PROFILE_KEY.format(event_id=event_id))
            value = row.value if row is not None else None
        if not isinstance(value, dict):
            return None
        separator, fields = value.get("separator"), value.get("fields")
        if not isinstance(separator, str) or not isinstance(fields, list):
            return None
        try:
            return BadgeProfile(separator=separator, fields=tuple(str(f) for f in fields))
        except ValidationError:
            return None

    def set_profile(self, event_id: int, profile: BadgeProfile | None) -> None:
        """Stores the show's badge profile; None forgets it."""
        key = PROFILE_KEY.format(event_id=event_id)
        with self._db.write() as session:
            if profile is None:
                row = session.get(Setting, key)
                if row is not None:
                    session.delete(row)
                return
            session.merge(
                Setting(
                    key=key,
                    value={"separator": profile.separator, "fields": list(profile.fields)},
                )
            )

    # --- scanning ----------------------------------------------------------------

    def scan(
        self,
        payload: str | bytes,
        event_id: int | None = None,
        staff_id: int | None = None,
        source: LeadSource | str = LeadSource.BADGE,
        products: Sequence[ProductShown] = (),
        rating: Rating | str | None = None,
        note: str = "",
        profile: BadgeProfile | None = None,
    ) -> ScanResult:
        """Reads ``payload`` and saves what it says in ``event_id`` (default: the active
        show) by ``staff_id`` (default: who is at the laptop).

        A bare badge ID is filled from the show's attendee list. A visitor already
        captured at the show (same badge ID or e-mail, or the same unreadable scan) gets
        a visit and the given products, rating and note; anyone else is saved as a new
        lead. Raises ``ValidationError("badge", ...)`` for an empty scan or one over
        4 KiB; an unknown SKU or bad rating raises as it would for any lead. Consent a
        badge gives on a show without a consent text is left out, with a warning. The
        scan of a person who asked to be erased (their e-mail address, or this badge at
        this show) saves nothing and raises ``ErasedPerson``, whose message says so.
        """
        event = self._events.resolve(event_id)
        if profile is None:
            profile = self.profile(event.id)
        badge = parse_badge(payload, profile)
        raw_size = len(badge.raw.encode("utf-8", "surrogatepass"))
        if raw_size > MAX_PAYLOAD_BYTES:
            raise ValidationError(
                "badge",
                f"the scan reads as {raw_size:,} bytes of text; a badge carries at most "
                f"{MAX_PAYLOAD_BYTES:,} bytes, so this is not a badge: scan the badge again",
            )
        from_badge = lead_input_from_badge(badge, source)
        data = replace(from_badge, products=tuple(products), rating=rating, note=note)
        listed = self._attendee(event.id, badge.badge_id)
        if listed is not None:
            data = _fill_blanks(data, listed)
        with self._db.read_connection() as connection:
            refuse_erased(connection, data.email, event.name, data.badge_id)
        unrecorded: FieldWarning | None = None
        if data.consent and not event.consent_text:
            data = replace(data, consent=False)
            unrecorded = FieldWarning(
                "consent", f"the badge's consent was not recorded: {NO_CONSENT_TEXT}"
            )

        existing = self._existing(event.id, data, badge.raw)
        if existing is not None:
            lead = self._merge(existing, data, staff_id)
            visit_number = len(lead.visits)
            outcome: ScanOutcome = "pending" if is_pending(lead) else "returning"
        else:
            notes = "\n".join(part for part in (from_badge.note, note) if part.strip())
            lead = self._create(replace(data, note=notes), event.id, staff_id)
            visit_number = 1
            outcome = "pending" if is_pending(lead) else "new"
            older = self._leads.settle_badge_twin(lead.id, staff_id)
            if older is not None:
                lead, visit_number, outcome = older, len(older.visits), "returning"
        if unrecorded is not None:
            lead = replace(lead, warnings=(*lead.warnings, unrecorded))
        return ScanResult(
            outcome=outcome,
            lead=lead,
            visit_number=visit_number,
            badge=badge,
            message=self._message(outcome, lead, visit_number, badge),
        )

    def pending(self, event_id: int) -> builtins.list[LeadRow]:
        """The show's leads known only by their badge, oldest first."""
        return self._leads.list_where(
            Lead.event_id == event_id, Lead.deleted_at.is_(None), pending_condition()
        )

    # --- helpers -----------------------------------------------------------------

    def _attendee(self, event_id: int, badge_id: str | None) -> dict[str, str | None] | None:
        if not badge_id:
            return None
        with self._db.read() as session:
            attendee = session.scalars(
                select(Attendee).where(
                    Attendee.event_id == event_id, Attendee.badge_id == badge_id.strip()
                )
            ).first()
            return attendee_input(attendee) if attendee is not None else None

    def _existing(self, event_id: int, data: LeadInput, raw: str) -> str | None:
        """The id of the show's lead this scan is about, if it was captured before: a
        lead with the same badge ID wins over one with the same e-mail address."""
        try:
            matches = self._leads.find_duplicates(
                event_id, email=data.email, badge_id=data.badge_id
            )
        except ValidationError:
            matches = []
        if data.badge_id:
            by_badge = [m for m in matches if m.badge_id == data.badge_id.strip()]
            matches = by_badge or matches
        if matches:
            return matches[0].id
        if data.badge_id or data.email:
            return None
        with self._db.read() as session:
            found: str | None = session.scalars(
                select(Lead.id)
                .where(
                    Lead.event_id == event_id,
                    Lead.deleted_at.is_(None),
                    Lead.badge_raw == raw,
                    pending_condition(),
                )
                .order_by(Lead.created_at)
                .limit(1)
            ).first()
        return found

    def _create(self, data: LeadInput, event_id: int, staff_id: int | None) -> LeadDetail:
        """Saves the lead; when the badge's contact fields cannot be stored (a name too
        long, an unknown country), the scan is kept as a pending lead instead."""
        try:
            return self._leads.create(data, event_id=event_id, staff_id=staff_id)
        except ValidationError as error:
            if not _is_contact_error(error):
                raise
        return self._leads.create(_without_contact(data), event_id=event_id, staff_id=staff_id)

    def _merge(self, lead_id: str, data: LeadInput, staff_id: int | None) -> LeadDetail:
        """Folds the scan into the lead, or only its products, rating and note when the
        badge's contact fields cannot be stored."""
        try:
            return self._leads.merge_into(lead_id, data, staff_id=staff_id)
        except ValidationError as error:
            if not _is_contact_error(error):
                raise
        return self._leads.merge_into(lead_id, _without_contact(data), staff_id=staff_id)

    @staticmethod
    def _message(
        outcome: ScanOutcome, lead: LeadDetail, visit_number: int, badge: BadgeData
    ) -> str:
        if outcome == "pending":
            what = f"badge {lead.badge_id}" if lead.badge_id else "the scan"
            again = f" ({ordinal(visit_number)} visit)" if visit_number > 1 else ""
            if badge.format == "id":
                return (
                    f"Saved {what} as pending{again}: it is not in the attendee list; "
                    "importing the list fills it in"
                )
            return f"Saved {what} as pending{again}: the badge could not be read; edit the lead"
        if outcome == "new":
            return f"{lead.display_name} — new lead"
        return f"{lead.display_name} — {ordinal(visit_number)} visit"

"""Staff members: who works the booth, and who is at this laptop now."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.orm import Session

from boothapp.core.db import Database
from boothapp.core.errors import ValidationError
from boothapp.core.models import EventStaff, StaffMember, StaffRole
from boothapp.core.schemas import StaffRow, value_of
from boothapp.core.services.lookup import find_by_reference
from boothapp.core.settings import SettingsService
from boothapp.core.validation import clean_line, normalise_email, normalise_phone

_STAFF = StaffMember.__table__
_ROSTERS = EventStaff.__table__
_STAFF_BY_ID = select(_STAFF).where(_STAFF.c.id == bindparam("staff_id"))


def staff_row(member: StaffMember | Row[Any]) -> StaffRow:
    """A staff member as a service returns them, from the ORM object or a table row."""
    return value_of(StaffRow, member)


def find_staff(session: Session, reference: str | int) -> StaffMember:
    """A staff member by id, name (any case) or the unique start of their name."""
    return find_by_reference(
        session,
        StaffMember,
        StaffMember.name,
        reference,
        "staff member",
        "see `boothapp staff list`",
    )


def clean_staff(
    name: str, email: str | None, phone: str | None, role: StaffRole | str
) -> dict[str, Any]:
    """A staff member's stored fields, checked; errors name the field."""
    clean_name = clean_line(name, "name")
    if not clean_name:
        raise ValidationError("name", "a staff member needs a name")
    try:
        staff_role = StaffRole(role)
    except ValueError:
        raise ValidationError("role", f"{role!r} is not staff or manager") from None
    phone_value, _warning = normalise_phone(phone, None)
    return {
        "name": clean_name,
        "email": normalise_email(email),
        "phone": phone_value,
        "role": staff_role,
    }


class StaffService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def create(
        self,
        name: str,
        email: str | None = None,
        phone: str | None = None,
        role: StaffRole | str = StaffRole.STAFF,
        event_id: int | None = None,
    ) -> StaffRow:
        """Adds a staff member, and to the roster of ``event_id`` when given."""
        values = clean_staff(name, email, phone, role)
        with self._db.write() as session:
            member = StaffMember(**values, active=True)
            session.add(member)
            session.flush()
            if event_id is not None:
                session.add(EventStaff(event_id=event_id, staff_id=member.id))
            return staff_row(member)

    def update(
        self,
        reference: str | int,
        name: str,
        email: str | None = None,
        phone: str | None = None,
        role: StaffRole | str = StaffRole.STAFF,
    ) -> StaffRow:
        """Replaces a staff member's name, e-mail, phone and role; leads keep pointing to
        them, so their captures show the new name."""
        values = clean_staff(name, email, phone, role)
        with self._db.write() as session:
            member = find_staff(session, reference)
            for key, value in values.items():
                setattr(member, key, value)
            session.flush()
            return staff_row(member)

    def get(self, reference: str | int) -> StaffRow:
        with self._db.read() as session:
            return staff_row(find_staff(session, reference))

    def list(
        self, event_id: int | None = None, include_inactive: bool = False
    ) -> builtins.list[StaffRow]:
        """Everyone, or the roster of a show when ``event_id`` is given."""
        query = select(_STAFF).order_by(func.lower(_STAFF.c.name))
        if event_id is not None:
            query = query.join(_ROSTERS).where(_ROSTERS.c.event_id == event_id)
        if not include_inactive:
            query = query.where(_STAFF.c.active.is_(True))
        with self._db.read_connection() as connection:
            return [staff_row(member) for member in connection.execute(query)]

    def set_active(self, reference: str | int, active: bool) -> StaffRow:
        with self._db.write() as session:
            member = find_staff(session, reference)
            member.active = active
            return staff_row(member)

    def use(self, reference: str | int) -> StaffRow:
        """Records who is at this laptop: new leads and notes are theirs."""
        row = self.get(reference)
        self._settings.update(active_staff_id=row.id)
        return row

    def current(self) -> StaffRow | None:
        chosen = self._settings.load().active_staff_id
        if chosen is None:
            return None
        with self._db.read_connection() as connection:
            member = connection.execute(_STAFF_BY_ID, {"staff_id": chosen}).first()
            return staff_row(member) if member is not None else None

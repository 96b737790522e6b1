"""The retention period, the leads past it and their purge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from boothapp.core.audit import entries
from boothapp.core.errors import ValidationError
from boothapp.core.leads.rows import LEADS
from boothapp.core.models import utc_now
from boothapp.core.privacy.retention import (
    DEFAULT_RETENTION_MONTHS,
    months_before,
    old_leads,
    purge,
    retention_months,
    set_retention_months,
)
from boothapp.core.schemas import EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.suppression import is_suppressed, tombstones
from boothapp.core.vocabulary import AuditAction, TombstoneKind

MONTH = timedelta(days=31)


def captured(services: Services, show: EventRow, name: str, months_ago: int) -> str:
    lead = services.leads.create(
        LeadInput(first_name=name, email=f"{name.lower()}@example.org"),
        show.id,
        created_at=utc_now() - months_ago * MONTH,
    )
    return lead.id


def deleted_long_ago(services: Services, lead_id: str, when: datetime) -> None:
    """Marks the lead deleted at ``when``, as a soft delete made then left it."""
    with services.database.write_connection() as connection:
        connection.execute(update(LEADS).where(LEADS.c.id == lead_id).values(deleted_at=when))


def test_the_period_is_24_months_until_set_for_every_laptop(
    services: Services, show: EventRow
) -> None:
    assert retention_months(services.database) == DEFAULT_RETENTION_MONTHS == 24
    assert set_retention_months(services.database, 12) == 12
    other_laptop = Services.over(services.database, station_id="laptop-2")
    assert retention_months(other_laptop.database) == 12
    for wrong in (0, -3, 121):
        with pytest.raises(ValidationError) as raised:
            set_retention_months(services.database, wrong)
        assert raised.value.field == "months"
    assert retention_months(services.database) == 12


def test_months_are_calendar_months() -> None:
    assert months_before(datetime(2026, 3, 31, 12, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, 12, tzinfo=UTC
    )
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 24) == datetime(2024, 1, 15, tzinfo=UTC)
    assert months_before(datetime(2024, 5, 31, tzinfo=UTC), 3) == datetime(2024, 2, 29, tzinfo=UTC)


def test_the_last_contact_is_the_later_of_the_last_change_and_the_last_visit(
    services: Services, show: EventRow
) -> None:
    old = captured(services, show, "Old", 30)
    visited = captured(services, show, "Visited", 30)
    noted = captured(services, show, "Noted", 30)
    recent = captured(services, show, "Recent", 3)
    gone = captured(services, show, "Gone", 26)
    services.leads.record_visit(visited)
    services.leads.add_note(noted, "called back")
    deleted_long_ago(services, gone, utc_now() - 25 * MONTH)
    listed = old_leads(services.database)
    assert [item.id for item in listed] == [old, gone]
    assert listed[1].lead.deleted

    listed = old_leads(services.database, months=2)
    assert {item.id for item in listed} == {old, recent, gone}
    assert listed[0].id == old
    assert listed[0].last_contact < utc_now() - 29 * MONTH
    assert old_leads(services.database, months=40) == []


def test_a_purge_removes_the_listed_leads_still_old_and_does_not_suppress_them(
    services: Services, show: EventRow
) -> None:
    first = captured(services, show, "Zoe", 30)
    second = captured(services, show, "Jonas", 28)
    since = captured(services, show, "Ana", 27)
    young = captured(services, show, "Ben", 2)
    listed = [item.id for item in old_leads(services.database)]
    assert listed == [first, second, since]
    services.leads.add_note(since, "met again at Eurosatory")

    done = purge(services.database, [*listed, young], staff_name="Claire Martin")

    assert {lead.id for lead in done.leads} == {first, second}
    assert done.months == 24 and done.wiped
    remaining = {row.id for row in services.leads.list(LeadFilter(event_id=show.id))}
    assert remaining == {since, young}
    assert services.leads.list(LeadFilter(event_id=show.id, search="Zoe")) == []
    with services.database.read_connection() as connection:
        log = entries(connection)
        assert [(e.action, e.staff_name, e.lead_count) for e in log] == [
            (AuditAction.PURGE, "Claire Martin", 2)
        ]
        assert first not in log[0].detail and "24 months" in log[0].detail
        assert tombstones(connection) == {
            first: (TombstoneKind.ERASED, None),
            second: (TombstoneKind.ERASED, None),
        }
        assert not is_suppressed(connection, "zoe@example.org", show.name, None)
    again = services.leads.create(LeadInput(first_name="Zoe", email="zoe@example.org"), show.id)
    assert again.email == "zoe@example.org"


def test_a_purge_of_nothing_old_writes_nothing(services: Services, show: EventRow) -> None:
    young = captured(services, show, "Ben", 1)
    done = purge(services.database, [young])
    assert done.leads == ()
    with services.database.read_connection() as connection:
        assert entries(connection) == []

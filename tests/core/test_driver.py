"""Statements run on the driver's cursor store exactly what SQLAlchemy would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import bindparam, insert, select

from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement, driver_stream, table_of
from boothapp.core.errors import StorageError
from boothapp.core.models import Event, Lead, LeadSource, LegalBasis, Note, Product, Rating
from boothapp.core.schemas import EventInput
from boothapp.core.services import Services


def _lead_values(event_id: int, lead_id: str) -> dict[str, object]:
    moment = datetime(2023, 11, 14, 9, 30, 15, 123456, tzinfo=UTC)
    return {
        "id": lead_id,
        "event_id": event_id,
        "staff_id": None,
        "source": LeadSource.BADGE,
        "first_name": "Zoé",
        "last_name": "山田",
        "company": "Müller GmbH",
        "job_title": "",
        "email": None,
        "phone": "+33612345678",
        "mobile": None,
        "website": None,
        "street": "",
        "postal_code": "",
        "city": "Paris",
        "region": "",
        "country": "FR",
        "rating": Rating.HOT,
        "follow_ups": ["quote", "call"],
        "consent_given": True,
        "consent_version": "v2",
        "consent_at": moment,
        "consent_staff_id": None,
        "legal_basis": LegalBasis.CONSENT,
        "do_not_contact": False,
        "badge_id": "MP23-1",
        "badge_format": "vcard",
        "badge_raw": "BEGIN:VCARD\r\nFN:Zoé\r\nEND:VCARD",
        "created_at": moment,
        "updated_at": moment,
        "deleted_at": None,
        "search_rowid": None,
    }


def _show(services: Services) -> int:
    return services.events.create(EventInput(name="Milipol Paris 2023")).id


def _stored(database: Database, lead_id: str) -> tuple[object, ...]:
    with database.read_connection() as connection:
        row = connection.exec_driver_sql("SELECT * FROM leads WHERE id = ?", (lead_id,)).one()
    return tuple(value for value in row if value != lead_id)


def test_an_insert_on_the_driver_stores_what_sqlalchemy_stores(
    database: Database, services: Services
) -> None:
    event_id = _show(services)
    by_sqlalchemy = "00000000-0000-4000-8000-000000000001"
    by_driver = "00000000-0000-4000-8000-000000000002"
    with database.write_connection() as connection:
        connection.execute(insert(Lead), _lead_values(event_id, by_sqlalchemy))
        DriverStatement(insert(Lead)).rows(connection, _lead_values(event_id, by_driver))
    assert _stored(database, by_driver) == _stored(database, by_sqlalchemy)
    with database.read() as session:
        lead = session.get(Lead, by_driver)
        assert lead is not None
        assert (lead.rating, lead.source, lead.follow_ups) == (
            Rating.HOT,
            LeadSource.BADGE,
            ["quote", "call"],
        )
        assert lead.created_at == datetime(2023, 11, 14, 9, 30, 15, 123456, tzinfo=UTC)


def test_returning_and_literal_parameters_work_and_rows_are_the_drivers(
    database: Database, services: Services
) -> None:
    event_id = _show(services)
    newest_event = DriverStatement(select(Event.id, Event.name).order_by(Event.id.desc()).limit(1))
    lead_id = "00000000-0000-4000-8000-000000000003"
    add_note = DriverStatement(insert(Note).returning(Note.id))
    with database.write_connection() as connection:
        DriverStatement(insert(Lead)).rows(connection, _lead_values(event_id, lead_id))
        note_id = add_note.first_value(
            connection,
            {
                "lead_id": lead_id,
                "staff_id": None,
                "created_at": datetime(2023, 11, 14, tzinfo=UTC),
                "text": "Wants racks",
            },
        )
        assert newest_event.rows(connection, {}) == [(event_id, "Milipol Paris 2023")]
    with database.read() as session:
        note = session.get(Note, note_id)
        assert note is not None and note.text == "Wants racks"


def test_an_insert_missing_a_column_with_a_default_is_refused(database: Database) -> None:
    with database.write_connection() as connection, pytest.raises(ValueError, match="category"):
        DriverStatement(insert(Product)).rows(connection, {"sku": "HA1", "name": "Case"})


def test_expanding_parameters_are_refused(database: Database) -> None:
    statement = DriverStatement(
        select(Product.id).where(Product.sku.in_(bindparam("skus", expanding=True)))
    )
    with database.read_connection() as connection, pytest.raises(ValueError, match="skus"):
        statement.rows(connection, {"skus": ["HA1"]})


def test_a_driver_error_becomes_a_storage_error_naming_the_database(
    database: Database, services: Services
) -> None:
    event_id = _show(services)
    values = _lead_values(event_id, "00000000-0000-4000-8000-000000000004")
    add_lead = DriverStatement(insert(Lead))
    with (
        pytest.raises(StorageError, match=database.label),
        database.write_connection() as connection,
    ):
        add_lead.rows(connection, values)
        add_lead.rows(connection, values)
    with database.read_connection() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM leads").scalar() == 0


def test_an_update_on_the_driver_stores_what_sqlalchemy_stores(
    database: Database, services: Services
) -> None:
    event_id = _show(services)
    by_sqlalchemy = "00000000-0000-4000-8000-000000000005"
    by_driver = "00000000-0000-4000-8000-000000000006"
    leads = table_of(Lead)
    change = leads.update().where(leads.c.id == bindparam("the_id"))
    changes = {
        "rating": Rating.COLD,
        "follow_ups": ["demo"],
        "consent_at": datetime(2023, 11, 15, 10, 0, tzinfo=UTC),
        "deleted_at": None,
    }
    with database.write_connection() as connection:
        add_lead = DriverStatement(insert(Lead))
        add_lead.run_many(
            connection, [_lead_values(event_id, by_sqlalchemy), _lead_values(event_id, by_driver)]
        )
        connection.execute(change, {**changes, "the_id": by_sqlalchemy})
        DriverStatement(change).run_many(connection, [{**changes, "the_id": by_driver}])
    assert _stored(database, by_driver) == _stored(database, by_sqlalchemy)


def test_rows_stream_as_the_driver_returns_them(database: Database, services: Services) -> None:
    for number in range(5):
        services.events.create(EventInput(name=f"Show {number}"))
    names = select(Event.id, Event.name).order_by(Event.id)
    with database.read_connection() as connection:
        whole = DriverStatement(names).rows(connection, {})
        assert list(DriverStatement(names).stream(connection, {}, chunk=2)) == whole
        assert list(driver_stream(connection, names, chunk=2)) == whole
    assert [name for _, name in whole] == [f"Show {number}" for number in range(5)]

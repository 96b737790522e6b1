"""Erasure, retention and subject access on PostgreSQL (the shared booth server), with the
throwaway server of ``test_postgresql`` (skipped where PostgreSQL is not installed).

There a plain DELETE is what can be done: the rows are gone for every query, but their
old versions stay in the table files until VACUUM, and in the server's own backups."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from test_postgresql import Server, new_database, server  # noqa: F401

from boothapp.core.audit import entries
from boothapp.core.models import Note, Visit, utc_now
from boothapp.core.privacy.erasure import erase
from boothapp.core.privacy.guard import ErasedPerson
from boothapp.core.privacy.retention import old_leads, purge
from boothapp.core.privacy.subject import subject_record
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.vocabulary import AuditAction


def test_erasure_retention_and_subject_access_on_a_server(server: Server) -> None:  # noqa: F811
    database = new_database(server, "privacy")
    try:
        services = Services.over(database)
        show = services.events.create(EventInput(name="Milipol Paris 2023"))
        other = services.events.create(EventInput(name="Eurosatory 2024"))
        zoe = services.leads.create(
            LeadInput(first_name="Zoé", email="Zoe@Thales.fr", note="Drône", badge_id="M-1"),
            show.id,
        )
        services.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), other.id)
        hans = services.leads.create(
            LeadInput(first_name="Hans"), show.id, created_at=utc_now() - timedelta(days=900)
        )
        assert len(subject_record(database, "ZOE@thales.fr")["leads"]) == 2

        erasure = erase(database, "zoe@thales.fr", "Claire Martin")

        assert zoe.id in erasure.lead_ids and len(erasure.lead_ids) == 2
        with database.read_connection() as connection:
            for model in (Note, Visit):
                table = model.__table__
                count = select(func.count()).select_from(table).where(table.c.lead_id == zoe.id)
                assert connection.execute(count).scalar_one() == 0
            folded = text("SELECT count(*) FROM lead_search WHERE lead_id = :id")
            assert connection.execute(folded, {"id": zoe.id}).scalar_one() == 0
            assert [e.action for e in entries(connection)] == [AuditAction.ERASE]
        assert services.leads.count(LeadFilter(search="drone")) == 0
        with pytest.raises(ErasedPerson):
            services.leads.create(LeadInput(email="zoe@thales.fr"), other.id)
        with pytest.raises(ErasedPerson):
            services.scans.scan("M-1", event_id=show.id)

        assert [old.id for old in old_leads(database)] == [hans.id]
        assert [lead.id for lead in purge(database, [hans.id]).leads] == [hans.id]
        assert services.leads.count(LeadFilter()) == 0
    finally:
        database.close()

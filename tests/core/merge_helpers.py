"""What the merge tests share: a clock the saves read, booth laptops' files, and a dump
of a database's leads and follow-up tasks that two files can be compared by."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from boothapp.core.db import open_database
from boothapp.core.leads.reader import details_by_id
from boothapp.core.merge.tasks import read_tasks
from boothapp.core.schemas import EventInput, LeadDetail, ProductInput
from boothapp.core.services import Services
from boothapp.core.suppression import bury, person_digests, suppress, tombstones
from boothapp.core.vocabulary import TombstoneKind

STATION = "merge-test"
SHOW = "Milipol Paris 2025"
START = datetime(2025, 11, 18, 9, 0, tzinfo=UTC)


class Clock:
    """The time every save reads: one second later at each reading, so that edits on
    different laptops have an order without sleeping."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def patched_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """A ``Clock`` that every save of a lead, and every change of a follow-up task,
    reads."""
    made = Clock()
    monkeypatch.setattr("boothapp.core.leads.writer.utc_now", made)
    monkeypatch.setattr("boothapp.core.follow_ups.queue.utc_now", made)
    return made


@contextmanager
def laptop(path: Path) -> Iterator[Services]:
    """The services over the database file ``path`` (made if missing), closed after."""
    database = open_database(path)
    try:
        yield Services.over(database, station_id=STATION)
    finally:
        database.close()


def new_booth(path: Path, staff: tuple[str, ...] = ("Anna Schmidt", "Ben Okafor")) -> None:
    """A booth laptop's file: the show with consent text, ``staff``, two products and a
    question."""
    with laptop(path) as services:
        show = services.events.create(
            EventInput(name=SHOW, consent_text="We may contact you.", consent_version="v1")
        )
        services.events.use(show.id)
        for name in staff:
            services.staff.create(name, event_id=show.id)
        for sku, name in (("TC-6040", "Transit case 60x40"), ("RC-4U", "Rack case 4U")):
            services.products.create(ProductInput(sku=sku, name=name), event_id=show.id)
        services.events.add_question(show.id, "Cases needed", "single", ("1-10", "11-100"))


def copy_file(source: Path, destination: Path) -> None:
    """A copy of a closed database file, made with SQLite's backup API."""
    with (
        closing(sqlite3.connect(source)) as reader,
        closing(sqlite3.connect(destination)) as writer,
    ):
        reader.backup(writer)


def show_id(services: Services) -> int:
    return services.events.resolve(SHOW).id


def staff_id(services: Services, name: str) -> int:
    return services.staff.get(name).id


def question_id(services: Services) -> int:
    return services.events.questions(show_id(services))[0].id


def all_leads(path: Path) -> dict[str, LeadDetail]:
    """Every lead of the file, deleted ones too, by id."""
    database = open_database(path, read_only=True)
    try:
        with database.read_connection() as connection:
            ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM leads")]
            return details_by_id(connection, ids)
    finally:
        database.close()


def lead_dump(lead: LeadDetail) -> dict[str, Any]:
    """What a lead is, whichever file it was read from: what it refers to by name, and
    no local id (the show's, staff members', notes', visits', questions')."""
    return {
        "id": lead.id,
        "show": lead.event,
        "staff": lead.staff,
        "source": lead.source.value,
        **{
            name: getattr(lead, name)
            for name in (
                "first_name",
                "last_name",
                "company",
                "job_title",
                "email",
                "phone",
                "mobile",
                "website",
                "street",
                "postal_code",
                "city",
                "region",
                "country",
                "badge_id",
                "badge_format",
                "badge_raw",
                "consent_given",
                "consent_version",
                "consent_at",
                "consent_staff",
                "legal_basis",
                "do_not_contact",
                "created_at",
                "updated_at",
                "deleted_at",
            )
        },
        "rating": lead.rating,
        "follow_ups": sorted(lead.follow_ups),
        "products": sorted((p.sku, p.quantity, p.remark) for p in lead.products),
        "notes": sorted((n.at, n.text, n.staff) for n in lead.notes),
        "visits": sorted((v.at, v.source.value, v.staff) for v in lead.visits),
        "answers": sorted((a.question, repr(a.value)) for a in lead.answers),
    }


def database_dump(path: Path) -> dict[str, Any]:
    """Every lead of the file as ``lead_dump`` gives it, the ids buried: how, and in
    which lead, and every follow-up task (by lead id and kind, staff by name)."""
    database = open_database(path, read_only=True)
    try:
        with database.read_connection() as connection:
            buried = sorted(
                (lead_id, kind.value, into)
                for lead_id, (kind, into) in tombstones(connection).items()
            )
            tasks = sorted(
                (lead_id, *task)
                for lead_id, found in read_tasks(connection).items()
                for task in found
            )
    finally:
        database.close()
    leads = all_leads(path)
    return {
        "leads": {lead_id: lead_dump(lead) for lead_id, lead in leads.items()},
        "buried": buried,
        "follow_ups": tasks,
    }


def erase(services: Services, lead_id: str) -> None:
    """Erases a lead as a person's erasure request does: its e-mail address and badge on
    the suppression list, its id buried, its row gone (with its search index row)."""
    lead = services.leads.get(lead_id)
    with services.database.write_connection() as connection:
        suppress(connection, person_digests(lead.email, lead.event, lead.badge_id))
        bury(connection, lead_id, TombstoneKind.ERASED)
        connection.exec_driver_sql(
            "DELETE FROM lead_search WHERE rowid = (SELECT search_rowid FROM leads WHERE id = ?)",
            (lead_id,),
        )
        connection.exec_driver_sql("DELETE FROM leads WHERE id = ?", (lead_id,))

"""Merging a laptop's SQLite file into the booth's shared PostgreSQL server (started as
``test_postgresql`` starts it; skipped where PostgreSQL or psycopg is missing)."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_postgresql
from merge_helpers import SHOW, Clock, laptop, new_booth, patched_clock, show_id, staff_id

from boothapp.core.merge import list_conflicts, merge_file
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput, ProductInput
from boothapp.core.services import Services
from boothapp.core.suppression import tombstones
from boothapp.core.vocabulary import TombstoneKind

server = test_postgresql.server


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


def test_a_laptop_file_merges_into_a_postgresql_server(
    server: test_postgresql.Server, tmp_path: Path, clock: Clock
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other, staff=("Ben Okafor", "Anna Schmidt"))
    with laptop(other) as services:
        question = services.events.questions(show_id(services))[0]
        first = services.leads.create(
            LeadInput(
                first_name="Zoé",
                last_name="Lefèvre",
                badge_id="MP-1",
                note="Drone cases",
                answers={question.id: "11-100"},
            ),
            event_id=show_id(services),
            staff_id=staff_id(services, "Ben Okafor"),
        )
        hans = services.leads.create(
            LeadInput(first_name="Hans", company="Rheinmetall", consent=True),
            event_id=show_id(services),
        )
    database = test_postgresql.new_database(server, "merge_target")
    try:
        services = Services.over(database, station_id="merge-test")
        show = services.events.create(EventInput(name=SHOW, consent_text="We may contact you."))
        services.staff.create("Anna Schmidt", event_id=show.id)
        services.products.create(ProductInput(sku="TC-6040", name="Case"), event_id=show.id)
        second = services.leads.create(
            LeadInput(first_name="Zoe", badge_id="MP-1", company="Thales", note="Came back"),
            event_id=show.id,
        )

        preview = merge_file(database, other, dry_run=True)
        summary = merge_file(database, other, staff_name="Anna Schmidt")
        again = merge_file(database, other)

        assert preview.dry_run and summary.counts_line() == preview.counts_line()
        assert [(j.id, j.joined) for j in summary.joined] == [(first.id, (second.id,))]
        assert [a.id for a in summary.added] == [hans.id]
        assert summary.staff_added == ("Ben Okafor",)
        assert summary.products_added == ("RC-4U",)
        assert not again.changed_anything
        zoe = services.leads.get(first.id)
        assert [note.text for note in zoe.notes] == ["Drone cases", "Came back"]
        assert (zoe.company, zoe.staff) == ("Thales", "Ben Okafor")
        assert [(a.question, a.value) for a in zoe.answers] == [("Cases needed", "11-100")]
        assert services.leads.get(hans.id).consent_given
        found = services.leads.list(LeadFilter(event_id=show.id, search="came back"))
        assert [row.id for row in found] == [first.id]
        assert [c.field for c in list_conflicts(database)] == ["first_name"]
        with database.read_connection() as connection:
            assert tombstones(connection) == {second.id: (TombstoneKind.JOINED, first.id)}
    finally:
        database.close()

"""Follow-up tasks on the booth's shared PostgreSQL server (started as ``test_postgresql``
starts it; skipped where PostgreSQL or psycopg is missing): saves, the queue, the
upgrade that makes tasks of stored follow-ups, and a laptop's file merged in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import test_postgresql
from exporting.booth_data import milipol_stand
from merge_helpers import Clock, laptop, new_booth, patched_clock, show_id, staff_id
from schema_helpers import downgrade_schema

from boothapp.core.db import open_database
from boothapp.core.follow_ups.queue import DueFilter, FollowUpFilter
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.merge import merge_file
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services

server = test_postgresql.server
FRIDAY = datetime(2023, 11, 17, 10, 0, tzinfo=UTC)


def test_tasks_follow_saves_and_the_queue_works(server: test_postgresql.Server) -> None:
    database = test_postgresql.new_database(server, "follow_ups_queue")
    try:
        services = Services.over(database, station_id="pg-follow-ups")
        show, claire, jonas = milipol_stand(services)
        lead = services.leads.create(
            LeadInput(first_name="Zoé", rating="hot", follow_ups=("send_quote", "call_back")),
            event_id=show.id,
            staff_id=claire.id,
            created_at=FRIDAY,
        )
        tasks = {task.kind: task for task in services.follow_ups.of_lead(lead.id)}
        assert {task.due_on for task in tasks.values()} == {date(2023, 11, 20)}
        services.follow_ups.mark_done([tasks["call_back"].id], staff_id=jonas.id)
        services.follow_ups.set_owner([tasks["send_quote"].id], jonas.id)
        services.follow_ups.set_owner([tasks["send_quote"].id], None)
        lead = services.leads.update(
            lead.id, replace(lead_input_of(lead), follow_ups=("demo",), rating="cold")
        )
        kinds = {task.kind: task for task in services.follow_ups.of_lead(lead.id)}
        assert set(kinds) == {"call_back", "demo"}, "the done one stays"
        assert kinds["call_back"].done_by == "Jonas Weber"
        now = datetime(2023, 11, 21, 9, 0, tzinfo=UTC)
        everything = services.follow_ups.list(
            FollowUpFilter(event_id=show.id, status=None), now=now
        )
        assert [(row.kind, row.status) for row in everything.rows][0] == (
            "call_back",
            FollowUpStatus.DONE,
        )
        overdue = services.follow_ups.list(
            FollowUpFilter(event_id=show.id, due=DueFilter.OVERDUE), now=now
        )
        assert overdue.rows == ()
    finally:
        database.close()


def test_the_upgrade_makes_tasks_of_stored_follow_ups(server: test_postgresql.Server) -> None:
    database = test_postgresql.new_database(server, "follow_ups_upgrade")
    try:
        services = Services.over(database, station_id="pg-follow-ups")
        show, claire, _jonas = milipol_stand(services)
        lead = services.leads.create(
            LeadInput(first_name="Li", rating="warm", follow_ups=("demo", "other")),
            event_id=show.id,
            staff_id=claire.id,
            created_at=FRIDAY,
        )
        downgrade_schema(database, "0010_privacy_and_merging")
    finally:
        database.close()
    database = open_database(server.url("follow_ups_upgrade"))
    try:
        services = Services.over(database, station_id="pg-follow-ups")
        tasks = services.follow_ups.of_lead(lead.id)
        assert sorted(task.kind for task in tasks) == ["demo", "other"]
        assert {(task.due_on, task.owner, task.created_at) for task in tasks} == {
            (date(2023, 11, 24), "Claire Martin", FRIDAY)
        }
    finally:
        database.close()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


def test_a_laptop_s_follow_ups_merge_into_the_server(
    server: test_postgresql.Server, tmp_path: Path, clock: Clock
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other, staff=("Ben Okafor",))
    with laptop(other) as services:
        lead_id = services.leads.create(
            LeadInput(first_name="Kim", badge_id="MP-8", follow_ups=("send_brochure",)),
            event_id=show_id(services),
            staff_id=staff_id(services, "Ben Okafor"),
        ).id
        (task,) = services.follow_ups.of_lead(lead_id)
        services.follow_ups.mark_done([task.id], staff_id=staff_id(services, "Ben Okafor"))
    database = test_postgresql.new_database(server, "follow_ups_merge")
    try:
        services = Services.over(database, station_id="pg-follow-ups")
        services.events.create(EventInput(name="Milipol Paris 2025"))
        summary = merge_file(database, other)
        assert summary.follow_ups == 1
        (merged,) = services.follow_ups.of_lead(lead_id)
        assert (merged.status, merged.done_by, merged.owner) == (
            FollowUpStatus.DONE,
            "Ben Okafor",
            "Ben Okafor",
        )
        assert not merge_file(database, other).changed_anything
    finally:
        database.close()

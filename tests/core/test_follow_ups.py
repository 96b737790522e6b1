"""Follow-up tasks: default due days, the tasks following each save of a lead, the queue's
filters and changes, deleted and erased leads, tasks for leads written in bulk, and the
upgrade that makes tasks of the follow-ups stored before."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from boothapp.core.db import KNOWN_REVISIONS, open_database, upgrade_schema
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.follow_ups.due import add_working_days, default_due, end_of_week
from boothapp.core.follow_ups.queue import DueFilter, FollowUpFilter, FollowUpRow
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.privacy.erasure import erase
from boothapp.core.privacy.retention import purge
from boothapp.core.schemas import EventInput, EventRow, LeadDetail, LeadInput, StaffRow
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo
from boothapp.core.vocabulary import Rating

TODO = FollowUpStatus.TODO
DONE = FollowUpStatus.DONE
EVERYTHING = FollowUpFilter(status=None)


# --- due days ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (date(2023, 11, 13), 1, date(2023, 11, 14)),  # Monday -> Tuesday
        (date(2023, 11, 17), 1, date(2023, 11, 20)),  # Friday -> Monday
        (date(2023, 11, 18), 1, date(2023, 11, 20)),  # Saturday -> Monday
        (date(2023, 11, 19), 1, date(2023, 11, 20)),  # Sunday -> Monday
        (date(2023, 11, 15), 5, date(2023, 11, 22)),  # Wednesday -> next Wednesday
        (date(2023, 11, 18), 5, date(2023, 11, 24)),  # Saturday -> next Friday
        (date(2023, 11, 17), 10, date(2023, 12, 1)),  # Friday -> Friday two weeks on
        (date(2023, 11, 18), 0, date(2023, 11, 18)),
    ],
)
def test_working_days_skip_weekends(day: date, count: int, expected: date) -> None:
    assert add_working_days(day, count) == expected


def test_default_due_days_by_rating() -> None:
    thursday = datetime(2023, 11, 16, 10, 0, tzinfo=UTC)
    assert default_due(Rating.HOT, thursday, "Europe/Paris") == date(2023, 11, 17)
    assert default_due(Rating.WARM, thursday, "Europe/Paris") == date(2023, 11, 23)
    assert default_due(Rating.COLD, thursday, "Europe/Paris") == date(2023, 11, 30)
    assert default_due(None, thursday, "Europe/Paris") == date(2023, 11, 23)


def test_due_days_count_from_the_day_where_the_show_is_held() -> None:
    # Thursday 23:30 in London is already Friday in Paris, and still Thursday afternoon
    # in Los Angeles: a hot lead is due on Monday, on Friday.
    late_thursday = datetime(2023, 11, 16, 23, 30, tzinfo=UTC)
    assert default_due(Rating.HOT, late_thursday, "UTC") == date(2023, 11, 17)
    assert default_due(Rating.HOT, late_thursday, "Europe/Paris") == date(2023, 11, 20)
    assert default_due(Rating.HOT, late_thursday, "America/Los_Angeles") == date(2023, 11, 17)
    # Sunday 23:30 UTC is Monday morning in Tokyo: due on Tuesday there, Monday in UTC.
    late_sunday = datetime(2023, 11, 19, 23, 30, tzinfo=UTC)
    assert default_due(Rating.HOT, late_sunday, "Asia/Tokyo") == date(2023, 11, 21)
    assert default_due(Rating.HOT, late_sunday, "UTC") == date(2023, 11, 20)


def test_the_week_ends_on_sunday() -> None:
    assert end_of_week(date(2023, 11, 13)) == date(2023, 11, 19)
    assert end_of_week(date(2023, 11, 19)) == date(2023, 11, 19)


# --- tasks following the saves ---------------------------------------------------------------


def at(day: int, hour: int = 10) -> datetime:
    """A moment of November 2023, UTC (Paris is an hour ahead)."""
    return datetime(2023, 11, day, hour, tzinfo=UTC)


@pytest.fixture
def jonas(services: Services, show: EventRow) -> StaffRow:
    return services.staff.get("Jonas Weber")


def capture(
    services: Services, show: EventRow, staff: StaffRow | None, when: datetime, **fields: Any
) -> LeadDetail:
    return services.leads.create(
        LeadInput(**fields),
        event_id=show.id,
        staff_id=staff.id if staff is not None else None,
        created_at=when,
    )


def tasks_of(services: Services, lead_id: str) -> dict[str, FollowUpRow]:
    return {task.kind: task for task in services.follow_ups.of_lead(lead_id)}


def edit(services: Services, lead: LeadDetail, staff: StaffRow, **changes: Any) -> LeadDetail:
    return services.leads.update(lead.id, replace(lead_input_of(lead), **changes), staff.id)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The time saves and queue changes read (one value, changed by the test)."""
    now = [at(20)]
    monkeypatch.setattr("boothapp.core.leads.writer.utc_now", lambda: now[0])
    monkeypatch.setattr("boothapp.core.follow_ups.queue.utc_now", lambda: now[0])
    return now


def test_a_new_lead_gets_a_task_per_follow_up(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    friday = at(17)
    lead = capture(
        services,
        show,
        claire,
        friday,
        first_name="Zoé",
        rating="hot",
        follow_ups=("send_quote", "call back"),
    )
    tasks = tasks_of(services, lead.id)
    assert set(tasks) == {"send_quote", "call_back"}
    for task in tasks.values():
        assert (task.status, task.due_on, task.owner) == (TODO, date(2023, 11, 20), "Claire Martin")
        assert (task.created_at, task.done_at, task.done_by) == (friday, None, None)
        assert task.lead_name == "Zoé"
    assert tasks_of(services, capture(services, show, claire, friday, first_name="No").id) == {}


def test_an_edit_adds_and_removes_tasks_and_keeps_the_done_ones(
    services: Services, show: EventRow, claire: StaffRow, jonas: StaffRow, clock: list[datetime]
) -> None:
    lead = capture(
        services, show, claire, at(14), first_name="Hans", rating="warm", follow_ups=("demo",)
    )
    clock[0] = at(16)
    lead = edit(services, lead, jonas, follow_ups=("demo", "send_brochure", "call_back"))
    tasks = tasks_of(services, lead.id)
    assert set(tasks) == {"demo", "send_brochure", "call_back"}
    added = tasks["send_brochure"]
    # Owned by who captured the lead, not by who edited it; due 5 working days after
    # the edit (Thursday), not after the capture.
    assert (added.owner, added.due_on, added.created_at) == (
        "Claire Martin",
        date(2023, 11, 23),
        at(16),
    )
    assert tasks["demo"].due_on == date(2023, 11, 21)

    services.follow_ups.mark_done([tasks["call_back"].id], staff_id=jonas.id)
    lead = edit(services, lead, jonas, follow_ups=("send_brochure",))
    tasks = tasks_of(services, lead.id)
    assert set(tasks) == {"send_brochure", "call_back"}, "the to-do demo went, the done call stayed"
    assert tasks["call_back"].status is DONE

    lead = edit(services, lead, jonas, follow_ups=("send_brochure", "call_back"))
    assert tasks_of(services, lead.id)["call_back"].status is DONE, "ticking it again keeps it done"


def test_a_rating_change_moves_default_due_days_only(
    services: Services, show: EventRow, claire: StaffRow, clock: list[datetime]
) -> None:
    lead = capture(
        services,
        show,
        claire,
        at(13),
        first_name="Li",
        rating="cold",
        follow_ups=("send_quote", "demo"),
    )
    tasks = tasks_of(services, lead.id)
    assert tasks["send_quote"].due_on == date(2023, 11, 27)
    services.follow_ups.set_due([tasks["demo"].id], date(2023, 12, 4))
    clock[0] = at(15)
    lead = edit(services, lead, claire, rating="hot")
    tasks = tasks_of(services, lead.id)
    assert tasks["send_quote"].due_on == date(2023, 11, 14), "hot: the day after the promise"
    assert tasks["demo"].due_on == date(2023, 12, 4), "a day chosen by hand stays"


def test_a_returning_visitor_brings_follow_ups_into_the_lead_kept(
    services: Services, show: EventRow, claire: StaffRow, jonas: StaffRow
) -> None:
    lead = capture(
        services, show, claire, at(14), first_name="Ada", badge_id="MP-7", follow_ups=("demo",)
    )
    services.leads.merge_into(
        lead.id, LeadInput(badge_id="MP-7", follow_ups=("send_quote", "demo")), staff_id=jonas.id
    )
    tasks = tasks_of(services, lead.id)
    assert set(tasks) == {"demo", "send_quote"}
    assert tasks["send_quote"].owner == "Claire Martin"


def test_two_laptops_saving_one_badge_end_with_the_tasks_on_the_lead_kept(
    services: Services, show: EventRow, claire: StaffRow, jonas: StaffRow
) -> None:
    older = capture(services, show, claire, at(14), first_name="Kim", badge_id="MP-8")
    younger = capture(
        services, show, jonas, at(14, 11), first_name="Kim", badge_id="MP-8", follow_ups=("demo",)
    )
    kept = services.leads.settle_badge_twin(younger.id, jonas.id)
    assert kept is not None and kept.id == older.id
    assert set(tasks_of(services, older.id)) == {"demo"}
    listed = services.follow_ups.list(replace(EVERYTHING, event_id=show.id)).rows
    assert [(task.lead_id, task.kind) for task in listed] == [(older.id, "demo")]


def test_undoing_a_save_takes_its_new_tasks_away(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    before = capture(
        services, show, claire, at(14), first_name="Zoé", follow_ups=("send_brochure",)
    )
    after = edit(services, before, claire, follow_ups=("send_brochure", "send_quote"))
    assert set(tasks_of(services, after.id)) == {"send_brochure", "send_quote"}
    services.leads.revert(before, after)
    assert set(tasks_of(services, before.id)) == {"send_brochure"}


# --- the queue ---------------------------------------------------------------------------


@pytest.fixture
def queue(
    services: Services, show: EventRow, claire: StaffRow, jonas: StaffRow
) -> dict[str, LeadDetail]:
    """Three leads of Claire's and one of Jonas's, with follow-ups due at different days."""
    services.events.use(show.id)
    services.staff.use(claire.id)
    return {
        "zoe": capture(
            services, show, claire, at(13), first_name="Zoé", rating="hot", follow_ups=("demo",)
        ),
        "hans": capture(
            services,
            show,
            claire,
            at(14),
            first_name="Hans",
            rating="warm",
            follow_ups=("send_quote", "call_back"),
        ),
        "li": capture(
            services, show, claire, at(15), first_name="Li", rating="cold", follow_ups=("demo",)
        ),
        "kim": capture(
            services, show, jonas, at(16), first_name="Kim", rating="hot", follow_ups=("other",)
        ),
    }


def listed(services: Services, now: datetime, **filters: Any) -> list[tuple[str, str]]:
    rows = services.follow_ups.list(FollowUpFilter(**filters), now=now).rows
    return [(row.lead_name, row.kind) for row in rows]


def test_the_queue_filters_by_owner_status_and_due_day(
    services: Services, queue: dict[str, LeadDetail], jonas: StaffRow, claire: StaffRow
) -> None:
    # Due: Zoé Tue 14, Hans Tue 21 (both), Li Wed 29, Kim Fri 17.
    wednesday = at(15)
    assert listed(services, wednesday) == [
        ("Zoé", "demo"),
        ("Kim", "other"),
        ("Hans", "send_quote"),
        ("Hans", "call_back"),
        ("Li", "demo"),
    ]
    assert listed(services, wednesday, owner_id=jonas.id) == [("Kim", "other")]
    assert listed(services, wednesday, due=DueFilter.OVERDUE) == [("Zoé", "demo")]
    assert listed(services, wednesday, due=DueFilter.TODAY) == [("Zoé", "demo")]
    assert listed(services, wednesday, due=DueFilter.WEEK) == [("Zoé", "demo"), ("Kim", "other")]
    assert listed(services, at(20), due=DueFilter.WEEK) == [
        ("Zoé", "demo"),
        ("Kim", "other"),
        ("Hans", "send_quote"),
        ("Hans", "call_back"),
    ]
    assert listed(services, wednesday, due_by=date(2023, 11, 17)) == [
        ("Zoé", "demo"),
        ("Kim", "other"),
    ]
    zoe = services.follow_ups.of_lead(queue["zoe"].id)[0]
    services.follow_ups.mark_done([zoe.id])
    assert listed(services, wednesday, due=DueFilter.OVERDUE) == []
    assert listed(services, wednesday, status=DONE) == [("Zoé", "demo")]
    assert len(listed(services, wednesday, status=None)) == 5
    listing = services.follow_ups.list(FollowUpFilter(status=None), now=wednesday)
    assert (listing.to_do, listing.done, listing.overdue, listing.today) == (
        4,
        1,
        0,
        date(2023, 11, 15),
    )


def test_the_show_s_day_decides_what_is_overdue(
    services: Services, queue: dict[str, LeadDetail]
) -> None:
    # Zoé's demo is due on Tuesday 14: at 23:30 UTC on Tuesday it is Wednesday in Paris.
    assert listed(services, datetime(2023, 11, 14, 22, 30, tzinfo=UTC), due=DueFilter.OVERDUE) == []
    assert listed(services, datetime(2023, 11, 14, 23, 30, tzinfo=UTC), due=DueFilter.OVERDUE) == [
        ("Zoé", "demo")
    ]


def test_marking_done_and_back_to_do(
    services: Services,
    queue: dict[str, LeadDetail],
    claire: StaffRow,
    jonas: StaffRow,
    clock: list[datetime],
) -> None:
    hans = tasks_of(services, queue["hans"].id)
    ids = [hans["send_quote"].id, hans["call_back"].id]
    clock[0] = at(16, 9)
    assert services.follow_ups.mark_done(ids[:1]) == 1
    done = services.follow_ups.get(ids[0])
    assert (done.status, done.done_at, done.done_by, done.updated_at) == (
        DONE,
        at(16, 9),
        "Claire Martin",
        at(16, 9),
    )
    clock[0] = at(17, 9)
    assert services.follow_ups.mark_done(ids, staff_id=jonas.id) == 1, "the done one is kept"
    first, second = (services.follow_ups.get(task_id) for task_id in ids)
    assert (first.done_at, first.done_by) == (at(16, 9), "Claire Martin")
    assert (second.done_at, second.done_by) == (at(17, 9), "Jonas Weber")
    assert services.follow_ups.mark_to_do(ids) == 2
    undone = services.follow_ups.get(ids[0])
    assert (undone.status, undone.done_at, undone.done_by) == (TODO, None, None)
    assert services.follow_ups.mark_to_do(ids) == 0


def test_changing_the_due_day_and_the_owner(
    services: Services, queue: dict[str, LeadDetail], jonas: StaffRow
) -> None:
    task = services.follow_ups.of_lead(queue["li"].id)[0]
    assert services.follow_ups.set_due([task.id], date(2023, 12, 1)) == 1
    assert services.follow_ups.set_due([task.id], date(2023, 12, 1)) == 0
    assert services.follow_ups.set_owner([task.id], jonas.id) == 1
    changed = services.follow_ups.get(task.id)
    assert (changed.due_on, changed.owner) == (date(2023, 12, 1), "Jonas Weber")
    assert services.follow_ups.set_owner([task.id], None) == 1
    assert services.follow_ups.get(task.id).owner is None
    with pytest.raises(NotFound):
        services.follow_ups.set_owner([task.id], 999)
    with pytest.raises(ValidationError):
        services.follow_ups.set_due([task.id], datetime(2023, 12, 2, tzinfo=UTC))


def test_an_unknown_id_changes_nothing(services: Services, queue: dict[str, LeadDetail]) -> None:
    task = services.follow_ups.of_lead(queue["zoe"].id)[0]
    with pytest.raises(NotFound, match="no follow-up with id 4242"):
        services.follow_ups.mark_done([task.id, 4242])
    assert services.follow_ups.get(task.id).status is TODO
    assert services.follow_ups.mark_done([]) == 0


def test_deleted_leads_tasks_are_hidden_and_come_back(
    services: Services, queue: dict[str, LeadDetail]
) -> None:
    services.leads.delete(queue["zoe"].id)
    assert ("Zoé", "demo") not in listed(services, at(15))
    assert services.follow_ups.of_lead(queue["zoe"].id), "kept with the deleted lead"
    services.leads.restore(queue["zoe"].id)
    assert ("Zoé", "demo") in listed(services, at(15))


def count_tasks(services: Services) -> int:
    with services.database.read_connection() as connection:
        return int(connection.exec_driver_sql("SELECT count(*) FROM follow_up_tasks").scalar())


def test_erasing_and_purging_leads_removes_their_tasks(
    services: Services, queue: dict[str, LeadDetail]
) -> None:
    assert count_tasks(services) == 5
    erase(services.database, queue["hans"].id)
    assert count_tasks(services) == 3
    purge(services.database, [queue["li"].id], months=1, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert count_tasks(services) == 2
    with services.database.write_connection() as connection:
        connection.exec_driver_sql("DELETE FROM leads WHERE id = ?", (queue["kim"].id,))
    assert count_tasks(services) == 1, "ON DELETE CASCADE"


def test_the_demo_show_written_in_bulk_gets_its_tasks(services: Services) -> None:
    show = create_demo(services, leads=60)
    made = count_tasks(services)
    assert made > 0
    assert services.follow_ups.add_missing(show.id) == 0
    listing = services.follow_ups.list(FollowUpFilter(event_id=show.id, status=None))
    assert len(listing.rows) <= made
    assert all(row.created_at.year == 2023 for row in listing.rows)


def test_listing_another_show_and_no_show(services: Services) -> None:
    with pytest.raises(NotFound):
        services.follow_ups.list()
    other = services.events.create(EventInput(name="DSEI 2025", timezone="Europe/London"))
    assert services.follow_ups.list(FollowUpFilter(event_id=other.id)).rows == ()


# --- the upgrade ---------------------------------------------------------------------------


def test_the_upgrade_makes_tasks_of_the_follow_ups_stored_before(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = open_database(path, migrate=False)
    upgrade_schema(database, KNOWN_REVISIONS[-2])
    database.close()
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        INSERT INTO events (id, name, venue, city, booth, timezone, consent_text,
                            consent_version, created_at)
        VALUES (1, 'Milipol Paris 2023', '', 'Paris', '', 'Europe/Paris', '', '',
                '2023-11-01 08:00:00');
        INSERT INTO staff (id, name, role, active) VALUES (1, 'Claire Martin', 'staff', 1);
        INSERT INTO leads (id, event_id, staff_id, source, first_name, last_name, company,
                           job_title, street, postal_code, city, region, follow_ups, rating,
                           consent_given, do_not_contact, created_at, updated_at, deleted_at)
        VALUES ('a', 1, 1, 'manual', 'Zoé', '', '', '', '', '', '', '',
                '["send_quote", "call_back"]', 'hot', 0, 0,
                '2023-11-16 23:30:00.000000', '2023-11-16 23:30:00.000000', NULL),
               ('b', 1, NULL, 'manual', 'Hans', '', '', '', '', '', '', '', '[]', NULL, 0, 0,
                '2023-11-16 10:00:00.000000', '2023-11-16 10:00:00.000000', NULL),
               ('c', 1, 1, 'manual', 'Li', '', '', '', '', '', '', '', '["demo"]', 'cold', 0,
                0, '2023-11-16 10:00:00.000000', '2023-11-16 10:00:00.000000',
                '2023-11-17 10:00:00.000000');
        """
    )
    connection.commit()
    connection.close()

    database = open_database(path)
    try:
        services = Services.over(database, station_id="upgrade-test")
        zoe = tasks_of(services, "a")
        assert set(zoe) == {"send_quote", "call_back"}
        task = zoe["send_quote"]
        # Captured on Friday 00:30 in Paris: a hot lead is due on Monday.
        assert (task.status, task.due_on, task.owner) == (TODO, date(2023, 11, 20), "Claire Martin")
        assert task.created_at == task.updated_at == datetime(2023, 11, 16, 23, 30, tzinfo=UTC)
        assert tasks_of(services, "b") == {}
        assert tasks_of(services, "c")["demo"].due_on == date(2023, 11, 30)
        assert [row.lead_id for row in services.follow_ups.list(EVERYTHING).rows] == ["a", "a"]
    finally:
        database.close()

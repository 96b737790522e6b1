"""Merging carries the follow-up tasks: matched by lead and kind, done on either side
wins, the due day and owner of the later edit, moved into the lead a twin is joined into."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from merge_helpers import (
    Clock,
    copy_file,
    database_dump,
    laptop,
    new_booth,
    patched_clock,
    show_id,
    staff_id,
)

from boothapp.core.db import open_database
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.merge import MergeSummary, merge_file
from boothapp.core.merge.tasks import TaskVersion, join_tasks
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services

DONE = FollowUpStatus.DONE
TODO = FollowUpStatus.TODO
T0 = datetime(2025, 11, 18, 9, 0, tzinfo=UTC)


def version(minutes: int, **changes: object) -> TaskVersion:
    base = TaskVersion(
        kind="send_quote",
        status=TODO,
        due_on=date(2025, 11, 19),
        owner="Anna Schmidt",
        created_at=T0,
        updated_at=T0 + timedelta(minutes=minutes),
        done_at=None,
        done_by=None,
    )
    return base._replace(**changes)  # type: ignore[arg-type]


def test_done_on_either_side_wins_at_its_earliest() -> None:
    done_late = version(5, status=DONE, done_at=T0 + timedelta(hours=2), done_by="Ben Okafor")
    done_early = version(1, status=DONE, done_at=T0 + timedelta(hours=1), done_by="Anna Schmidt")
    undone = version(9)
    for versions in ([done_late, done_early, undone], [undone, done_early, done_late]):
        joined = join_tasks(versions)
        assert (joined.status, joined.done_at, joined.done_by) == (
            DONE,
            T0 + timedelta(hours=1),
            "Anna Schmidt",
        )
        assert joined.updated_at == undone.updated_at
        assert joined.created_at == T0


def test_the_later_edit_gives_the_due_day_and_the_owner() -> None:
    early = version(1, due_on=date(2025, 12, 1), owner="Ben Okafor")
    late = version(2, due_on=date(2025, 11, 25), owner="Anna Schmidt")
    assert join_tasks([early, late])[2:4] == (date(2025, 11, 25), "Anna Schmidt")
    assert join_tasks([late, early])[2:4] == (date(2025, 11, 25), "Anna Schmidt")
    tie = version(2, due_on=date(2025, 11, 26), owner=None)
    assert join_tasks([late, tie]) == join_tasks([tie, late])
    assert join_tasks([late, tie]).due_on == date(2025, 11, 26)
    assert join_tasks([late, late]) == late


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


def merge(target: Path, other: Path, dry_run: bool = False) -> MergeSummary:
    database = open_database(target)
    try:
        return merge_file(database, other, dry_run=dry_run)
    finally:
        database.close()


def tasks_by_name(path: Path) -> dict[tuple[str, str], tuple[object, ...]]:
    dump = database_dump(path)
    names = {lead_id: lead["first_name"] for lead_id, lead in dump["leads"].items()}
    return {(names[lead_id], kind): tuple(rest) for lead_id, kind, *rest in dump["follow_ups"]}


def capture(services: Services, staff: str, **fields: object) -> str:
    return services.leads.create(
        LeadInput(**fields),  # type: ignore[arg-type]
        event_id=show_id(services),
        staff_id=staff_id(services, staff),
    ).id


def test_a_follow_up_done_on_another_laptop_is_merged_alone(tmp_path: Path, clock: Clock) -> None:
    booth, other = tmp_path / "booth.sqlite3", tmp_path / "laptop2.sqlite3"
    new_booth(booth)
    with laptop(booth) as services:
        lead_id = capture(services, "Anna Schmidt", first_name="Zoé", follow_ups=("send_quote",))
    copy_file(booth, other)
    with laptop(other) as services:
        (task,) = services.follow_ups.of_lead(lead_id)
        services.follow_ups.mark_done([task.id], staff_id=staff_id(services, "Ben Okafor"))

    preview = merge(booth, other, dry_run=True)
    assert preview.follow_ups == 1 and preview.changed_anything
    assert tasks_by_name(booth)[("Zoé", "send_quote")][0] is TODO, "a dry run writes nothing"
    summary = merge(booth, other)
    assert (summary.follow_ups, len(summary.updated), summary.unchanged) == (1, 0, 1)
    assert summary.counts_line().endswith(", 1 follow-up merged")
    status, _due, _owner, _created, _updated, done_at, done_by = tasks_by_name(booth)[
        ("Zoé", "send_quote")
    ]
    assert (status, done_by) == (DONE, "Ben Okafor") and done_at is not None
    again = merge(booth, other)
    assert not again.changed_anything and again.follow_ups == 0
    assert "follow-up" not in again.counts_line()


def test_a_twin_s_tasks_move_into_the_lead_kept(tmp_path: Path, clock: Clock) -> None:
    booth, other = tmp_path / "booth.sqlite3", tmp_path / "laptop2.sqlite3"
    new_booth(booth)
    copy_file(booth, other)
    with laptop(other) as services:
        first = capture(
            services, "Ben Okafor", first_name="Ada", badge_id="MP-7", follow_ups=("demo",)
        )
    with laptop(booth) as services:
        second = capture(
            services,
            "Anna Schmidt",
            first_name="Ada",
            badge_id="MP-7",
            follow_ups=("demo", "send_quote"),
        )
        demo = next(t for t in services.follow_ups.of_lead(second) if t.kind == "demo")
        services.follow_ups.mark_done([demo.id], staff_id=staff_id(services, "Anna Schmidt"))

    summary = merge(booth, other)
    assert [joined.id for joined in summary.joined] == [first]
    assert summary.follow_ups == 2
    with laptop(booth) as services:
        kept = {task.kind: task for task in services.follow_ups.of_lead(first)}
        assert services.follow_ups.of_lead(second) == []
    assert set(kept) == {"demo", "send_quote"}
    assert (kept["demo"].status, kept["demo"].done_by) == (DONE, "Anna Schmidt")
    assert kept["demo"].owner == "Anna Schmidt", "marked done on Anna's laptop: the later edit"
    assert kept["send_quote"].owner == "Anna Schmidt"
    assert not merge(booth, other).changed_anything


def test_owners_are_matched_by_name_in_a_file_that_numbers_staff_otherwise(
    tmp_path: Path, clock: Clock
) -> None:
    booth, other = tmp_path / "booth.sqlite3", tmp_path / "laptop2.sqlite3"
    new_booth(booth, staff=("Anna Schmidt", "Ben Okafor"))
    new_booth(other, staff=("Carla Diaz", "Ben Okafor"))
    with laptop(other) as services:
        lead_id = capture(services, "Ben Okafor", first_name="Kim", follow_ups=("call_back",))
        (task,) = services.follow_ups.of_lead(lead_id)
        services.follow_ups.set_owner([task.id], staff_id(services, "Carla Diaz"))
    merge(booth, other)
    with laptop(booth) as services:
        (task,) = services.follow_ups.of_lead(lead_id)
        assert task.owner == "Carla Diaz"
        assert services.staff.get("Carla Diaz").id == 3
        listing = services.follow_ups.list()
        assert [row.lead_id for row in listing.rows] == [lead_id]

"""Merging another laptop's file: the rules for a lead on both laptops, one visitor
captured twice, deletions, erasures, the catalogue, and what the merge reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from merge_helpers import (
    SHOW,
    Clock,
    all_leads,
    copy_file,
    database_dump,
    erase,
    laptop,
    new_booth,
    patched_clock,
    question_id,
    show_id,
    staff_id,
)

from boothapp.core.audit import entries
from boothapp.core.db import open_database
from boothapp.core.integrity import check
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.merge import list_conflicts, mark_reviewed, merge_file
from boothapp.core.merge.summary import MergeSummary
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput, ProductInput, ProductShown
from boothapp.core.suppression import tombstones
from boothapp.core.vocabulary import AuditAction, LegalBasis, TombstoneKind


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


@pytest.fixture
def booth(tmp_path: Path, clock: Clock) -> Path:
    """The manager's laptop: the show, its staff, products and question, no lead yet."""
    path = tmp_path / "booth.sqlite3"
    new_booth(path)
    return path


def merged(target: Path, other: Path, dry_run: bool = False) -> MergeSummary:
    database = open_database(target)
    try:
        return merge_file(database, other, dry_run=dry_run, staff_name="Anna Schmidt")
    finally:
        database.close()


def add_lead(path: Path, data: LeadInput, staff: str | None = "Anna Schmidt") -> str:
    with laptop(path) as services:
        who = staff_id(services, staff) if staff is not None else None
        return services.leads.create(data, event_id=show_id(services), staff_id=who).id


def edit_lead(path: Path, lead_id: str, **changes: object) -> None:
    with laptop(path) as services:
        lead = services.leads.get(lead_id)
        services.leads.update(lead_id, replace(lead_input_of(lead), **changes))


def add_note(path: Path, lead_id: str, text: str) -> None:
    with laptop(path) as services:
        services.leads.add_note(lead_id, text)


def zoe() -> LeadInput:
    return LeadInput(
        first_name="Zoé",
        last_name="Lefèvre",
        company="Thales",
        email="zoe.lefevre@thales.fr",
        note="Wants drone cases",
    )


# --- one lead on two laptops ------------------------------------------------------------


def test_a_field_edited_on_both_laptops_takes_the_later_edit_and_keeps_the_other(
    booth: Path, tmp_path: Path
) -> None:
    lead_id = add_lead(booth, zoe())
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(other, lead_id, company="Thales Group", phone="+33 1 23 45 67 89")
    add_note(other, lead_id, "Call back on Monday")
    edit_lead(booth, lead_id, company="Thales DMS", city="Élancourt")

    summary = merged(booth, other)

    lead = all_leads(booth)[lead_id]
    assert lead.company == "Thales DMS"
    assert lead.phone == "+33123456789"
    assert lead.city == "Élancourt"
    assert [note.text for note in lead.notes] == ["Wants drone cases", "Call back on Monday"]
    assert [(u.id, u.changed) for u in summary.updated] == [
        (lead_id, ("phone", "country", "notes"))
    ]
    assert [(c.field, c.kept, c.other) for c in summary.conflicts] == [
        ("company", "Thales DMS", "Thales Group")
    ]
    assert summary.conflicts[0].name == "Zoé Lefèvre"


def test_the_merged_lead_keeps_the_later_edit_time_not_the_time_of_the_merge(
    booth: Path, tmp_path: Path
) -> None:
    lead_id = add_lead(booth, zoe())
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(other, lead_id, job_title="Buyer")
    edited_at = all_leads(other)[lead_id].updated_at

    merged(booth, other)

    assert all_leads(booth)[lead_id].updated_at == edited_at


def test_products_answers_follow_ups_and_visits_are_united(booth: Path, tmp_path: Path) -> None:
    with laptop(booth) as services:
        question = question_id(services)
    lead_id = add_lead(
        booth,
        replace(
            zoe(),
            products=(ProductShown(sku="TC-6040", quantity=2),),
            follow_ups=("send_quote",),
            answers={question: "1-10"},
        ),
    )
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(
        other,
        lead_id,
        products=(ProductShown(sku="TC-6040", quantity=5), ProductShown(sku="RC-4U")),
        follow_ups=("call_back",),
        answers={question: "11-100"},
    )
    with laptop(other) as services:
        services.leads.record_visit(lead_id)

    summary = merged(booth, other)

    lead = all_leads(booth)[lead_id]
    assert [(p.sku, p.quantity) for p in lead.products] == [("RC-4U", None), ("TC-6040", 5)]
    assert set(lead.follow_ups) == {"send_quote", "call_back"}
    assert [a.value for a in lead.answers] == ["11-100"]
    assert len(lead.visits) == 2
    assert {(c.field, c.kept, c.other) for c in summary.conflicts} == {
        ("products[TC-6040].quantity", "5", "2"),
        ("answers[Cases needed]", "11-100", "1-10"),
    }


def test_consent_once_given_stays_with_its_earliest_record(booth: Path, tmp_path: Path) -> None:
    lead_id = add_lead(booth, zoe())
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(other, lead_id, consent=True)
    given_at = all_leads(other)[lead_id].consent_at
    edit_lead(booth, lead_id, consent=True)
    edit_lead(booth, lead_id, consent=False, legal_basis="legitimate_interest")
    edit_lead(booth, lead_id, do_not_contact=True)

    merged(booth, other)

    lead = all_leads(booth)[lead_id]
    assert lead.consent_given and lead.consent_at == given_at
    assert lead.legal_basis is LegalBasis.CONSENT
    assert lead.do_not_contact


def test_a_lead_deleted_on_either_laptop_stays_deleted(booth: Path, tmp_path: Path) -> None:
    lead_id = add_lead(booth, zoe())
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    with laptop(other) as services:
        services.leads.delete(lead_id)
    add_note(booth, lead_id, "Seen again")
    reverse = tmp_path / "reverse.sqlite3"
    copy_file(other, reverse)

    merged(booth, other)
    merged(reverse, booth)

    for path in (booth, reverse):
        lead = all_leads(path)[lead_id]
        assert lead.deleted_at is not None
        assert "Seen again" in [note.text for note in lead.notes]


# --- one visitor captured on two laptops --------------------------------------------------


def test_one_badge_on_two_laptops_becomes_the_lead_captured_first(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other, staff=("Ben Okafor", "Anna Schmidt"))
    first = add_lead(booth, replace(zoe(), badge_id="MP-0001", note="At 9"))
    second = add_lead(
        other,
        LeadInput(first_name="Zoe", badge_id="MP-0001", phone="+33 6 12 34 56 78", note="At 10"),
        staff="Ben Okafor",
    )

    summary = merged(booth, other)

    leads = all_leads(booth)
    assert set(leads) == {first}
    lead = leads[first]
    assert [note.text for note in lead.notes] == ["At 9", "At 10"]
    assert [visit.staff for visit in lead.visits] == ["Anna Schmidt", "Ben Okafor"]
    assert lead.phone == "+33612345678"
    assert lead.staff == "Anna Schmidt"
    assert [(j.id, j.joined) for j in summary.joined] == [(first, (second,))]
    with open_database(booth).read_connection() as connection:
        assert tombstones(connection) == {second: (TombstoneKind.JOINED, first)}

    again = merged(booth, other)

    assert not again.changed_anything
    assert set(all_leads(booth)) == {first}


def test_when_the_other_laptop_captured_the_visitor_first_its_lead_survives(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    first = add_lead(other, replace(zoe(), badge_id="MP-0001", note="At 9"))
    second = add_lead(booth, LeadInput(first_name="Zoé", badge_id="MP-0001", note="At 10"))

    summary = merged(booth, other)

    leads = all_leads(booth)
    assert set(leads) == {first}
    assert [note.text for note in leads[first].notes] == ["At 9", "At 10"]
    assert summary.joined[0].joined == (second,)
    with laptop(booth) as services:
        found = services.leads.list(LeadFilter(event_id=show_id(services), search="lefevre"))
        assert [row.id for row in found] == [first]
        assert services.leads.list(LeadFilter(event_id=show_id(services), search="At 10"))
    assert check(booth).ok


def test_without_a_badge_on_either_side_the_email_tells_a_visitor(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    first = add_lead(booth, replace(zoe(), badge_id="MP-0001"))
    add_lead(other, LeadInput(first_name="Zoé", email="ZOE.LEFEVRE@thales.fr"))
    colleague = add_lead(
        other, LeadInput(first_name="Paul", email="zoe.lefevre@thales.fr", badge_id="MP-0002")
    )

    summary = merged(booth, other)

    assert set(all_leads(booth)) == {first, colleague}
    assert len(summary.joined) == 1 and [a.id for a in summary.added] == [colleague]


def test_a_lead_on_both_laptops_is_never_joined_to_another(booth: Path, tmp_path: Path) -> None:
    kept_apart = [add_lead(booth, LeadInput(first_name=n, badge_id="MP-0001")) for n in "AB"]
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)

    summary = merged(booth, other)

    assert not summary.changed_anything
    assert set(all_leads(booth)) == set(kept_apart)


# --- erasures and tombstones ---------------------------------------------------------------


def test_a_lead_erased_on_the_other_laptop_is_taken_out_and_never_comes_back(
    booth: Path, tmp_path: Path
) -> None:
    lead_id = add_lead(booth, zoe())
    kept = add_lead(booth, LeadInput(first_name="Hans", company="Rheinmetall"))
    older_copy = tmp_path / "older.sqlite3"
    copy_file(booth, older_copy)
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    with laptop(other) as services:
        erase(services, lead_id)
    again = add_lead(booth, LeadInput(first_name="Zoé", email="Zoe.Lefevre@thales.fr"))

    summary = merged(booth, other)
    merged(booth, older_copy)

    assert set(all_leads(booth)) == {kept}
    assert {(left.id, left.reason) for left in summary.left_out} == {
        (lead_id, "erased"),
        (again, "suppressed"),
    }
    assert check(booth).ok


def test_a_suppressed_person_is_not_brought_in(booth: Path, tmp_path: Path) -> None:
    lead_id = add_lead(booth, zoe())
    with laptop(booth) as services:
        erase(services, lead_id)
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    add_lead(other, LeadInput(first_name="Zoé", email="zoe.lefevre@THALES.fr"))
    hans = add_lead(other, LeadInput(first_name="Hans"))

    summary = merged(booth, other)

    assert set(all_leads(booth)) == {hans}
    assert [left.reason for left in summary.left_out] == ["suppressed"]


# --- what leads refer to ---------------------------------------------------------------------


def test_shows_staff_products_and_questions_are_matched_by_name_and_added(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    with laptop(other) as services:
        eurosatory = services.events.create(EventInput(name="Eurosatory 2026"))
        services.staff.create("Chloé Dubois", event_id=eurosatory.id)
        services.products.create(ProductInput(sku="ACC-FOAM", name="Foam"), event_id=eurosatory.id)
    new_booth(other, staff=("Ben Okafor", "Anna Schmidt"))
    with laptop(other) as services:
        question = services.events.add_question(eurosatory.id, "Budget", "number", ())
        services.events.add_question(eurosatory.id, "Cases needed", "text", ())
        lead = services.leads.create(
            LeadInput(
                first_name="Ada",
                products=(ProductShown(sku="ACC-FOAM"), ProductShown(sku="RC-4U")),
                answers={question.id: 5000},
            ),
            event_id=eurosatory.id,
            staff_id=staff_id(services, "Chloé Dubois"),
        )
        at_milipol = services.leads.create(
            LeadInput(first_name="Ben's visitor"),
            event_id=show_id(services),
            staff_id=staff_id(services, "Ben Okafor"),
        )

    summary = merged(booth, other)

    assert summary.shows_added == ("Eurosatory 2026",)
    assert summary.staff_added == ("Chloé Dubois",)
    assert summary.products_added == ("ACC-FOAM",)
    assert summary.questions_added == (
        "Eurosatory 2026: Budget",
        "Eurosatory 2026: Cases needed",
    )
    leads = all_leads(booth)
    assert leads[lead.id].event == "Eurosatory 2026"
    assert leads[lead.id].staff == "Chloé Dubois"
    assert [p.sku for p in leads[lead.id].products] == ["ACC-FOAM", "RC-4U"]
    assert [(a.question, a.value) for a in leads[lead.id].answers] == [("Budget", 5000)]
    assert leads[at_milipol.id].staff == "Ben Okafor"
    with laptop(booth) as services:
        assert [m.name for m in services.staff.list(event_id=services.events.get(SHOW).id)] == [
            "Anna Schmidt",
            "Ben Okafor",
        ]
        roster = services.staff.list(event_id=services.events.get("Eurosatory 2026").id)
        assert [member.name for member in roster] == ["Chloé Dubois"]


# --- merging again, itself, a dry run ----------------------------------------------------------


def test_merging_a_file_into_itself_or_a_copy_of_itself_changes_nothing(
    booth: Path, tmp_path: Path
) -> None:
    add_lead(booth, replace(zoe(), badge_id="MP-0001"))
    add_lead(booth, LeadInput(first_name="Zoé", badge_id="MP-0001"))
    with laptop(booth) as services:
        services.leads.delete(add_lead(booth, LeadInput(first_name="Hans")))
    copy = tmp_path / "copy.sqlite3"
    copy_file(booth, copy)
    before = database_dump(booth)

    for other in (booth, copy):
        summary = merged(booth, other)
        assert not summary.changed_anything
        assert summary.unchanged == 3

    assert database_dump(booth) == before


def test_a_dry_run_says_what_a_merge_would_do_and_writes_nothing(
    booth: Path, tmp_path: Path
) -> None:
    lead_id = add_lead(booth, zoe())
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(other, lead_id, company="Thales Group")
    add_lead(other, LeadInput(first_name="Hans"))
    before = database_dump(booth)

    preview = merged(booth, other, dry_run=True)

    assert preview.dry_run
    assert database_dump(booth) == before
    with open_database(booth).read_connection() as connection:
        assert entries(connection, AuditAction.MERGE) == []
    done = merged(booth, other)
    assert replace(preview, dry_run=False) == done


def test_a_merge_is_in_the_audit_log_with_its_counts_and_file(booth: Path, tmp_path: Path) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    add_lead(other, LeadInput(first_name="Hans"))
    add_lead(other, LeadInput(first_name="Ada"))

    merged(booth, other)

    database = open_database(booth)
    try:
        with database.read_connection() as connection:
            (entry,) = entries(connection, AuditAction.MERGE)
    finally:
        database.close()
    assert entry.staff_name == "Anna Schmidt"
    assert entry.lead_count == 2
    assert "laptop2.sqlite3" in entry.detail and "2 added" in entry.detail


# --- reviewing conflicts -------------------------------------------------------------------------


def test_conflicts_are_listed_with_the_lead_and_can_be_marked_reviewed(
    booth: Path, tmp_path: Path
) -> None:
    zoe_id = add_lead(booth, zoe())
    hans_id = add_lead(booth, LeadInput(first_name="Hans", company="Rheinmetall"))
    other = tmp_path / "laptop2.sqlite3"
    copy_file(booth, other)
    edit_lead(other, zoe_id, company="Thales Group", job_title="CEO")
    edit_lead(other, hans_id, company="Rheinmetall AG")
    edit_lead(booth, zoe_id, company="Thales DMS", job_title="Buyer")
    edit_lead(booth, hans_id, company="Rheinmetall Defence")
    merged(booth, other)
    database = open_database(booth)
    try:
        listed = list_conflicts(database)
        assert [(c.lead_name, c.field, c.kept, c.other, c.source) for c in listed] == [
            ("Hans", "company", "Rheinmetall Defence", "Rheinmetall AG", "laptop2.sqlite3"),
            ("Zoé Lefèvre", "company", "Thales DMS", "Thales Group", "laptop2.sqlite3"),
            ("Zoé Lefèvre", "job_title", "Buyer", "CEO", "laptop2.sqlite3"),
        ]

        assert mark_reviewed(database, lead_id=zoe_id) == 2

        assert [c.lead_id for c in list_conflicts(database)] == [hans_id]
        assert len(list_conflicts(database, include_reviewed=True)) == 3
        assert mark_reviewed(database) == 1
        assert list_conflicts(database) == []
    finally:
        database.close()

    merged(booth, other)

    database = open_database(booth)
    try:
        assert list_conflicts(database) == []
    finally:
        database.close()


def test_a_lead_the_other_laptop_joined_into_another_goes_there_with_what_was_added_here(
    booth: Path, tmp_path: Path
) -> None:
    third = tmp_path / "laptop3.sqlite3"
    new_booth(third)
    older = add_lead(third, LeadInput(first_name="Zoé", badge_id="MP-0001", note="Laptop 3"))
    mine = add_lead(booth, LeadInput(first_name="Zoé", badge_id="MP-0001", note="Here"))
    second = tmp_path / "laptop2.sqlite3"
    copy_file(booth, second)
    merged(second, third)
    add_note(booth, mine, "Added here after the copy")

    summary = merged(booth, second)

    leads = all_leads(booth)
    assert set(leads) == {older}
    assert [note.text for note in leads[older].notes] == [
        "Laptop 3",
        "Here",
        "Added here after the copy",
    ]
    assert summary.added == ()
    assert [(j.id, j.joined) for j in summary.joined] == [(older, (mine,))]
    with open_database(booth).read_connection() as connection:
        assert tombstones(connection) == {mine: (TombstoneKind.JOINED, older)}
    assert check(booth).ok


def test_a_visitor_deleted_on_one_laptop_and_live_on_the_other_stays_live(
    booth: Path, tmp_path: Path
) -> None:
    other = tmp_path / "laptop2.sqlite3"
    new_booth(other)
    first = add_lead(other, LeadInput(first_name="Zoé", badge_id="MP-0001"))
    with laptop(other) as services:
        services.leads.delete(first)
    add_lead(booth, LeadInput(first_name="Zoé", badge_id="MP-0001", note="Came back"))

    merged(booth, other)

    (lead,) = all_leads(booth).values()
    assert (lead.id, lead.deleted_at) == (first, None)

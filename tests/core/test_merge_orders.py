"""Three laptops' files merged in every order give the same leads, and nothing is lost.

The laptops start from one file (four leads), then each goes its own way: edits of the
same leads, notes, visits, consent, deletions, an erasure, visitors captured on two
laptops (by badge ID, and by e-mail address where one had no badge), and follow-ups
added, marked done, undone, given another due day or owner. Each file is taken as the
base in turn and the other two merged into a copy of it, in both orders: six results,
compared lead by lead and follow-up by follow-up, by name (the files number their
shows, staff members, questions, notes, visits and tasks differently).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest
from merge_helpers import (
    Clock,
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

from boothapp.core.db import open_database
from boothapp.core.integrity import check
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.merge import list_conflicts, merge_file
from boothapp.core.schemas import LeadFilter, LeadInput, ProductShown
from boothapp.core.services import Services


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return patched_clock(monkeypatch)


def create(services: Services, staff: str, **fields: Any) -> str:
    return services.leads.create(
        LeadInput(**fields), event_id=show_id(services), staff_id=staff_id(services, staff)
    ).id


def edit(services: Services, lead_id: str, **changes: Any) -> None:
    lead = services.leads.get(lead_id)
    services.leads.update(lead_id, replace(lead_input_of(lead), **changes))


def task_id(services: Services, lead_id: str, kind: str) -> int:
    return next(task.id for task in services.follow_ups.of_lead(lead_id) if task.kind == kind)


@pytest.fixture
def laptops(tmp_path: Path, clock: Clock) -> dict[str, Path]:
    """Laptops A, B and C, copies of one file that went their own ways."""
    start = tmp_path / "start.sqlite3"
    new_booth(start)
    with laptop(start) as services:
        base = {
            name: create(services, "Anna Schmidt", first_name=name, **fields)
            for name, fields in {
                "Zoé": {"company": "Thales", "email": "zoe@thales.fr", "badge_id": "MP-1"},
                "Hans": {"company": "Rheinmetall", "note": "Racks", "follow_ups": ("send_quote",)},
                "Li": {
                    "company": "AVIC",
                    "products": (ProductShown(sku="TC-6040", quantity=2),),
                    "follow_ups": ("demo", "call_back"),
                },
                "Erased": {"email": "erase.me@example.com", "follow_ups": ("send_brochure",)},
            }.items()
        }
    paths = {name: tmp_path / f"laptop-{name}.sqlite3" for name in "ABC"}
    for path in paths.values():
        copy_file(start, path)
    zoe, hans, li, erased = base["Zoé"], base["Hans"], base["Li"], base["Erased"]

    with laptop(paths["A"]) as services:
        edit(services, zoe, company="Thales DMS", job_title="Buyer")
        services.leads.add_note(hans, "Wants a quote", staff_id(services, "Anna Schmidt"))
        services.leads.delete(li)
        anna = staff_id(services, "Anna Schmidt")
        services.follow_ups.mark_done([task_id(services, hans, "send_quote")], staff_id=anna)
        services.follow_ups.set_due([task_id(services, li, "demo")], date(2025, 12, 1))
        ada = create(
            services,
            "Anna Schmidt",
            first_name="Ada",
            badge_id="MP-7",
            note="On A",
            follow_ups=("demo",),
        )
        services.follow_ups.mark_done([task_id(services, ada, "demo")], staff_id=anna)
        create(services, "Anna Schmidt", first_name="Paul", email="paul@navy.mil")
        create(services, "Anna Schmidt", first_name="Only A", company="Safran")

    with laptop(paths["B"]) as services:
        question = question_id(services)
        edit(services, zoe, company="Thales Group", phone="+33 6 12 34 56 78", consent=True)
        edit(
            services,
            li,
            products=(ProductShown(sku="TC-6040", quantity=5), ProductShown(sku="RC-4U")),
            answers={question: "11-100"},
        )
        services.leads.record_visit(hans, staff_id(services, "Ben Okafor"))
        ben = staff_id(services, "Ben Okafor")
        services.follow_ups.mark_done([task_id(services, hans, "send_quote")], staff_id=ben)
        services.follow_ups.set_owner([task_id(services, li, "demo")], ben)
        services.follow_ups.mark_done([task_id(services, li, "call_back")], staff_id=ben)
        services.follow_ups.mark_to_do([task_id(services, li, "call_back")])
        create(
            services,
            "Ben Okafor",
            first_name="Ada L.",
            badge_id="MP-7",
            note="On B",
            follow_ups=("send_quote", "demo"),
        )
        create(services, "Ben Okafor", first_name="Kim", badge_id="MP-8", city="Seoul")
        create(services, "Ben Okafor", first_name="Again", email="Erase.Me@example.com")

    with laptop(paths["C"]) as services:
        question = question_id(services)
        edit(services, zoe, rating="hot", follow_ups=("call_back",), do_not_contact=True)
        edit(services, li, answers={question: "1-10"}, city="Beijing")
        services.leads.add_note(li, "Seen after A deleted it")
        erase(services, erased)
        kim = create(services, "Ben Okafor", first_name="Kim Min", badge_id="MP-8")
        services.leads.delete(kim)
        create(services, "Ben Okafor", first_name="Paul", last_name="Roy", email="PAUL@navy.mil")
        ada = create(
            services,
            "Anna Schmidt",
            first_name="Ada",
            badge_id="MP-7",
            note="On C",
            follow_ups=("call_back",),
        )
        services.follow_ups.mark_done([task_id(services, ada, "call_back")])
        edit(services, hans, legal_basis="legitimate_interest")
        services.follow_ups.set_due([task_id(services, li, "demo")], date(2025, 12, 5))
        services.follow_ups.mark_done(
            [task_id(services, li, "call_back")], staff_id=staff_id(services, "Ben Okafor")
        )
    return paths


def merge(target: Path, other: Path) -> bool:
    """Merges ``other`` into ``target``; whether anything changed."""
    database = open_database(target)
    try:
        return merge_file(database, other).changed_anything
    finally:
        database.close()


def test_merging_in_every_order_gives_the_same_leads(
    laptops: dict[str, Path], tmp_path: Path
) -> None:
    results: dict[tuple[str, ...], dict[str, Any]] = {}
    for order in permutations("ABC"):
        base, *others = order
        merged = tmp_path / f"merged-{''.join(order)}.sqlite3"
        copy_file(laptops[base], merged)
        for other in others:
            merge(merged, laptops[other])
        assert check(merged).ok, (order, check(merged).problems())
        results[order] = database_dump(merged)

        for other in order:
            assert not merge(merged, laptops[other]), f"merging {other} again changed {order}"
        assert database_dump(merged) == results[order]

    first, *rest = results.values()
    for order, result in zip(list(results)[1:], rest, strict=True):
        assert result == first, f"{''.join(order)} differs from ABC"


def test_nothing_typed_on_any_laptop_is_lost(laptops: dict[str, Path], tmp_path: Path) -> None:
    merged = tmp_path / "merged.sqlite3"
    copy_file(laptops["A"], merged)
    merge(merged, laptops["B"])
    merge(merged, laptops["C"])
    leads = database_dump(merged)["leads"]

    notes = {text for lead in leads.values() for _at, text, _staff in lead["notes"]}
    assert notes == {"Racks", "Wants a quote", "On A", "On B", "On C", "Seen after A deleted it"}
    by_name = {lead["first_name"]: lead for lead in leads.values()}
    assert set(by_name) == {"Zoé", "Hans", "Li", "Ada", "Paul", "Only A", "Kim Min"}
    zoe = by_name["Zoé"]
    assert (zoe["company"], zoe["job_title"], zoe["phone"]) == ("Thales", "Buyer", "+33612345678")
    database = open_database(merged)
    try:
        aside = {(c.field, c.other) for c in list_conflicts(database) if c.lead_id == zoe["id"]}
    finally:
        database.close()
    assert {("company", "Thales DMS"), ("company", "Thales Group")} <= aside
    assert zoe["consent_given"] and zoe["do_not_contact"] and zoe["follow_ups"] == ["call_back"]
    li = by_name["Li"]
    assert li["deleted_at"] is not None and li["city"] == "Beijing"
    assert li["products"] == [("RC-4U", None, ""), ("TC-6040", 2, "")]
    assert li["answers"] == [("Cases needed", "'1-10'")]
    assert len(by_name["Hans"]["visits"]) == 2
    assert by_name["Hans"]["legal_basis"].value == "legitimate_interest"
    ada = by_name["Ada"]
    assert [text for _at, text, _staff in ada["notes"]] == ["On A", "On B", "On C"]
    kim = by_name["Kim Min"]
    assert (kim["deleted_at"], kim["city"], kim["staff"]) == (None, "Seoul", "Ben Okafor")
    assert (by_name["Paul"]["last_name"], by_name["Paul"]["email"]) == ("Roy", "PAUL@navy.mil")
    assert not any("erase.me" in (lead["email"] or "").lower() for lead in leads.values())
    with laptop(merged) as services:
        found = services.leads.list(LeadFilter(event_id=show_id(services), search="Seoul"))
        assert [row.first_name for row in found] == ["Kim Min"]

    tasks = {(lead_id, kind): rest for lead_id, kind, *rest in database_dump(merged)["follow_ups"]}
    names = {lead_id: lead["first_name"] for lead_id, lead in leads.items()}
    assert {(names[lead_id], kind) for lead_id, kind in tasks} == {
        ("Hans", "send_quote"),
        ("Li", "demo"),
        ("Li", "call_back"),
        ("Zoé", "call_back"),
        ("Ada", "demo"),
        ("Ada", "send_quote"),
        ("Ada", "call_back"),
    }, "the erased lead's follow-up went with it; Ada's three laptops' came together"

    def task(name: str, kind: str) -> dict[str, Any]:
        status, due, owner, created, updated, done_at, done_by = tasks[by_name[name]["id"], kind]
        return {
            "status": status.value,
            "due": due,
            "owner": owner,
            "done_by": done_by,
            "done_at": done_at,
            "updated_at": updated,
        }

    hans_quote = task("Hans", "send_quote")
    assert (hans_quote["status"], hans_quote["done_by"]) == ("done", "Anna Schmidt"), (
        "done on A before B: A's time and person"
    )
    li_demo = task("Li", "demo")
    assert (li_demo["due"], li_demo["owner"]) == (date(2025, 12, 5), "Anna Schmidt"), (
        "C's edit is the latest: its day and its owner"
    )
    li_call = task("Li", "call_back")
    assert (li_call["status"], li_call["done_by"]) == ("done", "Ben Okafor"), (
        "B's undo does not undo C's done"
    )
    assert task("Ada", "demo")["status"] == "done"
    assert task("Ada", "send_quote")["status"] == "todo"
    assert task("Ada", "call_back")["status"] == "done"
    assert task("Zoé", "call_back")["status"] == "todo"

"""Erasing a person for good: the rows, the bytes in the file and its journal, and what
keeps them from coming back."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from boothapp.core.audit import entries
from boothapp.core.backup import backup_to
from boothapp.core.db import Database, open_database
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.models import (
    Answer,
    Attendee,
    ExportRecord,
    LeadFirstExport,
    LeadProduct,
    MergeConflict,
    Note,
    Visit,
)
from boothapp.core.privacy.erasure import erase, plan_erasure
from boothapp.core.privacy.guard import ERASED_MESSAGE, ErasedPerson
from boothapp.core.schemas import (
    EventInput,
    EventRow,
    LeadFilter,
    LeadInput,
    ProductInput,
    ProductShown,
)
from boothapp.core.services import Services
from boothapp.core.suppression import is_suppressed, tombstones
from boothapp.core.vocabulary import AuditAction, TombstoneKind

# Each marker starts with its own letter, so that the search index, which stores a word
# as the letters it shares with the word before it plus the rest, keeps all but the
# first letter of it as they are: the file is searched for ``marker[1:]``.
FIRST = "Axq7fname"
LAST = "Bxq7lname"
EMAIL = "cxq7mail@example.org"
NOTE = "dxq7note about drone cases"
BADGE = "Exq7badge-4711"
PAYLOAD = "fxq7payload|Exq7badge-4711|Axq7fname|Bxq7lname"
COMPANY = "Gxq7company"
MARKERS = (FIRST, LAST, EMAIL, NOTE.split()[0], BADGE, PAYLOAD.split("|")[0], COMPANY)


def marker_bytes() -> list[bytes]:
    return [marker[1:].lower().encode() for marker in MARKERS]


def found_in(path: Path) -> dict[str, list[str]]:
    """The markers found in each file beside ``path`` whose name starts with its name
    (the database, ``-wal``, ``-shm``), compared in lower case."""
    found: dict[str, list[str]] = {}
    for file in sorted(path.parent.iterdir()):
        if file.is_file() and file.name.startswith(path.name):
            data = file.read_bytes().lower()
            hits = [marker.decode() for marker in marker_bytes() if marker in data]
            if hits:
                found[file.name] = hits
    return found


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "booth" / "boothapp.sqlite3"


@pytest.fixture
def booth(path: Path) -> Iterator[Services]:
    path.parent.mkdir()
    database = open_database(path)
    try:
        yield Services.over(database)
    finally:
        database.close()


def make_show(services: Services, name: str = "Milipol Paris 2023") -> EventRow:
    show = services.events.create(
        EventInput(name=name, country="FR", consent_text="We may contact you.")
    )
    return show


def add_product(services: Services, show: EventRow) -> None:
    services.products.create(ProductInput(sku="TC-6040", name="Transit case"), event_id=show.id)


def marked_lead(services: Services, show: EventRow) -> str:
    """A lead holding every marker, with a product, an answer, two notes, two visits, a
    merge conflict, a first-export mark and an attendee-list row."""
    question = services.events.add_question(show.id, "Cases needed", "text", ())
    lead = services.leads.create(
        LeadInput(
            first_name=FIRST,
            last_name=LAST,
            company=COMPANY,
            email=EMAIL,
            note=NOTE,
            badge_id=BADGE,
            badge_raw=PAYLOAD,
            consent=True,
            products=(ProductShown(sku="TC-6040", remark=COMPANY),),
            answers={question.id: f"{COMPANY} wants 40"},
        ),
        event_id=show.id,
    )
    services.leads.add_note(lead.id, f"second note {NOTE}")
    services.leads.record_visit(lead.id)
    database = services.database
    with database.write_connection() as connection:
        export_id = connection.execute(
            insert(ExportRecord).values(format="xlsx", path="leads.xlsx").returning(ExportRecord.id)
        ).scalar_one()
        connection.execute(insert(LeadFirstExport).values(lead_id=lead.id, export_id=export_id))
        connection.execute(
            insert(MergeConflict).values(
                lead_id=lead.id, field="company", kept=COMPANY, other="Other", source="laptop 2"
            )
        )
        connection.execute(
            insert(Attendee).values(
                event_id=show.id, badge_id=BADGE, first_name=FIRST, last_name=LAST, email=EMAIL
            )
        )
    services.drafts.save({"first_name": FIRST, "email": EMAIL.upper()}, show.id)
    return lead.id


def rows_of(database: Database, lead_id: str) -> dict[str, int]:
    counts = {}
    with database.read_connection() as connection:
        for model in (Note, Visit, Answer, LeadProduct, MergeConflict, LeadFirstExport):
            table = model.__table__
            counts[table.name] = connection.execute(
                select(func.count()).select_from(table).where(table.c.lead_id == lead_id)
            ).scalar_one()
        counts["lead_search"] = connection.exec_driver_sql(
            "SELECT count(*) FROM lead_search WHERE lead_id = ?", (lead_id,)
        ).scalar_one()
    return counts


def test_an_erased_lead_leaves_no_byte_in_the_file_or_its_journal(
    booth: Services, path: Path
) -> None:
    show = make_show(booth)
    add_product(booth, show)
    kept = booth.leads.create(LeadInput(first_name="Jonas", email="jonas@example.de"), show.id)
    lead_id = marked_lead(booth, show)
    assert all(rows_of(booth.database, lead_id).values())
    assert booth.database.wipe_free_space()
    assert set(found_in(path)[path.name]) == {m.decode() for m in marker_bytes()}

    erasure = erase(booth.database, lead_id, staff_name="Claire Martin")

    assert erasure.lead_ids == (lead_id,)
    assert erasure.wiped
    assert not any(rows_of(booth.database, lead_id).values())
    with pytest.raises(NotFound):
        booth.leads.get(lead_id)
    assert booth.leads.get(kept.id).first_name == "Jonas"
    assert booth.leads.list(LeadFilter(event_id=show.id, search="dxq7note")) == []
    assert booth.leads.list(LeadFilter(event_id=show.id, search="Jonas"))[0].id == kept.id
    assert booth.drafts.load() is None
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert found_in(path) == {}
    booth.database.close()
    assert found_in(path) == {}
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_erasure_is_logged_by_lead_id_suppressed_and_buried(
    booth: Services, path: Path
) -> None:
    show = make_show(booth)
    add_product(booth, show)
    lead_id = marked_lead(booth, show)

    erase(booth.database, lead_id, staff_name="Claire Martin")

    with booth.database.read_connection() as connection:
        log = entries(connection, AuditAction.ERASE)
        assert [(e.staff_name, e.lead_count) for e in log] == [("Claire Martin", 1)]
        assert lead_id in log[0].detail
        assert not any(marker[1:].lower() in log[0].detail.lower() for marker in MARKERS)
        assert tombstones(connection) == {lead_id: (TombstoneKind.ERASED, None)}
        assert is_suppressed(connection, EMAIL.upper(), "Another show", None)
        assert is_suppressed(connection, None, show.name, BADGE)
        assert not is_suppressed(connection, None, "Another show", BADGE)
        assert connection.execute(select(func.count()).select_from(Attendee)).scalar_one() == 0


def test_erasing_an_address_takes_every_lead_with_it_in_every_show(booth: Services) -> None:
    milipol = make_show(booth)
    eurosatory = make_show(booth, "Eurosatory 2024")
    first = booth.leads.create(LeadInput(first_name="Zoé", email="Zoe@Thales.fr"), milipol.id)
    second = booth.leads.create(
        LeadInput(last_name="Lefèvre", email="zoe@thales.fr"), eurosatory.id
    )
    booth.leads.delete(second.id)
    other = booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.com"), milipol.id)

    planned = plan_erasure(booth.database, " ZOE@thales.FR ")
    assert planned.email == "zoe@thales.fr"
    assert [lead.id for lead in planned.leads] == [first.id, second.id]
    assert "Lefèvre (Eurosatory 2024, deleted)" in planned.summary

    erasure = erase(booth.database, "ZOE@thales.FR")

    assert set(erasure.lead_ids) == {first.id, second.id}
    assert [row.id for row in booth.leads.list(LeadFilter())] == [other.id]
    assert booth.leads.list(LeadFilter(deleted=True)) == []
    with booth.database.read_connection() as connection:
        assert entries(connection)[0].lead_count == 2


def test_erasing_one_lead_by_id_says_how_many_others_share_its_address(booth: Services) -> None:
    milipol = make_show(booth)
    eurosatory = make_show(booth, "Eurosatory 2024")
    first = booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), milipol.id)
    second = booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), eurosatory.id)

    planned = plan_erasure(booth.database, first.id)
    assert planned.email is None and planned.same_email_elsewhere == 1
    erase(booth.database, first.id)

    kept = booth.leads.get(second.id)
    edited = booth.leads.update(second.id, LeadInput(first_name="Zoé", email="zoe@thales.fr"))
    assert edited.email == kept.email
    with pytest.raises(ErasedPerson):
        booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), eurosatory.id)


def test_an_address_no_lead_holds_still_goes_on_the_suppression_list(booth: Services) -> None:
    show = make_show(booth)
    planned = plan_erasure(booth.database, "ghost@example.org")
    assert planned.leads == () and "No lead holds ghost@example.org" in planned.summary

    erasure = erase(booth.database, "ghost@example.org")

    assert erasure.lead_ids == ()
    with pytest.raises(ErasedPerson):
        booth.leads.create(LeadInput(email="Ghost@example.org"), show.id)
    with booth.database.read_connection() as connection:
        assert [(e.action, e.lead_count) for e in entries(connection)] == [(AuditAction.ERASE, 0)]


def test_what_cannot_be_erased_is_refused_by_name(booth: Services) -> None:
    make_show(booth)
    with pytest.raises(NotFound, match="no lead with id 'nope'"):
        plan_erasure(booth.database, "nope")
    with pytest.raises(ValidationError) as raised:
        erase(booth.database, "zoe@")
    assert raised.value.field == "email"
    with booth.database.read_connection() as connection:
        assert entries(connection) == []


def test_a_manual_save_of_an_erased_person_is_refused_and_saves_nothing(
    booth: Services,
) -> None:
    show = make_show(booth)
    lead = booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), show.id)
    other = booth.leads.create(LeadInput(first_name="Jonas"), show.id)
    erase(booth.database, lead.id)

    with pytest.raises(ErasedPerson) as raised:
        booth.leads.create(LeadInput(first_name="Zoé", email=" ZOE@Thales.fr"), show.id)
    assert str(raised.value) == ERASED_MESSAGE
    assert "erased" in str(raised.value) and "nothing was saved" in str(raised.value)
    with pytest.raises(ErasedPerson):
        booth.leads.update(other.id, LeadInput(first_name="Jonas", email="zoe@thales.fr"))
    with pytest.raises(ErasedPerson):
        booth.leads.merge_into(other.id, LeadInput(email="zoe@thales.fr"))
    assert [row.id for row in booth.leads.list(LeadFilter())] == [other.id]
    assert booth.leads.get(other.id).email is None


def test_a_badge_scan_of_an_erased_person_is_refused_and_saves_nothing(
    booth: Services,
) -> None:
    show = make_show(booth)
    other_show = make_show(booth, "Eurosatory 2024")
    vcard = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Thales\n"
        "EMAIL:zoe.lefevre@thales.fr\nEND:VCARD"
    )
    scanned = booth.scans.scan(vcard, event_id=show.id)
    badge = booth.scans.scan("MIL23-004512", event_id=show.id)
    erase(booth.database, scanned.lead.id)
    erase(booth.database, badge.lead.id)

    for payload, event_id in ((vcard, show.id), (vcard, other_show.id), ("MIL23-004512", show.id)):
        with pytest.raises(ErasedPerson):
            booth.scans.scan(payload, event_id=event_id)
    assert booth.leads.count(LeadFilter()) == 0
    assert booth.scans.scan("MIL23-004512", event_id=other_show.id).outcome == "pending"


def test_an_attendee_list_skips_and_counts_the_erased(booth: Services, tmp_path: Path) -> None:
    show = make_show(booth)
    lead = booth.leads.create(
        LeadInput(first_name="Zoé", email="zoe@thales.fr", badge_id="MIL-1"), show.id
    )
    other = booth.leads.create(LeadInput(first_name="Ana", badge_id="MIL-4"), show.id)
    erase(booth.database, lead.id)
    erase(booth.database, other.id)
    listed = tmp_path / "attendees.csv"
    listed.write_text(
        "Badge ID;First name;Last name;E-mail\n"
        "MIL-1;Zoé;Lefèvre;\n"
        "MIL-2;Zoé;Lefèvre;ZOE@thales.fr\n"
        "MIL-3;Jonas;Weber;jonas@example.de\n"
        "MIL-4;Ana;Silva;\n",
        "utf-8",
    )

    result = booth.attendees.import_file(listed, show.id)

    assert (result.rows, result.added, result.erased) == (4, 1, 3)
    assert "3 rows were left out" in result.warnings[0]
    assert "asked to have their personal data erased" in result.warnings[0]
    assert booth.attendees.count(show.id) == 1


def test_a_backup_made_after_an_erasure_no_longer_holds_the_person(
    booth: Services, path: Path, tmp_path: Path
) -> None:
    show = make_show(booth)
    add_product(booth, show)
    lead_id = marked_lead(booth, show)
    before = backup_to(booth.database, tmp_path / "before.sqlite3")
    assert any(marker in before.read_bytes().lower() for marker in marker_bytes())

    erase(booth.database, lead_id)
    after = backup_to(booth.database, tmp_path / "after.sqlite3")

    data = after.read_bytes().lower()
    assert [marker for marker in marker_bytes() if marker in data] == []


def test_kept_visitors_of_the_form_holding_the_person_are_removed(booth: Services) -> None:
    show = make_show(booth)
    lead = booth.leads.create(LeadInput(first_name="Zoé", email="zoe@thales.fr"), show.id)
    booth.drafts.keep({"first_name": "Zoé"}, show.id, lead_id=lead.id)
    booth.drafts.keep({"first_name": "Jonas", "email": "jonas@example.de"}, show.id)
    booth.drafts.save({"first_name": "Ana"}, show.id)

    erase(booth.database, lead.id)

    assert [draft.fields["first_name"] for draft in booth.drafts.kept()] == ["Jonas"]
    draft = booth.drafts.load()
    assert draft is not None and draft.fields["first_name"] == "Ana"


def test_bytes_an_older_version_left_in_free_pages_are_zeroed_by_an_erasure(
    booth: Services, path: Path
) -> None:
    """A delete made without secure_delete (an older boothapp on a SQLite built with it
    off) leaves the bytes in the pages it frees; the next erasure zeroes them."""
    show = make_show(booth)
    lead = booth.leads.create(LeadInput(first_name="Jonas"), show.id)
    marker = "hxq7freed"
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA secure_delete = OFF")
    raw.execute("INSERT INTO settings (key, value) VALUES ('old', ?)", (marker * 3000,))
    raw.execute("DELETE FROM settings WHERE key = 'old'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert raw.execute("PRAGMA freelist_count").fetchone()[0] > 0
    raw.close()
    assert marker.encode() in path.read_bytes()

    erase(booth.database, lead.id)

    assert marker.encode() not in path.read_bytes()


def test_restoring_a_backup_made_before_an_erasure_does_not_bring_the_person_back(
    booth: Services, path: Path, tmp_path: Path
) -> None:
    from boothapp.core.salvage import restore_from

    show = make_show(booth)
    add_product(booth, show)
    lead_id = marked_lead(booth, show)
    kept = booth.leads.create(LeadInput(first_name="Jonas", last_name="Weber"), show.id)
    before = backup_to(booth.database, tmp_path / "usb")
    erase(booth.database, EMAIL, "Claire Martin")
    booth.database.close()

    outcome = restore_from(before, path)

    assert (outcome.leads, outcome.erased_again) == (1, 1)
    assert found_in(path) == {}
    restored = open_database(path)
    try:
        services = Services.over(restored)
        assert [row.id for row in services.leads.list(LeadFilter(), limit=None)] == [kept.id]
        with restored.read_connection() as connection:
            assert tombstones(connection)[lead_id] == (TombstoneKind.ERASED, None)
            assert is_suppressed(connection, EMAIL, show.name, None)
            restore = entries(connection, AuditAction.RESTORE)[0]
        assert "1 erased lead(s) removed again" in restore.detail and str(before) in restore.detail
    finally:
        restored.close()

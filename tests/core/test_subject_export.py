"""Subject access: everything held on one person, as JSON and as a readable page."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import insert

from boothapp.core.audit import record
from boothapp.core.errors import StorageError, ValidationError
from boothapp.core.models import Attendee, MergeConflict
from boothapp.core.privacy.erasure import erase
from boothapp.core.privacy.subject import export_paths, subject_record, write_subject_export
from boothapp.core.schemas import EventInput, EventRow, LeadInput, ProductShown, StaffRow
from boothapp.core.services import Services
from boothapp.core.vocabulary import AuditAction

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


class _Text(HTMLParser):
    """The text of a page, and whether it holds a script element."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_text(page: str) -> tuple[str, int]:
    parser = _Text()
    parser.feed(page)
    return " ".join(parser.text), parser.scripts


@pytest.fixture
def zoe(services: Services, show: EventRow, claire: StaffRow) -> list[str]:
    """Zoé's leads at two shows (one deleted), and her attendee-list row; another person."""
    question = services.events.add_question(show.id, "Cases needed", "single", ("1-10", "11+"))
    first = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="<script>alert(1)</script>",
            company="Thalès",
            email="Zoe.Lefevre@thales.fr",
            consent=True,
            rating="hot",
            follow_ups=("send_quote",),
            products=(ProductShown(sku="TC-6040", quantity=12, remark="sand"),),
            answers={question.id: "11+"},
            note="Wants a quote",
            badge_id="MIL-1",
            badge_raw="MIL-1|Zoé|Lefèvre",
        ),
        show.id,
        claire.id,
    )
    services.leads.record_visit(first.id, claire.id)
    eurosatory = services.events.create(EventInput(name="Eurosatory 2024"))
    second = services.leads.create(
        LeadInput(
            first_name="Zoé",
            email="zoe.lefevre@THALES.fr",
            legal_basis="legitimate_interest",
            do_not_contact=True,
        ),
        eurosatory.id,
    )
    services.leads.delete(second.id)
    other = services.leads.create(LeadInput(first_name="Jonas", email="jonas@example.de"), show.id)
    with services.database.write_connection() as connection:
        connection.execute(
            insert(Attendee).values(
                event_id=show.id, badge_id="MIL-1", first_name="Zoé", email="zoe.lefevre@thales.fr"
            )
        )
        connection.execute(
            insert(MergeConflict).values(
                lead_id=first.id,
                field="company",
                kept="Thalès",
                other="Thales SA",
                source="laptop 2",
            )
        )
        record(connection, AuditAction.EXPORT, "Claire Martin", 1, f"lead {first.id} to x.xlsx")
        record(connection, AuditAction.EXPORT, "Claire Martin", 1, f"lead {other.id} to y.xlsx")
    return [first.id, second.id]


def test_the_record_holds_every_lead_of_the_address_in_every_show(
    services: Services, zoe: list[str]
) -> None:
    found = subject_record(services.database, " ZOE.lefevre@thales.FR", now=NOW)

    assert found["subject"]["email"] == "zoe.lefevre@thales.fr"
    assert found["subject"]["made_at"] == "2026-12-07T10:00:00+00:00"
    assert not found["subject"]["on_suppression_list"]
    assert [lead["id"] for lead in found["leads"]] == zoe
    first, second = found["leads"]
    assert first["show"] == "Milipol Paris 2023" and second["show"] == "Eurosatory 2024"
    assert first["consent"]["given"] and first["consent"]["text_version"] == "2023-11"
    assert first["consent"]["show_consent_text"] == "We may contact you about our products."
    assert first["legal_basis"] == "Consent" and not first["do_not_contact"]
    assert second["legal_basis"].startswith("Legitimate interest") and second["do_not_contact"]
    assert second["deleted_at"] is not None
    assert first["products_shown"] == [
        {"sku": "TC-6040", "name": "Transit case 60x40", "quantity": 12, "remark": "sand"}
    ]
    assert first["answers"] == [{"question": "Cases needed", "answer": "11+"}]
    assert [note["text"] for note in first["notes"]] == ["Wants a quote"]
    assert [visit["by"] for visit in first["visits"]] == ["Claire Martin", "Claire Martin"]
    assert first["badge"] == {"id": "MIL-1", "format": None, "as_scanned": "MIL-1|Zoé|Lefèvre"}
    assert first["merge_conflicts"][0]["other"] == "Thales SA"
    assert [row["badge_id"] for row in found["attendee_lists"]] == ["MIL-1"]
    assert [row["detail"] for row in found["audit_log"]] == [f"lead {zoe[0]} to x.xlsx"]
    json.dumps(found)


def test_an_erased_person_has_nothing_left_but_the_suppression_entry(
    services: Services, zoe: list[str]
) -> None:
    erase(services.database, "zoe.lefevre@thales.fr")
    found = subject_record(services.database, "zoe.lefevre@thales.fr")
    assert found["leads"] == [] and found["attendee_lists"] == [] and found["audit_log"] == []
    assert found["subject"]["on_suppression_list"]


def test_the_export_writes_json_and_a_page_beside_it(
    services: Services, zoe: list[str], tmp_path: Path
) -> None:
    written = write_subject_export(
        services.database, "zoe.lefevre@thales.fr", tmp_path / "zoe.json"
    )

    assert (written.json_path, written.html_path) == (tmp_path / "zoe.json", tmp_path / "zoe.html")
    assert written.leads == 2
    stored = json.loads(written.json_path.read_text("utf-8"))
    assert [lead["id"] for lead in stored["leads"]] == zoe
    text, scripts = page_text(written.html_path.read_text("utf-8"))
    assert scripts == 0
    assert "<script>alert(1)</script>" in text
    for expected in (
        "Personal data held on zoe.lefevre@thales.fr",
        "Wants a quote",
        "Thales SA",
        "Eurosatory 2024",
        "Legitimate interest",
        "MIL-1|Zoé|Lefèvre",
    ):
        assert expected in text

    with pytest.raises(StorageError, match="already exists"):
        write_subject_export(services.database, "zoe.lefevre@thales.fr", tmp_path / "zoe.html")


def test_the_file_names_follow_the_suffix_given(tmp_path: Path) -> None:
    assert export_paths(tmp_path / "a.json") == (tmp_path / "a.json", tmp_path / "a.html")
    assert export_paths(tmp_path / "a.HTML") == (tmp_path / "a.json", tmp_path / "a.HTML")
    assert export_paths(tmp_path / "zoe") == (tmp_path / "zoe.json", tmp_path / "zoe.html")
    assert export_paths(tmp_path / "v1.2") == (tmp_path / "v1.2.json", tmp_path / "v1.2.html")


def test_a_person_with_nothing_held_gets_an_empty_record_and_a_bad_address_is_refused(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    written = write_subject_export(services.database, "nobody@example.org", tmp_path / "n.json")
    assert written.leads == 0
    assert "No lead holds this address" in written.html_path.read_text("utf-8")
    with pytest.raises(ValidationError):
        subject_record(services.database, "not an address")


def test_the_follow_ups_promised_to_the_person_are_in_the_record(
    services: Services, zoe: list[str]
) -> None:
    found = subject_record(services.database, "zoe.lefevre@thales.fr", now=NOW)
    first = next(lead for lead in found["leads"] if lead["id"] == zoe[0])
    assert [(task["follow_up"], task["status"]) for task in first["follow_up_tasks"]] == [
        ("Send quote", "todo")
    ]
    assert first["follow_up_tasks"][0]["owner"] == "Claire Martin"

"""The suppression list, tombstones and the audit log."""

from __future__ import annotations

from boothapp.core.audit import entries, record
from boothapp.core.db import Database
from boothapp.core.suppression import (
    badge_digest,
    bury,
    email_digest,
    is_suppressed,
    person_digests,
    suppress,
    tombstones,
)
from boothapp.core.vocabulary import AuditAction, TombstoneKind


def test_an_email_digest_ignores_case_and_spaces_and_hides_the_address() -> None:
    digest = email_digest(" Zoe.Lefevre@Example.FR ")
    assert digest == email_digest("zoe.lefevre@example.fr")
    assert "zoe" not in digest and len(digest) == 64


def test_a_badge_digest_belongs_to_its_show() -> None:
    assert badge_digest("Milipol 2025", "A-1") != badge_digest("Eurosatory 2026", "A-1")
    assert person_digests(None, "Milipol", "  ") == []


def test_a_suppressed_person_is_found_by_email_or_badge(database: Database) -> None:
    with database.write_connection() as connection:
        suppress(connection, person_digests("zoe@example.fr", "Milipol", "A-1"))
        suppress(connection, person_digests("zoe@example.fr", "Milipol", None))
    with database.read_connection() as connection:
        assert is_suppressed(connection, "ZOE@example.fr", "Eurosatory", None)
        assert is_suppressed(connection, None, "Milipol", "A-1")
        assert not is_suppressed(connection, None, "Eurosatory", "A-1")
        assert not is_suppressed(connection, "jonas@example.de", "Milipol", "B-2")
        assert not is_suppressed(connection, None, "Milipol", None)


def test_a_tombstone_stays_as_first_written(database: Database) -> None:
    with database.write_connection() as connection:
        bury(connection, "lead-1", TombstoneKind.JOINED, into_id="lead-2")
        bury(connection, "lead-1", TombstoneKind.ERASED)
        bury(connection, "lead-3", TombstoneKind.ERASED)
    with database.read_connection() as connection:
        assert tombstones(connection) == {
            "lead-1": (TombstoneKind.JOINED, "lead-2"),
            "lead-3": (TombstoneKind.ERASED, None),
        }


def test_the_audit_log_lists_newest_first_and_by_action(database: Database) -> None:
    with database.write_connection() as connection:
        record(connection, AuditAction.EXPORT, "Claire Martin", 200, "leads.xlsx")
        record(connection, AuditAction.ERASE, None, 1, "lead 6f1c1f9e")
    with database.read_connection() as connection:
        log = entries(connection)
        assert [(e.action, e.staff_name, e.lead_count) for e in log] == [
            (AuditAction.ERASE, "", 1),
            (AuditAction.EXPORT, "Claire Martin", 200),
        ]
        assert [e.detail for e in entries(connection, AuditAction.EXPORT)] == ["leads.xlsx"]
        assert log[0].at.tzinfo is not None

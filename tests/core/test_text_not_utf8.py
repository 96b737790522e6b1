"""One lead with text that is not UTF-8 (a damaged page, another program writing to
the file) never hides the rest of the show: lists, details and exports read it with
U+FFFD in place of the bad bytes and name the lead, and a well-formed database keeps
SQLite's own decoding."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from boothapp.core.db import Database
from boothapp.core.leads.query import Selection
from boothapp.core.leads.reader import read_details
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.schemas import LeadFilter
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo
from boothapp.core.services.exports import ExportRequest

LEADS = 60


@pytest.fixture
def ids(services: Services) -> list[str]:
    """The demo's leads, oldest first."""
    create_demo(services, leads=LEADS, seed=3)
    return [row.id for row in services.leads.list(LeadFilter(), limit=None)][::-1]


def _damage(database: Database, sql: str, *parameters: object) -> None:
    assert database.target.path is not None
    with closing(sqlite3.connect(database.target.path)) as connection:
        connection.execute(sql, parameters)
        connection.commit()


@pytest.fixture
def damaged(database: Database, ids: list[str]) -> dict[str, str]:
    """Three leads with bytes that are not UTF-8: in the company, the badge payload and
    a note. By lead id, the field damaged."""
    company, badge, note = ids[25], ids[33], ids[47]
    _damage(
        database, "UPDATE leads SET company = CAST(X'4D75FC6C6C6572' AS TEXT) WHERE id = ?", company
    )
    _damage(database, "UPDATE leads SET badge_raw = CAST(X'4142FF43' AS TEXT) WHERE id = ?", badge)
    _damage(
        database,
        "INSERT INTO notes (lead_id, created_at, text) "
        "VALUES (?, '2023-11-14 10:00:00.000000', CAST(X'C3A9C3' AS TEXT))",
        note,
    )
    return {company: "company", badge: "badge_raw", note: "notes"}


def test_every_lead_lists_and_the_damaged_text_reads_with_replacement(
    services: Services, ids: list[str], damaged: dict[str, str]
) -> None:
    rows = services.leads.list(LeadFilter(), limit=None)
    assert len(rows) == LEADS
    assert {row.company for row in rows if row.id == ids[25]} == {"Mu\ufffdller"}


def test_details_name_each_damaged_field(
    services: Services, ids: list[str], damaged: dict[str, str]
) -> None:
    details = list(services.leads.details_of(ids))
    assert [d.id for d in details] == ids
    named = {d.id: [w.field for w in d.warnings] for d in details if d.warnings}
    assert named == {lead_id: [field] for lead_id, field in damaged.items()}
    assert "not UTF-8" in details[25].warnings[0].message
    assert details[33].badge_raw == "AB\ufffdC"


def test_a_stream_that_meets_damage_midway_gives_each_lead_once_in_order(
    database: Database, ids: list[str], damaged: dict[str, str]
) -> None:
    with database.read() as session:
        read = list(read_details(session, Selection(LeadFilter()), chunk=7))
    assert [lead.id for lead in read] == ids
    assert {lead.id for lead in read if lead.warnings} == set(damaged)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_exports_write_every_lead_and_report_the_damaged_ones(
    services: Services, tmp_path: Path, ids: list[str], damaged: dict[str, str], suffix: str
) -> None:
    path = tmp_path / f"leads{suffix}"
    result = services.exports.export(ExportRequest(path))
    assert result.count == LEADS
    assert {(w.lead_id, w.column) for w in result.warnings} >= set(damaged.items())
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as text:
            companies = [row["Company"] for row in csv.DictReader(text)]
    else:
        sheet = openpyxl.load_workbook(path, read_only=True)["Leads"]
        header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
        column = header.index("Company")
        companies = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(companies) == LEADS
    assert "Mu\ufffdller" in companies


def test_a_well_formed_database_keeps_sqlites_own_decoding(
    services: Services, database: Database, ids: list[str]
) -> None:
    services.leads.details_of(ids)
    services.exports.export(ExportRequest(database.target.path.parent / "leads.csv"))  # type: ignore[union-attr]
    with database.read_connection() as connection:
        raw = connection.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        assert raw.text_factory is str


def test_saving_the_lead_again_writes_valid_text(
    services: Services, database: Database, ids: list[str], damaged: dict[str, str]
) -> None:
    lead = services.leads.get(ids[25])
    services.leads.update(lead.id, lead_input_of(lead))
    assert database.target.path is not None
    with closing(sqlite3.connect(database.target.path)) as connection:
        (company,) = connection.execute(
            "SELECT company FROM leads WHERE id = ?", (ids[25],)
        ).fetchone()
    assert company == "Mu\ufffdller"

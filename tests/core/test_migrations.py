from __future__ import annotations

import ast
import sqlite3
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from schema_helpers import downgrade_schema, migrations_config
from sqlalchemy import create_engine

import boothapp.core.migrations
from boothapp.core.db import KNOWN_REVISIONS, SCHEMA_HEAD, open_database, upgrade_schema
from boothapp.core.leads.query import Selection
from boothapp.core.leads.reader import NO_PARTS, read_details
from boothapp.core.models import Base
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.search import managed_by_models, show_rowids
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportRequest
from boothapp.core.vocabulary import LegalBasis


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrations_config())


def test_known_revisions_are_the_alembic_history() -> None:
    history = [script.revision for script in reversed(list(_scripts().walk_revisions()))]
    assert tuple(history) == KNOWN_REVISIONS
    assert _scripts().get_current_head() == SCHEMA_HEAD


def test_migrations_import_no_live_boothapp_code() -> None:
    versions = Path(boothapp.core.migrations.__file__).with_name("versions")
    shared = "boothapp.core.migrations._shared"
    for script in sorted(versions.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            live = [name for name in names if name.startswith("boothapp") and name != shared]
            assert not live, f"{script.name} imports {live}: see {shared}"


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite3")
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": managed_by_models, "compare_type": True}
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", ".*expression-based index.*")
            differences = compare_metadata(context, Base.metadata)
    database.close()
    assert differences == []


def test_email_look_ups_use_the_index_on_lower_email(tmp_path: Path) -> None:
    """Reflection cannot compare expression indexes, so this one is checked by hand."""
    database = open_database(tmp_path / "a.sqlite3")
    with database.engine.connect() as connection:
        definition = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_leads_event_email_lower'"
        ).scalar()
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM leads WHERE event_id = 1 AND lower(email) = 'a@b.fr'"
        ).all()
    database.close()
    assert definition is not None and "lower(email)" in definition
    assert any("ix_leads_event_email_lower" in str(row) for row in plan)


def _database_at_first_revision(path: Path) -> None:
    """A database as the first release wrote it, holding leads, notes and a visit."""
    database = open_database(path, migrate=False)
    upgrade_schema(database, KNOWN_REVISIONS[0])
    database.close()
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        INSERT INTO events (id, name, venue, city, booth, timezone, consent_text,
                            consent_version, created_at)
        VALUES (1, 'Eurosatory 2022', '', 'Paris', '', 'Europe/Paris', '', '',
                '2022-06-13 08:00:00');
        INSERT INTO staff (id, name, role, active) VALUES (1, 'Claire Martin', 'staff', 1);
        INSERT INTO leads (id, event_id, staff_id, source, first_name, last_name, company,
                           job_title, street, postal_code, city, region, follow_ups,
                           consent_given, created_at, updated_at)
        VALUES ('6f1c1f9e-1111-4a5e-9d55-000000000001', 1, 1, 'manual', 'Zoé', 'Lefèvre',
                'Müller GmbH', '', '', '', 'Lyon', '', '[]', 0,
                '2022-06-13 09:00:00', '2022-06-13 09:00:00'),
               ('6f1c1f9e-1111-4a5e-9d55-000000000002', 1, 1, 'badge', '太郎', '山田',
                'Yamada KK', '', '', '', 'Tokyo', '', '[]', 1,
                '2022-06-13 10:00:00', '2022-06-13 10:00:00');
        INSERT INTO notes (lead_id, staff_id, created_at, text)
        VALUES ('6f1c1f9e-1111-4a5e-9d55-000000000001', 1, '2022-06-13 09:01:00',
                'Needs waterproof cases for drones');
        INSERT INTO visits (lead_id, staff_id, at, source)
        VALUES ('6f1c1f9e-1111-4a5e-9d55-000000000001', 1, '2022-06-13 09:00:00', 'manual');
        """
    )
    connection.commit()
    connection.close()


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    tables = ("events", "staff", "leads", "notes", "visits")
    counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    connection.close()
    return counts


def test_upgrading_an_older_database_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_first_revision(path)
    before = _counts(path)

    database = open_database(path)
    services = Services.over(database)
    after = _counts(path)
    assert after == before == {"events": 1, "staff": 1, "leads": 2, "notes": 1, "visits": 1}
    assert [r.last_name for r in services.leads.list(LeadFilter(search="lefevre"))] == ["Lefèvre"]
    assert [r.last_name for r in services.leads.list(LeadFilter(search="drones"))] == ["Lefèvre"]
    assert [r.first_name for r in services.leads.list(LeadFilter(search="山田"))] == ["太郎"]
    assert [r.first_name for r in services.leads.list(LeadFilter(search="山田太郎"))] == ["太郎"]
    assert (tmp_path / f"old.sqlite3.before-{SCHEMA_HEAD}.bak").exists()
    zoe = services.leads.get("6f1c1f9e-1111-4a5e-9d55-000000000001")
    taro = services.leads.get("6f1c1f9e-1111-4a5e-9d55-000000000002")
    assert (zoe.legal_basis, taro.legal_basis) == (None, LegalBasis.CONSENT)
    assert not zoe.do_not_contact and not taro.do_not_contact
    database.close()


def test_upgrade_works_through_a_plain_engine_url(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_first_revision(path)
    database = open_database(f"sqlite:///{path}")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        names = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    database.close()
    assert "lead_search" in names


def _search_rowids(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT id, search_rowid FROM leads").fetchall()
    indexed = connection.execute("SELECT lead_id, rowid FROM lead_search").fetchall()
    connection.close()
    assert sorted(rows) == sorted(indexed)
    return dict(rows)


def test_search_rowids_are_renumbered_by_show_and_back(tmp_path: Path) -> None:
    path = tmp_path / "shows.sqlite3"
    database = open_database(path)
    services = Services.over(database)
    paris = services.events.create(EventInput(name="Milipol Paris 2023"))
    london = services.events.create(EventInput(name="DSEI 2023"))
    moment = datetime(2023, 11, 14, 9, 0, tzinfo=UTC)
    zoe = services.leads.create(
        LeadInput(first_name="Zoé", last_name="Lefèvre"), event_id=paris.id, created_at=moment
    )
    gone = services.leads.create(
        LeadInput(first_name="Zoe", last_name="Lefevre"), event_id=paris.id, created_at=moment
    )
    later = services.leads.create(
        LeadInput(first_name="Zoë", last_name="Lefevre"),
        event_id=london.id,
        created_at=moment - timedelta(days=60),
    )
    services.leads.delete(gone.id)
    database.close()

    def found(services: Services, event_id: int, deleted: bool = False) -> list[str]:
        lead_filter = LeadFilter(event_id=event_id, search="lefevre", deleted=deleted)
        return [r.id for r in services.leads.list(lead_filter)]

    by_show = _search_rowids(path)
    assert (
        show_rowids(paris.id)[0] <= by_show[zoe.id] < by_show[gone.id] <= show_rowids(paris.id)[1]
    )
    assert show_rowids(london.id)[0] <= by_show[later.id] <= show_rowids(london.id)[1]

    database = open_database(path, migrate=False)
    downgrade_schema(database, "0006_search_index_merged_in_background")
    database.close()
    by_time = _search_rowids(path)
    assert by_time[later.id] < by_time[zoe.id] < by_time[gone.id]
    connection = sqlite3.connect(path)
    old_search = connection.execute(
        "SELECT lead_id FROM lead_search WHERE lead_search MATCH ?",
        (f'scope : "e{paris.id}" AND body : lefevre',),
    ).fetchall()
    connection.close()
    assert old_search == [(zoe.id,)]

    database = open_database(path)
    services = Services.over(database)
    assert _search_rowids(path) == by_show
    assert found(services, paris.id) == [zoe.id]
    assert found(services, paris.id, deleted=True) == [gone.id]
    assert found(services, london.id) == [later.id]
    database.close()


def test_leads_exported_under_the_old_rule_count_as_exported_after_the_upgrade(
    tmp_path: Path,
) -> None:
    """Before 0009 "new since the last export" meant captured after the show's last
    export; the upgrade marks the leads that rule counted as exported, no others."""
    path = tmp_path / "exported.sqlite3"
    database = open_database(path)
    services = Services.over(database)
    paris = services.events.create(EventInput(name="Milipol Paris 2023"))
    london = services.events.create(EventInput(name="DSEI 2023"))

    def lead(name: str, event_id: int, day: int) -> str:
        moment = datetime(2023, 11, day, 9, 0, tzinfo=UTC)
        return services.leads.create(
            LeadInput(first_name=name), event_id=event_id, created_at=moment
        ).id

    lead("Before", paris.id, 14)
    after = lead("After", paris.id, 16)
    elsewhere = lead("Elsewhere", london.id, 14)
    downgrade_schema(database, "0008_folded_search_elsewhere")
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO exports (event_id, at, format, filters, lead_count, path) "
            "VALUES (?, '2023-11-15 12:00:00.000000', 'csv', '{}', 1, '/tmp/a.csv')",
            (paris.id,),
        )
    database.close()

    upgraded = open_database(path)
    exports = Services.over(upgraded).exports

    def not_exported(event_id: int) -> list[str]:
        request = ExportRequest(
            tmp_path / "x.csv", since_last_export=True, lead_filter=LeadFilter(event_id=event_id)
        )
        with upgraded.read() as session:
            selection = Selection(LeadFilter(event_id=event_id), not_exported=True)
            ids = [lead.id for lead in read_details(session, selection, parts=NO_PARTS)]
        assert exports.count(request) == len(ids)
        return ids

    assert not_exported(paris.id) == [after]
    assert not_exported(london.id) == [elsewhere]
    upgraded.close()

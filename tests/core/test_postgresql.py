"""boothapp on PostgreSQL, the shared booth server of the README, through the real services.

The module starts a throwaway PostgreSQL server listening only on a unix socket in a
temporary folder (no TCP), and is skipped when PostgreSQL's programs or psycopg are
missing. initdb and postgres refuse to run as root, so under root the server runs as
``nobody`` in a folder it owns.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from exporting.booth_data import milipol_stand
from openpyxl import load_workbook  # type: ignore[import-untyped]
from schema_helpers import downgrade_schema
from sqlalchemy import create_engine, inspect
from two_stations import (
    check_one_station_takes_the_old_draft,
    check_two_stations_keep_their_own_settings,
    race_on_one_badge,
)

from boothapp.core.db import SCHEMA_HEAD, Database, open_database
from boothapp.core.errors import StorageError
from boothapp.core.leads.counts import RatingTally
from boothapp.core.models import LeadSource, Rating
from boothapp.core.schemas import (
    EventInput,
    EventRow,
    LeadDetail,
    LeadFilter,
    LeadInput,
    ProductShown,
    QuestionRow,
    StaffRow,
)
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportRequest
from boothapp.core.show_time import zone

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]')")

# Debian keeps PostgreSQL's programs off PATH, in /usr/lib/postgresql/<version>/bin.
_SEARCH_PATH = (
    os.environ.get("PATH", ""),
    *sorted(
        (str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    ),
)


def _postgres_program(name: str) -> str | None:
    return shutil.which(name, path=os.pathsep.join(_SEARCH_PATH))


INITDB = _postgres_program("initdb")
PG_CTL = _postgres_program("pg_ctl")
if INITDB is None or PG_CTL is None:
    pytest.skip(
        "PostgreSQL's initdb and pg_ctl are not installed "
        "(scripts/install-system-packages.sh --with-test-tools)",
        allow_module_level=True,
    )

SERVER_USER = "nobody"
"""Who runs the server when the tests run as root (initdb and postgres refuse root)."""


@dataclass(frozen=True)
class Server:
    socket_folder: Path
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_folder}"


RUNUSER = shutil.which("runuser", path=os.pathsep.join((os.environ.get("PATH", ""), "/usr/sbin")))


def _run(command: list[str], as_user: str | None) -> None:
    if as_user is not None:
        assert RUNUSER is not None
        command = [RUNUSER, "-u", as_user, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A PostgreSQL server for this module: a fresh cluster, a unix socket, no TCP."""
    assert INITDB is not None and PG_CTL is not None
    as_user = SERVER_USER if os.geteuid() == 0 else None
    if as_user is not None and RUNUSER is None:
        pytest.skip("running as root, and runuser is missing to start PostgreSQL as another user")
    if as_user is None:
        folder = tmp_path_factory.mktemp("postgresql")
    else:
        # pytest's temporary folders are private to root; the server needs its own.
        folder = Path(tempfile.mkdtemp(prefix="boothapp-pg-"))
        shutil.chown(folder, user=as_user, group=None)
    data = folder / "data"
    log = folder / "server.log"
    user = as_user or "boothapp"
    try:
        _run(
            [INITDB, "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
            as_user,
        )
        options = f"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off"
        _run([PG_CTL, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"], as_user)
        try:
            yield Server(folder, user)
        finally:
            _run([PG_CTL, "-D", str(data), "-m", "immediate", "-w", "stop"], as_user)
    finally:
        if as_user is not None:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def database(server: Server) -> Iterator[Database]:
    """A database opened (and so migrated) on the server's empty ``postgres`` database."""
    opened = open_database(server.url("postgres"))
    try:
        yield opened
    finally:
        opened.close()


@dataclass(frozen=True)
class Booth:
    services: Services
    show: EventRow
    claire: StaffRow
    jonas: StaffRow
    question: QuestionRow
    zoe: LeadDetail
    li: LeadDetail
    yamada: LeadDetail
    old: LeadDetail


BEFORE = datetime(2023, 11, 13, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def booth(database: Database) -> Booth:
    """A show with two staff, three products, a question and four leads."""
    services = Services.over(database)
    show, claire, jonas = milipol_stand(services)
    question = services.events.add_question(
        show.id, "Cases needed", "single", ("1-10", "11-100", "100+")
    )
    zoe = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre",
            company="Thalès Défense",
            email="Zoe.Lefevre@thales.fr",
            phone="01 23 45 67 89",
            city="Élancourt",
            rating=Rating.HOT,
            follow_ups=("send_quote",),
            products=(ProductShown(sku="TC-6040", quantity=12, remark="Sand colour"),),
            answers={question.id: "11-100"},
            consent=True,
            note="Wants a quote for drone cases",
            badge_id="MIL-0001",
        ),
        event_id=show.id,
        staff_id=claire.id,
    )
    li = services.leads.create(
        LeadInput(
            first_name="伟",
            last_name="李",
            company="北京航空",
            email="li.wei@example.cn",
            rating="warm",
            products=(ProductShown(sku="RC-4U"),),
            note="对机架箱感兴趣",
        ),
        event_id=show.id,
        staff_id=jonas.id,
    )
    yamada = services.leads.create(
        LeadInput(first_name="太郎", last_name="山田", company="三菱重工", rating="cold"),
        event_id=show.id,
        staff_id=jonas.id,
    )
    old = services.leads.create(
        LeadInput(first_name="Hans", last_name="Müller", company="Rheinmetall", job_title="Buyer"),
        event_id=show.id,
        staff_id=claire.id,
        created_at=BEFORE,
    )
    return Booth(services, show, claire, jonas, question, zoe, li, yamada, old)


def new_database(server: Server, name: str) -> Database:
    """A new, empty database ``name`` on the server, opened (and so migrated)."""
    admin = create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return open_database(server.url(name))


def found_after_opening(server: Server, name: str, event_id: int, search: str) -> set[str]:
    """The ids of the leads of show ``event_id`` that ``search`` finds once boothapp has
    opened the database ``name`` again."""
    database = open_database(server.url(name))
    try:
        found = Services.over(database).leads.list(LeadFilter(event_id=event_id, search=search))
        return ids(found)
    finally:
        database.close()


def ids(rows: Any) -> set[str]:
    return {row.id for row in rows}


def test_migrations_create_the_schema(database: Database) -> None:
    assert not database.is_sqlite
    assert database.engine.dialect.name == "postgresql"
    with database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert {"events", "leads", "lead_products", "notes", "visits", "answers"} <= tables
    assert "lead_search" in tables
    assert revision == SCHEMA_HEAD


def test_opening_again_finds_the_schema_up_to_date(server: Server, booth: Booth) -> None:
    again = open_database(server.url("postgres"))
    try:
        assert [show.name for show in Services.over(again).events.list()] == [booth.show.name]
    finally:
        again.close()


def test_a_lead_is_stored_whole(booth: Booth) -> None:
    zoe = booth.services.leads.get(booth.zoe.id)
    assert (zoe.first_name, zoe.last_name, zoe.company) == ("Zoé", "Lefèvre", "Thalès Défense")
    assert zoe.email == "Zoe.Lefevre@thales.fr"
    assert zoe.phone == "+33123456789"
    assert zoe.rating == Rating.HOT
    assert zoe.follow_ups == ("send_quote",)
    assert [(p.sku, p.quantity, p.remark) for p in zoe.products] == [("TC-6040", 12, "Sand colour")]
    assert [(a.question, a.value) for a in zoe.answers] == [("Cases needed", "11-100")]
    assert [(n.staff, n.text) for n in zoe.notes] == [
        ("Claire Martin", "Wants a quote for drone cases")
    ]
    assert zoe.consent_given and zoe.consent_version == "2023-11"
    assert zoe.consent_staff == "Claire Martin"
    assert zoe.created_at == booth.zoe.created_at
    assert zoe.created_at.tzinfo is UTC
    assert [v.source for v in zoe.visits] == [LeadSource.MANUAL]
    li = booth.services.leads.get(booth.li.id)
    assert (li.first_name, li.last_name, li.company) == ("伟", "李", "北京航空")
    old = booth.services.leads.get(booth.old.id)
    assert old.created_at == BEFORE


def test_list_and_filters(booth: Booth) -> None:
    leads = booth.services.leads
    show = LeadFilter(event_id=booth.show.id)
    listed = leads.list(show)
    assert [row.id for row in listed] == [
        booth.yamada.id,
        booth.li.id,
        booth.zoe.id,
        booth.old.id,
    ]
    zoe = next(row for row in listed if row.id == booth.zoe.id)
    assert zoe.staff == "Claire Martin"
    assert zoe.rating == Rating.HOT
    assert zoe.source == LeadSource.MANUAL
    assert zoe.created_at == booth.zoe.created_at
    assert zoe.deleted_at is None
    by_staff = LeadFilter(event_id=booth.show.id, staff_id=booth.jonas.id)
    assert ids(leads.list(by_staff)) == {booth.li.id, booth.yamada.id}
    by_rating = LeadFilter(event_id=booth.show.id, rating=Rating.WARM)
    assert ids(leads.list(by_rating)) == {booth.li.id}
    by_product = LeadFilter(event_id=booth.show.id, product_sku="RC-4U")
    assert ids(leads.list(by_product)) == {booth.li.id}
    by_date = LeadFilter(
        event_id=booth.show.id,
        created_from=BEFORE - timedelta(hours=1),
        created_to=BEFORE + timedelta(hours=1),
    )
    assert ids(leads.list(by_date)) == {booth.old.id}
    sorted_by_name = leads.list(show, order_by="last_name", descending=False)
    assert [row.last_name for row in sorted_by_name][:2] == ["Lefèvre", "Müller"]
    assert [row.id for row in leads.list(show, offset=1, limit=2)] == [booth.li.id, booth.zoe.id]
    assert leads.list(LeadFilter(event_id=booth.show.id + 1000)) == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lefèvre", {"zoe"}),
        ("LEFÈVRE zoé", {"zoe"}),
        ("lefevre", {"zoe"}),
        ("LEFEVRE ZOE", {"zoe"}),
        ("thales defense", {"zoe"}),
        ("muller", {"old"}),
        ("MÜLLER", {"old"}),
        ("ｍｕｌｌｅｒ", {"old"}),
        ("zo_", set()),
        ("thalès", {"zoe"}),
        ("drone", {"zoe"}),
        ("李伟", {"li"}),
        ("李", {"li"}),
        ("机架箱", {"li"}),
        ("山田太郎", {"yamada"}),
        ("müller", {"old"}),
        ("MIL-0001", {"zoe"}),
        ("buyer", {"old"}),
        ("nobody-here", set()),
    ],
)
def test_search(booth: Booth, typed: str, expected: set[str]) -> None:
    leads = booth.services.leads
    found = leads.list(LeadFilter(event_id=booth.show.id, search=typed))
    assert ids(found) == {getattr(booth, name).id for name in expected}
    assert leads.count(LeadFilter(event_id=booth.show.id, search=typed)) == len(expected)


def test_count(booth: Booth) -> None:
    leads = booth.services.leads
    assert leads.count(LeadFilter(event_id=booth.show.id)) == 4
    assert leads.count(LeadFilter(event_id=booth.show.id, staff_id=booth.claire.id)) == 2
    assert leads.count(LeadFilter(event_id=booth.show.id, product_sku="TC-6040")) == 1
    assert leads.count(LeadFilter(event_id=booth.show.id, search="zoé", rating=Rating.HOT)) == 1
    assert leads.count(LeadFilter(event_id=booth.show.id, search="zoé", rating=Rating.COLD)) == 0


def test_the_counting_service_counts_by_local_day_staff_product_and_rating(booth: Booth) -> None:
    show = booth.show.id
    figures = booth.services.counts.figures(LeadFilter(event_id=show), "Europe/Paris")
    assert figures.ratings == RatingTally(hot=1, warm=1, cold=1, unrated=1)
    assert {name: tally.total for name, tally in figures.staff.items()} == {
        "Claire Martin": 2,
        "Jonas Weber": 2,
    }
    assert [(p.sku, p.leads, p.hot) for p in figures.products] == [
        ("RC-4U", 1, 0),
        ("TC-6040", 1, 1),
    ]
    paris = zone("Europe/Paris")
    listed = booth.services.leads.list(LeadFilter(event_id=show), limit=None)
    days = Counter(row.created_at.astimezone(paris).date() for row in listed)
    assert {day: tally.total for day, tally in figures.days.items()} == dict(days)
    status = booth.services.counts.status(booth.show, booth.claire.id, search="zoé")
    assert (status.matching, status.in_show) == (1, 4)


def test_find_duplicates_by_email_and_badge(booth: Booth) -> None:
    leads = booth.services.leads
    by_email = leads.find_duplicates(booth.show.id, email="ZOE.LEFEVRE@thales.FR")
    assert [row.id for row in by_email] == [booth.zoe.id]
    assert by_email[0].rating == Rating.HOT and by_email[0].staff == "Claire Martin"
    by_badge = leads.find_duplicates(booth.show.id, badge_id="MIL-0001")
    assert [row.id for row in by_badge] == [booth.zoe.id]
    both = leads.find_duplicates(booth.show.id, email="li.wei@example.cn", badge_id="MIL-0001")
    assert [row.id for row in both] == [booth.zoe.id, booth.li.id]
    assert (
        leads.find_duplicates(booth.show.id, email="zoe.lefevre@thales.fr", exclude_id=booth.zoe.id)
        == []
    )


def test_update_note_and_visit(booth: Booth) -> None:
    leads = booth.services.leads
    updated = leads.update(
        booth.yamada.id,
        LeadInput(
            first_name="太郎",
            last_name="山田",
            company="三菱重工業",
            job_title="調達部長",
            rating="hot",
            products=(ProductShown(sku="ACC-FOAM", quantity=3), ProductShown(sku="RC-4U")),
            answers={booth.question.id: "100+"},
            note="ラック 20台",
        ),
        staff_id=booth.claire.id,
    )
    assert updated.company == "三菱重工業" and updated.rating == Rating.HOT
    assert [(p.sku, p.quantity) for p in updated.products] == [("ACC-FOAM", 3), ("RC-4U", None)]
    note = leads.add_note(booth.yamada.id, "Sent the catalogue — à relancer", booth.jonas.id)
    assert note.staff == "Jonas Weber" and note.text == "Sent the catalogue — à relancer"
    visit = leads.record_visit(booth.yamada.id, booth.jonas.id, source="badge")
    assert visit.staff == "Jonas Weber" and visit.source == LeadSource.BADGE
    stored = leads.get(booth.yamada.id)
    assert stored.job_title == "調達部長"
    assert [n.text for n in stored.notes] == ["ラック 20台", "Sent the catalogue — à relancer"]
    assert [v.source for v in stored.visits] == [LeadSource.MANUAL, LeadSource.BADGE]
    assert [(a.question, a.value) for a in stored.answers] == [("Cases needed", "100+")]
    assert stored.updated_at >= note.at
    show = booth.show.id
    assert ids(leads.list(LeadFilter(event_id=show, search="三菱重工業"))) == {booth.yamada.id}
    assert ids(leads.list(LeadFilter(event_id=show, search="relancer"))) == {booth.yamada.id}
    assert ids(leads.list(LeadFilter(event_id=show, product_sku="RC-4U"))) == {
        booth.li.id,
        booth.yamada.id,
    }
    # Put it back as the other tests expect it.
    leads.update(
        booth.yamada.id,
        LeadInput(first_name="太郎", last_name="山田", company="三菱重工", rating="cold"),
        staff_id=booth.jonas.id,
    )
    assert leads.list(LeadFilter(event_id=show, search="三菱重工業")) == []
    assert ids(leads.list(LeadFilter(event_id=show, search="三菱重工"))) == {booth.yamada.id}


def test_soft_delete_and_restore(booth: Booth) -> None:
    leads = booth.services.leads
    show = booth.show.id
    leads.delete(booth.old.id)
    assert booth.old.id not in ids(leads.list(LeadFilter(event_id=show)))
    assert leads.count(LeadFilter(event_id=show)) == 3
    assert leads.list(LeadFilter(event_id=show, search="müller")) == []
    deleted = leads.list(LeadFilter(event_id=show, deleted=True))
    assert [row.id for row in deleted] == [booth.old.id]
    assert deleted[0].deleted_at is not None and deleted[0].deleted_at.tzinfo is UTC
    assert ids(leads.list(LeadFilter(event_id=show, deleted=True, search="müller"))) == {
        booth.old.id
    }
    assert leads.count(LeadFilter(event_id=show, deleted=True, search="müller")) == 1
    leads.restore(booth.old.id)
    assert leads.get(booth.old.id).deleted_at is None
    assert leads.count(LeadFilter(event_id=show)) == 4
    assert ids(leads.list(LeadFilter(event_id=show, search="müller"))) == {booth.old.id}


def test_badge_scans(booth: Booth) -> None:
    vcard = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Dubois;Amélie\nFN:Amélie Dubois\nORG:Safran\n"
        "TITLE:Acheteuse\nEMAIL:amelie.dubois@safran.fr\nEND:VCARD"
    )
    scans = booth.services.scans
    first = scans.scan(
        vcard,
        event_id=booth.show.id,
        staff_id=booth.jonas.id,
        products=(ProductShown(sku="TC-6040"),),
        rating="warm",
    )
    assert first.outcome == "new" and first.visit_number == 1
    assert first.message == "Amélie Dubois — new lead"
    again = scans.scan(vcard, event_id=booth.show.id, staff_id=booth.claire.id)
    assert again.outcome == "returning" and again.visit_number == 2
    assert again.lead.id == first.lead.id
    lead = booth.services.leads.get(first.lead.id)
    assert (lead.first_name, lead.last_name, lead.company) == ("Amélie", "Dubois", "Safran")
    assert lead.badge_format == "vcard" and lead.badge_raw == vcard
    assert lead.source == LeadSource.BADGE
    assert [v.staff for v in lead.visits] == ["Jonas Weber", "Claire Martin"]
    unreadable = scans.scan("?? 4711 ??", event_id=booth.show.id, staff_id=booth.jonas.id)
    assert unreadable.outcome == "pending"
    assert [row.id for row in scans.pending(booth.show.id)] == [unreadable.lead.id]
    assert (
        booth.services.leads.find_duplicates(booth.show.id, email="AMELIE.DUBOIS@safran.fr")[0].id
        == first.lead.id
    )
    for lead_id in (first.lead.id, unreadable.lead.id):
        booth.services.leads.delete(lead_id)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_exports_read_back(booth: Booth, tmp_path: Path) -> None:
    exports = booth.services.exports
    request = ExportRequest(
        tmp_path / "leads.xlsx",
        lead_filter=LeadFilter(event_id=booth.show.id),
        staff_id=booth.claire.id,
    )
    assert exports.count(request) == 4
    not_exported = replace(request, path=tmp_path / "new.csv", since_last_export=True)
    assert exports.count(not_exported) == 4
    result = exports.export(request)
    assert result.format == "xlsx" and result.count == 4
    assert exports.count(not_exported) == 0
    assert exports.export(not_exported).count == 0
    workbook = load_workbook(result.path)
    assert workbook.sheetnames == ["Leads", "Summary", "Notes", "Visits", "Follow-ups"]
    follow_ups = [row[:9] for row in workbook["Follow-ups"].iter_rows(min_row=2, values_only=True)]
    assert [(row[0], row[5], row[6], row[8]) for row in follow_ups] == [
        (booth.zoe.id, "Send quote", "To do", "Claire Martin")
    ]
    sheet = workbook["Leads"]
    header = [cell.value for cell in sheet[1]]
    records = {
        row[header.index("Lead ID")]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert set(records) == {booth.zoe.id, booth.li.id, booth.yamada.id, booth.old.id}
    zoe = records[booth.zoe.id]
    assert (zoe["First name"], zoe["Last name"], zoe["Company"]) == (
        "Zoé",
        "Lefèvre",
        "Thalès Défense",
    )
    assert zoe["Staff"] == "Claire Martin"
    assert zoe["Rating"] == "Hot"
    assert zoe["Transit case 60x40"] == 12
    assert zoe["Cases needed"] == "11-100"
    assert "Wants a quote for drone cases" in zoe["Notes"]
    assert records[booth.li.id]["Company"] == "北京航空"
    assert records[booth.yamada.id]["Last name"] == "山田"

    csv_result = exports.export(
        ExportRequest(
            tmp_path / "leads.csv",
            lead_filter=LeadFilter(event_id=booth.show.id, rating=Rating.WARM),
            staff_id=booth.claire.id,
        )
    )
    assert csv_result.format == "csv" and csv_result.count == 1
    rows = read_csv(csv_result.path)
    assert [(row["First name"], row["Last name"], row["Company"]) for row in rows] == [
        ("伟", "李", "北京航空")
    ]
    assert rows[0]["Notes"].endswith("对机架箱感兴趣")
    assert rows[0]["Products shown"] == "Rack case 4U (RC-4U)"
    history = exports.history(booth.show.id)
    assert [(record.format, record.lead_count) for record in history] == [
        ("csv", 1),
        ("csv", 0),
        ("xlsx", 4),
    ]
    assert history[0].staff == "Claire Martin"


def test_two_laptops_saving_at_the_same_moment_both_save(database: Database, booth: Booth) -> None:
    """Each save holds the server's write lock, so two saves into one show in the same
    millisecond cannot take the same search rowid."""
    show = booth.services.events.create(EventInput(name="Eurosatory 2024"))
    laptops = [open_database(database.target.url) for _ in range(2)]
    moment = datetime(2024, 6, 17, 9, 0, tzinfo=UTC)
    together = threading.Barrier(2)
    saved: list[list[str]] = [[], []]
    failures: list[BaseException] = []

    def save(laptop: int) -> None:
        leads = Services.over(laptops[laptop]).leads
        try:
            for n in range(15):
                together.wait(timeout=30)
                lead = leads.create(
                    LeadInput(first_name=f"Laptop {laptop}", last_name=f"Visitor {n}"),
                    event_id=show.id,
                    created_at=moment,
                )
                saved[laptop].append(lead.id)
        except BaseException as exc:  # reported below, from the test's thread
            failures.append(exc)
            together.abort()

    threads = [threading.Thread(target=save, args=(laptop,)) for laptop in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for laptop in laptops:
        laptop.close()
    assert failures == []
    assert len(saved[0]) == len(saved[1]) == 15
    listed = booth.services.leads.list(LeadFilter(event_id=show.id), limit=None)
    assert {row.id for row in listed} == set(saved[0]) | set(saved[1])


def test_upgrading_fills_the_search_table_for_the_leads_already_stored(server: Server) -> None:
    """A server database made before the search table had one (0007) is searchable
    with and without accents once boothapp opens it again."""
    database = new_database(server, "upgrading")
    try:
        services = Services.over(database)
        show, claire, _jonas = milipol_stand(services)
        zoe = services.leads.create(
            LeadInput(first_name="Zoé", last_name="Lefèvre", company="Thalès", note="Drône"),
            event_id=show.id,
            staff_id=claire.id,
        )
        services.leads.create(
            LeadInput(first_name="Hans", last_name="Müller"), event_id=show.id, staff_id=claire.id
        )
        downgrade_schema(database, "0007_search_rowids_by_show")
        with database.engine.connect() as connection:
            assert "lead_search" not in inspect(connection).get_table_names()
    finally:
        database.close()
    assert found_after_opening(server, "upgrading", show.id, "lefevre drone") == {zoe.id}
    assert len(found_after_opening(server, "upgrading", show.id, "MULLER")) == 1


def test_two_laptops_keep_their_own_show_staff_draft_and_scanner_layout(
    database: Database,
) -> None:
    check_two_stations_keep_their_own_settings(database)


def test_only_one_laptop_takes_the_old_draft_when_both_start_together(
    database: Database,
) -> None:
    check_one_station_takes_the_old_draft(database, rounds=5)


def test_leads_an_older_laptop_saved_unindexed_are_indexed_at_the_next_start(
    server: Server,
) -> None:
    """A laptop still running a version without the search table saves a lead after
    the server was upgraded: the next boothapp to open the database indexes it."""
    database = new_database(server, "mixed_versions")
    try:
        services = Services.over(database)
        show, claire, _jonas = milipol_stand(services)
        zoe = services.leads.create(
            LeadInput(first_name="Zoé", last_name="Lefèvre", note="Drône"),
            event_id=show.id,
            staff_id=claire.id,
        )
        with database.engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM lead_search")
        assert services.leads.count(LeadFilter(event_id=show.id, search="lefevre")) == 0
    finally:
        database.close()
    assert found_after_opening(server, "mixed_versions", show.id, "lefevre drone") == {zoe.id}


def test_a_database_missing_on_the_server_is_a_clear_error(server: Server) -> None:
    with pytest.raises(StorageError, match="nosuchdb"):
        open_database(server.url("nosuchdb"))


def test_a_save_on_another_laptop_moves_the_shows_change_stamp(
    server: Server, booth: Booth
) -> None:
    services = booth.services
    before = services.counts.change_stamp(booth.show.id)
    other = open_database(server.url("postgres"))
    try:
        lead = Services.over(other, station_id="laptop-b").leads.create(
            LeadInput(first_name="Jonas", company="Müller GmbH"), booth.show.id
        )
        after_create = services.counts.change_stamp(booth.show.id)
        Services.over(other, station_id="laptop-b").leads.delete(lead.id)
        after_delete = services.counts.change_stamp(booth.show.id)
    finally:
        other.close()
    assert before != after_create != after_delete
    assert after_create[0] == before[0] + 1


def test_two_laptops_racing_on_one_badge_make_one_lead_on_the_server(server: Server) -> None:
    """The look-up and the insert of two scans of one badge at the same moment, on two
    laptops' connections: the younger lead is folded into the older one."""
    laptops = [
        Services.over(open_database(server.url("postgres")), station_id=f"race-{n}") for n in (1, 2)
    ]
    try:
        show = laptops[0].events.create(EventInput(name="Race on the server"))
        race_on_one_badge(laptops, show.id, rounds=15)
    finally:
        for laptop in laptops:
            laptop.database.close()

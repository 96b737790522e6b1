"""LeadTableModel: Qt's model contract, lazy pages, sorting, roles, text as given."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from boothapp.core.db import open_database
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.gui.models.lead_table import (
    LEAD_ID_ROLE,
    PAGE_SIZE,
    Column,
    LeadTableModel,
    rating_colour,
)

TOTAL = 2 * PAGE_SIZE + 50
T0 = datetime(2025, 11, 18, 8, 0, tzinfo=UTC)


@pytest.fixture
def show(services: Services) -> EventRow:
    return services.events.create(EventInput(name="Milipol Paris", timezone="Europe/Paris"))


@pytest.fixture(scope="module")
def many_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with one show and ``TOTAL`` leads, one a minute from ``T0``
    (Lead 000 is the oldest); made once, since every save waits for the disk."""
    path = tmp_path_factory.mktemp("many") / "boothapp.sqlite3"
    database = open_database(path)
    try:
        services = Services.over(database)
        show = services.events.create(EventInput(name="Milipol Paris", timezone="Europe/Paris"))
        ratings = ("hot", "warm", "cold", None)
        for i in range(TOTAL):
            services.leads.create(
                LeadInput(
                    first_name="Lead",
                    last_name=f"{i:03d}",
                    company=f"Company {i % 7}",
                    email=f"lead{i:03d}@example.com",
                    rating=ratings[i % 4],
                    country="FR",
                ),
                event_id=show.id,
                created_at=T0 + timedelta(minutes=i),
            )
    finally:
        database.close()
    return path


@pytest.fixture
def many_services(many_template: Path, tmp_path: Path) -> Iterator[Services]:
    """Services over a private copy of ``many_template``."""
    path = tmp_path / "many.sqlite3"
    shutil.copyfile(many_template, path)
    database = open_database(path)
    try:
        yield Services.over(database)
    finally:
        database.close()


@pytest.fixture
def many(many_services: Services) -> EventRow:
    show = many_services.events.active()
    assert show is not None
    return show


def names(model: LeadTableModel) -> list[str]:
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def test_model_passes_the_model_tester_empty(
    qtmodeltester: ModelTester, many_services: Services
) -> None:
    model = LeadTableModel(many_services.leads, "Europe/Paris")
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_model_passes_the_model_tester_through_every_page(
    qtmodeltester: ModelTester, many_services: Services, many: EventRow, force_py: bool
) -> None:
    model = LeadTableModel(many_services.leads, "Europe/Paris")
    model.set_filter(LeadFilter(event_id=many.id))
    assert model.rowCount() == PAGE_SIZE
    assert model.total() == TOTAL
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.canFetchMore(QModelIndex())

    qtmodeltester.check(model, force_py=force_py)  # also fetches; watches every change
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())

    assert model.rowCount() == TOTAL
    shown = names(model)
    assert len(set(shown)) == TOTAL
    assert shown[0] == f"Lead {TOTAL - 1:03d}"  # newest first
    assert shown[-1] == "Lead 000"


def test_model_tester_watches_resets_fetches_and_removals(
    qtmodeltester: ModelTester, many_services: Services, many: EventRow
) -> None:
    model = LeadTableModel(many_services.leads, "Europe/Paris")
    model.set_filter(LeadFilter(event_id=many.id))
    qtmodeltester.check(model)  # keeps watching the signals from here on

    model.fetchMore(QModelIndex())
    model.sort(Column.EMAIL, Qt.SortOrder.AscendingOrder)
    model.set_filter(LeadFilter(event_id=many.id, search="lead001"))
    model.set_filter(LeadFilter(event_id=many.id))
    lead_id = model.lead_at(3).id
    many_services.leads.delete(lead_id)
    assert model.remove_lead(lead_id)
    model.set_timezone("Asia/Tokyo")
    model.reload(keep_loaded=True)

    assert model.row_of(lead_id) is None
    assert model.total() == TOTAL - 1


def test_fetching_stops_when_leads_were_deleted_meanwhile(
    many_services: Services, many: EventRow
) -> None:
    model = LeadTableModel(many_services.leads)
    model.set_filter(LeadFilter(event_id=many.id))
    for row in model.lead_at(0), model.lead_at(1):
        many_services.leads.delete(row.id)
    last_page = many_services.leads.list(LeadFilter(event_id=many.id), offset=2 * PAGE_SIZE)
    for row in last_page:
        many_services.leads.delete(row.id)

    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())

    assert model.total() == model.rowCount()
    assert len({model.lead_at(r).id for r in range(model.rowCount())}) == model.rowCount()


def test_sorting_reloads_from_the_database(many_services: Services, many: EventRow) -> None:
    model = LeadTableModel(many_services.leads)
    model.set_filter(LeadFilter(event_id=many.id))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.sort(Column.CAPTURED_AT, Qt.SortOrder.AscendingOrder)
    assert names(model)[:2] == ["Lead 000", "Lead 001"]
    assert model.rowCount() == PAGE_SIZE

    model.sort(Column.EMAIL, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Column.EMAIL).data() == f"lead{TOTAL - 1:03d}@example.com"

    model.sort(Column.STAFF, Qt.SortOrder.AscendingOrder)  # not sortable: ignored
    model.sort(Column.EMAIL, Qt.SortOrder.DescendingOrder)  # unchanged: no reload
    assert model.sort_column == Column.EMAIL
    assert len(resets) == 2


def test_search_filter_and_no_filter(many_services: Services, many: EventRow) -> None:
    model = LeadTableModel(many_services.leads)

    model.set_filter(LeadFilter(event_id=many.id, search="lead042"))
    assert names(model) == ["Lead 042"]
    assert model.total() == 1
    assert not model.canFetchMore(QModelIndex())

    model.set_filter(LeadFilter(event_id=many.id, search="nothing-like-this"))
    assert model.rowCount() == 0
    assert model.total() == 0

    model.set_filter(None)
    assert model.rowCount() == 0
    assert model.lead_filter is None


def test_cells_roles_and_time_zone(qtbot: QtBot, services: Services, show: EventRow) -> None:
    staff = services.staff.create("Anna Schmidt")
    lead = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre",
            company="Thales",
            job_title="Buyer",
            email="zoe@thales.example",
            country="FR",
            city="Lyon",
            rating="hot",
            source="badge",
        ),
        event_id=show.id,
        staff_id=staff.id,
        created_at=datetime(2025, 11, 18, 13, 5, tzinfo=UTC),
    )
    model = LeadTableModel(services.leads, "Europe/Paris")
    model.set_filter(LeadFilter(event_id=show.id))

    row = [model.index(0, c).data() for c in Column]
    assert row == [
        "2025-11-18 14:05",
        "Zoé Lefèvre",
        "Thales",
        "Buyer",
        "zoe@thales.example",
        "France",
        "Lyon",
        "Hot",
        "Anna Schmidt",
        "Badge scan",
    ]
    assert model.index(0, Column.NAME).data(LEAD_ID_ROLE) == lead.id
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.ToolTipRole) == (
        "Zoé Lefèvre\nzoe@thales.example"
    )
    assert model.index(0, Column.EMAIL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Zoé Lefèvre\nzoe@thales.example"
    )
    colour = model.index(0, Column.RATING).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor)
    assert colour == rating_colour(lead.rating)  # type: ignore[arg-type]
    assert colour.red() > colour.blue()
    assert isinstance(model.index(0, Column.RATING).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(Column.RATING, Qt.Orientation.Horizontal) == "Rating"

    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append(first.column()))
    model.set_timezone("Asia/Tokyo")
    assert changed == [Column.CAPTURED_AT]
    assert model.index(0, Column.CAPTURED_AT).data() == "2025-11-18 22:05"


def test_right_to_left_and_cjk_text_is_shown_as_given(services: Services, show: EventRow) -> None:
    people = [
        ("محمد", "العلي", "شركة الخليج للتقنية", "دبي"),
        ("太郎", "山田", "山田精機株式会社", "東京都"),
        ("Zoé", "Lefèvre", "Société Générale d’Équipement", "Saint-Étienne"),
        ("Ольга", "Иванова", "ООО «Ромашка»", "Санкт-Петербург"),
        ("שרה", "כהן", "אלביט מערכות", "חיפה"),
    ]
    for first, last, company, city in people:
        services.leads.create(
            LeadInput(first_name=first, last_name=last, company=company, city=city),
            event_id=show.id,
        )
    model = LeadTableModel(services.leads)
    model.set_filter(LeadFilter(event_id=show.id))

    shown = {
        (
            model.index(r, Column.NAME).data(),
            model.index(r, Column.COMPANY).data(),
            model.index(r, Column.CITY).data(),
        )
        for r in range(model.rowCount())
    }
    family_name_first = {"山田"}
    assert shown == {
        (f"{last} {f}" if last in family_name_first else f"{f} {last}", company, city)
        for f, last, company, city in people
    }

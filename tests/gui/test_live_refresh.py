"""Leads saved by another laptop on the same database appear in the window without a
refresh, and nothing the person at this laptop is doing moves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from boothapp.core.db import Database, open_database
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.gui.main_window import MainWindow


@pytest.fixture
def other_laptop(database: Database) -> Iterator[Services]:
    """Services on the same database as another laptop has them (its own connections
    and station)."""
    assert database.target.path is not None
    other = open_database(database.target.path)
    try:
        yield Services.over(other, station_id="laptop-b")
    finally:
        other.close()


def _listed_ids(window: MainWindow) -> list[str]:
    model = window.model
    return [model.lead_at(row).id for row in range(model.rowCount())]


def test_another_laptops_leads_appear_without_moving_the_selection_or_the_form(
    qtbot: QtBot, services: Services, show: int, other_laptop: Services, window: MainWindow
) -> None:
    window.live_refresh.stop()
    here = [services.leads.create(LeadInput(first_name=f"Visitor {n}"), show) for n in range(3)]
    window.refresh()
    assert window.lead_list.select_lead(here[1].id)
    form = window.capture.view.edits["first_name"]
    form.setText("Zo")
    window.live_refresh.poll()
    assert len(_listed_ids(window)) == 3

    theirs = other_laptop.leads.create(LeadInput(first_name="Jonas", company="Müller GmbH"), show)
    window.live_refresh.poll()

    assert theirs.id in _listed_ids(window)
    assert window.lead_list.selected_lead_id() == here[1].id
    assert form.text() == "Zo"
    assert window.show_total_label.text() == "In the show: 4"


def test_an_edit_and_a_delete_elsewhere_show_too(
    services: Services, show: int, other_laptop: Services, window: MainWindow
) -> None:
    window.live_refresh.stop()
    kept = services.leads.create(LeadInput(first_name="Anna", company="Thales"), show)
    gone = services.leads.create(LeadInput(first_name="Ben"), show)
    window.refresh()
    window.live_refresh.poll()

    other_laptop.leads.update(kept.id, LeadInput(first_name="Anna", company="Safran"))
    window.live_refresh.poll()
    row = window.model.row_of(kept.id)
    assert row is not None and window.model.lead_at(row).company == "Safran"

    other_laptop.leads.delete(gone.id)
    window.live_refresh.poll()
    assert _listed_ids(window) == [kept.id]


def test_a_visit_recorded_elsewhere_moves_the_stamp(
    services: Services, show: int, other_laptop: Services
) -> None:
    lead = services.leads.create(LeadInput(first_name="Anna"), show)
    before = services.counts.change_stamp(show)
    assert services.counts.change_stamp(show) == before
    other_laptop.leads.record_visit(lead.id)
    assert services.counts.change_stamp(show) != before


def test_the_window_polls_on_its_own(
    qtbot: QtBot, services: Services, show: int, other_laptop: Services, window: MainWindow
) -> None:
    window.live_refresh.timer.setInterval(50)
    window.live_refresh.start()
    theirs = other_laptop.leads.create(LeadInput(first_name="Jonas"), show)
    qtbot.waitUntil(lambda: theirs.id in _listed_ids(window), timeout=5000)

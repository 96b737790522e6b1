"""The dashboard: counts per rating, staff, day and product, and the charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from gui_helpers import Booth

from boothapp.core.services import Services
from boothapp.gui.dashboard import NO_STAFF, compute_dashboard
from boothapp.gui.formatting import zone
from boothapp.gui.main_window import MainWindow


def test_the_counts_are_right(booth: Booth, services: Services) -> None:
    data = compute_dashboard(services, booth.show.id, "Europe/Paris")
    assert data.total == 7
    assert data.per_rating == {"Hot": 2, "Warm": 2, "Cold": 2, "Not rated": 1}
    assert data.per_staff == {"Anna Schmidt": 5, "Ben Okafor": 2}
    assert NO_STAFF not in data.per_staff
    assert sum(data.per_day.values()) == 7
    tz = zone("Europe/Paris")
    today = datetime.now(tz).date()
    assert data.per_day[(today - timedelta(days=3)).isoformat()] == 2
    assert sum(data.per_hour_today.values()) == data.per_day[today.isoformat()]
    assert data.per_product == {"Transit case 60x40": 1}


def test_an_empty_show_counts_nothing(services: Services) -> None:
    from boothapp.core.schemas import EventInput

    show = services.events.create(EventInput(name="Eurosatory", country="FR"))
    data = compute_dashboard(services, show.id, "UTC")
    assert data.total == 0
    assert data.per_hour_today == {}
    assert data.per_rating == {"Hot": 0, "Warm": 0, "Cold": 0}


def test_the_dock_draws_the_counts(make_window: Callable[[], MainWindow], booth: Booth) -> None:
    window = make_window()
    assert not window.dashboard_dock.isVisible()
    window.dashboard_action.trigger()
    assert window.dashboard_dock.isVisible()
    window.dashboard.update_now()
    data = window.dashboard.data
    assert data is not None and data.total == 7
    assert window.dashboard.total_label.text() == "7 leads at this show"
    assert window.dashboard.charts["per_rating"].values == data.per_rating
    assert window.dashboard.charts["per_staff"].values == {"Anna Schmidt": 5, "Ben Okafor": 2}

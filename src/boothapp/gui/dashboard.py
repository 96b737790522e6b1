"""The dashboard: bar charts of a show's leads per hour, day, staff member, product
and rating. :func:`compute_dashboard` counts (no Qt); :class:`Dashboard` draws."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from boothapp.core.models import Rating
from boothapp.core.schemas import LeadFilter
from boothapp.core.services import Services
from boothapp.gui.formatting import RATING_LABELS, zone
from boothapp.gui.tasks import TaskRunner

REFRESH_DELAY_MS = 1000
NO_STAFF = "(nobody)"
NO_RATING = "Not rated"


@dataclass(frozen=True)
class DashboardData:
    """Lead counts of one show; each mapping is label -> count, in display order."""

    total: int = 0
    per_hour_today: dict[str, int] = field(default_factory=dict)
    per_day: dict[str, int] = field(default_factory=dict)
    per_staff: dict[str, int] = field(default_factory=dict)
    per_product: dict[str, int] = field(default_factory=dict)
    per_rating: dict[str, int] = field(default_factory=dict)


def compute_dashboard(
    services: Services, event_id: int, timezone: str, now: datetime | None = None
) -> DashboardData:
    """Counts the leads of ``event_id``; days and hours are those of ``timezone``."""
    tz = zone(timezone)
    today = (now or datetime.now(UTC)).astimezone(tz).date()
    rows = services.leads.list(LeadFilter(event_id=event_id), limit=None)
    hours: Counter[int] = Counter()
    days: Counter[str] = Counter()
    staff: Counter[str] = Counter()
    ratings: Counter[str] = Counter()
    for row in rows:
        local = row.created_at.astimezone(tz)
        days[local.date().isoformat()] += 1
        if local.date() == today:
            hours[local.hour] += 1
        staff[row.staff or NO_STAFF] += 1
        ratings[RATING_LABELS[row.rating] if row.rating is not None else NO_RATING] += 1
    per_hour: dict[str, int] = {}
    if hours:
        for hour in range(min(hours), max(hours) + 1):
            per_hour[f"{hour:02d}:00"] = hours[hour]
    per_product: dict[str, int] = {}
    products = services.products.list(event_id=event_id, include_inactive=True)
    for product in products or services.products.list(include_inactive=True):
        counted = services.leads.count(LeadFilter(event_id=event_id, product_sku=product.sku))
        if counted:
            per_product[product.name] = counted
    rating_order = [RATING_LABELS[r] for r in (Rating.HOT, Rating.WARM, Rating.COLD)]
    per_rating = {label: ratings[label] for label in rating_order}
    if ratings[NO_RATING]:
        per_rating[NO_RATING] = ratings[NO_RATING]
    return DashboardData(
        total=len(rows),
        per_hour_today=per_hour,
        per_day=dict(sorted(days.items())),
        per_staff=dict(sorted(staff.items(), key=lambda item: (-item[1], item[0]))),
        per_product=dict(sorted(per_product.items(), key=lambda item: (-item[1], item[0]))),
        per_rating=per_rating,
    )


class BarChart(QChartView):
    """One titled bar chart of label -> count."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 200)
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setVisible(False)
        self.setChart(chart)
        self.values: dict[str, int] = {}

    def set_values(self, values: dict[str, int]) -> None:
        """Replaces the bars."""
        self.values = dict(values)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("Leads")
        bars.append([float(value) for value in values.values()])
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(values) or [""])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, max([1, *values.values()]))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(counts)


class Dashboard(QWidget):
    """Charts of the active show's leads, counted off the UI thread.

    :meth:`schedule` asks for a new count within a second (several requests make one);
    nothing is counted while the dashboard is hidden, and it counts when shown."""

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.event_id: int | None = None
        self.timezone = "UTC"
        self.data: DashboardData | None = None
        self._wanted = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.update_now)
        self.total_label = QLabel()
        self.total_label.setObjectName("dashboardTotal")
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.charts = {
            "per_hour_today": BarChart("Leads per hour today"),
            "per_day": BarChart("Leads per day"),
            "per_staff": BarChart("Leads per staff member"),
            "per_product": BarChart("Leads per product"),
            "per_rating": BarChart("Hot, warm and cold"),
        }
        grid = QGridLayout()
        for index, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total_label)
        layout.addLayout(grid, 1)

    def set_show(self, event_id: int | None, timezone: str = "UTC") -> None:
        """Follows another show (None: no show) and counts again soon."""
        self.event_id = event_id
        self.timezone = timezone
        self.schedule()

    def schedule(self) -> None:
        """Counts again within a second."""
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.schedule()

    @Slot()
    def update_now(self) -> None:
        """Counts the leads off the UI thread now (if the dashboard is on screen)."""
        self._timer.stop()
        if not self.isVisible():
            return
        event_id = self.event_id
        self._wanted += 1
        generation = self._wanted
        if event_id is None:
            self._show(generation, DashboardData())
            return
        services, timezone = self.services, self.timezone
        self.runner.run(
            lambda: compute_dashboard(services, event_id, timezone),
            on_result=lambda data: self._show(generation, data),
        )

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._wanted:
            return
        self.data = data
        self.total_label.setText(f"{data.total} lead{'' if data.total == 1 else 's'} at this show")
        for name, chart in self.charts.items():
            chart.set_values(getattr(data, name))

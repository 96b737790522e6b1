"""The dashboard: bar charts of a show's leads per hour, day, staff member, product
and rating. :func:`compute_dashboard` counts (no Qt); :class:`Dashboard` draws."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QMargins,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from boothapp.core.errors import BoothError
from boothapp.core.schemas import LeadFilter
from boothapp.core.services import Services
from boothapp.core.vocabulary import NO_STAFF_LABEL, NOT_RATED_LABEL, RATING_LABELS, Rating
from boothapp.gui.i18n import QT_TRANSLATE_NOOP, translate
from boothapp.gui.palette import rating_colour
from boothapp.gui.tasks import TaskRunner
from boothapp.gui.views.main_view import ListMessageView
from boothapp.gui.vocabulary_text import vocabulary

REFRESH_DELAY_MS = 1000
# Translated where shown: translate("dashboard", TEXT).
EMPTY_SHOW = QT_TRANSLATE_NOOP("dashboard", "No leads yet for this show")
NO_SHOW = QT_TRANSLATE_NOOP("dashboard", "No show is open")
CHART_HEIGHT = 220
CHART_WIDTH = 260
TITLE_AND_AXIS_HEIGHT = 80
BAR_HEIGHT = 24
LABEL_SHARE = 0.4
LABEL_MARGIN = 24
WIDE_LAYOUT = 1000
MOST_STEPS = 6


@dataclass(frozen=True)
class DashboardData:
    """Lead counts of one show; each mapping is label -> count, in display order (the
    labels in the window's language)."""

    total: int = 0
    per_hour_today: dict[str, int] = field(default_factory=dict)
    per_day: dict[str, int] = field(default_factory=dict)
    per_staff: dict[str, int] = field(default_factory=dict)
    per_product: dict[str, int] = field(default_factory=dict)
    per_rating: dict[str, int] = field(default_factory=dict)


def compute_dashboard(
    services: Services, event_id: int, timezone: str, now: datetime | None = None
) -> DashboardData:
    """Counts the leads of ``event_id`` (in SQL, see ``CountService.figures``); days and
    hours are those of ``timezone``."""
    figures = services.counts.figures(LeadFilter(event_id=event_id), timezone, now)
    per_hour: dict[str, int] = {}
    if figures.hours:
        for hour in range(min(figures.hours), max(figures.hours) + 1):
            per_hour[f"{hour:02d}:00"] = figures.hours.get(hour, 0)
    products = services.products.list(event_id=event_id, include_inactive=True)
    products = products or services.products.list(include_inactive=True)
    names = Counter(product.name for product in products)
    per_product = {
        tally.name if names[tally.name] <= 1 else f"{tally.name} ({tally.sku})": tally.leads
        for tally in figures.products
        if tally.leads
    }
    ordered = sorted(figures.days)
    per_day = {
        label: figures.days[day].total
        for label, day in zip(day_labels(ordered), ordered, strict=True)
    }
    nobody = vocabulary(NO_STAFF_LABEL)
    staff = {name or nobody: tally.total for name, tally in figures.staff.items() if tally.total}
    ratings = figures.ratings
    per_rating = {
        vocabulary(RATING_LABELS[rating]): count
        for rating, count in zip(Rating, (ratings.hot, ratings.warm, ratings.cold), strict=True)
    }
    if ratings.unrated:
        per_rating[vocabulary(NOT_RATED_LABEL)] = ratings.unrated
    return DashboardData(
        total=figures.total,
        per_hour_today=per_hour,
        per_day=per_day,
        per_staff=dict(sorted(staff.items(), key=lambda item: (-item[1], item[0]))),
        per_product=dict(sorted(per_product.items(), key=lambda item: (-item[1], item[0]))),
        per_rating=per_rating,
    )


def day_labels(days: list[date]) -> list[str]:
    """Days as the dashboard names them, in the window's language (its default
    locale): "14 Nov", or "14 Nov 2023" when they are not all in one year."""
    day_format = "d MMM" if len({day.year for day in days}) <= 1 else "d MMM yyyy"
    locale = QLocale()
    return [locale.toString(QDate(day.year, day.month, day.day), day_format) for day in days]


def count_scale(largest: int, most_steps: int = MOST_STEPS) -> tuple[int, int]:
    """The top and the step of a count axis from 0: the step is 1, 2 or 5 times a power
    of ten, the top a multiple of it at or above ``largest``, reached in at most
    ``most_steps`` steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * most_steps >= largest:
                return max(step, -(-largest // step) * step), step
        magnitude *= 10


def short_labels(names: list[str], font: QFont, width: int) -> list[str]:
    """``names`` as axis labels: each elided to ``width`` pixels when wider, and kept
    distinct (an axis merges equal labels) by invisible zero-width spaces."""
    metrics = QFontMetrics(font)
    labels: list[str] = []
    for name in names:
        label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(width, 1))
        while label in labels:
            label += "\u200b"
        labels.append(label)
    return labels


def rating_colours() -> dict[str, QColor]:
    """The bar colour of each rating label (in the window's language): the rating
    colours of lists and forms."""
    colours = {
        vocabulary(label): rating_colour(rating, QPalette.ColorRole.Base)
        for rating, label in RATING_LABELS.items()
    }
    colours[vocabulary(NOT_RATED_LABEL)] = QGuiApplication.palette().color(
        QPalette.ColorRole.PlaceholderText
    )
    return colours


def leads_text(count: int) -> str:
    if count == 1:
        return translate("dashboard", "{count} lead").format(count=count)
    return translate("dashboard", "{count} leads").format(count=count)


class BarChart(QChartView):
    """One titled bar chart of label -> count, in the palette's colours.

    ``horizontal`` charts list the labels down the left (for names), each elided only
    when wider than the room the chart gives labels; under vertical bars, labels turn
    upright when they do not fit side by side. Hovering a bar shows its full label and
    count. Bars take the palette's highlight colour, or with ``colours`` (called at
    each drawing) a colour per label. With no count above zero the chart shows
    ``empty_text`` instead of axes."""

    def __init__(
        self,
        title: str,
        empty_text: str,
        horizontal: bool = False,
        colours: Callable[[], dict[str, QColor]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.colours = colours
        self.values: dict[str, int] = {}
        self.names: list[str] = []
        self.labels: list[str] = []
        self.categories: QBarCategoryAxis | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(CHART_WIDTH, CHART_HEIGHT)
        chart = QChart()
        chart.setTitle(title)
        title_font = QFont(chart.titleFont())
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 12, 4))
        chart.setBackgroundRoundness(4)
        self.setChart(chart)
        self.message = QGraphicsSimpleTextItem(empty_text, chart)
        chart.plotAreaChanged.connect(self._place_message)
        chart.plotAreaChanged.connect(self._fit_labels)

    def set_values(self, values: dict[str, int]) -> None:
        """Replaces the bars."""
        self.values = dict(values)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.names = list(reversed(values)) if self.horizontal else list(values)
        self.labels = []
        self.categories = None
        if self.horizontal:
            bars_height = TITLE_AND_AXIS_HEIGHT + BAR_HEIGHT * len(values)
            self.setMinimumHeight(max(CHART_HEIGHT, bars_height))
        empty = not any(values.values())
        self.message.setVisible(empty)
        if not empty:
            self._draw()
        self._paint()

    def _draw(self) -> None:
        chart = self.chart()
        series = self._series()
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.setTruncateLabels(False)
        top, step = count_scale(max(self.values.values()))
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        counts.setRange(0, top)
        counts.setTickCount(top // step + 1)
        counts.setMinorTickCount(0)
        category_side, count_side = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if self.horizontal:
            category_side, count_side = count_side, category_side
        chart.addAxis(categories, category_side)
        chart.addAxis(counts, count_side)
        series.attachAxis(categories)
        series.attachAxis(counts)
        self.categories = categories
        self._fit_labels()

    def _series(self) -> QAbstractBarSeries:
        """One bar set, or with colours one set per label (stacked, so bars keep
        their full width)."""
        counts = [float(self.values[name]) for name in self.names]
        series: QAbstractBarSeries
        if self.colours is None:
            series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            series.append(self._bar_set(self.tr("Leads"), counts, highlight))
        else:
            colours = self.colours()
            series = QHorizontalStackedBarSeries() if self.horizontal else QStackedBarSeries()
            for index, name in enumerate(self.names):
                only = [count if at == index else 0.0 for at, count in enumerate(counts)]
                series.append(self._bar_set(name, only, colours[name]))
        series.setBarWidth(0.7)
        return series

    def _bar_set(self, label: str, counts: list[float], colour: QColor) -> QBarSet:
        bars = QBarSet(label)
        bars.append(counts)
        bars.setColor(colour)
        bars.setBorderColor(colour)
        bars.hovered.connect(self._hovered)
        return bars

    def tooltip(self, index: int) -> str:
        """What hovering the bar at ``index`` (in drawing order) shows."""
        name = self.names[index]
        return self.tr("{name}: {leads}").format(name=name, leads=leads_text(self.values[name]))

    @Slot(bool, int)
    def _hovered(self, on: bool, index: int) -> None:
        if on:
            QToolTip.showText(QCursor.pos(), self.tooltip(index), self)
        else:
            QToolTip.hideText()

    def _fit_labels(self) -> None:
        """Elides the names beside horizontal bars to the room the chart gives them
        (:data:`LABEL_SHARE` of its width); turns the labels under vertical bars upright
        when they are wider than their bars' room."""
        axis = self.categories
        if axis is None:
            return
        font = axis.labelsFont()
        labels = self.names
        if self.horizontal:
            labels = short_labels(labels, font, int(self.width() * LABEL_SHARE) - LABEL_MARGIN)
        if labels != self.labels:
            self.labels = list(labels)
            axis.setCategories(self.labels)
        if self.horizontal:
            return
        metrics = QFontMetrics(font)
        room = self.chart().plotArea().width() / len(labels)
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        angle = 0 if widest + metrics.averageCharWidth() <= room else -90
        if axis.labelsAngle() != angle:
            axis.setLabelsAngle(angle)

    def _paint(self) -> None:
        """Takes the colours of the current palette (light or dark mode)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        chart = self.chart()
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundPen(palette.color(QPalette.ColorRole.Mid))
        chart.setTitleBrush(text)
        self.message.setBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        for axis in chart.axes():
            axis.setLabelsBrush(text)
            axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight))

    def _place_message(self) -> None:
        area = self.chart().plotArea()
        box = self.message.boundingRect()
        self.message.setPos(
            area.center().x() - box.width() / 2, area.center().y() - box.height() / 2
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_labels()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.set_values(self.values)


class Dashboard(QWidget):
    """Charts of the active show's leads, counted off the UI thread: a page the main
    window shows in place of the capture form and list (``back_requested`` asks for
    them again).

    :meth:`schedule` asks for a new count within a second (several requests make one);
    nothing is counted while the dashboard is hidden, and it counts at once when
    shown. The charts sit in three columns on a wide window and two on a narrow one,
    and scroll when they need more height than the window has; a show without leads
    gets a message instead."""

    back_requested = Signal()

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
        self._wide: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.update_now)
        self.total_label = QLabel()
        self.total_label.setObjectName("dashboardTotal")
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        title_font = QFont(self.total_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.total_label.setFont(title_font)
        self.back_button = QPushButton(self.tr("Back to capture  (Ctrl+D)"))
        self.back_button.setObjectName("dashboardBack")
        self.back_button.setToolTip(self.tr("Show the capture form and the lead list again"))
        self.back_button.clicked.connect(self.back_requested)
        self.charts = {
            "per_hour_today": BarChart(
                self.tr("Leads per hour today"), self.tr("No leads today yet")
            ),
            "per_day": BarChart(self.tr("Leads per day"), self.tr("No leads yet")),
            "per_staff": BarChart(
                self.tr("Leads per staff member"), self.tr("No leads yet"), horizontal=True
            ),
            "per_product": BarChart(
                self.tr("Leads per product"), self.tr("No products recorded yet"), horizontal=True
            ),
            "per_rating": BarChart(
                self.tr("Hot, warm and cold"), self.tr("No leads yet"), colours=rating_colours
            ),
        }
        self.message = ListMessageView()
        self.message.setObjectName("dashboardMessage")
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        board = QWidget()
        board.setLayout(self._grid)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dashboardCharts")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(board)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.scroll_area)
        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 12, 0)
        header.addWidget(self.total_label, 1)
        header.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.scroll_area)
        self._arrange(wide=True)

    def _arrange(self, wide: bool) -> None:
        """Three columns, products down the right (wide), or two, products across the
        bottom (narrow)."""
        if wide == self._wide:
            return
        self._wide = wide
        charts = self.charts
        for chart in charts.values():
            self._grid.removeWidget(chart)
        product_place = (0, 2, 2, 1) if wide else (2, 0, 1, 2)
        self._grid.addWidget(charts["per_hour_today"], 0, 0)
        self._grid.addWidget(charts["per_day"], 0, 1)
        self._grid.addWidget(charts["per_staff"], 1, 0)
        self._grid.addWidget(charts["per_rating"], 1, 1)
        self._grid.addWidget(charts["per_product"], *product_place)
        for index, stretch in enumerate((3, 3, 4) if wide else (1, 1, 0)):
            self._grid.setColumnStretch(index, stretch)
        self._grid.setRowStretch(2, 0 if wide else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange(wide=event.size().width() >= WIDE_LAYOUT)

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
        self.update_now()

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
            on_error=lambda error: self._failed(generation, error),
        )

    def _failed(self, generation: int, error: Exception) -> None:
        """Says why the counts cannot be shown (the database is gone, locked...); a bug
        goes on to the crash report."""
        if not isinstance(error, BoothError):
            raise error
        if generation == self._wanted:
            self._show_message(self.tr("The leads cannot be counted"), str(error))

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._wanted:
            return
        self.data = data
        if self.event_id is None:
            self.total_label.setText(self.tr("Dashboard"))
            self._show_message(
                translate("dashboard", NO_SHOW),
                self.tr("Choose or create a show to see its leads here."),
            )
            return
        if data.total == 1:
            total = self.tr("{count} lead at this show")
        else:
            total = self.tr("{count} leads at this show")
        self.total_label.setText(total.format(count=data.total))
        if data.total == 0:
            self._show_message(
                translate("dashboard", EMPTY_SHOW),
                self.tr("The charts fill in as leads are captured."),
            )
            return
        self.pages.setCurrentWidget(self.scroll_area)
        for name, chart in self.charts.items():
            chart.set_values(getattr(data, name))

    def _show_message(self, title: str, text: str) -> None:
        self.message.title.setText(title)
        self.message.text.setText(text)
        self.pages.setCurrentWidget(self.message)

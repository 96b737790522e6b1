"""How the workbook prints and what its Summary charts look like: A4 page setup, page
headers and footers, page breaks that never cut a table from its chart, and the charts
themselves, in the ratings' colours."""

from __future__ import annotations

import math
from typing import Any

from openpyxl.chart import BarChart, PieChart, Reference  # type: ignore[import-untyped]
from openpyxl.chart.series import DataPoint  # type: ignore[import-untyped]
from openpyxl.drawing.spreadsheet_drawing import (  # type: ignore[import-untyped]
    AnchorMarker,
    TwoCellAnchor,
)
from openpyxl.worksheet.page import PageMargins  # type: ignore[import-untyped]
from openpyxl.worksheet.pagebreak import Break  # type: ignore[import-untyped]

from boothapp.core.exporting.text import clean
from boothapp.core.vocabulary import Rating

RATING_COLOURS = {
    Rating.HOT: ("F8CBAD", "9C0006"),
    Rating.WARM: ("FFE699", "7F6000"),
    Rating.COLD: ("BDD7EE", "1F4E78"),
}
NOT_RATED_COLOUR = "BFBFBF"
HEADER_FILL = "1F4E78"

CHART_ROW_CM = 0.53
CHART_MIN_HEIGHT_CM = 7.5

PAPER_A4 = 9
PAGE_NUMBERS = "Page &P of &N"
SHEET_NAME_FIELD = "&A"
HEADER_TITLE_LIMIT = 100
# Excel's "Narrow" margins, in inches.
MARGIN_SIDES = 0.25
MARGIN_TOP_BOTTOM = 0.75
MARGIN_HEADER_FOOTER = 0.3
# Rows of 15 pt (Excel's default height) on a portrait page inside the margins, less one
# for the taller title row: on US Letter, shorter than A4, so that the Summary's page
# breaks still hold when the paper is changed.
SUMMARY_PAGE_ROWS = int((11 - 2 * MARGIN_TOP_BOTTOM) * 72 / 15) - 1


def set_up_printing(sheet: Any, title: str, landscape: bool, table: bool) -> None:
    """A4, one page wide and as many tall as it takes, with the show's name and the
    sheet's name above and page numbers below; a ``table`` repeats its header row on
    every page and prints its grid lines.

    The paper is named because LibreOffice reads a missing size as US Letter, and with
    ``usePrinterDefaults`` it keeps the printer's paper but drops the orientation."""
    setup = sheet.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    setup.paperSize = PAPER_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(
        left=MARGIN_SIDES,
        right=MARGIN_SIDES,
        top=MARGIN_TOP_BOTTOM,
        bottom=MARGIN_TOP_BOTTOM,
        header=MARGIN_HEADER_FOOTER,
        footer=MARGIN_HEADER_FOOTER,
    )
    sheet.oddHeader.left.text = header_text(title)
    sheet.oddHeader.right.text = SHEET_NAME_FIELD
    sheet.oddFooter.center.text = PAGE_NUMBERS
    if table:
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True


def header_text(text: str) -> str:
    """``text`` for a page header, where "&" starts a field code."""
    text = " ".join(clean(text).text.split())
    if len(text) > HEADER_TITLE_LIMIT:
        text = text[: HEADER_TITLE_LIMIT - 1] + "…"
    return text.replace("&", "&&")


class PageBreaks:
    """Manual page breaks for a sheet whose pages each hold at least ``rows_per_page``
    rows: every page ends at one of them, so where pages end does not depend on how
    many rows the spreadsheet program would fit."""

    def __init__(self, sheet: Any, rows_per_page: int) -> None:
        self._breaks = sheet.row_breaks
        self._rows_per_page = rows_per_page
        self._page_top = 1

    def keep_together(self, first: int, count: int) -> None:
        """Rows ``first`` to ``first + count - 1`` start a new page if they would be cut
        across two, or if they are more than a page (they then run on page by page)."""
        self._run_to(first)
        if first > self._page_top and first + count > self._page_top + self._rows_per_page:
            self._break_before(first)
        self._run_to(first + count - 1)

    def _run_to(self, row: int) -> None:
        while row >= self._page_top + self._rows_per_page:
            self._break_before(self._page_top + self._rows_per_page)

    def _break_before(self, row: int) -> None:
        self._breaks.append(Break(id=row - 1))
        self._page_top = row


def chart_height_rows(categories: int) -> int:
    height = max(CHART_MIN_HEIGHT_CM, categories * 0.6 + 3)
    return min(math.ceil(height / CHART_ROW_CM), SUMMARY_PAGE_ROWS)


def rows_anchor(first: int, rows: int, columns: int) -> Any:
    """Rows ``first`` to ``first + rows - 1`` of the first ``columns`` columns."""
    return TwoCellAnchor(
        editAs="oneCell",
        _from=AnchorMarker(col=0, row=first - 1),
        to=AnchorMarker(col=columns, row=first - 1 + rows),
    )


def colour_series(chart: Any) -> None:
    colours = [RATING_COLOURS[r][1] for r in (Rating.HOT, Rating.WARM, Rating.COLD)]
    for series, colour in zip(chart.series, [*colours, NOT_RATED_COLOUR], strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour


def bar_chart() -> Any:
    chart = BarChart()
    # openpyxl leaves <c:delete> out, and Excel then hides both axes.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart


def stacked_bars(sheet: Any, title: str, header_row: int, last_row: int, direction: str) -> Any:
    chart = bar_chart()
    chart.type = direction
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = title
    chart.y_axis.title = "Leads"
    data = Reference(sheet, min_col=3, max_col=6, min_row=header_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    colour_series(chart)
    if direction == "bar":
        chart.x_axis.scaling.orientation = "maxMin"
    return chart


def bars(sheet: Any, title: str, header_row: int, last_row: int, value_column: int) -> Any:
    chart = bar_chart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    data = Reference(
        sheet, min_col=value_column, max_col=value_column, min_row=header_row, max_row=last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.series[0].graphicalProperties.solidFill = HEADER_FILL
    return chart


def rating_pie(sheet: Any, header_row: int, last_row: int) -> Any:
    chart = PieChart()
    chart.title = "Leads per rating"
    data = Reference(sheet, min_col=2, max_col=2, min_row=header_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    colours = [RATING_COLOURS[r][0] for r in (Rating.HOT, Rating.WARM, Rating.COLD)]
    for index, colour in enumerate([*colours, NOT_RATED_COLOUR]):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = colour
        chart.series[0].dPt.append(point)
    return chart

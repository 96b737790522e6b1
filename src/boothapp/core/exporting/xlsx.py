"""The Excel workbook: Leads, Summary, Notes, Visits and Follow-ups sheets, streamed row
by row.

openpyxl (write-only mode, lxml) builds the workbook: styles, frozen header rows,
column widths, filters, the charts of the Summary sheet, the page setup for printing.
The rows themselves are streamed to temporary files by ``sheetxml`` and spliced in
when the workbook is saved, which costs a fraction of openpyxl's cell-by-cell path;
memory stays flat.
Dates and times are the show's local time, as real date cells. The traps of
spreadsheets are handled here:

* text that looks like a formula (``=1+1``) or an error value (``#N/A``) is written
  as a string cell, never as a formula or an error; text a spreadsheet could run as a
  formula also gets Excel's quote-prefix style (as if typed after an apostrophe), so
  editing the cell later does not turn it into a formula either;
* text over 32,767 characters would be cut by Excel: in the Leads sheet it is cut
  with a visible marker, the Notes sheet carries every note whole, split across rows
  marked "(continued 2/3)", and each case goes in the export report;
* control characters and lone surrogates cannot be stored in the file: they are
  removed or replaced first (``text.clean``), and reported.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.datetime import to_excel  # type: ignore[import-untyped]

from boothapp import APP_NAME
from boothapp.core.exporting.columns import (
    CellValue,
    Column,
    ColumnKind,
    ShowContext,
    note_heading,
)
from boothapp.core.exporting.follow_ups import (
    FOLLOW_UPS_HEADERS,
    FOLLOW_UPS_SHEET,
    FOLLOW_UPS_WIDTHS,
    ExportedTask,
    FollowUpTally,
)
from boothapp.core.exporting.report import ExportReport
from boothapp.core.exporting.sheet_layout import (
    HEADER_FILL,
    RATING_COLOURS,
    SUMMARY_PAGE_ROWS,
    PageBreaks,
    bars,
    chart_height_rows,
    rating_pie,
    rows_anchor,
    set_up_printing,
    stacked_bars,
)
from boothapp.core.exporting.sheetxml import SheetRows, Styled, splice
from boothapp.core.exporting.summary import Summary
from boothapp.core.exporting.text import (
    EXCEL_CELL_LIMIT,
    clean,
    cut_for_excel,
    fits_in_cell,
    is_formula_like,
    is_plain,
    needs_cleaning,
    split_for_excel,
)
from boothapp.core.follow_ups.status import STATUS_LABELS, FollowUpStatus
from boothapp.core.schemas import LeadDetail
from boothapp.core.vocabulary import (
    NOT_RATED_LABEL,
    RATING_LABELS,
    SOURCE_LABELS,
    Rating,
    follow_up_label,
)

LEADS_SHEET = "Leads"
SUMMARY_SHEET = "Summary"
NOTES_SHEET = "Notes"
VISITS_SHEET = "Visits"

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DAY_FORMAT = "ddd yyyy-mm-dd"
PERCENT_FORMAT = "0%"
HEADER_HEIGHT = 32

NOTES_CUT_MARKER = (
    " … [cut here: over Excel's 32,767-character cell limit;"
    " every note is whole on the Notes sheet]"
)
CELL_CUT_MARKER = " … [cut here: over Excel's 32,767-character cell limit]"

HEADER_FONT = "FFFFFF"
OVERDUE_FONT = "C00000"

NOTES_HEADERS = ("Lead ID", "Lead", "Company", "Time", "Staff", "Note", "Part")
NOTES_WIDTHS = (38, 24, 24, 17, 18, 90, 16)
VISITS_HEADERS = ("Lead ID", "Lead", "Time", "Staff", "Source")
VISITS_WIDTHS = (38, 24, 17, 18, 13)
SUMMARY_WIDTHS = (30, 17, 10, 10, 10, 10)


@dataclass(frozen=True)
class WorkbookInfo:
    """The header of the Summary sheet, and its figures (``Summary.read``)."""

    title: str
    exported_at: datetime
    selection: str
    summary: Summary = field(default_factory=Summary)


class _Styles:
    """Every cell style of the workbook, registered once; each is a cell style id."""

    def __init__(self, sheet: Any) -> None:
        self._sheet = sheet
        wrap = Alignment(wrap_text=True, vertical="top")
        self.header = self._make(
            font=Font(bold=True, color=HEADER_FONT),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(wrap_text=True, vertical="center"),
        )
        self.bold = self._make(font=Font(bold=True))
        self.title = self._make(font=Font(bold=True, size=14))
        self.datetime = self._make(number_format=DATETIME_FORMAT)
        self.day = self._make(number_format=DAY_FORMAT)
        self.overdue = self._make(
            number_format=DAY_FORMAT, font=Font(bold=True, color=OVERDUE_FONT)
        )
        self.percent = self._make(number_format=PERCENT_FORMAT)
        self.wrap = self._make(alignment=wrap)
        self.text = self._make(quotePrefix=True)
        self.wrap_text = self._make(alignment=wrap, quotePrefix=True)
        self.ratings = {
            rating.value: self._make(
                fill=PatternFill("solid", fgColor=fill),
                font=Font(bold=True, color=font),
                alignment=Alignment(horizontal="center"),
            )
            for rating, (fill, font) in RATING_COLOURS.items()
        }

    def _make(self, **attributes: Any) -> int:
        cell = WriteOnlyCell(self._sheet)
        for name, value in attributes.items():
            setattr(cell, name, value)
        return int(cell.style_id)


def _plain(value: str, quoted: int) -> str | Styled:
    """Text computed from stored values (names, SKUs) for the Summary sheet."""
    text = clean(value).text
    return Styled(text, quoted) if is_formula_like(text) else text


class _SheetText:
    """Turns text into what a sheet can hold, reporting each change."""

    def __init__(self, styles: _Styles, report: ExportReport) -> None:
        self._styles = styles
        self._report = report

    def cell(
        self,
        sheet: str,
        value: str,
        lead: LeadDetail,
        column: str,
        wrap: bool = False,
        cut_marker: str = CELL_CUT_MARKER,
    ) -> str | Styled | None:
        """``value`` as a cell value: itself when it is plain, else styled text."""
        if not value:
            return None
        if not wrap and is_plain(value):
            return value
        text = value
        if needs_cleaning(text):
            cleaned = clean(text)
            text = cleaned.text
            self._report.warn(lead.id, lead.display_name, column, cleaned.describe())
        if not fits_in_cell(text):
            self._report.warn(
                lead.id,
                lead.display_name,
                column,
                f"{len(text):,} characters, over Excel's {EXCEL_CELL_LIMIT:,}-character "
                f"cell limit: cut in the {sheet} sheet",
            )
            text = cut_for_excel(text, cut_marker)
        if is_formula_like(text):
            return Styled(text, self._styles.wrap_text if wrap else self._styles.text)
        if wrap:
            return Styled(text, self._styles.wrap)
        return text


Converter = Callable[[CellValue, LeadDetail], Any]


class WorkbookWriter:
    """Writes one workbook; ``add`` each lead, then ``save``; ``discard`` in any case."""

    def __init__(
        self,
        show: ShowContext,
        columns: Sequence[Column],
        report: ExportReport,
        info: WorkbookInfo,
    ) -> None:
        self._show = show
        self._columns = list(columns)
        self._report = report
        self._info = info
        self._workbook = Workbook(write_only=True)
        self._workbook.properties.creator = APP_NAME
        self._workbook.properties.title = info.title
        sheets = [
            self._workbook.create_sheet(title)
            for title in (LEADS_SHEET, SUMMARY_SHEET, NOTES_SHEET, VISITS_SHEET, FOLLOW_UPS_SHEET)
        ]
        self._rows = [SheetRows(sheet) for sheet in sheets]
        self._leads, self._summary_rows, self._notes, self._visits, self._follow_ups = self._rows
        self._styles = _Styles(sheets[0])
        self._text = _SheetText(self._styles, report)
        self._plan = [
            (column.value, self._converter(column), _takes_plain_values(column))
            for column in self._columns
        ]
        self._summary = info.summary
        self._tasks = info.summary.follow_ups
        self._tally = FollowUpTally()
        self._today = info.exported_at.date()
        self._labels: dict[str, str | Styled | None] = {}
        self._due_cells: dict[tuple[date, bool], Styled] = {}
        self._start_table(
            self._leads,
            [c.header for c in self._columns],
            [c.width for c in columns],
            landscape=True,
        )
        self._start_table(self._notes, NOTES_HEADERS, NOTES_WIDTHS, landscape=True)
        self._start_table(self._visits, VISITS_HEADERS, VISITS_WIDTHS, landscape=False)
        self._start_table(self._follow_ups, FOLLOW_UPS_HEADERS, FOLLOW_UPS_WIDTHS, landscape=True)
        self._set_widths(self._summary_rows, SUMMARY_WIDTHS)
        set_up_printing(self._summary_rows.sheet, info.title, landscape=False, table=False)
        self._summary_pages = PageBreaks(self._summary_rows.sheet, SUMMARY_PAGE_ROWS)

    # --- the rows of each lead ---------------------------------------------------------

    def add(self, lead: LeadDetail) -> None:
        row: list[Any] = []
        append = row.append
        for get, convert, takes_plain in self._plan:
            value = get(lead)
            if value is None or value == "":
                append(None)
            elif takes_plain and (type(value) is int or (type(value) is str and is_plain(value))):
                append(value)
            else:
                append(convert(value, lead))
        self._leads.append(row)
        name = lead.display_name
        if lead.notes:
            self._add_notes(lead, name)
        if lead.visits:
            self._add_visits(lead, name)
        tasks = self._tasks.of(lead.id)
        if tasks:
            self._add_follow_ups(lead, name, tasks)

    def _converter(self, column: Column) -> Converter:
        """How a column's values become cells (``add`` passes plain values itself)."""
        text = self._text.cell
        header = column.header
        wrap = column.kind is ColumnKind.NOTES
        marker = NOTES_CUT_MARKER if column.key == "notes" else CELL_CUT_MARKER
        limit = column.max_length
        date_style = self._styles.datetime

        def convert(value: CellValue, lead: LeadDetail) -> Any:
            if isinstance(value, str):
                if limit is not None and len(value) > limit:
                    value = self._cut_for_limit(value, limit, lead, header)
                return text(LEADS_SHEET, value, lead, header, wrap, marker)
            if isinstance(value, datetime):
                return Styled(value, date_style)
            if isinstance(value, float) and not math.isfinite(value):
                self._report.warn(
                    lead.id, lead.display_name, header, f"{value} is not a number: written as text"
                )
                return str(value)
            return value

        if column.kind is ColumnKind.RATING:
            by_rating = self._styles.ratings

            def convert_rating(value: CellValue, lead: LeadDetail) -> Any:
                # Coloured by the lead's rating, whatever the label's language.
                if isinstance(value, str) and lead.rating is not None:
                    return Styled(value, by_rating[lead.rating.value])
                return convert(value, lead)

            return convert_rating
        return convert

    def _cut_for_limit(self, value: str, limit: int, lead: LeadDetail, header: str) -> str:
        self._report.warn(
            lead.id,
            lead.display_name,
            header,
            f"{len(value):,} characters, over the {limit:,} this column takes: cut",
        )
        marker = " …"
        return value[: limit - len(marker)] + marker

    def _add_notes(self, lead: LeadDetail, lead_name: str) -> None:
        text = self._text.cell
        name = text(NOTES_SHEET, lead_name, lead, "Lead")
        company = text(NOTES_SHEET, lead.company, lead, "Company")
        date_style = self._styles.datetime
        for note in lead.notes:
            body = note.text
            if needs_cleaning(body):
                cleaned = clean(body)
                body = cleaned.text
                self._report.warn(
                    lead.id,
                    lead.display_name,
                    f"note of {note_heading(self._show, note)}",
                    cleaned.describe(),
                )
            pieces = split_for_excel(body)
            if len(pieces) > 1:
                self._report.warn(
                    lead.id,
                    lead.display_name,
                    f"note of {note_heading(self._show, note)}",
                    f"{len(body):,} characters, over Excel's {EXCEL_CELL_LIMIT:,}-"
                    f"character cell limit: split across {len(pieces)} rows of the "
                    f"{NOTES_SHEET} sheet",
                )
            staff = text(NOTES_SHEET, note.staff or "", lead, "Staff")
            at = Styled(self._show.local(note.at), date_style)
            for number, piece in enumerate(pieces, start=1):
                self._notes.append(
                    [
                        lead.id,
                        name,
                        company,
                        at,
                        staff,
                        text(NOTES_SHEET, piece, lead, "Note", wrap=True),
                        _part_label(number, len(pieces)),
                    ]
                )

    def _add_visits(self, lead: LeadDetail, lead_name: str) -> None:
        text = self._text.cell
        name = text(VISITS_SHEET, lead_name, lead, "Lead")
        local = self._show.local
        date_style = self._styles.datetime
        for visit in lead.visits:
            self._visits.append(
                [
                    lead.id,
                    name,
                    Styled(local(visit.at), date_style),
                    text(VISITS_SHEET, visit.staff or "", lead, "Staff"),
                    SOURCE_LABELS[visit.source],
                ]
            )

    def _add_follow_ups(
        self, lead: LeadDetail, lead_name: str, tasks: Sequence[ExportedTask]
    ) -> None:
        """The lead's follow-up tasks, one row each; a due day passed while the task is
        still to do is red."""
        text = self._text.cell
        sheet = FOLLOW_UPS_SHEET
        lead_cells = [
            lead.id,
            text(sheet, lead_name, lead, "Lead"),
            text(sheet, lead.company, lead, "Company"),
            text(sheet, lead.email or "", lead, "E-mail"),
            text(sheet, lead.phone or lead.mobile or "", lead, "Phone"),
        ]
        local = self._show.local
        datetime_style = self._styles.datetime
        today = self._today
        append = self._follow_ups.append
        for task in tasks:
            self._tally.add(task, today)
            late = task.status is FollowUpStatus.TODO and task.due_on < today
            append(
                [
                    *lead_cells,
                    self._label_cell(task.kind, lead),
                    STATUS_LABELS[task.status],
                    self._due_cell(task.due_on, late),
                    text(sheet, task.owner or "", lead, "Owner"),
                    Styled(local(task.done_at), datetime_style) if task.done_at else None,
                    text(sheet, task.done_by or "", lead, "Done by"),
                ]
            )

    def _label_cell(self, kind: str, lead: LeadDetail) -> str | Styled | None:
        """A follow-up's label as a cell (the same for every task of its kind)."""
        cell = self._labels.get(kind)
        if cell is None:
            cell = self._labels[kind] = self._text.cell(
                FOLLOW_UPS_SHEET, follow_up_label(kind), lead, "Follow-up"
            )
        return cell

    def _due_cell(self, day: date, late: bool) -> Styled:
        """A due day as a date cell, red when it has passed: made once per day (a show's
        follow-ups fall due on a few days)."""
        cell = self._due_cells.get((day, late))
        if cell is None:
            style = self._styles.overdue if late else self._styles.day
            cell = self._due_cells[day, late] = Styled(int(to_excel(day)), style)
        return cell

    # --- layout ------------------------------------------------------------------------

    @staticmethod
    def _set_widths(rows: SheetRows, widths: Sequence[float]) -> None:
        for index, width in enumerate(widths, start=1):
            rows.sheet.column_dimensions[get_column_letter(index)].width = width

    def _start_table(
        self, rows: SheetRows, headers: Sequence[str], widths: Sequence[float], landscape: bool
    ) -> None:
        """Column widths, a frozen header row, the page setup and the header itself."""
        self._set_widths(rows, widths)
        rows.sheet.freeze_panes = "A2"
        set_up_printing(rows.sheet, self._info.title, landscape, table=True)
        rows.append([Styled(clean(h).text, self._styles.header) for h in headers], HEADER_HEIGHT)

    @staticmethod
    def _finish_table(rows: SheetRows, width: int) -> None:
        rows.sheet.auto_filter.ref = f"A1:{get_column_letter(max(width, 1))}{rows.count}"

    # --- the Summary sheet -------------------------------------------------------------

    def _write_summary(self) -> None:
        rows = self._summary_rows
        styles = self._styles
        summary = self._summary
        info = self._info
        quoted = styles.text
        rows.append([Styled(clean(f"Leads summary: {info.title}").text, styles.title)])
        rows.append(["Exported", Styled(info.exported_at, styles.datetime)])
        rows.append(["Selection", _plain(info.selection, quoted)])
        rows.append(["Leads", summary.total])
        rows.skip()
        rating_titles = [*RATING_LABELS.values(), NOT_RATED_LABEL]
        sheet = rows.sheet
        self._summary_block(
            "Leads per day",
            ["Day", "Leads", *rating_titles],
            [[Styled(day, styles.day), *counts] for day, *counts in summary.day_rows()],
            lambda first, last: stacked_bars(sheet, "Leads per day", first, last, "col"),
        )
        self._summary_block(
            "Leads per staff member",
            ["Staff", "Leads", *rating_titles],
            [[_plain(name, quoted), *counts] for name, *counts in summary.staff_rows()],
            lambda first, last: stacked_bars(sheet, "Leads per staff member", first, last, "bar"),
        )
        self._summary_block(
            "Leads per product",
            ["Product", "SKU", "Leads", RATING_LABELS[Rating.HOT]],
            [
                [_plain(name, quoted), _plain(sku, quoted), leads, hot]
                for name, sku, leads, hot in summary.product_rows()
            ],
            lambda first, last: bars(sheet, "Leads per product", first, last, value_column=3),
        )
        self._summary_block(
            "Leads per rating",
            ["Rating", "Leads", "Share"],
            [
                [label, count, Styled(share, styles.percent)]
                for label, count, share in summary.rating_rows()
            ],
            lambda first, last: rating_pie(sheet, first, last),
        )
        self._summary_block(
            "Top countries",
            ["Country", "Code", "Leads"],
            [[_plain(name, quoted), code, count] for name, code, count in summary.country_rows()],
            lambda first, last: bars(sheet, "Top countries", first, last, value_column=3),
        )
        if self._tally.total:
            self._summary_block(
                "Follow-ups",
                ["Follow-up", "To do", "Overdue", "Done"],
                [
                    [_plain(follow_up_label(kind), quoted), to_do, overdue, done]
                    for kind, to_do, overdue, done in self._tally.rows()
                ],
                None,
            )

    def _summary_block(
        self,
        title: str,
        headers: Sequence[str],
        body: Sequence[Sequence[Any]],
        chart: Callable[[int, int], Any] | None,
    ) -> None:
        """A titled table with its chart (if any) under it, across the table's columns;
        the block starts a new page rather than be cut across two, and a chart is never
        cut."""
        rows = self._summary_rows
        pages = self._summary_pages
        first = rows.count + 1
        table_rows = 2 + len(body)
        chart_rows = (
            chart_height_rows(len(body))
            if chart is not None and body and self._summary.total
            else 0
        )
        block_rows = table_rows + 1 + chart_rows if chart_rows else table_rows
        pages.keep_together(first, block_rows if block_rows <= SUMMARY_PAGE_ROWS else table_rows)
        rows.append([Styled(title, self._styles.bold)])
        rows.append([Styled(h, self._styles.header) for h in headers])
        for line in body:
            rows.append(line)
        if chart is not None and chart_rows:
            chart_first = first + table_rows + 1
            pages.keep_together(chart_first, chart_rows)
            figure = chart(first + 1, first + 1 + len(body))
            rows.sheet.add_chart(figure, rows_anchor(chart_first, chart_rows, len(SUMMARY_WIDTHS)))
            rows.skip(1 + chart_rows)
        rows.skip()

    # --- finishing ---------------------------------------------------------------------

    def save(self, stream: IO[bytes]) -> None:
        self._finish_table(self._leads, len(self._columns))
        self._finish_table(self._notes, len(NOTES_HEADERS))
        self._finish_table(self._visits, len(VISITS_HEADERS))
        self._finish_table(self._follow_ups, len(FOLLOW_UPS_HEADERS))
        self._tasks.check_exhausted()
        self._write_summary()
        skeleton = io.BytesIO()
        self._workbook.save(skeleton)
        skeleton.seek(0)
        splice(skeleton, stream, self._rows)

    def discard(self) -> None:
        """Deletes the temporary files of the rows and stops reading the follow-ups; the
        writer is unusable after."""
        self._tasks.close()
        for rows in self._rows:
            rows.close()


def _takes_plain_values(column: Column) -> bool:
    """True when a number or plain text goes in the column's cell as it is."""
    return (
        column.kind not in (ColumnKind.RATING, ColumnKind.NOTES, ColumnKind.DATETIME)
        and column.max_length is None
    )


def _part_label(number: int, total: int) -> str:
    if total == 1:
        return ""
    if number == 1:
        return f"1/{total}"
    return f"(continued {number}/{total})"


def write_workbook(
    stream: IO[bytes],
    leads: Iterable[LeadDetail],
    show: ShowContext,
    columns: Sequence[Column],
    report: ExportReport,
    info: WorkbookInfo,
    tick: Callable[[], None],
) -> int:
    """Writes the workbook of ``leads`` to ``stream``; returns how many leads it holds.

    ``tick`` is called after each lead and may raise to stop; the temporary files are
    removed whatever happens."""
    writer = WorkbookWriter(show, columns, report, info)
    count = 0
    try:
        for lead in leads:
            writer.add(lead)
            count += 1
            tick()
        writer.save(stream)
    finally:
        writer.discard()
    return count

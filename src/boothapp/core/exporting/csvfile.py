"""CSV export: the Leads sheet's columns (or a preset's), one row per lead.

The stream must be opened with ``encoding="utf-8-sig"`` (a byte-order mark, so Excel
reads accents and CJK correctly) and ``newline=""``. Rows follow RFC 4180 and end in
CRLF. Every text field is quoted (numbers are not), so a semicolon inside a value
never splits it into two cells in Excel set up for a ``;`` separator. Text a
spreadsheet would run as a formula gets a leading apostrophe: see ``text.csv_safe``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TextIO

from boothapp.core.exporting.columns import CellValue, Column, ColumnKind
from boothapp.core.exporting.report import ExportReport
from boothapp.core.exporting.text import clean, csv_safe, is_plain_csv, is_plain_row
from boothapp.core.schemas import LeadDetail

CUT_MARKER = " …"
COMMA = ","
SEMICOLON = ";"
DELIMITERS = (COMMA, SEMICOLON)


def _field(value: CellValue, column: Column, lead: LeadDetail, report: ExportReport) -> CellValue:
    """A value that is not plain text or a number, as a CSV field."""
    if isinstance(value, str):
        cleaned = clean(value)
        text = cleaned.text
        if cleaned.changed:
            report.warn(lead.id, lead.display_name, column.header, cleaned.describe())
        limit = column.max_length
        if limit is not None and len(text) > limit:
            report.warn(
                lead.id,
                lead.display_name,
                column.header,
                f"{len(text):,} characters, over the {limit:,} this column takes: cut",
            )
            text = text[: limit - len(CUT_MARKER)] + CUT_MARKER
        return csv_safe(text)
    if isinstance(value, datetime):
        return value.isoformat(" ", "minutes")
    return value


def write_csv(
    stream: TextIO,
    leads: Iterable[LeadDetail],
    columns: Sequence[Column],
    report: ExportReport,
    tick: Callable[[], None],
    delimiter: str = COMMA,
) -> int:
    """Writes a header row and one row per lead; returns how many leads were written.

    Dates and times are written ``YYYY-MM-DD HH:MM`` (the show's local time). Fields are
    separated by ``delimiter``: a comma (RFC 4180), or a semicolon for Excel set to a
    language that writes decimals with a comma (French, German...), which splits a
    double-clicked CSV file at semicolons; decimals are then written with a comma too."""
    writer = csv.writer(
        stream, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC
    )
    decimal_comma = delimiter == SEMICOLON
    writer.writerow([csv_safe(clean(column.header).text) for column in columns])
    getters = [column.value for column in columns]
    moments = [i for i, column in enumerate(columns) if column.kind is ColumnKind.DATETIME]
    plan = [(index, column, column.max_length is None) for index, column in enumerate(columns)]
    whole_rows = all(column.max_length is None for column in columns)
    plain = is_plain_csv
    written = 0

    def fields(lead: LeadDetail, row: list[CellValue]) -> list[CellValue]:
        """``row`` as CSV fields, cell by cell."""
        for index, column, unlimited in plan:
            value = row[index]
            if type(value) is str:
                if unlimited and plain(value):
                    continue
            elif value is None or type(value) is int:
                continue
            row[index] = _field(value, column, lead, report)
        return row

    def rows() -> Iterator[list[CellValue]]:
        nonlocal written
        for lead in leads:
            row = [get(lead) for get in getters]
            for index in moments:
                moment = row[index]
                if type(moment) is datetime:
                    row[index] = moment.isoformat(" ", "minutes")
            if not (whole_rows and is_plain_row(row)):
                row = fields(lead, row)
            if decimal_comma:
                row = [
                    str(value).replace(".", ",") if type(value) is float else value for value in row
                ]
            yield row
            written += 1
            tick()

    writer.writerows(rows())
    return written

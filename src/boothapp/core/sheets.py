"""Spreadsheets as rows of cell values: the first sheet of an .xlsx, .xlsm, .xls or .ods
workbook (read by python-calamine), or a CSV, TSV or tab-separated .txt file.

``read_rows`` yields the rows that hold something, each with its number as the
spreadsheet shows it (the first row is 1; for text files, the first record). Workbook
cells come as the workbook stores them: text, numbers, booleans, and dates and times as
``datetime`` values; an empty cell is ``""``. Whatever cannot be read raises
``ValidationError`` naming the file, and the row where there is one.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import functools
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast
from xml.etree import ElementTree

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from boothapp.core.errors import ValidationError

Cell = (
    str
    | int
    | float
    | bool
    | datetime.date
    | datetime.datetime
    | datetime.time
    | datetime.timedelta
)
Row = tuple[int, tuple[Cell, ...]]
TextRow = tuple[int, tuple[str, ...]]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES

MAX_CELL_CHARACTERS = 32_767
"""The most a spreadsheet cell holds (Excel's limit); a longer cell is refused."""
MAX_CELLS = 40_000_000
"""The most cells the first sheet may span, from its first filled cell to its last: the
reader holds every cell of that span in memory (about 32 bytes each)."""

_LAST_ROW = 1_048_576
_LAST_COLUMN = 16_384


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of ``path`` that hold something: ``(number, cells)``.

    A workbook's rows keep their cells from column A on, empty cells at the end left
    out; a text file's rows are its records as they are.
    """
    return _rows(path, as_text=False)


def fold_header(text: str) -> str:
    """A column header as compared: no accents, no case, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def read_table(path: Path, what: str) -> list[TextRow]:
    """The rows of ``path`` that hold something, as text, with their numbers; a file
    that is not a spreadsheet or holds nothing is refused by name. ``what`` says what the
    file should be, for the message ("the attendee list")."""
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(path.name, f"give {what} as an .xlsx, .xls, .ods or .csv file")
    numbered = list(read_text_rows(path))
    if not numbered:
        raise ValidationError(path.name, "the file is empty")
    return numbered


def read_text_rows(path: Path) -> Iterator[TextRow]:
    """``read_rows`` with each cell as ``cell_text`` gives it."""
    return cast("Iterator[TextRow]", _rows(path, as_text=True))


def _rows(path: Path, as_text: bool) -> Iterator[Row]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            path.name, "is not a spreadsheet: give an .xlsx, .xls, .ods or .csv file"
        )
    data = _contents(path)
    if suffix in TEXT_SUFFIXES:
        yield from _text_rows(path.name, data)
    else:
        yield from _workbook_rows(path.name, suffix, data, as_text)


def cell_text(value: Cell) -> str:
    """A cell as plain text: numbers without a trailing ``.0`` (``4006381333931``, ``2.5``),
    booleans as ``TRUE``/``FALSE``, dates and times in ISO 8601 to the second
    (``2023-11-14``, ``2023-11-15 09:30:00``, ``18:00:00``), durations as ``30:00:00``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        value = _to_the_second(value)
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        moment = _to_the_second(datetime.datetime.combine(datetime.date.min, value))
        return moment.time().isoformat()
    seconds = round(value.total_seconds())
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _to_the_second(value: datetime.datetime) -> datetime.datetime:
    if value.microsecond < 500_000:
        return value.replace(microsecond=0)
    return value.replace(microsecond=0) + datetime.timedelta(seconds=1)


def _contents(path: Path) -> bytes:
    if not path.is_file():
        raise ValidationError(path.name, f"no such file: {path}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(path.name, f"cannot read the file ({exc.strerror or exc})") from None


def _long_cell(name: str, number: int, length: str) -> ValidationError:
    return ValidationError(
        f"{name} row {number}",
        f"a cell holds {length} characters; a spreadsheet cell holds at most "
        f"{MAX_CELL_CHARACTERS:,}: is this the right file?",
    )


# --- text files ---------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _text_rows(name: str, raw: bytes) -> Iterator[Row]:
    """Records of a CSV (comma or semicolon) or tab-separated file, in UTF-8, UTF-16 with
    a byte order mark, or Windows-1252; the separator is the one the first line uses most."""
    text = _decode(raw).replace("\x00", "")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    number = 0
    try:
        for number, record in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
        ):
            if any(record):
                longest = max(map(len, record))
                if longest > MAX_CELL_CHARACTERS:
                    raise _long_cell(name, number, f"{longest:,}")
                yield number, tuple(record)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _long_cell(name, number + 1, f"more than {csv.field_size_limit():,}") from None
        raise ValidationError(name, f"is not a readable CSV file ({exc})") from None


# --- workbooks ----------------------------------------------------------------------------


def _unreadable(name: str, suffix: str) -> ValidationError:
    if suffix == ".ods":
        return ValidationError(
            name, "is not a readable OpenDocument spreadsheet: save it again as .ods, .xlsx or .csv"
        )
    return ValidationError(name, "is not a readable Excel workbook: save it again as .xlsx or .csv")


def _locked(name: str) -> ValidationError:
    return ValidationError(name, "is protected by a password: save a copy without one, or as .csv")


_COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
"""An encrypted .xlsx is a compound file with this stream; calamine cannot tell it from
other files it does not read."""


def _workbook_rows(name: str, suffix: str, data: bytes, as_text: bool) -> Iterator[Row]:
    """The first sheet's rows. The file's content, not its name, says which kind of
    workbook it is, so an .xlsx saved under an .xls name is read too."""
    if data.startswith(_COMPOUND_FILE) and _ENCRYPTED in data:
        raise _locked(name)
    _check_spread(name, suffix, data)
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
            sheet = workbook.get_sheet_by_index(0)
    except PasswordError:
        raise _locked(name) from None
    except CalamineError as exc:
        if str(exc).startswith("Cell limit exceeded"):
            raise ValidationError(
                name,
                "a sheet's cells spread over more than can be read: delete the cells outside "
                "the list, or save the list as .csv",
            ) from None
        raise _unreadable(name, suffix) from None
    except BaseException as exc:
        # pyo3 turns a panic in the Rust reader into PanicException, a BaseException.
        if type(exc).__name__ != "PanicException":
            raise
        raise _unreadable(name, suffix) from None
    if sheet.start is None:
        return
    first_row, first_column = sheet.start
    lead = ("",) * first_column
    for number, values in enumerate(sheet.to_python(), start=first_row + 1):
        while values and values[-1] == "":
            values.pop()
        if not values:
            continue
        cells: Sequence[Cell] = values
        if as_text:
            texts = [value if isinstance(value, str) else cell_text(value) for value in values]
            cells, longest = texts, max(map(len, texts))
        else:
            strings = cast("Iterator[str]", filter(str.__instancecheck__, values))
            longest = max(map(len, strings), default=0)
        if longest > MAX_CELL_CHARACTERS:
            raise _long_cell(name, number, f"{longest:,}")
        yield number, (*lead, *cells) if lead else tuple(cells)


# --- how far a workbook's cells spread ----------------------------------------------------
#
# calamine holds a sheet as one rectangle of cells from its first filled cell to its last,
# and a process that asks for more memory than there is is ended at once (no exception).
# Two cells far apart (A1 and XFD1048576) make 17 billion cells from a 2 KB file, so the
# first sheet of an .xlsx is measured before calamine reads it. calamine measures an .ods
# itself (it refuses more than 100 million cells). An .xls is not measured: a sound one
# holds at most 65,536 rows of 256 columns.

_CHUNK = 1 << 22
_SHEET_PREFIX = re.compile(rb"<([^\s<>/:!?]+:)?(?:worksheet|sheetData)[\s/>]")
_TAG = re.compile(
    rb"<(/?)(?:[^\s<>/:!?]+:)?(row|c)(?=[\s/>])"
    rb"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>"""
)
"""A row's or a cell's start or end tag: ``/`` for an end, the name, the attributes."""
_REFERENCE = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CELL_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")


@dataclass
class _Spread:
    """The corners of the filled cells, as calamine places them (0-based)."""

    top: int = _LAST_ROW
    left: int = _LAST_COLUMN
    bottom: int = -1
    right: int = -1

    def add(self, row: int, column: int) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, column), max(self.right, column)

    @property
    def cells(self) -> int:
        return 0 if self.bottom < 0 else (self.bottom - self.top + 1) * (self.right - self.left + 1)


def _check_spread(name: str, suffix: str, data: bytes) -> None:
    """Refuses an .xlsx whose first sheet spans more than ``MAX_CELLS`` cells or has cells
    beyond the last row or column, and binary workbooks (.xlsb), whose cells are not
    measured."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return
    with archive:
        if any(member.lower().endswith("workbook.bin") for member in archive.namelist()):
            raise ValidationError(
                name, "is a binary Excel workbook (.xlsb), which is not read: save it as .xlsx"
            )
        if not any(member.lower() == "_rels/.rels" for member in archive.namelist()):
            return
        first = _first_sheet(archive)
        try:
            for member in archive.namelist() if first is None else [first]:
                _refuse_spread(name, suffix, _measure(archive, member))
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            ValueError,
            NotImplementedError,
        ):
            raise _unreadable(name, suffix) from None


def _measure(archive: zipfile.ZipFile, member: str) -> _Spread:
    """Nothing when the sheet is written the plain way in a small box, else its spread."""
    foreign: tuple[re.Pattern[bytes], ...] = ()
    boxes: tuple[re.Pattern[bytes], ...] = ()
    for which in range(2):
        with archive.open(member) as handle:
            for chunk in _chunks(handle):
                if not boxes:
                    found = _SHEET_PREFIX.search(chunk)
                    foreign, boxes = _plain_patterns(found.group(1) or b"" if found else b"")
                if boxes[which].search(chunk) or any(p.search(chunk) for p in foreign):
                    break
            else:
                return _Spread()
    with archive.open(member) as handle:
        return _exact_spread(handle)


def _refuse_spread(name: str, suffix: str, spread: _Spread) -> None:
    if spread.bottom < 0:
        return
    if spread.bottom >= _LAST_ROW or spread.right >= _LAST_COLUMN:
        raise _unreadable(name, suffix)
    if spread.cells > MAX_CELLS:
        rows, columns = spread.bottom - spread.top + 1, spread.right - spread.left + 1
        raise ValidationError(
            name,
            f"the first sheet's cells spread over {rows:,} rows and {columns:,} columns "
            f"({_reference(spread.top, spread.left)} to "
            f"{_reference(spread.bottom, spread.right)}), more than can be read: delete "
            "the cells outside the list, or save the list as .csv",
        )


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _first_sheet(archive: zipfile.ZipFile) -> str | None:
    """The part holding the workbook's first sheet, found as calamine finds it (paths
    compared without case, ``\\`` read as ``/``); None when it cannot be found."""
    members = {member.replace("\\", "/").lower(): member for member in archive.namelist()}

    def read(part: str) -> ElementTree.Element:
        return ElementTree.fromstring(archive.read(members[part.lower()]))

    try:
        package = read("_rels/.rels")
        document = next(
            relation.get("Target", "")
            for relation in package
            if relation.get("Type", "").endswith("/relationships/officeDocument")
        )
        folder = document[: document.rfind("/") + 1].removeprefix("/")
        sheet = next(e for e in read(f"{folder}workbook.xml").iter() if _local(e.tag) == "sheet")
        relation_id = next(value for key, value in sheet.attrib.items() if _local(key) == "id")
        target = next(
            relation.get("Target", "")
            for relation in read(f"{folder}_rels/workbook.xml.rels")
            if relation.get("Id") == relation_id
        )
        part = target[1:] if target.startswith("/") else f"{folder}{target}"
        return members[part.lower()]
    except (KeyError, StopIteration, ElementTree.ParseError, zipfile.BadZipFile, zlib.error):
        return None


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    """The part in large pieces, each cut before a ``<`` so that no tag is split."""
    rest = b""
    while chunk := handle.read(_CHUNK):
        text = rest + chunk
        cut = text.rfind(b"<")
        if cut <= 0:
            rest = text
            continue
        rest = text[cut:]
        yield text[:cut]
    yield rest


@functools.cache
def _plain_patterns(
    prefix: bytes,
) -> tuple[tuple[re.Pattern[bytes], ...], tuple[re.Pattern[bytes], ...]]:
    """What finds cells under other prefixes, and for each box what finds a cell that is
    not written the plain way inside it (``<c r="A1" s="1" t="s">``, under the sheet's
    own prefix): columns A to NZ and rows 1 to 99,999, or columns A to AN and rows 1 to
    999,999 (39 and 40 million cells at the most). A sheet with no such cell needs no
    closer look."""
    foreign = [re.compile(rb":c[\s/>]")]
    if prefix:
        foreign = [re.compile(rb"(?<!<" + re.escape(prefix[:-1]) + rb"):c[\s/>]")]
        foreign.append(re.compile(rb"<c[\s/>]"))
    start = rb"<" + re.escape(prefix) + rb'c(?! r="'
    rest = rb'"(?: (?!r=)[A-Za-z]+="[^"]*")*/?>)[\s/>]'
    return tuple(foreign), (
        re.compile(start + rb"[A-N]?[A-Z][0-9]{1,5}" + rest),
        re.compile(start + rb"(?:A[A-N]|[A-Z])[0-9]{1,6}" + rest),
    )


def _exact_spread(handle: IO[bytes]) -> _Spread:
    """Where calamine puts each cell: at its reference, or without one after the cell
    before it (and in the row after the one before, for a row without a number).
    Empty elements (``<c/>``) count as opened and closed, and hold no value."""
    spread = _Spread()
    row = column = 0
    for chunk in _chunks(handle):
        for closing, name, attributes in _TAG.findall(chunk):
            place = _place(attributes) if b"r" in attributes else None
            empty = attributes.endswith(b"/")
            if name == b"row":
                if place is not None and not closing:
                    row = place[1]
                if closing or empty:
                    row, column = row + 1, 0
            elif not closing:
                cell_row = row
                if place is not None and place[0] >= 0:
                    column, cell_row = place
                if not empty:
                    spread.add(cell_row, column)
                column += 1
    return spread


def _place(attributes: bytes) -> tuple[int, int] | None:
    """The 0-based (column, row) of the last ``r`` attribute (column -1 when it names a
    row only), or None when there is none or it is not a reference."""
    found = _REFERENCE.findall(attributes)
    if not found:
        return None
    double, single = found[-1]
    match = _CELL_REFERENCE.fullmatch(double or single)
    if match is None:
        return None
    letters, digits = match.groups()
    return _column(letters), int(digits) - 1


@functools.cache
def _column(letters: bytes) -> int:
    """``b"A"`` -> 0, ``b"AA"`` -> 26; -1 for no letters."""
    column = 0
    for letter in letters.upper():
        column = column * 26 + letter - 64
    return column - 1


def _reference(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row + 1}"

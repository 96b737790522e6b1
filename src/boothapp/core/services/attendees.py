"""The organiser's attendee list: read an Excel or CSV export, map its columns, import it.

Badges that carry only an ID are looked up in this list when scanned; importing the
list also fills in the leads that were scanned before it was there (pending leads).

Columns are recognised by their header in English, French or German, ignoring accents,
case, spaces and punctuation ("Numéro de badge", "E-Mail", "Société"). An import is all
rows or none: a bad file or row raises ``ValidationError`` naming the file and the row,
and nothing is written. An invalid e-mail address or country is not fatal: the value is
left out and a warning names the row.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast
from xml.etree import ElementTree

from sqlalchemy import (
    Connection,
    Insert,
    Integer,
    Table,
    Update,
    and_,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.sql.compiler import SQLCompiler

from boothapp.core.db import Database
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.models import Attendee, Event, Lead, utc_now
from boothapp.core.schemas import LeadDetail, LeadInput
from boothapp.core.services.leads import LeadService
from boothapp.core.services.scans import attendee_input, is_pending, pending_condition
from boothapp.core.validation import clean_line, normalise_clean_email, normalise_country

ATTENDEE_FIELDS: tuple[str, ...] = (
    "badge_id",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "job_title",
    "email",
    "phone",
    "country",
    "city",
)
"""What a column can hold; ``full_name`` is split into first and last name when the list
has no separate name columns."""

FIELD_LABELS: dict[str, str] = {
    "badge_id": "Badge ID",
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Full name",
    "company": "Company",
    "job_title": "Job title",
    "email": "E-mail",
    "phone": "Phone",
    "country": "Country",
    "city": "City",
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "badge_id": (
        "badge id",
        "badge",
        "badge number",
        "badge no",
        "badge nr",
        "badge code",
        "barcode",
        "bar code",
        "code",
        "id",
        "qr code",
        "attendee id",
        "visitor id",
        "registration id",
        "registration number",
        "numéro de badge",
        "n° de badge",
        "n° badge",
        "no badge",
        "code badge",
        "code barre",
        "code-barres",
        "identifiant",
        "ausweisnummer",
        "ausweis nr",
        "ausweis",
        "badgenummer",
        "besucher id",
        "barcode nummer",
    ),
    "first_name": ("first name", "firstname", "given name", "forename", "prénom", "vorname"),
    "last_name": (
        "last name",
        "lastname",
        "surname",
        "family name",
        "nom",
        "nom de famille",
        "nachname",
        "familienname",
    ),
    "full_name": ("full name", "name", "nom complet", "vollständiger name", "contact"),
    "company": (
        "company",
        "company name",
        "organisation",
        "organization",
        "employer",
        "société",
        "entreprise",
        "organisme",
        "raison sociale",
        "firma",
        "unternehmen",
        "firmenname",
    ),
    "job_title": (
        "job title",
        "title",
        "job",
        "position",
        "role",
        "fonction",
        "poste",
        "titre",
        "titel",
        "berufsbezeichnung",
        "funktion",
    ),
    "email": (
        "e-mail",
        "email",
        "email address",
        "e-mail address",
        "mail",
        "courriel",
        "adresse e-mail",
        "adresse mail",
        "e-mail-adresse",
    ),
    "phone": (
        "phone",
        "phone number",
        "telephone",
        "téléphone",
        "tel",
        "tél",
        "telefon",
        "telefonnummer",
        "mobile",
        "mobile phone",
        "cell",
        "portable",
        "mobil",
        "handy",
    ),
    "country": ("country", "country code", "pays", "land", "staat", "nation"),
    "city": ("city", "town", "ville", "localité", "stadt", "ort", "wohnort"),
}

PREVIEW_ROWS = 20
_HEADER_SEARCH_ROWS = 10
_PROGRESS_STEP = 1000

Progress = Callable[[int, int], None]


def fold_header(text: str) -> str:
    """A header as compared: no accents, no case, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


_BY_FOLDED: dict[str, str] = {
    fold_header(name): key for key, names in _SYNONYMS.items() for name in names
}


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Field -> header for each column recognised; the first column wins a field."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = _BY_FOLDED.get(fold_header(header))
        if key is not None and key not in mapping:
            mapping[key] = header
    return mapping


@dataclass(frozen=True)
class AttendeePreview:
    """What a file holds, before importing it.

    ``mapping`` maps fields (``ATTENDEE_FIELDS``) to the header of their column;
    ``rows`` are the first data rows as text, one cell per header.
    """

    path: Path
    headers: tuple[str, ...]
    mapping: dict[str, str]
    unrecognised: tuple[str, ...]
    row_count: int
    rows: tuple[tuple[str, ...], ...]
    header_row: int


@dataclass(frozen=True)
class AttendeeImportResult:
    """What an import did. ``resolved`` counts pending leads filled in from the list."""

    event_id: int
    rows: int
    added: int
    updated: int
    unchanged: int
    resolved: int
    mapping: dict[str, str]
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Table:
    name: str
    header_row: int
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]


# --- reading files ----------------------------------------------------------------------


_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_MAX_COLUMNS = 16_384
_MAX_ROWS = 1_048_576
_DIGITS = "0123456789"
_CHUNK = 16 * 1024
_LAST_SERIAL = 2_958_465
_DATE_STYLES_BUILTIN = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_DATE_CODES = re.compile(r"[dmhys]", re.IGNORECASE)


def _letters_index(letters: str) -> int:
    """``"C"`` -> 2, ``"AA"`` -> 26; ``ValueError`` beyond Excel's last column."""
    index = 0
    for letter in letters:
        if not "A" <= letter <= "Z":
            raise ValueError(f"bad cell reference {letters!r}")
        index = index * 26 + ord(letter) - 64
    if not 0 < index <= _MAX_COLUMNS:
        raise ValueError(f"bad cell reference {letters!r}")
    return index - 1


_LETTERS = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
_COLUMNS: dict[str, int] = {
    letters: _letters_index(letters)
    for letters in (*_LETTERS, *(first + second for first in _LETTERS for second in _LETTERS))
}


@dataclass(frozen=True)
class _Parts:
    """Where a workbook keeps what is read, and how it counts dates."""

    namespace: str
    sheet: str
    strings: str | None
    styles: str | None
    date1904: bool


def _part_path(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _workbook_parts(archive: zipfile.ZipFile) -> _Parts:
    """The first worksheet, the shared strings and the styles of the workbook."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    namespace = workbook.tag.partition("}")[0] + "}"
    if namespace[1:-1] not in _MAIN_NAMESPACES:
        raise KeyError("not a workbook")
    sheet = workbook.find(f"{namespace}sheets/{namespace}sheet")
    if sheet is None:
        raise KeyError("no worksheet")
    relation = next((value for key, value in sheet.attrib.items() if key.endswith("}id")), None)
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for item in relations:
        target = item.get("Target", "")
        targets[item.get("Id", "")] = target
        kinds.setdefault(item.get("Type", "").rpartition("/")[2], target)
    target = targets.get(relation or "") or "worksheets/sheet1.xml"
    properties = workbook.find(f"{namespace}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "") in ("1", "true")
    names = set(archive.namelist())
    strings = _part_path(kinds.get("sharedStrings", "sharedStrings.xml"))
    styles = _part_path(kinds.get("styles", "styles.xml"))
    return _Parts(
        namespace=namespace,
        sheet=_part_path(target),
        strings=strings if strings in names else None,
        styles=styles if styles in names else None,
        date1904=date1904,
    )


def _rich_text(element: ElementTree.Element, namespace: str) -> str:
    """The text of a string item (``<si>`` or ``<is>``): its ``<t>``, or the ``<t>`` of
    each run; phonetic guides (``<rPh>``) are not part of it."""
    text = element.findtext(f"{namespace}t")
    if text is not None:
        return text
    return "".join(run.findtext(f"{namespace}t") or "" for run in element.iterfind(f"{namespace}r"))


def _shared_strings(archive: zipfile.ZipFile, parts: _Parts) -> list[str]:
    if parts.strings is None:
        return []
    item_tag = f"{parts.namespace}si"
    strings: list[str] = []
    with archive.open(parts.strings) as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag == item_tag:
                strings.append(_rich_text(element, parts.namespace))
                element.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile, parts: _Parts) -> frozenset[str]:
    """The cell styles (``s`` attribute values) whose number format shows a date."""
    if parts.styles is None:
        return frozenset()
    namespace = parts.namespace
    styles = ElementTree.fromstring(archive.read(parts.styles))
    dates = set(_DATE_STYLES_BUILTIN)
    for number_format in styles.iterfind(f"{namespace}numFmts/{namespace}numFmt"):
        if _is_date_format(number_format.get("formatCode", "")):
            dates.add(int(number_format.get("numFmtId", "-1")))
    return frozenset(
        str(index)
        for index, style in enumerate(styles.iterfind(f"{namespace}cellXfs/{namespace}xf"))
        if int(style.get("numFmtId", "0")) in dates
    )


def _is_date_format(code: str) -> bool:
    """Whether a number format code shows a date or a time (``dd/mm/yyyy``, ``[h]:mm``)."""
    return _DATE_CODES.search(_FORMAT_LITERALS.sub("", code.split(";")[0])) is not None


def _number_text(text: str) -> str:
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() and abs(number) < 1e16 else text


def _date_text(text: str, date1904: bool) -> str:
    """An Excel date serial as ISO 8601 text: ``"45244"`` -> ``"2023-11-14"``,
    ``"45244.5"`` -> ``"2023-11-14 12:00:00"``, ``"0.75"`` -> ``"18:00:00"``."""
    try:
        value = float(text)
    except ValueError:
        return text
    if not 0 <= value < _LAST_SERIAL:
        return _number_text(text)
    days, fraction = divmod(value, 1)
    seconds = round(fraction * 86_400)
    if seconds == 86_400:
        days, seconds = days + 1, 0
    clock = datetime.time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    if days == 0 and not date1904:
        return clock.isoformat()
    if date1904:
        epoch = datetime.date(1904, 1, 1)
    else:
        epoch = datetime.date(1899, 12, 31 if days < 60 else 30)
    day = epoch + datetime.timedelta(days=int(days))
    if seconds == 0:
        return day.isoformat()
    return f"{day.isoformat()} {clock.isoformat()}"


@dataclass(frozen=True)
class _Sheet:
    """What reading a worksheet's cells needs besides the cells."""

    namespace: str
    strings: list[str]
    dates: frozenset[str]
    date1904: bool


def _column(letters: str) -> int:
    known = _COLUMNS.get(letters)
    return _letters_index(letters.upper()) if known is None else known


def _row_number(number: str, expected: int) -> int:
    """A row's ``r``, which must come after the rows read before it."""
    row_number = int(number)
    if not expected <= row_number <= _MAX_ROWS:
        raise ValueError(f"bad row number {number!r}")
    return row_number


def _cell_text(kind: str | None, style: str | None, value: str, sheet: _Sheet) -> str:
    """A cell's ``<v>`` as text, read as its type (``t``) and style (``s``) say."""
    if kind == "s":
        return sheet.strings[int(value)]
    if kind is None or kind == "n":
        if style is not None and style in sheet.dates:
            return _date_text(value, sheet.date1904)
        return _number_text(value)
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    return value


def _row_of(cells: list[tuple[int, str]]) -> tuple[str, ...]:
    """A row from its non-empty cells (column index, text): each at its column, a later
    cell for the same column replacing an earlier one, empty cells at the end left out."""
    row: list[str] = []
    for index, text in cells:
        if index == len(row):
            row.append(text)
        elif index > len(row):
            row.extend([""] * (index - len(row)))
            row.append(text)
        else:
            row[index] = text
    return tuple(row)


def _row_text(element: ElementTree.Element, sheet: _Sheet) -> tuple[str, ...]:
    """A ``<row>``'s cells as text, each at its column; empty cells at the end left out."""
    namespace = sheet.namespace
    cell_tag, value_tag, inline_tag = f"{namespace}c", f"{namespace}v", f"{namespace}is"
    cells: list[tuple[int, str]] = []
    position = 0
    for cell in element:
        if cell.tag != cell_tag:
            continue
        reference = cell.get("r")
        index = position if reference is None else _column(reference.rstrip(_DIGITS))
        position = index + 1
        kind = cell.get("t")
        if kind == "inlineStr":
            inline = cell.find(inline_tag)
            text = "" if inline is None else _rich_text(inline, namespace)
        else:
            value = cell.findtext(value_tag)
            text = _cell_text(kind, cell.get("s"), value, sheet) if value else ""
        if text:
            cells.append((index, text))
    return _row_of(cells)


def _sheet_rows(handle: IO[bytes], sheet: _Sheet) -> Iterator[tuple[str, ...]]:
    """The worksheet's rows as text, one per row number (rows the file leaves out come
    as empty rows); numbers as written (``4006381333931``, ``2.5``), dates as ISO 8601.

    Each row is read when it ends and then emptied, so memory stays small whatever the
    length of the list.
    """
    row_tag = f"{sheet.namespace}row"
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(("end",))
    expected = 1
    while True:
        chunk = handle.read(_CHUNK)
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
        events = cast(Iterator[tuple[str, ElementTree.Element]], parser.read_events())
        for _, element in events:
            if element.tag != row_tag:
                continue
            number = element.get("r")
            if number is not None:
                row_number = _row_number(number, expected)
                while expected < row_number:
                    yield ()
                    expected += 1
            expected += 1
            yield _row_text(element, sheet)
            element.clear()
        if not chunk:
            return


class _NotPlain(Exception):
    """The worksheet holds XML that the plain reader leaves to the XML parser."""


_SPACE = "[ \t\n]*"
_PLAIN_ATTRIBUTES = '((?:[ \t\n]+[A-Za-z_][A-Za-z0-9_.:-]*="[^"<&\t\n\r]*")*)'
_PLAIN_TOKENS = re.compile(
    f"{_SPACE}(?:"
    f'<c[ \t\n]+r="([A-Z]{{1,3}})[0-9]*"{_PLAIN_ATTRIBUTES}{_SPACE}(?:/>|>{_SPACE}'
    f"(?:<v>([^<]*)</v>"
    f'|<is>{_SPACE}<t(?:[ \t\n]+xml:space="preserve")?>([^<]*)</t>{_SPACE}</is>'
    f"|<is/>|<is>{_SPACE}</is>)?{_SPACE}</c>)"
    f'|(<row)(?:[ \t\n]+r="([0-9]+)")?{_PLAIN_ATTRIBUTES}{_SPACE}(/?)>'
    "|(</row>)"
    "|([^ \t\n]))"
)
"""A cell (column letters, other attributes, ``<v>`` text, ``<is><t>`` text), a row's
start (``<row``, number, other attributes, ``/`` when it is empty), a row's end, or a
character none of these starts."""
_PLAIN_ATTRIBUTE = re.compile('([^ \t\n=]+)="([^"]*)"')
_NOT_PLAIN_TEXT = (
    *(chr(code) for code in range(32) if chr(code) not in "\t\n"),
    "\ufffe",
    "\uffff",
    "]]>",
)
"""Characters XML forbids (a strict UTF-8 decoder lets no others through) or reads as
another (a carriage return), and ``]]>``, which it forbids in text."""
_ENTITY = re.compile("&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos));|&")
_NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_SHEET_DATA = re.compile(f"<sheetData{_SPACE}(/?)>")
_SHEET_DATA_END = "</sheetData>"
_XML_DECLARATION = re.compile("<\\?xml[^>]*?encoding=[\"']([^\"']*)[\"']")
_PLAIN_CHUNK = 1 << 20


def _entity(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return _NAMED_ENTITIES[name]
    if decimal is None and hexadecimal is None:
        raise _NotPlain("an entity XML does not define")
    code = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if not (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ):
        raise _NotPlain("a reference to a character XML does not allow")
    return chr(code)


class _PlainSheet:
    """Reads the ``<sheetData>`` of a worksheet written the plain way spreadsheet programs
    write it (one regular expression over the text instead of an XML parser: about twice
    as fast). ``_NotPlain`` is raised for anything else; whatever it reads, the XML
    parser reads the same (``_sheet_rows``)."""

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        self.rows: list[tuple[str, ...]] = []
        self._cells: list[tuple[int, str]] | None = None
        self._expected = 1
        self._attributes: dict[str, tuple[str | None, str | None]] = {}
        self._qualified: set[tuple[str, ...]] = set()
        self._texts: dict[str, str] = {}

    def feed(self, text: str) -> None:
        """Reads whole rows: ``text`` must not end inside a row's start or a cell."""
        if any(forbidden in text for forbidden in _NOT_PLAIN_TEXT):
            raise _NotPlain("characters XML forbids or reads differently")
        sheet, rows, cells = self.sheet, self.rows, self._cells
        attributes, columns = self._attributes, _COLUMNS
        tokens = _PLAIN_TOKENS.findall(text)
        for letters, rest, value, inline, row, number, row_rest, empty, end, other in tokens:
            if letters:
                if cells is None:
                    raise _NotPlain("a cell outside a row")
                known = attributes.get(rest)
                kind, style = self._kind_and_style(rest) if known is None else known
                content = inline if kind == "inlineStr" else value
                if not content:
                    continue
                if "&" in content:
                    content = self._unescape(content)
                if kind != "inlineStr":
                    content = _cell_text(kind, style, content, sheet)
                if content:
                    index = columns.get(letters)
                    cells.append((_column(letters) if index is None else index, content))
            elif row:
                if cells is not None:
                    raise _NotPlain("a row inside a row")
                self._kind_and_style(row_rest)
                if number:
                    row_number = _row_number(number, self._expected)
                    rows.extend([()] * (row_number - self._expected))
                    self._expected = row_number
                self._expected += 1
                if empty:
                    rows.append(())
                else:
                    cells = []
            elif end:
                if cells is None:
                    raise _NotPlain("a row's end without its start")
                rows.append(_row_of(cells))
                cells = None
            else:
                raise _NotPlain(f"markup starting with {other!r}")
        self._cells = cells

    def check_outside(self, head: str, tail: str) -> None:
        """Checks what comes before and after ``<sheetData>``: well-formed XML in UTF-8
        and no DTD, ``<sheetData>`` in the workbook's namespace and no other rows, and
        the prefixed attributes read declared there."""
        if self._cells is not None:
            raise _NotPlain("a row without its end")
        declaration = _XML_DECLARATION.match(head)
        if declaration and declaration.group(1).lower() not in ("utf-8", "utf8"):
            raise _NotPlain("not UTF-8")
        if "<!DOCTYPE" in head:
            raise _NotPlain("a DTD")
        parser: ElementTree.XMLPullParser[Any] = ElementTree.XMLPullParser(
            ("start-ns", "start", "end")
        )
        parser.feed(f"{head}<sheetData/>{tail}".encode())
        parser.close()
        namespace = self.sheet.namespace
        scopes: list[dict[str, str]] = [{"xml": "http://www.w3.org/XML/1998/namespace"}]
        declared: dict[str, str] = {}
        found: list[dict[str, str]] = []
        for event, item in cast(Iterator[tuple[str, object]], parser.read_events()):
            if event == "start-ns" and isinstance(item, tuple):
                declared[item[0]] = item[1]
            elif event == "start" and isinstance(item, ElementTree.Element):
                scopes.append({**scopes[-1], **declared})
                declared = {}
                if item.tag == f"{namespace}row":
                    raise _NotPlain("a row outside <sheetData>")
                if item.tag == f"{namespace}sheetData":
                    found.append(scopes[-1])
            elif event == "end":
                scopes.pop()
        if len(found) != 1:
            raise _NotPlain("not one <sheetData> in the workbook's namespace")
        scope = found[0]
        for names in self._qualified:
            expanded = set()
            for name in names:
                prefix, _, local = name.partition(":")
                if prefix not in scope:
                    raise _NotPlain(f"the prefix of {name!r} is not declared")
                expanded.add((scope[prefix], local))
            if len(expanded) != len(names):
                raise _NotPlain("an attribute twice")

    def _kind_and_style(self, attributes: str) -> tuple[str | None, str | None]:
        """The ``t`` and ``s`` of the attributes after a cell's ``r`` (a row's are
        checked the same way, and their ``t`` and ``s`` mean nothing)."""
        known = self._attributes.get(attributes)
        if known is not None:
            return known
        pairs = _PLAIN_ATTRIBUTE.findall(attributes)
        names = [name for name, _ in pairs]
        if "r" in names or len(set(names)) != len(names):
            raise _NotPlain("an attribute twice")
        qualified = []
        for name in names:
            prefix, colon, local = name.partition(":")
            if name == "xmlns" or prefix == "xmlns":
                raise _NotPlain("a namespace declared inside <sheetData>")
            if colon:
                if not prefix or not local or ":" in local:
                    raise _NotPlain(f"attribute name {name!r}")
                qualified.append(name)
        if qualified:
            self._qualified.add(tuple(qualified))
        values = dict(pairs)
        known = self._attributes[attributes] = (values.get("t"), values.get("s"))
        return known

    def _unescape(self, text: str) -> str:
        known = self._texts.get(text)
        if known is None:
            known = self._texts[text] = _ENTITY.sub(_entity, text)
        return known


def _decoded(handle: IO[bytes]) -> Iterator[str]:
    """The text of a UTF-8 file read in large chunks (a byte order mark left out)."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    while chunk := handle.read(_PLAIN_CHUNK):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _plain_sheet_rows(handle: IO[bytes], sheet: _Sheet) -> list[tuple[str, ...]] | None:
    """What ``_sheet_rows`` reads, read faster, or None for a worksheet ``_PlainSheet``
    does not read (or a broken one: ``_sheet_rows`` then says what is wrong).

    The rows are read a chunk of whole rows at a time, so memory stays small.
    """
    plain = _PlainSheet(sheet)
    head: str | None = None
    text = ""
    reading = False
    try:
        for piece in _decoded(handle):
            text += piece
            if head is None:
                start = _SHEET_DATA.search(text)
                if start is None:
                    continue
                head, text = text[: start.start()], text[start.end() :]
                reading = not start.group(1)
            if reading:
                end = text.find(_SHEET_DATA_END)
                if end < 0:
                    cut = text.rfind("<row")
                    if cut > 0:
                        plain.feed(text[:cut])
                        text = text[cut:]
                    continue
                plain.feed(text[:end])
                text = text[end + len(_SHEET_DATA_END) :]
                reading = False
        if head is None or reading:
            return None
        plain.check_outside(head, text)
    except (_NotPlain, *_SHEET_ERRORS):
        return None
    return plain.rows


_SHEET_ERRORS = (
    KeyError,
    IndexError,
    ValueError,
    EOFError,
    zlib.error,
    ElementTree.ParseError,
    zipfile.BadZipFile,
)
"""What reading a broken workbook raises."""


def _read_xlsx(path: Path) -> Iterator[tuple[str, ...]]:
    """The first worksheet's rows, read straight from the workbook's XML (openpyxl's
    read-only mode takes about ten times longer on a 30,000-row list)."""
    unreadable = ValidationError(
        path.name, "is not a readable Excel workbook: save it again as .xlsx or .csv"
    )
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise ValidationError(path.name, f"cannot read the file ({exc.strerror or exc})") from None
    except zipfile.BadZipFile:
        raise unreadable from None
    with archive:
        try:
            parts = _workbook_parts(archive)
            sheet = _Sheet(
                namespace=parts.namespace,
                strings=_shared_strings(archive, parts),
                dates=_date_styles(archive, parts),
                date1904=parts.date1904,
            )
            with archive.open(parts.sheet) as handle:
                rows = _plain_sheet_rows(handle, sheet)
            if rows is not None:
                yield from rows
                return
            with archive.open(parts.sheet) as handle:
                yield from _sheet_rows(handle, sheet)
        except _SHEET_ERRORS:
            raise unreadable from None


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_csv(path: Path) -> Iterator[tuple[str, ...]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(path.name, f"cannot read the file ({exc.strerror or exc})") from None
    text = _decode(raw).replace("\x00", "")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield tuple(row)
    except csv.Error as exc:
        raise ValidationError(path.name, f"is not a readable CSV file ({exc})") from None


def _read_rows(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """The file's rows that hold something, each with its row number."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        reader = _read_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        reader = _read_csv(path)
    elif suffix == ".xls":
        raise ValidationError(
            path.name, "old .xls workbooks are not read: save it as .xlsx or .csv"
        )
    else:
        raise ValidationError(path.name, "give the attendee list as an .xlsx or .csv file")
    if not path.is_file():
        raise ValidationError(path.name, f"no such file: {path}")
    numbered = [(number, row) for number, row in enumerate(reader, start=1) if any(row)]
    if not numbered:
        raise ValidationError(path.name, "the file is empty")
    return numbered


def _file_version(path: Path) -> tuple[object, ...] | None:
    """What tells this version of the file from any other, or None if it cannot be read."""
    try:
        status = path.stat()
        where = str(path.resolve())
    except (OSError, RuntimeError):
        return None
    return (
        where,
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )


def _table(
    name: str, numbered: list[tuple[int, tuple[str, ...]]], mapping: Mapping[str, str] | None
) -> _Table:
    """The headers and the rows under them; without a mapping the header row is the first
    of the first rows that names a badge ID column."""
    header_index = 0
    if mapping is None:
        for index, (_, row) in enumerate(numbered[:_HEADER_SEARCH_ROWS]):
            if "badge_id" in guess_mapping([cell.strip() for cell in row]):
                header_index = index
                break
    header_row, header_cells = numbered[header_index]
    headers = _unique_headers([cell.strip() for cell in header_cells])
    width = len(headers)
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, row in numbered[header_index + 1 :]:
        if not "".join(row).strip():
            continue
        if len(row) < width:
            row = row + ("",) * (width - len(row))
        rows.append((number, row))
    return _Table(name, header_row, headers, rows)


def _unique_headers(headers: list[str]) -> tuple[str, ...]:
    """Headers with blanks named by position and repeats numbered, so each is a key."""
    seen: set[str] = set()
    result: list[str] = []
    for index, header in enumerate(headers, start=1):
        name = header or f"Column {index}"
        if name in seen:
            number = 2
            while f"{name} ({number})" in seen:
                number += 1
            name = f"{name} ({number})"
        seen.add(name)
        result.append(name)
    return tuple(result)


# --- checking rows ----------------------------------------------------------------------

_MAX_LENGTHS = {
    "badge_id": 200,
    "first_name": 200,
    "last_name": 200,
    "full_name": 400,
    "company": 300,
    "job_title": 300,
    "email": 254,
    "phone": 64,
    "country": 100,
    "city": 200,
}
_MULTIPLE_SPACES = re.compile(r"\s{2,}")


def _line(value: str, key: str) -> str:
    """``clean_line`` with a fast path for text that is already clean."""
    if value.isprintable():
        text = value.strip() if value.isascii() else unicodedata.normalize("NFC", value).strip()
        if "  " in text:
            text = _MULTIPLE_SPACES.sub(" ", text)
        if len(text) > _MAX_LENGTHS[key]:
            raise ValidationError(
                key, f"is {len(text)} characters long; at most {_MAX_LENGTHS[key]} are allowed"
            )
        return text
    return clean_line(value, key, _MAX_LENGTHS[key])


class _Rows:
    """Turns the file's rows into attendee values, checking each."""

    def __init__(self, table: _Table, mapping: Mapping[str, str]) -> None:
        self.table = table
        self.columns = {key: table.headers.index(header) for key, header in mapping.items()}
        self.extra_columns = [
            (index, header)
            for index, header in enumerate(table.headers)
            if index not in self.columns.values()
        ]
        self.split_names = "full_name" in self.columns and not (
            {"first_name", "last_name"} & self.columns.keys()
        )
        self.warnings: list[str] = []
        self._countries: dict[str, str | None] = {}

    def where(self, number: int) -> str:
        return f"{self.table.name} row {number}"

    def values(self, number: int, row: tuple[str, ...]) -> dict[str, Any]:
        cells: dict[str, str] = {}
        try:
            for key, index in self.columns.items():
                cells[key] = _line(row[index], key) if index < len(row) else ""
        except ValidationError as exc:
            raise ValidationError(self.where(number), f"{exc.field} {exc.reason}") from None
        if not cells.get("badge_id"):
            raise ValidationError(self.where(number), "there is no badge ID")
        first, last = cells.get("first_name", ""), cells.get("last_name", "")
        if self.split_names and cells.get("full_name"):
            first, _, last = cells["full_name"].rpartition(" ")
            if not first:
                first, last = last, ""
        values: dict[str, Any] = {
            "badge_id": cells["badge_id"],
            "first_name": first[:200],
            "last_name": last[:200],
            "company": cells.get("company", ""),
            "job_title": cells.get("job_title", ""),
            "email": self._email(number, cells.get("email", "")),
            "phone": cells.get("phone") or None,
            "country": self._country(number, cells.get("country", "")),
            "city": cells.get("city", ""),
        }
        extra: dict[str, str] = {}
        for index, header in self.extra_columns:
            if index < len(row) and row[index].strip():
                extra[header] = row[index].strip()
        if "full_name" in cells and not self.split_names and cells["full_name"]:
            extra[self.table.headers[self.columns["full_name"]]] = cells["full_name"]
        values["extra"] = extra
        return values

    def _email(self, number: int, value: str) -> str | None:
        if not value:
            return None
        try:
            return normalise_clean_email(value)
        except ValidationError:
            self.warnings.append(
                f"{self.where(number)}: {value!r} is not a valid e-mail address; left out"
            )
            return None

    def _country(self, number: int, value: str) -> str | None:
        if not value:
            return None
        if value not in self._countries:
            try:
                self._countries[value] = normalise_country(value)
            except ValidationError:
                self._countries[value] = None
        code = self._countries[value]
        if code is None:
            self.warnings.append(f"{self.where(number)}: unknown country {value!r}; left out")
        return code


def _check_mapping(table: _Table, mapping: Mapping[str, str]) -> dict[str, str]:
    unknown = [key for key in mapping if key not in ATTENDEE_FIELDS]
    if unknown:
        raise ValidationError(
            "mapping", f"{unknown[0]!r} is not one of {', '.join(ATTENDEE_FIELDS)}"
        )
    missing = [header for header in mapping.values() if header not in table.headers]
    if missing:
        raise ValidationError(
            table.name, f"there is no column {missing[0]!r} (row {table.header_row})"
        )
    if "badge_id" not in mapping:
        raise ValidationError(
            table.name,
            f"no badge ID column in row {table.header_row}: name it 'Badge ID' "
            "(or Barcode, Numéro de badge, Ausweisnummer) or choose it in the mapping",
        )
    return {key: mapping[key] for key in ATTENDEE_FIELDS if mapping.get(key)}


def _compared(values: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(values[key] for key in _STORED) + (values["extra"] or {},)


_STORED = ("first_name", "last_name", "company", "job_title", "email", "phone", "country", "city")


def _table_of(model: type[Attendee]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _execute_many(
    connection: Connection, statement: Insert | Update, rows: list[dict[str, Any]]
) -> None:
    """``connection.execute(statement, rows)`` in about half the time.

    With a positional driver (SQLite's) the statement is compiled once and each value
    goes through its column's own bind processor, so what is stored is the same; the
    generic path prepares every row's parameters through SQLAlchemy's machinery.
    """
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect, column_keys=list(rows[0]))
    assert isinstance(compiled, SQLCompiler)
    order = compiled.positiontup
    if order is None or not set(order) <= rows[0].keys():
        connection.execute(statement, rows)
        return
    processors = [
        (key, compiled.binds[key].type.dialect_impl(dialect).bind_processor(dialect))
        for key in order
    ]
    connection.exec_driver_sql(
        compiled.string,
        [
            tuple(
                [row[key] if process is None else process(row[key]) for key, process in processors]
            )
            for row in rows
        ],
    )


def _lead_input(lead: LeadDetail, fill: Mapping[str, str | None]) -> LeadInput:
    """The lead as it is, with its empty contact fields taken from ``fill``."""
    contact: dict[str, Any] = {
        "first_name": lead.first_name,
        "last_name": lead.last_name,
        "company": lead.company,
        "job_title": lead.job_title,
        "email": lead.email,
        "phone": lead.phone,
        "country": lead.country,
        "city": lead.city,
    }
    for key, value in fill.items():
        if value and not contact.get(key):
            contact[key] = value
    return LeadInput(
        **contact,
        mobile=lead.mobile,
        website=lead.website,
        street=lead.street,
        postal_code=lead.postal_code,
        region=lead.region,
        rating=lead.rating,
        follow_ups=lead.follow_ups,
        products=lead.products,
        answers={answer.question_id: answer.value for answer in lead.answers},
        consent=lead.consent_given,
        source=lead.source,
        badge_id=lead.badge_id,
        badge_format=lead.badge_format,
    )


class AttendeeService:
    def __init__(self, database: Database, leads: LeadService) -> None:
        self._db = database
        self._leads = leads
        self._previewed: tuple[tuple[object, ...], list[tuple[int, tuple[str, ...]]]] | None = None

    def read_file(self, path: Path | str) -> AttendeePreview:
        """Reads an attendee list without importing it: its columns, their guessed
        meaning and the first rows. Raises ``ValidationError`` for a file that cannot
        be read."""
        path = Path(path)
        table = _table(path.name, self._rows(path, previewing=True), None)
        mapping = guess_mapping(table.headers)
        return AttendeePreview(
            path=path,
            headers=table.headers,
            mapping={key: mapping[key] for key in ATTENDEE_FIELDS if key in mapping},
            unrecognised=tuple(h for h in table.headers if h not in mapping.values()),
            row_count=len(table.rows),
            rows=tuple(row[: len(table.headers)] for _, row in table.rows[:PREVIEW_ROWS]),
            header_row=table.header_row,
        )

    def import_file(
        self,
        path: Path | str,
        event_id: int,
        mapping: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> AttendeeImportResult:
        """Adds the file's attendees to the show, updating those already listed (same
        badge ID), then fills in the show's pending leads whose badge is in the list.

        ``mapping`` (field -> column header) overrides the guessed one. ``progress`` is
        called with (rows done, rows in all). All rows or none.
        """
        path = Path(path)
        table = _table(path.name, self._rows(path, previewing=False), mapping)
        chosen = _check_mapping(table, mapping or guess_mapping(table.headers))
        rows = _Rows(table, chosen)
        total = len(table.rows)
        if total == 0:
            raise ValidationError(
                table.name, f"there are no rows under the headers in row {table.header_row}"
            )
        seen: dict[str, int] = {}
        incoming: list[dict[str, Any]] = []
        for done, (number, row) in enumerate(table.rows, start=1):
            values = rows.values(number, row)
            earlier = seen.get(values["badge_id"])
            if earlier is not None:
                raise ValidationError(
                    rows.where(number),
                    f"badge ID {values['badge_id']!r} is already on row {earlier}",
                )
            seen[values["badge_id"]] = number
            incoming.append(values)
            if progress is not None and done % _PROGRESS_STEP == 0:
                progress(done, total)
        added, updated, unchanged = self._store(event_id, incoming)
        if progress is not None:
            progress(total, total)
        resolved, warnings = self._resolve(event_id)
        return AttendeeImportResult(
            event_id=event_id,
            rows=total,
            added=added,
            updated=updated,
            unchanged=unchanged,
            resolved=resolved,
            mapping=chosen,
            warnings=(*rows.warnings, *warnings),
        )

    def resolve_pending(self, event_id: int) -> int:
        """Fills in the show's pending leads from its attendee list; how many were."""
        return self._resolve(event_id)[0]

    def count(self, event_id: int) -> int:
        """How many attendees the show's list holds."""
        with self._db.read() as session:
            return len(
                session.scalars(select(Attendee.id).where(Attendee.event_id == event_id)).all()
            )

    # --- helpers -----------------------------------------------------------------

    def _rows(self, path: Path, previewing: bool) -> list[tuple[int, tuple[str, ...]]]:
        """The file's rows, read once for a preview and the import that follows it: the
        rows a preview read are kept, and used by the next import if the file has not
        changed since (same size, times and inode)."""
        version = _file_version(path)
        previewed, self._previewed = self._previewed, None
        if previewed is not None and version is not None and previewed[0] == version:
            rows = previewed[1]
        else:
            rows = _read_rows(path)
        if previewing and version is not None:
            self._previewed = (version, rows)
        return rows

    def _store(self, event_id: int, incoming: list[dict[str, Any]]) -> tuple[int, int, int]:
        table = _table_of(Attendee)
        now = utc_now()
        with self._db.write() as session:
            if session.get(Event, event_id) is None:
                raise NotFound(f"no show with id {event_id}")
            connection = session.connection()
            stored = {
                row[1]: (row[0], (*row[2:-1], row[-1] or {}))
                for row in connection.execute(
                    select(
                        table.c.id, table.c.badge_id, *(table.c[k] for k in _STORED), table.c.extra
                    ).where(table.c.event_id == event_id)
                )
            }
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            unchanged = 0
            for values in incoming:
                known = stored.get(values["badge_id"])
                if known is None:
                    inserts.append({**values, "event_id": event_id, "imported_at": now})
                elif known[1] != _compared(values):
                    updates.append({**values, "row_id": known[0], "imported_at": now})
                else:
                    unchanged += 1
            if inserts:
                _execute_many(connection, insert(table), inserts)
            if updates:
                _execute_many(
                    connection,
                    update(table)
                    .where(table.c.id == bindparam("row_id", type_=Integer))
                    .values({key: bindparam(key) for key in (*_STORED, "extra", "imported_at")}),
                    updates,
                )
        return len(inserts), len(updates), unchanged

    def _resolve(self, event_id: int) -> tuple[int, list[str]]:
        with self._db.read() as session:
            found = [
                (lead_id, attendee_input(attendee))
                for lead_id, attendee in session.execute(
                    select(Lead.id, Attendee)
                    .join(
                        Attendee,
                        and_(
                            Attendee.event_id == Lead.event_id, Attendee.badge_id == Lead.badge_id
                        ),
                    )
                    .where(
                        Lead.event_id == event_id, Lead.deleted_at.is_(None), pending_condition()
                    )
                    .order_by(Lead.created_at)
                )
            ]
        resolved = 0
        warnings: list[str] = []
        for lead_id, fill in found:
            lead = self._leads.get(lead_id)
            try:
                updated = self._leads.update(
                    lead_id, _lead_input(lead, fill), staff_id=lead.staff_id
                )
            except ValidationError as exc:
                warnings.append(f"lead {lead_id[:8]} (badge {lead.badge_id}): {exc}")
                continue
            if not is_pending(updated):
                resolved += 1
        return resolved, warnings

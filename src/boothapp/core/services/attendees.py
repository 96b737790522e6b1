"""The organiser's attendee list: read a spreadsheet or CSV export, map its columns, import it.

Badges that carry only an ID are looked up in this list when scanned; importing the
list also fills in the leads that were scanned before it was there (pending leads).

Columns are recognised by their header in English, French or German, ignoring accents,
case, spaces and punctuation ("Numéro de badge", "E-Mail", "Société"). An import is all
rows or none: a bad file or row raises ``ValidationError`` naming the file and the row,
and nothing is written. An invalid e-mail address or country is not fatal: the value is
left out and a warning names the row. A row naming a person who asked to be erased is
left out and counted (``AttendeeImportResult.erased``), with a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, Table, and_, bindparam, insert, select, update

from boothapp.core import sheets
from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.leads.changes import merged_input
from boothapp.core.models import Attendee, Event, Lead, utc_now
from boothapp.core.privacy.guard import ErasedPerson, digests_of, suppressed_digests
from boothapp.core.schemas import LeadDetail, LeadInput
from boothapp.core.services.leads import LeadService
from boothapp.core.services.scans import attendee_input, is_pending, pending_condition
from boothapp.core.validation import clean_line, normalise_clean_email, normalise_country

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

ATTENDEE_FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)
"""What a column can hold; ``full_name`` is split into first and last name when the list
has no separate name columns."""

_SYNONYMS: dict[str, str] = {
    "badge_id": (
        "badge id, badge, badge number, badge no, badge nr, badge code, barcode, bar code, code, "
        "id, qr code, attendee id, visitor id, registration id, registration number, "
        "numéro de badge, n° de badge, n° badge, no badge, code badge, code barre, code-barres, "
        "identifiant, ausweisnummer, ausweis nr, ausweis, badgenummer, besucher id, barcode nummer"
    ),
    "first_name": "first name, firstname, given name, forename, prénom, vorname",
    "last_name": (
        "last name, lastname, surname, family name, nom, nom de famille, nachname, familienname"
    ),
    "full_name": "full name, name, nom complet, vollständiger name, contact",
    "company": (
        "company, company name, organisation, organization, employer, société, entreprise, "
        "organisme, raison sociale, firma, unternehmen, firmenname"
    ),
    "job_title": (
        "job title, title, job, position, role, fonction, poste, titre, titel, berufsbezeichnung, "
        "funktion"
    ),
    "email": (
        "e-mail, email, email address, e-mail address, mail, courriel, adresse e-mail, "
        "adresse mail, e-mail-adresse"
    ),
    "phone": (
        "phone, phone number, telephone, téléphone, tel, tél, telefon, telefonnummer, mobile, "
        "mobile phone, cell, portable, mobil, handy"
    ),
    "country": "country, country code, pays, land, staat, nation",
    "city": "city, town, ville, localité, stadt, ort, wohnort",
}
"""Each field's column headers, separated by ", "."""

PREVIEW_ROWS = 20
_HEADER_SEARCH_ROWS = 10
_PROGRESS_STEP = 1000

Progress = Callable[[int, int], None]


_BY_FOLDED: dict[str, str] = {
    sheets.fold_header(name): key for key, names in _SYNONYMS.items() for name in names.split(", ")
}


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """Field -> header for each column recognised; the first column wins a field."""
    mapping: dict[str, str] = {}
    for header in headers:
        key = _BY_FOLDED.get(sheets.fold_header(header))
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
    """What an import did. ``resolved`` counts pending leads filled in from the list;
    ``erased`` the rows left out because the people on them asked to be erased (their
    e-mail address, or their badge at this show, is on the suppression list)."""

    event_id: int
    rows: int
    added: int
    updated: int
    unchanged: int
    resolved: int
    mapping: dict[str, str]
    warnings: tuple[str, ...] = field(default=())
    erased: int = 0


def erased_rows_warning(count: int) -> str:
    """The import's warning for rows left out because their people asked to be erased."""
    rows = "1 row was" if count == 1 else f"{count} rows were"
    return (
        f"{rows} left out: the people on them asked to have their personal data erased "
        "(their e-mail address or badge is on the suppression list)"
    )


@dataclass
class _Table:
    name: str
    header_row: int
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]


# --- reading files ----------------------------------------------------------------------


def _read_rows(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """The file's rows that hold something, each with its row number, as text."""
    return sheets.read_table(path, "the attendee list")


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


_ATTENDEES = _table_of(Attendee)
_INSERT = DriverStatement(insert(_ATTENDEES))
_UPDATE = DriverStatement(
    update(_ATTENDEES)
    .where(_ATTENDEES.c.id == bindparam("row_id", type_=Integer))
    .values({key: bindparam(key) for key in (*_STORED, "extra", "imported_at")})
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
        added, updated, unchanged, erased = self._store(event_id, incoming)
        if progress is not None:
            progress(total, total)
        resolved, lead_warnings = self._resolve(event_id)
        erased_warning = (erased_rows_warning(erased),) if erased else ()
        warnings = (*erased_warning, *rows.warnings, *lead_warnings)
        return AttendeeImportResult(
            event_id, total, added, updated, unchanged, resolved, chosen, warnings, erased
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

    def _store(self, event_id: int, incoming: list[dict[str, Any]]) -> tuple[int, int, int, int]:
        """Adds and updates the rows; returns how many were added, updated, unchanged
        and left out (people who asked to be erased)."""
        table = _ATTENDEES
        now = utc_now()
        with self._db.write() as session:
            event = session.get(Event, event_id)
            if event is None:
                raise NotFound(f"no show with id {event_id}")
            connection = session.connection()
            suppressed = suppressed_digests(connection)
            if suppressed:
                kept = [
                    values
                    for values in incoming
                    if suppressed.isdisjoint(
                        digests_of(values["email"], event.name, values["badge_id"])
                    )
                ]
                erased = len(incoming) - len(kept)
                incoming = kept
            else:
                erased = 0
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
            _INSERT.run_many(connection, inserts)
            _UPDATE.run_many(connection, updates)
        return len(inserts), len(updates), unchanged, erased

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
                updated = self._leads.update(lead_id, _filled(lead, fill), staff_id=lead.staff_id)
            except (ValidationError, ErasedPerson) as exc:
                warnings.append(f"lead {lead_id[:8]} (badge {lead.badge_id}): {exc}")
                continue
            if not is_pending(updated):
                resolved += 1
        return resolved, warnings


def _filled(lead: LeadDetail, fill: Mapping[str, str | None]) -> LeadInput:
    """The lead as it is, with its empty contact fields taken from an attendee row."""
    given: dict[str, Any] = {key: value for key, value in fill.items() if value}
    return merged_input(lead, LeadInput(**given))

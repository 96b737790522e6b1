"""Exports for managers: Excel, CSV (plain or for a CRM) and vCard files of a show's leads.

An export covers one show (the active one unless the filter names another), narrowed
by the usual lead filter and optionally to the leads no earlier export wrote (each
export records the leads it writes for the first time, ``models.LeadFirstExport``).
The file is written next to its destination under a temporary name and moved
into place only when complete, so a failed or cancelled export never leaves a
half-written file, and nothing is recorded. Each finished export is recorded
(``models.ExportRecord``): who, when, format, filters, lead count, path.
"""

from __future__ import annotations

import builtins
import errno
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing, suppress
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from boothapp.core import audit
from boothapp.core.db import Database
from boothapp.core.driver import DriverStatement
from boothapp.core.durable import remove_stale, sync_file, sync_folder
from boothapp.core.errors import NotFound, StorageError, ValidationError
from boothapp.core.exporting.columns import Column, ShowContext, is_known_key, parts_needed
from boothapp.core.exporting.csvfile import COMMA, DELIMITERS, write_csv
from boothapp.core.exporting.presets import BUILT_IN_PRESETS, preset_columns
from boothapp.core.exporting.report import (
    CancelCheck,
    ExportCancelled,
    ExportError,
    ExportReport,
    ExportWarning,
    ProgressCallback,
    Ticker,
)
from boothapp.core.exporting.summary import Summary
from boothapp.core.exporting.vcard import write_vcards
from boothapp.core.exporting.xlsx import WorkbookInfo, write_workbook
from boothapp.core.leads.changes import check_created_range
from boothapp.core.leads.query import Selection, count_leads
from boothapp.core.leads.reader import ALL_PARTS, read_details, unsupported_filter_fields
from boothapp.core.models import (
    ExportRecord,
    LeadFirstExport,
    Product,
    Setting,
    StaffMember,
    utc_now,
)
from boothapp.core.schemas import EventRow, LeadDetail, LeadFilter
from boothapp.core.services.events import EventService
from boothapp.core.services.products import ProductService
from boothapp.core.services.staff import StaffService
from boothapp.core.validation import clean_line
from boothapp.core.vocabulary import AuditAction

__all__ = [
    "ExportCancelled",
    "ExportError",
    "ExportFormat",
    "ExportRecordRow",
    "ExportRequest",
    "ExportResult",
    "ExportService",
    "ExportWarning",
    "PresetStore",
]

ExportFormat = Literal["xlsx", "csv", "vcf"]
FORMATS: tuple[ExportFormat, ...] = ("xlsx", "csv", "vcf")
FORMAT_BY_SUFFIX: dict[str, ExportFormat] = {
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".vcf": "vcf",
    ".vcard": "vcf",
}
PRESETS_SETTING = "export_presets"

_FIRST_EXPORT = {
    "sqlite": DriverStatement(sqlite_insert(LeadFirstExport).on_conflict_do_nothing()),
    "postgresql": DriverStatement(postgresql_insert(LeadFirstExport).on_conflict_do_nothing()),
}
"""By database: records one lead as first written by one export, unless an earlier
export did."""
MAX_PRESET_NAME = 100


@dataclass(frozen=True)
class ExportRequest:
    """What to export, where.

    ``format`` defaults to the one named by the file's extension (.xlsx, .csv, .vcf).
    ``preset`` is None (every column of the Leads sheet), ``"salesforce"``,
    ``"hubspot"`` or the name of a saved custom preset; it applies to xlsx and CSV.
    ``lead_filter.event_id`` None means the active show. ``since_last_export`` keeps
    only the leads that no earlier export wrote to a file, whatever that export's
    filters, so a lead is never skipped because another export moved a date forward.
    ``staff_id`` is who exports (default: the staff member at the laptop), for the
    record. ``delimiter`` separates the fields of a CSV file: ``","`` or ``";"`` (for
    Excel in French, German and other languages that write decimals with a comma).
    """

    path: Path
    format: ExportFormat | None = None
    preset: str | None = None
    lead_filter: LeadFilter = field(default_factory=LeadFilter)
    since_last_export: bool = False
    staff_id: int | None = None
    delimiter: str = COMMA

    @property
    def resolved_format(self) -> ExportFormat:
        """The format asked for, else the one the file's extension names. An extension
        naming another format than the one asked for is refused (a CSV file named
        ``.xlsx`` would not open); any other extension is the user's choice."""
        suffix = Path(self.path).suffix.lower()
        found = FORMAT_BY_SUFFIX.get(suffix)
        if self.format is not None:
            if self.format not in FORMATS:
                raise ValidationError(
                    "format", f"{self.format!r} is not one of {', '.join(FORMATS)}"
                )
            if found is not None and found != self.format:
                raise ValidationError(
                    "format",
                    f"{Path(self.path).name}: a {suffix} file holds {found}, not "
                    f"{self.format}; name it .{self.format} or choose {found}",
                )
            return self.format
        if found is None:
            raise ValidationError(
                "format",
                f"{Path(self.path).name}: cannot tell the format from the extension "
                f"{suffix or '(none)'}; use .xlsx, .csv or .vcf",
            )
        return found


@dataclass(frozen=True)
class ExportResult:
    """A finished export. ``warnings`` is the export report: every value the export
    had to change (cut, split, characters removed), by lead and column."""

    path: Path
    count: int
    warnings: tuple[ExportWarning, ...]
    format: ExportFormat
    not_recorded: str = ""
    """Why the export was not recorded (a read-only database); empty when it was."""


@dataclass(frozen=True)
class ExportRecordRow:
    """One recorded export."""

    id: int
    event_id: int | None
    staff_id: int | None
    staff: str | None
    at: datetime
    format: str
    filters: dict[str, Any]
    lead_count: int
    path: str


class PresetStore:
    """Custom column presets, stored as one setting: ``{name: [column key, ...]}``.

    Keys are those of ``boothapp.core.exporting.columns`` (its docstring lists them).
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    def _load(self, session: Session) -> dict[str, list[str]]:
        stored = session.get(Setting, PRESETS_SETTING)
        value = stored.value if stored is not None else None
        if not isinstance(value, dict):
            return {}
        return {
            str(name): [str(key) for key in keys]
            for name, keys in value.items()
            if isinstance(keys, list)
        }

    def all(self) -> dict[str, tuple[str, ...]]:
        with self._db.read() as session:
            return {name: tuple(keys) for name, keys in sorted(self._load(session).items())}

    def names(self) -> builtins.list[str]:
        return list(self.all())

    def get(self, name: str) -> tuple[str, ...]:
        presets = self.all()
        found = presets.get(name)
        if found is None:
            folded = {key.casefold(): key for key in presets}
            original = folded.get(name.strip().casefold())
            if original is None:
                known = ", ".join([*BUILT_IN_PRESETS, *presets]) or "none"
                raise NotFound(f"no export preset named {name!r} (known: {known})")
            found = presets[original]
        return found

    def save(self, name: str, keys: Sequence[str]) -> tuple[str, ...]:
        """Stores (or replaces) a preset; returns its keys as stored."""
        clean_name = clean_line(name, "name", MAX_PRESET_NAME)
        if not clean_name:
            raise ValidationError("name", "a preset needs a name")
        if clean_name.casefold() in BUILT_IN_PRESETS:
            raise ValidationError("name", f"{clean_name!r} is a built-in preset")
        stored = tuple(key.strip() for key in keys if key.strip())
        if not stored:
            raise ValidationError("columns", "a preset needs at least one column")
        unknown = [key for key in stored if not is_known_key(key)]
        if unknown:
            raise ValidationError("columns", f"{unknown[0]!r} is not an export column")
        with self._db.write() as session:
            presets = {
                existing: value
                for existing, value in self._load(session).items()
                if existing.casefold() != clean_name.casefold()
            }
            presets[clean_name] = list(stored)
            session.merge(Setting(key=PRESETS_SETTING, value=presets))
        return stored

    def delete(self, name: str) -> None:
        with self._db.write() as session:
            presets = self._load(session)
            kept = {k: v for k, v in presets.items() if k.casefold() != name.strip().casefold()}
            if len(kept) == len(presets):
                raise NotFound(f"no export preset named {name!r}")
            session.merge(Setting(key=PRESETS_SETTING, value=kept))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _file_error(path: Path, exc: OSError, replacing: bool = False) -> ExportError:
    """A message naming the file and what to do, for an error met while writing it."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return ExportError(
            f"the disk is full: {path} was not written (an export also needs room for "
            "its temporary files); free some space and export again"
        )
    if code == errno.EROFS:
        return ExportError(f"cannot write {path}: the drive is read-only; choose another folder")
    if isinstance(exc, FileNotFoundError):
        return ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    if isinstance(exc, PermissionError):
        if replacing:
            return ExportError(
                f"cannot replace {path}: it is open in another program (Excel?) or "
                "read-only; close it and export again"
            )
        return ExportError(
            f"cannot write {path}: no permission to write in {path.parent}; choose another folder"
        )
    if isinstance(exc, IsADirectoryError):
        return ExportError(f"cannot write {path}: it is a folder; give a file name")
    if isinstance(exc, NotADirectoryError):
        return ExportError(f"cannot write {path}: {path.parent} is not a folder")
    reason = exc.strerror or str(exc)
    return ExportError(f"cannot write {path}: {reason}")


class ExportService:
    """Exports leads to files and keeps the log of exports.

    ``presets`` holds the custom column presets.
    """

    def __init__(
        self,
        database: Database,
        events: EventService,
        products: ProductService,
        staff: StaffService,
    ) -> None:
        self._db = database
        self._events = events
        self._products = products
        self._staff = staff
        self.presets = PresetStore(database)

    # --- what an export would hold ---------------------------------------------------

    def count(self, request: ExportRequest) -> int:
        """How many leads ``request`` would export (for a live count in a dialog)."""
        event = self._event(request)
        with self._db.read() as session:
            return count_leads(session.connection(), self._selection(session, request, event))

    def headers(self, request: ExportRequest) -> builtins.list[str]:
        """The column headers ``request`` would write (empty for vCard)."""
        if request.resolved_format == "vcf":
            return []
        show = self._show(self._event(request))
        return [column.header for column in self._columns(show, request)]

    def last_export(self, event_id: int) -> ExportRecordRow | None:
        """The show's most recent export, if any."""
        rows = self.history(event_id, limit=1)
        return rows[0] if rows else None

    def history(self, event_id: int, limit: int | None = None) -> builtins.list[ExportRecordRow]:
        """The show's exports, newest first."""
        with self._db.read() as session:
            query = (
                select(ExportRecord, StaffMember.name)
                .outerjoin(StaffMember, StaffMember.id == ExportRecord.staff_id)
                .where(ExportRecord.event_id == event_id)
                .order_by(ExportRecord.at.desc(), ExportRecord.id.desc())
            )
            if limit is not None:
                query = query.limit(limit)
            return [
                ExportRecordRow(
                    id=record.id,
                    event_id=record.event_id,
                    staff_id=record.staff_id,
                    staff=name,
                    at=record.at,
                    format=record.format,
                    filters=dict(record.filters or {}),
                    lead_count=record.lead_count,
                    path=record.path,
                )
                for record, name in session.execute(query)
            ]

    # --- exporting ---------------------------------------------------------------------

    def export(
        self,
        request: ExportRequest,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
    ) -> ExportResult:
        """Writes the file of ``request`` and records the export.

        ``progress(done, total)`` is called as leads are written; when ``cancelled()``
        turns true the export stops, removes its temporary file, records nothing and
        raises ``ExportCancelled``. Raises ``ExportError`` (naming the file) when the
        file cannot be written, ``ValidationError``/``NotFound`` for a bad request, and
        ``StorageError`` when the database cannot be read or the export not recorded
        (the file is then in place all the same).
        """
        dialect = self._db.engine.dialect.name
        if dialect not in _FIRST_EXPORT:
            raise StorageError(f"exports need SQLite or PostgreSQL, not {dialect}")
        path = Path(request.path).expanduser().absolute()
        self._check_destination(path)
        file_format = request.resolved_format
        if request.delimiter not in DELIMITERS:
            raise ValidationError(
                "delimiter", f"{request.delimiter!r}: a CSV file's fields are separated by , or ;"
            )
        if request.delimiter != COMMA and file_format != "csv":
            raise ValidationError("delimiter", "only a CSV file has a field separator to choose")
        if file_format == "vcf" and request.preset is not None:
            raise ValidationError(
                "preset", "a vCard file has fixed fields: choose Excel or CSV for a preset"
            )
        event = self._event(request)
        staff_id = self._exporter(request.staff_id)
        show = self._show(event)
        columns = self._columns(show, request)
        ticker = Ticker(0, progress, cancelled)
        report = ExportReport()
        started = utc_now()
        try:
            ticker.check()
            with self._db.read() as session, ExitStack() as stack:
                selection = self._selection(session, request, event)
                ticker.total = count_leads(session.connection(), selection)
                parts = ALL_PARTS if file_format != "csv" else parts_needed(columns)
                read = stack.enter_context(closing(read_details(session, selection, parts=parts)))
                exported: list[str] = []
                leads = _noting_ids(read, exported, report)

                def produce(temporary: Path) -> int:
                    if file_format == "xlsx":
                        info = WorkbookInfo(
                            title=event.name,
                            exported_at=show.local(started),
                            selection=self._describe(show, selection),
                            summary=Summary.read(session.connection(), selection, show),
                        )
                        with temporary.open("xb") as binary:
                            return write_workbook(
                                binary, leads, show, columns, report, info, ticker
                            )
                    if file_format == "csv":
                        with temporary.open("x", encoding="utf-8-sig", newline="") as text:
                            return write_csv(
                                text, leads, columns, report, ticker, request.delimiter
                            )
                    with temporary.open("x", encoding="utf-8", newline="") as text:
                        return write_vcards(text, leads, show, report, ticker)

                written = self._write_atomically(path, ticker, produce)
        except ExportCancelled:
            raise ExportCancelled(
                f"the export to {path} was cancelled; nothing was written"
            ) from None
        if self._db.read_only_reason is not None:
            not_recorded = (
                f"the database is read-only ({self._db.read_only_reason}): this export is not "
                "recorded and its leads are not marked as exported"
            )
            return ExportResult(path, written, tuple(report.warnings), file_format, not_recorded)
        try:
            self._record(
                event, staff_id, started, file_format, request, selection, written, path, exported
            )
        except StorageError as exc:
            raise StorageError(
                f"{path} was written, but the export could not be recorded ({exc}); its leads "
                "are not marked as exported"
            ) from exc
        return ExportResult(path, written, tuple(report.warnings), file_format)

    @staticmethod
    def _write_atomically(path: Path, ticker: Ticker, produce: Callable[[Path], int]) -> int:
        """Runs ``produce`` on a temporary file beside ``path``, syncs it, moves it into
        place and syncs the folder, so the file is on disk before its leads are marked
        exported; the temporary file is removed if anything fails or the user cancels,
        and those left by an export that was killed are removed by the next one."""
        remove_stale(path.parent, _part_prefix(path), PART_SUFFIX, STALE_PART_SECONDS)
        temporary = path.with_name(f"{_part_prefix(path)}{secrets.token_hex(4)}{PART_SUFFIX}")
        finished = False
        try:
            try:
                written = produce(temporary)
                ticker.finish()
                sync_file(temporary)
            except OSError as exc:
                raise _file_error(path, exc) from exc
            try:
                os.replace(temporary, path)
                sync_folder(path.parent)
            except OSError as exc:
                raise _file_error(path, exc, replacing=True) from exc
            finished = True
            return written
        finally:
            if not finished:
                with suppress(OSError):
                    temporary.unlink(missing_ok=True)

    def _record(
        self,
        event: EventRow,
        staff_id: int | None,
        started: datetime,
        file_format: ExportFormat,
        request: ExportRequest,
        selection: Selection,
        written: int,
        path: Path,
        exported: Sequence[str],
    ) -> None:
        """Records the export, and the leads it wrote that no export had written before,
        in one transaction."""
        lead_filter = selection.lead_filter
        filters: dict[str, Any] = {
            "event_id": lead_filter.event_id,
            "staff_id": lead_filter.staff_id,
            "rating": lead_filter.rating.value if lead_filter.rating is not None else None,
            "unrated": lead_filter.unrated,
            "product_sku": lead_filter.product_sku,
            "created_from": _iso(lead_filter.created_from),
            "created_to": _iso(lead_filter.created_to),
            "search": lead_filter.search,
            "deleted": lead_filter.deleted,
            "since_last_export": request.since_last_export,
            "preset": request.preset,
            "delimiter": request.delimiter if file_format == "csv" else None,
        }
        with self._db.write() as session:
            record = ExportRecord(
                event_id=event.id,
                staff_id=staff_id,
                at=started,
                format=file_format,
                filters=filters,
                lead_count=written,
                path=str(path),
            )
            session.add(record)
            session.flush()
            connection = session.connection()
            exporter = self._staff.get(staff_id).name if staff_id is not None else None
            audit.record(
                connection, AuditAction.EXPORT, exporter, written, f"{path} ({file_format})"
            )
            if exported:
                _FIRST_EXPORT[connection.dialect.name].run_many(
                    connection,
                    [{"lead_id": lead_id, "export_id": record.id} for lead_id in exported],
                )

    # --- helpers -------------------------------------------------------------------------

    def _event(self, request: ExportRequest) -> EventRow:
        unsupported = unsupported_filter_fields(request.lead_filter)
        if unsupported:
            raise ValidationError(
                "filter", f"exports cannot filter on {', '.join(unsupported)} yet"
            )
        return self._events.resolve(request.lead_filter.event_id)

    def _exporter(self, staff_id: int | None) -> int | None:
        if staff_id is not None:
            return self._staff.get(staff_id).id
        current = self._staff.current()
        return current.id if current is not None else None

    def _show(self, event: EventRow) -> ShowContext:
        return ShowContext(
            event=event,
            products=tuple(self._products.list(event_id=event.id, include_inactive=True)),
            questions=tuple(self._events.questions(event.id)),
        )

    def _columns(self, show: ShowContext, request: ExportRequest) -> builtins.list[Column]:
        preset = request.preset
        if preset is None or preset.casefold() in BUILT_IN_PRESETS:
            return preset_columns(show, preset.casefold() if preset else None)
        try:
            return preset_columns(show, None, self.presets.get(preset))
        except ValidationError as exc:
            raise ValidationError(f"preset {preset!r}", exc.reason) from None

    def _selection(self, session: Session, request: ExportRequest, event: EventRow) -> Selection:
        lead_filter = request.lead_filter
        check_created_range(lead_filter.created_from, lead_filter.created_to)
        sku = lead_filter.product_sku
        if sku and session.scalar(select(Product.id).where(Product.sku == sku)) is None:
            raise NotFound(f"no product with SKU {sku!r}: see 'boothapp product list'")
        return Selection(replace(lead_filter, event_id=event.id), request.since_last_export)

    @staticmethod
    def _check_destination(path: Path) -> None:
        if path.is_dir():
            raise ExportError(f"cannot write {path}: it is a folder; give a file name")
        parent = path.parent
        if not parent.exists():
            raise ExportError(f"cannot write {path}: the folder {parent} does not exist")
        if not parent.is_dir():
            raise ExportError(f"cannot write {path}: {parent} is not a folder")

    def _describe(self, show: ShowContext, selection: Selection) -> str:
        """The selection in words, for the Summary sheet."""
        lead_filter = selection.lead_filter
        parts: list[str] = []
        if lead_filter.staff_id is not None:
            try:
                parts.append(f"captured by {self._staff.get(lead_filter.staff_id).name}")
            except NotFound:
                parts.append(f"captured by staff member {lead_filter.staff_id}")
        if lead_filter.unrated:
            parts.append("not rated")
        elif lead_filter.rating is not None:
            parts.append(f"rated {lead_filter.rating.value}")
        if lead_filter.product_sku:
            parts.append(f"shown {lead_filter.product_sku}")
        if lead_filter.created_from is not None:
            parts.append(f"captured from {show.stamp(lead_filter.created_from)}")
        if lead_filter.created_to is not None:
            parts.append(f"captured before {show.stamp(lead_filter.created_to)}")
        if selection.not_exported:
            parts.append("not exported before")
        if lead_filter.search.strip():
            parts.append(f"matching {lead_filter.search.strip()!r}")
        if lead_filter.deleted:
            parts.append("deleted leads only")
        return "; ".join(parts) if parts else "all leads of the show"


def _noting_ids(
    leads: Iterator[LeadDetail], ids: list[str], report: ExportReport
) -> Iterator[LeadDetail]:
    """``leads``, appending the id of each to ``ids`` as it is handed on; what the
    reader found wrong with a lead (text that is not UTF-8) goes to the report."""
    note = ids.append
    for lead in leads:
        note(lead.id)
        for warning in lead.warnings:
            report.warn(lead.id, lead.display_name, warning.field, warning.message)
        yield lead


PART_SUFFIX = ".part"
STALE_PART_SECONDS = 3600


def _part_prefix(path: Path) -> str:
    return f".{path.stem[:40]}."

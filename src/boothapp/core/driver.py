"""The one raw-SQL surface: statements compiled once and run on SQLite's own cursor.

SQLAlchemy spends about 0.1 ms of Python on each ``Connection.execute`` (a one-row
select measured 96 µs through it against 5 µs on the driver's cursor), and saving a
lead runs nine statements. A ``DriverStatement`` keeps what matters of SQLAlchemy: the
SQL is generated from the models, and every value passes through its column type's
conversion (dates, enums, JSON, booleans) exactly as SQLAlchemy would store it. What it
leaves out: Python-side column defaults (an insert must be given every column that has
one, an update every column with an ``onupdate``; compiling checks it) and result
processing (rows come back as the driver's tuples, values as stored). On other
databases the statement simply runs through SQLAlchemy.

Statements built anew for each call (a list with the user's filters, an export's
selection) run through SQLAlchemy's own statement cache instead, and only their rows
are read on the driver's cursor: ``driver_rows`` for a page, ``driver_stream`` for a
whole export.

Text that is not UTF-8 (a file damaged, or written by another program) makes SQLite's
driver refuse the whole result ("Could not decode to UTF-8 column ..."), so one bad
value would hide every lead of the show. Every read here falls back, on that error
only, to a lenient decoder on that connection (bad bytes become U+FFFD) and runs the
statement again; a stream skips the rows it had already given. The decoder remembers
what it repaired (``repaired_text``), so that readers can name the leads concerned.
Well-formed databases never pay for it: SQLite's own decoding stays in place until
the first error.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Delete, Dialect, Insert, Select, Table, TextClause, Update
from sqlalchemy.exc import DBAPIError

_Statement = Select[*tuple[Any, ...]] | Insert | Update | Delete | TextClause
_Processor = Callable[[Any], Any] | None
_Bind = tuple[str, bool, Any, _Processor]
"""A parameter: its name, whether the caller must give it, its value otherwise, and its
type's conversion."""

STREAM_CHUNK = 1000
_DECODE_ERROR = "Could not decode to UTF-8"
_log = logging.getLogger(__name__)


class LenientText:
    """A SQLite ``text_factory`` that reads bytes that are not UTF-8 with U+FFFD in
    place of each bad sequence, and keeps the values it had to repair."""

    def __init__(self) -> None:
        self.repaired: set[str] = set()

    def __call__(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", "replace")
            if text not in self.repaired:
                self.repaired.add(text)
                _log.debug("text that is not UTF-8 was read as %r", text[:80])
            return text


def _is_decode_error(error: BaseException) -> bool:
    cause = error.orig if isinstance(error, DBAPIError) else error
    return isinstance(cause, sqlite3.OperationalError) and _DECODE_ERROR in str(cause)


def _sqlite_connection(connection: Connection) -> sqlite3.Connection | None:
    if connection.dialect.name != "sqlite":
        return None
    raw = connection.connection.driver_connection
    return raw if isinstance(raw, sqlite3.Connection) else None


def _read_leniently(connection: Connection, error: BaseException) -> None:
    """Re-raises ``error`` unless it is a decode error this connection can recover from
    by decoding leniently from now on."""
    raw = _sqlite_connection(connection)
    if raw is None or not _is_decode_error(error) or isinstance(raw.text_factory, LenientText):
        raise error
    raw.text_factory = LenientText()


def lenient_decoder(connection: Connection) -> Callable[[], LenientText | None]:
    """A cheap check, for a loop over many rows, of whether ``connection`` reads
    leniently (it met text that is not UTF-8): it gives the decoder, or None."""
    raw = _sqlite_connection(connection)
    if raw is None:
        return lambda: None

    def decoder() -> LenientText | None:
        factory = raw.text_factory
        return factory if type(factory) is LenientText else None

    return decoder


def repaired_in(decoder: LenientText, keys: Sequence[str], row: Sequence[Any]) -> list[str]:
    """The keys of ``row``'s values that the decoder had to repair."""
    repaired = decoder.repaired
    return [key for key, value in zip(keys, row, strict=False) if value in repaired]


def _retrying(connection: Connection, read: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """The rows of ``read()``; after a decode error, those of a lenient second run
    without the rows already given."""
    given = 0
    try:
        for row in read():
            yield row
            given += 1
        return
    except (sqlite3.OperationalError, DBAPIError) as error:
        _read_leniently(connection, error)
    for index, row in enumerate(read()):
        if index >= given:
            yield row


def table_of(model: type[Any]) -> Table:
    """The table a mapped class is stored in, for Core statements on it."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def driver_rows(
    connection: Connection, statement: _Statement, parameters: Mapping[str, Any]
) -> list[Any]:
    """The statement's rows as the database driver's own tuples, run through SQLAlchemy
    but without its result processing (the lead list reads hundreds of rows per key
    typed); no rows for a statement that returns none."""
    if not isinstance(statement, Select):
        return list(_all_rows(connection, statement, parameters))
    return list(_retrying(connection, lambda: _all_rows(connection, statement, parameters)))


def _all_rows(
    connection: Connection, statement: _Statement, parameters: Mapping[str, Any]
) -> Iterator[Any]:
    result = connection.execute(statement, dict(parameters))
    try:
        rows = list(result.cursor.fetchall()) if result.returns_rows else []
    finally:
        result.close()
    return iter(rows)


def driver_stream(
    connection: Connection,
    statement: _Statement,
    parameters: Mapping[str, Any] | None = None,
    chunk: int = STREAM_CHUNK,
) -> Iterator[Any]:
    """``driver_rows`` read ``chunk`` rows at a time, for results too large to hold."""
    if not isinstance(statement, Select):
        return _stream(connection, statement, parameters, chunk)
    return _retrying(connection, lambda: _stream(connection, statement, parameters, chunk))


def _stream(
    connection: Connection,
    statement: _Statement,
    parameters: Mapping[str, Any] | None,
    chunk: int,
) -> Iterator[Any]:
    result = connection.execute(statement, dict(parameters or {}))
    cursor = result.cursor
    try:
        while batch := cursor.fetchmany(chunk):
            yield from batch
    finally:
        result.close()


def _fetch_all(connection: Connection, sql: str, values: list[Any]) -> list[Any]:
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, values)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _fetch_chunks(connection: Connection, sql: str, values: list[Any], chunk: int) -> Iterator[Any]:
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, values)
        while batch := cursor.fetchmany(chunk):
            yield from batch
    finally:
        cursor.close()


class DriverStatement:
    """A Core statement (select, insert, update, delete, text) run on the driver's cursor
    on SQLite, compiled once per set of parameter names."""

    def __init__(self, statement: _Statement) -> None:
        self.statement = statement
        self._reads_only = isinstance(statement, Select)
        self._compiled: dict[frozenset[str], tuple[str, list[_Bind]]] = {}

    def rows(self, connection: Connection, parameters: Mapping[str, Any]) -> list[Any]:
        """Runs the statement once; its rows as the driver's tuples."""
        if connection.dialect.name != "sqlite":
            return driver_rows(connection, self.statement, parameters)
        sql, binds = self._for(connection.dialect, parameters)
        values = _values(binds, parameters)
        try:
            return _fetch_all(connection, sql, values)
        except sqlite3.OperationalError as error:
            if not self._reads_only:
                raise
            _read_leniently(connection, error)
        return _fetch_all(connection, sql, values)

    def first_value(self, connection: Connection, parameters: Mapping[str, Any]) -> Any:
        """The first column of the first row (None when there is no row)."""
        rows = self.rows(connection, parameters)
        return rows[0][0] if rows else None

    def run_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Runs the statement once per row of parameters (all with the same keys)."""
        if not rows:
            return
        if connection.dialect.name != "sqlite":
            connection.execute(self.statement, [dict(row) for row in rows])
            return
        sql, binds = self._for(connection.dialect, rows[0])
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(sql, [_values(binds, row) for row in rows])
        finally:
            cursor.close()

    def stream(
        self,
        connection: Connection,
        parameters: Mapping[str, Any],
        chunk: int = STREAM_CHUNK,
    ) -> Iterator[Any]:
        """The statement's rows, read ``chunk`` at a time."""
        if connection.dialect.name != "sqlite":
            yield from driver_stream(connection, self.statement, parameters, chunk)
            return
        sql, binds = self._for(connection.dialect, parameters)
        values = _values(binds, parameters)
        if not self._reads_only:
            yield from _fetch_chunks(connection, sql, values, chunk)
            return
        yield from _retrying(connection, lambda: _fetch_chunks(connection, sql, values, chunk))

    def _for(self, dialect: Dialect, parameters: Mapping[str, Any]) -> tuple[str, list[_Bind]]:
        keys = frozenset(parameters)
        compiled = self._compiled.get(keys)
        if compiled is None:
            compiled = self._compiled[keys] = self._compile(dialect, keys)
        return compiled

    def _compile(self, dialect: Dialect, keys: frozenset[str]) -> tuple[str, list[_Bind]]:
        statement = self.statement
        if isinstance(statement, Insert | Update):
            table = statement.table
            missing = [
                column.key
                for column in table.columns
                if (column.default if isinstance(statement, Insert) else column.onupdate)
                is not None
                and column.key not in keys
            ]
            if missing:
                what = "insert into" if isinstance(statement, Insert) else "update of"
                raise ValueError(f"{what} {table} needs a value for {', '.join(missing)}")
            compiled = statement.compile(dialect=dialect, column_keys=sorted(keys))
        else:
            compiled = statement.compile(dialect=dialect)
        binds: list[_Bind] = []
        for name in compiled.positiontup or ():
            bind = compiled.binds[name]
            if bind.expanding:
                raise ValueError(f"{name}: expanding parameters are not supported here")
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            binds.append((bind.key, bind.required, bind.effective_value, process))
        return str(compiled), binds


def _values(binds: list[_Bind], parameters: Mapping[str, Any]) -> list[Any]:
    """The driver's positional values for ``parameters``, each converted by its type."""
    values = []
    for name, required, fixed, process in binds:
        value = parameters[name] if required else parameters.get(name, fixed)
        values.append(process(value) if process is not None else value)
    return values

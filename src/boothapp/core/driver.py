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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Delete, Dialect, Insert, Select, Table, TextClause, Update

_Statement = Select[*tuple[Any, ...]] | Insert | Update | Delete | TextClause
_Processor = Callable[[Any], Any] | None
_Bind = tuple[str, bool, Any, _Processor]
"""A parameter: its name, whether the caller must give it, its value otherwise, and its
type's conversion."""

STREAM_CHUNK = 1000


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
    result = connection.execute(statement, dict(parameters))
    try:
        return list(result.cursor.fetchall()) if result.returns_rows else []
    finally:
        result.close()


def driver_stream(
    connection: Connection,
    statement: _Statement,
    parameters: Mapping[str, Any] | None = None,
    chunk: int = STREAM_CHUNK,
) -> Iterator[Any]:
    """``driver_rows`` read ``chunk`` rows at a time, for results too large to hold."""
    result = connection.execute(statement, dict(parameters or {}))
    cursor = result.cursor
    try:
        while batch := cursor.fetchmany(chunk):
            yield from batch
    finally:
        result.close()


class DriverStatement:
    """A Core statement (select, insert, update, delete, text) run on the driver's cursor
    on SQLite, compiled once per set of parameter names."""

    def __init__(self, statement: _Statement) -> None:
        self.statement = statement
        self._compiled: dict[frozenset[str], tuple[str, list[_Bind]]] = {}

    def rows(self, connection: Connection, parameters: Mapping[str, Any]) -> list[Any]:
        """Runs the statement once; its rows as the driver's tuples."""
        if connection.dialect.name != "sqlite":
            return driver_rows(connection, self.statement, parameters)
        sql, binds = self._for(connection.dialect, parameters)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, _values(binds, parameters))
            return list(cursor.fetchall())
        finally:
            cursor.close()

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
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, _values(binds, parameters))
            while batch := cursor.fetchmany(chunk):
                yield from batch
        finally:
            cursor.close()

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

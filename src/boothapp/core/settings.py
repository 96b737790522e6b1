"""Settings kept in the database's ``settings`` table.

Most rows belong to the booth and are shared by every laptop using the database (export
presets, each show's badge profile). The rows of ``StationSettings`` belong to one
station (one laptop's user account, see ``core.station``): ``AppSettings``, the capture
form's draft and the scanner's keyboard mapping.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.engine import Connection

from boothapp.core.db import Database
from boothapp.core.models import Setting
from boothapp.core.station import is_station_id

_SETTINGS = Setting.__table__
_ROWS = select(_SETTINGS.c.key, _SETTINGS.c.value).where(
    _SETTINGS.c.key.in_(bindparam("keys", expanding=True))
)


def _stored(connection: Connection, keys: Collection[str]) -> dict[str, Any]:
    """The value of each of ``keys`` that has a row."""
    return {row.key: row.value for row in connection.execute(_ROWS, {"keys": list(keys)})}


class StationSettings:
    """The settings of one station, on a database that several laptops may share.

    Each name is stored under the key ``"<name>@<station id>"`` (at most 100 characters:
    names are short and station IDs at most 64). Reads are plain Core statements, one per
    call, as the window's first screen makes them.

    Upgrading from a version that kept these settings under the bare name, one value for
    every laptop of the database:

    - a station with no row of its own for a name reads the bare row; its own row, even
      one holding null, hides the bare row from then on;
    - a station writes only its own rows; bare rows stay as the starting point of the
      stations that have not written their own (the other laptops of a shared server);
    - a value read with :meth:`take` (the form's draft) is taken, not shared: the first
      station to read it moves the bare row to its own key, deleting the bare row in the
      same transaction, so no two laptops offer to restore the same visitor.
    """

    def __init__(self, database: Database, station_id: str) -> None:
        if not is_station_id(station_id):
            raise ValueError(f"{station_id!r} is not a station ID")
        self.database = database
        self.station_id = station_id

    def key(self, name: str) -> str:
        """The key of this station's row for ``name``."""
        return f"{name}@{self.station_id}"

    def read(self, names: Collection[str]) -> dict[str, Any]:
        """The value of each of ``names`` that has one: this station's, else the bare one."""
        keys = [*names, *(self.key(name) for name in names)]
        with self.database.read_connection() as connection:
            stored = _stored(connection, keys)
        values = {}
        for name in names:
            own = self.key(name)
            if own in stored:
                values[name] = stored[own]
            elif name in stored:
                values[name] = stored[name]
        return values

    def write(self, values: Mapping[str, Any]) -> None:
        """Stores each name's value (plain JSON) as this station's."""
        with self.database.write() as session:
            for name, value in values.items():
                session.merge(Setting(key=self.key(name), value=value))

    def forget(self, name: str) -> None:
        """Deletes this station's row for ``name`` (a bare row, if any, shows through)."""
        with self.database.write_connection() as connection:
            connection.execute(delete(Setting).where(Setting.key == self.key(name)))

    def take(self, name: str) -> Any:
        """This station's value of ``name``; when it has none, the bare row's value, moved
        to this station's key in the same transaction that deletes the bare row (None
        when there is neither, or another station took the bare row first)."""
        with self.database.read_connection() as connection:
            value, bare_left = self._own_or_bare(connection, name)
        if not bare_left:
            return value
        with self.database.write_connection() as connection:
            value, bare_left = self._own_or_bare(connection, name)
            if bare_left:
                connection.execute(delete(Setting).where(Setting.key == name))
                connection.execute(insert(Setting).values(key=self.key(name), value=value))
        return value

    def _own_or_bare(self, connection: Connection, name: str) -> tuple[Any, bool]:
        """The value :meth:`take` returns, and whether it comes from the bare row."""
        own = self.key(name)
        stored = _stored(connection, (own, name))
        if own in stored or name not in stored:
            return stored.get(own), False
        return stored[name], True


SETTINGS_VERSION = 1


@dataclass(frozen=True)
class AppSettings:
    """What the booth laptop remembers between runs."""

    version: int = SETTINGS_VERSION
    active_event_id: int | None = None
    active_staff_id: int | None = None


_APP_SETTING_NAMES = tuple(field.name for field in fields(AppSettings))


class SettingsService:
    """``AppSettings``, kept per station: two laptops sharing a database each have their
    own active show and their own staff member at the laptop."""

    def __init__(self, station: StationSettings) -> None:
        self._station = station

    def load(self) -> AppSettings:
        return AppSettings(**self._station.read(_APP_SETTING_NAMES))

    def update(self, **changes: Any) -> AppSettings:
        """Changes some settings and stores them; unknown names raise TypeError."""
        settings = replace(self.load(), **changes)
        self._station.write(asdict(settings))
        return settings

"""Application settings: one typed dataclass, stored in the database's ``settings`` table."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import bindparam, select

from boothapp.core.db import Database
from boothapp.core.models import Setting

_SETTINGS = Setting.__table__
_ONE_SETTING = select(_SETTINGS.c.value).where(_SETTINGS.c.key == bindparam("key"))


def stored_setting(database: Database, key: str) -> Any:
    """The value stored under ``key`` in the settings table (None when there is none);
    read on the table itself, as the window's first screen does it."""
    with database.read_connection() as connection:
        return connection.execute(_ONE_SETTING, {"key": key}).scalar()


SETTINGS_VERSION = 1


@dataclass(frozen=True)
class AppSettings:
    """What the booth laptop remembers between runs."""

    version: int = SETTINGS_VERSION
    active_event_id: int | None = None
    active_staff_id: int | None = None


_APP_SETTINGS = select(_SETTINGS.c.key, _SETTINGS.c.value).where(
    _SETTINGS.c.key.in_([field.name for field in fields(AppSettings)])
)
"""The rows ``AppSettings`` is made of, and not the others the table holds (the form's
draft, up to 1 MB, or the scanner's keyboard mapping)."""


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def load(self) -> AppSettings:
        with self._db.read_connection() as connection:
            stored = {row.key: row.value for row in connection.execute(_APP_SETTINGS)}
        return AppSettings(**stored)

    def update(self, **changes: Any) -> AppSettings:
        """Changes some settings and stores them; unknown names raise TypeError."""
        settings = replace(self.load(), **changes)
        with self._db.write() as session:
            for key, value in asdict(settings).items():
                session.merge(Setting(key=key, value=value))
        return settings

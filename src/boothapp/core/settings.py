"""Application settings: one typed dataclass, stored in the database's ``settings`` table."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select

from boothapp.core.db import Database
from boothapp.core.models import Setting

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class AppSettings:
    """What the booth laptop remembers between runs."""

    version: int = SETTINGS_VERSION
    active_event_id: int | None = None
    active_staff_id: int | None = None


class SettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def load(self) -> AppSettings:
        with self._db.read() as session:
            stored = {row.key: row.value for row in session.scalars(select(Setting))}
        known = {f.name for f in fields(AppSettings)}
        return AppSettings(**{k: v for k, v in stored.items() if k in known})

    def update(self, **changes: Any) -> AppSettings:
        """Changes some settings and stores them; unknown names raise TypeError."""
        settings = replace(self.load(), **changes)
        with self._db.write() as session:
            for key, value in asdict(settings).items():
                session.merge(Setting(key=key, value=value))
        return settings

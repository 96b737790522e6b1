"""The keyboard mapping learned for this laptop's scanners (see ``badges.keyboard_layout``).

One mapping per database, as the database lives on the laptop whose layout it describes.
The badge parser loads only when a mapping is stored, keeping it out of start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boothapp.core.db import Database
from boothapp.core.models import Setting
from boothapp.core.settings import stored_setting

if TYPE_CHECKING:
    from boothapp.core.badges.keyboard_layout import KeyboardMapping

MAPPING_KEY = "scanner_keyboard_mapping"


class ScannerSettingsService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def load(self) -> KeyboardMapping | None:
        """The stored mapping; None when none was learned or it cannot be read."""
        value = stored_setting(self._db, MAPPING_KEY)
        if value is None:
            return None
        from boothapp.core.badges.keyboard_layout import KeyboardMapping

        return KeyboardMapping.from_json(value)

    def save(self, mapping: KeyboardMapping) -> None:
        """Stores ``mapping``; an identity mapping (a US layout) forgets the stored one."""
        if mapping.is_identity:
            self.clear()
            return
        with self._db.write() as session:
            session.merge(Setting(key=MAPPING_KEY, value=mapping.to_json()))

    def clear(self) -> None:
        with self._db.write() as session:
            row = session.get(Setting, MAPPING_KEY)
            if row is not None:
                session.delete(row)

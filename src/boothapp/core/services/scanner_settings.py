"""The keyboard mapping learned for this laptop's scanners (see ``badges.keyboard_layout``).

One mapping per station (see ``core.settings.StationSettings``): on a database shared by
several laptops, each keeps the mapping of its own layout. The badge parser loads only
when a mapping is stored, keeping it out of start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from boothapp.core.settings import StationSettings

if TYPE_CHECKING:
    from boothapp.core.badges.keyboard_layout import KeyboardMapping

MAPPING_KEY = "scanner_keyboard_mapping"


class ScannerSettingsService:
    def __init__(self, station: StationSettings) -> None:
        self._station = station

    def load(self) -> KeyboardMapping | None:
        """The stored mapping; None when none was learned or it cannot be read."""
        value = self._station.read((MAPPING_KEY,)).get(MAPPING_KEY)
        if value is None:
            return None
        from boothapp.core.badges.keyboard_layout import KeyboardMapping

        return KeyboardMapping.from_json(value)

    def save(self, mapping: KeyboardMapping) -> None:
        """Stores ``mapping``; an identity mapping (a US layout) forgets the stored one."""
        if mapping.is_identity:
            self.clear()
            return
        self._station.write({MAPPING_KEY: mapping.to_json()})

    def clear(self) -> None:
        """Forgets this laptop's mapping; a mapping stored by an earlier version for the
        whole database no longer applies to it either."""
        self._station.write({MAPPING_KEY: None})

"""The capture form's unsaved draft: written every few seconds, offered back after a crash.

One draft per station (one form per laptop, see ``core.settings.StationSettings``): two
laptops sharing a database never restore each other's visitor. It is stored durably like
a lead, so a power cut loses at most the last few seconds of typing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from boothapp.core.errors import ValidationError
from boothapp.core.models import utc_now
from boothapp.core.settings import StationSettings

DRAFT_KEY = "capture_draft"
MAX_DRAFT_BYTES = 1_000_000


@dataclass(frozen=True)
class Draft:
    """What was in the form: ``fields`` maps form field names to plain JSON values."""

    saved_at: datetime
    event_id: int | None
    lead_id: str | None
    fields: dict[str, Any]


class DraftService:
    def __init__(self, station: StationSettings) -> None:
        self._station = station

    def save(
        self, fields: dict[str, Any], event_id: int | None, lead_id: str | None = None
    ) -> None:
        """Replaces the stored draft. ``lead_id`` is set when an existing lead is being edited."""
        payload = {
            "saved_at": utc_now().isoformat(),
            "event_id": event_id,
            "lead_id": lead_id,
            "fields": fields,
        }
        encoded = json.dumps(payload, ensure_ascii=False)
        if len(encoded.encode("utf-8", "surrogatepass")) > MAX_DRAFT_BYTES:
            raise ValidationError("draft", "the form holds over 1 MB of text; shorten the notes")
        self._station.write({DRAFT_KEY: json.loads(encoded)})

    def load(self) -> Draft | None:
        """This laptop's draft; a draft left by an earlier version, kept for the whole
        database, is taken over by the first laptop to load it."""
        value = self._station.take(DRAFT_KEY)
        if not isinstance(value, dict) or not isinstance(value.get("fields"), dict):
            return None
        try:
            saved_at = datetime.fromisoformat(str(value["saved_at"]))
        except (KeyError, ValueError):
            return None
        event_id = value.get("event_id")
        lead_id = value.get("lead_id")
        return Draft(
            saved_at=saved_at,
            event_id=event_id if isinstance(event_id, int) else None,
            lead_id=lead_id if isinstance(lead_id, str) else None,
            fields=value["fields"],
        )

    def clear(self) -> None:
        self._station.forget(DRAFT_KEY)

"""The capture form's unsaved visitors: the draft written every few seconds and offered
back after a crash, and the visitors kept aside when a badge scan replaced them.

One draft per station (one form per laptop, see ``core.settings.StationSettings``): two
laptops sharing a database never restore each other's visitor. It is stored durably like
a lead, so a power cut loses at most the last few seconds of typing.

Kept visitors are a list of their own (newest last, at most ``MAX_KEPT``), so the draft
of the next visitor never writes over them; each stays until restored or discarded.
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
KEPT_KEY = "capture_kept"
MAX_DRAFT_BYTES = 1_000_000
MAX_KEPT = 20


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
        self._station.write({DRAFT_KEY: _payload(fields, event_id, lead_id)})

    def load(self) -> Draft | None:
        """This laptop's draft; a draft left by an earlier version, kept for the whole
        database, is taken over by the first laptop to load it."""
        return _draft(self._station.take(DRAFT_KEY))

    def clear(self) -> None:
        self._station.forget(DRAFT_KEY)

    def keep(
        self,
        fields: dict[str, Any],
        event_id: int | None,
        lead_id: str | None = None,
        saved_at: datetime | None = None,
    ) -> Draft:
        """Adds a visitor to the kept list and returns it as stored; the oldest one goes
        when over ``MAX_KEPT`` are kept. ``saved_at`` defaults to now."""
        payload = _payload(fields, event_id, lead_id, saved_at)
        kept = [*self._kept_payloads(), payload][-MAX_KEPT:]
        self._station.write({KEPT_KEY: kept})
        draft = _draft(payload)
        assert draft is not None
        return draft

    def kept(self) -> list[Draft]:
        """The kept visitors, oldest first."""
        drafts = (_draft(value) for value in self._kept_payloads())
        return [draft for draft in drafts if draft is not None]

    def forget_kept(self, draft: Draft) -> None:
        """Removes ``draft`` (restored or discarded) from the kept list."""
        stamp = draft.saved_at.isoformat()
        left = [value for value in self._kept_payloads() if value.get("saved_at") != stamp]
        if left:
            self._station.write({KEPT_KEY: left})
        else:
            self._station.forget(KEPT_KEY)

    def _kept_payloads(self) -> list[dict[str, Any]]:
        value = self._station.read([KEPT_KEY]).get(KEPT_KEY)
        if not isinstance(value, list):
            return []
        return [item for item in value if isinstance(item, dict)]


def _payload(
    fields: dict[str, Any],
    event_id: int | None,
    lead_id: str | None,
    saved_at: datetime | None = None,
) -> Any:
    """The form as stored: plain JSON, at most ``MAX_DRAFT_BYTES`` long."""
    payload = {
        "saved_at": (saved_at or utc_now()).isoformat(),
        "event_id": event_id,
        "lead_id": lead_id,
        "fields": fields,
    }
    encoded = json.dumps(payload, ensure_ascii=False)
    if len(encoded.encode("utf-8", "surrogatepass")) > MAX_DRAFT_BYTES:
        raise ValidationError("draft", "the form holds over 1 MB of text; shorten the notes")
    return json.loads(encoded)


def _draft(value: Any) -> Draft | None:
    """A stored payload as a :class:`Draft`; None when it is not one."""
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

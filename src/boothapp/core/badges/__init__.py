"""Badge payload parsing, free of Qt: vCard, MECARD, BIZCARD, URLs, JSON, delimited
records, key-value lines and bare IDs, read into one ``BadgeData``.

    from boothapp.core.badges import parse_badge, lead_input_from_badge
    data = parse_badge(scanned)           # str or bytes, at most 4 KiB
    lead = lead_input_from_badge(data)    # a LeadInput for the lead service

A bare ID (format ``"id"``) is looked up in the attendee list by the caller.
"""

from __future__ import annotations

from boothapp.core.badges.dispatch import is_unfinished_badge, is_whole_badge, parse_badge
from boothapp.core.badges.lead_input import lead_input_from_badge
from boothapp.core.badges.repair import MAX_PAYLOAD_BYTES, repair_payload
from boothapp.core.badges.result import BADGE_FIELDS, BadgeData, BadgeFormat, BadgeProfile

__all__ = [
    "BADGE_FIELDS",
    "MAX_PAYLOAD_BYTES",
    "BadgeData",
    "BadgeFormat",
    "BadgeProfile",
    "is_unfinished_badge",
    "is_whole_badge",
    "lead_input_from_badge",
    "parse_badge",
    "repair_payload",
]

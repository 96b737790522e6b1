"""A bare attendee ID (``MIL23-004512``, ``4006381333931``): the caller looks it up."""

from __future__ import annotations

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import looks_like_id


def looks_like(text: str) -> bool:
    return looks_like_id(text)


def parse(text: str) -> Draft:
    draft = Draft()
    draft.put("badge_id", text)
    return draft

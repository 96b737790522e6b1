"""MECARD (DoCoMo): ``MECARD:N:Lefèvre,Zoé;TEL:...;EMAIL:...;;`` with backslash escapes."""

from __future__ import annotations

import re

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import (
    split_escaped,
    unescape,
)

_PREFIX = re.compile(r"^\s*MECARD:", re.IGNORECASE)


def looks_like(text: str) -> bool:
    return _PREFIX.match(text) is not None


def key_values(body: str) -> list[tuple[str, str]]:
    """``KEY:value`` pairs of a ``;``-separated record; values keep their escapes.

    Only the first colon splits, so URLs whose colons are not escaped still read.
    """
    pairs: list[tuple[str, str]] = []
    for part in split_escaped(body.strip(), ";"):
        key, colon, value = part.partition(":")
        if colon and key.strip():
            pairs.append((key.strip().upper(), value))
    return pairs


def _address(value: str, draft: Draft) -> None:
    """DoCoMo's seven comma-separated parts when there are seven, else one free text."""
    parts = [unescape(part).strip() for part in split_escaped(value, ",")]
    if len(parts) != 7:
        draft.put("address", unescape(value))
        return
    draft.put_postal_address(tuple(parts))


_SIMPLE = {
    "EMAIL": "email",
    "TEL": "phone",
    "ORG": "company",
    "TITLE": "job_title",
    "URL": "website",
    "NOTE": "note",
    "UID": "badge_id",
    "ID": "badge_id",
    "X-ID": "badge_id",
    "X-BADGE-ID": "badge_id",
}


def parse(text: str) -> Draft:
    draft = Draft()
    body = _PREFIX.sub("", text, count=1)
    unknown: list[str] = []
    for key, value in key_values(body):
        if key == "N":
            names = split_escaped(value, ",")
            if len(names) >= 2:
                draft.put("last_name", unescape(names[0]))
                draft.put("first_name", unescape(",".join(names[1:])))
            else:
                draft.put("full_name", unescape(value))
        elif key == "ADR":
            _address(value, draft)
        elif key in _SIMPLE:
            draft.put(_SIMPLE[key], unescape(value))
        elif key not in ("SOUND", "TEL-AV", "BDAY", "NICKNAME", "MEMORY", "DAY"):
            unknown.append(key)
    if unknown:
        draft.warn(f"MECARD fields not read: {', '.join(dict.fromkeys(unknown))}")
    return draft

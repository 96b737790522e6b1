"""BIZCARD: ``BIZCARD:N:Zoé;X:Lefèvre;T:title;C:company;A:address;B:phone;E:email;;``."""

from __future__ import annotations

import re

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import unescape
from boothapp.core.badges.mecard import key_values

_PREFIX = re.compile(r"^\s*BIZCARD:", re.IGNORECASE)

_FIELDS = {
    "N": "first_name",
    "X": "last_name",
    "T": "job_title",
    "C": "company",
    "A": "address",
    "B": "phone",
    "M": "mobile",
    "F": "fax",
    "E": "email",
}


def looks_like(text: str) -> bool:
    return _PREFIX.match(text) is not None


def parse(text: str) -> Draft:
    draft = Draft()
    unknown: list[str] = []
    for key, value in key_values(_PREFIX.sub("", text, count=1)):
        if key in _FIELDS:
            draft.put(_FIELDS[key], unescape(value))
        else:
            unknown.append(key)
    if unknown:
        draft.warn(f"BIZCARD fields not read: {', '.join(dict.fromkeys(unknown))}")
    return draft

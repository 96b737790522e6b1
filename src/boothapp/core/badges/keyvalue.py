"""``Key: value`` lines (DoCoMo style and badge printers), keys in English, French or German.

``"Name: Zoé Lefèvre\\nCompany: ...\\nEmail: ..."``, ``"Prénom : Zoé\\nNom : Lefèvre"``,
``"Vorname: Jürgen\\nNachname: Müller\\nFirma: Müller GmbH"``; one line split by ``;``
or ``|`` reads too when every part has a key.
"""

from __future__ import annotations

import re

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import SALUTATIONS, field_for_key, fold_key, resolve_name_keys

_LINE = re.compile(r"^\s*(?P<key>[^\W\d_][\w .'’°/()#-]{0,39}?)\s*[:=：]\s*(?P<value>.*)$")
_CONTINUED = frozenset({"address", "note", "street"})


def _lines(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) == 1:
        for separator in (";", "|", "\t"):
            parts = [part for part in lines[0].split(separator) if part.strip()]
            if len(parts) > 1 and all(_LINE.match(part) for part in parts):
                return parts
    return lines


def parse(text: str) -> Draft | None:
    """None unless the text reads as a key-value record (two known keys, or one known key
    and nothing else)."""
    pairs: list[tuple[str | None, str, str]] = []
    stray = 0
    for line in _lines(text):
        match = _LINE.match(line)
        key = match.group("key").strip() if match else ""
        if match is None or match.group("value").startswith("//"):
            if pairs and pairs[-1][0] in _CONTINUED:
                field, name, value = pairs[-1]
                pairs[-1] = (field, name, f"{value}\n{line.strip()}")
            else:
                stray += 1
            continue
        pairs.append((field_for_key(key), key, match.group("value")))
    known = [field for field, _, _ in pairs if field is not None]
    if len(known) < 2 and not (known and len(pairs) == 1 and not stray):
        return None
    draft = Draft()
    name_field = resolve_name_keys(known)
    unknown: list[str] = []
    for field, key, value in pairs:
        if field is None:
            if value.strip():
                unknown.append(key)
        elif field == "name":
            draft.put(name_field, value)
        elif field == "job_title" and fold_key(value) in SALUTATIONS:
            continue
        else:
            draft.put(field, value)
    if unknown:
        draft.warn(f"fields not read: {', '.join(dict.fromkeys(unknown))}")
    if stray:
        draft.warn(f"{stray} line(s) without a key ignored")
    return draft

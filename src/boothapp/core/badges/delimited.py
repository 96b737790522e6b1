"""Delimited records: read by a show's ``BadgeProfile``, or guessed when plain.

Without a profile only a single record split by ``|``, tab or ``;`` with an e-mail
address among at least three parts is read (one field a line is too often plain text:
shows that print badges so need a profile), and a warning says the order was guessed.
A leading (or trailing) token with a digit is the badge ID; e-mail, phone and web parts
are recognised by their shape; the remaining text parts are taken as first name, last
name, company and job title in that order.
"""

from __future__ import annotations

import csv
import re

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import looks_like_id
from boothapp.core.badges.result import BadgeProfile

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^(?:tel:)?\+?[\d\s().\-/]{6,}$", re.IGNORECASE)
_WEB = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_SEPARATOR_NAMES = {"|": "|", "\t": "tab", ";": ";"}
_GUESSED_ORDER = ("first_name", "last_name", "company", "job_title")


def _split(text: str, separator: str) -> list[str]:
    if len(separator) == 1 and separator != "\n" and '"' in text:
        try:
            rows = list(csv.reader([text], delimiter=separator))
        except csv.Error:
            rows = []
        if rows:
            return rows[0]
    return text.split(separator)


def _record(text: str, separator: str, draft: Draft) -> str:
    """The first record when every line is one (several scanned at once)."""
    if separator == "\n":
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(separator in line for line in lines):
        draft.warn(f"the scan holds {len(lines)} records; only the first was read")
        return lines[0]
    return text


def applies(text: str, profile: BadgeProfile) -> bool:
    return profile.separator in text or sum(1 for name in profile.fields if name) == 1


def parse_with_profile(text: str, profile: BadgeProfile) -> Draft:
    draft = Draft()
    parts = _split(_record(text, profile.separator, draft), profile.separator)
    for name, value in zip(profile.fields, parts, strict=False):
        if name:
            draft.put(name, value.strip())
    if len(parts) > len(profile.fields):
        extra = [part.strip() for part in parts[len(profile.fields) :] if part.strip()]
        if extra:
            draft.warn(f"{len(extra)} column(s) beyond the badge profile ignored")
    elif len(parts) < len(profile.fields):
        draft.warn(
            f"the record has {len(parts)} column(s); the badge profile expects "
            f"{len(profile.fields)}"
        )
    return draft


def _kind(part: str, index: int, last: int) -> str:
    if _EMAIL.match(part):
        return "email"
    if _WEB.match(part):
        return "website"
    leading_zero_number = part.isdigit() and part.startswith("0")
    if (index == 0 or (index == last and not leading_zero_number)) and looks_like_id(part):
        return "badge_id"
    digits = sum(ch.isdigit() for ch in part)
    if _PHONE.match(part) and digits >= 6:
        return "phone"
    return "text"


def guess(text: str) -> Draft | None:
    """None unless the text is plainly one delimited record holding an e-mail address."""
    for separator in _SEPARATOR_NAMES:
        if separator not in text:
            continue
        draft = Draft()
        parts = [part.strip().strip('"').strip() for part in _split(text.strip(), separator)]
        filled = [part for part in parts if part]
        if len(filled) < 3 or not any(_EMAIL.match(part) for part in filled):
            continue
        texts: list[str] = []
        for index, part in enumerate(filled):
            kind = _kind(part, index, len(filled) - 1)
            if kind == "badge_id" and draft.badge_id is not None:
                kind = "text"
            if kind == "text":
                texts.append(part)
            else:
                draft.put(kind, part)
        if len(texts) > 2 and _COUNTRY_CODE.match(texts[-1]):
            draft.put("country", texts.pop())
        if len(texts) == 2 and " " in texts[0] and " " not in texts[1]:
            draft.put("full_name", texts[0])
            draft.put("company", texts[1])
        elif len(texts) == 1:
            draft.put("full_name", texts[0])
        else:
            for name, part in zip(_GUESSED_ORDER, texts, strict=False):
                draft.put(name, part)
            if len(texts) > len(_GUESSED_ORDER):
                draft.warn(f"columns not read: {' | '.join(texts[len(_GUESSED_ORDER) :])}")
        name = _SEPARATOR_NAMES[separator]
        draft.warn(f"field order guessed from a {name}-separated record: check it")
        return draft
    return None

"""Web addresses on badges: registration links carrying an attendee ID, LinkedIn
profiles, ``mailto:`` and ``tel:`` links, or a plain website."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import field_for_key, fold_key, looks_like_id, word_set

_URL = re.compile(
    r"""^(?:https?://[^\s/?#@]+(?:[/?#]\S*)?
    |www\.[^\s./?#]+\.\S+
    |(?:[a-z0-9-]+\.)*linkedin\.com/\S+
    |mailto:[^@\s]+@[^@\s]+
    |tel:\+?[\d().\ -]{3,}(?:;\S*)?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_ID_QUERY_KEYS = word_set(
    "id badge badgeid badgeno badgenumber attendee attendeeid registration registrationid regid "
    "ticket ticketid visitor visitorid participant participantid code uid"
)
_ID_PATH_MARKERS = word_set(
    "badge badges b attendee attendees a visitor visitors v ticket tickets t registration "
    "registrations reg r participant participants p id scan s lead leads qr contact c u"
)
_NOT_NAMES = word_set(
    "sales team official company group info contact admin hr jobs careers recruiting recruitment "
    "marketing support office news events service services international global france germany "
    "europe defense defence security"
)
_ID_HOST_WORDS = ("badge", "reg", "ticket", "attendee", "lead", "scan", "checkin", "visitor")


def looks_like(text: str) -> bool:
    return _URL.match(text) is not None


def _linkedin_name(slug: str) -> tuple[str, str] | None:
    """(first, last) when a profile slug is plainly a name: ``zoe-lefevre-1a2b3c``."""
    words = unquote(slug).split("-")
    while words and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    if not 2 <= len(words) <= 3 or not all(len(word) >= 2 and word.isalpha() for word in words):
        return None
    if any(word.lower() in _NOT_NAMES for word in words):
        return None
    return words[0].capitalize(), " ".join(word.capitalize() for word in words[1:])


def _id_in_path(segments: list[str], host: str) -> str | None:
    for index, segment in enumerate(segments[:-1]):
        if fold_key(segment) in _ID_PATH_MARKERS and looks_like_id(segments[index + 1]):
            return segments[index + 1]
    if segments and any(word in host for word in _ID_HOST_WORDS) and looks_like_id(segments[-1]):
        return segments[-1]
    return None


def parse(text: str) -> Draft:
    draft = Draft()
    lowered = text.lower()
    if lowered.startswith("mailto:"):
        draft.put("email", unquote(text[7:].split("?", 1)[0]))
        return draft
    if lowered.startswith("tel:"):
        draft.put("phone", text)
        return draft
    address = text if "://" in text[:10] else "https://" + text
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").lower()
    except ValueError:
        draft.warn("malformed web address: kept as the website")
        draft.put("website", text)
        return draft
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]

    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        draft.put("website", text)
        if len(segments) >= 2 and segments[0].lower() in ("in", "pub"):
            name = _linkedin_name(segments[1])
            if name is not None:
                draft.put("first_name", name[0])
                draft.put("last_name", name[1])
                draft.warn(f"name guessed from the LinkedIn address ({segments[1]!r}): check it")
        return draft

    query: list[tuple[str, str]] = parse_qsl(parts.query)
    for key, value in query:
        token = value.strip()
        if fold_key(key) in _ID_QUERY_KEYS and looks_like_id(token, need_digit=False, min_length=1):
            draft.put("badge_id", token)
    if draft.badge_id is None:
        draft.put("badge_id", _id_in_path(segments, host))
    if draft.badge_id is None:
        draft.put("website", text)
        return draft
    for key, value in query:
        field = field_for_key(key)
        if field is not None and field not in ("badge_id", "name", "website"):
            draft.put(field, value)
    return draft

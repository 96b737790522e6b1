"""``parse_badge``: repair the payload, find its format, read it, clean the result."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from boothapp.core.badges import (
    bizcard,
    delimited,
    json_badge,
    keyvalue,
    mecard,
    opaque,
    url,
    vcard,
)
from boothapp.core.badges.draft import Draft, finish
from boothapp.core.badges.repair import check_size, repair_payload
from boothapp.core.badges.result import BadgeData, BadgeFormat, BadgeProfile
from boothapp.core.errors import ValidationError

_log = logging.getLogger(__name__)

_SYMBOLOGY_PREFIX = re.compile(r"^\][QdCAEILez][0-9](?=\S)")
"""An AIM symbology identifier some scanners put first: ``]Q1`` QR Code, ``]d2`` Data Matrix,
``]C0`` Code 128, ``]A0`` Code 39, ``]E0`` EAN, ``]I0`` ITF, ``]L2`` PDF417, ``]z0`` Aztec."""

_EMAIL_IN_TEXT = re.compile(r"[^@\s<>()\[\],;:\"']+@[^@\s<>()\[\],;:\"']+\.[A-Za-z]{2,}")

Reader = Callable[[str], Draft | None]

_CARD_LINE = re.compile(
    r"^[ \t]*(BEGIN|END)[ \t]*:[ \t]*VCARD[ \t\r]*$", re.IGNORECASE | re.MULTILINE
)
_CARD_RECORD = re.compile(r"\A(?:MECARD|BIZCARD):", re.IGNORECASE)
_ESCAPED = re.compile(r"\\.", re.DOTALL)


def is_whole_badge(text: str) -> bool:
    """Whether ``text``, the lines a scanner has typed so far, is a whole badge by its own
    marks: a vCard through the ``END:VCARD`` of its ``BEGIN:VCARD``, or a MECARD or
    BIZCARD through its closing ``;;``. False when only silence can tell (IDs, URLs,
    delimited records, key-value lines)."""
    text = text.strip()
    prefix = _SYMBOLOGY_PREFIX.match(text)
    if prefix is not None:
        text = text[prefix.end() :].lstrip()
    if _CARD_RECORD.match(text):
        return _ESCAPED.sub("", text).endswith(";;")
    depth = 0
    for mark in _CARD_LINE.finditer(text):
        if mark.start() == 0 and mark.group(1).upper() != "BEGIN":
            return False
        depth += 1 if mark.group(1).upper() == "BEGIN" else -1
        if depth == 0:
            return mark.end() == len(text)
    return False


def is_unfinished_badge(text: str) -> bool:
    """Whether ``text`` begins a badge that marks its own end (a vCard, a MECARD or a
    BIZCARD) and has not reached that end yet: the rest is still to come."""
    text = text.strip()
    prefix = _SYMBOLOGY_PREFIX.match(text)
    if prefix is not None:
        text = text[prefix.end() :].lstrip()
    if not (_CARD_RECORD.match(text) or text[:11].upper() == "BEGIN:VCARD"):
        return False
    return not is_whole_badge(text)


def parse_badge(payload: str | bytes, profile: BadgeProfile | None = None) -> BadgeData:
    """Reads a scanned badge payload of any known format into one ``BadgeData``.

    ``profile`` lays out delimited records for the show; other formats are still
    recognised when one is given. Raises ``ValidationError("badge", ...)`` only for an
    empty scan or one over 4 KiB; anything unreadable comes back as format ``"unknown"``
    with ``raw`` kept and a warning.
    """
    if isinstance(payload, bytearray | memoryview):
        payload = bytes(payload)
    if not isinstance(payload, str | bytes):
        raise ValidationError("badge", f"expected text or bytes, got {type(payload).__name__}")
    check_size(payload)
    repaired = repair_payload(payload)
    text = repaired.text
    if not text.strip():
        raise ValidationError("badge", "the scan is empty")
    try:
        format, draft = _read(text.strip(), profile)
        return finish(draft, format, text, list(repaired.warnings))
    except Exception:
        _log.exception("reading a badge payload failed")
        return BadgeData(
            format="unknown",
            raw=text,
            warnings=(*repaired.warnings, "the scan could not be read; it is kept as is"),
        )


def _safely(format: str, reader: Reader, text: str, notes: list[str]) -> Draft | None:
    """A parser's draft; a parser that fails hands over to the next one, with a warning."""
    try:
        return reader(text)
    except Exception:
        _log.exception("the %s badge reader failed", format)
        notes.append(f"the {format} reader failed on this scan")
        return None


def _read(text: str, profile: BadgeProfile | None) -> tuple[BadgeFormat, Draft]:
    notes: list[str] = []
    prefix = _SYMBOLOGY_PREFIX.match(text)
    if prefix is not None:
        notes.append(f"ignored the scanner prefix {prefix.group()!r}")
        text = text[prefix.end() :].strip()
    format, draft = _first_reading(text, profile, notes)
    for note in reversed(notes):
        draft.warnings.insert(0, note)
    return format, draft


def _first_reading(
    text: str, profile: BadgeProfile | None, notes: list[str]
) -> tuple[BadgeFormat, Draft]:
    readers: list[tuple[BadgeFormat, Callable[[str], bool], Reader]] = [
        ("vcard", vcard.looks_like, vcard.parse),
        ("mecard", mecard.looks_like, mecard.parse),
        ("bizcard", bizcard.looks_like, bizcard.parse),
        ("json", json_badge.looks_like, json_badge.parse),
        ("url", url.looks_like, url.parse),
    ]
    if profile is not None:
        readers.append(
            (
                "delimited",
                lambda t: delimited.applies(t, profile),
                lambda t: delimited.parse_with_profile(t, profile),
            )
        )
    readers += [
        ("delimited", lambda _: True, keyvalue.parse),
        ("id", opaque.looks_like, opaque.parse),
        ("delimited", lambda _: True, delimited.guess),
    ]
    for format, looks_like, reader in readers:
        if not looks_like(text):
            continue
        draft = _safely(format, reader, text, notes)
        if draft is None:
            if format == "json":
                notes.append("looks like JSON but is not valid JSON")
            continue
        return format, draft
    return "unknown", _unknown(text)


def _unknown(text: str) -> Draft:
    draft = Draft()
    emails = _EMAIL_IN_TEXT.findall(text)
    for email in emails[:5]:
        draft.put("email", email)
    if emails:
        draft.warn("not a known badge format: only the e-mail address was read")
    else:
        draft.warn("not a known badge format: the scan is kept as is")
    return draft

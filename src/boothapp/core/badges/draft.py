"""The values a parser collects, and how they become a clean ``BadgeData``.

Parsers only sort text into fields; cleaning, e-mail and country normalisation,
name splitting, address composition and the length limits happen once, here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from boothapp.core.badges.fields import (
    compose_address,
    guess_address_parts,
    postal_city,
    try_country,
    word_set,
)
from boothapp.core.badges.result import BadgeData, BadgeFormat
from boothapp.core.errors import ValidationError
from boothapp.core.validation import (
    clean_line,
    clean_text,
    normalise_clean_email,
    normalise_website,
)

PhoneKind = Literal["phone", "other", "mobile", "fax"]
"""``phone``: marked as a work or voice line; ``other``: unmarked or home."""

TEXT_FIELDS = (
    "badge_id",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "job_title",
    "website",
    "address",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
)

_CUT_AT = {
    "first_name": 200,
    "last_name": 200,
    "full_name": 400,
    "company": 300,
    "job_title": 300,
    "street": 500,
    "city": 200,
    "region": 200,
    "address": 1000,
}
"""Longer values are cut (the limits of the lead service), with a warning."""

_DROP_OVER = {"badge_id": 200, "postal_code": 32, "website": 500, "country": 100}
"""Longer values are dropped with a warning: a cut ID, code or address is wrong."""

_PHONE_MAX = 64
_NOTE_MAX = 10_000
_NO_LIMIT = 1 << 30


@dataclass
class Draft:
    """Mutable collector filled by one parser; the first value given for a field wins."""

    badge_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    full_name: str | None = None
    company: str | None = None
    job_title: str | None = None
    website: str | None = None
    address: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, PhoneKind]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def put_postal_address(self, parts: tuple[str, ...]) -> None:
        """Files the seven parts of a vCard ADR or a MECARD ADR (PO box, extended, street,
        city, region, postal code, country) and the whole address made of them."""
        pobox, extended, street, city, region, postal, country = parts
        street_text = compose_address(street, extended) or (f"PO Box {pobox}" if pobox else None)
        self.put("street", street_text)
        self.put("city", city)
        self.put("region", region)
        self.put("postal_code", postal)
        self.put("country", country)
        self.put(
            "address", compose_address(street_text, postal_city(postal, city), region, country)
        )

    def put(self, name: str, value: object) -> None:
        """Files ``value`` under a field name (``email``, ``phone``, ``mobile``, ``fax`` and
        ``note`` collect every value). Numbers become text; other types are ignored."""
        text = as_text(value)
        if text is None or not text.strip():
            return
        if name == "email":
            self.emails.append(text)
        elif name == "phone":
            self.phones.append((text, "phone"))
        elif name == "mobile":
            self.phones.append((text, "mobile"))
        elif name == "fax":
            self.phones.append((text, "fax"))
        elif name == "note":
            self.notes.append(text)
        elif name in TEXT_FIELDS and getattr(self, name) is None:
            setattr(self, name, text)

    def add_phone(self, value: str, kind: PhoneKind) -> None:
        if value.strip():
            self.phones.append((value, kind))

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def is_empty(self) -> bool:
        return not (
            self.emails
            or self.phones
            or self.notes
            or any(getattr(self, name) for name in TEXT_FIELDS)
        )


def as_text(value: object) -> str | None:
    """Text as is, whole numbers as text (JSON ``"phone": 33612345678``), else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if abs(value) < 10**40 else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return None


_PLAIN = re.compile(r"[\x20-\x7e]*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_DROPPED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]"
)
"""What ``core.validation`` drops or rewrites besides spaces (``\t``, ``\n`` aside)."""


def _plain_unicode(value: str) -> bool:
    """True when cleaning is only NFC and spaces: nothing to drop, nothing unassigned."""
    if value.replace("\n", " ").replace("\t", " ").isprintable():
        return True
    if _DROPPED.search(value):
        return False
    return all(unicodedata.category(ch) != "Cn" for ch in set(_NON_ASCII.findall(value)))


def clean(value: str) -> str:
    """``core.validation.clean_line`` without its length limit; short cuts for text that
    has nothing to drop (most of it, as the payload was repaired already)."""
    if _PLAIN.fullmatch(value):
        return " ".join(value.split())
    if _plain_unicode(value):
        return " ".join(unicodedata.normalize("NFC", value).split())
    return clean_line(value, "badge", max_length=_NO_LIMIT)


def clean_note(value: str) -> str:
    """``core.validation.clean_text`` without its length limit, with the same short cut."""
    if _plain_unicode(value):
        lines = unicodedata.normalize("NFC", value).split("\n")
        return "\n".join(line.rstrip() for line in lines).strip()
    return clean_text(value, "note", max_length=_NO_LIMIT)


_CJK = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    r"\U00020000-\U0003134f]"
)
_PARTICLES = word_set(
    "de da das do dos du del della der den di la le van von ter ten al el bin ibn ben"
)


def is_cjk_name(name: str) -> bool:
    """Chinese, Japanese or Korean script, where the family name comes first."""
    letters = name.replace(" ", "")
    return bool(letters) and all(_CJK.match(ch) for ch in letters)


def _is_capitals(token: str) -> bool:
    return len(token) > 1 and token.isupper()


def split_full_name(full: str) -> tuple[str | None, str]:
    """(first, last) from a full name: ``"Last, First"``; family name first for CJK; capitals
    mark a surname (``"LEFÈVRE Zoé"``); particles start one (``"Ludwig van Beethoven"``);
    else the last word is the last name."""
    if full.count(",") == 1:
        last, first = (part.strip() for part in full.split(","))
        if first and last:
            return first, last
    tokens = full.split()
    if len(tokens) == 1:
        return None, tokens[0]
    if len(tokens) == 2 and is_cjk_name(full):
        return tokens[1], tokens[0]
    capitals = [_is_capitals(token) for token in tokens]
    if not all(capitals):
        if capitals[0]:
            count = capitals.index(False)
            return " ".join(tokens[count:]), " ".join(tokens[:count])
        if capitals[-1]:
            count = capitals[::-1].index(False)
            return " ".join(tokens[:-count]), " ".join(tokens[-count:])
    for index in range(1, len(tokens) - 1):
        if tokens[index].lower() in _PARTICLES:
            return " ".join(tokens[:index]), " ".join(tokens[index:])
    return " ".join(tokens[:-1]), tokens[-1]


def join_name(first: str | None, last: str | None) -> str | None:
    if first and last and is_cjk_name(first) and is_cjk_name(last):
        return f"{last} {first}"
    return " ".join(part for part in (first, last) if part) or None


_TEL_PARAMS = re.compile(r";([^;=]+)(?:=([^;]*))?")


def clean_phone(value: str) -> str:
    """A phone as written, without a ``tel:`` scheme; ``;ext=12`` becomes `` ext. 12``."""
    text = clean(value)
    if text[:4].lower() == "tel:":
        number, _, params = text[4:].partition(";")
        extension = next(
            (
                match.group(2)
                for match in _TEL_PARAMS.finditer(";" + params)
                if match.group(1).strip().lower() == "ext" and match.group(2)
            ),
            None,
        )
        text = number.strip() + (f" ext. {extension.strip()}" if extension else "")
    return text


def _clean_email(value: str) -> str:
    text = clean(value)
    if text[:7].lower() == "mailto:":
        text = text[7:].split("?", 1)[0]
    return text.strip("<> ")


def _phone_key(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return ("+" if value.lstrip().startswith(("+", "00")) else "") + digits.lstrip("0")


class _Finisher:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.warnings: list[str] = []
        self.values: dict[str, str | None] = {}

    def warn(self, message: str) -> None:
        if message not in self.warnings and message not in self.draft.warnings:
            self.warnings.append(message)

    def text_fields(self) -> None:
        for name in TEXT_FIELDS:
            value = getattr(self.draft, name)
            if value is None:
                self.values[name] = None
                continue
            if name == "address":
                value = re.sub(r"\s*\n\s*", ", ", value.strip())
            text = clean(value)
            label = name.replace("_", " ")
            if name in _CUT_AT and len(text) > _CUT_AT[name]:
                self.warn(f"{label} cut to {_CUT_AT[name]} characters (was {len(text)})")
                text = text[: _CUT_AT[name]].rstrip()
            elif name in _DROP_OVER and len(text) > _DROP_OVER[name]:
                self.warn(f"{label} ignored: {len(text)} characters, more than {_DROP_OVER[name]}")
                text = ""
            self.values[name] = text or None
        website = self.values["website"]
        if website is not None:
            try:
                normalise_website(website)
            except ValidationError as error:
                self.warn(f"website ignored: {error.reason}")
                self.values["website"] = None

    def emails(self) -> tuple[str, ...]:
        found: list[str] = []
        for value in self.draft.emails:
            text = _clean_email(value)
            if not text:
                continue
            try:
                email = normalise_clean_email(text) if len(text) <= 254 else None
            except ValidationError:
                email = None
            if email is None:
                self.warn(f"e-mail {text[:254]!r} ignored: not a valid address")
            elif email.casefold() not in (known.casefold() for known in found):
                found.append(email)
        return tuple(found)

    def phones(self) -> tuple[tuple[str, ...], str | None, str | None]:
        kept: list[tuple[str, PhoneKind]] = []
        keys: set[str] = set()
        for value, kind in self.draft.phones:
            text = clean_phone(value)
            if not text:
                continue
            if not any(ch.isdigit() for ch in text):
                self.warn(f"phone {text[:64]!r} ignored: it has no digits")
                continue
            if len(text) > _PHONE_MAX:
                self.warn(f"phone ignored: {len(text)} characters, more than {_PHONE_MAX}")
                continue
            key = _phone_key(text)
            if key in keys:
                continue
            keys.add(key)
            kept.append((text, kind))
        phone = next((text for text, kind in kept if kind == "phone"), None) or next(
            (text for text, kind in kept if kind == "other"), None
        )
        mobile = next((text for text, kind in kept if kind == "mobile"), None)
        return tuple(text for text, _ in kept), phone, mobile

    def address(self) -> None:
        values = self.values
        structured = ("street", "postal_code", "city", "region")
        if values["address"] and not any(values[name] for name in structured):
            parts = guess_address_parts(values["address"])
            values["street"] = parts.street
            values["postal_code"] = parts.postal_code
            values["city"] = parts.city
            values["region"] = parts.region
            if values["country"] is None and parts.country is not None:
                values["country"] = parts.country
        country_text = values["country"]
        code = try_country(country_text)
        values["country"] = code
        if values["address"] is None:
            values["address"] = compose_address(
                values["street"],
                postal_city(values["postal_code"], values["city"]),
                values["region"],
                country_text,
            )
        if country_text and code is None:
            self.warn(f"country {country_text!r} not recognised; kept in the address only")
            address = values["address"] or ""
            if country_text.casefold() not in address.casefold():
                values["address"] = compose_address(address, country_text)

    def names(self) -> None:
        values = self.values
        first, last, full = values["first_name"], values["last_name"], values["full_name"]
        if full and not first and not last:
            first, last = split_full_name(full)
            values["first_name"], values["last_name"] = first, last
            self.warn(f"first and last name guessed from {full!r}")
        elif full and last and not first and full.endswith(" " + last):
            values["first_name"] = full[: -len(last)].strip()
        elif full and first and not last and full.startswith(first + " "):
            values["last_name"] = full[len(first) :].strip()
        elif not full:
            values["full_name"] = join_name(first, last)

    def note(self) -> str | None:
        text = clean_note("\n".join(self.draft.notes))
        if len(text) > _NOTE_MAX:
            self.warn(f"note cut to {_NOTE_MAX} characters (was {len(text)})")
            text = text[:_NOTE_MAX]
        return text or None


def finish(draft: Draft, format: BadgeFormat, raw: str, warnings: list[str]) -> BadgeData:
    """The clean result of a draft; ``warnings`` (from repairs) come first."""
    finisher = _Finisher(draft)
    finisher.text_fields()
    emails = finisher.emails()
    phones, phone, mobile = finisher.phones()
    finisher.address()
    finisher.names()
    note = finisher.note()
    values = finisher.values
    all_warnings = [*warnings]
    for message in (*draft.warnings, *finisher.warnings):
        if message not in all_warnings:
            all_warnings.append(message)
    return BadgeData(
        format=format,
        badge_id=values["badge_id"],
        first_name=values["first_name"],
        last_name=values["last_name"],
        full_name=values["full_name"],
        company=values["company"],
        job_title=values["job_title"],
        email=emails[0] if emails else None,
        emails=emails,
        phone=phone,
        phones=phones,
        mobile=mobile,
        website=values["website"],
        address=values["address"],
        street=values["street"],
        postal_code=values["postal_code"],
        city=values["city"],
        region=values["region"],
        country=values["country"],
        note=note,
        raw=raw,
        warnings=tuple(all_warnings),
    )

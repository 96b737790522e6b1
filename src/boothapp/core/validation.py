"""Pure normalisers for what people type or scanners send: text, e-mail, phone, country.

phonenumbers, email_validator and pycountry load on first use, not at import: the
window opens before anyone types a phone number.

Each either returns the cleaned value or raises ``ValidationError`` naming the field.
Phone numbers that cannot be parsed are kept as typed, with a ``FieldWarning``.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from boothapp.core.errors import ValidationError

# Bidi embeddings/overrides/isolates and invisible spaces: they can reorder what a
# reader sees (U+202E makes "gpj.exe" look like "exe.jpg") or hide in a name.
# The zero-width (non-)joiners stay: emoji sequences (👩‍🔧) and Persian or Indic
# spelling need them.
_INVISIBLE = dict.fromkeys(
    [
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200B,
        0x2060,
        0xFEFF,
        0x200E,
        0x200F,
    ]
)
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


@dataclass(frozen=True)
class FieldWarning:
    """Something odd about a value that was stored anyway."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


_CONTROL_SPACES = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x1f\x85", " "))
"""Control characters that stand for a space or a break: kept as a space."""


def _drop_unprintable(value: str, keep: str) -> str:
    """``value`` without control, unassigned and invisible characters, except those in
    ``keep``; a carriage return, vertical tab, form feed or separator (U+001C to U+001F)
    becomes a space, so that "VT\vFF" gives "VT FF", not "VTFF"."""
    value = value.translate(_INVISIBLE).translate(_CONTROL_SPACES)
    return "".join(
        ch
        for ch in value
        if ch in keep
        or not (unicodedata.category(ch) in ("Cc", "Cs", "Cn") or ch in "\ufffe\uffff")
    )


def clean_line(value: str | None, field: str, max_length: int = 200) -> str:
    """One line of text: NFC, control/bidi/zero-width characters removed, spaces folded."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, f"expected text, got {type(value).__name__}")
    cleaned = unicodedata.normalize("NFC", _drop_unprintable(value, keep=" \t\n"))
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is {len(cleaned)} characters long; at most {max_length} are allowed"
        )
    return cleaned


def clean_text(value: str | None, field: str, max_length: int = 100_000) -> str:
    """Multi-line text (notes): like ``clean_line`` but keeps line breaks and tabs."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, f"expected text, got {type(value).__name__}")
    cleaned = _LINE_BREAKS.sub("\n", value)
    cleaned = unicodedata.normalize("NFC", _drop_unprintable(cleaned, keep="\t\n"))
    cleaned = "\n".join(line.rstrip() for line in cleaned.split("\n")).strip()
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is {len(cleaned)} characters long; at most {max_length} are allowed"
        )
    return cleaned


_COMMON_EMAIL = re.compile(
    r"[\w+-]+(?:\.[\w+-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_SPECIAL_DOMAINS = frozenset(
    {"arpa", "example", "invalid", "local", "localhost", "onion", "test", "internal"}
)


def normalise_email(value: str | None, field: str = "email") -> str | None:
    """A syntactically valid address (no DNS look-up), domain lower-cased; None if empty."""
    cleaned = clean_line(value, field, max_length=254)
    return normalise_clean_email(cleaned, field) if cleaned else None


def normalise_clean_email(cleaned: str, field: str = "email") -> str:
    """``normalise_email`` of text already cleaned (``clean_line``), for callers that
    check thousands (an attendee list).

    The common addresses (a local part of letters and digits in any script, in NFC,
    with ``.``, ``_``, ``+`` and ``-``; a plain ASCII domain without ``--``, which IDNA
    reserves, nor a special-use name) are checked here, faster than by
    email_validator (1.5 µs against 49 µs for a typical address), which sees all the others."""
    if len(cleaned) <= 254 and _COMMON_EMAIL.fullmatch(cleaned):
        local, _, domain = cleaned.partition("@")
        if (
            len(local.encode()) <= 64
            and len(cleaned.encode()) <= 254
            and (local.isascii() or unicodedata.is_normalized("NFC", local))
            and "--" not in domain
            and domain.rpartition(".")[2].lower() not in _SPECIAL_DOMAINS
        ):
            return f"{local}@{domain.lower()}"
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(field, f"{cleaned!r} is not a valid e-mail address: {exc}") from None
    return str(result.normalized)


def normalise_phone(
    value: str | None, default_region: str | None, field: str = "phone"
) -> tuple[str | None, FieldWarning | None]:
    """E.164 (``+33612345678``) when the number parses; else what was typed, with a warning.

    ``default_region`` (ISO alpha-2, usually the show's country) applies to numbers
    typed without ``+`` or ``00``.
    """
    cleaned = clean_line(value, field, max_length=64)
    if not cleaned:
        return None, None
    import phonenumbers

    try:
        number = phonenumbers.parse(cleaned, default_region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_valid_number(number):
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return str(formatted), None
    hint = "" if default_region else " (add the country code, e.g. +33)"
    return cleaned, FieldWarning(
        field, f"{cleaned!r} is not a valid phone number{hint}; kept as typed"
    )


def phone_country(value: str | None, dialled_from: str | None, field: str = "phone") -> str | None:
    """The country (ISO alpha-2) of a phone number written in international form: with
    ``+`` (``+49 30 …``) or the international prefix of ``dialled_from`` (``0049 30 …``
    from FR). None for a number written the national way, a non-geographic one (+800,
    +882) and one whose country cannot be told."""
    cleaned = clean_line(value, field, max_length=64)
    if not cleaned:
        return None
    import phonenumbers

    try:
        number = phonenumbers.parse(cleaned, dialled_from, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code_source not in (
        phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN,
        phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_IDD,
    ):
        return None
    region = phonenumbers.region_code_for_number(number)
    return str(region) if region in _country_names("en") else None


def lead_country(
    country: str | None, phone: str | None, mobile: str | None, show_country: str | None
) -> str | None:
    """The country a lead is saved with when it has none yet: the one given; else that of
    its phone, then its mobile number, written in international form; else the show's."""
    return (
        normalise_country(country)
        or phone_country(phone, show_country, "phone")
        or phone_country(mobile, show_country, "mobile")
        or show_country
    )


def format_phone(e164: str | None) -> str:
    """An E.164 number in international format for display (``+33 6 12 34 56 78``)."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", " ", stripped).strip()


_COUNTRY_ALIASES = {
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uae": "AE",
    "emirates": "AE",
    "holland": "NL",
    "south korea": "KR",
    "korea": "KR",
    "russia": "RU",
    "czechia": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "etats unis": "US",
    "royaume uni": "GB",
    "allemagne": "DE",
    "deutschland": "DE",
    "espana": "ES",
    "italia": "IT",
    "schweiz": "CH",
    "suisse": "CH",
    "osterreich": "AT",
    "nederland": "NL",
    "belgique": "BE",
    "belgie": "BE",
}


@cache
def _country_names(language: str) -> dict[str, str]:
    """ISO alpha-2 code -> country name in ``language`` (falls back to English)."""
    import pycountry

    names: dict[str, str] = {}
    translate = _translator(language).gettext
    for country in pycountry.countries:
        if language == "en":
            names[str(country.alpha_2)] = str(getattr(country, "common_name", None) or country.name)
        else:
            names[str(country.alpha_2)] = translate(str(country.name))
    return names


def _translator(language: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


@cache
def _country_lookup() -> dict[str, str]:
    import pycountry

    lookup: dict[str, str] = {}
    translators = [_translator(lang).gettext for lang in ("fr", "de", "es", "it")]
    for country in pycountry.countries:
        code = str(country.alpha_2)
        names = {str(country.name), str(country.alpha_3)}
        for attribute in ("official_name", "common_name"):
            if hasattr(country, attribute):
                names.add(str(getattr(country, attribute)))
        for translate in translators:
            names.add(translate(str(country.name)))
        for name in names:
            lookup.setdefault(_fold(name), code)
    for alias, code in _COUNTRY_ALIASES.items():
        lookup.setdefault(alias, code)
    return lookup


def normalise_country(value: str | None, field: str = "country") -> str | None:
    """ISO 3166 alpha-2 code from a code (FR, FRA) or a name in English, French, German..."""
    cleaned = clean_line(value, field, max_length=100)
    if not cleaned:
        return None
    if len(cleaned) == 2 and cleaned.isascii() and cleaned.isalpha():
        code = cleaned.upper()
        if code in _country_names("en"):
            return code
        if code == "UK":
            return "GB"
    found = _country_lookup().get(_fold(cleaned))
    if found is None:
        raise ValidationError(
            field, f"unknown country {cleaned!r}: give an ISO code such as FR or a country name"
        )
    return found


def country_name(code: str | None, language: str = "en") -> str:
    """The name of an ISO alpha-2 country in English (default) or another language."""
    if not code:
        return ""
    return _country_names(language).get(code, code)


def country_choices(language: str = "en") -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name, for type-ahead lists."""
    return sorted(_country_names(language).items(), key=lambda item: _fold(item[1]))


def normalise_website(value: str | None, field: str = "website") -> str | None:
    """A web address; ``https://`` is added when no scheme was typed."""
    cleaned = clean_line(value, field, max_length=500)
    if not cleaned:
        return None
    if " " in cleaned:
        raise ValidationError(field, f"{cleaned!r} is not a web address (it contains spaces)")
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return "https://" + cleaned
    name = (scheme.group(1) or scheme.group(2)).lower()
    if name in _UNSAFE_SCHEMES:
        raise ValidationError(
            field,
            f"{cleaned[:60]!r} is not a web address: a {name}: link runs or opens something "
            "on the computer that follows it",
        )
    return cleaned


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://|([a-zA-Z][a-zA-Z0-9+-]*):(?![0-9])")
"""A scheme as in ``ftp://`` or ``javascript:``; not a host followed by its port
(``example.com:8080``)."""
_UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
"""Schemes a spreadsheet or browser could run or open locally when the link is followed;
any other (``ftp://``, ``skype:``) is kept as typed."""


def _zone_table() -> str:
    """The time zone database's ``zone.tab``: the system's, else the ``tzdata``
    package's (Windows); empty when neither is there."""
    import zoneinfo
    from importlib import resources
    from pathlib import Path

    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            return table.read_text(encoding="utf-8")
    try:
        return (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return ""


@cache
def _zones_by_country() -> dict[str, list[str]]:
    zones: dict[str, list[str]] = {}
    for line in _zone_table().splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                zones.setdefault(parts[0], []).append(parts[2])
    return zones


@cache
def country_time_zone(code: str | None) -> str | None:
    """The time zone of a country whose clocks all keep the same time (FR: Europe/Paris;
    DE: Europe/Berlin, as Busingen keeps Berlin's time), the first the time zone
    database lists for it; None for a country with several times (US, ES with the
    Canaries) or a code it does not know."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    zones = _zones_by_country().get((code or "").upper(), [])
    if not zones:
        return None
    year = datetime.now(UTC).year
    moments = [datetime(year, month, 15, 12, tzinfo=UTC) for month in (1, 7)]
    offsets = {
        tuple(moment.astimezone(ZoneInfo(zone)).utcoffset() for moment in moments) for zone in zones
    }
    return zones[0] if len(offsets) == 1 else None

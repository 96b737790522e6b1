"""What a badge scan gives: one frozen ``BadgeData`` whatever the format, and profiles."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal, get_args

from boothapp.core.errors import ValidationError

BadgeFormat = Literal["vcard", "mecard", "bizcard", "url", "json", "delimited", "id", "unknown"]
BADGE_FORMATS: tuple[BadgeFormat, ...] = get_args(BadgeFormat)

JsonValue = str | list[str] | None


@dataclass(frozen=True, slots=True)
class BadgeData:
    """The contact read from one badge payload.

    ``format`` names the reader: ``"delimited"`` covers both separated records and
    ``Key: value`` lines; ``"id"`` is a bare attendee ID for the caller to look up.
    Missing values are None, missing lists are empty. ``raw`` is the payload as text
    after repair (encoding, byte-order mark, control and invisible characters), so
    parsing ``raw`` again gives the same result. ``email``/``phone`` are the main
    entries of ``emails``/``phones``; phones are kept as written on the badge.
    ``country`` is an ISO 3166 alpha-2 code.
    """

    format: BadgeFormat
    badge_id: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    full_name: str | None = None
    company: str | None = None
    job_title: str | None = None
    email: str | None = None
    emails: tuple[str, ...] = ()
    phone: str | None = None
    phones: tuple[str, ...] = ()
    mobile: str | None = None
    website: str | None = None
    address: str | None = None
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    note: str | None = None
    raw: str = ""
    warnings: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, JsonValue]:
        """Every field by name; tuples become lists, so ``json.dumps`` takes it as is."""
        result: dict[str, JsonValue] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            result[item.name] = list(value) if isinstance(value, tuple) else value
        return result


BADGE_FIELDS: tuple[str, ...] = tuple(item.name for item in fields(BadgeData))

PROFILE_FIELDS: frozenset[str] = frozenset(BADGE_FIELDS) - {
    "format",
    "emails",
    "phones",
    "raw",
    "warnings",
}
"""The fields a delimited column can fill."""


@dataclass(frozen=True, slots=True)
class BadgeProfile:
    """How a show's badges lay out a delimited record.

    ``fields`` names the column contents in order, each a ``BadgeData`` field such as
    ``"badge_id"`` or ``"email"``, or ``""`` for a column to skip. A field named twice
    keeps the first non-empty value (``email`` and ``phone`` collect every value).
    """

    separator: str
    fields: tuple[str, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.separator, str) or not self.separator:
            raise ValidationError("badge_profile", "the separator must be one or more characters")
        if not isinstance(self.fields, tuple) or not self.fields:
            raise ValidationError("badge_profile", "give the fields as a non-empty tuple")
        unknown = [name for name in self.fields if name and name not in PROFILE_FIELDS]
        if unknown:
            allowed = ", ".join(sorted(PROFILE_FIELDS))
            raise ValidationError(
                "badge_profile",
                f"unknown field {unknown[0]!r}; use one of {allowed} or '' to skip a column",
            )
        if not any(self.fields):
            raise ValidationError("badge_profile", "at least one column must name a field")

"""The demo show's visitors: who they are and when they come by the stand.

People from two dozen countries with names in their own scripts (and Latin letters),
companies, job titles, valid phone numbers of their country, addresses and e-mail
addresses, drawn from the countries in ``demo_data.json``; capture times in the show's
opening hours, busier mid-morning and mid-afternoon. Every value is already in the form
the lead service stores (NFC text, E.164 phones, ISO countries).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from itertools import accumulate
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

DATA: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("demo_data.json").read_text(encoding="utf-8")
)
"""``demo_data.json``: the catalogue, the roster, the questions and what visitors say
(for ``demo``), and the visitors' countries."""

# Opening hours in local time: (day, opens, closes).
SHOW_DAYS = (
    (date(2023, 11, 14), time(9), time(18)),
    (date(2023, 11, 15), time(9), time(18)),
    (date(2023, 11, 16), time(9), time(18)),
    (date(2023, 11, 17), time(9), time(17)),
)
_DAY_WEIGHTS = (0.28, 0.30, 0.27, 0.15)
# How busy the stand is in each opening hour, from 9:00.
_HOUR_WEIGHTS = (5.0, 10.0, 12.0, 9.0, 7.0, 10.0, 11.0, 9.0, 5.0)


# --- where visitors come from -------------------------------------------------------------

_ASCII_MAP = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "ı": "i",
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
    }
)


def ascii_slug(value: str) -> str:
    """Lower-case ASCII letters and digits of ``value`` (``"Müller"`` -> ``"mueller"``)."""
    folded = unicodedata.normalize("NFKD", value.translate(_ASCII_MAP))
    return "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalnum())


@dataclass(frozen=True)
class _Name:
    """A name as written (``native``) and in Latin letters (``latin``), plus its e-mail form."""

    native: str
    latin: str
    slug: str

    @classmethod
    def of(cls, item: str) -> _Name:
        """``"Zoé"``, or ``"太郎=Taro"`` with its Latin form after ``=``."""
        native, _, latin = item.partition("=")
        latin = latin or native
        return cls(native, latin, ascii_slug(latin))


@dataclass(frozen=True)
class _Surname:
    male: _Name
    female: _Name

    @classmethod
    def of(cls, item: str) -> _Surname:
        """``"Müller"``, ``"Kowalski/Kowalska"`` (men's and women's forms), or
        ``"Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/Papadopoulou"``."""
        native, _, latin = item.partition("=")
        male_native, _, female_native = native.partition("/")
        male_latin, _, female_latin = (latin or native).partition("/")
        return cls(
            _Name.of(f"{male_native}={male_latin}"),
            _Name.of(f"{female_native or male_native}={female_latin or male_latin}"),
        )


@dataclass(frozen=True)
class _City:
    name: _Name
    postal_code: str
    region: str

    @classmethod
    def of(cls, item: str) -> _City:
        """``"Paris:75008"``, ``"東京=Tokyo:100-0005"``, ``"Arlington:22202:VA"``."""
        name, postal_code, region = (*item.split(":"), "", "")[:3]
        return cls(_Name.of(name), postal_code, region)


@dataclass(frozen=True)
class _PhonePattern:
    """``prefix``, one digit of ``next_digits``, then ``rest`` random digits."""

    prefix: str
    next_digits: str
    rest: int

    @classmethod
    def of(cls, item: str) -> _PhonePattern:
        """``"+336[0124578]7"``: prefix, allowed next digit, how many digits after."""
        found = re.fullmatch(r"(\+[0-9]+)\[([0-9]+)\]([0-9]+)", item)
        if found is None:
            raise ValueError(f"not a phone pattern: {item!r}")
        return cls(found[1], found[2], int(found[3]))


@dataclass(frozen=True)
class _Company:
    name: str
    domain: str


@dataclass(frozen=True)
class Locale:
    country: str
    weight: float
    women: tuple[_Name, ...]
    men: tuple[_Name, ...]
    surnames: tuple[_Surname, ...]
    cities: tuple[_City, ...]
    mobiles: tuple[_PhonePattern, ...]
    offices: tuple[_PhonePattern, ...]
    companies: tuple[_Company, ...]
    titles: tuple[tuple[str, str], ...]
    streets: tuple[str, ...]
    street_format: str
    native_share: float


_LEGAL_WORDS = frozenset(DATA["legal_words"])


def _companies(roots: list[str], kinds: list[str], tld: str) -> tuple[_Company, ...]:
    """Every root with every kind (``"{} Défense SAS"``); the domain is the root and the
    first word of the kind that is not a legal form (``brenvar-defense.fr``)."""
    companies = []
    for root in roots:
        for kind in kinds:
            words = [ascii_slug(word) for word in kind.split()]
            tag = next((w for w in words if w and w not in _LEGAL_WORDS), "")
            domain = f"{ascii_slug(root)}-{tag}" if tag else ascii_slug(root)
            companies.append(_Company(kind.format(root), f"{domain}.{tld}"))
    return tuple(companies)


def _titles(titles: list[str]) -> tuple[tuple[str, str], ...]:
    """Job titles as (men's, women's) forms, from ``"Directeur technique/Directrice
    technique"``; a title without ``/`` is the same for both."""
    pairs = []
    for title in titles:
        male, _, female = title.partition("/")
        pairs.append((male, female or male))
    return tuple(pairs)


def locales() -> tuple[Locale, ...]:
    titles = {language: _titles(names) for language, names in DATA["titles"].items()}
    return tuple(
        Locale(
            country=spec["country"],
            weight=spec["weight"],
            women=tuple(map(_Name.of, spec["women"])),
            men=tuple(map(_Name.of, spec["men"])),
            surnames=tuple(map(_Surname.of, spec["surnames"])),
            cities=tuple(map(_City.of, spec["cities"])),
            mobiles=tuple(map(_PhonePattern.of, spec["mobiles"])),
            offices=tuple(map(_PhonePattern.of, spec["offices"])),
            companies=_companies(**spec["companies"]),
            titles=titles[spec["titles"]],
            streets=tuple(spec["streets"]),
            street_format=spec["street_format"],
            native_share=spec["native_share"],
        )
        for spec in DATA["locales"]
    )


# --- drawing at random ----------------------------------------------------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class Weighted(Generic[T]):
    """Items with relative weights, ready for ``Dice.weighted``: ``bounds`` are the
    running totals but the last, which is ``total``."""

    items: tuple[T, ...]
    bounds: tuple[float, ...]
    total: float

    @classmethod
    def of(cls, pairs: Sequence[tuple[T, float]]) -> Weighted[T]:
        running = list(accumulate(weight for _, weight in pairs))
        return cls(tuple(item for item, _ in pairs), tuple(running[:-1]), running[-1])


class Dice:
    """Quick draws from one ``random.Random``; ``random.choices`` costs several times more,
    which matters at 100,000 leads."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def weighted(self, table: Weighted[T]) -> T:
        return table.items[bisect_right(table.bounds, self.random() * table.total)]

    def below(self, limit: int) -> int:
        """A whole number from 0 to ``limit - 1``."""
        return int(self.random() * limit)

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()


# --- people -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A visitor's contact details, named as the lead columns they fill."""

    first_name: str
    last_name: str
    company: str
    job_title: str
    email: str
    phone: str
    mobile: str | None
    website: str | None
    street: str
    postal_code: str
    city: str
    region: str
    country: str


SHOWCASE = tuple(
    (
        person["country"],
        person["first_name"],
        person["last_name"],
        person["email"],
        person["female"],
    )
    for person in DATA["showcase"]
)
"""People who are always among the leads (when there are enough), so that a demo always
shows accents and non-Latin scripts: (country, first name, last name, e-mail local part,
female)."""


class PeopleFactory:
    """Makes plausible visitors with values already in their stored form.

    E-mail addresses are unique (a number is added on a clash), like real visitors'.
    """

    def __init__(self, dice: Dice) -> None:
        self._dice = dice
        countries = locales()
        self._by_country = {locale.country: locale for locale in countries}
        self._locales = Weighted.of([(locale, locale.weight) for locale in countries])
        self._emails: set[str] = set()

    def person(self) -> Person:
        dice = self._dice
        locale = dice.weighted(self._locales)
        female = dice.chance(0.35)
        first = dice.pick(locale.women if female else locale.men)
        surname = dice.pick(locale.surnames)
        last = surname.female if female else surname.male
        native = dice.chance(locale.native_share)
        roll = dice.random()
        if roll < 0.6:
            local = f"{first.slug}.{last.slug}"
        elif roll < 0.8:
            local = f"{first.slug[:1]}.{last.slug}"
        elif roll < 0.9:
            local = f"{first.slug}{last.slug}"
        else:
            local = f"{last.slug}.{first.slug[:1]}"
        if native:
            return self._finish(locale, first.native, last.native, local, native, female)
        return self._finish(locale, first.latin, last.latin, local, native, female)

    def showcase(self, index: int) -> Person:
        country, first_name, last_name, local, female = SHOWCASE[index % len(SHOWCASE)]
        locale = self._by_country[country]
        return self._finish(locale, first_name, last_name, local, True, female)

    def _finish(
        self,
        locale: Locale,
        first_name: str,
        last_name: str,
        local: str,
        native: bool,
        female: bool,
    ) -> Person:
        dice = self._dice
        company = dice.pick(locale.companies)
        email = f"{local}@{company.domain}"
        number = 2
        while email in self._emails:
            email = f"{local}{number}@{company.domain}"
            number += 1
        self._emails.add(email)
        city = dice.pick(locale.cities)
        mobile: str | None = None
        if locale.offices and dice.chance(0.4):
            phone = self._phone(locale.offices)
            if dice.chance(0.6):
                mobile = self._phone(locale.mobiles)
        else:
            phone = self._phone(locale.mobiles)
        street = postal_code = ""
        if not native and locale.streets and dice.chance(0.35):
            number = 1 + dice.below(180)
            street = locale.street_format.format(n=number, s=dice.pick(locale.streets))
            postal_code = city.postal_code
        return Person(
            first_name=first_name,
            last_name=last_name,
            company=company.name,
            job_title=dice.pick(locale.titles)[female],
            email=email,
            phone=phone,
            mobile=mobile,
            website=f"https://www.{company.domain}" if dice.chance(0.5) else None,
            street=street,
            postal_code=postal_code,
            city=city.name.native if native else city.name.latin,
            region=city.region,
            country=locale.country,
        )

    def _phone(self, patterns: Sequence[_PhonePattern]) -> str:
        """A valid number in E.164, from the patterns checked in the tests."""
        dice = self._dice
        pattern = dice.pick(patterns)
        tail = dice.below(10**pattern.rest)
        return f"{pattern.prefix}{dice.pick(pattern.next_digits)}{tail:0{pattern.rest}d}"


# --- when they come by ---------------------------------------------------------------------


def _opening_windows(timezone: str) -> list[tuple[datetime, int]]:
    """Each show day's opening time in UTC, from local time, and its opening hours."""
    zone = ZoneInfo(timezone)
    windows = []
    for day, opens, closes in SHOW_DAYS:
        start = datetime.combine(day, opens, tzinfo=zone).astimezone(UTC)
        windows.append((start, closes.hour - opens.hour))
    return windows


def capture_times(dice: Dice, count: int, timezone: str) -> list[datetime]:
    """``count`` moments in opening hours, busier mid-morning and mid-afternoon, sorted.

    Show days are whole days of standard time in Paris, so adding seconds to the UTC
    opening time gives the same instant as converting the local time."""
    windows = _opening_windows(timezone)
    days = Weighted.of([(index, weight) for index, weight in enumerate(_DAY_WEIGHTS)])
    hours = [
        Weighted.of([(hour, _HOUR_WEIGHTS[hour]) for hour in range(length)])
        for _start, length in windows
    ]
    moments = []
    for _ in range(count):
        day = dice.weighted(days)
        offset = (dice.weighted(hours[day]) + dice.random()) * 3600.0
        moments.append(windows[day][0] + timedelta(seconds=offset))
    moments.sort()
    return moments


def vcard(person: Person, badge_id: str) -> str:
    """What a badge's QR code holds."""
    return "\n".join(
        (
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{person.last_name};{person.first_name}",
            f"FN:{person.first_name} {person.last_name}",
            f"ORG:{person.company}",
            f"TITLE:{person.job_title}",
            f"EMAIL:{person.email}",
            f"TEL:{person.phone}",
            f"UID:{badge_id}",
            "END:VCARD",
        )
    )

"""The demo show: "Milipol Paris 2023" with a catalogue, a roster, questions and leads.

It gives a new user something realistic to explore (visitors from many countries, names
in several scripts, notes, ratings, products shown, answers) and gives benchmarks a
database of any size: ``create_demo(services, leads=100_000)``.

The show, staff, products and questions go through the services like any user's. The
leads are written with SQLAlchemy Core ``executemany`` inserts in a few large
transactions, already in the form the lead service would store them (NFC text, E.164
phones, ISO countries, lower-case e-mail domains) and with their row in the search
index, because saving them one by one through ``LeadService.create`` costs a commit
each. Everything random comes from ``random.Random(seed)``: the same seed gives the
same people, times and notes (lead ids are fresh UUIDs on every run).
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from operator import itemgetter
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from boothapp.core.db import Database
from boothapp.core.errors import Conflict, ValidationError
from boothapp.core.models import (
    Answer,
    Attendee,
    Base,
    Event,
    FollowUp,
    Lead,
    LeadProduct,
    LeadSource,
    Note,
    ProductCategory,
    QuestionKind,
    Rating,
    StaffRole,
    Visit,
)
from boothapp.core.schemas import EventInput, EventRow, ProductInput, QuestionRow, StaffRow
from boothapp.core.search import (
    first_search_rowid,
    index_scope,
    insert_folded_rows,
    search_text,
)
from boothapp.core.services import Services

DEMO_EVENT_NAME = "Milipol Paris 2023"
DEMO_TIMEZONE = "Europe/Paris"
DEMO_CONSENT_VERSION = "2023-11"
EXHIBITOR = "Korvent Rugged Systems SAS"
EXHIBITOR_DOMAIN = "korvent-rugged.com"

#: Leads written per transaction; ``progress`` is called after each.
CHUNK_SIZE = 5000

DEMO_CONSENT_TEXT = (
    f"By letting us scan your badge or note your details, you agree that {EXHIBITOR} "
    "(stand 5F 112) stores your name, your business contact details and the notes taken "
    "during our conversation, in order to send you the information you asked for and to "
    "follow up on your enquiry about our products and services. Your data is processed in "
    "the European Union, is kept for no longer than 24 months after the show, and is never "
    "sold or passed to third parties for their own marketing. The legal basis is your "
    "consent (Article 6(1)(a) GDPR). You may withdraw it at any time, and ask to see, "
    f"correct or erase your data, by writing to privacy@{EXHIBITOR_DOMAIN}. You may also "
    "lodge a complaint with a data protection authority (in France, the CNIL)."
)

# Opening hours in local time: (day, opens, closes).
_SHOW_DAYS = (
    (date(2023, 11, 14), time(9), time(18)),
    (date(2023, 11, 15), time(9), time(18)),
    (date(2023, 11, 16), time(9), time(18)),
    (date(2023, 11, 17), time(9), time(17)),
)
_DAY_WEIGHTS = (0.28, 0.30, 0.27, 0.15)
# How busy the stand is in each opening hour, from 9:00.
_HOUR_WEIGHTS = (5.0, 10.0, 12.0, 9.0, 7.0, 10.0, 11.0, 9.0, 5.0)


# --- the catalogue, the roster, the questions ---------------------------------------------


_MIL = "MIL-STD-810H"
DEMO_PRODUCTS: tuple[ProductInput, ...] = (
    ProductInput(
        sku="KRS-TC-3015",
        name="TC 3015 Compact Transit Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Small watertight case for radios, sensors and optics; fits airline "
        "cabin limits. Automatic pressure-equalisation valve, double-throw latches.",
        attributes=dict(
            internal_dimensions="300 x 150 x 120 mm",
            ip_rating="IP67",
            standard=_MIL,
            weight="1.4 kg",
            material="polypropylene copolymer",
        ),
    ),
    ProductInput(
        sku="KRS-TC-4020",
        name="TC 4020 Transit Case",
        category=ProductCategory.TRANSIT_CASE,
        description="The all-rounder: watertight, dustproof and crushproof, with padlock "
        "holes and a removable lid organiser.",
        attributes=dict(
            internal_dimensions="400 x 300 x 200 mm",
            ip_rating="IP67",
            standard=_MIL,
            weight="3.1 kg",
            temperature_range="-33 to +90 °C",
        ),
    ),
    ProductInput(
        sku="KRS-TC-5535",
        name="TC 5535 Transit Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Mid-size case for drone kits, test equipment and medical packs; "
        "fold-down handle, stackable lid.",
        attributes=dict(
            internal_dimensions="550 x 350 x 230 mm",
            ip_rating="IP67",
            standard=_MIL,
            weight="5.2 kg",
        ),
    ),
    ProductInput(
        sku="KRS-TC-6045W",
        name="TC 6045 Wheeled Transit Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Wheeled case with a telescopic handle and stainless-steel bearings for "
        "deployable kits that one person moves.",
        attributes=dict(
            internal_dimensions="600 x 450 x 300 mm",
            ip_rating="IP67",
            standard=_MIL,
            weight="9.8 kg",
            wheels="2 x 100 mm, sealed bearings",
        ),
    ),
    ProductInput(
        sku="KRS-TC-8060W",
        name="TC 8060 Large Wheeled Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Large wheeled case for tents, generators and shelter equipment; "
        "four carry handles, cross-stacking lid.",
        attributes=dict(
            internal_dimensions="800 x 600 x 450 mm",
            ip_rating="IP65",
            standard=_MIL,
            weight="17.5 kg",
        ),
    ),
    ProductInput(
        sku="KRS-TC-1240L",
        name="TC 1240 Long Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Long case for rifles, optics and antenna masts; six latches, "
        "two padlock points, optional wheels.",
        attributes=dict(
            internal_dimensions="1200 x 400 x 170 mm",
            ip_rating="IP67",
            standard=_MIL,
            weight="11.2 kg",
        ),
    ),
    ProductInput(
        sku="KRS-TC-UAS90",
        name="UAS 90 Drone Ground-Station Case",
        category=ProductCategory.TRANSIT_CASE,
        description="Case that opens into a ground-control station: lid mount for a 17-inch "
        "screen, cable ports with sealed caps, battery bay.",
        attributes=dict(
            internal_dimensions="900 x 520 x 350 mm",
            ip_rating="IP65 (closed)",
            standard=_MIL,
            weight="14.0 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RC-2U45L",
        name="RC 2U Lightweight Rack Case",
        category=ProductCategory.RACK_CASE,
        description="Light 19-inch rack case for a switch or a router travelling as hand luggage.",
        attributes=dict(
            rack_units="2U",
            rack_depth="450 mm",
            ip_rating="IP65",
            standard=_MIL,
            weight="6.0 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RC-4U45",
        name="RC 4U Shock-Mount Rack Case",
        category=ProductCategory.RACK_CASE,
        description="19-inch rack case with an inner frame on elastomer shock isolators, "
        "removable front and rear lids.",
        attributes=dict(
            rack_units="4U",
            rack_depth="450 mm",
            ip_rating="IP65",
            standard=_MIL,
            weight="12.4 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RC-6U60",
        name="RC 6U Shock-Mount Rack Case, 600 mm",
        category=ProductCategory.RACK_CASE,
        description="Deep 19-inch rack case for servers and radio racks; front and rear "
        "rails, cable-entry panel.",
        attributes=dict(
            rack_units="6U",
            rack_depth="600 mm",
            ip_rating="IP65",
            standard=_MIL,
            weight="18.9 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RC-12U60",
        name="RC 12U Shock-Isolated Rack Case",
        category=ProductCategory.RACK_CASE,
        description="Tall rack case for command posts: wire-rope isolators, castors, "
        "stacking lugs.",
        attributes=dict(
            rack_units="12U",
            rack_depth="600 mm",
            ip_rating="IP54",
            standard="MIL-STD-810H, MIL-STD-461G",
            weight="34.0 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RK-8UV",
        name="RK 8U Vehicle Rack",
        category=ProductCategory.RACK,
        description="19-inch rack for vehicles and shelters, with shock and vibration "
        "isolators and tie-down points.",
        attributes=dict(
            rack_units="8U",
            rack_depth="500 mm",
            standard="MIL-STD-810H, MIL-STD-167-1A",
            weight="15.0 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RK-24UF",
        name="RK 24U Open-Frame Field Rack",
        category=ProductCategory.RACK,
        description="Aluminium open-frame rack for field data centres; folds flat for transport.",
        attributes=dict(
            rack_units="24U",
            rack_depth="800 mm",
            weight="21.0 kg",
            load_capacity="300 kg",
        ),
    ),
    ProductInput(
        sku="KRS-RK-42UC",
        name="RK 42U Deployable Cabinet",
        category=ProductCategory.RACK,
        description="Full-height cabinet that ships in its own transit frame; lockable "
        "doors, filtered fans.",
        attributes=dict(
            rack_units="42U",
            rack_depth="1000 mm",
            ip_rating="IP54",
            weight="96.0 kg",
        ),
    ),
    ProductInput(
        sku="KRS-AC-FPNP",
        name="Pick-and-Pluck Foam Set",
        category=ProductCategory.ACCESSORY,
        description="Pre-cubed foam to shape by hand; sizes for every TC case.",
        attributes=dict(material="polyurethane foam, 30 kg/m³"),
    ),
    ProductInput(
        sku="KRS-AC-FCNC",
        name="Custom CNC Foam Insert",
        category=ProductCategory.ACCESSORY,
        description="Foam cut to the shape of your equipment from a drawing or a 3D scan, "
        "in two colours.",
        attributes=dict(material="polyethylene foam", lead_time="3 weeks"),
    ),
    ProductInput(
        sku="KRS-AC-LIDORG",
        name="Lid Organiser with Document Pouch",
        category=ProductCategory.ACCESSORY,
        description="Velcro panels, elastic loops and an A4 pouch for the lid.",
        attributes=dict(fits="TC 4020, TC 5535, TC 6045"),
    ),
    ProductInput(
        sku="KRS-AC-SH1U",
        name="1U Vented Shelf",
        category=ProductCategory.ACCESSORY,
        description="Cantilever shelf for rack cases and racks.",
        attributes=dict(rack_units="1U", load_capacity="25 kg"),
    ),
    ProductInput(
        sku="KRS-AC-SEAL",
        name="Gasket and Pressure-Valve Service Kit",
        category=ProductCategory.ACCESSORY,
        description="Replacement O-ring gasket, pressure valve and latch pins.",
        attributes=dict(fits="all TC cases"),
    ),
    ProductInput(
        sku="KRS-SV-BRAND",
        name="Custom Colour and Marking",
        category=ProductCategory.SERVICE,
        description="Cases moulded in a RAL colour of your choice, with screen printing, "
        "engraved plates or RFID tags.",
        attributes=dict(minimum_order="50 cases", colours="RAL 6014, RAL 7021, RAL 1019"),
    ),
    ProductInput(
        sku="KRS-SV-INTEG",
        name="Integration Engineering (per day)",
        category=ProductCategory.SERVICE,
        description="Our engineers fit your equipment in racks and cases: cabling, cooling, "
        "power and test reports.",
        attributes=dict(unit="engineer-day"),
    ),
)

# Product SKUs with how often booth staff show them.
_PRODUCT_WEIGHTS = {
    "KRS-TC-4020": 10.0,
    "KRS-TC-5535": 9.0,
    "KRS-TC-6045W": 7.0,
    "KRS-RC-4U45": 7.0,
    "KRS-TC-UAS90": 6.0,
    "KRS-RC-6U60": 5.0,
    "KRS-TC-3015": 5.0,
    "KRS-TC-1240L": 5.0,
    "KRS-AC-FCNC": 5.0,
}


@dataclass(frozen=True)
class _StaffSpec:
    name: str
    email: str
    phone: str
    role: StaffRole
    language: str  # of the notes they sometimes write instead of English


DEMO_STAFF = (
    _StaffSpec(
        "Sophie Marchand",
        f"sophie.marchand@{EXHIBITOR_DOMAIN}",
        "+33612345601",
        StaffRole.MANAGER,
        "fr",
    ),
    _StaffSpec(
        "Élodie Garnier",
        f"elodie.garnier@{EXHIBITOR_DOMAIN}",
        "+33678451290",
        StaffRole.STAFF,
        "fr",
    ),
    _StaffSpec(
        "Lukas Brenner",
        f"lukas.brenner@{EXHIBITOR_DOMAIN}",
        "+4915123456789",
        StaffRole.STAFF,
        "de",
    ),
    _StaffSpec(
        "Tom Whitaker", f"tom.whitaker@{EXHIBITOR_DOMAIN}", "+447700123456", StaffRole.STAFF, "en"
    ),
)
_STAFF_WEIGHTS = (2.0, 3.0, 3.0, 2.0)

_ROLE_CHOICES = (
    "Decision maker",
    "Specifier / engineer",
    "End user",
    "Reseller / integrator",
)
_APPLICATION_CHOICES = (
    "UAS / drones",
    "Radio & C4ISR",
    "Weapons & optics",
    "Medical & rescue",
    "IT & servers in the field",
    "Forensics & CBRN",
)
DEMO_QUESTIONS: tuple[tuple[str, QuestionKind, tuple[str, ...]], ...] = (
    ("Role in the purchase", QuestionKind.SINGLE, _ROLE_CHOICES),
    ("Applications", QuestionKind.MULTIPLE, _APPLICATION_CHOICES),
    ("Cases or racks needed in the next 12 months", QuestionKind.NUMBER, ()),
)


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


@dataclass(frozen=True)
class _Surname:
    male: _Name
    female: _Name


@dataclass(frozen=True)
class _City:
    native: str
    latin: str
    postal_code: str
    region: str


@dataclass(frozen=True)
class _PhonePattern:
    """``prefix``, one digit of ``next_digits``, then ``rest`` random digits."""

    prefix: str
    next_digits: str
    rest: int


@dataclass(frozen=True)
class _Company:
    name: str
    domain: str


@dataclass(frozen=True)
class _Locale:
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


def _names(spec: str) -> tuple[_Name, ...]:
    """Names from ``"Zoé Amélie 太郎=Taro Jean_Luc"``: ``=`` gives the Latin form,
    ``_`` stands for a space."""
    names = []
    for item in spec.split():
        native, _, latin = item.replace("_", " ").partition("=")
        latin = latin or native
        names.append(_Name(native, latin, ascii_slug(latin)))
    return tuple(names)


def _surnames(spec: str) -> tuple[_Surname, ...]:
    """Surnames from ``"Müller Kowalski/Kowalska Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/
    Papadopoulou"``: ``/`` separates the men's and women's forms."""
    result = []
    for item in spec.split():
        native, _, latin = item.replace("_", " ").partition("=")
        male_native, _, female_native = native.partition("/")
        latin = latin or native
        male_latin, _, female_latin = latin.partition("/")
        male = _Name(male_native, male_latin, ascii_slug(male_latin))
        female = _Name(
            female_native or male_native,
            female_latin or male_latin,
            ascii_slug(female_latin or male_latin),
        )
        result.append(_Surname(male, female))
    return tuple(result)


def _cities(spec: str) -> tuple[_City, ...]:
    """Cities from ``"Paris:75008 Köln:50667 東京=Tokyo:100-0005 Arlington:22202:VA"``."""
    cities = []
    for item in spec.split():
        name, _, rest = item.replace("_", " ").partition(":")
        postal_code, _, region = rest.partition(":")
        native, _, latin = name.partition("=")
        cities.append(_City(native, latin or native, postal_code, region))
    return tuple(cities)


def _phones(spec: str) -> tuple[_PhonePattern, ...]:
    """Phone patterns from ``"+336[0124578]7"``: prefix, allowed next digit, digits after."""
    patterns = []
    for item in spec.split():
        prefix, _, rest = item.partition("[")
        digits, _, count = rest.partition("]")
        patterns.append(_PhonePattern(prefix, digits, int(count)))
    return tuple(patterns)


def _companies(roots: str, kinds: str, tld: str) -> tuple[_Company, ...]:
    """Every root with every kind: ``"Brenvar Talmont"`` x ``"{} Défense SAS|{} Sécurité SA"``.

    Roots are invented names; ``_`` stands for a space."""
    companies = []
    for root in roots.split():
        root_name = root.replace("_", " ")
        for kind in kinds.split("|"):
            name = kind.format(root_name)
            words = [ascii_slug(word) for word in kind.split()]
            tag = next((w for w in words if w and w not in _LEGAL_WORDS), "")
            domain = f"{ascii_slug(root_name)}-{tag}" if tag else ascii_slug(root_name)
            companies.append(_Company(name, f"{domain}.{tld}"))
    return tuple(companies)


_LEGAL_WORDS = {
    "sa",
    "sas",
    "sarl",
    "gmbh",
    "ag",
    "kg",
    "ltd",
    "llc",
    "inc",
    "co",
    "corp",
    "spa",
    "srl",
    "sl",
    "sp",
    "z",
    "oo",
    "bv",
    "nv",
    "kk",
    "pvt",
    "ltda",
    "as",
    "ab",
    "fze",
    "tov",
    "ae",
    "pte",
}


def _titles(*titles: str) -> tuple[tuple[str, str], ...]:
    """Job titles as (men's, women's) forms, from ``"Directeur technique/Directrice
    technique"``; a title without ``/`` is the same for both."""
    pairs = []
    for title in titles:
        male, _, female = title.partition("/")
        pairs.append((male, female or male))
    return tuple(pairs)


_TITLES_EN = _titles(
    "Procurement Manager",
    "Head of Logistics",
    "Programme Manager",
    "Chief Technical Officer",
    "Purchasing Officer",
    "Systems Engineer",
    "Project Engineer",
    "Business Development Manager",
    "Logistics Officer",
    "Operations Director",
    "Quality Manager",
    "Technical Buyer",
    "Head of Special Projects",
    "Managing Director",
    "Field Support Engineer",
    "Integration Engineer",
    "Supply Chain Manager",
    "Category Manager – Equipment",
)
_TITLES_FR = (
    *_titles(
        "Responsable achats",
        "Chef de projet",
        "Directeur technique/Directrice technique",
        "Ingénieur systèmes/Ingénieure systèmes",
        "Acheteur industriel/Acheteuse industrielle",
        "Responsable logistique",
        "Directeur commercial/Directrice commerciale",
        "Ingénieur d'affaires/Ingénieure d'affaires",
        "Chargé d'affaires export/Chargée d'affaires export",
    ),
    *_TITLES_EN[:6],
)
_TITLES_DE = (
    *_titles(
        "Leiter Einkauf/Leiterin Einkauf",
        "Projektingenieur/Projektingenieurin",
        "Technischer Leiter/Technische Leiterin",
        "Logistikleiter/Logistikleiterin",
        "Geschäftsführer/Geschäftsführerin",
        "Vertriebsingenieur/Vertriebsingenieurin",
        "Einkäufer/Einkäuferin",
    ),
    *_TITLES_EN[:6],
)

_EN_KINDS = (
    "{} Defence Systems Ltd|{} Tactical Supply Ltd|{} Field Communications Ltd|"
    "{} Protective Equipment Ltd|{} Rescue Technologies Ltd"
)


def _locales() -> tuple[_Locale, ...]:
    def locale(
        country: str,
        weight: float,
        women: str,
        men: str,
        surnames: str,
        cities: str,
        mobiles: str,
        companies: tuple[_Company, ...],
        offices: str = "",
        titles: tuple[tuple[str, str], ...] = _TITLES_EN,
        streets: str = "",
        street_format: str = "{n} {s}",
        native_share: float = 0.0,
    ) -> _Locale:
        return _Locale(
            country=country,
            weight=weight,
            women=_names(women),
            men=_names(men),
            surnames=_surnames(surnames),
            cities=_cities(cities),
            mobiles=_phones(mobiles),
            offices=_phones(offices),
            companies=companies,
            titles=titles,
            streets=tuple(s.replace("_", " ") for s in streets.split()),
            street_format=street_format,
            native_share=native_share,
        )

    return (
        locale(
            "FR",
            30,
            "Zoé Amélie Hélène Céline Camille Léa Chloé Inès Mathilde Sophie Anaïs Margaux "
            "Gaëlle Agnès Bérénice",
            "François Jérôme Frédéric Stéphane Grégoire Étienne Benoît Thibault Loïc Julien "
            "Raphaël Cédric Noël Hervé Jean-Luc",
            "Lefèvre Dubois Moreau Lefebvre Girard Bonnet Mercier Faure Rousseau Lemaître "
            "Gauthier Chevalier Fontaine Perrin Roussel Bérenger Delacroix Leclerc Garnier "
            "Barthélemy Morin Lambert Dupré Châtelain Thévenin Brûlé",
            "Paris:75008 Lyon:69003 Toulouse:31000 Bordeaux:33000 Marseille:13008 Brest:29200 "
            "Versailles:78000 Vélizy-Villacoublay:78140 Élancourt:78990 Saint-Étienne:42000 "
            "Besançon:25000 Rennes:35000 Orléans:45000 Évreux:27000",
            "+336[0124578]7 +337[3456789]7",
            _companies(
                "Brenvar Talmont Orvalis Sécurion Kerlann Vaubrac Ardelys Montferrier",
                "{} Défense SAS|{} Sécurité SA|{} Protection Civile SARL|{} Systèmes SAS|"
                "{} Équipements SAS",
                "fr",
            ),
            offices="+331[0123456789]7 +334[1234]7",
            titles=_TITLES_FR,
            streets="rue_de_la_Paix avenue_des_Champs-Élysées rue_Saint-Honoré "
            "boulevard_Haussmann rue_du_Général-Leclerc avenue_Jean-Jaurès "
            "rue_de_l'Église quai_de_la_Marine",
        ),
        locale(
            "DE",
            8,
            "Anja Sabine Katharina Jana Lena Ute Jördis Märta Henrike",
            "Jürgen Jörg Björn Günter Dieter Matthias Tobias Felix Sönke Maximilian",
            "Müller Schröder Schäfer Weiß Köhler Krüger Hoffmann Wagner Becker Schulz "
            "Fischer Zimmermann Groß Brückner Fuß",
            "München:80331:Bayern Köln:50667:Nordrhein-Westfalen Düsseldorf:40213:Nordrhein-"
            "Westfalen Bremen:28195:Bremen Kiel:24103:Schleswig-Holstein Koblenz:56068:"
            "Rheinland-Pfalz Ulm:89073:Baden-Württemberg Überlingen:88662:Baden-Württemberg",
            "+4915[01256789]8 +4917[0123456789]8 +4916[023]7",
            _companies(
                "Adlerhorst Vogelsang Kesselbrandt Heidemark Ostwalder Rheinfeld",
                "{} Schutztechnik GmbH|{} Sicherheitssysteme GmbH|{} Wehrtechnik GmbH|"
                "{} Feuerwehrbedarf GmbH & Co. KG|{} Funktechnik AG",
                "de",
            ),
            offices="+4989[123456789]6 +4930[123456789]7",
            titles=_TITLES_DE,
            streets="Hauptstraße Bahnhofstraße Industriestraße Am_Flughafen Lindenallee "
            "Gewerbering",
            street_format="{s} {n}",
        ),
        locale(
            "GB",
            7,
            "Harriet Charlotte Eleanor Siobhan Niamh Emily Fiona Imogen Rosalind",
            "Oliver James William George Callum Rhys Thomas Alistair Declan",
            "Smith Thompson O'Connor Davies Evans Hughes Whitfield Ashworth McAllister "
            "Pemberton Fairbairn Kettering",
            "London:SW1A_2AA Bristol:BS1_6QH Farnborough:GU14_6TQ Salisbury:SP1_1EZ "
            "Glasgow:G2_1DY Manchester:M1_1AE Cheltenham:GL50_1PZ",
            "+447[123]8",
            _companies("Ashcombe Brackwell Kestrel_Moor Thornbury Wexcombe", _EN_KINDS, "co.uk"),
            offices="+4420[78]7",
            streets="High_Street Station_Road Victoria_Road Mill_Lane Church_Street",
        ),
        locale(
            "US",
            6,
            "Jennifer Sarah Ashley Megan Lauren Keisha Brittany Rachel",
            "Michael David Robert Brian Tyler Marcus José Kevin Daniel",
            "Johnson Williams Brown Garcia Miller Anderson Martinez Thompson Walker Reyes "
            "Kowalski Nguyen O'Brien",
            "Arlington:22202:VA San_Diego:92101:CA Huntsville:35801:AL Tampa:33602:FL "
            "Boston:02110:MA Dallas:75201:TX Washington:20001:DC",
            "+1202[23456789]6 +1703[23456789]6 +1571[23456789]6 +1619[23456789]6 "
            "+1256[23456789]6 +1813[23456789]6 +1617[23456789]6 +1214[23456789]6",
            _companies(
                "Bramblecrest Ridgeline_Forge Coldwater Ironbark Silverpine",
                "{} Defense Solutions LLC|{} Tactical Inc.|{} Government Systems Corp.|"
                "{} Field Logistics LLC",
                "com",
            ),
            streets="Main_Street Wilson_Boulevard Pennsylvania_Avenue Commerce_Drive "
            "Technology_Parkway",
        ),
        locale(
            "PL",
            4,
            "Małgorzata Agnieszka Katarzyna Zofia Łucja Joanna Ewa",
            "Krzysztof Paweł Łukasz Wojciech Grzegorz Michał Jędrzej Tomasz",
            "Wójcik Kowalczyk Woźniak Mazur Krawczyk Zając Król Wróbel Kaczmarek Gołąb "
            "Kowalski/Kowalska Wiśniewski/Wiśniewska Dąbrowski/Dąbrowska",
            "Warszawa:00-001 Kraków:30-001 Gdańsk:80-001 Łódź:90-001 Wrocław:50-001 Rzeszów:35-001",
            "+4850[0123456789]6 +4851[0123456789]6 +4853[0123456789]6 +4860[0123456789]6 "
            "+4866[0123456789]6 +4869[0123456789]6 +4872[0123456789]6 +4879[0123456789]6",
            _companies(
                "Polmarex Wisłotech Bielmar Grodtex",
                "{} Sp. z o.o.|{} Systemy Obronne Sp. z o.o.|{} Ochrona S.A.",
                "pl",
            ),
            streets="ul._Marszałkowska ul._Długa ul._Przemysłowa al._Jerozolimskie",
        ),
        locale(
            "IT",
            5,
            "Giulia Chiara Federica Elisa Sara Francesca Benedetta",
            "Niccolò Alessandro Lorenzo Matteo Gianluca Giuseppe Nicolò Andrea",
            "Rossi Bianchi Esposito Ricci Colombo De_Luca Mancini Fabbri Galli Caruso Conti "
            "Cantù Santoro",
            "Roma:00187 Milano:20121 Torino:10121 La_Spezia:19121 Napoli:80133 Genova:16121",
            "+3933[0123456789]7 +3934[0123456789]7 +3932[0123456789]7",
            _companies(
                "Tecnoscudo Aquilar Ferrovia_Alta Montebruno",
                "{} S.r.l.|{} Difesa S.p.A.|{} Sistemi di Sicurezza S.r.l.",
                "it",
            ),
            offices="+3902[0123456789]7",
            streets="Via_Roma Via_Giuseppe_Garibaldi Corso_Italia Viale_dell'Industria",
            street_format="{s} {n}",
        ),
        locale(
            "ES",
            4,
            "María Begoña Lucía Sofía Nuria Pilar Inmaculada",
            "José Íñigo Jesús Ángel Álvaro Raúl Martín",
            "García Fernández González Rodríguez Martínez López Sánchez Pérez Muñoz Ibáñez "
            "Núñez Castaño",
            "Madrid:28001 Barcelona:08001 Sevilla:41001 Bilbao:48001 Valencia:46001 Zaragoza:50001",
            "+346[0123456789]7",
            _companies(
                "Ibérica_Escudo Castelmar Norvalle Tajoseg",
                "{} Seguridad S.L.|{} Defensa S.A.|{} Protección Civil S.L.",
                "es",
            ),
            offices="+3491[0123456789]6",
            streets="Calle_Mayor Gran_Vía Avenida_de_América Calle_de_Alcalá",
            street_format="{s}, {n}",
        ),
        locale(
            "BE",
            3,
            "Maëlle Els Anouk Lieve Sarah Nathalie",
            "Pieter Wouter Sébastien Koen Dries Frédéric",
            "Peeters Janssens Van_den_Broeck Dubois De_Smet Claes Goossens Lambert Maes",
            "Bruxelles:1000 Antwerpen:2000 Gent:9000 Liège:4000 Namur:5000",
            "+324[789]7",
            _companies(
                "Brabanix Scheldecor Mosavia",
                "{} Security NV|{} Défense SA|{} Systems BV",
                "be",
            ),
        ),
        locale(
            "NL",
            2,
            "Sanne Femke Marieke Anouk Lotte",
            "Daan Joost Bram Sjoerd Thijs Ruud",
            "de_Vries van_Dijk Bakker Visser Smit Meijer de_Jong van_der_Berg",
            "Den_Haag:2511 Amsterdam:1012 Rotterdam:3011 Den_Helder:1781 Eindhoven:5611",
            "+316[12345]7",
            _companies(
                "Polderwijk Dijkstraal Hollemar", "{} Defence B.V.|{} Veiligheid B.V.", "nl"
            ),
        ),
        locale(
            "CH",
            2,
            "Céline Nadia Corinne Ursula",
            "Reto Urs Beat Nicolò Lukas",
            "Brunner Baumann Gerber Favre Rochat Keller Zürcher",
            "Bern:3003 Zürich:8001 Genève:1201 Thun:3600 Lausanne:1003",
            "+4179[0123456789]6 +4178[0123456789]6 +4176[0123456789]6",
            _companies("Alpentor Juravis Rigimatt", "{} AG|{} Sicherheit AG|{} Défense SA", "ch"),
            titles=_TITLES_DE,
        ),
        locale(
            "SE",
            1,
            "Åsa Märta Linnéa Ingrid",
            "Björn Anders Sören Håkan",
            "Lindqvist Åberg Söderström Ekström Nyström Johansson",
            "Stockholm:111_20 Göteborg:411_01 Linköping:582_22 Karlskoga:691_31",
            "+4670[0123456789]6 +4672[0123456789]6 +4673[0123456789]6 +4676[0123456789]6",
            _companies("Norrskydd Fjällgard", "{} AB|{} Försvarsteknik AB", "se"),
        ),
        locale(
            "JP",
            2,
            "美咲=Misaki 陽子=Yoko 由美=Yumi 恵=Megumi 彩=Aya",
            "太郎=Taro 健一=Kenichi 翔太=Shota 大輔=Daisuke 直樹=Naoki 拓也=Takuya",
            "山田=Yamada 佐藤=Sato 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 渡辺=Watanabe "
            "伊藤=Ito 中村=Nakamura 小林=Kobayashi 加藤=Kato",
            "東京=Tokyo:100-0005 横浜=Yokohama:220-0011 大阪=Osaka:530-0001 名古屋=Nagoya:450-0002",
            "+8190[123456789]7 +8180[123456789]7",
            _companies(
                "Kitaseki Kazemori Tatsuhara",
                "{} Protective Equipment Co., Ltd.|{} Denki K.K.|{} Security Systems Corp.",
                "co.jp",
            ),
            native_share=0.6,
        ),
        locale(
            "CN",
            2,
            "芳=Fang 娜=Na 敏=Min 静=Jing 海燕=Haiyan",
            "伟=Wei 强=Qiang 磊=Lei 洋=Yang 军=Jun 杰=Jie 晓明=Xiaoming",
            "李=Li 王=Wang 张=Zhang 刘=Liu 陈=Chen 杨=Yang 赵=Zhao 黄=Huang 周=Zhou 吴=Wu",
            "北京=Beijing:100000 上海=Shanghai:200000 深圳=Shenzhen:518000 西安=Xi'an:710000",
            "+8613[0123456789]8 +86139[0123456789]7 +86186[0123456789]7",
            _companies(
                "Qingrui Tianmo Jinghai",
                "{} Protective Equipment Co., Ltd.|{} Security Technology Co., Ltd.",
                "com.cn",
            ),
            native_share=0.6,
        ),
        locale(
            "KR",
            2,
            "서연=Seoyeon 수빈=Subin 지영=Jiyoung 은지=Eunji",
            "민준=Minjun 지훈=Jihoon 현우=Hyunwoo 동현=Donghyun 성민=Sungmin",
            "김=Kim 이=Lee 박=Park 최=Choi 정=Jung 강=Kang 조=Cho 윤=Yoon",
            "서울=Seoul:04524 부산=Busan:48058 대전=Daejeon:34126 창원=Changwon:51430",
            "+8210[2346789]7",
            _companies(
                "Hanbit Daeseong Mirae_Shield", "{} Defense Co., Ltd.|{} Systems Corp.", "co.kr"
            ),
            native_share=0.5,
        ),
        locale(
            "AE",
            3,
            "فاطمة=Fatima نورة=Noura مريم=Maryam ريم=Reem",
            "محمد=Mohammed أحمد=Ahmed خالد=Khaled عبدالله=Abdullah سلطان=Sultan عمر=Omar "
            "يوسف=Yousef",
            "العلي=Al-Ali المنصوري=Al-Mansouri الهاشمي=Al-Hashimi الزعابي=Al-Zaabi "
            "الكعبي=Al-Kaabi الظاهري=Al-Dhaheri",
            "أبوظبي=Abu_Dhabi دبي=Dubai الشارقة=Sharjah",
            "+97150[0123456789]6 +97152[0123456789]6 +97155[0123456789]6 +97156[0123456789]6",
            _companies(
                "Al_Sarab Sahra Falcon_Dune",
                "{} Security Solutions LLC|{} Defence Supplies FZE|{} Technologies LLC",
                "ae",
            ),
            native_share=0.4,
        ),
        locale(
            "SA",
            3,
            "نورة=Noura سارة=Sarah هند=Hind",
            "محمد=Mohammed فهد=Fahad عبدالعزيز=Abdulaziz سعود=Saud ناصر=Nasser تركي=Turki",
            "العلي=Al-Ali الشمري=Al-Shammari القحطاني=Al-Qahtani العتيبي=Al-Otaibi "
            "الدوسري=Al-Dosari الغامدي=Al-Ghamdi",
            "الرياض=Riyadh:11564 جدة=Jeddah:21442 الدمام=Dammam:32241",
            "+96650[0123456789]6 +96653[0123456789]6 +96655[0123456789]6 +96656[0123456789]6",
            _companies(
                "Najd_Horizon Tuwaiq Rimal", "{} Tactical Supplies Co.|{} Industrial Services", "sa"
            ),
            native_share=0.4,
        ),
        locale(
            "IL",
            2,
            "נועה=Noa מיכל=Michal תמר=Tamar שירה=Shira",
            "יוסי=Yossi אבי=Avi דניאל=Daniel איתן=Eitan",
            "כהן=Cohen לוי=Levi מזרחי=Mizrahi פרץ=Peretz ביטון=Biton אברהם=Avraham פרידמן=Friedman",
            "תל_אביב=Tel_Aviv:6100000 חיפה=Haifa:3100000 ירושלים=Jerusalem:9100000",
            "+97250[23456789]6 +97252[23456789]6 +97253[0123456789]6",
            _companies(
                "Carmel_Ridge Negevtek Shoham", "{} Field Systems Ltd.|{} Defense Ltd.", "co.il"
            ),
            native_share=0.3,
        ),
        locale(
            "UA",
            2,
            "Олена=Olena Ірина=Iryna Наталія=Nataliia Юлія=Yuliia Оксана=Oksana",
            "Олександр=Oleksandr Андрій=Andriy Тарас=Taras Дмитро=Dmytro Богдан=Bohdan",
            "Шевченко=Shevchenko Коваленко=Kovalenko Бондаренко=Bondarenko Ткаченко=Tkachenko "
            "Кравченко=Kravchenko Мельник=Melnyk Бойко=Boiko Савченко=Savchenko",
            "Київ=Kyiv:01001 Львів=Lviv:79000 Дніпро=Dnipro:49000 Харків=Kharkiv:61000",
            "+38050[0123456789]6 +38063[0123456789]6 +38067[0123456789]6 +38093[0123456789]6",
            _companies("Dniprotekh Karpatsvit Stepovyk", "{} LLC|{} Defence Systems TOV", "com.ua"),
            native_share=0.6,
        ),
        locale(
            "GR",
            2,
            "Μαρία=Maria Ελένη=Eleni Κατερίνα=Katerina Σοφία=Sofia",
            "Γιώργος=Giorgos Δημήτρης=Dimitris Νίκος=Nikos Κώστας=Kostas",
            "Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/Papadopoulou "
            "Νικολάου=Nikolaou Γεωργίου=Georgiou Οικονόμου=Oikonomou "
            "Καραγιάννης/Καραγιάννη=Karagiannis/Karagianni",
            "Αθήνα=Athens:105_57 Θεσσαλονίκη=Thessaloniki:546_24 Πειραιάς=Piraeus:185_31",
            "+3069[0123456789]7",
            _companies("Aegean_Shield Olympos_Tech", "{} S.A.|{} Defence Systems S.A.", "gr"),
            native_share=0.5,
        ),
        locale(
            "BR",
            2,
            "Conceição Luíza Letícia Ana_Júlia Fernanda",
            "João Thiago Márcio Fábio Gonçalo Sérgio",
            "Silva Araújo Gonçalves Conceição Magalhães Simões Assunção Ribeiro",
            "São_Paulo:01310-100:SP Rio_de_Janeiro:20040-002:RJ Brasília:70040-010:DF",
            "+55119[6789]7 +55219[6789]7 +55619[6789]7",
            _companies("Vigilância_Atlântica Serramar", "{} Ltda.|{} Defesa S.A.", "com.br"),
        ),
        locale(
            "IN",
            3,
            "Priya Ananya Sneha Kavya Deepika Lakshmi",
            "Aarav Rohan Vikram Arjun Rajesh Suresh",
            "Sharma Patel Iyer Reddy Nair Gupta Singh Menon Chatterjee",
            "New_Delhi:110001 Bengaluru:560001 Hyderabad:500001 Pune:411001 Chennai:600001",
            "+9198[0123456789]7 +9199[0123456789]7 +9197[0123456789]7",
            _companies(
                "Sahyadri Vindhya Garuda_Shield",
                "{} Defence Systems Pvt. Ltd.|{} Engineering Pvt. Ltd.",
                "in",
            ),
        ),
        locale(
            "MA",
            1,
            "Salma Imane Khadija Yasmine",
            "Youssef Karim Mehdi Hamza",
            "El_Amrani Benjelloun Tazi Alaoui Bennani Chraïbi",
            "Rabat:10000 Casablanca:20000 Kénitra:14000",
            "+2126[01234567]7",
            _companies("Atlasmar Oudaya", "{} Sécurité SARL|{} Équipements SA", "ma"),
            titles=_TITLES_FR,
        ),
        locale(
            "TR",
            2,
            "Çağla Öznur Ayşe Elif Gülşen",
            "Şükrü Gökhan İbrahim Murat Emre Barış",
            "Yılmaz Şahin Öztürk Çelik Doğan Kılıç Aydın Güneş",
            "Ankara:06420 İstanbul:34394 İzmir:35210",
            "+9053[0123456789]7 +90505[0123456789]6 +90542[0123456789]6",
            _companies(
                "Anadolu_Kalkan Toroslar", "{} Savunma A.Ş.|{} Teknoloji Ltd. Şti.", "com.tr"
            ),
        ),
        locale(
            "SG",
            1,
            "Wei_Ling Mei_Xin Siti Priya",
            "Jun_Jie Darren Rajiv Marcus",
            "Tan Lim Ng Lee Goh Teo",
            "Singapore:138588",
            "+659[012345678]6 +658[123456789]6",
            _companies("Merlion_Gate Straitsway", "{} Pte. Ltd.|{} Defence Pte. Ltd.", "com.sg"),
        ),
        locale(
            "CA",
            1,
            "Émilie Geneviève Olivia Chantal",
            "Mathieu Ryan Étienne Connor",
            "Tremblay Gagnon Côté Bouchard MacDonald Wilson",
            "Ottawa:K1A_0B1:ON Montréal:H2Y_1C6:QC Halifax:B3J_3K5:NS",
            "+1613[23456789]6 +1514[23456789]6 +1416[23456789]6",
            _companies("Northvale Borealis_Gate", "{} Defence Inc.|{} Field Systems Ltd.", "ca"),
        ),
    )


# --- what visitors said -------------------------------------------------------------------

_NOTES = {
    "en": (
        "Needs {qty} cases for {application}; asked for a quote before the end of the month.",
        "Currently uses another supplier's cases and is unhappy with latch durability.",
        "Interested in the {case} with a custom foam insert.",
        "Asked for the IP67 and MIL-STD-810H test reports.",
        "Tender expected in Q2 2024, about {qty} units. Send the spec sheets.",
        "Asked about lead times and RAL colours (RAL 6014 olive, RAL 7021 black-grey).",
        'Integrator for police vehicles: needs 19" racks with shock mounts.',
        "Came back with their technical director; wants a demo at their site in January.",
        "Budget approved for 2024. Decision by the programme office, not by the end user.",
        "Asked whether the {case} can travel as airline cabin baggage.",
        "Has a framework contract with a distributor: check who handles their region.",
        "Looking for a lighter alternative to aluminium cases for mountain rescue teams.",
        "Wants samples: one {case} and one foam insert.",
        "Met at the stand during the lunchtime rush; follow up after the show.",
        "Exhibiting on the same floor — possible partnership for kits.",
        "Prefers contact by e-mail; not available before 20 November.",
    ),
    "fr": (
        "Rappeler la semaine prochaine : devis pour {qty} {case}.",
        "Souhaite une visite de l'usine en décembre.",
        "Utilise des caisses aluminium, cherche plus léger pour {application}.",
        "Appel d'offres prévu au 2e trimestre 2024, environ {qty} unités.",
    ),
    "de": (
        "Angebot für {qty} Stück {case} senden, Lieferung ab März.",
        "Sehr interessiert an Rack-Cases für Funkgeräte.",
        "Braucht Prüfberichte IP67 und MIL-STD-810H vor der Ausschreibung.",
    ),
}
_CASE_REMARKS = (
    "",
    "",
    "",
    "in RAL 6014 olive",
    "with custom foam",
    "sample requested",
    "needs wheels",
    "with RFID tags",
)


# --- drawing at random ----------------------------------------------------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class _Weighted(Generic[T]):
    """Items with relative weights, ready for ``_Dice.weighted``: ``bounds`` are the
    running totals but the last, which is ``total``."""

    items: tuple[T, ...]
    bounds: tuple[float, ...]
    total: float

    @classmethod
    def of(cls, pairs: Sequence[tuple[T, float]]) -> _Weighted[T]:
        running = list(accumulate(weight for _, weight in pairs))
        return cls(tuple(item for item, _ in pairs), tuple(running[:-1]), running[-1])


class _Dice:
    """Quick draws from one ``random.Random``; ``random.choices`` costs several times more,
    which matters at 100,000 leads."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def weighted(self, table: _Weighted[T]) -> T:
        return table.items[bisect_right(table.bounds, self.random() * table.total)]

    def below(self, limit: int) -> int:
        """A whole number from 0 to ``limit - 1``."""
        return int(self.random() * limit)

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()


# --- people -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
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


_SHOWCASE = (
    ("FR", "Zoé", "Lefèvre", "zoe.lefevre", True),
    ("DE", "Jürgen", "Müller", "juergen.mueller", False),
    ("PL", "Małgorzata", "Wójcik", "malgorzata.wojcik", True),
    ("JP", "太郎", "山田", "taro.yamada", False),
    ("CN", "伟", "李", "wei.li", False),
    ("UA", "Олена", "Шевченко", "olena.shevchenko", True),
    ("AE", "محمد", "العلي", "mohammed.alali", False),
    ("ES", "Íñigo", "Núñez", "inigo.nunez", False),
    ("GR", "Γιώργος", "Παπαδόπουλος", "giorgos.papadopoulos", False),
    ("TR", "Şükrü", "Öztürk", "sukru.ozturk", False),
)
"""People who are always among the leads (when there are enough), so that a demo always
shows accents and non-Latin scripts: (country, first name, last name, e-mail local part,
female)."""


class _PeopleFactory:
    """Makes plausible visitors with values already in their stored form.

    E-mail addresses are unique (a number is added on a clash), like real visitors'.
    """

    def __init__(self, dice: _Dice) -> None:
        self._dice = dice
        locales = _locales()
        self._by_country = {locale.country: locale for locale in locales}
        self._locales = _Weighted.of([(locale, locale.weight) for locale in locales])
        self._emails: set[str] = set()

    def person(self) -> _Person:
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

    def showcase(self, index: int) -> _Person:
        country, first_name, last_name, local, female = _SHOWCASE[index % len(_SHOWCASE)]
        locale = self._by_country[country]
        return self._finish(locale, first_name, last_name, local, True, female)

    def _finish(
        self,
        locale: _Locale,
        first_name: str,
        last_name: str,
        local: str,
        native: bool,
        female: bool,
    ) -> _Person:
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
        return _Person(
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
            city=city.native if native else city.latin,
            region=city.region,
            country=locale.country,
        )

    def _phone(self, patterns: Sequence[_PhonePattern]) -> str:
        """A valid number in E.164, from the patterns checked in the tests."""
        dice = self._dice
        pattern = dice.pick(patterns)
        tail = dice.below(10**pattern.rest)
        return f"{pattern.prefix}{dice.pick(pattern.next_digits)}{tail:0{pattern.rest}d}"


# --- leads --------------------------------------------------------------------------------


def _opening_windows(timezone: str) -> list[tuple[datetime, int]]:
    """Each show day's opening time in UTC, from local time, and its opening hours."""
    zone = ZoneInfo(timezone)
    windows = []
    for day, opens, closes in _SHOW_DAYS:
        start = datetime.combine(day, opens, tzinfo=zone).astimezone(UTC)
        windows.append((start, closes.hour - opens.hour))
    return windows


def _capture_times(dice: _Dice, count: int, timezone: str) -> list[datetime]:
    """``count`` moments in opening hours, busier mid-morning and mid-afternoon, sorted.

    Show days are whole days of standard time in Paris, so adding seconds to the UTC
    opening time gives the same instant as converting the local time."""
    windows = _opening_windows(timezone)
    days = _Weighted.of([(index, weight) for index, weight in enumerate(_DAY_WEIGHTS)])
    hours = [
        _Weighted.of([(hour, _HOUR_WEIGHTS[hour]) for hour in range(length)])
        for _start, length in windows
    ]
    moments = []
    for _ in range(count):
        day = dice.weighted(days)
        offset = (dice.weighted(hours[day]) + dice.random()) * 3600.0
        moments.append(windows[day][0] + timedelta(seconds=offset))
    moments.sort()
    return moments


def _vcard(person: _Person, badge_id: str) -> str:
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


@dataclass(frozen=True)
class _ShowContext:
    """The ids the leads refer to."""

    event_id: int
    staff_ids: tuple[int, ...]
    staff_languages: dict[int, str]
    product_ids: tuple[int, ...]
    product_weights: tuple[float, ...]
    case_names: dict[int, str]  # product id -> name, for transit and rack cases
    role_question: int
    applications_question: int
    quantity_question: int


@dataclass
class _Batch:
    """The rows of one transaction, one list per table."""

    leads: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    search: list[tuple[int, str, str, str]] = field(default_factory=list)


_SOURCES = _Weighted.of(
    [
        (LeadSource.BADGE, 53.0),
        (LeadSource.MANUAL, 40.0),
        (LeadSource.CAMERA, 5.0),
        (LeadSource.KIOSK, 2.0),
    ]
)
_RATINGS: _Weighted[Rating | None] = _Weighted.of(
    [(Rating.HOT, 15.0), (Rating.WARM, 35.0), (Rating.COLD, 25.0), (None, 25.0)]
)
_FOLLOW_UPS: dict[Rating | None, _Weighted[tuple[FollowUp, ...]]] = {
    Rating.HOT: _Weighted.of(
        [
            ((FollowUp.SEND_QUOTE,), 4.0),
            ((FollowUp.SEND_QUOTE, FollowUp.ARRANGE_MEETING), 3.0),
            ((FollowUp.ARRANGE_MEETING,), 2.0),
            ((FollowUp.SEND_QUOTE, FollowUp.DEMO), 2.0),
            ((FollowUp.DEMO,), 1.0),
        ]
    ),
    Rating.WARM: _Weighted.of(
        [
            ((FollowUp.SEND_BROCHURE,), 5.0),
            ((FollowUp.SEND_BROCHURE, FollowUp.CALL_BACK), 3.0),
            ((FollowUp.CALL_BACK,), 2.0),
            ((FollowUp.SEND_QUOTE,), 1.0),
        ]
    ),
    Rating.COLD: _Weighted.of([((FollowUp.SEND_BROCHURE,), 1.0), ((), 1.0)]),
    None: _Weighted.of([((), 19.0), ((FollowUp.OTHER,), 1.0)]),
}
_PRODUCTS_SHOWN = _Weighted.of([(0, 25.0), (1, 35.0), (2, 22.0), (3, 12.0), (4, 6.0)])
_NOTE_COUNTS = _Weighted.of([(0, 35.0), (1, 40.0), (2, 18.0), (3, 7.0)])
_QUANTITIES = (5, 10, 12, 20, 25, 40, 50, 100, 250)
_ANSWERED_QUANTITIES = (2, 5, 10, 15, 20, 30, 50, 100, 200, 500)
_ATTENDEES = 30
_ATTENDEES_ALREADY_MET = 6


class _LeadFactory:
    """Turns people and capture times into the rows of leads and what hangs off them."""

    def __init__(
        self,
        dice: _Dice,
        show: _ShowContext,
        total: int,
        taken_rowids: set[int],
    ) -> None:
        self._dice = dice
        self._show = show
        self._taken_rowids = taken_rowids
        self._all_cases = list(show.case_names.values())
        self._staff = _Weighted.of(list(zip(show.staff_ids, _STAFF_WEIGHTS, strict=False)))
        self._products = _Weighted.of(
            list(zip(show.product_ids, show.product_weights, strict=True))
        )
        # Distinct badge numbers in no order, with room left for the attendee list.
        self._badges = iter(dice.rng.sample(range(1_000_000, 10_000_000), total + _ATTENDEES))

    def _search_rowid(self, created_at: datetime) -> int:
        """As ``core.search.assign_search_rowid`` gives it, without a query per lead."""
        rowid = first_search_rowid(self._show.event_id, created_at)
        while rowid in self._taken_rowids:
            rowid += 1
        self._taken_rowids.add(rowid)
        return rowid

    def next_badge(self) -> str:
        return f"MP23-{next(self._badges)}"

    def add(self, batch: _Batch, person: _Person, created_at: datetime) -> str | None:
        """Adds the rows of one lead to ``batch``; returns its badge ID when it was scanned."""
        dice = self._dice
        show = self._show
        lead_id = str(uuid.uuid4())
        source = dice.weighted(_SOURCES)
        staff_id = None if source is LeadSource.KIOSK else dice.weighted(self._staff)
        scanned = source is LeadSource.BADGE or source is LeadSource.CAMERA
        badge_id = self.next_badge() if scanned else None
        rating = dice.weighted(_RATINGS)
        consent = dice.chance(0.88)
        shown_cases = self._products_shown(batch, lead_id)
        notes = self._notes(batch, lead_id, staff_id, created_at, shown_cases)
        batch.leads.append(
            {
                "id": lead_id,
                "event_id": show.event_id,
                "staff_id": staff_id,
                "source": source,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "company": person.company,
                "job_title": person.job_title,
                "email": person.email,
                "phone": person.phone,
                "mobile": person.mobile,
                "website": person.website,
                "street": person.street,
                "postal_code": person.postal_code,
                "city": person.city,
                "region": person.region,
                "country": person.country,
                "rating": rating,
                "follow_ups": [f.value for f in dice.weighted(_FOLLOW_UPS[rating])],
                "consent_given": consent,
                "consent_version": DEMO_CONSENT_VERSION if consent else None,
                "consent_at": created_at if consent else None,
                "consent_staff_id": staff_id if consent else None,
                "badge_id": badge_id,
                "badge_format": "vcard" if badge_id else None,
                "badge_raw": _vcard(person, badge_id) if badge_id else None,
                "created_at": created_at,
                "updated_at": batch.notes[-1]["created_at"] if notes else created_at,
                "deleted_at": None,
                "search_rowid": self._search_rowid(created_at),
            }
        )
        self._answers(batch, lead_id)
        batch.visits.append(
            {"lead_id": lead_id, "staff_id": staff_id, "at": created_at, "source": source}
        )
        if dice.chance(0.08):
            batch.visits.append(
                {
                    "lead_id": lead_id,
                    "staff_id": staff_id,
                    "at": created_at + timedelta(hours=dice.uniform(1.0, 30.0)),
                    "source": LeadSource.BADGE,
                }
            )
        body = search_text(
            person.first_name,
            person.last_name,
            person.company,
            person.job_title,
            person.email,
            person.city,
            badge_id,
            notes,
        )
        rowid = batch.leads[-1]["search_rowid"]
        batch.search.append((rowid, lead_id, index_scope(show.event_id, False), body))
        return badge_id

    def _notes(
        self,
        batch: _Batch,
        lead_id: str,
        staff_id: int | None,
        created_at: datetime,
        shown_cases: list[str],
    ) -> list[str]:
        """0-3 notes, the first taken during the talk and the others later, oldest first;
        mostly in English, sometimes in the language of the staff member."""
        dice = self._dice
        show = self._show
        language = show.staff_languages.get(staff_id, "en") if staff_id is not None else "en"
        cases = shown_cases or self._all_cases
        texts: list[str] = []
        at = created_at
        for index in range(dice.weighted(_NOTE_COUNTS)):
            if index:
                at = at + timedelta(minutes=dice.uniform(5.0, 240.0))
            templates = _NOTES[language] if dice.chance(0.3) else _NOTES["en"]
            note = dice.pick(templates).format(
                qty=dice.pick(_QUANTITIES),
                application=dice.pick(_APPLICATION_CHOICES).lower(),
                case=dice.pick(cases) if cases else "cases",
            )
            texts.append(note)
            batch.notes.append(
                {"lead_id": lead_id, "staff_id": staff_id, "created_at": at, "text": note}
            )
        return texts

    def _products_shown(self, batch: _Batch, lead_id: str) -> list[str]:
        """0-4 products shown; returns the names of the cases among them."""
        dice = self._dice
        case_names = self._show.case_names
        count = min(dice.weighted(_PRODUCTS_SHOWN), len(self._show.product_ids))
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(dice.weighted(self._products))
        cases = []
        for product_id in sorted(chosen):
            case = case_names.get(product_id)
            if case is not None:
                cases.append(case)
            batch.products.append(
                {
                    "lead_id": lead_id,
                    "product_id": product_id,
                    "quantity": dice.pick(_QUANTITIES) if dice.chance(0.3) else None,
                    "remark": dice.pick(_CASE_REMARKS) if case is not None else "",
                }
            )
        return cases

    def _answers(self, batch: _Batch, lead_id: str) -> None:
        """Answers in the stored form the lead service gives them (see ``_answer_value``)."""
        dice = self._dice
        show = self._show
        if dice.chance(0.7):
            role = dice.pick(_ROLE_CHOICES)
            batch.answers.append(
                {"lead_id": lead_id, "question_id": show.role_question, "value": role}
            )
        if dice.chance(0.5):
            picked = {dice.pick(_APPLICATION_CHOICES) for _ in range(1 + dice.below(3))}
            applications = [choice for choice in _APPLICATION_CHOICES if choice in picked]
            batch.answers.append(
                {
                    "lead_id": lead_id,
                    "question_id": show.applications_question,
                    "value": applications,
                }
            )
        if dice.chance(0.4):
            quantity = dice.pick(_ANSWERED_QUANTITIES)
            batch.answers.append(
                {"lead_id": lead_id, "question_id": show.quantity_question, "value": quantity}
            )


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(connection: Connection, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """``INSERT`` of ``rows`` (all with the same keys) with one ``executemany``.

    ``connection.execute(insert(table), rows)`` prepares every row's parameters in Python,
    which takes about as long as SQLite takes to store them. With a positional driver
    (SQLite's) the statement is compiled once and each value goes through its column's
    own bind processor, so what is stored is the same, in half the time.
    """
    table = _table(model)
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(rows[0]))
    if compiled.positiontup is None or not set(compiled.positiontup) <= rows[0].keys():
        # Named parameters, or a column whose default SQLAlchemy must compute per row.
        connection.execute(insert(table), rows)
        return
    columns = [
        (key, table.c[key].type.dialect_impl(dialect).bind_processor(dialect))
        for key in compiled.positiontup
    ]
    parameters = [
        tuple([row[key] if process is None else process(row[key]) for key, process in columns])
        for row in rows
    ]
    connection.exec_driver_sql(compiled.string, parameters)


_BY_ID = itemgetter("id")
_BY_LEAD = itemgetter("lead_id")


def _write(session: Session, batch: _Batch) -> None:
    """Inserts a batch with one ``executemany`` per table.

    Rows go in key order: B-tree pages fill in sequence, and FTS5 keeps collecting terms
    in memory only while rowids increase (a smaller rowid flushes them to disk).
    """
    connection = session.connection()
    for model, rows, key in (
        (Lead, batch.leads, _BY_ID),
        (LeadProduct, batch.products, _BY_LEAD),
        (Note, batch.notes, _BY_LEAD),
        (Visit, batch.visits, _BY_LEAD),
        (Answer, batch.answers, _BY_LEAD),
    ):
        if rows:
            rows.sort(key=key)
            _insert(connection, model, rows)
    if not batch.search:
        return
    if connection.dialect.name == "sqlite":
        batch.search.sort()
        connection.exec_driver_sql(
            "INSERT INTO lead_search (rowid, lead_id, scope, body) VALUES (?, ?, ?, ?)",
            batch.search,
        )
    else:
        insert_folded_rows(connection, [(lead_id, body) for _, lead_id, _, body in batch.search])


# --- the entry point ----------------------------------------------------------------------


def create_demo(
    services: Services,
    leads: int = 200,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> EventRow:
    """Creates the show "Milipol Paris 2023" with products, staff, questions, ``leads``
    sample leads and a few attendee-list rows, and makes it the active show.

    The first staff member becomes the one at the laptop. Products that already exist
    (same SKU) are reused and put on the stand, and so are staff members of the same
    name. Raises ``Conflict`` before writing anything if a show of the demo's name
    exists. Leads are written ``CHUNK_SIZE`` per transaction and ``progress(done,
    total)`` is called after each; an error part-way leaves the leads written so far.
    """
    if leads < 0:
        raise ValidationError("leads", "the number of demo leads must be 0 or more")
    _refuse_existing(services.database)
    dice = _Dice(random.Random(seed))

    event = services.events.create(
        EventInput(
            name=DEMO_EVENT_NAME,
            venue="Paris Nord Villepinte",
            city="Paris",
            country="FR",
            start_date=_SHOW_DAYS[0][0],
            end_date=_SHOW_DAYS[-1][0],
            booth="5F 112",
            timezone=DEMO_TIMEZONE,
            consent_text=DEMO_CONSENT_TEXT,
            consent_version=DEMO_CONSENT_VERSION,
        )
    )
    staff = _add_staff(services, event.id)
    product_ids = _add_products(services, event.id)
    questions = [
        services.events.add_question(event.id, question, kind, choices)
        for question, kind, choices in DEMO_QUESTIONS
    ]
    show = _show_context(event.id, staff, product_ids, questions)
    _add_leads(services.database, dice, show, leads, progress)
    services.staff.use(staff[0].id)
    return services.events.use(event.id)


def _refuse_existing(database: Database) -> None:
    with database.read() as session:
        existing = session.scalars(
            select(Event.name).where(func.lower(Event.name) == DEMO_EVENT_NAME.lower())
        ).first()
    if existing is not None:
        raise Conflict(
            f"the demo show {existing!r} already exists in {database.label}: open it with "
            f'`boothapp event use "{existing}"`, or make the demo in another file with --db'
        )


def _add_staff(services: Services, event_id: int) -> list[StaffRow]:
    """The demo roster, reusing staff members of the same name."""
    existing = {
        member.name.casefold(): member for member in services.staff.list(include_inactive=True)
    }
    members = []
    for spec in DEMO_STAFF:
        member = existing.get(spec.name.casefold())
        if member is None:
            member = services.staff.create(spec.name, spec.email, spec.phone, spec.role)
        members.append(member)
    services.events.set_roster(event_id, [member.id for member in members])
    return members


def _add_products(services: Services, event_id: int) -> dict[str, int]:
    """Puts the demo catalogue on the stand; returns SKU -> product id."""
    existing = {product.sku: product for product in services.products.list(include_inactive=True)}
    ids: dict[str, int] = {}
    reused = False
    for data in DEMO_PRODUCTS:
        product = existing.get(data.sku)
        if product is None:
            product = services.products.create(data, event_id=event_id)
        else:
            reused = True
        ids[data.sku] = product.id
    if reused:
        services.events.set_products(event_id, list(ids.values()))
    return ids


def _show_context(
    event_id: int, staff: list[StaffRow], product_ids: dict[str, int], questions: list[QuestionRow]
) -> _ShowContext:
    catalogue = {data.sku: data for data in DEMO_PRODUCTS}
    cases = (ProductCategory.TRANSIT_CASE, ProductCategory.RACK_CASE)
    return _ShowContext(
        event_id=event_id,
        staff_ids=tuple(member.id for member in staff),
        staff_languages={
            member.id: spec.language for member, spec in zip(staff, DEMO_STAFF, strict=True)
        },
        product_ids=tuple(product_ids.values()),
        product_weights=tuple(_PRODUCT_WEIGHTS.get(sku, 2.0) for sku in product_ids),
        case_names={
            product_id: catalogue[sku].name
            for sku, product_id in product_ids.items()
            if catalogue[sku].category in cases
        },
        role_question=questions[0].id,
        applications_question=questions[1].id,
        quantity_question=questions[2].id,
    )


def _add_leads(
    database: Database,
    dice: _Dice,
    show: _ShowContext,
    total: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Writes ``total`` leads, ``CHUNK_SIZE`` per transaction, then the attendee list."""
    people = _PeopleFactory(dice)
    with database.read() as session:
        stored = session.scalars(select(Lead.search_rowid).where(Lead.search_rowid.is_not(None)))
        taken_rowids = {rowid for rowid in stored if rowid is not None}
    factory = _LeadFactory(dice, show, total, taken_rowids=taken_rowids)
    moments = _capture_times(dice, total, DEMO_TIMEZONE)
    featured_at = dice.rng.sample(range(total), min(len(_SHOWCASE), total))
    showcase = {index: number for number, index in enumerate(featured_at)}
    already_met: list[tuple[str, _Person]] = []
    for start in range(0, total, CHUNK_SIZE):
        end = min(start + CHUNK_SIZE, total)
        batch = _Batch()
        for index in range(start, end):
            featured = showcase.get(index)
            person = people.person() if featured is None else people.showcase(featured)
            badge_id = factory.add(batch, person, moments[index])
            if badge_id is not None and len(already_met) < _ATTENDEES_ALREADY_MET:
                already_met.append((badge_id, person))
        with database.write() as session:
            _write(session, batch)
        if progress is not None:
            progress(end, total)
    with database.write() as session:
        _add_attendees(session, show.event_id, people, factory, already_met)
    if progress is not None and total == 0:
        progress(0, 0)


def _add_attendees(
    session: Session,
    event_id: int,
    people: _PeopleFactory,
    factory: _LeadFactory,
    already_met: list[tuple[str, _Person]],
) -> None:
    """The organiser's attendee list, imported the evening before the show: a few
    visitors already captured as leads, and people not met yet."""
    eve = _SHOW_DAYS[0][0] - timedelta(days=1)
    imported_at = datetime.combine(eve, time(18), tzinfo=ZoneInfo(DEMO_TIMEZONE)).astimezone(UTC)
    entries = list(already_met)
    while len(entries) < _ATTENDEES:
        entries.append((factory.next_badge(), people.person()))
    rows = [
        {
            "event_id": event_id,
            "badge_id": badge_id,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "company": person.company,
            "job_title": person.job_title,
            "email": person.email,
            "phone": person.phone,
            "country": person.country,
            "city": person.city,
            "extra": {"badge_type": "Visitor", "registration": "online"},
            "imported_at": imported_at,
        }
        for badge_id, person in entries
    ]
    _insert(session.connection(), Attendee, rows)

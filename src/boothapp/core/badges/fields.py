"""Helpers shared by the format parsers: key names, escapes, addresses, names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from boothapp.core.errors import ValidationError
from boothapp.core.validation import normalise_country


def fold_key(key: str) -> str:
    """``"E-Mail"``, ``"e_mail"`` and ``"Émail "`` all become ``"email"``."""
    if key.isascii():
        return _NOT_ALNUM_ASCII.sub("", key.lower())
    decomposed = unicodedata.normalize("NFKD", key.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


_NOT_ALNUM_ASCII = re.compile(r"[^a-z0-9]+")

_KEY_TABLE = """
first_name: firstname first givenname given forename fname prenom prenoms vorname nombre
    nome
last_name: lastname last surname familyname lname nomdefamille nomfamille nachname
    familienname apellido apellidos cognome
full_name: fullname displayname contactname nomcomplet vollstandigername vollername
    attendeename visitorname participantname personname
company: company companyname organisation organization organisationname organizationname org
    firm employer societe entreprise raisonsociale organisme etablissement firma firmenname
    unternehmen arbeitgeber institution affiliation
job_title: title jobtitle job position jobfunction function fonction poste titre intitule
    intituledeposte funktion berufsbezeichnung beruf stellung designation
email: email mail emailaddress emailadresse mailaddress courriel adresseemail adressemail
    adresseelectronique emails
phone: phone phonenumber tel telephone telephonenumber workphone officephone businessphone
    directline telefon telefonnummer telbureau phones numerodetelephone landline fixe
mobile: mobile mobilephone mobilenumber cell cellphone cellular portable telportable handy
    mobil mobiltelefon mobilnummer gsm
fax: fax telefax telecopie faxnumber
website: website web url site siteweb siteinternet homepage webseite internet www webaddress
address: address adresse postaladdress fulladdress anschrift postanschrift adressepostale
    mailingaddress
street: street streetaddress address1 addressline1 line1 street1 rue voie strasse
    strasseundhausnummer
postal_code: zip zipcode postcode postalcode codepostal cp plz postleitzahl
city: city town ville localite commune stadt ort wohnort locality
region: region state province county departement bundesland canton kanton stateprovince
country: country countryname countrycode pays land nation
badge_id: id badgeid badge badgenumber badgeno badgenr badgecode attendeeid attendeenumber
    attendee registrationid registrationnumber regid regno registration ticketid ticket
    ticketnumber visitorid visitornumber participantid barcode uid nbadge numerobadge
    numerodebadge badgenummer teilnehmerid teilnehmernummer ausweisnummer besucherid
note: note notes comment comments remark remarks remarque remarques commentaire commentaires
    bemerkung bemerkungen notiz notizen anmerkung message
"""


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _key_fields(table: str) -> dict[str, str]:
    """``field: key key ...`` lines (indented lines continue the one above) -> {key: field}."""
    result: dict[str, str] = {}
    name = ""
    for line in table.strip().splitlines():
        if not line.startswith(" "):
            name, _, line = line.partition(":")
        for key in line.split():
            result[key] = name
    return result


KEY_FIELDS: dict[str, str] = _key_fields(_KEY_TABLE)
"""Folded key -> field name ("email", "phone", "mobile", "fax", "note" collect values)."""

AMBIGUOUS_NAME_KEYS = frozenset({"nom", "name"})
"""The last name when a first name is given beside it, else the full name."""

SALUTATIONS = word_set("mr mrs ms miss mx dr prof sir madam m mme mlle herr frau monsieur madame")


def field_for_key(key: str) -> str | None:
    """The field a key names (``"Prénom"`` -> ``"first_name"``), or None."""
    folded = fold_key(key)
    if folded in AMBIGUOUS_NAME_KEYS:
        return "name"
    return KEY_FIELDS.get(folded)


def resolve_name_keys(names: list[str]) -> str:
    """Where an ambiguous ``nom``/``name`` goes, given the other fields of the record."""
    return "last_name" if "first_name" in names and "last_name" not in names else "full_name"


@cache
def _escaped_tokens(separator: str) -> re.Pattern[str]:
    sep = re.escape(separator)
    return re.compile(rf"\\.|{sep}|[^\\{sep}]+|\\", re.DOTALL)


def split_escaped(text: str, separator: str) -> list[str]:
    """Splits on ``separator`` unless a backslash escapes it; escapes stay in the parts."""
    if "\\" not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    for match in _escaped_tokens(separator).finditer(text):
        token = match.group()
        if token == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    parts.append("".join(current))
    return parts


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def unescape(text: str) -> str:
    r"""Backslash escapes as in vCard and MECARD: ``\n``/``\N`` a line break, else the character."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def try_country(text: str | None) -> str | None:
    """The ISO alpha-2 code of a country name or code, or None when it does not resolve."""
    if not text or len(text) > 100:
        return None
    try:
        return normalise_country(text)
    except ValidationError:
        return None


@dataclass(frozen=True)
class AddressParts:
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None


_POSTAL_CITY = re.compile(
    r"^(?:[A-Z]{1,2}-)?"
    r"(?P<postal>\d{4} ?[A-Z]{2}|\d{4,6}|\d{3}-\d{4}|\d{2}-\d{3}|\d{3} \d{2})"
    r"\s+(?P<city>\D.*)$"
)
_REGION_POSTAL = re.compile(r"^(?P<region>[A-Z]{2})\s+(?P<postal>\d{5}(?:-\d{4})?)$")
_CITY_POSTAL = re.compile(
    r"^(?P<city>\D[^,]*?)\s+(?P<postal>[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\d{5}(?:-\d{4})?)$"
)


def guess_address_parts(address: str) -> AddressParts:
    """Street, postal code, city and country from one line of address, where plain.

    Only the common shapes are read: ``"12 rue X, 75001 Paris, France"``,
    ``"Hauptstr. 5, D-10115 Berlin"``, ``"1 Main St, London SW1A 1AA, UK"``,
    ``"1 Main St, Springfield, IL 62704, USA"``.
    """
    parts = [part.strip() for part in re.split(r"[,\n]", address) if part.strip()]
    country = None
    if len(parts) > 1:
        country = try_country(parts[-1])
        if country is not None:
            parts = parts[:-1]
    for index, part in enumerate(parts):
        first_of_many = index == 0 and len(parts) > 1
        match = None if first_of_many else _POSTAL_CITY.match(part) or _CITY_POSTAL.match(part)
        if match is not None:
            return AddressParts(
                street=", ".join(parts[:index]) or None,
                postal_code=match.group("postal"),
                city=match.group("city").strip(),
                country=country,
            )
        match = _REGION_POSTAL.match(part)
        if match is not None and index > 0:
            return AddressParts(
                street=", ".join(parts[: index - 1]) or None,
                postal_code=match.group("postal"),
                city=parts[index - 1],
                region=match.group("region"),
                country=country,
            )
    return AddressParts(country=country)


def compose_address(*parts: str | None) -> str | None:
    """One line of address from its parts, skipping empty ones."""
    text = ", ".join(part.strip() for part in parts if part and part.strip())
    return text or None


def postal_city(postal_code: str | None, city: str | None) -> str | None:
    return " ".join(part for part in (postal_code, city) if part) or None


_ID_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")


def looks_like_id(text: str, *, need_digit: bool = True, min_length: int = 3) -> bool:
    """A token of ASCII letters, digits, ``-`` and ``_`` (at most 128), usually with a digit."""
    if len(text) < min_length or _ID_TOKEN.fullmatch(text) is None:
        return False
    return not need_digit or any(ch.isdigit() for ch in text)

"""vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350 and the 2.1 specification), standard library only.

Reads property names in any case, group prefixes (``item1.TEL``), parameters with
or without ``TYPE=`` (2.1's ``TEL;WORK;VOICE:``), quoted parameter values
(``TYPE="work,voice"``), ``CHARSET``, ``ENCODING=QUOTED-PRINTABLE`` with soft line
breaks, ``ENCODING=BASE64``/``b``, ``VALUE=uri`` (``tel:`` numbers), folded lines
and backslash escapes. Only the first vCard of a payload is read.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from boothapp.core.badges.draft import Draft, PhoneKind
from boothapp.core.badges.fields import split_escaped, unescape

_BEGIN = re.compile(r"BEGIN:VCARD[ \t]*(?:\n|$)", re.IGNORECASE)
_END = re.compile(r"^[ \t]*END:VCARD[ \t]*$", re.IGNORECASE | re.MULTILINE)
_VERSION = re.compile(r"^[ \t]*VERSION:[ \t]*([0-9.]+)", re.IGNORECASE | re.MULTILINE)
_PROPERTY = re.compile(
    r"""^[ \t]*(?:[A-Za-z0-9-]+\.)?(?P<name>[A-Za-z0-9_-]+)
    (?P<params>(?:;(?:[^";:]|"[^"]*")*)*)
    :(?P<value>.*)$""",
    re.DOTALL | re.VERBOSE,
)
_PARAM = re.compile(r';((?:[^";]|"[^"]*")*)')
_NAME = re.compile(r"[ \t]*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9_-]+)")
_ID_PROPERTY = re.compile(
    r"^X-(?:.*(?:BADGE|ATTENDEE|REGISTRATION|TICKET|VISITOR|PARTICIPANT).*|ID|REG-?ID)$"
)
_SKIPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "AGENT"})


_BEGIN_LINE = re.compile(r"^[ \t]*BEGIN:VCARD", re.IGNORECASE | re.MULTILINE)


def looks_like(text: str) -> bool:
    """A line starts with ``BEGIN:VCARD`` (not a vCard quoted inside JSON or a note)."""
    return _BEGIN_LINE.search(text) is not None


@dataclass
class _Property:
    name: str
    params: dict[str, str]
    types: frozenset[str]
    value: str


def _unfold(body: str, keep_space: bool) -> list[str]:
    """Logical lines: folded lines joined, quoted-printable soft breaks joined."""
    lines: list[str] = []
    soft_break = False
    quoted_printable = False
    for line in body.split("\n"):
        if soft_break:
            lines[-1] = lines[-1][:-1] + line
        elif line[:1] in (" ", "\t") and lines:
            lines[-1] += line if keep_space else line[1:]
        elif line.strip():
            lines.append(line)
            head = line.split(":", 1)[0].upper()
            quoted_printable = "QUOTED-PRINTABLE" in head
        else:
            continue
        soft_break = quoted_printable and lines[-1].endswith("=")
    return lines


def _split_line(line: str) -> tuple[str, list[str], str] | None:
    """(name, parameters, value) of a content line, or None when it is not one."""
    colon = line.find(":")
    if colon < 0:
        return None
    head = line[:colon]
    if '"' in head:
        match = _PROPERTY.match(line)
        if match is None:
            return None
        return match.group("name"), _PARAM.findall(match.group("params")), match.group("value")
    name, _, params = head.partition(";")
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    return match.group(1), params.split(";") if params else [], line[colon + 1 :]


def _properties(lines: list[str], draft: Draft) -> list[_Property]:
    properties: list[_Property] = []
    unreadable = 0
    for line in lines:
        parts = _split_line(line)
        if parts is None:
            unreadable += 1
            continue
        name, raw_params, value = parts
        params: dict[str, str] = {}
        types: set[str] = set()
        for param in raw_params:
            key, equals, text = param.partition("=")
            if not equals:
                key, text = "TYPE", key
            key = key.strip().lower()
            if key == "type":
                types.update(item.strip().lower() for item in text.replace('"', "").split(","))
            elif key == "pref":
                types.add("pref")
            elif key:
                params[key] = text.strip().strip('"')
        types.discard("")
        encoding = params.get("encoding", "").lower()
        if "quoted-printable" in types or encoding in ("quoted-printable", "qp"):
            params["encoding"] = "quoted-printable"
        elif "base64" in types or encoding in ("b", "base64"):
            params["encoding"] = "base64"
        properties.append(_Property(name.upper(), params, frozenset(types), value))
    if unreadable:
        draft.warn(f"{unreadable} vCard line(s) without a property name ignored")
    return properties


def _decode_bytes(data: bytes, charset: str | None, draft: Draft) -> str:
    try:
        return data.decode(charset or "utf-8")
    except LookupError:
        draft.warn(f"unknown vCard charset {(charset or '')[:40]!r}: read as UTF-8")
    except (UnicodeError, ValueError):
        pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        draft.warn("vCard value not in its declared charset: read as Windows-1252")
        return data.decode("cp1252", "replace")


def _value(prop: _Property, draft: Draft) -> str:
    encoding = prop.params.get("encoding")
    if encoding in ("quoted-printable", "qp"):
        data = binascii.a2b_qp(prop.value.encode("utf-8", "replace"))
        return _decode_bytes(data, prop.params.get("charset"), draft)
    if encoding in ("b", "base64"):
        try:
            data = base64.b64decode("".join(prop.value.split()), validate=False)
        except (binascii.Error, ValueError):
            draft.warn(f"vCard {prop.name} is not valid base64: ignored")
            return ""
        return _decode_bytes(data, prop.params.get("charset"), draft)
    return prop.value


def _components(value: str) -> list[str]:
    return [unescape(part) for part in split_escaped(value, ";")]


def _words(value: str, joiner: str = " ") -> str:
    """A structured component; unescaped commas separate several values (``Jean,Pierre``)."""
    parts = (unescape(part).strip() for part in split_escaped(value, ","))
    return joiner.join(part for part in parts if part)


_MOBILE = frozenset({"cell", "mobile", "iphone"})
_WORK = frozenset({"work"})
_VOICE = frozenset({"voice", "main", "pref"})


def _phone_kinds(phones: list[tuple[str, frozenset[str]]]) -> list[PhoneKind]:
    """Cell/mobile -> mobile, fax -> fax; the first work line (else voice, else any) -> phone."""
    kinds: list[PhoneKind] = []
    for _, types in phones:
        if types & _MOBILE:
            kinds.append("mobile")
        elif "fax" in types:
            kinds.append("fax")
        else:
            kinds.append("other")
    for wanted in (_WORK, _VOICE, None):
        for index, (_, types) in enumerate(phones):
            if kinds[index] == "other" and (wanted is None or types & wanted):
                kinds[index] = "phone"
                return kinds
    return kinds


def _address(value: str, draft: Draft) -> None:
    parts = [*(_words(part, ", ") for part in split_escaped(value, ";")), *[""] * 7][:7]
    draft.put_postal_address(tuple(part.strip() for part in parts))


def parse(text: str) -> Draft:
    draft = Draft()
    begin = _BEGIN.search(text) or _BEGIN_LINE.search(text)
    body = text[begin.end() :] if begin else text
    end = _END.search(body)
    if end is None:
        draft.warn("the vCard has no END:VCARD line: the scan may be cut short")
    else:
        rest = body[end.end() :]
        body = body[: end.start()]
        extra = rest.upper().count("BEGIN:VCARD")
        if extra:
            draft.warn(f"the scan holds {extra + 1} vCards; only the first was read")
    version_match = _VERSION.search(body)
    version = version_match.group(1) if version_match else "3.0"
    properties = _properties(_unfold(body, keep_space=version.startswith("2")), draft)

    phones: list[tuple[str, frozenset[str]]] = []
    emails: list[str] = []
    preferred_emails = 0
    addresses: list[tuple[str, frozenset[str]]] = []
    roles: list[str] = []
    badge_ids: list[str] = []
    uid: str | None = None
    label: str | None = None
    for prop in properties:
        if prop.name in _SKIPPED:
            continue
        value = _value(prop, draft)
        name = prop.name
        if name == "N":
            parts = [*split_escaped(value, ";"), "", ""]
            draft.put("last_name", _words(parts[0]))
            draft.put("first_name", _words(parts[1]))
        elif name == "FN":
            draft.put("full_name", unescape(value))
        elif name == "ORG":
            draft.put("company", next((part for part in _components(value) if part.strip()), ""))
        elif name == "TITLE":
            draft.put("job_title", unescape(value))
        elif name == "ROLE":
            roles.append(unescape(value))
        elif name == "EMAIL":
            if "pref" in prop.types:
                emails.insert(preferred_emails, unescape(value))
                preferred_emails += 1
            else:
                emails.append(unescape(value))
        elif name == "TEL":
            phones.append((unescape(value), prop.types))
        elif name == "ADR":
            addresses.append((value, prop.types))
            if "label" in prop.params and label is None:
                label = unescape(prop.params["label"])
        elif name == "LABEL" and label is None:
            label = unescape(value)
        elif name == "URL":
            draft.put("website", unescape(value))
        elif name == "NOTE":
            draft.put("note", unescape(value))
        elif name == "UID":
            uid = uid or re.sub(r"^urn:uuid:", "", unescape(value).strip(), flags=re.IGNORECASE)
        elif _ID_PROPERTY.match(name):
            badge_ids.append(unescape(value))

    for email in emails:
        draft.put("email", email)
    for (number, _), kind in zip(phones, _phone_kinds(phones), strict=True):
        draft.add_phone(number, kind)
    if addresses:
        preferred = next(
            (value for value, types in addresses if types & {"pref", "work"}), addresses[0][0]
        )
        _address(preferred, draft)
    draft.put("address", label)
    for role in roles:
        draft.put("job_title", role)
    for badge_id in [*badge_ids, uid or ""]:
        draft.put("badge_id", badge_id.strip())
    return draft

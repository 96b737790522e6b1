"""Properties over arbitrary input: nothing but the two refusals escapes, the repaired
payload is always kept, the result is JSON, and well-formed records read back."""

from __future__ import annotations

import json
import quopri

from badge_corpus import mojibake
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from boothapp.core.badges import MAX_PAYLOAD_BYTES, BadgeData, BadgeProfile, parse_badge
from boothapp.core.badges.draft import clean, clean_note
from boothapp.core.badges.repair import payload_size, repair_payload, undo_mojibake
from boothapp.core.errors import ValidationError
from boothapp.core.validation import clean_line, clean_text

ANY_CHARACTER = st.characters(exclude_categories=())
"""Every code point, lone surrogates included."""

SAFETY_NET = ("reader failed", "the scan could not be read")
SINGLE_BYTE = {chr(byte) for byte in range(256)} | {
    bytes([byte]).decode("cp1252", "ignore") for byte in range(256)
}
"""What mojibake is made of: repairing it may turn letters into spaces (``"Â\xa0"``)."""


def _check(payload: str | bytes) -> BadgeData | None:
    try:
        data = parse_badge(payload)
    except ValidationError as error:
        assert error.field == "badge"
        if payload_size(payload) > MAX_PAYLOAD_BYTES:
            assert "bytes long" in error.reason
        else:
            assert error.reason == "the scan is empty"
            assert not repair_payload(payload).text.strip()
            if isinstance(payload, str):
                assert not any(ch.isalnum() and ch not in SINGLE_BYTE for ch in payload)
        return None
    assert data.raw == repair_payload(payload).text
    assert data.raw.strip()
    data.raw.encode("utf-8")
    text = json.dumps(data.to_json_dict(), ensure_ascii=False)
    assert json.loads(text) == data.to_json_dict()
    assert not any(fragment in w for w in data.warnings for fragment in SAFETY_NET), data.warnings
    return data


@given(st.text(alphabet=ANY_CHARACTER, max_size=300))
def test_any_text(payload: str) -> None:
    _check(payload)


@given(st.binary(max_size=600))
def test_any_bytes(payload: bytes) -> None:
    _check(payload)


@settings(max_examples=30)
@given(st.text(alphabet=ANY_CHARACTER, min_size=1300, max_size=4200))
def test_any_long_text(payload: str) -> None:
    _check(payload)


@given(st.text(alphabet=ANY_CHARACTER, max_size=200))
def test_any_text_behind_a_format_prefix(body: str) -> None:
    for prefix in (
        "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:",
        "MECARD:N:",
        "BIZCARD:",
        '{"attendee": {"name": ',
        "https://reg.example.com/badge/",
        "Name: ",
    ):
        _check(prefix + body)


@given(
    st.lists(
        st.sampled_from(
            [
                "BEGIN:VCARD",
                "VERSION:2.1",
                "VERSION:4.0",
                "N:",
                "FN:",
                ";",
                ":",
                ",",
                "\\",
                "=",
                "=\n",
                "\n",
                "\r",
                " ",
                "\t",
                '"',
                "TEL;TYPE=cell:",
                "ADR:",
                "ENCODING=QUOTED-PRINTABLE",
                "=C3",
                "=A9",
                "END:VCARD",
                "{",
                "}",
                "[",
                "]",
                "MECARD:",
                "BIZCARD:",
                "|",
                "@",
                "é",
                "Ã",
                "©",
                "\x00",
                "CHARSET=utf-7",
                "CHARSET=idna",
                "CHARSET=utf-16",
                "CHARSET=\x00",
                "ENCODING=b",
                "2D8-",
                "+2D8-",
                "\u202e",
                "\ufeff",
                "http://",
                "?id=",
                "1",
                "A",
            ]
        ),
        max_size=60,
    )
)
def test_format_fragments(fragments: list[str]) -> None:
    _check("".join(fragments))


@given(st.text(alphabet=ANY_CHARACTER, max_size=60))
def test_field_cleaning_short_cuts_agree_with_core_validation(value: str) -> None:
    assert clean(value) == clean_line(value, "name", max_length=10_000)
    assert clean_note(value) == clean_text(value, "note", max_length=10_000)


@given(st.text(alphabet=ANY_CHARACTER, max_size=200) | st.binary(max_size=200))
def test_repair_is_idempotent(payload: str | bytes) -> None:
    once = repair_payload(payload).text
    assert repair_payload(once).text == once
    assert repair_payload(once).warnings == ()


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=80))
def test_mojibake_repair_round_trips(text: str) -> None:
    for codec in ("latin-1", "cp1252"):
        assert undo_mojibake(mojibake(text, codec)) == (None if text.isascii() else text)


# --- well-formed records read back -----------------------------------------------------

NAME = st.text(
    alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=40
)


def _expected(value: str) -> str | None:
    return clean_line(value, "name", max_length=10_000) or None


def _vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _readable(payload: str) -> bool:
    return undo_mojibake(payload) is None and payload_size(payload) <= MAX_PAYLOAD_BYTES


@given(NAME, NAME)
def test_vcard_30_names_read_back(first: str, last: str) -> None:
    payload = (
        f"BEGIN:VCARD\nVERSION:3.0\nN:{_vcard_escape(last)};{_vcard_escape(first)};;;\nEND:VCARD"
    )
    assume(_readable(payload))
    data = parse_badge(payload)
    assert data.format == "vcard"
    if _expected(first) and _expected(last):
        assert (data.first_name, data.last_name) == (_expected(first), _expected(last))


@given(NAME, NAME)
def test_vcard_folded_every_few_characters_reads_back(first: str, last: str) -> None:
    line = f"N:{_vcard_escape(last)};{_vcard_escape(first)};;;"
    folded = "\r\n ".join(line[i : i + 5] for i in range(0, len(line), 5))
    payload = f"BEGIN:VCARD\r\nVERSION:4.0\r\n{folded}\r\nEND:VCARD\r\n"
    assume(_readable(payload))
    data = parse_badge(payload)
    if _expected(first) and _expected(last):
        assert (data.first_name, data.last_name) == (_expected(first), _expected(last))


@given(NAME, NAME)
def test_vcard_21_quoted_printable_reads_back(first: str, last: str) -> None:
    value = f"{_vcard_escape(last)};{_vcard_escape(first)}".encode()
    encoded = quopri.encodestring(value).decode("ascii").replace("\r\n", "\n")
    payload = (
        f"BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{encoded}\nEND:VCARD"
    )
    assume(_readable(payload))
    data = parse_badge(payload)
    if _expected(first) and _expected(last):
        assert (data.first_name, data.last_name) == (_expected(first), _expected(last))


@given(NAME, NAME, NAME)
def test_mecard_reads_back(first: str, last: str, company: str) -> None:
    def escape(value: str) -> str:
        for ch in "\\;:,":
            value = value.replace(ch, "\\" + ch)
        return value

    payload = f"MECARD:N:{escape(last)},{escape(first)};ORG:{escape(company)};;"
    assume(_readable(payload))
    data = parse_badge(payload)
    assert data.format == "mecard"
    assert data.company == _expected(company)
    if _expected(first) and _expected(last):
        assert (data.first_name, data.last_name) == (_expected(first), _expected(last))


@given(NAME, NAME, NAME)
def test_json_reads_back(first: str, last: str, company: str) -> None:
    payload = json.dumps(
        {"attendee": {"firstName": first, "lastName": last, "company": company}},
        ensure_ascii=False,
    )
    assume(_readable(payload))
    data = parse_badge(payload)
    assert data.format == "json"
    assert data.company == _expected(company)
    if _expected(first) and _expected(last):
        assert (data.first_name, data.last_name) == (_expected(first), _expected(last))


@given(st.lists(NAME.filter(lambda v: "|" not in v and '"' not in v), min_size=3, max_size=3))
def test_profile_reads_back(values: list[str]) -> None:
    profile = BadgeProfile("|", ("company", "city", "job_title"))
    payload = "|".join(values)
    assume(_readable(payload) and payload.strip())
    other_formats = ("www.", "http", "mecard:", "bizcard:", "mailto:", "tel:", "{", "[", "]")
    assume(not payload.lower().startswith(other_formats))
    assume("BEGIN:VCARD" not in payload.upper())
    data = parse_badge(payload, profile)
    assert data.format == "delimited"
    assert (data.company, data.city, data.job_title) == tuple(_expected(v) for v in values)

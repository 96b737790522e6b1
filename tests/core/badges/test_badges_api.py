"""The public surface: refusals, profiles, the result shape, the mapping onto a lead."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator

import pytest
from badge_corpus import CASES, Case

from boothapp.core.badges import (
    MAX_PAYLOAD_BYTES,
    BadgeData,
    BadgeProfile,
    lead_input_from_badge,
    parse_badge,
)
from boothapp.core.db import open_database
from boothapp.core.errors import ValidationError
from boothapp.core.schemas import EventInput, LeadInput
from boothapp.core.services import Services

SPEC_KEYS = [
    "format",
    "badge_id",
    "first_name",
    "last_name",
    "full_name",
    "company",
    "job_title",
    "email",
    "emails",
    "phone",
    "phones",
    "mobile",
    "website",
    "address",
    "street",
    "postal_code",
    "city",
    "region",
    "country",
    "note",
    "raw",
    "warnings",
]


# --- refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    ["x" * (MAX_PAYLOAD_BYTES + 1), b"x" * (MAX_PAYLOAD_BYTES + 1), "é" * 2049, "\ud800" * 1366],
    ids=["text", "bytes", "two-byte characters", "lone surrogates"],
)
def test_refuses_payloads_over_4_kib_naming_the_size(payload: str | bytes) -> None:
    with pytest.raises(ValidationError) as error:
        parse_badge(payload)
    assert error.value.field == "badge"
    size = (
        len(payload)
        if isinstance(payload, bytes)
        else len(payload.encode("utf-8", "surrogatepass"))
    )
    assert f"{size:,}" in error.value.reason
    assert "4,096" in error.value.reason


def test_accepts_exactly_4_kib() -> None:
    payload = "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nNOTE:"
    payload += (
        "x" * (MAX_PAYLOAD_BYTES - len(payload.encode()) - len("\nEND:VCARD")) + "\nEND:VCARD"
    )
    assert len(payload.encode()) == MAX_PAYLOAD_BYTES
    assert parse_badge(payload).last_name == "Müller"


@pytest.mark.parametrize(
    "payload", ["", "   \n\t ", b"", b"\r\n", "\x00\u200b\ufeff", b"\xef\xbb\xbf"]
)
def test_refuses_an_empty_scan(payload: str | bytes) -> None:
    with pytest.raises(ValidationError) as error:
        parse_badge(payload)
    assert error.value.field == "badge"
    assert error.value.reason == "the scan is empty"


def test_refuses_what_is_not_text_or_bytes() -> None:
    with pytest.raises(ValidationError):
        parse_badge(12345)  # type: ignore[arg-type]


def test_takes_a_bytearray() -> None:
    assert parse_badge(bytearray(b"MIL23-004512")).badge_id == "MIL23-004512"


# --- the result -------------------------------------------------------------------------


def test_json_dict_has_exactly_the_spec_keys() -> None:
    data = parse_badge("BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nEMAIL:zoe@example.fr\nEND:VCARD")
    result = data.to_json_dict()
    assert list(result) == SPEC_KEYS
    assert result["emails"] == ["zoe@example.fr"]
    assert result["phones"] == []
    assert result["company"] is None
    json.dumps(result)


def test_result_is_frozen() -> None:
    data = parse_badge("MIL23-004512")
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.badge_id = "other"  # type: ignore[misc]


def test_missing_values_are_none_and_lists_empty() -> None:
    data = parse_badge("MIL23-004512")
    assert data == BadgeData(format="id", badge_id="MIL23-004512", raw="MIL23-004512")


# --- profiles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("separator", "fields", "message"),
    [
        ("", ("email",), "separator"),
        (";", (), "non-empty tuple"),
        (";", ["email"], "non-empty tuple"),
        (";", ("email", "shoe_size"), "'shoe_size'"),
        (";", ("raw",), "'raw'"),
        (";", ("", ""), "at least one column"),
    ],
)
def test_profile_refuses_bad_layouts(separator: str, fields: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        BadgeProfile(separator, fields)
    assert error.value.field == "badge_profile"
    assert message in error.value.reason


def test_profile_with_extra_columns_warns() -> None:
    profile = BadgeProfile("|", ("badge_id", "email"))
    data = parse_badge("A-1|zoe@example.fr|VIP|Day 2", profile)
    assert (data.format, data.badge_id, data.email) == ("delimited", "A-1", "zoe@example.fr")
    assert data.warnings == ("2 column(s) beyond the badge profile ignored",)


def test_profile_reads_only_the_first_of_several_records() -> None:
    profile = BadgeProfile(";", ("badge_id", "last_name"))
    data = parse_badge("A-1;Lefèvre\nA-2;Müller\n", profile)
    assert (data.badge_id, data.last_name) == ("A-1", "Lefèvre")
    assert "only the first" in data.warnings[0]


def test_profile_collects_several_phones_and_emails() -> None:
    profile = BadgeProfile("|", ("email", "email", "phone", "mobile", "phone"))
    data = parse_badge("a@example.fr|b@example.fr|+33 1 23|+33 6 12|+33 1 99", profile)
    assert data.emails == ("a@example.fr", "b@example.fr")
    assert data.phones == ("+33 1 23", "+33 6 12", "+33 1 99")
    assert (data.phone, data.mobile) == ("+33 1 23", "+33 6 12")


def test_single_field_profile_applies_without_a_separator() -> None:
    profile = BadgeProfile(";", ("badge_id",))
    data = parse_badge("XY 1234", profile)
    assert (data.format, data.badge_id) == ("delimited", "XY 1234")


# --- cleaning and limits -----------------------------------------------------------------


def test_long_names_are_cut_and_long_ids_dropped_with_warnings() -> None:
    payload = json.dumps({"company": "C" * 400, "badgeId": "B" * 250, "email": "a@example.fr"})
    data = parse_badge(payload)
    assert data.company == "C" * 300
    assert data.badge_id is None
    assert any("company cut to 300" in warning for warning in data.warnings)
    assert any("badge id ignored" in warning for warning in data.warnings)


def test_phones_without_digits_and_websites_with_spaces_are_dropped() -> None:
    data = parse_badge("MECARD:N:Lefèvre,Zoé;TEL:n/a;URL:lefevre defense fr;;")
    assert data.phones == ()
    assert data.website is None
    assert len(data.warnings) == 2


def test_same_number_twice_is_kept_once() -> None:
    data = parse_badge("MECARD:N:Lefèvre,Zoé;TEL:+33 6 12 34 56 78;TEL:+33612345678;;")
    assert data.phones == ("+33 6 12 34 56 78",)


def test_unknown_country_stays_in_the_address() -> None:
    data = parse_badge('{"name": "Zoé Lefèvre", "city": "Paris", "country": "Lutèce"}')
    assert data.country is None
    assert data.address == "Paris, Lutèce"
    assert any("'Lutèce' not recognised" in warning for warning in data.warnings)


def test_decomposed_accents_are_composed() -> None:
    data = parse_badge("MECARD:N:Lefe\u0300vre,Zoe\u0301;;")
    assert (data.first_name, data.last_name) == ("Zoé", "Lefèvre")


def test_json_reads_the_person_not_the_show() -> None:
    payload = json.dumps(
        {
            "event": {"name": "Milipol", "city": "Villepinte", "country": "FR", "website": "x.fr"},
            "visitor": {"email": "zoe@example.fr", "badge": "V-1"},
        }
    )
    data = parse_badge(payload)
    assert (data.email, data.badge_id, data.full_name, data.city) == (
        "zoe@example.fr",
        "V-1",
        None,
        None,
    )


def test_linkedin_slug_of_common_words_is_not_a_name() -> None:
    data = parse_badge("https://www.linkedin.com/in/sales-team")
    assert (data.first_name, data.website) == (None, "https://www.linkedin.com/in/sales-team")
    assert data.warnings == ()


# --- a reader that fails hands over ------------------------------------------------------


def test_a_failing_reader_gives_unknown_with_the_raw_kept(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from boothapp.core.badges import vcard

    def broken(text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(vcard, "parse", broken)
    payload = "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD"
    with caplog.at_level(logging.ERROR):
        data = parse_badge(payload)
    assert data.format == "unknown"
    assert data.raw == payload
    assert any("vcard reader failed" in warning for warning in data.warnings)
    assert "boom" in caplog.text


# --- onto a lead --------------------------------------------------------------------------


def test_lead_input_carries_the_badge() -> None:
    data = parse_badge(CASES[0].payload)
    lead = lead_input_from_badge(data)
    assert lead == LeadInput(
        first_name="Zoé",
        last_name="Lefèvre",
        company="Lefèvre Défense",
        job_title="Responsable des achats équipements terrain",
        email="zoe.lefevre@lefevre-defense.fr",
        phone="+33 1 23 45 67 89",
        mobile="+33 6 12 34 56 78",
        street="12 rue de la Paix, Bâtiment B",
        postal_code="75002",
        city="Paris",
        region="Île-de-France",
        country="FR",
        note="Intéressée par les valises de transport\nRappeler après le salon",
        source="badge",
        badge_id="MIL23-004512",
        badge_format="vcard",
        badge_raw=data.raw,
    )


def test_lead_input_keeps_an_unsplit_address_in_the_note() -> None:
    data = parse_badge("MECARD:N:Lefèvre,Zoé;ADR:Bâtiment B, zone industrielle;NOTE:VIP;;")
    lead = lead_input_from_badge(data, source="camera")
    assert lead.note == "VIP\nAddress: Bâtiment B, zone industrielle"
    assert lead.source == "camera"
    assert (lead.street, lead.city) == ("", "")


@pytest.fixture(scope="module")
def booth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    """One database and show for the whole module: every scan becomes a lead there."""
    database = open_database(tmp_path_factory.mktemp("badges") / "boothapp.sqlite3")
    try:
        services = Services.over(database)
        event = services.events.create(EventInput(name="Milipol Paris 2023", country="FR"))
        yield services, event.id
    finally:
        database.close()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_lead_service_accepts_every_scan(case: Case, booth: tuple[Services, int]) -> None:
    services, event_id = booth
    data = parse_badge(case.payload, case.profile)
    lead = services.leads.create(lead_input_from_badge(data), event_id=event_id)
    assert lead.badge_raw == data.raw
    assert lead.badge_format == data.format
    assert lead.badge_id == data.badge_id
    assert lead.first_name == (data.first_name or "")

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boothapp.core.badges import BadgeProfile
from boothapp.core.errors import ValidationError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventRow, LeadFilter, ProductShown, StaffRow
from boothapp.core.services import Services
from boothapp.core.services.scans import ordinal

ZOE_VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nFN:Zoé Lefèvre\nORG:Thales\n"
    "TITLE:Buyer\nEMAIL:zoe.lefevre@thales.fr\nEND:VCARD"
)
ZOE_MECARD = "MECARD:N:Lefèvre,Zoé;EMAIL:Zoe.Lefevre@THALES.fr;;"


def write_attendees(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["Badge ID;Prénom;Nom;Société;E-mail", *rows]) + "\n", "utf-8")
    return path


def test_a_new_badge_is_saved_at_once_with_its_payload(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    result = services.scans.scan(
        ZOE_VCARD,
        event_id=show.id,
        staff_id=claire.id,
        products=(ProductShown(sku="TC-6040"),),
        rating="hot",
        note="Wants a quote",
    )
    assert result.outcome == "new"
    assert result.visit_number == 1
    assert result.message == "Zoé Lefèvre — new lead"
    lead = services.leads.get(result.lead.id)
    assert (lead.first_name, lead.last_name, lead.company) == ("Zoé", "Lefèvre", "Thales")
    assert lead.badge_raw == ZOE_VCARD
    assert lead.badge_format == "vcard"
    assert lead.source == LeadSource.BADGE
    assert lead.staff == "Claire Martin"
    assert [p.sku for p in lead.products] == ["TC-6040"]
    assert lead.rating is not None and lead.rating.value == "hot"
    assert [n.text for n in lead.notes] == ["Wants a quote"]


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("skype:jdupont", "skype:jdupont"),
        ("ftp://files.example.com", "ftp://files.example.com"),
        ("javascript:alert(1)", None),
    ],
)
def test_a_badge_website_that_is_not_a_web_link_never_loses_the_contact(
    services: Services, show: EventRow, url: str, stored: str | None
) -> None:
    result = services.scans.scan(
        f"MECARD:N:Dupont,Jean;EMAIL:jean.dupont@example.fr;URL:{url};;", event_id=show.id
    )
    assert result.outcome == "new"
    lead = services.leads.get(result.lead.id)
    assert (lead.first_name, lead.last_name, lead.email) == (
        "Jean",
        "Dupont",
        "jean.dupont@example.fr",
    )
    assert lead.website == stored
    again = services.scans.scan(
        f"MECARD:N:Dupont,Jean;EMAIL:jean.dupont@example.fr;URL:{url};;", event_id=show.id
    )
    assert again.outcome == "returning" and again.lead.id == lead.id


def test_a_second_scan_records_a_visit(
    services: Services, show: EventRow, claire: StaffRow
) -> None:
    first = services.scans.scan(ZOE_VCARD, event_id=show.id, staff_id=claire.id)
    second = services.scans.scan(
        ZOE_VCARD,
        event_id=show.id,
        products=(ProductShown(sku="RC-4U"),),
        note="Came back with her boss",
        source=LeadSource.CAMERA,
    )
    assert second.outcome == "returning"
    assert second.lead.id == first.lead.id
    assert second.visit_number == 2
    assert second.message == "Zoé Lefèvre — 2nd visit"
    lead = services.leads.get(first.lead.id)
    assert [v.source for v in lead.visits] == [LeadSource.BADGE, LeadSource.CAMERA]
    assert [p.sku for p in lead.products] == ["RC-4U"]
    assert [n.text for n in lead.notes] == ["Came back with her boss"]
    assert services.leads.count(LeadFilter(event_id=show.id)) == 1
    third = services.scans.scan(ZOE_VCARD, event_id=show.id)
    assert third.message.endswith("3rd visit")


def test_the_same_email_on_another_badge_is_the_same_visitor(
    services: Services, show: EventRow
) -> None:
    first = services.scans.scan(ZOE_VCARD, event_id=show.id)
    second = services.scans.scan(ZOE_MECARD, event_id=show.id)
    assert second.outcome == "returning"
    assert second.lead.id == first.lead.id


def test_an_opaque_id_is_filled_from_the_attendee_list(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    services.attendees.import_file(
        write_attendees(tmp_path / "list.csv", ["MIL23-004512;Jonas;Weber;Rheinmetall;j@rh.de"]),
        show.id,
    )
    result = services.scans.scan("MIL23-004512", event_id=show.id)
    assert result.outcome == "new"
    assert result.badge.format == "id"
    lead = result.lead
    assert (lead.first_name, lead.last_name, lead.company) == ("Jonas", "Weber", "Rheinmetall")
    assert lead.email == "j@rh.de"
    assert lead.badge_id == "MIL23-004512"
    assert lead.badge_raw == "MIL23-004512"
    again = services.scans.scan("MIL23-004512", event_id=show.id)
    assert (again.outcome, again.visit_number) == ("returning", 2)


def test_an_unknown_id_is_pending_until_the_list_is_imported(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    result = services.scans.scan("MIL23-009999", event_id=show.id)
    assert result.outcome == "pending"
    assert "attendee list" in result.message
    assert [row.id for row in services.scans.pending(show.id)] == [result.lead.id]
    repeat = services.scans.scan("MIL23-009999", event_id=show.id)
    assert (repeat.outcome, repeat.lead.id, repeat.visit_number) == (
        "pending",
        result.lead.id,
        2,
    )

    imported = services.attendees.import_file(
        write_attendees(tmp_path / "list.csv", ["MIL23-009999;Ana;Silva;Embraer;ana@embraer.br"]),
        show.id,
    )
    assert imported.resolved == 1
    lead = services.leads.get(result.lead.id)
    assert (lead.first_name, lead.last_name, lead.company) == ("Ana", "Silva", "Embraer")
    assert lead.badge_raw == "MIL23-009999"
    assert services.scans.pending(show.id) == []


def test_an_unreadable_payload_is_kept_as_a_pending_lead(
    services: Services, show: EventRow
) -> None:
    result = services.scans.scan("??? ### !!!", event_id=show.id)
    assert result.outcome == "pending"
    assert result.badge.format == "unknown"
    lead = services.leads.get(result.lead.id)
    assert lead.badge_raw == "??? ### !!!"
    assert lead.badge_format == "unknown"
    again = services.scans.scan("??? ### !!!", event_id=show.id)
    assert again.lead.id == result.lead.id
    assert len(services.scans.pending(show.id)) == 1


def test_profile_is_stored_per_show(services: Services, show: EventRow) -> None:
    assert services.scans.profile(show.id) is None
    profile = BadgeProfile("|", ("badge_id", "first_name", "last_name", "company"))
    services.scans.set_profile(show.id, profile)
    assert services.scans.profile(show.id) == profile
    result = services.scans.scan("MIL23-004512|Zoé|Lefèvre|Thales", event_id=show.id)
    assert result.outcome == "new"
    assert (result.lead.first_name, result.lead.company) == ("Zoé", "Thales")
    services.scans.set_profile(show.id, None)
    assert services.scans.profile(show.id) is None


def test_empty_and_oversized_scans_are_refused(services: Services, show: EventRow) -> None:
    for payload in ("", "   \n", "x" * 5000, b"\x80" * 4000):
        with pytest.raises(ValidationError) as caught:
            services.scans.scan(payload, event_id=show.id)
        assert caught.value.field == "badge"
    assert services.leads.count(LeadFilter(event_id=show.id)) == 0


def test_an_unknown_product_is_an_error_not_a_pending_lead(
    services: Services, show: EventRow
) -> None:
    with pytest.raises(ValidationError, match="NOPE"):
        services.scans.scan(ZOE_VCARD, event_id=show.id, products=(ProductShown(sku="NOPE"),))


@pytest.mark.parametrize(
    "payload",
    [
        b"\x00\x01\x02\xff\xfe\x80BEGIN:VCARD",
        "Zo\x07é\x1b[31m Lefèvre\x00",
        "\u202eevèfeL éoZ\u202c MIL23-1",
        "BEGIN:VCARD\nFN:🦄 Unicorn 🌈\nEMAIL:u@x.io\nEND:VCARD",
        "N:" + "A" * 3000,
    ],
)
def test_hostile_payloads_never_crash(
    services: Services, show: EventRow, payload: str | bytes
) -> None:
    result = services.scans.scan(payload, event_id=show.id)
    assert services.leads.get(result.lead.id).badge_raw == result.badge.raw
    assert result.badge.raw


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(payload=st.binary(max_size=600) | st.text(max_size=300))
def test_any_bytes_are_refused_cleanly_or_kept(
    services: Services, show: EventRow, payload: bytes | str
) -> None:
    try:
        result = services.scans.scan(payload, event_id=show.id)
    except ValidationError as error:
        assert error.field == "badge"
        return
    assert services.leads.get(result.lead.id).badge_raw == result.badge.raw


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
        "111th",
    ]

"""One rule for a lead's country, whichever way the lead arrives: the one given; else
that of its phone or mobile number written in international form; else the show's."""

from __future__ import annotations

from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.validation import lead_country, phone_country


@pytest.mark.parametrize(
    ("typed", "dialled_from", "country"),
    [
        ("+49 30 1234567", "FR", "DE"),
        ("+49 30 1234567", None, "DE"),
        ("0049 30 1234567", "FR", "DE"),
        ("011 44 20 7946 0018", "US", "GB"),
        ("+1 212 555 0100", "FR", "US"),
        ("+1 416 555 0100", "FR", "CA"),
        ("06 12 34 56 78", "FR", None),
        ("030 1234567", "DE", None),
        ("0049 30 1234567", None, None),
        ("+800 1234 5678", "FR", None),
        ("+882 3456 1234", "FR", None),
        ("+383 44 123 456", "FR", None),
        ("not a number", "FR", None),
        ("", "FR", None),
        (None, "FR", None),
    ],
)
def test_phone_country(typed: str | None, dialled_from: str | None, country: str | None) -> None:
    assert phone_country(typed, dialled_from) == country


def test_lead_country_order() -> None:
    assert lead_country("Allemagne", "+44 20 7946 0018", None, "FR") == "DE"
    assert lead_country(None, "+44 20 7946 0018", "+49 171 1234567", "FR") == "GB"
    assert lead_country(None, "06 12 34 56 78", "+49 171 1234567", "FR") == "DE"
    assert lead_country(None, "06 12 34 56 78", None, "FR") == "FR"
    assert lead_country("", None, None, None) is None


def test_typed_lead_takes_the_show_country(services: Services, show: EventRow) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé"), event_id=show.id)
    assert lead.country == "FR"
    assert services.leads.get(lead.id).country == "FR"


def test_typed_lead_takes_the_country_of_an_international_number(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Jonas", phone="+49 30 1234567"), event_id=show.id
    )
    assert lead.country == "DE"
    by_mobile = services.leads.create(
        LeadInput(first_name="Ana", phone="01 23 45 67 89", mobile="+351 912 345 678"),
        event_id=show.id,
    )
    assert by_mobile.country == "PT"
    assert by_mobile.phone == "+33123456789"


def test_a_given_country_is_kept(services: Services, show: EventRow) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Sam", country="GB", phone="+49 30 1234567"), event_id=show.id
    )
    assert lead.country == "GB"


def test_a_non_geographic_number_gives_the_show_country(services: Services, show: EventRow) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Sam", phone="+800 1234 5678"), event_id=show.id
    )
    assert lead.country == "FR"


def test_a_show_without_country_gives_none(services: Services) -> None:
    event = services.events.create(EventInput(name="Somewhere", timezone="UTC"))
    lead = services.leads.create(LeadInput(first_name="Sam"), event_id=event.id)
    assert lead.country is None


def test_update_fills_only_a_lead_without_country(services: Services, show: EventRow) -> None:
    pending = services.leads.create(LeadInput(badge_id="MIL23-000123"), event_id=show.id)
    assert pending.country is None
    named = services.leads.update(pending.id, LeadInput(first_name="Zoé", badge_id="MIL23-000123"))
    assert named.country == "FR"
    moved = services.leads.update(pending.id, LeadInput(first_name="Zoé", country="DE"))
    assert moved.country == "DE"
    cleared = services.leads.update(pending.id, LeadInput(first_name="Zoé", country=""))
    assert cleared.country is None
    kept = services.leads.update(
        pending.id, LeadInput(first_name="Zoé", phone="+44 20 7946 0018", country="DE")
    )
    assert kept.country == "DE"


def test_a_scanned_lead_gets_the_same_rule(services: Services, show: EventRow) -> None:
    german = services.scans.scan(
        "BEGIN:VCARD\nVERSION:3.0\nN:Weber;Jonas\nORG:Rheinmetall\nTEL:+49 30 1234567\nEND:VCARD",
        event_id=show.id,
    )
    assert german.outcome == "new" and german.lead.country == "DE"
    local = services.scans.scan("MECARD:N:Lefèvre,Zoé;EMAIL:zoe@thales.fr;;", event_id=show.id)
    assert local.outcome == "new" and local.lead.country == "FR"
    given = services.scans.scan(
        "BEGIN:VCARD\nVERSION:3.0\nN:Silva;Ana\nADR:;;;;;;Brazil\nTEL:+49 30 7654321\nEND:VCARD",
        event_id=show.id,
    )
    assert given.lead.country == "BR"


def test_a_pending_scan_gets_its_country_from_the_attendee_list(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    pending = services.scans.scan("MIL23-000777", event_id=show.id)
    assert pending.outcome == "pending" and pending.lead.country is None
    unlisted = services.scans.scan("MIL23-000778", event_id=show.id)
    listing = tmp_path / "list.csv"
    listing.write_text(
        "Badge ID;Prénom;Nom;Société;Pays\n"
        "MIL23-000777;Jonas;Weber;Rheinmetall;Deutschland\n"
        "MIL23-000778;Zoé;Lefèvre;Thales;\n",
        "utf-8",
    )
    assert services.attendees.import_file(listing, show.id).resolved == 2
    assert services.leads.get(pending.lead.id).country == "DE"
    assert services.leads.get(unlisted.lead.id).country == "FR"


def test_a_scan_filled_from_the_attendee_list_keeps_the_listed_country(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("Badge ID;Prénom;Nom;Pays\nMIL23-000779;Ana;Silva;Brésil\n", "utf-8")
    services.attendees.import_file(listing, show.id)
    result = services.scans.scan("MIL23-000779", event_id=show.id)
    assert result.outcome == "new" and result.lead.country == "BR"


def test_a_returning_scan_fills_a_lead_without_country(services: Services) -> None:
    event = services.events.create(EventInput(name="Somewhere", timezone="UTC"))
    payload = "BEGIN:VCARD\nVERSION:3.0\nN:Weber;Jonas\nEMAIL:j@rh.de\nEND:VCARD"
    first = services.scans.scan(payload, event_id=event.id)
    assert first.lead.country is None
    again = services.scans.scan(
        "BEGIN:VCARD\nVERSION:3.0\nN:Weber;Jonas\nEMAIL:j@rh.de\nTEL:+49 30 1234567\nEND:VCARD",
        event_id=event.id,
    )
    assert again.outcome == "returning" and again.lead.country == "DE"


def test_cli_lead_add_gets_the_same_rule(
    services: Services, show: EventRow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "boothapp.sqlite3")
    assert main(["--db", db, "lead", "add", "--first-name", "Zoé", "--event", show.name]) == 0
    assert (
        main(
            ["--db", db, "lead", "add", "--first-name", "Jonas", "--phone", "+49 30 1234567"]
            + ["--event", show.name]
        )
        == 0
    )
    capsys.readouterr()
    rows = services.leads.list(LeadFilter(event_id=show.id))
    countries = {row.first_name: row.country for row in rows}
    assert countries == {"Zoé": "FR", "Jonas": "DE"}

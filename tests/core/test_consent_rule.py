"""Consent is recorded against the show's consent text: without one there is nothing the
visitor agreed to, so giving consent is refused (a scan drops it with a warning)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from boothapp.core.badges import BadgeData, lead_input_from_badge
from boothapp.core.errors import ValidationError
from boothapp.core.models import LeadSource
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.services import scans as scans_module

NO_TEXT = "this show has no consent text: add one in the show settings before recording consent"


@pytest.fixture
def bare_show(services: Services) -> EventRow:
    return services.events.create(
        EventInput(name="Enforce Tac 2024", country="DE", timezone="Europe/Berlin")
    )


def test_creating_a_lead_with_consent_is_refused(services: Services, bare_show: EventRow) -> None:
    with pytest.raises(ValidationError) as error:
        services.leads.create(LeadInput(first_name="Jonas", consent=True), event_id=bare_show.id)
    assert error.value.field == "consent"
    assert error.value.reason == NO_TEXT
    assert services.leads.count(LeadFilter(event_id=bare_show.id)) == 0
    lead = services.leads.create(LeadInput(first_name="Jonas"), event_id=bare_show.id)
    assert not lead.consent_given


def test_giving_consent_in_an_update_is_refused(services: Services, bare_show: EventRow) -> None:
    lead = services.leads.create(LeadInput(first_name="Jonas"), event_id=bare_show.id)
    with pytest.raises(ValidationError) as error:
        services.leads.update(lead.id, LeadInput(first_name="Jonas Weber", consent=True))
    assert error.value.field == "consent"
    stored = services.leads.get(lead.id)
    assert stored.first_name == "Jonas" and not stored.consent_given
    with pytest.raises(ValidationError):
        services.leads.merge_into(lead.id, LeadInput(first_name="Jonas", consent=True))


def test_consent_recorded_before_the_text_was_removed_is_kept(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé", consent=True), event_id=show.id)
    services.events.update(
        show.id, EventInput(name=show.name, country="FR", timezone=show.timezone)
    )
    edited = services.leads.update(lead.id, LeadInput(first_name="Zoé Lefèvre", consent=True))
    assert edited.consent_given and edited.consent_version == "2023-11"
    assert edited.consent_at == lead.consent_at
    withdrawn = services.leads.update(lead.id, LeadInput(first_name="Zoé Lefèvre"))
    assert not withdrawn.consent_given


def _badge_with_consent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Badges carry no consent today; this one does, as a future format might."""

    def with_consent(data: BadgeData, source: LeadSource | str = "badge") -> LeadInput:
        return replace(lead_input_from_badge(data, source), consent=True)

    monkeypatch.setattr(scans_module, "lead_input_from_badge", with_consent)


def test_a_scan_drops_consent_on_a_show_without_text(
    services: Services, bare_show: EventRow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _badge_with_consent(monkeypatch)
    result = services.scans.scan("MECARD:N:Weber,Jonas;EMAIL:j@rh.de;;", event_id=bare_show.id)
    assert result.outcome == "new"
    assert result.lead.first_name == "Jonas" and result.lead.email == "j@rh.de"
    assert not result.lead.consent_given
    assert [w.field for w in result.lead.warnings] == ["consent"]
    assert NO_TEXT in result.lead.warnings[0].message
    again = services.scans.scan("MECARD:N:Weber,Jonas;EMAIL:j@rh.de;;", event_id=bare_show.id)
    assert again.outcome == "returning" and not again.lead.consent_given


def test_a_scan_records_consent_on_a_show_with_text(
    services: Services, show: EventRow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _badge_with_consent(monkeypatch)
    result = services.scans.scan("MECARD:N:Lefèvre,Zoé;EMAIL:zoe@thales.fr;;", event_id=show.id)
    assert result.lead.consent_given and result.lead.consent_version == "2023-11"
    assert result.lead.warnings == ()


def test_scans_never_claim_consent(services: Services, bare_show: EventRow) -> None:
    for payload in (
        "MECARD:N:Weber,Jonas;EMAIL:j@rh.de;;",
        "BEGIN:VCARD\nVERSION:3.0\nN:Silva;Ana\nEMAIL:ana@embraer.br\nEND:VCARD",
        "MIL23-000777",
        "\x00garbage\x01",
    ):
        result = services.scans.scan(payload, event_id=bare_show.id)
        assert not result.lead.consent_given and result.lead.warnings == ()

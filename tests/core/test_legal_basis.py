"""Each lead's legal basis for follow-up, and the "do not contact" mark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boothapp.cli import main
from boothapp.core.errors import ValidationError
from boothapp.core.leads.changes import merged_input
from boothapp.core.schemas import EventRow, LeadInput
from boothapp.core.services import Services
from boothapp.core.vocabulary import LegalBasis


def test_consent_given_is_the_legal_basis(services: Services, show: EventRow) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé", consent=True), show.id)
    assert lead.legal_basis is LegalBasis.CONSENT
    assert services.leads.get(lead.id).legal_basis is LegalBasis.CONSENT


def test_legitimate_interest_is_kept_without_consent(services: Services, show: EventRow) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Jonas", legal_basis="legitimate_interest"), show.id
    )
    assert services.leads.get(lead.id).legal_basis is LegalBasis.LEGITIMATE_INTEREST


def test_consent_chosen_as_basis_without_consent_records_none(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(LeadInput(first_name="Jonas", legal_basis="consent"), show.id)
    assert lead.legal_basis is None


def test_withdrawn_consent_takes_its_legal_basis_with_it(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé", consent=True), show.id)
    updated = services.leads.update(lead.id, LeadInput(first_name="Zoé", consent=False))
    assert updated.legal_basis is None
    assert not updated.consent_given


def test_an_unknown_legal_basis_is_refused_by_name(services: Services, show: EventRow) -> None:
    with pytest.raises(ValidationError) as raised:
        services.leads.create(LeadInput(first_name="Zoé", legal_basis="because"), show.id)
    assert raised.value.field == "legal_basis"


def test_do_not_contact_and_legal_basis_stick_when_a_visitor_is_folded_in(
    services: Services, show: EventRow
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Zoé", do_not_contact=True, legal_basis="legitimate_interest"),
        show.id,
    )
    stored = services.leads.get(lead.id)
    assert stored.do_not_contact
    folded = merged_input(stored, LeadInput(first_name="Zoé", email="zoe@example.fr"))
    assert folded.do_not_contact
    assert folded.legal_basis is LegalBasis.LEGITIMATE_INTEREST


def test_the_form_can_lift_do_not_contact(services: Services, show: EventRow) -> None:
    lead = services.leads.create(LeadInput(first_name="Zoé", do_not_contact=True), show.id)
    again = services.leads.update(lead.id, LeadInput(first_name="Zoé", do_not_contact=False))
    assert not again.do_not_contact


def test_the_command_line_records_and_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "booth.sqlite3")
    assert main(["--db", db, "event", "add", "Milipol", "--country", "FR"]) == 0
    capsys.readouterr()
    args = ["--db", db, "lead", "add", "--first-name", "Zoé", "--json"]
    assert main([*args, "--legal-basis", "legitimate_interest", "--do-not-contact"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert (saved["legal_basis"], saved["do_not_contact"]) == ("legitimate_interest", True)
    assert main(["--db", db, "lead", "show", saved["id"][:8]]) == 0
    shown = capsys.readouterr().out
    assert "Legal basis: Legitimate interest (business contact, informed)" in shown
    assert "DO NOT CONTACT" in shown

"""The legal basis and "do not contact" in the capture form and the lead card, and a
visitor who asked to be erased typed in again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox
from pytestqt.qtbot import QtBot

from boothapp.core.privacy.erasure import erase
from boothapp.core.schemas import EventInput, EventRow, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.core.vocabulary import LegalBasis
from boothapp.gui.capture.capture_form import CaptureForm
from boothapp.gui.lead_detail import LeadDetailDialog
from boothapp.gui.main_window import FORM_WIDTH, MainWindow

CONSENT, INTEREST, NOT_RECORDED = 0, 1, 2


@pytest.fixture
def consent_show(services: Services) -> EventRow:
    show = services.events.create(
        EventInput(name="Milipol Paris", country="FR", consent_text="We may contact you.")
    )
    services.events.use(show.id)
    services.staff.use(services.staff.create("Anna Schmidt", event_id=show.id).id)
    return show


@pytest.fixture
def form(consent_show: EventRow, make_window: Callable[[], MainWindow]) -> CaptureForm:
    return make_window().capture


def pick(form: CaptureForm, index: int) -> None:
    """Chooses an entry of the legal basis box as a person does (``activated``)."""
    form.legal.combo.setCurrentIndex(index)
    form.legal.combo.activated.emit(index)


def test_the_row_sits_in_the_consent_box_and_comes_right_after_it_by_tab(
    form: CaptureForm,
) -> None:
    legal = form.legal
    group = form.view.consent_box.parentWidget()
    assert isinstance(group, QGroupBox) and group.isAncestorOf(legal)
    assert legal.label.buddy() is legal.combo
    assert [legal.combo.itemText(i) for i in range(legal.combo.count())] == [
        "Consent",
        "Legitimate interest (business contact, informed)",
        "Not recorded",
    ]
    assert form.view.consent_box.nextInFocusChain() is legal.combo
    assert legal.combo.nextInFocusChain() is legal.do_not_contact_box
    assert legal.combo.accessibleName() and legal.do_not_contact_box.accessibleName()
    assert legal.legal_basis() is None and not legal.do_not_contact()


def test_consent_follows_the_consent_box_both_ways(form: CaptureForm) -> None:
    legal, box = form.legal, form.view.consent_box
    pick(form, INTEREST)
    assert legal.legal_basis() is LegalBasis.LEGITIMATE_INTEREST
    form.toggle_consent()
    assert box.isChecked() and legal.legal_basis() is LegalBasis.CONSENT
    form.toggle_consent()
    assert legal.legal_basis() is LegalBasis.LEGITIMATE_INTEREST
    pick(form, CONSENT)
    assert box.isChecked()
    pick(form, NOT_RECORDED)
    assert not box.isChecked() and legal.legal_basis() is None
    assert form.edited


def test_consent_cannot_be_chosen_without_a_consent_text(
    services: Services, make_window: Callable[[], MainWindow]
) -> None:
    show = services.events.create(EventInput(name="Eurosatory", country="FR"))
    services.events.use(show.id)
    form = make_window().capture
    pick(form, CONSENT)
    assert not form.view.consent_box.isChecked()
    assert form.legal.legal_basis() is None
    model = form.legal.combo.model()
    assert not model.flags(model.index(CONSENT, 0)) & Qt.ItemFlag.ItemIsEnabled


def test_a_save_stores_them_and_opening_the_lead_shows_and_keeps_them(
    form: CaptureForm, services: Services, consent_show: EventRow
) -> None:
    form.view.edits["first_name"].setText("Ingrid")
    pick(form, INTEREST)
    form.legal.do_not_contact_box.setChecked(True)
    saved = form.save()
    assert saved is not None
    stored = services.leads.get(saved.id)
    assert stored.legal_basis is LegalBasis.LEGITIMATE_INTEREST and stored.do_not_contact
    assert form.legal.legal_basis() is None and not form.legal.do_not_contact()

    assert form.load_lead(saved.id)
    assert form.legal.legal_basis() is LegalBasis.LEGITIMATE_INTEREST
    assert form.legal.do_not_contact()
    form.view.edits["city"].setText("Oslo")
    again = form.save()
    assert again is not None
    kept = services.leads.get(saved.id)
    assert kept.city == "Oslo"
    assert kept.legal_basis is LegalBasis.LEGITIMATE_INTEREST and kept.do_not_contact


def test_a_draft_keeps_them(form: CaptureForm) -> None:
    form.view.edits["first_name"].setText("Ingrid")
    pick(form, INTEREST)
    form.legal.do_not_contact_box.setChecked(True)
    fields = form.fields()
    assert (fields["legal_basis"], fields["do_not_contact"]) == ("legitimate_interest", True)
    form.clear()
    assert form.legal.legal_basis() is None and not form.legal.do_not_contact()
    form.set_fields(fields)
    assert form.legal.legal_basis() is LegalBasis.LEGITIMATE_INTEREST
    assert form.legal.do_not_contact()
    form.set_fields({**fields, "legal_basis": "because"})
    assert form.legal.legal_basis() is None


def test_the_form_still_fits_a_laptop_screen_without_scrolling(
    qtbot: QtBot, consent_show: EventRow, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    window.resize(1366, 768)
    window.view.splitter.setSizes([FORM_WIDTH, 1366 - FORM_WIDTH])
    scroll = window.capture.view.scroll_area
    qtbot.waitUntil(lambda: scroll.viewport().height() > 500)
    assert scroll.verticalScrollBar().maximum() == 0
    row = window.capture.legal
    top = row.mapTo(scroll.viewport(), row.rect().topLeft()).y()
    assert top >= 0 and top + row.height() <= scroll.viewport().height()
    combo = row.combo
    assert combo.view().minimumWidth() >= combo.fontMetrics().horizontalAdvance(
        "Legitimate interest (business contact, informed)"
    )


def test_typing_in_an_erased_person_saves_nothing_and_keeps_no_draft(
    form: CaptureForm, services: Services, consent_show: EventRow
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Zoé", email="zoe@thales.fr"), consent_show.id
    )
    erase(services.database, lead.id)
    form.view.edits["first_name"].setText("Zoé")
    form.view.edits["email"].setText("Zoe@Thales.fr")
    form.autosave()

    assert form.save() is None

    assert "asked to have their personal data erased" in form.view.error_label.text()
    assert "nothing was saved" in form.view.error_label.text()
    assert form.is_empty()
    assert services.drafts.load() is None
    assert services.leads.count(LeadFilter()) == 0


def test_the_lead_card_shows_consent_legal_basis_and_do_not_contact(
    qtbot: QtBot, services: Services, consent_show: EventRow
) -> None:
    lead = services.leads.create(
        LeadInput(first_name="Ingrid", legal_basis="legitimate_interest", do_not_contact=True),
        consent_show.id,
    )
    card = LeadDetailDialog(services.leads.get(lead.id), "Europe/Paris")
    qtbot.addWidget(card)
    fields = card.view.fields
    assert fields["Consent"].text() == "No"
    assert fields["Legal basis"].text() == "Legitimate interest (business contact, informed)"
    assert fields["Do not contact"].text().startswith("Yes")

    given = services.leads.create(LeadInput(first_name="Zoé", consent=True), consent_show.id)
    card = LeadDetailDialog(services.leads.get(given.id), "Europe/Paris")
    qtbot.addWidget(card)
    assert card.view.fields["Consent"].text().startswith("Yes (")
    assert card.view.fields["Legal basis"].text() == "Consent"
    assert card.view.fields["Do not contact"].text() == "No"


def test_edits_naming_an_erased_person_are_not_kept_when_the_form_is_put_away(
    form: CaptureForm, services: Services, consent_show: EventRow
) -> None:
    gone = services.leads.create(
        LeadInput(first_name="Zoé", email="zoe@thales.fr"), consent_show.id
    )
    erase(services.database, gone.id)
    other = services.leads.create(LeadInput(first_name="Jonas"), consent_show.id)
    assert form.load_lead(other.id)
    form.view.edits["email"].setText("zoe@thales.fr")
    assert form.edited

    assert form.put_away()

    assert services.drafts.kept() == []
    assert services.leads.get(other.id).email is None
    assert "asked to have their personal data erased" in form.view.error_label.text()

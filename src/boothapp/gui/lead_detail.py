"""A read-only card with everything stored about one lead, its consent, legal basis
and "do not contact" mark included (they are changed in the capture form)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from boothapp.core.exporting.columns import legal_basis_text, product_label
from boothapp.core.schemas import LeadDetail, NoteRow, VisitRow
from boothapp.core.vocabulary import SOURCE_LABELS, rating_label
from boothapp.gui.formatting import country_name, local_time
from boothapp.gui.i18n import translate
from boothapp.gui.views.lead_detail_view import LeadDetailView
from boothapp.gui.vocabulary_text import vocabulary


def note_text(note: NoteRow, timezone: str) -> str:
    heading = " · ".join(part for part in (local_time(note.at, timezone), note.staff) if part)
    return f"{heading}\n{note.text}"


def consent_text(lead: LeadDetail, timezone: str) -> str:
    """ "Yes (text version 2023-11, 14 Nov 2023 09:30, by Claire Martin)", or "No"."""
    if not lead.consent_given:
        return translate("lead_detail", "No")
    parts = [
        translate("lead_detail", "text version {version}").format(version=lead.consent_version)
        if lead.consent_version
        else ""
    ]
    if lead.consent_at is not None:
        parts.append(local_time(lead.consent_at, timezone))
    if lead.consent_staff:
        parts.append(translate("lead_detail", "by {name}").format(name=lead.consent_staff))
    shown = ", ".join(part for part in parts if part)
    if not shown:
        return translate("lead_detail", "Yes")
    return translate("lead_detail", "Yes ({details})").format(details=shown)


def visit_line(visit: VisitRow, timezone: str) -> str:
    parts = (
        local_time(visit.at, timezone),
        visit.staff or "",
        vocabulary(SOURCE_LABELS[visit.source]),
    )
    return " · ".join(part for part in parts if part)


class LeadDetailDialog(QDialog):
    def __init__(self, lead: LeadDetail, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.setWindowTitle(self.tr("Lead — {name}").format(name=lead.display_name))
        self.setObjectName("leadDetailDialog")
        self.view = LeadDetailView()
        self.view.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._fill(lead, timezone)
        self.resize(620, 540)

    def _fill(self, lead: LeadDetail, timezone: str) -> None:
        """Each field is named in the window's language and keyed in ``view.fields`` by
        its English name."""
        view = self.view
        view.title.setText(lead.display_name)
        view.subtitle.setText(" · ".join(part for part in (lead.job_title, lead.company) if part))
        view.subtitle.setVisible(bool(lead.job_title or lead.company))
        name = " ".join(p for p in (lead.first_name, lead.last_name) if p)
        view.add_field(self.tr("Name"), name, "Name")
        view.add_field(self.tr("Company"), lead.company, "Company")
        view.add_field(self.tr("Job title"), lead.job_title, "Job title")
        view.add_field(self.tr("E-mail"), lead.email or "", "E-mail")
        view.add_field(self.tr("Phone"), lead.phone or "", "Phone")
        if lead.mobile:
            view.add_field(self.tr("Mobile"), lead.mobile, "Mobile")
        if lead.website:
            view.add_field(self.tr("Website"), lead.website, "Website")
        country = f"{country_name(lead.country)} ({lead.country})" if lead.country else ""
        view.add_field(self.tr("Country"), country, "Country")
        view.add_field(self.tr("City"), lead.city, "City")
        rating = vocabulary(rating_label(lead.rating)) if lead.rating is not None else ""
        view.add_field(self.tr("Rating"), rating, "Rating")
        view.add_field(self.tr("Consent"), consent_text(lead, timezone), "Consent")
        view.add_field(self.tr("Legal basis"), vocabulary(legal_basis_text(lead)), "Legal basis")
        view.add_field(
            self.tr("Do not contact"),
            self.tr("Yes: the visitor asked not to be contacted")
            if lead.do_not_contact
            else translate("lead_detail", "No"),
            "Do not contact",
        )
        captured = " · ".join(
            part
            for part in (
                f"{local_time(lead.created_at, timezone)} ({timezone})",
                lead.staff or "",
                vocabulary(SOURCE_LABELS[lead.source]),
            )
            if part
        )
        view.add_field(self.tr("Captured"), captured, "Captured")
        none = self.tr("None")
        view.add_section(
            self.tr("Products"), [product_label(p) for p in lead.products], none, "Products"
        )
        notes = "\n\n".join(note_text(n, timezone) for n in lead.notes)
        view.add_field(self.tr("Notes"), notes or none, "Notes")
        view.add_section(
            self.tr("Visits"), [visit_line(v, timezone) for v in lead.visits], none, "Visits"
        )

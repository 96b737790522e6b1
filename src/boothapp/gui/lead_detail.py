"""A read-only card with everything stored about one lead, its consent, legal basis
and "do not contact" mark included (they are changed in the capture form)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from boothapp.core.exporting.columns import legal_basis_text, product_label
from boothapp.core.schemas import LeadDetail, NoteRow, VisitRow
from boothapp.core.vocabulary import SOURCE_LABELS, rating_label
from boothapp.gui.formatting import country_name, local_time
from boothapp.gui.views.lead_detail_view import LeadDetailView


def note_text(note: NoteRow, timezone: str) -> str:
    heading = " · ".join(part for part in (local_time(note.at, timezone), note.staff) if part)
    return f"{heading}\n{note.text}"


def consent_text(lead: LeadDetail, timezone: str) -> str:
    """ "Yes (text version 2023-11, 14 Nov 2023 09:30, by Claire Martin)", or "No"."""
    if not lead.consent_given:
        return "No"
    parts = [f"text version {lead.consent_version}" if lead.consent_version else ""]
    if lead.consent_at is not None:
        parts.append(local_time(lead.consent_at, timezone))
    if lead.consent_staff:
        parts.append(f"by {lead.consent_staff}")
    shown = ", ".join(part for part in parts if part)
    return f"Yes ({shown})" if shown else "Yes"


def visit_line(visit: VisitRow, timezone: str) -> str:
    parts = (local_time(visit.at, timezone), visit.staff or "", SOURCE_LABELS[visit.source])
    return " · ".join(part for part in parts if part)


class LeadDetailDialog(QDialog):
    def __init__(self, lead: LeadDetail, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead = lead
        self.setWindowTitle(f"Lead — {lead.display_name}")
        self.setObjectName("leadDetailDialog")
        self.view = LeadDetailView()
        self.view.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._fill(lead, timezone)
        self.resize(620, 540)

    def _fill(self, lead: LeadDetail, timezone: str) -> None:
        view = self.view
        view.title.setText(lead.display_name)
        view.subtitle.setText(" · ".join(part for part in (lead.job_title, lead.company) if part))
        view.subtitle.setVisible(bool(lead.job_title or lead.company))
        view.add_field("Name", " ".join(p for p in (lead.first_name, lead.last_name) if p))
        view.add_field("Company", lead.company)
        view.add_field("Job title", lead.job_title)
        view.add_field("E-mail", lead.email or "")
        view.add_field("Phone", lead.phone or "")
        if lead.mobile:
            view.add_field("Mobile", lead.mobile)
        if lead.website:
            view.add_field("Website", lead.website)
        country = f"{country_name(lead.country)} ({lead.country})" if lead.country else ""
        view.add_field("Country", country)
        view.add_field("City", lead.city)
        view.add_field("Rating", rating_label(lead.rating))
        view.add_field("Consent", consent_text(lead, timezone))
        view.add_field("Legal basis", legal_basis_text(lead))
        view.add_field(
            "Do not contact",
            "Yes: the visitor asked not to be contacted" if lead.do_not_contact else "No",
        )
        captured = " · ".join(
            part
            for part in (
                f"{local_time(lead.created_at, timezone)} ({timezone})",
                lead.staff or "",
                SOURCE_LABELS[lead.source],
            )
            if part
        )
        view.add_field("Captured", captured)
        view.add_section("Products", [product_label(p) for p in lead.products])
        view.add_field("Notes", "\n\n".join(note_text(n, timezone) for n in lead.notes) or "None")
        view.add_section("Visits", [visit_line(v, timezone) for v in lead.visits])

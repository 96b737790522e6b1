"""The legal basis and "do not contact" in every export: the Leads sheet, CSV, the CRM
presets and vCards."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]

from boothapp.core.exporting.presets import DO_NOT_CONTACT_LINE
from boothapp.core.schemas import LeadDetail, LeadInput
from boothapp.core.services.exports import ExportRequest

from .booth_data import Booth


def blocked(booth: Booth) -> LeadDetail:
    """A visitor met on legitimate interest who asked not to be contacted."""
    return booth.services.leads.create(
        LeadInput(
            first_name="Ingrid",
            last_name="Berg",
            company="Kongsberg",
            email="ingrid.berg@example.no",
            legal_basis="legitimate_interest",
            do_not_contact=True,
        ),
        event_id=booth.show.id,
    )


def csv_records(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return {
            record.get("Email") or record.get("E-mail") or "": record
            for record in csv.DictReader(stream)
        }


def test_the_leads_sheet_and_csv_say_the_legal_basis_and_do_not_contact(
    booth: Booth, tmp_path: Path
) -> None:
    ingrid = blocked(booth)
    workbook = load_workbook(booth.exports.export(ExportRequest(tmp_path / "l.xlsx")).path)
    sheet = workbook["Leads"]
    header = [cell.value for cell in sheet[1]]
    by_id = {row[header.index("Lead ID")].value: row for row in sheet.iter_rows(min_row=2)}

    def cell(lead_id: str, name: str) -> object:
        return by_id[lead_id][header.index(name)].value

    assert (cell(booth.zoe.id, "Legal basis"), cell(booth.zoe.id, "Do not contact")) == (
        "Consent",
        "no",
    )
    assert cell(booth.yamada.id, "Legal basis") == "Not recorded"
    assert cell(ingrid.id, "Legal basis") == "Legitimate interest (business contact, informed)"
    assert cell(ingrid.id, "Do not contact") == "yes"

    records = csv_records(booth.exports.export(ExportRequest(tmp_path / "l.csv")).path)
    assert records["ingrid.berg@example.no"]["Do not contact"] == "yes"
    assert records["zoe.lefevre@example.fr"]["Legal basis"] == "Consent"


def test_salesforce_gets_its_opt_out_boxes_and_the_basis(booth: Booth, tmp_path: Path) -> None:
    blocked(booth)
    path = booth.exports.export(ExportRequest(tmp_path / "sf.csv", preset="salesforce")).path
    records = csv_records(path)
    ingrid, zoe = records["ingrid.berg@example.no"], records["zoe.lefevre@example.fr"]
    assert (ingrid["Email Opt Out"], ingrid["Do Not Call"]) == ("TRUE", "TRUE")
    assert (zoe["Email Opt Out"], zoe["Do Not Call"]) == ("FALSE", "FALSE")
    assert ingrid["Legal Basis"].startswith("Legitimate interest")
    assert ingrid["Description"].startswith(DO_NOT_CONTACT_LINE + "\nMet at Milipol Paris 2023")
    assert "Legal basis: Legitimate interest (business contact, informed)" in ingrid["Description"]
    assert "Legal basis: Consent" in zoe["Description"]
    assert DO_NOT_CONTACT_LINE not in zoe["Description"]


def test_hubspot_gets_its_own_legal_basis_options(booth: Booth, tmp_path: Path) -> None:
    blocked(booth)
    path = booth.exports.export(ExportRequest(tmp_path / "hs.csv", preset="hubspot")).path
    records = csv_records(path)
    basis = "Legal basis for processing contact's data"
    assert records["ingrid.berg@example.no"][basis] == "Legitimate interest – prospect/lead"
    assert records["ingrid.berg@example.no"]["Do Not Contact"] == "TRUE"
    assert records["zoe.lefevre@example.fr"][basis] == "Freely given consent from contact"
    assert records["taro.yamada@example.jp"][basis] == ""
    assert records["ingrid.berg@example.no"]["Message"].startswith(DO_NOT_CONTACT_LINE)


def test_a_vcard_note_says_do_not_contact(booth: Booth, tmp_path: Path) -> None:
    blocked(booth)
    text = booth.exports.export(ExportRequest(tmp_path / "l.vcf")).path.read_bytes().decode()
    card = next(card for card in text.split("END:VCARD") if "Berg" in card)
    unfolded = card.replace("\r\n ", "")
    assert "NOTE:DO NOT CONTACT" in unfolded
    assert "Legal basis: Legitimate interest" in unfolded

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import select

from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.exporting.columns import is_known_key
from boothapp.core.exporting.presets import SALESFORCE_DESCRIPTION_LIMIT
from boothapp.core.models import Setting
from boothapp.core.schemas import LeadInput
from boothapp.core.services.exports import PRESETS_SETTING, ExportRequest

from .booth_data import Booth

SALESFORCE_HEADERS = [
    "First Name",
    "Last Name",
    "Company",
    "Title",
    "Email",
    "Phone",
    "Mobile",
    "Website",
    "Street",
    "City",
    "State/Province",
    "Zip/Postal Code",
    "Country",
    "Lead Source",
    "Rating",
    "Email Opt Out",
    "Do Not Call",
    "Legal Basis",
    "Description",
]
HUBSPOT_HEADERS = [
    "First Name",
    "Last Name",
    "Email",
    "Phone Number",
    "Mobile Phone Number",
    "Company Name",
    "Job Title",
    "Website URL",
    "Street Address",
    "City",
    "State/Region",
    "Country/Region",
    "Postal Code",
    "Lead Status",
    "Rating",
    "Legal basis for processing contact's data",
    "Do Not Contact",
    "Message",
]


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        records = list(reader)
        return list(reader.fieldnames or []), records


def test_salesforce_preset(booth: Booth, tmp_path: Path) -> None:
    anonymous = booth.services.leads.create(
        LeadInput(email="someone@example.com"), event_id=booth.show.id
    )
    result = booth.exports.export(ExportRequest(tmp_path / "sf.csv", preset="salesforce"))
    headers, records = read(result.path)
    assert headers == SALESFORCE_HEADERS
    by_email = {record["Email"]: record for record in records}
    zoe = by_email["zoe.lefevre@example.fr"]
    assert (zoe["First Name"], zoe["Last Name"], zoe["Company"]) == (
        "Zoé",
        "Lefèvre",
        "Müller GmbH",
    )
    assert zoe["Country"] == "France"
    assert zoe["Zip/Postal Code"] == "75002"
    assert zoe["Lead Source"] == "Trade Show"
    assert zoe["Rating"] == "Hot"
    assert zoe["Description"].startswith("Met at Milipol Paris 2023 on 2023-11-14 09:30")
    assert "Products shown: Pick-and-pluck foam (ACC-FOAM)" in zoe["Description"]
    assert "Role in the purchase: Decision maker" in zoe["Description"]
    assert "Consent: yes (text version 2023-11, 2023-11-14 09:30)" in zoe["Description"]
    nobody = by_email[anonymous.email or ""]
    assert (nobody["Last Name"], nobody["Company"]) == ("[not provided]", "[not provided]")
    assert nobody["Rating"] == ""
    hostile = next(r for r in records if r["First Name"] == "'=1+1")
    assert len(hostile["Description"]) == SALESFORCE_DESCRIPTION_LIMIT
    assert any(w.lead_id == booth.hostile.id and w.column == "Description" for w in result.warnings)


def test_hubspot_preset(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "hs.csv", preset="HubSpot"))
    headers, records = read(result.path)
    assert headers == HUBSPOT_HEADERS
    yamada = next(r for r in records if r["Email"] == "taro.yamada@example.jp")
    assert yamada["Company Name"] == "株式会社 山田"
    assert yamada["Phone Number"] == "+81312345678"
    assert yamada["Lead Status"] == "New"
    assert yamada["Rating"] == "Warm"
    assert yamada["Country/Region"] == "Japan"
    assert "Cases needed: 12" in yamada["Message"]


def test_a_preset_shapes_the_leads_sheet_of_a_workbook(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "sf.xlsx", preset="salesforce"))
    workbook = load_workbook(result.path)
    leads = workbook["Leads"]
    assert [cell.value for cell in leads[1]] == SALESFORCE_HEADERS
    assert workbook.sheetnames == ["Leads", "Summary", "Notes", "Visits", "Follow-ups"]
    assert leads["O2"].value == "Hot"
    assert leads["O2"].fill.fgColor.rgb.endswith("F8CBAD")
    assert booth.exports.headers(ExportRequest(tmp_path / "x.csv", preset="hubspot")) == (
        HUBSPOT_HEADERS
    )


def test_custom_presets_are_saved_in_the_settings_table(booth: Booth, tmp_path: Path) -> None:
    presets = booth.exports.presets
    role = booth.questions[0]
    keys = [
        "last_name",
        "first_name",
        "company",
        "products_each",
        f"question:{role.id}",
        "rating",
    ]
    assert presets.save("Short list", keys) == tuple(keys)
    presets.save("Phones", ["first_name", "phone", "mobile"])
    assert presets.names() == ["Phones", "Short list"]
    assert presets.get("short LIST") == tuple(keys)
    with booth.services.database.read() as session:
        stored = session.scalars(select(Setting).where(Setting.key == PRESETS_SETTING)).one()
        assert stored.value["Short list"] == keys
    assert booth.services.settings.load().active_event_id == booth.show.id

    result = booth.exports.export(ExportRequest(tmp_path / "short.csv", preset="Short list"))
    headers, records = read(result.path)
    assert headers == [
        "Last name",
        "First name",
        "Company",
        "Pick-and-pluck foam",
        "Rack case 4U",
        "Transit case 60x40",
        "Role in the purchase",
        "Rating",
    ]
    assert records[0]["Role in the purchase"] == "Decision maker"

    presets.save("short list", ["email"])
    assert presets.names() == ["Phones", "short list"]
    presets.delete("Phones")
    assert presets.names() == ["short list"]
    with pytest.raises(NotFound):
        presets.delete("Phones")
    with pytest.raises(NotFound, match="salesforce, hubspot, excel-fr, short list"):
        booth.exports.export(ExportRequest(tmp_path / "x.csv", preset="nope"))


@pytest.mark.parametrize(
    ("name", "keys", "message"),
    [
        ("", ["email"], "needs a name"),
        ("Salesforce", ["email"], "built-in"),
        ("Mine", [], "at least one column"),
        ("Mine", ["email", "shoe_size"], "shoe_size"),
        ("Mine", ["question:abc"], "question:abc"),
    ],
)
def test_bad_presets_are_refused(booth: Booth, name: str, keys: list[str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        booth.exports.presets.save(name, keys)


def test_a_preset_asking_for_a_question_of_another_show(booth: Booth, tmp_path: Path) -> None:
    booth.exports.presets.save("Other show", ["email", "question:9999"])
    with pytest.raises(ValidationError, match="preset 'Other show'.*not asked at this show"):
        booth.exports.export(ExportRequest(tmp_path / "x.csv", preset="Other show"))


def test_the_registry_keys() -> None:
    for key in ("captured_at", "products_each", "product:TC-6040", "question:12", "lead_id"):
        assert is_known_key(key)
    for key in ("", "product:", "question:x", "Captured at"):
        assert not is_known_key(key)

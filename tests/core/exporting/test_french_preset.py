"""The Excel (français) preset: the Leads sheet's columns under French headers, with the
values boothapp words itself in French, in xlsx and CSV; the default export stays
English."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from boothapp.core.exporting import BUILT_IN_PRESET_LABELS, BUILT_IN_PRESETS, EXCEL_FR
from boothapp.core.exporting.columns import LEADS_SHEET_LAYOUT, STATIC_KEYS
from boothapp.core.exporting.presets import (
    FRENCH_FOLLOW_UPS,
    FRENCH_HEADERS,
    FRENCH_LEGAL_BASES,
    FRENCH_NO_LEGAL_BASIS,
    FRENCH_RATINGS,
    FRENCH_SOURCES,
)
from boothapp.core.schemas import LeadDetail, LeadInput
from boothapp.core.services.exports import ExportRequest
from boothapp.core.vocabulary import (
    FOLLOW_UP_LABELS,
    LEGAL_BASIS_LABELS,
    NO_LEGAL_BASIS_LABEL,
    RATING_LABELS,
    SOURCE_LABELS,
    FollowUp,
    LeadSource,
    LegalBasis,
    Rating,
)
from boothapp.core.vocabulary_fr import FRENCH, core_labels, in_french

from .booth_data import EXPECTED_HEADERS, FORMULA_NOTE, HOSTILE, Booth

FRENCH_EXPECTED_HEADERS = [
    "Saisi le",
    "Saisi par",
    "Prénom",
    "Nom",
    "Société",
    "Fonction",
    "E-mail",
    "Téléphone",
    "Mobile",
    "Pays",
    "Code pays",
    "Ville",
    "Évaluation",
    "Produits présentés",
    # The show's products and questions keep the names the show gave them.
    "Pick-and-pluck foam",
    "Rack case 4U",
    "Transit case 60x40",
    "Relance",
    "Role in the purchase",
    "Applications",
    "Cases needed",
    "Comments",
    "Consentement",
    "Version du consentement",
    "Consentement donné le",
    "Base légale",
    "Ne pas contacter",
    "Notes",
    "Visites",
    "N° de badge",
    "Source",
    "Identifiant",
]
FRENCH_HOSTILE_HEADERS = {
    "first_name": "Prénom",
    "last_name": "Nom",
    "company": "Société",
    "job_title": "Fonction",
    "city": "Ville",
}


def blocked(booth: Booth) -> LeadDetail:
    """A visitor from Germany met on legitimate interest, who asked not to be
    contacted, for a meeting and a demo."""
    return booth.services.leads.create(
        LeadInput(
            first_name="Jürgen",
            last_name="Groß",
            company="Müller GmbH",
            email="juergen.gross@example.de",
            country="DE",
            rating="cold",
            follow_ups=("arrange_meeting", "demo"),
            legal_basis="legitimate_interest",
            do_not_contact=True,
        ),
        event_id=booth.show.id,
    )


def sheet_rows(sheet: Any) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The sheet's headers, and its rows as {header: cell} by the lead's id."""
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    return header, {row["Identifiant"].value: row for row in rows}


def csv_records(path: Path, delimiter: str = ",") -> tuple[list[str], dict[str, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream, delimiter=delimiter)
        records = list(reader)
        return list(reader.fieldnames or []), {r["Identifiant"]: r for r in records}


def test_the_preset_is_built_in_with_a_name_to_show() -> None:
    assert EXCEL_FR == "excel-fr"
    assert EXCEL_FR in BUILT_IN_PRESETS
    assert BUILT_IN_PRESET_LABELS[EXCEL_FR] == "Excel (français)"
    assert set(BUILT_IN_PRESET_LABELS) == set(BUILT_IN_PRESETS)


def test_every_fixed_column_and_label_has_its_french() -> None:
    assert set(FRENCH_HEADERS) == set(STATIC_KEYS)
    headers = [FRENCH_HEADERS[key] for key in LEADS_SHEET_LAYOUT if key in FRENCH_HEADERS]
    assert len(set(headers)) == len(headers), "two columns of the sheet share a header"
    assert set(FRENCH_RATINGS) == set(Rating)
    assert set(FRENCH_FOLLOW_UPS) == set(FollowUp)
    assert set(FRENCH_LEGAL_BASES) == set(LegalBasis)
    assert set(FRENCH_SOURCES) == set(LeadSource)


def test_every_label_core_shows_has_its_french_in_one_table() -> None:
    """The window's French of core's labels and the preset's values come from the same
    table (``core.vocabulary_fr``), which misses none of core's labels."""
    assert [label for label in core_labels() if label not in FRENCH] == []
    assert set(FRENCH) == set(core_labels())
    preset = {
        **{RATING_LABELS[r]: FRENCH_RATINGS[r] for r in Rating},
        **{FOLLOW_UP_LABELS[f]: FRENCH_FOLLOW_UPS[f] for f in FollowUp},
        **{LEGAL_BASIS_LABELS[b]: FRENCH_LEGAL_BASES[b] for b in LegalBasis},
        NO_LEGAL_BASIS_LABEL: FRENCH_NO_LEGAL_BASIS,
        **{SOURCE_LABELS[s]: FRENCH_SOURCES[s] for s in LeadSource},
    }
    assert preset == {label: FRENCH[label] for label in preset}
    assert in_french("Müller GmbH") == "Müller GmbH"


def test_the_workbook_has_french_headers_and_values(booth: Booth, tmp_path: Path) -> None:
    ingrid = blocked(booth)
    result = booth.exports.export(ExportRequest(tmp_path / "fr.xlsx", preset="excel-fr"))
    assert result.count == 5
    workbook = load_workbook(result.path)
    # Only the Leads sheet's columns change: the sheets keep their names.
    assert workbook.sheetnames == ["Leads", "Summary", "Notes", "Visits", "Follow-ups"]
    leads = workbook["Leads"]
    header, by_id = sheet_rows(leads)
    assert header == FRENCH_EXPECTED_HEADERS
    assert leads.freeze_panes == "A2"
    assert leads.auto_filter.ref == "A1:AF6"

    zoe = by_id[booth.zoe.id]
    assert (zoe["Prénom"].value, zoe["Nom"].value, zoe["Société"].value) == (
        "Zoé",
        "Lefèvre",
        "Müller GmbH",
    )
    assert zoe["Saisi par"].value == "Claire Martin"
    assert zoe["Saisi le"].is_date
    assert zoe["Téléphone"].value == "+33142685300"
    assert (zoe["Pays"].value, zoe["Code pays"].value, zoe["Ville"].value) == (
        "France",
        "FR",
        "Paris",
    )
    assert zoe["Évaluation"].value == "Chaud"
    assert zoe["Relance"].value == "Devis; Rappeler"
    assert zoe["Transit case 60x40"].value == 20
    assert zoe["Role in the purchase"].value == "Decision maker"
    assert zoe["Consentement"].value == "oui"
    assert zoe["Base légale"].value == "Consentement"
    assert zoe["Ne pas contacter"].value == "non"
    assert zoe["Visites"].value == 2
    assert zoe["Source"].value == "Saisi"
    assert zoe["Notes"].value.startswith("2023-11-14 09:30 · Claire Martin\nNeeds 20 cases")

    yamada = by_id[booth.yamada.id]
    assert (yamada["Pays"].value, yamada["Évaluation"].value) == ("Japon", "Tiède")
    assert yamada["Consentement"].value == "non"
    assert yamada["Base légale"].value == "Aucune"
    assert by_id[booth.arabic.id]["Pays"].value == "Émirats arabes unis"

    jurgen = by_id[ingrid.id]
    assert (jurgen["Prénom"].value, jurgen["Nom"].value) == ("Jürgen", "Groß")
    assert (jurgen["Pays"].value, jurgen["Évaluation"].value) == ("Allemagne", "Froid")
    assert jurgen["Relance"].value == "Rendez-vous; Démo"
    assert jurgen["Base légale"].value == "Intérêt légitime (contact professionnel, informé)"
    assert jurgen["Ne pas contacter"].value == "oui"

    hostile = by_id[booth.hostile.id]
    assert hostile["Évaluation"].value is None
    assert hostile["Saisi par"].value is None


def test_french_ratings_keep_their_colours(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "fr.xlsx", preset="excel-fr"))
    _header, by_id = sheet_rows(load_workbook(result.path)["Leads"])
    fills = {
        row["Évaluation"].value: row["Évaluation"].fill.fgColor.rgb[-6:] for row in by_id.values()
    }
    assert fills == {"Chaud": "F8CBAD", "Tiède": "FFE699", "Froid": "BDD7EE", None: "000000"}


def test_hostile_values_stay_text_under_french_headers(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "fr.xlsx", preset="excel-fr"))
    workbook = load_workbook(result.path)
    _header, by_id = sheet_rows(workbook["Leads"])
    hostile = by_id[booth.hostile.id]
    for field, value in HOSTILE.items():
        cell = hostile[FRENCH_HOSTILE_HEADERS[field]]
        assert cell.value == value
        assert cell.data_type == "s"
        assert cell.quotePrefix == (value != "-2")
    notes = hostile["Notes"]
    assert notes.data_type == "s"
    assert FORMULA_NOTE in notes.value
    assert notes.value.endswith("every note is whole on the Notes sheet]")
    # The report names the French column.
    about_hostile = {w.column for w in result.warnings if w.lead_id == booth.hostile.id}
    assert "Notes" in about_hostile


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_the_csv_file_has_french_headers_values_and_neutralised_formulas(
    booth: Booth, tmp_path: Path, delimiter: str
) -> None:
    ingrid = blocked(booth)
    result = booth.exports.export(
        ExportRequest(tmp_path / "fr.csv", preset="EXCEL-FR", delimiter=delimiter)
    )
    header, records = csv_records(result.path, delimiter)
    assert header == FRENCH_EXPECTED_HEADERS
    zoe = records[booth.zoe.id]
    assert (zoe["Prénom"], zoe["Nom"], zoe["Société"]) == ("Zoé", "Lefèvre", "Müller GmbH")
    assert (zoe["Évaluation"], zoe["Consentement"], zoe["Source"]) == (
        "Chaud",
        "oui",
        "Saisi",
    )
    assert zoe["Saisi le"] == "2023-11-14 09:30"
    assert records[ingrid.id]["Ne pas contacter"] == "oui"
    assert records[ingrid.id]["Pays"] == "Allemagne"
    hostile = records[booth.hostile.id]
    assert hostile["Prénom"] == "'=1+1"
    assert hostile["Société"] == "'+cmd|' /C calc'!A0"
    assert hostile["Ville"] == "'@SUM(A1)"
    assert hostile["Fonction"] == "-2"
    assert hostile["Nom"] == "#N/A"
    assert hostile["Notes"].startswith("2023-11-17 00:30\n" + FORMULA_NOTE)


def test_the_default_export_stays_english(booth: Booth, tmp_path: Path) -> None:
    blocked(booth)
    workbook = load_workbook(booth.exports.export(ExportRequest(tmp_path / "en.xlsx")).path)
    leads = workbook["Leads"]
    header = [cell.value for cell in leads[1]]
    assert header == EXPECTED_HEADERS
    rows = [dict(zip(header, row, strict=True)) for row in leads.iter_rows(min_row=2)]
    zoe = next(row for row in rows if row["Lead ID"].value == booth.zoe.id)
    assert (zoe["Rating"].value, zoe["Consent"].value, zoe["Source"].value) == (
        "Hot",
        "yes",
        "Typed in",
    )
    assert zoe["Rating"].fill.fgColor.rgb.endswith("F8CBAD")
    assert zoe["Follow-up"].value == "Send quote; Call back"
    jurgen = next(row for row in rows if row["First name"].value == "Jürgen")
    assert (jurgen["Country"].value, jurgen["Legal basis"].value) == (
        "Germany",
        "Legitimate interest (business contact, informed)",
    )
    headers = booth.exports.headers(ExportRequest(tmp_path / "en.csv"))
    assert headers == EXPECTED_HEADERS
    assert booth.exports.headers(ExportRequest(tmp_path / "fr.csv", preset="excel-fr")) == (
        FRENCH_EXPECTED_HEADERS
    )


def test_a_custom_preset_cannot_take_the_french_presets_name(booth: Booth) -> None:
    from boothapp.core.errors import ValidationError

    with pytest.raises(ValidationError, match="built-in"):
        booth.exports.presets.save("Excel-FR", ["email"])

"""The attendee-list import dialog: preview, mapping, import, summary and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from boothapp.core.schemas import EventInput, EventRow
from boothapp.core.services import Services
from boothapp.gui.attendees.import_dialog import NOT_USED, AttendeeImportDialog
from boothapp.gui.tasks import SynchronousRunner

FRENCH_LIST = (
    "Numéro de badge;Prénom;Nom;Société;Courriel;Pays;Stand visité\n"
    "B-1001;Zoé;Lefèvre;Thales;zoe.lefevre@thalesgroup.com;France;5F\n"
    "B-1002;Jörg;Schäfer;Müller GmbH;j.schaefer@mueller.de;Allemagne;\n"
    "B-1003;Ana;Costa;Rheinmetall;ana.costa@example.pt;Portugal;2B\n"
)


@pytest.fixture
def show(services: Services) -> EventRow:
    event = services.events.create(EventInput(name="Milipol Paris", country="FR"))
    services.events.use(event.id)
    return event


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, show: EventRow) -> AttendeeImportDialog:
    made = AttendeeImportDialog(services, show, SynchronousRunner())
    qtbot.addWidget(made)
    made.show()
    return made


def test_a_french_list_is_previewed_imported_and_summed_up(
    qtbot: QtBot, dialog: AttendeeImportDialog, services: Services, show: EventRow, tmp_path: Path
) -> None:
    pending = services.scans.scan("B-1002", event_id=show.id)
    assert pending.outcome == "pending"
    path = tmp_path / "visiteurs.csv"
    path.write_text(FRENCH_LIST, encoding="utf-8")

    dialog.load_file(path)

    assert dialog.combos["badge_id"].currentText() == "Numéro de badge"
    assert dialog.combos["first_name"].currentText() == "Prénom"
    assert dialog.combos["email"].currentText() == "Courriel"
    assert dialog.combos["city"].currentText() == NOT_USED
    assert "Stand visité" in dialog.unrecognised_label.text()
    assert dialog.rows_model.rowCount() == 3
    assert dialog.rows_model.index(0, 1).data() == "Zoé"
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=5000) as blocker:
        dialog.import_button.click()

    summary = blocker.args[0]
    assert "3 added, 0 updated, 0 unchanged; 1 pending lead filled in" in summary
    assert dialog.progress.value() == dialog.progress.maximum()
    assert services.attendees.count(show.id) == 3
    assert services.leads.get(pending.lead.id).first_name == "Jörg"

    dialog.load_file(path)
    with qtbot.waitSignal(dialog.imported, timeout=5000) as again:
        dialog.import_button.click()
    assert "0 added, 0 updated, 3 unchanged" in again.args[0]


def test_a_changed_mapping_is_used(
    qtbot: QtBot, dialog: AttendeeImportDialog, services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = tmp_path / "visiteurs.csv"
    path.write_text(FRENCH_LIST, encoding="utf-8")
    dialog.load_file(path)
    city = dialog.combos["city"]
    city.setCurrentIndex(city.findText("Stand visité"))

    assert dialog.mapping()["city"] == "Stand visité"
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        dialog.import_button.click()
    assert dialog.import_result is not None and dialog.import_result.mapping["city"] == (
        "Stand visité"
    )


def test_a_bad_row_imports_nothing_and_names_the_row(
    dialog: AttendeeImportDialog, services: Services, show: EventRow, tmp_path: Path
) -> None:
    path = tmp_path / "doublons.csv"
    path.write_text(FRENCH_LIST + "B-1001;Zoé;Autre;Thales;;France;\n", encoding="utf-8")
    dialog.load_file(path)

    dialog.import_button.click()

    text = dialog.status.text()
    assert text.startswith("Nothing was imported: doublons.csv row 5")
    assert "already on row 2" in text
    assert services.attendees.count(show.id) == 0


def test_a_file_that_cannot_be_read_is_named(dialog: AttendeeImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"not a workbook")

    dialog.load_file(path)

    assert "liste.xlsx" in dialog.status.text()
    assert "not a readable Excel workbook" in dialog.status.text()
    assert not dialog.import_button.isEnabled()

"""The merge dialog: choose a laptop's file, see what merging would do, merge, review the
conflicts; the window's screens hear of the merge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_mnemonics import mnemonic_of

from boothapp.core.db import open_database
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.merge import list_conflicts
from boothapp.core.schemas import EventInput, LeadFilter, LeadInput
from boothapp.core.services import Services
from boothapp.gui.changes import LeadChanges, ShowContext
from boothapp.gui.merge_dialog import MergeDialog, field_label, open_merge_dialog
from boothapp.gui.tasks import SynchronousRunner

SHOW = "Milipol Paris"


def copy_with_backup_api(source: Path, destination: Path) -> None:
    import sqlite3
    from contextlib import closing

    with (
        closing(sqlite3.connect(source)) as reader,
        closing(sqlite3.connect(destination)) as writer,
    ):
        reader.backup(writer)


@pytest.fixture
def zoe(services: Services, show: int) -> str:
    return services.leads.create(LeadInput(first_name="Zoé", company="Thales"), event_id=show).id


@pytest.fixture
def laptop_file(services: Services, zoe: str, tmp_path: Path) -> Path:
    """Another laptop's copy of the database, where Zoé's company was edited, a lead
    captured and a show added; then the company edited here too (a conflict)."""
    path = tmp_path / "laptop2.sqlite3"
    copy_with_backup_api(services.database.target.path or Path(), path)
    database = open_database(path)
    try:
        other = Services.over(database, station_id="laptop2")
        lead = other.leads.get(zoe)
        other.leads.update(zoe, replace(lead_input_of(lead), company="Thales Group"))
        other.leads.create(LeadInput(first_name="Hans"), event_id=lead.event_id)
        eurosatory = other.events.create(EventInput(name="Eurosatory 2026"))
        other.leads.create(LeadInput(first_name="Ada"), event_id=eurosatory.id)
    finally:
        database.close()
    lead = services.leads.get(zoe)
    services.leads.update(zoe, replace(lead_input_of(lead), company="Thales DMS"))
    return path


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))


def test_preview_then_merge_then_review(
    qtbot: QtBot,
    parent: QWidget,
    services: Services,
    laptop_file: Path,
    zoe: str,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    changes = LeadChanges()
    context = ShowContext(services)
    reported: list[object] = []
    changes.reported.connect(reported.append)
    dialog = open_merge_dialog(parent, services, SynchronousRunner(), changes, context)
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    view = dialog.view
    assert not view.merge_button.isEnabled()
    choose(monkeypatch, laptop_file)

    view.choose_button.click()

    assert view.path_edit.text() == str(laptop_file)
    assert view.merge_button.isEnabled()
    assert "would bring: 2 new lead(s)" in view.summary.toPlainText()
    assert "Shows added: Eurosatory 2026" in view.summary.toPlainText()
    assert services.leads.count(LeadFilter()) == 1
    assert reported == []

    view.merge_button.click()

    assert "Merging laptop2.sqlite3 brought: 2 new lead(s)" in view.summary.toPlainText()
    assert not view.merge_button.isEnabled()
    assert services.leads.count(LeadFilter()) == 3
    assert len(reported) == 1
    assert [show.name for show in context.shows] == [SHOW, "Eurosatory 2026"]
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in range(5)] == [
        "Zoé",
        "Company",
        "Thales DMS",
        "Thales Group",
        "laptop2.sqlite3",
    ]
    assert not view.reviewed_button.isEnabled()
    view.table.selectionModel().select(
        dialog.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )

    view.reviewed_button.click()

    assert dialog.model.rowCount() == 0
    assert list_conflicts(services.database) == []
    assert len(list_conflicts(services.database, include_reviewed=True)) == 1


def test_merging_again_says_nothing_changes_and_reports_nothing(
    qtbot: QtBot, parent: QWidget, services: Services, laptop_file: Path
) -> None:
    changes = LeadChanges()
    reported: list[object] = []
    changes.reported.connect(reported.append)
    dialog = open_merge_dialog(parent, services, SynchronousRunner(), changes)
    dialog.load_file(laptop_file)
    dialog.view.merge_button.click()
    reported.clear()

    dialog.load_file(laptop_file)

    assert "already holds everything" in dialog.view.status.text()
    assert not dialog.view.merge_button.isEnabled()
    assert reported == []


def test_a_file_that_cannot_be_merged_is_said_so_by_name(
    qtbot: QtBot, parent: QWidget, services: Services, show: int, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    dialog = open_merge_dialog(parent, services, SynchronousRunner())

    dialog.load_file(notes)

    status = dialog.view.status.text()
    assert status.startswith("Nothing was merged: ") and str(notes) in status
    assert not dialog.view.merge_button.isEnabled()
    assert dialog.view.choose_button.isEnabled()


def test_no_two_controls_share_an_alt_letter(
    qtbot: QtBot, parent: QWidget, services: Services, show: int
) -> None:
    dialog = open_merge_dialog(parent, services, SynchronousRunner())
    letters = [
        letter
        for widget in dialog.findChildren(QWidget)
        if (letter := mnemonic_of(widget)) is not None
    ]
    assert len(letters) == len(set(letters)) >= 6


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("job_title", "Job title"),
        ("badge_id", "Badge ID"),
        ("products[TC-6040].quantity", "Quantity of TC-6040"),
        ("products[RC-4U].remark", "Remark of RC-4U"),
        ("answers[Cases needed]", "Answer to Cases needed"),
    ],
)
def test_a_conflict_names_its_field_in_words(field: str, label: str) -> None:
    assert field_label(field) == label

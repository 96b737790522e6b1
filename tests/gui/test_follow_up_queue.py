"""The follow-up queue window: listing and filtering, overdue ones in red, marking done
and back, another due day or owner, opening the lead, and following the window."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from boothapp.core.follow_ups.queue import DueFilter
from boothapp.core.follow_ups.status import FollowUpStatus
from boothapp.core.leads.rows import lead_input_of
from boothapp.core.schemas import LeadInput
from boothapp.core.services import Services
from boothapp.gui.changes import LeadChange, LeadChanges
from boothapp.gui.follow_up_queue import (
    LEAD_ID_ROLE,
    MINE,
    FollowUpColumn,
    FollowUpQueue,
    open_follow_up_queue,
)
from boothapp.gui.main_window import MainWindow
from boothapp.gui.palette import problem_colour
from boothapp.gui.tasks import SynchronousRunner

_MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def leads(services: Services, show: int) -> dict[str, str]:
    """Anna's Zoé (hot, two follow-ups, captured a fortnight ago: overdue) and Ben's Hans
    (cold, one follow-up, captured now)."""
    anna = services.staff.get("Anna Schmidt").id
    ben = services.staff.create("Ben Okafor", event_id=show).id
    now = datetime.now(UTC)
    zoe = services.leads.create(
        LeadInput(
            first_name="Zoé",
            company="Thales",
            rating="hot",
            follow_ups=("send_quote", "call_back"),
        ),
        event_id=show,
        staff_id=anna,
        created_at=now - timedelta(days=14),
    )
    hans = services.leads.create(
        LeadInput(first_name="Hans", company="Rheinmetall", rating="cold", follow_ups=("demo",)),
        event_id=show,
        staff_id=ben,
        created_at=now,
    )
    return {"zoe": zoe.id, "hans": hans.id}


@pytest.fixture
def changes() -> LeadChanges:
    return LeadChanges()


@pytest.fixture
def queue(
    qtbot: QtBot, services: Services, leads: dict[str, str], changes: LeadChanges
) -> FollowUpQueue:
    made = FollowUpQueue(services, SynchronousRunner(), lead_changes=changes)
    qtbot.addWidget(made)
    return made


def shown(queue: FollowUpQueue) -> list[tuple[str, str]]:
    model = queue.model
    return [
        (
            str(model.index(row, FollowUpColumn.LEAD).data()),
            str(model.index(row, FollowUpColumn.FOLLOW_UP).data()),
        )
        for row in range(model.rowCount())
    ]


def select(queue: FollowUpQueue, *rows: int) -> None:
    table = queue.view.table
    table.clearSelection()
    for row in rows:
        table.selectionModel().select(
            queue.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, queue: FollowUpQueue
) -> None:
    queue.set_filters(owner=None, status=None)
    assert queue.model.rowCount() == 3
    qtmodeltester.check(queue.model)


def test_it_opens_on_mine_to_do_and_filters(queue: FollowUpQueue, services: Services) -> None:
    assert queue.view.owner_filter.currentData() == MINE
    assert shown(queue) == [("Zoé", "Send quote"), ("Zoé", "Call back")]
    assert queue.windowTitle() == "Follow-ups — Milipol Paris"
    queue.set_filters(owner=None)
    assert queue.view.owner_filter.currentText() == "Everyone"
    assert shown(queue)[-1] == ("Hans", "Demo")
    ben = services.staff.get("Ben Okafor").id
    queue.view.owner_filter.setCurrentIndex(queue.view.owner_filter.findData(ben))
    assert shown(queue) == [("Hans", "Demo")]
    queue.set_filters(owner=None, due=DueFilter.OVERDUE)
    assert shown(queue) == [("Zoé", "Send quote"), ("Zoé", "Call back")]
    queue.view.due_filter.setCurrentIndex(queue.view.due_filter.findData(DueFilter.WEEK))
    assert [lead for lead, _ in shown(queue)] == ["Zoé", "Zoé"]
    queue.set_filters(owner=None, status=FollowUpStatus.DONE)
    assert shown(queue) == []
    assert queue.view.summary.text().startswith("0 follow-ups")


def test_overdue_ones_are_in_red(queue: FollowUpQueue) -> None:
    queue.set_filters(owner=None)
    model = queue.model
    red = problem_colour(QPalette.ColorRole.Base)
    due, status = FollowUpColumn.DUE, FollowUpColumn.STATUS
    assert model.index(0, status).data() == "Overdue"
    assert model.index(0, due).data(Qt.ItemDataRole.ForegroundRole) == red
    assert model.index(0, due).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(2, status).data() == "To do"
    assert model.index(2, due).data(Qt.ItemDataRole.ForegroundRole) is None
    assert isinstance(red, QColor)
    assert queue.view.summary.text().startswith("3 follow-ups, 2 overdue")


def test_marking_done_and_back_reports_the_change(
    queue: FollowUpQueue, services: Services, changes: LeadChanges, leads: dict[str, str]
) -> None:
    reported: list[LeadChange] = []
    changes.reported.connect(reported.append)
    assert not queue.view.done_button.isEnabled()
    select(queue, 0)
    assert queue.view.done_button.isEnabled() and not queue.view.to_do_button.isEnabled()
    queue.view.done_button.click()
    assert [change.outside for change in reported] == [True]
    assert queue.view.message.text() == "Marked 1 follow-up done."
    assert shown(queue) == [("Zoé", "Call back")]
    (done,) = [t for t in services.follow_ups.of_lead(leads["zoe"]) if t.kind == "send_quote"]
    assert (done.status, done.done_by) == (FollowUpStatus.DONE, "Anna Schmidt")

    queue.set_filters(owner=MINE, status=None)
    assert queue.view.status_filter.currentText() == "All"
    assert sorted(shown(queue)) == [("Zoé", "Call back"), ("Zoé", "Send quote")]
    queue.set_filters(owner=MINE, status=FollowUpStatus.DONE)
    assert shown(queue) == [("Zoé", "Send quote")]
    assert "by Anna Schmidt" in str(queue.model.index(0, FollowUpColumn.DONE_AT).data())
    select(queue, 0)
    assert queue.view.to_do_button.isEnabled() and not queue.view.done_button.isEnabled()
    queue.view.to_do_button.click()
    assert shown(queue) == []
    assert services.follow_ups.get(done.id).status is FollowUpStatus.TODO


def test_changing_the_due_day_and_the_owner(
    queue: FollowUpQueue, services: Services, leads: dict[str, str]
) -> None:
    select(queue, 0, 1)
    view = queue.view
    view.due_edit.setDate(QDate(2030, 1, 7))
    view.due_button.click()
    assert view.message.text() == "2 follow-ups now due on 2030-01-07."
    assert {t.due_on for t in services.follow_ups.of_lead(leads["zoe"])} == {date(2030, 1, 7)}
    assert queue.selected_task_ids(), "the selection is kept"

    select(queue, 0)
    ben = services.staff.get("Ben Okafor").id
    view.owner_edit.setCurrentIndex(view.owner_edit.findData(ben))
    view.owner_button.click()
    assert view.message.text() == "1 follow-up now owned by Ben Okafor."
    assert shown(queue) == [("Zoé", "Call back")], "no longer mine"
    owners = {t.kind: t.owner for t in services.follow_ups.of_lead(leads["zoe"])}
    assert owners == {"send_quote": "Ben Okafor", "call_back": "Anna Schmidt"}


def test_the_date_and_owner_boxes_follow_the_selection(
    queue: FollowUpQueue, services: Services
) -> None:
    queue.set_filters(owner=None)
    select(queue, 2)
    hans = queue.model.rows[2]
    assert queue.view.due_edit.date().toPython() == hans.due_on
    assert queue.view.owner_edit.currentText() == "Ben Okafor"


def test_opening_the_lead(qtbot: QtBot, queue: FollowUpQueue, leads: dict[str, str]) -> None:
    select(queue, 0, 1)
    assert queue.view.open_button.isEnabled(), "two follow-ups of one lead"
    with qtbot.waitSignal(queue.open_lead_requested) as opened:
        queue.view.open_button.click()
    assert opened.args == [leads["zoe"]]
    queue.set_filters(owner=None)
    select(queue, 0, 2)
    assert not queue.view.open_button.isEnabled(), "two leads"
    index = queue.model.index(2, FollowUpColumn.LEAD)
    assert index.data(LEAD_ID_ROLE) == leads["hans"]


def test_a_save_elsewhere_refreshes_the_queue(
    queue: FollowUpQueue, services: Services, changes: LeadChanges, leads: dict[str, str]
) -> None:
    zoe = services.leads.get(leads["zoe"])
    services.leads.update(zoe.id, replace(lead_input_of(zoe), follow_ups=("send_quote", "demo")))
    assert ("Zoé", "Demo") not in shown(queue)
    changes.report(LeadChange(zoe.id))
    assert ("Zoé", "Demo") in shown(queue) and ("Zoé", "Call back") not in shown(queue)


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|propagateSizeHints\(\))$")
def test_one_queue_at_a_time_and_its_alt_letters(
    qtbot: QtBot, services: Services, leads: dict[str, str]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[str] = []
    first = open_follow_up_queue(parent, services, SynchronousRunner(), open_lead=opened.append)
    assert open_follow_up_queue(parent, services, SynchronousRunner()) is first
    assert first.isVisible() and not first.isModal()
    select(first, 0)
    first.open_selected()
    assert opened == [leads["zoe"]]
    letters: dict[str, list[str]] = {}
    for widget in first.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLabel):
            found = _MNEMONIC.search(widget.text().replace("&&", ""))
            if found:
                letters.setdefault(found.group(1).lower(), []).append(widget.text())
    assert {letter: texts for letter, texts in letters.items() if len(texts) > 1} == {}
    first.close()
    second = open_follow_up_queue(parent, services, SynchronousRunner())
    assert second is not first, "a closed queue is not shown again"
    second.close()


def test_nobody_at_the_laptop_lists_everyone(
    qtbot: QtBot, services: Services, leads: dict[str, str]
) -> None:
    services.settings.update(active_staff_id=None)
    made = FollowUpQueue(services, SynchronousRunner())
    qtbot.addWidget(made)
    assert made.view.owner_filter.currentData() is None
    assert len(shown(made)) == 3
    made.set_filters(owner=MINE)
    assert shown(made) == [] and "Nobody is at this laptop" in made.view.summary.text()


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|propagateSizeHints\(\))$")
def test_over_the_main_window_it_opens_leads_in_the_form_and_follows_the_staff(
    window: MainWindow, services: Services, leads: dict[str, str]
) -> None:
    queue = open_follow_up_queue(
        window,
        window.services,
        window.runner,
        window.lead_changes,
        window.context,
        open_lead=window.capture.open_lead,
    )
    assert shown(queue) == [("Zoé", "Send quote"), ("Zoé", "Call back")]
    select(queue, 1)
    queue.open_selected()
    assert window.capture.lead_id == leads["zoe"]
    window.context.use_staff(services.staff.get("Ben Okafor").id)
    assert shown(queue) == [("Hans", "Demo")], "mine: now Ben's"
    select(queue, 0)
    queue.mark_done()
    assert shown(queue) == []
    queue.close()

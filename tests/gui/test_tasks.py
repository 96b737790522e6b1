"""The off-UI-thread helper: results and errors come back on the UI thread."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from boothapp.gui.tasks import SynchronousRunner, TaskRunner


def test_work_runs_on_a_pool_thread_and_the_result_comes_back_on_this_one(
    qtbot: QtBot,
) -> None:
    pool = QThreadPool()
    runner = TaskRunner(pool)
    worker_threads: list[int] = []
    result_threads: list[int] = []
    results: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 6 * 7

    def done(value: int) -> None:
        result_threads.append(threading.get_ident())
        results.append(value)

    task = runner.run(work, on_result=done)
    with qtbot.waitSignal(task.succeeded, timeout=5000):
        pass

    assert results == [42]
    assert worker_threads != [threading.get_ident()]
    assert result_threads == [threading.get_ident()]
    assert task.done
    assert not runner.busy
    assert runner.wait(1000)


def test_an_error_comes_back_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner(QThreadPool())
    errors: list[Exception] = []

    def work() -> None:
        raise ValueError("disk on fire")

    task = runner.run(
        work, on_result=lambda _: pytest.fail("no result expected"), on_error=errors.append
    )
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass

    assert [str(e) for e in errors] == ["disk on fire"]
    assert errors[0].__traceback__ is not None


def test_an_unhandled_error_goes_to_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[type[BaseException], BaseException, TracebackType | None]] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: seen.append(args))

    def work() -> None:
        raise KeyError("bug")

    SynchronousRunner().run(work)

    assert len(seen) == 1
    assert seen[0][0] is KeyError


def test_the_synchronous_runner_finishes_before_run_returns() -> None:
    runner = SynchronousRunner()
    results: list[str] = []

    task = runner.run(lambda: "done", on_result=results.append)

    assert results == ["done"]
    assert task.done
    assert not runner.busy

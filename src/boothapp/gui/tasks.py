"""Running work off the UI thread and coming back to it.

The function given to :meth:`TaskRunner.run` takes no arguments (bind them with a
lambda or ``functools.partial``), gets only plain values and never touches a widget.
Its result, or the exception it raised, comes back through :class:`Task`'s signals,
delivered on the thread that called ``run`` (the UI thread). An error nobody handles
goes to ``sys.excepthook``, which shows the crash dialog.

Tests give widgets a :class:`SynchronousRunner`: the work and the callbacks then run
before ``run`` returns.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class Task(QObject):
    """One piece of background work; lives on the thread that started it."""

    succeeded = Signal(object)
    failed = Signal(object)
    _completed = Signal(bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.done = False
        self._completed.connect(self._deliver)

    def complete(self, ok: bool, value: object) -> None:
        """Reports the outcome; safe to call from any thread."""
        self._completed.emit(ok, value)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        self.done = True
        if ok:
            self.succeeded.emit(value)
        else:
            self.failed.emit(value)


def _execute(function: Callable[[], Any], task: Task) -> None:
    try:
        result = function()
    except Exception as exc:
        task.complete(False, exc)
    else:
        task.complete(True, result)


class _Runnable(QRunnable):
    def __init__(self, function: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._function = function
        self._task = task

    def run(self) -> None:
        _execute(self._function, self._task)


def _report_unhandled(error: object) -> None:
    if isinstance(error, BaseException):
        sys.excepthook(type(error), error, error.__traceback__)


class TaskRunner:
    """Runs functions on a thread pool (the global one unless given)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool
        self._running: set[Task] = set()

    def run(
        self,
        function: Callable[[], T],
        on_result: Callable[[T], object] | None = None,
        on_error: Callable[[Exception], object] | None = None,
    ) -> Task:
        """Starts ``function``; ``on_result`` or ``on_error`` is called on this thread.

        Without ``on_error``, an exception is reported as a bug (crash dialog)."""
        task = Task()
        self._running.add(task)
        if on_result is not None:
            task.succeeded.connect(on_result)
        task.failed.connect(on_error if on_error is not None else _report_unhandled)
        task.succeeded.connect(lambda _value: self._running.discard(task))
        task.failed.connect(lambda _error: self._running.discard(task))
        self._start(function, task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _start(self, function: Callable[[], Any], task: Task) -> None:
        pool = self._pool or QThreadPool.globalInstance()
        pool.start(_Runnable(function, task))

    def wait(self, msecs: int = -1) -> bool:
        """Waits for the pool's work to finish (before closing the database)."""
        pool = self._pool or QThreadPool.globalInstance()
        return pool.waitForDone(msecs)


class SynchronousRunner(TaskRunner):
    """Runs the function at once on the calling thread: for tests."""

    def _start(self, function: Callable[[], Any], task: Task) -> None:
        _execute(function, task)

    def wait(self, msecs: int = -1) -> bool:
        return True

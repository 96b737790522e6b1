"""Unexpected errors get a crash log and a short dialog; user errors only their message."""

from __future__ import annotations

import sys
from pathlib import Path

from boothapp import __version__
from boothapp.core.errors import StorageError
from boothapp.crashlog import MAX_LOG_BYTES, crash_log_path, write_crash_log
from boothapp.gui.crash import CrashHandler


def raise_and_catch(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_a_bug_is_logged_and_reported(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "crash.log"
    shown: list[tuple[str, str, Path | None]] = []
    handler = CrashHandler(log, show_crash=lambda *args: shown.append(args))
    error = raise_and_catch(ZeroDivisionError("division by zero"))

    handler(type(error), error, error.__traceback__)

    text = log.read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in text
    assert "Traceback (most recent call last)" in text
    assert __version__ in text
    assert len(shown) == 1
    summary, report, where = shown[0]
    assert summary == "ZeroDivisionError: division by zero"
    assert "raise_and_catch" in report
    assert where == log


def test_a_user_error_shows_its_message_without_a_log(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    messages: list[str] = []
    handler = CrashHandler(
        log,
        show_crash=lambda *args: messages.append("crash dialog"),
        show_user_error=lambda error: messages.append(str(error)),
    )
    error = raise_and_catch(StorageError("/tmp/x.sqlite3 is read-only: check the permissions"))

    handler(type(error), error, error.__traceback__)

    assert messages == ["/tmp/x.sqlite3 is read-only: check the permissions"]
    assert not log.exists()


def test_install_returns_the_previous_hook() -> None:
    before = sys.excepthook
    handler = CrashHandler()
    try:
        assert handler.install() is before
        assert sys.excepthook is handler
    finally:
        sys.excepthook = before


def test_the_log_stays_small(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    log.write_text("x" * (MAX_LOG_BYTES + 1), encoding="utf-8")

    assert write_crash_log("Traceback: new", log) == log

    assert log.read_text(encoding="utf-8").endswith("Traceback: new\n")
    assert log.stat().st_size < 1000
    assert (tmp_path / "crash.log.old").exists()


def test_an_unwritable_log_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")

    assert write_crash_log("report", blocker / "crash.log") is None


def test_the_log_lives_in_the_user_log_folder(tmp_path: Path) -> None:
    # conftest points XDG_STATE_HOME at tmp_path / "state"
    assert crash_log_path().is_relative_to(tmp_path / "state")
    assert crash_log_path().name == "crash.log"

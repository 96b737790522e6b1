"""The manager lock on the command line: one call at the top of a command gates it.

::

    from boothapp.cli.lock import require_manager

    def cmd_merge(ctx: Context) -> None:
        require_manager(ctx, "merging leads")
        ...

With no manager PIN set it returns at once, as before there was a lock. Otherwise the
PIN comes from ``$BOOTHAPP_PIN`` (scripts), else it is asked for on the terminal
(hidden); with neither, the command fails with one line saying how to give it. A wrong
PIN, or one tried before the wait after earlier wrong PINs is over, fails too, saying
how long to wait. Each failure exits with status 1, as every ``BoothError``.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from boothapp.core.errors import BoothError, StorageError
from boothapp.core.manager_lock import (
    LockStatus,
    PinCheck,
    PinOutcome,
    PinRefused,
    UnreadablePin,
)

if TYPE_CHECKING:
    from boothapp.cli.common import Context
    from boothapp.core.manager_lock import ManagerLock

PIN_VARIABLE = "BOOTHAPP_PIN"
"""The environment variable that gives the manager PIN to locked commands."""


class PinNeeded(BoothError):
    """A locked command got no PIN: none in ``$BOOTHAPP_PIN`` and no terminal to ask on."""


def pin_from_environment(variable: str = PIN_VARIABLE) -> str | None:
    """The PIN in ``variable``; None when it is not set or empty."""
    return os.environ.get(variable) or None


def ask_hidden(prompt: str) -> str | None:
    """Asks on the terminal without echoing what is typed; None when stdin is not a
    terminal or the answer is cut short (Ctrl+D)."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def given_pin(action: str, which: str = "the manager PIN") -> str:
    """The PIN for ``action`` (``"exporting leads"``): from ``$BOOTHAPP_PIN``, else
    typed on the terminal; :class:`PinNeeded`, saying ``action`` needs ``which``, when
    there is neither."""
    pin = pin_from_environment(PIN_VARIABLE)
    if pin is None:
        pin = ask_hidden(f"Manager PIN ({action}): ")
    if pin is None:
        raise PinNeeded(
            f"{action} needs {which}: run the command on a terminal to type it, "
            f"or give it in {PIN_VARIABLE}"
        )
    return pin


def refuse_while_waiting(status: LockStatus) -> None:
    """Fails at once, before asking, while the wait after wrong PINs is not over."""
    if status.wait > 0:
        raise PinRefused(PinCheck(PinOutcome.THROTTLED, status.failures, status.wait))


def require_manager_of(lock: ManagerLock, action: str) -> None:
    """Returns when ``action`` may go ahead on the database of ``lock``: no PIN set, or
    the right PIN given (see :func:`given_pin`). Raises :class:`PinNeeded`,
    :class:`~boothapp.core.manager_lock.PinRefused` or ``StorageError``."""
    status = lock.status()
    if not status.pin_set:
        return
    refuse_while_waiting(status)
    lock.require(given_pin(action))


def require_manager(ctx: Context, action: str) -> None:
    """The one line that gates a command: returns when ``action`` (a phrase such as
    ``"exporting leads"``, used in the prompt and the messages) may go ahead on the
    command's database; raises a ``BoothError`` (exit status 1, one line) otherwise."""
    require_manager_of(ctx.services.manager_lock, action)


def require_manager_of_file(path: Path, action: str) -> None:
    """:func:`require_manager` for a command that works on the database file without
    opening it as the others do (``restore``). A file that does not exist, or that
    cannot be read at all (damaged, empty, not a database), holds no PIN to ask for;
    a PIN this version cannot check keeps the file locked."""
    from boothapp.core.db import open_database
    from boothapp.core.manager_lock import ManagerLock

    if not path.is_file():
        return
    try:
        database = open_database(path, migrate=False)
    except StorageError:
        try:
            database = open_database(path, read_only=True)
        except StorageError:
            return
    try:
        lock = ManagerLock(database)
        try:
            lock.status()
        except UnreadablePin:
            raise
        except StorageError:
            return
        require_manager_of(lock, action)
    finally:
        database.close()

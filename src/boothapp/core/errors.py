"""Errors the user or the environment caused; each carries a message fit to show as is.

Anything else that escapes is a bug and gets a crash report, never these messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class BoothError(Exception):
    """Base of the errors a user can act on. ``str(error)`` is the message to show."""


class ValidationError(BoothError):
    """Input that cannot be stored. ``field`` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class NotFound(BoothError):
    """A show, staff member, product or lead that does not exist."""


class Conflict(BoothError):
    """The change clashes with what is stored (a duplicate SKU, ...)."""


class StorageError(BoothError):
    """The database cannot be opened, read or written: names the file and what to do."""


class DamagedDatabase(StorageError):
    """A database file that fails SQLite's checks: it is never written to, it can be
    opened read-only, backed up as it is, and its readable leads salvaged.

    ``path`` is the file when known; ``problems`` are SQLite's own lines."""

    def __init__(
        self, message: str, path: Path | None = None, problems: Sequence[str] = ()
    ) -> None:
        super().__init__(message)
        self.path = path
        self.problems = tuple(problems)


class StaleJournal(DamagedDatabase):
    """A ``-wal`` journal beside a database file that it does not belong to (the file was
    replaced while a journal was left over): its first page is another file's, or the
    file alone is sound and the two together are not. Setting the journal aside opens
    the file as it is."""


class EmptyDatabase(StorageError):
    """A database file of 0 bytes: it holds nothing, and is not made into a database."""


class DiskFull(StorageError):
    """No room left on the disk holding the database (or a backup): nothing was saved."""

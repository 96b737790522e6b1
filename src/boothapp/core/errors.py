"""Errors the user or the environment caused; each carries a message fit to show as is.

Anything else that escapes is a bug and gets a crash report, never these messages.
"""

from __future__ import annotations


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

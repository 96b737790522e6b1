"""What every writer shares: the export report, progress and cancellation, the errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from boothapp.core.errors import BoothError

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ExportError(BoothError):
    """The export file cannot be written; the message names it and says what to do."""


class ExportCancelled(BoothError):
    """The user stopped the export; nothing was written and nothing was recorded."""


@dataclass(frozen=True)
class ExportWarning:
    """One thing the export changed or could not keep as it is, for the export report."""

    lead_id: str
    lead: str
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.lead} ({self.lead_id[:8]}), {self.column}: {self.message}"


class ExportReport:
    """Collects the warnings of one export, in the order they were met."""

    def __init__(self) -> None:
        self.warnings: list[ExportWarning] = []

    def warn(self, lead_id: str, lead: str, column: str, message: str) -> None:
        self.warnings.append(ExportWarning(lead_id, lead, column, message))


class Ticker:
    """Counts exported leads, reports progress and raises ``ExportCancelled`` on request.

    ``progress(done, total)`` and ``cancelled()`` are called every ``every`` leads and
    once at the end, so a slow callback costs little.
    """

    def __init__(
        self,
        total: int,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        every: int = 100,
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._every = max(1, every)

    def check(self) -> None:
        """Raises ``ExportCancelled`` if the user asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelled("the export was cancelled")

    def __call__(self) -> None:
        self.done += 1
        if self.done % self._every == 0:
            self.check()
            if self._progress is not None:
                self._progress(self.done, self.total)

    def finish(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(self.done, self.total)

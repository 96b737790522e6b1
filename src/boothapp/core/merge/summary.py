"""What a merge reports: frozen values that leave core (the command line prints them, the
window shows them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class MergedLead:
    """A lead the merge added or changed: its id, the name to show and its show.
    ``changed`` names what changed (``company``, ``notes``, ...) for an updated lead."""

    id: str
    name: str
    show: str
    changed: tuple[str, ...] = ()


@dataclass(frozen=True)
class JoinedLeads:
    """One visitor captured as several leads (on several laptops), now one lead:
    ``id`` is the lead kept (the one captured first), ``joined`` the ids buried in it:
    by this merge, or leads of this database the other laptop had already joined."""

    id: str
    name: str
    show: str
    joined: tuple[str, ...]


@dataclass(frozen=True)
class LeftOutLead:
    """A lead the merge did not bring in, or took out of the target: erased on request
    (``erased``), or a person on the suppression list (``suppressed``). No name is
    given: the person asked to be forgotten."""

    id: str
    reason: str


@dataclass(frozen=True)
class FieldConflict:
    """A field the two files set to different values: ``kept`` is the value of the later
    edit, ``other`` the value left aside (recorded for review)."""

    lead_id: str
    name: str
    field: str
    kept: str
    other: str


@dataclass(frozen=True)
class MergeSummary:
    """What merging ``source`` did (or, with ``dry_run``, would do) to the database."""

    source: str
    dry_run: bool
    shows_added: tuple[str, ...]
    staff_added: tuple[str, ...]
    products_added: tuple[str, ...]
    """The SKUs of the products added to the catalogue."""
    questions_added: tuple[str, ...]
    """Each as "show: question"."""
    added: tuple[MergedLead, ...]
    updated: tuple[MergedLead, ...]
    joined: tuple[JoinedLeads, ...]
    unchanged: int
    left_out: tuple[LeftOutLead, ...]
    conflicts: tuple[FieldConflict, ...]
    """The conflicts recorded by this merge (those recorded by an earlier one are not
    repeated)."""
    follow_ups: int = 0
    """The follow-up tasks added to leads or changed (done, due day, owner)."""

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.shows_added
            or self.staff_added
            or self.products_added
            or self.questions_added
            or self.added
            or self.updated
            or self.joined
            or self.left_out
            or self.conflicts
            or self.follow_ups
        )

    @property
    def lead_count(self) -> int:
        """The leads added, updated or joined."""
        return len(self.added) + len(self.updated) + len(self.joined)

    def counts_line(self) -> str:
        """One line of counts, as the audit log and the status bar show it."""
        line = (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.joined)} joined, "
            f"{self.unchanged} unchanged, {len(self.left_out)} left out, "
            f"{len(self.conflicts)} conflicts"
        )
        if self.follow_ups:
            line += f", {self.follow_ups} follow-up{'' if self.follow_ups == 1 else 's'} merged"
        return line


@dataclass(frozen=True)
class ConflictRow:
    """A recorded merge conflict, as the review lists it."""

    id: int
    lead_id: str
    lead_name: str
    field: str
    kept: str
    other: str
    source: str
    at: datetime
    reviewed_at: datetime | None

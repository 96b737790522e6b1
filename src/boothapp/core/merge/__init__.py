"""Merging laptops: another booth laptop's database file, brought on a USB stick, merged
into this one.

* ``merging``: ``merge_file``, the one entry point (checks, one write transaction,
  the audit log entry);
* ``source``: the other file, copied with the backup API, checked and upgraded;
* ``catalogue``: shows, staff, products and questions matched by name and added;
* ``reading``: what a merge reads of a file, in bulk;
* ``rules``: how versions of a lead become one, and who is the same visitor;
* ``plan``: what the merge changes, worked out before anything is written;
* ``writing`` and ``index``: the writes, in bulk, and the search index kept in step;
* ``tasks``: the follow-up tasks, matched by lead and kind and carried to the lead each
  lies in after the merge;
* ``conflicts``: the values merges left aside, for review;
* ``summary``: what a merge reports.
"""

from __future__ import annotations

from boothapp.core.merge.conflicts import list_conflicts, mark_reviewed
from boothapp.core.merge.merging import merge_file
from boothapp.core.merge.summary import (
    ConflictRow,
    FieldConflict,
    JoinedLeads,
    LeftOutLead,
    MergedLead,
    MergeSummary,
)

__all__ = [
    "ConflictRow",
    "FieldConflict",
    "JoinedLeads",
    "LeftOutLead",
    "MergeSummary",
    "MergedLead",
    "list_conflicts",
    "mark_reviewed",
    "merge_file",
]

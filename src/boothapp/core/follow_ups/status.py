"""The status of a follow-up task and its labels.

Kept apart from the rest of ``core.follow_ups`` so that ``core.models`` can import it
without importing the models back.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Final


class FollowUpStatus(enum.StrEnum):
    """Whether a promised follow-up is still to do. The values are what is stored."""

    TODO = "todo"
    DONE = "done"


STATUS_LABELS: Final[Mapping[FollowUpStatus, str]] = {
    FollowUpStatus.TODO: "To do",
    FollowUpStatus.DONE: "Done",
}
OVERDUE_LABEL: Final = "Overdue"
"""What a task still to do after its due day is called in lists."""

"""What several migrations share, frozen.

The rule: a migration never imports live boothapp code (``core.models``,
``core.search``, ``core.schemas``, ...). A migration must keep doing what it did when
it was written, while the live code moves on; a migration that imported the live rules
would quietly start doing something else. What one migration needs, it keeps in its
own file; what two or more need is here, and what is here never changes once a
migration uses it: a new rule gets a new name beside the old one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

FTS5_LEAD_SEARCH = (
    "CREATE VIRTUAL TABLE lead_search USING fts5("
    "lead_id UNINDEXED, scope, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)
"""The SQLite search index of revisions 0002 on."""

_CJK = re.compile(
    "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u1100-\u11ff\uf900-\ufaff\U00020000-\U0002fa1f]"
)
"""Kana, CJK ideographs, Hangul, CJK compatibility ideographs and extensions."""


def aware(moment: datetime | str) -> datetime:
    """A stored timestamp (SQLite: text; others: a naive datetime) as aware UTC."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def rowid_by_time(created_at: datetime | str) -> int:
    """A lead's first index rowid in revisions 0002 to 0006: its creation time in
    microseconds times 64."""
    return int(aware(created_at).timestamp() * 1_000_000) * 64


def whole_cjk_name(first_name: str, last_name: str) -> str:
    """ "李伟" for first name 伟 and last name 李: a Chinese, Japanese or Korean name as it
    is written, family name first; empty unless such a name has both parts."""
    if first_name and last_name and (_CJK.search(first_name) or _CJK.search(last_name)):
        return last_name + first_name
    return ""


def indexed_text(fields: Sequence[str | None], notes: Sequence[str], whole_names: bool) -> str:
    """A lead's indexed text: its first name, last name, company, job title, e-mail,
    city and badge ID (``fields``, in that order), then its notes, oldest first; with
    ``whole_names`` (revisions 0005 on), then its CJK name written whole."""
    parts = [field for field in fields if field]
    whole = whole_cjk_name(fields[0] or "", fields[1] or "") if whole_names else ""
    return "\n".join([*parts, *notes, *([whole] if whole else [])])

"""JSON objects with the usual key names in English, French and German, nested or flat.

The object with the most contact keys is read (``{"attendee": {...}, "event": {...}}``
reads the attendee), with its sub-objects (``"address": {...}``, ``"company": {...}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from boothapp.core.badges.draft import Draft
from boothapp.core.badges.fields import (
    KEY_FIELDS,
    SALUTATIONS,
    field_for_key,
    fold_key,
    resolve_name_keys,
    word_set,
)

_MAX_DEPTH = 6
_OTHER_ENTITIES = word_set(
    "event show exhibition exhibitor booth stand venue organiser organizer meta metadata "
    "salon messe veranstaltung"
)
_VALUE_KEYS = ("value", "number", "address", "email", "uri", "text")
_PERSON_FIELDS = frozenset(KEY_FIELDS.values()) - {"badge_id"} | {"name"}


def looks_like(text: str) -> bool:
    return text[:1] in ("{", "[")


def _objects(value: Any, depth: int = 0) -> Iterator[tuple[dict[str, Any], int]]:
    """Every object in the document, shallowest first, except those describing the show
    (``"event"``, ``"exhibitor"``, ...)."""
    level: list[Any] = [value]
    while level and depth <= _MAX_DEPTH:
        following: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                yield item, depth
                following.extend(
                    v
                    for k, v in item.items()
                    if isinstance(v, dict | list) and fold_key(str(k)) not in _OTHER_ENTITIES
                )
            elif isinstance(item, list):
                following.extend(v for v in item if isinstance(v, dict | list))
        level = following
        depth += 1


def _score(obj: dict[str, Any]) -> int:
    return sum(
        1
        for key, value in obj.items()
        if not isinstance(value, dict | list) and field_for_key(str(key)) in _PERSON_FIELDS
    )


def _typed_items(field: str, items: list[Any], draft: Draft) -> None:
    """``"phones": ["+33...", {"type": "mobile", "number": "+33..."}]``."""
    for item in items[:20]:
        if isinstance(item, dict):
            kind = " ".join(str(item.get(k, "")) for k in ("type", "label", "kind")).lower()
            value = next((item[k] for k in _VALUE_KEYS if k in item), None)
            target = field
            if field in ("phone", "mobile") and any(w in kind for w in ("mobile", "cell")):
                target = "mobile"
            elif field == "phone" and "fax" in kind:
                target = "fax"
            draft.put(target, value)
        else:
            draft.put(field, item)


class _Reader:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft

    def read(self, obj: dict[str, Any], context: str | None, depth: int) -> None:
        fields = {str(key): field_for_key(str(key)) for key in obj}
        name_field = resolve_name_keys([f for f in fields.values() if f])
        for key, value in obj.items():
            field = fields[str(key)]
            if isinstance(value, dict):
                if depth < _MAX_DEPTH and fold_key(str(key)) not in _OTHER_ENTITIES:
                    self.read(value, field, depth + 1)
            elif isinstance(value, list):
                if field in ("email", "phone", "mobile", "fax", "note"):
                    _typed_items(field, value, self.draft)
            elif field == "name":
                if context == "company":
                    self.draft.put("company", value)
                elif context not in ("address", "street"):
                    self.draft.put(name_field, value)
            elif field == "job_title":
                if isinstance(value, str) and fold_key(value) not in SALUTATIONS:
                    self.draft.put(field, value)
            elif field == "badge_id":
                if depth == 0:
                    self.draft.put(field, value)
            elif field is not None:
                self.draft.put(field, value)


def _badge_id(document: Any) -> object:
    """A badge-specific key anywhere (``badgeId``), when the person object had no ID."""
    for obj, _ in _objects(document):
        for key, value in obj.items():
            folded = fold_key(str(key))
            badge_key = folded not in ("id", "uid") and KEY_FIELDS.get(folded) == "badge_id"
            if badge_key and not isinstance(value, dict | list):
                return value
    if isinstance(document, dict) and not isinstance(document.get("id"), dict | list):
        return document.get("id")
    return None


def parse(text: str) -> Draft | None:
    """None when the text is not JSON, so other readers can try it."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    draft = Draft()
    objects = list(_objects(document))
    if not objects:
        draft.warn("the JSON holds no object with contact fields")
        return draft
    best, best_score = objects[0][0], _score(objects[0][0])
    for obj, _ in objects[1:]:
        score = _score(obj)
        if score > best_score:
            best, best_score = obj, score
    if isinstance(document, list) and sum(1 for obj in document if isinstance(obj, dict)) > 1:
        draft.warn("the JSON holds several records; the one with most contact fields was read")
    _Reader(draft).read(best, None, 0)
    if draft.badge_id is None:
        draft.put("badge_id", _badge_id(document))
    if draft.is_empty():
        draft.warn("no known contact fields in the JSON")
    return draft

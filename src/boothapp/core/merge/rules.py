"""How several versions of a lead become one, and when two leads are one visitor.

Pure functions over ``LeadDetail`` values, read from either file. They go by names
only (show, staff member, SKU, question text): the integer ids of a version
(``event_id``, ``staff_id``, note, visit and question ids) belong to the file it was
read from and mean nothing in another; the ids left in a result are the survivor's.

The rules, the same whichever file is merged into which:

* a field set on both sides takes the value of the later edit (the version with the
  later ``updated_at``; on a tie, the greater value), and every other value it had is a
  conflict to review; a field left empty never erases a value;
* notes, visits, products shown, answers and follow-ups are united (notes by time and
  text, visits by time and source, products by SKU, answers by question);
* consent once given stays, with its earliest record; legal basis: consent over
  legitimate interest over none; "do not contact" once set stays;
* ``updated_at`` is the latest of the versions, never the time of the merge;
* copies of one lead (same id): deleted if deleted in any copy, since the earliest
  deletion; twins (one visitor captured as two leads): deleted only if each is, the
  earliest capture survives with its id, source, staff member and badge payload;
* versions of a lead buried in another earlier (a tombstone) bring their content, but
  neither revive nor delete the lead they were joined into.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from typing import Any, NamedTuple, TypeVar

from boothapp.core.leads.rows import CONTACT_KEYS
from boothapp.core.schemas import AnswerRow, LeadDetail, NoteRow, ProductShown, VisitRow
from boothapp.core.vocabulary import FollowUp, LegalBasis

LATER_EDIT_FIELDS = (*CONTACT_KEYS, "rating", "badge_id")
"""Fields that take the value of the later edit, a different value being a conflict."""
CAPTURE_FIELDS = ("source", "staff", "badge_format", "badge_raw")
"""Fields of the first capture: the survivor's, else the first set in capture order."""
_NEVER = datetime.max.replace(tzinfo=UTC)
_LEGAL_BASIS_RANK: dict[LegalBasis | None, int] = {
    None: 0,
    LegalBasis.LEGITIMATE_INTEREST: 1,
    LegalBasis.CONSENT: 2,
}
_Row = TypeVar("_Row", NoteRow, VisitRow)
_FOLLOW_UP_ORDER = {follow_up.value: position for position, follow_up in enumerate(FollowUp)}


class Conflict(NamedTuple):
    """A field whose ``other`` value was left aside for ``kept`` (both as text)."""

    field: str
    kept: str
    other: str


@dataclass(frozen=True)
class Folded:
    """One lead made of several versions, and the values it left aside."""

    lead: LeadDetail
    conflicts: tuple[Conflict, ...]


# --- who is the same visitor ------------------------------------------------------------


class VisitorKey(NamedTuple):
    """What tells two leads of a show apart: the badge ID, else the e-mail address."""

    show: str
    badge_id: str | None
    email: str | None
    """Lower case."""


def visitor_key(show: str, badge_id: str | None, email: str | None) -> VisitorKey:
    return VisitorKey(show, badge_id or None, email.lower() if email else None)


def same_visitor(first: VisitorKey, second: VisitorKey) -> bool:
    """Two leads of one show with the same badge ID, or, when either has none, the same
    e-mail address (in any case)."""
    if first.show != second.show:
        return False
    if first.badge_id and second.badge_id:
        return first.badge_id == second.badge_id
    return first.email is not None and first.email == second.email


# --- joining versions -------------------------------------------------------------------


def join_copies(copies: Sequence[LeadDetail]) -> Folded:
    """Copies of one lead (the same id) from several files."""
    deletions = [copy.deleted_at for copy in copies if copy.deleted_at is not None]
    return _combine(copies, (), min(deletions) if deletions else None)


def join_twins(members: Sequence[LeadDetail], buried: Sequence[LeadDetail] = ()) -> Folded:
    """Several leads of one visitor (``members``), and versions of leads buried in them
    earlier (``buried``): one lead, the earliest capture of ``members``."""
    live = any(member.deleted_at is None for member in members)
    deletions = [member.deleted_at for member in members if member.deleted_at is not None]
    return _combine(members, buried, None if live or not deletions else min(deletions))


def _capture_order(lead: LeadDetail) -> tuple[datetime, str]:
    return lead.created_at, lead.id


def _combine(
    members: Sequence[LeadDetail], buried: Sequence[LeadDetail], deleted_at: datetime | None
) -> Folded:
    if len(members) == 1 and not buried:
        return Folded(replace(members[0], deleted_at=deleted_at), ())
    survivor = min(members, key=_capture_order)
    versions = [*members, *buried]
    in_capture_order = sorted(
        versions, key=lambda version: (version.created_at, version.id, _latest_first(version))
    )
    conflicts: list[Conflict] = []
    values: dict[str, Any] = {}
    for name in LATER_EDIT_FIELDS:
        candidates = [(version.updated_at, getattr(version, name)) for version in versions]
        values[name] = _later_edit(name, candidates, getattr(survivor, name), conflicts)
    for name in CAPTURE_FIELDS:
        values[name] = next(
            (getattr(version, name) for version in in_capture_order if getattr(version, name)),
            getattr(survivor, name),
        )
    consent = _earliest_consent(versions)
    legal_basis = max((v.legal_basis for v in versions), key=_LEGAL_BASIS_RANK.__getitem__)
    lead = replace(
        survivor,
        **values,
        follow_ups=follow_ups_in_order(f for version in versions for f in version.follow_ups),
        consent_given=consent is not None,
        consent_version=consent.consent_version if consent is not None else None,
        consent_at=consent.consent_at if consent is not None else None,
        consent_staff=consent.consent_staff if consent is not None else None,
        legal_basis=LegalBasis.CONSENT if consent is not None else legal_basis,
        do_not_contact=any(version.do_not_contact for version in versions),
        updated_at=max(version.updated_at for version in versions),
        deleted_at=deleted_at,
        products=_united_products(versions, conflicts),
        notes=_united(in_capture_order, _notes_of, _note_key),
        visits=_united(in_capture_order, _visits_of, _visit_key),
        answers=_united_answers(versions, conflicts),
        warnings=(),
    )
    return Folded(lead, tuple(dict.fromkeys(conflicts)))


def _latest_first(version: LeadDetail) -> float:
    return -version.updated_at.timestamp()


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _later_edit(
    field: str,
    candidates: Iterable[tuple[datetime, Any]],
    empty: Any,
    conflicts: list[Conflict],
) -> Any:
    """The value of the later edit among the set ones (ties: the greater value); every
    other value set is a conflict."""
    given = [(at, value) for at, value in candidates if not _is_empty(value)]
    if not given:
        return empty
    first = given[0][1]
    if all(value == first for _at, value in given):
        return first
    latest = max(at for at, _value in given)
    chosen = max((value for at, value in given if at == latest), key=value_rank)
    for _at, value in given:
        if value != chosen:
            conflicts.append(Conflict(field, value_text(chosen), value_text(value)))
    return chosen


def value_rank(value: Any) -> str:
    """A text that orders values of any kind the same way on every machine."""
    return json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, default=str)


def value_text(value: Any) -> str:
    """A value as a conflict shows it."""
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, list):
        return ", ".join(str(item) for item in plain)
    return str(plain)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    return value


def follow_ups_in_order(follow_ups: Iterable[str]) -> tuple[str, ...]:
    """The follow-ups once each, in the order of ``FollowUp`` (others after, sorted)."""
    unique = set(follow_ups)
    return tuple(sorted(unique, key=lambda f: (_FOLLOW_UP_ORDER.get(f, len(_FOLLOW_UP_ORDER)), f)))


def _earliest_consent(versions: Sequence[LeadDetail]) -> LeadDetail | None:
    given = [version for version in versions if version.consent_given]
    if not given:
        return None
    return min(
        given,
        key=lambda v: (v.consent_at or _NEVER, v.consent_version or "", v.consent_staff or ""),
    )


def _notes_of(version: LeadDetail) -> tuple[NoteRow, ...]:
    return version.notes


def _visits_of(version: LeadDetail) -> tuple[VisitRow, ...]:
    return version.visits


def _note_key(note: NoteRow) -> tuple[datetime, str]:
    return note.at, note.text


def _visit_key(visit: VisitRow) -> tuple[datetime, str]:
    return visit.at, visit.source.value


def _united(
    versions: Sequence[LeadDetail],
    rows_of: Callable[[LeadDetail], tuple[_Row, ...]],
    key_of: Callable[[_Row], tuple[datetime, str]],
) -> tuple[_Row, ...]:
    """Every row of every version once (the first met of each key), in key order."""
    united: dict[tuple[datetime, str], _Row] = {}
    for version in versions:
        for row in rows_of(version):
            united.setdefault(key_of(row), row)
    return tuple(united[key] for key in sorted(united))


def _united_products(
    versions: Sequence[LeadDetail], conflicts: list[Conflict]
) -> tuple[ProductShown, ...]:
    by_sku: dict[str, list[tuple[datetime, ProductShown]]] = {}
    for version in versions:
        for shown in version.products:
            by_sku.setdefault(shown.sku, []).append((version.updated_at, shown))
    united = []
    for sku in sorted(by_sku):
        shown_in = by_sku[sku]
        first = shown_in[0][1]
        quantity = _later_edit(
            f"products[{sku}].quantity", [(at, s.quantity) for at, s in shown_in], None, conflicts
        )
        remark = _later_edit(
            f"products[{sku}].remark", [(at, s.remark) for at, s in shown_in], "", conflicts
        )
        united.append(replace(first, quantity=quantity, remark=remark))
    return tuple(united)


def _united_answers(
    versions: Sequence[LeadDetail], conflicts: list[Conflict]
) -> tuple[AnswerRow, ...]:
    by_question: dict[str, list[tuple[datetime, AnswerRow]]] = {}
    order: dict[str, tuple[int, int]] = {}
    for version in versions:
        for position, answer in enumerate(version.answers):
            by_question.setdefault(answer.question, []).append((version.updated_at, answer))
            order.setdefault(answer.question, (position, len(order)))
    united = []
    for question in sorted(by_question, key=order.__getitem__):
        answered = by_question[question]
        value = _later_edit(
            f"answers[{question}]", [(at, a.value) for at, a in answered], None, conflicts
        )
        chosen = next(a for _at, a in answered if a.value == value)
        united.append(chosen)
    return tuple(united)


# --- what changed -----------------------------------------------------------------------

_COMPARED_FIELDS = (
    *LATER_EDIT_FIELDS,
    *CAPTURE_FIELDS,
    "event",
    "consent_given",
    "consent_version",
    "consent_at",
    "consent_staff",
    "legal_basis",
    "do_not_contact",
    "created_at",
    "updated_at",
    "deleted_at",
)


def changed_parts(before: LeadDetail, after: LeadDetail) -> tuple[str, ...]:
    """What differs between two versions of a lead, by name (``company``, ``notes``,
    ...); empty when they are the same lead whichever file they were read from."""
    changed = [name for name in _COMPARED_FIELDS if getattr(before, name) != getattr(after, name)]
    if set(before.follow_ups) != set(after.follow_ups):
        changed.append("follow_ups")
    if _product_map(before) != _product_map(after):
        changed.append("products")
    if {_note_key(n) for n in before.notes} != {_note_key(n) for n in after.notes}:
        changed.append("notes")
    if {_visit_key(v) for v in before.visits} != {_visit_key(v) for v in after.visits}:
        changed.append("visits")
    if _answer_map(before) != _answer_map(after):
        changed.append("answers")
    return tuple(changed)


def _product_map(lead: LeadDetail) -> dict[str, tuple[int | None, str]]:
    return {shown.sku: (shown.quantity, shown.remark) for shown in lead.products}


def _answer_map(lead: LeadDetail) -> dict[str, Any]:
    return {answer.question: answer.value for answer in lead.answers}

"""What merging another file into the target changes, worked out from what both hold
before anything is written (a dry run stops here).

The other file's leads are sorted out in this order:

1. leads of people on the suppression list (both files' lists) are left out; the
   target's own leads that the other file's new digests name are taken out;
2. leads buried in either file (tombstones of both, united) are left out when erased,
   or their content goes into the lead they were joined into;
3. a lead both files hold (the same id) is joined from its two copies;
4. a lead only the other file holds is one visitor with the leads only the target holds
   of the same show and badge ID (else e-mail address): they become one lead, the
   earliest capture, and the others are buried in it. Leads both files hold are never
   joined to others: the files agree about them already;
5. every other lead of the other file is added.

The follow-up tasks of every lead of the other file, and of the target's leads joined
into another, go to the lead each lies in after the merge, joined with its tasks by
kind of follow-up (``core.merge.tasks``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection

from boothapp.core.merge.catalogue import Catalogue, CatalogueAdditions, missing, read_catalogue
from boothapp.core.merge.reading import (
    LeadKeys,
    StoredLeads,
    lead_keys,
    recorded_conflicts,
    stored_leads,
    suppression_digests,
)
from boothapp.core.merge.rules import (
    Conflict,
    changed_parts,
    join_copies,
    join_twins,
    same_visitor,
)
from boothapp.core.merge.summary import (
    FieldConflict,
    JoinedLeads,
    LeftOutLead,
    MergedLead,
    MergeSummary,
)
from boothapp.core.merge.tasks import TaskPlan, Tasks, plan_tasks, read_tasks
from boothapp.core.schemas import LeadDetail
from boothapp.core.suppression import person_digests, tombstones
from boothapp.core.vocabulary import TombstoneKind

ERASED = "erased"
SUPPRESSED = "suppressed"

Tombstones = dict[str, tuple[TombstoneKind, str | None]]


@dataclass(frozen=True)
class SourceData:
    """Everything the merge reads of the other file (its checked copy)."""

    name: str
    catalogue: Catalogue
    leads: StoredLeads
    """In capture order."""
    tombstones: Tombstones
    digests: dict[str, str]
    tasks: Tasks
    """The follow-up tasks of its leads, by lead id."""


def read_source(connection: Connection, name: str) -> SourceData:
    return SourceData(
        name=name,
        catalogue=read_catalogue(connection),
        leads=stored_leads(connection),
        tombstones=tombstones(connection),
        digests=suppression_digests(connection),
        tasks=read_tasks(connection),
    )


@dataclass(frozen=True)
class LeadUpdate:
    before: LeadDetail
    after: LeadDetail
    changed: tuple[str, ...]


class Removal(NamedTuple):
    """A lead of the target whose row goes: joined into ``into`` (its references move
    there), or erased (``into`` None)."""

    lead_id: str
    into: str | None
    search_rowid: int | None


class NewTombstone(NamedTuple):
    lead_id: str
    kind: TombstoneKind
    into: str | None


@dataclass(frozen=True)
class MergePlan:
    """The writes of a merge, and its summary."""

    additions: CatalogueAdditions
    source: StoredLeads
    copied: tuple[str, ...]
    """Leads of the other file alone, copied as they are stored there."""
    inserts: tuple[LeadDetail, ...]
    """Leads new to the target made of several versions."""
    updates: tuple[LeadUpdate, ...]
    removals: tuple[Removal, ...]
    tombstones: tuple[NewTombstone, ...]
    repointed: tuple[tuple[str, str], ...]
    """(buried id, the lead it now lies in): tombstones that pointed to the first point
    to the second."""
    digests: tuple[tuple[str, str], ...]
    """(kind, digest) new to the target's suppression list."""
    conflicts: tuple[FieldConflict, ...]
    summary: MergeSummary
    tasks: TaskPlan
    """The follow-up tasks added to leads, and those changed."""


class _Ref(NamedTuple):
    """A version of a lead: read from the target, or from the other file."""

    in_target: bool
    lead_id: str


class _DisjointSets:
    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.root(parent)
        return parent

    def join(self, first: str, second: str) -> None:
        self._parent[self.root(first)] = self.root(second)

    def groups(self) -> list[list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for item in self._parent:
            grouped[self.root(item)].append(item)
        return [members for members in grouped.values() if len(members) > 1]


def make_plan(target: Connection, source: SourceData) -> MergePlan:
    """What merging ``source`` into ``target`` writes, read in ``target``'s transaction."""
    return _Planner(target, source).plan()


class _Planner:
    def __init__(self, target: Connection, source: SourceData) -> None:
        self.target = target
        self.source = source
        catalogue = read_catalogue(target)
        self.additions = missing(catalogue, source.catalogue)
        event_names = {row["id"]: name for name, row in catalogue.shows.items()}
        self.keys = lead_keys(target, event_names)
        own_tombstones = tombstones(target)
        self.own_tombstones = set(own_tombstones)
        self.tombstones: Tombstones = {**source.tombstones, **own_tombstones}
        self.new_tombstones: Tombstones = {
            lead_id: value
            for lead_id, value in source.tombstones.items()
            if lead_id not in own_tombstones
        }
        own_digests = suppression_digests(target)
        self.digests = set(own_digests) | set(source.digests)
        self.new_digests = {
            digest: kind for digest, kind in source.digests.items() if digest not in own_digests
        }
        self.left_out: dict[str, str] = {}
        """Lead ids (of either file) left out or taken out, with the reason."""
        self.buried_into: dict[str, list[_Ref]] = defaultdict(list)
        """Final lead id -> versions of leads buried in it."""
        self.buried_target: set[str] = set()
        """Leads of the target buried by the other file's tombstones."""

    # --- sorting the leads out ------------------------------------------------------

    def plan(self) -> MergePlan:
        self._leave_out_erased()
        self._leave_out_suppressed()
        self._bury_tombstoned()
        source = self.source
        copies = [
            lead_id
            for lead_id in source.leads
            if lead_id in self.keys and lead_id not in self.left_out and not self._buried(lead_id)
        ]
        arrivals = [
            lead_id
            for lead_id in source.leads
            if lead_id not in self.keys
            and lead_id not in self.left_out
            and not self._buried(lead_id)
        ]
        twins = self._twins(arrivals)
        outcomes = self._outcomes(copies, arrivals, twins)
        return self._written(outcomes)

    @staticmethod
    def _suppressed(
        email: str | None, show: str, badge_id: str | None, digests: Collection[str]
    ) -> bool:
        return any(digest in digests for _kind, digest in person_digests(email, show, badge_id))

    def _leave_out_erased(self) -> None:
        """Leads of the other file buried as erased (or in an erased lead), and leads of
        the target the other file buried so."""
        for lead_id in (*self.source.leads, *self.new_tombstones):
            held = lead_id in self.keys or lead_id in self.source.leads
            if held and lead_id in self.tombstones and self.resolve(lead_id) is None:
                self.left_out[lead_id] = ERASED

    def _leave_out_suppressed(self) -> None:
        digests = self.digests
        if not digests:
            return
        leads = self.source.leads
        for lead_id in leads:
            key, email = leads.keys(lead_id)
            if lead_id not in self.left_out and self._suppressed(
                email, key.show, key.badge_id, digests
            ):
                self.left_out[lead_id] = SUPPRESSED
        if self.new_digests:
            new = set(self.new_digests)
            for keys in self.keys.values():
                if keys.id not in self.left_out and self._suppressed(
                    keys.email, keys.key.show, keys.key.badge_id, new
                ):
                    self.left_out[keys.id] = SUPPRESSED

    def resolve(self, lead_id: str) -> str | None:
        """The lead ``lead_id`` lies in now (itself when not buried); None when it, or a
        lead it was joined into, was erased."""
        seen: set[str] = set()
        current = lead_id
        while current in self.tombstones:
            kind, into = self.tombstones[current]
            if kind is TombstoneKind.ERASED or into is None or current in seen:
                return None
            seen.add(current)
            current = into
        return current

    def _buried(self, lead_id: str) -> bool:
        return (
            lead_id in self.tombstones
            and lead_id in self.source.leads
            or (lead_id in self.buried_target)
        )

    def _present(self, lead_id: str) -> bool:
        """Whether the lead is in the result: in either file, and not left out."""
        if lead_id in self.left_out:
            return False
        return lead_id in self.keys or lead_id in self.source.leads

    def _bury_tombstoned(self) -> None:
        for lead_id in self.source.leads:
            if lead_id in self.left_out or lead_id not in self.tombstones:
                continue
            final = self.resolve(lead_id)
            if final is None:
                self.left_out[lead_id] = ERASED
            elif final in self.left_out:
                self.left_out[lead_id] = self.left_out[final]
            else:
                self.buried_into[final].append(_Ref(False, lead_id))
        for lead_id in self.new_tombstones:
            if lead_id in self.left_out or lead_id not in self.keys:
                continue
            final = self.resolve(lead_id)
            if final is None:
                self.left_out[lead_id] = ERASED
            elif final in self.left_out:
                self.left_out[lead_id] = self.left_out[final]
            else:
                self.buried_into[final].append(_Ref(True, lead_id))
                self.buried_target.add(lead_id)
        for final in [final for final in self.buried_into if not self._present(final)]:
            # Nothing to bury them in (the files disagree): each stays a lead of its own.
            for ref in self.buried_into.pop(final):
                self.buried_target.discard(ref.lead_id)
                self.tombstones.pop(ref.lead_id, None)
                self.new_tombstones.pop(ref.lead_id, None)

    def _twins(self, arrivals: Sequence[str]) -> list[list[str]]:
        """Groups of leads that are one visitor: each has a lead only the other file
        holds and a lead only the target holds."""
        if not arrivals:
            return []
        by_badge: dict[tuple[str, str], list[LeadKeys]] = defaultdict(list)
        by_email: dict[tuple[str, str], list[LeadKeys]] = defaultdict(list)
        for keys in self.keys.values():
            lead_id = keys.id
            if (
                lead_id in self.source.leads
                or lead_id in self.left_out
                or lead_id in self.buried_target
            ):
                continue
            key = keys.key
            if key.badge_id:
                by_badge[key.show, key.badge_id].append(keys)
            if key.email:
                by_email[key.show, key.email].append(keys)
        sets = _DisjointSets()
        for lead_id in arrivals:
            key = self.source.leads.keys(lead_id)[0]
            candidates = (by_badge.get((key.show, key.badge_id), []) if key.badge_id else []) + (
                by_email.get((key.show, key.email), []) if key.email else []
            )
            for keys in candidates:
                if same_visitor(key, keys.key):
                    sets.join(lead_id, keys.id)
        return sets.groups()

    # --- the leads that result ------------------------------------------------------

    def _outcomes(
        self, copies: Sequence[str], arrivals: Sequence[str], twins: Sequence[list[str]]
    ) -> list[list[str]]:
        """The members of each lead the merge writes or looks at: a group of twins, a
        lead of both files, a lead only the other file holds, or a lead of the target
        that leads are buried in."""
        grouped = {lead_id for group in twins for lead_id in group}
        outcomes = [list(group) for group in twins]
        outcomes += [[lead_id] for lead_id in (*copies, *arrivals) if lead_id not in grouped]
        taken = grouped | set(copies) | set(arrivals)
        outcomes += [[final] for final in self.buried_into if final not in taken]
        return outcomes

    def _target_versions(self, outcomes: Sequence[list[str]]) -> StoredLeads:
        wanted = [lead_id for members in outcomes for lead_id in members if lead_id in self.keys]
        wanted += [
            ref.lead_id for refs in self.buried_into.values() for ref in refs if ref.in_target
        ]
        return stored_leads(self.target, sorted(set(wanted)))

    def _written(self, outcomes: Sequence[list[str]]) -> MergePlan:
        source = self.source
        in_target = self._target_versions(outcomes)
        recorded = recorded_conflicts(self.target)
        inserts: list[LeadDetail] = []
        updates: list[LeadUpdate] = []
        added: list[MergedLead] = []
        updated: list[MergedLead] = []
        joined: list[JoinedLeads] = []
        unchanged = 0
        conflicts: dict[tuple[str, Conflict], FieldConflict] = {}
        survivor_of: dict[str, str] = {}
        removals: dict[str, Removal] = {}
        copied: list[str] = []
        for members in outcomes:
            if self._same_in_both(members, in_target):
                unchanged += 1
                survivor_of[members[0]] = members[0]
                continue
            if self._only_in_source(members):
                lead_id = members[0]
                copied.append(lead_id)
                added.append(
                    MergedLead(
                        lead_id, source.leads.display_name(lead_id), source.leads.show(lead_id)
                    )
                )
                survivor_of[lead_id] = lead_id
                continue
            member_versions: list[LeadDetail] = []
            found: list[Conflict] = []
            stored_here: dict[str, LeadDetail] = {}
            for lead_id in members:
                if lead_id in in_target:
                    stored_here[lead_id] = in_target.detail(lead_id)
                copies = [
                    version
                    for version in (
                        stored_here.get(lead_id),
                        source.leads.detail(lead_id) if lead_id in source.leads else None,
                    )
                    if version is not None
                ]
                if len(copies) == 1:
                    member_versions.append(copies[0])
                else:
                    folded = join_copies(copies)
                    member_versions.append(folded.lead)
                    found += folded.conflicts
            buried = [
                (in_target if ref.in_target else source.leads).detail(ref.lead_id)
                for lead_id in members
                for ref in self.buried_into.get(lead_id, ())
            ]
            if len(member_versions) == 1 and not buried:
                lead = member_versions[0]
            else:
                folded = join_twins(member_versions, buried)
                lead = folded.lead
                found += folded.conflicts
            for lead_id in members:
                survivor_of[lead_id] = lead.id
                for ref in self.buried_into.get(lead_id, ()):
                    survivor_of[ref.lead_id] = lead.id
            name = lead.display_name
            for conflict in found:
                if (lead.id, conflict.field, conflict.other) not in recorded:
                    recorded.add((lead.id, conflict.field, conflict.other))
                    conflicts[lead.id, conflict] = FieldConflict(lead.id, name, *conflict)
            before = stored_here.get(lead.id)
            others = tuple(
                sorted(
                    {lead_id for lead_id in members if lead_id != lead.id}
                    | {
                        ref.lead_id
                        for lead_id in members
                        for ref in self.buried_into.get(lead_id, ())
                        if ref.in_target
                    }
                )
            )
            changed = changed_parts(before, lead) if before is not None else ()
            if before is None:
                inserts.append(lead)
            elif changed:
                updates.append(LeadUpdate(before, lead, changed))
            if others:
                joined.append(JoinedLeads(lead.id, name, lead.event, others))
            elif before is None:
                added.append(MergedLead(lead.id, name, lead.event))
            elif changed:
                updated.append(MergedLead(lead.id, name, lead.event, changed))
            else:
                unchanged += 1
            for lead_id in members:
                if lead_id != lead.id and lead_id in self.keys:
                    removals[lead_id] = self._removal(lead_id, lead.id)
        for lead_id in self.buried_target:
            removals[lead_id] = self._removal(lead_id, survivor_of[lead_id])
        for lead_id in self.left_out:
            if lead_id in self.keys:
                removals[lead_id] = self._removal(lead_id, None)
        new_tombstones = self._new_tombstones(joined, survivor_of)
        tasks = plan_tasks(self.target, source.tasks, survivor_of, self.keys)
        summary = MergeSummary(
            source=source.name,
            dry_run=False,
            shows_added=tuple(row["name"] for row in self.additions.shows),
            staff_added=tuple(row["name"] for row in self.additions.staff),
            products_added=tuple(row["sku"] for row in self.additions.products),
            questions_added=tuple(
                f"{row['show']}: {row['text']}" for row in self.additions.questions
            ),
            added=tuple(added),
            updated=tuple(updated),
            joined=tuple(joined),
            unchanged=unchanged,
            left_out=tuple(
                LeftOutLead(lead_id, reason)
                for lead_id, reason in sorted(self.left_out.items())
                if lead_id in self.keys or lead_id not in self.own_tombstones
            ),
            conflicts=tuple(conflicts.values()),
            follow_ups=tasks.count,
        )
        return MergePlan(
            additions=self.additions,
            source=source.leads,
            copied=tuple(copied),
            inserts=tuple(inserts),
            updates=tuple(updates),
            removals=tuple(removals.values()),
            tombstones=new_tombstones,
            repointed=tuple(
                [
                    (lead_id, joined_leads.id)
                    for joined_leads in joined
                    for lead_id in joined_leads.joined
                ]
                + [(lead_id, survivor_of[lead_id]) for lead_id in sorted(self.buried_target)]
            ),
            digests=tuple((kind, digest) for digest, kind in sorted(self.new_digests.items())),
            conflicts=tuple(conflicts.values()),
            summary=summary,
            tasks=tasks,
        )

    def _same_in_both(self, members: Sequence[str], in_target: StoredLeads) -> bool:
        """Whether the outcome is one lead stored the same in both files."""
        if len(members) != 1 or members[0] in self.buried_into:
            return False
        lead_id = members[0]
        source = self.source.leads
        return (
            lead_id in in_target
            and lead_id in source
            and (
                in_target.same_as(source, lead_id)
                or in_target.signature(lead_id) == source.signature(lead_id)
            )
        )

    def _only_in_source(self, members: Sequence[str]) -> bool:
        """Whether the outcome is a lead of the other file alone, copied as it is."""
        return (
            len(members) == 1
            and members[0] not in self.keys
            and members[0] not in self.buried_into
            and members[0] in self.source.leads
        )

    def _removal(self, lead_id: str, into: str | None) -> Removal:
        return Removal(lead_id, into, self.keys[lead_id].search_rowid)

    def _new_tombstones(
        self, joined: Sequence[JoinedLeads], survivor_of: dict[str, str]
    ) -> tuple[NewTombstone, ...]:
        """The other file's tombstones, each pointing to the lead its lead lies in now;
        the leads joined by this merge; the leads left out, as erased."""
        made: dict[str, NewTombstone] = {}
        for lead_id, (kind, into) in sorted(self.new_tombstones.items()):
            if kind is TombstoneKind.JOINED and into is not None:
                final = self.resolve(into)
                into = survivor_of.get(final, final) if final is not None else into
            made[lead_id] = NewTombstone(lead_id, kind, into)
        for joined_leads in joined:
            for lead_id in joined_leads.joined:
                made.setdefault(
                    lead_id, NewTombstone(lead_id, TombstoneKind.JOINED, joined_leads.id)
                )
        for lead_id in sorted(self.left_out):
            if lead_id not in self.tombstones:
                made.setdefault(lead_id, NewTombstone(lead_id, TombstoneKind.ERASED, None))
        return tuple(made.values())

"""Writing a merge plan into the target, in the caller's transaction: one
``executemany`` per statement, names (shows, staff, SKUs, questions) turned into the
target's ids, the follow-up tasks written once every lead is in place, and the search
index rebuilt for every lead written or removed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, exists, insert, text, update

from boothapp.core.driver import DriverStatement, table_of
from boothapp.core.leads.rows import DETAIL_KEYS, LEADS
from boothapp.core.merge.catalogue import CatalogueIds, add_missing
from boothapp.core.merge.index import RowidAllocator, drop_index_rows, rebuild_index_rows
from boothapp.core.merge.plan import LeadUpdate, MergePlan, Removal
from boothapp.core.merge.reading import StoredLeads
from boothapp.core.merge.rules import LATER_EDIT_FIELDS
from boothapp.core.merge.tasks import write_tasks
from boothapp.core.models import (
    Answer,
    LeadFirstExport,
    LeadProduct,
    LeadTombstone,
    MergeConflict,
    Note,
    Visit,
    stored_utc,
    utc_now,
)
from boothapp.core.schemas import LeadDetail
from boothapp.core.suppression import bury, suppress

_NOTES = table_of(Note)
_VISITS = table_of(Visit)
_PRODUCTS = table_of(LeadProduct)
_ANSWERS = table_of(Answer)
_CONFLICTS = table_of(MergeConflict)
_FIRST_EXPORTS = table_of(LeadFirstExport)
_TOMBSTONES = table_of(LeadTombstone)

_INSERT_LEAD = DriverStatement(insert(LEADS))
_UPDATE_LEAD = DriverStatement(LEADS.update().where(LEADS.c.id == bindparam("the_lead_id")))
_DELETE_LEAD = DriverStatement(delete(LEADS).where(LEADS.c.id == bindparam("the_lead_id")))
_INSERT_NOTE = DriverStatement(insert(_NOTES))
_INSERT_VISIT = DriverStatement(insert(_VISITS))
_INSERT_PRODUCT = DriverStatement(insert(_PRODUCTS))
_UPDATE_PRODUCT = DriverStatement(
    _PRODUCTS.update().where(
        _PRODUCTS.c.lead_id == bindparam("the_lead_id"),
        _PRODUCTS.c.product_id == bindparam("the_product_id"),
    )
)
_INSERT_ANSWER = DriverStatement(insert(_ANSWERS))
_UPDATE_ANSWER = DriverStatement(
    _ANSWERS.update().where(
        _ANSWERS.c.lead_id == bindparam("the_lead_id"),
        _ANSWERS.c.question_id == bindparam("the_question_id"),
    )
)


def apply_plan(connection: Connection, plan: MergePlan) -> None:
    """Writes ``plan`` (made in this transaction) into the target."""
    ids = add_missing(connection, plan.additions)
    allocator = RowidAllocator(connection)
    inserted = _copy_leads(connection, plan.source, plan.copied, ids, allocator)
    inserted += _insert_leads(connection, plan.inserts, ids, allocator)
    joined = [removal for removal in plan.removals if removal.into is not None]
    _move_references(connection, joined)
    drop_index_rows(connection, [(r.lead_id, r.search_rowid) for r in plan.removals])
    _DELETE_LEAD.run_many(connection, [{"the_lead_id": r.lead_id} for r in plan.removals])
    _update_leads(connection, plan.updates, ids)
    write_tasks(connection, plan.tasks, ids)
    for tombstone in plan.tombstones:
        bury(connection, tombstone.lead_id, tombstone.kind, into_id=tombstone.into)
    if plan.repointed:
        connection.execute(
            update(_TOMBSTONES)
            .where(_TOMBSTONES.c.into_id == bindparam("buried"))
            .values(into_id=bindparam("into")),
            [{"buried": buried, "into": into} for buried, into in plan.repointed],
        )
    suppress(connection, plan.digests)
    if plan.conflicts:
        now = utc_now()
        connection.execute(
            insert(_CONFLICTS),
            [
                {
                    "lead_id": conflict.lead_id,
                    "field": conflict.field,
                    "kept": conflict.kept,
                    "other": conflict.other,
                    "source": plan.summary.source,
                    "at": now,
                    "reviewed_at": None,
                }
                for conflict in plan.conflicts
            ],
        )
    written = [*inserted, *(u.after.id for u in plan.updates)]
    rebuild_index_rows(connection, written, set(inserted))


# --- leads ------------------------------------------------------------------------------

_WRITTEN_FIELDS = (
    *LATER_EDIT_FIELDS,
    "source",
    "badge_format",
    "badge_raw",
    "consent_given",
    "consent_version",
    "consent_at",
    "legal_basis",
    "do_not_contact",
    "created_at",
    "updated_at",
    "deleted_at",
)
"""The columns of a lead written as the value object holds them."""


def _lead_values(lead: LeadDetail, ids: CatalogueIds) -> dict[str, Any]:
    values = {name: getattr(lead, name) for name in _WRITTEN_FIELDS}
    values["event_id"] = ids.events[lead.event]
    values["staff_id"] = ids.staff_id(lead.staff)
    values["consent_staff_id"] = ids.staff_id(lead.consent_staff)
    values["follow_ups"] = list(lead.follow_ups)
    return values


def _insert_leads(
    connection: Connection,
    leads: Sequence[LeadDetail],
    ids: CatalogueIds,
    allocator: RowidAllocator,
) -> list[str]:
    rows = []
    for lead in leads:
        values = _lead_values(lead, ids)
        values["id"] = lead.id
        values["search_rowid"] = allocator.next(values["event_id"], lead.created_at)
        rows.append(values)
    _INSERT_LEAD.run_many(connection, rows)
    _write_parts(connection, [(lead, None) for lead in leads], ids)
    return [lead.id for lead in leads]


def _verbatim_insert(table: Table, columns: Sequence[str]) -> DriverStatement:
    """An insert whose values are given as another SQLite file of the same schema stores
    them (no type conversion: a text statement's parameters have none)."""
    names = ", ".join(columns)
    values = ", ".join(f":{column}" for column in columns)
    return DriverStatement(text(f"INSERT INTO {table.name} ({names}) VALUES ({values})"))


_COPY_LEAD = _verbatim_insert(LEADS, (*DETAIL_KEYS, "search_rowid"))
_COPY_NOTE = _verbatim_insert(_NOTES, ("lead_id", "staff_id", "created_at", "text"))
_COPY_VISIT = _verbatim_insert(_VISITS, ("lead_id", "staff_id", "at", "source"))
_COPY_PRODUCT = _verbatim_insert(_PRODUCTS, ("lead_id", "product_id", "quantity", "remark"))
_COPY_ANSWER = _verbatim_insert(_ANSWERS, ("lead_id", "question_id", "value"))


def _copy_leads(
    connection: Connection,
    source: StoredLeads,
    lead_ids: Sequence[str],
    ids: CatalogueIds,
    allocator: RowidAllocator,
) -> list[str]:
    """Adds leads of the other file as they are stored there, what they refer to given
    the target's ids: on SQLite the stored values themselves (both files are SQLite files
    of one schema), elsewhere through the value objects."""
    if connection.dialect.name != "sqlite":
        return _insert_leads(connection, [source.detail(i) for i in lead_ids], ids, allocator)
    names = source.names
    events = {event_id: ids.events[name] for event_id, name in names.events.items()}
    staff = {staff_id: ids.staff.get(name) for staff_id, name in names.staff.items()}
    products = {product_id: ids.products[sku] for product_id, (sku, *_) in names.products.items()}
    leads: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    shown: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    for lead_id in lead_ids:
        row, (lead_products, lead_notes, lead_visits, lead_answers) = source.stored(lead_id)
        values = dict(zip(DETAIL_KEYS, row, strict=True))
        show = names.events[values["event_id"]]
        event_id = events[values["event_id"]]
        values["event_id"] = event_id
        values["staff_id"] = staff.get(values["staff_id"])
        values["consent_staff_id"] = staff.get(values["consent_staff_id"])
        values["search_rowid"] = allocator.next(event_id, stored_utc(values["created_at"]))
        leads.append(values)
        notes += [
            {"lead_id": lead_id, "staff_id": staff.get(author), "created_at": at, "text": note}
            for _lead, _id, at, author, note in lead_notes
        ]
        visits += [
            {"lead_id": lead_id, "staff_id": staff.get(author), "at": at, "source": how}
            for _lead, _id, at, author, how in lead_visits
        ]
        shown += [
            {"lead_id": lead_id, "product_id": products[product], "quantity": q, "remark": r}
            for _lead, product, q, r in lead_products
        ]
        answers += [
            {
                "lead_id": lead_id,
                "question_id": ids.questions[show, names.questions[question][0]],
                "value": value,
            }
            for _lead, question, value in lead_answers
        ]
    _COPY_LEAD.run_many(connection, leads)
    _COPY_NOTE.run_many(connection, notes)
    _COPY_VISIT.run_many(connection, visits)
    _COPY_PRODUCT.run_many(connection, shown)
    _COPY_ANSWER.run_many(connection, answers)
    return list(lead_ids)


def _update_leads(connection: Connection, updates: Sequence[LeadUpdate], ids: CatalogueIds) -> None:
    _UPDATE_LEAD.run_many(
        connection,
        [{**_lead_values(u.after, ids), "the_lead_id": u.after.id} for u in updates],
    )
    _write_parts(connection, [(u.after, u.before) for u in updates], ids)


def _write_parts(
    connection: Connection,
    leads: Sequence[tuple[LeadDetail, LeadDetail | None]],
    ids: CatalogueIds,
) -> None:
    """Adds the notes, visits, products and answers of each lead that its stored version
    (None: a new lead) lacks, and updates the products and answers that changed."""
    notes: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    new_products: list[dict[str, Any]] = []
    changed_products: list[dict[str, Any]] = []
    new_answers: list[dict[str, Any]] = []
    changed_answers: list[dict[str, Any]] = []
    for lead, before in leads:
        lead_id = lead.id
        stored_notes = {(n.at, n.text) for n in before.notes} if before is not None else set()
        notes += [
            {
                "lead_id": lead_id,
                "staff_id": ids.staff_id(note.staff),
                "created_at": note.at,
                "text": note.text,
            }
            for note in lead.notes
            if (note.at, note.text) not in stored_notes
        ]
        stored_visits = {(v.at, v.source) for v in before.visits} if before is not None else set()
        visits += [
            {
                "lead_id": lead_id,
                "staff_id": ids.staff_id(visit.staff),
                "at": visit.at,
                "source": visit.source,
            }
            for visit in lead.visits
            if (visit.at, visit.source) not in stored_visits
        ]
        stored_products = (
            {p.sku: (p.quantity, p.remark) for p in before.products} if before is not None else {}
        )
        for shown in lead.products:
            values = {"quantity": shown.quantity, "remark": shown.remark}
            product_id = ids.products[shown.sku]
            if shown.sku not in stored_products:
                new_products.append({**values, "lead_id": lead_id, "product_id": product_id})
            elif stored_products[shown.sku] != (shown.quantity, shown.remark):
                changed_products.append(
                    {**values, "the_lead_id": lead_id, "the_product_id": product_id}
                )
        stored_answers = {a.question: a.value for a in before.answers} if before is not None else {}
        for answer in lead.answers:
            question_id = ids.questions[lead.event, answer.question]
            if answer.question not in stored_answers:
                new_answers.append(
                    {"lead_id": lead_id, "question_id": question_id, "value": answer.value}
                )
            elif stored_answers[answer.question] != answer.value:
                changed_answers.append(
                    {"value": answer.value, "the_lead_id": lead_id, "the_question_id": question_id}
                )
    _INSERT_NOTE.run_many(connection, notes)
    _INSERT_VISIT.run_many(connection, visits)
    _INSERT_PRODUCT.run_many(connection, new_products)
    _UPDATE_PRODUCT.run_many(connection, changed_products)
    _INSERT_ANSWER.run_many(connection, new_answers)
    _UPDATE_ANSWER.run_many(connection, changed_answers)


def _move_references(connection: Connection, joined: Sequence[Removal]) -> None:
    """Gives the lead a removed lead was joined into its recorded conflicts, and its
    first export unless it has one."""
    if not joined:
        return
    moves = [{"old_id": r.lead_id, "new_id": r.into} for r in joined]
    connection.execute(
        update(_CONFLICTS)
        .where(_CONFLICTS.c.lead_id == bindparam("old_id"))
        .values(lead_id=bindparam("new_id")),
        moves,
    )
    other = _FIRST_EXPORTS.alias("other")
    connection.execute(
        update(_FIRST_EXPORTS)
        .where(
            and_(
                _FIRST_EXPORTS.c.lead_id == bindparam("old_id"),
                ~exists().where(other.c.lead_id == bindparam("new_id")),
            )
        )
        .values(lead_id=bindparam("new_id")),
        moves,
    )

"""Saving a show's settings as the settings window edits them, all or nothing.

The window edits the show's details, the staff and who works the show, the catalogue
and what is on the stand, and the qualifier questions, then saves them together. One
refused value (a staff member without a name, a SKU used twice) stores nothing, so the
booth never runs on half-saved settings. A refusal names the list and the entry: field
``staff.email``, message "Claire Martin: ...".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from boothapp.core.catalogue import clean_sku_and_name, parse_category
from boothapp.core.db import Database
from boothapp.core.errors import NotFound, ValidationError
from boothapp.core.models import (
    EventProduct,
    EventStaff,
    Product,
    Question,
    StaffMember,
)
from boothapp.core.schemas import EventRow, ProductEntry, QuestionEntry, ShowSetup, StaffEntry
from boothapp.core.services.events import clean_event, clean_question, event_row, find_event
from boothapp.core.services.products import check_sku_free
from boothapp.core.services.staff import clean_staff
from boothapp.core.validation import clean_line


class ShowSetupService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def save(self, event_id: int, setup: ShowSetup) -> EventRow:
        """Stores ``setup`` for show ``event_id`` in one transaction and returns the show.

        Existing staff keep their phone, and existing products their description,
        attributes and brochure, which the settings do not edit."""
        show = clean_event(setup.show)
        _check_skus_unique(setup.products)
        with self._db.write() as session:
            event = find_event(session, event_id)
            for key, value in show.items():
                setattr(event, key, value)
            on_roster = []
            for staff_entry in setup.staff:
                member = _store_staff(session, staff_entry)
                if staff_entry.on_roster:
                    on_roster.append(member.id)
            stand = []
            for product_entry in setup.products:
                product = _store_product(session, product_entry)
                if product_entry.on_stand:
                    stand.append(product.id)
            session.execute(delete(EventStaff).where(EventStaff.event_id == event.id))
            session.add_all(EventStaff(event_id=event.id, staff_id=sid) for sid in on_roster)
            session.execute(delete(EventProduct).where(EventProduct.event_id == event.id))
            session.add_all(EventProduct(event_id=event.id, product_id=pid) for pid in stand)
            _store_questions(session, event.id, setup.questions)
            session.flush()
            return event_row(event)


@contextmanager
def _about(part: str, label: str) -> Iterator[None]:
    """Names the list and entry in a refusal: field ``staff.email``, "Claire Martin: ..."."""
    try:
        yield
    except ValidationError as error:
        raise ValidationError(f"{part}.{error.field}", f"{label}: {error.reason}") from None


def _check_skus_unique(products: tuple[ProductEntry, ...]) -> None:
    counts = Counter(clean_line(entry.sku, "sku", 64) for entry in products)
    repeated = sorted(sku for sku, count in counts.items() if sku and count > 1)
    if repeated:
        raise ValidationError(
            "products.sku", f"the SKU {repeated[0]!r} is given to several products"
        )


_Stored = TypeVar("_Stored", StaffMember, Product)


def _stored(session: Session, model: type[_Stored], entry_id: int, what: str) -> _Stored:
    found = session.get(model, entry_id)
    if found is None:
        raise NotFound(f"no {what} with id {entry_id}")
    return found


def _store_staff(session: Session, entry: StaffEntry) -> StaffMember:
    label = entry.name or "a new staff member"
    if entry.id is None:
        with _about("staff", label):
            values = clean_staff(entry.name, entry.email, None, entry.role)
        member = StaffMember(**values)
        session.add(member)
    else:
        member = _stored(session, StaffMember, entry.id, "staff member")
        with _about("staff", label):
            values = clean_staff(entry.name, entry.email, member.phone, entry.role)
        for key, value in values.items():
            setattr(member, key, value)
    member.active = entry.active
    session.flush()
    return member


def _store_product(session: Session, entry: ProductEntry) -> Product:
    with _about("products", entry.sku or entry.name or "a new product"):
        sku, name = clean_sku_and_name(entry.sku, entry.name)
        category = parse_category(entry.category)
    if entry.id is None:
        check_sku_free(session, sku)
        product = Product(sku=sku, name=name, category=category, active=True)
        session.add(product)
    else:
        product = _stored(session, Product, entry.id, "product")
        if product.sku != sku:
            check_sku_free(session, sku, exclude_id=product.id)
        product.sku, product.name, product.category = sku, name, category
    session.flush()
    return product


def _store_questions(session: Session, event_id: int, entries: tuple[QuestionEntry, ...]) -> None:
    """Makes the show's questions ``entries``, in that order; answers to a question that
    is kept stay with it, answers to a deleted one go with it."""
    existing = {
        question.id: question
        for question in session.scalars(select(Question).where(Question.event_id == event_id))
    }
    kept = {entry.id for entry in entries if entry.id is not None}
    unknown = kept - set(existing)
    if unknown:
        raise NotFound(f"no question with id {min(unknown)} at this show")
    for question_id, question in existing.items():
        if question_id not in kept:
            session.delete(question)
    for position, entry in enumerate(entries):
        with _about("questions", entry.text or f"question {position + 1}"):
            values = clean_question(entry.text, entry.kind, entry.choices)
        if entry.id is None:
            session.add(Question(event_id=event_id, position=position, **values))
        else:
            question = existing[entry.id]
            question.position = position
            for key, value in values.items():
                setattr(question, key, value)

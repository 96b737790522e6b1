"""Shows: create, update, list, and which one the laptop is working."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Row, bindparam, delete, func, select
from sqlalchemy.orm import Session

from boothapp.core.db import Database
from boothapp.core.errors import Conflict, NotFound, ValidationError
from boothapp.core.models import Event, EventProduct, EventStaff, Question, QuestionKind
from boothapp.core.schemas import EventInput, EventRow, QuestionRow, value_of
from boothapp.core.services.lookup import find_by_reference
from boothapp.core.settings import SettingsService
from boothapp.core.validation import (
    clean_line,
    clean_text,
    country_time_zone,
    normalise_country,
)

_EVENTS = Event.__table__
# Core statements on the table: the window's first screen reads shows before anything
# needs the ORM's mappers configured.
_ALL_EVENTS = select(_EVENTS).order_by(_EVENTS.c.start_date.desc(), _EVENTS.c.id)
_EVENT_BY_ID = select(_EVENTS).where(_EVENTS.c.id == bindparam("event_id"))
_NEWEST_EVENT = select(_EVENTS).order_by(_EVENTS.c.id.desc()).limit(1)


def event_row(event: Event | Row[Any]) -> EventRow:
    """A show as a service returns it, from the ORM object or a row of its table."""
    return value_of(EventRow, event)


def find_event(session: Session, reference: str | int) -> Event:
    """An event by id, name (any case) or the unique start of its name."""
    return find_by_reference(
        session, Event, Event.name, reference, "show", "see `boothapp event list`"
    )


def clean_event(data: EventInput) -> dict[str, object]:
    name = clean_line(data.name, "name", 200)
    if not name:
        raise ValidationError("name", "a show needs a name")
    country = normalise_country(data.country)
    timezone = clean_line(data.timezone, "timezone", 64) or country_time_zone(country) or "UTC"
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "timezone", f"unknown time zone {timezone!r}: use a name such as Europe/Paris"
        ) from None
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ValidationError("end_date", "the show cannot end before it starts")
    return {
        "name": name,
        "venue": clean_line(data.venue, "venue", 200),
        "city": clean_line(data.city, "city", 100),
        "country": country,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "booth": clean_line(data.booth, "booth", 50),
        "timezone": timezone,
        "consent_text": clean_text(data.consent_text, "consent_text", 10_000),
        "consent_version": clean_line(data.consent_version, "consent_version", 50),
    }


def clean_question(text: str, kind: QuestionKind | str, choices: Sequence[str]) -> dict[str, Any]:
    """A qualifier question's stored fields, checked; errors name the field."""
    question_text = clean_line(text, "question", 500)
    if not question_text:
        raise ValidationError("question", "a question needs a text")
    try:
        question_kind = QuestionKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in QuestionKind)
        raise ValidationError("kind", f"{kind!r} is not one of {allowed}") from None
    cleaned_choices = [c for c in (clean_line(c, "choices", 200) for c in choices) if c]
    if question_kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and not cleaned_choices:
        raise ValidationError(
            "choices", f"the question {question_text!r} needs at least one choice"
        )
    if question_kind in (QuestionKind.TEXT, QuestionKind.NUMBER):
        cleaned_choices = []
    return {"text": question_text, "kind": question_kind, "choices": cleaned_choices}


class EventService:
    def __init__(self, database: Database, settings: SettingsService) -> None:
        self._db = database
        self._settings = settings

    def create(self, data: EventInput) -> EventRow:
        values = clean_event(data)
        with self._db.write() as session:
            existing = session.scalars(
                select(Event.id).where(func.lower(Event.name) == str(values["name"]).lower())
            ).first()
            if existing is not None:
                raise Conflict(f"a show named {values['name']!r} already exists")
            event = Event(**values)
            session.add(event)
            session.flush()
            row = event_row(event)
        if self._settings.load().active_event_id is None:
            self._settings.update(active_event_id=row.id)
        return row

    def update(self, reference: str | int, data: EventInput) -> EventRow:
        values = clean_event(data)
        with self._db.write() as session:
            event = find_event(session, reference)
            for key, value in values.items():
                setattr(event, key, value)
            session.flush()
            return event_row(event)

    def get(self, reference: str | int) -> EventRow:
        with self._db.read() as session:
            return event_row(find_event(session, reference))

    def list(self) -> builtins.list[EventRow]:
        with self._db.read_connection() as connection:
            return [event_row(row) for row in connection.execute(_ALL_EVENTS)]

    def use(self, reference: str | int) -> EventRow:
        """Makes a show the active one for the window and for commands."""
        row = self.get(reference)
        self._settings.update(active_event_id=row.id)
        return row

    def active(self) -> EventRow | None:
        """The active show; the newest one if none was chosen or it is gone."""
        chosen = self._settings.load().active_event_id
        with self._db.read_connection() as connection:
            event = (
                connection.execute(_EVENT_BY_ID, {"event_id": chosen}).first()
                if chosen is not None
                else None
            )
            if event is None:
                event = connection.execute(_NEWEST_EVENT).first()
            return event_row(event) if event is not None else None

    def resolve(self, reference: str | int | None) -> EventRow:
        """The show named by ``reference``, or the active one; NotFound when there is none."""
        if reference is not None:
            return self.get(reference)
        active = self.active()
        if active is None:
            raise NotFound("no show yet: create one with `boothapp event add` or `boothapp demo`")
        return active

    def set_roster(self, reference: str | int, staff_ids: builtins.list[int]) -> None:
        with self._db.write() as session:
            event = find_event(session, reference)
            session.execute(delete(EventStaff).where(EventStaff.event_id == event.id))
            session.add_all(EventStaff(event_id=event.id, staff_id=sid) for sid in staff_ids)

    def set_products(self, reference: str | int, product_ids: builtins.list[int]) -> None:
        with self._db.write() as session:
            event = find_event(session, reference)
            session.execute(delete(EventProduct).where(EventProduct.event_id == event.id))
            session.add_all(EventProduct(event_id=event.id, product_id=pid) for pid in product_ids)

    def add_question(
        self,
        reference: str | int,
        text: str,
        kind: QuestionKind | str,
        choices: tuple[str, ...] = (),
    ) -> QuestionRow:
        values = clean_question(text, kind, choices)
        with self._db.write() as session:
            event = find_event(session, reference)
            position = len(event.questions)
            question = Question(event_id=event.id, position=position, **values)
            session.add(question)
            session.flush()
            return question_row(question)

    def questions(self, reference: str | int) -> builtins.list[QuestionRow]:
        with self._db.read() as session:
            event = find_event(session, reference)
            return [question_row(q) for q in event.questions]

    def delete_question(self, question_id: int) -> None:
        with self._db.write() as session:
            question = session.get(Question, question_id)
            if question is None:
                raise NotFound(f"no question with id {question_id}")
            session.delete(question)


def question_row(question: Question) -> QuestionRow:
    return QuestionRow(
        id=question.id,
        position=question.position,
        text=question.text,
        kind=question.kind,
        choices=tuple(question.choices),
    )


def parse_date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date: use YYYY-MM-DD") from None

"""The stored data: SQLAlchemy 2.0 typed ORM classes.

Timestamps are stored as naive UTC and come back timezone-aware (``UTCDateTime``).
Lead ids are UUID strings so that leads from several laptops can be merged later.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from boothapp.core.follow_ups.status import FollowUpStatus as FollowUpStatus
from boothapp.core.vocabulary import AuditAction as AuditAction
from boothapp.core.vocabulary import FollowUp as FollowUp
from boothapp.core.vocabulary import LeadSource as LeadSource
from boothapp.core.vocabulary import LegalBasis as LegalBasis
from boothapp.core.vocabulary import ProductCategory as ProductCategory
from boothapp.core.vocabulary import QuestionKind as QuestionKind
from boothapp.core.vocabulary import Rating as Rating
from boothapp.core.vocabulary import StaffRole as StaffRole
from boothapp.core.vocabulary import TombstoneKind as TombstoneKind

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


def stored_utc(value: str | datetime | None) -> datetime:
    """A timestamp as the database driver returns it (SQLite: ISO text of naive UTC;
    PostgreSQL: a naive datetime) as the aware datetime ``UTCDateTime`` gives; NULL
    where a timestamp is required is an error."""
    if type(value) is str:
        return datetime.fromisoformat(value + "+00:00")
    if value is None:
        raise ValueError("a required timestamp is NULL")
    return cast(datetime, value).replace(tzinfo=UTC)


def stored_utc_or_none(value: str | datetime | None) -> datetime | None:
    """``stored_utc`` for a timestamp that may be NULL."""
    return None if value is None else stored_utc(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns them aware in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC datetime is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(cls: type[enum.StrEnum], name: str) -> Enum:
    """A portable string column holding the enum's values (not its member names)."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


STORED_RATINGS: dict[str | None, Rating | None] = {rating.value: rating for rating in Rating}
STORED_RATINGS[None] = None
STORED_LEGAL_BASES: dict[str | None, LegalBasis | None] = {b.value: b for b in LegalBasis}
STORED_LEGAL_BASES[None] = None
STORED_SOURCES: dict[str, LeadSource] = {source.value: source for source in LeadSource}


class Event(Base):
    """A show the booth attends."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    venue: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    booth: Mapped[str] = mapped_column(String(50), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    consent_text: Mapped[str] = mapped_column(Text, default="")
    consent_version: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    staff: Mapped[list[StaffMember]] = relationship(secondary="event_staff")
    products: Mapped[list[Product]] = relationship(secondary="event_products")
    questions: Mapped[list[Question]] = relationship(
        back_populates="event", order_by="Question.position", cascade="all, delete-orphan"
    )


class StaffMember(Base):
    """A person who works the booth."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole, "staff_role"), default=StaffRole.STAFF)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EventStaff(Base):
    """The roster: who works which show."""

    __tablename__ = "event_staff"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )


class Product(Base):
    """An item of the catalogue that can be shown to a visitor."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[ProductCategory] = mapped_column(
        _enum(ProductCategory, "product_category"), default=ProductCategory.OTHER
    )
    description: Mapped[str] = mapped_column(Text, default="")
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    brochure_url: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EventProduct(Base):
    """The products on the stand at a show."""

    __tablename__ = "event_products"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )


class Lead(Base):
    """A visitor captured at the booth."""

    __tablename__ = "leads"
    __table_args__ = (
        Index("ix_leads_event_live", "event_id", "deleted_at", "created_at"),
        Index("ix_leads_event_badge", "event_id", "badge_id"),
        Index("ix_leads_event_email_lower", "event_id", text("lower(email)")),
        Index("ix_leads_event_staff_live", "event_id", "staff_id", "deleted_at", "created_at"),
        Index("ix_leads_event_updated", "event_id", "updated_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    source: Mapped[LeadSource] = mapped_column(
        _enum(LeadSource, "lead_source"), default=LeadSource.MANUAL
    )
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(64))
    mobile: Mapped[str | None] = mapped_column(String(64))
    website: Mapped[str | None] = mapped_column(String(500))
    street: Mapped[str] = mapped_column(String(500), default="")
    postal_code: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    rating: Mapped[Rating | None] = mapped_column(_enum(Rating, "rating"))
    follow_ups: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_version: Mapped[str | None] = mapped_column(String(50))
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL")
    )
    legal_basis: Mapped[LegalBasis | None] = mapped_column(_enum(LegalBasis, "legal_basis"))
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    badge_id: Mapped[str | None] = mapped_column(String(200))
    badge_format: Mapped[str | None] = mapped_column(String(32))
    badge_raw: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    search_rowid: Mapped[int | None] = mapped_column(BigInteger, unique=True, index=True)

    event: Mapped[Event] = relationship()
    staff: Mapped[StaffMember | None] = relationship(foreign_keys=[staff_id])
    consent_staff: Mapped[StaffMember | None] = relationship(foreign_keys=[consent_staff_id])
    products: Mapped[list[LeadProduct]] = relationship(
        back_populates="lead", cascade="all, delete-orphan"
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="lead", cascade="all, delete-orphan", order_by="Note.created_at"
    )
    visits: Mapped[list[Visit]] = relationship(
        back_populates="lead", cascade="all, delete-orphan", order_by="Visit.at"
    )
    answers: Mapped[list[Answer]] = relationship(
        back_populates="lead", cascade="all, delete-orphan"
    )


class LeadProduct(Base):
    """A product shown to a lead."""

    __tablename__ = "lead_products"

    lead_id: Mapped[str] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    quantity: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str] = mapped_column(Text, default="")

    lead: Mapped[Lead] = relationship(back_populates="products")
    product: Mapped[Product] = relationship()


class Note(Base):
    """A timestamped conversation note on a lead."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text)

    lead: Mapped[Lead] = relationship(back_populates="notes")
    staff: Mapped[StaffMember | None] = relationship()


class Visit(Base):
    """One scan of, or return to the booth by, a lead."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    source: Mapped[LeadSource] = mapped_column(
        _enum(LeadSource, "lead_source"), default=LeadSource.MANUAL
    )

    lead: Mapped[Lead] = relationship(back_populates="visits")
    staff: Mapped[StaffMember | None] = relationship()


class Question(Base):
    """A qualifier question asked at a show."""

    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[QuestionKind] = mapped_column(_enum(QuestionKind, "question_kind"))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)

    event: Mapped[Event] = relationship(back_populates="questions")


class Answer(Base):
    """A lead's answer to a qualifier question: text, a number, or a list of choices."""

    __tablename__ = "answers"

    lead_id: Mapped[str] = mapped_column(
        ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[Any] = mapped_column(JSON)

    lead: Mapped[Lead] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()


class Attendee(Base):
    """A row of the organiser's attendee list, used to resolve badge IDs."""

    __tablename__ = "attendees"
    __table_args__ = (UniqueConstraint("event_id", "badge_id", name="uq_attendees_event_badge"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    badge_id: Mapped[str] = mapped_column(String(200))
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(200), default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ExportRecord(Base):
    """Who exported what, when, with which filters."""

    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    format: Mapped[str] = mapped_column(String(32))
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    lead_count: Mapped[int] = mapped_column(Integer, default=0)
    path: Mapped[str] = mapped_column(Text, default="")


class LeadFirstExport(Base):
    """The first export that wrote a lead to a file: a lead with a row here has been
    exported, and "only leads not exported before" leaves it out."""

    __tablename__ = "lead_first_exports"

    lead_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True
    )
    export_id: Mapped[int] = mapped_column(ForeignKey("exports.id", ondelete="CASCADE"))


class FollowUpTask(Base):
    """A follow-up promised to a lead (one of its ``follow_ups``) as a task: to do or
    done, due on a day of the show's calendar, owned by a staff member. One per lead and
    kind of follow-up; the rules are ``core.follow_ups``'s."""

    __tablename__ = "follow_up_tasks"
    __table_args__ = (UniqueConstraint("lead_id", "kind", name="uq_follow_up_tasks_lead_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(String(36), ForeignKey("leads.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    """The follow-up, as the lead stores it (a ``FollowUp`` value)."""
    status: Mapped[FollowUpStatus] = mapped_column(
        _enum(FollowUpStatus, "follow_up_status"), default=FollowUpStatus.TODO
    )
    due_on: Mapped[date] = mapped_column(Date)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    """When the follow-up was promised (the save that added it)."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    """The last change of the task itself (status, due day, owner)."""
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class Setting(Base):
    """One stored setting (see ``core.settings``)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class LeadTombstone(Base):
    """A lead id that is gone for good and must not come back from another laptop's
    file: erased on request, or joined into ``into_id`` (the same visitor captured on
    two laptops). The lead's row is deleted; only its id stays here."""

    __tablename__ = "lead_tombstones"

    lead_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[TombstoneKind] = mapped_column(_enum(TombstoneKind, "tombstone_kind"))
    into_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Suppression(Base):
    """A person who asked to be erased, kept only as a digest of their e-mail address
    or badge ID (``core.privacy`` makes it) so that a later scan, attendee import or
    merge cannot bring them back."""

    __tablename__ = "suppressions"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class MergeConflict(Base):
    """A field that two laptops set to different values: the merge kept the later edit
    (``kept``) and records the other (``other``, from ``source``) for review."""

    __tablename__ = "merge_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lead_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("leads.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(64))
    kept: Mapped[str] = mapped_column(Text, default="")
    other: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """One export, merge, restore, erasure or purge: who, when, how many leads, and a
    short description (the file, the filter)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    action: Mapped[AuditAction] = mapped_column(_enum(AuditAction, "audit_action"))
    staff_name: Mapped[str] = mapped_column(String(200), default="")
    lead_count: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[str] = mapped_column(Text, default="")

"""Events the agency runs, their helper shifts, registrations and collected questions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engagement_desk.models.base import (
    Base,
    UTCDateTime,
    Versioned,
    created_at_column,
    enum_type,
    text_column,
    updated_at_column,
    utcnow,
)
from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.models.sort_keys import sort_key_column

CASCADE = "CASCADE"
SET_NULL = "SET NULL"
REGISTRATION_LIVE = "status NOT IN ('cancelled', 'declined')"
"""Registrations that still count as someone being registered (enum values as stored)."""


class Event(Versioned, Base):
    """A club fair, volunteer day, workshop, training, discussion round, meeting or gala."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_positive"),
        Index("ix_event_starts_at", "starts_at"),
        Index("ix_event_title_key", "title_key", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Event number.")
    kind: Mapped[EventKind] = mapped_column(
        enum_type(EventKind, "event_kind"),
        nullable=False,
        doc="club_fair, volunteer_day, workshop, training, citizen_dialogue, working_group, "
        "recognition or other.",
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False, doc="Title; required.")
    starts_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, doc="Start, local wall-clock time (Europe/Berlin)."
    )
    ends_at: Mapped[dt.datetime] = mapped_column(
        DateTime, nullable=False, doc="End, local wall-clock time; may be days later."
    )
    place: Mapped[str] = text_column(300, "Place and address.")
    title_key: Mapped[str] = sort_key_column("title", 200)
    place_key: Mapped[str] = sort_key_column("place", 300)
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("center.id", ondelete=SET_NULL), index=True, doc="Organizing centre."
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete=SET_NULL), index=True, doc="Organizing club."
    )
    capacity: Mapped[int | None] = mapped_column(
        Integer, doc="Most participants; empty = unlimited."
    )
    description: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Description.")
    is_public: Mapped[bool] = mapped_column(
        nullable=False, default=True, doc="Public (published) or internal."
    )
    hours_credit: Mapped[Decimal | None] = mapped_column(
        Numeric(5, 2), doc="Hours credited for attending (trainings), if any."
    )
    trainer: Mapped[str] = text_column(200, "Trainer or speaker named on attendance certificates.")
    agenda: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Agenda.")
    minutes: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Minutes.")
    next_meeting_on: Mapped[dt.date | None] = mapped_column(
        Date, doc="Next meeting (Arbeitskreis)."
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    shifts: Mapped[list[Shift]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class Shift(Versioned, Base):
    """A helper shift of an event with a number of slots."""

    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("slots >= 1", name="slots_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Shift number.")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete=CASCADE), nullable=False, index=True, doc="The event."
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False, doc="Task, e.g. 'Aufbau'.")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, doc="Start (local).")
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, doc="End (local).")
    slots: Mapped[int] = mapped_column(Integer, nullable=False, default=1, doc="Helpers needed.")
    event: Mapped[Event] = relationship(back_populates="shifts")


class Registration(Versioned, Base):
    """Someone registered for an event in a role; helpers may name a shift."""

    __tablename__ = "registration"
    __table_args__ = (
        CheckConstraint("person_id IS NOT NULL OR organization_id IS NOT NULL", name="who_is_set"),
        Index("ix_registration_event_status", "event_id", "status"),
        # At most one live registration of someone in one role (and shift) per
        # event, even when two workstations register at once (migration 0005).
        Index(
            "uq_registration_active",
            "event_id",
            text("coalesce(person_id, 0)"),
            text("coalesce(organization_id, 0)"),
            "role",
            text("coalesce(shift_id, 0)"),
            unique=True,
            sqlite_where=text(REGISTRATION_LIVE),
            postgresql_where=text(REGISTRATION_LIVE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Registration number.")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete=CASCADE), nullable=False, doc="The event."
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), index=True, doc="The person registered."
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete=CASCADE),
        index=True,
        doc="The organization (exhibiting club, sponsor), if any.",
    )
    role: Mapped[RegistrationRole] = mapped_column(
        enum_type(RegistrationRole, "registration_role"),
        nullable=False,
        default=RegistrationRole.PARTICIPANT,
        doc="participant, helper, exhibitor, guest, speaker, sponsor, member or nominee.",
    )
    status: Mapped[RegistrationStatus] = mapped_column(
        enum_type(RegistrationStatus, "registration_status"),
        nullable=False,
        default=RegistrationStatus.REGISTERED,
        doc="invited, registered, waiting_list, declined, cancelled, attended or no_show.",
    )
    shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("shift.id", ondelete=SET_NULL), index=True, doc="Helper shift, if any."
    )
    stand: Mapped[str] = text_column(100, "Stand number or place (exhibitors).")
    registered_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(),
        nullable=False,
        default=utcnow,
        doc="When registered (UTC); orders the waiting list.",
    )
    note: Mapped[str] = text_column(500, "Note.")


class EventQuestion(Base):
    """A question or suggestion a citizen sent in for a discussion round."""

    __tablename__ = "event_question"

    id: Mapped[int] = mapped_column(primary_key=True, doc="Question number.")
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete=CASCADE), nullable=False, index=True, doc="The event."
    )
    asked_by: Mapped[str] = text_column(200, "Who asked (may stay empty).")
    text: Mapped[str] = mapped_column(Text, nullable=False, doc="The question or suggestion.")
    received_on: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Day received.")

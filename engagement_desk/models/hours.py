"""Volunteer time: typed by hand or derived from rides and events."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

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
from engagement_desk.models.enums import HoursSource

SET_NULL = "SET NULL"


class HoursEntry(Versioned, Base):
    """Time one person gave on one day (Einsatz)."""

    __tablename__ = "hours_entry"
    __table_args__ = (
        CheckConstraint("hours > 0 AND hours <= 24", name="hours_range"),
        # Covering indexes for sums over a large history (migration 0014).
        Index("ix_hours_entry_person_date", "person_id", "on_date", "hours"),
        Index("ix_hours_entry_date", "on_date", "person_id", "hours"),
        Index("ix_hours_entry_org_center_date", "organization_id", "center_id", "on_date", "hours"),
        # Crediting an event twice at once must not double anyone's hours (migration 0005).
        Index(
            "uq_hours_entry_event_registration",
            "registration_id",
            unique=True,
            sqlite_where=text("source = 'event' AND registration_id IS NOT NULL"),
            postgresql_where=text("source = 'event' AND registration_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Entry number.")
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, doc="The volunteer."
    )
    on_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Day of the work.")
    hours: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), nullable=False, doc="Hours, e.g. '2.50'; more than 0, at most 24."
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete=SET_NULL),
        index=True,
        doc="Organization the work was for.",
    )
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("center.id", ondelete=SET_NULL), index=True, doc="Centre it counts for."
    )
    activity: Mapped[str] = text_column(300, "What was done.")
    source: Mapped[HoursSource] = mapped_column(
        enum_type(HoursSource, "hours_source"),
        nullable=False,
        default=HoursSource.MANUAL,
        doc="manual, ride or event.",
    )
    ride_id: Mapped[int | None] = mapped_column(
        ForeignKey("ride.id", ondelete=SET_NULL), index=True, doc="Ride it came from."
    )
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registration.id", ondelete=SET_NULL),
        index=True,
        doc="Event registration it came from.",
    )
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()


class HoursCorrection(Base):
    """Why an hours entry was corrected or deleted, and what it said before.

    The audit trail holds field names only; the reason and the old and new values
    are personal data and live here, with the person (anonymising empties them).
    """

    __tablename__ = "hours_correction"
    __table_args__ = (
        CheckConstraint("kind IN ('correct', 'delete')", name="hours_correction_kind"),
        Index("ix_hours_correction_entry", "hours_entry_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Entry number.")
    hours_entry_id: Mapped[int] = mapped_column(
        Integer, nullable=False, doc="The entry corrected or deleted (kept after deletion)."
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
        doc="Whose hours they were.",
    )
    kind: Mapped[str] = mapped_column(String(10), nullable=False, doc="'correct' or 'delete'.")
    at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), nullable=False, default=utcnow, doc="When (UTC)."
    )
    user: Mapped[str] = text_column(100, "Login (or operating-system user) who did it.")
    reason: Mapped[str] = mapped_column(Text, nullable=False, doc="Why, as typed.")
    before: Mapped[str] = mapped_column(
        Text, nullable=False, default="", doc="The entry before, in words."
    )
    after: Mapped[str] = mapped_column(
        Text, nullable=False, default="", doc="The entry after, in words; empty when deleted."
    )


class HoursYearTotal(Base):
    """Hours per year, person, organization and centre, kept by triggers on ``hours_entry``
    (migration 0014): totals over the whole history read these few rows, not every entry.

    Derived data: not in the interchange file (an import fills it through the triggers).
    """

    __tablename__ = "hours_year_total"
    __table_args__ = (
        Index("ix_hours_year_total_person", "person_id", "year"),
        {"info": {"interchange": False}},
    )

    year: Mapped[int] = mapped_column(Integer, primary_key=True, doc="Calendar year.")
    organization_key: Mapped[int] = mapped_column(
        Integer, primary_key=True, doc="Organization id, 0 for none."
    )
    center_key: Mapped[int] = mapped_column(Integer, primary_key=True, doc="Centre id, 0 for none.")
    # No foreign key: the triggers remove a person's rows with their entries.
    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, doc="The volunteer.")
    cents: Mapped[int] = mapped_column(
        Integer, nullable=False, doc="Sum of the hours in hundredths (exact on every backend)."
    )
    entries: Mapped[int] = mapped_column(Integer, nullable=False, doc="Number of entries.")

"""The ride service: services, vehicles, drivers, standing orders and concrete rides."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engagement_desk.models.base import (
    HEALTH_DATA,
    Base,
    Versioned,
    created_at_column,
    enum_type,
    text_column,
    updated_at_column,
)
from engagement_desk.models.enums import RecordStatus, RideServiceKind, RideStatus
from engagement_desk.models.people import Person
from engagement_desk.models.sort_keys import sort_key_column

CASCADE = "CASCADE"
SET_NULL = "SET NULL"
RESTRICT = "RESTRICT"


class RideService(Versioned, Base):
    """A ride service, e.g. the weekly Seniorenfahrdienst or daily Impffahrten."""

    __tablename__ = "ride_service"
    __table_args__ = (CheckConstraint("default_duration_minutes > 0", name="duration_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Service number.")
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True, doc="Name; unique.")
    name_key: Mapped[str] = sort_key_column("name", 120)
    kind: Mapped[RideServiceKind] = mapped_column(
        enum_type(RideServiceKind, "ride_service_kind"),
        nullable=False,
        doc="weekly, daily or ad_hoc.",
    )
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("center.id", ondelete=SET_NULL), index=True, doc="Centre running it."
    )
    coordinator_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete=SET_NULL), index=True, doc="Coordinating person."
    )
    operating_days: Mapped[str] = mapped_column(
        String(7),
        nullable=False,
        default="01234",
        doc="Days of operation as weekday digits, 0 = Monday … 6 = Sunday, e.g. '01234'.",
    )
    default_duration_minutes: Mapped[int] = mapped_column(
        Integer, nullable=False, default=60, doc="Default length of one ride in minutes."
    )
    runs_on_holidays: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, doc="Whether rides run on public holidays."
    )
    status: Mapped[RecordStatus] = mapped_column(
        enum_type(RecordStatus, "ride_service_status"),
        nullable=False,
        default=RecordStatus.ACTIVE,
        doc="active or archived.",
    )


class Vehicle(Versioned, Base):
    """A car used for rides, usually the driver's own."""

    __tablename__ = "vehicle"
    __table_args__ = (
        CheckConstraint("seats >= 1", name="seats_positive"),
        CheckConstraint("wheelchair_spaces >= 0", name="wheelchair_spaces_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Vehicle number.")
    label: Mapped[str] = mapped_column(
        String(120), nullable=False, doc="Name, e.g. 'VW Caddy blau'."
    )
    label_key: Mapped[str] = sort_key_column("label", 120)
    registration: Mapped[str] = text_column(20, "Registration plate.")
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete=SET_NULL),
        index=True,
        doc="Owner; empty for the agency's own vehicle.",
    )
    seats: Mapped[int] = mapped_column(
        Integer, nullable=False, default=3, doc="Passenger seats (without the driver)."
    )
    wheelchair_spaces: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, doc="Spaces for a wheelchair."
    )
    status: Mapped[RecordStatus] = mapped_column(
        enum_type(RecordStatus, "vehicle_status"),
        nullable=False,
        default=RecordStatus.ACTIVE,
        doc="active or archived.",
    )
    owner: Mapped[Person | None] = relationship()


class DriverProfile(Versioned, Base):
    """What the dispatcher needs to know about a driver beyond the person record."""

    __tablename__ = "driver_profile"
    __table_args__ = (CheckConstraint("max_rides_per_week >= 0", name="max_rides_positive"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, doc="The driver."
    )
    max_rides_per_week: Mapped[int] = mapped_column(
        Integer, nullable=False, default=5, doc="Most rides per week the driver takes."
    )
    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicle.id", ondelete=SET_NULL), index=True, doc="Vehicle usually driven."
    )
    notes: Mapped[str] = text_column(500, "Notes for the dispatcher.")


class DriverPreference(Base):
    """A passenger a driver usually takes (seniors prefer a familiar driver)."""

    __tablename__ = "driver_preference"

    driver_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), primary_key=True, doc="The driver."
    )
    passenger_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE),
        primary_key=True,
        index=True,
        doc="The passenger.",
    )


class StandingOrder(Versioned, Base):
    """A recurring ride: 'every Tuesday 9:00 from home to the market and back'."""

    __tablename__ = "standing_order"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_range"),
        {"info": {"dsgvo": HEALTH_DATA}},
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Standing order number.")
    service_id: Mapped[int] = mapped_column(
        ForeignKey("ride_service.id", ondelete=RESTRICT),
        nullable=False,
        index=True,
        doc="Ride service.",
    )
    passenger_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=RESTRICT), nullable=False, index=True, doc="Passenger."
    )
    recurrence: Mapped[str] = mapped_column(
        String(200), nullable=False, doc="RFC 5545 RRULE, e.g. 'FREQ=WEEKLY;BYDAY=TU'."
    )
    pickup_time: Mapped[dt.time] = mapped_column(Time, nullable=False, doc="Pick-up (local time).")
    pickup_street: Mapped[str] = text_column(200, "Pick-up street; empty = passenger's address.")
    pickup_postal_code: Mapped[str] = text_column(10, "Pick-up postal code.")
    pickup_city: Mapped[str] = text_column(100, "Pick-up town.")
    destination_name: Mapped[str] = mapped_column(
        String(200), nullable=False, doc="Destination, e.g. 'Wochenmarkt'."
    )
    destination_street: Mapped[str] = text_column(200, "Destination street.")
    destination_postal_code: Mapped[str] = text_column(10, "Destination postal code.")
    destination_city: Mapped[str] = text_column(100, "Destination town.")
    return_time: Mapped[dt.time | None] = mapped_column(
        Time, doc="Pick-up time of the return trip; empty = no return trip."
    )
    wheelchair: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Needs a wheelchair space.",
    )
    rollator: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Brings a rollator.",
    )
    escort: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Needs an escort.",
    )
    valid_from: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="First day.")
    valid_to: Mapped[dt.date | None] = mapped_column(Date, doc="Last day; empty = open-ended.")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Notes.")
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    pauses: Mapped[list[StandingOrderPause]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class StandingOrderPause(Base):
    """A period in which a standing order does not run (e.g. passenger in hospital)."""

    __tablename__ = "standing_order_pause"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="end_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True, doc="Pause number.")
    standing_order_id: Mapped[int] = mapped_column(
        ForeignKey("standing_order.id", ondelete=CASCADE),
        nullable=False,
        index=True,
        doc="The standing order.",
    )
    start_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="First day paused.")
    end_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Last day paused.")
    reason: Mapped[str] = text_column(200, "Reason.")


class Ride(Versioned, Base):
    """One concrete trip on one date; passengers are in ride_passenger."""

    __tablename__ = "ride"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint("km IS NULL OR km >= 0", name="km_positive"),
        Index("ix_ride_date", "ride_date", "start_time", "id"),
        Index("ix_ride_driver_date", "driver_id", "ride_date"),
        # The week plan's counts per day and status, from the index alone (migration 0016).
        Index("ix_ride_week_counts", "ride_date", "status", "service_id", "driver_id"),
        # One ride per (standing order, day, leg): two workstations planning the
        # same week cannot both insert it (migration 0005).
        Index(
            "uq_ride_generated",
            "standing_order_id",
            "ride_date",
            "is_return",
            unique=True,
            sqlite_where=text("standing_order_id IS NOT NULL"),
            postgresql_where=text("standing_order_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True, doc="Ride number.")
    service_id: Mapped[int] = mapped_column(
        ForeignKey("ride_service.id", ondelete=RESTRICT),
        nullable=False,
        index=True,
        doc="Ride service.",
    )
    standing_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("standing_order.id", ondelete=SET_NULL),
        index=True,
        doc="Standing order it was generated from; empty for a one-off request.",
    )
    is_return: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, doc="The return leg of a standing order."
    )
    ride_date: Mapped[dt.date] = mapped_column(Date, nullable=False, doc="Day (local).")
    start_time: Mapped[dt.time] = mapped_column(Time, nullable=False, doc="Pick-up (local time).")
    duration_minutes: Mapped[int] = mapped_column(
        Integer, nullable=False, default=60, doc="Planned length in minutes."
    )
    pickup_address: Mapped[str] = text_column(300, "Where the ride starts.")
    destination: Mapped[str] = text_column(300, "Where it goes.")
    driver_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete=SET_NULL), doc="Assigned driver."
    )
    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicle.id", ondelete=SET_NULL), index=True, doc="Vehicle used."
    )
    assigned_manually: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        doc="The dispatcher set the driver; replanning keeps it.",
    )
    status: Mapped[RideStatus] = mapped_column(
        enum_type(RideStatus, "ride_status"),
        nullable=False,
        default=RideStatus.PLANNED,
        doc="planned, assigned, done, cancelled or no_show.",
    )
    km: Mapped[Decimal | None] = mapped_column(Numeric(7, 1), doc="Kilometres driven (when done).")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="", doc="Notes.")
    created_at: Mapped[dt.datetime] = created_at_column()
    updated_at: Mapped[dt.datetime] = updated_at_column()

    passengers: Mapped[list[RidePassenger]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class RidePassenger(Base):
    """A passenger on a ride, with the needs that decide which car can go."""

    __tablename__ = "ride_passenger"
    __table_args__ = {"info": {"dsgvo": HEALTH_DATA}}

    ride_id: Mapped[int] = mapped_column(
        ForeignKey("ride.id", ondelete=CASCADE), primary_key=True, doc="The ride."
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=RESTRICT),
        primary_key=True,
        index=True,
        doc="The passenger.",
    )
    wheelchair: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Needs a wheelchair space.",
    )
    rollator: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Brings a rollator.",
    )
    escort: Mapped[bool] = mapped_column(
        Boolean,
        nullable=False,
        default=False,
        info={"dsgvo": HEALTH_DATA},
        doc="Needs an escort.",
    )


class StandbyDriver(Base):
    """The driver on standby for one service on one day."""

    __tablename__ = "standby_driver"

    service_id: Mapped[int] = mapped_column(
        ForeignKey("ride_service.id", ondelete=CASCADE), primary_key=True, doc="Ride service."
    )
    on_date: Mapped[dt.date] = mapped_column(Date, primary_key=True, doc="Service day.")
    driver_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete=CASCADE), nullable=False, index=True, doc="The driver."
    )

"""What a person has done with the agency, read-only, for the person view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Certificate,
    Event,
    HoursEntry,
    Organization,
    Registration,
    Ride,
    RidePassenger,
)
from engagement_desk.models.enums import (
    CertificateKind,
    CertificateStatus,
    EventKind,
    HoursSource,
    RegistrationRole,
    RegistrationStatus,
    RideStatus,
)

RECENT_LIMIT = 200


@dataclass(frozen=True)
class HoursLine:
    on_date: dt.date
    hours: Decimal
    organization: str
    center: str
    activity: str
    source: HoursSource
    id: int = 0  # the entry, for correcting it


@dataclass(frozen=True)
class HoursTotal:
    year: int
    organization: str
    center: str
    hours: Decimal


@dataclass(frozen=True)
class RideLine:
    ride_id: int
    ride_date: dt.date
    start_time: dt.time
    destination: str
    as_driver: bool
    status: RideStatus


@dataclass(frozen=True)
class EventLine:
    event_id: int
    starts_at: dt.datetime
    kind: EventKind
    title: str
    role: RegistrationRole
    status: RegistrationStatus


@dataclass(frozen=True)
class CertificateLine:
    number: str
    kind: CertificateKind
    issued_on: dt.date
    status: CertificateStatus


@dataclass(frozen=True)
class PersonActivity:
    hours: tuple[HoursLine, ...]
    hours_totals: tuple[HoursTotal, ...]
    rides: tuple[RideLine, ...]
    events: tuple[EventLine, ...]
    certificates: tuple[CertificateLine, ...]


def person_activity(db: Database, person_id: int) -> PersonActivity:
    with db.read_session() as session:
        hours = session.execute(
            select(
                HoursEntry.on_date,
                HoursEntry.hours,
                Organization.name,
                Center.name,
                HoursEntry.activity,
                HoursEntry.source,
                HoursEntry.id,
            )
            .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
            .outerjoin(Center, Center.id == HoursEntry.center_id)
            .where(HoursEntry.person_id == person_id)
            .order_by(HoursEntry.on_date.desc(), HoursEntry.id.desc())
            .limit(RECENT_LIMIT)
        ).all()
        year = func.extract("year", HoursEntry.on_date)
        totals = session.execute(
            select(year, Organization.name, Center.name, func.sum(HoursEntry.hours))
            .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
            .outerjoin(Center, Center.id == HoursEntry.center_id)
            .where(HoursEntry.person_id == person_id)
            .group_by(year, Organization.name, Center.name)
            .order_by(  # NULLs sort apart on SQLite and PostgreSQL; blank first on both
                year.desc(), func.coalesce(Organization.name, ""), func.coalesce(Center.name, "")
            )
        ).all()
        passenger_rides = select(RidePassenger.ride_id).where(RidePassenger.person_id == person_id)
        rides = session.execute(
            select(
                Ride.id,
                Ride.ride_date,
                Ride.start_time,
                Ride.destination,
                Ride.driver_id,
                Ride.status,
            )
            .where(or_(Ride.driver_id == person_id, Ride.id.in_(passenger_rides)))
            .order_by(Ride.ride_date.desc(), Ride.start_time.desc())
            .limit(RECENT_LIMIT)
        ).all()
        events = session.execute(
            select(
                Event.id,
                Event.starts_at,
                Event.kind,
                Event.title,
                Registration.role,
                Registration.status,
            )
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.person_id == person_id)
            .order_by(Event.starts_at.desc())
            .limit(RECENT_LIMIT)
        ).all()
        certificates = session.execute(
            select(Certificate.number, Certificate.kind, Certificate.issued_on, Certificate.status)
            .where(Certificate.person_id == person_id)
            .order_by(Certificate.issued_on.desc(), Certificate.number.desc())
        ).all()
    return PersonActivity(
        hours=tuple(HoursLine(d, h, o or "", c or "", a, s, i) for d, h, o, c, a, s, i in hours),
        hours_totals=tuple(
            HoursTotal(int(y), o or "", c or "", Decimal(h)) for y, o, c, h in totals
        ),
        rides=tuple(
            RideLine(i, d, t, dest, driver == person_id, s) for i, d, t, dest, driver, s in rides
        ),
        events=tuple(EventLine(*row) for row in events),
        certificates=tuple(CertificateLine(*row) for row in certificates),
    )

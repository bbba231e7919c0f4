"""Hours, trainings and rides for the hours and certificate tests (no tests in here).

People, centres and organizations come from ``builders.py``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from engagement_desk.db import Database
from engagement_desk.models import (
    Absence,
    Event,
    HoursEntry,
    Registration,
    Ride,
    RideService,
)
from engagement_desk.models.enums import (
    EventKind,
    HoursSource,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
)


def add_entry(
    db: Database,
    person_id: int,
    on_date: dt.date,
    hours: str | Decimal,
    *,
    organization_id: int | None = None,
    center_id: int | None = None,
    activity: str = "",
    source: HoursSource = HoursSource.MANUAL,
    ride_id: int | None = None,
) -> int:
    with db.session() as session:
        entry = HoursEntry(
            person_id=person_id,
            on_date=on_date,
            hours=Decimal(hours),
            organization_id=organization_id,
            center_id=center_id,
            activity=activity,
            source=source,
            ride_id=ride_id,
        )
        session.add(entry)
        session.flush()
        return entry.id


def add_absence(db: Database, person_id: int, start: dt.date, end: dt.date, reason: str) -> None:
    with db.session() as session:
        session.add(Absence(person_id=person_id, start_date=start, end_date=end, reason=reason))


def add_training(
    db: Database,
    title: str,
    starts_at: dt.datetime,
    hours: str | None = "3",
    *,
    trainer: str = "",
    attended: tuple[int, ...] = (),
    absent: tuple[int, ...] = (),
    kind: EventKind = EventKind.TRAINING,
) -> int:
    with db.session() as session:
        event = Event(
            kind=kind,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=3),
            place="Rathaus, Sitzungssaal",
            hours_credit=Decimal(hours) if hours is not None else None,
            trainer=trainer,
        )
        session.add(event)
        session.flush()
        for person_id in attended:
            session.add(
                Registration(
                    event_id=event.id, person_id=person_id, status=RegistrationStatus.ATTENDED
                )
            )
        for person_id in absent:
            session.add(
                Registration(
                    event_id=event.id, person_id=person_id, status=RegistrationStatus.NO_SHOW
                )
            )
        return event.id


def add_ride(
    db: Database,
    driver_id: int,
    on_date: dt.date,
    minutes: int = 90,
    *,
    start: dt.time = dt.time(9),
) -> int:
    with db.session() as session:
        service = session.query(RideService).first()
        if service is None:
            service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
            session.add(service)
            session.flush()
        ride = Ride(
            service_id=service.id,
            ride_date=on_date,
            start_time=start,
            duration_minutes=minutes,
            destination="Wochenmarkt",
            driver_id=driver_id,
            status=RideStatus.DONE,
        )
        session.add(ride)
        session.flush()
        return ride.id


def add_hours_spread(
    db: Database,
    person_id: int,
    first_day: dt.date,
    total: str | Decimal,
    *,
    per_day: str = "8",
    **values,
) -> None:
    """``total`` hours as entries of at most ``per_day`` hours on consecutive days."""
    remaining, step = Decimal(total), Decimal(per_day)
    day = first_day
    with db.session() as session:
        while remaining > 0:
            hours = min(step, remaining)
            session.add(HoursEntry(person_id=person_id, on_date=day, hours=hours, **values))
            remaining -= hours
            day += dt.timedelta(days=1)

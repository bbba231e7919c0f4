"""Overlap warnings for one person: event registrations, helper shifts and rides.

Used when registering someone for an event and when assigning a driver or a
passenger to a ride. A warning never blocks; the UI shows it and asks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
    Person,
    Registration,
    Ride,
    RidePassenger,
    RideService,
    Shift,
)
from engagement_desk.models.enums import RegistrationRole, RegistrationStatus, RideStatus, Role
from engagement_desk.models.vocabulary import german, german_names

BUSY_STATUSES = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING_LIST,
    RegistrationStatus.ATTENDED,
)
RIDE_BUSY_STATUSES = (RideStatus.PLANNED, RideStatus.ASSIGNED, RideStatus.DONE)
_ROLE = german_names(RegistrationRole)


@dataclass(frozen=True)
class ConflictWarning:
    """One overlap; ``kind`` is "registration" or "ride", ``record_id`` its number."""

    kind: str
    record_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    message: str

    def __str__(self) -> str:
        return self.message


def _span(start: dt.datetime, end: dt.datetime) -> str:
    if start.date() == end.date():
        return f"{start:%d.%m.%Y} {start:%H:%M}–{end:%H:%M}"
    return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"


def ride_period(ride_date: dt.date, start_time: dt.time, minutes: int) -> tuple[dt.datetime, ...]:
    start = dt.datetime.combine(ride_date, start_time)
    return start, start + dt.timedelta(minutes=max(minutes, 1))


def conflicts_in_session(
    session: Session,
    person_id: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    exclude_registration_id: int | None = None,
    exclude_ride_id: int | None = None,
) -> tuple[ConflictWarning, ...]:
    """``conflicts_for`` inside a unit of work the caller already has open."""
    if ends_at <= starts_at:
        ends_at = starts_at + dt.timedelta(minutes=1)
    warnings: list[ConflictWarning] = []
    start_col = func.coalesce(Shift.starts_at, Event.starts_at)
    end_col = func.coalesce(Shift.ends_at, Event.ends_at)
    rows = session.execute(
        select(
            Registration.id,
            Registration.role,
            Registration.status,
            Event.title,
            Shift.title,
            start_col,
            end_col,
        )
        .join(Event, Event.id == Registration.event_id)
        .outerjoin(Shift, Shift.id == Registration.shift_id)
        .where(
            Registration.person_id == person_id,
            Registration.status.in_(BUSY_STATUSES),
            Registration.id != (exclude_registration_id or -1),
            start_col < ends_at,
            end_col > starts_at,
        )
        .order_by(start_col, Registration.id)
    ).all()
    for reg_id, role, status, event_title, shift_title, start, end in rows:
        what = f"»{event_title}«" + (f" (Schicht »{shift_title}«)" if shift_title else "")
        waiting = " (Warteliste)" if status == RegistrationStatus.WAITING_LIST else ""
        warnings.append(
            ConflictWarning(
                "registration",
                reg_id,
                start,
                end,
                f"Überschneidung: bereits als {_ROLE[role]} bei {what}{waiting} "
                f"am {_span(start, end)} eingetragen.",
            )
        )
    first_day = starts_at.date() - dt.timedelta(days=1)
    passenger = select(RidePassenger.ride_id).where(RidePassenger.person_id == person_id)
    rides = session.execute(
        select(Ride, RideService.name)
        .join(RideService, RideService.id == Ride.service_id)
        .where(
            or_(Ride.driver_id == person_id, Ride.id.in_(passenger)),
            Ride.status.in_(RIDE_BUSY_STATUSES),
            Ride.id != (exclude_ride_id or -1),
            Ride.ride_date >= first_day,
            Ride.ride_date <= ends_at.date(),
        )
        .order_by(Ride.ride_date, Ride.start_time, Ride.id)
    ).all()
    for ride, service_name in rides:
        start, end = ride_period(ride.ride_date, ride.start_time, ride.duration_minutes)
        if not (start < ends_at and end > starts_at):
            continue
        as_what = german(Role.DRIVER if ride.driver_id == person_id else Role.PASSENGER)
        target = f" nach {ride.destination}" if ride.destination else ""
        warnings.append(
            ConflictWarning(
                "ride",
                ride.id,
                start,
                end,
                f"Überschneidung: {service_name}, Fahrt Nr. {ride.id}{target} als {as_what} "
                f"am {_span(start, end)}.",
            )
        )
    warnings.sort(key=lambda w: (w.starts_at, w.kind, w.record_id))
    return tuple(warnings)


def conflicts_for(
    db: Database,
    person_id: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    exclude_registration_id: int | None = None,
    exclude_ride_id: int | None = None,
) -> tuple[ConflictWarning, ...]:
    """German warnings for everything of ``person_id`` overlapping [starts_at, ends_at).

    Times are naive local (Europe/Berlin) wall-clock times. Covers event
    registrations (the shift's time for helpers with a shift) and rides the person
    drives or rides along on. Pass ``exclude_ride_id`` when checking a ride assignment
    so the ride itself is not reported."""
    with db.read_session() as session:
        return conflicts_in_session(
            session,
            person_id,
            starts_at,
            ends_at,
            exclude_registration_id=exclude_registration_id,
            exclude_ride_id=exclude_ride_id,
        )


def conflicts_for_ride(db: Database, ride_id: int, person_id: int) -> tuple[ConflictWarning, ...]:
    """Overlaps if ``person_id`` drives or rides along on ride ``ride_id``."""
    with db.read_session() as session:
        ride = session.get(Ride, ride_id)
        if ride is None:
            return ()
        start, end = ride_period(ride.ride_date, ride.start_time, ride.duration_minutes)
        return conflicts_in_session(session, person_id, start, end, exclude_ride_id=ride_id)


@dataclass(frozen=True)
class PersonConflicts:
    """A registered person and what overlaps their (new) time at the event."""

    person_id: int
    name: str
    warnings: tuple[ConflictWarning, ...]


def schedule_conflicts(
    db: Database, event_id: int, shift_id: int | None = None
) -> tuple[PersonConflicts, ...]:
    """Overlaps of everyone registered for the event (or for one of its shifts).

    Asked after an event or a shift was moved: the registrations then overlap
    with whatever else the people had planned at the new time."""
    with db.read_session() as session:
        event = session.get(Event, event_id)
        if event is None:
            return ()
        conditions = [
            Registration.event_id == event_id,
            Registration.person_id.is_not(None),
            Registration.status.in_(BUSY_STATUSES),
        ]
        if shift_id is not None:
            conditions.append(Registration.shift_id == shift_id)
        rows = session.execute(
            select(
                Registration.id,
                Registration.person_id,
                Person.first_name,
                Person.last_name,
                Shift.starts_at,
                Shift.ends_at,
            )
            .join(Person, Person.id == Registration.person_id)
            .outerjoin(Shift, Shift.id == Registration.shift_id)
            .where(*conditions)
            .order_by(Person.last_name_key, Person.first_name_key, Registration.id)
        ).all()
        found = []
        for registration_id, person_id, first, last, shift_start, shift_end in rows:
            start = shift_start or event.starts_at
            end = shift_end or event.ends_at
            warnings = conflicts_in_session(
                session, person_id, start, end, exclude_registration_id=registration_id
            )
            if warnings:
                found.append(PersonConflicts(person_id, f"{first} {last}".strip(), warnings))
        return tuple(found)

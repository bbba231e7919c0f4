"""Rides done, cancelled or no-show; done rides give the driver an hours entry.

Hours are derived, never typed: one HoursEntry (source=ride, ride_id set) per
done ride, recomputed for the driver's whole day whenever a ride of that day
changes, so re-marking never doubles and rides sharing the car count once.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Person, Ride, RideService
from engagement_desk.models.enums import AuditAction, HoursSource, RideStatus
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import conflicts_reported, load_for_update
from engagement_desk.services.rides.calendar import ride_span
from engagement_desk.services.rides.planning import PlannedRide, ride_infos

WHAT = "Fahrt"
MAX_KM = Decimal("1000")
MAX_DURATION = 12 * 60


def _clean_km(km: Decimal | float | str | None) -> Decimal:
    try:
        value = Decimal(str(km).replace(",", ".")).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        value = Decimal(-1)
    if km is None or value < 0 or value > MAX_KM:
        raise ValidationError(
            [FieldError("km", "Kilometer", f"Bitte 0 bis {MAX_KM} km angeben (z. B. 12,5).")]
        )
    return value


def sync_ride_hours(session: Session, driver_id: int, day: dt.date) -> None:
    """Make the driver's ride hours of ``day`` match the done rides; overlaps count once."""
    rides = session.scalars(
        select(Ride)
        .where(Ride.driver_id == driver_id, Ride.ride_date == day, Ride.status == RideStatus.DONE)
        .order_by(Ride.start_time, Ride.id)
    ).all()
    entries = {
        e.ride_id: e
        for e in session.scalars(
            select(HoursEntry).where(
                HoursEntry.source == HoursSource.RIDE,
                HoursEntry.person_id == driver_id,
                HoursEntry.on_date == day,
            )
        )
    }
    covered_until: int | None = None
    wanted: dict[int, Decimal] = {}
    for ride in rides:
        span = ride_span(ride.ride_date, ride.start_time, ride.duration_minutes)
        start = span.start if covered_until is None else max(span.start, covered_until)
        minutes = max(0, span.end - start)
        covered_until = span.end if covered_until is None else max(covered_until, span.end)
        if minutes:
            wanted[ride.id] = (Decimal(minutes) / 60).quantize(Decimal("0.01"))
    services = {s.id: s for s in session.scalars(select(RideService))}
    for ride in rides:
        hours = wanted.get(ride.id)
        entry = entries.pop(ride.id, None)
        if hours is None:
            if entry is not None:
                session.delete(entry)
            continue
        service = services.get(ride.service_id)
        activity = f"Fahrdienst: {service.name if service else ''}, Fahrt Nr. {ride.id}"[:300]
        if entry is None:
            session.add(
                HoursEntry(
                    person_id=driver_id,
                    on_date=day,
                    hours=hours,
                    center_id=service.center_id if service else None,
                    activity=activity,
                    source=HoursSource.RIDE,
                    ride_id=ride.id,
                )
            )
        elif entry.hours != hours:
            entry.hours = hours
    for entry in entries.values():
        session.delete(entry)


def _remove_foreign_entries(session: Session, ride: Ride) -> None:
    for entry in session.scalars(
        select(HoursEntry).where(
            HoursEntry.ride_id == ride.id, HoursEntry.source == HoursSource.RIDE
        )
    ):
        if entry.person_id != ride.driver_id or ride.status != RideStatus.DONE:
            session.delete(entry)
            session.flush()
            sync_ride_hours(session, entry.person_id, entry.on_date)


def _lock_drivers(session: Session, ride: Ride) -> None:
    """Lock the people whose ride hours of the day are recomputed below, in id order.

    Two rides of one driver marked done at two workstations at once would each
    see only their own ride done and count the shared time twice; locked, the
    second sees the first (PostgreSQL; SQLite's write lock serialises already)."""
    people = set(
        session.scalars(
            select(HoursEntry.person_id).where(
                HoursEntry.ride_id == ride.id, HoursEntry.source == HoursSource.RIDE
            )
        )
    )
    if ride.driver_id is not None:
        people.add(ride.driver_id)
    for person_id in sorted(people):
        session.get(Person, person_id, with_for_update=True, populate_existing=True)


HAPPENED = (RideStatus.DONE, RideStatus.NO_SHOW)


def not_yet_begun(ride_date: dt.date, start_time: dt.time, now: dt.datetime) -> bool:
    """Whether the ride's pick-up (local time) is still ahead: it cannot be done yet."""
    return dt.datetime.combine(ride_date, start_time) > now


def _refuse_future(ride: Ride, status: RideStatus, now: dt.datetime | None) -> None:
    if status in HAPPENED and not_yet_begun(
        ride.ride_date, ride.start_time, now or dt.datetime.now()
    ):
        what = "erledigt" if status == RideStatus.DONE else "„nicht angetroffen“"
        raise ValidationError(
            [
                FieldError(
                    "status",
                    "Status",
                    f"Die Fahrt am {ride.ride_date:%d.%m.%Y} um {ride.start_time:%H:%M} Uhr "
                    f"liegt in der Zukunft und kann noch nicht als {what} eingetragen werden.",
                )
            ]
        )


def _set_status(
    db: Database,
    ride_id: int,
    status: RideStatus,
    expected_version: int,
    *,
    km: Decimal | None = None,
    duration_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> PlannedRide:
    with db.session() as session, conflicts_reported(WHAT, ride_id):
        ride = load_for_update(session, Ride, ride_id, expected_version, WHAT)
        _refuse_future(ride, status, now)
        _lock_drivers(session, ride)
        changed = []
        if status == RideStatus.DONE:
            if ride.driver_id is None:
                raise ValidationError(
                    [
                        FieldError(
                            "driver_id",
                            "Fahrer/in",
                            "Eine erledigte Fahrt braucht eine/n Fahrer/in; bitte zuerst zuteilen.",
                        )
                    ]
                )
            if ride.km != km:
                ride.km = km
                changed.append("km")
            if duration_minutes is not None and ride.duration_minutes != duration_minutes:
                ride.duration_minutes = duration_minutes
                changed.append("duration_minutes")
        elif status != ride.status and ride.status == RideStatus.DONE:
            ride.km = None
            changed.append("km")
        if ride.status != status:
            ride.status = status
            changed.append("status")
        session.flush()
        _remove_foreign_entries(session, ride)
        if ride.driver_id is not None:
            sync_ride_hours(session, ride.driver_id, ride.ride_date)
        session.flush()
        if changed:
            audit.record(session, AuditAction.UPDATE, "ride", ride_id, changed)
        return ride_infos(session, [ride])[0]


def mark_done(
    db: Database,
    ride_id: int,
    *,
    km: Decimal | float | str,
    expected_version: int,
    duration_minutes: int | None = None,
    now: dt.datetime | None = None,
) -> PlannedRide:
    """Record the ride as done with its km (and its real length); books the driver's hours.

    A ride whose pick-up is still ahead (local time, ``now``) is refused."""
    value = _clean_km(km)
    if duration_minutes is not None and not 1 <= duration_minutes <= MAX_DURATION:
        raise ValidationError(
            [FieldError("duration_minutes", "Dauer", f"Bitte 1 bis {MAX_DURATION} Minuten.")]
        )
    return _set_status(
        db,
        ride_id,
        RideStatus.DONE,
        expected_version,
        km=value,
        duration_minutes=duration_minutes,
        now=now,
    )


def mark_cancelled(db: Database, ride_id: int, *, expected_version: int) -> PlannedRide:
    """Cancelled rides stay (replanning will not bring them back) and give no hours."""
    return _set_status(db, ride_id, RideStatus.CANCELLED, expected_version)


def mark_no_show(
    db: Database, ride_id: int, *, expected_version: int, now: dt.datetime | None = None
) -> PlannedRide:
    """The passenger was not there; the ride gives no hours (not before its pick-up)."""
    return _set_status(db, ride_id, RideStatus.NO_SHOW, expected_version, now=now)


def reopen_ride(db: Database, ride_id: int, *, expected_version: int) -> PlannedRide:
    """Undo done/cancelled/no-show: back to assigned (with a driver) or planned; hours go."""
    with db.read_session() as session:
        ride = session.get(Ride, ride_id)
        has_driver = ride is not None and ride.driver_id is not None
    status = RideStatus.ASSIGNED if has_driver else RideStatus.PLANNED
    return _set_status(db, ride_id, status, expected_version)

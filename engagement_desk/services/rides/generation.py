"""Generating a week's rides from the standing orders (idempotent).

A generated ride is identified by (standing order, date, outward/return).
Re-generating updates rides still open, creates missing ones, removes open
rides the order no longer wants (pause, holiday, end date) and never touches
rides that are done, cancelled or no-show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from engagement_desk.db import Database
from engagement_desk.models import (
    AgencySettings,
    Person,
    Ride,
    RidePassenger,
    RideService,
    StandingOrder,
)
from engagement_desk.models.enums import AuditAction, PersonStatus, RecordStatus, RideStatus
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.services import audit
from engagement_desk.services.rides.addresses import home_address, one_line
from engagement_desk.services.rides.calendar import IsoWeek, public_holidays
from engagement_desk.services.rides.week_lock import generation_lock

OPEN_STATUSES = (RideStatus.PLANNED, RideStatus.ASSIGNED)
FINAL_STATUSES = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW)
DEFAULT_BUNDESLAND = "RP"


@dataclass(frozen=True)
class Holiday:
    day: dt.date
    name: str


@dataclass(frozen=True)
class GenerationResult:
    week: str
    created: int
    updated: int
    removed: int
    kept: int
    skipped_for_holidays: int
    holidays: tuple[Holiday, ...]


@dataclass(frozen=True)
class _Wanted:
    order: StandingOrder
    day: dt.date
    is_return: bool
    start: dt.time
    pickup: str
    destination: str
    duration: int


def agency_bundesland(session: Session) -> str:
    settings = session.get(AgencySettings, SETTINGS_ID)
    return settings.bundesland if settings is not None else DEFAULT_BUNDESLAND


def week_holidays(session: Session, week: IsoWeek) -> tuple[Holiday, ...]:
    found = public_holidays(agency_bundesland(session), week.monday, week.sunday)
    return tuple(Holiday(day, name) for day, name in found.items())


def order_dates(order: StandingOrder, start: dt.date, end: dt.date) -> list[dt.date]:
    """Days in [start, end] on which the order's rule falls, within its validity, not paused."""
    first = max(start, order.valid_from)
    last = min(end, order.valid_to) if order.valid_to else end
    if first > last:
        return []
    rule = rrulestr(order.recurrence, dtstart=dt.datetime.combine(order.valid_from, dt.time()))
    days = [
        moment.date()
        for moment in rule.between(
            dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True
        )
    ]
    return [
        day
        for day in sorted(set(days))
        if not any(p.start_date <= day <= p.end_date for p in order.pauses)
    ]


def order_addresses(order: StandingOrder, passenger: Person) -> tuple[str, str]:
    """(pick-up, destination) of the outward trip; the return trip swaps them."""
    if order.pickup_street or order.pickup_city:
        pickup = one_line(order.pickup_street, order.pickup_postal_code, order.pickup_city)
    else:
        pickup = home_address(passenger)
    destination = one_line(
        order.destination_street,
        order.destination_postal_code,
        order.destination_city,
        order.destination_name,
    )
    return pickup, destination


def _wanted(
    session: Session, week: IsoWeek, services: dict[int, RideService], holidays: set[dt.date]
) -> tuple[dict[tuple[int, dt.date, bool], _Wanted], int]:
    orders = session.scalars(
        select(StandingOrder)
        .where(
            StandingOrder.service_id.in_(services),
            StandingOrder.valid_from <= week.sunday,
            (StandingOrder.valid_to.is_(None)) | (StandingOrder.valid_to >= week.monday),
        )
        .options(selectinload(StandingOrder.pauses))
    ).all()
    wanted: dict[tuple[int, dt.date, bool], _Wanted] = {}
    skipped = 0
    for order in orders:
        service = services[order.service_id]
        passenger = session.get(Person, order.passenger_id)
        if passenger is None or passenger.status != PersonStatus.ACTIVE:
            continue
        pickup, destination = order_addresses(order, passenger)
        for day in order_dates(order, week.monday, week.sunday):
            if str(day.weekday()) not in service.operating_days:
                continue
            if day in holidays and not service.runs_on_holidays:
                skipped += 1
                continue
            duration = service.default_duration_minutes
            wanted[order.id, day, False] = _Wanted(
                order, day, False, order.pickup_time, pickup, destination, duration
            )
            if order.return_time is not None:
                wanted[order.id, day, True] = _Wanted(
                    order, day, True, order.return_time, destination, pickup, duration
                )
    return wanted, skipped


def _refresh(ride: Ride, want: _Wanted) -> bool:
    order = want.order
    values = {
        "start_time": want.start,
        "duration_minutes": want.duration,
        "pickup_address": want.pickup[:300],
        "destination": want.destination[:300],
    }
    changed = False
    for name, value in values.items():
        if getattr(ride, name) != value:
            setattr(ride, name, value)
            changed = True
    needs = (order.wheelchair, order.rollator, order.escort)
    current = [p for p in ride.passengers if p.person_id == order.passenger_id]
    if not current:
        ride.passengers.append(RidePassenger(person_id=order.passenger_id))
        current = [ride.passengers[-1]]
        changed = True
    passenger = current[0]
    if (passenger.wheelchair, passenger.rollator, passenger.escort) != needs:
        passenger.wheelchair, passenger.rollator, passenger.escort = needs
        changed = True
    return changed


def generate_in_session(
    session: Session, week: IsoWeek, service_id: int | None = None
) -> GenerationResult:
    generation_lock(session, week)  # before reading what exists: see week_lock
    statement = select(RideService).where(RideService.status == RecordStatus.ACTIVE)
    if service_id is not None:
        statement = select(RideService).where(RideService.id == service_id)
    services = {s.id: s for s in session.scalars(statement)}
    holidays = week_holidays(session, week)
    wanted, skipped = _wanted(session, week, services, {h.day for h in holidays})
    existing = session.scalars(
        select(Ride)
        .where(
            Ride.standing_order_id.is_not(None),
            Ride.service_id.in_(services),
            Ride.ride_date.between(week.monday, week.sunday),
        )
        .options(selectinload(Ride.passengers))
    ).all()
    created = updated = removed = kept = 0
    seen: set[tuple[int, dt.date, bool]] = set()
    for ride in existing:
        key = (ride.standing_order_id, ride.ride_date, ride.is_return)
        want = wanted.get(key)  # type: ignore[arg-type]
        if ride.status in FINAL_STATUSES or key in seen:
            kept += 1
            seen.add(key)  # type: ignore[arg-type]
            continue
        seen.add(key)  # type: ignore[arg-type]
        if want is None:
            session.delete(ride)
            removed += 1
        elif _refresh(ride, want):
            updated += 1
    for key, want in wanted.items():
        if key in seen:
            continue
        order = want.order
        session.add(
            Ride(
                service_id=order.service_id,
                standing_order_id=order.id,
                is_return=want.is_return,
                ride_date=want.day,
                start_time=want.start,
                duration_minutes=want.duration,
                pickup_address=want.pickup[:300],
                destination=want.destination[:300],
                status=RideStatus.PLANNED,
                passengers=[
                    RidePassenger(
                        person_id=order.passenger_id,
                        wheelchair=order.wheelchair,
                        rollator=order.rollator,
                        escort=order.escort,
                    )
                ],
            )
        )
        created += 1
    session.flush()
    if created or updated or removed:
        audit.record(
            session,
            AuditAction.CREATE,
            "ride_week",
            None,
            [f"{week.label}: +{created} ~{updated} -{removed}"],
        )
    return GenerationResult(week.label, created, updated, removed, kept, skipped, holidays)


def generate_week(
    db: Database, week: IsoWeek, *, service_id: int | None = None
) -> GenerationResult:
    """Create the week's rides from standing orders; safe to repeat."""
    with db.session() as session:
        return generate_in_session(session, week, service_id)

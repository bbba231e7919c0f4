"""What the dispatcher's week view shows, read in pieces small enough for a 25,000-ride week.

``week_overview`` counts the week's rides per day and status in SQL (plus holidays
and standby drivers); ``day_rides`` reads one day's ride cards a batch at a time
(keyset paging on start time and ride number, the order the day column shows);
``open_rides`` gives the rides without a driver with the reason why, and only
reads the whole week when there are such rides.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from engagement_desk.db import Database
from engagement_desk.models import Person, Ride, RidePassenger, RideService, Vehicle
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.calendar import IsoWeek, local_end_time
from engagement_desk.services.rides.generation import Holiday, week_holidays
from engagement_desk.services.rides.planning import (
    PlannedRide,
    RidePassengerInfo,
    StandbyInfo,
    UnassignedRide,
    read_week_plan,
    standby_list,
)

DAY_BATCH = 60
"""Cards read per day and step: more than a tall screen shows."""


@dataclass(frozen=True)
class WeekOverview:
    """The week without its rides: how many per day and status, holidays, standby drivers."""

    week: str
    monday: dt.date
    sunday: dt.date
    service_id: int | None
    counts: tuple[tuple[dt.date, RideStatus, int], ...]
    holidays: tuple[Holiday, ...]
    standby: tuple[StandbyInfo, ...]
    open_without_driver: int
    """Open rides that have no driver (the rides the open-rides list explains)."""

    def rides_on(self, day: dt.date) -> int:
        return sum(n for d, _status, n in self.counts if d == day)

    @property
    def total(self) -> int:
        return sum(n for _day, _status, n in self.counts)

    def with_status(self, status: RideStatus) -> int:
        return sum(n for _day, s, n in self.counts if s == status)

    def holiday_name(self, day: dt.date) -> str:
        return next((h.name for h in self.holidays if h.day == day), "")


@dataclass(frozen=True)
class OpenRides:
    """The week's open rides without a driver, each with its reason, in day and time order."""

    rides: tuple[PlannedRide, ...]
    reasons: tuple[UnassignedRide, ...]


def _of_service(statement: Select, service_id: int | None) -> Select:
    return statement if service_id is None else statement.where(Ride.service_id == service_id)


def week_overview(db: Database, week: IsoWeek, *, service_id: int | None = None) -> WeekOverview:
    with db.read_session() as session:
        counts = session.execute(
            _of_service(
                select(Ride.ride_date, Ride.status, func.count())
                .where(Ride.ride_date.between(week.monday, week.sunday))
                .group_by(Ride.ride_date, Ride.status),
                service_id,
            )
        ).all()
        open_without_driver = session.scalar(
            _of_service(
                select(func.count()).where(
                    Ride.ride_date.between(week.monday, week.sunday),
                    Ride.status == RideStatus.PLANNED,
                    Ride.driver_id.is_(None),
                ),
                service_id,
            )
        )
        return WeekOverview(
            week=week.label,
            monday=week.monday,
            sunday=week.sunday,
            service_id=service_id,
            counts=tuple(sorted((day, status, n) for day, status, n in counts)),
            holidays=week_holidays(session, week),
            standby=tuple(
                s
                for s in standby_list(session, week.monday, week.sunday)
                if service_id is None or s.service_id == service_id
            ),
            open_without_driver=int(open_without_driver or 0),
        )


def day_rides(
    db: Database,
    day: dt.date,
    *,
    service_id: int | None = None,
    after: tuple[dt.time, int] | None = None,
    through: tuple[dt.time, int] | None = None,
    limit: int | None = DAY_BATCH,
) -> tuple[PlannedRide, ...]:
    """The day's rides by start time and number: those after ``after`` (start time, ride
    number), at most ``limit`` of them, or with ``through`` every one up to that ride."""
    statement = _of_service(select(Ride.id).where(Ride.ride_date == day), service_id)
    if after is not None:
        start, ride_id = after
        statement = statement.where(
            or_(Ride.start_time > start, and_(Ride.start_time == start, Ride.id > ride_id))
        )
    if through is not None:
        start, ride_id = through
        statement = statement.where(
            or_(Ride.start_time < start, and_(Ride.start_time == start, Ride.id <= ride_id))
        )
    elif limit is not None:
        statement = statement.limit(limit)
    statement = statement.order_by(Ride.start_time, Ride.id)
    with db.read_session() as session:
        return _cards(session, session.scalars(statement).all())


def rides_by_id(db: Database, ride_ids: Iterable[int]) -> tuple[PlannedRide, ...]:
    """These rides' cards (missing ones left out), by day, time and number."""
    with db.read_session() as session:
        return _cards(session, sorted(set(ride_ids)))


def open_rides(db: Database, week: IsoWeek, *, service_id: int | None = None) -> OpenRides:
    """The open rides without a driver and why; the reasons need the whole week's problem."""
    with db.read_session() as session:
        any_open = session.scalar(
            _of_service(
                select(Ride.id)
                .where(
                    Ride.ride_date.between(week.monday, week.sunday),
                    Ride.status == RideStatus.PLANNED,
                    Ride.driver_id.is_(None),
                )
                .limit(1),
                service_id,
            )
        )
    if any_open is None:
        return OpenRides((), ())
    plan = read_week_plan(db, week, service_id=service_id)
    reasons = {u.ride_id: u for u in plan.unassigned}
    rides = tuple(r for r in plan.rides if r.id in reasons)
    return OpenRides(rides, tuple(reasons[r.id] for r in rides))


def _cards(session: Session, ride_ids: Sequence[int]) -> tuple[PlannedRide, ...]:
    """Rides as the week view shows them: three queries for any number of rides."""
    if not ride_ids:
        return ()
    driver = aliased(Person)
    rows = session.execute(
        select(
            Ride,
            RideService.name,
            driver.first_name,
            driver.last_name,
            Vehicle.label,
        )
        .join(RideService, RideService.id == Ride.service_id)
        .outerjoin(driver, driver.id == Ride.driver_id)
        .outerjoin(Vehicle, Vehicle.id == Ride.vehicle_id)
        .where(Ride.id.in_(ride_ids))
        .order_by(Ride.ride_date, Ride.start_time, Ride.id)
    ).all()
    passengers: dict[int, list[RidePassengerInfo]] = defaultdict(list)
    for (
        ride_id,
        person_id,
        first,
        last,
        phone,
        mobile,
        wheelchair,
        rollator,
        escort,
    ) in session.execute(
        select(
            RidePassenger.ride_id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.phone,
            Person.mobile,
            RidePassenger.wheelchair,
            RidePassenger.rollator,
            RidePassenger.escort,
        )
        .join(Person, Person.id == RidePassenger.person_id)
        .where(RidePassenger.ride_id.in_(ride_ids))
        .order_by(RidePassenger.ride_id, Person.id)
    ):
        passengers[ride_id].append(
            RidePassengerInfo(
                person_id,
                _joined(" ", first, last),
                _joined(" / ", phone, mobile),
                wheelchair,
                rollator,
                escort,
            )
        )
    return tuple(
        PlannedRide(
            id=ride.id,
            version=ride.version,
            service_id=ride.service_id,
            service_name=service_name,
            ride_date=ride.ride_date,
            start_time=ride.start_time,
            end_time=local_end_time(ride.ride_date, ride.start_time, ride.duration_minutes),
            duration_minutes=ride.duration_minutes,
            is_return=ride.is_return,
            standing_order_id=ride.standing_order_id,
            pickup_address=ride.pickup_address,
            destination=ride.destination,
            passengers=tuple(passengers.get(ride.id, ())),
            driver_id=ride.driver_id,
            driver_name=_joined(" ", first, last) if ride.driver_id is not None else "",
            vehicle_id=ride.vehicle_id,
            vehicle_label=(label or "") if ride.vehicle_id is not None else "",
            status=ride.status,
            assigned_manually=ride.assigned_manually,
            km="" if ride.km is None else f"{ride.km:.1f}",
            notes=ride.notes,
        )
        for ride, service_name, first, last, label in rows
    )


def _joined(separator: str, *parts: str | None) -> str:
    return separator.join(p for p in parts if p)

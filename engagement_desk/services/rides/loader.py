"""Reading the planning problem of a week from the database."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from engagement_desk.models import (
    Absence,
    Availability,
    DriverPreference,
    DriverProfile,
    Person,
    PersonRole,
    Ride,
    RidePassenger,
    StandbyDriver,
    Vehicle,
)
from engagement_desk.models.enums import PersonStatus, RecordStatus, RideStatus, Role
from engagement_desk.services.rides.addresses import address_key
from engagement_desk.services.rides.calendar import IsoWeek, ride_span, window_span
from engagement_desk.services.rides.model import (
    BUFFER_MINUTES,
    BUNDLE_WINDOW_MINUTES,
    FixedRide,
    PlanDriver,
    PlanningProblem,
    PlanRide,
)

DEFAULT_MAX_RIDES = 5


@dataclass(frozen=True)
class WeekSnapshot:
    """The problem plus what is needed to write the answer back safely."""

    problem: PlanningProblem
    versions: dict[int, int]
    """Version of every ride the solver may (re)assign, as read."""
    vehicles: dict[int, int | None]
    """Driver id → vehicle id from the driver profile."""


def plan_ride(ride: Ride, group: int) -> PlanRide:
    span = ride_span(ride.ride_date, ride.start_time, ride.duration_minutes)
    wheelchairs = sum(1 for p in ride.passengers if p.wheelchair)
    return PlanRide(
        id=ride.id,
        day=ride.ride_date,
        start=span.start,
        end=span.end,
        group=group,
        seats=len(ride.passengers) - wheelchairs,
        wheelchairs=wheelchairs,
        passengers=frozenset(p.person_id for p in ride.passengers),
        service_id=ride.service_id,
    )


def bundle_groups(rides: Iterable[Ride]) -> dict[int, int]:
    """Ride id → group: same service, day, direction and meeting point, pick-ups close together.

    The meeting point is the destination of an outward trip and the pick-up
    place of a return trip (everyone is collected at the market again).
    """
    by_key: dict[tuple, list[Ride]] = defaultdict(list)
    groups: dict[int, int] = {}
    for ride in rides:
        place = address_key(ride.pickup_address if ride.is_return else ride.destination)
        if not place:
            groups[ride.id] = ride.id
            continue
        by_key[ride.service_id, ride.ride_date, ride.is_return, place].append(ride)
    for members in by_key.values():
        members.sort(key=lambda r: (r.start_time, r.id))
        first = None
        for ride in members:
            start = ride_span(ride.ride_date, ride.start_time, 1).start
            if first is None or start - first[0] > BUNDLE_WINDOW_MINUTES:
                first = (start, ride.id)
            groups[ride.id] = first[1]
    return groups


def is_plannable(ride: Ride, service_ids: set[int] | None) -> bool:
    return (
        ride.status in (RideStatus.PLANNED, RideStatus.ASSIGNED)
        and not ride.assigned_manually
        and (service_ids is None or ride.service_id in service_ids)
    )


def load_drivers(session: Session, week: IsoWeek) -> tuple[list[PlanDriver], dict[int, int | None]]:
    people = session.scalars(
        select(Person)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(PersonRole.role == Role.DRIVER, Person.status == PersonStatus.ACTIVE)
        .order_by(Person.id)
    ).all()
    ids = [p.id for p in people]
    profiles = {p.person_id: p for p in session.scalars(select(DriverProfile))}
    vehicles = {v.id: v for v in session.scalars(select(Vehicle))}
    windows: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for slot in session.scalars(select(Availability).where(Availability.person_id.in_(ids))):
        for day in week.days:
            if day.weekday() == slot.weekday:
                span = window_span(day, slot.start_time, slot.end_time)
                windows[slot.person_id].append((span.start, span.end))
    absent: dict[int, set[dt.date]] = defaultdict(set)
    for absence in session.scalars(
        select(Absence).where(
            Absence.person_id.in_(ids),
            Absence.start_date <= week.sunday,
            Absence.end_date >= week.monday,
        )
    ):
        for day in week.days:
            if absence.start_date <= day <= absence.end_date:
                absent[absence.person_id].add(day)
    preferred: dict[int, set[int]] = defaultdict(set)
    for preference in session.scalars(select(DriverPreference)):
        preferred[preference.driver_id].add(preference.passenger_id)
    standby: dict[int, set[dt.date]] = defaultdict(set)
    for entry in session.scalars(
        select(StandbyDriver).where(StandbyDriver.on_date.between(week.monday, week.sunday))
    ):
        standby[entry.driver_id].add(entry.on_date)
    drivers, vehicle_of = [], {}
    for person in people:
        profile = profiles.get(person.id)
        vehicle = vehicles.get(profile.vehicle_id) if profile and profile.vehicle_id else None
        if vehicle is not None and vehicle.status != RecordStatus.ACTIVE:
            vehicle = None
        vehicle_of[person.id] = vehicle.id if vehicle else None
        drivers.append(
            PlanDriver(
                id=person.id,
                max_trips=profile.max_rides_per_week if profile else DEFAULT_MAX_RIDES,
                seats=vehicle.seats if vehicle else 0,
                wheelchair_spaces=vehicle.wheelchair_spaces if vehicle else 0,
                windows=tuple(sorted(windows[person.id])),
                absent_days=frozenset(absent[person.id]),
                preferred_passengers=frozenset(preferred[person.id]),
                standby_days=frozenset(standby[person.id]),
                has_vehicle=vehicle is not None,
            )
        )
    return drivers, vehicle_of


def week_rides(session: Session, week: IsoWeek) -> list[Ride]:
    return list(
        session.scalars(
            select(Ride)
            .where(Ride.ride_date.between(week.monday, week.sunday))
            .options(selectinload(Ride.passengers))
            .order_by(Ride.ride_date, Ride.start_time, Ride.id)
        )
    )


@dataclass(frozen=True)
class _Aboard:
    person_id: int
    wheelchair: bool


@dataclass(frozen=True)
class _RideRow:
    """The columns of a ride that planning reads (``bundle_groups``/``plan_ride`` take it
    like a Ride): thousands of rides without ORM objects."""

    id: int
    ride_date: dt.date
    start_time: dt.time
    duration_minutes: int
    service_id: int
    status: RideStatus
    assigned_manually: bool
    driver_id: int | None
    version: int
    is_return: bool
    pickup_address: str
    destination: str
    passengers: tuple[_Aboard, ...]


def _week_ride_rows(session: Session, week: IsoWeek) -> list[_RideRow]:
    in_week = Ride.ride_date.between(week.monday, week.sunday)
    aboard: dict[int, list[_Aboard]] = defaultdict(list)
    for ride_id, person_id, wheelchair in session.execute(
        select(RidePassenger.ride_id, RidePassenger.person_id, RidePassenger.wheelchair)
        .join(Ride, Ride.id == RidePassenger.ride_id)
        .where(in_week)
        .order_by(RidePassenger.ride_id, RidePassenger.person_id)
    ):
        aboard[ride_id].append(_Aboard(person_id, wheelchair))
    rows = session.execute(
        select(
            Ride.id,
            Ride.ride_date,
            Ride.start_time,
            Ride.duration_minutes,
            Ride.service_id,
            Ride.status,
            Ride.assigned_manually,
            Ride.driver_id,
            Ride.version,
            Ride.is_return,
            Ride.pickup_address,
            Ride.destination,
        )
        .where(in_week)
        .order_by(Ride.ride_date, Ride.start_time, Ride.id)
    )
    return [_RideRow(*row, passengers=tuple(aboard.get(row[0], ()))) for row in rows]


def load_week(session: Session, week: IsoWeek, service_id: int | None = None) -> WeekSnapshot:
    """The week as a planning problem: open automatic rides to plan, the rest fixed."""
    service_ids = None if service_id is None else {service_id}
    rides = _week_ride_rows(session, week)
    live = [r for r in rides if r.status != RideStatus.CANCELLED]
    groups = bundle_groups(live)  # type: ignore[arg-type]
    drivers, vehicle_of = load_drivers(session, week)
    plannable, fixed, previous, versions = [], [], {}, {}
    for ride in live:
        item = plan_ride(ride, groups[ride.id])  # type: ignore[arg-type]
        if is_plannable(ride, service_ids):  # type: ignore[arg-type]
            plannable.append(item)
            versions[ride.id] = ride.version
            if ride.driver_id is not None:
                previous[ride.id] = ride.driver_id
        elif ride.driver_id is not None:
            fixed.append(FixedRide(item, ride.driver_id))
    problem = PlanningProblem(
        rides=tuple(plannable),
        drivers=tuple(drivers),
        fixed=tuple(fixed),
        previous=previous,
        buffer_minutes=BUFFER_MINUTES,
    )
    return WeekSnapshot(problem, versions, vehicle_of)

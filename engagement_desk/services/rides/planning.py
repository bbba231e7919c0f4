"""Planning a week: generate the rides, assign drivers, say why a ride stayed open.

``plan_week`` works in three short steps so that no write lock is held while
the solver thinks: (1) generate the week's rides and read the problem,
(2) solve, (3) write the drivers back — all or nothing, and only if no ride
changed at another workstation in between (else ConflictError). On PostgreSQL
the week is held over all three steps (``week_lock.planning_lock``): a second
workstation planning it at the same time is told so and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Person, Ride, RideService, StandbyDriver, Vehicle
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.errors import ConflictError
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.records import conflicts_reported
from engagement_desk.services.rides.addresses import display_name, phone_numbers
from engagement_desk.services.rides.calendar import IsoWeek, local_end_time
from engagement_desk.services.rides.generation import (
    GenerationResult,
    Holiday,
    generate_in_session,
    week_holidays,
)
from engagement_desk.services.rides.loader import WeekSnapshot, load_week, week_rides
from engagement_desk.services.rides.model import (
    DEFAULT_TIME_LIMIT_SECONDS,
    PlanningProblem,
    PlanningSolution,
)
from engagement_desk.services.rides.plan_marks import label_unplanned, record_planned
from engagement_desk.services.rides.reasons import unassigned_reasons
from engagement_desk.services.rides.week_lock import planning_lock
from engagement_desk.services.wording import count_phrase

if TYPE_CHECKING:
    from engagement_desk.services.rides.solver import SolveProgress


@dataclass(frozen=True)
class RidePassengerInfo:
    person_id: int
    name: str
    phone: str
    wheelchair: bool
    rollator: bool
    escort: bool


@dataclass(frozen=True)
class PlannedRide:
    id: int
    version: int
    service_id: int
    service_name: str
    ride_date: dt.date
    start_time: dt.time
    end_time: dt.time
    duration_minutes: int
    is_return: bool
    standing_order_id: int | None
    pickup_address: str
    destination: str
    passengers: tuple[RidePassengerInfo, ...]
    driver_id: int | None
    driver_name: str
    vehicle_id: int | None
    vehicle_label: str
    status: RideStatus
    assigned_manually: bool
    km: str
    notes: str

    @property
    def passenger_names(self) -> str:
        return ", ".join(p.name for p in self.passengers)


@dataclass(frozen=True)
class UnassignedRide:
    ride_id: int
    code: str
    reason: str


@dataclass(frozen=True)
class StandbyInfo:
    service_id: int
    service_name: str
    day: dt.date
    driver_id: int
    driver_name: str
    phone: str


@dataclass(frozen=True)
class WeekPlan:
    week: str
    monday: dt.date
    sunday: dt.date
    service_id: int | None
    rides: tuple[PlannedRide, ...]
    unassigned: tuple[UnassignedRide, ...]
    holidays: tuple[Holiday, ...]
    standby: tuple[StandbyInfo, ...]
    generation: GenerationResult | None = None
    proven_maximum: bool | None = None
    """After planning: whether the number of assigned rides is proven to be the maximum."""
    seconds: float = 0.0
    stopped: bool = False
    """Planning was cancelled while solving; the best plan found until then was saved."""
    could_add: int = 0
    """After planning without proof: how many rides a better plan could at most add."""

    @property
    def outcome(self) -> str:
        """What planning achieved, in German; empty before planning."""
        if self.proven_maximum is None:
            return ""
        if self.proven_maximum:
            text = "Bewiesen: die höchstmögliche Zahl an Fahrten ist zugeteilt"
        elif self.could_add:
            more = count_phrase(self.could_add, "Fahrt", "Fahrten")
            text = f"Nicht bewiesen, dass mehr nicht geht: höchstens {more} mehr möglich"
        else:
            text = "Nicht bewiesen, dass mehr nicht geht"
        if self.stopped:
            text += "; die Planung wurde abgebrochen, der beste bis dahin gefundene Plan gilt"
        return text + f" ({self.seconds:.1f} s)."

    def rides_on(self, day: dt.date) -> tuple[PlannedRide, ...]:
        return tuple(r for r in self.rides if r.ride_date == day)

    def holiday_name(self, day: dt.date) -> str:
        return next((h.name for h in self.holidays if h.day == day), "")


def ride_infos(session: Session, rides: list[Ride]) -> list[PlannedRide]:
    person_ids = {p.person_id for r in rides for p in r.passengers}
    person_ids |= {r.driver_id for r in rides if r.driver_id is not None}
    people = (
        {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))}
        if person_ids
        else {}
    )
    services = {s.id: s.name for s in session.scalars(select(RideService))}
    vehicle_ids = {r.vehicle_id for r in rides if r.vehicle_id is not None}
    vehicles = (
        {v.id: v.label for v in session.scalars(select(Vehicle).where(Vehicle.id.in_(vehicle_ids)))}
        if vehicle_ids
        else {}
    )
    infos = []
    for ride in rides:
        passengers = tuple(
            RidePassengerInfo(
                p.person_id,
                display_name(people[p.person_id]),
                phone_numbers(people[p.person_id]),
                p.wheelchair,
                p.rollator,
                p.escort,
            )
            for p in sorted(ride.passengers, key=lambda p: p.person_id)
        )
        driver = people.get(ride.driver_id) if ride.driver_id else None
        infos.append(
            PlannedRide(
                id=ride.id,
                version=ride.version,
                service_id=ride.service_id,
                service_name=services.get(ride.service_id, ""),
                ride_date=ride.ride_date,
                start_time=ride.start_time,
                end_time=local_end_time(ride.ride_date, ride.start_time, ride.duration_minutes),
                duration_minutes=ride.duration_minutes,
                is_return=ride.is_return,
                standing_order_id=ride.standing_order_id,
                pickup_address=ride.pickup_address,
                destination=ride.destination,
                passengers=passengers,
                driver_id=ride.driver_id,
                driver_name=display_name(driver) if driver else "",
                vehicle_id=ride.vehicle_id,
                vehicle_label=vehicles.get(ride.vehicle_id, "") if ride.vehicle_id else "",
                status=ride.status,
                assigned_manually=ride.assigned_manually,
                km="" if ride.km is None else f"{ride.km:.1f}",
                notes=ride.notes,
            )
        )
    return infos


def standby_list(session: Session, start: dt.date, end: dt.date) -> tuple[StandbyInfo, ...]:
    rows = session.execute(
        select(StandbyDriver, RideService.name, Person)
        .join(RideService, RideService.id == StandbyDriver.service_id)
        .join(Person, Person.id == StandbyDriver.driver_id)
        .where(StandbyDriver.on_date.between(start, end))
        .order_by(StandbyDriver.on_date, RideService.name_key)
    ).all()
    return tuple(
        StandbyInfo(
            entry.service_id,
            name,
            entry.on_date,
            person.id,
            display_name(person),
            phone_numbers(person),
        )
        for entry, name, person in rows
    )


def _week_plan(
    session: Session,
    week: IsoWeek,
    service_id: int | None,
    snapshot: WeekSnapshot,
    assignment: Mapping[int, int],
    **extra,
) -> WeekPlan:
    rides = [
        r for r in week_rides(session, week) if service_id is None or r.service_id == service_id
    ]
    # A ride no planning has seen yet is "noch nicht geplant", not a planning problem.
    reasons = unassigned_reasons(snapshot.problem, assignment)
    reasons = label_unplanned(session, week, rides, reasons)
    return WeekPlan(
        week=week.label,
        monday=week.monday,
        sunday=week.sunday,
        service_id=service_id,
        rides=tuple(ride_infos(session, rides)),
        unassigned=tuple(UnassignedRide(r.ride_id, r.code, r.text) for r in reasons),
        holidays=week_holidays(session, week),
        standby=tuple(
            s
            for s in standby_list(session, week.monday, week.sunday)
            if service_id is None or s.service_id == service_id
        ),
        **extra,
    )


def read_week_plan(db: Database, week: IsoWeek, *, service_id: int | None = None) -> WeekPlan:
    """The week as it stands, with the reason for every open ride; changes nothing."""
    with db.read_session() as session:
        snapshot = load_week(session, week, service_id)
        assignment = {
            ride.id: driver_id
            for ride in snapshot.problem.rides
            if (driver_id := snapshot.problem.previous.get(ride.id)) is not None
        }
        return _week_plan(session, week, service_id, snapshot, assignment)


def _write_assignment(
    session: Session, snapshot: WeekSnapshot, assignment: Mapping[int, int]
) -> None:
    ids = list(snapshot.versions)
    rides = {r.id: r for r in session.scalars(select(Ride).where(Ride.id.in_(ids)))} if ids else {}
    for ride_id, version in snapshot.versions.items():
        ride = rides.get(ride_id)
        if ride is None or ride.version != version:
            raise ConflictError(
                f"Fahrt Nr. {ride_id} wurde während der Planung an einem anderen Arbeitsplatz "
                "geändert oder gelöscht. Bitte die Woche noch einmal planen."
            )
        driver_id = assignment.get(ride_id)
        vehicle_id = snapshot.vehicles.get(driver_id) if driver_id is not None else None
        status = RideStatus.ASSIGNED if driver_id is not None else RideStatus.PLANNED
        if (ride.driver_id, ride.vehicle_id, ride.status) != (driver_id, vehicle_id, status):
            ride.driver_id, ride.vehicle_id, ride.status = driver_id, vehicle_id, status
    session.flush()


@dataclass(frozen=True)
class WeekPlanState:
    """What ``Woche planen`` asks about before it starts."""

    planned: bool
    """Some ride of the week already has a driver."""
    manual: int
    """Open rides whose driver was chosen by hand."""


def week_plan_state(db: Database, week: IsoWeek, *, service_id: int | None = None) -> WeekPlanState:
    with db.read_session() as session:
        open_rides = [
            Ride.ride_date.between(week.monday, week.sunday),
            Ride.status.in_((RideStatus.PLANNED, RideStatus.ASSIGNED)),
        ]
        if service_id is not None:
            open_rides.append(Ride.service_id == service_id)
        assigned = session.scalar(
            select(func.count()).where(*open_rides, Ride.driver_id.is_not(None))
        )
        manual = session.scalar(
            select(func.count()).where(
                *open_rides, Ride.driver_id.is_not(None), Ride.assigned_manually.is_(True)
            )
        )
        return WeekPlanState(bool(assigned), int(manual or 0))


def _release_manual(session: Session, week: IsoWeek, service_id: int | None) -> int:
    """Open rides assigned by hand become the solver's to assign again."""
    statement = select(Ride).where(
        Ride.ride_date.between(week.monday, week.sunday),
        Ride.status.in_((RideStatus.PLANNED, RideStatus.ASSIGNED)),
        Ride.assigned_manually.is_(True),
    )
    if service_id is not None:
        statement = statement.where(Ride.service_id == service_id)
    rides = session.scalars(statement).all()
    for ride in rides:
        ride.assigned_manually = False
    session.flush()
    return len(rides)


# Progress steps out of PROGRESS_TOTAL: generating, loading, solving (by time), saving.
PROGRESS_TOTAL = 100
_LOADED, _SOLVING_END = 15, 90


def solve(problem: PlanningProblem, **options) -> PlanningSolution:
    """The solver, imported when a week is planned: ortools (and the pandas it
    brings) would otherwise load when the Fahrdienst tab only shows the week."""
    from engagement_desk.services.rides.solver import solve as solve_problem

    return solve_problem(problem, **options)


def plan_week(
    db: Database,
    week: IsoWeek,
    *,
    service_id: int | None = None,
    progress: Progress = NO_PROGRESS,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    keep_manual: bool = True,
) -> WeekPlan:
    """Generate the week's rides, assign drivers automatically and return the plan.

    Rides done, cancelled or no-show keep their driver, and so do rides assigned
    by hand unless ``keep_manual`` is False (then the solver assigns them anew);
    with ``service_id`` only that service's rides are (re)assigned, the others stay.
    Cancelled before solving: ``Cancelled``; while solving: the best plan found
    so far is saved and ``WeekPlan.stopped`` says so.
    """
    step(progress, 0, PROGRESS_TOTAL, "Fahrten der Woche erzeugen …")
    with planning_lock(db, week):
        with db.session() as session:
            generation = generate_in_session(session, week, service_id)
            if not keep_manual:
                _release_manual(session, week, service_id)
            step(progress, 5, PROGRESS_TOTAL, "Fahrten, Fahrer/innen und Zeiten laden …")
            snapshot = load_week(session, week, service_id)
        rides = len(snapshot.problem.rides)
        counted = count_phrase(rides, "Fahrt", "Fahrten")
        step(progress, _LOADED, PROGRESS_TOTAL, f"Fahrer/innen zuteilen ({counted}) …")

        def tick(state: SolveProgress) -> None:
            share = max(
                state.seconds / max(time_limit, 0.1),
                state.parts_done / state.parts if state.parts else 0.0,
            )
            done = _LOADED + round(min(1.0, share) * (_SOLVING_END - _LOADED))
            if state.assigned is None:
                so_far = counted
            else:
                so_far = f"bisher {state.assigned} von {counted} zugeteilt"
                if state.bound is not None and state.bound > state.assigned:
                    so_far += f", höchstens {state.bound} möglich"
            progress.report(
                done, PROGRESS_TOTAL, f"Fahrer/innen zuteilen: {so_far} ({state.seconds:.1f} s) …"
            )

        solution = solve(
            snapshot.problem,
            time_limit=time_limit,
            should_stop=lambda: progress.cancelled,
            tick=tick,
        )
        # Cancelled while solving: the best plan so far is saved, not thrown away.
        progress.report(_SOLVING_END, PROGRESS_TOTAL, "Plan speichern …")
        with db.session() as session, conflicts_reported("Fahrt", 0):
            _write_assignment(session, snapshot, solution.assignment)
            record_planned(session, week, service_id)
            plan = _week_plan(
                session,
                week,
                service_id,
                snapshot,
                solution.assignment,
                generation=generation,
                proven_maximum=solution.optimal,
                seconds=solution.seconds,
                stopped=solution.stopped,
                could_add=solution.could_add,
            )
    progress.report(PROGRESS_TOTAL, PROGRESS_TOTAL, "Fertig.")
    return plan

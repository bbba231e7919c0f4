"""The hard rules of a plan, one place for the solver, the reasons, overrides and tests."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from engagement_desk.services.rides.model import (
    PlanDriver,
    PlanningProblem,
    PlanRide,
)


class Rule(StrEnum):
    ABSENT = "absent"
    UNAVAILABLE = "unavailable"
    NO_VEHICLE = "no_vehicle"
    SEATS = "seats"
    WHEELCHAIR = "wheelchair"
    WEEKLY_MAX = "weekly_max"
    OVERLAP = "overlap"
    CAR_FULL = "car_full"
    EVENT = "event"  # registered for an event at that time (a warning on overrides)


STATIC_ORDER = (Rule.ABSENT, Rule.UNAVAILABLE, Rule.NO_VEHICLE, Rule.WHEELCHAIR, Rule.SEATS)


@dataclass(frozen=True)
class Violation:
    rule: Rule
    driver_id: int
    ride_ids: tuple[int, ...]


def covered(ride: PlanRide, driver: PlanDriver) -> bool:
    return any(start <= ride.start and ride.end <= end for start, end in driver.windows)


def static_violations(ride: PlanRide, driver: PlanDriver) -> list[Rule]:
    """Rules the driver breaks with this ride alone, whatever else the plan holds."""
    broken = []
    if ride.day in driver.absent_days:
        broken.append(Rule.ABSENT)
    if not covered(ride, driver):
        broken.append(Rule.UNAVAILABLE)
    if not driver.has_vehicle:
        broken.append(Rule.NO_VEHICLE)
    else:
        if ride.wheelchairs > driver.wheelchair_spaces:
            broken.append(Rule.WHEELCHAIR)
        if ride.seats > driver.seats:
            broken.append(Rule.SEATS)
    return broken


def trips(rides: Iterable[PlanRide]) -> int:
    """Rides that share a car (same group) count as one trip."""
    return len({ride.group for ride in rides})


def load_excess(rides: list[PlanRide], driver: PlanDriver) -> tuple[int, ...]:
    """Ride ids in the car at a moment when seats or wheelchair spaces do not suffice."""
    for ride in rides:
        aboard = [other for other in rides if other.start <= ride.start < other.end]
        seats = sum(other.seats for other in aboard)
        wheelchairs = sum(other.wheelchairs for other in aboard)
        if len(aboard) > 1 and (seats > driver.seats or wheelchairs > driver.wheelchair_spaces):
            return tuple(sorted(other.id for other in aboard))
    return ()


def plan_violations(
    problem: PlanningProblem, assignment: Mapping[int, int], *, include_fixed: bool = True
) -> list[Violation]:
    """Every hard rule the plan breaks: fixed rides plus ``assignment`` (ride id → driver id)."""
    by_id = {ride.id: ride for ride in problem.rides}
    drivers = {driver.id: driver for driver in problem.drivers}
    per_driver: dict[int, list[PlanRide]] = defaultdict(list)
    if include_fixed:
        for fixed in problem.fixed:
            per_driver[fixed.driver_id].append(fixed.ride)
    for ride_id, driver_id in assignment.items():
        per_driver[driver_id].append(by_id[ride_id])
    found: list[Violation] = []
    for driver_id, rides in per_driver.items():
        driver = drivers[driver_id]
        rides.sort(key=lambda r: (r.start, r.id))
        for ride in rides:
            found.extend(
                Violation(rule, driver_id, (ride.id,)) for rule in static_violations(ride, driver)
            )
        if trips(rides) > driver.max_trips:
            found.append(Violation(Rule.WEEKLY_MAX, driver_id, tuple(r.id for r in rides)))
        for index, first in enumerate(rides):
            for second in rides[index + 1 :]:
                if first.group != second.group and first.overlaps(second, problem.buffer_minutes):
                    found.append(Violation(Rule.OVERLAP, driver_id, (first.id, second.id)))
        if driver.has_vehicle and (crowded := load_excess(rides, driver)):
            found.append(Violation(Rule.CAR_FULL, driver_id, crowded))
    return found

"""Rides that are interchangeable for the plan, who may take them, and independent parts.

Rides of one tour with the same times and the same needs (seats, wheelchairs)
are one *class*: every rule treats them alike, so the solver decides how many
of them each driver takes, not which. A week of the large demo has 24,000 rides
but only a few hundred classes. Eligibility is computed per class and driver
window, never per pair of rides.

Components: classes that share no driver can be planned apart. A driver whose
weekly maximum cannot be reached by the rides they could take at all does not
tie their days together.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.model import PlanDriver, PlanningProblem, PlanRide
from engagement_desk.services.rides.rules import static_violations


@dataclass(frozen=True)
class RideClass:
    index: int
    sample: PlanRide
    """One of the rides: its group, day, times, seats and wheelchairs stand for all."""
    ride_ids: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.ride_ids)


@dataclass
class DriverState:
    driver: PlanDriver
    fixed: list[PlanRide] = field(default_factory=list)
    fixed_groups: set[int] = field(default_factory=set)

    def free_trips(self) -> int:
        return max(0, self.driver.max_trips - len(self.fixed_groups))


@dataclass
class Eligibility:
    classes: list[RideClass]
    drivers: dict[int, DriverState]
    cap: dict[tuple[int, int], int]
    """(class index, driver id) → most rides of the class this driver can take at once."""
    by_driver: dict[int, list[int]]
    """Driver id → eligible class indices, by start."""

    def trivial_bound(self) -> int:
        """Rides some driver could take at all: an upper bound found in no time."""
        reach: dict[int, int] = defaultdict(int)
        for (index, _driver), cap in self.cap.items():
            reach[index] += cap
        return sum(min(self.classes[i].size, total) for i, total in reach.items())


def ride_classes(rides: tuple[PlanRide, ...]) -> list[RideClass]:
    members: dict[tuple, list[PlanRide]] = defaultdict(list)
    for ride in rides:
        members[ride.group, ride.day, ride.start, ride.end, ride.seats, ride.wheelchairs].append(
            ride
        )
    ordered = sorted(members.values(), key=lambda rs: (rs[0].start, rs[0].end, rs[0].group))
    return [
        RideClass(index, rs[0], tuple(sorted(r.id for r in rs))) for index, rs in enumerate(ordered)
    ]


def _fits_with_fixed(ride: PlanRide, state: DriverState, buffer: int) -> bool:
    if ride.group not in state.fixed_groups and state.free_trips() == 0:
        return False
    same_group = []
    for other in state.fixed:
        if other.group != ride.group:
            if ride.overlaps(other, buffer):
                return False
        else:
            same_group.append(other)
    together = [ride, *same_group]
    driver = state.driver
    for moment in together:
        aboard = [r for r in together if r.start <= moment.start < r.end]
        if len(aboard) > 1 and (
            sum(r.seats for r in aboard) > driver.seats
            or sum(r.wheelchairs for r in aboard) > driver.wheelchair_spaces
        ):
            return False
    return True


def _cap(cls: RideClass, driver: PlanDriver) -> int:
    cap = cls.size
    if cls.sample.seats:
        cap = min(cap, max(1, driver.seats // cls.sample.seats))
    if cls.sample.wheelchairs:
        cap = min(cap, max(1, driver.wheelchair_spaces // cls.sample.wheelchairs))
    return cap


def eligibility(problem: PlanningProblem, stop: Callable[[], bool] = lambda: False) -> Eligibility:
    """Which driver may take which class, by the static rules and the fixed rides."""
    classes = ride_classes(problem.rides)
    states = {d.id: DriverState(d) for d in problem.drivers}
    for fixed in problem.fixed:
        if (state := states.get(fixed.driver_id)) is not None:
            state.fixed.append(fixed.ride)
            state.fixed_groups.add(fixed.ride.group)
    by_day: dict[dt.date, list[RideClass]] = defaultdict(list)
    for cls in classes:
        by_day[cls.sample.day].append(cls)
    starts = {day: [c.sample.start for c in members] for day, members in by_day.items()}
    cap: dict[tuple[int, int], int] = {}
    by_driver: dict[int, list[int]] = {}
    buffer = problem.buffer_minutes
    for state in states.values():
        if stop():
            raise Cancelled()
        driver = state.driver
        if not driver.has_vehicle:
            continue
        found: set[int] = set()
        for begin, end in driver.windows:
            for day, members in by_day.items():
                if day in driver.absent_days:
                    continue
                day_starts = starts[day]
                at = bisect.bisect_left(day_starts, begin)
                while at < len(members) and day_starts[at] < end:
                    cls = members[at]
                    at += 1
                    if cls.index in found or cls.sample.end > end:
                        continue
                    if static_violations(cls.sample, driver):
                        continue
                    if state.fixed and not _fits_with_fixed(cls.sample, state, buffer):
                        continue
                    if not state.fixed and state.free_trips() == 0:
                        continue
                    found.add(cls.index)
                    cap[cls.index, driver.id] = _cap(cls, driver)
        if found:
            by_driver[driver.id] = sorted(found)
    return Eligibility(classes, states, cap, by_driver)


@dataclass(frozen=True)
class Component:
    classes: tuple[int, ...]
    drivers: tuple[int, ...]
    weekly: frozenset[int]
    """Drivers whose weekly maximum needs a constraint (it could be reached)."""

    @property
    def size(self) -> int:
        return len(self.classes) + len(self.drivers)


def weekly_binding(elig: Eligibility, driver_id: int) -> bool:
    state = elig.drivers[driver_id]
    groups = {
        elig.classes[i].sample.group
        for i in elig.by_driver[driver_id]
        if elig.classes[i].sample.group not in state.fixed_groups
    }
    return len(groups) > state.free_trips()


def components(elig: Eligibility) -> list[Component]:
    """Independent parts, smallest first; every class with a driver is in exactly one."""
    parent: dict[object, object] = {}

    def find(node: object) -> object:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: object, b: object) -> None:
        parent[find(a)] = find(b)

    weekly = set()
    for driver_id, indices in elig.by_driver.items():
        binding = weekly_binding(elig, driver_id)
        if binding:
            weekly.add(driver_id)
        for index in indices:
            node = ("d", driver_id) if binding else ("d", driver_id, elig.classes[index].sample.day)
            union(("c", index), node)
    parts: dict[object, tuple[list[int], set[int]]] = defaultdict(lambda: ([], set()))
    for driver_id, indices in elig.by_driver.items():
        for index in indices:
            root = find(("c", index))
            parts[root][1].add(driver_id)
    for index in {i for i, _ in elig.cap}:
        parts[find(("c", index))][0].append(index)
    found = [
        Component(
            tuple(sorted(cls)),
            tuple(sorted(drivers)),
            frozenset(d for d in drivers if d in weekly),
        )
        for cls, drivers in parts.values()
    ]
    found.sort(key=lambda c: (c.size, c.classes))
    return found

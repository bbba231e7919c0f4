"""The planning problem as plain data, independent of the database.

Times are whole minutes since the Unix epoch (UTC), so overlaps and durations
are right across the DST switch. A test can build random instances from these
classes alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

BUFFER_MINUTES = 15
DEFAULT_TIME_LIMIT_SECONDS = 60.0
"""One limit over the whole planning of a week (bound, plan and proof)."""
"""Minimum gap between two rides of one driver that do not share the car."""

BUNDLE_WINDOW_MINUTES = 15
"""Pick-ups this close together, same day, service and destination, may share a car."""


@dataclass(frozen=True)
class PlanRide:
    """One ride to plan (or already fixed) with what decides who can take it.

    ``group``: rides with the same group number may share a car (a tour);
    ``seats``/``wheelchairs``: what the ride's passengers need in the car.
    """

    id: int
    day: dt.date
    start: int
    end: int
    group: int
    seats: int = 1
    wheelchairs: int = 0
    passengers: frozenset[int] = frozenset()
    service_id: int = 0

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"ride {self.id}: end must be after start")

    def overlaps(self, other: PlanRide, buffer: int) -> bool:
        """True if one driver could not do both one after the other with ``buffer`` minutes."""
        return self.start < other.end + buffer and other.start < self.end + buffer


@dataclass(frozen=True)
class PlanDriver:
    """A driver with the car they drive and when they can drive.

    ``windows``: availability as real-time spans (epoch minutes) for the
    planned days; ``max_trips``: weekly maximum, counted in trips (rides that
    share a car count once); ``standby_days``: days this driver is on standby
    and is kept free unless a ride would otherwise stay unassigned.
    """

    id: int
    max_trips: int
    seats: int
    wheelchair_spaces: int
    windows: tuple[tuple[int, int], ...] = ()
    absent_days: frozenset[dt.date] = frozenset()
    preferred_passengers: frozenset[int] = frozenset()
    standby_days: frozenset[dt.date] = frozenset()
    has_vehicle: bool = True


@dataclass(frozen=True)
class FixedRide:
    """A ride whose driver stays: done, no-show or assigned by hand."""

    ride: PlanRide
    driver_id: int


@dataclass(frozen=True)
class PlanningProblem:
    rides: tuple[PlanRide, ...]
    drivers: tuple[PlanDriver, ...]
    fixed: tuple[FixedRide, ...] = ()
    previous: Mapping[int, int] = field(default_factory=dict)
    """Ride id → driver of the last automatic plan; kept when nothing better comes up."""
    buffer_minutes: int = BUFFER_MINUTES


@dataclass(frozen=True)
class PlanningSolution:
    assignment: Mapping[int, int]
    """Ride id → driver id for every ride that got a driver."""
    optimal: bool
    """The number of assigned rides is proven to be the maximum."""
    seconds: float = 0.0
    status: str = ""
    stopped: bool = False
    """Planning was cancelled while solving: this is the best plan found until then."""
    bound: int = 0
    """No plan can assign more rides than this (equals the count when ``optimal``)."""

    @property
    def could_add(self) -> int:
        """How many rides a better plan could at most add (0 when proven maximal)."""
        return 0 if self.optimal else max(0, self.bound - len(self.assignment))

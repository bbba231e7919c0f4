"""The sections of an Auswertung: counts and sums only, never a person's name or id.

Codes (``role``, ``status``, ``kind``) are the values of the enums in
``models/enums.py``; ``models/vocabulary.py`` has their German names. A centre
or ride service of ``None`` means "without centre" (hours or volunteers not
booked to any centre).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from engagement_desk.services.reports.period import Period


@dataclass(frozen=True)
class RoleFigures:
    """People with one role: active in the period and newly registered in it."""

    role: str
    active: int
    new: int


@dataclass(frozen=True)
class AgeBand:
    """Volunteers aged ``lower`` … ``upper`` (inclusive) at the period's end.

    ``upper`` is ``None`` for the open top band; both are ``None`` for volunteers
    whose birth date is not known (never given, or erased by anonymisation).
    """

    lower: int | None
    upper: int | None
    volunteers: int


@dataclass(frozen=True)
class CenterCount:
    center_id: int | None
    name: str
    count: int


@dataclass(frozen=True)
class CenterHours:
    center_id: int | None
    name: str
    hours: Decimal


@dataclass(frozen=True)
class MonthHours:
    year: int
    month: int
    hours: Decimal


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    count: int


@dataclass(frozen=True)
class KindHours:
    """Hours of one kind of activity (``HoursSource``: manual, ride, event)."""

    kind: str
    hours: Decimal
    entries: int


@dataclass(frozen=True)
class PeopleSection:
    by_role: tuple[RoleFigures, ...]
    volunteers_by_age: tuple[AgeBand, ...]
    volunteers_by_center: tuple[CenterCount, ...]


@dataclass(frozen=True)
class StepCount:
    """Placement steps reached in the period, by status (``PlacementStatus``)."""

    status: str
    steps: int


@dataclass(frozen=True)
class PlacementsSection:
    started: int
    active: int
    ended: int
    declined: int
    steps: tuple[StepCount, ...]
    opportunities_new: int
    opportunities_offered: int
    opportunities_placed: int
    organizations_new: int


@dataclass(frozen=True)
class EventKindFigures:
    kind: str
    events: int
    participants: int


@dataclass(frozen=True)
class EventsSection:
    by_kind: tuple[EventKindFigures, ...]
    events: int
    participants: int


@dataclass(frozen=True)
class RideFigures:
    """Rides of one ride service (``service_id`` ``None``: all services together)."""

    service_id: int | None
    name: str
    done: int
    cancelled: int
    no_show: int
    unassigned: int
    km: Decimal
    passengers_served: int
    active_drivers: int


@dataclass(frozen=True)
class RidesSection:
    by_service: tuple[RideFigures, ...]
    total: RideFigures
    done_by_month: tuple[MonthCount, ...]


@dataclass(frozen=True)
class HoursSection:
    total: Decimal
    entries: int
    volunteers: int
    by_center: tuple[CenterHours, ...]
    by_month: tuple[MonthHours, ...]
    by_kind: tuple[KindHours, ...]


@dataclass(frozen=True)
class Figures:
    """Every section of the Auswertung for one period."""

    period: Period
    people: PeopleSection
    placements: PlacementsSection
    events: EventsSection
    rides: RidesSection
    hours: HoursSection

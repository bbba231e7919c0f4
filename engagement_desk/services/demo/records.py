"""What one stage of the generator hands to the next: ids and a few facts, no ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from engagement_desk.models.enums import HoursSource, PersonStatus, Role


@dataclass(slots=True, eq=False)
class PersonInfo:
    """One generated person; ``id`` is set once all people are sorted by registration.

    Compared and hashed by identity, so it can key sets and dicts.
    """

    female: bool
    salutation: str
    first_name: str
    last_name: str
    birth_date: dt.date
    street: str
    postal_code: str
    city: str
    place_index: int
    status: PersonStatus
    roles: tuple[Role, ...]
    created: dt.date
    engaged_since: dt.date | None = None
    languages: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    wheelchair: bool = False
    rollator: bool = False
    escort: bool = False
    showcase: bool = False
    weekdays: tuple[int, ...] = ()  # weekly availability
    day_windows: dict[int, tuple[dt.time, dt.time]] = field(default_factory=dict)
    absences: tuple[tuple[dt.date, dt.date], ...] = ()
    id: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"

    @property
    def is_active(self) -> bool:
        return self.status is PersonStatus.ACTIVE


@dataclass
class Population:
    people: list[PersonInfo]
    staff: list[PersonInfo]
    volunteers: list[PersonInfo]
    passengers: list[PersonInfo]
    drivers: list[PersonInfo]
    contacts: list[PersonInfo]
    sponsors: list[PersonInfo]


@dataclass(frozen=True)
class CenterInfo:
    id: int
    key: str
    name: str


@dataclass(frozen=True)
class AgencyInfo:
    centers: list[CenterInfo]
    mayor: str  # e.g. "Bürgermeisterin Petra Thelen"


@dataclass
class OpportunityInfo:
    id: int
    organization_id: int
    center_id: int | None
    title: str
    activity: str
    time_commitment: str
    skills: tuple[str, ...]
    open: bool


@dataclass
class OrganizationInfo:
    id: int
    name: str
    key: str
    center_ids: tuple[int, ...]
    active: bool
    may_publish: bool
    contact_ids: list[int] = field(default_factory=list)
    opportunities: list[OpportunityInfo] = field(default_factory=list)


@dataclass(frozen=True)
class Engagement:
    """A volunteer working for an organization over a period (from a placement)."""

    person_id: int
    organization_id: int
    center_id: int | None
    activity: str
    start: dt.date
    end: dt.date | None


@dataclass(slots=True)
class Work:
    """Time given that the hours stage turns into an hours entry."""

    person_id: int
    on_date: dt.date
    hours: Decimal
    organization_id: int | None
    center_id: int | None
    activity: str
    source: HoursSource
    ride_id: int | None = None
    registration_id: int | None = None

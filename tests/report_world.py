"""A small agency for the Auswertung tests: every record listed here, so tests can count it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from engagement_desk.db import Database
from engagement_desk.models import (
    Center,
    Event,
    HoursEntry,
    Opportunity,
    Organization,
    Person,
    PersonRole,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
    RideService,
)
from engagement_desk.models.enums import (
    EventKind,
    HoursSource,
    PlacementStatus,
    RegistrationStatus,
    RideServiceKind,
    RideStatus,
    Role,
)

BERLIN = ZoneInfo("Europe/Berlin")
D = dt.date


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BERLIN)


# name: (roles, birth date, created_at)
PEOPLE = {
    "P1": ((Role.VOLUNTEER,), D(1990, 6, 1), local(2025, 3, 1, 10)),
    "P2": ((Role.VOLUNTEER,), D(2010, 1, 1), local(2020, 1, 1, 10)),
    "P3": ((Role.VOLUNTEER, Role.DRIVER), D(1950, 12, 31), local(2024, 5, 5, 10)),
    # 23:30 on New Year's Eve in Berlin is still 2025 (22:30 UTC).
    "P4": ((Role.PASSENGER,), D(1940, 1, 1), local(2025, 12, 31, 23, 30)),
    "P5": ((Role.PASSENGER,), None, local(2019, 1, 1, 10)),
    # 00:30 on New Year's Day in Berlin is 2026, though UTC still says 31.12.2025.
    "P6": ((Role.VOLUNTEER,), D(1980, 1, 1), local(2026, 1, 1, 0, 30)),
    "P7": ((Role.CLUB_CONTACT,), D(1970, 1, 1), local(2025, 6, 1, 10)),
    "P8": ((Role.VOLUNTEER,), D(1960, 1, 1), local(2022, 1, 1, 10)),
}
CENTERS = ("Familie", "Senioren")
# ride service: centre
SERVICES = {"Seniorenfahrdienst": "Senioren", "Impffahrten": None}
# person, day, hours, centre, source
HOURS = [
    ("P1", D(2025, 1, 1), "2.5", "Familie", HoursSource.MANUAL),
    ("P1", D(2025, 12, 31), "1", "Senioren", HoursSource.MANUAL),
    ("P2", D(2025, 6, 15), "3", None, HoursSource.MANUAL),
    ("P3", D(2025, 2, 10), "1.5", "Senioren", HoursSource.RIDE),
    ("P3", D(2025, 2, 11), "0.75", "Senioren", HoursSource.EVENT),
    ("P1", D(2024, 12, 31), "4", "Familie", HoursSource.MANUAL),
    ("P8", D(2024, 5, 5), "2", "Familie", HoursSource.MANUAL),
    ("P2", D(2026, 1, 1), "5", "Familie", HoursSource.MANUAL),
    ("P6", D(2026, 2, 1), "1", "Senioren", HoursSource.MANUAL),
]
# service, day, status, driver, km, passengers
RIDES = [
    ("Seniorenfahrdienst", D(2025, 3, 3), RideStatus.DONE, "P3", "12.5", ("P4", "P5")),
    ("Seniorenfahrdienst", D(2025, 3, 10), RideStatus.DONE, "P3", "7.5", ("P4",)),
    ("Seniorenfahrdienst", D(2025, 4, 1), RideStatus.CANCELLED, None, None, ("P4",)),
    ("Impffahrten", D(2025, 5, 5), RideStatus.NO_SHOW, "P3", None, ("P5",)),
    ("Impffahrten", D(2025, 5, 6), RideStatus.PLANNED, None, None, ("P5",)),
    ("Impffahrten", D(2025, 7, 7), RideStatus.DONE, "P3", "20", ("P4",)),
    ("Seniorenfahrdienst", D(2024, 11, 11), RideStatus.DONE, "P3", "5", ("P4",)),
    ("Seniorenfahrdienst", D(2026, 1, 2), RideStatus.DONE, "P3", "9", ("P5",)),
]
# kind, starts (local), centre, registrations (person, status)
EVENTS = [
    (
        EventKind.WORKSHOP,
        dt.datetime(2025, 4, 4, 18),
        "Familie",
        (
            ("P1", RegistrationStatus.ATTENDED),
            ("P2", RegistrationStatus.ATTENDED),
            ("P7", RegistrationStatus.REGISTERED),
        ),
    ),
    (
        EventKind.TRAINING,
        dt.datetime(2025, 12, 31, 19),
        None,
        (("P7", RegistrationStatus.ATTENDED),),
    ),
    (
        EventKind.WORKSHOP,
        dt.datetime(2024, 10, 10, 18),
        "Familie",
        (("P1", RegistrationStatus.ATTENDED),),
    ),
    (
        EventKind.WORKSHOP,
        dt.datetime(2026, 1, 1, 0, 0),
        "Familie",
        (("P2", RegistrationStatus.ATTENDED),),
    ),
]
# opportunity: (centre, created)
OPPORTUNITIES = {
    "O1": ("Familie", local(2025, 2, 2, 10)),
    "O2": ("Senioren", local(2023, 1, 1, 10)),
}
# person, opportunity, steps
PLACEMENTS = [
    (
        "P1",
        "O1",
        (
            (PlacementStatus.INTEREST, D(2025, 2, 1)),
            (PlacementStatus.FIRST_TALK, D(2025, 2, 10)),
            (PlacementStatus.ACTIVE, D(2025, 3, 1)),
        ),
    ),
    (
        "P2",
        "O2",
        (
            (PlacementStatus.INTEREST, D(2024, 6, 1)),
            (PlacementStatus.ACTIVE, D(2024, 7, 1)),
            (PlacementStatus.ENDED, D(2025, 5, 1)),
        ),
    ),
    (
        "P8",
        "O2",
        (
            (PlacementStatus.INTEREST, D(2023, 1, 1)),
            (PlacementStatus.ACTIVE, D(2023, 2, 1)),
            (PlacementStatus.ENDED, D(2024, 3, 1)),
        ),
    ),
    (
        "P6",
        "O1",
        (
            (PlacementStatus.INTEREST, D(2025, 11, 1)),
            (PlacementStatus.DECLINED, D(2025, 11, 20)),
        ),
    ),
]


@dataclass
class World:
    people: dict[str, int] = field(default_factory=dict)
    centers: dict[str, int] = field(default_factory=dict)
    services: dict[str, int] = field(default_factory=dict)


def build_world(db: Database) -> World:
    world = World()
    with db.session() as s:
        for name in CENTERS:
            center = Center(name=name)
            s.add(center)
            s.flush()
            world.centers[name] = center.id
        for name, (roles, born, created) in PEOPLE.items():
            person = Person(first_name="Test", last_name=name, birth_date=born, created_at=created)
            s.add(person)
            s.flush()
            world.people[name] = person.id
            s.add_all(PersonRole(person_id=person.id, role=role) for role in roles)
        for name, center in SERVICES.items():
            service = RideService(
                name=name,
                kind=RideServiceKind.WEEKLY,
                center_id=world.centers[center] if center else None,
            )
            s.add(service)
            s.flush()
            world.services[name] = service.id
        for who, day, hours, center, source in HOURS:
            s.add(
                HoursEntry(
                    person_id=world.people[who],
                    on_date=day,
                    hours=Decimal(hours),
                    center_id=world.centers[center] if center else None,
                    source=source,
                )
            )
        for service, day, status, driver, km, passengers in RIDES:
            ride = Ride(
                service_id=world.services[service],
                ride_date=day,
                start_time=dt.time(9),
                status=status,
                driver_id=world.people[driver] if driver else None,
                km=Decimal(km) if km else None,
            )
            s.add(ride)
            s.flush()
            s.add_all(RidePassenger(ride_id=ride.id, person_id=world.people[p]) for p in passengers)
        for kind, starts, center, registrations in EVENTS:
            event = Event(
                kind=kind,
                title=f"{kind} {starts:%Y}",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                center_id=world.centers[center] if center else None,
            )
            s.add(event)
            s.flush()
            s.add_all(
                Registration(event_id=event.id, person_id=world.people[p], status=status)
                for p, status in registrations
            )
        club = Organization(name="Verein", created_at=local(2025, 2, 2, 9))
        s.add(club)
        s.flush()
        opportunities = {}
        for name, (center, created) in OPPORTUNITIES.items():
            opportunity = Opportunity(
                organization_id=club.id,
                title=name,
                center_id=world.centers[center],
                created_at=created,
            )
            s.add(opportunity)
            s.flush()
            opportunities[name] = opportunity.id
        for who, opportunity, steps in PLACEMENTS:
            placement = Placement(
                person_id=world.people[who],
                opportunity_id=opportunities[opportunity],
                status=steps[-1][0],
            )
            s.add(placement)
            s.flush()
            s.add_all(
                PlacementStep(placement_id=placement.id, status=status, on_date=day)
                for status, day in steps
            )
    return world

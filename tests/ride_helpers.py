"""Builders for ride-service tests (no tests here): people, services, drivers, orders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from engagement_desk.db import Database
from engagement_desk.models import (
    AgencySettings,
    Availability,
    DriverProfile,
    MobilityNeeds,
    Person,
    PersonRole,
    RideService,
    StandingOrder,
    Vehicle,
)
from engagement_desk.models.enums import RideServiceKind, Role

RP_HOLIDAY_WEEK = "2026-W23"  # Fronleichnam, Thursday 4 June 2026 (a holiday in RP)
SPRING_DST_WEEK = "2026-W13"  # clocks go forward on Sunday 29 March 2026
AUTUMN_DST_WEEK = "2026-W43"  # clocks go back on Sunday 25 October 2026
PLAIN_WEEK = "2026-W10"


def agency(db: Database, bundesland: str = "RP", km_rate: str = "0.30") -> None:
    with db.session() as session:
        session.merge(
            AgencySettings(
                id=1,
                name="Freiwilligenagentur Bitburg",
                street="Rathausplatz 1",
                postal_code="54634",
                city="Bitburg",
                phone="06561 6001",
                bundesland=bundesland,
                km_rate=Decimal(km_rate),
            )
        )


def service(
    db: Database,
    name: str = "Seniorenfahrdienst",
    days: str = "0123456",
    duration: int = 60,
    holidays: bool = False,
) -> int:
    with db.session() as session:
        item = RideService(
            name=name,
            kind=RideServiceKind.WEEKLY,
            operating_days=days,
            default_duration_minutes=duration,
            runs_on_holidays=holidays,
        )
        session.add(item)
        session.flush()
        return item.id


def passenger(
    db: Database,
    first: str,
    last: str,
    *,
    street: str = "Hauptstraße 5",
    phone: str = "06561 1234",
    wheelchair: bool = False,
) -> int:
    with db.session() as session:
        person = Person(
            first_name=first,
            last_name=last,
            street=street,
            postal_code="54634",
            city="Bitburg",
            phone=phone,
            roles=[PersonRole(role=Role.PASSENGER)],
        )
        if wheelchair:
            person.mobility = MobilityNeeds(wheelchair=True)
        session.add(person)
        session.flush()
        return person.id


def driver(
    db: Database,
    first: str,
    last: str,
    *,
    windows: tuple[tuple[int, dt.time, dt.time], ...] = tuple(
        (day, dt.time(0, 0), dt.time(23, 59)) for day in range(7)
    ),
    seats: int = 3,
    wheelchair_spaces: int = 0,
    max_rides: int = 10,
    vehicle: bool = True,
    phone: str = "0171 2345678",
) -> int:
    with db.session() as session:
        person = Person(
            first_name=first,
            last_name=last,
            mobile=phone,
            roles=[PersonRole(role=Role.DRIVER)],
            availabilities=[
                Availability(weekday=d, start_time=s, end_time=e) for d, s, e in windows
            ],
        )
        session.add(person)
        session.flush()
        car = None
        if vehicle:
            car = Vehicle(
                label=f"Auto {last}",
                owner_id=person.id,
                seats=seats,
                wheelchair_spaces=wheelchair_spaces,
            )
            session.add(car)
            session.flush()
        session.add(
            DriverProfile(
                person_id=person.id,
                max_rides_per_week=max_rides,
                vehicle_id=car.id if car else None,
            )
        )
        return person.id


def order(
    db: Database,
    service_id: int,
    passenger_id: int,
    *,
    rule: str = "FREQ=WEEKLY;BYDAY=TU",
    pickup: dt.time = dt.time(9, 0),
    back: dt.time | None = None,
    destination: str = "Wochenmarkt",
    valid_from: dt.date = dt.date(2026, 1, 1),
    wheelchair: bool = False,
) -> int:
    with db.session() as session:
        item = StandingOrder(
            service_id=service_id,
            passenger_id=passenger_id,
            recurrence=rule,
            pickup_time=pickup,
            destination_name=destination,
            destination_street="Marktplatz 1",
            destination_postal_code="54634",
            destination_city="Bitburg",
            return_time=back,
            wheelchair=wheelchair,
            valid_from=valid_from,
        )
        session.add(item)
        session.flush()
        return item.id

"""One-off ride requests taken on the phone, with the passenger's usual addresses."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import (
    MobilityNeeds,
    Person,
    Ride,
    RidePassenger,
    RideService,
    StandingOrder,
)
from engagement_desk.models.enums import AuditAction, RecordStatus, RideStatus, Role
from engagement_desk.services import audit
from engagement_desk.services.records import get_or_raise
from engagement_desk.services.rides.addresses import display_name, home_address, one_line
from engagement_desk.services.rides.calendar import WEEKDAY_NAMES, public_holidays
from engagement_desk.services.rides.generation import agency_bundesland, order_addresses
from engagement_desk.services.validation import Validator, clean

USUAL_ADDRESSES = 8
MOST_USED_WEEKS = 8


@dataclass(frozen=True)
class Needs:
    wheelchair: bool = False
    rollator: bool = False
    escort: bool = False


@dataclass(frozen=True)
class UsualAddresses:
    """Most used first: from the passenger's standing orders and past rides."""

    home: str
    pickups: tuple[str, ...]
    destinations: tuple[str, ...]


@dataclass(frozen=True)
class RequestDefaults:
    passenger_id: int
    passenger_name: str
    phone: str
    needs: Needs
    addresses: UsualAddresses


@dataclass(frozen=True)
class RideRequestInput:
    service_id: int
    passenger_id: int
    ride_date: dt.date
    pickup_time: dt.time
    destination: str
    """One line, e.g. 'Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg'."""
    pickup_address: str = ""
    """Empty: the passenger's own address."""
    return_time: dt.time | None = None
    needs: Needs | None = None
    """None: the passenger's recorded mobility needs."""
    duration_minutes: int | None = None
    """None: the service's default ride length."""
    notes: str = ""


@dataclass(frozen=True)
class RequestResult:
    ride_id: int
    return_ride_id: int | None
    ride_date: dt.date


def most_used_service(db: Database, today: dt.date, weeks: int = MOST_USED_WEEKS) -> int | None:
    """The active service with the most rides in the weeks around today: the phone default.

    Counted in the database, not remembered per workstation: every desk of the
    office starts with the same, usual service, and one odd call does not change it.
    """
    since, until = today - dt.timedelta(weeks=weeks), today + dt.timedelta(weeks=weeks)
    rides = func.count(Ride.id)
    with db.read_session() as session:
        return session.scalars(
            select(RideService.id)
            .outerjoin(
                Ride,
                (Ride.service_id == RideService.id)
                & Ride.ride_date.between(since, until)
                & (Ride.status != RideStatus.CANCELLED),
            )
            .where(RideService.status == RecordStatus.ACTIVE)
            .group_by(RideService.id, RideService.name, RideService.name_key)
            .having(rides > 0)
            .order_by(rides.desc(), RideService.name_key)
            .limit(1)
        ).first()


def usual_addresses(db: Database, passenger_id: int) -> UsualAddresses:
    with db.read_session() as session:
        person = get_or_raise(session, Person, passenger_id, "Person")
        home = home_address(person)
        pickups: Counter[str] = Counter()
        destinations: Counter[str] = Counter()
        for order in session.scalars(
            select(StandingOrder).where(StandingOrder.passenger_id == passenger_id)
        ):
            pickup, destination = order_addresses(order, person)
            pickups[pickup] += 3
            destinations[destination] += 3
        rides = session.execute(
            select(Ride.pickup_address, Ride.destination, Ride.is_return)
            .join(RidePassenger, RidePassenger.ride_id == Ride.id)
            .where(RidePassenger.person_id == passenger_id, Ride.status != RideStatus.CANCELLED)
            .order_by(Ride.ride_date.desc())
            .limit(200)
        )
        for pickup, destination, is_return in rides:
            if is_return:
                pickup, destination = destination, pickup
            pickups[pickup] += 1
            destinations[destination] += 1
        pickups[home] += 0
        ordered = [a for a, _ in pickups.most_common() if a]
        if home in ordered:
            ordered.remove(home)
        return UsualAddresses(
            home=home,
            pickups=tuple(([home] if home else []) + ordered)[:USUAL_ADDRESSES],
            destinations=tuple(a for a, _ in destinations.most_common() if a)[:USUAL_ADDRESSES],
        )


def request_defaults(db: Database, passenger_id: int) -> RequestDefaults:
    """What the phone form fills in when the passenger is picked."""
    addresses = usual_addresses(db, passenger_id)
    with db.read_session() as session:
        person = get_or_raise(session, Person, passenger_id, "Person")
        mobility = session.get(MobilityNeeds, passenger_id)
        needs = (
            Needs(mobility.wheelchair, mobility.rollator, mobility.escort) if mobility else Needs()
        )
        phone = " / ".join(p for p in (person.phone, person.mobile) if p)
        return RequestDefaults(passenger_id, display_name(person), phone, needs, addresses)


def create_ride_request(db: Database, data: RideRequestInput) -> RequestResult:
    """Book a one-off ride (and its return trip); the next planning assigns a driver."""
    check = Validator()
    destination = clean(data.destination)
    check.required("destination", "Ziel", destination)
    check.max_length("destination", "Ziel", destination, 300)
    notes = data.notes.strip()
    if data.return_time is not None and data.return_time <= data.pickup_time:
        check.error(
            "return_time",
            "Rückfahrt",
            f"Die Rückfahrt ({data.return_time:%H:%M}) muss nach der Hinfahrt "
            f"({data.pickup_time:%H:%M}) liegen.",
        )
    if data.duration_minutes is not None and not 5 <= data.duration_minutes <= 720:
        check.error("duration_minutes", "Dauer", "Bitte 5 bis 720 Minuten angeben.")
    with db.session() as session:
        service = session.get(RideService, data.service_id)
        if service is None or service.status != RecordStatus.ACTIVE:
            check.error("service_id", "Fahrdienst", "Bitte einen aktiven Fahrdienst wählen.")
        passenger = session.get(Person, data.passenger_id)
        if passenger is None:
            check.error("passenger_id", "Fahrgast", "Diese Person gibt es nicht (mehr).")
        elif Role.PASSENGER not in {r.role for r in passenger.roles}:
            check.error(
                "passenger_id",
                "Fahrgast",
                f"{display_name(passenger)} ist nicht als Fahrgast eingetragen.",
            )
        if service is not None:
            day = data.ride_date
            if str(day.weekday()) not in service.operating_days:
                check.error(
                    "ride_date",
                    "Datum",
                    f"Der Fahrdienst „{service.name}“ fährt nicht am "
                    f"{WEEKDAY_NAMES[day.weekday()]}.",
                )
            holiday = public_holidays(agency_bundesland(session), day, day).get(day)
            if holiday and not service.runs_on_holidays:
                check.error(
                    "ride_date",
                    "Datum",
                    f"Der {day:%d.%m.%Y} ist ein Feiertag ({holiday}); der Fahrdienst "
                    f"„{service.name}“ fährt an Feiertagen nicht.",
                )
        pickup = clean(data.pickup_address) or (home_address(passenger) if passenger else "")
        if passenger is not None and not pickup:
            check.error("pickup_address", "Abholung", "Bitte eine Abholadresse angeben.")
        check.max_length("pickup_address", "Abholung", pickup, 300)
        check.raise_if_any()
        assert service is not None and passenger is not None
        needs = data.needs
        if needs is None:
            mobility = session.get(MobilityNeeds, passenger.id)
            needs = (
                Needs(mobility.wheelchair, mobility.rollator, mobility.escort)
                if mobility
                else Needs()
            )
        duration = data.duration_minutes or service.default_duration_minutes

        def ride(start: dt.time, origin: str, target: str, is_return: bool) -> Ride:
            return Ride(
                service_id=service.id,
                is_return=is_return,
                ride_date=data.ride_date,
                start_time=start,
                duration_minutes=duration,
                pickup_address=origin,
                destination=target,
                status=RideStatus.PLANNED,
                notes=notes,
                passengers=[
                    RidePassenger(
                        person_id=passenger.id,
                        wheelchair=needs.wheelchair,
                        rollator=needs.rollator,
                        escort=needs.escort,
                    )
                ],
            )

        outward = ride(data.pickup_time, pickup, destination, False)
        session.add(outward)
        back = None
        if data.return_time is not None:
            back = ride(data.return_time, destination, pickup, True)
            session.add(back)
        session.flush()
        audit.record(session, AuditAction.CREATE, "ride", outward.id)
        if back is not None:
            audit.record(session, AuditAction.CREATE, "ride", back.id)
        return RequestResult(outward.id, back.id if back else None, data.ride_date)


def destination_line(name: str, street: str = "", postal_code: str = "", city: str = "") -> str:
    """The one-line destination the request form stores."""
    return one_line(street, postal_code, city, name)

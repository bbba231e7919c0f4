"""Changing a ride after the phone call: day, time, length, addresses, needs, notes, return trip.

A one-off request's return trip is the ride of the same day and passengers
marked ``is_return`` that starts after it (the intake writes both; there is
no link column): the editor changes, adds or removes it with the outward
ride. Rides generated from a standing order take their day, time, addresses
and needs from the order (the next planning would write them back), so only
their notes change here; the order itself is changed in its editor.

A ride that has a driver keeps the driver only while no hard rule breaks
with the new day or time; otherwise the driver is taken off and the result
says so (``RideEditResult.unassigned``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Person, Ride, RidePassenger, RideService
from engagement_desk.models.enums import AuditAction, RideStatus
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import conflicts_reported, get_or_raise, load_for_update
from engagement_desk.services.rides.addresses import display_name
from engagement_desk.services.rides.assignment import _warnings as rule_warnings
from engagement_desk.services.rides.calendar import WEEKDAY_NAMES, public_holidays
from engagement_desk.services.rides.generation import agency_bundesland
from engagement_desk.services.rides.planning import PlannedRide, ride_infos
from engagement_desk.services.rides.requests import Needs
from engagement_desk.services.validation import Validator, clean

WHAT = "Fahrt"
CLOSED = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW)


@dataclass(frozen=True)
class RideEditInput:
    ride_date: dt.date
    start_time: dt.time
    duration_minutes: int
    pickup_address: str
    destination: str
    needs: Needs
    notes: str = ""
    return_time: dt.time | None = None
    """The return trip's pick-up; None: no return trip (an existing one is removed)."""


@dataclass(frozen=True)
class RideForEditing:
    ride: PlannedRide
    return_ride: PlannedRide | None
    from_standing_order: bool

    @property
    def version(self) -> int:
        return self.ride.version

    @property
    def id(self) -> int:
        return self.ride.id


@dataclass(frozen=True)
class RideEditResult:
    ride: RideForEditing
    unassigned: tuple[str, ...] = ()
    """German sentences: which driver was taken off which leg, and why."""


def _passenger_ids(ride: Ride) -> set[int]:
    return {p.person_id for p in ride.passengers}


def return_leg(session: Session, ride: Ride) -> Ride | None:
    """The return trip written together with a one-off ride (same day and passengers)."""
    if ride.is_return or ride.standing_order_id is not None:
        return None
    candidates = session.scalars(
        select(Ride)
        .where(
            Ride.ride_date == ride.ride_date,
            Ride.is_return.is_(True),
            Ride.standing_order_id.is_(None),
            Ride.service_id == ride.service_id,
            Ride.status != RideStatus.CANCELLED,
            Ride.start_time > ride.start_time,
            Ride.id != ride.id,
        )
        .order_by(Ride.start_time, Ride.id)
    ).all()
    wanted = _passenger_ids(ride)
    return next((c for c in candidates if _passenger_ids(c) == wanted), None)


def _for_editing(session: Session, ride: Ride) -> RideForEditing:
    back = return_leg(session, ride)
    infos = ride_infos(session, [ride] + ([back] if back else []))
    return RideForEditing(infos[0], infos[1] if back else None, ride.standing_order_id is not None)


def ride_for_editing(db: Database, ride_id: int) -> RideForEditing:
    with db.read_session() as session:
        return _for_editing(session, get_or_raise(session, Ride, ride_id, WHAT))


def _check(session: Session, ride: Ride, data: RideEditInput) -> tuple[str, str]:
    check = Validator()
    pickup, destination = clean(data.pickup_address), clean(data.destination)
    check.required("pickup_address", "Abholung", pickup)
    check.max_length("pickup_address", "Abholung", pickup, 300)
    check.required("destination", "Ziel", destination)
    check.max_length("destination", "Ziel", destination, 300)
    if not 5 <= data.duration_minutes <= 720:
        check.error("duration_minutes", "Dauer", "Bitte 5 bis 720 Minuten angeben.")
    if data.return_time is not None and data.return_time <= data.start_time:
        check.error(
            "return_time",
            "Rückfahrt",
            f"Die Rückfahrt ({data.return_time:%H:%M}) muss nach der Hinfahrt "
            f"({data.start_time:%H:%M}) liegen.",
        )
    service = session.get(RideService, ride.service_id)
    day = data.ride_date
    if service is not None and day != ride.ride_date:
        if str(day.weekday()) not in service.operating_days:
            check.error(
                "ride_date",
                "Datum",
                f"Der Fahrdienst „{service.name}“ fährt nicht am {WEEKDAY_NAMES[day.weekday()]}.",
            )
        holiday = public_holidays(agency_bundesland(session), day, day).get(day)
        if holiday and not service.runs_on_holidays:
            check.error(
                "ride_date",
                "Datum",
                f"Der {day:%d.%m.%Y} ist ein Feiertag ({holiday}); der Fahrdienst "
                f"„{service.name}“ fährt an Feiertagen nicht.",
            )
    check.raise_if_any()
    return pickup, destination


def _refuse_order_changes(ride: Ride, back: Ride | None, data: RideEditInput) -> None:
    needs = {(p.wheelchair, p.rollator, p.escort) for p in ride.passengers}
    changed = (
        data.ride_date != ride.ride_date
        or data.start_time != ride.start_time
        or data.duration_minutes != ride.duration_minutes
        or clean(data.pickup_address) != ride.pickup_address
        or clean(data.destination) != ride.destination
        or needs != {(data.needs.wheelchair, data.needs.rollator, data.needs.escort)}
        or (back.start_time if back else None) != data.return_time
    )
    if changed:
        raise ValidationError(
            [
                FieldError(
                    "start_time",
                    "Abholzeit",
                    "Diese Fahrt kommt aus einem Dauerauftrag: Tag, Zeit, Adressen und Bedarf "
                    "bitte im Dauerauftrag ändern (hier nur die Notiz).",
                )
            ]
        )


def _apply(
    ride: Ride,
    *,
    day: dt.date,
    start: dt.time,
    duration: int,
    pickup: str,
    destination: str,
    needs: Needs,
    notes: str,
) -> list[str]:
    values = {
        "ride_date": day,
        "start_time": start,
        "duration_minutes": duration,
        "pickup_address": pickup,
        "destination": destination,
        "notes": notes,
    }
    changed = [name for name, value in values.items() if getattr(ride, name) != value]
    for name in changed:
        setattr(ride, name, values[name])
    for passenger in ride.passengers:
        wanted = (needs.wheelchair, needs.rollator, needs.escort)
        if (passenger.wheelchair, passenger.rollator, passenger.escort) != wanted:
            passenger.wheelchair, passenger.rollator, passenger.escort = wanted
            if "needs" not in changed:
                changed.append("needs")
    return changed


_TIMING = {"ride_date", "start_time", "duration_minutes", "needs"}


def _keep_driver_if_valid(session: Session, ride: Ride, changed: list[str]) -> str | None:
    """Take the driver off when the change breaks a hard rule; the German sentence why."""
    if ride.driver_id is None or not _TIMING & set(changed):
        return None
    driver = session.get(Person, ride.driver_id)
    if driver is None:
        return None
    session.flush()
    warnings = rule_warnings(session, ride, driver, ride.vehicle_id)
    if not warnings:
        return None
    ride.driver_id = None
    ride.vehicle_id = None
    ride.assigned_manually = False
    ride.status = RideStatus.PLANNED
    changed.append("driver_id")
    leg = "Rückfahrt" if ride.is_return else "Fahrt"
    return (
        f"{display_name(driver)} fährt die {leg} nicht mehr: {warnings[0].message} "
        "Die nächste Planung teilt sie neu zu."
    )


def update_ride(
    db: Database, ride_id: int, expected_version: int, data: RideEditInput
) -> RideEditResult:
    """Save the changed ride (and its return trip); German FieldErrors for what cannot be."""
    with db.session() as session, conflicts_reported(WHAT, ride_id):
        ride = load_for_update(session, Ride, ride_id, expected_version, WHAT)
        if ride.status in CLOSED:
            raise ValidationError(
                [
                    FieldError(
                        "ride_date",
                        "Datum",
                        "Die Fahrt ist schon erledigt oder abgesagt; bitte zuerst wieder öffnen.",
                    )
                ]
            )
        back = return_leg(session, ride)
        notes = data.notes.strip()
        if ride.standing_order_id is not None:
            _refuse_order_changes(ride, back, data)
            if ride.notes != notes:
                ride.notes = notes
                session.flush()
                audit.record(session, AuditAction.UPDATE, "ride", ride.id, ["notes"])
            return RideEditResult(_for_editing(session, ride))
        pickup, destination = _check(session, ride, data)
        told: list[str] = []
        changed = _apply(
            ride,
            day=data.ride_date,
            start=data.start_time,
            duration=data.duration_minutes,
            pickup=pickup,
            destination=destination,
            needs=data.needs,
            notes=notes,
        )
        if (why := _keep_driver_if_valid(session, ride, changed)) is not None:
            told.append(why)
        if back is not None and back.status in CLOSED and data.return_time is None:
            raise ValidationError(
                [
                    FieldError(
                        "return_time",
                        "Rückfahrt",
                        "Die Rückfahrt ist schon erledigt oder abgesagt und bleibt.",
                    )
                ]
            )
        if back is not None and data.return_time is None:
            audit.record(session, AuditAction.DELETE, "ride", back.id)
            session.delete(back)
            changed.append("return_trip")
        elif back is not None and back.status not in CLOSED and data.return_time is not None:
            back_changed = _apply(
                back,
                day=data.ride_date,
                start=data.return_time,
                duration=data.duration_minutes,
                pickup=destination,
                destination=pickup,
                needs=data.needs,
                notes=notes,
            )
            if (why := _keep_driver_if_valid(session, back, back_changed)) is not None:
                told.append(why)
            if back_changed:
                session.flush()
                audit.record(session, AuditAction.UPDATE, "ride", back.id, back_changed)
        elif back is None and data.return_time is not None:
            back = Ride(
                service_id=ride.service_id,
                is_return=True,
                ride_date=data.ride_date,
                start_time=data.return_time,
                duration_minutes=data.duration_minutes,
                pickup_address=destination,
                destination=pickup,
                status=RideStatus.PLANNED,
                notes=notes,
                passengers=[
                    RidePassenger(
                        person_id=p.person_id,
                        wheelchair=data.needs.wheelchair,
                        rollator=data.needs.rollator,
                        escort=data.needs.escort,
                    )
                    for p in ride.passengers
                ],
            )
            session.add(back)
            session.flush()
            audit.record(session, AuditAction.CREATE, "ride", back.id)
        session.flush()
        if changed:
            audit.record(session, AuditAction.UPDATE, "ride", ride.id, changed)
        return RideEditResult(_for_editing(session, ride), tuple(told))

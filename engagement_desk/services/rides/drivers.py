"""Drivers: profile (weekly maximum, vehicle), usual passengers, standby days.

Availability windows and absences belong to the person record and are edited
with the people services; here they are read for the dispatcher.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Absence,
    Availability,
    DriverPreference,
    DriverProfile,
    Person,
    PersonRole,
    RideService,
    StandbyDriver,
    Vehicle,
)
from engagement_desk.models.enums import AuditAction, PersonStatus, RecordStatus, Role
from engagement_desk.services import audit
from engagement_desk.services.errors import ConflictError, FieldError, ValidationError
from engagement_desk.services.records import apply_changes, conflicts_reported, get_or_raise
from engagement_desk.services.rides.addresses import display_name
from engagement_desk.services.validation import Validator

WHAT = "Fahrerprofil"
MAX_RIDES_LIMIT = 50


@dataclass(frozen=True)
class DriverProfileInput:
    max_rides_per_week: int = 5
    vehicle_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class WindowInfo:
    weekday: int
    start_time: dt.time
    end_time: dt.time


@dataclass(frozen=True)
class AbsenceInfo:
    start_date: dt.date
    end_date: dt.date
    reason: str


@dataclass(frozen=True)
class PassengerRef:
    person_id: int
    name: str


@dataclass(frozen=True)
class DriverRecord:
    person_id: int
    name: str
    phone: str
    max_rides_per_week: int
    vehicle_id: int | None
    vehicle_label: str
    seats: int
    wheelchair_spaces: int
    notes: str
    availability: tuple[WindowInfo, ...]
    absences: tuple[AbsenceInfo, ...]
    preferred_passengers: tuple[PassengerRef, ...]
    version: int
    """Version of the driver profile; 0 = no profile saved yet."""


def _require_driver(session: Session, person_id: int, *, lock: bool = False) -> Person:
    """The driver; with ``lock`` their person row stays locked until the transaction ends,
    so two workstations changing the same driver's rows queue (PostgreSQL; SQLite's
    write lock already does)."""
    if lock:
        person = session.get(Person, person_id, with_for_update=True, populate_existing=True)
        if person is None:
            get_or_raise(session, Person, person_id, "Person")
    else:
        person = get_or_raise(session, Person, person_id, "Person")
    if Role.DRIVER not in {r.role for r in person.roles}:
        raise ValidationError(
            [
                FieldError(
                    "person_id",
                    "Fahrer/in",
                    f"{display_name(person)} ist nicht als Fahrer/in eingetragen.",
                )
            ]
        )
    return person


def _records(session: Session, among: Select | list[int], since: dt.date) -> list[DriverRecord]:
    """The drivers (``among``: their ids, or a query for them) by name, one query per kind:
    person with profile and vehicle, preferences, windows, absences."""
    people = session.execute(
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.phone,
            Person.mobile,
            DriverProfile.max_rides_per_week,
            DriverProfile.notes,
            DriverProfile.version,
            Vehicle.id,
            Vehicle.label,
            Vehicle.seats,
            Vehicle.wheelchair_spaces,
        )
        .outerjoin(DriverProfile, DriverProfile.person_id == Person.id)
        .outerjoin(Vehicle, Vehicle.id == DriverProfile.vehicle_id)
        .where(Person.id.in_(among))
        .order_by(Person.last_name_key, Person.first_name_key, Person.id)
    ).all()
    if not people:
        return []
    ids = among
    preferred: dict[int, list[PassengerRef]] = defaultdict(list)
    for driver_id, passenger_id, first, last in session.execute(
        select(DriverPreference.driver_id, Person.id, Person.first_name, Person.last_name)
        .join(Person, DriverPreference.passenger_id == Person.id)
        .where(DriverPreference.driver_id.in_(ids))
        .order_by(Person.last_name_key, Person.first_name_key)
    ):
        name = " ".join(p for p in (first, last) if p)
        preferred[driver_id].append(PassengerRef(passenger_id, name))
    windows: dict[int, list[WindowInfo]] = defaultdict(list)
    for person_id, weekday, start, end in session.execute(
        select(
            Availability.person_id,
            Availability.weekday,
            Availability.start_time,
            Availability.end_time,
        )
        .where(Availability.person_id.in_(ids))
        .order_by(Availability.weekday, Availability.start_time)
    ):
        windows[person_id].append(WindowInfo(weekday, start, end))
    absences: dict[int, list[AbsenceInfo]] = defaultdict(list)
    for person_id, start_date, end_date, reason in session.execute(
        select(Absence.person_id, Absence.start_date, Absence.end_date, Absence.reason)
        .where(Absence.person_id.in_(ids), Absence.end_date >= since)
        .order_by(Absence.start_date)
    ):
        absences[person_id].append(AbsenceInfo(start_date, end_date, reason))
    records = []
    for row in people:
        person_id = row[0]
        has_profile = row.max_rides_per_week is not None
        records.append(
            DriverRecord(
                person_id=person_id,
                name=" ".join(p for p in (row.first_name, row.last_name) if p),
                phone=" / ".join(p for p in (row.phone, row.mobile) if p),
                max_rides_per_week=row.max_rides_per_week if has_profile else 5,
                vehicle_id=row[8],
                vehicle_label=row.label or "",
                seats=row.seats or 0,
                wheelchair_spaces=row.wheelchair_spaces or 0,
                notes=row.notes if has_profile else "",
                availability=tuple(windows.get(person_id, ())),
                absences=tuple(absences.get(person_id, ())),
                preferred_passengers=tuple(preferred.get(person_id, ())),
                version=row.version if has_profile else 0,
            )
        )
    return records


def _record(session: Session, person: Person, since: dt.date) -> DriverRecord:
    session.flush()
    return _records(session, [person.id], since)[0]


def get_driver(db: Database, person_id: int, *, since: dt.date | None = None) -> DriverRecord:
    """A driver with profile, vehicle, weekly windows, absences from ``since`` (today)."""
    with db.read_session() as session:
        person = _require_driver(session, person_id)
        return _record(session, person, since or dt.date.today())


def list_drivers(db: Database, *, since: dt.date | None = None) -> list[DriverRecord]:
    """Active people with the driver role, by name."""
    # From the few drivers to their people, not along every person by name (SQLite).
    drivers = (
        select(PersonRole.person_id)
        .join(Person, Person.id == PersonRole.person_id)
        .where(PersonRole.role == Role.DRIVER, Person.status == PersonStatus.ACTIVE)
    )
    with db.read_session() as session:
        return _records(session, drivers, since or dt.date.today())


@dataclass(frozen=True)
class DriverChoice:
    person_id: int
    name: str
    vehicle_label: str


def driver_choices(db: Database) -> list[DriverChoice]:
    """Active drivers by name with their vehicle, for pickers: one query, nothing else."""
    with db.read_session() as session:
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name, Vehicle.label)
            .outerjoin(DriverProfile, DriverProfile.person_id == Person.id)
            .outerjoin(Vehicle, Vehicle.id == DriverProfile.vehicle_id)
            # From the few drivers to their people, not along every person by name (SQLite).
            .where(
                Person.id.in_(select(PersonRole.person_id).where(PersonRole.role == Role.DRIVER)),
                Person.status == PersonStatus.ACTIVE,
            )
            .order_by(Person.last_name_key, Person.first_name_key, Person.id)
        )
        return [
            DriverChoice(person_id, " ".join(p for p in (first, last) if p), label or "")
            for person_id, first, last, label in rows
        ]


def update_driver_profile(
    db: Database, person_id: int, data: DriverProfileInput, *, expected_version: int
) -> DriverRecord:
    """Save the profile; ``expected_version`` 0 creates it."""
    check = Validator()
    if not 0 <= data.max_rides_per_week <= MAX_RIDES_LIMIT:
        check.error(
            "max_rides_per_week",
            "Höchstens Fahrten pro Woche",
            f"Bitte 0 bis {MAX_RIDES_LIMIT} angeben.",
        )
    notes = data.notes.strip()
    check.max_length("notes", "Notizen", notes, 500)
    with db.session() as session, conflicts_reported(WHAT, person_id):
        person = _require_driver(session, person_id, lock=True)  # creating checks, then adds
        if data.vehicle_id is not None:
            vehicle = session.get(Vehicle, data.vehicle_id)
            if vehicle is None or vehicle.status != RecordStatus.ACTIVE:
                check.error("vehicle_id", "Fahrzeug", "Dieses Fahrzeug gibt es nicht (mehr).")
        check.raise_if_any()
        profile = session.get(DriverProfile, person_id)
        if (profile.version if profile else 0) != expected_version:
            raise ConflictError(
                f"Das Fahrerprofil von {display_name(person)} wurde inzwischen an einem anderen "
                "Arbeitsplatz geändert. Bitte neu laden."
            )
        values = {
            "max_rides_per_week": data.max_rides_per_week,
            "vehicle_id": data.vehicle_id,
            "notes": notes,
        }
        if profile is None:
            session.add(DriverProfile(person_id=person_id, **values))
            session.flush()
            audit.record(session, AuditAction.CREATE, "driver_profile", person_id)
        elif changed := apply_changes(profile, values):
            session.flush()
            audit.record(session, AuditAction.UPDATE, "driver_profile", person_id, changed)
        return _record(session, person, dt.date.today())


def set_preferred_passengers(
    db: Database, driver_id: int, passenger_ids: tuple[int, ...]
) -> DriverRecord:
    """Replace the passengers this driver usually takes."""
    with db.session() as session:
        person = _require_driver(session, driver_id, lock=True)  # delete, then insert
        check = Validator()
        for passenger_id in passenger_ids:
            if session.get(Person, passenger_id) is None:
                check.error("passenger_ids", "Fahrgäste", f"Person Nr. {passenger_id} fehlt.")
            elif passenger_id == driver_id:
                check.error("passenger_ids", "Fahrgäste", "Niemand fährt sich selbst.")
        check.raise_if_any()
        session.execute(delete(DriverPreference).where(DriverPreference.driver_id == driver_id))
        session.add_all(
            DriverPreference(driver_id=driver_id, passenger_id=p)
            for p in sorted(set(passenger_ids))
        )
        session.flush()
        audit.record(session, AuditAction.UPDATE, "driver_profile", driver_id, ["preferences"])
        return _record(session, person, dt.date.today())


def set_standby_driver(
    db: Database, service_id: int, on_date: dt.date, driver_id: int | None
) -> None:
    """Name (or with ``None`` clear) the standby driver of a service day.

    The planner keeps the standby driver free of regular rides that day and
    uses them only where a ride would otherwise stay without a driver. Two
    workstations naming one at once: one statement inserts or replaces
    (upsert), so the later one wins and neither fails on the key.
    """
    with db.session() as session:
        get_or_raise(session, RideService, service_id, "Fahrdienst")
        if driver_id is None:
            session.execute(
                delete(StandbyDriver).where(
                    StandbyDriver.service_id == service_id, StandbyDriver.on_date == on_date
                )
            )
            return
        _require_driver(session, driver_id)
        values = {"service_id": service_id, "on_date": on_date, "driver_id": driver_id}
        on_postgresql = session.get_bind().dialect.name == "postgresql"
        insert = postgresql_insert if on_postgresql else sqlite_insert
        statement = insert(StandbyDriver).values(values)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[StandbyDriver.service_id, StandbyDriver.on_date],
                set_={"driver_id": statement.excluded.driver_id},
            )
        )
        audit.record(session, AuditAction.UPDATE, "standby_driver", service_id, ["driver_id"])

"""Vehicles: seats and wheelchair spaces decide which rides a car can take."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Person, Vehicle
from engagement_desk.models.enums import AuditAction, RecordStatus
from engagement_desk.services import audit
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.validation import Validator, clean

WHAT = "Fahrzeug"
MAX_SEATS = 8
MAX_WHEELCHAIR_SPACES = 4


@dataclass(frozen=True)
class VehicleInput:
    label: str
    seats: int = 3
    wheelchair_spaces: int = 0
    registration: str = ""
    owner_id: int | None = None
    status: RecordStatus = RecordStatus.ACTIVE


@dataclass(frozen=True)
class VehicleRecord(VehicleInput):
    id: int = 0
    version: int = 0

    @property
    def description(self) -> str:
        text = f"{self.label} ({self.seats} Sitzplätze"
        if self.wheelchair_spaces:
            text += f", {self.wheelchair_spaces} Rollstuhlplatz"
            text += "" if self.wheelchair_spaces == 1 else "e"
        return text + ")"


def _record(vehicle: Vehicle) -> VehicleRecord:
    return VehicleRecord(
        label=vehicle.label,
        seats=vehicle.seats,
        wheelchair_spaces=vehicle.wheelchair_spaces,
        registration=vehicle.registration,
        owner_id=vehicle.owner_id,
        status=vehicle.status,
        id=vehicle.id,
        version=vehicle.version,
    )


def _validated(db_session, data: VehicleInput) -> dict[str, object]:
    check = Validator()
    label = clean(data.label)
    check.required("label", "Bezeichnung", label)
    check.max_length("label", "Bezeichnung", label, 120)
    registration = clean(data.registration).upper()
    check.max_length("registration", "Kennzeichen", registration, 20)
    if not 1 <= data.seats <= MAX_SEATS:
        check.error("seats", "Sitzplätze", f"Bitte 1 bis {MAX_SEATS} Sitzplätze angeben.")
    if not 0 <= data.wheelchair_spaces <= MAX_WHEELCHAIR_SPACES:
        check.error(
            "wheelchair_spaces",
            "Rollstuhlplätze",
            f"Bitte 0 bis {MAX_WHEELCHAIR_SPACES} Rollstuhlplätze angeben.",
        )
    if data.owner_id is not None and db_session.get(Person, data.owner_id) is None:
        check.error("owner_id", "Halter/in", "Diese Person gibt es nicht (mehr).")
    check.raise_if_any()
    return {
        "label": label,
        "registration": registration,
        "seats": data.seats,
        "wheelchair_spaces": data.wheelchair_spaces,
        "owner_id": data.owner_id,
        "status": RecordStatus(data.status),
    }


def create_vehicle(db: Database, data: VehicleInput) -> VehicleRecord:
    with db.session() as session:
        vehicle = Vehicle(**_validated(session, data))
        session.add(vehicle)
        session.flush()
        audit.record(session, AuditAction.CREATE, "vehicle", vehicle.id)
        return _record(vehicle)


def update_vehicle(
    db: Database, vehicle_id: int, data: VehicleInput, *, expected_version: int
) -> VehicleRecord:
    with db.session() as session, conflicts_reported(WHAT, vehicle_id):
        vehicle = load_for_update(session, Vehicle, vehicle_id, expected_version, WHAT)
        changed = apply_changes(vehicle, _validated(session, data))
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "vehicle", vehicle_id, changed)
        return _record(vehicle)


def get_vehicle(db: Database, vehicle_id: int) -> VehicleRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Vehicle, vehicle_id, WHAT))


def list_vehicles(db: Database, *, include_archived: bool = False) -> list[VehicleRecord]:
    with db.read_session() as session:
        statement = select(Vehicle).order_by(Vehicle.label_key, Vehicle.id)
        if not include_archived:
            statement = statement.where(Vehicle.status == RecordStatus.ACTIVE)
        return [_record(v) for v in session.scalars(statement)]

"""Ride services (Fahrdienste): create, update, archive, read, list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Center, Person, RideService
from engagement_desk.models.enums import AuditAction, RecordStatus, RideServiceKind
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
    violates,
)
from engagement_desk.services.rides.calendar import WEEKDAY_SHORT
from engagement_desk.services.validation import Validator, clean

WHAT = "Fahrdienst"
MIN_DURATION = 5
MAX_DURATION = 12 * 60
KIND_LABELS = german_names(RideServiceKind)


@dataclass(frozen=True)
class RideServiceInput:
    name: str
    kind: RideServiceKind = RideServiceKind.WEEKLY
    operating_days: tuple[int, ...] = (0, 1, 2, 3, 4)
    """Weekdays, 0 = Monday … 6 = Sunday."""
    default_duration_minutes: int = 60
    runs_on_holidays: bool = False
    center_id: int | None = None
    coordinator_id: int | None = None
    status: RecordStatus = RecordStatus.ACTIVE


@dataclass(frozen=True)
class RideServiceRecord(RideServiceInput):
    id: int = 0
    version: int = 0

    @property
    def days_label(self) -> str:
        return ", ".join(WEEKDAY_SHORT[d] for d in self.operating_days)


def days_text(days: tuple[int, ...]) -> str:
    return "".join(str(d) for d in sorted(set(days)))


def _record(service: RideService) -> RideServiceRecord:
    return RideServiceRecord(
        name=service.name,
        kind=service.kind,
        operating_days=tuple(int(c) for c in service.operating_days),
        default_duration_minutes=service.default_duration_minutes,
        runs_on_holidays=service.runs_on_holidays,
        center_id=service.center_id,
        coordinator_id=service.coordinator_id,
        status=service.status,
        id=service.id,
        version=service.version,
    )


def _validated(session: Session, data: RideServiceInput, own_id: int | None) -> dict[str, object]:
    check = Validator()
    name = clean(data.name)
    check.required("name", "Name", name)
    check.max_length("name", "Name", name, 120)
    if name and session.scalar(
        select(func.count(RideService.id)).where(
            func.lower(RideService.name) == name.lower(), RideService.id != (own_id or 0)
        )
    ):
        check.error("name", "Name", f"Einen Fahrdienst „{name}“ gibt es schon.")
    try:
        kind = RideServiceKind(data.kind)
    except ValueError:
        check.error("kind", "Art", f"Unbekannte Art „{data.kind}“.")
        kind = RideServiceKind.WEEKLY
    if not data.operating_days:
        check.error("operating_days", "Fahrtage", "Bitte mindestens einen Wochentag wählen.")
    elif any(not isinstance(d, int) or not 0 <= d <= 6 for d in data.operating_days):
        check.error("operating_days", "Fahrtage", "Wochentage sind 0 (Montag) bis 6 (Sonntag).")
    if not MIN_DURATION <= data.default_duration_minutes <= MAX_DURATION:
        check.error(
            "default_duration_minutes",
            "Dauer einer Fahrt",
            f"Bitte {MIN_DURATION} bis {MAX_DURATION} Minuten angeben.",
        )
    if data.center_id is not None and session.get(Center, data.center_id) is None:
        check.error("center_id", "Engagement-Zentrum", "Dieses Zentrum gibt es nicht (mehr).")
    if data.coordinator_id is not None and session.get(Person, data.coordinator_id) is None:
        check.error("coordinator_id", "Koordination", "Diese Person gibt es nicht (mehr).")
    try:
        status = RecordStatus(data.status)
    except ValueError:
        check.error("status", "Status", f"Unbekannter Status „{data.status}“.")
        status = RecordStatus.ACTIVE
    check.raise_if_any()
    return {
        "name": name,
        "kind": kind,
        "operating_days": days_text(data.operating_days),
        "default_duration_minutes": data.default_duration_minutes,
        "runs_on_holidays": bool(data.runs_on_holidays),
        "center_id": data.center_id,
        "coordinator_id": data.coordinator_id,
        "status": status,
    }


def _flush_unique_name(session: Session, name: str) -> None:
    """The name check above counts first; the unique key decides when two save at once."""
    try:
        session.flush()
    except IntegrityError as error:
        if not violates(error, "uq_ride_service_name", "ride_service.name"):
            raise
        raise ValidationError(
            [FieldError("name", "Name", f"Einen Fahrdienst „{name}“ gibt es schon.")]
        ) from error


def create_ride_service(db: Database, data: RideServiceInput) -> RideServiceRecord:
    with db.session() as session:
        service = RideService(**_validated(session, data, None))
        session.add(service)
        _flush_unique_name(session, service.name)
        audit.record(session, AuditAction.CREATE, "ride_service", service.id)
        return _record(service)


def update_ride_service(
    db: Database, service_id: int, data: RideServiceInput, *, expected_version: int
) -> RideServiceRecord:
    with db.session() as session, conflicts_reported(WHAT, service_id):
        service = load_for_update(session, RideService, service_id, expected_version, WHAT)
        changed = apply_changes(service, _validated(session, data, service_id))
        if changed:
            _flush_unique_name(session, service.name)
            audit.record(session, AuditAction.UPDATE, "ride_service", service_id, changed)
        return _record(service)


def archive_ride_service(
    db: Database, service_id: int, *, expected_version: int
) -> RideServiceRecord:
    """Archived services keep their rides for the statistics but are no longer planned."""
    with db.session() as session, conflicts_reported(WHAT, service_id):
        service = load_for_update(session, RideService, service_id, expected_version, WHAT)
        if service.status != RecordStatus.ARCHIVED:
            service.status = RecordStatus.ARCHIVED
            session.flush()
            audit.record(session, AuditAction.ARCHIVE, "ride_service", service_id, ["status"])
        return _record(service)


def get_ride_service(db: Database, service_id: int) -> RideServiceRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, RideService, service_id, WHAT))


def list_ride_service_records(
    db: Database, *, include_archived: bool = False
) -> list[RideServiceRecord]:
    with db.read_session() as session:
        statement = select(RideService).order_by(RideService.name_key, RideService.id)
        if not include_archived:
            statement = statement.where(RideService.status == RecordStatus.ACTIVE)
        return [_record(s) for s in session.scalars(statement)]


def find_ride_service(db: Database, name: str) -> RideServiceRecord | None:
    """A service by its name, ignoring case (for the command line)."""
    with db.read_session() as session:
        service = session.scalar(
            select(RideService).where(func.lower(RideService.name) == clean(name).lower())
        )
        return _record(service) if service else None

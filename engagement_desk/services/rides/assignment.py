"""The dispatcher's override: any driver for any open ride, with every broken rule named.

``check_assignment`` only returns the German warnings (the UI shows them and
asks); ``assign_driver`` saves with ``assigned_manually=True`` (so replanning
keeps it) and refuses while warnings are not accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Absence, Person, Ride, Vehicle
from engagement_desk.models.enums import AuditAction, RecordStatus, RideStatus, Role
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ServiceError, ValidationError
from engagement_desk.services.events.conflicts import conflicts_in_session, ride_period
from engagement_desk.services.records import conflicts_reported, get_or_raise, load_for_update
from engagement_desk.services.rides.addresses import display_name
from engagement_desk.services.rides.calendar import (
    WEEKDAY_NAMES,
    from_epoch_minutes,
    week_of,
)
from engagement_desk.services.rides.loader import (
    bundle_groups,
    load_drivers,
    plan_ride,
    week_rides,
)
from engagement_desk.services.rides.model import BUFFER_MINUTES, PlanDriver, PlanRide
from engagement_desk.services.rides.planning import PlannedRide, ride_infos
from engagement_desk.services.rides.rules import (
    STATIC_ORDER,
    Rule,
    load_excess,
    static_violations,
    trips,
)
from engagement_desk.services.wording import count_phrase

WHAT = "Fahrt"
CLOSED = (RideStatus.DONE, RideStatus.CANCELLED, RideStatus.NO_SHOW)


@dataclass(frozen=True)
class RuleWarning:
    rule: Rule
    message: str


@dataclass(frozen=True)
class AssignmentResult:
    ride: PlannedRide
    warnings: tuple[RuleWarning, ...]


class AssignmentNeedsConfirmation(ServiceError):
    """The assignment breaks rules; nothing was saved. ``warnings`` lists them."""

    def __init__(self, warnings: tuple[RuleWarning, ...]):
        self.warnings = warnings
        super().__init__(" ".join(w.message for w in warnings))


def _hhmm(minutes: int) -> str:
    return f"{from_epoch_minutes(minutes):%H:%M}"


def _warnings(
    session: Session, ride: Ride, person: Person, vehicle_id: int | None
) -> tuple[RuleWarning, ...]:
    week = week_of(ride.ride_date)
    drivers, vehicle_of = load_drivers(session, week)
    driver = next((d for d in drivers if d.id == person.id), None)
    if driver is None:
        driver = PlanDriver(person.id, 0, 0, 0, has_vehicle=False)
    vehicle_id = vehicle_id if vehicle_id is not None else vehicle_of.get(person.id)
    vehicle = session.get(Vehicle, vehicle_id) if vehicle_id is not None else None
    driver = replace(
        driver,
        seats=vehicle.seats if vehicle else 0,
        wheelchair_spaces=vehicle.wheelchair_spaces if vehicle else 0,
        has_vehicle=vehicle is not None,
    )
    live = [r for r in week_rides(session, week) if r.status != RideStatus.CANCELLED]
    groups = bundle_groups(live)
    target = plan_ride(ride, groups.get(ride.id, ride.id))
    others = [
        plan_ride(r, groups[r.id]) for r in live if r.driver_id == person.id and r.id != ride.id
    ]
    by_id = {r.id: r for r in live}
    name = display_name(person)
    label = vehicle.label if vehicle else ""
    found: list[RuleWarning] = []
    broken = static_violations(target, driver)
    for rule in (r for r in STATIC_ORDER if r in broken):
        found.append(
            RuleWarning(rule, _static_message(rule, session, ride, target, driver, name, label))
        )
    if trips([*others, target]) > driver.max_trips:
        found.append(
            RuleWarning(
                Rule.WEEKLY_MAX,
                f"{name} hätte damit "
                f"{count_phrase(trips([*others, target]), 'Fahrt', 'Fahrten')} in dieser Woche "
                f"(höchstens {driver.max_trips}).",
            )
        )
    for other in sorted(others, key=lambda r: r.start):
        if other.group != target.group and target.overlaps(other, BUFFER_MINUTES):
            found.append(
                RuleWarning(
                    Rule.OVERLAP,
                    f"{name} fährt von {_hhmm(other.start)} bis {_hhmm(other.end)} Uhr schon "
                    f"Fahrt Nr. {other.id} ({by_id[other.id].destination or 'ohne Ziel'}); "
                    f"zwischen zwei Fahrten sind {BUFFER_MINUTES} Minuten Puffer nötig.",
                )
            )
    same_tour = [o for o in others if o.group == target.group]
    if driver.has_vehicle and same_tour and load_excess([*same_tour, target], driver):
        found.append(
            RuleWarning(
                Rule.CAR_FULL,
                f"Auf der gemeinsamen Tour um {_hhmm(target.start)} Uhr reicht der Platz im "
                f"Fahrzeug {label} nicht.",
            )
        )
    start, end = ride_period(ride.ride_date, ride.start_time, ride.duration_minutes)
    for conflict in conflicts_in_session(session, person.id, start, end, exclude_ride_id=ride.id):
        if conflict.kind == "registration":  # other rides are covered by Rule.OVERLAP
            found.append(RuleWarning(Rule.EVENT, conflict.message))
    return tuple(found)


def _static_message(
    rule: Rule,
    session: Session,
    ride: Ride,
    target: PlanRide,
    driver: PlanDriver,
    name: str,
    label: str,
) -> str:
    day = ride.ride_date
    if rule == Rule.ABSENT:
        absence = session.scalar(
            select(Absence).where(
                Absence.person_id == driver.id, Absence.start_date <= day, Absence.end_date >= day
            )
        )
        why = f" ({absence.reason})" if absence and absence.reason else ""
        return f"{name} ist am {day:%d.%m.%Y} abwesend{why}."
    if rule == Rule.UNAVAILABLE:
        return (
            f"{name} ist am {WEEKDAY_NAMES[day.weekday()]} von {_hhmm(target.start)} bis "
            f"{_hhmm(target.end)} Uhr nicht als verfügbar eingetragen."
        )
    if rule == Rule.NO_VEHICLE:
        return f"{name} hat kein Fahrzeug hinterlegt."
    if rule == Rule.WHEELCHAIR:
        have = driver.wheelchair_spaces
        return (
            f"Das Fahrzeug {label} hat "
            + ("keinen Rollstuhlplatz" if have == 0 else f"nur {have} Rollstuhlplätze")
            + f"; nötig sind {target.wheelchairs}."
        )
    seats = count_phrase(driver.seats, "Sitzplatz", "Sitzplätze")
    return f"Das Fahrzeug {label} hat nur {seats}; nötig sind {target.seats}."


def _load(session: Session, ride_id: int, driver_id: int) -> tuple[Ride, Person]:
    ride = get_or_raise(session, Ride, ride_id, WHAT)
    person = get_or_raise(session, Person, driver_id, "Person")
    if Role.DRIVER not in {r.role for r in person.roles}:
        raise ValidationError(
            [
                FieldError(
                    "driver_id",
                    "Fahrer/in",
                    f"{display_name(person)} ist nicht als Fahrer/in eingetragen.",
                )
            ]
        )
    if ride.status in CLOSED:
        raise ValidationError(
            [
                FieldError(
                    "ride_id",
                    "Fahrt",
                    "Die Fahrt ist schon erledigt oder abgesagt; bitte zuerst wieder öffnen.",
                )
            ]
        )
    return ride, person


def _vehicle_ok(session: Session, vehicle_id: int | None) -> None:
    if vehicle_id is None:
        return
    vehicle = session.get(Vehicle, vehicle_id)
    if vehicle is None or vehicle.status != RecordStatus.ACTIVE:
        raise ValidationError(
            [FieldError("vehicle_id", "Fahrzeug", "Dieses Fahrzeug gibt es nicht (mehr).")]
        )


def check_assignment(
    db: Database, ride_id: int, driver_id: int, *, vehicle_id: int | None = None
) -> tuple[RuleWarning, ...]:
    """Every hard rule that giving this ride to this driver would break; empty if none."""
    with db.read_session() as session:
        ride, person = _load(session, ride_id, driver_id)
        _vehicle_ok(session, vehicle_id)
        return _warnings(session, ride, person, vehicle_id)


def assign_driver(
    db: Database,
    ride_id: int,
    driver_id: int,
    *,
    expected_version: int,
    vehicle_id: int | None = None,
    accept_warnings: bool = False,
) -> AssignmentResult:
    """Assign by hand; AssignmentNeedsConfirmation unless the warnings are accepted."""
    with db.session() as session, conflicts_reported(WHAT, ride_id):
        ride = load_for_update(session, Ride, ride_id, expected_version, WHAT)
        # Two workstations giving this driver a ride at once must count each other's
        # (weekly maximum, overlaps): the driver's row is locked until the commit.
        session.get(Person, driver_id, with_for_update=True, populate_existing=True)
        ride, person = _load(session, ride_id, driver_id)
        _vehicle_ok(session, vehicle_id)
        warnings = _warnings(session, ride, person, vehicle_id)
        if warnings and not accept_warnings:
            raise AssignmentNeedsConfirmation(warnings)
        _, vehicle_of = load_drivers(session, week_of(ride.ride_date))
        ride.driver_id = person.id
        ride.vehicle_id = vehicle_id if vehicle_id is not None else vehicle_of.get(person.id)
        ride.assigned_manually = True
        ride.status = RideStatus.ASSIGNED
        session.flush()
        audit.record(
            session, AuditAction.UPDATE, "ride", ride_id, ["driver_id", "assigned_manually"]
        )
        return AssignmentResult(ride_infos(session, [ride])[0], warnings)


def unassign_driver(db: Database, ride_id: int, *, expected_version: int) -> PlannedRide:
    """Take the driver off; the next planning assigns the ride automatically again."""
    with db.session() as session, conflicts_reported(WHAT, ride_id):
        ride = load_for_update(session, Ride, ride_id, expected_version, WHAT)
        if ride.status in CLOSED:
            raise ValidationError(
                [FieldError("ride_id", "Fahrt", "Die Fahrt ist schon erledigt oder abgesagt.")]
            )
        ride.driver_id = None
        ride.vehicle_id = None
        ride.assigned_manually = False
        ride.status = RideStatus.PLANNED
        session.flush()
        audit.record(session, AuditAction.UPDATE, "ride", ride_id, ["driver_id"])
        return ride_infos(session, [ride])[0]

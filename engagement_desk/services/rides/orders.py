"""Standing orders (Daueraufträge): create, update, end, pause, read, list."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import NamedTuple

from sqlalchemy import Select, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Person,
    PersonRole,
    Ride,
    RideService,
    StandingOrder,
    StandingOrderPause,
)
from engagement_desk.models.enums import AuditAction, RecordStatus, RideStatus, Role
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.services import audit
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.rides.addresses import display_name
from engagement_desk.services.rides.calendar import WEEKDAY_NAMES
from engagement_desk.services.rides.generation import order_addresses
from engagement_desk.services.rides.recurrence import (
    RecurrenceError,
    describe_recurrence,
    normalized,
    parse_recurrence,
)
from engagement_desk.services.validation import Validator, clean

WHAT = "Dauerauftrag"
PREVIEW_DAYS = 366


@dataclass(frozen=True)
class StandingOrderInput:
    service_id: int
    passenger_id: int
    recurrence: str
    """RRULE text; build it with ``recurrence.Recurrence(...).to_rrule()``."""
    pickup_time: dt.time
    destination_name: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    pickup_street: str = ""
    """Empty pick-up fields: the passenger's own address."""
    pickup_postal_code: str = ""
    pickup_city: str = ""
    destination_street: str = ""
    destination_postal_code: str = ""
    destination_city: str = ""
    return_time: dt.time | None = None
    wheelchair: bool = False
    rollator: bool = False
    escort: bool = False
    notes: str = ""


@dataclass(frozen=True)
class PauseRecord:
    id: int
    start_date: dt.date
    end_date: dt.date
    reason: str


@dataclass(frozen=True)
class StandingOrderRecord(StandingOrderInput):
    id: int = 0
    version: int = 0
    passenger_name: str = ""
    service_name: str = ""
    recurrence_text: str = ""
    """In words, e.g. 'jeden Dienstag'."""
    pickup_address: str = ""
    destination_address: str = ""
    pauses: tuple[PauseRecord, ...] = ()


_FIELDS = tuple(f.name for f in fields(StandingOrderInput))
_TEXT_LIMITS = {
    "destination_name": ("Ziel", 200),
    "pickup_street": ("Abholung: Straße", 200),
    "pickup_postal_code": ("Abholung: PLZ", 10),
    "pickup_city": ("Abholung: Ort", 100),
    "destination_street": ("Ziel: Straße", 200),
    "destination_postal_code": ("Ziel: PLZ", 10),
    "destination_city": ("Ziel: Ort", 100),
}


def _record(session: Session, order: StandingOrder) -> StandingOrderRecord:
    passenger = session.get(Person, order.passenger_id)
    service = session.get(RideService, order.service_id)
    return _build(order, passenger, service.name if service else "", order.pauses)


class _Passenger(NamedTuple):
    """What an order's record shows of its passenger (a whole ``Person`` is not needed)."""

    first_name: str
    last_name: str
    street: str
    postal_code: str
    city: str


def _build(
    order: StandingOrder,
    passenger: Person | _Passenger | None,
    service_name: str,
    pauses: Iterable[StandingOrderPause],
    describe: Callable[[str], str] = describe_recurrence,
) -> StandingOrderRecord:
    pickup, destination = order_addresses(order, passenger) if passenger else ("", "")
    return StandingOrderRecord(
        **{name: getattr(order, name) for name in _FIELDS},
        id=order.id,
        version=order.version,
        passenger_name=display_name(passenger) if passenger else "",
        service_name=service_name,
        recurrence_text=describe(order.recurrence),
        pickup_address=pickup,
        destination_address=destination,
        pauses=tuple(
            PauseRecord(p.id, p.start_date, p.end_date, p.reason)
            for p in sorted(pauses, key=lambda p: p.start_date)
        ),
    )


def _validated(session: Session, data: StandingOrderInput) -> dict[str, object]:
    check = Validator()
    values: dict[str, object] = {name: getattr(data, name) for name in _FIELDS}
    for name, (label, limit) in _TEXT_LIMITS.items():
        values[name] = clean(str(values[name]))
        check.max_length(name, label, str(values[name]), limit)
    values["notes"] = data.notes.strip()
    values["recurrence"] = normalized(data.recurrence)
    check.required("destination_name", "Ziel", values["destination_name"])
    for name in ("pickup_postal_code", "destination_postal_code"):
        check.postal_code(name, _TEXT_LIMITS[name][0], str(values[name]))
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
    if data.valid_to is not None and data.valid_to < data.valid_from:
        check.error("valid_to", "Gültig bis", f"{data.valid_to:%d.%m.%Y} liegt vor dem Beginn.")
    if data.return_time is not None and data.return_time <= data.pickup_time:
        check.error(
            "return_time",
            "Rückfahrt",
            f"Die Rückfahrt ({data.return_time:%H:%M}) muss nach der Hinfahrt "
            f"({data.pickup_time:%H:%M}) liegen.",
        )
    try:
        rule = parse_recurrence(data.recurrence, data.valid_from)
    except RecurrenceError as exc:
        check.error("recurrence", "Wiederholung", str(exc))
    else:
        horizon = data.valid_to or data.valid_from + dt.timedelta(days=PREVIEW_DAYS)
        first = rule.after(dt.datetime.combine(data.valid_from, dt.time()), inc=True)
        if first is None or first.date() > horizon:
            check.error("recurrence", "Wiederholung", "Die Regel ergibt keinen einzigen Termin.")
        elif service is not None:
            days = {
                d.weekday()
                for d in (
                    m.date()
                    for m in rule.between(
                        dt.datetime.combine(data.valid_from, dt.time()),
                        dt.datetime.combine(data.valid_from + dt.timedelta(days=62), dt.time()),
                        inc=True,
                    )
                )
            }
            off = sorted(d for d in days if str(d) not in service.operating_days)
            if off:
                names = ", ".join(WEEKDAY_NAMES[d] for d in off)
                check.error(
                    "recurrence",
                    "Wiederholung",
                    f"Der Fahrdienst „{service.name}“ fährt nicht am {names}.",
                )
    check.raise_if_any()
    return values


def create_standing_order(db: Database, data: StandingOrderInput) -> StandingOrderRecord:
    with db.session() as session:
        order = StandingOrder(**_validated(session, data), pauses=[])
        session.add(order)
        session.flush()
        audit.record(session, AuditAction.CREATE, "standing_order", order.id)
        return _record(session, order)


def update_standing_order(
    db: Database, order_id: int, data: StandingOrderInput, *, expected_version: int
) -> StandingOrderRecord:
    """Save changes; open rides already generated follow at the next planning of their week."""
    with db.session() as session, conflicts_reported(WHAT, order_id):
        order = load_for_update(session, StandingOrder, order_id, expected_version, WHAT)
        changed = apply_changes(order, _validated(session, data))
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "standing_order", order_id, changed)
        return _record(session, order)


def delete_standing_order(db: Database, order_id: int, *, expected_version: int) -> int:
    """Delete the order and its open rides from today on; returns how many rides went.

    Rides done, cancelled or in the past stay (without their order) for the statistics.
    """
    with db.session() as session, conflicts_reported(WHAT, order_id):
        order = load_for_update(session, StandingOrder, order_id, expected_version, WHAT)
        rides = session.scalars(
            select(Ride).where(
                Ride.standing_order_id == order_id,
                Ride.ride_date >= dt.date.today(),
                Ride.status.in_((RideStatus.PLANNED, RideStatus.ASSIGNED)),
            )
        ).all()
        for ride in rides:
            session.delete(ride)
        session.delete(order)
        session.flush()
        audit.record(session, AuditAction.DELETE, "standing_order", order_id)
        return len(rides)


def get_standing_order(db: Database, order_id: int) -> StandingOrderRecord:
    with db.read_session() as session:
        return _record(session, get_or_raise(session, StandingOrder, order_id, WHAT))


ORDER_STATES = ("active", "paused", "ended")


def list_standing_orders(
    db: Database,
    *,
    service_id: int | None = None,
    passenger_id: int | None = None,
    active_on: dt.date | None = None,
    search: str = "",
    state: str | None = None,
    today: dt.date | None = None,
    limit: int | None = None,
) -> list[StandingOrderRecord]:
    """Orders by passenger name (the first ``limit`` of them); ``active_on`` keeps those
    valid that day.

    ``search`` matches the passenger's name and the destination (name, street, town);
    ``state`` is one of ORDER_STATES as of ``today``: paused (a pause covers today),
    ended (valid until before today), active (neither).
    """
    statement = _orders_statement(
        service_id, passenger_id, active_on, search, state, today or dt.date.today()
    )
    if limit is not None:
        statement = statement.limit(limit)
    with db.read_session() as session:
        rows = session.execute(
            statement.add_columns(
                RideService.name,
                Person.first_name,
                Person.last_name,
                Person.street,
                Person.postal_code,
                Person.city,
            ).join(RideService, RideService.id == StandingOrder.service_id)
        ).all()
        # One query for the pauses of every order shown, not one per order.
        shown = (
            [row[0].id for row in rows]
            if limit is not None
            else statement.with_only_columns(StandingOrder.id).order_by(None)
        )
        pauses: dict[int, list[StandingOrderPause]] = defaultdict(list)
        for pause in session.scalars(
            select(StandingOrderPause).where(StandingOrderPause.standing_order_id.in_(shown))
        ):
            pauses[pause.standing_order_id].append(pause)
        describe = functools.cache(describe_recurrence)  # a few rules, thousands of orders
        return [
            _build(order, _Passenger(*passenger), service_name, pauses.get(order.id, ()), describe)
            for order, service_name, *passenger in rows
        ]


@dataclass(frozen=True)
class OrderPage:
    orders: list[StandingOrderRecord]
    total: int
    """How many orders match (more than ``orders`` when the list was cut)."""


def find_standing_orders(
    db: Database,
    *,
    service_id: int | None = None,
    search: str = "",
    state: str | None = None,
    limit: int = 500,
) -> OrderPage:
    """The first ``limit`` matching orders (as ``list_standing_orders``) and how many match."""
    orders = list_standing_orders(
        db, service_id=service_id, search=search, state=state, limit=limit
    )
    if len(orders) < limit:
        return OrderPage(orders, len(orders))
    statement = _orders_statement(service_id, None, None, search, state, dt.date.today())
    with db.read_session() as session:
        total = session.scalar(
            select(func.count()).select_from(statement.order_by(None).subquery())
        )
    return OrderPage(orders, int(total or 0))


def _orders_statement(
    service_id: int | None,
    passenger_id: int | None,
    active_on: dt.date | None,
    search: str,
    state: str | None,
    today: dt.date,
) -> Select:
    statement = (
        select(StandingOrder)
        .join(Person, Person.id == StandingOrder.passenger_id)
        .order_by(
            Person.last_name_key,
            Person.first_name_key,
            StandingOrder.pickup_time,
            StandingOrder.id,
        )
    )
    if service_id is not None:
        statement = statement.where(StandingOrder.service_id == service_id)
    if passenger_id is not None:
        statement = statement.where(StandingOrder.passenger_id == passenger_id)
    if active_on is not None:
        statement = statement.where(
            StandingOrder.valid_from <= active_on,
            (StandingOrder.valid_to.is_(None)) | (StandingOrder.valid_to >= active_on),
        )
    for word in search.split():
        pattern = f"%{_escaped(word)}%"
        # Names through their German keys: "muller" finds Müller, "strasse" Straße.
        folded = f"%{_escaped(german_sort_key(word))}%"
        statement = statement.where(
            or_(
                Person.first_name_key.like(folded, escape="\\"),
                Person.last_name_key.like(folded, escape="\\"),
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        StandingOrder.destination_name,
                        StandingOrder.destination_street,
                        StandingOrder.destination_city,
                    )
                ),
            )
        )
    if state is not None:
        ended = StandingOrder.valid_to.is_not(None) & (StandingOrder.valid_to < today)
        paused = exists().where(
            StandingOrderPause.standing_order_id == StandingOrder.id,
            StandingOrderPause.start_date <= today,
            StandingOrderPause.end_date >= today,
        )
        condition = {
            "ended": ended,
            "paused": ~ended & paused,
            "active": ~ended & ~paused,
        }[state]
        statement = statement.where(condition)
    return statement


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _check_pause(
    check: Validator, order: StandingOrder, start: dt.date, end: dt.date, pause_id: int | None
) -> None:
    for pause in order.pauses:
        if pause.id != pause_id and pause.start_date <= end and start <= pause.end_date:
            check.error(
                "start_date",
                "Pause",
                f"Überschneidet sich mit der Pause {pause.start_date:%d.%m.%Y}–"
                f"{pause.end_date:%d.%m.%Y}.",
            )


def _pause_fields(start_date: dt.date, end_date: dt.date, reason: str) -> tuple[Validator, str]:
    check = Validator()
    if end_date < start_date:
        check.error("end_date", "Pause bis", f"{end_date:%d.%m.%Y} liegt vor dem Beginn.")
    reason = clean(reason)
    check.max_length("reason", "Grund", reason, 200)
    check.raise_if_any()
    return check, reason


def update_pause(
    db: Database, pause_id: int, start_date: dt.date, end_date: dt.date, reason: str = ""
) -> StandingOrderRecord:
    """Change a pause's days or reason (same checks as ``add_pause``)."""
    check, reason = _pause_fields(start_date, end_date, reason)
    with db.session() as session:
        pause = session.get(StandingOrderPause, pause_id)
        if pause is None:
            raise NotFoundError(f"Pause Nr. {pause_id} gibt es nicht (mehr).")
        order = get_or_raise(session, StandingOrder, pause.standing_order_id, WHAT)
        _check_pause(check, order, start_date, end_date, pause_id)
        check.raise_if_any()
        pause.start_date, pause.end_date, pause.reason = start_date, end_date, reason
        session.flush()
        audit.record(session, AuditAction.UPDATE, "standing_order", order.id, ["pauses"])
        return _record(session, order)


def add_pause(
    db: Database, order_id: int, start_date: dt.date, end_date: dt.date, reason: str = ""
) -> StandingOrderRecord:
    """Pause the order (e.g. passenger in hospital); the week's rides go at the next planning."""
    check, reason = _pause_fields(start_date, end_date, reason)
    with db.session() as session:
        order = get_or_raise(session, StandingOrder, order_id, WHAT)
        _check_pause(check, order, start_date, end_date, None)
        check.raise_if_any()
        order.pauses.append(
            StandingOrderPause(start_date=start_date, end_date=end_date, reason=reason)
        )
        session.flush()
        audit.record(session, AuditAction.UPDATE, "standing_order", order_id, ["pauses"])
        return _record(session, order)


def remove_pause(db: Database, pause_id: int) -> StandingOrderRecord:
    with db.session() as session:
        pause = session.get(StandingOrderPause, pause_id)
        if pause is None:
            raise NotFoundError(f"Pause Nr. {pause_id} gibt es nicht (mehr).")
        order_id = pause.standing_order_id
        session.execute(delete(StandingOrderPause).where(StandingOrderPause.id == pause_id))
        session.expire_all()
        order = get_or_raise(session, StandingOrder, order_id, WHAT)
        audit.record(session, AuditAction.UPDATE, "standing_order", order_id, ["pauses"])
        return _record(session, order)


def passenger_choices(db: Database) -> list[tuple[int, str]]:
    """(id, 'Last, First') of everyone with the passenger role, for pickers."""
    with db.read_session() as session:
        rows = session.execute(
            select(Person.id, Person.last_name, Person.first_name)
            .where(
                Person.id.in_(select(PersonRole.person_id).where(PersonRole.role == Role.PASSENGER))
            )
            .order_by(Person.last_name, Person.first_name)
        )
        return [(pid, ", ".join(p for p in (last, first) if p)) for pid, last, first in rows]

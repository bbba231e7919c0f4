"""Events: create and edit them, their helper shifts, registrations, RSVP and check-in.

Every function is one unit of work and returns frozen dataclasses. Capacity is
enforced here: participants beyond an event's capacity and helpers beyond a
shift's slots go to the waiting list, which is ordered by ``registered_at``;
when someone cancels, the first one waiting moves up in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import Row, func, select, update
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
    EventQuestion,
    Organization,
    Person,
    Registration,
    Shift,
)
from engagement_desk.models.enums import (
    AuditAction,
    EventKind,
    RegistrationRole,
    RegistrationStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.errors import ConflictError, FieldError, ValidationError
from engagement_desk.services.events.conflicts import ConflictWarning, conflicts_in_session
from engagement_desk.services.events.event_list import CAPACITY_ROLES
from engagement_desk.services.listing import matches_words
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)

EVENT = "Veranstaltung"
SHIFT = "Schicht"
REGISTRATION = "Anmeldung"

ACTIVE_STATUSES = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.NO_SHOW,
)
"""Statuses that take a place (of the capacity or of a shift's slots)."""
CHECKABLE_STATUSES = (*ACTIVE_STATUSES, RegistrationStatus.INVITED)
ROLE_LABELS = {
    RegistrationRole.PARTICIPANT: "Teilnehmer/in",
    RegistrationRole.HELPER: "Helfer/in",
    RegistrationRole.EXHIBITOR: "Aussteller/in",
    RegistrationRole.GUEST: "Gast",
    RegistrationRole.SPEAKER: "Referent/in",
    RegistrationRole.SPONSOR: "Sponsor/in",
    RegistrationRole.MEMBER: "Mitglied",
    RegistrationRole.NOMINEE: "Geehrte/r",
}
STATUS_LABELS = {
    RegistrationStatus.INVITED: "eingeladen",
    RegistrationStatus.REGISTERED: "angemeldet",
    RegistrationStatus.WAITING_LIST: "Warteliste",
    RegistrationStatus.DECLINED: "abgesagt",
    RegistrationStatus.CANCELLED: "storniert",
    RegistrationStatus.ATTENDED: "anwesend",
    RegistrationStatus.NO_SHOW: "nicht erschienen",
}
KIND_LABELS = {
    EventKind.CLUB_FAIR: "Vereinsmesse",
    EventKind.VOLUNTEER_DAY: "Freiwilligentag",
    EventKind.WORKSHOP: "Engagement-Werkstatt",
    EventKind.TRAINING: "Vereinsforum (Schulung)",
    EventKind.CITIZEN_DIALOGUE: "Bürgerschaft (ge)fragt",
    EventKind.WORKING_GROUP: "Arbeitskreis Engagierte Stadt",
    EventKind.RECOGNITION: "Ehrenamtsempfang",
    EventKind.OTHER: "Sonstige Veranstaltung",
}
_HOURS_MAX = Decimal("999.99")


# ---------------------------------------------------------------------------- data


@dataclass(frozen=True)
class EventData:
    """What the event form edits."""

    kind: EventKind | str
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    place: str = ""
    center_id: int | None = None
    organization_id: int | None = None
    capacity: int | None = None
    description: str = ""
    is_public: bool = True
    hours_credit: Decimal | str | None = None
    trainer: str = ""


@dataclass(frozen=True)
class EventRecord:
    id: int
    version: int
    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    center_id: int | None
    organization_id: int | None
    capacity: int | None
    description: str
    is_public: bool
    hours_credit: Decimal | None
    trainer: str
    agenda: str
    minutes: str
    next_meeting_on: dt.date | None
    registered: int
    waiting: int

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def free_places(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.registered, 0)


@dataclass(frozen=True)
class ShiftData:
    title: str
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    slots: int = 1


@dataclass(frozen=True)
class ShiftRecord:
    id: int
    version: int
    event_id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    slots: int
    taken: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.slots - self.taken, 0)


@dataclass(frozen=True)
class RegistrationRecord:
    id: int
    version: int
    event_id: int
    person_id: int | None
    organization_id: int | None
    name: str
    role: RegistrationRole
    status: RegistrationStatus
    shift_id: int | None
    shift_title: str
    stand: str
    registered_at: dt.datetime
    note: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class RegisterResult:
    """The new registration; ``warnings`` are overlaps the UI shows (nothing was refused)."""

    registration: RegistrationRecord
    warnings: tuple[ConflictWarning, ...] = ()

    @property
    def on_waiting_list(self) -> bool:
        return self.registration.status == RegistrationStatus.WAITING_LIST


@dataclass(frozen=True)
class CancelResult:
    cancelled: RegistrationRecord
    moved_up: RegistrationRecord | None

    @property
    def message(self) -> str:
        text = f"Anmeldung von {self.cancelled.name} storniert."
        if self.moved_up is not None:
            text += f" {self.moved_up.name} rückt von der Warteliste nach."
        return text


@dataclass(frozen=True)
class CheckInResult:
    changed: int
    skipped: tuple[int, ...] = ()
    hours_created: int = 0
    hours_updated: int = 0
    hours_removed: int = 0


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    event_id: int
    asked_by: str
    text: str
    received_on: dt.date


@dataclass(frozen=True)
class RegistrationFilter:
    """Filters of the registrations list; all optional."""

    text: str = ""
    roles: tuple[RegistrationRole, ...] = ()
    statuses: tuple[RegistrationStatus, ...] = ()
    shift_id: int | None = None


# ---------------------------------------------------------------------- validation


def _error(errors: list[FieldError], name: str, label: str, message: str) -> None:
    errors.append(FieldError(name, label, message))


def _check_text(
    errors: list[FieldError], name: str, label: str, value: str, limit: int, required: bool
) -> str:
    value = (value or "").strip()
    if required and not value:
        _error(errors, name, label, f"Bitte {label} eingeben.")
    elif len(value) > limit:
        _error(errors, name, label, f"Höchstens {limit} Zeichen (jetzt {len(value)}).")
    return value


def _check_period(
    errors: list[FieldError],
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None,
    *,
    strict: bool,
) -> None:
    if starts_at is None:
        _error(errors, "starts_at", "Beginn", "Bitte Datum und Uhrzeit des Beginns eingeben.")
    if ends_at is None:
        _error(errors, "ends_at", "Ende", "Bitte Datum und Uhrzeit des Endes eingeben.")
    if starts_at is None or ends_at is None:
        return
    for name, label, value in (("starts_at", "Beginn", starts_at), ("ends_at", "Ende", ends_at)):
        if value.tzinfo is not None:
            _error(errors, name, label, "Bitte Ortszeit ohne Zeitzone angeben.")
    if ends_at < starts_at or (strict and ends_at == starts_at):
        _error(errors, "ends_at", "Ende", "Das Ende muss nach dem Beginn liegen.")


def validate_event(data: EventData) -> dict[str, object]:
    """The values to store; ValidationError names every bad field."""
    errors: list[FieldError] = []
    try:
        kind = EventKind(data.kind)
    except ValueError:
        kind = EventKind.OTHER
        _error(errors, "kind", "Art", f"Unbekannte Veranstaltungsart „{data.kind}“.")
    title = _check_text(errors, "title", "Titel", data.title, 200, True)
    place = _check_text(errors, "place", "Ort", data.place, 300, False)
    trainer = _check_text(errors, "trainer", "Referent/in", data.trainer, 200, False)
    _check_period(errors, data.starts_at, data.ends_at, strict=False)
    if data.capacity is not None and data.capacity < 0:
        _error(errors, "capacity", "Plätze", "Die Zahl der Plätze darf nicht negativ sein.")
    hours: Decimal | None = None
    if data.hours_credit not in (None, ""):
        try:
            hours = Decimal(str(data.hours_credit).replace(",", "."))
        except InvalidOperation:
            _error(errors, "hours_credit", "Stunden", "Bitte eine Zahl eingeben, z. B. 2,5.")
        else:
            if not hours.is_finite() or hours < 0 or hours > _HOURS_MAX:
                _error(errors, "hours_credit", "Stunden", "Bitte zwischen 0 und 999,99 angeben.")
            else:
                hours = hours.quantize(Decimal("0.01"))
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": title,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "place": place,
        "center_id": data.center_id,
        "organization_id": data.organization_id,
        "capacity": data.capacity,
        "description": data.description or "",
        "is_public": bool(data.is_public),
        "hours_credit": hours,
        "trainer": trainer,
    }


def validate_shift(data: ShiftData) -> dict[str, object]:
    errors: list[FieldError] = []
    title = _check_text(errors, "title", "Aufgabe", data.title, 200, True)
    _check_period(errors, data.starts_at, data.ends_at, strict=True)
    if data.slots is None or data.slots < 1:
        _error(errors, "slots", "Plätze", "Eine Schicht braucht mindestens einen Platz.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "slots": data.slots,
    }


# ------------------------------------------------------------------------ events


def _counts(session: Session, event_id: int) -> tuple[int, int]:
    rows = session.execute(
        select(Registration.status, func.count())
        .where(
            Registration.event_id == event_id,
            Registration.role.in_(CAPACITY_ROLES),
            Registration.status.in_((*ACTIVE_STATUSES, RegistrationStatus.WAITING_LIST)),
        )
        .group_by(Registration.status)
    ).all()
    waiting = sum(n for status, n in rows if status == RegistrationStatus.WAITING_LIST)
    return sum(n for _, n in rows) - waiting, waiting


def _event_record(session: Session, event: Event) -> EventRecord:
    registered, waiting = _counts(session, event.id)
    return EventRecord(
        id=event.id,
        version=event.version,
        kind=event.kind,
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        center_id=event.center_id,
        organization_id=event.organization_id,
        capacity=event.capacity,
        description=event.description,
        is_public=event.is_public,
        hours_credit=event.hours_credit,
        trainer=event.trainer,
        agenda=event.agenda,
        minutes=event.minutes,
        next_meeting_on=event.next_meeting_on,
        registered=registered,
        waiting=waiting,
    )


def create_event(db: Database, data: EventData) -> EventRecord:
    values = validate_event(data)
    with db.session() as session:
        event = Event(**values)
        session.add(event)
        session.flush()
        audit.record(session, AuditAction.CREATE, "event", event.id, values)
        return _event_record(session, event)


def update_event(
    db: Database, event_id: int, expected_version: int, data: EventData
) -> EventRecord:
    """Save the form; ConflictError if another workstation saved the event meanwhile.

    Lowering the capacity never removes anyone; raising it moves people up from the
    waiting list."""
    values = validate_event(data)
    with db.session() as session, conflicts_reported(EVENT, event_id):
        event = load_for_update(session, Event, event_id, expected_version, EVENT)
        changed = apply_changes(event, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "event", event.id, changed)
            if "capacity" in changed:
                _fill_from_waiting_list(session, event, None)
        return _event_record(session, event)


def get_event(db: Database, event_id: int) -> EventRecord:
    with db.read_session() as session:
        return _event_record(session, get_or_raise(session, Event, event_id, EVENT))


def delete_event(db: Database, event_id: int, expected_version: int) -> None:
    """Delete a planned event with its shifts, registrations and questions.

    Refused once anyone's attendance is recorded: that is the evidence behind
    hours and attendance certificates."""
    with db.session() as session, conflicts_reported(EVENT, event_id):
        event = load_for_update(session, Event, event_id, expected_version, EVENT)
        attended = session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(
                Registration.event_id == event_id,
                Registration.status == RegistrationStatus.ATTENDED,
            )
        )
        if attended:
            raise ValidationError(
                [
                    FieldError(
                        "id",
                        EVENT,
                        f"Die Veranstaltung „{event.title}“ kann nicht gelöscht werden: "
                        f"für {attended} Person(en) ist die Teilnahme erfasst.",
                    )
                ]
            )
        session.delete(event)
        audit.record(session, AuditAction.DELETE, "event", event_id)


def update_working_group(
    db: Database,
    event_id: int,
    expected_version: int,
    *,
    agenda: str | None = None,
    minutes: str | None = None,
    next_meeting_on: dt.date | type[Ellipsis] | None = ...,
) -> EventRecord:
    """Arbeitskreis: agenda, minutes and the next meeting (``...`` leaves a value alone)."""
    values: dict[str, object] = {}
    if agenda is not None:
        values["agenda"] = agenda
    if minutes is not None:
        values["minutes"] = minutes
    if next_meeting_on is not ...:
        values["next_meeting_on"] = next_meeting_on
    with db.session() as session, conflicts_reported(EVENT, event_id):
        event = load_for_update(session, Event, event_id, expected_version, EVENT)
        if next_meeting_on not in (..., None) and next_meeting_on < event.starts_at.date():
            raise ValidationError(
                [
                    FieldError(
                        "next_meeting_on",
                        "Nächstes Treffen",
                        "Das nächste Treffen muss nach diesem Treffen liegen.",
                    )
                ]
            )
        changed = apply_changes(event, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "event", event.id, changed)
        return _event_record(session, event)


# ------------------------------------------------------------------------ shifts


def _shift_record(session: Session, shift: Shift) -> ShiftRecord:
    rows = session.execute(
        select(Registration.status, func.count())
        .where(Registration.shift_id == shift.id)
        .group_by(Registration.status)
    ).all()
    taken = sum(n for status, n in rows if status in ACTIVE_STATUSES)
    waiting = sum(n for status, n in rows if status == RegistrationStatus.WAITING_LIST)
    return ShiftRecord(
        shift.id,
        shift.version,
        shift.event_id,
        shift.title,
        shift.starts_at,
        shift.ends_at,
        shift.slots,
        taken,
        waiting,
    )


def add_shift(db: Database, event_id: int, data: ShiftData) -> ShiftRecord:
    values = validate_shift(data)
    with db.session() as session:
        get_or_raise(session, Event, event_id, EVENT)
        shift = Shift(event_id=event_id, **values)
        session.add(shift)
        session.flush()
        audit.record(session, AuditAction.CREATE, "shift", shift.id, values)
        return _shift_record(session, shift)


def update_shift(
    db: Database, shift_id: int, expected_version: int, data: ShiftData
) -> ShiftRecord:
    values = validate_shift(data)
    with db.session() as session, conflicts_reported(SHIFT, shift_id):
        shift = load_for_update(session, Shift, shift_id, expected_version, SHIFT)
        changed = apply_changes(shift, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "shift", shift.id, changed)
            if "slots" in changed:
                _fill_from_waiting_list(session, session.get(Event, shift.event_id), shift)
        return _shift_record(session, shift)


def delete_shift(db: Database, shift_id: int, expected_version: int) -> None:
    """Registrations of the shift stay, without a shift."""
    with db.session() as session, conflicts_reported(SHIFT, shift_id):
        shift = load_for_update(session, Shift, shift_id, expected_version, SHIFT)
        session.delete(shift)
        audit.record(session, AuditAction.DELETE, "shift", shift_id)


def list_shifts(db: Database, event_id: int) -> tuple[ShiftRecord, ...]:
    with db.read_session() as session:
        shifts = session.scalars(
            select(Shift).where(Shift.event_id == event_id).order_by(Shift.starts_at, Shift.id)
        ).all()
        return tuple(_shift_record(session, s) for s in shifts)


# ------------------------------------------------------------------ registrations


_REGISTRATION_COLUMNS = (
    Registration.id,
    Registration.version,
    Registration.event_id,
    Registration.person_id,
    Registration.organization_id,
    Registration.role,
    Registration.status,
    Registration.shift_id,
    Registration.stand,
    Registration.registered_at,
    Registration.note,
    Person.first_name,
    Person.last_name,
    Organization.name.label("organization_name"),
    Shift.title.label("shift_title"),
)


def _display_name(row: Row) -> str:
    """ "Anna Weber (Turnverein)" for a club's contact, the club alone without one."""
    first, last, organization = row.first_name, row.last_name, row.organization_name
    if row.person_id is None:
        return organization or ""
    name = f"{first or ''} {last or ''}".strip()
    return f"{name} ({organization})" if organization else name


def _registration_rows(session: Session, *conditions) -> list[RegistrationRecord]:
    """Plain columns, not entities: an event's 2,000 registrations load in a few ms."""
    statement = (
        select(*_REGISTRATION_COLUMNS)
        .outerjoin(Person, Person.id == Registration.person_id)
        .outerjoin(Organization, Organization.id == Registration.organization_id)
        .outerjoin(Shift, Shift.id == Registration.shift_id)
        .where(*conditions)
        .order_by(Registration.registered_at, Registration.id)
    )
    return [
        RegistrationRecord(
            row.id,
            row.version,
            row.event_id,
            row.person_id,
            row.organization_id,
            _display_name(row),
            row.role,
            row.status,
            row.shift_id,
            row.shift_title or "",
            row.stand,
            row.registered_at,
            row.note,
        )
        for row in session.execute(statement)
    ]


def _registration_record(session: Session, registration_id: int) -> RegistrationRecord:
    return _registration_rows(session, Registration.id == registration_id)[0]


def get_registration(db: Database, registration_id: int) -> RegistrationRecord:
    with db.read_session() as session:
        get_or_raise(session, Registration, registration_id, REGISTRATION)
        return _registration_record(session, registration_id)


def list_registrations(
    db: Database, event_id: int, filters: RegistrationFilter | None = None
) -> tuple[RegistrationRecord, ...]:
    """The registrations of one event, oldest first; filtered in SQL."""
    filters = filters or RegistrationFilter()
    conditions = [Registration.event_id == event_id]
    if filters.roles:
        conditions.append(Registration.role.in_(filters.roles))
    if filters.statuses:
        conditions.append(Registration.status.in_(filters.statuses))
    if filters.shift_id is not None:
        conditions.append(Registration.shift_id == filters.shift_id)
    with db.read_session() as session:
        conditions += matches_words(
            session,
            filters.text,
            (Person.first_name, Person.last_name, Organization.name, Registration.stand),
        )
        return tuple(_registration_rows(session, *conditions))


def _place_taken(
    session: Session,
    event: Event,
    role: RegistrationRole,
    shift: Shift | None,
    exclude_id: int | None = None,
) -> bool:
    """True when a new registration in this role (and shift) has no place left."""
    if shift is not None and role == RegistrationRole.HELPER:
        limit, condition = shift.slots, Registration.shift_id == shift.id
    elif role in CAPACITY_ROLES and event.capacity is not None:
        limit, condition = event.capacity, Registration.role.in_(CAPACITY_ROLES)
    else:
        return False
    taken = session.scalar(
        select(func.count())
        .select_from(Registration)
        .where(
            Registration.event_id == event.id,
            condition,
            Registration.status.in_(ACTIVE_STATUSES),
            Registration.id != (exclude_id or -1),
        )
    )
    return (taken or 0) >= limit


def _period(event: Event, shift: Shift | None) -> tuple[dt.datetime, dt.datetime]:
    return (shift.starts_at, shift.ends_at) if shift else (event.starts_at, event.ends_at)


def _load_shift(session: Session, event: Event, shift_id: int | None) -> Shift | None:
    if shift_id is None:
        return None
    shift = get_or_raise(session, Shift, shift_id, SHIFT)
    if shift.event_id != event.id:
        raise ValidationError(
            [
                FieldError(
                    "shift_id", "Schicht", "Die Schicht gehört zu einer anderen Veranstaltung."
                )
            ]
        )
    return shift


def registration_warnings(
    db: Database, event_id: int, person_id: int, shift_id: int | None = None
) -> tuple[ConflictWarning, ...]:
    """Overlaps the UI shows before it registers someone (see ``event_conflicts``)."""
    with db.read_session() as session:
        event = get_or_raise(session, Event, event_id, EVENT)
        start, end = _period(event, _load_shift(session, event, shift_id))
        return conflicts_in_session(session, person_id, start, end)


def register(
    db: Database,
    event_id: int,
    person_id: int | None = None,
    organization_id: int | None = None,
    role: RegistrationRole | str = RegistrationRole.PARTICIPANT,
    shift_id: int | None = None,
    stand: str = "",
    note: str = "",
    *,
    invite: bool = False,
) -> RegisterResult:
    """Register (or with ``invite=True`` invite) a person or organization.

    Beyond capacity or a shift's slots the registration lands on the waiting list.
    Overlapping registrations and rides of the person come back as warnings."""
    errors: list[FieldError] = []
    if person_id is None and organization_id is None:
        _error(errors, "person_id", "Person", "Bitte eine Person oder Organisation auswählen.")
    try:
        role = RegistrationRole(role)
    except ValueError:
        _error(errors, "role", "Rolle", f"Unbekannte Rolle „{role}“.")
    stand = _check_text(errors, "stand", "Stand", stand, 100, False)
    note = _check_text(errors, "note", "Notiz", note, 500, False)
    if role == RegistrationRole.HELPER and shift_id is None:
        pass  # a helper without a shift ("wherever needed") is allowed
    elif shift_id is not None and role != RegistrationRole.HELPER:
        _error(errors, "shift_id", "Schicht", "Nur Helfer/innen werden einer Schicht zugeteilt.")
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        event = get_or_raise(session, Event, event_id, EVENT)
        shift = _load_shift(session, event, shift_id)
        if person_id is not None:
            get_or_raise(session, Person, person_id, "Person")
        if organization_id is not None:
            get_or_raise(session, Organization, organization_id, "Organisation")
        duplicate = session.scalar(
            select(Registration.id).where(
                Registration.event_id == event_id,
                Registration.person_id.is_(None)
                if person_id is None
                else Registration.person_id == person_id,
                Registration.organization_id.is_(None)
                if organization_id is None
                else Registration.organization_id == organization_id,
                Registration.role == role,
                Registration.shift_id.is_(None)
                if shift_id is None
                else Registration.shift_id == shift_id,
                Registration.status.not_in(
                    (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)
                ),
            )
        )
        if duplicate is not None:
            raise ValidationError(
                [
                    FieldError(
                        "person_id",
                        "Person",
                        f"Ist bereits angemeldet (Anmeldung Nr. {duplicate}).",
                    )
                ]
            )
        if invite:
            status = RegistrationStatus.INVITED
        elif _place_taken(session, event, role, shift):
            status = RegistrationStatus.WAITING_LIST
        else:
            status = RegistrationStatus.REGISTERED
        registration = Registration(
            event_id=event_id,
            person_id=person_id,
            organization_id=organization_id,
            role=role,
            status=status,
            shift_id=shift_id,
            stand=stand,
            note=note,
        )
        session.add(registration)
        session.flush()
        audit.record(session, AuditAction.CREATE, "registration", registration.id)
        warnings: tuple[ConflictWarning, ...] = ()
        if person_id is not None:
            start, end = _period(event, shift)
            warnings = conflicts_in_session(
                session, person_id, start, end, exclude_registration_id=registration.id
            )
        return RegisterResult(_registration_record(session, registration.id), warnings)


def _fill_from_waiting_list(
    session: Session, event: Event | None, shift: Shift | None
) -> list[Registration]:
    """Move people up while places are free; returns who moved up, first come first."""
    if event is None:
        return []
    if shift is not None:
        condition = (
            Registration.shift_id == shift.id,
            Registration.role == RegistrationRole.HELPER,
        )
        role = RegistrationRole.HELPER
    else:
        condition = (Registration.role.in_(CAPACITY_ROLES),)
        role = RegistrationRole.PARTICIPANT
    moved = []
    waiting = session.scalars(
        select(Registration)
        .where(
            Registration.event_id == event.id,
            Registration.status == RegistrationStatus.WAITING_LIST,
            *condition,
        )
        .order_by(Registration.registered_at, Registration.id)
    ).all()
    for registration in waiting:
        if _place_taken(session, event, role, shift):
            break
        registration.status = RegistrationStatus.REGISTERED
        session.flush()
        audit.record(session, AuditAction.UPDATE, "registration", registration.id, ["status"])
        moved.append(registration)
    return moved


def cancel_registration(
    db: Database, registration_id: int, expected_version: int | None = None
) -> CancelResult:
    """Cancel; the first one on the waiting list for that place moves up at once."""
    with db.session() as session, conflicts_reported(REGISTRATION, registration_id):
        if expected_version is None:
            registration = get_or_raise(session, Registration, registration_id, REGISTRATION)
        else:
            registration = load_for_update(
                session, Registration, registration_id, expected_version, REGISTRATION
            )
        freed = registration.status in ACTIVE_STATUSES
        registration.status = RegistrationStatus.CANCELLED
        session.flush()
        audit.record(session, AuditAction.UPDATE, "registration", registration_id, ["status"])
        moved: list[Registration] = []
        if freed:
            event = session.get(Event, registration.event_id)
            if registration.role == RegistrationRole.HELPER and registration.shift_id:
                moved = _fill_from_waiting_list(
                    session, event, session.get(Shift, registration.shift_id)
                )
            elif registration.role in CAPACITY_ROLES:
                moved = _fill_from_waiting_list(session, event, None)
        return CancelResult(
            _registration_record(session, registration_id),
            _registration_record(session, moved[0].id) if moved else None,
        )


def respond_to_invitation(db: Database, registration_id: int, accept: bool) -> RegistrationRecord:
    """RSVP (recognition event): invited → registered or declined; may be changed later.

    Accepting when the capacity is reached puts a participant on the waiting list."""
    return reply_to_invitations(db, [registration_id], accept)[0]


def reply_to_invitations(
    db: Database, registration_ids: Iterable[int], accept: bool
) -> tuple[RegistrationRecord, ...]:
    """The same reply for several invitations, all or none."""
    ids = list(dict.fromkeys(registration_ids))
    with db.session() as session:
        for registration_id in ids:
            with conflicts_reported(REGISTRATION, registration_id):
                _respond(session, registration_id, accept)
        return tuple(_registration_record(session, registration_id) for registration_id in ids)


def _respond(session: Session, registration_id: int, accept: bool) -> None:
    registration = get_or_raise(session, Registration, registration_id, REGISTRATION)
    if registration.status not in (
        RegistrationStatus.INVITED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.DECLINED,
        RegistrationStatus.WAITING_LIST,
    ):
        raise ValidationError(
            [
                FieldError(
                    "status",
                    "Status",
                    f"Die Anmeldung von {_registration_record(session, registration_id).name} "
                    f"hat den Status „{STATUS_LABELS[registration.status]}“ und kann nicht "
                    "zu- oder abgesagt werden.",
                )
            ]
        )
    event = session.get(Event, registration.event_id)
    was_active = registration.status in ACTIVE_STATUSES
    if not accept:
        registration.status = RegistrationStatus.DECLINED
    elif registration.status != RegistrationStatus.REGISTERED:
        shift = session.get(Shift, registration.shift_id) if registration.shift_id else None
        full = _place_taken(session, event, registration.role, shift, registration.id)
        registration.status = (
            RegistrationStatus.WAITING_LIST if full else RegistrationStatus.REGISTERED
        )
    session.flush()
    audit.record(session, AuditAction.UPDATE, "registration", registration_id, ["status"])
    if was_active and not accept and registration.role in CAPACITY_ROLES:
        _fill_from_waiting_list(session, event, None)


def set_stand(
    db: Database, registration_id: int, expected_version: int, stand: str
) -> RegistrationRecord:
    """The stand of an exhibiting club (club fair), e.g. once the stand plan is drawn."""
    errors: list[FieldError] = []
    stand = _check_text(errors, "stand", "Stand", stand, 100, False)
    if errors:
        raise ValidationError(errors)
    with db.session() as session, conflicts_reported(REGISTRATION, registration_id):
        registration = load_for_update(
            session, Registration, registration_id, expected_version, REGISTRATION
        )
        if registration.stand != stand:
            registration.stand = stand
            session.flush()
            audit.record(session, AuditAction.UPDATE, "registration", registration_id, ["stand"])
        return _registration_record(session, registration_id)


def _has_event_hours(session: Session, event_id: int) -> bool:
    from engagement_desk.models import HoursEntry
    from engagement_desk.models.enums import HoursSource

    return (
        session.scalar(
            select(HoursEntry.id)
            .join(Registration, Registration.id == HoursEntry.registration_id)
            .where(HoursEntry.source == HoursSource.EVENT, Registration.event_id == event_id)
            .limit(1)
        )
        is not None
    )


def check_in(
    db: Database, registration_ids: int | Iterable[int], attended: bool = True
) -> CheckInResult:
    """Mark many registrations attended (or no-show) in one statement per event.

    Cancelled, declined and waiting-list registrations are skipped. For helpers and
    trainings (and events that already have derived hours) the volunteer hours follow at
    once through ``credit_event_hours``."""
    from engagement_desk.services.hours.derived import credit_event_hours

    ids = [registration_ids] if isinstance(registration_ids, int) else list(registration_ids)
    status = RegistrationStatus.ATTENDED if attended else RegistrationStatus.NO_SHOW
    with db.session() as session:
        rows = session.execute(
            select(Registration.id, Registration.status, Registration.role, Event.id, Event.kind)
            .join(Event, Event.id == Registration.event_id)
            .where(Registration.id.in_(ids))
        ).all()
        found = {row[0] for row in rows}
        eligible = [row for row in rows if row[1] in CHECKABLE_STATUSES]
        skipped = tuple(i for i in ids if i not in found) + tuple(
            row[0] for row in rows if row[1] not in CHECKABLE_STATUSES
        )
        changing = [row[0] for row in eligible if row[1] != status]
        for start in range(0, len(changing), 500):
            session.execute(
                update(Registration)
                .where(Registration.id.in_(changing[start : start + 500]))
                .values(status=status, version=Registration.version + 1)
                .execution_options(synchronize_session=False)
            )
        if changing:
            audit.record(session, AuditAction.UPDATE, "registration", None, ["status"])
        # Once hours exist for an event (helpers, trainings), every status change must
        # resync them; credit_event_hours is idempotent and decides who gets what.
        changed_ids = set(changing)
        credit = sorted(
            {
                row[3]
                for row in eligible
                if row[0] in changed_ids
                and (
                    row[2] == RegistrationRole.HELPER
                    or row[4] == EventKind.TRAINING
                    or _has_event_hours(session, row[3])
                )
            }
        )
    totals = [0, 0, 0]
    for event_id in credit:
        result = credit_event_hours(db, event_id)
        totals = [
            totals[0] + result.created,
            totals[1] + result.updated,
            totals[2] + result.removed,
        ]
    return CheckInResult(len(changing), skipped, *totals)


# ---------------------------------------------------------------------- questions


def _checked_question(text: str, asked_by: str) -> tuple[str, str]:
    errors: list[FieldError] = []
    text = _check_text(errors, "text", "Frage", text, 10_000, True)
    asked_by = _check_text(errors, "asked_by", "Gefragt von", asked_by, 200, False)
    if errors:
        raise ValidationError(errors)
    return text, asked_by


def add_question(
    db: Database,
    event_id: int,
    text: str,
    asked_by: str = "",
    received_on: dt.date | None = None,
) -> QuestionRecord:
    """A question a citizen sent in for a "Bürgerschaft (ge)fragt" round."""
    text, asked_by = _checked_question(text, asked_by)
    with db.session() as session:
        get_or_raise(session, Event, event_id, EVENT)
        question = EventQuestion(
            event_id=event_id,
            text=text,
            asked_by=asked_by,
            received_on=received_on or dt.date.today(),
        )
        session.add(question)
        session.flush()
        audit.record(session, AuditAction.CREATE, "event_question", question.id)
        return QuestionRecord(question.id, event_id, asked_by, text, question.received_on)


def list_questions(db: Database, event_id: int) -> tuple[QuestionRecord, ...]:
    with db.read_session() as session:
        questions = session.scalars(
            select(EventQuestion)
            .where(EventQuestion.event_id == event_id)
            .order_by(EventQuestion.received_on, EventQuestion.id)
        ).all()
        return tuple(
            QuestionRecord(q.id, q.event_id, q.asked_by, q.text, q.received_on) for q in questions
        )


def delete_question(db: Database, question_id: int) -> None:
    with db.session() as session:
        session.delete(get_or_raise(session, EventQuestion, question_id, "Frage"))
        audit.record(session, AuditAction.DELETE, "event_question", question_id)


def update_question(
    db: Database,
    original: QuestionRecord,
    text: str,
    asked_by: str = "",
    received_on: dt.date | None = None,
) -> QuestionRecord:
    """Correct a question; ``original`` is the record as the user saw it.

    Questions have no version column, so a concurrent change is detected by
    comparing the stored values with ``original``; ``received_on=None`` keeps
    the day.
    """
    text, asked_by = _checked_question(text, asked_by)
    with db.session() as session:
        question = get_or_raise(session, EventQuestion, original.id, "Frage")
        stored = (question.text, question.asked_by, question.received_on)
        if stored != (original.text, original.asked_by, original.received_on):
            raise ConflictError(
                f"Frage Nr. {original.id} wurde inzwischen an einem anderen Arbeitsplatz "
                "geändert. Bitte neu laden und die Änderung noch einmal eintragen."
            )
        values = {
            "text": text,
            "asked_by": asked_by,
            "received_on": received_on or question.received_on,
        }
        changed = apply_changes(question, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "event_question", question.id, changed)
        return QuestionRecord(
            question.id, question.event_id, question.asked_by, question.text, question.received_on
        )

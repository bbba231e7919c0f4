"""Registrations, RSVP and check-in.

Capacity is enforced here: participants beyond an event's capacity and helpers
beyond a shift's slots go to the waiting list, ordered by ``registered_at``;
when someone cancels, the first one waiting moves up in the same transaction.
Every unit of work that counts places locks the event's row first
(``locking.lock_event``), so two workstations cannot both take the last place
or both register the same person; the unique key ``uq_registration_active``
backs the duplicate check. Checking in creates the hours of those who attended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Row, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
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
from engagement_desk.services.errors import FieldError, NotFoundError, ValidationError
from engagement_desk.services.events.conflicts import ConflictWarning, conflicts_in_session
from engagement_desk.services.events.event_list import CAPACITY_ROLES
from engagement_desk.services.events.locking import lock_event, lock_events
from engagement_desk.services.events.records import (
    ACTIVE_STATUSES,
    CHECKABLE_STATUSES,
    EVENT,
    REGISTRATION,
    SHIFT,
    STATUS_LABELS,
    CancelResult,
    CheckInResult,
    RegisterResult,
    RegistrationFilter,
    RegistrationRecord,
)
from engagement_desk.services.events.validation import add_error, check_text
from engagement_desk.services.listing import matches_words
from engagement_desk.services.records import (
    conflicts_reported,
    get_or_raise,
    load_for_update,
    violates,
)

ACTIVE_REGISTRATION_KEY = "uq_registration_active"

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


def _validated_input(
    person_id: int | None,
    organization_id: int | None,
    role: RegistrationRole | str,
    shift_id: int | None,
    stand: str,
    note: str,
) -> tuple[RegistrationRole, str, str]:
    errors: list[FieldError] = []
    if person_id is None and organization_id is None:
        add_error(errors, "person_id", "Person", "Bitte eine Person oder Organisation auswählen.")
    try:
        role = RegistrationRole(role)
    except ValueError:
        add_error(errors, "role", "Rolle", f"Unbekannte Rolle „{role}“.")
    stand = check_text(errors, "stand", "Stand", stand, 100, False)
    note = check_text(errors, "note", "Notiz", note, 500, False)
    # A helper without a shift ("wherever needed") is allowed; a shift is for helpers only.
    if shift_id is not None and role != RegistrationRole.HELPER:
        add_error(errors, "shift_id", "Schicht", "Nur Helfer/innen werden einer Schicht zugeteilt.")
    if errors:
        raise ValidationError(errors)
    return RegistrationRole(role), stand, note


def _already_registered(registration_id: int | None) -> ValidationError:
    number = f" (Anmeldung Nr. {registration_id})" if registration_id is not None else ""
    return ValidationError([FieldError("person_id", "Person", f"Ist bereits angemeldet{number}.")])


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
    role, stand, note = _validated_input(person_id, organization_id, role, shift_id, stand, note)
    with db.session() as session:
        event = lock_event(session, event_id)
        return _register_in_session(
            session, event, person_id, organization_id, role, shift_id, stand, note, invite
        )


def register_many(
    db: Database,
    event_id: int,
    person_ids: Iterable[int],
    role: RegistrationRole | str = RegistrationRole.PARTICIPANT,
    shift_id: int | None = None,
    organization_id: int | None = None,
) -> tuple[RegisterResult, ...]:
    """Register several people in one unit of work, in the given order: all or none.

    Every refusal (unknown person, already registered) is collected into one
    ValidationError, one FieldError per person (``field`` "person_id:<id>"), and
    nothing is written; places and the waiting list go by the order of ``person_ids``."""
    ids = list(person_ids)
    if not ids:
        raise ValidationError([FieldError("person_id", "Person", "Bitte eine Person angeben.")])
    role, _, _ = _validated_input(ids[0], organization_id, role, shift_id, "", "")
    with db.session() as session:
        event = lock_event(session, event_id)
        # What all share is checked once, so that a refusal below is about its person.
        _load_shift(session, event, shift_id)
        if organization_id is not None:
            get_or_raise(session, Organization, organization_id, "Organisation")
        results: list[RegisterResult] = []
        refusals: list[FieldError] = []
        for person_id in ids:
            try:
                results.append(
                    _register_in_session(
                        session, event, person_id, organization_id, role, shift_id, "", "", False
                    )
                )
            except (ValidationError, NotFoundError) as error:
                refusals.append(_refusal(session, person_id, error))
        if refusals:
            raise ValidationError(refusals)
        return tuple(results)


def _refusal(
    session: Session, person_id: int, error: ValidationError | NotFoundError
) -> FieldError:
    person = session.get(Person, person_id)
    who = f"{person.first_name} {person.last_name}".strip() if person else ""
    label = f"{who} (Person Nr. {person_id})" if who else f"Person Nr. {person_id}"
    if isinstance(error, ValidationError):
        return FieldError(f"person_id:{person_id}", label, error.first.message)
    return FieldError(f"person_id:{person_id}", label, "gibt es nicht (mehr).")


def _waiting_position(session: Session, registration: Registration) -> int:
    """1 for the first one waiting for this kind of place (capacity or the shift)."""
    if registration.role == RegistrationRole.HELPER and registration.shift_id is not None:
        pool = (
            Registration.shift_id == registration.shift_id,
            Registration.role == RegistrationRole.HELPER,
        )
    else:
        pool = (Registration.role.in_(CAPACITY_ROLES),)
    ahead = session.scalar(
        select(func.count())
        .select_from(Registration)
        .where(
            Registration.event_id == registration.event_id,
            Registration.status == RegistrationStatus.WAITING_LIST,
            (Registration.registered_at < registration.registered_at)
            | (
                (Registration.registered_at == registration.registered_at)
                & (Registration.id < registration.id)
            ),
            *pool,
        )
    )
    return (ahead or 0) + 1


def _register_in_session(
    session: Session,
    event: Event,
    person_id: int | None,
    organization_id: int | None,
    role: RegistrationRole,
    shift_id: int | None,
    stand: str,
    note: str,
    invite: bool,
) -> RegisterResult:
    """Call with the event locked (``lock_event``): the checks below count."""
    shift = _load_shift(session, event, shift_id)
    if person_id is not None:
        get_or_raise(session, Person, person_id, "Person")
    if organization_id is not None:
        get_or_raise(session, Organization, organization_id, "Organisation")
    duplicate = session.scalar(
        select(Registration.id).where(
            Registration.event_id == event.id,
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
            Registration.status.not_in((RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)),
        )
    )
    if duplicate is not None:
        raise _already_registered(duplicate)
    if invite:
        status = RegistrationStatus.INVITED
    elif _place_taken(session, event, role, shift):
        status = RegistrationStatus.WAITING_LIST
    else:
        status = RegistrationStatus.REGISTERED
    registration = Registration(
        event_id=event.id,
        person_id=person_id,
        organization_id=organization_id,
        role=role,
        status=status,
        shift_id=shift_id,
        stand=stand,
        note=note,
    )
    session.add(registration)
    try:
        session.flush()
    except IntegrityError as error:
        # Only reachable past the event lock (e.g. an older program version writing).
        if violates(error, ACTIVE_REGISTRATION_KEY):
            raise _already_registered(None) from error
        raise
    audit.record(session, AuditAction.CREATE, "registration", registration.id)
    warnings: tuple[ConflictWarning, ...] = ()
    if person_id is not None:
        start, end = _period(event, shift)
        warnings = conflicts_in_session(
            session, person_id, start, end, exclude_registration_id=registration.id
        )
    position = None
    if status == RegistrationStatus.WAITING_LIST:
        position = _waiting_position(session, registration)
    return RegisterResult(_registration_record(session, registration.id), warnings, position)


def live_registration_of(
    db: Database, event_id: int, person_id: int, role: RegistrationRole | None = None
) -> int:
    """The number of the person's one registration that is not cancelled or declined;
    ValidationError when there is none or several (then ``role`` tells them apart)."""
    with db.read_session() as session:
        event = get_or_raise(session, Event, event_id, EVENT)
        person = get_or_raise(session, Person, person_id, "Person")
        conditions = [
            Registration.event_id == event_id,
            Registration.person_id == person_id,
            Registration.status.not_in((RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)),
        ]
        if role is not None:
            conditions.append(Registration.role == role)
        found = _registration_rows(session, *conditions)
        name = f"{person.first_name} {person.last_name}".strip()
        title = event.title
    if len(found) == 1:
        return found[0].id
    if not found:
        message = f"{name} ist für „{title}“ nicht angemeldet."
    else:
        choices = ", ".join(f"Nr. {r.id} {r.role_label}" for r in found)
        message = (
            f"{name} hat mehrere Anmeldungen für „{title}“ ({choices}); "
            "bitte die Anmeldung oder die Rolle angeben."
        )
    raise ValidationError([FieldError("person_id", "Person", message)])


def fill_from_waiting_list(
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
        registration = get_or_raise(session, Registration, registration_id, REGISTRATION)
        lock_event(session, registration.event_id)
        # Read again after the lock: a cancellation just committed elsewhere counts.
        session.refresh(registration)
        if expected_version is not None:
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
                moved = fill_from_waiting_list(
                    session, event, session.get(Shift, registration.shift_id)
                )
            elif registration.role in CAPACITY_ROLES:
                moved = fill_from_waiting_list(session, event, None)
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
        lock_events(
            session,
            session.scalars(select(Registration.event_id).where(Registration.id.in_(ids))),
        )
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
        fill_from_waiting_list(session, event, None)


def set_stand(
    db: Database, registration_id: int, expected_version: int, stand: str
) -> RegistrationRecord:
    """The stand of an exhibiting club (club fair), e.g. once the stand plan is drawn."""
    errors: list[FieldError] = []
    stand = check_text(errors, "stand", "Stand", stand, 100, False)
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
        # Serialised with deleting the event and with crediting its hours.
        lock_events(
            session,
            session.scalars(select(Registration.event_id).where(Registration.id.in_(ids))),
        )
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

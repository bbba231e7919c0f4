"""Create, edit and delete events, and the Arbeitskreis' minutes and next meeting."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
    Registration,
)
from engagement_desk.models.enums import (
    AuditAction,
    RegistrationStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.events.event_list import CAPACITY_ROLES
from engagement_desk.services.events.locking import lock_event
from engagement_desk.services.events.records import (
    ACTIVE_STATUSES,
    EVENT,
    EventData,
    EventRecord,
    WorkingGroupData,
)
from engagement_desk.services.events.registrations import fill_from_waiting_list
from engagement_desk.services.events.validation import validate_event
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.wording import count_phrase


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
    return save_event(db, None, 0, data)


def update_event(
    db: Database, event_id: int, expected_version: int, data: EventData
) -> EventRecord:
    """Save the form; ConflictError if another workstation saved the event meanwhile.

    Lowering the capacity never removes anyone; raising it moves people up from the
    waiting list."""
    return save_event(db, event_id, expected_version, data)


def get_event(db: Database, event_id: int) -> EventRecord:
    with db.read_session() as session:
        return _event_record(session, get_or_raise(session, Event, event_id, EVENT))


def delete_event(db: Database, event_id: int, expected_version: int) -> None:
    """Delete a planned event with its shifts, registrations and questions.

    Refused once anyone's attendance is recorded: that is the evidence behind
    hours and attendance certificates."""
    with db.session() as session, conflicts_reported(EVENT, event_id):
        lock_event(session, event_id)  # no check-in between the count and the delete
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
                        f"für {count_phrase(attended, 'Person', 'Personen')} ist die "
                        "Teilnahme erfasst.",
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
        if next_meeting_on is not ...:
            errors = _next_meeting_errors(event.starts_at, next_meeting_on)
            if errors:
                raise ValidationError(errors)
        changed = apply_changes(event, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "event", event.id, changed)
        return _event_record(session, event)


def _next_meeting_errors(
    starts_at: dt.datetime | None, next_meeting_on: dt.date | None
) -> list[FieldError]:
    if next_meeting_on is None or starts_at is None or next_meeting_on >= starts_at.date():
        return []
    return [
        FieldError(
            "next_meeting_on",
            "Nächstes Treffen",
            "Das nächste Treffen muss nach diesem Treffen liegen.",
        )
    ]


def _validate_save(data: EventData, working_group: WorkingGroupData | None) -> dict[str, object]:
    """Every value the editor saves, checked together; ValidationError names all bad fields."""
    errors: list[FieldError] = []
    values: dict[str, object] = {}
    try:
        values = validate_event(data)
    except ValidationError as exc:
        errors.extend(exc.errors)
    if working_group is not None:
        errors.extend(_next_meeting_errors(data.starts_at, working_group.next_meeting_on))
        values.update(
            agenda=working_group.agenda or "",
            minutes=working_group.minutes or "",
            next_meeting_on=working_group.next_meeting_on,
        )
    if errors:
        raise ValidationError(errors)
    return values


def save_event(
    db: Database,
    event_id: int | None,
    expected_version: int,
    data: EventData,
    working_group: WorkingGroupData | None = None,
) -> EventRecord:
    """Save the event form in one unit of work: the event and, for an Arbeitskreis,
    its agenda, minutes and next meeting — all of it or, on any error, nothing.

    ``event_id`` None creates the event; otherwise ConflictError if another
    workstation saved it since ``expected_version``."""
    values = _validate_save(data, working_group)
    with db.session() as session:
        if event_id is None:
            event = Event(**values)
            session.add(event)
            session.flush()
            audit.record(session, AuditAction.CREATE, "event", event.id, values)
            return _event_record(session, event)
        with conflicts_reported(EVENT, event_id):
            lock_event(session, event_id)  # a new capacity is counted against the registrations
            event = load_for_update(session, Event, event_id, expected_version, EVENT)
            changed = apply_changes(event, values)
            if changed:
                session.flush()
                audit.record(session, AuditAction.UPDATE, "event", event.id, changed)
                if "capacity" in changed:
                    fill_from_waiting_list(session, event, None)
            return _event_record(session, event)

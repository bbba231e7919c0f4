"""Helper shifts of an event: their times, slots and who waits for a place."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
    Registration,
    Shift,
)
from engagement_desk.models.enums import (
    AuditAction,
    RegistrationStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.events.locking import lock_event
from engagement_desk.services.events.records import (
    ACTIVE_STATUSES,
    EVENT,
    SHIFT,
    ShiftData,
    ShiftRecord,
)
from engagement_desk.services.events.registrations import fill_from_waiting_list
from engagement_desk.services.events.validation import validate_shift
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)


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
        shift = get_or_raise(session, Shift, shift_id, SHIFT)
        lock_event(session, shift.event_id)  # slots are counted below
        session.refresh(shift)
        shift = load_for_update(session, Shift, shift_id, expected_version, SHIFT)
        changed = apply_changes(shift, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "shift", shift.id, changed)
            if "slots" in changed:
                fill_from_waiting_list(session, session.get(Event, shift.event_id), shift)
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

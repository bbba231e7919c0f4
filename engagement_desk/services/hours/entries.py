"""Typing, correcting and deleting hours entries one at a time."""

from __future__ import annotations

from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry
from engagement_desk.models.enums import AuditAction, HoursSource
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.hours.checks import CleanHours, checked
from engagement_desk.services.hours.lookup import known_ids, load_records
from engagement_desk.services.hours.plausibility import warnings_for_days
from engagement_desk.services.hours.records import HoursInput, HoursRecord, HoursSaveResult
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.validation import Validator

WHAT = "Stundeneintrag"
SOURCE_NAMES = {HoursSource.RIDE: "einer Fahrt", HoursSource.EVENT: "einer Veranstaltung"}


def get_hours(db: Database, entry_id: int) -> HoursRecord:
    with db.read_session() as session:
        get_or_raise(session, HoursEntry, entry_id, WHAT)
        return load_records(session, [entry_id])[0]


def add_hours(db: Database, data: HoursInput) -> HoursSaveResult:
    """Record hours typed by hand; the result carries plausibility warnings.

    Without a centre, an organization that belongs to exactly one centre lends it its own.
    """
    with db.session() as session:
        values = _validated(session, data)
        entry = HoursEntry(**values.values(), source=HoursSource.MANUAL)
        session.add(entry)
        session.flush()
        audit.record(session, AuditAction.CREATE, "hours_entry", entry.id, values.values())
        return _result(session, [entry.id], [(values.person_id, values.on_date)])


def update_hours(
    db: Database, entry_id: int, data: HoursInput, *, expected_version: int
) -> HoursSaveResult:
    with db.session() as session, conflicts_reported(WHAT, entry_id):
        entry = load_for_update(session, HoursEntry, entry_id, expected_version, WHAT)
        ensure_manual(entry)
        before = (entry.person_id, entry.on_date)
        values = _validated(session, data)
        changed = apply_changes(entry, values.values())
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "hours_entry", entry.id, changed)
        return _result(session, [entry.id], [before, (values.person_id, values.on_date)])


def delete_hours(db: Database, entry_id: int, *, expected_version: int) -> None:
    with db.session() as session, conflicts_reported(WHAT, entry_id):
        entry = load_for_update(session, HoursEntry, entry_id, expected_version, WHAT)
        ensure_manual(entry)
        session.delete(entry)
        session.flush()
        audit.record(session, AuditAction.DELETE, "hours_entry", entry_id)


def derived_message(entry: HoursEntry) -> str | None:
    """Hours derived from a ride or an event are changed there, not in the ledger."""
    if entry.source == HoursSource.MANUAL:
        return None
    return f"Dieser Eintrag stammt aus {SOURCE_NAMES[entry.source]} und wird dort geändert."


def ensure_manual(entry: HoursEntry) -> None:
    message = derived_message(entry)
    if message:
        raise ValidationError([FieldError("source", "Herkunft", message)])


def _validated(session: Session, data: HoursInput) -> CleanHours:
    check = Validator()
    known = known_ids(session, [data.person_id], [data.organization_id], [data.center_id])
    values = checked(data, known, check)
    check.raise_if_any()
    assert values is not None
    return values


def _result(session: Session, ids: list[int], days) -> HoursSaveResult:
    return HoursSaveResult(load_records(session, ids), warnings_for_days(session, days))

"""Correcting and deleting hours entries with a reason the office can read later.

The audit trail names the fields only; the reason and the entry before and after
go into ``hours_correction`` with the person. Hours derived from a ride or an
event are not corrected here: they are changed where they come from (the ride,
the event's attendance), otherwise the next crediting would undo the correction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import HoursCorrection, HoursEntry
from engagement_desk.models.enums import AuditAction
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.hours.entries import WHAT, _result, _validated, ensure_manual
from engagement_desk.services.hours.lookup import load_records
from engagement_desk.services.hours.parsing import format_hours
from engagement_desk.services.hours.plausibility import warnings_for_days
from engagement_desk.services.hours.records import (
    HoursInput,
    HoursRecord,
    HoursSaveResult,
    HoursWarning,
)
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)

REASON_MAX = 500
CORRECT = "correct"
DELETE = "delete"


@dataclass(frozen=True)
class HoursCorrectionRecord:
    id: int
    hours_entry_id: int
    person_id: int
    kind: str
    at: dt.datetime
    user: str
    reason: str
    before: str
    after: str


def correct_hours_entry(
    db: Database, entry_id: int, expected_version: int, data: HoursInput, reason: str
) -> HoursSaveResult:
    """Change a typed entry; the reason is required and kept with the old and new values."""
    why = checked_reason(reason)
    with db.session() as session, conflicts_reported(WHAT, entry_id):
        entry = load_for_update(session, HoursEntry, entry_id, expected_version, WHAT)
        ensure_manual(entry)
        before_day = (entry.person_id, entry.on_date)
        before = describe(load_records(session, [entry_id])[0])
        values = _validated(session, data)
        changed = apply_changes(entry, values.values())
        if changed:
            session.flush()
            after = describe(load_records(session, [entry_id])[0])
            _keep(session, entry, CORRECT, why, before, after)
            audit.record(session, AuditAction.UPDATE, "hours_entry", entry.id, changed)
        return _result(session, [entry.id], [before_day, (values.person_id, values.on_date)])


def check_correction(db: Database, entry_id: int, data: HoursInput) -> tuple[HoursWarning, ...]:
    """The plausibility warnings the correction would bring, before anything is saved.

    Invalid input raises the same ValidationError saving would; nothing is written.
    """
    with db.session() as session:
        entry = get_or_raise(session, HoursEntry, entry_id, WHAT)
        ensure_manual(entry)
        values = _validated(session, data)
        with session.begin_nested() as trial:
            apply_changes(entry, values.values())
            session.flush()
            warnings = warnings_for_days(session, [(values.person_id, values.on_date)])
            trial.rollback()
        session.expire_all()
        return warnings


def delete_hours_entry(
    db: Database, entry_id: int, expected_version: int, reason: str
) -> HoursSaveResult:
    """Remove a typed entry; the reason and what it said stay in the corrections."""
    why = checked_reason(reason)
    with db.session() as session, conflicts_reported(WHAT, entry_id):
        entry = load_for_update(session, HoursEntry, entry_id, expected_version, WHAT)
        ensure_manual(entry)
        day = (entry.person_id, entry.on_date)
        _keep(session, entry, DELETE, why, describe(load_records(session, [entry_id])[0]), "")
        session.delete(entry)
        session.flush()
        audit.record(session, AuditAction.DELETE, "hours_entry", entry_id, ("reason",))
        return HoursSaveResult((), warnings_for_days(session, [day]), deleted=(entry_id,))


def list_hours_corrections(
    db: Database, *, person_id: int | None = None, entry_id: int | None = None
) -> tuple[HoursCorrectionRecord, ...]:
    """Corrections, newest first, for one person and/or one entry."""
    query = select(HoursCorrection).order_by(HoursCorrection.at.desc(), HoursCorrection.id.desc())
    if person_id is not None:
        query = query.where(HoursCorrection.person_id == person_id)
    if entry_id is not None:
        query = query.where(HoursCorrection.hours_entry_id == entry_id)
    with db.read_session() as session:
        return tuple(
            HoursCorrectionRecord(
                c.id,
                c.hours_entry_id,
                c.person_id,
                c.kind,
                c.at,
                c.user,
                c.reason,
                c.before,
                c.after,
            )
            for c in session.scalars(query)
        )


def checked_reason(reason: str) -> str:
    why = " ".join((reason or "").split())
    if not why:
        message = "Bitte einen Grund angeben; er wird mit der Korrektur gespeichert."
        raise ValidationError([FieldError("reason", "Grund", message)])
    if len(why) > REASON_MAX:
        message = f"Höchstens {REASON_MAX} Zeichen."
        raise ValidationError([FieldError("reason", "Grund", message)])
    return why


def describe(record: HoursRecord) -> str:
    """The entry in words, e.g. '2,5 Std. am 03.02.2026 · TSV Musterstadt · Training'."""
    parts = [f"{format_hours(record.hours)} Std. am {record.on_date:%d.%m.%Y}"]
    parts += [p for p in (record.organization, record.center, record.activity) if p]
    if record.person_name:
        parts.insert(0, record.person_name)
    return " · ".join(parts)


def _keep(
    session: Session, entry: HoursEntry, kind: str, reason: str, before: str, after: str
) -> None:
    session.add(
        HoursCorrection(
            hours_entry_id=entry.id,
            person_id=entry.person_id,
            kind=kind,
            user=audit.acting_user(session),
            reason=reason,
            before=before,
            after=after,
        )
    )

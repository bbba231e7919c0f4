"""Hours that come from attended events (rides credit their drivers in rides.status).

Idempotent: creates, corrects or removes the derived entries so the ledger matches
the registrations, and leaves hand-typed entries alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Event, HoursEntry, Registration, Shift
from engagement_desk.models.enums import (
    AuditAction,
    HoursSource,
    RegistrationStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.events.locking import lock_event
from engagement_desk.services.hours.checks import ACTIVITY_MAX
from engagement_desk.services.hours.parsing import HOURS_STEP, MAX_HOURS_PER_ENTRY
from engagement_desk.services.hours.plausibility import DayKey, warnings_for_days
from engagement_desk.services.hours.records import HoursWarning
from engagement_desk.services.records import apply_changes


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int
    removed: int
    skipped: int
    warnings: tuple[HoursWarning, ...]


def credit_event_hours(db: Database, event_id: int) -> SyncResult:
    """Entries for everyone marked attended: shift length for helpers with a shift, else the
    event's hours credit, else its length when it starts and ends on the same day."""
    with db.session() as session:
        # Two workstations crediting at once would both see no entry and both add one.
        event = lock_event(session, event_id)
        registrations = session.scalars(
            select(Registration).where(
                Registration.event_id == event_id, Registration.person_id.is_not(None)
            )
        ).all()
        shifts = {s.id: s for s in event.shifts}
        wanted: dict[int, dict[str, object] | None] = {}
        skipped = 0
        for registration in registrations:
            values = None
            if registration.status == RegistrationStatus.ATTENDED:
                values = _event_values(event, shifts.get(registration.shift_id or -1))
                skipped += values is None
                if values is not None:
                    values["person_id"] = registration.person_id
            wanted[registration.id] = values
        existing = session.scalars(
            select(HoursEntry).where(
                HoursEntry.source == HoursSource.EVENT,
                HoursEntry.registration_id.in_(list(wanted) or [-1]),
            )
        ).all()
        counts = _sync(session, existing, wanted, "registration_id", HoursSource.EVENT)
        return SyncResult(*counts[:3], skipped, counts[3])


def _event_values(event: Event, shift: Shift | None) -> dict[str, object] | None:
    if shift is not None:
        start, end, activity = shift.starts_at, shift.ends_at, _activity(event.title, shift.title)
        hours: Decimal | None = _length(start, end)
    else:
        start, activity = event.starts_at, _activity(event.title)
        hours = event.hours_credit
        if hours is None and event.starts_at.date() == event.ends_at.date():
            hours = _length(event.starts_at, event.ends_at)
    if hours is None or hours <= 0:
        return None
    return {
        "on_date": start.date(),
        "hours": min(hours.quantize(HOURS_STEP), MAX_HOURS_PER_ENTRY),
        "organization_id": event.organization_id,
        "center_id": event.center_id,
        "activity": activity,
    }


def _length(start: dt.datetime, end: dt.datetime) -> Decimal:
    return (Decimal((end - start).total_seconds()) / 3600).quantize(HOURS_STEP)


def _activity(*parts: str) -> str:
    return ": ".join(p for p in parts if p)[:ACTIVITY_MAX]


def _sync(
    session: Session,
    existing: list[HoursEntry] | tuple[HoursEntry, ...],
    wanted: dict[int, dict[str, object] | None],
    link: str,
    source: HoursSource,
) -> tuple[int, int, int, tuple[HoursWarning, ...]]:
    created = updated = removed = 0
    days: set[DayKey] = set()
    by_origin: dict[int, list[HoursEntry]] = {}
    for entry in existing:
        by_origin.setdefault(getattr(entry, link), []).append(entry)
    for origin, values in wanted.items():
        entries = by_origin.get(origin, [])
        keep = entries[0] if entries and values is not None else None
        for entry in entries:
            if entry is not keep:
                days.add((entry.person_id, entry.on_date))
                session.delete(entry)
                audit.record(session, AuditAction.DELETE, "hours_entry", entry.id)
                removed += 1
        if values is None:
            continue
        if keep is None:
            keep = HoursEntry(**values, source=source, **{link: origin})
            session.add(keep)
            session.flush()
            audit.record(session, AuditAction.CREATE, "hours_entry", keep.id, values)
            created += 1
        elif changed := apply_changes(keep, values):
            session.flush()
            audit.record(session, AuditAction.UPDATE, "hours_entry", keep.id, changed)
            updated += 1
        days.add((keep.person_id, keep.on_date))
    session.flush()
    return created, updated, removed, warnings_for_days(session, days)

"""The fast-entry grid: many rows saved at once, all or nothing.

Every problem is reported with the row it is in ("Zeile 3, Stunden: …"); the field of
each ``FieldError`` is ``rows[3].hours`` so the grid can mark the cell.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry
from engagement_desk.models.enums import AuditAction, HoursSource
from engagement_desk.services import audit
from engagement_desk.services.errors import ConflictError
from engagement_desk.services.hours.checks import CleanHours, checked, row_field, row_place
from engagement_desk.services.hours.entries import derived_message
from engagement_desk.services.hours.lookup import known_ids, load_records
from engagement_desk.services.hours.plausibility import DayKey, warnings_for_days
from engagement_desk.services.hours.records import GridRow, HoursSaveResult
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.records import apply_changes
from engagement_desk.services.validation import Validator

REPORT_EVERY = 100
_ROW_FIELD = re.compile(r"^rows\[(\d+)\]\.(\w+)$")


def split_row_field(field: str) -> tuple[int, str] | None:
    """(row, field) from a grid error's field name such as ``rows[3].hours``."""
    found = _ROW_FIELD.match(field)
    return (int(found[1]), found[2]) if found else None


def save_hours_grid(
    db: Database, rows: Sequence[GridRow], progress: Progress = NO_PROGRESS
) -> HoursSaveResult:
    numbered = [(row.row if row.row is not None else i, row) for i, row in enumerate(rows, 1)]
    total = len(numbered)
    with db.session() as session:
        existing = _existing(session, [r.entry_id for _, r in numbered if r.entry_id is not None])
        known = known_ids(
            session,
            [r.data.person_id for _, r in numbered],
            [r.data.organization_id for _, r in numbered],
            [r.data.center_id for _, r in numbered],
        )
        check = Validator()
        plan: list[tuple[int, GridRow, CleanHours | None]] = []
        for done, (number, row) in enumerate(numbered):
            if done % REPORT_EVERY == 0:
                step(progress, done, total, "Zeilen prüfen …")
            if row.entry_id is not None and not _usable(existing, number, row, check):
                continue
            values = None if row.delete else checked(row.data, known, check, row_place(number))
            plan.append((number, row, values))
        check.raise_if_any()
        step(progress, total, total, "Speichern …")
        return _apply(session, plan, existing)


def _existing(session: Session, ids: list[int]) -> dict[int, HoursEntry]:
    found: dict[int, HoursEntry] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            (e.id, e) for e in session.scalars(select(HoursEntry).where(HoursEntry.id.in_(chunk)))
        )
    return found


def _usable(existing: dict[int, HoursEntry], number: int, row: GridRow, check: Validator) -> bool:
    field, label = row_field(number, "entry_id"), f"Zeile {number}"
    entry = existing.get(row.entry_id)  # type: ignore[arg-type]
    if entry is None:
        check.error(field, label, f"Eintrag Nr. {row.entry_id} gibt es nicht (mehr).")
        return False
    if row.expected_version is not None and entry.version != row.expected_version:
        check.error(
            field,
            label,
            f"Eintrag Nr. {entry.id} wurde inzwischen an einem anderen Arbeitsplatz geändert. "
            "Bitte neu laden.",
        )
        return False
    message = derived_message(entry)
    if message:
        check.error(field, label, message)
        return False
    return True


def _apply(
    session: Session,
    plan: list[tuple[int, GridRow, CleanHours | None]],
    existing: dict[int, HoursEntry],
) -> HoursSaveResult:
    days: set[DayKey] = set()
    saved: list[tuple[int, HoursEntry]] = []
    deleted: list[int] = []
    changes: list[tuple[AuditAction, HoursEntry, list[str]]] = []
    for number, row, values in plan:
        if row.entry_id is not None:
            entry = existing[row.entry_id]
            days.add((entry.person_id, entry.on_date))
            if row.delete:
                session.delete(entry)
                deleted.append(entry.id)
                changes.append((AuditAction.DELETE, entry, []))
                continue
            assert values is not None
            changed = apply_changes(entry, values.values())
            if changed:
                changes.append((AuditAction.UPDATE, entry, changed))
        else:
            assert values is not None
            entry = HoursEntry(**values.values(), source=HoursSource.MANUAL)
            session.add(entry)
            changes.append((AuditAction.CREATE, entry, list(values.values())))
        days.add((entry.person_id, entry.on_date))
        saved.append((number, entry))
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(
            "Einträge wurden gerade an einem anderen Arbeitsplatz geändert; "
            "es wurde nichts gespeichert. Bitte neu laden."
        ) from exc
    for action, entry, fields in changes:
        audit.record(session, action, "hours_entry", entry.id, fields)
    rows_of = {entry.id: number for number, entry in saved}
    warnings = tuple(
        dataclasses.replace(
            w, rows=tuple(sorted({rows_of[i] for i in w.entry_ids if i in rows_of}))
        )
        for w in warnings_for_days(session, days)
    )
    return HoursSaveResult(
        load_records(session, [entry.id for _, entry in saved]), warnings, tuple(deleted)
    )

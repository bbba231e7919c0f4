"""Plausibility warnings: long days, possible duplicates, hours on days recorded absent.

Warnings never block a save. Without clock times "overlap" means: the same person,
day, organization and activity (compared case- and space-insensitively) more than once,
where at least one of the entries was typed by hand. Entries from two different rides
or event registrations are separate work; two from the same ride or registration are not.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Absence, HoursEntry, Organization, Person
from engagement_desk.models.enums import HoursSource
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.services.hours.lookup import person_name
from engagement_desk.services.hours.parsing import format_hours
from engagement_desk.services.hours.records import HoursWarning, WarningKind

DAY_LIMIT = Decimal(12)
DayKey = tuple[int, dt.date]


@dataclass(frozen=True)
class _Entry:
    id: int
    person_id: int
    on_date: dt.date
    hours: Decimal
    organization_id: int | None
    organization: str
    activity: str
    source: HoursSource
    origin: tuple[str, int] | None


def check_hours(
    db: Database,
    *,
    person_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[HoursWarning, ...]:
    """All warnings for one person and/or a period (inclusive), oldest day first."""
    conditions: list[ColumnElement[bool]] = []
    if person_id is not None:
        conditions.append(HoursEntry.person_id == person_id)
    if start is not None:
        conditions.append(HoursEntry.on_date >= start)
    if end is not None:
        conditions.append(HoursEntry.on_date <= end)
    with db.read_session() as session:
        return find_warnings(session, conditions)


def warnings_for_days(session: Session, days: Iterable[DayKey]) -> tuple[HoursWarning, ...]:
    """Warnings touching the given (person, day) pairs, inside the caller's unit of work."""
    keys = sorted(set(days))
    found: list[HoursWarning] = []
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        found.extend(
            find_warnings(session, [tuple_(HoursEntry.person_id, HoursEntry.on_date).in_(chunk)])
        )
    return tuple(found)


def find_warnings(
    session: Session, conditions: list[ColumnElement[bool]]
) -> tuple[HoursWarning, ...]:
    busy_days = (
        select(HoursEntry.person_id, HoursEntry.on_date)
        .where(*conditions)
        .group_by(HoursEntry.person_id, HoursEntry.on_date)
        .having(or_(func.count() > 1, func.sum(HoursEntry.hours) > DAY_LIMIT))
        .subquery()
    )
    entries = _entries(
        session,
        select(HoursEntry.id).join(
            busy_days,
            and_(
                busy_days.c.person_id == HoursEntry.person_id,
                busy_days.c.on_date == HoursEntry.on_date,
            ),
        ),
    )
    absent = session.execute(
        select(HoursEntry.id, Absence.reason)
        .join(
            Absence,
            and_(
                Absence.person_id == HoursEntry.person_id,
                Absence.start_date <= HoursEntry.on_date,
                Absence.end_date >= HoursEntry.on_date,
            ),
        )
        .where(*conditions)
        .order_by(HoursEntry.on_date, HoursEntry.id)
    ).all()
    absent_entries = _entries(session, [row.id for row in absent])
    names = _names(session, {e.person_id for e in (*entries, *absent_entries)})
    warnings = [
        *_long_days(entries, names),
        *_duplicates(entries, names),
        *_absences(absent_entries, {row.id: row.reason for row in absent}, names),
    ]
    order = {kind: index for index, kind in enumerate(WarningKind)}
    warnings.sort(
        key=lambda w: (w.on_date, german_sort_key(names.get(w.person_id, "")), order[w.kind])
    )
    return tuple(warnings)


def _entries(session: Session, ids) -> list[_Entry]:
    if isinstance(ids, list) and not ids:
        return []
    rows = session.execute(
        select(
            HoursEntry.id,
            HoursEntry.person_id,
            HoursEntry.on_date,
            HoursEntry.hours,
            HoursEntry.organization_id,
            Organization.name,
            HoursEntry.activity,
            HoursEntry.source,
            HoursEntry.ride_id,
            HoursEntry.registration_id,
        )
        .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
        .where(HoursEntry.id.in_(ids))
        .order_by(HoursEntry.on_date, HoursEntry.person_id, HoursEntry.id)
    ).all()
    return [
        _Entry(
            row.id,
            row.person_id,
            row.on_date,
            row.hours,
            row.organization_id,
            row.name or "",
            row.activity,
            row.source,
            ("ride", row.ride_id)
            if row.ride_id is not None
            else ("registration", row.registration_id)
            if row.registration_id is not None
            else None,
        )
        for row in rows
    ]


def _names(session: Session, person_ids: set[int]) -> dict[int, str]:
    if not person_ids:
        return {}
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(person_ids))
    ).all()
    return {row.id: person_name(row.first_name, row.last_name) for row in rows}


def _by_day(entries: list[_Entry]) -> dict[DayKey, list[_Entry]]:
    days: dict[DayKey, list[_Entry]] = defaultdict(list)
    for entry in entries:
        days[(entry.person_id, entry.on_date)].append(entry)
    return days


def _long_days(entries: list[_Entry], names: dict[int, str]) -> list[HoursWarning]:
    warnings = []
    for (person_id, on_date), day in _by_day(entries).items():
        total = sum((e.hours for e in day), Decimal(0))
        if total > DAY_LIMIT:
            warnings.append(
                HoursWarning(
                    WarningKind.LONG_DAY,
                    person_id,
                    on_date,
                    f"{names[person_id]}: am {on_date:%d.%m.%Y} sind {format_hours(total)} "
                    f"Stunden eingetragen (mehr als {format_hours(DAY_LIMIT)}).",
                    tuple(e.id for e in day),
                )
            )
    return warnings


def _duplicates(entries: list[_Entry], names: dict[int, str]) -> list[HoursWarning]:
    groups: dict[tuple, list[_Entry]] = defaultdict(list)
    for entry in entries:
        key = (entry.person_id, entry.on_date, entry.organization_id, _folded(entry.activity))
        groups[key].append(entry)
    warnings = []
    for (person_id, on_date, _org, _activity), group in groups.items():
        if len(group) < 2 or not _may_be_double(group):
            continue
        first = group[0]
        what = " – ".join(
            part
            for part in (first.organization, f"„{first.activity}“" if first.activity else "")
            if part
        )
        warnings.append(
            HoursWarning(
                WarningKind.POSSIBLE_DUPLICATE,
                person_id,
                on_date,
                f"{names[person_id]}: am {on_date:%d.%m.%Y} möglicherweise doppelt "
                f"eingetragen ({len(group)}-mal {what or 'ohne Organisation und Tätigkeit'}).",
                tuple(e.id for e in group),
            )
        )
    return warnings


def _may_be_double(group: list[_Entry]) -> bool:
    origins = [e.origin for e in group]
    if any(origin is None for origin in origins):
        return True
    return len(set(origins)) < len(origins)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _absences(
    entries: list[_Entry], reasons: dict[int, str], names: dict[int, str]
) -> list[HoursWarning]:
    return [
        HoursWarning(
            WarningKind.ABSENT,
            e.person_id,
            e.on_date,
            f"{names[e.person_id]} ist für den {e.on_date:%d.%m.%Y} als abwesend eingetragen"
            + (f" ({reasons[e.id]})" if reasons.get(e.id) else "")
            + f", hat aber {format_hours(e.hours)} Stunden.",
            (e.id,),
        )
        for e in entries
    ]

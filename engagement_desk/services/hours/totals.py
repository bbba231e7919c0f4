"""Hour totals per year, person, organization and centre."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import ColumnElement, Select, Subquery, func, select

from engagement_desk.db import Database
from engagement_desk.models import Center, HoursEntry, HoursYearTotal, Organization, Person
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.hours.lookup import person_name

Group = Literal["year", "person", "organization", "center"]
GROUPS: tuple[Group, ...] = ("year", "person", "organization", "center")


@dataclass(frozen=True)
class HoursTotal:
    """One line of totals; the parts not grouped by are None / empty."""

    year: int | None
    person_id: int | None
    person: str
    organization_id: int | None
    organization: str
    center_id: int | None
    center: str
    hours: Decimal
    entries: int


def hours_totals(
    db: Database,
    *,
    group_by: Sequence[Group] = ("year", "organization", "center"),
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    person_id: int | None = None,
    organization_id: int | None = None,
    center_id: int | None = None,
) -> tuple[HoursTotal, ...]:
    """Sums of hours, newest year first, then by name; all entries of all sources count."""
    unknown = [g for g in group_by if g not in GROUPS]
    if unknown:
        raise ValidationError(
            [FieldError("group_by", "Gruppierung", f"Unbekannt: {', '.join(unknown)}.")]
        )
    if start is None and end is None:
        sums = _yearly_sums(group_by, year, person_id, organization_id, center_id)
    else:
        sums = _entry_sums(
            group_by, _conditions(year, start, end, person_id, organization_id, center_id)
        )
    in_cents = start is None and end is None
    statement = _named(group_by, sums)
    with db.read_session() as session:
        rows = session.connection().execute(statement).all()
    return tuple(_total(row, group_by, in_cents) for row in rows if row[-1])


_CENT = Decimal("0.01")


def _yearly_sums(
    group_by: Sequence[Group],
    year: int | None,
    person_id: int | None,
    organization_id: int | None,
    center_id: int | None,
) -> Subquery:
    """Sums over whole years from ``hours_year_total`` (kept by triggers, migration 0014)."""
    total = HoursYearTotal
    keys: dict[str, ColumnElement] = {
        "year": total.year.label("year"),
        "person": total.person_id.label("person_id"),
        "organization": func.nullif(total.organization_key, 0).label("organization_id"),
        "center": func.nullif(total.center_key, 0).label("center_id"),
    }
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (total.year, year),
        (total.person_id, person_id),
        (total.organization_key, organization_id),
        (total.center_key, center_id),
    ):
        if value is not None:
            conditions.append(column == value)
    chosen = [g for g in GROUPS if g in group_by]
    return (
        select(
            *(keys[g] for g in chosen),
            func.sum(total.cents).label("hours"),
            func.sum(total.entries).label("entries"),
        )
        .where(*conditions)
        .group_by(*(keys[g] for g in chosen))
        .subquery()
    )


def _conditions(
    year: int | None,
    start: dt.date | None,
    end: dt.date | None,
    person_id: int | None,
    organization_id: int | None,
    center_id: int | None,
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if year is not None:
        conditions.append(HoursEntry.on_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if start is not None:
        conditions.append(HoursEntry.on_date >= start)
    if end is not None:
        conditions.append(HoursEntry.on_date <= end)
    if person_id is not None:
        conditions.append(HoursEntry.person_id == person_id)
    if organization_id is not None:
        conditions.append(HoursEntry.organization_id == organization_id)
    if center_id is not None:
        conditions.append(HoursEntry.center_id == center_id)
    return conditions


def _entry_sums(group_by: Sequence[Group], conditions: list[ColumnElement[bool]]) -> Subquery:
    """Sums over any days, by ids straight from the covering indexes (migration 0014)."""
    year_of = func.extract("year", HoursEntry.on_date)
    keys: dict[str, ColumnElement] = {
        "year": year_of.label("year"),
        "person": HoursEntry.person_id.label("person_id"),
        "organization": HoursEntry.organization_id.label("organization_id"),
        "center": HoursEntry.center_id.label("center_id"),
    }
    chosen = [g for g in GROUPS if g in group_by]
    return (
        select(
            *(keys[g] for g in chosen),
            func.sum(HoursEntry.hours).label("hours"),
            func.count(HoursEntry.id).label("entries"),
        )
        .where(*conditions)
        .group_by(*(keys[g] for g in chosen))
        .subquery()
    )


def _named(group_by: Sequence[Group], sums: Subquery) -> Select:
    """Names joined to the few summed rows: every entry has a person, so none is lost."""
    chosen = [g for g in GROUPS if g in group_by]
    columns: dict[str, Callable[[], list]] = {
        "year": lambda: [sums.c.year],
        "person": lambda: [sums.c.person_id, Person.first_name, Person.last_name],
        "organization": lambda: [sums.c.organization_id, Organization.name],
        "center": lambda: [sums.c.center_id, Center.name],
    }
    order: dict[str, Callable[[], list]] = {
        "year": lambda: [sums.c.year.desc()],
        "person": lambda: [Person.last_name, Person.first_name, sums.c.person_id],
        "organization": lambda: [func.coalesce(Organization.name, ""), sums.c.organization_id],
        "center": lambda: [func.coalesce(Center.name, ""), sums.c.center_id],
    }
    statement = select(*(c for g in chosen for c in columns[g]()), sums.c.hours, sums.c.entries)
    statement = statement.select_from(sums)
    if "person" in chosen:
        statement = statement.join(Person, Person.id == sums.c.person_id)
    if "organization" in chosen:
        statement = statement.outerjoin(Organization, Organization.id == sums.c.organization_id)
    if "center" in chosen:
        statement = statement.outerjoin(Center, Center.id == sums.c.center_id)
    return statement.order_by(*(c for g in chosen for c in order[g]()))


def _total(row, group_by: Sequence[Group], in_cents: bool) -> HoursTotal:
    *keys, hours, entries = row
    values = iter(keys)
    parts: dict[str, object] = {}
    for group in GROUPS:
        if group not in group_by:
            continue
        if group == "year":
            parts["year"] = int(next(values))
        elif group == "person":
            parts["person_id"] = next(values)
            parts["person"] = person_name(next(values), next(values))
        elif group == "organization":
            parts["organization_id"] = next(values)
            parts["organization"] = next(values) or ""
        else:
            parts["center_id"] = next(values)
            parts["center"] = next(values) or ""
    return HoursTotal(
        year=parts.get("year"),  # type: ignore[arg-type]
        person_id=parts.get("person_id"),  # type: ignore[arg-type]
        person=str(parts.get("person", "")),
        organization_id=parts.get("organization_id"),  # type: ignore[arg-type]
        organization=str(parts.get("organization", "")),
        center_id=parts.get("center_id"),  # type: ignore[arg-type]
        center=str(parts.get("center", "")),
        hours=Decimal(hours).scaleb(-2) if in_cents else Decimal(hours).quantize(_CENT),
        entries=int(entries),
    )

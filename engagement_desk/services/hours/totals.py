"""Hour totals per year, person, organization and centre."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import ColumnElement, func, select

from engagement_desk.db import Database
from engagement_desk.models import Center, HoursEntry, Organization, Person
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
    year_of = func.extract("year", HoursEntry.on_date)
    columns: dict[str, list] = {
        "year": [year_of],
        "person": [HoursEntry.person_id, Person.first_name, Person.last_name],
        "organization": [HoursEntry.organization_id, Organization.name],
        "center": [HoursEntry.center_id, Center.name],
    }
    order: dict[str, list] = {
        "year": [year_of.desc()],
        "person": [Person.last_name, Person.first_name, HoursEntry.person_id],
        "organization": [func.coalesce(Organization.name, ""), HoursEntry.organization_id],
        "center": [func.coalesce(Center.name, ""), HoursEntry.center_id],
    }
    grouped = [c for g in GROUPS if g in group_by for c in columns[g]]
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
    statement = (
        select(*grouped, func.sum(HoursEntry.hours), func.count(HoursEntry.id))
        .select_from(HoursEntry)
        .join(Person, Person.id == HoursEntry.person_id)
        .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
        .outerjoin(Center, Center.id == HoursEntry.center_id)
        .where(*conditions)
    )
    if grouped:
        statement = statement.group_by(*grouped).order_by(
            *(c for g in GROUPS if g in group_by for c in order[g])
        )
    with db.read_session() as session:
        rows = session.execute(statement).all()
    return tuple(_total(row, group_by) for row in rows if row[-1])


def _total(row, group_by: Sequence[Group]) -> HoursTotal:
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
        hours=Decimal(hours).quantize(Decimal("0.01")),
        entries=int(entries),
    )

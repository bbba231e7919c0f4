"""The ledger as a sortable, filterable list for the hours tab."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Center, HoursEntry, Organization, Person
from engagement_desk.models.enums import HoursSource
from engagement_desk.services.hours.lookup import record_from_row, record_query
from engagement_desk.services.hours.records import HoursRecord
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    SortOrder,
    fetch_window,
    matches_words,
)

HOURS_COLUMNS: tuple[Column, ...] = (
    Column("on_date", "Date"),
    Column("person", "Person"),
    Column("hours", "Hours"),
    Column("organization", "Organization"),
    Column("center", "Centre"),
    Column("activity", "Activity"),
    Column("source", "Source"),
)
_SORT = {
    "on_date": (HoursEntry.on_date,),
    "person": (Person.last_name, Person.first_name, HoursEntry.on_date),
    "hours": (HoursEntry.hours, HoursEntry.on_date),
    "organization": (func.coalesce(Organization.name, ""), HoursEntry.on_date),
    "center": (func.coalesce(Center.name, ""), HoursEntry.on_date),
    "activity": (HoursEntry.activity, HoursEntry.on_date),
    "source": (HoursEntry.source, HoursEntry.on_date),
}


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    """Filters: person_id, organization_id, center_id, source, year, from_date, to_date."""
    filters = query.filters
    for key, column in (
        ("person_id", HoursEntry.person_id),
        ("organization_id", HoursEntry.organization_id),
        ("center_id", HoursEntry.center_id),
    ):
        if filters.get(key) is not None:
            statement = statement.where(column == filters[key])
    if source := filters.get("source"):
        statement = statement.where(HoursEntry.source == HoursSource(source))
    if (year := filters.get("year")) is not None:
        statement = statement.where(
            HoursEntry.on_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
        )
    if (from_date := filters.get("from_date")) is not None:
        statement = statement.where(HoursEntry.on_date >= from_date)
    if (to_date := filters.get("to_date")) is not None:
        statement = statement.where(HoursEntry.on_date <= to_date)
    return statement.where(
        *matches_words(
            session,
            query.text,
            (HoursEntry.activity, Person.last_name, Person.first_name, Organization.name),
        )
    )


def list_hours(db: Database, query: ListQuery) -> Page:
    """Rows in HOURS_COLUMNS order; newest first unless sorted otherwise."""
    records, has_more, last_key = _window(db, query)
    return Page(
        ids=tuple(r.id for r in records),
        rows=tuple(_row(r) for r in records),
        has_more=has_more,
        last_key=last_key,
    )


def list_hours_records(db: Database, query: ListQuery) -> tuple[HoursRecord, ...]:
    """The same window as full records (with versions), e.g. to load the grid for editing."""
    return _window(db, query)[0]


def _window(
    db: Database, query: ListQuery
) -> tuple[tuple[HoursRecord, ...], bool, tuple[Any, ...] | None]:
    key = query.sort_key or "on_date"
    descending = query.descending if query.sort_key else True
    ordering = SortOrder((*_SORT.get(key, _SORT["on_date"]), HoursEntry.id), descending)
    with db.read_session() as session:
        statement = _filtered(record_query(), session, query)
        window = fetch_window(session, statement, query, ordering)
    records = tuple(record_from_row(row) for row in window.rows)
    return records, window.has_more, window.last_key


def count_hours(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = (
            select(func.count(HoursEntry.id))
            .join(Person, Person.id == HoursEntry.person_id)
            .outerjoin(Organization, Organization.id == HoursEntry.organization_id)
            .outerjoin(Center, Center.id == HoursEntry.center_id)
        )
        return session.execute(_filtered(statement, session, query)).scalar_one()


def _row(record: HoursRecord) -> tuple:
    return (
        record.on_date,
        record.person_name,
        record.hours,
        record.organization,
        record.center,
        record.activity,
        record.source.value,
    )

"""Events: the list of what the agency runs; editing, registrations and check-in are in
``services.events.editing`` and ``services.events.registrations``.

Filters: ``kind``, ``from_date``, ``to_date`` (dates, inclusive) and ``is_public`` (bool).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Event, Registration
from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    matches_words,
    sort_order,
)

EVENT_COLUMNS: tuple[Column, ...] = (
    Column("starts_at", "Date"),
    Column("kind", "Kind"),
    Column("title", "Title"),
    Column("place", "Place"),
    Column("registrations", "Registrations"),
    Column("capacity", "Capacity"),
)
CAPACITY_ROLES = (
    RegistrationRole.PARTICIPANT,
    RegistrationRole.GUEST,
    RegistrationRole.MEMBER,
    RegistrationRole.NOMINEE,
    RegistrationRole.SPONSOR,
)
"""Roles that take one of an event's places. Helpers count against their shift's
slots; speakers and exhibiting clubs do not take a seat."""
_ACTIVE = (
    RegistrationStatus.REGISTERED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.NO_SHOW,
)
# Counted the way capacity is enforced (services.events.registrations): everyone taking a place.
PLACES_TAKEN = (
    select(func.count(Registration.id))
    .where(
        Registration.event_id == Event.id,
        Registration.role.in_(CAPACITY_ROLES),
        Registration.status.in_(_ACTIVE),
    )
    .correlate(Event)
    .scalar_subquery()
)
# The list's "Registrations": everyone registered in any role (helpers, exhibitors too).
REGISTERED = (
    select(func.count(Registration.id))
    .where(Registration.event_id == Event.id, Registration.status.in_(_ACTIVE))
    .correlate(Event)
    .scalar_subquery()
)
_SORT = {
    "starts_at": (Event.starts_at,),
    "kind": (Event.kind, Event.starts_at),
    "title": (Event.title_key, Event.starts_at),
    "place": (Event.place_key, Event.starts_at),
    "registrations": (REGISTERED, Event.starts_at),
    "capacity": (Event.capacity, Event.starts_at),
}


def _filtered(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if kind := filters.get("kind"):
        statement = statement.where(Event.kind == EventKind(kind))
    if (from_date := filters.get("from_date")) is not None:
        statement = statement.where(Event.ends_at >= dt.datetime.combine(from_date, dt.time()))
    if (to_date := filters.get("to_date")) is not None:
        day_after = dt.datetime.combine(to_date + dt.timedelta(days=1), dt.time())
        statement = statement.where(Event.starts_at < day_after)
    if (is_public := filters.get("is_public")) is not None:
        statement = statement.where(Event.is_public.is_(bool(is_public)))
    return statement.where(*matches_words(session, query.text, (Event.title, Event.place)))


def list_events(db: Database, query: ListQuery) -> Page:
    ordering = sort_order(query, _SORT, "starts_at", Event.id)
    with db.read_session() as session:
        statement = select(
            Event.id,
            Event.starts_at,
            Event.kind,
            Event.title,
            Event.place,
            REGISTERED.label("registrations"),
            Event.capacity,
        )
        statement = _filtered(statement, session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (row.starts_at, row.kind.value, row.title, row.place, row.registrations, row.capacity)
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_events(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = _filtered(select(func.count()).select_from(Event), session, query)
        return session.execute(statement).scalar_one()

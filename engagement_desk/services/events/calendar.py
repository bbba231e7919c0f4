"""Events laid out on a calendar: what happens on which day of a month.

Times are naive local wall-clock times, as stored. An event covers every day
from its start up to the day of its end; an event that ends exactly at
midnight does not cover the day that begins then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from engagement_desk.db import Database
from engagement_desk.models import Event
from engagement_desk.models.enums import EventKind

# The same count as the events list: participants taking a place.
from engagement_desk.services.events.event_list import PLACES_TAKEN

GRID_WEEKS = 6
GRID_DAYS = GRID_WEEKS * 7
_JUST_BEFORE = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class CalendarEvent:
    """One event as a calendar shows it."""

    id: int
    kind: EventKind
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    is_public: bool
    registered: int
    capacity: int | None

    @property
    def first_day(self) -> dt.date:
        return self.starts_at.date()

    @property
    def last_day(self) -> dt.date:
        """The day of the end; the day before when the event ends at midnight."""
        return max(self.first_day, (self.ends_at - _JUST_BEFORE).date())

    @property
    def is_multi_day(self) -> bool:
        return self.last_day > self.first_day


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def events_between(
    db: Database, first_day: dt.date, last_day: dt.date, *, kind: EventKind | None = None
) -> tuple[CalendarEvent, ...]:
    """Every event that covers a day from ``first_day`` to ``last_day`` (inclusive).

    Events that started earlier and are still running are included; the
    order is by start, then number.
    """
    if last_day < first_day:
        raise ValueError(f"last_day {last_day} is before first_day {first_day}")
    start, end = _midnight(first_day), _midnight(last_day + dt.timedelta(days=1))
    statement = (
        select(
            Event.id,
            Event.kind,
            Event.title,
            Event.starts_at,
            Event.ends_at,
            Event.place,
            Event.is_public,
            PLACES_TAKEN.label("registered"),
            Event.capacity,
        )
        .where(
            Event.starts_at < end,
            # An event of no length still covers the day it starts on.
            or_(Event.ends_at > start, Event.starts_at >= start),
        )
        .order_by(Event.starts_at, Event.id)
    )
    if kind is not None:
        statement = statement.where(Event.kind == EventKind(kind))
    with db.read_session() as session:
        rows = session.execute(statement).all()
    return tuple(CalendarEvent(**row._asdict()) for row in rows)


def month_grid(year: int, month: int) -> tuple[dt.date, ...]:
    """The 42 days of a six-week month page, from the Monday on or before the 1st."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday())
    return tuple(start + dt.timedelta(days=offset) for offset in range(GRID_DAYS))


def days_of(event: CalendarEvent) -> tuple[dt.date, ...]:
    """The dates the event covers, first to last."""
    count = (event.last_day - event.first_day).days + 1
    return tuple(event.first_day + dt.timedelta(days=offset) for offset in range(count))


def events_by_day(
    events: Iterable[CalendarEvent], days: Iterable[dt.date]
) -> dict[dt.date, tuple[CalendarEvent, ...]]:
    """For each of ``days``, the events covering it, in the order given."""
    wanted: dict[dt.date, list[CalendarEvent]] = {day: [] for day in days}
    for event in events:
        for day in days_of(event):
            if day in wanted:
                wanted[day].append(event)
    return {day: tuple(found) for day, found in wanted.items()}

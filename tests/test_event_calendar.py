"""The events calendar: which events a month page shows on which days."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import new_event, new_person

from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.events.calendar import (
    CalendarEvent,
    days_of,
    events_between,
    events_by_day,
    month_grid,
)
from engagement_desk.services.events.registrations import cancel_registration, register

NOV_1 = dt.date(2026, 11, 1)
NOV_30 = dt.date(2026, 11, 30)


def add_event(
    db,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None = None,
    kind: EventKind = EventKind.WORKSHOP,
    **extra,
) -> int:
    return new_event(db, title, starts_at, ends_at=ends_at, kind=kind, **extra).id


def titles(events: tuple[CalendarEvent, ...]) -> list[str]:
    return [event.title for event in events]


def test_month_shows_its_events_in_order_and_leaves_out_the_others(any_db) -> None:
    add_event(any_db, "Werkstatt", dt.datetime(2026, 11, 20, 18))
    add_event(any_db, "Schulung", dt.datetime(2026, 11, 3, 9))
    add_event(any_db, "Arbeitskreis", dt.datetime(2026, 11, 3, 9))
    add_event(any_db, "Oktober", dt.datetime(2026, 10, 31, 20), dt.datetime(2026, 10, 31, 23, 59))
    add_event(any_db, "Dezember", dt.datetime(2026, 12, 1, 0, 0))

    found = events_between(any_db, NOV_1, NOV_30)

    assert titles(found) == ["Schulung", "Arbeitskreis", "Werkstatt"]
    first = found[0]
    assert (first.kind, first.place, first.is_public) == (EventKind.WORKSHOP, "Rathaus", True)
    assert first.starts_at == dt.datetime(2026, 11, 3, 9)
    assert first.ends_at == dt.datetime(2026, 11, 3, 11)


def test_event_that_started_before_the_range_and_runs_into_it_is_shown(any_db) -> None:
    add_event(
        any_db,
        "Freiwilligentage",
        dt.datetime(2026, 10, 30, 10),
        dt.datetime(2026, 11, 2, 16),
        kind=EventKind.VOLUNTEER_DAY,
    )

    (found,) = events_between(any_db, NOV_1, NOV_30)

    assert found.title == "Freiwilligentage"
    assert days_of(found) == (
        dt.date(2026, 10, 30),
        dt.date(2026, 10, 31),
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 2),
    )
    assert found.is_multi_day


def test_event_ending_at_midnight_does_not_spill_into_the_next_day(any_db) -> None:
    add_event(any_db, "Vereinsabend", dt.datetime(2026, 11, 30, 19), dt.datetime(2026, 12, 1, 0, 0))

    (found,) = events_between(any_db, NOV_1, NOV_30)

    assert days_of(found) == (dt.date(2026, 11, 30),)
    assert not found.is_multi_day
    assert events_between(any_db, dt.date(2026, 12, 1), dt.date(2026, 12, 31)) == ()


def test_event_without_length_at_midnight_belongs_to_its_day(any_db) -> None:
    midnight = dt.datetime(2026, 11, 5, 0, 0)
    add_event(any_db, "Fristende", midnight, midnight)

    assert titles(events_between(any_db, dt.date(2026, 11, 5), dt.date(2026, 11, 5))) == [
        "Fristende"
    ]
    assert events_between(any_db, dt.date(2026, 11, 4), dt.date(2026, 11, 4)) == ()
    (found,) = events_between(any_db, NOV_1, NOV_30)
    assert days_of(found) == (dt.date(2026, 11, 5),)


def test_kind_filter(any_db) -> None:
    add_event(any_db, "Messe", dt.datetime(2026, 11, 14, 10), kind=EventKind.CLUB_FAIR)
    add_event(any_db, "Schulung", dt.datetime(2026, 11, 15, 10), kind=EventKind.TRAINING)

    assert titles(events_between(any_db, NOV_1, NOV_30, kind=EventKind.TRAINING)) == ["Schulung"]
    assert titles(events_between(any_db, NOV_1, NOV_30, kind=EventKind.RECOGNITION)) == []
    assert titles(events_between(any_db, NOV_1, NOV_30)) == ["Messe", "Schulung"]


def test_counts_participants_taking_a_place(any_db) -> None:
    limited = add_event(any_db, "Erste Hilfe", dt.datetime(2026, 11, 6, 9), capacity=2)
    open_event = add_event(any_db, "Stammtisch", dt.datetime(2026, 11, 7, 19))
    anna, ben, cem, dora = (
        new_person(any_db, name) for name in ("Arndt", "Brandt", "Celik", "Dorn")
    )
    register(any_db, limited, anna)
    register(any_db, limited, ben)
    waiting = register(any_db, limited, cem)
    register(any_db, limited, dora, role=RegistrationRole.HELPER)
    register(any_db, open_event, anna)
    cancelled = register(any_db, open_event, ben)
    cancel_registration(any_db, cancelled.registration.id)
    assert waiting.registration.status == RegistrationStatus.WAITING_LIST

    by_title = {event.title: event for event in events_between(any_db, NOV_1, NOV_30)}

    assert (by_title["Erste Hilfe"].registered, by_title["Erste Hilfe"].capacity) == (2, 2)
    assert (by_title["Stammtisch"].registered, by_title["Stammtisch"].capacity) == (1, None)


def test_reversed_range_is_refused(db) -> None:
    with pytest.raises(ValueError):
        events_between(db, NOV_30, NOV_1)


def test_month_grid_starts_on_the_monday_before_the_first() -> None:
    grid = month_grid(2026, 11)

    assert len(grid) == 42
    # 1 November 2026 is a Sunday: the page starts on Monday 26 October.
    assert grid[0] == dt.date(2026, 10, 26)
    assert grid[-1] == dt.date(2026, 12, 6)
    assert all(day.weekday() == index % 7 for index, day in enumerate(grid))
    assert grid == tuple(grid[0] + dt.timedelta(days=n) for n in range(42))
    assert {dt.date(2026, 11, d) for d in range(1, 31)} <= set(grid)


def test_month_grid_of_a_month_starting_on_monday_starts_on_the_first() -> None:
    grid = month_grid(2027, 3)  # 1 March 2027 is a Monday

    assert grid[0] == dt.date(2027, 3, 1)
    assert grid[-1] == dt.date(2027, 4, 11)


def test_events_by_day_puts_a_multi_day_event_on_each_of_its_days(any_db) -> None:
    add_event(
        any_db,
        "Vereinsmesse",
        dt.datetime(2026, 11, 13, 10),
        dt.datetime(2026, 11, 15, 16),
        kind=EventKind.CLUB_FAIR,
    )
    add_event(any_db, "Werkstatt", dt.datetime(2026, 11, 14, 18))
    grid = month_grid(2026, 11)

    by_day = events_by_day(events_between(any_db, grid[0], grid[-1]), grid)

    assert titles(by_day[dt.date(2026, 11, 13)]) == ["Vereinsmesse"]
    assert titles(by_day[dt.date(2026, 11, 14)]) == ["Vereinsmesse", "Werkstatt"]
    assert titles(by_day[dt.date(2026, 11, 15)]) == ["Vereinsmesse"]
    assert by_day[dt.date(2026, 11, 16)] == ()
    assert set(by_day) == set(grid)

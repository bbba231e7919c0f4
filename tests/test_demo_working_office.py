"""The demo opens on a working office: this week and the next planned, events ahead, calls due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Event, Placement, Registration, Ride, Shift
from engagement_desk.services.demo import generate_demo
from engagement_desk.services.rides.calendar import week_of
from engagement_desk.services.rides.generation import generate_week
from engagement_desk.services.rides.plan_marks import NOT_YET_PLANNED
from engagement_desk.services.rides.planning import read_week_plan
from engagement_desk.services.rides.reasons import NOT_PLANNED

PEOPLE = 400
# A Wednesday in spring (the week half gone) and a Saturday before Christmas.
DAYS = (dt.date(2026, 3, 18), dt.date(2026, 12, 19))


@pytest.fixture(scope="module", params=DAYS, ids=lambda day: day.isoformat())
def demo(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    migrated_copy: Callable[[Path], Database],
) -> Iterator[tuple[Database, dt.date]]:
    today: dt.date = request.param
    database = migrated_copy(tmp_path_factory.mktemp("office") / "demo.sqlite3")
    generate_demo(database, people=PEOPLE, seed=11, today=today)
    yield database, today
    database.dispose()


def _weeks(today: dt.date):
    return week_of(today), week_of(today + dt.timedelta(days=7))


def test_this_week_and_the_next_have_rides_mostly_with_a_driver(demo) -> None:
    db, today = demo
    plans = [read_week_plan(db, week) for week in _weeks(today)]
    coming = [r for plan in plans for r in plan.rides if r.ride_date >= today]
    assigned = [r for r in coming if r.driver_id is not None]

    assert all(plan.rides for plan in plans)
    assert len(assigned) >= 0.8 * len(coming)
    assert any(r.assigned_manually for r in assigned)


@pytest.mark.parametrize("demo", [DAYS[0]], indirect=True, ids=["spring"])
def test_some_rides_stay_open_each_with_the_planners_reason(demo) -> None:
    db, today = demo
    unassigned = [u for week in _weeks(today) for u in read_week_plan(db, week).unassigned]

    assert unassigned
    assert all(u.reason and u.code not in (NOT_PLANNED, NOT_YET_PLANNED) for u in unassigned)
    assert any("Rollstuhl" in u.reason for u in unassigned)


def test_the_planner_finds_the_rides_it_would_generate_already_there(demo) -> None:
    db, today = demo
    for week in _weeks(today):
        result = generate_week(db, week)
        assert (result.created, result.removed) == (0, 0), week


def test_no_ride_before_today_waits_for_a_driver(demo) -> None:
    db, today = demo
    with db.read_session() as session:
        waiting = session.scalar(
            select(func.count())
            .select_from(Ride)
            .where(Ride.ride_date < today, Ride.status.in_(("planned", "assigned")))
        )
    assert waiting == 0


def test_events_in_the_next_four_weeks_with_registrations_and_helpers(demo) -> None:
    db, today = demo
    start = dt.datetime.combine(today, dt.time())
    with db.read_session() as session:
        events = session.scalars(
            select(Event.id).where(Event.starts_at.between(start, start + dt.timedelta(days=28)))
        ).all()
        registered = session.scalar(
            select(func.count()).select_from(Registration).where(Registration.event_id.in_(events))
        )
        shifts = session.scalar(
            select(func.count()).select_from(Shift).where(Shift.event_id.in_(events))
        )
    assert len(events) >= 3
    assert registered and shifts


def test_follow_up_calls_due_this_week(demo) -> None:
    db, today = demo
    sunday = week_of(today).sunday
    with db.read_session() as session:
        due = session.scalar(
            select(func.count())
            .select_from(Placement)
            .where(Placement.follow_up_on.between(today, sunday))
        )
    assert due and due > 0

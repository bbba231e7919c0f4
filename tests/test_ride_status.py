"""Done / cancelled / no-show, the driver's hours, and the dispatcher's override."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from ride_helpers import PLAIN_WEEK, driver, order, passenger, service
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Absence, HoursEntry
from engagement_desk.models.enums import HoursSource, RideStatus
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.assignment import (
    AssignmentNeedsConfirmation,
    assign_driver,
    check_assignment,
)
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week
from engagement_desk.services.rides.rules import Rule
from engagement_desk.services.rides.status import (
    mark_cancelled,
    mark_done,
    mark_no_show,
    reopen_ride,
)


def hours(db: Database) -> list[tuple[int, Decimal, int | None]]:
    with db.read_session() as session:
        return [
            (e.person_id, e.hours, e.ride_id)
            for e in session.scalars(
                select(HoursEntry).where(HoursEntry.source == HoursSource.RIDE)
            )
        ]


def planned(db: Database):
    return plan_week(db, parse_week(PLAIN_WEEK))


def test_done_creates_the_hours_entry_once_and_undo_removes_it(any_db: Database) -> None:
    sid = service(any_db, duration=90)
    order(any_db, sid, passenger(any_db, "Hilde", "Weber"))
    anna = driver(any_db, "Anna", "Becker")
    ride = planned(any_db).rides[0]
    done = mark_done(any_db, ride.id, km="12,5", expected_version=ride.version)
    assert done.status == RideStatus.DONE and done.km == "12.5"
    assert hours(any_db) == [(anna, Decimal("1.50"), ride.id)]
    again = mark_done(any_db, ride.id, km=14, duration_minutes=120, expected_version=done.version)
    assert hours(any_db) == [(anna, Decimal("2.00"), ride.id)]
    reopened = reopen_ride(any_db, ride.id, expected_version=again.version)
    assert reopened.status == RideStatus.ASSIGNED and reopened.km == ""
    assert hours(any_db) == []


def test_rides_sharing_the_car_book_the_time_once(db: Database) -> None:
    sid = service(db, duration=60)
    for index in range(2):
        order(db, sid, passenger(db, f"G{index}", "Gast"), pickup=dt.time(9, 10 * index))
    driver(db, "Anna", "Becker")
    first, second = planned(db).rides
    assert first.driver_id == second.driver_id
    mark_done(db, first.id, km=5, expected_version=first.version)
    mark_done(db, second.id, km=5, expected_version=second.version)
    assert sorted(h for _, h, _ in hours(db)) == [Decimal("0.17"), Decimal("1.00")]


def test_cancelled_and_no_show_give_no_hours(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Hilde", "Weber"), back=dt.time(12, 0))
    driver(db, "Anna", "Becker")
    outward, back = planned(db).rides
    mark_cancelled(db, outward.id, expected_version=outward.version)
    gone = mark_no_show(db, back.id, expected_version=back.version)
    assert gone.status == RideStatus.NO_SHOW and hours(db) == []


def test_done_needs_km_and_a_driver(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Hilde", "Weber"))
    ride = planned(db).rides[0]
    with pytest.raises(ValidationError, match="Fahrer/in"):
        mark_done(db, ride.id, km=3, expected_version=ride.version)
    with pytest.raises(ValidationError, match="Kilometer"):
        mark_done(db, ride.id, km="viel", expected_version=ride.version)


def test_override_lists_every_broken_rule_in_german(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    order(db, sid, passenger(db, "Otto", "Ohne"), pickup=dt.time(9, 30), destination="Arzt")
    busy = driver(db, "Ben", "Busy", max_rides=1, windows=((1, dt.time(9), dt.time(11)),))
    tuesday = parse_week(PLAIN_WEEK).monday + dt.timedelta(days=1)
    plan = planned(db)
    otto = next(r for r in plan.rides if r.destination.startswith("Arzt"))
    rita = next(r for r in plan.rides if r.id != otto.id)
    assert otto.driver_id == busy
    with db.session() as session:
        session.add(Absence(person_id=busy, start_date=tuesday, end_date=tuesday, reason="Urlaub"))
    warnings = check_assignment(db, rita.id, busy)
    assert [w.rule for w in warnings] == [
        Rule.ABSENT,
        Rule.WHEELCHAIR,
        Rule.WEEKLY_MAX,
        Rule.OVERLAP,
    ]
    assert warnings[0].message == "Ben Busy ist am 03.03.2026 abwesend (Urlaub)."
    assert warnings[1].message.startswith("Das Fahrzeug Auto Busy hat keinen Rollstuhlplatz")
    assert "höchstens 1" in warnings[2].message
    assert "Puffer" in warnings[3].message
    with pytest.raises(AssignmentNeedsConfirmation):
        assign_driver(db, rita.id, busy, expected_version=rita.version)
    result = assign_driver(db, rita.id, busy, expected_version=rita.version, accept_warnings=True)
    assert result.ride.assigned_manually and result.ride.driver_id == busy
    assert len(result.warnings) == 4
    replanned = planned(db)
    assert next(r for r in replanned.rides if r.id == rita.id).driver_id == busy


def test_override_without_problems_has_no_warnings(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Otto", "Ohne"))
    driver(db, "Anna", "Becker")
    other = driver(db, "Ben", "Roth")
    ride = planned(db).rides[0]
    assert check_assignment(db, ride.id, other) == ()


def test_override_needs_a_person_with_the_driver_role(db: Database) -> None:
    sid = service(db)
    guest = passenger(db, "Otto", "Ohne")
    order(db, sid, guest)
    ride = planned(db).rides[0]
    with pytest.raises(ValidationError, match="nicht als Fahrer/in"):
        check_assignment(db, ride.id, guest)

"""Changing a ride after intake, the phone's default service, future rides, "noch nicht geplant"."""

from __future__ import annotations

import datetime as dt

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week, read_week_plan
from engagement_desk.services.rides.requests import (
    Needs,
    RideRequestInput,
    create_ride_request,
    most_used_service,
)
from engagement_desk.services.rides.ride_editing import (
    RideEditInput,
    ride_for_editing,
    update_ride,
)
from engagement_desk.services.rides.status import mark_cancelled, mark_done, mark_no_show

WEEK = parse_week(PLAIN_WEEK)
TUESDAY = WEEK.monday + dt.timedelta(days=1)
THURSDAY = WEEK.monday + dt.timedelta(days=3)


def request(db: Database, sid: int, pid: int, **changes) -> tuple[int, int | None]:
    values = dict(
        service_id=sid,
        passenger_id=pid,
        ride_date=TUESDAY,
        pickup_time=dt.time(9, 0),
        destination="Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg",
        return_time=dt.time(11, 0),
    )
    values.update(changes)
    result = create_ride_request(db, RideRequestInput(**values))
    return result.ride_id, result.return_ride_id


def edit_of(db: Database, ride_id: int, **changes) -> RideEditInput:
    shown = ride_for_editing(db, ride_id)
    ride = shown.ride
    values = dict(
        ride_date=ride.ride_date,
        start_time=ride.start_time,
        duration_minutes=ride.duration_minutes,
        pickup_address=ride.pickup_address,
        destination=ride.destination,
        needs=Needs(),
        notes=ride.notes,
        return_time=shown.return_ride.start_time if shown.return_ride else None,
    )
    values.update(changes)
    return RideEditInput(**values)


@pytest.fixture
def office(any_db: Database) -> dict[str, int]:
    agency(any_db)
    sid = service(any_db)
    return {"service": sid, "gerda": passenger(any_db, "Gerda", "Groß")}


def test_editing_moves_the_ride_and_its_return_trip(any_db: Database, office) -> None:
    outward, back = request(any_db, office["service"], office["gerda"])
    version = ride_for_editing(any_db, outward).version
    result = update_ride(
        any_db,
        outward,
        version,
        edit_of(
            any_db,
            outward,
            ride_date=THURSDAY,
            start_time=dt.time(8, 30),
            destination="Augenarzt, Trierer Str. 1, 54634 Bitburg",
            return_time=dt.time(10, 45),
        ),
    )
    assert result.ride.ride.ride_date == THURSDAY
    assert result.ride.ride.start_time == dt.time(8, 30)
    assert result.ride.return_ride is not None and result.ride.return_ride.id == back
    with any_db.read_session() as session:
        leg = session.get(Ride, back)
        assert (leg.ride_date, leg.start_time) == (THURSDAY, dt.time(10, 45))
        assert leg.pickup_address.startswith("Augenarzt")


def test_the_return_trip_can_be_removed_and_added_again(any_db: Database, office) -> None:
    outward, back = request(any_db, office["service"], office["gerda"])
    shown = ride_for_editing(any_db, outward)
    result = update_ride(any_db, outward, shown.version, edit_of(any_db, outward, return_time=None))
    assert result.ride.return_ride is None
    with any_db.read_session() as session:
        assert session.get(Ride, back) is None
    again = update_ride(
        any_db,
        outward,
        result.ride.version,
        edit_of(any_db, outward, return_time=dt.time(12, 0)),
    )
    assert again.ride.return_ride is not None
    assert again.ride.return_ride.start_time == dt.time(12, 0)


def test_invalid_changes_are_named_at_their_fields(any_db: Database, office) -> None:
    outward, _ = request(any_db, office["service"], office["gerda"])
    version = ride_for_editing(any_db, outward).version
    with pytest.raises(ValidationError) as error:
        update_ride(
            any_db,
            outward,
            version,
            edit_of(any_db, outward, destination=" ", return_time=dt.time(8, 0)),
        )
    fields = {e.field for e in error.value.errors}
    assert fields == {"destination", "return_time"}


def test_a_new_time_the_driver_cannot_take_takes_the_driver_off(any_db: Database, office) -> None:
    anna = driver(any_db, "Anna", "Becker", windows=((1, dt.time(8, 0), dt.time(12, 0)),))
    outward, _ = request(any_db, office["service"], office["gerda"], return_time=None)
    ride = ride_for_editing(any_db, outward).ride
    assigned = assign_driver(any_db, outward, anna, expected_version=ride.version).ride
    kept = update_ride(
        any_db, outward, assigned.version, edit_of(any_db, outward, start_time=dt.time(9, 30))
    )
    assert kept.ride.ride.driver_id == anna and not kept.unassigned
    moved = update_ride(
        any_db, outward, kept.ride.version, edit_of(any_db, outward, start_time=dt.time(15, 0))
    )
    assert moved.ride.ride.driver_id is None
    assert moved.ride.ride.status == RideStatus.PLANNED
    assert "Anna Becker" in moved.unassigned[0] and "nicht als verfügbar" in moved.unassigned[0]


def test_a_standing_order_ride_changes_only_its_notes(any_db: Database, office) -> None:
    order(any_db, office["service"], office["gerda"])
    ride = plan_week(any_db, WEEK).rides[0]
    with pytest.raises(ValidationError, match="Dauerauftrag"):
        update_ride(any_db, ride.id, ride.version, edit_of(any_db, ride.id, start_time=dt.time(7)))
    saved = update_ride(any_db, ride.id, ride.version, edit_of(any_db, ride.id, notes="Klingeln"))
    assert saved.ride.ride.notes == "Klingeln" and saved.ride.from_standing_order


def test_a_future_ride_cannot_be_marked_done(any_db: Database, office) -> None:
    anna = driver(any_db, "Anna", "Becker")
    outward, _ = request(any_db, office["service"], office["gerda"], return_time=None)
    ride = ride_for_editing(any_db, outward).ride
    ride = assign_driver(any_db, outward, anna, expected_version=ride.version).ride
    before = dt.datetime.combine(TUESDAY, dt.time(8, 59))
    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        mark_done(any_db, outward, km=5, expected_version=ride.version, now=before)
    with pytest.raises(ValidationError, match="liegt in der Zukunft"):
        mark_no_show(any_db, outward, expected_version=ride.version, now=before)
    after = dt.datetime.combine(TUESDAY, dt.time(9, 0))
    done = mark_done(any_db, outward, km=5, expected_version=ride.version, now=after)
    assert done.status == RideStatus.DONE


def test_the_default_service_is_the_most_used(any_db: Database, office) -> None:
    agency_service = service(any_db, name="Arztfahrten")  # first by name, rarely used
    assert most_used_service(any_db, TUESDAY) is None  # nothing yet: the first in the list
    request(any_db, agency_service, office["gerda"], return_time=None)
    for _ in range(2):
        request(any_db, office["service"], office["gerda"], return_time=None)
    assert most_used_service(any_db, TUESDAY) == office["service"]
    assert most_used_service(any_db, TUESDAY + dt.timedelta(weeks=30)) is None


def open_reasons(db: Database) -> dict[int, str]:
    plan = read_week_plan(db, WEEK)
    return {u.ride_id: u.reason for u in plan.unassigned}


def test_a_new_request_is_not_a_planning_problem_before_planning(any_db: Database, office) -> None:
    driver(any_db, "Anna", "Becker")
    outward, _ = request(any_db, office["service"], office["gerda"], return_time=None)
    assert open_reasons(any_db) == {outward: "offen – noch nicht geplant"}
    plan_week(any_db, WEEK)
    assert open_reasons(any_db) == {}
    # taken after planning: open, not yet planned, until the week is planned again
    late, _ = request(
        any_db, office["service"], office["gerda"], pickup_time=dt.time(14), return_time=None
    )
    assert open_reasons(any_db) == {late: "offen – noch nicht geplant"}


def test_after_planning_an_open_ride_says_why(any_db: Database, office) -> None:
    driver(any_db, "Anna", "Becker", windows=((1, dt.time(8, 0), dt.time(12, 0)),))
    late, _ = request(
        any_db, office["service"], office["gerda"], pickup_time=dt.time(22), return_time=None
    )
    assert open_reasons(any_db)[late] == "offen – noch nicht geplant"
    plan_week(any_db, WEEK)
    assert "verfügbar" in open_reasons(any_db)[late]
    with any_db.read_session() as session:
        assert session.scalars(select(Ride.status).where(Ride.id == late)).one() == (
            RideStatus.PLANNED
        )


def test_a_ride_changed_elsewhere_meanwhile_is_a_conflict(any_db: Database, office) -> None:
    outward, _ = request(any_db, office["service"], office["gerda"])
    shown = ride_for_editing(any_db, outward)
    update_ride(any_db, outward, shown.version, edit_of(any_db, outward, notes="erste"))
    with pytest.raises(ConflictError):
        update_ride(any_db, outward, shown.version, edit_of(any_db, outward, notes="zweite"))
    assert ride_for_editing(any_db, outward).ride.notes == "erste"


def test_a_closed_ride_is_not_edited(any_db: Database, office) -> None:
    outward, _ = request(any_db, office["service"], office["gerda"], return_time=None)
    shown = ride_for_editing(any_db, outward)
    cancelled = mark_cancelled(any_db, outward, expected_version=shown.version)
    with pytest.raises(ValidationError, match="wieder öffnen"):
        update_ride(any_db, outward, cancelled.version, edit_of(any_db, outward, notes="x"))

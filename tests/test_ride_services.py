"""Ride services, standing orders, requests and driver profiles: validation and round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from ride_helpers import driver, order, passenger, service

from engagement_desk.db import Database
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.rides.drivers import (
    DriverProfileInput,
    get_driver,
    set_preferred_passengers,
    update_driver_profile,
)
from engagement_desk.services.rides.orders import (
    StandingOrderInput,
    add_pause,
    create_standing_order,
    list_standing_orders,
    update_standing_order,
)
from engagement_desk.services.rides.recurrence import (
    WeeklyRecurrence,
    build_recurrence,
    describe_recurrence,
    weekly_parts,
)
from engagement_desk.services.rides.requests import (
    RideRequestInput,
    create_ride_request,
    request_defaults,
)
from engagement_desk.services.rides.services_admin import (
    RideServiceInput,
    create_ride_service,
    update_ride_service,
)
from engagement_desk.services.rides.vehicles import VehicleInput, create_vehicle


def test_recurrence_is_built_and_described_for_the_ui() -> None:
    assert build_recurrence([1]) == "FREQ=WEEKLY;BYDAY=TU"
    assert build_recurrence([3], interval=2) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"
    assert describe_recurrence("FREQ=WEEKLY;BYDAY=TU") == "jeden Dienstag"
    assert describe_recurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH") == "alle 2 Wochen am Donnerstag"
    assert describe_recurrence(build_recurrence([0, 3])) == "jeden Montag und Donnerstag"
    assert weekly_parts("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH") == WeeklyRecurrence((3,), 2)
    assert weekly_parts("FREQ=MONTHLY;BYDAY=1MO") is None


def test_ride_service_validation(db: Database) -> None:
    created = create_ride_service(db, RideServiceInput("Impffahrten", operating_days=(0, 2)))
    assert created.days_label == "Mo, Mi"
    with pytest.raises(ValidationError) as caught:
        create_ride_service(
            db, RideServiceInput(" impffahrten ", operating_days=(), default_duration_minutes=1)
        )
    assert {e.field for e in caught.value.errors} == {
        "name",
        "operating_days",
        "default_duration_minutes",
    }
    updated = update_ride_service(
        db,
        created.id,
        RideServiceInput("Impffahrten", runs_on_holidays=True),
        expected_version=created.version,
    )
    assert updated.runs_on_holidays and updated.version == created.version + 1
    with pytest.raises(ConflictError):
        update_ride_service(db, created.id, RideServiceInput("X"), expected_version=1)


def order_input(sid: int, pid: int, **changes) -> StandingOrderInput:
    values = dict(
        service_id=sid,
        passenger_id=pid,
        recurrence="FREQ=WEEKLY;BYDAY=TU",
        pickup_time=dt.time(9),
        destination_name="Wochenmarkt",
        valid_from=dt.date(2026, 3, 1),
    )
    values.update(changes)
    return StandingOrderInput(**values)


def test_standing_order_checks_rule_times_and_operating_days(db: Database) -> None:
    sid = service(db, days="01234")
    pid = passenger(db, "Hilde", "Weber")
    saved = create_standing_order(db, order_input(sid, pid, return_time=dt.time(11)))
    assert saved.recurrence_text == "jeden Dienstag"
    assert saved.pickup_address == "Hauptstraße 5, 54634 Bitburg"
    with pytest.raises(ValidationError) as caught:
        create_standing_order(
            db, order_input(sid, pid, recurrence="FREQ=WEEKLY;BYDAY=SA", return_time=dt.time(8))
        )
    messages = {e.field: e.message for e in caught.value.errors}
    assert messages["recurrence"] == "Der Fahrdienst „Seniorenfahrdienst“ fährt nicht am Samstag."
    assert "muss nach der Hinfahrt" in messages["return_time"]
    with pytest.raises(ValidationError, match="keine gültige Wiederholungsregel"):
        create_standing_order(db, order_input(sid, pid, recurrence="JEDEN DIENSTAG"))
    with pytest.raises(ValidationError, match="höchstens täglich"):
        create_standing_order(db, order_input(sid, pid, recurrence="FREQ=HOURLY"))
    moved = update_standing_order(
        db,
        saved.id,
        order_input(sid, pid, pickup_time=dt.time(10)),
        expected_version=saved.version,
    )
    assert moved.pickup_time == dt.time(10)
    paused = add_pause(db, saved.id, dt.date(2026, 4, 1), dt.date(2026, 4, 14), "Krankenhaus")
    assert paused.pauses[0].reason == "Krankenhaus"
    with pytest.raises(ValidationError, match="Überschneidet"):
        add_pause(db, saved.id, dt.date(2026, 4, 10), dt.date(2026, 4, 20))
    assert [o.id for o in list_standing_orders(db, passenger_id=pid)] == [saved.id]


def test_request_defaults_come_from_needs_and_usual_addresses(db: Database) -> None:
    sid = service(db)
    pid = passenger(db, "Rita", "Rad", wheelchair=True)
    order(db, sid, pid, destination="Tagespflege")
    defaults = request_defaults(db, pid)
    assert defaults.needs.wheelchair
    assert defaults.addresses.pickups[0] == "Hauptstraße 5, 54634 Bitburg"
    assert defaults.addresses.destinations == ("Tagespflege, Marktplatz 1, 54634 Bitburg",)
    result = create_ride_request(
        db,
        RideRequestInput(
            service_id=sid,
            passenger_id=pid,
            ride_date=dt.date(2026, 3, 5),
            pickup_time=dt.time(8, 30),
            destination="Impfzentrum, Messeplatz 1, 54634 Bitburg",
            return_time=dt.time(10),
        ),
    )
    assert result.return_ride_id is not None
    assert request_defaults(db, pid).addresses.destinations[-1].startswith("Impfzentrum")


def test_request_on_a_holiday_is_refused_when_the_service_rests(db: Database) -> None:
    sid = service(db)
    pid = passenger(db, "Rita", "Rad")
    with pytest.raises(ValidationError, match="Fronleichnam"):
        create_ride_request(
            db,
            RideRequestInput(sid, pid, dt.date(2026, 6, 4), dt.time(9), "Arzt"),
        )


def test_driver_profile_and_preferences(db: Database) -> None:
    anna = driver(db, "Anna", "Becker", vehicle=False)
    guest = passenger(db, "Hilde", "Weber")
    record = get_driver(db, anna)
    car = create_vehicle(db, VehicleInput("VW Caddy", seats=4, wheelchair_spaces=1))
    saved = update_driver_profile(
        db,
        anna,
        DriverProfileInput(max_rides_per_week=3, vehicle_id=car.id),
        expected_version=record.version,
    )
    assert (saved.max_rides_per_week, saved.vehicle_label, saved.wheelchair_spaces) == (
        3,
        "VW Caddy",
        1,
    )
    with pytest.raises(ConflictError):
        update_driver_profile(db, anna, DriverProfileInput(), expected_version=record.version)
    with pytest.raises(ValidationError):
        update_driver_profile(
            db, anna, DriverProfileInput(max_rides_per_week=-1), expected_version=saved.version
        )
    prefs = set_preferred_passengers(db, anna, (guest,))
    assert [p.name for p in prefs.preferred_passengers] == ["Hilde Weber"]
    assert len(prefs.availability) == 7

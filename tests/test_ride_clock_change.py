"""Rides on the two nights the clock changes: real durations in the driver's
calendar, and pick-up times that do not exist or exist twice are recognised."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from builders import add_person
from hours_builders import add_ride
from icalendar import Calendar

from engagement_desk.services.events.ical import driver_ical
from engagement_desk.services.rides.calendar import (
    ClockChange,
    clock_change,
    planned_clock_time,
    ride_span,
)

BERLIN = ZoneInfo("Europe/Berlin")
SPRING = dt.date(2027, 3, 28)  # 02:00 CET → 03:00 CEST
AUTUMN = dt.date(2027, 10, 31)  # 03:00 CEST → 02:00 CET
UTC = dt.UTC


def _ride_entry(data: bytes, ride_id: int):
    (entry,) = [
        c
        for c in Calendar.from_ical(data).walk("VEVENT")
        if str(c["UID"]) == f"ride-{ride_id}@engagement-desk"
    ]
    return entry.decoded("DTSTART"), entry.decoded("DTEND")


@pytest.mark.parametrize(
    ("day", "time", "expected"),
    [
        (SPRING, dt.time(2, 0), ClockChange.SKIPPED),
        (SPRING, dt.time(2, 30), ClockChange.SKIPPED),
        (SPRING, dt.time(2, 59), ClockChange.SKIPPED),
        (SPRING, dt.time(1, 59), None),
        (SPRING, dt.time(3, 0), None),
        (AUTUMN, dt.time(2, 0), ClockChange.REPEATED),
        (AUTUMN, dt.time(2, 30), ClockChange.REPEATED),
        (AUTUMN, dt.time(1, 59), None),
        (AUTUMN, dt.time(3, 0), None),
        (dt.date(2027, 3, 27), dt.time(2, 30), None),
        (dt.date(2027, 11, 1), dt.time(2, 30), None),
    ],
)
def test_clock_change_recognises_the_missing_and_the_doubled_hour(day, time, expected):
    assert clock_change(day, time) is expected


def test_a_ride_in_the_missing_hour_is_planned_one_hour_later_on_the_clock():
    planned = planned_clock_time(SPRING, dt.time(2, 30))
    assert (planned.hour, planned.minute) == (3, 30)
    assert planned.utcoffset() == dt.timedelta(hours=2)


def test_the_driver_calendar_gives_a_ride_its_real_duration_on_the_spring_night(db):
    driver = add_person(db, "Fahr", "Erin")
    ride = add_ride(db, driver, SPRING, minutes=120, start=dt.time(1, 30))
    start, end = _ride_entry(driver_ical(db, driver), ride)
    # the plan: 01:30 CET + 120 real minutes = 04:30 CEST
    assert start.astimezone(UTC) == dt.datetime(2027, 3, 28, 0, 30, tzinfo=UTC)
    assert end.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(minutes=120)
    assert end.astimezone(BERLIN).replace(tzinfo=None) == dt.datetime(2027, 3, 28, 4, 30)
    span = ride_span(SPRING, dt.time(1, 30), 120)
    assert span.local_end().replace(tzinfo=None) == dt.datetime(2027, 3, 28, 4, 30)


def test_the_driver_calendar_gives_a_ride_its_real_duration_on_the_autumn_night(db):
    driver = add_person(db, "Fahr", "Erin")
    ride = add_ride(db, driver, AUTUMN, minutes=120, start=dt.time(1, 30))
    start, end = _ride_entry(driver_ical(db, driver), ride)
    assert end.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(minutes=120)
    # 01:30 CEST + 120 real minutes = 02:30 CET, the second pass of 02:30
    assert end.astimezone(UTC) == dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC)


def test_a_ride_ending_in_the_second_pass_of_the_doubled_hour_is_not_read_as_the_first(db):
    driver = add_person(db, "Fahr", "Erin")
    ride = add_ride(db, driver, AUTUMN, minutes=90, start=dt.time(2, 15))
    data = driver_ical(db, driver)
    start, end = _ride_entry(data, ride)
    # 02:15 is taken at its first pass (CEST, 00:15 UTC); 90 minutes later it is 01:45 UTC
    assert start.astimezone(UTC) == dt.datetime(2027, 10, 31, 0, 15, tzinfo=UTC)
    assert end.astimezone(UTC) == dt.datetime(2027, 10, 31, 1, 45, tzinfo=UTC)
    assert b"DTEND:20271031T014500Z" in data


def test_ordinary_rides_keep_their_local_times_in_the_file(db):
    driver = add_person(db, "Fahr", "Erin")
    ride = add_ride(db, driver, dt.date(2027, 6, 1), minutes=45, start=dt.time(9))
    data = driver_ical(db, driver)
    start, end = _ride_entry(data, ride)
    assert start == dt.datetime(2027, 6, 1, 9, 0, tzinfo=BERLIN)
    assert end == dt.datetime(2027, 6, 1, 9, 45, tzinfo=BERLIN)
    assert b"DTSTART;TZID=Europe/Berlin:20270601T090000" in data

"""Generating and planning a week against a real database."""

from __future__ import annotations

import datetime as dt

from ride_helpers import (
    AUTUMN_DST_WEEK,
    PLAIN_WEEK,
    RP_HOLIDAY_WEEK,
    SPRING_DST_WEEK,
    agency,
    driver,
    order,
    passenger,
    service,
)
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Ride, StandbyDriver, StandingOrderPause
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.generation import generate_week
from engagement_desk.services.rides.planning import plan_week, read_week_plan
from engagement_desk.services.rides.status import mark_cancelled

DAILY = "FREQ=DAILY"


def ride_count(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count(Ride.id)))


def test_generation_is_idempotent_and_keeps_closed_rides(any_db: Database) -> None:
    agency(any_db)
    sid = service(any_db)
    weber = passenger(any_db, "Hildegard", "Weber")
    order(any_db, sid, weber, rule="FREQ=WEEKLY;BYDAY=TU,TH", back=dt.time(11, 0))
    week = parse_week(PLAIN_WEEK)
    first = generate_week(any_db, week)
    assert (first.created, first.updated, first.removed) == (4, 0, 0)
    again = generate_week(any_db, week)
    assert (again.created, again.updated, again.removed) == (0, 0, 0)
    assert ride_count(any_db) == 4

    plan = read_week_plan(any_db, week)
    tuesday = plan.rides[0]
    assert tuesday.passenger_names == "Hildegard Weber"
    assert tuesday.pickup_address == "Hauptstraße 5, 54634 Bitburg"
    assert tuesday.destination == "Wochenmarkt, Marktplatz 1, 54634 Bitburg"
    back = plan.rides[1]
    assert back.is_return and back.pickup_address == tuesday.destination
    mark_cancelled(any_db, tuesday.id, expected_version=tuesday.version)
    third = generate_week(any_db, week)
    assert (third.created, third.kept) == (0, 1)
    assert ride_count(any_db) == 4


def test_pause_removes_open_rides_on_regeneration(db: Database) -> None:
    sid = service(db)
    oid = order(db, sid, passenger(db, "Karl", "Bauer"), rule=DAILY)
    week = parse_week(PLAIN_WEEK)
    generate_week(db, week)
    assert ride_count(db) == 7
    with db.session() as session:
        session.add(
            StandingOrderPause(
                standing_order_id=oid,
                start_date=week.monday,
                end_date=week.monday + dt.timedelta(days=2),
                reason="Krankenhaus",
            )
        )
    result = generate_week(db, week)
    assert result.removed == 3 and ride_count(db) == 4


def test_holiday_week_skips_rides_unless_the_service_runs_on_holidays(db: Database) -> None:
    agency(db, "RP")
    closed = service(db, "Seniorenfahrdienst")
    open_ = service(db, "Impffahrten", holidays=True)
    order(db, closed, passenger(db, "Anna", "Schmitt"), rule=DAILY)
    order(db, open_, passenger(db, "Bernd", "Klein"), rule=DAILY)
    week = parse_week(RP_HOLIDAY_WEEK)
    result = generate_week(db, week)
    assert [(h.day, h.name) for h in result.holidays] == [(dt.date(2026, 6, 4), "Fronleichnam")]
    assert result.skipped_for_holidays == 1
    plan = read_week_plan(db, week)
    thursday = [r.service_name for r in plan.rides_on(dt.date(2026, 6, 4))]
    assert thursday == ["Impffahrten"]
    assert plan.holiday_name(dt.date(2026, 6, 4)) == "Fronleichnam"


def test_holidays_follow_the_agency_bundesland(db: Database) -> None:
    agency(db, "BE")  # Fronleichnam is no holiday in Berlin
    sid = service(db)
    order(db, sid, passenger(db, "Anna", "Schmitt"), rule=DAILY)
    result = generate_week(db, parse_week(RP_HOLIDAY_WEEK))
    assert result.holidays == () and result.created == 7


def test_spring_dst_week_keeps_local_times_and_real_durations(db: Database) -> None:
    sid = service(db, duration=60)
    order(
        db, sid, passenger(db, "Ewa", "Nowak"), rule="FREQ=WEEKLY;BYDAY=SU", pickup=dt.time(1, 30)
    )
    order(
        db,
        sid,
        passenger(db, "Olga", "Iwanowa"),
        rule="FREQ=WEEKLY;BYDAY=SU",
        pickup=dt.time(3, 0),
        destination="Klinikum",
    )
    driver(db, "Jonas", "Fahr", max_rides=5)
    plan = plan_week(db, parse_week(SPRING_DST_WEEK))
    first, second = plan.rides
    assert (first.ride_date, first.start_time, first.end_time) == (
        dt.date(2026, 3, 29),
        dt.time(1, 30),
        dt.time(3, 30),
    )
    # 01:30 + 60 min ends at 03:30 summer time: the 03:00 ride overlaps, one driver cannot do both.
    assert second.start_time == dt.time(3, 0)
    assert len(plan.unassigned) == 1
    assert "unterwegs" in plan.unassigned[0].reason


def test_autumn_dst_week_gains_the_repeated_hour(db: Database) -> None:
    sid = service(db, duration=60)
    order(
        db, sid, passenger(db, "Ewa", "Nowak"), rule="FREQ=WEEKLY;BYDAY=SU", pickup=dt.time(2, 30)
    )
    order(
        db,
        sid,
        passenger(db, "Olga", "Iwanowa"),
        rule="FREQ=WEEKLY;BYDAY=SU",
        pickup=dt.time(3, 0),
        destination="Klinikum",
    )
    driver(db, "Jonas", "Fahr", max_rides=5)
    plan = plan_week(db, parse_week(AUTUMN_DST_WEEK))
    first, second = plan.rides
    # 02:30 summer time + 60 min is 02:30 winter time; 03:00 is 90 real minutes after the start.
    assert first.end_time == dt.time(2, 30)
    assert plan.unassigned == ()
    assert first.driver_id == second.driver_id


def test_plan_assigns_drivers_and_keeps_manual_assignments(any_db: Database) -> None:
    sid = service(any_db)
    people = [passenger(any_db, f"Gast{i}", f"Nachname{i}") for i in range(3)]
    for index, pid in enumerate(people):
        order(any_db, sid, pid, pickup=dt.time(9 + 2 * index, 0), destination=f"Ziel {index}")
    anna = driver(any_db, "Anna", "Becker")
    ben = driver(any_db, "Ben", "Roth")
    week = parse_week(PLAIN_WEEK)
    plan = plan_week(any_db, week)
    assert plan.unassigned == () and plan.proven_maximum
    assert all(r.status == RideStatus.ASSIGNED and r.vehicle_label for r in plan.rides)
    manual = plan.rides[0]
    other = ben if manual.driver_id == anna else anna
    assign_driver(any_db, manual.id, other, expected_version=manual.version)
    replanned = plan_week(any_db, week)
    kept = next(r for r in replanned.rides if r.id == manual.id)
    assert kept.driver_id == other and kept.assigned_manually
    assert len(replanned.rides) == 3


def test_replanning_keeps_previous_automatic_drivers(db: Database) -> None:
    sid = service(db)
    for index in range(4):
        order(db, sid, passenger(db, f"G{index}", "Gast"), pickup=dt.time(8 + 2 * index))
    for name in ("Anna", "Ben", "Cem"):
        driver(db, name, "Fahrer")
    week = parse_week(PLAIN_WEEK)
    first = {r.id: r.driver_id for r in plan_week(db, week).rides}
    second = {r.id: r.driver_id for r in plan_week(db, week).rides}
    assert first == second


def test_unassigned_rides_have_german_reasons(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    order(db, sid, passenger(db, "Udo", "Uhr"), pickup=dt.time(22, 0), destination="Kino")
    driver(
        db,
        "Anna",
        "Becker",
        windows=((1, dt.time(8, 0), dt.time(12, 0)),),
    )
    plan = plan_week(db, parse_week(PLAIN_WEEK))
    reasons = sorted(u.reason for u in plan.unassigned)
    assert reasons == [
        "Kein/e Fahrer/in ist an diesem Tag von 22:00 bis 23:00 Uhr verfügbar.",
        "Keiner der verfügbaren Fahrer/innen hat ein Fahrzeug mit einem Rollstuhlplatz.",
    ]


def test_standby_driver_is_kept_free_unless_needed(db: Database) -> None:
    sid = service(db)
    order(db, sid, passenger(db, "Gerda", "Groß"))
    spare = driver(db, "Sam", "Bereit")
    regular = driver(db, "Rita", "Regel")
    week = parse_week(PLAIN_WEEK)
    tuesday = week.monday + dt.timedelta(days=1)
    with db.session() as session:
        session.add(StandbyDriver(service_id=sid, on_date=tuesday, driver_id=spare))
    plan = plan_week(db, week)
    assert [r.driver_id for r in plan.rides] == [regular]
    assert [(s.day, s.driver_name) for s in plan.standby] == [(tuesday, "Sam Bereit")]


def test_plan_for_one_service_leaves_other_services_alone(db: Database) -> None:
    seniors = service(db, "Seniorenfahrdienst")
    vaccine = service(db, "Impffahrten")
    order(db, seniors, passenger(db, "A", "Alt"))
    order(db, vaccine, passenger(db, "B", "Bald"), destination="Impfzentrum")
    driver(db, "Anna", "Becker")
    plan = plan_week(db, parse_week(PLAIN_WEEK), service_id=vaccine)
    assert [r.service_name for r in plan.rides] == ["Impffahrten"]
    assert plan.rides[0].driver_id is not None
    with db.read_session() as session:
        statuses = dict(session.execute(select(Ride.service_id, Ride.status)).all())
    assert seniors not in statuses  # not even generated

"""Two workstations plan one ride week, or name a standby driver, at the same moment.

Measured before the week lock: two plans of one week on PostgreSQL doubled the
week's rides (156 for 78 trips). Now one plans and the other is told that the
week is being planned elsewhere (or, coming a moment later, plans it again
without a single extra ride).
"""

from __future__ import annotations

import datetime as dt

import pytest
import ride_helpers as rides
from concurrency_support import TwoWorkstations, no_crash
from sqlalchemy import delete, func, select

from engagement_desk.db import Database
from engagement_desk.models import Ride, StandbyDriver

ROUNDS = 50
WEEK = rides.PLAIN_WEEK  # 2026-W10, Monday 2 March 2026
PASSENGERS = 6
TRIPS = PASSENGERS * 2 * 2  # Tuesday and Thursday, there and back

pytestmark = pytest.mark.postgres


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _week_with_orders(db: Database) -> int:
    rides.agency(db)
    service = rides.service(db)
    rides.driver(db, "Frank", "Fahrer")
    rides.driver(db, "Gisela", "Lenkrad")
    for index in range(PASSENGERS):
        passenger = rides.passenger(db, f"Gast{index}", "Mitfahrer")
        rides.order(
            db,
            service,
            passenger,
            rule="FREQ=WEEKLY;BYDAY=TU,TH",
            pickup=dt.time(8 + index, 0),
            back=dt.time(8 + index, 45),
        )
    return service


def _ride_count_and_duplicates(db: Database) -> tuple[int, int]:
    with db.read_session() as session:
        total = session.scalar(select(func.count()).select_from(Ride))
        duplicates = session.scalar(
            select(func.count()).select_from(
                select(Ride.standing_order_id, Ride.ride_date, Ride.is_return)
                .group_by(Ride.standing_order_id, Ride.ride_date, Ride.is_return)
                .having(func.count() > 1)
                .subquery()
            )
        )
    return total or 0, duplicates or 0


def test_two_plans_of_one_week_at_once_never_double_a_ride(pg_db: Database) -> None:
    _week_with_orders(pg_db)
    job = ("plan_week", {"week": WEEK})
    refusals = 0
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(Ride))
            outcomes = workstations.run(job, job)
            no_crash(*outcomes)
            for outcome in outcomes:
                if outcome.ok:
                    assert outcome.value == TRIPS
                else:
                    assert outcome.error_type == "ConflictError"
                    assert "wird gerade an einem anderen Platz geplant" in outcome.message
                    refusals += 1
            assert any(o.ok for o in outcomes)
            assert _ride_count_and_duplicates(pg_db) == (TRIPS, 0)
    # Both at the same moment: most rounds one of them must have been told.
    assert refusals > ROUNDS // 2


def test_planning_a_planned_week_again_keeps_every_ride_once(pg_db: Database) -> None:
    _week_with_orders(pg_db)
    job = ("plan_week", {"week": WEEK})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(3):
            no_crash(*workstations.run(job, job))
    assert _ride_count_and_duplicates(pg_db) == (TRIPS, 0)


def test_standby_driver_named_at_once_by_two_workstations(pg_db: Database) -> None:
    service = rides.service(pg_db)
    frank = rides.driver(pg_db, "Frank", "Fahrer")
    gisela = rides.driver(pg_db, "Gisela", "Lenkrad")
    day = dt.date(2026, 3, 3)
    standby = {"service_id": service, "on_date": day}
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(StandbyDriver))
            first, second = workstations.run(
                ("set_standby", {**standby, "driver_id": frank}),
                ("set_standby", {**standby, "driver_id": gisela}),
            )
            no_crash(first, second)
            assert first.ok and second.ok
            with pg_db.read_session() as session:
                rows = session.execute(
                    select(StandbyDriver.service_id, StandbyDriver.on_date, StandbyDriver.driver_id)
                ).all()
            assert len(rows) == 1
            assert rows[0][:2] == (service, day) and rows[0][2] in (frank, gisela)

"""The Fahrdienst reads: as many SQL statements for many drivers, orders and rides as for few,
and a day's cards read in batches come out whole and in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ride_helpers import agency, driver, order, passenger, service
from sqlalchemy import event

from engagement_desk.db import Database
from engagement_desk.models import Ride, RidePassenger
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.drivers import driver_choices, list_drivers
from engagement_desk.services.rides.orders import find_standing_orders, list_standing_orders
from engagement_desk.services.rides.week_board import day_rides, open_rides, week_overview

WEEK = parse_week("2026-W10")
TUESDAY = dt.date(2026, 3, 3)


@contextmanager
def counted(db: Database) -> Iterator[list[int]]:
    statements = [0]

    def count(*_args) -> None:
        statements[0] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def statements_of(db: Database, read: Callable[[], object]) -> int:
    with counted(db) as statements:
        read()
    return statements[0]


def grow(db: Database, service_id: int, start: int, count: int, day: dt.date = TUESDAY) -> None:
    """``count`` more drivers and passengers, each passenger with an order and two rides."""
    for n in range(start, start + count):
        driver_id = driver(db, "Fahrer", f"Nr{n:03d}")
        guest = passenger(db, "Gast", f"Nr{n:03d}")
        order_id = order(db, service_id, guest, pickup=dt.time(8 + n % 8, 15))
        with db.session() as session:
            for offset, status in ((0, RideStatus.ASSIGNED), (1, RideStatus.PLANNED)):
                ride = Ride(
                    service_id=service_id,
                    standing_order_id=order_id,
                    is_return=bool(offset),
                    ride_date=day,
                    start_time=dt.time(8 + n % 8, 15 * offset),
                    pickup_address="Hauptstraße 5, 54634 Bitburg",
                    destination="Wochenmarkt, Marktplatz 1, 54634 Bitburg",
                    driver_id=driver_id if status == RideStatus.ASSIGNED else None,
                    status=status,
                    passengers=[RidePassenger(person_id=guest)],
                )
                session.add(ride)


def reads(db: Database) -> dict[str, int]:
    return {
        "drivers": statements_of(db, lambda: list_drivers(db)),
        "driver picker": statements_of(db, lambda: driver_choices(db)),
        "orders": statements_of(db, lambda: list_standing_orders(db)),
        "order page": statements_of(db, lambda: find_standing_orders(db, limit=3)),
        "week": statements_of(db, lambda: week_overview(db, WEEK)),
        "day": statements_of(db, lambda: day_rides(db, TUESDAY, limit=5)),
    }


def test_fahrdienst_reads_send_as_many_statements_for_many_records_as_for_few(
    any_db: Database,
) -> None:
    agency(any_db)
    service_id = service(any_db)
    grow(any_db, service_id, 0, 4)
    few = reads(any_db)
    grow(any_db, service_id, 4, 12)
    many = reads(any_db)
    assert len(list_drivers(any_db)) == 16 and len(list_standing_orders(any_db)) == 16
    assert many == few
    assert max(many.values()) <= 6


def test_a_day_read_in_batches_is_the_whole_day_in_order(db: Database) -> None:
    agency(db)
    service_id = service(db)
    grow(db, service_id, 0, 9)
    whole = day_rides(db, TUESDAY, limit=None)
    assert len(whole) == 18
    batches = []
    last = None
    while True:
        batch = day_rides(db, TUESDAY, after=last, limit=4)
        if not batch:
            break
        batches.extend(batch)
        last = (batch[-1].start_time, batch[-1].id)
    assert [r.id for r in batches] == [r.id for r in whole]
    assert [(r.start_time, r.id) for r in whole] == sorted((r.start_time, r.id) for r in whole)
    target = whole[11]
    through = day_rides(
        db,
        TUESDAY,
        after=(whole[3].start_time, whole[3].id),
        through=(
            target.start_time,
            target.id,
        ),
    )
    assert [r.id for r in through] == [r.id for r in whole[4:12]]
    card = whole[0]
    assert card.passenger_names == "Gast Nr000" and card.service_name == "Seniorenfahrdienst"


def test_the_week_counts_and_the_open_rides_come_with_reasons(db: Database) -> None:
    agency(db)
    service_id = service(db)
    grow(db, service_id, 0, 3)
    overview = week_overview(db, WEEK)
    assert overview.total == 6 and overview.rides_on(TUESDAY) == 6
    assert overview.with_status(RideStatus.PLANNED) == 3 and overview.open_without_driver == 3
    found = open_rides(db, WEEK)
    assert {r.id for r in found.rides} == {u.ride_id for u in found.reasons}
    assert len(found.rides) == 3 and all(u.reason for u in found.reasons)
    assert open_rides(db, parse_week("2026-W11")).rides == ()


def test_a_cut_list_of_orders_says_how_many_match(db: Database) -> None:
    agency(db)
    service_id = service(db)
    grow(db, service_id, 0, 5)
    page = find_standing_orders(db, limit=3)
    assert len(page.orders) == 3 and page.total == 5
    assert [o.passenger_name for o in page.orders] == ["Gast Nr000", "Gast Nr001", "Gast Nr002"]
    narrowed = find_standing_orders(db, search="Nr004", limit=3)
    assert [o.passenger_name for o in narrowed.orders] == ["Gast Nr004"] and narrowed.total == 1

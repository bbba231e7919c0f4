"""Benchmark: plan a week of 400 rides with 60 drivers; the target is at most 2 seconds.

    /work/venv/bin/python benchmarks/bench_rides.py [--rides 400] [--drivers 60] [--db]

Without ``--db`` only the solver runs on a random planning problem; with
``--db`` the whole service (generate the week from standing orders, assign,
write) runs on a fresh SQLite file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engagement_desk.services.rides.calendar import IsoWeek, ride_span, window_span
from engagement_desk.services.rides.model import PlanDriver, PlanningProblem, PlanRide
from engagement_desk.services.rides.rules import plan_violations
from engagement_desk.services.rides.solver import solve

TARGET_SECONDS = 2.0
WEEK = IsoWeek(2026, 13)


def random_problem(rng: random.Random, rides: int, drivers: int) -> PlanningProblem:
    """A realistic week: mornings busy, 25 destinations, some wheelchairs, a few preferences."""
    days = WEEK.days[:5]
    plan_rides = []
    for ride_id in range(1, rides + 1):
        day = rng.choice(days)
        start = dt.time(rng.randrange(8, 16), rng.choice((0, 15, 30, 45)))
        span = ride_span(day, start, rng.choice((30, 45, 60, 60, 90)))
        destination = rng.randrange(25)
        plan_rides.append(
            PlanRide(
                id=ride_id,
                day=day,
                start=span.start,
                end=span.end,
                group=hash((day, destination, span.start // 15)),
                seats=1,
                wheelchairs=1 if rng.random() < 0.08 else 0,
                passengers=frozenset({rng.randrange(1, 250)}),
            )
        )
    plan_drivers = []
    for index in range(drivers):
        windows = []
        for day in rng.sample(days, rng.randrange(2, 5)):
            begin = rng.randrange(7, 12)
            windows.append(
                window_span(day, dt.time(begin), dt.time(min(begin + rng.randrange(4, 9), 20)))
            )
        wheelchair = rng.random() < 0.2
        plan_drivers.append(
            PlanDriver(
                id=10_000 + index,
                max_trips=rng.randrange(3, 10),
                seats=3 if wheelchair else rng.choice((3, 4)),
                wheelchair_spaces=1 if wheelchair else 0,
                windows=tuple((w.start, w.end) for w in windows),
                absent_days=frozenset({rng.choice(days)}) if rng.random() < 0.1 else frozenset(),
                preferred_passengers=frozenset(rng.sample(range(1, 250), 3)),
            )
        )
    return PlanningProblem(tuple(plan_rides), tuple(plan_drivers))


def bench_solver(rides: int, drivers: int, seed: int) -> float:
    problem = random_problem(random.Random(seed), rides, drivers)
    started = time.perf_counter()
    solution = solve(problem)
    seconds = time.perf_counter() - started
    broken = plan_violations(problem, solution.assignment)
    print(
        f"Solver: {rides} Fahrten, {drivers} Fahrer/innen: {len(solution.assignment)} zugeteilt "
        f"in {seconds:.2f} s (Maximum bewiesen: {'ja' if solution.optimal else 'nein'}, "
        f"Regelverstöße: {len(broken)})"
    )
    return seconds


def populate(db, rng: random.Random, rides: int, drivers: int) -> None:
    """Standing orders (one outward ride each) and drivers for the benchmark week."""
    from engagement_desk.models import (
        Availability,
        DriverProfile,
        Person,
        PersonRole,
        RideService,
        StandingOrder,
        Vehicle,
    )
    from engagement_desk.models.enums import RideServiceKind, Role
    from engagement_desk.services.rides.recurrence import RRULE_DAYS

    with db.session() as session:
        service = RideService(name="Seniorenfahrdienst", kind=RideServiceKind.WEEKLY)
        session.add(service)
        session.flush()
        for index in range(rides):
            person = Person(
                first_name="Gast",
                last_name=f"Nr{index}",
                street=f"Weg {index}",
                postal_code="54634",
                city="Bitburg",
                roles=[PersonRole(role=Role.PASSENGER)],
            )
            session.add(person)
            session.flush()
            session.add(
                StandingOrder(
                    service_id=service.id,
                    passenger_id=person.id,
                    recurrence=f"FREQ=WEEKLY;BYDAY={RRULE_DAYS[rng.randrange(5)]}",
                    pickup_time=dt.time(rng.randrange(8, 16), rng.choice((0, 15, 30, 45))),
                    destination_name=f"Ziel {rng.randrange(25)}",
                    wheelchair=rng.random() < 0.08,
                    valid_from=WEEK.monday,
                )
            )
        for index in range(drivers):
            wheelchair = rng.random() < 0.2
            car = Vehicle(
                label=f"Auto {index}",
                seats=3 if wheelchair else rng.choice((3, 4)),
                wheelchair_spaces=1 if wheelchair else 0,
            )
            begin = rng.randrange(7, 12)
            person = Person(
                first_name="Fahrer",
                last_name=f"Nr{index}",
                roles=[PersonRole(role=Role.DRIVER)],
                availabilities=[
                    Availability(
                        weekday=day,
                        start_time=dt.time(begin),
                        end_time=dt.time(min(begin + rng.randrange(4, 9), 20)),
                    )
                    for day in rng.sample(range(5), rng.randrange(2, 5))
                ],
            )
            session.add_all([car, person])
            session.flush()
            session.add(
                DriverProfile(
                    person_id=person.id,
                    vehicle_id=car.id,
                    max_rides_per_week=rng.randrange(3, 10),
                )
            )


def bench_database(rides: int, drivers: int, seed: int) -> float:

    from engagement_desk import migrator
    from engagement_desk.db import Database
    from engagement_desk.services.rides.planning import plan_week

    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "bench.sqlite3")
        migrator.upgrade(db)
        populate(db, random.Random(seed), rides, drivers)
        started = time.perf_counter()
        plan = plan_week(db, WEEK)
        seconds = time.perf_counter() - started
        db.dispose()
    print(
        f"Dienst plan_week (SQLite): {len(plan.rides)} Fahrten, {drivers} Fahrer/innen: "
        f"{len(plan.rides) - len(plan.unassigned)} zugeteilt in {seconds:.2f} s "
        f"(Maximum bewiesen: {'ja' if plan.proven_maximum else 'nein'})"
    )
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rides", type=int, default=400)
    parser.add_argument("--drivers", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", action="store_true", help="also run the whole service on SQLite")
    args = parser.parse_args()
    worst = bench_solver(args.rides, args.drivers, args.seed)
    if args.db:
        worst = max(worst, bench_database(args.rides, args.drivers, args.seed))
    verdict = "OK" if worst <= TARGET_SECONDS else "ZU LANGSAM"
    print(f"Ziel ≤ {TARGET_SECONDS:.1f} s: {verdict}")
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())

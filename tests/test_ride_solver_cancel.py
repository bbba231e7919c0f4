"""Abbrechen while planning: the solver stops within a second and keeps the best plan so far."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.calendar import IsoWeek, ride_span, window_span
from engagement_desk.services.rides.model import PlanDriver, PlanningProblem, PlanRide
from engagement_desk.services.rides.rules import plan_violations
from engagement_desk.services.rides.solver import solve

WEEK = IsoWeek(2026, 13)
STOP_WITHIN_SECONDS = 1.0


def busy_week(rides: int = 400, drivers: int = 60, seed: int = 3) -> PlanningProblem:
    """The week of benchmarks/bench_rides.py: the maximum is not proven within 20 s."""
    rng = random.Random(seed)
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


def solve_and_cancel_when(problem: PlanningProblem, when: Callable[[float, int | None], bool]):
    """Solve with a 30 s limit; cancel at the first progress tick for which ``when`` holds."""
    asked: dict[str, float] = {}
    ticks: list[tuple[float, int | None]] = []

    def tick(seconds: float, best: int | None) -> None:
        ticks.append((seconds, best))
        if when(seconds, best):
            asked.setdefault("at", time.perf_counter())

    try:
        outcome = solve(problem, time_limit=30, should_stop=lambda: "at" in asked, tick=tick)
    except Cancelled as error:
        outcome = error
    return outcome, time.perf_counter() - asked["at"], ticks


def test_cancel_while_solving_stops_within_a_second_and_keeps_the_best_plan() -> None:
    problem = busy_week()
    first_plan: list[float] = []

    def half_a_second_after_the_first_plan(seconds: float, best: int | None) -> bool:
        if best is not None and not first_plan:
            first_plan.append(seconds)
        return bool(first_plan) and seconds >= first_plan[0] + 0.5

    solution, latency, ticks = solve_and_cancel_when(problem, half_a_second_after_the_first_plan)
    assert latency < STOP_WITHIN_SECONDS
    assert not isinstance(solution, Cancelled)
    assert solution.stopped and solution.seconds < 15  # not the 30 s time limit
    assert len(solution.assignment) > 0.8 * len(problem.rides)
    assert plan_violations(problem, solution.assignment) == []
    # The ticks told how far it got: a plan's ride count once there was one.
    assert ticks[-1][1] is not None and ticks[-1][1] >= len(solution.assignment) - 5


def test_cancel_before_the_first_plan_changes_nothing() -> None:
    outcome, latency, ticks = solve_and_cancel_when(busy_week(), lambda _s, best: best is None)
    assert isinstance(outcome, Cancelled)
    assert latency < STOP_WITHIN_SECONDS
    assert all(best is None for _, best in ticks)

"""Abbrechen while planning: the solver stops within a second and keeps the best plan so far."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from benchmarks.bench_rides import random_problem
from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.model import PlanningProblem
from engagement_desk.services.rides.rules import plan_violations
from engagement_desk.services.rides.solver import SolveProgress, solve

STOP_WITHIN_SECONDS = 1.0


def busy_week(rides: int = 400, drivers: int = 60, seed: int = 3) -> PlanningProblem:
    """A week of benchmarks/bench_rides.py whose maximum is not proven within 30 s: the
    best plan misses the LP bound by one ride."""
    return random_problem(random.Random(seed), rides, drivers)


def big_week() -> PlanningProblem:
    """Building its model alone takes longer than the first progress tick."""
    return random_problem(random.Random(1), 1600, 240)


def solve_and_cancel_when(problem: PlanningProblem, when: Callable[[float, int | None], bool]):
    """Solve with a 30 s limit; cancel at the first progress tick for which ``when`` holds."""
    asked: dict[str, float] = {}
    ticks: list[tuple[float, int | None]] = []

    def tick(state: SolveProgress) -> None:
        ticks.append((state.seconds, state.assigned))
        if when(state.seconds, state.assigned):
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
    assert not solution.optimal and solution.bound > len(solution.assignment)
    assert len(solution.assignment) > 0.8 * len(problem.rides)
    assert plan_violations(problem, solution.assignment) == []
    # The ticks told how far it got: a plan's ride count once there was one.
    assert ticks[-1][1] is not None and ticks[-1][1] >= len(solution.assignment) - 5


def test_cancel_before_the_first_plan_changes_nothing() -> None:
    outcome, latency, ticks = solve_and_cancel_when(big_week(), lambda _s, best: best is None)
    assert isinstance(outcome, Cancelled)
    assert latency < STOP_WITHIN_SECONDS
    assert all(best is None for _, best in ticks)

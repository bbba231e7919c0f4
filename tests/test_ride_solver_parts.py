"""The planner's bound and its decomposition: never a bound below the plan, and planning the
independent parts apart reaches the same maximum as one model of the whole week."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model
from test_ride_solver import DAY0, MONDAY, driver, problems

from engagement_desk.services.rides.classes import Component, components, eligibility
from engagement_desk.services.rides.model import PlanningProblem, PlanRide
from engagement_desk.services.rides.packing import PartModel
from engagement_desk.services.rides.rules import plan_violations
from engagement_desk.services.rides.solver import solve


def monolithic_maximum(problem: PlanningProblem) -> int:
    """One CP-SAT model over every class and driver, weekly maximum for everyone."""
    elig = eligibility(problem)
    if not elig.cap:
        return 0
    whole = Component(
        tuple(sorted({index for index, _ in elig.cap})),
        tuple(sorted(elig.by_driver)),
        frozenset(elig.by_driver),
    )
    part = PartModel(elig, whole, problem.buffer_minutes)
    part.model.maximize(part.assigned())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(part.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_rides=12, max_drivers=5))
def test_the_bound_is_never_below_the_plan(problem: PlanningProblem) -> None:
    solution = solve(problem, workers=1)
    assert solution.bound >= len(solution.assignment)
    assert solution.optimal == (solution.bound == len(solution.assignment))
    assert solution.could_add == solution.bound - len(solution.assignment)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_rides=10, max_drivers=4))
def test_parts_planned_apart_reach_the_maximum_of_one_model(problem: PlanningProblem) -> None:
    solution = solve(problem, workers=1)
    assert plan_violations(problem, solution.assignment) == []
    assert len(solution.assignment) == monolithic_maximum(problem)


def test_drivers_below_their_weekly_maximum_do_not_tie_the_days_together() -> None:
    tuesday = MONDAY + dt.timedelta(days=1)
    rides = (
        PlanRide(1, MONDAY, DAY0, DAY0 + 60, 1),
        PlanRide(2, tuesday, DAY0 + 1440, DAY0 + 1500, 2),
    )
    window = ((DAY0 - 60, DAY0 + 2000),)
    relaxed = PlanningProblem(rides, (driver(1, max_trips=5, windows=window),))
    assert len(components(eligibility(relaxed))) == 2
    tight = PlanningProblem(rides, (driver(1, max_trips=1, windows=window),))
    assert len(components(eligibility(tight))) == 1
    assert len(solve(tight).assignment) == 1 and solve(tight).optimal

"""The assignment solver on plain planning problems: hard rules, maximality, preferences."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engagement_desk.services.rides.model import (
    FixedRide,
    PlanDriver,
    PlanningProblem,
    PlanRide,
)
from engagement_desk.services.rides.reasons import unassigned_reasons
from engagement_desk.services.rides.rules import Rule, plan_violations
from engagement_desk.services.rides.solver import solve

MONDAY = dt.date(2026, 3, 2)
DAY0 = 29_520_000  # some minute on that Monday, the exact value does not matter


@st.composite
def problems(draw, max_rides: int = 7, max_drivers: int = 4) -> PlanningProblem:
    n_rides = draw(st.integers(1, max_rides))
    rides = []
    for ride_id in range(1, n_rides + 1):
        day = draw(st.integers(0, 1))
        start = DAY0 + day * 1440 + draw(st.integers(0, 24)) * 10
        length = draw(st.sampled_from([10, 20, 30, 60]))
        group = draw(st.sampled_from([ride_id, 1000 + day * 10 + (start - DAY0) % 1440 // 60]))
        rides.append(
            PlanRide(
                id=ride_id,
                day=MONDAY + dt.timedelta(days=day),
                start=start,
                end=start + length,
                group=group,
                seats=draw(st.integers(0, 2)),
                wheelchairs=draw(st.integers(0, 1)),
                passengers=frozenset({draw(st.integers(1, 4))}),
            )
        )
    # A group never spans two days.
    rides = [
        r
        if r.group == r.id or (r.group - 1000) // 10 == (r.day - MONDAY).days
        else PlanRide(r.id, r.day, r.start, r.end, r.id, r.seats, r.wheelchairs, r.passengers)
        for r in rides
    ]
    rides = [
        r
        if r.seats + r.wheelchairs
        else PlanRide(r.id, r.day, r.start, r.end, r.group, 1, 0, r.passengers)
        for r in rides
    ]
    drivers = []
    for index in range(draw(st.integers(1, max_drivers))):
        windows = tuple(
            (DAY0 + d * 1440 + draw(st.integers(0, 12)) * 10, DAY0 + d * 1440 + 300)
            for d in range(2)
            if draw(st.booleans())
        )
        drivers.append(
            PlanDriver(
                id=100 + index,
                max_trips=draw(st.integers(0, 4)),
                seats=draw(st.integers(1, 4)),
                wheelchair_spaces=draw(st.integers(0, 1)),
                windows=windows,
                absent_days=frozenset({MONDAY}) if draw(st.booleans()) and index else frozenset(),
                preferred_passengers=frozenset({draw(st.integers(1, 4))}),
                standby_days=frozenset({MONDAY}) if index == 1 else frozenset(),
                has_vehicle=draw(st.booleans()) or index == 0,
            )
        )
    return PlanningProblem(tuple(rides), tuple(drivers), buffer_minutes=15)


def brute_force_maximum(problem: PlanningProblem) -> int:
    choices = [[None, *(d.id for d in problem.drivers)] for _ in problem.rides]
    best = 0
    for combination in itertools.product(*choices):
        assignment = {
            ride.id: driver
            for ride, driver in zip(problem.rides, combination, strict=True)
            if driver is not None
        }
        if len(assignment) > best and not plan_violations(problem, assignment):
            best = len(assignment)
    return best


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_rides=12, max_drivers=5))
def test_random_plans_never_break_a_hard_rule(problem: PlanningProblem) -> None:
    solution = solve(problem, workers=1)
    assert plan_violations(problem, solution.assignment) == []
    assert solution.optimal
    reasons = unassigned_reasons(problem, solution.assignment)
    assert {r.ride_id for r in reasons} == {r.id for r in problem.rides} - set(solution.assignment)
    assert all(r.text and r.code != "not_planned" for r in reasons)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_rides=5, max_drivers=3))
def test_small_plans_assign_the_true_maximum(problem: PlanningProblem) -> None:
    solution = solve(problem, workers=1)
    assert len(solution.assignment) == brute_force_maximum(problem)


def ride(ride_id: int, start: int, length: int = 60, **kwargs) -> PlanRide:
    return PlanRide(
        ride_id, MONDAY, DAY0 + start, DAY0 + start + length, kwargs.pop("group", ride_id), **kwargs
    )


def driver(driver_id: int, **kwargs) -> PlanDriver:
    values = {
        "max_trips": 10,
        "seats": 3,
        "wheelchair_spaces": 0,
        "windows": ((DAY0 - 600, DAY0 + 900),),
    }
    values.update(kwargs)
    return PlanDriver(driver_id, **values)


def test_maximum_is_not_greedy() -> None:
    # Greedy by start time gives the early long ride to the only driver who can
    # take the two later ones; the maximum takes both later rides.
    problem = PlanningProblem(
        rides=(ride(1, 0, 120), ride(2, 10, 30), ride(3, 100, 30)),
        drivers=(driver(1), driver(2, windows=((DAY0, DAY0 + 130),))),
    )
    solution = solve(problem, workers=1)
    assert len(solution.assignment) == 3
    assert plan_violations(problem, solution.assignment) == []


def test_buffer_between_rides_is_a_hard_rule() -> None:
    problem = PlanningProblem(rides=(ride(1, 0, 60), ride(2, 70, 30)), drivers=(driver(1),))
    assert len(solve(problem).assignment) == 1
    later = PlanningProblem(rides=(ride(1, 0, 60), ride(2, 75, 30)), drivers=(driver(1),))
    assert len(solve(later).assignment) == 2


def test_a_tour_shares_the_car_up_to_its_seats() -> None:
    tour = tuple(ride(i, 5 * i, group=99, passengers=frozenset({i})) for i in range(1, 5))
    problem = PlanningProblem(rides=tour, drivers=(driver(1, seats=3),))
    solution = solve(problem)
    assert len(solution.assignment) == 3
    reasons = unassigned_reasons(problem, solution.assignment)
    assert reasons[0].code == Rule.CAR_FULL
    assert "keinen Platz mehr" in reasons[0].text


def test_a_tour_counts_once_towards_the_weekly_maximum() -> None:
    tour = (ride(1, 0, group=5), ride(2, 10, group=5))
    problem = PlanningProblem(rides=tour, drivers=(driver(1, max_trips=1),))
    assert len(solve(problem).assignment) == 2


def test_each_wheelchair_needs_its_own_space() -> None:
    tour = (
        ride(1, 0, group=5, seats=0, wheelchairs=1),
        ride(2, 5, group=5, seats=0, wheelchairs=1),
    )
    problem = PlanningProblem(rides=tour, drivers=(driver(1, wheelchair_spaces=1),))
    assert len(solve(problem).assignment) == 1


def test_usual_driver_is_preferred_without_costing_a_ride() -> None:
    problem = PlanningProblem(
        rides=(ride(1, 0, passengers=frozenset({7})), ride(2, 0, passengers=frozenset({8}))),
        drivers=(driver(1), driver(2, preferred_passengers=frozenset({7}))),
    )
    solution = solve(problem)
    assert solution.assignment == {1: 2, 2: 1}


def test_standby_driver_only_when_needed() -> None:
    standby = driver(2, standby_days=frozenset({MONDAY}))
    one_ride = PlanningProblem(rides=(ride(1, 0),), drivers=(standby, driver(1)))
    assert solve(one_ride).assignment == {1: 1}
    two_rides = PlanningProblem(rides=(ride(1, 0), ride(2, 0)), drivers=(standby, driver(1)))
    assert solve(two_rides).assignment.keys() == {1, 2}


def test_load_is_even_when_nothing_else_decides() -> None:
    rides = tuple(ride(i, 200 * i, 30) for i in range(4))
    problem = PlanningProblem(rides=rides, drivers=(driver(1), driver(2)))
    counts = sorted(list(solve(problem).assignment.values()).count(d) for d in (1, 2))
    assert counts == [2, 2]


def test_fixed_rides_block_time_and_count_towards_the_maximum() -> None:
    fixed = FixedRide(ride(50, 0, 60), 1)
    problem = PlanningProblem(
        rides=(ride(1, 30), ride(2, 300)), drivers=(driver(1, max_trips=2),), fixed=(fixed,)
    )
    assert solve(problem).assignment == {2: 1}


def test_reasons_name_the_most_specific_rule() -> None:
    wheelchair = ride(1, 0, seats=0, wheelchairs=1)
    early = ride(2, -700)
    busy = ride(3, 0)
    problem = PlanningProblem(
        rides=(wheelchair, early, busy, ride(4, 5)),
        drivers=(driver(1), driver(2, max_trips=0)),
    )
    solution = solve(problem)
    texts = {r.ride_id: (r.code, r.text) for r in unassigned_reasons(problem, solution.assignment)}
    assert texts[1] == (
        Rule.WHEELCHAIR,
        "Keiner der verfügbaren Fahrer/innen hat ein Fahrzeug mit einem Rollstuhlplatz.",
    )
    assert texts[2][0] == Rule.UNAVAILABLE and "verfügbar" in texts[2][1]
    busy_reason = next(t for rid, t in texts.items() if rid in (3, 4))
    assert busy_reason == (
        Rule.WEEKLY_MAX,
        "Alle passenden Fahrer/innen sind zu dieser Zeit schon unterwegs oder haben ihr "
        "Wochenmaximum erreicht.",
    )


def test_reason_when_everybody_is_absent() -> None:
    problem = PlanningProblem(
        rides=(ride(1, 0),), drivers=(driver(1, absent_days=frozenset({MONDAY})),)
    )
    (reason,) = unassigned_reasons(problem, solve(problem).assignment)
    assert reason.text == "Alle Fahrer/innen sind an diesem Tag abwesend."


def test_reason_when_all_are_at_their_weekly_maximum() -> None:
    problem = PlanningProblem(rides=(ride(1, 0),), drivers=(driver(1, max_trips=0),))
    (reason,) = unassigned_reasons(problem, solve(problem).assignment)
    assert reason.text == "Alle passenden Fahrer/innen haben ihr Wochenmaximum erreicht."

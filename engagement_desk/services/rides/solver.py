"""Assigning drivers: the most rides, then standby kept free, usual drivers, even load.

One boolean per (ride, driver) that passes the static rules; the plan-wide
rules are linear packing constraints (see ``packing``). The objectives are
lexicographic and solved one after the other, each stage fixing what the
previous one reached, so a lower objective never costs an assigned ride:

1. as many rides as possible: the LP relaxation (GLOP) gives an upper bound
   and a rounded plan; CP-SAT then solves the problem restricted to the LP's
   support (fast, usually reaching the bound, which proves the maximum) and,
   if the bound is still not reached, the whole problem from that plan until
   the time limit — ``PlanningSolution.optimal`` says whether it was proven;
2. (CP-SAT) fewest rides for standby drivers, then most rides with the
   passenger's usual driver (DriverPreference), then most rides keeping the
   previous automatic driver — exact lexicographic weights over counts;
3. (CP-SAT) an even load: the smallest sum of squared trips per driver.
"""

from __future__ import annotations

import itertools
import math
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.model import (
    PlanDriver,
    PlanningProblem,
    PlanningSolution,
    PlanRide,
)
from engagement_desk.services.rides.packing import Packing
from engagement_desk.services.rides.rules import static_violations

DEFAULT_TIME_LIMIT_SECONDS = 1.4
SECONDARY_STAGE_SECONDS = 0.3
NEIGHBOURHOOD_SECONDS = 0.6
MAX_WORKERS = 8


@dataclass
class _DriverState:
    driver: PlanDriver
    fixed: list[PlanRide] = field(default_factory=list)

    @property
    def fixed_groups(self) -> set[int]:
        return {ride.group for ride in self.fixed}

    def free_trips(self) -> int:
        return max(0, self.driver.max_trips - len(self.fixed_groups))


def _fits_with_fixed(ride: PlanRide, state: _DriverState, buffer: int) -> bool:
    driver = state.driver
    if static_violations(ride, driver):
        return False
    if ride.group not in state.fixed_groups and state.free_trips() == 0:
        return False
    same_group = []
    for other in state.fixed:
        if other.group != ride.group:
            if ride.overlaps(other, buffer):
                return False
        else:
            same_group.append(other)
    together = [ride, *same_group]
    for moment in together:
        aboard = [r for r in together if r.start <= moment.start < r.end]
        if sum(r.seats for r in aboard) > driver.seats:
            return False
        if sum(r.wheelchairs for r in aboard) > driver.wheelchair_spaces:
            return False
    return True


class _Builder:
    """Turns a PlanningProblem into packing constraints."""

    def __init__(self, problem: PlanningProblem):
        self.problem = problem
        self.packing = Packing()
        self.states = {d.id: _DriverState(d) for d in problem.drivers}
        for fixed in problem.fixed:
            if fixed.driver_id in self.states:
                self.states[fixed.driver_id].fixed.append(fixed.ride)
        self.x: dict[tuple[int, int], int] = {}
        self.trips: dict[int, list[int]] = {}

    def build(self, stop: Callable[[], bool] = lambda: False) -> None:
        """``stop()`` is asked between the drivers; when true, ``Cancelled`` is raised."""
        buffer = self.problem.buffer_minutes
        per_driver: dict[int, list[PlanRide]] = defaultdict(list)
        by_ride: dict[int, list[int]] = defaultdict(list)
        for ride in self.problem.rides:
            if stop():
                raise Cancelled()
            for driver_id, state in self.states.items():
                if _fits_with_fixed(ride, state, buffer):
                    var = self.packing.new_var()
                    self.x[ride.id, driver_id] = var
                    by_ride[ride.id].append(var)
                    per_driver[driver_id].append(ride)
        for variables in by_ride.values():
            self.packing.at_most_one(variables)
        for driver_id, rides in per_driver.items():
            if stop():
                raise Cancelled()
            rides.sort(key=lambda r: (r.start, r.id))
            self._driver(self.states[driver_id], rides)

    def _driver(self, state: _DriverState, rides: list[PlanRide]) -> None:
        packing, driver_id = self.packing, state.driver.id
        buffer = self.problem.buffer_minutes
        groups: dict[int, list[PlanRide]] = defaultdict(list)
        for ride in rides:
            groups[ride.group].append(ride)
        group_var: dict[int, int] = {}
        for group, members in groups.items():
            if len(members) == 1:
                group_var[group] = self.x[members[0].id, driver_id]
            else:
                group_var[group] = packing.new_var()
                for ride in members:
                    packing.implies(self.x[ride.id, driver_id], group_var[group])
        new_trips = [var for group, var in group_var.items() if group not in state.fixed_groups]
        if len(new_trips) > state.free_trips():
            packing.add(new_trips, [1] * len(new_trips), state.free_trips())
        self.trips[driver_id] = new_trips

        seen: set[frozenset[int]] = set()
        for index, moment in enumerate(rides):
            active = [r for r in rides[: index + 1] if moment.start < r.end + buffer]
            key = frozenset(r.id for r in active)
            if len(active) < 2 or key in seen:
                continue
            seen.add(key)
            by_group: dict[int, list[PlanRide]] = defaultdict(list)
            for ride in active:
                by_group[ride.group].append(ride)
            if len(by_group) < 2:
                continue
            literals = []
            for group, members in by_group.items():
                if len(members) == 1:
                    literals.append(self.x[members[0].id, driver_id])
                elif len(members) == len(groups[group]):
                    literals.append(group_var[group])
                else:
                    part = packing.new_var()
                    for ride in members:
                        packing.implies(self.x[ride.id, driver_id], part)
                    literals.append(part)
            packing.at_most_one(literals)

        for group, members in groups.items():
            self._load(state, members, [f for f in state.fixed if f.group == group])

    def _load(self, state: _DriverState, members: list[PlanRide], fixed: list[PlanRide]) -> None:
        driver = state.driver
        everyone = members + fixed
        if len(everyone) < 2 or (
            sum(r.seats for r in everyone) <= driver.seats
            and sum(r.wheelchairs for r in everyone) <= driver.wheelchair_spaces
        ):
            return
        for moment in everyone:
            aboard = [r for r in members if r.start <= moment.start < r.end]
            aboard_fixed = [r for r in fixed if r.start <= moment.start < r.end]
            if not aboard or len(aboard) + len(aboard_fixed) < 2:
                continue
            variables = [self.x[r.id, driver.id] for r in aboard]
            seats = max(0, driver.seats - sum(r.seats for r in aboard_fixed))
            self.packing.add(variables, [r.seats for r in aboard], seats)
            if any(r.wheelchairs for r in aboard):
                spaces = max(0, driver.wheelchair_spaces - sum(r.wheelchairs for r in aboard_fixed))
                self.packing.add(variables, [r.wheelchairs for r in aboard], spaces)

    def secondary(self) -> list[tuple[int, int]]:
        """(variable, weight) to maximize: standby avoided ≻ usual driver ≻ previous driver."""
        rides = {ride.id: ride for ride in self.problem.rides}
        standby, preferred, stable = [], [], []
        for (ride_id, driver_id), var in self.x.items():
            ride, driver = rides[ride_id], self.states[driver_id].driver
            if ride.day in driver.standby_days:
                standby.append(var)
            if ride.passengers & driver.preferred_passengers:
                preferred.append(var)
            if self.problem.previous.get(ride_id) == driver_id:
                stable.append(var)
        preferred_weight = len(stable) + 1
        standby_weight = preferred_weight * (len(preferred) + 1)
        terms: dict[int, int] = defaultdict(int)
        for var in standby:
            terms[var] -= standby_weight
        for var in preferred:
            terms[var] += preferred_weight
        for var in stable:
            terms[var] += 1
        return [(var, weight) for var, weight in terms.items() if weight]

    def greedy_order(self, lp_values: list[float] | None) -> list[int]:
        weights = dict(self.secondary())
        rides = {ride.id: ride for ride in self.problem.rides}

        def key(item: tuple[tuple[int, int], int]) -> tuple[float, int, int, int]:
            (ride_id, _), var = item
            lp = lp_values[var] if lp_values else 0.0
            return (-round(lp, 6), -weights.get(var, 0), rides[ride_id].start, ride_id)

        return [var for _, var in sorted(self.x.items(), key=key)]


STOP_POLL_SECONDS = 0.05
TICK_SECONDS = 0.2

Tick = Callable[[float, int | None], None]
"""Called about every TICK_SECONDS while solving: (seconds so far, rides assigned by the
best plan so far or None before the first plan)."""


class _Watch:
    """Stops whatever solver is running as soon as ``should_stop()`` says so, and ticks.

    CP-SAT only calls back on a new solution, which may not come for a long
    time; a small thread polls instead and calls the running solver's
    ``stop_search`` (the solver keeps the best plan it found).
    """

    def __init__(self, should_stop: Callable[[], bool] | None, tick: Tick | None):
        self._should_stop = should_stop
        self._tick = tick
        self._lock = threading.Lock()
        self._stop_running: Callable[[], object] | None = None
        self._done = threading.Event()
        self.started = time.perf_counter()
        self.best: int | None = None
        """Rides assigned by the best plan so far; None before there is a plan."""
        self.stopped = False
        self._thread: threading.Thread | None = None
        if should_stop is not None or tick is not None:
            self._thread = threading.Thread(target=self._loop, name="solver-watch", daemon=True)
            self._thread.start()

    def asked_to_stop(self) -> bool:
        if self._should_stop is not None and self._should_stop():
            self.stopped = True
        return self.stopped

    def running(self, stop: Callable[[], object] | None) -> None:
        """``stop`` interrupts the solver that runs now (None: none runs)."""
        with self._lock:
            self._stop_running = stop
        if stop is not None and self.asked_to_stop():
            stop()

    def _loop(self) -> None:
        last_tick = 0.0
        while not self._done.wait(STOP_POLL_SECONDS):
            if self.asked_to_stop():
                with self._lock:
                    if self._stop_running is not None:
                        self._stop_running()
            now = time.perf_counter() - self.started
            if self._tick is not None and now - last_tick >= TICK_SECONDS:
                last_tick = now
                self._tick(now, self.best)

    def close(self) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()


class _RidesSoFar(cp_model.CpSolverSolutionCallback):
    """Counts the assigned rides of each new solution of the main stage, for the progress."""

    def __init__(self, watch: _Watch, ride_vars: list[cp_model.IntVar]):
        super().__init__()
        self._watch = watch
        self._ride_vars = ride_vars

    def on_solution_callback(self) -> None:
        found = sum(self.value(v) for v in self._ride_vars)
        self._watch.best = max(self._watch.best or 0, found)


class _Stages:
    """CP-SAT runs over one model that keeps what each stage reached."""

    def __init__(self, builder: _Builder, workers: int | None, watch: _Watch):
        self.builder = builder
        self.model, self.vars = builder.packing.to_cp_sat()
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
        self.solver.parameters.random_seed = 7
        self.watch = watch

    def hint(self, values: list[int]) -> None:
        self.model.clear_hints()
        for var, value in zip(self.vars, values, strict=True):
            self.model.add_hint(var, value)

    def run(
        self,
        expression: cp_model.LinearExprT,
        maximize: bool,
        seconds: float,
        callback: cp_model.CpSolverSolutionCallback | None = None,
    ) -> tuple[list[int], bool] | None:
        if maximize:
            self.model.maximize(expression)
        else:
            self.model.minimize(expression)
        self.solver.parameters.max_time_in_seconds = max(0.05, seconds)
        self.watch.running(self.solver.stop_search)
        try:
            status = self.solver.solve(self.model, callback)
        finally:
            self.watch.running(None)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        values = [self.solver.value(v) for v in self.vars]
        self.keep(expression, round(self.solver.objective_value), maximize)
        self.hint(values)
        return values, status == cp_model.OPTIMAL

    def keep(self, expression: cp_model.LinearExprT, value: int, maximize: bool) -> None:
        if maximize:
            self.model.add(expression >= value)
        else:
            self.model.add(expression <= value)

    def load_penalty(self) -> cp_model.LinearExprT | None:
        """Σ over drivers of (trips² − fixed trips²), from an ordered ladder of booleans."""
        terms = []
        for driver_id, trips in self.builder.trips.items():
            if not trips:
                continue
            base = len(self.builder.states[driver_id].fixed_groups)
            steps = [self.model.new_bool_var(f"l_{driver_id}_{k}") for k in range(len(trips))]
            self.model.add(sum(steps) == sum(self.vars[t] for t in trips))
            for earlier, later in itertools.pairwise(steps):
                self.model.add_implication(later, earlier)
            terms.extend((2 * (base + k) + 1) * step for k, step in enumerate(steps))
        return cp_model.LinearExpr.sum(terms) if terms else None


def _best_in_support(
    builder: _Builder,
    lp_values: list[float],
    values: list[int],
    workers: int | None,
    watch: _Watch,
) -> tuple[int, list[int]]:
    """The best plan that keeps the LP's whole rides and uses only rides the LP touched."""
    model, variables = builder.packing.to_cp_sat()
    ride_vars = list(builder.x.values())
    for var in ride_vars:
        if lp_values[var] < 1e-6:
            model.add(variables[var] == 0)
        elif lp_values[var] > 1 - 1e-6:
            model.add(variables[var] == 1)
    for var, value in zip(variables, values, strict=True):
        model.add_hint(var, value)
    model.maximize(cp_model.LinearExpr.sum([variables[v] for v in ride_vars]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    solver.parameters.max_time_in_seconds = NEIGHBOURHOOD_SECONDS
    watch.running(solver.stop_search)
    try:
        status = solver.solve(model)
    finally:
        watch.running(None)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return sum(values[v] for v in ride_vars), values
    found = [solver.value(v) for v in variables]
    if sum(found[v] for v in ride_vars) < sum(values[v] for v in ride_vars):
        return sum(values[v] for v in ride_vars), values
    return sum(found[v] for v in ride_vars), found


def solve(
    problem: PlanningProblem,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
    tick: Tick | None = None,
) -> PlanningSolution:
    """The best plan for ``problem`` within about ``time_limit`` seconds (see the module doc).

    When ``should_stop()`` turns true the running stage stops within about
    STOP_POLL_SECONDS and the best plan found so far is returned
    (``PlanningSolution.stopped``), or ``Cancelled`` is raised if there is none
    yet; ``tick`` reports the progress while it runs.
    """
    watch = _Watch(should_stop, tick)
    try:
        return _solve(problem, time_limit, workers, watch)
    finally:
        watch.close()


def _solve(
    problem: PlanningProblem, time_limit: float, workers: int | None, watch: _Watch
) -> PlanningSolution:
    started = watch.started

    def left() -> float:
        return time_limit - (time.perf_counter() - started)

    builder = _Builder(problem)
    builder.build(watch.asked_to_stop)
    if not builder.x:
        return PlanningSolution({}, True, time.perf_counter() - started, "OPTIMAL")
    packing = builder.packing
    ride_vars = list(builder.x.values())
    relaxed = packing.lp_relaxation(ride_vars, running=watch.running)
    if watch.asked_to_stop():
        raise Cancelled()  # no plan yet to keep
    bound = math.floor(relaxed[0] + 1e-6) if relaxed else len(problem.rides)
    values = packing.greedy(
        builder.greedy_order(relaxed[1] if relaxed else None), stop=watch.asked_to_stop
    )
    if values is None:
        raise Cancelled()
    count = sum(values[v] for v in ride_vars)
    optimal = count >= bound
    watch.best = count
    if watch.asked_to_stop():
        return _solution(builder, values, optimal, watch)

    stages = _Stages(builder, workers, watch)
    stages.hint(values)
    total = cp_model.LinearExpr.sum([stages.vars[v] for v in ride_vars])
    if not optimal and relaxed is not None and not watch.asked_to_stop():
        count, values = _best_in_support(builder, relaxed[1], values, workers, watch)
        optimal = count >= bound
        watch.best = max(watch.best or 0, count)
    if optimal:
        stages.keep(total, count, maximize=True)
    elif not watch.asked_to_stop():
        stages.model.add(total <= bound)
        stages.hint(values)
        found = stages.run(
            total,
            True,
            left() - 2 * SECONDARY_STAGE_SECONDS,
            _RidesSoFar(watch, [stages.vars[v] for v in ride_vars]),
        )
        if found is not None and sum(found[0][v] for v in ride_vars) >= count:
            values, optimal = found
            count = sum(values[v] for v in ride_vars)
            optimal = optimal or count >= bound
        stages.keep(total, count, maximize=True)
        stages.hint(values)
    secondary = builder.secondary()
    if secondary and left() > 0.05 and not watch.asked_to_stop():
        expression = cp_model.LinearExpr.weighted_sum(
            [stages.vars[v] for v, _ in secondary], [w for _, w in secondary]
        )
        found = stages.run(expression, True, min(left(), SECONDARY_STAGE_SECONDS))
        if found is not None:
            values = found[0]
    load = stages.load_penalty()
    if load is not None and left() > 0.05 and not watch.asked_to_stop():
        found = stages.run(load, False, min(left(), SECONDARY_STAGE_SECONDS))
        if found is not None:
            values = found[0]
    return _solution(builder, values, optimal, watch)


def _solution(
    builder: _Builder, values: list[int], optimal: bool, watch: _Watch
) -> PlanningSolution:
    assignment = {ride_id: driver_id for (ride_id, driver_id), v in builder.x.items() if values[v]}
    return PlanningSolution(
        assignment,
        optimal,
        time.perf_counter() - watch.started,
        "OPTIMAL" if optimal else "FEASIBLE",
        stopped=watch.stopped,
    )

"""Assigning drivers: the most rides, then standby kept free, usual drivers, even load.

The week is cut into ride classes and independent parts (``classes``); each
part is one CP-SAT model over classes × eligible drivers (``packing``), solved
in lexicographic stages, each keeping what the previous one reached, so a
lower objective never costs an assigned ride:

1. as many rides as possible, from the previous plan as a hint; CP-SAT's
   bound proves the maximum, or says how many rides a better plan could at
   most add (``PlanningSolution.bound``);
2. fewest rides for standby drivers, then most rides with the passenger's
   usual driver (DriverPreference), then most rides keeping the previous
   automatic driver — exact lexicographic weights over counts;
3. an even load: the smallest sum of squared trips per driver.

One time limit covers everything; the parts share it by size. Which ride of
a class goes to which of its drivers is decided last, by the same wishes.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.classes import Component, Eligibility, components, eligibility
from engagement_desk.services.rides.model import (
    DEFAULT_TIME_LIMIT_SECONDS,
    PlanningProblem,
    PlanningSolution,
)
from engagement_desk.services.rides.packing import PartModel

LP_SHARE = 0.3
"""Of a part's time, what the LP relaxation may take (else CP-SAT finds its own bound)."""
SUPPORT_WORK = 2.0
"""CP-SAT's deterministic time for the plan among the rides the LP touched (about a second
on an idle machine)."""
FIRST_STAGE_SHARE = 0.85
"""Of a part's time, what the search for the most rides may take when the LP is not reached."""
LATER_STAGES_MAX_VARIABLES = 60_000
"""Larger parts keep the wishes the greedy plan's order gave them (a CP-SAT stage would
take longer than the whole plan)."""
SECONDARY_SHARE = 0.25
"""Each later stage gets at most this share of the time the first stage took …"""
SECONDARY_MIN_SECONDS = 0.3
"""… but at least this much (within the time limit)."""
MAX_WORKERS = 8
STOP_POLL_SECONDS = 0.05
TICK_SECONDS = 0.2


@dataclass(frozen=True)
class SolveProgress:
    seconds: float
    assigned: int | None
    """Rides assigned by the best plan so far; None before there is a plan."""
    bound: int | None
    """No plan can assign more rides than this; None before it is known."""
    parts_done: int = 0
    parts: int = 0


Tick = Callable[[SolveProgress], None]
"""Called about every TICK_SECONDS while solving."""


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
        self.bound: int | None = None
        self.parts_done = 0
        self.parts = 0
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

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def _loop(self) -> None:
        last_tick = 0.0
        while not self._done.wait(STOP_POLL_SECONDS):
            if self.asked_to_stop():
                with self._lock:
                    if self._stop_running is not None:
                        self._stop_running()
            now = self.elapsed()
            if self._tick is not None and now - last_tick >= TICK_SECONDS:
                last_tick = now
                self._tick(SolveProgress(now, self.best, self.bound, self.parts_done, self.parts))

    def close(self) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()


class _RidesSoFar(cp_model.CpSolverSolutionCallback):
    """Keeps the progress's ride count up to date with each new plan of the first stage."""

    def __init__(self, watch: _Watch, before: int):
        super().__init__()
        self._watch = watch
        self._before = before

    def on_solution_callback(self) -> None:
        found = self._before + round(self.objective_value)
        self._watch.best = max(self._watch.best or 0, found)


@dataclass
class _PartResult:
    counts: dict[tuple[int, int], int]
    assigned: int
    bound: int
    optimal: bool


def _wishes(
    problem: PlanningProblem, elig: Eligibility
) -> dict[tuple[int, int], tuple[int, int, int]]:
    """(class, driver) → rides on a standby day, rides preferring the driver, previous rides."""
    rides = {ride.id: ride for ride in problem.rides}
    fans = _fans(elig)
    preferred: dict[tuple[int, int], int] = defaultdict(int)
    previous: dict[tuple[int, int], int] = defaultdict(int)
    for cls in elig.classes:
        for ride_id in cls.ride_ids:
            for driver_id in {d for p in rides[ride_id].passengers for d in fans.get(p, ())}:
                preferred[cls.index, driver_id] += 1
            if (before := problem.previous.get(ride_id)) is not None:
                previous[cls.index, before] += 1
    found: dict[tuple[int, int], tuple[int, int, int]] = {}
    standby_drivers = {d for d, s in elig.drivers.items() if s.driver.standby_days}
    for key in set(preferred) | set(previous) | {k for k in elig.cap if k[1] in standby_drivers}:
        if key not in elig.cap:
            continue
        cls, driver = elig.classes[key[0]], elig.drivers[key[1]].driver
        standby = cls.size if cls.sample.day in driver.standby_days else 0
        if standby or preferred.get(key) or previous.get(key):
            found[key] = (standby, preferred.get(key, 0), previous.get(key, 0))
    return found


def _fans(elig: Eligibility) -> dict[int, list[int]]:
    """Passenger → drivers who are their usual drivers."""
    fans: dict[int, list[int]] = defaultdict(list)
    for driver_id, state in elig.drivers.items():
        for passenger in state.driver.preferred_passengers:
            fans[passenger].append(driver_id)
    return fans


class _PartSolver:
    def __init__(self, watch: _Watch, workers: int | None):
        self.watch = watch
        self.workers = workers or min(MAX_WORKERS, max(os.cpu_count() or 1, 8))

    def run(
        self,
        pm: PartModel,
        expression: cp_model.LinearExprT,
        maximize: bool,
        seconds: float,
        callback: cp_model.CpSolverSolutionCallback | None = None,
        model: cp_model.CpModel | None = None,
        work: float | None = None,
    ) -> tuple[cp_model.CpSolver, int] | None:
        """Solve ``pm``'s model (or ``model``, a copy of it) for ``expression``; what is
        reached is kept as a constraint and the ride variables' values as the next hint."""
        model = model or pm.model
        if maximize:
            model.maximize(expression)
        else:
            model.minimize(expression)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = self.workers
        solver.parameters.random_seed = 7
        solver.parameters.max_time_in_seconds = max(0.05, seconds)
        if work is not None:  # the same work however busy the machine is
            solver.parameters.max_deterministic_time = work
            solver.parameters.interleave_search = True
        self.watch.running(solver.stop_search)
        try:
            status = solver.solve(model, callback)
        finally:
            self.watch.running(None)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        value = round(solver.objective_value)
        if maximize:
            model.add(expression >= value)
        else:
            model.add(expression <= value)
        model.clear_hints()
        for index in pm.n.values():
            var = model.get_int_var_from_proto_index(index)
            model.add_hint(var, solver.value(var))
        return solver, status


def _solve_part(
    elig: Eligibility,
    part: Component,
    buffer: int,
    seconds: float,
    runner: _PartSolver,
    wishes: dict[tuple[int, int], tuple[int, int, int]],
    trips_before: dict[int, int],
) -> _PartResult | None:
    watch = runner.watch
    started = time.perf_counter()

    def left() -> float:
        return seconds - (time.perf_counter() - started)

    pm = PartModel(elig, part, buffer, watch.asked_to_stop)
    before = watch.best or 0
    relaxed = pm.lp_relaxation(watch.running, left() * LP_SHARE)
    if watch.asked_to_stop():
        return None
    lp_bound = math.floor(relaxed[0] + 1e-6) if relaxed else _part_bound(elig, part)
    watch.bound = (watch.bound or 0) - _part_bound(elig, part) + lp_bound
    values = pm.greedy(
        _greedy_order(pm, wishes, relaxed[1] if relaxed else None), watch.asked_to_stop
    )
    if values is None:
        return None
    counts = {key: values[index] for key, index in pm.n.items()}
    assigned = sum(counts.values())
    watch.best = before + assigned
    bound = lp_bound
    total = pm.assigned()
    if assigned < bound and relaxed is not None and not watch.asked_to_stop():
        found = _best_in_support(pm, relaxed[1], values, runner, left())
        if found is not None and sum(found[k] for k in pm.n) > assigned:
            counts = found
            assigned = sum(counts.values())
            watch.best = before + assigned
    if assigned < bound and not watch.asked_to_stop():
        pm.model.add(total <= bound)
        _hint(pm, counts)
        found = runner.run(pm, total, True, left() * FIRST_STAGE_SHARE, _RidesSoFar(watch, before))
        if found is not None:
            solver, status = found
            if round(solver.objective_value) >= assigned:
                counts = _counts(pm, solver)
                assigned = sum(counts.values())
            bound = min(bound, int(solver.best_objective_bound + 1e-6))
            if status == cp_model.OPTIMAL:
                bound = assigned
    watch.best = before + assigned
    optimal = assigned >= bound
    pm.model.add(total >= assigned)
    _hint(pm, counts)
    first_seconds = time.perf_counter() - started
    if len(pm.upper) <= LATER_STAGES_MAX_VARIABLES and not watch.asked_to_stop():
        objective = _later_objective(pm, wishes, trips_before)
        seconds_left = min(left(), max(SECONDARY_MIN_SECONDS, SECONDARY_SHARE * first_seconds))
        if objective is not None and seconds_left > 0.05:
            found = runner.run(pm, objective, True, seconds_left)
            if found is not None:
                counts = _counts(pm, found[0])
    tours: dict[int, set[int]] = defaultdict(set)
    for (index, driver_id), count in counts.items():
        group = elig.classes[index].sample.group
        if count and group not in elig.drivers[driver_id].fixed_groups:
            tours[driver_id].add(group)
    for driver_id, groups in tours.items():
        trips_before[driver_id] = trips_before.get(driver_id, 0) + len(groups)
    return _PartResult(counts, assigned, bound, optimal)


def _counts(pm: PartModel, solver: cp_model.CpSolver) -> dict[tuple[int, int], int]:
    variables = pm.cp()[1]
    return {key: solver.value(variables[index]) for key, index in pm.n.items()}


def _later_objective(
    pm: PartModel,
    wishes: dict[tuple[int, int], tuple[int, int, int]],
    trips_before: dict[int, int],
) -> cp_model.LinearExprT | None:
    """Wishes first, then the even load, in one objective (one solve instead of two)."""
    wished = pm.wishes(wishes)
    load = pm.load_penalty(trips_before)
    if load is None:
        return wished
    if wished is None:
        return -load[0]
    expression, weight = wished
    if weight * (load[1] + 1) > 1 << 50:
        return expression  # too big to weigh exactly: the wishes decide alone
    return (load[1] + 1) * expression - load[0]


def _hint(pm: PartModel, counts: dict[tuple[int, int], int]) -> None:
    model, variables = pm.cp()
    model.clear_hints()
    for key, index in pm.n.items():
        model.add_hint(variables[index], counts.get(key, 0))


def _greedy_order(
    pm: PartModel,
    wishes: dict[tuple[int, int], tuple[int, int, int]],
    lp_values: list[float] | None,
) -> list[int]:
    # Without the LP: the rides with the fewest possible drivers first, each to the driver
    # with the fewest other possibilities.
    choices: dict[int, int] = defaultdict(int)
    options: dict[int, int] = defaultdict(int)
    if lp_values is None:
        for index, driver_id in pm.n:
            choices[index] += 1
            options[driver_id] += 1

    def key(item: tuple[tuple[int, int], int]) -> tuple:
        (index, driver_id), var = item
        standby, preferred, previous = wishes.get((index, driver_id), (0, 0, 0))
        lp = lp_values[var] / pm.upper[var] if lp_values else 0.0
        scarce = (choices[index], options[driver_id]) if lp_values is None else (0, 0)
        return (-round(lp, 6), *scarce, bool(standby), -preferred, -previous, index, driver_id)

    order = []
    for _, var in sorted(pm.n.items(), key=key):
        order.append(var)
    return order


def _best_in_support(
    pm: PartModel,
    lp_values: list[float],
    values: list[int],
    runner: _PartSolver,
    seconds: float,
) -> dict[tuple[int, int], int] | None:
    """The best plan using only what the LP touched, keeping what it took whole."""
    model = pm.model.clone()
    for index in pm.n.values():
        value, var = lp_values[index], model.get_int_var_from_proto_index(index)
        if value < 1e-6:
            model.add(var == 0)
        elif value > pm.upper[index] - 1e-6:
            model.add(var == pm.upper[index])
        model.add_hint(var, values[index])
    found = runner.run(pm, pm.assigned(), True, seconds, model=model, work=SUPPORT_WORK)
    if found is None:
        return None
    return _counts(pm, found[0])


def _rides_of(
    problem: PlanningProblem, elig: Eligibility, counts: dict[tuple[int, int], int]
) -> dict[int, int]:
    """Which ride of each class goes to which driver: usual, then previous driver first."""
    rides = {ride.id: ride for ride in problem.rides}
    per_class: dict[int, dict[int, int]] = defaultdict(dict)
    for (index, driver_id), count in counts.items():
        if count:
            per_class[index][driver_id] = count
    fans = _fans(elig)
    assignment: dict[int, int] = {}
    for index, slots in per_class.items():
        cls = elig.classes[index]
        if len(cls.ride_ids) == 1 and len(slots) == 1:
            assignment[cls.ride_ids[0]] = next(iter(slots))
            continue
        pairs = []
        for ride_id in cls.ride_ids:
            liked = {d for p in rides[ride_id].passengers for d in fans.get(p, ()) if d in slots}
            previous = problem.previous.get(ride_id)
            for driver_id in liked | ({previous} if previous in slots else set()):
                weight = 2 * (driver_id in liked) + (driver_id == previous)
                pairs.append((-weight, ride_id, driver_id))
        pairs.sort()
        for _, ride_id, driver_id in pairs:
            if ride_id not in assignment and slots[driver_id]:
                assignment[ride_id] = driver_id
                slots[driver_id] -= 1
        free = (r for r in cls.ride_ids if r not in assignment)
        for driver_id, left in sorted(slots.items()):
            for _ in range(left):
                assignment[next(free)] = driver_id
    return assignment


def solve(
    problem: PlanningProblem,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    workers: int | None = None,
    should_stop: Callable[[], bool] | None = None,
    tick: Tick | None = None,
) -> PlanningSolution:
    """The best plan for ``problem`` within ``time_limit`` seconds (see the module doc).

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
    elig = eligibility(problem, watch.asked_to_stop)
    watch.bound = elig.trivial_bound()
    parts = components(elig)
    watch.parts = len(parts)
    wishes = _wishes(problem, elig)
    runner = _PartSolver(watch, workers)
    trips_before: dict[int, int] = {
        driver_id: len(state.fixed_groups) for driver_id, state in elig.drivers.items()
    }
    part_bounds = [_part_bound(elig, part) for part in parts]
    counts: dict[tuple[int, int], int] = {}
    bound, optimal, solved = 0, True, 0
    size_left = sum(part.size for part in parts)
    for part, trivial in zip(parts, part_bounds, strict=True):
        result = None
        if not watch.asked_to_stop():
            left = time_limit - watch.elapsed()
            share = left * part.size / size_left if size_left else left
            with contextlib.suppress(Cancelled):
                seconds = max(share, 0.05)
                result = _solve_part(
                    elig, part, problem.buffer_minutes, seconds, runner, wishes, trips_before
                )
        size_left -= part.size
        watch.parts_done += 1
        if result is None:
            bound += trivial
            optimal = False
            continue
        solved += 1
        counts.update(result.counts)
        bound += result.bound
        optimal = optimal and result.optimal
        watch.bound = bound + sum(part_bounds[watch.parts_done :])
    if watch.stopped and solved == 0 and parts:
        raise Cancelled()
    assignment = _rides_of(problem, elig, counts)
    optimal = optimal or len(assignment) >= bound
    return PlanningSolution(
        assignment,
        optimal,
        watch.elapsed(),
        "OPTIMAL" if optimal else "FEASIBLE",
        stopped=watch.stopped,
        bound=max(bound, len(assignment)),
    )


def _part_bound(elig: Eligibility, part: Component) -> int:
    reach: dict[int, int] = defaultdict(int)
    members = set(part.classes)
    for (index, _driver), cap in elig.cap.items():
        if index in members:
            reach[index] += cap
    return sum(min(elig.classes[i].size, total) for i, total in reach.items())

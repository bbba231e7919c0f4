"""The CP-SAT model of one independent part of the week, over ride classes.

``n[c, d]``: how many rides of class ``c`` driver ``d`` takes (0 … what fits
in the car); ``g[G, d]``: driver ``d`` drives tour ``G`` (counts as one trip).
Per driver, tours that would overlap (with the buffer) exclude each other by one
at-most-one per maximal set of overlapping rides — found by a sweep, so the
model grows with classes × eligible drivers, not with pairs of rides. The
weekly maximum is a sum of tour literals; the seats of a shared car are
checked at each pick-up. Whole rides of each tour only ever overlap rides of
other tours at their start moments, so this is exact, not an approximation.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides.classes import Component, Eligibility, RideClass

UNBOUNDED = 1 << 40


class PartModel:
    """Variables are plain indices and constraints plain rows until CP-SAT is needed:
    the LP and the greedy plan often prove the maximum without it."""

    def __init__(
        self,
        elig: Eligibility,
        part: Component,
        buffer: int,
        stop: Callable[[], bool] = lambda: False,
    ):
        """``stop()`` is asked between the drivers; when true, ``Cancelled`` is raised."""
        self.stop = stop
        self.elig = elig
        self.part = part
        self.buffer = buffer
        self.n: dict[tuple[int, int], int] = {}
        """(class, driver) → index of the variable counting that driver's rides of the class."""
        self.trips: dict[int, list[int]] = {}
        """Driver → the tour literals that count towards the weekly maximum."""
        self.implied: dict[int, list[int]] = {}
        """Variable index → the tour literals that must be 1 when it is above 0."""
        self.upper: list[int] = []
        """Upper bound of each variable of the first stage."""
        self.search_rows: list[tuple[int, tuple[int, ...]]] = []
        self.single: dict[int, int] = {}
        """Tour literal → the one ride variable it stands for (the LP uses ride / seats)."""
        self.rows: list[tuple[tuple[int, ...], tuple[int, ...], int, int]] = []
        """The first stage's constraints as ``low ≤ Σ coef·var ≤ high``."""
        self._cp: tuple[cp_model.CpModel, list[cp_model.IntVar]] | None = None
        self._build()

    def _var(self, upper: int) -> int:
        self.upper.append(upper)
        return len(self.upper) - 1

    def _row(self, variables: list[int], coefficients: list[int], low: int, high: int) -> None:
        self.rows.append((tuple(variables), tuple(coefficients), low, high))

    @property
    def model(self) -> cp_model.CpModel:
        return self.cp()[0]

    def cp(self) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
        """The CP-SAT model of the rows (made on first use) and its variables by index."""
        if self._cp is None:
            model = cp_model.CpModel()
            variables = [
                model.new_bool_var("") if upper == 1 else model.new_int_var(0, upper, "")
                for upper in self.upper
            ]
            for indices, coefficients, low, high in self.rows:
                terms = [variables[i] for i in indices]
                if high == 1 and low <= 0 and all(c == 1 for c in coefficients):
                    model.add_at_most_one(terms)
                elif len(terms) == 2 and low <= -UNBOUNDED and high == 0:
                    model.add(coefficients[0] * terms[0] <= -coefficients[1] * terms[1])
                else:
                    model.add_linear_constraint(
                        cp_model.LinearExpr.weighted_sum(terms, coefficients),
                        max(low, -UNBOUNDED),
                        min(high, UNBOUNDED),
                    )
            for literal, indices in self.search_rows:
                model.add(sum(variables[i] for i in indices) >= variables[literal])
            self._cp = model, variables
        return self._cp

    def var(self, key: tuple[int, int]) -> cp_model.IntVar:
        return self.cp()[1][self.n[key]]

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        elig = self.elig
        in_part = set(self.part.classes)
        per_class: dict[int, list[int]] = defaultdict(list)
        reach: dict[int, int] = defaultdict(int)
        for driver_id in self.part.drivers:
            if self.stop():
                raise Cancelled()
            indices = [i for i in elig.by_driver[driver_id] if i in in_part]
            for index in indices:
                cap = elig.cap[index, driver_id]
                var = self._var(cap)
                self.n[index, driver_id] = var
                per_class[index].append(var)
                reach[index] += cap
            self._driver(driver_id, [elig.classes[i] for i in indices])
        for index, variables in per_class.items():
            if reach[index] > elig.classes[index].size:
                self._row(variables, [1] * len(variables), 0, elig.classes[index].size)

    def _driver(self, driver_id: int, classes: list[RideClass]) -> None:
        state = self.elig.drivers[driver_id]
        tours: dict[int, list[RideClass]] = defaultdict(list)
        for cls in classes:
            tours[cls.sample.group].append(cls)
        tour_var = {group: self._any_of(driver_id, members) for group, members in tours.items()}
        trips = [var for group, var in tour_var.items() if group not in state.fixed_groups]
        self.trips[driver_id] = trips
        if driver_id in self.part.weekly and len(trips) > state.free_trips():
            self._row(trips, [1] * len(trips), 0, state.free_trips())
        self._overlaps(driver_id, classes, tours, tour_var)
        for group, members in tours.items():
            self._seats(driver_id, members, [f for f in state.fixed if f.group == group])

    def _any_of(self, driver_id: int, members: list[RideClass]) -> int:
        """A literal true exactly when the driver takes some ride of ``members``."""
        variables = [self.n[c.index, driver_id] for c in members]
        if len(members) == 1 and self.upper[variables[0]] == 1:
            return variables[0]
        literal = self._var(1)
        if len(variables) == 1:
            self.single[literal] = variables[0]
        for var in variables:
            self._row([var, literal], [1, -self.upper[var]], -UNBOUNDED, 0)
            self.implied.setdefault(var, []).append(literal)
        # "literal ≤ Σ variables" only for CP-SAT's search: the LP and the greedy plan
        # never set a literal without a ride.
        self.search_rows.append((literal, tuple(variables)))
        return literal

    def _overlaps(
        self,
        driver_id: int,
        classes: list[RideClass],
        tours: Mapping[int, list[RideClass]],
        tour_var: Mapping[int, int],
    ) -> None:
        """At most one tour at each maximal moment (the rides overlapping one pick-up)."""
        buffer = self.buffer
        ordered = sorted(classes, key=lambda c: (c.sample.start, c.index))
        ending: list[tuple[int, int]] = []  # (end + buffer, class index) of active classes
        active: dict[int, RideClass] = {}
        parts: dict[frozenset[int], int] = {}
        pending: list[RideClass] | None = None
        for cls in ordered:
            moment = cls.sample.start
            removed = False
            while ending and ending[0][0] <= moment:
                _, index = heapq.heappop(ending)
                active.pop(index, None)
                removed = True
            if removed and pending is not None:
                self._one_tour(driver_id, pending, tours, tour_var, parts)
            active[cls.index] = cls
            heapq.heappush(ending, (cls.sample.end + buffer, cls.index))
            pending = list(active.values())
        if pending is not None:
            self._one_tour(driver_id, pending, tours, tour_var, parts)

    def _one_tour(
        self,
        driver_id: int,
        active: list[RideClass],
        tours: Mapping[int, list[RideClass]],
        tour_var: Mapping[int, int],
        parts: dict[frozenset[int], int],
    ) -> None:
        by_tour: dict[int, list[RideClass]] = defaultdict(list)
        for cls in active:
            by_tour[cls.sample.group].append(cls)
        if len(by_tour) < 2:
            return
        literals = []
        for group, members in by_tour.items():
            if len(members) == len(tours[group]):
                literals.append(tour_var[group])
                continue
            key = frozenset(c.index for c in members)
            if key not in parts:
                parts[key] = self._any_of(driver_id, members)
            literals.append(parts[key])
        self._row(literals, [1] * len(literals), 0, 1)

    def _seats(self, driver_id: int, members: list[RideClass], fixed: list) -> None:
        driver = self.elig.drivers[driver_id].driver
        if len(members) == 1 and not fixed:
            return  # one class alone: its variable's upper bound already fits the car
        caps = {c.index: self.upper[self.n[c.index, driver_id]] for c in members}
        seats = sum(c.sample.seats * caps[c.index] for c in members) + sum(f.seats for f in fixed)
        spaces = sum(c.sample.wheelchairs * caps[c.index] for c in members) + sum(
            f.wheelchairs for f in fixed
        )
        if seats <= driver.seats and spaces <= driver.wheelchair_spaces:
            return
        moments = sorted({c.sample.start for c in members} | {f.start for f in fixed})
        for moment in moments:
            aboard = [c for c in members if c.sample.start <= moment < c.sample.end]
            aboard_fixed = [f for f in fixed if f.start <= moment < f.end]
            if not aboard or (len(aboard) == 1 and not aboard_fixed):
                continue
            variables = [self.n[c.index, driver_id] for c in aboard]
            seats_left = driver.seats - sum(f.seats for f in aboard_fixed)
            spaces_left = driver.wheelchair_spaces - sum(f.wheelchairs for f in aboard_fixed)
            for need, have in (
                ([c.sample.seats for c in aboard], seats_left),
                ([c.sample.wheelchairs for c in aboard], spaces_left),
            ):
                if any(need):
                    self._row(variables, need, 0, max(0, have))

    # ------------------------------------------------------------ first stage helpers
    def lp_relaxation(
        self, running: Callable[[Callable[[], object] | None], None], seconds: float
    ) -> tuple[float, list[float]] | None:
        """Most rides over the LP relaxation (GLOP), with the fractional values; None if
        it takes longer than ``seconds``.

        ``running`` is told how to interrupt the LP while it solves (None when done).
        """
        lp = pywraplp.Solver.CreateSolver("GLOP")
        if lp is None:
            return None
        single = self.single
        variables = {
            index: lp.NumVar(0.0, float(upper), "")
            for index, upper in enumerate(self.upper)
            if index not in single
        }
        for indices, coefficients, low, high in self.rows:
            if len(indices) == 2 and single.get(indices[1]) == indices[0]:
                continue  # ride ≤ seats · literal: the LP has literal = ride / seats
            row = lp.RowConstraint(
                -lp.infinity() if low <= -UNBOUNDED else low,
                lp.infinity() if high >= UNBOUNDED else high,
                "",
            )
            for index, coefficient in zip(indices, coefficients, strict=True):
                if index in single:
                    index, coefficient = single[index], coefficient / self.upper[single[index]]
                row.SetCoefficient(variables[index], coefficient)
        goal = lp.Objective()
        for var in self.n.values():
            goal.SetCoefficient(variables[var], 1)
        goal.SetMaximization()
        lp.SetTimeLimit(max(1, int(seconds * 1000)))
        running(lp.InterruptSolve)
        try:
            status = lp.Solve()
        finally:
            running(None)
        if status != pywraplp.Solver.OPTIMAL:
            return None
        values = [0.0] * len(self.upper)
        for index, var in variables.items():
            values[index] = var.solution_value()
        for literal, index in single.items():
            values[literal] = values[index] / self.upper[index]
        return goal.Value(), values

    def greedy(
        self, order: Iterable[int], stop: Callable[[], bool] = lambda: False
    ) -> list[int] | None:
        """Raise the ride variables in ``order`` (with their tour literals) as far as every
        row allows. None if ``stop()`` turned true."""
        value = [0] * len(self.upper)
        activity = [0] * len(self.rows)
        var_rows: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row_index, (indices, coefficients, _low, _high) in enumerate(self.rows):
            for index, coefficient in zip(indices, coefficients, strict=True):
                var_rows[index].append((row_index, coefficient))
        for step, candidate in enumerate(order):
            if step % 256 == 0 and stop():
                return None
            if value[candidate] >= self.upper[candidate]:
                continue
            raised = [candidate, *(v for v in self.implied.get(candidate, ()) if not value[v])]
            delta: dict[int, int] = defaultdict(int)
            for index in raised:
                for row_index, coefficient in var_rows[index]:
                    delta[row_index] += coefficient
            rows = self.rows
            if not all(rows[r][2] <= activity[r] + d <= rows[r][3] for r, d in delta.items()):
                continue
            for index in raised:
                value[index] += 1
            for row_index, d in delta.items():
                activity[row_index] += d
            more = self.upper[candidate] - value[candidate]
            for row_index, coefficient in var_rows[candidate]:
                if more and coefficient > 0:
                    more = min(more, (rows[row_index][3] - activity[row_index]) // coefficient)
            if more > 0:
                value[candidate] += more
                for row_index, coefficient in var_rows[candidate]:
                    activity[row_index] += more * coefficient
        return value

    # ------------------------------------------------------------ objectives
    def assigned(self) -> cp_model.LinearExprT:
        variables = self.cp()[1]
        return cp_model.LinearExpr.sum([variables[i] for i in self.n.values()])

    def wishes(
        self, weight_of: Mapping[tuple[int, int], tuple[int, int, int]]
    ) -> tuple[cp_model.LinearExprT, int] | None:
        """Standby kept free ≻ usual driver ≻ previous driver, as exact lexicographic weights.

        ``weight_of[class, driver]``: (rides on the driver's standby day, rides whose
        passenger prefers the driver, rides the driver had in the previous plan).
        Also returns how far the expression can range (for weighing it against the load).
        """
        standby: list[cp_model.IntVar] = []
        preferred: list[tuple[cp_model.IntVar, int]] = []
        stable: list[tuple[cp_model.IntVar, int]] = []
        for key, index in self.n.items():
            standby_rides, preferred_rides, previous_rides = weight_of.get(key, (0, 0, 0))
            var, cap = self.var(key), self.upper[index]
            if standby_rides:
                standby.append(var)
            if preferred_rides:
                preferred.append(self._at_most(var, min(cap, preferred_rides)))
            if previous_rides:
                stable.append(self._at_most(var, min(cap, previous_rides)))
        if not (standby or preferred or stable):
            return None
        preferred_weight = sum(bound for _, bound in stable) + 1
        standby_weight = preferred_weight * (sum(bound for _, bound in preferred) + 1)
        terms = [(v, -standby_weight) for v in standby]
        terms += [(v, preferred_weight) for v, _ in preferred]
        terms += [(v, 1) for v, _ in stable]
        expression = cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [w for _, w in terms])
        standby_reach = sum(
            self.upper[self.n[k]] for k, v in weight_of.items() if v[0] and k in self.n
        )
        return expression, standby_weight * (standby_reach + 1)

    def _at_most(self, var: cp_model.IntVar, bound: int) -> tuple[cp_model.IntVar, int]:
        model = self.model
        part = model.new_bool_var("") if bound == 1 else model.new_int_var(0, bound, "")
        model.add(part <= var)
        return part, bound

    def load_penalty(self, base: Mapping[int, int]) -> tuple[cp_model.LinearExprT, int] | None:
        """Σ over drivers of (trips² − trips before²), from an ordered ladder of booleans,
        and its largest possible value."""
        model, variables = self.cp()
        terms = []
        largest = 0
        for driver_id, trips in self.trips.items():
            if not trips:
                continue
            start = base.get(driver_id, 0)
            steps = [model.new_bool_var("") for _ in trips]
            model.add(sum(steps) == sum(variables[t] for t in trips))
            for earlier, later in itertools.pairwise(steps):
                model.add_implication(later, earlier)
            weights = [2 * (start + k) + 1 for k in range(len(steps))]
            terms.extend(w * step for w, step in zip(weights, steps, strict=True))
            largest += sum(weights)
        return (cp_model.LinearExpr.sum(terms), largest) if terms else None

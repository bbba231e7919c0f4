"""0/1 packing constraints kept in one neutral form, read by CP-SAT and by an LP.

The week-planning constraints are all ``Σ coef·var ≤ bound`` over booleans.
Keeping them in plain lists lets the solver first solve the LP relaxation
(GLOP, a fraction of a second), round it to a feasible plan and prove it
optimal when it reaches the LP bound, before CP-SAT gets to work.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model


@dataclass
class Packing:
    size: int = 0
    rows: list[tuple[tuple[int, ...], tuple[int, ...], int]] = field(default_factory=list)
    implied: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def new_var(self) -> int:
        self.size += 1
        return self.size - 1

    def add(self, variables: Sequence[int], coefficients: Sequence[int], bound: int) -> None:
        self.rows.append((tuple(variables), tuple(coefficients), bound))

    def at_most_one(self, variables: Sequence[int]) -> None:
        if len(variables) > 1:
            self.add(variables, [1] * len(variables), 1)

    def implies(self, premise: int, conclusion: int) -> None:
        self.add((premise, conclusion), (1, -1), 0)
        self.implied[premise].append(conclusion)

    def to_cp_sat(self) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
        model = cp_model.CpModel()
        variables = [model.new_bool_var(f"v{i}") for i in range(self.size)]
        for indices, coefficients, bound in self.rows:
            terms = [variables[i] for i in indices]
            if bound == 1 and all(c == 1 for c in coefficients):
                model.add_at_most_one(terms)
            elif coefficients == (1, -1) and bound == 0:
                model.add_implication(terms[0], terms[1])
            else:
                model.add(cp_model.LinearExpr.weighted_sum(terms, coefficients) <= bound)
        return model, variables

    def lp_relaxation(
        self,
        objective: Iterable[int],
        *,
        running: Callable[[Callable[[], object] | None], None] = lambda _stop: None,
    ) -> tuple[float, list[float]] | None:
        """Maximum of Σ objective vars over the LP relaxation, with the fractional values.

        ``running`` is told how to interrupt the LP while it solves (None when done).
        """
        lp = pywraplp.Solver.CreateSolver("GLOP")
        if lp is None:
            return None
        variables = [lp.NumVar(0.0, 1.0, "") for _ in range(self.size)]
        for indices, coefficients, bound in self.rows:
            row = lp.RowConstraint(-lp.infinity(), bound, "")
            for index, coefficient in zip(indices, coefficients, strict=True):
                row.SetCoefficient(variables[index], coefficient)
        goal = lp.Objective()
        for index in objective:
            goal.SetCoefficient(variables[index], 1)
        goal.SetMaximization()
        running(lp.InterruptSolve)
        try:
            status = lp.Solve()
        finally:
            running(None)
        if status != pywraplp.Solver.OPTIMAL:
            return None
        return goal.Value(), [v.solution_value() for v in variables]

    def greedy(
        self, order: Iterable[int], *, stop: Callable[[], bool] = lambda: False
    ) -> list[int] | None:
        """Set variables to 1 in ``order`` (with what they imply) wherever every row still holds.

        None if ``stop()`` turned true on the way (asked every few hundred variables).
        """
        value = [0] * self.size
        lhs = [0] * len(self.rows)
        var_rows: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row_index, (indices, coefficients, _) in enumerate(self.rows):
            for index, coefficient in zip(indices, coefficients, strict=True):
                var_rows[index].append((row_index, coefficient))
        for step, candidate in enumerate(order):
            if step % 256 == 0 and stop():
                return None
            if value[candidate]:
                continue
            raised = [candidate, *(v for v in self.implied.get(candidate, ()) if not value[v])]
            delta: dict[int, int] = defaultdict(int)
            for index in raised:
                for row_index, coefficient in var_rows[index]:
                    delta[row_index] += coefficient
            if all(lhs[r] + d <= self.rows[r][2] for r, d in delta.items()):
                for index in raised:
                    value[index] = 1
                for row_index, d in delta.items():
                    lhs[row_index] += d
        return value

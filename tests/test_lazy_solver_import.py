"""Showing the Fahrdienst week does not load the planner's solver (ortools, pandas):
~1.5 s and ~170 MB that only planning a week needs."""

from __future__ import annotations

import subprocess
import sys


def test_the_week_view_loads_without_ortools() -> None:
    probe = (
        "import sys\n"
        "import engagement_desk.ui.rides.tab, engagement_desk.ui.rides.week_view\n"
        "import engagement_desk.services.rides.planning\n"
        "print(sorted(m for m in ('ortools', 'pandas') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_planning_still_reaches_the_solver() -> None:
    from engagement_desk.services.rides import planning
    from engagement_desk.services.rides.model import PlanningProblem

    solution = planning.solve(PlanningProblem(rides=(), drivers=()), time_limit=1.0)
    assert dict(solution.assignment) == {} and solution.optimal

"""Planning a week reports its real stages; Abbrechen before solving plans nothing,
while solving it keeps the best plan found so far."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.services.errors import Cancelled
from engagement_desk.services.rides import planning
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.solver import SolveProgress

WEEK = parse_week(PLAIN_WEEK)


class RecordingProgress:
    def __init__(self, cancel_at: str = "") -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_at = cancel_at
        self.cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        self.reports.append((done, total, text))
        if self.cancel_at and self.cancel_at in text:
            self.cancelled = True


@pytest.fixture
def office(db: Database) -> Database:
    agency(db)
    sid = service(db)
    order(db, sid, passenger(db, "Gerda", "Groß"), rule="FREQ=WEEKLY;BYDAY=TU,TH")
    driver(db, "Anna", "Becker", windows=((1, dt.time(8), dt.time(12)),))
    return db


def drivers(db: Database) -> list[int | None]:
    with db.read_session() as session:
        return list(session.scalars(select(Ride.driver_id).order_by(Ride.ride_date)))


def test_the_stages_are_reported_in_order(office: Database) -> None:
    progress = RecordingProgress()
    planning.plan_week(office, WEEK, progress=progress)
    texts = [text for _, _, text in progress.reports]
    assert texts[0] == "Fahrten der Woche erzeugen …"
    assert texts[1] == "Fahrten, Fahrer/innen und Zeiten laden …"
    assert texts[2] == "Fahrer/innen zuteilen (2 Fahrten) …"
    assert texts[-2:] == ["Plan speichern …", "Fertig."]
    done = [d for d, _, _ in progress.reports]
    assert done == sorted(done) and done[-1] == progress.reports[-1][1]


def test_cancel_before_solving_plans_nothing(office: Database) -> None:
    progress = RecordingProgress(cancel_at="laden")
    with pytest.raises(Cancelled):
        planning.plan_week(office, WEEK, progress=progress)
    assert all(d is None for d in drivers(office))


def test_cancel_while_solving_saves_the_best_plan_and_says_so(
    office: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_solve = planning.solve

    def stopped_midway(problem, **kwargs):
        return dataclasses.replace(real_solve(problem, **kwargs), stopped=True)

    monkeypatch.setattr(planning, "solve", stopped_midway)
    plan = planning.plan_week(office, WEEK)
    assert plan.stopped
    assert drivers(office) == [plan.rides[0].driver_id, None]  # Anna drives on Tuesday only
    assert plan.rides[0].driver_id is not None


def test_the_outcome_says_proven_or_how_many_rides_more_are_possible(office: Database) -> None:
    plan = planning.plan_week(office, WEEK)
    assert plan.proven_maximum and plan.outcome.startswith(
        "Bewiesen: die höchstmögliche Zahl an Fahrten ist zugeteilt ("
    )
    unproven = dataclasses.replace(plan, proven_maximum=False, could_add=1)
    assert "höchstens 1 Fahrt mehr möglich" in unproven.outcome
    stopped = dataclasses.replace(unproven, could_add=3, stopped=True)
    assert "höchstens 3 Fahrten mehr möglich" in stopped.outcome
    assert "abgebrochen" in stopped.outcome


def test_the_progress_counts_the_assigned_rides_while_solving(
    office: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_solve = planning.solve

    def ticking(problem, **kwargs):
        kwargs["tick"](SolveProgress(0.4, 1, 2, 0, 1))
        return real_solve(problem, **kwargs)

    monkeypatch.setattr(planning, "solve", ticking)
    progress = RecordingProgress()
    planning.plan_week(office, WEEK, progress=progress)
    texts = [text for _, _, text in progress.reports]
    assert (
        "Fahrer/innen zuteilen: bisher 1 von 2 Fahrten zugeteilt, höchstens 2 möglich (0.4 s) …"
        in texts
    )

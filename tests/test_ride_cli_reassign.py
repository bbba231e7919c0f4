"""``engagement-desk rides plan --neu-zuteilen``: rides assigned by hand are reassigned too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.services.rides.assignment import assign_driver
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import read_week_plan


def test_manual_assignments_stay_unless_reassigned(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agency(db)
    order(db, service(db), passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    juergen = driver(db, "Jürgen", "Müller")
    assert main(["rides", "plan", "--week", PLAIN_WEEK, "--db", str(db_path)]) == 0
    [ride] = read_week_plan(db, parse_week(PLAIN_WEEK)).rides
    assert ride.driver_id is None  # Jürgen's car has no wheelchair place
    assign_driver(db, ride.id, juergen, expected_version=ride.version, accept_warnings=True)
    db.dispose()
    capsys.readouterr()

    def plan(*extra: str) -> str | None:
        args = ["rides", "plan", "--week", PLAIN_WEEK, "--db", str(db_path), "--json", *extra]
        assert main(args) == 0
        [planned] = json.loads(capsys.readouterr().out)["rides"]
        return planned["driver"]

    assert plan() == "Jürgen Müller"
    assert plan("--neu-zuteilen") is None

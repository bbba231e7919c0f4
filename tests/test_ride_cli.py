"""``engagement-desk rides plan|sheets``: exit codes, German errors, JSON shape."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from ride_helpers import PLAIN_WEEK, RP_HOLIDAY_WEEK, agency, driver, order, passenger, service

from engagement_desk.cli import main
from engagement_desk.db import Database


@pytest.fixture
def office(db: Database, db_path: Path) -> Path:
    agency(db)
    sid = service(db)
    order(db, sid, passenger(db, "Анна", "Петрова"), rule="FREQ=DAILY", back=dt.time(12, 0))
    order(db, sid, passenger(db, "Rita", "Rad", wheelchair=True), wheelchair=True)
    driver(db, "Jürgen", "Müller", max_rides=20)
    db.dispose()
    return db_path


def test_plan_json_has_rides_unassigned_and_holidays(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rides", "plan", "--week", RP_HOLIDAY_WEEK, "--db", str(office), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "week",
        "rides",
        "unassigned",
        "holidays",
        "proven_maximum",
        "could_add",
        "stopped",
        "seconds",
    }
    assert data["proven_maximum"] is True and data["could_add"] == 0
    assert data["week"] == RP_HOLIDAY_WEEK
    assert data["holidays"] == [{"date": "2026-06-04", "name": "Fronleichnam"}]
    assert set(data["rides"][0]) == {
        "id",
        "date",
        "start",
        "end",
        "passengers",
        "driver",
        "vehicle",
        "status",
    }
    assert "2026-06-04" not in {r["date"] for r in data["rides"]}
    (open_ride,) = data["unassigned"]
    assert open_ride["reason"].startswith("Keiner der verfügbaren Fahrer/innen")


def test_plan_text_is_readable_german(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rides", "plan", "--week", PLAIN_WEEK, "--db", str(office)]) == 0
    out = capsys.readouterr().out
    assert "Fahrplan KW 10/2026" in out
    assert "Dienstag, 03.03.2026" in out
    assert "Анна Петрова → Wochenmarkt" in out and "Jürgen Müller (Auto Müller)" in out
    assert "OHNE FAHRER/IN" in out and "Grund: Keiner der verfügbaren" in out


def test_sheets_writes_one_pdf_per_driver_and_day(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["rides", "plan", "--week", PLAIN_WEEK, "--db", str(office)])
    capsys.readouterr()
    out_dir = tmp_path / "zettel"
    assert (
        main(["rides", "sheets", "--week", PLAIN_WEEK, "--out", str(out_dir), "--db", str(office)])
        == 0
    )
    written = sorted(p.name for p in out_dir.iterdir())
    assert len(written) == 7 and all(n.startswith("Laufzettel_2026-03-0") for n in written)
    assert "7 Laufzettel nach" in capsys.readouterr().out


@pytest.mark.parametrize("week", ["2026-13", "2026-W60", "KW13"])
def test_bad_week_is_one_german_line_and_non_zero(
    office: Path, week: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rides", "plan", "--week", week, "--db", str(office)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "keine Kalenderwoche" in err


def test_unknown_service_is_reported(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["rides", "plan", "--week", PLAIN_WEEK, "--service", "Gibtsnicht", "--db", str(office)]
    )
    assert code == 1
    assert "Einen Fahrdienst „Gibtsnicht“ gibt es nicht." in capsys.readouterr().err

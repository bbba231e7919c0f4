"""``engagement-desk report``: the Auswertung's numbers on stdout, failures in one German line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from report_world import HOURS, RIDES, build_world

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models.enums import RideStatus


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_for_a_year_and_a_centre(db: Database, db_path: Path, capsys) -> None:
    build_world(db)
    db.dispose()
    code, out, err = run(
        capsys, "report", "--db", str(db_path), "--year", "2025", "--center", "senioren", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["period"]["label"] == "2025"
    assert data["filter"]["center_name"] == "Senioren"
    expected = sum(Decimal(h[2]) for h in HOURS if h[1].year == 2025 and h[3] == "Senioren")
    assert data["current"]["hours"]["total"] == float(expected)
    done = sum(
        1
        for r in RIDES
        if r[1].year == 2025 and r[0] == "Seniorenfahrdienst" and r[2] == RideStatus.DONE
    )
    assert data["current"]["rides"]["total"]["done"] == done


def test_a_span_in_words(db: Database, db_path: Path, capsys) -> None:
    build_world(db)
    db.dispose()
    code, out, _ = run(
        capsys, "report", "--db", str(db_path), "--from", "01.03.2025", "--to", "31.05.2025"
    )
    assert code == 0
    assert out.startswith("Auswertung 01.03.2025–31.05.2025 (Vorzeitraum 01.12.2024–28.02.2025)")
    assert "Fahrten: 2 durchgeführt, 1 abgesagt, 1 nicht erschienen, 1 ohne Fahrer/in" in out


def test_unknown_centre_or_bad_dates_fail_in_one_line(db: Database, db_path: Path, capsys) -> None:
    build_world(db)
    db.dispose()
    where = ("--db", str(db_path))
    code, out, err = run(capsys, "report", *where, "--year", "2025", "--center", "Mond")
    assert code != 0 and out == ""
    assert err.strip() == "engagement-desk: Fehler: Engagement-Zentrum „Mond“ gibt es nicht."
    code, _, err = run(capsys, "report", *where, "--year", "2025", "--ride-service", "Bus")
    assert code != 0 and "Fahrdienst „Bus“ gibt es nicht." in err
    code, _, err = run(capsys, "report", *where, "--from", "31.05.2025", "--to", "01.03.2025")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Ende" in err
    code, _, err = run(capsys, "report", *where, "--from", "gestern")
    assert code != 0 and "--to" in err
    code, _, err = run(capsys, "report", *where)
    assert code != 0 and "--year" in err


def test_out_writes_the_annual_report(db: Database, db_path: Path, tmp_path: Path, capsys) -> None:
    build_world(db)
    db.dispose()
    target = tmp_path / "Jahresbericht 2025.pdf"
    code, out, err = run(
        capsys, "report", "--db", str(db_path), "--year", "2025", "--out", str(target)
    )
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    assert f"Jahresbericht gespeichert: {target}" in out


def test_json_with_out_keeps_stdout_pure_json(
    db: Database, db_path: Path, tmp_path: Path, capsys
) -> None:
    build_world(db)
    db.dispose()
    target = tmp_path / "bericht.xlsx"
    code, out, err = run(
        capsys, "report", "--db", str(db_path), "--year", "2025", "--out", str(target), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["period"]["label"] == "2025"
    assert target.read_bytes().startswith(b"PK")  # an xlsx is a zip file
    assert "Jahresbericht gespeichert" in err

"""``engagement-desk certificates …`` as an office script would call it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import page_texts, set_up_agency
from hours_builders import add_hours_spread, add_training

from engagement_desk.cli import main
from engagement_desk.db import Database


@pytest.fixture
def office(db: Database, db_path: Path) -> dict[str, int]:
    set_up_agency(db)
    anna = add_person(db, "Анна", "Петрова", birth_date=dt.date(1990, 5, 5))
    ben = add_person(db, "Ben", "Becker", birth_date=dt.date(2000, 1, 1))
    add_hours_spread(db, anna, dt.date(2025, 1, 2), "260")
    add_hours_spread(db, ben, dt.date(2025, 1, 2), "40")
    db.dispose()
    return {"anna": anna, "ben": ben}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_issue_verify_revoke_reissue(office, db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "urkunden"
    code, text, _ = run(
        capsys,
        "certificates",
        "issue",
        "--kind",
        "recognition",
        "--year",
        "2025",
        "--min-hours",
        "250",
        "--out",
        str(out),
        "--db",
        str(db_path),
        "--json",
    )
    assert code == 0
    data = json.loads(text)
    (certificate,) = data["certificates"]
    assert certificate["person"] == "Анна Петрова" and certificate["number"].startswith("U-")
    assert "Анна Петрова" in page_texts(Path(certificate["file"]))[0]
    number, verification = certificate["number"], certificate["verification_code"]

    code, text, _ = run(
        capsys, "certificates", "verify", number, "--code", verification, "--db", str(db_path)
    )
    assert code == 0 and text.startswith("Gültig: Anerkennungsurkunde")
    code, _, err = run(
        capsys, "certificates", "verify", number, "--code", "X", "--db", str(db_path)
    )
    assert code == 6 and err.startswith("engagement-desk: Fehler: Der Prüfcode passt nicht")
    assert err.count("\n") == 1

    code, _, _ = run(
        capsys,
        "certificates",
        "reissue",
        number,
        "--out",
        str(tmp_path / "neu"),
        "--db",
        str(db_path),
    )
    assert code == 0
    code, _, err = run(capsys, "certificates", "verify", number, "--db", str(db_path))
    assert code == 5 and "ersetzt" in err

    code, text, _ = run(
        capsys,
        "certificates",
        "revoke",
        number.replace("00001", "00002"),
        "--reason",
        "Irrtum",
        "--db",
        str(db_path),
    )
    assert code == 0 and "widerrufen" in text
    code, _, err = run(capsys, "certificates", "verify", "U-2026-99999", "--db", str(db_path))
    assert code == 3 and "nicht im Register" in err


def test_issue_into_one_file(office, db_path: Path, tmp_path: Path, capsys) -> None:
    code, text, _ = run(
        capsys,
        "certificates",
        "issue",
        "--kind",
        "statement",
        "--year",
        "2025",
        "--out",
        str(tmp_path),
        "--single-file",
        "--date",
        "01.02.2026",
        "--competences",
        "Zuverlässigkeit",
        "--db",
        str(db_path),
    )
    assert code == 0
    target = tmp_path / "Engagementnachweise_2026-02-01.pdf"
    assert (
        text.strip()
        == f"2 Engagementnachweise ausgestellt (N-2026-00001 bis N-2026-00002) → {target}"
    )
    assert len(page_texts(target)) == 2


def test_attendance_for_an_event(office, db, db_path: Path, tmp_path: Path, capsys) -> None:
    event = add_training(
        db, "Datenschutz im Verein", dt.datetime(2026, 1, 20, 18), "2", attended=(office["ben"],)
    )
    db.dispose()
    code, text, _ = run(
        capsys,
        "certificates",
        "issue",
        "--kind",
        "attendance",
        "--event",
        str(event),
        "--out",
        str(tmp_path / "t"),
        "--db",
        str(db_path),
    )
    assert code == 0 and "1 Teilnahmebescheinigung ausgestellt (T-" in text


def test_eligible_lists_who_qualifies(office, db_path: Path, capsys) -> None:
    code, text, _ = run(
        capsys,
        "certificates",
        "eligible",
        "--rule",
        "ehrenamtskarte-rp",
        "--on",
        "02.01.2026",
        "--db",
        str(db_path),
        "--all",
    )
    assert code == 0
    assert "Ehrenamtskarte Rheinland-Pfalz – Stichtag 02.01.2026" in text
    assert "Zeitraum: 02.01.2025 bis 01.01.2026" in text
    assert "1 Person erfüllt die Voraussetzungen." in text
    assert "✓" in text and "✗" in text and "verlangt: 250 Stunden im Jahr" in text
    code, text, _ = run(
        capsys,
        "certificates",
        "eligible",
        "--rule",
        "nrw",
        "--on",
        "02.01.2026",
        "--json",
        "--db",
        str(db_path),
    )
    data = json.loads(text)
    assert data["title"] == "Ehrenamtskarte NRW" and len(data["people"]) == 1


def test_failures_are_one_german_line(office, db_path: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "certificates", "eligible", "--rule", "mars", "--db", str(db_path))
    assert code == 1 and "„mars“ gibt es nicht" in err
    code, _, err = run(
        capsys,
        "certificates",
        "issue",
        "--kind",
        "attendance",
        "--out",
        str(tmp_path),
        "--db",
        str(db_path),
    )
    assert code == 1 and "Teilnahmebescheinigungen bitte wählen" in err
    assert err.count("\n") == 1


def test_templates_and_preview(office, db_path: Path, tmp_path: Path, capsys) -> None:
    code, text, _ = run(capsys, "certificates", "templates", "--db", str(db_path))
    assert code == 0 and "Anerkennungsurkunde: „Standard“ (Vorgabe), Version 1" in text
    assert "{kompetenzen}" in text
    target = tmp_path / "vorschau.pdf"
    code, _, _ = run(
        capsys,
        "certificates",
        "preview",
        "--kind",
        "recognition",
        "--person",
        str(office["ben"]),
        "--year",
        "2025",
        "--out",
        str(target),
        "--db",
        str(db_path),
    )
    assert code == 0 and "VORSCHAU" in page_texts(target)[0]

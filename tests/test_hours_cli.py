"""``engagement-desk hours …``."""

from __future__ import annotations

import json
from pathlib import Path

from builders import add_organization, add_person

from engagement_desk.cli import main
from engagement_desk.db import Database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_list_totals_check_delete(db: Database, db_path: Path, capsys) -> None:
    person = add_person(db, "Łucja", "Wąsowska")
    tafel = add_organization(db, "Tafel")
    db.dispose()
    where = ("--db", str(db_path))
    code, text, _ = run(
        capsys,
        "hours",
        "add",
        "--person",
        str(person),
        "--date",
        "03.02.2026",
        "--hours",
        "7,5",
        "--organization",
        str(tafel),
        "--activity",
        "Ausgabe",
        *where,
    )
    assert code == 0 and text.startswith("Gespeichert:") and "7,5 h" in text
    code, text, _ = run(
        capsys,
        "hours",
        "add",
        "--person",
        str(person),
        "--date",
        "03.02.2026",
        "--hours",
        "6",
        "--organization",
        str(tafel),
        "--activity",
        "Ausgabe",
        "--json",
        *where,
    )
    data = json.loads(text)
    assert {w["kind"] for w in data["warnings"]} == {"long_day", "possible_duplicate"}
    code, text, _ = run(capsys, "hours", "list", "--person", str(person), *where)
    assert "Summe: 13,5 Stunden in 2 Einträgen" in text
    code, text, _ = run(capsys, "hours", "totals", "--year", "2026", *where)
    assert text.strip() == "2026  Tafel  (ohne Zentrum): 13,5 Stunden (2 Einträge)"
    code, text, _ = run(capsys, "hours", "check", *where)
    assert "möglicherweise doppelt" in text and "mehr als 12" in text
    entry = data["entry"]["id"]
    code, _, err = run(capsys, "hours", "delete", str(entry), "--reason", " ", *where)
    assert code != 0 and err.count("\n") == 1 and "Grund" in err
    code, text, _ = run(capsys, "hours", "delete", str(entry), "--reason", "doppelt", *where)
    assert code == 0 and text.strip() == f"Eintrag {entry} gelöscht."
    code, text, _ = run(capsys, "hours", "check", *where)
    assert text.strip() == "Keine Auffälligkeiten."


def test_bad_input_is_one_german_line(db: Database, db_path: Path, capsys) -> None:
    person = add_person(db, "Anna", "Becker")
    db.dispose()
    code, _, err = run(
        capsys,
        "hours",
        "add",
        "--person",
        str(person),
        "--date",
        "3.2.2026",
        "--hours",
        "30",
        "--db",
        str(db_path),
    )
    assert code == 1
    assert err == (
        "engagement-desk: Fehler: Stunden: Mehr als 24 Stunden an einem Tag sind nicht möglich.\n"
    )

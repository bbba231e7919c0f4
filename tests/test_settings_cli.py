"""``engagement-desk settings show|set``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from builders import add_person

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.services.settings import get_agency_settings

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M10 70 L290 40" stroke="#123" stroke-width="4"/></svg>'  # noqa: E501


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def where(db: Database, db_path: Path) -> tuple[str, str]:
    db.dispose()
    return ("--db", str(db_path))


def test_set_then_show_every_kind_of_value(
    capsys, where: tuple[str, str], db_path: Path, tmp_path: Path
) -> None:
    signature = tmp_path / "unterschrift.svg"
    signature.write_text(SVG, encoding="utf-8")
    for key, value in (
        ("name", "Freiwilligenagentur Kyllheim"),
        ("bundesland", "Bayern"),
        ("km_rate", "0,35"),
        ("signatory.1.name", "Claudia Theis"),
        ("signatory.1.function", "Bürgermeisterin"),
        ("signatory.1.signature", str(signature)),
        ("signatory.2.name", "Sarah Stey"),
        ("backup_folder", str(tmp_path / "Sicherungen")),
    ):
        code, _, err = run(capsys, "settings", "set", key, value, *where)
        assert (code, err) == (0, ""), key
    code, text, _ = run(capsys, "settings", "show", *where)
    assert code == 0
    lines = {
        key: value.strip() for key, _, value in (line.partition(" ") for line in text.splitlines())
    }
    assert lines["name"] == "Freiwilligenagentur Kyllheim"
    assert lines["bundesland"] == "BY (Bayern)"
    assert lines["km_rate"] == "0,35"
    assert lines["signatory.1.signature"].startswith("(Bild, ")
    assert lines["signatory.2.name"] == "Sarah Stey"
    assert lines["backup_folder"] == str((tmp_path / "Sicherungen").resolve())
    code, text, _ = run(capsys, "settings", "show", "--json", *where)
    shown = json.loads(text)
    assert shown["bundesland"] == "BY" and shown["km_rate"] == "0.35"
    assert shown["logo"] is None and shown["signatory.1.signature"] > 0

    code, _, _ = run(capsys, "settings", "set", "km_rate", "0.4", *where)
    code, _, _ = run(capsys, "settings", "set", "signatory.1.name", "", *where)
    settings = get_agency_settings(Database(db_path))
    assert settings.km_rate == Decimal("0.40")
    assert [s.name for s in settings.signatories] == ["Sarah Stey"]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("farbe", "blau", "„farbe“ gibt es nicht"),
        ("bundesland", "Bayerm", "„Bayerm“ ist kein Bundesland"),
        ("km_rate", "dreißig Cent", "ist kein Betrag in Euro"),
        ("email", "kein-at", "keine gültige E-Mail-Adresse"),
        ("name", "", "Bitte ausfüllen"),
        ("logo", "/nirgends/logo.png", "lässt sich nicht lesen"),
        ("signatory.3.name", "X", "„signatory.3.name“ gibt es nicht"),
        ("signatory.2.function", "Leitung", "zuerst signatory.1.name"),
    ],
)
def test_a_bad_key_or_value_is_one_german_line_and_changes_nothing(
    capsys, where: tuple[str, str], db_path: Path, key: str, value: str, message: str
) -> None:
    before = get_agency_settings(Database(db_path))
    code, out, err = run(capsys, "settings", "set", key, value, *where)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert get_agency_settings(Database(db_path)) == before


def test_planning_rides_says_when_the_federal_state_was_never_chosen(
    capsys, where: tuple[str, str]
) -> None:
    code, _, err = run(capsys, "rides", "plan", "--week", "2027-W01", *where)
    assert code == 0
    assert "Hinweis: Das Bundesland ist noch nicht gewählt" in err
    assert "Rheinland-Pfalz" in err
    run(capsys, "settings", "set", "bundesland", "BY", *where)
    code, _, err = run(capsys, "rides", "plan", "--week", "2027-W01", *where)
    assert (code, err) == (0, "")


def test_a_database_with_people_counts_as_chosen(capsys, db: Database, db_path: Path) -> None:
    add_person(db, "Anna", "Becker")  # an office database from before the set-up wizard
    db.dispose()
    code, text, err = run(capsys, "rides", "plan", "--week", "2027-W01", "--db", str(db_path))
    assert (code, err) == (0, "")
    _, text, _ = run(capsys, "settings", "show", "--db", str(db_path))
    assert "bundesland             RP (Rheinland-Pfalz)\n" in text

"""Selecting by volunteer-card rule is part of the selection service (one read, or part of
the issuing unit of work), the same for the window and the command line.

It used to be put together in the window (ui/certificates/sources.find_recipients): the
rule's report in one session, then the selection in another."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from builders import add_center, add_person
from certificate_support import set_up_agency
from hours_builders import add_hours_spread
from sqlalchemy import event

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    IssueOptions,
    Selection,
    issue_certificates,
    select_recipients,
)
from engagement_desk.services.certificates.choices import selection_choices
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.events.editing import save_event
from engagement_desk.services.events.records import EventData

ON = dt.date(2026, 1, 2)
RP = "ehrenamtskarte-rp"


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    set_up_agency(db)
    anna = add_person(db, "Анна", "Петрова", birth_date=dt.date(1990, 5, 5))
    ben = add_person(db, "Ben", "Becker", birth_date=dt.date(2000, 1, 1))
    add_hours_spread(db, anna, dt.date(2025, 1, 2), "260")
    add_hours_spread(db, ben, dt.date(2025, 1, 2), "40")
    return {"anna": anna, "ben": ben}


def test_the_rule_narrows_the_selection(db: Database, office: dict[str, int]) -> None:
    everyone = select_recipients(db, CertificateKind.RECOGNITION, Selection(year=2025), today=ON)
    assert {c.person_id for c in everyone.candidates} == set(office.values())

    by_rule = select_recipients(
        db, CertificateKind.RECOGNITION, Selection(year=2025, rule_id=RP), today=ON
    )
    (anna,) = by_rule.candidates
    assert anna.person_id == office["anna"]
    assert anna.reason.startswith("erfüllt „Ehrenamtskarte Rheinland-Pfalz“")

    # the other criteria still hold: Ben alone is not eligible
    only_ben = Selection(year=2025, person_ids=(office["ben"],), rule_id=RP, rule_on=ON)
    assert select_recipients(db, CertificateKind.RECOGNITION, only_ben).candidates == ()


def test_an_unknown_rule_is_refused_in_german(db: Database, office: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="„mars“ gibt es nicht"):
        select_recipients(db, CertificateKind.RECOGNITION, Selection(rule_id="mars"))


def test_issuing_by_rule_evaluates_it_on_the_issue_day(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    result = issue_certificates(
        db,
        CertificateKind.RECOGNITION,
        Selection(year=2025, rule_id=RP),
        out_dir=tmp_path,
        options=IssueOptions(issued_on=ON),
    )
    assert [c.person_id for c in result.certificates] == [office["anna"]]


def test_selection_choices_are_read_in_one_session(db: Database) -> None:
    add_center(db, "Senioren")
    add_center(db, "Familie")
    start = dt.datetime(2026, 3, 5, 18, 0)
    save_event(db, None, 0, EventData("training", "Vereinsrecht", start, start))
    sessions: list[object] = []

    def began(connection) -> None:
        sessions.append(connection)

    event.listen(db.engine, "begin", began)
    try:
        choices = selection_choices(db)
    finally:
        event.remove(db.engine, "begin", began)
    assert len(sessions) == 1
    assert [c.label for c in choices.centers] == ["Familie", "Senioren"]
    assert [c.label for c in choices.events] == ["05.03.2026 – Vereinsrecht"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_lists_and_issues_by_rule(
    db: Database, office: dict[str, int], db_path: Path, tmp_path: Path, capsys
) -> None:
    db.dispose()
    selection = ("--kind", "recognition", "--year", "2025", "--rule", RP, "--db", str(db_path))
    code, out, _ = run(
        capsys, "certificates", "candidates", *selection, "--rule-on", "02.01.2026", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["rule"] == RP
    assert [c["person_id"] for c in data["candidates"]] == [office["anna"]]

    code, out, _ = run(capsys, "certificates", "candidates", *selection, "--rule-on", "02.01.2026")
    assert code == 0 and "Anerkennungsurkunde: 1 Person, Zeitraum" in out and "Анна Петрова" in out

    code, out, _ = run(
        capsys,
        "certificates",
        "issue",
        *selection,
        "--date",
        "02.01.2026",
        "--out",
        str(tmp_path / "out"),
        "--json",
    )
    assert code == 0
    (certificate,) = json.loads(out)["certificates"]
    assert certificate["person_id"] == office["anna"]


def test_cli_rule_failures_are_one_german_line(
    db: Database, office: dict[str, int], db_path: Path, tmp_path: Path, capsys
) -> None:
    db.dispose()
    code, _, err = run(
        capsys,
        "certificates",
        "candidates",
        "--kind",
        "recognition",
        "--rule",
        "mars",
        "--db",
        str(db_path),
    )
    assert code != 0 and "„mars“ gibt es nicht" in err and err.count("\n") == 1
    code, _, err = run(
        capsys,
        "certificates",
        "issue",
        "--kind",
        "recognition",
        "--year",
        "2025",
        "--person",
        str(office["ben"]),
        "--rule",
        RP,
        "--rule-on",
        "02.01.2026",
        "--out",
        str(tmp_path),
        "--db",
        str(db_path),
    )
    assert code != 0 and "Niemand erfüllt" in err and err.count("\n") == 1

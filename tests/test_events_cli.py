"""``engagement-desk events register|unregister``: the window's rules on the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from builders import add_person, new_event
from sqlalchemy import func, select

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import Registration
from engagement_desk.models.enums import RegistrationStatus
from engagement_desk.services.events.records import ShiftData
from engagement_desk.services.events.shifts import add_shift

DAY = dt.datetime(2027, 3, 6, 10, 0)


def run(capsys, db_path: Path, *argv: str) -> tuple[int, str, str]:
    try:
        code = main([*argv, "--db", str(db_path)])
    except SystemExit as exit_:  # usage errors leave through argparse
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def statuses(db: Database, event_id: int) -> list[tuple[int, RegistrationStatus]]:
    with db.read_session() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(Registration.person_id, Registration.status)
                .where(Registration.event_id == event_id)
                .order_by(Registration.id)
            )
        ]


def count_registrations(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Registration)) or 0


def test_several_people_beyond_capacity_go_to_the_waiting_list(
    db: Database, db_path: Path, capsys
) -> None:
    event = new_event(db, "Erste-Hilfe-Kurs", DAY, capacity=2)
    people = [add_person(db, first, "Weber") for first in ("Anna", "Berta", "Clara", "Dora")]
    args = ["events", "register", "--event", str(event.id)]
    for person in people:
        args += ["--person", str(person)]

    code, out, err = run(capsys, db_path, *args)

    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Anna Weber ist angemeldet.",
        "Berta Weber ist angemeldet.",
        "Clara Weber ist angemeldet (Warteliste, Platz 1).",
        "Dora Weber ist angemeldet (Warteliste, Platz 2).",
    ]
    assert [status for _, status in statuses(db, event.id)] == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING_LIST,
        RegistrationStatus.WAITING_LIST,
    ]


def test_json_output_is_plain_data(db: Database, db_path: Path, capsys) -> None:
    event = new_event(db, "Vereinsforum", DAY, capacity=0)
    anna = add_person(db, "Anna", "Weber")

    code, out, _ = run(
        capsys, db_path, "events", "register", "--event", str(event.id), "--person", str(anna),
        "--json",
    )  # fmt: skip

    assert code == 0
    (registration,) = json.loads(out)["registrations"]
    assert registration["person_id"] == anna
    assert registration["name"] == "Anna Weber"
    assert registration["role"] == "participant"
    assert registration["status"] == "waiting_list"
    assert registration["waiting_position"] == 1
    assert registration["warnings"] == []


def test_a_refused_person_leaves_the_whole_list_unwritten(
    db: Database, db_path: Path, capsys
) -> None:
    event = new_event(db, "Vereinsforum", DAY, capacity=30)
    anna = add_person(db, "Anna", "Weber")
    ben = add_person(db, "Ben", "Schulz")
    code, _, _ = run(
        capsys, db_path, "events", "register", "--event", str(event.id), "--person", str(anna)
    )
    assert code == 0
    before = count_registrations(db)

    code, out, err = run(
        capsys, db_path, "events", "register", "--event", str(event.id),
        "--person", str(ben), "--person", str(anna), "--person", "9999",
    )  # fmt: skip

    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert "Anna Weber" in err and "Ist bereits angemeldet" in err
    assert "Person Nr. 9999" in err and "gibt es nicht" in err
    assert "niemand angemeldet" in err
    assert count_registrations(db) == before  # Ben was not registered either


def test_roles_by_german_name_or_value_and_a_wrong_one(db: Database, db_path: Path, capsys) -> None:
    event = new_event(db, "Ehrenamtsmesse", DAY, hours=6)
    shift = add_shift(db, event.id, ShiftData("Aufbau", DAY, DAY + dt.timedelta(hours=2), 1))
    anna = add_person(db, "Anna", "Weber")
    ben = add_person(db, "Ben", "Schulz")
    base = ["events", "register", "--event", str(event.id)]

    assert run(capsys, db_path, *base, "--person", str(anna), "--role", "Helferin",
               "--shift", str(shift.id))[0] == 0  # fmt: skip
    assert run(capsys, db_path, *base, "--person", str(ben), "--role", "guest")[0] == 0
    code, out, err = run(capsys, db_path, *base, "--person", str(ben), "--role", "Koch")

    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "unbekannte Rolle „Koch“" in err
    with db.read_session() as session:
        roles = session.execute(select(Registration.person_id, Registration.role)).all()
    assert sorted((p, r.value) for p, r in roles) == sorted([(anna, "helper"), (ben, "guest")])


def test_unknown_event_is_named_and_nothing_written(db: Database, db_path: Path, capsys) -> None:
    anna = add_person(db, "Anna", "Weber")

    code, out, err = run(capsys, db_path, "events", "register", "--event", "999",
                         "--person", str(anna))  # fmt: skip

    assert code == 1 and out == ""
    assert err.strip().endswith("Veranstaltung Nr. 999 gibt es nicht (mehr).")
    assert count_registrations(db) == 0


def test_an_overlap_is_told_but_registers(db: Database, db_path: Path, capsys) -> None:
    first = new_event(db, "Erste Hilfe", DAY, hours=3)
    second = new_event(db, "Vereinsforum", DAY + dt.timedelta(hours=1))
    anna = add_person(db, "Anna", "Weber")
    run(capsys, db_path, "events", "register", "--event", str(first.id), "--person", str(anna))

    code, out, _ = run(
        capsys, db_path, "events", "register", "--event", str(second.id), "--person", str(anna)
    )

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Anna Weber ist angemeldet."
    assert lines[1].startswith("  Hinweis: Überschneidung") and "Erste Hilfe" in lines[1]


def test_unregister_moves_the_first_waiting_up(db: Database, db_path: Path, capsys) -> None:
    event = new_event(db, "Erste-Hilfe-Kurs", DAY, capacity=1)
    anna = add_person(db, "Anna", "Weber")
    ben = add_person(db, "Ben", "Schulz")
    run(capsys, db_path, "events", "register", "--event", str(event.id),
        "--person", str(anna), "--person", str(ben))  # fmt: skip

    code, out, err = run(
        capsys, db_path, "events", "unregister", "--event", str(event.id), "--person", str(anna)
    )

    assert (code, err) == (0, "")
    assert out.strip() == (
        "Anmeldung von Anna Weber storniert. Ben Schulz rückt von der Warteliste nach."
    )
    assert statuses(db, event.id) == [
        (anna, RegistrationStatus.CANCELLED),
        (ben, RegistrationStatus.REGISTERED),
    ]

    code, out, err = run(
        capsys, db_path, "events", "unregister", "--event", str(event.id), "--person", str(anna)
    )
    assert code == 1 and out == ""
    assert "Anna Weber ist für „Erste-Hilfe-Kurs“ nicht angemeldet." in err


def test_unregister_by_number_and_the_wrong_event(db: Database, db_path: Path, capsys) -> None:
    event = new_event(db, "Erste-Hilfe-Kurs", DAY)
    other = new_event(db, "Vereinsforum", DAY + dt.timedelta(days=1))
    anna = add_person(db, "Anna", "Weber")
    run(capsys, db_path, "events", "register", "--event", str(event.id), "--person", str(anna))
    ((registration_id,),) = _ids(db)

    code, _, err = run(capsys, db_path, "events", "unregister", "--event", str(other.id),
                       "--registration", str(registration_id))  # fmt: skip
    assert code == 1 and "gehört nicht zu Veranstaltung" in err
    assert statuses(db, event.id) == [(anna, RegistrationStatus.REGISTERED)]

    code, out, _ = run(capsys, db_path, "events", "unregister", "--registration",
                       str(registration_id), "--json")  # fmt: skip
    assert code == 0
    assert json.loads(out) == {"cancelled": registration_id, "name": "Anna Weber", "moved_up": None}


def _ids(db: Database) -> list[tuple[int]]:
    with db.read_session() as session:
        return [tuple(row) for row in session.execute(select(Registration.id))]


def test_an_unknown_shift_or_organization_is_named_once(
    db: Database, db_path: Path, capsys
) -> None:
    event = new_event(db, "Ehrenamtsmesse", DAY)
    people = [add_person(db, first, "Weber") for first in ("Anna", "Berta")]
    persons = [arg for p in people for arg in ("--person", str(p))]
    base = ["events", "register", "--event", str(event.id), *persons]

    code, _, err = run(capsys, db_path, *base, "--role", "helper", "--shift", "77")
    assert code == 1 and err.count("Schicht Nr. 77 gibt es nicht") == 1
    code, _, err = run(capsys, db_path, *base, "--organization", "88")
    assert code == 1 and err.count("Organisation Nr. 88 gibt es nicht") == 1
    assert count_registrations(db) == 0

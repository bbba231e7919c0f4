"""``engagement-desk db staff add|list|disable|role``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from staff_helpers import PASSWORD, StaffLogins
from staff_helpers import staff as staff  # the fixture

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models.enums import StaffRole


def run(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _verifier(staff: StaffLogins, login: str) -> str:
    with staff.owner.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :login"), {"login": login}
        ).scalar_one()
        connection.rollback()
    return stored


def test_on_sqlite_staff_commands_say_they_need_postgresql(
    db: Database, db_path: Path, capsys, monkeypatch
) -> None:
    db.dispose()
    code, _, err = run(capsys, monkeypatch, "db", "staff", "list", "--db", str(db_path))
    assert code == 1
    assert err.strip() == (
        "engagement-desk: Fehler: Mitarbeitende und Anmeldungen gibt es nur mit einer "
        "PostgreSQL-Datenbank; die Einzelplatz-Datenbank braucht keine Anmeldung."
    )


@pytest.mark.postgres
def test_owner_adds_lists_changes_and_disables_a_login(
    staff: StaffLogins, capsys, monkeypatch
) -> None:
    where = ("--db", staff.owner.url.render_as_string(hide_password=False))
    login = staff.name("carla")
    code, out, err = run(
        capsys,
        monkeypatch,
        "db",
        "staff",
        "add",
        login,
        "--role",
        "Fahrdienst",
        "--full-name",
        "Carla Fahr",
        "--password-stdin",
        *where,
        stdin=PASSWORD + "\n",
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"Anmeldung „{login}“ angelegt, Rolle Fahrdienst."
    with psycopg.connect(staff.psycopg_dsn(login)) as connection:
        assert connection.execute("SELECT session_user").fetchone() == (login,)

    code, out, _ = run(capsys, monkeypatch, "db", "staff", "list", "--json", *where)
    listed = {row["login"]: row for row in json.loads(out)}
    assert code == 0
    assert (listed[login]["role"], listed[login]["full_name"], listed[login]["active"]) == (
        "fahrdienst",
        "Carla Fahr",
        True,
    )

    code, out, _ = run(capsys, monkeypatch, "db", "staff", "role", login, "--role", "büro", *where)
    assert code == 0 and out.strip() == f"Anmeldung „{login}“ hat jetzt die Rolle Büro."

    before = _verifier(staff, login)
    code, out, _ = run(
        capsys,
        monkeypatch,
        "db",
        "staff",
        "password",
        login,
        "--password-stdin",
        *where,
        stdin="Neues-Passwort-2027\n",
    )
    assert code == 0 and out.strip() == f"Neues Passwort für „{login}“ gesetzt."
    assert _verifier(staff, login) != before and _verifier(staff, login).startswith("SCRAM")

    code, out, _ = run(capsys, monkeypatch, "db", "staff", "disable", login, *where)
    assert code == 0 and out.startswith(f"Anmeldung „{login}“ deaktiviert.")
    code, out, _ = run(capsys, monkeypatch, "db", "staff", "list", *where)
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert "Büro" in line and "deaktiviert" in line and "Carla Fahr" in line


@pytest.mark.postgres
def test_a_leitung_login_administers_and_a_buero_login_is_refused(
    staff: StaffLogins, capsys, monkeypatch
) -> None:
    leitung = ("--db", staff.url(staff.add(StaffRole.LEITUNG)))
    buero = ("--db", staff.url(staff.add(StaffRole.BUERO)))
    login = staff.name("dora")
    code, out, err = run(
        capsys,
        monkeypatch,
        "db",
        "staff",
        "add",
        login,
        "--role",
        "lesen",
        "--password-stdin",
        *leitung,
        stdin=PASSWORD + "\n",
    )
    assert (code, err) == (0, "") and "Rolle Lesen" in out

    for argv, stdin in (
        (("add", staff.name("emil"), "--role", "Lesen", "--password-stdin"), PASSWORD + "\n"),
        (("disable", login), ""),
        (("role", login, "--role", "Leitung"), ""),
    ):
        code, out, err = run(capsys, monkeypatch, "db", "staff", *argv, *buero, stdin=stdin)
        assert code == 1 and out == ""
        assert err.strip() == (
            "engagement-desk: Fehler: Ihre Anmeldung (Rolle „Büro“) darf das nicht: "
            "Mitarbeitende verwalten."
        )
    code, out, _ = run(capsys, monkeypatch, "db", "staff", "list", *buero)
    assert code == 0 and login in out  # everyone may see who works here


@pytest.mark.postgres
def test_bad_input_is_one_german_line(staff: StaffLogins, capsys, monkeypatch) -> None:
    where = ("--db", staff.owner.url.render_as_string(hide_password=False))
    code, _, err = run(
        capsys, monkeypatch, "db", "staff", "add", staff.name("x"), "--role", "Chef", *where
    )
    assert code == 1
    assert err.strip() == (
        "engagement-desk: Fehler: Rolle: Unbekannte Rolle „Chef“; möglich sind Leitung, Büro, "
        "Fahrdienst, Lesen."
    )
    code, _, err = run(
        capsys,
        monkeypatch,
        "db",
        "staff",
        "add",
        staff.name("y"),
        "--role",
        "Lesen",
        "--password-stdin",
        *where,
        stdin="kurz\n",
    )
    assert code == 1 and "Passwort: Das Passwort ist zu kurz" in err
    code, _, err = run(
        capsys, monkeypatch, "db", "staff", "add", staff.name("z"), "--role", "Lesen", *where
    )
    assert code == 1 and "--password-stdin" in err  # no terminal to ask on


def test_every_staff_service_refuses_sqlite_in_german(db: Database) -> None:
    from engagement_desk.services.staff import admin
    from engagement_desk.services.staff.access import session_access

    calls = (
        lambda: admin.add_staff(db, "anna.meier", "Anna", "Büro", PASSWORD),
        lambda: admin.list_staff(db),
        lambda: admin.disable_staff(db, "anna.meier"),
        lambda: admin.change_role(db, "anna.meier", "Lesen"),
        lambda: admin.set_password(db, "anna.meier", PASSWORD),
    )
    for call in calls:
        with pytest.raises(admin.StaffOnlyOnServerError) as caught:
            call()
        assert str(caught.value) == admin.ONLY_ON_SERVER
    assert admin.display_names(db) == {}
    single = session_access(db)
    assert (single.role, single.server) == (None, "")  # the single PC may do everything

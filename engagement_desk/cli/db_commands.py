"""``engagement-desk db upgrade|check|staff`` (and backup|backups|restore, see backup_commands)."""

from __future__ import annotations

import argparse
import getpass
import sys

from engagement_desk import migrator
from engagement_desk.cli import backup_commands
from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors
from engagement_desk.services.wording import count_phrase


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    db_parser = subparsers.add_parser("db", help="Datenbank einrichten und prüfen")
    db_sub = db_parser.add_subparsers(dest="db_command", metavar="AKTION", required=True)

    upgrade = db_sub.add_parser(
        "upgrade", help="Schema anlegen oder aktualisieren (vorher Sicherungskopie)"
    )
    add_db_option(upgrade)
    upgrade.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    upgrade.set_defaults(handler=run_upgrade)

    check = db_sub.add_parser("check", help="Integrität prüfen und Schema-Version zeigen")
    add_db_option(check)
    check.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    check.set_defaults(handler=run_check)

    backup_commands.register(db_sub, add_db_option)
    register_staff(db_sub, add_db_option)


def run_upgrade(args: argparse.Namespace) -> int:
    from engagement_desk.services.opening import Purpose, upgrade_schema

    with (
        open_database(args.db, upgrade=False, purpose=Purpose.CREATE) as db,
        translated_errors(),
    ):
        # As on a first start after an update: an older SQLite file is backed up, verified.
        done = upgrade_schema(db)
    result = done.migration
    messages = {
        "created": f"Datenbank angelegt, Schema-Version {result.to_revision}.",
        "upgraded": f"Schema von {result.from_revision} auf {result.to_revision} aktualisiert.",
        "current": f"Schema ist aktuell (Version {result.to_revision}).",
    }
    text = messages[result.action]
    if done.verified_backup:
        text += f"\nGeprüfte Datensicherung: {done.verified_backup}"
    if result.backup_path:
        text += f"\nSicherungskopie: {result.backup_path}"
    emit(
        args,
        {
            "action": result.action,
            "from_revision": result.from_revision,
            "to_revision": result.to_revision,
            "backup": str(result.backup_path) if result.backup_path else None,
            "verified_backup": str(done.verified_backup) if done.verified_backup else None,
        },
        text,
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    from engagement_desk.services.opening import Purpose

    # CHECK: read-only, changes nothing; damage and a newer version are reported, not refused
    with open_database(args.db, purpose=Purpose.CHECK) as db, translated_errors():
        report = migrator.check(db)
        where = db.display_name
    emit(
        args,
        {
            "ok": report.ok,
            "database": where,
            "revision": report.revision,
            "head_revision": report.head_revision,
            "problems": list(report.problems),
        },
        "\n".join(
            [f"Datenbank: {where}", f"Schema-Version: {report.revision or '–'}"]
            + ([f"Problem: {p}" for p in report.problems] or ["Integrität: in Ordnung"])
        ),
    )
    if report.damaged and db.sqlite_path is not None:
        from engagement_desk.services.opening import damaged_message

        raise CommandError(
            f"Prüfung fehlgeschlagen: {len(report.problems)} Fehler, zuerst: "
            f"{report.problems[0]}. {damaged_message(db.sqlite_path, db.url)}"
        )
    if not report.ok:
        raise CommandError(f"Prüfung fehlgeschlagen: {report.problems[0]}")
    return 0


def register_staff(db_sub: argparse._SubParsersAction, add_db_option) -> None:
    staff = db_sub.add_parser(
        "staff", help="Mitarbeitende und ihre Anmeldungen (nur PostgreSQL, nur Leitung)"
    )
    staff_sub = staff.add_subparsers(dest="staff_command", metavar="AKTION", required=True)
    roles = "Leitung, Büro, Fahrdienst oder Lesen"

    add = staff_sub.add_parser("add", help="Anmeldung anlegen")
    add_db_option(add)
    add.add_argument("name", metavar="NAME", help="Anmeldename, z. B. anna.meier")
    add.add_argument("--role", required=True, help=roles)
    add.add_argument("--full-name", default="", help="Vor- und Nachname für das Protokoll")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="Passwort aus der ersten Zeile der Standardeingabe lesen (sonst zweimal fragen)",
    )
    add.set_defaults(handler=run_staff_add)

    listing = staff_sub.add_parser("list", help="Anmeldungen auflisten")
    add_db_option(listing)
    listing.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    listing.set_defaults(handler=run_staff_list)

    disable = staff_sub.add_parser("disable", help="Anmeldung deaktivieren (beendet Sitzungen)")
    add_db_option(disable)
    disable.add_argument("name", metavar="NAME")
    disable.set_defaults(handler=run_staff_disable)

    password = staff_sub.add_parser("password", help="Neues Passwort für eine Anmeldung setzen")
    add_db_option(password)
    password.add_argument("name", metavar="NAME")
    password.add_argument(
        "--password-stdin",
        action="store_true",
        help="Passwort aus der ersten Zeile der Standardeingabe lesen (sonst zweimal fragen)",
    )
    password.set_defaults(handler=run_staff_password)

    role = staff_sub.add_parser("role", help="Rolle einer Anmeldung ändern")
    add_db_option(role)
    role.add_argument("name", metavar="NAME")
    role.add_argument("--role", required=True, help=roles)
    role.set_defaults(handler=run_staff_role)


def _read_password(from_stdin: bool) -> str:
    """From stdin's first line, or asked twice without echo; never from the command line."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise CommandError(
            "Kein Terminal für die Passwortabfrage; das Passwort mit --password-stdin "
            "über die Standardeingabe übergeben."
        )
    first = getpass.getpass("Passwort: ")
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise CommandError("Die beiden Passwörter stimmen nicht überein; nichts angelegt.")
    return first


def run_staff_add(args: argparse.Namespace) -> int:
    from engagement_desk.services.staff.admin import add_staff, check_login, parse_role

    with translated_errors():
        login = check_login(args.name)
        role = parse_role(args.role)
    password = _read_password(args.password_stdin)
    with open_database(args.db) as db, translated_errors():
        record = add_staff(db, login, args.full_name, role, password)
    print(f"Anmeldung „{record.login}“ angelegt, Rolle {record.role_label}.")
    return 0


def run_staff_list(args: argparse.Namespace) -> int:
    from engagement_desk.services.staff.admin import list_staff

    with open_database(args.db) as db, translated_errors():
        records = list_staff(db)
    lines = [
        f"{r.login:<24} {r.role_label:<11} {'aktiv' if r.active else 'deaktiviert':<12} "
        f"{r.full_name}"
        for r in records
    ]
    emit(
        args,
        [
            {
                "login": r.login,
                "full_name": r.full_name,
                "role": r.role.value,
                "active": r.active,
                "created_at": r.created_at.isoformat(),
                "created_by": r.created_by,
            }
            for r in records
        ],
        "\n".join(lines) if lines else "Keine Mitarbeitenden angelegt.",
    )
    return 0


def run_staff_disable(args: argparse.Namespace) -> int:
    from engagement_desk.services.staff.admin import disable_staff

    with open_database(args.db) as db, translated_errors():
        ended = disable_staff(db, args.name)
    open_sessions = count_phrase(ended, "offene Sitzung", "offene Sitzungen")
    sessions = f" {open_sessions} beendet." if ended else ""
    print(f"Anmeldung „{args.name.strip()}“ deaktiviert.{sessions}")
    return 0


def run_staff_role(args: argparse.Namespace) -> int:
    from engagement_desk.services.staff.admin import change_role

    with open_database(args.db) as db, translated_errors():
        record = change_role(db, args.name, args.role)
    print(f"Anmeldung „{record.login}“ hat jetzt die Rolle {record.role_label}.")
    return 0


def run_staff_password(args: argparse.Namespace) -> int:
    from engagement_desk.services.staff.admin import set_password

    secret = _read_password(args.password_stdin)
    with open_database(args.db) as db, translated_errors():
        set_password(db, args.name, secret)
    print(f"Neues Passwort für „{args.name.strip()}“ gesetzt.")
    return 0

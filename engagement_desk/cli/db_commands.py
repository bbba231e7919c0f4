"""``engagement-desk db upgrade|check`` (and backup|backups|restore, see backup_commands)."""

from __future__ import annotations

import argparse

from engagement_desk import migrator
from engagement_desk.cli import backup_commands
from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors


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


def run_upgrade(args: argparse.Namespace) -> int:
    from engagement_desk.services.opening import Purpose

    with (
        open_database(args.db, upgrade=False, purpose=Purpose.CREATE) as db,
        translated_errors(),
    ):
        result = migrator.upgrade(db)
    messages = {
        "created": f"Datenbank angelegt, Schema-Version {result.to_revision}.",
        "upgraded": f"Schema von {result.from_revision} auf {result.to_revision} aktualisiert.",
        "current": f"Schema ist aktuell (Version {result.to_revision}).",
    }
    text = messages[result.action]
    if result.backup_path:
        text += f"\nSicherungskopie: {result.backup_path}"
    emit(
        args,
        {
            "action": result.action,
            "from_revision": result.from_revision,
            "to_revision": result.to_revision,
            "backup": str(result.backup_path) if result.backup_path else None,
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

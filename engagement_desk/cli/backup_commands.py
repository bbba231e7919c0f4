"""``engagement-desk db backup|backups|restore``: verified backups from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors


def register(db_sub: argparse._SubParsersAction, add_db_option) -> None:
    backup = db_sub.add_parser(
        "backup", help="Sicherung anlegen und prüfen (SQLite: Kopie, PostgreSQL: Schnappschuss)"
    )
    add_db_option(backup)
    backup.add_argument("--out", type=Path, help="Datei der Sicherung (sonst der Sicherungsordner)")
    backup.add_argument("--folder", type=Path, help="Sicherungsordner (sonst der eingestellte)")
    backup.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    backup.set_defaults(handler=run_backup)

    backups = db_sub.add_parser("backups", help="Geprüfte Sicherungen auflisten, neueste zuerst")
    add_db_option(backups)
    backups.add_argument("--folder", type=Path, help="Sicherungsordner (sonst der eingestellte)")
    backups.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    backups.set_defaults(handler=run_list)

    restore = db_sub.add_parser(
        "restore", help="Sicherung zurückspielen (die jetzige Datenbank wird vorher kopiert)"
    )
    add_db_option(restore)
    restore.add_argument("file", type=Path, metavar="DATEI", help="die Sicherung")
    restore.add_argument("--yes", action="store_true", help="ohne Rückfrage wiederherstellen")
    restore.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    restore.set_defaults(handler=run_restore)


def _described(info: Any) -> dict[str, Any]:
    return {
        "file": str(info.path),
        "created_at": info.created_at.isoformat(),
        "kind": info.kind,
        "revision": info.revision,
        "size": info.size,
        "counts": info.counts,
    }


def _counts_text(counts: dict[str, int]) -> str:
    return (
        f"{counts.get('people', 0)} Personen, {counts.get('hours', 0)} Einsätze, "
        f"{counts.get('rides', 0)} Fahrten"
    )


def run_backup(args: argparse.Namespace) -> int:
    from engagement_desk.services.backup import create_backup

    with open_database(args.db, upgrade=False) as db, translated_errors():
        info = create_backup(db, args.folder, out=args.out)
    emit(
        args,
        _described(info),
        f"Sicherung geprüft und gespeichert: {info.path}\n{_counts_text(info.counts)}",
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from engagement_desk.db import resolve_url
    from engagement_desk.services.backup import backup_folder, list_backups, source_name

    folder = args.folder or backup_folder()
    with translated_errors():
        source = source_name(resolve_url(args.db))
        backups = list_backups(folder, source)
    lines = [f"Sicherungsordner: {folder}"]
    lines += [
        f"{info.created_at:%d.%m.%Y %H:%M}  {info.size / 1_048_576:6.1f} MB  "
        f"{_counts_text(info.counts)}  {info.path.name}"
        for info in backups
    ] or ["Noch keine Sicherung."]
    emit(
        args, {"folder": str(folder), "backups": [_described(i) for i in backups]}, "\n".join(lines)
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from engagement_desk.services.backup import inspect_backup, restore_backup

    with translated_errors():
        info = inspect_backup(args.file)
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(
                "Wiederherstellen ersetzt alle Daten der Datenbank; mit --yes bestätigen."
            )
        answer = input(
            f"Sicherung vom {info.created_at:%d.%m.%Y %H:%M} ({_counts_text(info.counts)}) "
            "zurückspielen? Alle jetzigen Daten werden ersetzt. [j/N] "
        )
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            raise CommandError("Abgebrochen; es wurde nichts geändert.")
    from engagement_desk.services.opening import Purpose

    # RESTORE: a damaged file may be replaced too (it is copied aside first)
    with open_database(args.db, purpose=Purpose.RESTORE) as db, translated_errors():
        result = restore_backup(db, args.file)
    text = f"Wiederhergestellt: {info.path.name} ({_counts_text(info.counts)})."
    if result.safety_copy:
        text += f"\nDie bisherige Datenbank liegt als Kopie in {result.safety_copy}"
    if result.upgraded_from:
        text += f"\nSchema von {result.upgraded_from} auf den aktuellen Stand gebracht."
    emit(
        args,
        {
            "restored": _described(result.restored),
            "safety_copy": str(result.safety_copy) if result.safety_copy else None,
            "upgraded_from": result.upgraded_from,
        },
        text,
    )
    return 0

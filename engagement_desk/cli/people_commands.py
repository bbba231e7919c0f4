"""``engagement-desk people import|export``: the office's Excel and CSV lists of people."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors

if TYPE_CHECKING:
    from engagement_desk.models.enums import PersonStatus, Role
    from engagement_desk.services.people.importing import ImportReport


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    people = subparsers.add_parser(
        "people", help="Personen aus Excel/CSV importieren oder als Liste exportieren"
    )
    people_sub = people.add_subparsers(dest="people_command", metavar="AKTION", required=True)

    import_ = people_sub.add_parser(
        "import",
        help="Personen aus einer Excel- oder CSV-Datei importieren (bei einem Fehler nichts)",
        description="Liest .xlsx oder CSV (; oder , getrennt, UTF-8 oder Windows-1252) und "
        "erkennt deutsche Spaltenüberschriften. Enthält eine Zeile einen Fehler, wird nichts "
        "importiert; wahrscheinliche Doppelungen werden gemeldet und nicht importiert.",
    )
    import_.add_argument("file", type=Path, metavar="DATEI", help=".xlsx, .csv oder .txt")
    add_db_option(import_)
    import_.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts speichern")
    import_.add_argument(
        "--map",
        action="append",
        type=_column_choice,
        default=[],
        metavar="SPALTE=FELD",
        help="Spalte einem Feld zuordnen, z. B. --map 'Familie=Nachname'; "
        "'Spalte=' überspringt die Spalte (mehrfach möglich)",
    )
    import_.add_argument(
        "--accept-duplicate",
        action="append",
        type=int,
        default=[],
        metavar="ZEILE",
        help="diese Zeile trotz Doppelungsverdacht importieren (mehrfach möglich)",
    )
    import_.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    import_.set_defaults(handler=run_import)

    export = people_sub.add_parser(
        "export", help="Personenliste als Excel (.xlsx) oder CSV (.csv) speichern"
    )
    export.add_argument(
        "file", type=Path, metavar="DATEI", help=".xlsx (Excel) oder .csv (mit ; getrennt)"
    )
    add_db_option(export)
    export.add_argument(
        "--role", type=_role, metavar="ROLLE", help="nur diese Rolle, z. B. 'Fahrer/in'"
    )
    export.add_argument(
        "--status", type=_status, metavar="STATUS", help="nur aktiv, inaktiv oder archiviert"
    )
    export.add_argument("--search", default="", metavar="TEXT", help="Suchtext wie in der Liste")
    export.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    export.set_defaults(handler=run_export)


def _column_choice(text: str) -> tuple[str, str | None]:
    header, sign, field = text.partition("=")
    if not sign or not header.strip():
        raise argparse.ArgumentTypeError(f"erwartet SPALTE=FELD, nicht {text!r}")
    return header.strip(), field.strip() or None


def _role(text: str) -> Role:
    from engagement_desk.services.people.importing.columns import ROLE_LABELS, recognise_role

    role = recognise_role(text)
    if role is None:
        raise argparse.ArgumentTypeError(
            f"unbekannte Rolle {text!r} (möglich: {', '.join(ROLE_LABELS.values())})"
        )
    return role


def _status(text: str) -> PersonStatus:
    from engagement_desk.services.people.importing.columns import STATUS_LABELS, recognise_status

    status = recognise_status(text)
    if status is None:
        raise argparse.ArgumentTypeError(
            f"unbekannter Status {text!r} (möglich: {', '.join(STATUS_LABELS.values())})"
        )
    return status


def run_import(args: argparse.Namespace) -> int:
    from engagement_desk.services.people.importing import import_people

    with open_database(args.db) as db, translated_errors():
        report = import_people(
            db,
            args.file,
            mapping=dict(args.map) or None,
            dry_run=args.dry_run,
            accept_duplicates=set(args.accept_duplicate),
        )
    emit(args, report.to_dict(), _summary(report))
    if report.missing_columns:
        names = ", ".join(f"„{name}“" for name in report.missing_columns)
        raise CommandError(f"Import abgebrochen: Spalte {names} fehlt, nichts importiert.")
    if report.errors:
        rows = _lines(len(report.bad_lines), "fehlerhafte ")
        if report.dry_run:
            raise CommandError(f"Probelauf: {rows}; der Import würde abgebrochen.")
        raise CommandError(f"Import abgebrochen: {rows}, nichts importiert.")
    return 0


def _summary(report: ImportReport) -> str:
    lines = [f"Datei: {report.file} ({report.source})", f"Zeilen gelesen: {report.rows_read}"]
    if report.errors:
        lines.append("Importiert: 0 (wegen Fehlern wurde nichts gespeichert)")
    elif report.dry_run:
        lines.append(f"Probelauf: {report.would_import} würden importiert, nichts gespeichert")
    else:
        lines.append(f"Importiert: {len(report.imported)}")
    if report.unknown_columns:
        names = ", ".join(f"„{name}“" for name in report.unknown_columns)
        lines.append(f"Nicht zugeordnete Spalten (ignoriert): {names}")
    if report.duplicates:
        lines.append(f"Wahrscheinlich doppelt, nicht importiert ({len(report.duplicates)}):")
        lines += [f"  {duplicate}" for duplicate in report.duplicates]
        lines.append("  (mit --accept-duplicate ZEILE trotzdem importieren)")
    if report.errors:
        lines.append(f"Fehler ({len(report.errors)} in {_lines(len(report.bad_lines))}):")
        lines += [f"  {error}" for error in report.errors]
    return "\n".join(lines)


def _lines(count: int, adjective: str = "") -> str:
    return f"{count} {adjective}{'Zeile' if count == 1 else 'Zeilen'}"


def run_export(args: argparse.Namespace) -> int:
    from engagement_desk.services.listing import ListQuery
    from engagement_desk.services.people.export import export_people

    filters = {key: value for key, value in (("role", args.role), ("status", args.status)) if value}
    from engagement_desk.services.opening import Purpose

    query = ListQuery(text=args.search, filters=filters)
    # EXPORT: also out of a damaged file, which is then only read
    with open_database(args.db, purpose=Purpose.EXPORT) as db, translated_errors():
        count = export_people(db, query, args.file)
    emit(
        args,
        {"file": str(args.file), "count": count},
        f"{count} {'Person' if count == 1 else 'Personen'} nach {args.file} exportiert.",
    )
    return 0

"""``engagement-desk privacy report``: the DSGVO access report (Art. 15/20) for one person."""

from __future__ import annotations

import argparse
from pathlib import Path

from engagement_desk.cli.common import emit, open_database, translated_errors


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    privacy = subparsers.add_parser("privacy", help="Datenschutz (DSGVO): Auskunft für eine Person")
    commands = privacy.add_subparsers(dest="privacy_command", metavar="BEFEHL", title="Befehle")
    commands.required = True
    report = commands.add_parser(
        "report",
        help="Auskunft nach Art. 15 DSGVO als Brief (PDF) und Datei (JSON, Art. 20) schreiben",
    )
    add_db_option(report)
    report.add_argument("--person", type=int, required=True, metavar="NR", help="Nummer der Person")
    report.add_argument(
        "--out", type=Path, required=True, metavar="ORDNER", help="Ordner für PDF und JSON"
    )
    report.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from engagement_desk.services.privacy.access import write_report_files

    with open_database(args.db) as db, translated_errors():
        written = write_report_files(db, args.person, args.out)
    emit(
        args,
        {
            "person_id": args.person,
            "pdf": str(written.pdf_path),
            "json": str(written.json_path),
            "rows": written.rows,
        },
        f"Auskunft geschrieben: {written.pdf_path}\nDaten (JSON): {written.json_path}",
    )
    return 0

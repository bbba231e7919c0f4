"""``engagement-desk privacy report|anonymize|review``: DSGVO access, erasure, retention review.

``report`` writes the access report (Art. 15/20) for one person; ``anonymize``
erases a person by anonymisation (Art. 17), ``--dry-run`` only shows what
would happen; ``review`` lists who is due for erasure after the retention period.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engagement_desk.cli.common import emit, open_database, translated_errors
from engagement_desk.services.wording import count_phrase


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    privacy = subparsers.add_parser(
        "privacy", help="Datenschutz (DSGVO): Auskunft, Anonymisierung, Überprüfung"
    )
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

    anonymize = commands.add_parser(
        "anonymize",
        help="Person anonymisieren (Art. 17 DSGVO): Angaben löschen, Statistik behalten",
    )
    add_db_option(anonymize)
    anonymize.add_argument(
        "--person", type=int, required=True, metavar="NR", help="Nummer der Person"
    )
    anonymize.add_argument(
        "--dry-run", action="store_true", help="nur zeigen, was gelöscht und behalten würde"
    )
    anonymize.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    anonymize.set_defaults(handler=run_anonymize)

    review = commands.add_parser(
        "review", help="Personen auflisten, deren Daten nach der Aufbewahrungsfrist zu prüfen sind"
    )
    add_db_option(review)
    review.add_argument(
        "--years",
        type=int,
        default=3,
        metavar="N",
        help="Aufbewahrungsfrist in Jahren (Standard: 3)",
    )
    review.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    review.set_defaults(handler=run_review)


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


def _preview_text(preview: Any) -> str:
    lines = [f"Person Nr. {preview.person_id}: {preview.name}"]
    lines += ["Wird gelöscht:", *(f"  - {item}" for item in preview.removed)]
    lines += ["Bleibt erhalten:", *(f"  - {item}" for item in preview.kept)]
    if preview.blockers:
        lines += ["Nicht möglich:", *(f"  - {reason}" for reason in preview.blockers)]
    else:
        lines.append(f"Danach heißt die Person „{preview.new_name}“. (Probelauf, nichts geändert.)")
    return "\n".join(lines)


def run_anonymize(args: argparse.Namespace) -> int:
    from engagement_desk.cli.common import CommandError
    from engagement_desk.services.privacy.anonymize import (
        anonymize_person,
        preview_anonymization,
        purge_search_index,
    )

    if args.dry_run:
        with open_database(args.db) as db, translated_errors():
            preview = preview_anonymization(db, args.person)
        emit(
            args,
            {
                "person_id": preview.person_id,
                "dry_run": True,
                "possible": preview.possible,
                "removed": list(preview.removed),
                "kept": list(preview.kept),
                "blockers": list(preview.blockers),
                "new_name": preview.new_name,
            },
            _preview_text(preview),
        )
        if not preview.possible:
            raise CommandError(" ".join(preview.blockers))
        return 0
    with open_database(args.db) as db, translated_errors():
        result = anonymize_person(db, args.person)
        purge_search_index(db)
    emit(
        args,
        {
            "person_id": result.person_id,
            "dry_run": False,
            "new_name": result.new_name,
            "anonymized_on": result.anonymized_on.isoformat(),
            "mentions_replaced": result.mentions_replaced,
        },
        f"Person Nr. {result.person_id} ist anonymisiert und heißt jetzt „{result.new_name}“.",
    )
    return 0


def run_review(args: argparse.Namespace) -> int:
    from engagement_desk.services.privacy.review import retention_review

    with open_database(args.db) as db, translated_errors():
        entries = retention_review(db, args.years)
    lines = [f"{e.person_id:>7}  {e.name}: {e.reason}" for e in entries]
    people = count_phrase(len(entries), "Person", "Personen")
    years = count_phrase(args.years, "Jahr", "Jahre")
    lines.append(f"{people} zu überprüfen (Aufbewahrungsfrist {years}).")
    emit(
        args,
        {
            "years": args.years,
            "people": [
                {
                    "person_id": e.person_id,
                    "name": e.name,
                    "status": e.status.value,
                    "reasons": list(e.reasons),
                }
                for e in entries
            ],
        },
        "\n".join(lines),
    )
    return 0

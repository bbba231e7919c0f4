"""``engagement-desk letters``: Serienbriefe, address labels and the e-mail list.

The recipients come from ``--people``: a saved filter of the people list by its name,
``event:NR`` (an event's invitees and registrations) or ``batch:NUMMER`` (the
recipients of the certificate batch holding that certificate). People without consent
to be contacted or without an address are left out and counted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors

PEOPLE_HELP = (
    "Empfänger: Name eines gespeicherten Filters der Personenliste, event:NR (Eingeladene "
    "und Angemeldete einer Veranstaltung, ohne Absagen) oder batch:NUMMER (Empfänger der "
    "Urkunden, die mit dieser Urkunde zusammen ausgestellt wurden)"
)


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    from engagement_desk.services.letters.label_formats import DEFAULT_FORMAT, LABEL_FORMATS

    letters = subparsers.add_parser(
        "letters",
        help="Serienbriefe (PDF nach DIN 5008), Adressetiketten und E-Mail-Liste schreiben",
        description="Schreibt Serienbriefe, Adressetiketten und eine E-Mail-Liste in einen "
        "Ordner. Personen ohne Einwilligung zur Kontaktaufnahme, ohne Anschrift (Briefe, "
        "Etiketten) oder ohne E-Mail-Adresse (Liste) sowie anonymisierte und archivierte "
        "Personen bekommen nichts und werden gezählt.",
    )
    add_db_option(letters)
    letters.add_argument(
        "--template", metavar="NAME", help="Briefvorlage (Name); ohne sie keine Briefe"
    )
    letters.add_argument("--people", required=True, metavar="FILTER", help=PEOPLE_HELP)
    letters.add_argument(
        "--out", type=Path, required=True, metavar="ORDNER", help="Ordner für die Dateien"
    )
    letters.add_argument("--labels", action="store_true", help="auch Adressetiketten (PDF)")
    letters.add_argument(
        "--label-format",
        choices=sorted(LABEL_FORMATS),
        default=DEFAULT_FORMAT,
        help="Etikettenbogen: "
        + "; ".join(f"{key} = {sheet.name}" for key, sheet in LABEL_FORMATS.items())
        + f" (Standard: {DEFAULT_FORMAT})",
    )
    letters.add_argument(
        "--emails", action="store_true", help="auch eine E-Mail-Liste (CSV, Semikolon)"
    )
    letters.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    letters.set_defaults(handler=run_letters)


def people_source(text: str):  # type: ignore[no-untyped-def]
    """The recipients a ``--people`` value names."""
    from engagement_desk.services.letters.recipients import (
        BatchSource,
        EventSource,
        SavedFilterSource,
    )

    kind, _, rest = text.partition(":")
    if kind == "event":
        if not rest.strip().isdigit():
            raise CommandError(
                f"--people {text}: nach „event:“ gehört die Nummer der Veranstaltung."
            )
        return EventSource(int(rest))
    if kind == "batch":
        if not rest.strip():
            raise CommandError(f"--people {text}: nach „batch:“ gehört eine Urkundennummer.")
        return BatchSource(rest.strip())
    return SavedFilterSource(text)


def run_letters(args: argparse.Namespace) -> int:
    from engagement_desk.models.enums import LetterOutput
    from engagement_desk.models.vocabulary import german
    from engagement_desk.services.letters.output import LetterRequest, write_letters

    outputs = {LetterOutput.LETTERS} if args.template else set()
    if args.labels:
        outputs.add(LetterOutput.LABELS)
    if args.emails:
        outputs.add(LetterOutput.EMAILS)
    if not outputs:
        raise CommandError("Nichts zu tun: --template NAME, --labels oder --emails angeben.")
    if args.out.exists() and not args.out.is_dir():
        raise CommandError(f"„{args.out}“ ist eine Datei, kein Ordner.")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(
            f"Den Ordner „{args.out}“ lässt sich nicht anlegen: {error.strerror}."
        ) from None
    request = LetterRequest(
        people_source(args.people),
        frozenset(outputs),
        template_name=args.template,
        label_format=args.label_format,
    )
    with open_database(args.db) as db, translated_errors():
        run = write_letters(db, request, args.out)
    lines = [f"{german(w.output)}: {w.count} → {w.path}" for w in run.files]
    for output, recipients in run.recipients.items():
        if not recipients.people:
            lines.append(f"{german(output)}: niemand, nichts geschrieben")
        if recipients.left_out_total:
            lines.append(f"{german(output)}: nicht bedacht: {recipients.left_out_text()}")
    emit(
        args,
        {
            "files": [
                {"output": w.output.value, "path": str(w.path), "count": w.count} for w in run.files
            ],
            "left_out": {
                output.value: {reason.value: count for reason, count in r.left_out.items()}
                for output, r in run.recipients.items()
            },
        },
        "\n".join(lines),
    )
    return 0

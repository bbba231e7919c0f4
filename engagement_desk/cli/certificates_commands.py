"""``engagement-desk certificates …``: issue, check and manage certificates and templates."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.files import write_file
from engagement_desk.services.wording import agreeing, count_phrase

if TYPE_CHECKING:
    from engagement_desk.services.certificates import (
        EligibilityReport,
        IssuedCertificate,
        Selection,
        Verification,
    )

KINDS = [kind.value for kind in CertificateKind]
RULES_HELP = "ehrenamtskarte-rp, jubilaeum-rp, nrw, by, he"
VERIFY_EXIT_CODES = {
    "unknown": 3,
    "revoked": 4,
    "replaced": 5,
    "code_mismatch": 6,
    "damaged": 7,
}


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    parser = subparsers.add_parser(
        "certificates", help="Urkunden, Engagementnachweise und Teilnahmebescheinigungen"
    )
    sub = parser.add_subparsers(dest="certificates_command", metavar="AKTION", required=True)

    issue = sub.add_parser(
        "issue",
        help="Urkunden für eine Auswahl ausstellen, nummerieren und ins Register eintragen",
        description="Alle Bedingungen müssen zutreffen. Ohne --year gilt das laufende Jahr "
        "(bei Teilnahmebescheinigungen der Tag der Veranstaltung). Bei einem Fehler oder "
        "Abbruch wird nichts eingetragen und keine Datei hinterlassen.",
    )
    _kind_option(issue)
    _selection_options(issue)
    issue.add_argument("--template", type=int, metavar="ID", help="Vorlage (Standard: Vorgabe)")
    issue.add_argument("--date", type=_date, metavar="TT.MM.JJJJ", help="Ausstellungsdatum")
    issue.add_argument(
        "--competences", default="", metavar="TEXT", help="Kompetenzen (Engagementnachweis)"
    )
    issue.add_argument("--out", type=Path, required=True, metavar="ORDNER", help="Zielordner")
    issue.add_argument(
        "--single-file",
        action="store_true",
        help="alle Urkunden in eine PDF-Datei (--out darf dann auch auf .pdf enden)",
    )
    _finish(issue, add_db_option, run_issue)

    candidates = sub.add_parser(
        "candidates",
        help="Wer mit dieser Auswahl eine Urkunde bekäme (nichts wird eingetragen)",
        description="Dieselbe Auswahl wie bei „issue“; mit --rule nur, wer die Voraussetzungen "
        "einer Ehrenamtskarte erfüllt.",
    )
    _kind_option(candidates)
    _selection_options(candidates)
    _finish(candidates, add_db_option, run_candidates)

    preview = sub.add_parser("preview", help="Vorschau für eine Person, ohne Eintrag ins Register")
    _kind_option(preview)
    preview.add_argument("--person", type=int, required=True, metavar="ID", help="Person")
    preview.add_argument("--year", type=int, metavar="JAHR", help="Jahr des Zeitraums")
    preview.add_argument("--event", type=int, metavar="ID", help="Veranstaltung")
    preview.add_argument("--template", type=int, metavar="ID", help="Vorlage")
    preview.add_argument("--out", type=Path, required=True, metavar="DATEI.pdf", help="Zieldatei")
    _finish(preview, add_db_option, run_preview)

    eligible = sub.add_parser(
        "eligible",
        help="Wer die Voraussetzungen einer Ehrenamtskarte erfüllt",
        description="Stunden zählen über alle Organisationen in den zwölf Monaten vor dem "
        "Stichtag; Ø pro Woche = Stunden × 7 / Tage des Zeitraums.",
    )
    eligible.add_argument("--rule", required=True, metavar="REGEL", help=RULES_HELP)
    eligible.add_argument("--on", type=_date, metavar="TT.MM.JJJJ", help="Stichtag (heute)")
    eligible.add_argument(
        "--all", action="store_true", help="auch wer sie nicht erfüllt, mit Grund"
    )
    _finish(eligible, add_db_option, run_eligible)

    verify = sub.add_parser(
        "verify",
        help="Nummer (und Prüfcode) gegen das Register prüfen",
        description="Exit-Code 0: gültig; 3 unbekannt, 4 widerrufen, 5 ersetzt, "
        "6 Prüfcode falsch, 7 Registereintrag beschädigt.",
    )
    verify.add_argument("number", metavar="NUMMER", help="z. B. U-2026-00042 oder QR-Text")
    verify.add_argument("--code", metavar="PRÜFCODE", help="Prüfcode vom Dokument")
    _finish(verify, add_db_option, run_verify)

    revoke = sub.add_parser("revoke", help="Urkunde widerrufen")
    revoke.add_argument("number", metavar="NUMMER")
    revoke.add_argument("--reason", required=True, metavar="TEXT", help="Grund des Widerrufs")
    revoke.add_argument("--date", type=_date, metavar="TT.MM.JJJJ", help="Tag (heute)")
    _finish(revoke, add_db_option, run_revoke)

    reissue = sub.add_parser("reissue", help="Neu ausstellen (neue Nummer, alte gilt als ersetzt)")
    reissue.add_argument("number", metavar="NUMMER")
    reissue.add_argument("--out", type=Path, metavar="ORDNER|DATEI.pdf", help="Ziel (Ordner: .)")
    reissue.add_argument("--date", type=_date, metavar="TT.MM.JJJJ", help="Ausstellungsdatum")
    _finish(reissue, add_db_option, run_reissue)

    duplicate = sub.add_parser("duplicate", help="Zweitschrift einer Urkunde aus dem Register")
    duplicate.add_argument("number", metavar="NUMMER")
    duplicate.add_argument("--out", type=Path, required=True, metavar="DATEI.pdf")
    _finish(duplicate, add_db_option, run_duplicate)

    templates = sub.add_parser("templates", help="Vorlagen und Platzhalter zeigen")
    templates.add_argument("--kind", choices=KINDS, help="nur diese Art")
    _finish(templates, add_db_option, run_templates)


def _kind_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        required=True,
        choices=KINDS,
        help="recognition = Anerkennungsurkunde, statement = Engagementnachweis, "
        "attendance = Teilnahmebescheinigung",
    )


def _selection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, metavar="JAHR", help="Zeitraum: dieses Jahr")
    parser.add_argument("--from", dest="period_start", type=_date, metavar="TT.MM.JJJJ")
    parser.add_argument("--to", dest="period_end", type=_date, metavar="TT.MM.JJJJ")
    parser.add_argument(
        "--min-hours", type=_hours, metavar="STUNDEN", help="mindestens so viele Stunden"
    )
    parser.add_argument(
        "--person",
        type=int,
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help="nur diese Personen",
    )
    parser.add_argument("--event", type=int, metavar="ID", help="Teilnahme an Veranstaltung")
    parser.add_argument("--center", type=int, metavar="ID", help="Stunden in diesem Zentrum")
    parser.add_argument("--organization", type=int, metavar="ID", help="Stunden für Organisation")
    parser.add_argument(
        "--anniversary",
        type=int,
        action="extend",
        nargs="+",
        default=[],
        metavar="JAHRE",
        help="Dienstjubiläum, z. B. 5 10 25",
    )
    parser.add_argument(
        "--rule",
        metavar="REGEL",
        help=f"nur wer die Voraussetzungen einer Ehrenamtskarte erfüllt: {RULES_HELP}",
    )
    parser.add_argument(
        "--rule-on",
        type=_date,
        metavar="TT.MM.JJJJ",
        help="Stichtag der Regel (Standard: Ausstellungsdatum bzw. heute)",
    )


def _finish(parser: argparse.ArgumentParser, add_db_option, handler) -> None:
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    parser.set_defaults(handler=handler)


def _date(text: str) -> dt.date:
    from engagement_desk.services.hours.parsing import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _hours(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Stundenzahl") from None


def run_issue(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import IssueOptions, issue_certificates
    from engagement_desk.services.certificates.batch import PLURALS

    kind = CertificateKind(args.kind)
    selection = _selection(args)
    options = IssueOptions(
        template_id=args.template, issued_on=args.date, competences=args.competences
    )
    target: dict[str, Path] = {"out_dir": args.out}
    if args.single_file:
        target = {"single_file": _single_file(args.out, PLURALS[kind], args.date)}
    with open_database(args.db) as db, translated_errors():
        result = issue_certificates(db, kind, selection, options=options, **target)
    certificates = result.certificates
    numbers = f"{certificates[0].number} bis {certificates[-1].number}"
    if len(certificates) == 1:
        numbers = certificates[0].number
    where = result.files[0] if args.single_file else args.out
    summary = (
        f"{len(certificates)} {PLURALS[kind] if len(certificates) > 1 else _singular(kind)} "
        f"ausgestellt ({numbers}) → {where}"
    )
    refused = [f"Nicht ausgestellt: {r.message}" for r in result.refused]
    emit(
        args,
        {
            "kind": kind.value,
            "period": [result.period.start, result.period.end],
            "files": [str(path) for path in result.files],
            "certificates": [_certificate_data(c) for c in certificates],
            "refused": [
                {"person_id": r.person_id, "name": r.name, "characters": r.characters}
                for r in result.refused
            ],
        },
        "\n".join([summary, *refused]),
    )
    return 0


def _selection(args: argparse.Namespace) -> Selection:
    from engagement_desk.services.certificates import Selection

    return Selection(
        year=args.year,
        period_start=args.period_start,
        period_end=args.period_end,
        min_hours=args.min_hours,
        person_ids=tuple(args.person),
        event_id=args.event,
        center_id=args.center,
        organization_id=args.organization,
        anniversaries=tuple(args.anniversary),
        rule_id=args.rule,
        rule_on=args.rule_on,
    )


def run_candidates(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import select_recipients
    from engagement_desk.services.certificates.formatting import format_date, format_hours

    kind = CertificateKind(args.kind)
    with open_database(args.db) as db, translated_errors():
        result = select_recipients(db, kind, _selection(args))
    period = result.period
    lines = [
        f"{_singular(kind)}: {count_phrase(len(result.candidates), 'Person', 'Personen')}, "
        "Zeitraum "
        f"{format_date(period.start)} bis {format_date(period.end)}"
    ]
    lines += [
        f"{c.person_id:>6}  {c.name}  {format_hours(c.hours)} h  – {c.reason}"
        for c in result.candidates
    ]
    emit(
        args,
        {
            "kind": kind.value,
            "period": [period.start, period.end],
            "rule": args.rule,
            "candidates": [
                {
                    "person_id": c.person_id,
                    "name": c.name,
                    "hours": str(c.hours),
                    "engaged_since": c.engaged_since,
                    "years_engaged": c.years_engaged,
                    "reason": c.reason,
                }
                for c in result.candidates
            ],
        },
        "\n".join(lines),
    )
    return 0


def _singular(kind: CertificateKind) -> str:
    from engagement_desk.services.certificates import KIND_NAMES

    return KIND_NAMES[kind]


def _single_file(out: Path, plural: str, day: dt.date | None) -> Path:
    if out.suffix.lower() == ".pdf":
        return out
    stem = f"{plural}_{(day or dt.date.today()).isoformat()}"
    candidate, counter = out / f"{stem}.pdf", 2
    while candidate.exists():
        candidate, counter = out / f"{stem}_{counter}.pdf", counter + 1
    return candidate


def _certificate_data(certificate: IssuedCertificate) -> dict[str, object]:
    return {
        "number": certificate.number,
        "verification_code": certificate.verification_code,
        "kind": certificate.kind.value,
        "person_id": certificate.person_id,
        "person": certificate.person_name,
        "issued_on": certificate.issued_on,
        "status": certificate.status.value,
        "content_hash": certificate.content_hash,
        "file": str(certificate.file) if certificate.file else None,
    }


def run_preview(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import (
        IssueOptions,
        Selection,
        preview_certificate,
    )

    with open_database(args.db) as db, translated_errors():
        pdf = preview_certificate(
            db,
            CertificateKind(args.kind),
            args.person,
            Selection(year=args.year, event_id=args.event),
            options=IssueOptions(template_id=args.template),
        )
        write_file(args.out, pdf)
    emit(args, {"file": str(args.out), "bytes": len(pdf)}, f"Vorschau gespeichert: {args.out}")
    return 0


def run_eligible(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import eligibility

    with open_database(args.db) as db, translated_errors():
        report = eligibility(db, args.rule, args.on, only_eligible=not args.all)
    emit(args, _eligibility_data(report), _eligibility_text(report))
    return 0


def _eligibility_data(report: EligibilityReport) -> dict[str, object]:
    rule = report.rule
    return {
        "rule": rule.id,
        "title": rule.title,
        "on": report.on,
        "windows": [[w.start, w.end] for w in report.windows],
        "people": [
            {
                "person_id": r.person_id,
                "name": r.name,
                "eligible": r.eligible,
                "age": r.evaluation.age,
                "years_engaged": r.evaluation.years,
                "engaged_since": r.engaged_since,
                "hours": [str(h) for h in r.evaluation.hours],
                "hours_per_week": [str(round(h, 2)) for h in r.evaluation.per_week],
                "reasons": list(r.evaluation.reasons),
            }
            for r in report.results
        ],
    }


def _eligibility_text(report: EligibilityReport) -> str:
    from engagement_desk.services.certificates.formatting import (
        format_average,
        format_date,
        format_hours,
    )

    eligible = sum(r.eligible for r in report.results)
    lines = [f"{report.rule.title} – Stichtag {format_date(report.on)}"]
    for window in report.windows:
        lines.append(f"Zeitraum: {format_date(window.start)} bis {format_date(window.end)}")
    lines.append(
        f"{count_phrase(eligible, 'Person', 'Personen')} "
        f"{agreeing(eligible, 'erfüllt', 'erfüllen')} die Voraussetzungen."
    )
    for result in report.results:
        evaluation = result.evaluation
        hours = ", ".join(
            f"{format_hours(h)} h (Ø {format_average(w)} h/Woche)"
            for h, w in zip(evaluation.hours, evaluation.per_week, strict=True)
        )
        age = f"{evaluation.age} J." if evaluation.age is not None else "Alter ?"
        mark = "✓" if result.eligible else "✗"
        line = f"{mark} {result.person_id:>6}  {result.name}  {age}  {hours}".rstrip()
        if not result.eligible:
            line += "  – " + "; ".join(evaluation.reasons)
        lines.append(line)
    return "\n".join(lines)


def run_verify(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import verify_certificate

    with open_database(args.db) as db, translated_errors():
        result = verify_certificate(db, args.number, args.code)
    if args.json:
        emit(args, _verification_data(result), result.message)
    if not result.valid:
        raise CommandError(result.message, VERIFY_EXIT_CODES[result.status.value])
    if not args.json:
        print(result.message)
    return 0


def _verification_data(result: Verification) -> dict[str, object]:
    return {
        "number": result.number,
        "status": result.status.value,
        "valid": result.valid,
        "message": result.message,
        "kind": result.kind.value if result.kind else None,
        "person": result.person_name,
        "issued_on": result.issued_on,
        "revoked_on": result.revoked_on,
        "revoke_reason": result.revoke_reason,
        "replaced_by": result.replaced_by,
    }


def run_revoke(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import revoke_certificate
    from engagement_desk.services.certificates.formatting import format_date

    with open_database(args.db) as db, translated_errors():
        certificate = revoke_certificate(db, args.number, args.reason, revoked_on=args.date)
    emit(
        args,
        _certificate_data(certificate),
        f"{certificate.number} widerrufen am {format_date(certificate.revoked_on)}.",
    )
    return 0


def run_reissue(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import get_certificate, reissue_certificate
    from engagement_desk.services.certificates.output import file_name

    with open_database(args.db) as db, translated_errors():
        old = get_certificate(db, args.number)
        target = args.out or Path.cwd()
        if target.suffix.lower() != ".pdf":
            first, _, last = old.person_name.rpartition(" ")
            target.mkdir(parents=True, exist_ok=True)
            target = target / file_name(f"{old.number}-neu", first, last)
        if target.exists():
            raise CommandError(f"Die Datei {target} gibt es schon; nichts überschrieben.")
        result = reissue_certificate(db, args.number, out_file=target, issued_on=args.date)
    new = result.certificate
    emit(
        args,
        {"certificate": _certificate_data(new), "replaced": _certificate_data(result.replaced)},
        f"{new.number} ersetzt {result.replaced.number} → {target}",
    )
    return 0


def run_duplicate(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import reprint_certificate

    if args.out.exists():
        raise CommandError(f"Die Datei {args.out} gibt es schon; nichts überschrieben.")
    with open_database(args.db) as db, translated_errors():
        write_file(args.out, reprint_certificate(db, args.number))
    emit(args, {"file": str(args.out)}, f"Zweitschrift gespeichert: {args.out}")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    from engagement_desk.services.certificates import KIND_NAMES, PLACEHOLDERS, list_templates

    kind = CertificateKind(args.kind) if args.kind else None
    with open_database(args.db) as db, translated_errors():
        templates = list_templates(db, kind)
    lines = []
    for template in templates:
        mark = " (Vorgabe)" if template.is_default else ""
        lines.append(
            f"{template.id:>4}  {KIND_NAMES[template.kind]}: „{template.name}“{mark}, "
            f"Version {template.template_version} – {template.title}"
        )
    lines.append("Platzhalter: " + ", ".join(f"{{{name}}}" for name in PLACEHOLDERS))
    emit(
        args,
        {
            "templates": [
                {
                    "id": t.id,
                    "kind": t.kind.value,
                    "name": t.name,
                    "template_version": t.template_version,
                    "title": t.title,
                    "body": t.body,
                    "is_default": t.is_default,
                }
                for t in templates
            ],
            "placeholders": PLACEHOLDERS,
        },
        "\n".join(lines),
    )
    return 0

"""``engagement-desk hours …``: the hours ledger from the command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from engagement_desk.cli.common import emit, open_database, translated_errors
from engagement_desk.services.wording import count_phrase

if TYPE_CHECKING:
    from engagement_desk.services.hours import HoursRecord, HoursWarning


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    parser = subparsers.add_parser("hours", help="Stunden (Einsätze) erfassen und auswerten")
    sub = parser.add_subparsers(dest="hours_command", metavar="AKTION", required=True)

    add = sub.add_parser(
        "add", help="Stunden eintragen (Hinweise auf Ungewöhnliches, ohne zu blockieren)"
    )
    add.add_argument("--person", type=int, required=True, metavar="ID")
    add.add_argument("--date", required=True, metavar="TT.MM.JJJJ")
    add.add_argument("--hours", required=True, metavar="STUNDEN", help="z. B. 2,5 oder 2:30")
    add.add_argument("--organization", type=int, metavar="ID")
    add.add_argument(
        "--center", type=int, metavar="ID", help="Zentrum (sonst das der Organisation)"
    )
    add.add_argument("--activity", default="", metavar="TEXT", help="Tätigkeit")
    _finish(add, add_db_option, run_add)

    list_ = sub.add_parser("list", help="Einträge einer Person, neueste zuerst")
    list_.add_argument("--person", type=int, required=True, metavar="ID")
    list_.add_argument("--year", type=int, metavar="JAHR")
    list_.add_argument("--limit", type=int, default=200, metavar="N")
    _finish(list_, add_db_option, run_list)

    delete = sub.add_parser("delete", help="Einen von Hand erfassten Eintrag löschen")
    delete.add_argument("entry", type=int, metavar="EINTRAG")
    delete.add_argument(
        "--reason", required=True, metavar="TEXT", help="Grund (wird mit der Löschung gespeichert)"
    )
    _finish(delete, add_db_option, run_delete)

    totals = sub.add_parser("totals", help="Summen je Jahr, Organisation und Zentrum")
    totals.add_argument("--year", type=int, metavar="JAHR")
    totals.add_argument("--person", type=int, metavar="ID")
    totals.add_argument(
        "--by",
        default="year,organization,center",
        metavar="LISTE",
        help="Gruppierung aus year, person, organization, center (Komma-getrennt)",
    )
    _finish(totals, add_db_option, run_totals)

    check = sub.add_parser("check", help="Plausibilität prüfen: lange Tage, Doppelte, Abwesenheit")
    check.add_argument("--person", type=int, metavar="ID")
    check.add_argument("--year", type=int, metavar="JAHR")
    _finish(check, add_db_option, run_check)

    credit = sub.add_parser(
        "credit-event", help="Stunden für alle als anwesend markierten Teilnehmenden eintragen"
    )
    credit.add_argument("event", type=int, metavar="VERANSTALTUNG")
    _finish(credit, add_db_option, run_credit)


def _finish(parser: argparse.ArgumentParser, add_db_option, handler) -> None:
    add_db_option(parser)
    parser.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    parser.set_defaults(handler=handler)


def _record_data(record: HoursRecord) -> dict[str, object]:
    return {
        "id": record.id,
        "person_id": record.person_id,
        "person": record.person_name,
        "on_date": record.on_date,
        "hours": str(record.hours),
        "organization_id": record.organization_id,
        "organization": record.organization,
        "center_id": record.center_id,
        "center": record.center,
        "activity": record.activity,
        "source": record.source.value,
        "version": record.version,
    }


def _warning_data(warning: HoursWarning) -> dict[str, object]:
    return {
        "kind": warning.kind.value,
        "person_id": warning.person_id,
        "on_date": warning.on_date,
        "message": warning.message,
        "entry_ids": list(warning.entry_ids),
    }


def _line(record: HoursRecord) -> str:
    from engagement_desk.models.enums import HoursSource
    from engagement_desk.models.vocabulary import german
    from engagement_desk.services.hours import format_hours

    where = " / ".join(p for p in (record.organization, record.center) if p)
    parts = [f"{record.id:>6}", f"{record.on_date:%d.%m.%Y}", f"{format_hours(record.hours):>6} h"]
    parts += [p for p in (where, record.activity) if p]
    if record.source != HoursSource.MANUAL:
        parts.append(f"[{german(record.source)}]")
    return "  ".join(parts)


def run_add(args: argparse.Namespace) -> int:
    from engagement_desk.services.hours import HoursInput, add_hours

    data = HoursInput(
        args.person, args.date, args.hours, args.organization, args.center, args.activity
    )
    with open_database(args.db) as db, translated_errors():
        result = add_hours(db, data)
    (record,) = result.records
    text = [f"Gespeichert: {_line(record).strip()}"]
    text += [f"Hinweis: {w.message}" for w in result.warnings]
    emit(
        args,
        {"entry": _record_data(record), "warnings": [_warning_data(w) for w in result.warnings]},
        "\n".join(text),
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from engagement_desk.services.hours import format_hours, list_hours_records
    from engagement_desk.services.listing import ListQuery

    filters: dict[str, object] = {"person_id": args.person}
    if args.year is not None:
        filters["year"] = args.year
    with open_database(args.db) as db, translated_errors():
        records = list_hours_records(db, ListQuery(filters=filters, limit=args.limit))
    total = sum((r.hours for r in records), start=0)
    text = [_line(r) for r in records] or ["Keine Einträge."]
    if records:
        entries = count_phrase(len(records), "Eintrag", "Einträgen")
        text.append(f"Summe: {format_hours(total)} Stunden in {entries}")
    emit(args, [_record_data(r) for r in records], "\n".join(text))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from engagement_desk.services.hours import delete_hours_entry, get_hours

    with open_database(args.db) as db, translated_errors():
        record = get_hours(db, args.entry)
        delete_hours_entry(db, args.entry, record.version, args.reason)
    emit(args, {"deleted": args.entry}, f"Eintrag {args.entry} gelöscht.")
    return 0


def run_totals(args: argparse.Namespace) -> int:
    from engagement_desk.services.hours import format_hours, hours_totals

    groups = tuple(part.strip() for part in args.by.split(",") if part.strip())
    with open_database(args.db) as db, translated_errors():
        totals = hours_totals(db, group_by=groups, year=args.year, person_id=args.person)  # type: ignore[arg-type]
    lines = []
    for total in totals:
        labels = [
            str(total.year) if "year" in groups else "",
            total.person if "person" in groups else "",
            (total.organization or "(ohne Organisation)") if "organization" in groups else "",
            (total.center or "(ohne Zentrum)") if "center" in groups else "",
        ]
        label = "  ".join(p for p in labels if p) or "Gesamt"
        entries = count_phrase(total.entries, "Eintrag", "Einträge")
        lines.append(f"{label}: {format_hours(total.hours)} Stunden ({entries})")
    emit(
        args,
        [
            {
                "year": t.year,
                "person_id": t.person_id,
                "person": t.person,
                "organization_id": t.organization_id,
                "organization": t.organization,
                "center_id": t.center_id,
                "center": t.center,
                "hours": str(t.hours),
                "entries": t.entries,
            }
            for t in totals
        ],
        "\n".join(lines) or "Keine Stunden.",
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    import datetime as dt

    from engagement_desk.services.hours import check_hours

    start = dt.date(args.year, 1, 1) if args.year else None
    end = dt.date(args.year, 12, 31) if args.year else None
    with open_database(args.db) as db, translated_errors():
        warnings = check_hours(db, person_id=args.person, start=start, end=end)
    emit(
        args,
        [_warning_data(w) for w in warnings],
        "\n".join(w.message for w in warnings) or "Keine Auffälligkeiten.",
    )
    return 0


def run_credit(args: argparse.Namespace) -> int:
    from engagement_desk.services.hours import credit_event_hours

    with open_database(args.db) as db, translated_errors():
        result = credit_event_hours(db, args.event)
    text = [
        f"{result.created} neu, {result.updated} geändert, {result.removed} entfernt"
        + (f", {result.skipped} ohne Stundenangabe übersprungen" if result.skipped else "")
    ]
    text += [f"Hinweis: {w.message}" for w in result.warnings]
    emit(
        args,
        {
            "created": result.created,
            "updated": result.updated,
            "removed": result.removed,
            "skipped": result.skipped,
            "warnings": [_warning_data(w) for w in result.warnings],
        },
        "\n".join(text),
    )
    return 0

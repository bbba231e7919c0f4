"""``engagement-desk events ical|print`` and ``engagement-desk publish``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors
from engagement_desk.services.files import write_file

PRINT_KINDS = ("signin", "shifts", "badges")


def _date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ungültiges Datum „{text}“ (JJJJ-MM-TT oder TT.MM.JJJJ)")


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    events = subparsers.add_parser("events", help="Veranstaltungen: Kalender und Drucke")
    events_sub = events.add_subparsers(dest="events_command", metavar="AKTION", required=True)

    ical = events_sub.add_parser(
        "ical",
        help="iCalendar-Datei: öffentliche Veranstaltungen, Termine einer Person "
        "oder Fahrten einer Fahrerin/eines Fahrers",
    )
    ical.add_argument("--out", type=Path, required=True, metavar="DATEI.ics")
    who = ical.add_mutually_exclusive_group()
    who.add_argument("--person", type=int, metavar="NR", help="Anmeldungen und Schichten")
    who.add_argument("--driver", type=int, metavar="NR", help="Fahrten als Fahrer/in")
    ical.add_argument("--from", dest="from_date", type=_date, metavar="DATUM")
    ical.add_argument("--to", dest="to_date", type=_date, metavar="DATUM")
    add_db_option(ical)
    ical.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    ical.set_defaults(handler=run_ical)

    print_ = events_sub.add_parser("print", help="Teilnehmerliste, Schichtplan oder Namensschilder")
    print_.add_argument("--event", type=int, required=True, metavar="NR")
    print_.add_argument("--kind", choices=PRINT_KINDS, required=True)
    print_.add_argument("--out", type=Path, required=True, metavar="DATEI.pdf")
    add_db_option(print_)
    print_.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    print_.set_defaults(handler=run_print)

    publish = subparsers.add_parser(
        "publish",
        help="Vereinsverzeichnis und Veranstaltungen als statische Webseite (HTML + JSON)",
    )
    publish.add_argument("--out", type=Path, required=True, metavar="ORDNER")
    add_db_option(publish)
    publish.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    publish.set_defaults(handler=run_publish)


def run_ical(args: argparse.Namespace) -> int:
    from engagement_desk.services.events import ical as event_ical

    if args.from_date and args.to_date and args.to_date < args.from_date:
        raise CommandError("--to liegt vor --from.", exit_code=2)
    with open_database(args.db) as db, translated_errors():
        period = (args.from_date, args.to_date)
        if args.person is not None:
            data = event_ical.person_ical(db, args.person, *period)
        elif args.driver is not None:
            data = event_ical.driver_ical(db, args.driver, *period)
        else:
            data = event_ical.public_events_ical(db, *period)
        event_ical.write_ical(args.out, data)
    count = data.count(b"BEGIN:VEVENT")
    emit(args, {"file": str(args.out), "entries": count}, f"{count} Termine nach {args.out}.")
    return 0


def run_print(args: argparse.Namespace) -> int:
    from engagement_desk.services.events import prints as event_prints

    makers = {
        "signin": event_prints.signin_list_pdf,
        "shifts": event_prints.shift_plan_pdf,
        "badges": event_prints.name_badges_pdf,
    }
    with open_database(args.db) as db, translated_errors():
        data = makers[args.kind](db, args.event)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_file(args.out, data)
    emit(args, {"file": str(args.out), "bytes": len(data)}, f"PDF geschrieben: {args.out}")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from engagement_desk.services.organizations.publishing import publish_site

    with open_database(args.db) as db, translated_errors():
        result = publish_site(db, args.out)
    emit(
        args,
        {
            "directory": str(args.out),
            "files": [str(p) for p in result.files],
            "organizations": result.organizations,
            "opportunities": result.opportunities,
            "events": result.events,
        },
        f"{result.organizations} Organisationen, {result.opportunities} Angebote, "
        f"{result.events} Veranstaltungen nach {args.out} veröffentlicht.",
    )
    return 0

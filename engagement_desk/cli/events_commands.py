"""``engagement-desk events ical|print|register|unregister`` and ``engagement-desk publish``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors
from engagement_desk.services.files import write_file
from engagement_desk.services.wording import count_phrase

if TYPE_CHECKING:
    from engagement_desk.services.events.records import RegisterResult

PRINT_KINDS = ("signin", "shifts", "badges")


def _date(text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ungültiges Datum „{text}“ (JJJJ-MM-TT oder TT.MM.JJJJ)")


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    events = subparsers.add_parser(
        "events", help="Veranstaltungen: Anmeldungen, Kalender und Drucke"
    )
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

    _register_registration_commands(events_sub, add_db_option)

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
        f"{count_phrase(result.organizations, 'Organisation', 'Organisationen')}, "
        f"{count_phrase(result.opportunities, 'Angebot', 'Angebote')}, "
        f"{count_phrase(result.events, 'Veranstaltung', 'Veranstaltungen')} "
        f"nach {args.out} veröffentlicht.",
    )
    return 0


def _register_registration_commands(events_sub, add_db_option) -> None:
    from engagement_desk.cli.registration_roles import ROLE_HELP, parse_role

    register_ = events_sub.add_parser(
        "register",
        help="Personen (oder eine Organisation) anmelden, mit denselben Regeln wie im Fenster",
        description="Meldet an wie das Fenster: über die Kapazität bzw. die Plätze der Schicht "
        "hinaus auf die Warteliste, doppelte Anmeldungen werden abgelehnt, Überschneidungen "
        "als Hinweis genannt. Mehrere --person werden in einem Schritt angemeldet, ganz oder "
        "gar nicht: wird eine Person abgelehnt (unbekannt, bereits angemeldet), wird niemand "
        "angemeldet, und die Meldung nennt jede abgelehnte Person – die Liste (etwa aus "
        "Webformularen) kann dann berichtigt und ohne Doppelte noch einmal eingespielt werden.",
    )
    register_.add_argument("--event", type=int, required=True, metavar="NR")
    register_.add_argument(
        "--person", type=int, action="append", default=[], metavar="NR", help="mehrfach möglich"
    )
    register_.add_argument(
        "--organization",
        type=int,
        metavar="NR",
        help="Organisation (allein: die Organisation selbst, mit --person: für sie)",
    )
    register_.add_argument("--role", type=parse_role, metavar="ROLLE", help=ROLE_HELP)
    register_.add_argument("--shift", type=int, metavar="NR", help="Schicht (nur Helfer/innen)")
    add_db_option(register_)
    register_.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    register_.set_defaults(handler=run_register)

    unregister = events_sub.add_parser(
        "unregister",
        help="Eine Anmeldung stornieren; die erste Person der Warteliste rückt nach",
    )
    unregister.add_argument("--event", type=int, metavar="NR")
    unregister.add_argument("--person", type=int, metavar="NR")
    unregister.add_argument("--registration", type=int, metavar="NR", help="Anmeldung Nr.")
    unregister.add_argument(
        "--role", type=parse_role, metavar="ROLLE", help="bei mehreren Anmeldungen der Person"
    )
    add_db_option(unregister)
    unregister.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    unregister.set_defaults(handler=run_unregister)


def _result_data(result: RegisterResult) -> dict[str, object]:
    record = result.registration
    return {
        "id": record.id,
        "event_id": record.event_id,
        "person_id": record.person_id,
        "organization_id": record.organization_id,
        "name": record.name,
        "role": record.role.value,
        "status": record.status.value,
        "shift_id": record.shift_id,
        "waiting_position": result.waiting_position,
        "warnings": [w.message for w in result.warnings],
    }


def _result_lines(result: RegisterResult) -> list[str]:
    name = result.registration.name
    if result.waiting_position is not None:
        lines = [f"{name} ist angemeldet (Warteliste, Platz {result.waiting_position})."]
    else:
        lines = [f"{name} ist angemeldet."]
    return lines + [f"  Hinweis: {w.message}" for w in result.warnings]


def run_register(args: argparse.Namespace) -> int:
    from engagement_desk.models.enums import RegistrationRole
    from engagement_desk.services.errors import ValidationError
    from engagement_desk.services.events.registrations import register, register_many

    role = args.role or RegistrationRole.PARTICIPANT
    if not args.person and args.organization is None:
        raise CommandError("Bitte --person oder --organization angeben.", exit_code=2)
    with open_database(args.db) as db, translated_errors():
        if args.person:
            try:
                results = register_many(
                    db, args.event, args.person, role, args.shift, args.organization
                )
            except ValidationError as error:
                refusals = " ".join(f"{e.label}: {e.message}" for e in error.errors)
                raise CommandError(f"{refusals} Es wurde niemand angemeldet.") from error
        else:
            results = (register(db, args.event, None, args.organization, role, args.shift),)
    lines = [line for result in results for line in _result_lines(result)]
    emit(args, {"registrations": [_result_data(r) for r in results]}, "\n".join(lines))
    return 0


def run_unregister(args: argparse.Namespace) -> int:
    from engagement_desk.services.events.registrations import (
        cancel_registration,
        get_registration,
        live_registration_of,
    )

    with open_database(args.db) as db, translated_errors():
        if args.registration is not None:
            registration_id = args.registration
            if args.event is not None and get_registration(db, args.registration).event_id != (
                args.event
            ):
                raise CommandError(
                    f"Anmeldung Nr. {args.registration} gehört nicht zu Veranstaltung "
                    f"Nr. {args.event}."
                )
        elif args.event is not None and args.person is not None:
            registration_id = live_registration_of(db, args.event, args.person, args.role)
        else:
            raise CommandError(
                "Bitte --registration oder --event zusammen mit --person angeben.", exit_code=2
            )
        result = cancel_registration(db, registration_id)
    moved = result.moved_up
    emit(
        args,
        {
            "cancelled": registration_id,
            "name": result.cancelled.name,
            "moved_up": None if moved is None else {"id": moved.id, "name": moved.name},
        },
        result.message,
    )
    return 0

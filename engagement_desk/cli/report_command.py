"""``engagement-desk report``: the Auswertung (and the Jahresbericht) from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from engagement_desk.cli.common import open_database, translated_errors

if TYPE_CHECKING:
    from engagement_desk.services.reports.period_report import Figures, Period, PeriodReport


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    parser = subparsers.add_parser(
        "report", help="Auswertung für ein Jahr oder einen Zeitraum (ohne personenbezogene Daten)"
    )
    parser.add_argument("--year", type=int, metavar="JJJJ", help="Berichtsjahr")
    parser.add_argument("--from", dest="date_from", metavar="TT.MM.JJJJ", help="erster Tag")
    parser.add_argument("--to", dest="date_to", metavar="TT.MM.JJJJ", help="letzter Tag")
    parser.add_argument("--center", metavar="NAME", help="nur dieses Engagement-Zentrum")
    parser.add_argument("--ride-service", metavar="NAME", help="nur dieser Fahrdienst")
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DATEI",
        help="Jahresbericht schreiben: DATEI.pdf oder DATEI.xlsx",
    )
    add_db_option(parser)
    parser.add_argument(
        "--json", action="store_true", help="die Zahlen als JSON (dieselben wie Fenster und PDF)"
    )
    parser.set_defaults(handler=run_report)


def _day(text: str, option: str) -> dt.date:
    from engagement_desk.services.errors import ServiceError

    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ServiceError(f"{option}: „{text}“ ist kein Datum (TT.MM.JJJJ).")


def chosen_period(args: argparse.Namespace) -> Period:
    from engagement_desk.services.errors import ServiceError
    from engagement_desk.services.reports.period_report import Period

    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise ServiceError("Zeitraum: bitte --from und --to zusammen angeben.")
        return Period.between(_day(args.date_from, "--from"), _day(args.date_to, "--to"))
    if args.year is None:
        raise ServiceError("Bitte --year JJJJ oder --from/--to angeben.")
    return Period.year(args.year)


def run_report(args: argparse.Namespace) -> int:
    from engagement_desk.services.reports.choices import report_filter_by_names
    from engagement_desk.services.reports.period_report import period_report

    with open_database(args.db) as db, translated_errors():
        period = chosen_period(args)
        report_filter = report_filter_by_names(db, args.center, args.ride_service)
        report = period_report(db, period, report_filter)
        written = None
        if args.out is not None:
            from engagement_desk.services.reports.annual_report import write_annual_report

            written = write_annual_report(db, report, args.out)
    if args.json:
        print(json.dumps(report.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary(report))
    if written is not None:
        # With --json, stdout stays pure JSON.
        print(f"Jahresbericht gespeichert: {written}", file=sys.stderr if args.json else sys.stdout)
    return 0


def _n(value: object) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _dec(value: object) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _lines(figures: Figures) -> list[str]:
    from engagement_desk.models.enums import EventKind, HoursSource, Role
    from engagement_desk.models.vocabulary import german

    people, hours, rides = figures.people, figures.hours, figures.rides.total
    lines = [f"Zeitraum {figures.period.label}"]
    lines += [
        f"  {german(Role(r.role))}: {_n(r.active)} aktiv, {_n(r.new)} neu" for r in people.by_role
    ]
    p = figures.placements
    lines.append(
        f"  Vermittlungen: {_n(p.started)} begonnen, {_n(p.active)} aktiv, "
        f"{_n(p.ended)} beendet, {_n(p.declined)} abgelehnt"
    )
    events = figures.events
    kinds = ", ".join(
        f"{german(EventKind(k.kind))} {_n(k.events)}" for k in events.by_kind if k.events
    )
    lines.append(
        f"  Veranstaltungen: {_n(events.events)} ({kinds or '–'}), "
        f"{_n(events.participants)} Teilnehmende"
    )
    lines.append(
        f"  Fahrten: {_n(rides.done)} durchgeführt, {_n(rides.cancelled)} abgesagt, "
        f"{_n(rides.no_show)} nicht erschienen, {_n(rides.unassigned)} ohne Fahrer/in, "
        f"{_dec(rides.km)} km, {_n(rides.passengers_served)} Fahrgäste, "
        f"{_n(rides.active_drivers)} Fahrer/innen"
    )
    lines.append(
        f"  Stunden: {_dec(hours.total)} h in {_n(hours.entries)} Einträgen von "
        f"{_n(hours.volunteers)} Ehrenamtlichen"
    )
    lines += [
        f"    {german(HoursSource(k.kind))}: {_dec(k.hours)} h" for k in hours.by_kind if k.entries
    ]
    lines += [f"    {c.name or 'ohne Zentrum'}: {_dec(c.hours)} h" for c in hours.by_center]
    return lines


def summary(report: PeriodReport) -> str:
    heading = f"Auswertung {report.period.label} (Vorzeitraum {report.previous.period.label})"
    names = [n for n in (report.filter.center_name, report.filter.ride_service_name) if n]
    if names:
        heading += " – " + ", ".join(names)
    return "\n".join([heading, *_lines(report.current), *_lines(report.previous)])

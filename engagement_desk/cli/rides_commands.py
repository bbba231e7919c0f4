"""``engagement-desk rides plan|sheets``: plan a week, print the drivers' run sheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engagement_desk.cli.common import CommandError, emit, open_database, translated_errors
from engagement_desk.services.wording import count_phrase


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    rides = subparsers.add_parser("rides", help="Fahrdienst: Woche planen, Laufzettel drucken")
    rides_sub = rides.add_subparsers(dest="rides_command", metavar="AKTION", required=True)

    plan = rides_sub.add_parser(
        "plan", help="Fahrten einer Woche erzeugen, Fahrer/innen zuteilen, Plan ausgeben"
    )
    plan.add_argument("--week", required=True, metavar="JJJJ-Www", help="z. B. 2026-W13")
    plan.add_argument("--service", metavar="NAME", help="nur diesen Fahrdienst planen")
    plan.add_argument(
        "--neu-zuteilen",
        dest="reassign_manual",
        action="store_true",
        help="auch die von Hand zugeteilten Fahrten neu zuteilen (sonst bleiben sie)",
    )
    add_db_option(plan)
    plan.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    plan.set_defaults(handler=run_plan)

    sheets = rides_sub.add_parser(
        "sheets", help="Laufzettel (PDF) je Fahrer/in und Tag einer Woche schreiben"
    )
    sheets.add_argument("--week", required=True, metavar="JJJJ-Www", help="z. B. 2026-W13")
    sheets.add_argument("--out", required=True, type=Path, metavar="ORDNER")
    sheets.add_argument("--service", metavar="NAME", help="nur dieser Fahrdienst")
    add_db_option(sheets)
    sheets.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    sheets.set_defaults(handler=run_sheets)


def _service_id(db, name: str | None) -> int | None:
    from engagement_desk.services.rides.services_admin import find_ride_service

    if name is None:
        return None
    found = find_ride_service(db, name)
    if found is None:
        raise CommandError(f"Einen Fahrdienst „{name}“ gibt es nicht.")
    return found.id


def plan_as_json(plan) -> dict:
    return {
        "week": plan.week,
        "rides": [
            {
                "id": r.id,
                "date": r.ride_date.isoformat(),
                "start": f"{r.start_time:%H:%M}",
                "end": f"{r.end_time:%H:%M}",
                "passengers": [p.name for p in r.passengers],
                "driver": r.driver_name or None,
                "vehicle": r.vehicle_label or None,
                "status": r.status.value,
            }
            for r in plan.rides
        ],
        "unassigned": [{"ride_id": u.ride_id, "reason": u.reason} for u in plan.unassigned],
        "holidays": [{"date": h.day.isoformat(), "name": h.name} for h in plan.holidays],
        "proven_maximum": plan.proven_maximum,
        "could_add": plan.could_add,
        "stopped": plan.stopped,
        "seconds": round(plan.seconds, 2),
    }


def plan_as_text(plan) -> str:
    from engagement_desk.services.rides.calendar import format_day, parse_week

    week = parse_week(plan.week)
    reasons = {u.ride_id: u.reason for u in plan.unassigned}
    lines = [f"Fahrplan {week.title}"]
    for day in week.days:
        rides = plan.rides_on(day)
        holiday = plan.holiday_name(day)
        standby = [s for s in plan.standby if s.day == day]
        if not rides and not holiday and not standby:
            continue
        lines.append("")
        lines.append(format_day(day) + (f" – Feiertag: {holiday}" if holiday else ""))
        for entry in standby:
            lines.append(f"  Bereitschaft {entry.service_name}: {entry.driver_name}")
        for ride in rides:
            driver = ride.driver_name or "OHNE FAHRER/IN"
            vehicle = f" ({ride.vehicle_label})" if ride.vehicle_label else ""
            back = " [Rückfahrt]" if ride.is_return else ""
            lines.append(
                f"  {ride.start_time:%H:%M}–{ride.end_time:%H:%M}  {ride.passenger_names}"
                f" → {ride.destination}{back}  |  {driver}{vehicle}  [{_status(ride.status)}]"
            )
            if ride.id in reasons:
                lines.append(f"      Grund: {reasons[ride.id]}")
    assigned = sum(1 for r in plan.rides if r.driver_id is not None)
    lines.append("")
    lines.append(
        f"{count_phrase(len(plan.rides), 'Fahrt', 'Fahrten')}, {assigned} mit Fahrer/in, "
        f"{len(plan.unassigned)} offen."
    )
    if plan.outcome:
        lines.append(plan.outcome)
    return "\n".join(lines)


def _status(status) -> str:
    from engagement_desk.models.enums import RideStatus
    from engagement_desk.models.vocabulary import german

    return german(RideStatus(status))


def run_plan(args: argparse.Namespace) -> int:
    from engagement_desk.services.rides.calendar import parse_week
    from engagement_desk.services.rides.planning import plan_week

    with translated_errors():
        week = parse_week(args.week)
    with open_database(args.db) as db, translated_errors():
        plan = plan_week(
            db,
            week,
            service_id=_service_id(db, args.service),
            keep_manual=not args.reassign_manual,
        )
        _tell_unchosen_bundesland(db)
    emit(args, plan_as_json(plan), plan_as_text(plan))
    return 0


def _tell_unchosen_bundesland(db) -> None:  # type: ignore[no-untyped-def]
    """The holidays come from the Bundesland: say so when nobody has chosen it yet."""
    from engagement_desk.services.settings import BUNDESLAENDER, settings_for_editing

    settings, chosen = settings_for_editing(db)
    if not chosen:
        land = BUNDESLAENDER.get(settings.bundesland, settings.bundesland)
        print(
            f"engagement-desk: Hinweis: Das Bundesland ist noch nicht gewählt; geplant mit den "
            f"Feiertagen von {land} (wählen: engagement-desk settings set bundesland NAME).",
            file=sys.stderr,
        )


def run_sheets(args: argparse.Namespace) -> int:
    from engagement_desk.services.rides.calendar import parse_week
    from engagement_desk.services.rides.prints.run_sheet import write_run_sheets

    with translated_errors():
        week = parse_week(args.week)
    with open_database(args.db) as db, translated_errors():
        written = write_run_sheets(db, week, args.out, service_id=_service_id(db, args.service))
    text = "\n".join(
        [f"{f.path}  ({f.driver_name}, {f.day:%d.%m.%Y}, {f.rides} Fahrten)" for f in written]
        + [f"{len(written)} Laufzettel nach {args.out} geschrieben."]
    )
    data = {
        "week": week.label,
        "files": [
            {
                "path": str(f.path),
                "driver": f.driver_name,
                "date": f.day.isoformat(),
                "rides": f.rides,
            }
            for f in written
        ],
    }
    emit(args, data, text)
    return 0

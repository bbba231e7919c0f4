"""The call list: the day before, the office phones every passenger to confirm the ride."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Ride
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.files import write_file
from engagement_desk.services.printing.layout import (
    AgencyHeader,
    Styles,
    agency_header,
    render,
    table,
    text,
)
from engagement_desk.services.rides.calendar import format_day
from engagement_desk.services.rides.planning import PlannedRide, ride_infos
from engagement_desk.services.rides.prints.wrapping import whole_words


@dataclass(frozen=True)
class CallEntry:
    passenger_id: int
    name: str
    phone: str
    rides: tuple[PlannedRide, ...]


@dataclass(frozen=True)
class CallList:
    header: AgencyHeader
    day: dt.date
    entries: tuple[CallEntry, ...]


def load_call_list(db: Database, day: dt.date) -> CallList:
    """Everyone riding on ``day`` (planned or assigned), by pick-up time."""
    with db.read_session() as session:
        rides = session.scalars(
            select(Ride)
            .where(
                Ride.ride_date == day,
                Ride.status.in_((RideStatus.PLANNED, RideStatus.ASSIGNED)),
            )
            .order_by(Ride.start_time, Ride.id)
        ).all()
        infos = ride_infos(session, list(rides))
        per_person: dict[int, list[PlannedRide]] = defaultdict(list)
        names: dict[int, tuple[str, str]] = {}
        for ride in infos:
            for p in ride.passengers:
                per_person[p.person_id].append(ride)
                names[p.person_id] = (p.name, p.phone)
        entries = sorted(
            (CallEntry(pid, *names[pid], tuple(rs)) for pid, rs in per_person.items()),
            key=lambda e: (e.rides[0].start_time, e.name),
        )
        return CallList(agency_header(session), day, tuple(entries))


def _story(calls: CallList, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        text(f"Anrufliste: Fahrten am {format_day(calls.day)}", styles.title),
        text("Bitte am Vortag anrufen, Zeiten bestätigen und abhaken.", styles.body),
        Spacer(1, 3 * mm),
    ]
    if not calls.entries:
        story.append(text("Für diesen Tag sind keine Fahrten geplant.", styles.body))
        return story
    widths = [40 * mm, 27 * mm, 64 * mm, 32 * mm, 17 * mm]
    headers = ("Fahrgast", "Telefon", "Fahrten", "Fahrer/in", "Bestätigt")
    rows: list[list] = [
        [whole_words(h, styles.bold, w) for h, w in zip(headers, widths, strict=True)]
    ]
    for entry in calls.entries:
        lines = [
            f"{r.start_time:%H:%M} {'Rückfahrt' if r.is_return else 'Abholung'} → {r.destination}"
            for r in entry.rides
        ]
        drivers = sorted({r.driver_name or "noch offen" for r in entry.rides})
        cells = (
            (entry.name, styles.bold),
            (entry.phone or "–", styles.body),
            ("\n".join(lines), styles.body),
            ("\n".join(drivers), styles.body),
            ("☐", styles.body),
        )
        rows.append(
            [
                whole_words(value, style, width)
                for (value, style), width in zip(cells, widths, strict=True)
            ]
        )
    story.append(table(rows, widths, styles))
    return story


def render_call_list(calls: CallList) -> bytes:
    return render(_story(calls, Styles()), calls.header, f"Anrufliste {calls.day:%d.%m.%Y}")


def write_call_list(db: Database, day: dt.date, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, render_call_list(load_call_list(db, day)))
    return path

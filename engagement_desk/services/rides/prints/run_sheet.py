"""The driver's run sheet (Laufzettel) for one day: who, when, where, what they need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import (
    DriverProfile,
    Person,
    Ride,
    RidePassenger,
    StandbyDriver,
    Vehicle,
)
from engagement_desk.models.enums import RideStatus
from engagement_desk.services.audit import record_export
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.files import write_file
from engagement_desk.services.printing.layout import (
    AgencyHeader,
    Styles,
    agency_header,
    file_part,
    render,
    table,
    text,
)
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.rides.addresses import display_name, phone_numbers
from engagement_desk.services.rides.calendar import IsoWeek, format_day, week_of
from engagement_desk.services.rides.generation import week_holidays
from engagement_desk.services.rides.loader import bundle_groups
from engagement_desk.services.rides.planning import (
    PlannedRide,
    StandbyInfo,
    ride_infos,
    standby_list,
)
from engagement_desk.services.rides.prints.wrapping import whole_words

SHEET_STATUSES = (RideStatus.ASSIGNED, RideStatus.DONE)


@dataclass(frozen=True)
class RunSheet:
    header: AgencyHeader
    driver_id: int
    driver_name: str
    driver_phone: str
    vehicle: str
    day: dt.date
    holiday: str
    rides: tuple[PlannedRide, ...]
    standby: tuple[StandbyInfo, ...]
    tours: dict[int, int]
    """Ride id → number of passengers in the car on that shared tour (only tours of 2+)."""
    returns: dict[int, str]
    """Outward ride id → when and with whom the passenger goes back, e.g. '11:30 (selbst)'."""


@dataclass(frozen=True)
class SheetFile:
    driver_id: int
    driver_name: str
    day: dt.date
    rides: int
    path: Path
    people: frozenset[int] = frozenset()
    """Everyone named on the sheet: the driver and the passengers (for the audit trail)."""


def needs_text(ride: PlannedRide) -> str:
    lines = []
    for p in ride.passengers:
        needs = [
            label
            for flag, label in (
                (p.wheelchair, "Rollstuhl"),
                (p.rollator, "Rollator"),
                (p.escort, "Begleitung bis zur Tür"),
            )
            if flag
        ]
        if needs:
            lines.append(
                ", ".join(needs) if len(ride.passengers) == 1 else f"{p.name}: {', '.join(needs)}"
            )
    return "\n".join(lines)


def load_run_sheet(db: Database, driver_id: int, day: dt.date) -> RunSheet:
    with db.read_session() as session:
        person = session.get(Person, driver_id)
        if person is None:
            raise NotFoundError(f"Person Nr. {driver_id} gibt es nicht (mehr).")
        rides = session.scalars(
            select(Ride)
            .where(
                Ride.driver_id == driver_id, Ride.ride_date == day, Ride.status.in_(SHEET_STATUSES)
            )
            .order_by(Ride.start_time, Ride.id)
        ).all()
        profile = session.get(DriverProfile, driver_id)
        vehicle = (
            session.get(Vehicle, profile.vehicle_id) if profile and profile.vehicle_id else None
        )
        holidays = {h.day: h.name for h in week_holidays(session, week_of(day))}
        groups = bundle_groups([r for r in rides])
        tours: dict[int, int] = {}
        for ride in rides:
            members = [r for r in rides if groups[r.id] == groups[ride.id]]
            if len(members) > 1:
                tours[ride.id] = sum(len(r.passengers) for r in members)
        return RunSheet(
            header=agency_header(session),
            driver_id=driver_id,
            driver_name=display_name(person),
            driver_phone=phone_numbers(person),
            vehicle=vehicle.label if vehicle else "",
            day=day,
            holiday=holidays.get(day, ""),
            rides=tuple(ride_infos(session, list(rides))),
            standby=standby_list(session, day, day),
            tours=tours,
            returns=_returns(session, list(rides), driver_id),
        )


def _returns(session, rides: list[Ride], driver_id: int) -> dict[int, str]:
    outward = [r for r in rides if not r.is_return]
    if not outward:
        return {}
    people = {p.person_id for r in outward for p in r.passengers}
    back = (
        session.scalars(
            select(Ride)
            .join(RidePassenger, RidePassenger.ride_id == Ride.id)
            .where(
                Ride.ride_date == outward[0].ride_date,
                Ride.is_return.is_(True),
                Ride.status != RideStatus.CANCELLED,
                RidePassenger.person_id.in_(people),
            )
        )
        .unique()
        .all()
    )
    found = {}
    for ride in outward:
        riders = {p.person_id for p in ride.passengers}
        match = next(
            (
                b
                for b in sorted(back, key=lambda b: b.start_time)
                if b.start_time > ride.start_time and riders & {p.person_id for p in b.passengers}
            ),
            None,
        )
        if match is None:
            continue
        if match.driver_id == driver_id:
            who = "selbst"
        elif match.driver_id is None:
            who = "noch ohne Fahrer/in"
        else:
            other = session.get(Person, match.driver_id)
            who = display_name(other) if other else ""
        found[ride.id] = f"{match.start_time:%H:%M} ({who})"
    return found


def _story(sheet: RunSheet, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        text(f"Laufzettel {format_day(sheet.day)}", styles.title),
        text(
            f"Fahrer/in: {sheet.driver_name}"
            + (f" · Tel. {sheet.driver_phone}" if sheet.driver_phone else "")
            + (f" · Fahrzeug: {sheet.vehicle}" if sheet.vehicle else ""),
            styles.bold,
        ),
    ]
    if sheet.holiday:
        story.append(text(f"Feiertag: {sheet.holiday}", styles.body))
    own = [s for s in sheet.standby if s.driver_id == sheet.driver_id]
    for entry in own:
        story.append(text(f"Sie haben heute Bereitschaft für „{entry.service_name}“.", styles.bold))
    for entry in (s for s in sheet.standby if s.driver_id != sheet.driver_id):
        story.append(
            text(
                f"Bereitschaft {entry.service_name}: {entry.driver_name}"
                + (f", Tel. {entry.phone}" if entry.phone else ""),
                styles.body,
            )
        )
    story.append(Spacer(1, 3 * mm))
    if not sheet.rides:
        story.append(text("Für diesen Tag sind keine Fahrten eingeteilt.", styles.body))
        return story
    widths = [18 * mm, 40 * mm, 40 * mm, 42 * mm, 40 * mm]
    headers = ("Zeit", "Fahrgast / Telefon", "Abholung", "Ziel", "Hinweise")
    rows: list[list] = [
        [whole_words(h, styles.bold, w) for h, w in zip(headers, widths, strict=True)]
    ]
    for ride in sheet.rides:
        passengers = "\n".join(
            p.name + (f"\nTel. {p.phone}" if p.phone else "") for p in ride.passengers
        )
        notes = [
            n
            for n in (
                f"Tour: {sheet.tours[ride.id]} Fahrgäste im Auto" if ride.id in sheet.tours else "",
                needs_text(ride),
                "Rückfahrt" if ride.is_return else "",
                f"Rückfahrt um {sheet.returns[ride.id]}" if ride.id in sheet.returns else "",
                ride.notes,
            )
            if n
        ]
        rows.append(
            [
                Paragraph(
                    f"<b>{ride.start_time:%H:%M}</b><br/>bis {ride.end_time:%H:%M}", styles.body
                ),
                whole_words(passengers, styles.body, widths[1]),
                whole_words(ride.pickup_address, styles.body, widths[2]),
                whole_words(ride.destination, styles.body, widths[3]),
                whole_words("\n".join(notes), styles.body, widths[4]),
            ]
        )
    story.append(table(rows, widths, styles))
    story.append(Spacer(1, 6 * mm))
    story.append(
        text(
            "Nach der Fahrt bitte Kilometer eintragen: ______ km   Unterschrift: "
            "______________________",
            styles.body,
        )
    )
    return story


def render_run_sheet(sheet: RunSheet) -> bytes:
    styles = Styles()
    title = f"Laufzettel {sheet.driver_name} – {sheet.day:%d.%m.%Y}"
    return render(_story(sheet, styles), sheet.header, title)


def sheet_file_name(sheet: RunSheet) -> str:
    return f"Laufzettel_{sheet.day:%Y-%m-%d}_{file_part(sheet.driver_name)}_{sheet.driver_id}.pdf"


def write_run_sheet(db: Database, driver_id: int, day: dt.date, folder: Path) -> SheetFile:
    sheet = load_run_sheet(db, driver_id, day)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / sheet_file_name(sheet)
    write_file(path, render_run_sheet(sheet))
    people = frozenset({driver_id} | {p.person_id for r in sheet.rides for p in r.passengers})
    return SheetFile(driver_id, sheet.driver_name, day, len(sheet.rides), path, people)


def write_run_sheets(
    db: Database,
    week: IsoWeek,
    folder: Path,
    *,
    service_id: int | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[SheetFile]:
    """One PDF per driver and day with rides (or on standby) in the week."""
    pairs = week_sheet_days(db, week, service_id=service_id)
    written = []
    for index, (driver_id, day) in enumerate(pairs):
        step(progress, index, len(pairs), "Laufzettel schreiben …")
        written.append(write_run_sheet(db, driver_id, day, folder))
    if written:
        people = frozenset().union(*(sheet.people for sheet in written))
        record_export(db, "ride", None, [f"{len(written)} Laufzettel", f"{len(people)} Personen"])
    progress.report(len(pairs), len(pairs), "Fertig.")
    return written


def week_sheet_days(
    db: Database, week: IsoWeek, *, service_id: int | None = None
) -> list[tuple[int, dt.date]]:
    """(driver id, day) of every run sheet of the week, by day and driver."""
    with db.read_session() as session:
        statement = select(Ride.driver_id, Ride.ride_date).where(
            Ride.ride_date.between(week.monday, week.sunday),
            Ride.driver_id.is_not(None),
            Ride.status.in_(SHEET_STATUSES),
        )
        standby = select(StandbyDriver.driver_id, StandbyDriver.on_date).where(
            StandbyDriver.on_date.between(week.monday, week.sunday)
        )
        if service_id is not None:
            statement = statement.where(Ride.service_id == service_id)
            standby = standby.where(StandbyDriver.service_id == service_id)
        return sorted(
            {(d, day) for d, day in session.execute(statement).all()}
            | {(d, day) for d, day in session.execute(standby).all()},
            key=lambda pair: (pair[1], pair[0]),
        )


def sheet_story(sheet: RunSheet, styles: Styles) -> list[Flowable]:
    """The flowables of one sheet, for documents that hold several."""
    return _story(sheet, styles)

"""Monthly km summary per driver for the expense claim: km × the agency's rate, signed."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import AgencySettings, Person, Ride
from engagement_desk.models.enums import RideStatus
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.services.files import write_file
from engagement_desk.services.printing.layout import (
    AgencyHeader,
    Styles,
    agency_header,
    render,
    table,
    text,
)
from engagement_desk.services.rides.addresses import display_name
from engagement_desk.services.wording import MONTH_NAMES


@dataclass(frozen=True)
class KmLine:
    ride_id: int
    day: dt.date
    start_time: dt.time
    destination: str
    km: Decimal


@dataclass(frozen=True)
class DriverKm:
    driver_id: int
    name: str
    lines: tuple[KmLine, ...]
    total_km: Decimal
    amount: Decimal


@dataclass(frozen=True)
class KmSummary:
    header: AgencyHeader
    year: int
    month: int
    rate: Decimal
    drivers: tuple[DriverKm, ...]


def euro(value: Decimal) -> str:
    """1234.5 → '1.234,50 €' (German grouping and decimal comma)."""
    digits = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{digits} €"


def kilometres(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


def load_km_summary(
    db: Database, year: int, month: int, *, driver_id: int | None = None
) -> KmSummary:
    """Done rides with km of the month, per driver, with the amount at the agency's rate."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    with db.read_session() as session:
        settings = session.get(AgencySettings, SETTINGS_ID)
        rate = settings.km_rate if settings else Decimal("0.30")
        statement = (
            select(Ride)
            .where(
                Ride.status == RideStatus.DONE,
                Ride.km.is_not(None),
                Ride.driver_id.is_not(None),
                Ride.ride_date.between(first, last),
            )
            .order_by(Ride.ride_date, Ride.start_time, Ride.id)
        )
        if driver_id is not None:
            statement = statement.where(Ride.driver_id == driver_id)
        per_driver: dict[int, list[KmLine]] = defaultdict(list)
        for ride in session.scalars(statement):
            per_driver[ride.driver_id].append(
                KmLine(ride.id, ride.ride_date, ride.start_time, ride.destination, ride.km)
            )
        people = (
            {
                p.id: p
                for p in session.scalars(select(Person).where(Person.id.in_(list(per_driver))))
            }
            if per_driver
            else {}
        )
        drivers = []
        for pid, lines in per_driver.items():
            total = sum((line.km for line in lines), Decimal("0"))
            drivers.append(
                DriverKm(
                    pid,
                    display_name(people[pid]),
                    tuple(lines),
                    total,
                    (total * rate).quantize(Decimal("0.01")),
                )
            )
        drivers.sort(key=lambda d: (german_sort_key(people[d.driver_id].last_name), d.name))
        return KmSummary(agency_header(session), year, month, rate, tuple(drivers))


def _page(summary: KmSummary, driver: DriverKm, styles: Styles) -> list[Flowable]:
    period = f"{MONTH_NAMES[summary.month - 1]} {summary.year}"
    rows: list[list] = [[text(h, styles.bold) for h in ("Datum", "Zeit", "Fahrt", "Ziel", "km")]]
    for line in driver.lines:
        rows.append(
            [
                text(f"{line.day:%d.%m.%Y}", styles.body),
                text(f"{line.start_time:%H:%M}", styles.body),
                text(f"Nr. {line.ride_id}", styles.body),
                text(line.destination, styles.body),
                text(kilometres(line.km), styles.body),
            ]
        )
    rows.append(
        ["", "", "", text("Summe", styles.bold), text(kilometres(driver.total_km), styles.bold)]
    )
    return [
        text(f"Fahrtkostenabrechnung {period}", styles.title),
        text(f"Fahrer/in: {driver.name}", styles.bold),
        Spacer(1, 3 * mm),
        table(rows, [24 * mm, 16 * mm, 20 * mm, 102 * mm, 18 * mm], styles),
        Spacer(1, 4 * mm),
        text(
            f"{kilometres(driver.total_km)} km × {euro(summary.rate)} pro km = "
            f"{euro(driver.amount)}",
            styles.heading,
        ),
        Spacer(1, 16 * mm),
        text("______________________________          ______________________________", styles.body),
        text(
            f"Ort, Datum                                               Unterschrift {driver.name}",
            styles.small,
        ),
    ]


def render_km_summary(summary: KmSummary) -> bytes:
    styles = Styles()
    story: list[Flowable] = []
    for index, driver in enumerate(summary.drivers):
        if index:
            story.append(PageBreak())
        story.extend(_page(summary, driver, styles))
    if not story:
        story.append(
            text(
                f"Im {MONTH_NAMES[summary.month - 1]} {summary.year} wurden keine "
                "Fahrten mit Kilometern erledigt.",
                styles.body,
            )
        )
    title = f"Kilometer {MONTH_NAMES[summary.month - 1]} {summary.year}"
    return render(story, summary.header, title)


def write_km_summary(
    db: Database, year: int, month: int, path: Path, *, driver_id: int | None = None
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, render_km_summary(load_km_summary(db, year, month, driver_id=driver_id)))
    return path

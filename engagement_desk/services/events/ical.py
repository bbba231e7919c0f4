"""iCalendar (RFC 5545) export: public events, one person's registrations, one driver's rides.

Times in the database are naive Europe/Berlin wall-clock times; the export writes
them with ``TZID=Europe/Berlin`` and one VTIMEZONE (the EU summer-time rule).
UIDs are stable (``event-7@engagement-desk``) and SEQUENCE/LAST-MODIFIED grow
with every change, so importing the file again updates entries instead of
duplicating them. Cancelled registrations and rides stay in the file with
``STATUS:CANCELLED`` so a calendar that imported them before drops them.

Rides carry no passenger names or addresses: the file ends up on phones and in
cloud calendars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent
from sqlalchemy import select

from engagement_desk import __version__
from engagement_desk.db import Database
from engagement_desk.models import Event, Registration, Ride, RideService, Shift
from engagement_desk.models.enums import RegistrationStatus, RideStatus
from engagement_desk.services.events.records import KIND_LABELS, ROLE_LABELS
from engagement_desk.services.files import write_file
from engagement_desk.services.records import get_or_raise
from engagement_desk.services.rides.calendar import ClockChange, clock_change, planned_clock_time

TZID = "Europe/Berlin"
BERLIN = ZoneInfo(TZID)
UID_DOMAIN = "engagement-desk"
PRODID = f"-//Engagement Desk//Engagement Desk {__version__}//DE"
_CANCELLED = (RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED)
_TENTATIVE = (RegistrationStatus.INVITED, RegistrationStatus.WAITING_LIST)


def uid(kind: str, record_id: int) -> str:
    return f"{kind}-{record_id}@{UID_DOMAIN}"


def _local(value: dt.datetime) -> dt.datetime:
    """A naive Berlin wall-clock time as written; an aware instant as itself.

    An instant in the repeated autumn hour's second pass is written in UTC:
    ``TZID=Europe/Berlin:…T023000`` would name its first pass.
    """
    if value.tzinfo is None:
        return value.replace(tzinfo=BERLIN)
    local = value.astimezone(BERLIN)
    if local.fold and clock_change(local.date(), local.time()) is ClockChange.REPEATED:
        return value.astimezone(dt.UTC)
    return local


def _berlin_timezone() -> Timezone:
    """Europe/Berlin with the EU rule (since 1996), valid without an end year."""
    timezone = Timezone()
    timezone.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    timezone.add_component(summer)
    timezone.add_component(winter)
    return timezone


def _calendar(name: str, entries: Iterable[VEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_berlin_timezone())
    for entry in entries:
        calendar.add_component(entry)
    return calendar.to_ical()


def _entry(
    kind: str,
    record_id: int,
    *,
    summary: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    sequence: int,
    modified: dt.datetime,
    stamp: dt.datetime,
    location: str = "",
    description: str = "",
    status: str = "CONFIRMED",
    categories: str = "",
) -> VEvent:
    entry = VEvent()
    entry.add("uid", uid(kind, record_id))
    entry.add("dtstamp", stamp)
    entry.add("summary", summary)
    start, end = _local(starts_at), _local(ends_at)
    # RFC 5545: DTEND must be after DTSTART; an open-ended event gets one minute.
    # Compared in UTC: aware datetimes sharing a zone compare on the wall clock.
    if end.astimezone(dt.UTC) <= start.astimezone(dt.UTC):
        end = _local(start.astimezone(dt.UTC) + dt.timedelta(minutes=1))
    entry.add("dtstart", start)
    entry.add("dtend", end)
    entry.add("sequence", sequence)
    entry.add("last-modified", modified.astimezone(dt.UTC))
    entry.add("status", status)
    if location:
        entry.add("location", location)
    if description:
        entry.add("description", description)
    if categories:
        entry.add("categories", [categories])
    return entry


def _period(statement, start_col, end_col, from_date: dt.date | None, to_date: dt.date | None):
    if from_date is not None:
        statement = statement.where(end_col >= dt.datetime.combine(from_date, dt.time()))
    if to_date is not None:
        day_after = dt.datetime.combine(to_date + dt.timedelta(days=1), dt.time())
        statement = statement.where(start_col < day_after)
    return statement


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def public_events_ical(
    db: Database, from_date: dt.date | None = None, to_date: dt.date | None = None
) -> bytes:
    """All public events (in the period, if given)."""
    stamp = _now()
    with db.read_session() as session:
        statement = _period(
            select(Event).where(Event.is_public.is_(True)),
            Event.starts_at,
            Event.ends_at,
            from_date,
            to_date,
        )
        events = session.scalars(statement.order_by(Event.starts_at, Event.id)).all()
        entries = [
            _entry(
                "event",
                event.id,
                summary=event.title,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                sequence=event.version,
                modified=event.updated_at,
                stamp=stamp,
                location=event.place,
                description=event.description,
                categories=KIND_LABELS[event.kind],
            )
            for event in events
        ]
    return _calendar("Veranstaltungen", entries)


def person_ical(
    db: Database,
    person_id: int,
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
) -> bytes:
    """One person's registrations; helpers with a shift get the shift's time."""
    from engagement_desk.models import Person

    stamp = _now()
    with db.read_session() as session:
        get_or_raise(session, Person, person_id, "Person")
        start_col = Shift.starts_at
        statement = (
            select(Registration, Event, Shift)
            .join(Event, Event.id == Registration.event_id)
            .outerjoin(Shift, Shift.id == Registration.shift_id)
            .where(Registration.person_id == person_id)
        )
        statement = _period(statement, Event.starts_at, Event.ends_at, from_date, to_date)
        rows = session.execute(statement.order_by(Event.starts_at, start_col, Registration.id))
        entries = []
        for registration, event, shift in rows:
            starts_at, ends_at = (
                (shift.starts_at, shift.ends_at) if shift else (event.starts_at, event.ends_at)
            )
            summary = event.title + (f" – Schicht: {shift.title}" if shift else "")
            if registration.status == RegistrationStatus.WAITING_LIST:
                summary += " (Warteliste)"
            status = "CONFIRMED"
            if registration.status in _CANCELLED:
                status = "CANCELLED"
            elif registration.status in _TENTATIVE:
                status = "TENTATIVE"
            lines = [f"Rolle: {ROLE_LABELS[registration.role]}"]
            if registration.stand:
                lines.append(f"Stand: {registration.stand}")
            if event.description:
                lines.append(event.description)
            entries.append(
                _entry(
                    "registration",
                    registration.id,
                    summary=summary,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    # every part only ever grows, so the sum does too
                    sequence=event.version + registration.version + (shift.version if shift else 0),
                    modified=max(event.updated_at, registration.registered_at),
                    stamp=stamp,
                    location=event.place,
                    description="\n".join(lines),
                    status=status,
                    categories=KIND_LABELS[event.kind],
                )
            )
    return _calendar("Meine Termine", entries)


def driver_ical(
    db: Database,
    driver_id: int,
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
) -> bytes:
    """The rides one driver is assigned to (cancelled ones marked cancelled)."""
    stamp = _now()
    with db.read_session() as session:
        statement = (
            select(Ride, RideService.name)
            .join(RideService, RideService.id == Ride.service_id)
            .where(Ride.driver_id == driver_id)
        )
        if from_date is not None:
            statement = statement.where(Ride.ride_date >= from_date)
        if to_date is not None:
            statement = statement.where(Ride.ride_date <= to_date)
        rows = session.execute(statement.order_by(Ride.ride_date, Ride.start_time, Ride.id))
        entries = []
        for ride, service_name in rows:
            # the real instants the plan uses: a 120-minute ride from 01:30 on the
            # spring switch night ends at 04:30, not at 03:30 on the wall clock
            starts_at = planned_clock_time(ride.ride_date, ride.start_time)
            real_end = starts_at.astimezone(dt.UTC) + dt.timedelta(minutes=ride.duration_minutes)
            cancelled = ride.status in (RideStatus.CANCELLED, RideStatus.NO_SHOW)
            target = f" nach {ride.destination}" if ride.destination else ""
            entries.append(
                _entry(
                    "ride",
                    ride.id,
                    summary=f"{service_name}: Fahrt{target}" + (" (Rückfahrt)" * ride.is_return),
                    starts_at=starts_at,
                    ends_at=real_end.astimezone(BERLIN),
                    sequence=ride.version,
                    modified=ride.updated_at,
                    stamp=stamp,
                    description=f"Fahrt Nr. {ride.id}. Einzelheiten im Fahrtenblatt.",
                    status="CANCELLED" if cancelled else "CONFIRMED",
                    categories="Fahrdienst",
                )
            )
    return _calendar("Fahrten", entries)


def write_ical(path: Path, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_file(path, data)


def export_public_calendar(db: Database, path: str | Path) -> Path:
    """The public events as an .ics file at ``path`` (the suffix added if missing)."""
    target = Path(path)
    if target.suffix.lower() != ".ics":
        target = target.with_suffix(".ics")
    return write_ical(target, public_events_ical(db))

"""Retention review: whose data the office should consider erasing (DSGVO Art. 5 (1) e).

Three reasons put a person on the list, each with a German sentence:

- no activity for ``years`` years: no hours, no ride (as driver or passenger),
  no registration for an event, no placement step or change, no edit of the
  person in the audit trail, and not created in that time;
- consent to storage withdrawn;
- archived and unchanged for longer than ``years`` years.

People already anonymised are never listed. Each reason is one SQL query;
the activity one probes the (person, date) indexes of hours and rides and
checks the rest against one set of recently active ids, so the 100,000
person database is reviewed in well under a second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import String, and_, exists, or_, select, type_coerce, union
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    AuditEntry,
    Consent,
    Event,
    HoursEntry,
    Person,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
)
from engagement_desk.models.enums import ConsentPurpose, PersonStatus
from engagement_desk.services.errors import FieldError, ValidationError

DEFAULT_YEARS = 3
"""Retention period when nothing else is chosen (clubs typically delete after about three)."""
MIN_YEARS = 1
MAX_YEARS = 30


@dataclass(frozen=True)
class ReviewEntry:
    """One person to review, with every reason that applies (German)."""

    person_id: int
    first_name: str
    last_name: str
    status: PersonStatus
    reasons: tuple[str, ...]

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _check_years(years: int) -> None:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            [
                FieldError(
                    "years",
                    "Jahre",
                    f"Bitte eine Aufbewahrungsfrist von {MIN_YEARS} bis {MAX_YEARS} Jahren "
                    "angeben.",
                )
            ]
        )


def _inactive_since(cutoff: dt.date) -> list:
    """Conditions on ``Person``: nothing happened with the person on or after ``cutoff``.

    Hours and rides driven are the big tables: a ``NOT EXISTS`` probes their
    (person, date) indexes. The small ones are gathered once into a set of ids.
    """
    since = dt.datetime.combine(cutoff, dt.time())
    since_utc = since.replace(tzinfo=dt.UTC)
    others = union(
        select(RidePassenger.person_id)
        .join(Ride, Ride.id == RidePassenger.ride_id)
        .where(Ride.ride_date >= cutoff),
        select(Registration.person_id)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Registration.person_id.is_not(None),
            or_(Event.starts_at >= since, Registration.registered_at >= since_utc),
        ),
        select(Placement.person_id).where(Placement.updated_at >= since_utc),
        select(Placement.person_id)
        .join(PlacementStep, PlacementStep.placement_id == Placement.id)
        .where(PlacementStep.on_date >= cutoff),
        select(AuditEntry.entity_id).where(
            AuditEntry.entity == "person",
            AuditEntry.entity_id.is_not(None),
            AuditEntry.at >= since_utc,
        ),
    )
    return [
        Person.created_at < since_utc,
        ~exists().where(HoursEntry.person_id == Person.id, HoursEntry.on_date >= cutoff),
        ~exists().where(Ride.driver_id == Person.id, Ride.ride_date >= cutoff),
        Person.id.not_in(others),
    ]


STATUSES = {status.value: status for status in PersonStatus}


def _people(session: Session, *conditions) -> dict[int, tuple[str, str, PersonStatus]]:
    # The status as plain text, looked up here: a third faster for 60,000 rows.
    status = type_coerce(Person.status, String)
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name, status).where(
            Person.anonymized_on.is_(None), *conditions
        )
    )
    return {pid: (first, last, STATUSES[value]) for pid, first, last, value in rows}


def retention_review(
    db: Database, years: int = DEFAULT_YEARS, today: dt.date | None = None
) -> list[ReviewEntry]:
    """People whose data is due for review, sorted by name; anonymised people are left out."""
    _check_years(years)
    today = today or dt.date.today()
    cutoff = years_before(today, years)
    cutoff_utc = dt.datetime.combine(cutoff, dt.time(), tzinfo=dt.UTC)
    with db.read_session() as session:
        inactive = _people(session, *_inactive_since(cutoff))
        # One tuple shared by every inactive person: the list can hold 60,000.
        only_inactive = (
            f"Seit über {years} Jahren keine Aktivität "
            "(keine Stunden, Fahrten, Anmeldungen, Vermittlungen oder Änderungen).",
        )
        reasons: dict[int, tuple[str, ...]] = dict.fromkeys(inactive, only_inactive)
        people = inactive

        storage_withdrawn = (
            Consent.purpose == ConsentPurpose.STORAGE,
            Consent.withdrawn_on.is_not(None),
        )
        withdrawn = session.execute(
            select(Consent.person_id, Consent.withdrawn_on)
            .join(Person, Person.id == Consent.person_id)
            .where(Person.anonymized_on.is_(None), *storage_withdrawn)
        ).all()
        if withdrawn:
            people.update(
                _people(session, Person.id.in_(select(Consent.person_id).where(*storage_withdrawn)))
            )
        for person_id, withdrawn_on in withdrawn:
            reasons[person_id] = (
                *reasons.get(person_id, ()),
                f"Einwilligung zur Speicherung am {withdrawn_on:%d.%m.%Y} widerrufen.",
            )

        archived = _people(
            session,
            and_(Person.status == PersonStatus.ARCHIVED, Person.updated_at < cutoff_utc),
        )
        archived_reason = f"Archiviert und seit über {years} Jahren nicht mehr geändert."
        for person_id in archived:
            reasons[person_id] = (*reasons.get(person_id, ()), archived_reason)
        people.update(archived)

    ordered = sorted(
        people.items(), key=lambda item: (item[1][1].casefold(), item[1][0].casefold(), item[0])
    )
    entries = [
        ReviewEntry(person_id, first, last, status, reasons[person_id])
        for person_id, (first, last, status) in ordered
    ]
    return entries

"""Choosing who gets a certificate: by year or period, minimum hours, anniversaries,
training attendance, centre, organization, by name or by a volunteer-card rule
(Ehrenamtskarte, see ``eligibility``). All given criteria must hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, HoursYearTotal, Person, Registration
from engagement_desk.models.enums import CertificateKind, RegistrationStatus
from engagement_desk.services.certificates.compose import Period
from engagement_desk.services.certificates.eligibility import eligible_person_ids, rule_for
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.facts import (
    EventFacts,
    engagement_starts,
    event_facts,
    hours_by_person,
    rows_by_chunk,
)
from engagement_desk.services.certificates.formatting import (
    format_date,
    format_hours,
    sort_key,
)
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.hours.parsing import HOURS_STEP

WHOLE_TABLE_FROM = 40_000


@dataclass(frozen=True)
class Selection:
    """Who gets a certificate.

    The period is ``period_start``–``period_end`` if given, else the calendar ``year``
    (up to today while it runs), else the event's days for attendance certificates, else
    the current year so far. ``anniversaries`` (e.g. 5, 10, 25) picks people whose
    engagement started that many years before a day in the period's last year.
    ``rule_id`` keeps only the people a volunteer-card rule finds eligible on ``rule_on``
    (default: the issue day, or today when only selecting).
    """

    year: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    min_hours: Decimal | None = None
    person_ids: tuple[int, ...] = ()
    event_id: int | None = None
    center_id: int | None = None
    organization_id: int | None = None
    anniversaries: tuple[int, ...] = ()
    rule_id: str | None = None
    rule_on: dt.date | None = None


@dataclass(frozen=True)
class Candidate:
    person_id: int
    first_name: str
    last_name: str
    hours: Decimal
    engaged_since: dt.date | None
    years_engaged: int | None
    reason: str

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class SelectionResult:
    kind: CertificateKind
    period: Period
    event: EventFacts | None
    candidates: tuple[Candidate, ...]


def select_recipients(
    db: Database,
    kind: CertificateKind,
    selection: Selection,
    *,
    today: dt.date | None = None,
) -> SelectionResult:
    with db.read_session() as session:
        return choose(session, kind, selection, today or dt.date.today())


def choose(
    session: Session, kind: CertificateKind, selection: Selection, today: dt.date
) -> SelectionResult:
    period, event = period_and_event(session, kind, selection, today)
    ids, period_hours = _base_ids(session, selection, period)
    rule_title = ""
    if selection.rule_id is not None:
        on = selection.rule_on or today
        rule_title = rule_for(selection.rule_id, on).title
        eligible = eligible_person_ids(session, selection.rule_id, on)
        ids = [i for i in ids if i in eligible]
    if period_hours is None:
        period_hours = hours_by_person(session, ids, period.start, period.end)
    hours = period_hours
    if selection.min_hours is not None:
        ids = [i for i in ids if hours.get(i, Decimal(0)) >= selection.min_hours]
    for column, value in (
        (HoursEntry.center_id, selection.center_id),
        (HoursEntry.organization_id, selection.organization_id),
    ):
        if value is not None:
            ids = sorted(_with_hours_for(session, ids, column, value, period))
    starts, people = _people(session, ids)
    if selection.anniversaries:
        ids = [i for i in ids if _anniversary(starts.get(i), period, selection.anniversaries)]
    candidates = []
    for person_id in ids:
        row = people.get(person_id)
        if row is None:
            continue
        since = starts.get(person_id)
        years = relativedelta(period.end, since).years if since else None
        candidates.append(
            Candidate(
                person_id,
                row.first_name,
                row.last_name,
                hours.get(person_id, Decimal(0)),
                since,
                years,
                _reason(
                    kind,
                    selection,
                    hours.get(person_id, Decimal(0)),
                    since,
                    period,
                    event,
                    rule_title,
                ),
            )
        )
    candidates.sort(key=lambda c: (sort_key(c.last_name), sort_key(c.first_name), c.person_id))
    return SelectionResult(kind, period, event, tuple(candidates))


def period_and_event(
    session: Session, kind: CertificateKind, selection: Selection, today: dt.date
) -> tuple[Period, EventFacts | None]:
    event = _event(session, kind, selection)
    return resolve_period(kind, selection, event, today), event


def resolve_period(
    kind: CertificateKind, selection: Selection, event: EventFacts | None, today: dt.date
) -> Period:
    if selection.period_start or selection.period_end:
        if not (selection.period_start and selection.period_end):
            raise invalid("period", "Zeitraum", "Bitte Beginn und Ende angeben.")
        if selection.period_end < selection.period_start:
            raise invalid("period", "Zeitraum", "Das Ende liegt vor dem Beginn.")
        return Period(selection.period_start, selection.period_end)
    if selection.year is not None:
        if not 1950 <= selection.year <= today.year:
            raise invalid("year", "Jahr", f"{selection.year} ist kein mögliches Jahr.")
        end = min(dt.date(selection.year, 12, 31), today)
        return Period(dt.date(selection.year, 1, 1), end)
    if kind == CertificateKind.ATTENDANCE and event is not None:
        return Period(event.starts_at.date(), event.ends_at.date())
    return Period(dt.date(today.year, 1, 1), today)


def _event(session: Session, kind: CertificateKind, selection: Selection) -> EventFacts | None:
    if selection.event_id is None:
        if kind == CertificateKind.ATTENDANCE:
            raise invalid("event_id", "Veranstaltung", "Für Teilnahmebescheinigungen bitte wählen.")
        return None
    event = event_facts(session, selection.event_id)
    if event is None:
        raise invalid(
            "event_id", "Veranstaltung", f"Veranstaltung Nr. {selection.event_id} gibt es nicht."
        )
    return event


def _base_ids(
    session: Session, selection: Selection, period: Period
) -> tuple[list[int], dict[int, Decimal] | None]:
    """The people to start from, and everyone's hours in the period when that was the
    way to find them (no need to sum them again)."""
    ids: set[int] | None = None
    if selection.person_ids:
        wanted = set(selection.person_ids)
        found = {
            row[0]
            for row in rows_by_chunk(
                session, wanted, lambda chunk: select(Person.id).where(Person.id.in_(chunk))
            )
        }
        if missing := sorted(wanted - found):
            raise ValidationError(
                [
                    FieldError(
                        "person_ids",
                        "Personen",
                        "Diese Nummern gibt es nicht: " + ", ".join(map(str, missing)) + ".",
                    )
                ]
            )
        ids = found
    if selection.event_id is not None:
        attended = set(
            session.scalars(
                select(Registration.person_id).where(
                    Registration.event_id == selection.event_id,
                    Registration.status == RegistrationStatus.ATTENDED,
                    Registration.person_id.is_not(None),
                )
            )
        )
        ids = attended if ids is None else ids & attended
    if ids is None and selection.anniversaries and selection.min_hours is None:
        ids = set(session.scalars(select(Person.id).where(Person.anonymized_on.is_(None))))
    if ids is None:
        hours = _everyones_hours(session, period)
        return sorted(hours), hours
    return sorted(ids), None


def _everyones_hours(session: Session, period: Period) -> dict[int, Decimal]:
    """Hours per person in the period; a whole calendar year from the yearly totals
    (``hours_year_total``, migration 0014) instead of every entry."""
    year = period.start.year
    if (period.start, period.end) != (dt.date(year, 1, 1), dt.date(year, 12, 31)):
        return hours_by_person(session, None, period.start, period.end)
    rows = session.execute(
        select(HoursYearTotal.person_id, func.sum(HoursYearTotal.cents))
        .where(HoursYearTotal.year == year)
        .group_by(HoursYearTotal.person_id)
    ).all()
    return {person_id: (Decimal(cents) / 100).quantize(HOURS_STEP) for person_id, cents in rows}


def _people(session: Session, ids: Sequence[int]) -> tuple[dict[int, dt.date], dict[int, Any]]:
    """Engagement starts and names of ``ids`` (anonymised people left out of the names):
    for many people one pass over everyone beats hundreds of chunked queries."""
    if len(ids) <= WHOLE_TABLE_FROM:
        starts = engagement_starts(session, ids)
        people = {
            row.id: row
            for row in rows_by_chunk(
                session,
                ids,
                lambda chunk: select(Person.id, Person.first_name, Person.last_name).where(
                    Person.id.in_(chunk), Person.anonymized_on.is_(None)
                ),
            )
        }
        return starts, people
    wanted = set(ids)
    rows = session.execute(
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.anonymized_on,
            Person.engaged_since,
        )
    ).all()
    starts = {row.id: row.engaged_since for row in rows if row.engaged_since and row.id in wanted}
    missing = [i for i in ids if i not in starts]
    for person_id, first in rows_by_chunk(
        session,
        missing,
        lambda chunk: (
            select(HoursEntry.person_id, func.min(HoursEntry.on_date))
            .where(HoursEntry.person_id.in_(chunk))
            .group_by(HoursEntry.person_id)
        ),
    ):
        starts[person_id] = first
    people = {row.id: row for row in rows if row.id in wanted and row.anonymized_on is None}
    return starts, people


def _with_hours_for(
    session: Session, ids: Sequence[int], column, value: int, period: Period
) -> set[int]:
    return {
        row[0]
        for row in rows_by_chunk(
            session,
            ids,
            lambda chunk: (
                select(HoursEntry.person_id)
                .where(
                    HoursEntry.person_id.in_(chunk),
                    column == value,
                    HoursEntry.on_date.between(period.start, period.end),
                )
                .distinct()
            ),
        )
    }


def _anniversary(since: dt.date | None, period: Period, years: tuple[int, ...]) -> bool:
    """The N-th anniversary of ``since`` falls in the calendar year the period ends in."""
    return since is not None and (period.end.year - since.year) in years


def _reason(
    kind: CertificateKind,
    selection: Selection,
    hours: Decimal,
    since: dt.date | None,
    period: Period,
    event: EventFacts | None,
    rule_title: str = "",
) -> str:
    parts = []
    if rule_title:
        parts.append(f"erfüllt „{rule_title}“")
    if event is not None:
        parts.append(f"Teilnahme an „{event.title}“")
    if selection.anniversaries and since is not None:
        parts.append(f"{period.end.year - since.year} Jahre engagiert (seit {format_date(since)})")
    if kind != CertificateKind.ATTENDANCE or hours:
        parts.append(f"{format_hours(hours)} Stunden im Zeitraum")
    return "; ".join(parts)

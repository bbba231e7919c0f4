"""The parts of a person's record edited as lists: consents, availability, absences, mobility."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from engagement_desk.models import Absence, Availability, Consent, MobilityNeeds, Person
from engagement_desk.models.enums import ConsentPurpose, ConsentSource
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.people.consents import record_consent_steps
from engagement_desk.services.validation import Validator, clean

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
PURPOSE_LABELS = german_names(ConsentPurpose)


@dataclass(frozen=True)
class ConsentEntry:
    purpose: ConsentPurpose
    given_on: dt.date
    source: ConsentSource
    withdrawn_on: dt.date | None = None
    note: str = ""


@dataclass(frozen=True)
class AvailabilityEntry:
    weekday: int
    start_time: dt.time
    end_time: dt.time
    note: str = ""


@dataclass(frozen=True)
class AbsenceEntry:
    start_date: dt.date
    end_date: dt.date
    reason: str = ""


@dataclass(frozen=True)
class MobilityEntry:
    """Health data (DSGVO Art. 9): only what the ride service needs."""

    wheelchair: bool = False
    rollator: bool = False
    escort: bool = False
    notes: str = ""

    @property
    def any(self) -> bool:
        return self.wheelchair or self.rollator or self.escort or bool(self.notes)


@dataclass(frozen=True)
class PersonSections:
    """The list parts of a record. ``mobility`` None: not read (and, when saving, left alone)."""

    consents: tuple[ConsentEntry, ...] = ()
    availabilities: tuple[AvailabilityEntry, ...] = ()
    absences: tuple[AbsenceEntry, ...] = ()
    mobility: MobilityEntry | None = MobilityEntry()


def validate_sections(sections: PersonSections, check: Validator) -> None:
    """Row-level checks; each message names the section and row number."""
    today = dt.date.today()
    seen: set[ConsentPurpose] = set()
    for row, consent in enumerate(sections.consents, start=1):
        label = f"Einwilligung {row}"
        try:
            purpose = ConsentPurpose(consent.purpose)
            ConsentSource(consent.source)
        except ValueError:
            check.error("consents", label, "Unbekannter Zweck oder unbekannte Herkunft.")
            continue
        if purpose in seen:
            check.error("consents", label, f"Zweck „{PURPOSE_LABELS[purpose]}“ steht doppelt.")
        seen.add(purpose)
        if consent.given_on > today:
            check.error("consents", label, "Das Datum der Einwilligung liegt in der Zukunft.")
        if consent.withdrawn_on is not None and consent.withdrawn_on < consent.given_on:
            check.error("consents", label, "Der Widerruf liegt vor der Einwilligung.")
    for row, slot in enumerate(sections.availabilities, start=1):
        label = f"Verfügbarkeit {row}"
        if not 0 <= slot.weekday <= 6:
            check.error("availabilities", label, "Wochentag muss Montag bis Sonntag sein.")
        if slot.end_time <= slot.start_time:
            check.error(
                "availabilities",
                label,
                f"Ende {slot.end_time:%H:%M} liegt nicht nach Beginn {slot.start_time:%H:%M}.",
            )
    for row, absence in enumerate(sections.absences, start=1):
        if absence.end_date < absence.start_date:
            check.error(
                "absences",
                f"Abwesenheit {row}",
                f"Ende {absence.end_date:%d.%m.%Y} liegt vor Beginn {absence.start_date:%d.%m.%Y}.",
            )


def read_sections(person: Person, *, with_mobility: bool = True) -> PersonSections:
    """``with_mobility`` False leaves the health data unread (``mobility`` None)."""
    mobility = person.mobility if with_mobility else None
    return PersonSections(
        consents=tuple(
            ConsentEntry(c.purpose, c.given_on, c.source, c.withdrawn_on, c.note)
            for c in sorted(person.consents, key=lambda c: list(ConsentPurpose).index(c.purpose))
        ),
        availabilities=tuple(
            AvailabilityEntry(a.weekday, a.start_time, a.end_time, a.note)
            for a in sorted(person.availabilities, key=lambda a: (a.weekday, a.start_time))
        ),
        absences=tuple(
            AbsenceEntry(a.start_date, a.end_date, a.reason)
            for a in sorted(person.absences, key=lambda a: a.start_date)
        ),
        mobility=None
        if not with_mobility
        else MobilityEntry(mobility.wheelchair, mobility.rollator, mobility.escort, mobility.notes)
        if mobility
        else MobilityEntry(),
    )


def write_sections(session: Session, person: Person, sections: PersonSections) -> list[str]:
    """Replace what differs; return the names of the sections that changed."""
    current = read_sections(person, with_mobility=sections.mobility is not None)
    changed = []
    if current.consents != sections.consents:
        by_purpose = {c.purpose: c for c in person.consents}
        wanted = {ConsentPurpose(c.purpose): c for c in sections.consents}
        for purpose, existing in by_purpose.items():
            if purpose not in wanted:
                person.consents.remove(existing)
        for purpose, entry in wanted.items():
            target = by_purpose.get(purpose)
            source = ConsentSource(entry.source)
            record_consent_steps(
                person, purpose, target, (entry.given_on, source, entry.withdrawn_on, entry.note)
            )
            if target is None:
                target = Consent(purpose=purpose)
                person.consents.append(target)
            target.given_on = entry.given_on
            target.source = ConsentSource(entry.source)
            target.withdrawn_on = entry.withdrawn_on
            target.note = clean(entry.note)[:500]
        changed.append("consents")
    if current.availabilities != sections.availabilities:
        person.availabilities = [
            Availability(
                weekday=a.weekday,
                start_time=a.start_time,
                end_time=a.end_time,
                note=clean(a.note)[:200],
            )
            for a in sections.availabilities
        ]
        changed.append("availabilities")
    if current.absences != sections.absences:
        person.absences = [
            Absence(start_date=a.start_date, end_date=a.end_date, reason=clean(a.reason)[:200])
            for a in sections.absences
        ]
        changed.append("absences")
    if sections.mobility is not None and current.mobility != sections.mobility:
        wanted_mobility = sections.mobility
        if not wanted_mobility.any:
            person.mobility = None
        else:
            mobility = person.mobility or MobilityNeeds()
            mobility.wheelchair = wanted_mobility.wheelchair
            mobility.rollator = wanted_mobility.rollator
            mobility.escort = wanted_mobility.escort
            mobility.notes = clean(wanted_mobility.notes)[:500]
            person.mobility = mobility
        changed.append("mobility")
    return changed

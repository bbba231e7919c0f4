"""A person's consents and their history: given, withdrawn, given again.

``consent`` holds the state that applies now, one row per purpose; every step
also adds a ``consent_event`` (day, how, note, who typed it in). Giving and
withdrawing here are single steps; the person editor saves the whole list of
consents with the record and ``record_consent_steps`` derives the steps from
what changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import Consent, ConsentEvent, Person
from engagement_desk.models.enums import (
    AuditAction,
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
)
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import conflicts_reported, get_or_raise, load_for_update
from engagement_desk.services.validation import clean

WHAT = "Person"
FIELD = "consents"
PURPOSE_LABELS = german_names(ConsentPurpose)
PURPOSE_ORDER = {purpose: index for index, purpose in enumerate(ConsentPurpose)}


@dataclass(frozen=True)
class ConsentStep:
    """One step of a consent's history, as the editor and the access report show it."""

    purpose: ConsentPurpose
    kind: ConsentEventKind
    on_date: dt.date
    source: ConsentSource | None
    note: str
    recorded_at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class ConsentState:
    """The consent for one purpose as it stands after a step, with the person's new version."""

    purpose: ConsentPurpose
    given_on: dt.date
    source: ConsentSource
    withdrawn_on: dt.date | None
    person_version: int

    @property
    def standing(self) -> bool:
        return self.withdrawn_on is None


def _refuse(purpose: ConsentPurpose, message: str) -> ValidationError:
    return ValidationError(
        [FieldError(FIELD, f"Einwilligung „{PURPOSE_LABELS[purpose]}“", message)]
    )


def add_step(
    person: Person,
    purpose: ConsentPurpose,
    kind: ConsentEventKind,
    on_date: dt.date,
    source: ConsentSource | None,
    note: str = "",
) -> None:
    person.consent_events.append(
        ConsentEvent(
            purpose=purpose,
            kind=kind,
            on_date=on_date,
            source=source,
            note=clean(note)[:500],
            recorded_by=audit.current_user(),
        )
    )


def _latest(person: Person, purpose: ConsentPurpose, kind: ConsentEventKind) -> ConsentEvent | None:
    steps = [e for e in person.consent_events if e.purpose == purpose and e.kind == kind]
    return max(steps, key=lambda e: (e.on_date, e.id or 0), default=None)


def _check_date(purpose: ConsentPurpose, on_date: dt.date, not_before: dt.date | None) -> None:
    if on_date > dt.date.today():
        raise _refuse(purpose, "Das Datum liegt in der Zukunft.")
    if not_before is not None and on_date < not_before:
        raise _refuse(purpose, f"Das Datum liegt vor dem {not_before:%d.%m.%Y}.")


def record_consent_steps(
    person: Person,
    purpose: ConsentPurpose,
    old: Consent | None,
    wanted: tuple[dt.date, ConsentSource, dt.date | None, str],
) -> None:
    """Add the history steps for the change of one purpose from ``old`` to ``wanted``.

    Called before ``old`` is changed. A new or re-given consent adds a "given"
    step, a new withdrawal a "withdrawn" step; a changed date or source of a
    step already recorded is a correction and amends that step instead.
    """
    given_on, source, withdrawn_on, note = wanted
    if old is None:
        add_step(person, purpose, ConsentEventKind.GIVEN, given_on, source, note)
        if withdrawn_on is not None:
            add_step(person, purpose, ConsentEventKind.WITHDRAWN, withdrawn_on, None)
        return
    if old.withdrawn_on is not None and withdrawn_on is None:
        if given_on < old.withdrawn_on:
            raise _refuse(
                purpose,
                "Erneut erteilt: Das Datum der Einwilligung muss am oder nach dem Widerruf "
                f"({old.withdrawn_on:%d.%m.%Y}) liegen.",
            )
        add_step(person, purpose, ConsentEventKind.GIVEN, given_on, source, note)
        return
    if (given_on, source) != (old.given_on, old.source):
        latest = _latest(person, purpose, ConsentEventKind.GIVEN)
        if latest is None:
            add_step(person, purpose, ConsentEventKind.GIVEN, given_on, source, note)
        else:
            latest.on_date, latest.source = given_on, source
    if withdrawn_on != old.withdrawn_on and withdrawn_on is not None:
        latest = _latest(person, purpose, ConsentEventKind.WITHDRAWN)
        if old.withdrawn_on is None or latest is None:
            add_step(person, purpose, ConsentEventKind.WITHDRAWN, withdrawn_on, None)
        else:
            latest.on_date = withdrawn_on


def _state(consent: Consent, person: Person) -> ConsentState:
    return ConsentState(
        consent.purpose, consent.given_on, consent.source, consent.withdrawn_on, person.version
    )


def _load(session: Session, person_id: int, expected_version: int | None) -> Person:
    if expected_version is None:
        return get_or_raise(session, Person, person_id, WHAT)
    return load_for_update(session, Person, person_id, expected_version, WHAT)


def _finish(session: Session, person: Person, consent: Consent) -> ConsentState:
    flag_modified(person, "updated_at")  # the consents are part of the record: bump its version
    session.flush()
    audit.record(session, AuditAction.UPDATE, "person", person.id, ["consents"])
    return _state(consent, person)


def give_consent(
    db: Database,
    person_id: int,
    purpose: ConsentPurpose,
    on_date: dt.date,
    source: ConsentSource,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> ConsentState:
    """Record consent for ``purpose``: the first time, or again after a withdrawal.

    ``expected_version`` is the person's version the caller showed; a newer one
    raises ``ConflictError`` and nothing is written.
    """
    purpose, source = ConsentPurpose(purpose), ConsentSource(source)
    with db.session() as session, conflicts_reported(WHAT, person_id):
        person = _load(session, person_id, expected_version)
        consent = next((c for c in person.consents if c.purpose == purpose), None)
        if consent is not None and consent.withdrawn_on is None:
            raise _refuse(
                purpose, f"Die Einwilligung besteht seit dem {consent.given_on:%d.%m.%Y}."
            )
        _check_date(purpose, on_date, consent.withdrawn_on if consent is not None else None)
        add_step(person, purpose, ConsentEventKind.GIVEN, on_date, source, note)
        if consent is None:
            consent = Consent(purpose=purpose)
            person.consents.append(consent)
        consent.given_on, consent.source, consent.withdrawn_on = on_date, source, None
        consent.note = clean(note)[:500]
        return _finish(session, person, consent)


def withdraw_consent(
    db: Database,
    person_id: int,
    purpose: ConsentPurpose,
    on_date: dt.date,
    source: ConsentSource | None = None,
    note: str = "",
    *,
    expected_version: int | None = None,
) -> ConsentState:
    """Record that consent for ``purpose`` was withdrawn on ``on_date``."""
    purpose = ConsentPurpose(purpose)
    source = ConsentSource(source) if source is not None else None
    with db.session() as session, conflicts_reported(WHAT, person_id):
        person = _load(session, person_id, expected_version)
        consent = next((c for c in person.consents if c.purpose == purpose), None)
        if consent is None or consent.withdrawn_on is not None:
            raise _refuse(purpose, "Es besteht keine Einwilligung, die widerrufen werden kann.")
        _check_date(purpose, on_date, consent.given_on)
        add_step(person, purpose, ConsentEventKind.WITHDRAWN, on_date, source, note)
        consent.withdrawn_on = on_date
        return _finish(session, person, consent)


def steps_of(events: Iterable[ConsentEvent]) -> tuple[ConsentStep, ...]:
    ordered = sorted(events, key=lambda e: (PURPOSE_ORDER[e.purpose], e.on_date, e.id))
    return tuple(
        ConsentStep(e.purpose, e.kind, e.on_date, e.source, e.note, e.recorded_at, e.recorded_by)
        for e in ordered
    )


def consent_history(db: Database, person_id: int) -> tuple[ConsentStep, ...]:
    """Every step of the person's consents, by purpose, oldest first."""
    with db.read_session() as session:
        get_or_raise(session, Person, person_id, WHAT)
        events = session.scalars(select(ConsentEvent).where(ConsentEvent.person_id == person_id))
        return steps_of(events)

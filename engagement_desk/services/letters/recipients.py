"""Who gets a letter: people from a saved filter, an event or a certificate batch.

Everyone chosen is checked in this order, and counted under the first reason that
leaves them out: anonymised or archived people are never addressed; post and e-mail
need a standing consent to be contacted (DSGVO: consent per purpose, see
``CHANNEL_CONSENT``); a letter or label needs street, postal code and town, and a name
and address the shipped fonts can print; an e-mail list needs an e-mail address.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Certificate, Consent, Event, Person, Registration
from engagement_desk.models.enums import (
    CertificateStatus,
    ConsentPurpose,
    LeftOutReason,
    LetterOutput,
    PersonStatus,
    RegistrationStatus,
)
from engagement_desk.models.vocabulary import german
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.letters.filters import filter_named
from engagement_desk.services.letters.personal import unprintable
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import filter_people
from engagement_desk.services.salutations import Addressee, Case, addressed

CHANNEL_CONSENT: Mapping[LetterOutput, ConsentPurpose] = {
    LetterOutput.LETTERS: ConsentPurpose.CONTACT,
    LetterOutput.LABELS: ConsentPurpose.CONTACT,
    LetterOutput.EMAILS: ConsentPurpose.CONTACT,
}
"""The consent each output needs. The consent register knows one purpose for being
contacted (Kontaktaufnahme), by post and by e-mail alike."""

NOT_INVITED_AGAIN = frozenset({RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED})
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


@dataclass(frozen=True)
class PeopleQuerySource:
    """The people list as filtered now (search words and filters)."""

    text: str = ""
    filters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SavedFilterSource:
    name: str


@dataclass(frozen=True)
class EventSource:
    """An event's invitees and registrations, without those who declined or cancelled."""

    event_id: int


@dataclass(frozen=True)
class BatchSource:
    """The recipients of the certificate batch that holds the certificate ``number``:
    the issued certificates of its kind, day, event and template."""

    number: str


Source = PeopleQuerySource | SavedFilterSource | EventSource | BatchSource


@dataclass(frozen=True)
class EventFacts:
    title: str
    starts_at: dt.datetime
    place: str

    @property
    def date_text(self) -> str:
        return f"{WEEKDAYS[self.starts_at.weekday()]}, {self.starts_at:%d.%m.%Y}"

    @property
    def time_text(self) -> str:
        return f"{self.starts_at:%H:%M}"


@dataclass(frozen=True)
class Recipient:
    person_id: int
    salutation: str
    title: str
    first_name: str
    last_name: str
    street: str
    postal_code: str
    city: str
    email: str
    certificate_name: str = ""

    @property
    def addressee(self) -> Addressee:
        return Addressee(self.salutation, self.title, self.first_name, self.last_name)

    @property
    def printed_name(self) -> str:
        """The name as printed: the name for certificates and letters if the person has one."""
        if self.certificate_name:
            return self.certificate_name
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def address_lines(self) -> tuple[str, ...]:
        """The address field's lines: 'Herrn Dr. Max Muster', street, 'PLZ Ort'."""
        name = Addressee(self.salutation, "", self.printed_name, "")
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        return tuple(p for p in (addressed(name, Case.ACCUSATIVE), self.street, place) if p)


@dataclass(frozen=True)
class Recipients:
    """Who gets one, and how many were left out for which reason."""

    output: LetterOutput
    people: tuple[Recipient, ...]
    left_out: Mapping[LeftOutReason, int]
    event: EventFacts | None = None
    chosen: int = 0

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())

    def left_out_text(self) -> str:
        """'3 ohne Einwilligung zur Kontaktaufnahme, 2 ohne Anschrift' ('' if nobody)."""
        return ", ".join(
            f"{count} {german(reason)[0].lower()}{german(reason)[1:]}"
            for reason, count in self.left_out.items()
            if count
        )


def gather_recipients(
    db: Database, source: Source, output: LetterOutput, *, today: dt.date | None = None
) -> Recipients:
    with db.read_session() as session:
        return recipients_in(session, source, output, today=today or dt.date.today())


def recipients_in(
    session: Session, source: Source, output: LetterOutput, *, today: dt.date
) -> Recipients:
    return recipients_for(session, source, (output,), today=today)[output]


def recipients_for(
    session: Session, source: Source, outputs: Sequence[LetterOutput], *, today: dt.date
) -> dict[LetterOutput, Recipients]:
    """The recipients of each output; the people are read and checked once for all."""
    person_ids, event = _chosen(session, source)
    people = _people(session, person_ids)
    purposes = {CHANNEL_CONSENT[output] for output in outputs}
    consented = {purpose: _consented(session, person_ids, purpose, today) for purpose in purposes}
    printable: dict[int, bool] = {}
    found = {}
    for output in outputs:
        reasons: Counter[LeftOutReason] = Counter()
        reasons[LeftOutReason.ANONYMIZED_OR_ARCHIVED] = len(person_ids) - len(people)
        kept = []
        for person in people:
            reason = _reason_left_out(
                person, output, person.person_id in consented[CHANNEL_CONSENT[output]], printable
            )
            if reason is None:
                kept.append(person)
            else:
                reasons[reason] += 1
        ordered = {reason: reasons[reason] for reason in LeftOutReason if reasons[reason]}
        found[output] = Recipients(output, tuple(kept), ordered, event, len(person_ids))
    return found


def _reason_left_out(
    person: Recipient, output: LetterOutput, consented: bool, printable: dict[int, bool]
) -> LeftOutReason | None:
    if not consented:
        return LeftOutReason.NO_CONSENT
    if output is LetterOutput.EMAILS:
        return None if "@" in person.email else LeftOutReason.NO_EMAIL
    if not (person.street and person.postal_code and person.city):
        return LeftOutReason.NO_ADDRESS
    if person.person_id not in printable:
        printable[person.person_id] = not unprintable("".join(person.address_lines))
    if not printable[person.person_id]:
        return LeftOutReason.UNPRINTABLE
    return None


def _chosen(session: Session, source: Source) -> tuple[set[int], EventFacts | None]:
    if isinstance(source, SavedFilterSource):
        saved = filter_named(session, source.name)
        source = PeopleQuerySource(saved.search_text, saved.filters)
    if isinstance(source, PeopleQuerySource):
        query = ListQuery(text=source.text, filters=dict(source.filters))
        return set(session.scalars(filter_people(select(Person.id), session, query))), None
    if isinstance(source, EventSource):
        event = session.get(Event, source.event_id)
        if event is None:
            raise NotFoundError(f"Eine Veranstaltung Nr. {source.event_id} gibt es nicht.")
        ids = session.scalars(
            select(Registration.person_id).where(
                Registration.event_id == event.id,
                Registration.person_id.is_not(None),
                Registration.status.not_in(NOT_INVITED_AGAIN),
            )
        )
        return set(ids), EventFacts(event.title, event.starts_at, event.place)
    return _batch(session, source.number)


def _batch(session: Session, number: str) -> tuple[set[int], EventFacts | None]:
    found = session.scalar(select(Certificate).where(Certificate.number == number.strip()))
    if found is None:
        raise NotFoundError(f"Eine Urkunde mit der Nummer „{number.strip()}“ gibt es nicht.")
    same = [
        Certificate.kind == found.kind,
        Certificate.issued_on == found.issued_on,
        Certificate.status != CertificateStatus.REVOKED,
        Certificate.event_id == found.event_id
        if found.event_id is not None
        else Certificate.event_id.is_(None),
        Certificate.template_id == found.template_id
        if found.template_id is not None
        else Certificate.template_id.is_(None),
    ]
    ids = set(session.scalars(select(Certificate.person_id).where(*same)))
    event = session.get(Event, found.event_id) if found.event_id is not None else None
    return ids, EventFacts(event.title, event.starts_at, event.place) if event else None


def _people(session: Session, person_ids: set[int]) -> list[Recipient]:
    """The chosen people who may be addressed at all, in German name order."""
    rows: list[tuple[tuple[str, str, int], Recipient]] = []
    for chunk in _chunks(sorted(person_ids)):
        for person in session.execute(
            select(
                Person.id,
                Person.salutation,
                Person.title,
                Person.first_name,
                Person.last_name,
                Person.street,
                Person.postal_code,
                Person.city,
                Person.email,
                Person.certificate_name,
                Person.last_name_key,
                Person.first_name_key,
            ).where(
                Person.id.in_(chunk),
                Person.anonymized_on.is_(None),
                Person.status != PersonStatus.ARCHIVED,
            )
        ):
            key = (person.last_name_key, person.first_name_key, person.id)
            rows.append((key, Recipient(*person[:10])))
    rows.sort(key=lambda row: row[0])
    return [recipient for _, recipient in rows]


def _consented(
    session: Session, person_ids: set[int], purpose: ConsentPurpose, today: dt.date
) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(sorted(person_ids)):
        found.update(
            session.scalars(
                select(Consent.person_id).where(
                    Consent.person_id.in_(chunk),
                    Consent.purpose == purpose,
                    Consent.given_on <= today,
                    or_(Consent.withdrawn_on.is_(None), and_(Consent.withdrawn_on > today)),
                )
            )
        )
    return found


def _chunks(ids: Sequence[int], size: int = 900) -> list[Sequence[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]

"""Erasure by anonymisation (DSGVO Art. 17): the person goes, the statistics stay.

What is removed: name (the record is called ``Anonymisiert #<id>``), salutation,
title, address, phone numbers, e-mail, birth date, the day engagement began,
the office's notes, and every free text in the rows that belong to the person:
tags, availability and absences (deleted), mobility needs (health data,
deleted), consent notes, driver notes, registration notes and stand, hours
activities, placement step notes, standing-order addresses and notes, the
pick-up address, destination and notes of rides they were a passenger on, the
health flags of their rides, their club contact functions (deleted). Where the
full name is mentioned in any other text (a ride note, the minutes of a
meeting, a question sent in), it is replaced by the new name.

Birth date: the year figures (``services/reports/figures.py``) use no age
groups, so nothing of the birth date is kept, not even the year.

What is kept for the figures: the roles, hours with their dates, hours,
organization and centre; rides with date, status and km; registrations with
their role and status (event attendance); placements with their steps and
dates; consents' purposes and dates; certificates in the register with number,
code and date — their stored content loses the name, birth date, activities and
competences, and its hash is computed again over what is left (the old hash
would let anyone with the database test a guessed name against it).

It is refused while the person has rides from today on, an open standing
order, standby duty from today on, registrations for events still to come, or
an active placement; the German message names them.

On SQLite the unit of work runs with ``PRAGMA secure_delete`` so the old text
is overwritten, not left in free pages. The full-text index no longer finds
the person once it commits, but its older segments still hold the old words
until they are merged: ``purge_search_index`` merges them (``optimize``, about
0.3 s on 100,000 people) and checkpoints the write-ahead log into the file.
Every caller runs it right after — the window on the same single writer
thread, so nothing written later overtakes it — and a backup compacts the
index of its copy itself, so no backup ever holds the old words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import (
    Boolean,
    Enum,
    String,
    Table,
    Text,
    delete,
    func,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import (
    Base,
    Certificate,
    Event,
    Opportunity,
    Organization,
    Person,
    Placement,
    PlacementStep,
    Registration,
    Ride,
    RidePassenger,
    StandbyDriver,
    StandingOrder,
    StandingOrderPause,
)
from engagement_desk.models.base import HEALTH_DATA
from engagement_desk.models.enums import (
    AuditAction,
    PersonStatus,
    PlacementStatus,
    RegistrationStatus,
    RideStatus,
)
from engagement_desk.services import audit
from engagement_desk.services.certificates.content import content_hash
from engagement_desk.services.errors import Cancelled, NotFoundError, ServiceError
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.wording import agreeing, count_phrase

ANONYMIZED_LAST_NAME = "Anonymisiert #{id}"
"""What an anonymised person is called (last name; the first name is empty)."""

# Rows of these tables exist only to describe the person: deleted.
DELETED_TABLES = (
    "person_tag",
    "availability",
    "absence",
    "mobility_needs",
    "driver_preference",
    "organization_contact",
)
# Text that is not about the person: the register's keys, a recurrence rule,
# the staff member who typed a consent in or corrected hours.
KEPT_TEXT = {
    ("certificate", "number"),
    ("certificate", "verification_code"),
    ("certificate", "content_hash"),
    ("certificate", "content"),
    ("standing_order", "recurrence"),
    ("consent_event", "recorded_by"),
    ("hours_correction", "kind"),
    ("hours_correction", "user"),
}
# Tables whose rows describe the person (through the linking column): their
# free text is emptied and health flags cleared; the rows stay for the figures.
# Other tables that link a person (a centre's contact, a ride's driver, a
# vehicle's owner, a ride service's coordinator) keep the link to the
# anonymised record; their texts only lose mentions of the full name.
OWNED_TABLES = {
    "consent",
    "consent_event",
    "driver_profile",
    "registration",
    "hours_entry",
    "hours_correction",
    "standing_order",
    "ride_passenger",
    "certificate",
    "placement",
    "person_role",
}
# Links that keep pointing at the anonymised record (no text of theirs is about the person).
LINKED_ONLY = {
    ("center", "contact_person_id"),
    ("vehicle", "owner_id"),
    ("ride_service", "coordinator_id"),
    ("ride", "driver_id"),
    ("standby_driver", "driver_id"),
}
MENTION_STRINGS = {
    ("event", "trainer"),
    ("event", "place"),
    ("event_question", "asked_by"),
    ("vehicle", "name"),
    ("certificate", "revoke_reason"),
    ("organization_contact", "function"),
}
SKIPPED_TABLES = {"audit_entry", "search_document", "alembic_version"}
OPEN_REGISTRATION = (
    RegistrationStatus.INVITED,
    RegistrationStatus.REGISTERED,
    RegistrationStatus.WAITING_LIST,
)
OPEN_RIDE = (RideStatus.PLANNED, RideStatus.ASSIGNED)
LISTED = 5


class AnonymizationBlocked(ServiceError):
    """The person cannot be anonymised yet; the message says why."""


@dataclass(frozen=True)
class AnonymizationPreview:
    """What anonymising would remove and keep, and what stands in the way (German)."""

    person_id: int
    name: str
    new_name: str
    removed: tuple[str, ...]
    kept: tuple[str, ...]
    blockers: tuple[str, ...]
    anonymized_on: dt.date | None = None

    @property
    def possible(self) -> bool:
        return not self.blockers


@dataclass(frozen=True)
class AnonymizationResult:
    person_id: int
    new_name: str
    anonymized_on: dt.date
    mentions_replaced: int


@dataclass(frozen=True)
class BulkPreview:
    """Several people at once: who can be anonymised, who not and why."""

    possible: tuple[AnonymizationPreview, ...]
    blocked: tuple[AnonymizationPreview, ...]


@dataclass(frozen=True)
class BulkResult:
    anonymized: tuple[int, ...]
    blocked: tuple[tuple[int, str], ...] = field(default_factory=tuple)


def anonymized_name(person_id: int) -> str:
    return ANONYMIZED_LAST_NAME.format(id=person_id)


def _date(value: dt.date | dt.datetime) -> str:
    return f"{value:%d.%m.%Y}"


def _listed(items: Sequence[str]) -> str:
    """The first few items, comma-separated, as the end of a sentence (with its full stop)."""
    shown = ", ".join(items[:LISTED])
    shown += f" und {len(items) - LISTED} weitere" if len(items) > LISTED else ""
    return shown if shown.endswith(".") else shown + "."


def _name(person: Person) -> str:
    return " ".join(p for p in (person.first_name, person.last_name) if p)


# --- what stands in the way ----------------------------------------------------------------


def _blockers(session: Session, person: Person, today: dt.date) -> list[str]:
    if person.anonymized_on is not None:
        return [f"Die Person wurde bereits am {_date(person.anonymized_on)} anonymisiert."]
    pid = person.id
    reasons = []
    rides = session.execute(
        select(Ride.ride_date, Ride.destination)
        .where(
            Ride.ride_date >= today,
            Ride.status.in_(OPEN_RIDE),
            (Ride.driver_id == pid)
            | Ride.id.in_(select(RidePassenger.ride_id).where(RidePassenger.person_id == pid)),
        )
        .order_by(Ride.ride_date, Ride.start_time)
    ).all()
    if rides:
        reasons.append(
            "Geplante Fahrten: "
            + _listed([f"{_date(d)}" + (f" ({where})" if where else "") for d, where in rides])
        )
    orders = session.execute(
        select(StandingOrder.destination_name, StandingOrder.valid_from)
        .where(
            StandingOrder.passenger_id == pid,
            (StandingOrder.valid_to.is_(None)) | (StandingOrder.valid_to >= today),
        )
        .order_by(StandingOrder.valid_from)
    ).all()
    if orders:
        reasons.append(
            "Laufende Daueraufträge: "
            + _listed([f"{name} (seit {_date(start)})" for name, start in orders])
        )
    standby = session.scalars(
        select(StandbyDriver.on_date)
        .where(StandbyDriver.driver_id == pid, StandbyDriver.on_date >= today)
        .order_by(StandbyDriver.on_date)
    ).all()
    if standby:
        reasons.append("Bereitschaft als Fahrer/in: " + _listed([_date(d) for d in standby]))
    now = dt.datetime.combine(today, dt.time())
    events = session.execute(
        select(Event.title, Event.starts_at)
        .join(Registration, Registration.event_id == Event.id)
        .where(
            Registration.person_id == pid,
            Registration.status.in_(OPEN_REGISTRATION),
            Event.starts_at >= now,
        )
        .order_by(Event.starts_at)
    ).all()
    if events:
        reasons.append(
            "Anmeldungen zu kommenden Veranstaltungen: "
            + _listed([f"{title} am {_date(starts)}" for title, starts in events])
        )
    placements = session.execute(
        select(Opportunity.title, Organization.name)
        .join(Placement, Placement.opportunity_id == Opportunity.id)
        .join(Organization, Organization.id == Opportunity.organization_id)
        .where(Placement.person_id == pid, Placement.status == PlacementStatus.ACTIVE)
        .order_by(Opportunity.title)
    ).all()
    if placements:
        reasons.append(
            "Aktive Vermittlungen: "
            + _listed([f"{title} bei {club}" for title, club in placements])
        )
    return reasons


# --- what goes, what stays -----------------------------------------------------------------


def _tables(session: Session) -> list[Table]:
    """The mapped tables this database has (a newer program may know more)."""
    present = set(inspect(session.connection()).get_table_names())
    return [t for t in Base.metadata.sorted_tables if t.name in present]


def _links(session: Session) -> list[tuple[Table, str]]:
    """Every (table, column) that points at a person, found in the schema."""
    found = []
    for table in _tables(session):
        for fk in table.foreign_keys:
            if fk.column.table.name == "person" and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def _is_text(column) -> bool:
    return isinstance(column.type, String) and not isinstance(column.type, Enum)


def _free_text_columns(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if _is_text(c)
        and not c.primary_key
        and not c.foreign_keys
        and (table.name, c.name) not in KEPT_TEXT
    ]


def _health_flags(table: Table) -> list[str]:
    return [
        c.name
        for c in table.columns
        if isinstance(c.type, Boolean) and c.info.get("dsgvo") == HEALTH_DATA
    ]


def _count(session: Session, table: Table, column: str, pid: int) -> int:
    return session.scalar(select(func.count()).select_from(table).where(table.c[column] == pid))


REMOVED_LABELS = {
    "person_tag": "Interessen, Fähigkeiten und Sprachen",
    "availability": "Verfügbarkeiten",
    "absence": "Abwesenheiten mit Gründen",
    "mobility_needs": "Mobilitätsbedarf (Gesundheitsdaten)",
    "driver_preference": "Fahrerwünsche",
    "organization_contact": "Funktionen als Ansprechpartner/in von Vereinen",
    "consent": "Notizen zu Einwilligungen",
    "consent_event": "Notizen im Einwilligungsverlauf",
    "driver_profile": "Notizen für die Disposition",
    "registration": "Notizen und Stand bei Anmeldungen",
    "hours_entry": "Tätigkeitsbeschreibungen der Stunden",
    "hours_correction": "Gründe und Angaben der Stundenkorrekturen",
    "standing_order": "Adressen, Notizen und Bedarf der Daueraufträge",
    "ride_passenger": "Adressen, Notizen und Bedarf der Fahrten als Fahrgast",
    "placement": "Notizen der Vermittlungsschritte",
    "certificate": "Name, Geburtsdatum, Tätigkeiten und Kompetenzen in den Urkunden",
}
KEPT_LABELS = {
    "person_role": "Rollen",
    "hours_entry": "Stunden mit Datum, Verein und Zentrum",
    "ride_passenger": "Fahrten als Fahrgast (Datum, Status)",
    "registration": "Teilnahme an Veranstaltungen",
    "placement": "Vermittlungen mit Schritten und Daten",
    "certificate": "Urkunden im Register (Nummer, Datum)",
    "consent": "Einwilligungen (Zweck und Daten)",
}


def _inventory(session: Session, person: Person) -> tuple[list[str], list[str]]:
    pid = person.id
    removed = [
        "Name, Anrede und Titel",
        "Adresse, Telefon, Mobil und E-Mail",
        "Geburtsdatum (vollständig, auch das Jahr)",
        "Notizen",
    ]
    kept = [f"Die Person heißt danach „{anonymized_name(pid)}“ und ist archiviert."]
    for table, column in _links(session):
        if table.name not in OWNED_TABLES and table.name not in DELETED_TABLES:
            continue
        count = _count(session, table, column, pid)
        if not count:
            continue
        if table.name in REMOVED_LABELS:
            removed.append(f"{REMOVED_LABELS[table.name]} ({count})")
        if table.name in KEPT_LABELS:
            kept.append(f"{KEPT_LABELS[table.name]} ({count})")
    driven = session.scalar(
        select(Ride.id).where(Ride.driver_id == pid, Ride.status == RideStatus.DONE).limit(1)
    )
    if driven is not None:
        kept.append("Gefahrene Fahrten mit Kilometern")
    kept.append("Der Protokolleintrag der Anonymisierung (ohne die gelöschten Angaben)")
    return removed, kept


def _preview(session: Session, person: Person, today: dt.date) -> AnonymizationPreview:
    removed, kept = _inventory(session, person)
    return AnonymizationPreview(
        person_id=person.id,
        name=_name(person),
        new_name=anonymized_name(person.id),
        removed=tuple(removed),
        kept=tuple(kept),
        blockers=tuple(_blockers(session, person, today)),
        anonymized_on=person.anonymized_on,
    )


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Die Person Nr. {person_id} gibt es nicht (mehr).")
    return person


def preview_anonymization(
    db: Database, person_id: int, today: dt.date | None = None
) -> AnonymizationPreview:
    """What ``anonymize_person`` would remove and keep, and why it may not be possible yet."""
    today = today or dt.date.today()
    with db.read_session() as session:
        return _preview(session, _person(session, person_id), today)


def preview_bulk(
    db: Database, person_ids: Sequence[int], today: dt.date | None = None
) -> BulkPreview:
    """The previews of several people, split into possible and blocked."""
    today = today or dt.date.today()
    possible, blocked = [], []
    with db.read_session() as session:
        for person_id in person_ids:
            person = session.get(Person, person_id)
            if person is None:
                continue
            blockers = _blockers(session, person, today)
            preview = AnonymizationPreview(
                person.id, _name(person), anonymized_name(person.id), (), (), tuple(blockers)
            )
            (blocked if blockers else possible).append(preview)
    return BulkPreview(tuple(possible), tuple(blocked))


# --- doing it ------------------------------------------------------------------------------


def _name_patterns(person: Person) -> list[str]:
    """Spellings of the full name that may be written in other records' texts."""
    first, last = person.first_name.strip(), person.last_name.strip()
    patterns = []
    if first and last:
        patterns += [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]
        if person.title:
            patterns.insert(0, f"{person.title} {first} {last}")
    elif last:
        patterns.append(last)
    if person.certificate_name.strip():
        patterns.insert(0, " ".join(person.certificate_name.split()))
    return [p for p in patterns if len(p) >= 5]


def _replace(text: str, patterns: Sequence[str], label: str) -> str:
    for pattern in patterns:
        text = re.sub(re.escape(pattern), label, text, flags=re.IGNORECASE)
    return text


def _redact_certificate(content: str, person: Person, label: str) -> str:
    data = json.loads(content)
    words = [
        " ".join(person.certificate_name.split()),
        " ".join(p for p in (person.title, person.first_name, person.last_name) if p),
        " ".join(p for p in (person.first_name, person.last_name) if p),
        person.last_name,
        person.first_name,
    ]
    data["person"]["name"] = label
    data["person"]["birth_date"] = None
    data["activities"] = []
    data["competences"] = ""
    paragraphs = []
    for style, text in data.get("paragraphs", []):
        for word in sorted({w for w in words if w and len(w) >= 2}, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(word)}\b", label, text, flags=re.IGNORECASE)
        paragraphs.append([style, text])
    data["paragraphs"] = paragraphs
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _blank_owned_rows(session: Session, pid: int) -> None:
    for table, column in _links(session):
        if table.name not in OWNED_TABLES and table.name not in DELETED_TABLES:
            continue
        owned = table.c[column] == pid
        if table.name in DELETED_TABLES:
            session.execute(delete(table).where(owned))
            continue
        values: dict[str, object] = {name: "" for name in _free_text_columns(table)}
        values.update({name: False for name in _health_flags(table)})
        if values:
            session.execute(update(table).where(owned).values(values))
    # Rows that belong to the person through a parent row.
    own_rides = select(RidePassenger.ride_id).where(RidePassenger.person_id == pid)
    session.execute(
        update(Ride)
        .where(Ride.id.in_(own_rides))
        .values(pickup_address="", destination="", notes="")
    )
    own_orders = select(StandingOrder.id).where(StandingOrder.passenger_id == pid)
    session.execute(
        update(StandingOrderPause)
        .where(StandingOrderPause.standing_order_id.in_(own_orders))
        .values(reason="")
    )
    own_placements = select(Placement.id).where(Placement.person_id == pid)
    session.execute(
        update(PlacementStep).where(PlacementStep.placement_id.in_(own_placements)).values(note="")
    )


def _mention_columns(table: Table) -> list:
    """Texts in which staff may write a person's full name: long texts and a few named ones."""
    return [
        c
        for c in table.columns
        if _is_text(c)
        and not c.primary_key
        and (isinstance(c.type, Text) or (table.name, c.name) in MENTION_STRINGS)
    ]


def _replace_mentions(session: Session, patterns: Sequence[str], label: str) -> int:
    """Replace the full name wherever another record's text mentions it."""
    if not patterns:
        return 0
    postgresql = session.get_bind().dialect.name == "postgresql"
    # "Dr. Anna Weber" is found by looking for "Anna Weber".
    searched = [p for p in patterns if not any(q != p and q.lower() in p.lower() for q in patterns)]
    replaced = 0
    for table in _tables(session):
        if table.name in SKIPPED_TABLES or table.name in DELETED_TABLES:
            continue
        columns = _mention_columns(table)
        if not columns:
            continue
        keys = list(table.primary_key.columns)
        # SQLite's LIKE ignores the case of ASCII letters; the match is checked again below.
        condition = or_(
            *(
                (column.ilike(f"%{p}%") if postgresql else column.like(f"%{p}%"))
                for column in columns
                for p in searched
            )
        )
        for row in session.execute(select(*keys, *columns).where(condition)):
            key, texts = row[: len(keys)], row[len(keys) :]
            values = {}
            for column, text in zip(columns, texts, strict=True):
                new = _replace(text or "", patterns, label)
                if new != (text or ""):
                    values[column.name] = new
            if values:
                if table.name == "certificate" and "content" in values:
                    # Someone else's certificate naming the person (say, as trainer).
                    values["content_hash"] = content_hash(values["content"])
                where = [k == v for k, v in zip(keys, key, strict=True)]
                session.execute(update(table).where(*where).values(values))
                replaced += 1
    return replaced


def _purge_sqlite(session: Session) -> None:
    session.flush()
    connection = session.connection()
    # Old segments of the full-text index still hold the old words until merged.
    connection.exec_driver_sql("INSERT INTO search_index(search_index) VALUES('optimize')")


def _anonymize(session: Session, person: Person, today: dt.date) -> int:
    pid = person.id
    label = anonymized_name(pid)
    patterns = _name_patterns(person)
    certificates = session.scalars(select(Certificate).where(Certificate.person_id == pid)).all()
    for certificate in certificates:
        if certificate.content:
            certificate.content = _redact_certificate(certificate.content, person, label)
            certificate.content_hash = content_hash(certificate.content)
    _blank_owned_rows(session, pid)
    mentions = _replace_mentions(session, patterns, label)
    person.salutation = person.title = person.first_name = person.certificate_name = ""
    person.last_name = label
    person.birth_date = None
    person.engaged_since = None
    person.street = person.postal_code = person.city = ""
    person.phone = person.mobile = person.email = ""
    person.notes = ""
    person.status = PersonStatus.ARCHIVED
    person.anonymized_on = today
    session.flush()
    audit.record(session, AuditAction.ANONYMIZE, "person", pid)
    return mentions


def _secure_delete(session: Session, on: bool) -> None:
    session.connection().exec_driver_sql(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def _checkpoint(db: Database) -> None:
    """Move the overwritten pages into the file and empty the write-ahead log."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _run(db: Database, person_id: int, today: dt.date) -> AnonymizationResult:
    with db.session() as session:
        if db.is_sqlite:
            _secure_delete(session, True)
        try:
            person = _person(session, person_id)
            blockers = _blockers(session, person, today)
            if blockers:
                name = _name(person)
                raise AnonymizationBlocked(
                    f"{name or f'Person Nr. {person_id}'} kann noch nicht anonymisiert werden: "
                    + " ".join(blockers)
                )
            mentions = _anonymize(session, person, today)
            result = AnonymizationResult(person_id, person.last_name, today, mentions)
        finally:
            if db.is_sqlite:
                _secure_delete(session, False)
    return result


def anonymize_person(
    db: Database,
    person_id: int,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> AnonymizationResult:
    """Anonymise one person in one transaction (all or nothing); see the module docstring.

    Run ``purge_search_index`` next: it scrubs the old words from the index."""
    step(progress, 0, 1)
    result = _run(db, person_id, today or dt.date.today())
    progress.report(1, 1)
    return result


def purge_search_index(db: Database) -> None:
    """Merge the full-text index so no old segment keeps anonymised words, with the freed
    pages overwritten, and move it all from the write-ahead log into the file."""
    if not db.is_sqlite:
        return  # PostgreSQL's index entries go with the row versions VACUUM removes
    with db.session() as session:
        _secure_delete(session, True)
        try:
            _purge_sqlite(session)
        finally:
            _secure_delete(session, False)
    _checkpoint(db)


def anonymize_people(
    db: Database,
    person_ids: Sequence[int],
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> BulkResult:
    """Anonymise several people, each in its own transaction; blocked ones are skipped.

    The full-text index is merged once at the end (also after a cancel), not
    after every person; a cancel keeps the people done so far anonymised.
    """
    today = today or dt.date.today()
    done: list[int] = []
    blocked: list[tuple[int, str]] = []
    total = len(person_ids)
    try:
        for number, person_id in enumerate(person_ids):
            step(progress, number, total, f"{number} von {total}")
            try:
                _run(db, person_id, today)
            except AnonymizationBlocked as error:
                blocked.append((person_id, str(error)))
            except NotFoundError:
                continue
            else:
                done.append(person_id)
        step(progress, total, total)
    except Cancelled:
        raise Cancelled(
            f"Abgebrochen: {len(done)} von {count_phrase(total, 'Person', 'Personen')} "
            f"{agreeing(len(done), 'ist', 'sind')} anonymisiert, "
            "die übrigen unverändert."
        ) from None
    finally:
        if done:
            purge_search_index(db)
    return BulkResult(tuple(done), tuple(blocked))

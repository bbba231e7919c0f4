"""Rows that are likely people already in the database, or already earlier in the same file.

"Likely" means what ``services.duplicates.likely_duplicates`` means for the
person form: same name and birth date, same phone number or same e-mail.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, or_, select

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.people.duplicates import (
    SAME_EMAIL,
    SAME_NAME_AND_BIRTH,
    SAME_PHONE,
    DuplicateHit,
)
from engagement_desk.services.people.persons import PersonInput
from engagement_desk.services.validation import clean, format_phone

BATCH = 2000  # rows per look-up query; stays far below SQLite's 32766 parameters
HITS_PER_ROW = 10  # as many as the person form shows
REASON_ORDER = (SAME_NAME_AND_BIRTH, SAME_PHONE, SAME_EMAIL)

Key = tuple[str, ...]


@dataclass(frozen=True)
class RowDuplicate:
    """Row ``line`` is likely someone already known: earlier in the file, or in the database."""

    line: int
    reasons: tuple[str, ...]
    same_as_line: int | None = None
    existing: tuple[DuplicateHit, ...] = field(default=())

    def __str__(self) -> str:
        if self.same_as_line is not None:
            return (
                f"Zeile {self.line}: doppelt in der Datei, wie Zeile {self.same_as_line} "
                f"({', '.join(self.reasons)})"
            )
        return f"Zeile {self.line}: schon vorhanden: " + "; ".join(str(h) for h in self.existing)


@dataclass(frozen=True)
class Candidate:
    """A good row with the keys it is compared by, each with the reason a match gives."""

    line: int
    person: PersonInput
    keys: Mapping[Key, str]

    @classmethod
    def of(cls, line: int, person: PersonInput) -> Candidate:
        return cls(line, person, dict(_keys(person)))


def _keys(person: PersonInput) -> Iterator[tuple[Key, str]]:
    last, first = clean(person.last_name).casefold(), clean(person.first_name).casefold()
    if last and person.birth_date:
        yield _name_key(last, first, person.birth_date.isoformat()), SAME_NAME_AND_BIRTH
    for number in (person.phone, person.mobile):
        if clean(number):
            yield ("phone", format_phone(clean(number))), SAME_PHONE
    if email := clean(person.email).lower():
        yield ("email", email), SAME_EMAIL


def _name_key(last: str, first: str, birth_date: str) -> Key:
    return ("name", last.casefold(), first.casefold(), birth_date)


def within_file(rows: Sequence[Candidate]) -> dict[int, RowDuplicate]:
    """Each row that repeats an earlier row, pointing at the earliest one it repeats."""
    first_line: dict[Key, int] = {}
    found: dict[int, RowDuplicate] = {}
    for row in rows:
        earlier = min((first_line[key] for key in row.keys if key in first_line), default=None)
        if earlier is not None:
            reasons = _unique(
                reason for key, reason in row.keys.items() if first_line.get(key) == earlier
            )
            found[row.line] = RowDuplicate(row.line, reasons, same_as_line=earlier)
        for key in row.keys:
            first_line.setdefault(key, row.line)
    return found


def in_database(db: Database, rows: Sequence[Candidate]) -> dict[int, RowDuplicate]:
    """What ``likely_duplicates`` finds for each row, with one query per batch of rows.

    One ``likely_duplicates`` call per row scans the person table each time
    (the mobile number has no index): minutes for a file imported twice. This
    gives the same hits, reasons and labels; a test holds the two together.
    """
    found: dict[int, RowDuplicate] = {}
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        known = _KnownPeople.matching(db, batch)
        for row in batch:
            hits = known.hits(row)
            if hits:
                reasons = _unique(reason for hit in hits for reason in hit.reasons)
                found[row.line] = RowDuplicate(row.line, reasons, existing=hits)
    return found


@dataclass
class _KnownPeople:
    """People in the database who share a key with a batch of rows."""

    people: dict[int, Row[Any]] = field(default_factory=dict)
    by_key: dict[Key, set[int]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def matching(cls, db: Database, rows: Sequence[Candidate]) -> _KnownPeople:
        known = cls()
        keys = [key for row in rows for key in row.keys]
        phones = {key[1] for key in keys if key[0] == "phone"}
        emails = {key[1] for key in keys if key[0] == "email"}
        births = {row.person.birth_date for row in rows if row.person.birth_date}
        conditions = []
        if births:
            conditions.append(Person.birth_date.in_(births))
        if phones:
            conditions += [Person.phone.in_(phones), Person.mobile.in_(phones)]
        if emails:
            conditions.append(Person.email.in_(emails))
        if not conditions:
            return known
        columns = (
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            Person.city,
            Person.status,
            Person.phone,
            Person.mobile,
            Person.email,
        )
        with db.read_session() as session:
            for person in session.execute(select(*columns).where(or_(*conditions))):
                known.add(person)
        return known

    def add(self, person: Row[Any]) -> None:
        self.people[person.id] = person
        if person.birth_date:
            key = _name_key(person.last_name, person.first_name, person.birth_date.isoformat())
            self.by_key[key].add(person.id)
        for number in {person.phone, person.mobile} - {""}:
            self.by_key[("phone", number)].add(person.id)
        if person.email:
            self.by_key[("email", person.email)].add(person.id)

    def hits(self, row: Candidate) -> tuple[DuplicateHit, ...]:
        reasons: dict[int, set[str]] = defaultdict(set)
        for key, reason in row.keys.items():
            for person_id in self.by_key.get(key, ()):
                reasons[person_id].add(reason)
        return tuple(
            DuplicateHit(
                person_id,
                _label(self.people[person_id]),
                tuple(r for r in REASON_ORDER if r in reasons[person_id]),
            )
            for person_id in sorted(reasons)[:HITS_PER_ROW]
        )


def _label(person: Row[Any]) -> str:
    """As the person form's duplicate warning names someone."""
    label = f"{person.first_name} {person.last_name}".strip()
    if person.birth_date:
        label += f", geb. {person.birth_date:%d.%m.%Y}"
    if person.city:
        label += f", {person.city}"
    if person.status == PersonStatus.ARCHIVED:
        label += " (archiviert)"
    return label


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))

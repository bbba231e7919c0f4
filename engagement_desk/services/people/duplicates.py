"""Warning before a person is entered twice: same name and birth date, phone or e-mail."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.people.persons import PersonInput
from engagement_desk.services.validation import clean, format_phone

SAME_NAME_AND_BIRTH = "gleicher Name und Geburtsdatum"
SAME_PHONE = "gleiche Telefonnummer"
SAME_EMAIL = "gleiche E-Mail-Adresse"


@dataclass(frozen=True)
class DuplicateHit:
    id: int
    label: str
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.label} ({', '.join(self.reasons)})"


def likely_duplicates(
    db: Database, data: PersonInput, *, exclude_id: int | None = None, limit: int = 10
) -> list[DuplicateHit]:
    # Names are compared in Python with casefold(): SQLite's lower() leaves "Ö" alone.
    first, last = clean(data.first_name).casefold(), clean(data.last_name).casefold()
    email = clean(data.email).lower()
    phones = {format_phone(clean(p)) for p in (data.phone, data.mobile) if clean(p)}
    conditions = []
    if last and data.birth_date:
        conditions.append(Person.birth_date == data.birth_date)
    if phones:
        conditions += [Person.phone.in_(phones), Person.mobile.in_(phones)]
    if email:
        conditions.append(Person.email == email)
    if not conditions:
        return []
    statement = select(Person).where(or_(*conditions))
    if exclude_id is not None:
        statement = statement.where(Person.id != exclude_id)
    hits = []
    with db.read_session() as session:
        for person in session.scalars(statement.order_by(Person.id)):
            reasons = []
            if (
                data.birth_date
                and person.birth_date == data.birth_date
                and person.last_name.casefold() == last
                and person.first_name.casefold() == first
            ):
                reasons.append(SAME_NAME_AND_BIRTH)
            if phones & {person.phone, person.mobile}:
                reasons.append(SAME_PHONE)
            if email and person.email == email:
                reasons.append(SAME_EMAIL)
            if not reasons:  # same birthday, other name
                continue
            label = f"{person.first_name} {person.last_name}".strip()
            if person.birth_date:
                label += f", geb. {person.birth_date:%d.%m.%Y}"
            if person.city:
                label += f", {person.city}"
            if person.status == PersonStatus.ARCHIVED:
                label += " (archiviert)"
            hits.append(DuplicateHit(person.id, label, tuple(reasons)))
            if len(hits) == limit:
                break
    return hits

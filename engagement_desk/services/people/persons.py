"""People: create, update, archive, read and list (Personen)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields

from sqlalchemy import ColumnElement, Select, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import (
    Consent,
    Opportunity,
    OrganizationContact,
    Person,
    PersonRole,
    PersonTag,
    Placement,
    organization_center,
)
from engagement_desk.models.enums import AuditAction, ConsentPurpose, PersonStatus, Role, TagKind
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.listing import (
    Column,
    ListQuery,
    Page,
    fetch_window,
    sort_order,
)
from engagement_desk.services.people.consents import ConsentStep, steps_of
from engagement_desk.services.people.sections import (
    PersonSections,
    read_sections,
    validate_sections,
    write_sections,
)
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.search.filters import matching_ids
from engagement_desk.services.validation import Validator, clean, format_phone

WHAT = "Person"
EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)

LABELS = {
    "salutation": "Anrede",
    "title": "Titel",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "birth_date": "Geburtsdatum",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "phone": "Telefon",
    "mobile": "Mobil",
    "email": "E-Mail",
    "notes": "Notizen",
    "engaged_since": "Engagiert seit",
    "certificate_name": "Name auf Urkunden",
}
LENGTHS = {
    name: Person.__table__.c[name].type.length
    for name in LABELS
    if getattr(Person.__table__.c[name].type, "length", None)
}


@dataclass(frozen=True)
class PersonInput:
    """What the office types for a person."""

    last_name: str
    first_name: str = ""
    salutation: str = ""
    title: str = ""
    birth_date: dt.date | None = None
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    notes: str = ""
    status: PersonStatus = PersonStatus.ACTIVE
    engaged_since: dt.date | None = None
    certificate_name: str = ""  # printed on certificates and letters instead of the name
    roles: frozenset[Role] = frozenset()
    interests: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonRecord(PersonInput):
    id: int = 0
    version: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


_SCALAR_FIELDS = tuple(
    f.name
    for f in fields(PersonInput)
    if f.name not in {"roles", "interests", "skills", "languages"}
)
_TAG_FIELDS = {
    TagKind.INTEREST: "interests",
    TagKind.SKILL: "skills",
    TagKind.LANGUAGE: "languages",
}


def normalized_person_values(data: PersonInput) -> dict[str, object]:
    values: dict[str, object] = {}
    for name in _SCALAR_FIELDS:
        value = getattr(data, name)
        values[name] = (
            value.strip() if name == "notes" else clean(value) if isinstance(value, str) else value
        )
    values["email"] = str(values["email"]).lower()
    values["phone"] = format_phone(str(values["phone"]))
    values["mobile"] = format_phone(str(values["mobile"]))
    return values


def _validate(values: dict[str, object], sections: PersonSections | None = None) -> None:
    check = Validator()
    check.required("last_name", LABELS["last_name"], values["last_name"])
    for name, limit in LENGTHS.items():
        check.max_length(name, LABELS[name], str(values[name]), limit)
    check.postal_code("postal_code", LABELS["postal_code"], str(values["postal_code"]))
    check.email("email", LABELS["email"], str(values["email"]))
    check.phone("phone", LABELS["phone"], str(values["phone"]))
    check.phone("mobile", LABELS["mobile"], str(values["mobile"]))
    birth_date = values["birth_date"]
    check.date_not_in_future("birth_date", LABELS["birth_date"], birth_date)  # type: ignore[arg-type]
    check.date_not_before("birth_date", LABELS["birth_date"], birth_date, EARLIEST_BIRTH_DATE)  # type: ignore[arg-type]
    check.date_not_in_future("engaged_since", LABELS["engaged_since"], values["engaged_since"])  # type: ignore[arg-type]
    missing = _unprintable(str(values["certificate_name"]))
    if missing:
        listed = ", ".join(f"„{ch}“" for ch in missing)
        check.error(
            "certificate_name",
            LABELS["certificate_name"],
            f"{listed} kann keine Schrift der Urkunden drucken.",
        )
    try:
        PersonStatus(values["status"])
    except ValueError:
        check.error("status", "Status", f"Unbekannter Status „{values['status']}“.")
    if sections is not None:
        validate_sections(sections, check)
    check.raise_if_any()


def _unprintable(text: str) -> str:
    if not text:
        return ""
    # Here, not at the top: the fonts and reportlab are not needed to open the window.
    from engagement_desk.services.printing.scripts import unprintable

    return unprintable(text)


def validate_person_input(data: PersonInput) -> list[FieldError]:
    """Every problem ``create_person`` would reject ``data`` for; empty when it would save."""
    try:
        _validate(normalized_person_values(data))
    except ValidationError as exc:
        return list(exc.errors)
    return []


def person_tag_rows(data: PersonInput) -> set[tuple[TagKind, str]]:
    rows = set()
    for kind, attribute in _TAG_FIELDS.items():
        for value in getattr(data, attribute):
            word = clean(value)[:100]
            if word:
                rows.add((kind, word))
    return rows


def _sync_children(person: Person, data: PersonInput) -> list[str]:
    changed = []
    wanted_roles = {Role(r) for r in data.roles}
    if {r.role for r in person.roles} != wanted_roles:
        person.roles = [PersonRole(role=r) for r in sorted(wanted_roles)]
        changed.append("roles")
    wanted_tags = person_tag_rows(data)
    if {(t.kind, t.value) for t in person.tags} != wanted_tags:
        person.tags = [PersonTag(kind=k, value=v) for k, v in sorted(wanted_tags)]
        changed.append("tags")
    return changed


def _record(person: Person) -> PersonRecord:
    tags: dict[TagKind, list[str]] = defaultdict(list)
    for tag in sorted(person.tags, key=lambda t: t.value.casefold()):
        tags[tag.kind].append(tag.value)
    return PersonRecord(
        **{name: getattr(person, name) for name in _SCALAR_FIELDS},
        roles=frozenset(r.role for r in person.roles),
        interests=tuple(tags[TagKind.INTEREST]),
        skills=tuple(tags[TagKind.SKILL]),
        languages=tuple(tags[TagKind.LANGUAGE]),
        id=person.id,
        version=person.version,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


def create_person(
    db: Database, data: PersonInput, sections: PersonSections | None = None
) -> PersonRecord:
    values = normalized_person_values(data)
    _validate(values, sections)
    with db.session() as session:
        person = Person(**values, consents=[], availabilities=[], absences=[])
        _sync_children(person, data)
        if sections is not None:
            write_sections(session, person, sections)
        session.add(person)
        session.flush()
        audit.record(session, AuditAction.CREATE, "person", person.id)
        return _record(person)


def update_person(
    db: Database,
    person_id: int,
    data: PersonInput,
    *,
    expected_version: int,
    sections: PersonSections | None = None,
) -> PersonRecord:
    """Save the editor's state; ``sections`` None leaves consents, times and needs alone."""
    values = normalized_person_values(data)
    _validate(values, sections)
    with db.session() as session, conflicts_reported(WHAT, person_id):
        person = load_for_update(session, Person, person_id, expected_version, WHAT)
        with session.no_autoflush:  # one UPDATE, so the version moves by exactly one
            changed = apply_changes(person, values) + _sync_children(person, data)
            if sections is not None:
                changed += write_sections(session, person, sections)
        if changed:
            # A change to roles or tags alone must still bump the row version.
            flag_modified(person, "updated_at")
            session.flush()
            audit.record(session, AuditAction.UPDATE, "person", person_id, changed)
        return _record(person)


def archive_person(db: Database, person_id: int, *, expected_version: int) -> PersonRecord:
    """Archive instead of delete: the person leaves every list, statistics keep them."""
    with db.session() as session, conflicts_reported(WHAT, person_id):
        person = load_for_update(session, Person, person_id, expected_version, WHAT)
        if person.status != PersonStatus.ARCHIVED:
            person.status = PersonStatus.ARCHIVED
            session.flush()
            audit.record(session, AuditAction.ARCHIVE, "person", person_id, ["status"])
        return _record(person)


def get_person(db: Database, person_id: int) -> PersonRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, Person, person_id, WHAT))


def get_person_sections(db: Database, person_id: int) -> PersonSections:
    with db.read_session() as session:
        return read_sections(get_or_raise(session, Person, person_id, WHAT))


PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column("last_name", "Last name"),
    Column("first_name", "First name"),
    Column("birth_date", "Date of birth"),
    Column("postal_code", "Postal code"),
    Column("city", "City"),
    Column("phone", "Phone"),
    Column("email", "E-mail"),
    Column("roles", "Roles", sortable=False),
    Column("status", "Status"),
)
PEOPLE_SORT = {
    "last_name": (Person.last_name_key, Person.first_name_key),
    "first_name": (Person.first_name_key, Person.last_name_key),
    "birth_date": (Person.birth_date,),
    "postal_code": (Person.postal_code, Person.last_name_key),
    "city": (Person.city_key, Person.last_name_key),
    "phone": (Person.phone,),
    "email": (Person.email,),
    "status": (Person.status, Person.last_name_key),
}


CONSENT_MISSING = "missing"
CONSENT_WITHDRAWN = "withdrawn"


def _consent_condition(value: str) -> ColumnElement[bool]:
    """``missing``: no standing consent to store the data; ``withdrawn``: any consent withdrawn."""
    if value == CONSENT_MISSING:
        return ~exists().where(
            Consent.person_id == Person.id,
            Consent.purpose == ConsentPurpose.STORAGE,
            Consent.withdrawn_on.is_(None),
        )
    if value == CONSENT_WITHDRAWN:
        return exists().where(Consent.person_id == Person.id, Consent.withdrawn_on.is_not(None))
    raise ValueError(f"unknown consent filter {value!r}")


def filter_people(statement: Select, session: Session, query: ListQuery) -> Select:
    filters = query.filters
    if role := filters.get("role"):
        statement = statement.where(
            exists().where(PersonRole.person_id == Person.id, PersonRole.role == Role(role))
        )
    if status := filters.get("status"):
        statement = statement.where(Person.status == PersonStatus(status))
    if consent := filters.get("consent"):
        statement = statement.where(_consent_condition(consent))
    if center_id := filters.get("center_id"):
        placed = exists().where(
            Placement.person_id == Person.id,
            Placement.opportunity_id == Opportunity.id,
            Opportunity.center_id == center_id,
        )
        contact = exists().where(
            OrganizationContact.person_id == Person.id,
            organization_center.c.organization_id == OrganizationContact.organization_id,
            organization_center.c.center_id == center_id,
        )
        statement = statement.where(or_(placed, contact))
    ids = matching_ids(session, "person", query.text)
    return statement if ids is None else statement.where(Person.id.in_(ids))


def list_people(db: Database, query: ListQuery) -> Page:
    columns = (
        Person.id,
        Person.last_name,
        Person.first_name,
        Person.birth_date,
        Person.postal_code,
        Person.city,
        Person.phone,
        Person.email,
        Person.status,
    )
    ordering = sort_order(query, PEOPLE_SORT, "last_name", Person.id)
    with db.read_session() as session:
        statement = filter_people(select(*columns), session, query)
        window = fetch_window(session, statement, query, ordering)
        found = window.rows
        roles: dict[int, list[str]] = defaultdict(list)
        if found:
            for person_id, role in session.execute(
                select(PersonRole.person_id, PersonRole.role)
                .where(PersonRole.person_id.in_([row.id for row in found]))
                .order_by(PersonRole.person_id, PersonRole.role)
            ):
                roles[person_id].append(role.value)
    return Page(
        ids=tuple(row.id for row in found),
        rows=tuple(
            (
                row.last_name,
                row.first_name,
                row.birth_date,
                row.postal_code,
                row.city,
                row.phone,
                row.email,
                tuple(roles[row.id]),
                row.status.value,
            )
            for row in found
        ),
        has_more=window.has_more,
        last_key=window.last_key,
    )


def count_people(db: Database, query: ListQuery) -> int:
    with db.read_session() as session:
        statement = filter_people(select(func.count()).select_from(Person), session, query)
        return session.execute(statement).scalar_one()


@dataclass(frozen=True)
class PersonChoice:
    """A person as offered in a picker: id and a label that tells namesakes apart."""

    id: int
    label: str
    roles: tuple[str, ...] = field(default=())


def find_people(
    db: Database, text: str, *, role: Role | None = None, limit: int = 20
) -> list[PersonChoice]:
    query = ListQuery(text=text, filters={"role": role} if role else {}, limit=limit)
    page = list_people(db, query)
    return [
        PersonChoice(id=person_id, label=choice_label(row[0], row[1], row[4]), roles=row[7])
        for person_id, row in zip(page.ids, page.rows, strict=True)
    ]


def choice_label(last_name: str, first_name: str, city: str | None) -> str:
    """'Becker, Anna (Bitburg)': how a picker tells namesakes apart."""
    label = ", ".join(part for part in (last_name, first_name) if part)
    return f"{label} ({city})" if city else label


def choice_of(person: Person) -> PersonChoice:
    return PersonChoice(person.id, choice_label(person.last_name, person.first_name, person.city))


def person_choice(db: Database, person_id: int) -> PersonChoice | None:
    """A stored person as a picker shows them; None if they are gone."""
    with db.read_session() as session:
        person = session.get(Person, person_id)
        return choice_of(person) if person is not None else None


@dataclass(frozen=True)
class PersonView:
    """What the person editor shows: the record and its list sections, read together."""

    record: PersonRecord
    sections: PersonSections
    consent_history: tuple[ConsentStep, ...] = ()


def get_person_view(db: Database, person_id: int) -> PersonView:
    """Without the mobility needs: health data is read (and audited) only where shown,
    through ``health.read_mobility_needs``."""
    with db.read_session() as session:
        person = get_or_raise(session, Person, person_id, WHAT)
        return PersonView(
            _record(person),
            read_sections(person, with_mobility=False),
            steps_of(person.consent_events),
        )

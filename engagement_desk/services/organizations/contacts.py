"""Contact people of an organization (Ansprechpartner/innen) and their function there.

Each contact is its own row keyed by organization and person, so adding or
removing one never touches the organization's version: two workstations
editing the club's address and its contacts at the same time do not
conflict. Adding a contact gives the person the club-contact role.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import Organization, OrganizationContact, Person, PersonRole
from engagement_desk.models.enums import AuditAction, PersonStatus, Role
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, NotFoundError, ValidationError
from engagement_desk.services.records import get_or_raise
from engagement_desk.services.validation import Validator, clean

LABELS = {"person_id": "Person", "function": "Funktion"}
FUNCTION_LENGTH = OrganizationContact.__table__.c.function.type.length


@dataclass(frozen=True)
class ContactRecord:
    organization_id: int
    person_id: int
    name: str
    function: str
    phone: str
    email: str


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}".strip()


def _record(contact: OrganizationContact) -> ContactRecord:
    person = contact.person
    return ContactRecord(
        organization_id=contact.organization_id,
        person_id=person.id,
        name=_name(person),
        function=contact.function,
        phone=person.phone or person.mobile,
        email=person.email,
    )


def _already(person: Person, organization: Organization) -> FieldError:
    return FieldError(
        "person_id",
        LABELS["person_id"],
        f"{_name(person)} ist schon Ansprechperson von „{organization.name}“.",
    )


def _contact_or_raise(
    session: Session, organization_id: int, person_id: int
) -> OrganizationContact:
    contact = session.get(OrganizationContact, (organization_id, person_id))
    if contact is None:
        raise NotFoundError(
            f"Person Nr. {person_id} ist nicht (mehr) Ansprechperson "
            f"von Organisation Nr. {organization_id}."
        )
    return contact


def list_organization_contacts(db: Database, organization_id: int) -> list[ContactRecord]:
    with db.read_session() as session:
        get_or_raise(session, Organization, organization_id, "Organisation")
        contacts = session.scalars(
            select(OrganizationContact)
            .join(Person, Person.id == OrganizationContact.person_id)
            .where(OrganizationContact.organization_id == organization_id)
            .order_by(Person.last_name_key, Person.first_name_key, Person.id)
        )
        return [_record(c) for c in contacts]


def add_organization_contact(
    db: Database, organization_id: int, person_id: int | None, function: str = ""
) -> ContactRecord:
    """Make a person a contact of the organization; gives them the club-contact role."""
    function = clean(function)
    with db.session() as session:
        organization = get_or_raise(session, Organization, organization_id, "Organisation")
        check = Validator()
        person = session.get(Person, person_id) if person_id is not None else None
        if person_id is None:
            check.error("person_id", LABELS["person_id"], "Bitte eine Person wählen.")
        elif person is None:
            check.error("person_id", LABELS["person_id"], f"Person Nr. {person_id} gibt es nicht.")
        elif person.status == PersonStatus.ARCHIVED:
            check.error("person_id", LABELS["person_id"], "Die Person ist archiviert.")
        elif session.get(OrganizationContact, (organization_id, person.id)) is not None:
            check.errors.append(_already(person, organization))
        check.max_length("function", LABELS["function"], function, FUNCTION_LENGTH)
        check.raise_if_any()
        assert person is not None
        contact = OrganizationContact(organization=organization, person=person, function=function)
        session.add(contact)
        gained_role = Role.CLUB_CONTACT not in {r.role for r in person.roles}
        if gained_role:
            person.roles.append(PersonRole(role=Role.CLUB_CONTACT))
            # A new version, so a person editor still showing the old roles
            # gets a conflict instead of saving the role away again.
            flag_modified(person, "updated_at")
        try:
            session.flush()
        except IntegrityError as exc:  # another workstation added the same contact just now
            raise ValidationError([_already(person, organization)]) from exc
        audit.record(session, AuditAction.UPDATE, "organization", organization_id, ["contacts"])
        if gained_role:
            audit.record(session, AuditAction.UPDATE, "person", person.id, ["roles"])
        return _record(contact)


def set_contact_function(
    db: Database, organization_id: int, person_id: int, function: str
) -> ContactRecord:
    function = clean(function)
    check = Validator()
    check.max_length("function", LABELS["function"], function, FUNCTION_LENGTH)
    check.raise_if_any()
    with db.session() as session:
        contact = _contact_or_raise(session, organization_id, person_id)
        if contact.function != function:
            contact.function = function
            session.flush()
            audit.record(session, AuditAction.UPDATE, "organization", organization_id, ["contacts"])
        return _record(contact)


def remove_organization_contact(db: Database, organization_id: int, person_id: int) -> None:
    """The person stops being a contact; their club-contact role stays (set by hand too)."""
    with db.session() as session:
        session.delete(_contact_or_raise(session, organization_id, person_id))
        session.flush()
        audit.record(session, AuditAction.UPDATE, "organization", organization_id, ["contacts"])

"""Contacts of an organization: add with a function, the club-contact role, remove."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import Role
from engagement_desk.services.errors import NotFoundError, ValidationError
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    create_organization,
    get_organization,
)
from engagement_desk.services.organizations.contacts import (
    add_organization_contact,
    list_organization_contacts,
    remove_organization_contact,
    set_contact_function,
)
from engagement_desk.services.people.persons import (
    PersonInput,
    archive_person,
    create_person,
    get_person,
)


@pytest.fixture
def club(any_db: Database) -> int:
    return create_organization(any_db, OrganizationInput(name="Sportverein Bitburg")).id


def person(db: Database, last: str, first: str = "Anna", roles=frozenset({Role.VOLUNTEER})):
    return create_person(
        db, PersonInput(first_name=first, last_name=last, phone="06561 1234", roles=roles)
    )


def test_adding_a_contact_gives_the_club_contact_role_once(any_db: Database, club: int) -> None:
    becker = person(any_db, "Becker")
    before = get_organization(any_db, club).version

    contact = add_organization_contact(any_db, club, becker.id, "  1.  Vorsitzende ")

    assert (contact.name, contact.function, contact.phone) == (
        "Anna Becker",
        "1. Vorsitzende",
        "06561 1234",
    )
    now = get_person(any_db, becker.id)
    assert now.roles == frozenset({Role.VOLUNTEER, Role.CLUB_CONTACT})
    assert now.version == becker.version + 1  # an open person editor sees a conflict
    assert get_organization(any_db, club).version == before  # the club form stays valid
    with any_db.read_session() as session:
        entities = set(session.execute(select(AuditEntry.entity, AuditEntry.summary)).all())
    assert {("organization", "contacts"), ("person", "roles")} <= entities

    second = create_organization(any_db, OrganizationInput(name="Tafel Eifel"))
    add_organization_contact(any_db, second.id, becker.id, "Kassenwartin")
    assert get_person(any_db, becker.id).version == now.version  # already had the role


def test_contacts_are_listed_by_last_name(any_db: Database, club: int) -> None:
    for last in ("Zimmer", "Becker", "Müller"):
        add_organization_contact(any_db, club, person(any_db, last).id)
    names = [c.name for c in list_organization_contacts(any_db, club)]
    assert names == ["Anna Becker", "Anna Müller", "Anna Zimmer"]


def test_bad_contacts_are_refused_with_the_field_named(any_db: Database, club: int) -> None:
    becker = person(any_db, "Becker")
    add_organization_contact(any_db, club, becker.id)

    with pytest.raises(ValidationError) as twice:
        add_organization_contact(any_db, club, becker.id, "x" * 121)
    assert twice.value.for_field("person_id").message == (
        "Anna Becker ist schon Ansprechperson von „Sportverein Bitburg“."
    )
    assert twice.value.for_field("function").message == "Höchstens 120 Zeichen (jetzt 121)."

    with pytest.raises(ValidationError) as nobody:
        add_organization_contact(any_db, club, None)
    assert nobody.value.for_field("person_id").message == "Bitte eine Person wählen."

    gone = person(any_db, "Alt")
    archive_person(any_db, gone.id, expected_version=gone.version)
    with pytest.raises(ValidationError) as archived:
        add_organization_contact(any_db, club, gone.id)
    assert archived.value.for_field("person_id").message == "Die Person ist archiviert."
    assert len(list_organization_contacts(any_db, club)) == 1

    with pytest.raises(NotFoundError):
        add_organization_contact(any_db, 999, becker.id)


def test_function_can_change_and_contacts_can_be_removed(any_db: Database, club: int) -> None:
    becker = person(any_db, "Becker")
    add_organization_contact(any_db, club, becker.id, "Kassenwartin")

    changed = set_contact_function(any_db, club, becker.id, "Vorsitzende")
    assert changed.function == "Vorsitzende"

    remove_organization_contact(any_db, club, becker.id)
    assert list_organization_contacts(any_db, club) == []
    assert Role.CLUB_CONTACT in get_person(any_db, becker.id).roles
    with pytest.raises(NotFoundError, match="nicht \\(mehr\\) Ansprechperson"):
        remove_organization_contact(any_db, club, becker.id)

"""People, centres and organizations through their services, as the office edits them."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Person, PersonRole
from engagement_desk.models.enums import OrganizationKind, PersonStatus, Role
from engagement_desk.services.errors import ConflictError, NotFoundError, ValidationError
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.centers import (
    CenterInput,
    create_center,
    list_centers,
    update_center,
)
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    archive_organization,
    count_organizations,
    create_organization,
    list_organizations,
    update_organization,
)
from engagement_desk.services.people.persons import (
    PersonInput,
    archive_person,
    count_people,
    create_person,
    get_person,
    list_people,
    update_person,
)

WEBER = PersonInput(
    first_name=" Hildegard ",
    last_name="Weber",
    salutation="Frau",
    birth_date=dt.date(1941, 3, 9),
    street="Marktstraße  4",
    postal_code="54634",
    city="Bitburg",
    phone="06561 1234",
    email="H.Weber@Example.org",
    roles=frozenset({Role.PASSENGER, Role.VOLUNTEER}),
    interests=("Lesen", "Garten"),
    languages=("Deutsch",),
)


def rows_in(db: Database, model) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_create_person_cleans_input_and_keeps_roles_and_tags(any_db: Database) -> None:
    person = create_person(any_db, WEBER)
    assert person.id > 0 and person.version == 1
    assert (person.first_name, person.street, person.email) == (
        "Hildegard",
        "Marktstraße 4",
        "h.weber@example.org",
    )
    assert person.roles == {Role.PASSENGER, Role.VOLUNTEER}
    assert person.interests == ("Garten", "Lesen")
    assert get_person(any_db, person.id) == person


def test_bad_person_input_names_every_field_and_writes_nothing(any_db: Database) -> None:
    bad = PersonInput(
        last_name="  ",
        postal_code="5463",
        email="weber@",
        phone="call me",
        birth_date=dt.date.today() + dt.timedelta(days=1),
    )
    with pytest.raises(ValidationError) as caught:
        create_person(any_db, bad)
    fields = [e.field for e in caught.value.errors]
    assert fields == ["last_name", "postal_code", "email", "phone", "birth_date"]
    assert (
        caught.value.for_field("postal_code").message
        == "„5463“ ist keine fünfstellige Postleitzahl."
    )
    assert str(caught.value).startswith("Nachname: Bitte ausfüllen.")
    assert rows_in(any_db, Person) == 0
    assert rows_in(any_db, AuditEntry) == 0


def test_update_bumps_version_and_refuses_a_stale_copy(any_db: Database) -> None:
    person = create_person(any_db, WEBER)
    changed = update_person(
        any_db,
        person.id,
        PersonInput(**{**vars(WEBER), "city": "Trier"}),
        expected_version=person.version,
    )
    assert changed.city == "Trier" and changed.version == 2

    with pytest.raises(ConflictError, match="anderen Arbeitsplatz"):
        update_person(any_db, person.id, WEBER, expected_version=person.version)
    assert get_person(any_db, person.id).city == "Trier"


def test_changing_only_roles_still_bumps_the_version(db: Database) -> None:
    person = create_person(db, WEBER)
    changed = update_person(
        db,
        person.id,
        PersonInput(**{**vars(WEBER), "roles": frozenset({Role.DRIVER})}),
        expected_version=1,
    )
    assert changed.version == 2 and changed.roles == {Role.DRIVER}
    assert rows_in(db, PersonRole) == 1


def test_concurrent_save_between_read_and_write_is_detected(db: Database) -> None:
    """Two workstations load version 1; the second UPDATE must not overwrite the first."""
    person = create_person(db, WEBER)
    results: list[object] = []
    barrier = threading.Barrier(2)

    def save(city: str) -> None:
        barrier.wait()
        try:
            update_person(
                db, person.id, PersonInput(**{**vars(WEBER), "city": city}), expected_version=1
            )
            results.append(city)
        except ConflictError as exc:
            results.append(exc)

    threads = [threading.Thread(target=save, args=(c,)) for c in ("Trier", "Prüm")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [r for r in results if isinstance(r, str)]
    assert len(saved) == 1 and sum(isinstance(r, ConflictError) for r in results) == 1
    assert get_person(db, person.id).city == saved[0]


def test_archive_keeps_the_person_and_records_the_audit(any_db: Database) -> None:
    person = create_person(any_db, WEBER)
    archived = archive_person(any_db, person.id, expected_version=person.version)
    assert archived.status == PersonStatus.ARCHIVED
    with any_db.read_session() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert [a.value for a in actions] == ["create", "archive"]
    with pytest.raises(NotFoundError):
        get_person(any_db, 999)


def test_people_list_filters_sorts_and_pages_in_sql(any_db: Database) -> None:
    for last, roles in [
        ("Zander", {Role.DRIVER}),
        ("Albers", {Role.VOLUNTEER}),
        ("Müller", {Role.VOLUNTEER, Role.DRIVER}),
    ]:
        create_person(any_db, PersonInput(last_name=last, city="Bitburg", roles=frozenset(roles)))
    create_person(any_db, PersonInput(last_name="Otto", city="Prüm"))

    page = list_people(any_db, ListQuery(limit=2))
    assert [row[0] for row in page.rows] == ["Albers", "Müller"] and page.has_more
    rest = list_people(any_db, ListQuery(offset=2, limit=2))
    assert [row[0] for row in rest.rows] == ["Otto", "Zander"] and not rest.has_more

    drivers = list_people(
        any_db, ListQuery(filters={"role": "driver"}, sort_key="last_name", descending=True)
    )
    assert [row[0] for row in drivers.rows] == ["Zander", "Müller"]
    assert drivers.rows[1][7] == ("driver", "volunteer")
    assert [r[0] for r in list_people(any_db, ListQuery(text="prüm")).rows] == ["Otto"]
    assert [r[0] for r in list_people(any_db, ListQuery(text="bit ALB")).rows] == ["Albers"]
    assert list_people(any_db, ListQuery(text="100%_")).rows == ()
    assert count_people(any_db, ListQuery(filters={"role": "volunteer"})) == 2


def test_center_names_are_unique_ignoring_case(any_db: Database) -> None:
    center = create_center(any_db, CenterInput(name="Senioren", theme="Senioren"))
    with pytest.raises(ValidationError, match="gibt es schon"):
        create_center(any_db, CenterInput(name="senioren"))
    renamed = update_center(
        any_db, center.id, CenterInput(name="Seniorenzentrum"), expected_version=1
    )
    assert renamed.version == 2
    assert [c.name for c in list_centers(any_db)] == ["Seniorenzentrum"]
    with pytest.raises(ValidationError, match=r"Person Nr\. 42"):
        create_center(any_db, CenterInput(name="Jugend", contact_person_id=42))


def test_organization_with_centres_lists_and_filters(any_db: Database) -> None:
    family = create_center(any_db, CenterInput(name="Familie"))
    culture = create_center(any_db, CenterInput(name="Kultur"))
    club = create_organization(
        any_db,
        OrganizationInput(
            name="Musikverein Harmonie",
            kind=OrganizationKind.CLUB,
            website="https://harmonie.example",
            center_ids=(culture.id, family.id),
        ),
    )
    create_organization(
        any_db,
        OrganizationInput(name="Tafel", kind=OrganizationKind.INITIATIVE, center_ids=(family.id,)),
    )
    page = list_organizations(any_db, ListQuery(filters={"center_id": culture.id}))
    assert page.ids == (club.id,)
    assert page.rows[0][4] == ("Familie", "Kultur")
    assert count_organizations(any_db, ListQuery(filters={"center_id": family.id})) == 2

    moved = update_organization(
        any_db,
        club.id,
        OrganizationInput(name="Musikverein Harmonie", center_ids=(family.id,)),
        expected_version=1,
    )
    assert moved.center_ids == (family.id,) and moved.version == 2
    archive_organization(any_db, club.id, expected_version=2)
    assert count_organizations(any_db, ListQuery(filters={"status": "active"})) == 1


def test_organization_validation(any_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_organization(
            any_db, OrganizationInput(name="", website="not a url", center_ids=(77,))
        )
    assert [e.field for e in caught.value.errors] == ["name", "website", "center_ids"]
    assert "Zentrum Nr. 77" in str(caught.value)

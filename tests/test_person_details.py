"""A person's consents, times, mobility needs, and the duplicate warning."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Consent, MobilityNeeds
from engagement_desk.models.enums import ConsentPurpose, ConsentSource
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.people.duplicates import (
    SAME_EMAIL,
    SAME_NAME_AND_BIRTH,
    SAME_PHONE,
    likely_duplicates,
)
from engagement_desk.services.people.persons import (
    PersonInput,
    create_person,
    get_person,
    get_person_sections,
    update_person,
)
from engagement_desk.services.people.sections import (
    AbsenceEntry,
    AvailabilityEntry,
    ConsentEntry,
    MobilityEntry,
    PersonSections,
)

MAY_1 = dt.date(2025, 5, 1)
SECTIONS = PersonSections(
    consents=(
        ConsentEntry(ConsentPurpose.STORAGE, MAY_1, ConsentSource.PAPER, note="Ordner 3"),
        ConsentEntry(ConsentPurpose.PHOTOS, MAY_1, ConsentSource.PHONE, dt.date(2025, 6, 1)),
    ),
    availabilities=(AvailabilityEntry(1, dt.time(9), dt.time(12, 30)),),
    absences=(AbsenceEntry(dt.date(2026, 7, 1), dt.date(2026, 7, 14), "Urlaub"),),
    mobility=MobilityEntry(rollator=True),
)


def test_sections_are_saved_with_the_person_and_read_back(any_db: Database) -> None:
    person = create_person(any_db, PersonInput(last_name="Weber"), SECTIONS)
    assert get_person_sections(any_db, person.id) == SECTIONS

    fewer = PersonSections(consents=SECTIONS.consents[:1])
    updated = update_person(
        any_db,
        person.id,
        PersonInput(last_name="Weber"),
        expected_version=person.version,
        sections=fewer,
    )
    assert updated.version == person.version + 1
    assert get_person_sections(any_db, person.id) == fewer
    with any_db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(MobilityNeeds)) == 0
        assert session.scalar(select(func.count()).select_from(Consent)) == 1


def test_bad_section_rows_are_named_and_nothing_is_written(db: Database) -> None:
    person = create_person(db, PersonInput(last_name="Weber"), SECTIONS)
    bad = PersonSections(
        consents=(
            ConsentEntry(ConsentPurpose.STORAGE, MAY_1, ConsentSource.PAPER, dt.date(2025, 4, 1)),
        ),
        availabilities=(AvailabilityEntry(2, dt.time(14), dt.time(13)),),
    )
    with pytest.raises(ValidationError) as caught:
        update_person(
            db,
            person.id,
            PersonInput(last_name="Weber"),
            expected_version=person.version,
            sections=bad,
        )
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "Einwilligung 1: Der Widerruf liegt vor der Einwilligung.",
        "Verfügbarkeit 1: Ende 13:00 liegt nicht nach Beginn 14:00.",
    ]
    assert get_person_sections(db, person.id) == SECTIONS
    assert get_person(db, person.id).version == person.version


def test_phone_numbers_are_stored_in_one_spelling(db: Database) -> None:
    person = create_person(
        db, PersonInput(last_name="Weber", phone="+49 6561/1234", mobile="0170-1234567")
    )
    assert (person.phone, person.mobile) == ("06561 1234", "0170 1234567")


def test_likely_duplicates_say_why(any_db: Database) -> None:
    existing = create_person(
        any_db,
        PersonInput(
            first_name="Hildegard",
            last_name="Weber",
            birth_date=dt.date(1941, 3, 9),
            phone="06561 1234",
            email="weber@example.org",
            city="Bitburg",
        ),
    )
    create_person(any_db, PersonInput(first_name="Hans", last_name="Weber"))

    hits = likely_duplicates(
        any_db,
        PersonInput(
            first_name="hildegard",
            last_name="WEBER",
            birth_date=dt.date(1941, 3, 9),
            phone="+49 (6561) 1234",
            email="Weber@Example.org",
        ),
    )
    assert [(h.id, h.reasons) for h in hits] == [
        (existing.id, (SAME_NAME_AND_BIRTH, SAME_PHONE, SAME_EMAIL))
    ]
    assert hits[0].label == "Hildegard Weber, geb. 09.03.1941, Bitburg"
    assert likely_duplicates(any_db, PersonInput(first_name="Hildegard", last_name="Weber")) == []
    assert (
        likely_duplicates(
            any_db, PersonInput(last_name="Weber", phone="06561 1234"), exclude_id=existing.id
        )
        == []
    )


def test_duplicate_names_with_non_ascii_capitals_are_found(any_db: Database) -> None:
    existing = create_person(
        any_db, PersonInput(first_name="Şükrü", last_name="Öztürk", birth_date=dt.date(1950, 1, 2))
    )
    hits = likely_duplicates(
        any_db, PersonInput(first_name="şükrü", last_name="ÖZTÜRK", birth_date=dt.date(1950, 1, 2))
    )
    assert [(h.id, h.reasons) for h in hits] == [(existing.id, (SAME_NAME_AND_BIRTH,))]


def test_people_list_filters_missing_and_withdrawn_consent(any_db: Database) -> None:
    from engagement_desk.services.listing import ListQuery
    from engagement_desk.services.people.persons import list_people

    given = PersonSections(
        consents=(ConsentEntry(ConsentPurpose.STORAGE, MAY_1, ConsentSource.PAPER),)
    )
    withdrawn = PersonSections(
        consents=(
            ConsentEntry(ConsentPurpose.STORAGE, MAY_1, ConsentSource.PAPER, dt.date(2025, 6, 1)),
        )
    )
    create_person(any_db, PersonInput(last_name="Mitzustimmung"), given)
    create_person(any_db, PersonInput(last_name="Ohne"))
    create_person(any_db, PersonInput(last_name="Widerrufen"), withdrawn)

    def names(value: str) -> list[str]:
        return [r[0] for r in list_people(any_db, ListQuery(filters={"consent": value})).rows]

    assert names("missing") == ["Ohne", "Widerrufen"]
    assert names("withdrawn") == ["Widerrufen"]

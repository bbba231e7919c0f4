"""Consent history: given, withdrawn, given again — services, migration 0004, interchange."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import new_person
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Consent, ConsentEvent, Person
from engagement_desk.models.enums import (
    AuditAction,
    ConsentEventKind,
    ConsentPurpose,
    ConsentSource,
)
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.interchange import export_database, import_database
from engagement_desk.services.people.consents import (
    consent_history,
    give_consent,
    withdraw_consent,
)
from engagement_desk.services.people.persons import (
    PersonInput,
    get_person,
    get_person_view,
    update_person,
)
from engagement_desk.services.people.sections import ConsentEntry, PersonSections

GIVEN, WITHDRAWN = ConsentEventKind.GIVEN, ConsentEventKind.WITHDRAWN
PHOTOS, STORAGE = ConsentPurpose.PHOTOS, ConsentPurpose.STORAGE
DAY = dt.date(2025, 3, 1)


def steps(db: Database, person_id: int) -> list[tuple]:
    return [
        (s.purpose, s.kind, s.on_date, s.source, s.note) for s in consent_history(db, person_id)
    ]


def current(db: Database, person_id: int) -> dict[ConsentPurpose, tuple]:
    with db.read_session() as session:
        rows = session.scalars(select(Consent).where(Consent.person_id == person_id))
        return {c.purpose: (c.given_on, c.source, c.withdrawn_on) for c in rows}


# --- services -------------------------------------------------------------------


def test_given_withdrawn_given_again_keeps_every_step(db: Database) -> None:
    person_id = new_person(db, "Weber")
    give_consent(db, person_id, PHOTOS, DAY, ConsentSource.PAPER, "Ordner 3")
    withdraw_consent(db, person_id, PHOTOS, dt.date(2025, 6, 1), ConsentSource.EMAIL)
    state = give_consent(db, person_id, PHOTOS, dt.date(2025, 9, 1), ConsentSource.PHONE)

    assert state.standing and state.given_on == dt.date(2025, 9, 1)
    assert current(db, person_id) == {PHOTOS: (dt.date(2025, 9, 1), ConsentSource.PHONE, None)}
    assert steps(db, person_id) == [
        (PHOTOS, GIVEN, DAY, ConsentSource.PAPER, "Ordner 3"),
        (PHOTOS, WITHDRAWN, dt.date(2025, 6, 1), ConsentSource.EMAIL, ""),
        (PHOTOS, GIVEN, dt.date(2025, 9, 1), ConsentSource.PHONE, ""),
    ]
    history = consent_history(db, person_id)
    assert all(step.recorded_by == history[0].recorded_by for step in history)
    assert all(step.recorded_at.tzinfo is not None for step in history)


def test_each_step_bumps_the_person_and_is_audited_without_personal_data(db: Database) -> None:
    person_id = new_person(db, "Weber")
    version = get_person(db, person_id).version
    state = give_consent(db, person_id, STORAGE, DAY, ConsentSource.PAPER, expected_version=version)
    assert state.person_version == version + 1
    with db.read_session() as session:
        entry = session.execute(
            select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.summary)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).one()
    assert tuple(entry) == (
        AuditAction.UPDATE,
        "person",
        person_id,
        "consents",
    )


def test_a_stale_version_is_a_conflict_and_writes_nothing(db: Database) -> None:
    person_id = new_person(db, "Weber")
    version = get_person(db, person_id).version
    give_consent(db, person_id, STORAGE, DAY, ConsentSource.PAPER, expected_version=version)
    with pytest.raises(ConflictError):
        withdraw_consent(db, person_id, STORAGE, dt.date(2025, 4, 1), expected_version=version)
    assert current(db, person_id)[STORAGE][2] is None
    assert len(consent_history(db, person_id)) == 1


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("give twice", "besteht seit dem 01.03.2025"),
        ("withdraw before given", "vor dem 01.03.2025"),
        ("withdraw unknown", "keine Einwilligung"),
        ("future", "Zukunft"),
    ],
)
def test_impossible_steps_are_refused(db: Database, step: str, message: str) -> None:
    person_id = new_person(db, "Weber")
    give_consent(db, person_id, STORAGE, DAY, ConsentSource.PAPER)
    with pytest.raises(ValidationError, match=message):
        if step == "give twice":
            give_consent(db, person_id, STORAGE, DAY, ConsentSource.PHONE)
        elif step == "withdraw before given":
            withdraw_consent(db, person_id, STORAGE, dt.date(2025, 2, 1))
        elif step == "withdraw unknown":
            withdraw_consent(db, person_id, PHOTOS, DAY)
        else:
            give_consent(db, person_id, PHOTOS, dt.date.today() + dt.timedelta(days=1), "paper")
    assert len(consent_history(db, person_id)) == 1


def test_giving_again_before_the_withdrawal_is_refused(db: Database) -> None:
    person_id = new_person(db, "Weber")
    give_consent(db, person_id, PHOTOS, DAY, ConsentSource.PAPER)
    withdraw_consent(db, person_id, PHOTOS, dt.date(2025, 6, 1))
    with pytest.raises(ValidationError, match=r"vor dem 01\.06\.2025"):
        give_consent(db, person_id, PHOTOS, dt.date(2025, 5, 1), ConsentSource.PAPER)


# --- the editor's save derives the steps ----------------------------------------------


def save_consents(db: Database, person_id: int, *entries: ConsentEntry) -> None:
    record = get_person(db, person_id)
    update_person(
        db,
        person_id,
        PersonInput(last_name=record.last_name, first_name=record.first_name),
        expected_version=record.version,
        sections=PersonSections(consents=entries),
    )


def test_saving_the_editor_records_given_withdrawn_and_given_again(db: Database) -> None:
    person_id = new_person(db, "Weber")
    paper, phone = ConsentSource.PAPER, ConsentSource.PHONE
    save_consents(db, person_id, ConsentEntry(PHOTOS, DAY, paper, None, "Ordner 3"))
    save_consents(db, person_id, ConsentEntry(PHOTOS, DAY, paper, dt.date(2025, 6, 1), "Ordner 3"))
    save_consents(db, person_id, ConsentEntry(PHOTOS, dt.date(2025, 9, 1), phone, None, "Anruf"))

    assert steps(db, person_id) == [
        (PHOTOS, GIVEN, DAY, paper, "Ordner 3"),
        (PHOTOS, WITHDRAWN, dt.date(2025, 6, 1), None, ""),
        (PHOTOS, GIVEN, dt.date(2025, 9, 1), phone, "Anruf"),
    ]
    view = get_person_view(db, person_id)
    assert [s.kind for s in view.consent_history] == [GIVEN, WITHDRAWN, GIVEN]
    assert view.sections.consents == (
        ConsentEntry(PHOTOS, dt.date(2025, 9, 1), phone, None, "Anruf"),
    )


def test_a_corrected_date_amends_the_step_instead_of_adding_one(db: Database) -> None:
    person_id = new_person(db, "Weber")
    paper = ConsentSource.PAPER
    save_consents(db, person_id, ConsentEntry(STORAGE, DAY, paper))
    save_consents(db, person_id, ConsentEntry(STORAGE, dt.date(2025, 3, 2), paper, None, "neu"))
    assert steps(db, person_id) == [(STORAGE, GIVEN, dt.date(2025, 3, 2), paper, "")]


def test_the_editor_cannot_give_again_before_the_withdrawal(db: Database) -> None:
    person_id = new_person(db, "Weber")
    paper = ConsentSource.PAPER
    save_consents(db, person_id, ConsentEntry(PHOTOS, DAY, paper, dt.date(2025, 6, 1)))
    with pytest.raises(ValidationError, match="nach dem Widerruf"):
        save_consents(db, person_id, ConsentEntry(PHOTOS, DAY, paper))
    assert current(db, person_id)[PHOTOS][2] == dt.date(2025, 6, 1)


def test_history_goes_with_the_person(db: Database) -> None:
    person_id = new_person(db, "Weber")
    give_consent(db, person_id, STORAGE, DAY, ConsentSource.PAPER)
    with db.session() as session:
        session.delete(session.get(Person, person_id))
    with db.read_session() as session:
        assert session.scalars(select(ConsentEvent)).all() == []


# --- migration 0004 -----------------------------------------------------------------------


def fill_0003(db: Database) -> None:
    with db.engine.begin() as connection:
        for person_id, name in ((1, "Weber"), (2, "Schulz")):
            connection.execute(
                text(
                    "INSERT INTO person (id, last_name, status, notes, version, created_at, "
                    "updated_at) VALUES (:id, :name, 'active', '', 1, '2026-01-01 00:00:00', "
                    "'2026-01-01 00:00:00')"
                ),
                {"id": person_id, "name": name},
            )
        connection.execute(
            text(
                "INSERT INTO consent (person_id, purpose, given_on, source, withdrawn_on, note, "
                "version) VALUES "
                "(1, 'storage', '2024-03-01', 'paper', NULL, 'Ordner 2024', 1), "
                "(1, 'photos', '2024-03-01', 'in_person', '2025-01-10', '', 2), "
                "(2, 'contact', '2025-02-03', 'phone', '2025-02-03', 'am Telefon', 1)"
            )
        )
        connection.execute(
            text(
                'INSERT INTO audit_entry (at, "user", action, entity, entity_id, summary) '
                "VALUES ('2026-01-01 00:00:00', 'buero', 'update', 'person', 1, 'consents')"
            )
        )


def check_upgraded(db: Database) -> None:
    assert steps(db, 1) == [
        (STORAGE, GIVEN, dt.date(2024, 3, 1), ConsentSource.PAPER, "Ordner 2024"),
        (PHOTOS, GIVEN, dt.date(2024, 3, 1), ConsentSource.IN_PERSON, ""),
        (PHOTOS, WITHDRAWN, dt.date(2025, 1, 10), None, ""),
    ]
    assert steps(db, 2) == [
        (ConsentPurpose.CONTACT, GIVEN, dt.date(2025, 2, 3), ConsentSource.PHONE, "am Telefon"),
        (ConsentPurpose.CONTACT, WITHDRAWN, dt.date(2025, 2, 3), None, ""),
    ]
    assert {s.recorded_by for s in consent_history(db, 1)} == {""}
    # the current state is untouched
    assert current(db, 1) == {
        STORAGE: (dt.date(2024, 3, 1), ConsentSource.PAPER, None),
        PHOTOS: (dt.date(2024, 3, 1), ConsentSource.IN_PERSON, dt.date(2025, 1, 10)),
    }
    # audit_entry was rebuilt (SQLite) or re-constrained (PostgreSQL): rows kept, "read" allowed
    with db.session() as session:
        assert session.scalar(select(AuditEntry.summary).where(AuditEntry.entity_id == 1)) == (
            "consents"
        )
        session.add(
            AuditEntry(action=AuditAction.READ, entity="mobility_needs", entity_id=1, user="")
        )
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO audit_entry (at, "user", action, entity, summary) '
                "VALUES ('2026-01-01 00:00:00', '', 'peek', 'person', '')"
            )
        )
    # withdrawn consent can be given again after the upgrade
    give_consent(db, 1, PHOTOS, dt.date(2025, 5, 1), ConsentSource.PAPER)
    assert [s.kind for s in consent_history(db, 1) if s.purpose == PHOTOS] == [
        GIVEN,
        WITHDRAWN,
        GIVEN,
    ]


def test_upgrade_from_0003_turns_consents_into_history(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0003")
        fill_0003(db)
        result = migrator.upgrade(db)
        assert (result.action, result.from_revision) == ("upgraded", "0003")
        assert migrator.check(db).ok
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            indexes = {
                row[1] for row in connection.exec_driver_sql("PRAGMA index_list('audit_entry')")
            }
        assert {"ix_audit_entry_at", "ix_audit_entry_entity"} <= indexes
        check_upgraded(db)
    finally:
        db.dispose()


def test_downgrade_to_0003_and_up_again(tmp_path: Path) -> None:
    from alembic import command

    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0003")
        fill_0003(db)
        migrator.upgrade(db)
        config = migrator.alembic_config()
        with db.engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        with db.engine.connect() as connection:
            tables = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "consent_event" not in tables
        migrator.upgrade(db)
        check_upgraded(db)
    finally:
        db.dispose()


@pytest.mark.postgres
def test_upgrade_from_0003_on_postgresql(pg_empty: Database) -> None:
    migrator.upgrade(pg_empty, target="0003")
    fill_0003(pg_empty)
    with pg_empty.engine.begin() as connection:  # the ids were given explicitly above
        connection.execute(text("SELECT setval('person_id_seq', 2)"))
    result = migrator.upgrade(pg_empty)
    assert (result.action, result.from_revision) == ("upgraded", "0003")
    check_upgraded(pg_empty)


# --- interchange -----------------------------------------------------------------------------


def test_history_survives_an_interchange_round_trip(
    db: Database, tmp_path: Path, migrated_copy: Callable[[Path], Database]
) -> None:
    person_id = new_person(db, "Weber")
    give_consent(db, person_id, PHOTOS, DAY, ConsentSource.PAPER, "Ordner 3")
    withdraw_consent(db, person_id, PHOTOS, dt.date(2025, 6, 1))
    give_consent(db, person_id, PHOTOS, dt.date(2025, 9, 1), ConsentSource.PHONE)
    export_database(db, tmp_path / "office.json")
    document = json.loads((tmp_path / "office.json").read_text(encoding="utf-8"))
    assert [row["kind"] for row in document["tables"]["consent_event"]] == [
        "given",
        "withdrawn",
        "given",
    ]

    fresh = migrated_copy(tmp_path / "fresh.sqlite3")
    try:
        import_database(fresh, tmp_path / "office.json")
        assert consent_history(fresh, person_id) == consent_history(db, person_id)
        assert current(fresh, person_id) == current(db, person_id)
    finally:
        fresh.dispose()


def test_a_consent_event_must_belong_to_a_person(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(
            insert(ConsentEvent).values(
                person_id=999,
                purpose=STORAGE,
                kind=GIVEN,
                on_date=DAY,
                recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
        )

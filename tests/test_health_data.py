"""Health data (DSGVO Art. 9): read where a task needs it, and every read in the editor logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import new_person
from sqlalchemy import select

from engagement_desk.db import Database, WritesRefusedError
from engagement_desk.models import AuditEntry, MobilityNeeds, metadata
from engagement_desk.models.enums import AuditAction
from engagement_desk.services.interchange.catalog import is_health_data
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.export import export_people
from engagement_desk.services.people.health import read_mobility_needs
from engagement_desk.services.people.persons import (
    PersonInput,
    get_person,
    get_person_sections,
    get_person_view,
    list_people,
    update_person,
)
from engagement_desk.services.people.sections import MobilityEntry, PersonSections
from engagement_desk.services.search.service import search_everything

NOTE = "Sauerstoffgerät"


READ_COLUMNS = (AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.summary)


def audit_rows(db: Database) -> list[tuple]:
    with db.read_session() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id, AuditEntry.summary
                )
                .where(AuditEntry.action == AuditAction.READ)
                .order_by(AuditEntry.id)
            )
        ]


@pytest.fixture
def passenger(db: Database) -> int:
    person_id = new_person(db, "Weber", "Hildegard", email="h.weber@example.org")
    with db.session() as session:
        session.add(MobilityNeeds(person_id=person_id, rollator=True, notes=NOTE))
    return person_id


def test_health_data_is_marked_where_the_model_holds_it() -> None:
    marked = {
        (table.name, column.name)
        for table in metadata.sorted_tables
        for column in table.columns
        if is_health_data(table, column)
    }
    assert {("mobility_needs", "notes"), ("mobility_needs", "wheelchair")} <= marked
    assert is_health_data(metadata.tables["mobility_needs"])


def test_reading_the_needs_is_audited_by_field_names_only(db: Database, passenger: int) -> None:
    assert read_mobility_needs(db, passenger) == MobilityEntry(rollator=True, notes=NOTE)
    assert audit_rows(db) == [
        (AuditAction.READ, "mobility_needs", passenger, "escort, notes, rollator, wheelchair")
    ]


def test_a_person_without_needs_leaves_no_read_entry(db: Database) -> None:
    person_id = new_person(db, "Schulz")
    assert read_mobility_needs(db, person_id) == MobilityEntry()
    assert audit_rows(db) == []


def test_opening_the_record_does_not_read_the_needs(db: Database, passenger: int) -> None:
    view = get_person_view(db, passenger)
    assert view.sections.mobility is None
    assert NOTE not in repr(view)
    assert audit_rows(db) == []


def test_saving_without_the_needs_leaves_them_alone(db: Database, passenger: int) -> None:
    record = get_person(db, passenger)
    view = get_person_view(db, passenger)
    update_person(
        db,
        passenger,
        PersonInput(last_name="Weber", first_name="Hildegard", city="Bitburg"),
        expected_version=record.version,
        sections=view.sections,
    )
    assert get_person_sections(db, passenger).mobility == MobilityEntry(rollator=True, notes=NOTE)
    cleared = PersonSections(mobility=MobilityEntry())
    update_person(
        db,
        passenger,
        PersonInput(last_name="Weber", first_name="Hildegard", city="Bitburg"),
        expected_version=get_person(db, passenger).version,
        sections=cleared,
    )
    assert get_person_sections(db, passenger).mobility == MobilityEntry()


def test_lists_search_and_exports_hold_no_health_data(
    db: Database, passenger: int, tmp_path: Path
) -> None:
    page = list_people(db, ListQuery())
    assert NOTE not in repr(page.rows)
    assert search_everything(db, NOTE) == []
    assert search_everything(db, "Sauerstoff") == []
    path = tmp_path / "personen.csv"
    export_people(db, ListQuery(), path)
    exported = path.read_text(encoding="utf-8-sig")
    assert "Weber" in exported
    for word in (NOTE, "Rollator", "Rollstuhl", "Begleitung"):
        assert word not in exported
    assert audit_rows(db) == []  # the export is audited as an export; it read no needs


def test_a_read_only_database_still_shows_the_needs(
    db: Database, passenger: int, caplog: pytest.LogCaptureFixture
) -> None:
    db.refuse_writes(WritesRefusedError("Die Datenbank ist beschädigt.", "damaged"))
    assert read_mobility_needs(db, passenger) == MobilityEntry(rollator=True, notes=NOTE)
    assert "not in the audit log" in caplog.text
    assert audit_rows(db) == []

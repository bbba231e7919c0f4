"""The person editor reads mobility needs (health data) only when their page is shown; logged."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from engagement_desk.models import AuditEntry, MobilityNeeds
from engagement_desk.models.enums import AuditAction
from engagement_desk.services.people.persons import (
    PersonInput,
    create_person,
    get_person_sections,
)
from engagement_desk.services.people.sections import MobilityEntry
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

NOTE = "Sauerstoffgerät"


@pytest.fixture
def tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


@pytest.fixture
def passenger(ctx) -> int:
    person = create_person(ctx.db, PersonInput(last_name="Weber", first_name="Hildegard"))
    with ctx.db.session() as session:
        session.add(MobilityNeeds(person_id=person.id, wheelchair=True, notes=NOTE))
    return person.id


def reads(ctx) -> list[tuple[str, int | None]]:
    with ctx.db.read_session() as session:
        return [
            (entity, entity_id)
            for entity, entity_id in session.execute(
                select(AuditEntry.entity, AuditEntry.entity_id).where(
                    AuditEntry.action == AuditAction.READ
                )
            )
        ]


def test_the_needs_are_read_and_logged_when_their_page_is_shown(tab, ctx, passenger) -> None:
    tab.refresh()
    tab.open_person(passenger)
    editor = tab.editor
    editor.pages.setCurrentIndex(0)
    mobility = editor.times.mobility
    assert not mobility.isEnabled()
    assert mobility.notes.text() == "" and not mobility.wheelchair.isChecked()
    assert reads(ctx) == []

    editor.pages.setCurrentIndex(1)

    assert mobility.isEnabled()
    assert mobility.wheelchair.isChecked() and mobility.notes.text() == NOTE
    assert reads(ctx) == [("mobility_needs", passenger)]
    assert not editor.is_dirty()
    editor.pages.setCurrentIndex(2)
    editor.pages.setCurrentIndex(1)
    assert reads(ctx) == [("mobility_needs", passenger)]  # once per showing of the record


def test_saving_before_the_needs_were_shown_keeps_them(tab, ctx, passenger) -> None:
    tab.refresh()
    tab.open_person(passenger)
    editor = tab.editor
    editor.pages.setCurrentIndex(0)
    editor.master.city.setText("Bitburg")
    editor.save()
    assert get_person_sections(ctx.db, passenger).mobility == MobilityEntry(
        wheelchair=True, notes=NOTE
    )
    assert reads(ctx) == []


def test_needs_typed_in_after_showing_are_saved(tab, ctx, passenger) -> None:
    tab.refresh()
    tab.open_person(passenger)
    editor = tab.editor
    editor.pages.setCurrentIndex(1)
    editor.times.mobility.escort.setChecked(True)
    assert editor.is_dirty()
    editor.save()
    assert get_person_sections(ctx.db, passenger).mobility == MobilityEntry(
        wheelchair=True, escort=True, notes=NOTE
    )


def test_a_new_person_s_needs_can_be_typed_in_at_once(tab, ctx) -> None:
    tab.editor.new_person()
    assert tab.editor.times.mobility.isEnabled()

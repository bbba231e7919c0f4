"""Correcting a citizen's question: validation, conflicts, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from engagement_desk.models import AuditEntry
from engagement_desk.models.enums import AuditAction, EventKind
from engagement_desk.services.errors import ConflictError, NotFoundError, ValidationError
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.questions import (
    add_question,
    delete_question,
    list_questions,
    update_question,
)
from engagement_desk.services.events.records import EventData, QuestionRecord

DAY = dt.datetime(2026, 11, 21, 18, 0)


@pytest.fixture
def question(any_db) -> QuestionRecord:
    round_ = create_event(
        any_db,
        EventData(EventKind.CITIZEN_DIALOGUE, "Bürgerschaft (ge)fragt", DAY, DAY),
    )
    return add_question(any_db, round_.id, "Mehr Bänke", "Weber", dt.date(2026, 11, 2))


def test_update_question_changes_text_and_keeps_the_day(any_db, question) -> None:
    changed = update_question(any_db, question, "  Mehr Sitzbänke am Markt ", "")
    assert (changed.text, changed.asked_by, changed.received_on) == (
        "Mehr Sitzbänke am Markt",
        "",
        dt.date(2026, 11, 2),
    )
    assert list_questions(any_db, question.event_id) == (changed,)
    moved = update_question(any_db, changed, changed.text, "Weber", dt.date(2026, 11, 3))
    assert moved.received_on == dt.date(2026, 11, 3)
    with any_db.read_session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(
                AuditEntry.entity == "event_question", AuditEntry.entity_id == question.id
            )
        ).all()
    assert actions.count(AuditAction.UPDATE) == 2


def test_update_question_refuses_empty_and_overlong_input(any_db, question) -> None:
    with pytest.raises(ValidationError) as caught:
        update_question(any_db, question, " \n ", "x" * 201)
    messages = {e.field: e.message for e in caught.value.errors}
    assert messages == {
        "text": "Bitte Frage eingeben.",
        "asked_by": "Höchstens 200 Zeichen (jetzt 201).",
    }
    assert list_questions(any_db, question.event_id) == (question,)


def test_update_question_detects_a_change_made_elsewhere(any_db, question) -> None:
    update_question(any_db, question, "Mehr Bänke am Markt", "Weber")
    with pytest.raises(ConflictError, match="anderen Arbeitsplatz"):
        update_question(any_db, question, "Bänke!", "Weber")
    assert [q.text for q in list_questions(any_db, question.event_id)] == ["Mehr Bänke am Markt"]
    delete_question(any_db, question.id)
    with pytest.raises(NotFoundError):
        update_question(any_db, question, "Bänke!", "Weber")

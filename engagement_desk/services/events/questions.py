"""Citizens' questions collected before a "Bürgerschaft (ge)fragt" round."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import (
    Event,
    EventQuestion,
)
from engagement_desk.models.enums import (
    AuditAction,
)
from engagement_desk.services import audit
from engagement_desk.services.errors import ConflictError, FieldError, ValidationError
from engagement_desk.services.events.records import EVENT, QuestionRecord
from engagement_desk.services.events.validation import check_text
from engagement_desk.services.records import (
    apply_changes,
    get_or_raise,
)


def _checked_question(text: str, asked_by: str) -> tuple[str, str]:
    errors: list[FieldError] = []
    text = check_text(errors, "text", "Frage", text, 10_000, True)
    asked_by = check_text(errors, "asked_by", "Gefragt von", asked_by, 200, False)
    if errors:
        raise ValidationError(errors)
    return text, asked_by


def add_question(
    db: Database,
    event_id: int,
    text: str,
    asked_by: str = "",
    received_on: dt.date | None = None,
) -> QuestionRecord:
    """A question a citizen sent in for a "Bürgerschaft (ge)fragt" round."""
    text, asked_by = _checked_question(text, asked_by)
    with db.session() as session:
        get_or_raise(session, Event, event_id, EVENT)
        question = EventQuestion(
            event_id=event_id,
            text=text,
            asked_by=asked_by,
            received_on=received_on or dt.date.today(),
        )
        session.add(question)
        session.flush()
        audit.record(session, AuditAction.CREATE, "event_question", question.id)
        return QuestionRecord(question.id, event_id, asked_by, text, question.received_on)


def list_questions(db: Database, event_id: int) -> tuple[QuestionRecord, ...]:
    with db.read_session() as session:
        questions = session.scalars(
            select(EventQuestion)
            .where(EventQuestion.event_id == event_id)
            .order_by(EventQuestion.received_on, EventQuestion.id)
        ).all()
        return tuple(
            QuestionRecord(q.id, q.event_id, q.asked_by, q.text, q.received_on) for q in questions
        )


def delete_question(db: Database, question_id: int) -> None:
    with db.session() as session:
        session.delete(get_or_raise(session, EventQuestion, question_id, "Frage"))
        audit.record(session, AuditAction.DELETE, "event_question", question_id)


def update_question(
    db: Database,
    original: QuestionRecord,
    text: str,
    asked_by: str = "",
    received_on: dt.date | None = None,
) -> QuestionRecord:
    """Correct a question; ``original`` is the record as the user saw it.

    Questions have no version column, so a concurrent change is detected by
    comparing the stored values with ``original``; ``received_on=None`` keeps
    the day.
    """
    text, asked_by = _checked_question(text, asked_by)
    with db.session() as session:
        question = get_or_raise(session, EventQuestion, original.id, "Frage")
        stored = (question.text, question.asked_by, question.received_on)
        if stored != (original.text, original.asked_by, original.received_on):
            raise ConflictError(
                f"Frage Nr. {original.id} wurde inzwischen an einem anderen Arbeitsplatz "
                "geändert. Bitte neu laden und die Änderung noch einmal eintragen."
            )
        values = {
            "text": text,
            "asked_by": asked_by,
            "received_on": received_on or question.received_on,
        }
        changed = apply_changes(question, values)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "event_question", question.id, changed)
        return QuestionRecord(
            question.id, question.event_id, question.asked_by, question.text, question.received_on
        )

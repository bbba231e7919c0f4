"""Letter templates the office edits: a name, a subject and a body with placeholders.

Two German defaults come with the database (migration 0013). A placeholder the program
does not know is refused on saving, with a message naming it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import LetterTemplate
from engagement_desk.models.enums import AuditAction
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, NotFoundError, ValidationError
from engagement_desk.services.letters.placeholders import template_problems
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
    violates,
)
from engagement_desk.services.validation import Validator, clean

WHAT = "Briefvorlage"
TABLE = "letter_template"
UNIQUE_NAME = "uq_letter_template_name"


@dataclass(frozen=True)
class LetterTemplateInput:
    name: str
    subject: str
    body: str


@dataclass(frozen=True)
class LetterTemplateRecord(LetterTemplateInput):
    id: int = 0
    version: int = 0


DEFAULT_TEMPLATES = (
    LetterTemplateInput(
        name="Einladung zur Anerkennungsveranstaltung",
        subject="Einladung: {veranstaltung} am {veranstaltungsdatum}",
        body=(
            "{briefanrede}\n\n"
            "wir laden Sie herzlich ein zu\n\n"
            "{veranstaltung}\n"
            "am {veranstaltungsdatum} um {veranstaltungszeit} Uhr\n"
            "Ort: {veranstaltungsort}\n\n"
            "Mit diesem Abend danken wir allen, die sich in unserer Stadt ehrenamtlich "
            "engagieren, und allen, die dieses Engagement fördern. Bitte sagen Sie uns bis "
            "eine Woche vorher, ob Sie kommen.\n\n"
            "Wir freuen uns auf Sie!\n\n"
            "Mit freundlichen Grüßen\n\n"
            "{agentur}"
        ),
    ),
    LetterTemplateInput(
        name="Allgemeiner Brief",
        subject="Informationen der {agentur}",
        body="{briefanrede}\n\nhier steht Ihr Text.\n\nMit freundlichen Grüßen\n\n{agentur}",
    ),
)


def _record(row: LetterTemplate) -> LetterTemplateRecord:
    return LetterTemplateRecord(
        name=row.name, subject=row.subject, body=row.body, id=row.id, version=row.version
    )


def validated_template(data: LetterTemplateInput) -> dict[str, str]:
    name, subject = clean(data.name), clean(data.subject)
    body = "\n".join(line.rstrip() for line in data.body.replace("\r\n", "\n").strip().split("\n"))
    check = Validator()
    check.required("name", "Name", name)
    check.max_length("name", "Name", name, 120)
    check.required("subject", "Betreff", subject)
    check.max_length("subject", "Betreff", subject, 200)
    check.required("body", "Text", body)
    for field, label, text in (("subject", "Betreff", subject), ("body", "Text", body)):
        for problem in template_problems(text):
            check.error(field, label, problem)
    check.raise_if_any()
    return {"name": name, "subject": subject, "body": body}


def _name_taken(name: str) -> ValidationError:
    return ValidationError(
        [FieldError("name", "Name", f"Eine Briefvorlage „{name}“ gibt es schon.")]
    )


def _check_unique(session: Session, name: str, own_id: int | None) -> None:
    clash = session.scalar(
        select(LetterTemplate.id).where(
            LetterTemplate.name == name, LetterTemplate.id != (own_id or -1)
        )
    )
    if clash is not None:
        raise _name_taken(name)


def _flush_unique(session: Session, name: str) -> None:
    """Another workstation may have saved the same name since the check."""
    try:
        session.flush()
    except IntegrityError as exc:
        if violates(exc, UNIQUE_NAME, "letter_template.name"):
            raise _name_taken(name) from exc
        raise


def list_templates(db: Database) -> tuple[LetterTemplateRecord, ...]:
    with db.read_session() as session:
        rows = session.scalars(select(LetterTemplate).order_by(LetterTemplate.name))
        return tuple(_record(row) for row in rows)


def get_template(db: Database, template_id: int) -> LetterTemplateRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, LetterTemplate, template_id, WHAT))


def template_by_id(session: Session, template_id: int) -> LetterTemplateRecord:
    return _record(get_or_raise(session, LetterTemplate, template_id, WHAT))


def template_named(session: Session, name: str) -> LetterTemplateRecord:
    row = session.scalar(select(LetterTemplate).where(LetterTemplate.name == clean(name)))
    if row is None:
        known = ", ".join(f"„{n}“" for n in session.scalars(select(LetterTemplate.name)))
        raise NotFoundError(
            f"Eine Briefvorlage „{clean(name)}“ gibt es nicht"
            + (f" (vorhanden: {known})." if known else ".")
        )
    return _record(row)


def create_template(db: Database, data: LetterTemplateInput) -> LetterTemplateRecord:
    values = validated_template(data)
    with db.session() as session:
        _check_unique(session, values["name"], None)
        row = LetterTemplate(**values)
        session.add(row)
        _flush_unique(session, values["name"])
        audit.record(session, AuditAction.CREATE, TABLE, row.id, values)
        return _record(row)


def update_template(
    db: Database, template_id: int, data: LetterTemplateInput, *, expected_version: int
) -> LetterTemplateRecord:
    values = validated_template(data)
    with db.session() as session, conflicts_reported(WHAT, template_id):
        row = load_for_update(session, LetterTemplate, template_id, expected_version, WHAT)
        _check_unique(session, values["name"], row.id)
        changed = apply_changes(row, values)
        if changed:
            _flush_unique(session, values["name"])
            audit.record(session, AuditAction.UPDATE, TABLE, row.id, changed)
        return _record(row)


def delete_template(db: Database, template_id: int, *, expected_version: int) -> None:
    with db.session() as session, conflicts_reported(WHAT, template_id):
        row = load_for_update(session, LetterTemplate, template_id, expected_version, WHAT)
        session.delete(row)
        session.flush()
        audit.record(session, AuditAction.DELETE, TABLE, template_id)

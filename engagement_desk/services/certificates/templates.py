"""Certificate texts the office can edit; each edit of title or text raises the version
printed on every certificate made from it. The German defaults come with the database
(migration 0003); reading never creates them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import CertificateTemplate
from engagement_desk.models.enums import AuditAction, CertificateKind
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services import audit
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.placeholders import template_problems
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.records import (
    apply_changes,
    conflicts_reported,
    get_or_raise,
    load_for_update,
)
from engagement_desk.services.validation import Validator, clean

WHAT = "Vorlage"
DEFAULT_NAME = "Standard"

KIND_NAMES = german_names(CertificateKind)
TEMPLATE_LOCK_CLASS = 0x45444354  # "EDCT": (class, kind) advisory lock per template kind


@dataclass(frozen=True)
class TemplateInput:
    name: str
    title: str
    body: str
    is_default: bool = False


@dataclass(frozen=True)
class TemplateRecord:
    id: int
    kind: CertificateKind
    name: str
    template_version: int
    title: str
    body: str
    is_default: bool
    version: int


DEFAULT_TEMPLATES: dict[CertificateKind, TemplateInput] = {
    CertificateKind.RECOGNITION: TemplateInput(
        name=DEFAULT_NAME,
        title="Anerkennungsurkunde",
        body=(
            "In Dank und Anerkennung\nfür das ehrenamtliche Engagement\nverliehen an\n\n"
            "{anrede_name_akkusativ}\n\n"
            "für {stunden} Stunden geschenkte Zeit im Zeitraum {zeitraum} bei "
            "{organisationen} – für die Menschen in {ort} und für unsere Gemeinschaft.\n\n"
            "Für diesen Einsatz danken wir von Herzen."
        ),
        is_default=True,
    ),
    CertificateKind.STATEMENT: TemplateInput(
        name=DEFAULT_NAME,
        title="Engagementnachweis",
        body=(
            "{anrede_name} hat sich im Zeitraum {zeitraum} ehrenamtlich für das Gemeinwohl "
            "engagiert.\n\n"
            "Dieser Nachweis bestätigt Art und Umfang des Engagements sowie die dabei "
            "erworbenen Kompetenzen. Er enthält keine Bewertung.\n\n"
            "Wir danken für den Einsatz und wünschen für den weiteren Weg alles Gute."
        ),
        is_default=True,
    ),
    CertificateKind.ATTENDANCE: TemplateInput(
        name=DEFAULT_NAME,
        title="Teilnahmebescheinigung",
        body=(
            "{anrede_name}\n\n"
            "hat am {veranstaltungsdatum} an der Veranstaltung\n\n"
            "„{veranstaltung}“\n\n"
            "im Umfang von {stunden} Stunden teilgenommen."
        ),
        is_default=True,
    ),
}


def _record(row: CertificateTemplate) -> TemplateRecord:
    return TemplateRecord(
        id=row.id,
        kind=row.kind,
        name=row.name,
        template_version=row.template_version,
        title=row.title,
        body=row.body,
        is_default=row.is_default,
        version=row.version,
    )


def ensure_default_templates(db: Database) -> None:
    """Create the German default template of every kind that has none (a repair;
    migration 0003 and the interchange import already leave one of each)."""
    with db.session() as session:
        create_missing_defaults(session)


def create_missing_defaults(session: Session) -> None:
    present = set(session.scalars(select(CertificateTemplate.kind).distinct()))
    for kind, data in DEFAULT_TEMPLATES.items():
        if kind in present:
            continue
        row = CertificateTemplate(
            kind=kind,
            name=data.name,
            title=data.title,
            body=data.body,
            is_default=True,
            template_version=1,
        )
        session.add(row)
        session.flush()
        audit.record(session, AuditAction.CREATE, "certificate_template", row.id, ["body"])


def list_templates(db: Database, kind: CertificateKind | None = None) -> tuple[TemplateRecord, ...]:
    with db.read_session() as session:
        statement = select(CertificateTemplate).order_by(
            CertificateTemplate.kind,
            CertificateTemplate.is_default.desc(),
            CertificateTemplate.name,
        )
        if kind is not None:
            statement = statement.where(CertificateTemplate.kind == kind)
        return tuple(_record(row) for row in session.scalars(statement))


def get_template(db: Database, template_id: int) -> TemplateRecord:
    with db.read_session() as session:
        return _record(get_or_raise(session, CertificateTemplate, template_id, WHAT))


def template_for(
    session: Session, kind: CertificateKind, template_id: int | None
) -> TemplateRecord:
    """The chosen template, or the kind's default; reads only."""
    if template_id is not None:
        row = get_or_raise(session, CertificateTemplate, template_id, WHAT)
        if row.kind != kind:
            raise invalid(
                "template_id", WHAT, f"Die Vorlage „{row.name}“ ist keine {KIND_NAMES[kind]}."
            )
        return _record(row)
    row = session.scalars(
        select(CertificateTemplate)
        .where(CertificateTemplate.kind == kind)
        .order_by(CertificateTemplate.is_default.desc(), CertificateTemplate.id)
        .limit(1)
    ).first()
    if row is None:
        raise NotFoundError(
            f"Es gibt keine Vorlage der Art „{KIND_NAMES[kind]}“; "
            "bitte unter Vorlagen eine anlegen."
        )
    return _record(row)


def default_template(db: Database, kind: CertificateKind) -> TemplateRecord:
    with db.read_session() as session:
        return template_for(session, kind, None)


def create_template(db: Database, kind: CertificateKind, data: TemplateInput) -> TemplateRecord:
    values = validated_template(data)
    with db.session() as session:
        _lock_kind(session, kind)
        _check_unique(session, kind, str(values["name"]), None)
        row = CertificateTemplate(kind=kind, template_version=1, **values)
        session.add(row)
        session.flush()
        if row.is_default:
            _make_sole_default(session, row)
        audit.record(session, AuditAction.CREATE, "certificate_template", row.id, values)
        return _record(row)


def update_template(
    db: Database, template_id: int, data: TemplateInput, *, expected_version: int
) -> TemplateRecord:
    """Save an edit; a changed title or text raises ``template_version`` by one."""
    values = validated_template(data)
    with db.session() as session, conflicts_reported(WHAT, template_id):
        row = load_for_update(session, CertificateTemplate, template_id, expected_version, WHAT)
        _lock_kind(session, row.kind)
        _check_unique(session, row.kind, str(values["name"]), row.id)
        text_changed = (row.title, row.body) != (values["title"], values["body"])
        changed = apply_changes(row, values)
        if text_changed:
            row.template_version += 1
            changed.append("template_version")
        if row.is_default:
            _make_sole_default(session, row)
        if changed:
            session.flush()
            audit.record(session, AuditAction.UPDATE, "certificate_template", row.id, changed)
        return _record(row)


def delete_template(db: Database, template_id: int, *, expected_version: int) -> None:
    """Remove a template; issued certificates keep their text. The last of a kind stays."""
    with db.session() as session, conflicts_reported(WHAT, template_id):
        row = load_for_update(session, CertificateTemplate, template_id, expected_version, WHAT)
        _lock_kind(session, row.kind)
        others = session.scalar(
            select(func.count(CertificateTemplate.id)).where(
                CertificateTemplate.kind == row.kind, CertificateTemplate.id != row.id
            )
        )
        if not others:
            raise invalid("id", WHAT, "Die letzte Vorlage einer Art kann nicht gelöscht werden.")
        session.delete(row)
        session.flush()
        audit.record(session, AuditAction.DELETE, "certificate_template", template_id)


def validated_template(data: TemplateInput) -> dict[str, object]:
    name, title = clean(data.name), clean(data.title)
    body = "\n".join(line.rstrip() for line in data.body.replace("\r\n", "\n").strip().split("\n"))
    check = Validator()
    check.required("name", "Name", name)
    check.max_length("name", "Name", name, 120)
    check.required("title", "Überschrift", title)
    check.max_length("title", "Überschrift", title, 200)
    check.required("body", "Text", body)
    for field, label, text in (("title", "Überschrift", title), ("body", "Text", body)):
        for problem in template_problems(text):
            check.error(field, label, problem)
    check.raise_if_any()
    return {"name": name, "title": title, "body": body, "is_default": data.is_default}


def _lock_kind(session: Session, kind: CertificateKind) -> None:
    """Serialise writes to one kind's templates until the transaction ends (PostgreSQL;
    SQLite's write lock does already): the name check, the one default and "the last
    template of a kind stays" count what another workstation just saved."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            sql_text("SELECT pg_advisory_xact_lock(:lock_class, :kind)"),
            {"lock_class": TEMPLATE_LOCK_CLASS, "kind": list(CertificateKind).index(kind)},
        )


def _check_unique(session: Session, kind: CertificateKind, name: str, own_id: int | None) -> None:
    clash = session.scalar(
        select(CertificateTemplate.id).where(
            CertificateTemplate.kind == kind,
            CertificateTemplate.name == name,
            CertificateTemplate.id != (own_id or -1),
        )
    )
    if clash is not None:
        raise invalid("name", "Name", f"Eine Vorlage „{name}“ gibt es für diese Art schon.")


def _make_sole_default(session: Session, row: CertificateTemplate) -> None:
    for other in session.scalars(
        select(CertificateTemplate).where(
            CertificateTemplate.kind == row.kind,
            CertificateTemplate.id != row.id,
            CertificateTemplate.is_default.is_(True),
        )
    ):
        other.is_default = False

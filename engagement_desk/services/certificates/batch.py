"""Issuing certificates in batches, and previewing one without registering it.

A batch is one use case in three short steps, so that drawing hundreds of pages holds
no lock and no transaction (a preview or any other save does not wait for it):

1. Reserve, under the numbering lock: choose the people, allocate the numbers, compose
   the content and insert the register rows as *void* (revoked, reason
   ``RESERVED_REASON``). Committed at once; the next batch numbers after them.
2. Draw the PDFs into a staging folder, with no transaction open.
3. Confirm: turn the reserved rows into issued ones, move the files into place, commit.

Before any number is allocated, every content is checked against the shipped fonts: a
person whose name (or other text) cannot be printed is refused and listed, the others
go through (``printable``).

A cancel or an error deletes the reserved rows again and leaves no files, so no PDF
carrying those numbers exists. Should even that fail (the program is killed, the
database is gone), the rows stay void: a number printed on a page belongs to exactly
one person, and the register never calls a certificate valid that nobody received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Certificate, Person
from engagement_desk.models.enums import AuditAction, CertificateKind, CertificateStatus
from engagement_desk.services import audit
from engagement_desk.services.certificates.backgrounds import PREVIEW_NUMBER
from engagement_desk.services.certificates.compose import (
    Issuer,
    Period,
    compose,
    issuer_from_settings,
)
from engagement_desk.services.certificates.content import (
    CertificateContent,
    canonical_json,
    content_hash,
)
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.facts import EventFacts, person_facts
from engagement_desk.services.certificates.layout import CertificatePrinter, render_pdf
from engagement_desk.services.certificates.logo import logo_reader
from engagement_desk.services.certificates.numbering import (
    allocate_numbers,
    lock_numbering,
    new_verification_code,
)
from engagement_desk.services.certificates.output import Staging, file_name
from engagement_desk.services.certificates.printable import Refusal, refusals, refused_error
from engagement_desk.services.certificates.records import IssuedCertificate, issued
from engagement_desk.services.certificates.selection import (
    Selection,
    choose,
    period_and_event,
)
from engagement_desk.services.certificates.templates import (
    KIND_NAMES,
    TemplateInput,
    TemplateRecord,
    template_for,
    validated_template,
)
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.progress import NO_PROGRESS, Progress, step
from engagement_desk.services.settings import get_agency_settings

RESERVED_REASON = "Nummer reserviert; die Ausstellung ist nicht abgeschlossen."
"""Why a reserved row is void: its PDFs are being drawn, or the batch never finished."""

PLURALS = {
    CertificateKind.RECOGNITION: "Anerkennungsurkunden",
    CertificateKind.STATEMENT: "Engagementnachweise",
    CertificateKind.ATTENDANCE: "Teilnahmebescheinigungen",
}


@dataclass(frozen=True)
class IssueOptions:
    """How to issue: template (default of the kind), issue date (today), competences text
    for engagement statements (one for all, or per person id)."""

    template_id: int | None = None
    issued_on: dt.date | None = None
    competences: str = ""
    competences_by_person: Mapping[int, str] = field(default_factory=dict)

    def competences_for(self, person_id: int) -> str:
        return self.competences_by_person.get(person_id, self.competences)


@dataclass(frozen=True)
class IssueResult:
    certificates: tuple[IssuedCertificate, ...]
    files: tuple[Path, ...]
    period: Period
    pages: int
    refused: tuple[Refusal, ...] = ()  # not issued, no number taken: cannot be printed


Draft = tuple[CertificateContent, str]


def issue_certificates(
    db: Database,
    kind: CertificateKind,
    selection: Selection,
    *,
    out_dir: Path | None = None,
    single_file: Path | None = None,
    options: IssueOptions = IssueOptions(),
    progress: Progress = NO_PROGRESS,
) -> IssueResult:
    """Issue and register certificates for everyone the selection finds.

    Either ``out_dir`` (one PDF per certificate, named by number and name) or
    ``single_file`` (all pages in one PDF). Raises ``Cancelled`` when the user cancels.
    """
    if (out_dir is None) == (single_file is None):
        raise invalid("out", "Ausgabe", "Bitte entweder einen Ordner oder eine Datei angeben.")
    issuer = issuer_from_settings(get_agency_settings(db))
    issued_on = options.issued_on or dt.date.today()
    with db.session() as session:
        lock_numbering(session)
        template = template_for(session, kind, options.template_id)
        chosen = choose(session, kind, selection, issued_on)
        if not chosen.candidates:
            raise invalid("selection", "Auswahl", "Niemand erfüllt die gewählten Bedingungen.")
        ids = [c.person_id for c in chosen.candidates]
        contents = compose_contents(
            session, kind, template, issuer, ids, chosen.period, chosen.event, issued_on, options
        )
        refused = refusals(contents)
        if len(refused) == len(contents):
            raise refused_error(refused)
        refused_ids = {r.person_id for r in refused}
        contents = [c for c in contents if c.person_id not in refused_ids]
        candidates = [c for c in chosen.candidates if c.person_id not in refused_ids]
        numbers = allocate_numbers(session, kind, issued_on.year, len(contents))
        drafts = [
            (replace(content, number=number), new_verification_code())
            for content, number in zip(contents, numbers, strict=True)
        ]
        reserved = [row.id for row in register(session, drafts, reserve=True)]
    staging: Staging | None = None
    committed = False
    try:
        if single_file is not None:
            target = Path(single_file)
            staging = Staging(target.parent)
            finals = _write_single(drafts, staging, target, issuer, kind, progress)
            paths = [target] * len(drafts)
        else:
            assert out_dir is not None
            folder = Path(out_dir)
            staging = Staging(folder)
            names = [(c.first_name, c.last_name) for c in candidates]
            finals = _write_each(drafts, names, staging, folder, issuer, progress)
            paths = [final for _, final in finals]
        step(progress, len(drafts), len(drafts), "Register wird gespeichert …")
        with db.session() as session:
            rows = confirm(session, reserved)
            staging.check_free(finals)
        committed = True  # from here every number is registered: files may appear
        files = staging.publish(finals)
        staging.cleanup()
    except BaseException:
        if staging is not None:
            if committed:
                staging.cleanup()  # registered; what did not arrive prints as a duplicate
            else:
                staging.discard()
        if not committed:
            release(db, reserved)
        raise
    certificates = tuple(
        issued(row, content.person_name, path)
        for row, (content, _), path in zip(rows, drafts, paths, strict=True)
    )
    return IssueResult(certificates, tuple(files), chosen.period, len(drafts), tuple(refused))


def compose_drafts(
    session: Session,
    kind: CertificateKind,
    template: TemplateRecord,
    issuer: Issuer,
    person_ids: Sequence[int],
    period: Period,
    event: EventFacts | None,
    issued_on: dt.date,
    numbers: Sequence[str],
    options: IssueOptions,
) -> list[Draft]:
    contents = compose_contents(
        session, kind, template, issuer, person_ids, period, event, issued_on, options
    )
    return [
        (
            replace(content, number=number),
            new_verification_code() if number != PREVIEW_NUMBER else "",
        )
        for content, number in zip(contents, numbers, strict=True)
    ]


def compose_contents(
    session: Session,
    kind: CertificateKind,
    template: TemplateRecord,
    issuer: Issuer,
    person_ids: Sequence[int],
    period: Period,
    event: EventFacts | None,
    issued_on: dt.date,
    options: IssueOptions,
) -> list[CertificateContent]:
    """The contents, still without a number (``number`` is empty)."""
    facts = person_facts(session, person_ids, period.start, period.end)
    return [
        compose(
            kind=kind,
            number="",
            issued_on=issued_on,
            template=template,
            issuer=issuer,
            person=facts[person_id],
            period=period,
            event=event,
            competences=options.competences_for(person_id),
        )
        for person_id in person_ids
    ]


def register(
    session: Session,
    drafts: Sequence[Draft],
    replaces_id: int | None = None,
    *,
    reserve: bool = False,
) -> list[Certificate]:
    """Register rows for the drafts; ``reserve`` inserts them void until ``confirm``."""
    rows = []
    for content, code in drafts:
        canonical = canonical_json(content)
        rows.append(
            Certificate(
                number=content.number,
                verification_code=code,
                kind=content.kind,
                person_id=content.person_id,
                event_id=content.event.id if content.event else None,
                template_id=content.template_id,
                template_version=content.template_version,
                issued_on=content.issued_on,
                period_start=content.period_start,
                period_end=content.period_end,
                content_hash=content_hash(canonical),
                status=CertificateStatus.REVOKED if reserve else CertificateStatus.ISSUED,
                revoked_on=content.issued_on if reserve else None,
                revoke_reason=RESERVED_REASON if reserve else "",
                replaces_id=replaces_id,
                content=canonical,
            )
        )
    session.add_all(rows)
    session.flush()
    if not reserve:
        _audit_created(session, rows)
    return rows


def confirm(session: Session, reserved_ids: Sequence[int]) -> list[Certificate]:
    """The reserved rows, now issued (in the order reserved)."""
    found = {
        row.id: row
        for row in session.scalars(select(Certificate).where(Certificate.id.in_(reserved_ids)))
    }
    rows = [found[row_id] for row_id in reserved_ids if row_id in found]
    if len(rows) != len(reserved_ids) or any(row.revoke_reason != RESERVED_REASON for row in rows):
        raise ServiceError(
            "Die reservierten Nummern wurden inzwischen verändert; es wurde nichts ausgestellt."
        )
    for row in rows:
        row.status = CertificateStatus.ISSUED
        row.revoked_on = None
        row.revoke_reason = ""
    session.flush()
    _audit_created(session, rows)
    return rows


def release(db: Database, reserved_ids: Sequence[int]) -> None:
    """Delete reserved rows after a cancel or failure (no PDF with their numbers is left)."""
    try:
        with db.session() as session:
            session.execute(
                delete(Certificate).where(
                    Certificate.id.in_(reserved_ids),
                    Certificate.status == CertificateStatus.REVOKED,
                    Certificate.revoke_reason == RESERVED_REASON,
                )
            )
    except Exception:
        # The error that stopped the batch matters more; rows left behind stay void.
        pass


def _audit_created(session: Session, rows: Sequence[Certificate]) -> None:
    for row in rows:
        audit.record(
            session, AuditAction.CREATE, "certificate", row.id, ["number", "kind", "person_id"]
        )


def _write_single(
    drafts: list[Draft],
    staging: Staging,
    final: Path,
    issuer: Issuer,
    kind: CertificateKind,
    progress: Progress,
) -> list[tuple[str, Path]]:
    staged = final.name
    printer = CertificatePrinter(
        staging.path(staged),
        logo_reader(issuer.logo_png),
        title=PLURALS[kind],
        author=issuer.agency.name,
        signatures=issuer.signatures,
    )
    total = len(drafts)
    for index, (content, code) in enumerate(drafts):
        step(progress, index, total, content.person_name)
        printer.add(content, code)
    step(progress, total, total, "PDF wird geschrieben …")
    printer.save()
    return [(staged, final)]


def _write_each(
    drafts: list[Draft],
    names: list[tuple[str, str]],
    staging: Staging,
    out_dir: Path,
    issuer: Issuer,
    progress: Progress,
) -> list[tuple[str, Path]]:
    finals = []
    total = len(drafts)
    logo = logo_reader(issuer.logo_png)
    for index, ((content, code), (first, last)) in enumerate(zip(drafts, names, strict=True)):
        step(progress, index, total, content.person_name)
        name = file_name(content.number, first, last)
        printer = CertificatePrinter(
            staging.path(name),
            logo,
            title=f"{KIND_NAMES[content.kind]} {content.number}",
            author=issuer.agency.name,
            signatures=issuer.signatures,
        )
        printer.add(content, code)
        printer.save()
        finals.append((name, out_dir / name))
    return finals


def preview_certificate(
    db: Database,
    kind: CertificateKind,
    person_id: int,
    selection: Selection | None = None,
    *,
    template: TemplateInput | None = None,
    options: IssueOptions = IssueOptions(),
) -> bytes:
    """One certificate for one person as PDF bytes, marked "Vorschau", registered nowhere.

    The selection gives the period and event only. ``template`` previews an unsaved edit
    (of ``options.template_id`` if given, else of a new template).
    """
    issuer = issuer_from_settings(get_agency_settings(db))
    issued_on = options.issued_on or dt.date.today()
    with db.read_session() as session:
        stored = template_for(session, kind, options.template_id)
        if template is not None:
            stored = _draft_template(kind, template, stored, options.template_id is not None)
        if session.get(Person, person_id) is None:
            raise invalid("person_id", "Person", f"Person Nr. {person_id} gibt es nicht.")
        period, event = period_and_event(session, kind, selection or Selection(), issued_on)
        (draft,) = compose_drafts(
            session,
            kind,
            stored,
            issuer,
            [person_id],
            period,
            event,
            issued_on,
            [PREVIEW_NUMBER],
            options,
        )
    refused = refusals([draft[0]])
    if refused:
        raise refused_error(refused)
    return render_pdf([draft], issuer.logo_png, f"Vorschau {KIND_NAMES[kind]}", issuer.signatures)


def _draft_template(
    kind: CertificateKind, draft: TemplateInput, stored: TemplateRecord, is_edit: bool
) -> TemplateRecord:
    values = validated_template(draft)
    return TemplateRecord(
        id=stored.id if is_edit else 0,
        kind=kind,
        name=str(values["name"]),
        template_version=stored.template_version + 1 if is_edit else 1,
        title=str(values["title"]),
        body=str(values["body"]),
        is_default=False,
        version=0,
    )

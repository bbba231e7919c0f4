"""The register of issued certificates: verify, revoke, reissue and print a duplicate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import Certificate, CertificateTemplate, Person
from engagement_desk.models.enums import AuditAction, CertificateKind, CertificateStatus
from engagement_desk.services import audit
from engagement_desk.services.certificates.batch import IssueOptions, compose_contents, register
from engagement_desk.services.certificates.compose import Period, issuer_from_settings
from engagement_desk.services.certificates.content import content_from_json, content_hash
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.facts import event_facts
from engagement_desk.services.certificates.formatting import format_date
from engagement_desk.services.certificates.layout import render_pdf
from engagement_desk.services.certificates.numbering import (
    allocate_numbers,
    lock_numbering,
    new_verification_code,
    normalize_code,
    normalize_number,
)
from engagement_desk.services.certificates.printable import refusals, refused_error
from engagement_desk.services.certificates.qr import parse_qr_payload
from engagement_desk.services.certificates.records import IssuedCertificate, issued
from engagement_desk.services.certificates.templates import KIND_NAMES, template_for
from engagement_desk.services.errors import NotFoundError
from engagement_desk.services.files import write_file
from engagement_desk.services.settings import get_agency_settings
from engagement_desk.services.validation import clean

REASON_MAX = 300


class VerificationStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"
    REPLACED = "replaced"
    UNKNOWN = "unknown"
    CODE_MISMATCH = "code_mismatch"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class Verification:
    """The register's answer. Names and details are only given with a matching code."""

    status: VerificationStatus
    number: str
    message: str
    kind: CertificateKind | None = None
    person_name: str = ""
    issued_on: dt.date | None = None
    revoked_on: dt.date | None = None
    revoke_reason: str = ""
    replaced_by: str = ""

    @property
    def valid(self) -> bool:
        return self.status == VerificationStatus.VALID


def verify_certificate(db: Database, number: str, code: str | None = None) -> Verification:
    """Check a number (or a scanned QR text) and optionally its code against the register."""
    scanned = parse_qr_payload(number)
    if scanned is not None:
        number, code = scanned[0], code or scanned[1]
    number = normalize_number(number)
    with db.read_session() as session:
        row = session.scalar(select(Certificate).where(Certificate.number == number))
        if row is None:
            return Verification(
                VerificationStatus.UNKNOWN, number, f"Die Nummer {number} ist nicht im Register."
            )
        if code is not None and normalize_code(code) != normalize_code(row.verification_code):
            return Verification(
                VerificationStatus.CODE_MISMATCH,
                number,
                f"Der Prüfcode passt nicht zu {number}: Das Dokument ist nicht echt "
                "oder der Code wurde falsch abgetippt.",
            )
        details = code is not None
        person = _person_name(session, row.person_id) if details else ""
        replaced_by = session.scalar(
            select(Certificate.number).where(Certificate.replaces_id == row.id)
        )
        what = f"{KIND_NAMES[row.kind]} {number}"
        if content_hash(row.content) != row.content_hash:
            return Verification(
                VerificationStatus.DAMAGED,
                number,
                f"Der Registereintrag zu {number} ist beschädigt (Prüfsumme stimmt nicht).",
            )
        if row.status == CertificateStatus.REVOKED:
            reason = f": {row.revoke_reason}" if row.revoke_reason and details else ""
            status, message = (
                VerificationStatus.REVOKED,
                f"{what} wurde am {format_date(row.revoked_on)} widerrufen{reason}.",
            )
        elif row.status == CertificateStatus.REPLACED:
            status, message = (
                VerificationStatus.REPLACED,
                f"{what} wurde durch {replaced_by or 'eine neue Ausstellung'} ersetzt "
                "und gilt nicht mehr.",
            )
        elif _anonymized(session, row.person_id):
            # The register keeps the number and the day; who it was for is erased (Art. 17).
            person = ""
            status, message = (
                VerificationStatus.VALID,
                f"{what} wurde am {format_date(row.issued_on)} ausgestellt und später "
                "anonymisiert; für wen, ist nicht mehr gespeichert.",
            )
        else:
            whom = f" für {person}" if person else ""
            check = "" if details else " (Prüfcode nicht geprüft)"
            status, message = (
                VerificationStatus.VALID,
                f"Gültig: {what}{whom}, ausgestellt am {format_date(row.issued_on)}{check}.",
            )
        return Verification(
            status,
            number,
            message,
            kind=row.kind,
            person_name=person,
            issued_on=row.issued_on,
            revoked_on=row.revoked_on if details else None,
            revoke_reason=row.revoke_reason if details else "",
            replaced_by=replaced_by or "",
        )


def get_certificate(db: Database, number: str) -> IssuedCertificate:
    with db.read_session() as session:
        row = _row(session, number)
        return issued(row, _person_name(session, row.person_id))


def revoke_certificate(
    db: Database, number: str, reason: str, *, revoked_on: dt.date | None = None
) -> IssuedCertificate:
    """Mark an issued certificate as revoked, with the reason and the day."""
    reason = clean(reason)
    if not reason:
        raise invalid("reason", "Grund", "Bitte einen Grund für den Widerruf angeben.")
    if len(reason) > REASON_MAX:
        raise invalid("reason", "Grund", f"Höchstens {REASON_MAX} Zeichen (jetzt {len(reason)}).")
    with db.session() as session:
        row = _row(session, number)
        _ensure_issued(row)
        row.status = CertificateStatus.REVOKED
        row.revoked_on = revoked_on or dt.date.today()
        row.revoke_reason = reason
        session.flush()
        audit.record(
            session,
            AuditAction.UPDATE,
            "certificate",
            row.id,
            ["status", "revoked_on", "revoke_reason"],
        )
        return issued(row, _person_name(session, row.person_id))


@dataclass(frozen=True)
class Reissue:
    certificate: IssuedCertificate
    replaced: IssuedCertificate
    pdf: bytes


def reissue_certificate(
    db: Database,
    number: str,
    *,
    out_file: Path | None = None,
    issued_on: dt.date | None = None,
) -> Reissue:
    """A new certificate with a new number from today's data (same person, kind, period and
    event; same template if it still exists); the old one is marked replaced."""
    issuer = issuer_from_settings(get_agency_settings(db))
    issued_on = issued_on or dt.date.today()
    with db.session() as session:
        lock_numbering(session)
        old = _row(session, number)
        _ensure_issued(old)
        old_content = content_from_json(old.content)
        template = template_for(session, old.kind, _existing_template(session, old))
        event = event_facts(session, old.event_id) if old.event_id is not None else None
        start = old.period_start or old.issued_on
        period = Period(start, old.period_end or start)
        contents = compose_contents(
            session,
            old.kind,
            template,
            issuer,
            [old.person_id],
            period,
            event,
            issued_on,
            IssueOptions(competences=old_content.competences),
        )
        if refused := refusals(contents):
            raise refused_error(refused)
        (new_number,) = allocate_numbers(session, old.kind, issued_on.year, 1)
        drafts = [(replace(contents[0], number=new_number), new_verification_code())]
        old.status = CertificateStatus.REPLACED
        session.flush()
        audit.record(session, AuditAction.UPDATE, "certificate", old.id, ["status"])
        (row,) = register(session, drafts, replaces_id=old.id)
        name = _person_name(session, old.person_id)
        reissued, replaced, kind = issued(row, name, out_file), issued(old, name), old.kind
    # Drawn and written after the register committed: a file on disk always has a
    # registered number, and the drawing holds no lock (a duplicate can be printed
    # from the register should it fail).
    pdf = render_pdf(drafts, issuer.logo_png, f"{KIND_NAMES[kind]} {new_number}", issuer.signatures)
    if out_file is not None:
        write_file(out_file, pdf)
    return Reissue(reissued, replaced, pdf)


def reprint_certificate(db: Database, number: str) -> bytes:
    """The registered certificate drawn again from its stored content (a duplicate)."""
    issuer = issuer_from_settings(get_agency_settings(db))
    with db.read_session() as session:
        row = _row(session, number)
        if content_hash(row.content) != row.content_hash:
            raise invalid(
                "number", "Nummer", f"Der Registereintrag zu {row.number} ist beschädigt."
            )
        content = content_from_json(row.content)
        code = row.verification_code
    title = f"{KIND_NAMES[content.kind]} {number}"
    return render_pdf([(content, code)], issuer.logo_png, title, issuer.signatures)


def _row(session: Session, number: str) -> Certificate:
    number = normalize_number(number)
    row = session.scalar(select(Certificate).where(Certificate.number == number))
    if row is None:
        raise NotFoundError(f"Die Nummer {number} ist nicht im Register.")
    return row


def _ensure_issued(row: Certificate) -> None:
    if row.status == CertificateStatus.REVOKED:
        raise invalid("number", "Nummer", f"{row.number} ist bereits widerrufen.")
    if row.status == CertificateStatus.REPLACED:
        raise invalid("number", "Nummer", f"{row.number} wurde bereits ersetzt.")


def _existing_template(session: Session, row: Certificate) -> int | None:
    if row.template_id is None or session.get(CertificateTemplate, row.template_id) is None:
        return None
    return row.template_id


def _anonymized(session: Session, person_id: int) -> bool:
    return session.scalar(select(Person.anonymized_on).where(Person.id == person_id)) is not None


def _person_name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    if person is None:
        return ""
    return " ".join(p for p in (person.title, person.first_name, person.last_name) if p)

"""Register entries as the services hand them back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateKind, CertificateStatus


@dataclass(frozen=True)
class IssuedCertificate:
    id: int
    number: str
    verification_code: str
    kind: CertificateKind
    person_id: int
    person_name: str
    event_id: int | None
    issued_on: dt.date
    period_start: dt.date | None
    period_end: dt.date | None
    template_id: int | None
    template_version: int
    content_hash: str
    status: CertificateStatus
    replaces_id: int | None = None
    revoked_on: dt.date | None = None
    revoke_reason: str = ""
    file: Path | None = None


def issued(row: Certificate, person_name: str, file: Path | None = None) -> IssuedCertificate:
    return IssuedCertificate(
        id=row.id,
        number=row.number,
        verification_code=row.verification_code,
        kind=row.kind,
        person_id=row.person_id,
        person_name=person_name,
        event_id=row.event_id,
        issued_on=row.issued_on,
        period_start=row.period_start,
        period_end=row.period_end,
        template_id=row.template_id,
        template_version=row.template_version,
        content_hash=row.content_hash,
        status=row.status,
        replaces_id=row.replaces_id,
        revoked_on=row.revoked_on,
        revoke_reason=row.revoke_reason,
        file=file,
    )

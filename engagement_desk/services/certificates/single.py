"""One certificate for one chosen person: the batch's rules with a selection of one.

The preview takes no number; only ``issue_for_person`` takes the next number (in
the batch's race-free numbering) and registers exactly one certificate, whether
the person meets a batch's conditions (minimum hours) or not: the office chose them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.batch import (
    IssueOptions,
    issue_certificates,
    preview_certificate,
)
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.records import IssuedCertificate
from engagement_desk.services.certificates.selection import Selection, select_recipients
from engagement_desk.services.progress import NO_PROGRESS, Progress


def person_selection(
    person_id: int, *, year: int | None = None, event_id: int | None = None
) -> Selection:
    return Selection(year=year, person_ids=(person_id,), event_id=event_id)


def preview_for_person(
    db: Database,
    kind: CertificateKind,
    person_id: int,
    *,
    year: int | None = None,
    event_id: int | None = None,
    options: IssueOptions | None = None,
) -> bytes:
    """PDF bytes marked "Vorschau", without a number; nothing is registered."""
    selection = person_selection(person_id, year=year, event_id=event_id)
    _check_attended(db, kind, person_id, selection)
    return preview_certificate(db, kind, person_id, selection, options=options or IssueOptions())


def issue_for_person(
    db: Database,
    kind: CertificateKind,
    person_id: int,
    target: Path,
    *,
    year: int | None = None,
    event_id: int | None = None,
    options: IssueOptions | None = None,
    progress: Progress = NO_PROGRESS,
) -> IssuedCertificate:
    """Take the next number, register one certificate and write it to ``target``."""
    selection = person_selection(person_id, year=year, event_id=event_id)
    _check_attended(db, kind, person_id, selection)
    result = issue_certificates(
        db,
        kind,
        selection,
        single_file=Path(target),
        options=options or IssueOptions(),
        progress=progress,
    )
    (certificate,) = result.certificates
    return certificate


def recipient_name(db: Database, person_id: int) -> str:
    """'Anna Weber': how the confirmation names the person (no title, no salutation)."""
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise invalid("person_id", "Person", f"Person Nr. {person_id} gibt es nicht.")
        return " ".join(p for p in (person.first_name, person.last_name) if p)


def _check_attended(
    db: Database, kind: CertificateKind, person_id: int, selection: Selection
) -> None:
    """An attendance certificate only for someone marked attended: said before any number."""
    if kind != CertificateKind.ATTENDANCE or selection.event_id is None:
        return
    if not select_recipients(db, kind, selection).candidates:
        name = recipient_name(db, person_id)
        message = f"{name} ist bei dieser Veranstaltung nicht als „teilgenommen“ eingetragen."
        raise invalid("event_id", "Veranstaltung", message)


def default_year(today: dt.date | None = None) -> int:
    """Early in the year the office usually certifies the year just ended."""
    today = today or dt.date.today()
    return today.year - 1 if today.month < 7 else today.year

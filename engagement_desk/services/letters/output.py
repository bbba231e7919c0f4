"""A Serienbrief run: recipients, then letters PDF, label sheet and e-mail list.

Everything is composed in memory first and written only once all of it is ready, each
file atomically and readable by its owner only (``services.files``): a failure or a
cancel on the way leaves no file behind, not even half of one.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models.enums import LetterOutput
from engagement_desk.services import audit
from engagement_desk.services.errors import FieldError, ServiceError, ValidationError
from engagement_desk.services.files import replacing
from engagement_desk.services.letters.compose import check_event_placeholders, compose_letter
from engagement_desk.services.letters.label_formats import DEFAULT_FORMAT, LABEL_FORMATS
from engagement_desk.services.letters.labels_pdf import render_labels
from engagement_desk.services.letters.letter_pdf import LetterSheet, render_letters
from engagement_desk.services.letters.recipients import Recipients, Source, recipients_for
from engagement_desk.services.letters.templates import (
    LetterTemplateRecord,
    template_by_id,
    template_named,
)
from engagement_desk.services.printing.layout import file_part
from engagement_desk.services.printing.letterhead import AgencyHeader, agency_header
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

PREVIEW_LETTERS = 3


@dataclass(frozen=True)
class LetterRequest:
    """What to write: a template (by id or name), the recipients, the outputs."""

    source: Source
    outputs: frozenset[LetterOutput]
    template_id: int | None = None
    template_name: str | None = None
    label_format: str = DEFAULT_FORMAT


@dataclass(frozen=True)
class LetterPlan:
    """Who would get what, before anything is drawn."""

    template: LetterTemplateRecord | None
    agency: AgencyHeader
    recipients: Mapping[LetterOutput, Recipients]
    today: dt.date


@dataclass(frozen=True)
class WrittenFile:
    output: LetterOutput
    path: Path
    count: int


@dataclass(frozen=True)
class LetterRun:
    files: tuple[WrittenFile, ...]
    recipients: Mapping[LetterOutput, Recipients] = field(default_factory=dict)


def plan_letters(
    db: Database, request: LetterRequest, *, today: dt.date | None = None
) -> LetterPlan:
    """The recipients per output and the template, checked; reads only."""
    today = today or dt.date.today()
    if not request.outputs:
        raise ValidationError(
            [FieldError("outputs", "Ausgabe", "Bitte mindestens eine Ausgabe wählen.")]
        )
    if request.label_format not in LABEL_FORMATS:
        known = ", ".join(LABEL_FORMATS)
        raise ValidationError(
            [
                FieldError(
                    "label_format",
                    "Etiketten",
                    f"Unbekanntes Format „{request.label_format}“ (bekannt: {known}).",
                )
            ]
        )
    with db.read_session() as session:
        template = None
        if LetterOutput.LETTERS in request.outputs:
            template = _template(session, request)
        outputs = [output for output in LetterOutput if output in request.outputs]
        recipients = recipients_for(session, request.source, outputs, today=today)
        if template is not None:
            check_event_placeholders(template, recipients[LetterOutput.LETTERS].event)
        return LetterPlan(template, agency_header(session), recipients, today)


def _template(session: Session, request: LetterRequest) -> LetterTemplateRecord:
    if request.template_id is not None:
        return template_by_id(session, request.template_id)
    if request.template_name:
        return template_named(session, request.template_name)
    raise ValidationError([FieldError("template", "Vorlage", "Bitte eine Briefvorlage wählen.")])


def _sheet(plan: LetterPlan) -> LetterSheet:
    agency = plan.agency
    return LetterSheet(
        agency=agency,
        return_address=" · ".join(p for p in (agency.name, agency.address) if p),
        date_text=f"{plan.today:%d.%m.%Y}",
    )


def letters_pdf(
    plan: LetterPlan, progress: Progress = NO_PROGRESS, *, limit: int | None = None
) -> bytes:
    """The letters of ``plan`` as one PDF (the first ``limit`` only, for a preview)."""
    template = plan.template
    if template is None:
        raise ServiceError("Ohne Briefvorlage gibt es keine Briefe.")
    recipients = plan.recipients[LetterOutput.LETTERS]
    people = recipients.people[:limit] if limit is not None else recipients.people
    total = len(people)
    letters = [
        compose_letter(template, person, recipients.event, plan.agency.name, plan.today)
        for person in people
    ]
    return render_letters(
        letters,
        _sheet(plan),
        title=f"Serienbrief: {template.name}",
        each=lambda index: step(progress, index, total, "Briefe setzen …"),
    )


def labels_pdf(plan: LetterPlan, label_format: str = DEFAULT_FORMAT) -> bytes:
    recipients = plan.recipients[LetterOutput.LABELS]
    return render_labels(
        [person.address_lines for person in recipients.people],
        LABEL_FORMATS[label_format],
        title="Adressetiketten",
        author=plan.agency.name,
    )


def email_csv(plan: LetterPlan) -> bytes:
    """Name and address of everyone who agreed to be contacted: ';', UTF-8 with BOM (Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Nachname", "Vorname", "E-Mail"])
    for person in plan.recipients[LetterOutput.EMAILS].people:
        writer.writerow([person.last_name, person.first_name, person.email])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def file_names(plan: LetterPlan) -> dict[LetterOutput, str]:
    day = f"{plan.today:%Y-%m-%d}"
    name = file_part(plan.template.name) if plan.template else "Brief"
    return {
        LetterOutput.LETTERS: f"Serienbrief-{name}-{day}.pdf",
        LetterOutput.LABELS: f"Adressetiketten-{day}.pdf",
        LetterOutput.EMAILS: f"E-Mail-Liste-{day}.csv",
    }


def write_letters(
    db: Database,
    request: LetterRequest,
    out_dir: Path,
    progress: Progress = NO_PROGRESS,
    *,
    today: dt.date | None = None,
) -> LetterRun:
    """Write the chosen outputs into ``out_dir``; an output nobody gets is not written."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ServiceError(f"Den Ordner „{out_dir}“ gibt es nicht.")
    plan = plan_letters(db, request, today=today)
    step(progress, 0, 1, "Empfänger gewählt …")
    contents: list[tuple[LetterOutput, bytes, int]] = []
    for output, recipients in plan.recipients.items():
        count = len(recipients.people)
        if not count:
            continue
        if output is LetterOutput.LETTERS:
            data = letters_pdf(plan, progress)
        elif output is LetterOutput.LABELS:
            data = labels_pdf(plan, request.label_format)
        else:
            data = email_csv(plan)
        contents.append((output, data, count))
    step(progress, 1, 1, "Dateien schreiben …")
    names = file_names(plan)
    written = []
    # Every file goes to a temporary name first; they are renamed into place only once
    # all of them are on disk, so a failure leaves none of them behind.
    with contextlib.ExitStack() as stack:
        for output, data, count in contents:
            path = out_dir / names[output]
            _fill(stack.enter_context(replacing(path)), data)
            written.append(WrittenFile(output, path, count))
    if written:
        audit.record_export(db, "person", None, [f"letters:{w.output.value}" for w in written])
    return LetterRun(tuple(written), plan.recipients)


def _fill(temporary: Path, data: bytes) -> None:
    temporary.write_bytes(data)


def preview_letters(db: Database, request: LetterRequest) -> bytes:
    """The first few letters, for the dialog's preview; writes nothing."""
    plan = plan_letters(db, dataclasses.replace(request, outputs=frozenset({LetterOutput.LETTERS})))
    return letters_pdf(plan, limit=PREVIEW_LETTERS)

"""Issuing certificates in batches and reading the PDFs back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from builders import add_center, add_organization, add_person
from certificate_support import (
    NAMES,
    font_names,
    fonts_without_embedding,
    page_texts,
    pdf_reader,
    qr_texts,
    set_up_agency,
)
from hours_builders import add_entry, add_hours_spread, add_training
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Certificate
from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.certificates import (
    IssueOptions,
    Selection,
    TemplateInput,
    content_hash,
    format_code,
    issue_certificates,
    preview_certificate,
)
from engagement_desk.services.errors import Cancelled, ValidationError
from engagement_desk.services.settings import get_agency_settings, update_agency_settings

ISSUED = dt.date(2026, 2, 1)


@pytest.fixture
def office(db: Database) -> dict[str, int]:
    set_up_agency(db)
    seniors = add_center(db, "Senioren")
    tafel = add_organization(db, "Tafel Bitburg", seniors)
    fahrdienst = add_organization(db, "Seniorenfahrdienst")
    ids = {}
    for index, (first, last) in enumerate(NAMES):
        person = add_person(db, first, last, birth_date=dt.date(1980 + index, 5, 1))
        ids[last] = person
        add_hours_spread(
            db,
            person,
            dt.date(2025, 3, 1),
            "120",
            organization_id=tafel,
            center_id=seniors,
            activity="Lebensmittelausgabe",
        )
        add_entry(
            db,
            person,
            dt.date(2025, 9, 1),
            f"{index + 1}.5",
            organization_id=fahrdienst,
            activity="Fahrdienst",
        )
    ids["tafel"], ids["seniors"] = tafel, seniors
    return ids


def issue(db: Database, kind: CertificateKind, selection: Selection, tmp_path: Path, **kw):
    options = IssueOptions(issued_on=ISSUED, **kw.pop("options", {}))
    return issue_certificates(db, kind, selection, options=options, **kw)


def test_one_pdf_per_certificate_with_names_fonts_number_and_qr(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "urkunden"
    result = issue(db, CertificateKind.RECOGNITION, Selection(year=2025), tmp_path, out_dir=out)
    assert [c.number for c in result.certificates] == [f"U-2026-0000{i}" for i in range(1, 5)]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.files)
    by_name = {c.person_name: c for c in result.certificates}
    for first, last in NAMES:
        certificate = by_name[f"{first} {last}"]
        assert certificate.file is not None and certificate.file.name.startswith(certificate.number)
        (text,) = page_texts(certificate.file)
        assert f"{first} {last}" in text
        assert "Anerkennungsurkunde" in text and "FREIWILLIGENAGENTUR BITBURG" in text
        assert certificate.number in text and format_code(certificate.verification_code) in text
        assert fonts_without_embedding(certificate.file) == []
        assert qr_texts(certificate.file) == [
            f"{certificate.number} CODE {certificate.verification_code}"
        ]


def test_single_file_holds_one_page_per_person_in_name_order(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "alle.pdf"
    result = issue(
        db,
        CertificateKind.STATEMENT,
        Selection(year=2025),
        tmp_path,
        single_file=target,
        options={"competences": "Teamarbeit, Verantwortung"},
    )
    assert result.files == (target,) and result.pages == 4
    texts = page_texts(target)
    assert len(texts) == len(pdf_reader(target).pages) == 4
    assert [t.split("\n")[0] for t in texts]  # every page has text
    expected = sorted(NAMES, key=lambda n: n[1].casefold())
    for text, (first, last) in zip(texts, expected, strict=True):
        assert f"{first} {last}" in text
        assert "Teamarbeit, Verantwortung" in text
        assert "unentgeltlich" in text
    assert fonts_without_embedding(target) == []
    assert {"DejaVuSans", "DejaVuSerif-Bold"} <= font_names(target)
    assert list(target.parent.iterdir()) == [target]  # no staging folder left behind


def test_register_rows_keep_content_and_its_hash(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    result = issue(
        db,
        CertificateKind.STATEMENT,
        Selection(year=2025, person_ids=(office["Петрова"],)),
        tmp_path,
        out_dir=tmp_path,
    )
    (certificate,) = result.certificates
    with db.read_session() as session:
        row = session.scalar(select(Certificate))
        session.expunge(row)
        audits = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "certificate")
        )
    assert audits == 1
    assert row.status == CertificateStatus.ISSUED and row.issued_on == ISSUED
    assert (row.period_start, row.period_end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert row.content_hash == content_hash(row.content) == certificate.content_hash
    content = json.loads(row.content)
    assert content["person"]["name"] == "Анна Петрова"
    assert content["hours"]["total"] == "123.50"
    assert content["organizations"] == ["Tafel Bitburg", "Seniorenfahrdienst"]
    assert content["number"] == row.number == "N-2026-00001"
    assert row.content == json.dumps(
        content, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def test_numbers_continue_per_kind_and_year(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    one = Selection(year=2025, person_ids=(office["Ağaoğlu"],))
    issue(db, CertificateKind.RECOGNITION, one, tmp_path, out_dir=tmp_path / "a")
    issue(db, CertificateKind.STATEMENT, one, tmp_path, out_dir=tmp_path / "b")
    again = issue(
        db, CertificateKind.RECOGNITION, Selection(year=2025), tmp_path, out_dir=tmp_path / "c"
    )
    assert [c.number for c in again.certificates] == [f"U-2026-0000{i}" for i in range(2, 6)]


def test_attendance_certificates_for_who_attended_a_training(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    event = add_training(
        db,
        "Erste Hilfe im Verein",
        dt.datetime(2026, 1, 17, 9),
        "4,5".replace(",", "."),
        trainer="Dr. Μαρία Οικονόμου",
        attended=(office["Ağaoğlu"], office["Петрова"]),
        absent=(office["Wąsowska"],),
    )
    result = issue(
        db,
        CertificateKind.ATTENDANCE,
        Selection(event_id=event),
        tmp_path,
        single_file=tmp_path / "teilnahme.pdf",
    )
    assert [c.number[:7] for c in result.certificates] == ["T-2026-", "T-2026-"]
    assert all(c.event_id == event for c in result.certificates)
    texts = page_texts(tmp_path / "teilnahme.pdf")
    assert len(texts) == 2
    for text in texts:
        assert "Teilnahmebescheinigung" in text
        assert "„Erste Hilfe im Verein“" in text
        assert "17.01.2026" in text and "4,5 Stunden" in text
        assert "LEITUNG" in text and "Dr. Μαρία Οικονόμου" in text


def test_attendance_needs_an_event(db: Database, office: dict[str, int], tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Veranstaltung"):
        issue(db, CertificateKind.ATTENDANCE, Selection(), tmp_path, out_dir=tmp_path)


def test_empty_selection_is_an_error_and_writes_nothing(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "leer"
    with pytest.raises(ValidationError, match="Niemand erfüllt"):
        issue(
            db,
            CertificateKind.RECOGNITION,
            Selection(year=2025, min_hours=Decimal(1000)),
            tmp_path,
            out_dir=out,
        )
    assert not out.exists() or list(out.iterdir()) == []


class CancelAfter:
    def __init__(self, reports: int) -> None:
        self.reports = reports
        self.seen: list[tuple[int, int, str]] = []

    @property
    def cancelled(self) -> bool:
        return len(self.seen) >= self.reports

    def report(self, done: int, total: int, text: str = "") -> None:
        self.seen.append((done, total, text))


@pytest.mark.parametrize("single", [False, True])
def test_cancel_registers_nothing_and_removes_partial_files(
    db: Database, office: dict[str, int], tmp_path: Path, single: bool
) -> None:
    out = tmp_path / "out"
    progress = CancelAfter(2)
    target = {"single_file": out / "alle.pdf"} if single else {"out_dir": out}
    with pytest.raises(Cancelled):
        issue(
            db,
            CertificateKind.RECOGNITION,
            Selection(year=2025),
            tmp_path,
            progress=progress,
            **target,
        )
    assert progress.seen == [(0, 4, "Şükrü Ağaoğlu"), (1, 4, "Łucja Wąsowska")]
    assert list(out.iterdir()) == []
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


def test_existing_file_is_never_overwritten(
    db: Database, office: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "alle.pdf"
    target.write_bytes(b"keep me")
    with pytest.raises(ValidationError, match="gibt es schon"):
        issue(db, CertificateKind.RECOGNITION, Selection(year=2025), tmp_path, single_file=target)
    assert target.read_bytes() == b"keep me"
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


def test_preview_registers_nothing_and_says_so(db: Database, office: dict[str, int]) -> None:
    pdf = preview_certificate(
        db, CertificateKind.RECOGNITION, office["Wąsowska"], Selection(year=2025)
    )
    (text,) = page_texts(pdf)
    assert "Łucja Wąsowska" in text and "VORSCHAU" in text
    assert qr_texts(pdf) == ["VORSCHAU"]
    assert fonts_without_embedding(pdf) == []
    with db.read_session() as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 0


def test_no_logo_and_no_signatories_still_make_a_page(db: Database, tmp_path: Path) -> None:
    person = add_person(db, "Anna", "Becker")
    add_entry(db, person, dt.date(2025, 6, 1), "3")
    result = issue(
        db, CertificateKind.RECOGNITION, Selection(year=2025), tmp_path, out_dir=tmp_path
    )
    (text,) = page_texts(result.files[0])
    assert "Anna Becker" in text and "Unterschrift" in text


def test_preview_shows_an_unsaved_template_edit(db: Database, office: dict[str, int]) -> None:
    draft = TemplateInput("Kurz", "Danke, {vorname}!", "{name}\n\nfür {stunden} Stunden.")
    pdf = preview_certificate(
        db, CertificateKind.RECOGNITION, office["Петрова"], Selection(year=2025), template=draft
    )
    (text,) = page_texts(pdf)
    assert "Danke, Анна!" in text and "für 123,5 Stunden." in text
    assert "Vorlage „Kurz“, Version 1" in text
    with pytest.raises(ValidationError, match=r"Unbekannte Platzhalter: \{spitzname\}"):
        preview_certificate(
            db,
            CertificateKind.RECOGNITION,
            office["Петрова"],
            template=TemplateInput("Kurz", "Hallo {spitzname}", "x"),
        )


def test_an_unreadable_logo_is_left_out(db: Database, tmp_path: Path) -> None:
    set_up_agency(db)
    settings = get_agency_settings(db)
    update_agency_settings(
        db,
        dataclasses.replace(settings, logo_png=b"\x89PNG\r\n\x1a\nnot really"),
        expected_version=settings.version,
    )
    person = add_person(db, "Anna", "Becker")
    add_entry(db, person, dt.date(2025, 6, 1), "3")
    result = issue(
        db, CertificateKind.RECOGNITION, Selection(year=2025), tmp_path, out_dir=tmp_path / "out"
    )
    assert "Anna Becker" in page_texts(result.files[0])[0]

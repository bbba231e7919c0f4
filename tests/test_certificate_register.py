"""The register: verify, revoke, reissue, duplicates, and numbers under concurrency."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import page_texts, qr_texts, set_up_agency
from hours_builders import add_hours_spread
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import AuditEntry, Certificate
from engagement_desk.models.enums import AuditAction, CertificateKind, CertificateStatus
from engagement_desk.services.certificates import (
    IssueOptions,
    Selection,
    VerificationStatus,
    format_code,
    issue_certificates,
    qr_payload,
    reissue_certificate,
    reprint_certificate,
    revoke_certificate,
    verify_certificate,
)
from engagement_desk.services.errors import NotFoundError, ValidationError


@pytest.fixture
def issued(any_db: Database, tmp_path: Path):
    set_up_agency(any_db)
    person = add_person(any_db, "Łucja", "Wąsowska")
    add_hours_spread(any_db, person, dt.date(2025, 4, 1), "42")
    result = issue_certificates(
        any_db,
        CertificateKind.STATEMENT,
        Selection(year=2025),
        out_dir=tmp_path / "out",
        options=IssueOptions(issued_on=dt.date(2026, 1, 15), competences="Teamarbeit"),
    )
    return result.certificates[0]


def test_a_fresh_certificate_verifies_with_and_without_code(any_db: Database, issued) -> None:
    plain = verify_certificate(any_db, issued.number)
    assert plain.valid and plain.person_name == ""
    assert plain.message == (
        f"Gültig: Engagementnachweis {issued.number}, ausgestellt am 15.01.2026 "
        "(Prüfcode nicht geprüft)."
    )
    typed = verify_certificate(any_db, issued.number.lower(), format_code(issued.verification_code))
    assert typed.valid and typed.person_name == "Łucja Wąsowska"
    scanned = verify_certificate(any_db, qr_payload(issued.number, issued.verification_code))
    assert scanned.valid and scanned.person_name == "Łucja Wąsowska"


def test_unknown_numbers_and_wrong_codes(any_db: Database, issued) -> None:
    unknown = verify_certificate(any_db, "N-2026-99999")
    assert unknown.status == VerificationStatus.UNKNOWN
    assert unknown.message == "Die Nummer N-2026-99999 ist nicht im Register."
    wrong = verify_certificate(any_db, issued.number, "AAAA-AAAA")
    assert wrong.status == VerificationStatus.CODE_MISMATCH and wrong.person_name == ""


def test_a_changed_register_entry_is_detected(any_db: Database, issued) -> None:
    with any_db.session() as session:
        row = session.scalar(select(Certificate))
        row.content = row.content.replace("Wąsowska", "Wasowska")
    assert verify_certificate(any_db, issued.number).status == VerificationStatus.DAMAGED


def test_revoke_records_reason_date_and_audit(any_db: Database, issued) -> None:
    with pytest.raises(ValidationError, match="Grund"):
        revoke_certificate(any_db, issued.number, "   ")
    revoked = revoke_certificate(
        any_db, issued.number, "Stunden falsch erfasst", revoked_on=dt.date(2026, 2, 1)
    )
    assert revoked.status == CertificateStatus.REVOKED
    check = verify_certificate(any_db, issued.number, issued.verification_code)
    assert check.status == VerificationStatus.REVOKED
    assert check.message.endswith("wurde am 01.02.2026 widerrufen: Stunden falsch erfasst.")
    with pytest.raises(ValidationError, match="bereits widerrufen"):
        revoke_certificate(any_db, issued.number, "nochmal")
    with pytest.raises(ValidationError, match="bereits widerrufen"):
        reissue_certificate(any_db, issued.number)
    with any_db.read_session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "certificate")
        ).all()
    assert actions == [AuditAction.CREATE, AuditAction.UPDATE]


def test_reissue_gives_a_new_number_and_replaces_the_old_one(
    any_db: Database, issued, tmp_path: Path
) -> None:
    target = tmp_path / "neu.pdf"
    result = reissue_certificate(
        any_db, issued.number, out_file=target, issued_on=dt.date(2026, 3, 1)
    )
    new = result.certificate
    assert new.number == "N-2026-00002" and new.replaces_id == issued.id
    assert result.replaced.status == CertificateStatus.REPLACED
    assert (new.period_start, new.period_end) == (issued.period_start, issued.period_end)
    (text,) = page_texts(target)
    assert "Łucja Wąsowska" in text and "Teamarbeit" in text and "N-2026-00002" in text
    assert qr_texts(result.pdf) == [f"{new.number} CODE {new.verification_code}"]
    old = verify_certificate(any_db, issued.number)
    assert old.status == VerificationStatus.REPLACED and old.replaced_by == new.number
    assert "ersetzt" in old.message
    assert verify_certificate(any_db, new.number, new.verification_code).valid
    with pytest.raises(ValidationError, match="bereits ersetzt"):
        reissue_certificate(any_db, issued.number)


def test_a_duplicate_prints_the_registered_content(any_db: Database, issued) -> None:
    add_hours_spread(any_db, issued.person_id, dt.date(2025, 11, 1), "10")  # later changes …
    (text,) = page_texts(reprint_certificate(any_db, issued.number))
    assert "42 Stunden insgesamt" in text  # … do not change the issued certificate
    with pytest.raises(NotFoundError):
        reprint_certificate(any_db, "U-1999-00001")


def test_concurrent_batches_never_share_a_number(any_db: Database, tmp_path: Path) -> None:
    set_up_agency(any_db, logo=False)
    for index in range(6):
        person = add_person(any_db, f"Person{index}", "Test")
        add_hours_spread(any_db, person, dt.date(2025, 1, 10), "5")
    errors: list[BaseException] = []

    def run(slot: int) -> None:
        try:
            issue_certificates(
                any_db,
                CertificateKind.RECOGNITION,
                Selection(year=2025),
                out_dir=tmp_path / f"batch{slot}",
                options=IssueOptions(issued_on=dt.date(2026, 1, 2)),
            )
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with any_db.read_session() as session:
        numbers = session.scalars(select(Certificate.number)).all()
        count = session.scalar(select(func.count(func.distinct(Certificate.number))))
    assert len(numbers) == count == 24
    assert sorted(numbers) == [f"U-2026-{n:05d}" for n in range(1, 25)]

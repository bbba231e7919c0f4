"""A batch draws its PDFs outside any transaction: numbers are reserved first (void until
the batch is confirmed), so a preview or another batch does not wait for the drawing.

Regression: a preview waited 4.5–5.6 s behind a batch of 400 certificates, because the
batch drew every page inside its write transaction."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from builders import add_organization, add_person
from certificate_support import NAMES, set_up_agency
from hours_builders import add_hours_spread
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.certificates import (
    IssueOptions,
    Selection,
    issue_certificates,
    preview_certificate,
    verify_certificate,
)
from engagement_desk.services.certificates.batch import RESERVED_REASON
from engagement_desk.services.errors import Cancelled

ISSUED = dt.date(2026, 2, 1)
WAIT = 20.0


@pytest.fixture
def people(db: Database) -> list[int]:
    set_up_agency(db)
    tafel = add_organization(db, "Tafel Bitburg")
    ids = []
    for first, last in NAMES:
        person = add_person(db, first, last)
        add_hours_spread(db, person, dt.date(2025, 3, 1), "40", organization_id=tafel)
        ids.append(person)
    return ids


class HeldAtFirstPage:
    """Progress that stops the batch at its first page until released (or cancels it)."""

    def __init__(self, *, cancel: bool = False) -> None:
        self.drawing = threading.Event()
        self.release = threading.Event()
        self.cancel = cancel
        self._released = False

    @property
    def cancelled(self) -> bool:
        return self.cancel and self._released

    def report(self, done: int, total: int, text: str = "") -> None:
        if not self._released:
            self.drawing.set()
            assert self.release.wait(WAIT), "the test never released the batch"
            self._released = True


def start_batch(
    db: Database, out: Path, progress: HeldAtFirstPage, outcome: dict
) -> threading.Thread:
    def run() -> None:
        try:
            outcome["result"] = issue_certificates(
                db,
                CertificateKind.RECOGNITION,
                Selection(year=2025),
                out_dir=out,
                options=IssueOptions(issued_on=ISSUED),
                progress=progress,
            )
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    assert progress.drawing.wait(WAIT), outcome.get("error")
    return thread


def register_rows(db: Database) -> list[tuple[str, CertificateStatus, str]]:
    with db.read_session() as session:
        rows = session.execute(
            select(Certificate.number, Certificate.status, Certificate.revoke_reason).order_by(
                Certificate.number
            )
        ).all()
    return [tuple(row) for row in rows]


def test_preview_and_another_batch_do_not_wait_for_a_batch_being_drawn(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    progress, outcome = HeldAtFirstPage(), {}
    batch = start_batch(db, tmp_path / "first", progress, outcome)
    try:
        # The batch is blocked inside drawing; its numbers are reserved and void.
        reserved = register_rows(db)
        assert [number for number, _, _ in reserved] == [f"U-2026-0000{i}" for i in range(1, 5)]
        assert {(status, reason) for _, status, reason in reserved} == {
            (CertificateStatus.REVOKED, RESERVED_REASON)
        }
        assert not verify_certificate(db, "U-2026-00001").valid

        started = time.perf_counter()
        pdf = preview_certificate(db, CertificateKind.RECOGNITION, people[0], Selection(year=2025))
        assert time.perf_counter() - started < 2.0
        assert pdf.startswith(b"%PDF")

        # A second batch meanwhile gets the numbers after the reserved ones.
        second = issue_certificates(
            db,
            CertificateKind.RECOGNITION,
            Selection(year=2025, person_ids=(people[1],)),
            out_dir=tmp_path / "second",
            options=IssueOptions(issued_on=ISSUED),
        )
        assert [c.number for c in second.certificates] == ["U-2026-00005"]
    finally:
        progress.release.set()
        batch.join(WAIT)
    assert "error" not in outcome, outcome.get("error")
    first = outcome["result"]
    assert [c.number for c in first.certificates] == [f"U-2026-0000{i}" for i in range(1, 5)]
    assert len(list((tmp_path / "first").glob("*.pdf"))) == 4
    rows = register_rows(db)
    assert [number for number, _, _ in rows] == [f"U-2026-0000{i}" for i in range(1, 6)]
    assert {status for _, status, _ in rows} == {CertificateStatus.ISSUED}
    assert verify_certificate(db, "U-2026-00001").valid


def test_a_cancelled_batch_releases_its_reserved_numbers(
    db: Database, people: list[int], tmp_path: Path
) -> None:
    progress, outcome = HeldAtFirstPage(cancel=True), {}
    batch = start_batch(db, tmp_path / "out", progress, outcome)
    assert len(register_rows(db)) == 4
    progress.release.set()
    batch.join(WAIT)
    assert isinstance(outcome.get("error"), Cancelled)
    assert register_rows(db) == []
    assert list((tmp_path / "out").iterdir()) == []

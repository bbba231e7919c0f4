"""A certificate batch killed at any moment: every visible PDF carries a registered number
of the person it names, no number belongs to two people, and leftovers go away."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import set_up_agency
from hours_builders import add_hours_spread

from engagement_desk.db import Database
from engagement_desk.services.certificates.output import PREFIX, STALE_AFTER_SECONDS, Staging

pytestmark = pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")


@pytest.fixture
def office(db: Database) -> Database:
    set_up_agency(db)
    for number in range(40):
        person = add_person(db, f"Vorname{number}", f"Nachname{number}")
        add_hours_spread(db, person, dt.date(2025, 1, 2), "60")
    db.dispose()
    return db


def registered(db_path: Path) -> dict[str, tuple[str, int]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT c.number, c.status, p.last_name FROM certificate c "
            "JOIN person p ON p.id = c.person_id"
        ).fetchall()
    return {number: (status, last_name) for number, status, last_name in rows}


def test_killing_a_batch_never_shows_an_unregistered_certificate(
    office, db_path: Path, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "engagement_desk", "certificates", "issue"]
    command += ["--kind", "recognition", "--year", "2025", "--db", str(db_path)]
    outcomes = set()
    for attempt in range(8):
        out = tmp_path / f"urkunden-{attempt}"
        process = subprocess.Popen(
            [*command, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and not any(out.glob(f"{PREFIX}*/*.pdf")):
            assert time.monotonic() < deadline
            time.sleep(0.005)
        if attempt < 7:
            time.sleep(0.15 * attempt)  # from drawing the first PDFs to after the commit
            process.send_signal(signal.SIGKILL)
        process.wait()  # the last one finishes: its certificates are all there

        register = registered(db_path)
        visible = list(out.glob("*.pdf"))
        outcomes.add("visible" if visible else "none")
        for pdf in visible:
            number = pdf.name.split("_")[0]
            status, last_name = register[number]
            assert status == "issued", (pdf.name, status)
            assert last_name in pdf.name
    numbers = list(registered(db_path))
    assert len(numbers) == len(set(numbers))
    assert outcomes == {"visible", "none"}


def test_a_staging_folder_left_by_a_killed_batch_is_removed_later(tmp_path: Path) -> None:
    leftover = tmp_path / f"{PREFIX}tot"
    leftover.mkdir()
    (leftover / "U-2026-00001_Alt_Anna.pdf").write_bytes(b"%PDF")
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(leftover, (old, old))
    recent = tmp_path / f"{PREFIX}laeuft-noch"
    recent.mkdir()

    staging = Staging(tmp_path)

    assert not leftover.exists()
    assert recent.exists()  # perhaps another batch into the same folder, still running
    staging.cleanup()

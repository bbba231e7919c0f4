"""Two workstations issue certificate batches at once on PostgreSQL: numbers never repeat.

Numbers are reserved in a short transaction under the numbering lock and the
PDFs drawn afterwards (services/certificates/batch.py); this runs two real
processes against one server, round after round, and counts.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import set_up_agency
from hours_builders import add_hours_spread
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateStatus

ROUNDS = 6
PEOPLE = 4

pytestmark = pytest.mark.postgres


def with_log(error: str) -> str:
    """The error line and, for an internal error, the log it points at (gone after the run)."""
    log = Path(error.rsplit(": ", 1)[-1].strip())
    return f"{error}\n{log.read_text()[-4000:]}" if log.is_file() else error


def test_two_processes_issuing_at_once_never_share_a_number(pg_db: Database, tmp_path: Path):
    set_up_agency(pg_db, logo=False)
    for index in range(PEOPLE):
        person = add_person(pg_db, f"Person{index}", "Gleichzeitig")
        add_hours_spread(pg_db, person, dt.date(2025, 1, 10), "5")
    url = pg_db.url.render_as_string(hide_password=False)
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    command = [sys.executable, "-m", "engagement_desk", "certificates", "issue"]
    command += ["--kind", "recognition", "--year", "2025", "--db", url]
    for round_ in range(ROUNDS):
        processes = [
            subprocess.Popen(
                [*command, "--out", str(tmp_path / f"runde{round_}-platz{place}")],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=environment,
            )
            for place in (1, 2)
        ]
        for process in processes:
            _, error = process.communicate(timeout=120)
            assert process.returncode == 0, with_log(error.decode())

    with pg_db.read_session() as session:
        rows = session.execute(select(Certificate.number, Certificate.status)).all()
        distinct = session.scalar(select(func.count(func.distinct(Certificate.number))))
    assert len(rows) == distinct == ROUNDS * 2 * PEOPLE
    assert {status for _, status in rows} == {CertificateStatus.ISSUED}
    files = sorted(p.name.split("_")[0] for p in tmp_path.glob("runde*/*.pdf"))
    assert files == sorted(number for number, _ in rows)  # every file, one number each

"""Two workstations issue one certificate each at the same moment on PostgreSQL.

Certificate numbers already held (numbering lock, unique number): this keeps
them honest for single issues, the usual case at the desk, fifty rounds at
once. The batch test with two real command-line processes is
test_certificate_numbers_two_processes.py. Templates: the last one of a kind
stays even when two workstations delete the last two at once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from builders import add_person
from certificate_support import set_up_agency
from concurrency_support import TwoWorkstations, no_crash
from hours_builders import add_hours_spread
from sqlalchemy import select

from engagement_desk.db import Database
from engagement_desk.models import Certificate
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates.templates import (
    TemplateInput,
    create_template,
    list_templates,
)

ROUNDS = 50
YEAR = 2025

pytestmark = pytest.mark.postgres


def test_single_certificates_issued_at_once_get_unique_gapless_numbers(
    pg_db: Database, tmp_path: Path
) -> None:
    set_up_agency(pg_db, logo=False)
    people = []
    for name in ("Anna", "Ben"):
        person = add_person(pg_db, name, "Gleichzeitig")
        add_hours_spread(pg_db, person, dt.date(YEAR, 1, 10), "5")
        people.append(person)
    url = pg_db.url.render_as_string(hide_password=False)
    handed_out: list[str] = []
    with TwoWorkstations(url) as workstations:
        for round_ in range(ROUNDS):
            outcomes = workstations.run(
                *(
                    (
                        "issue_one",
                        {
                            "person_id": person,
                            "target": str(tmp_path / f"r{round_}-p{person}.pdf"),
                            "year": YEAR,
                        },
                    )
                    for person in people
                )
            )
            no_crash(*outcomes)
            assert all(o.ok for o in outcomes)
            handed_out += [o.value for o in outcomes]

    with pg_db.read_session() as session:
        registered = sorted(session.scalars(select(Certificate.number)))
    expected = [f"U-{YEAR + 1}-{n:05d}" for n in range(1, 2 * ROUNDS + 1)]
    assert sorted(handed_out) == registered == expected


def test_deleting_the_last_two_templates_of_a_kind_at_once_keeps_one(pg_db: Database) -> None:
    kind = CertificateKind.STATEMENT
    with TwoWorkstations(pg_db.url.render_as_string(hide_password=False)) as workstations:
        for round_ in range(ROUNDS):
            while len(list_templates(pg_db, kind)) < 2:
                create_template(
                    pg_db, kind, TemplateInput(f"Runde {round_}", "Nachweis", "Für {name}.")
                )
            templates = list_templates(pg_db, kind)
            assert len(templates) == 2
            outcomes = workstations.run(
                *(
                    ("delete_template", {"template_id": t.id, "expected_version": t.version})
                    for t in templates
                )
            )
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            assert "letzte Vorlage" in next(o for o in outcomes if not o.ok).message
            assert len(list_templates(pg_db, kind)) == 1

"""Letter templates and saved filters under one name, saved at two workstations at once.

Both check the name and then insert; the unique name decides: one row, and the other
workstation gets a German message (a new template) or its filter saved over the first
(a saved filter is replaced by name), never a crash.
"""

from __future__ import annotations

import json

import pytest
from concurrency_support import TwoWorkstations, no_crash
from sqlalchemy import delete, func, select

from engagement_desk.db import Database
from engagement_desk.models import LetterTemplate, SavedFilter

ROUNDS = 30

pytestmark = pytest.mark.postgres


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_one_template_name_at_two_workstations(pg_db: Database) -> None:
    job = ("create_letter_template", {"name": "Sommerfest"})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(LetterTemplate).where(LetterTemplate.name == "Sommerfest"))
            outcomes = workstations.run(job, job)
            no_crash(*outcomes)
            assert sorted(o.kind for o in outcomes) == ["ok", "refused"]
            refused = next(o for o in outcomes if not o.ok)
            assert refused.error_type == "ValidationError"
            assert "„Sommerfest“" in refused.message
            with pg_db.read_session() as session:
                count = select(func.count()).where(LetterTemplate.name == "Sommerfest")
                assert session.scalar(count) == 1


def test_one_filter_name_at_two_workstations(pg_db: Database) -> None:
    first = ("save_people_filter", {"name": "Fahrer", "role": "driver"})
    second = ("save_people_filter", {"name": "Fahrer", "role": "volunteer"})
    with TwoWorkstations(_url(pg_db)) as workstations:
        for _ in range(ROUNDS):
            with pg_db.session() as session:
                session.execute(delete(SavedFilter))
            outcomes = workstations.run(first, second)
            no_crash(*outcomes)
            assert any(o.ok for o in outcomes)
            for outcome in outcomes:
                assert outcome.ok or outcome.error_type == "ValidationError"
            with pg_db.read_session() as session:
                rows = session.scalars(select(SavedFilter)).all()
                assert len(rows) == 1
                assert json.loads(rows[0].filters)["role"] in {"driver", "volunteer"}

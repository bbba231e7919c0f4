"""An office database as the previous program version left it: the schema revision before
this program's newest, filled with people, their roles and consents (plain SQL, since
the models describe the newest schema)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import text

from engagement_desk import migrator
from engagement_desk.db import Database

PEOPLE = 40


def previous_revision() -> str:
    """The revision the newest migration starts from, whichever that is."""
    script = ScriptDirectory.from_config(migrator.alembic_config())
    previous = script.get_revision(migrator.head_revision()).down_revision
    assert isinstance(previous, str)
    return previous


def stored_revision(path: Path) -> str:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def count_people(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]


def office_at_previous_revision(path: Path, people: int = PEOPLE) -> Path:
    database = Database(path)
    try:
        migrator.upgrade(database, target=previous_revision())
        with database.engine.begin() as connection:
            for number in range(1, people + 1):
                connection.execute(
                    text(
                        "INSERT INTO person (id, first_name, last_name, status, notes, version, "
                        "created_at, updated_at) VALUES (:id, 'Jörg', :last, 'active', '', 1, "
                        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
                    ),
                    {"id": number, "last": f"Weiß {number}"},
                )
                connection.execute(
                    text("INSERT INTO person_role (person_id, role) VALUES (:id, 'volunteer')"),
                    {"id": number},
                )
                connection.execute(
                    text(
                        "INSERT INTO consent (person_id, purpose, given_on, source, note, "
                        "version) VALUES (:id, 'storage', '2026-01-02', 'paper', '', 1)"
                    ),
                    {"id": number},
                )
    finally:
        database.dispose()
    with closing(sqlite3.connect(path, isolation_level=None)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path

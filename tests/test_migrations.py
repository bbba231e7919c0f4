"""Schema migrations: creation, refusal of unknown revisions, safe upgrades with backups."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from engagement_desk import migrator
from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import metadata
from engagement_desk.models.search_index import include_name

PACKAGE_MIGRATIONS = Path(migrator.__file__).parent / "migrations"

BATCH_RECREATE_PERSON = '''
"""test: recreate the person table in batch mode"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("person", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=False, server_default=""))


def downgrade():
    pass
'''

BREAK_REFERENCES = '''
"""test: a faulty migration that orphans consents"""
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM person")


def downgrade():
    pass
'''


def scripts_with_extra_revision(tmp_path: Path, source: str) -> str:
    location = tmp_path / "migrations"
    shutil.copytree(PACKAGE_MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "9001_test.py").write_text(
        source.format(head=migrator.head_revision())
    )
    return str(location)


def insert_person_with_children(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (id, last_name, status, notes, version, "
                "created_at, updated_at) VALUES (1, 'Weber', 'active', '', 1, "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        connection.execute(
            text("INSERT INTO person_role (person_id, role) VALUES (1, 'passenger')")
        )
        connection.execute(
            text(
                "INSERT INTO consent (id, person_id, purpose, given_on, source, "
                "note, version) VALUES (1, 1, 'storage', '2026-01-02', 'paper', '', 1)"
            )
        )


def count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_new_database_is_created_and_stamped(db_path: Path) -> None:
    db = Database(db_path)
    result = migrator.upgrade(db)
    assert result.action == "created"
    assert result.to_revision == migrator.head_revision()
    assert result.backup_path is None
    assert migrator.check(db).ok
    assert migrator.upgrade(db).action == "current"


# SQLite cannot reflect expression indexes (uq_registration_active): Alembic skips
# them with these warnings; test_concurrency_keys.py checks that they exist.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrations_build_exactly_the_models(any_db: Database) -> None:
    with any_db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        assert compare_metadata(context, metadata) == []


def test_sqlite_connection_settings(db: Database, db_path: Path) -> None:
    with db.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 10_000,
    }


def test_database_file_is_private_to_its_owner(db_path: Path) -> None:
    Database(db_path).dispose()
    if hasattr(db_path, "stat") and shutil.os.name == "posix":
        assert db_path.stat().st_mode & 0o777 == 0o600


def test_unknown_revision_is_refused_and_left_untouched(db: Database, db_path: Path) -> None:
    insert_person_with_children(db)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    before = db_path.read_bytes()
    with pytest.raises(migrator.DatabaseTooNewError, match="neueren Version"):
        migrator.upgrade(Database(db_path))
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*before-upgrade*"))


@pytest.mark.postgres
def test_unknown_revision_is_refused_on_postgresql(pg_db: Database) -> None:
    with pg_db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrator.DatabaseTooNewError):
        migrator.upgrade(pg_db)
    with pg_db.engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"
        )


def test_foreign_database_without_revision_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(migrator.MigrationError, match="nicht von Engagement Desk"):
        migrator.upgrade(Database(db_path))
    with sqlite3.connect(db_path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"members"}


def test_older_database_is_backed_up_then_upgraded_without_losing_children(
    db: Database, tmp_path: Path
) -> None:
    insert_person_with_children(db)
    location = scripts_with_extra_revision(tmp_path, BATCH_RECREATE_PERSON)

    result = migrator.upgrade(db, script_location=location)

    head = migrator.head_revision()
    assert (result.action, result.from_revision, result.to_revision) == ("upgraded", head, "9001")
    # Batch mode dropped and recreated 'person'; with foreign keys on, SQLite
    # would have cascaded that drop into consent and person_role.
    assert count(db, "consent") == 1
    assert count(db, "person_role") == 1
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.execute(text("SELECT nickname FROM person")).scalar() == ""
    assert result.backup_path is not None and result.backup_path.parent == db.sqlite_path.parent
    with sqlite3.connect(result.backup_path) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
        assert backup.execute("SELECT count(*) FROM consent").fetchone() == (1,)


def test_migration_that_would_orphan_rows_is_rolled_back(db: Database, tmp_path: Path) -> None:
    insert_person_with_children(db)
    location = scripts_with_extra_revision(tmp_path, BREAK_REFERENCES)

    with pytest.raises(migrator.MigrationError, match="Verweise"):
        migrator.upgrade(db, script_location=location)

    assert count(db, "person") == 1
    assert count(db, "consent") == 1
    with db.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == migrator.head_revision()


def test_cli_upgrade_and_check(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade", "--db", str(db_path)]) == 0
    assert "angelegt" in capsys.readouterr().out
    assert main(["db", "check", "--db", str(db_path), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"ok": true' in out and f'"revision": "{migrator.head_revision()}"' in out


def test_cli_refuses_newer_database_in_one_line(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    assert main(["db", "upgrade", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "9999" in err


def test_cli_check_reports_unset_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An SQLite file without any table (a missing path is refused: test_database_files)
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA user_version = 1")
    assert main(["db", "check", "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "Keine Schema-Version" in captured.out
    assert captured.err.count("\n") == 1

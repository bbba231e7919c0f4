"""Shared fixtures: a real, migrated database file per test; PostgreSQL when configured."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Base

PG_ENV = "ENGAGEMENT_DESK_TEST_PG"
REQUIRE_PG_ENV = "ENGAGEMENT_DESK_REQUIRE_PG"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the real user's data directory and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ENGAGEMENT_DESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "office.sqlite3"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database file migrated to head per run; each test gets a copy of it.

    Running every migration costs far more than copying a file. The template's
    engine is disposed and its WAL checkpointed into the main file (the last
    connection to close removes -wal and -shm), so the single ``.sqlite3`` file
    is the whole database.
    """
    path = tmp_path_factory.mktemp("template") / "office.sqlite3"
    database = Database(path)
    migrator.upgrade(database)
    database.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    leftovers = [p for p in path.parent.iterdir() if p != path]
    assert not leftovers, f"template database left files behind: {leftovers}"
    return path


@pytest.fixture(scope="session")
def migrated_copy(migrated_template: Path) -> Callable[[Path], Database]:
    """Make a new, migrated SQLite database at a path (a copy of the template).

    For tests and module fixtures that need a second database; the caller disposes it.
    """

    def copy(path: Path) -> Database:
        shutil.copy(migrated_template, path)
        return Database(path)

    return copy


@pytest.fixture
def db(db_path: Path, migrated_copy: Callable[[Path], Database]) -> Iterator[Database]:
    database = migrated_copy(db_path)
    yield database
    database.dispose()


def _pg_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"{REQUIRE_PG_ENV} is set but {PG_ENV} is not")
        return None
    return url


def reset_pg_schema(url: str) -> None:
    engine = _pg_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


# Everything that makes up the schema; if a test changed any of it (a column's
# collation, a dropped trigger, a new sequence), the next pg_db migrates afresh.
SCHEMA_FINGERPRINT = """
SELECT md5(coalesce(string_agg(line, '|' ORDER BY line), '')) FROM (
    SELECT concat_ws(',', table_name, column_name, data_type, character_maximum_length,
                     collation_name, column_default, is_nullable) AS line
    FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL
    SELECT concat_ws(',', tablename, indexname, indexdef) FROM pg_indexes
    WHERE schemaname = 'public'
    UNION ALL
    SELECT concat_ws(',', conrelid::regclass::text, conname, pg_get_constraintdef(oid))
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT concat_ws(',', tgrelid::regclass::text, tgname, tgenabled, pg_get_triggerdef(oid))
    FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT concat_ws(',', proname, md5(prosrc)) FROM pg_proc
    WHERE pronamespace = 'public'::regnamespace
    UNION ALL
    SELECT concat_ws(',', relname, relkind) FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('S', 'v', 'm')
    UNION ALL
    SELECT 'revision ' || version_num FROM alembic_version
) AS schema
"""


@dataclass(frozen=True)
class _PgBaseline:
    """A freshly migrated PostgreSQL schema: what to check and what to put back."""

    fingerprint: str
    tables: tuple[str, ...]
    rows: dict[str, bytes]  # COPY … (FORMAT BINARY) of the tables migrations filled
    counts: dict[str, int]
    sequences: dict[str, int | None]  # last value of each sequence; None: never used


class _NotAsMigrated(Exception):
    """Putting the rows back did not give the tables as migrating left them."""


_pg_baselines: dict[str, _PgBaseline] = {}
"""URL → the schema the last pg_db migrated there, as long as it may be reused."""


def _pg_engine(url: str) -> Engine:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _pg_target() -> str:
    url = _pg_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV})")
    return url


def _pg_unreachable(exc: Exception) -> None:
    if os.environ.get(REQUIRE_PG_ENV):
        raise exc
    pytest.skip(f"PostgreSQL not reachable: {exc}")


def _row_counts(connection: Connection, tables: tuple[str, ...]) -> dict[str, int]:
    query = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in tables)
    return {str(name): int(count) for name, count in connection.execute(text(query))}


def _pg_baseline(connection: Connection) -> _PgBaseline:
    found = connection.execute(
        text(
            "SELECT quote_ident(tablename) FROM pg_tables "
            "WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
        )
    ).scalars()
    # Parents before children, so that putting rows back never breaks a reference.
    order = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}
    tables = tuple(sorted(found, key=lambda t: (order.get(t, len(order)), t)))
    counts = _row_counts(connection, tables)
    raw = connection.connection.driver_connection
    rows = {}
    for table in tables:
        if counts[table]:
            with (
                raw.cursor() as cursor,
                cursor.copy(f"COPY {table} TO STDOUT (FORMAT BINARY)") as copy,
            ):
                rows[table] = b"".join(bytes(block) for block in copy)
    return _PgBaseline(
        connection.execute(text(SCHEMA_FINGERPRINT)).scalar_one(),
        tables,
        rows,
        counts,
        _sequences(connection),
    )


def _sequences(connection: Connection) -> dict[str, int | None]:
    found = connection.execute(
        text(
            "SELECT quote_ident(sequencename), last_value FROM pg_sequences "
            "WHERE schemaname = 'public'"
        )
    )
    return {str(name): value for name, value in found}


def _back_to_baseline(url: str) -> bool:
    """Put the rows back as the migrations left them, if the schema is still the migrated one.

    Only tables that hold rows are emptied, children first, with DELETE: a test
    leaves a handful of rows, and TRUNCATE of every table costs more than that.
    """
    baseline = _pg_baselines.pop(url, None)
    if baseline is None:
        return False
    engine = _pg_engine(url)
    try:
        with engine.begin() as connection:
            if connection.execute(text(SCHEMA_FINGERPRINT)).scalar_one() != baseline.fingerprint:
                return False
            counts = _row_counts(connection, baseline.tables)
            for table in reversed(baseline.tables):
                if counts[table]:
                    connection.execute(text(f"DELETE FROM {table}"))
            raw = connection.connection.driver_connection
            for table, data in baseline.rows.items():
                with (
                    raw.cursor() as cursor,
                    cursor.copy(f"COPY {table} FROM STDIN (FORMAT BINARY)") as copy,
                ):
                    copy.write(data)
            for sequence, value in _sequences(connection).items():
                wanted = baseline.sequences[sequence]
                if value != wanted:
                    connection.execute(
                        text("SELECT setval(:sequence, :value, :called)"),
                        {"sequence": sequence, "value": wanted or 1, "called": wanted is not None},
                    )
            if _row_counts(connection, baseline.tables) != baseline.counts:
                raise _NotAsMigrated  # rolls the transaction back
    except Exception:
        return False
    finally:
        engine.dispose()
    _pg_baselines[url] = baseline
    return True


@pytest.fixture
def pg_empty() -> Iterator[Database]:
    """An empty PostgreSQL database (schema wiped), not yet migrated."""
    url = _pg_target()
    _pg_baselines.pop(url, None)
    try:
        reset_pg_schema(url)
    except Exception as exc:
        _pg_unreachable(exc)
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def pg_db() -> Iterator[Database]:
    """A PostgreSQL database just as migrating it to head leaves it.

    Migrating takes far longer than emptying tables, so the schema one test
    migrated is kept for the next: the rows the test left are deleted, the rows
    and sequence positions the migrations left are put back. If the schema's
    fingerprint shows a test changed it, a sequence is new, or the row counts do
    not come out as after migrating, the schema is dropped and migrated afresh.
    """
    url = _pg_target()
    if not _back_to_baseline(url):
        try:
            reset_pg_schema(url)
        except Exception as exc:
            _pg_unreachable(exc)
        database = Database(url)
        migrator.upgrade(database)
        database.dispose()
        engine = _pg_engine(url)
        try:
            with engine.connect() as connection:
                _pg_baselines[url] = _pg_baseline(connection)
                connection.rollback()
        finally:
            engine.dispose()
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("db")
    return request.getfixturevalue("pg_db")

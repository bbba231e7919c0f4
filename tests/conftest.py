"""Shared fixtures: a real, migrated database file per test; PostgreSQL when configured."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from engagement_desk import migrator
from engagement_desk.db import Database

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


@pytest.fixture
def db(db_path: Path, migrated_template: Path) -> Iterator[Database]:
    shutil.copy(migrated_template, db_path)
    database = Database(db_path)
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
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def pg_empty() -> Iterator[Database]:
    """An empty PostgreSQL database (schema wiped), not yet migrated."""
    url = _pg_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV})")
    try:
        reset_pg_schema(url)
    except Exception as exc:
        if os.environ.get(REQUIRE_PG_ENV):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def pg_db(pg_empty: Database) -> Database:
    migrator.upgrade(pg_empty)
    return pg_empty


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest) -> Database:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("db")
    return request.getfixturevalue("pg_db")

"""Load the SQLite benchmark dataset into a PostgreSQL database, fast (``COPY`` via psycopg).

The target database's schema is made by the migrator; every model table is
emptied and filled with ``COPY … FROM STDIN`` straight from the SQLite file's
stored values (dates and timestamps as ISO text, booleans as 0/1, enums as
their labels), with triggers off (``session_replication_role = replica``) so
neither change notifications nor foreign-key checks run per row. Afterwards
the search documents are rebuilt in one statement per kind, every sequence is
set past the largest id and ``ANALYZE`` runs. The database's comment records
which dataset it holds, so the next call reuses it.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sqlite3
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import metadata

_SEARCH = importlib.import_module("engagement_desk.migrations.versions.0002_global_search")


def dataset_marker(path: Path, *, schema: bool = True) -> str:
    """Names the dataset's contents: the file, when it was built, its history step and
    (``schema``) the migrations it was brought to; an in-place upgrade changes only the last."""
    sidecar = path.with_name(path.name + ".migrations.json")
    try:
        recorded = json.loads(sidecar.read_text())
    except (OSError, ValueError):
        recorded = {}
    contents = f"{path.name} built {recorded.get('built', 'before stamps')} "
    contents += f"history {recorded.get('history')}"
    if schema:
        migrations = json.dumps(recorded.get("migrations"), sort_keys=True).encode()
        contents += f" schema {hashlib.sha256(migrations).hexdigest()[:12]}"
    return f"benchmark dataset {contents}"


def libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def load_into_postgres(path: Path, url: str) -> None:
    """Replace the contents of the PostgreSQL database at ``url`` with the dataset."""
    marker = dataset_marker(path)
    with psycopg.connect(libpq_url(url), autocommit=True) as pg:
        current = pg.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        ).fetchone()[0]
        if current == marker:
            return
        print(f"loading {path.name} into PostgreSQL …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        pg.execute("DROP SCHEMA IF EXISTS public CASCADE")
        pg.execute("CREATE SCHEMA public")
    db = Database(url)
    try:
        migrator.upgrade(db)
    finally:
        db.dispose()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with psycopg.connect(libpq_url(url)) as pg:
            _copy_tables(source, pg)
            pg.commit()
            pg.autocommit = True
            pg.execute("VACUUM (ANALYZE)")  # index-only scans need the visibility map
            name = pg.execute("SELECT current_database()").fetchone()[0]
            pg.execute(
                sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                    sql.Identifier(name), sql.Literal(marker)
                )
            )
    finally:
        source.close()
    print(f"loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _copy_tables(source: sqlite3.Connection, pg: psycopg.Connection) -> None:
    pg.execute("SET session_replication_role = replica")
    pg.execute("SET TIME ZONE 'UTC'")
    in_sqlite = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    tables = [t for t in metadata.sorted_tables if t.name in in_sqlite]
    names = ", ".join(f'"{t.name}"' for t in tables)
    pg.execute(f"TRUNCATE {names} CASCADE")
    for table in tables:
        columns = _shared_columns(source, pg, table.name)
        listed = ", ".join(f'"{c}"' for c in columns)
        rows = source.execute(f'SELECT {listed} FROM "{table.name}"')
        with pg.cursor().copy(f'COPY "{table.name}" ({listed}) FROM STDIN') as copy:
            while batch := rows.fetchmany(20_000):
                for row in batch:
                    copy.write_row(row)
        if "id" in columns:
            pg.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f'coalesce(max(id), 0) + 1, false) FROM "{table.name}" '
                f"WHERE pg_get_serial_sequence('\"{table.name}\"', 'id') IS NOT NULL"
            )
    pg.execute("TRUNCATE search_document")
    for kind in _SEARCH.KIND_CODES:
        pg.execute(_SEARCH.postgresql_insert(kind, ""))
    pg.execute("SET session_replication_role = origin")


def _shared_columns(source: sqlite3.Connection, pg: psycopg.Connection, table: str) -> list[str]:
    in_sqlite = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
    writable = {
        row[0]
        for row in pg.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = %s AND is_generated = 'NEVER'",
            (table,),
        )
    }
    return [c for c in in_sqlite if c in writable]

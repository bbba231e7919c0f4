"""The database side shared by export and import: schema revision, snapshot, key order,
and the PostgreSQL sequences that must follow imported ids.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Connection, Integer, String, Table, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.interchange.catalog import primary_key
from engagement_desk.services.interchange.envelope import InterchangeError

UPGRADE_HINT = "bitte zuerst „engagement-desk db upgrade“ ausführen."


def require_current_schema(connection: Connection) -> str:
    """The database's revision, which must be the one this program's model describes."""
    head = migrator.head_revision()
    revision = migrator.current_revision(connection)
    if revision is None:
        raise InterchangeError(
            f"Die Datenbank ist nicht eingerichtet (keine Schema-Version); {UPGRADE_HINT}"
        )
    if revision != head:
        raise InterchangeError(
            f"Die Datenbank hat die Schema-Version {revision}, dieses Programm erwartet "
            f"{head}; {UPGRADE_HINT}"
        )
    return revision


def snapshot(session: Session, db: Database) -> Connection:
    """A connection on which every read sees the same moment of the database."""
    if db.is_sqlite:
        # A read transaction in WAL mode is a snapshot already.
        return session.connection()
    return session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def ordered_by_primary_key(table: Table, connection: Connection) -> Any:
    """SELECT of all rows in primary-key order, the same order on every backend."""
    keys: list[ColumnElement[Any]] = []
    for column in primary_key(table):
        if connection.dialect.name == "postgresql" and isinstance(column.type, String):
            # SQLite compares text by code point; PostgreSQL's "C" collation does too.
            keys.append(column.collate("C"))
        else:
            keys.append(column)
    return select(table).order_by(*keys)


def reset_sequences(connection: Connection, tables: list[Table]) -> None:
    """On PostgreSQL, let each id sequence continue after the largest imported id."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer.quote
    for table in tables:
        key = primary_key(table)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column: Column[Any] = key[0]
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": quote(table.name), "column": column.name},
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                f"SELECT setval(:sequence, coalesce(max({quote(column.name)}), 1), "
                f"max({quote(column.name)}) IS NOT NULL) FROM {quote(table.name)}"
            ),
            {"sequence": sequence},
        )

"""Change notifications on PostgreSQL: every write to a listed table says so on one channel.

One trigger function sends a small JSON payload with ``pg_notify`` when a
statement that changed rows commits; the listener of every other workstation
(``services.changes``) reloads what it shows. The database sends it, so every
write path counts (window, commands, imports, another program).

Triggers are statement-level with transition tables (PostgreSQL allows
``REFERENCING`` only on triggers with a single event, hence three per
table). A statement sends the ids of at most ``MAX_IDS`` rows; a larger one,
or any statement after ``MAX_NOTIFICATIONS_PER_TABLE`` of them on one table in
one transaction, sends "this table changed" once (``ids`` null) and then
nothing more for that table until the transaction ends: an import of 100,000
rows sends a handful of notifications, not 100,000.

The payload holds table and key names, ids, the operation, the login
(``session_user``), the server process (``pg_backend_pid()``, so a window can
ignore its own writes) and the time; never a column's value. It stays far
below PostgreSQL's 8000-byte limit (``MAX_IDS`` ids of at most 20 digits).

``install`` is idempotent and covers every table present except
``EXCLUDED_TABLES``; migration 0007 runs it, and ``cover_new_tables`` (run by
the migrator after every upgrade on PostgreSQL) gives tables added by later
migrations their triggers too.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

CHANNEL = "engagement_desk_changes"
FUNCTION = "engagement_desk_notify_change"
MAX_IDS = 50
MAX_NOTIFICATIONS_PER_TABLE = 20
EVENTS = {"insert": "new_rows", "update": "new_rows", "delete": "old_rows"}
# Derived or bookkeeping tables nobody lists: the search index follows its own tables.
EXCLUDED_TABLES = frozenset({"alembic_version", "search_document", "search_index"})

FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    key_column text := TG_ARGV[0];
    counter text := 'engagement_desk.notified_' || TG_TABLE_NAME;
    sent integer := coalesce(nullif(current_setting(counter, true), ''), '0')::integer;
    ids bigint[];
    many boolean;
BEGIN
    IF sent > {MAX_NOTIFICATIONS_PER_TABLE} THEN
        RETURN NULL;  -- "table changed" went out already in this transaction
    END IF;
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM '
                       '(SELECT %I AS k FROM old_rows LIMIT {MAX_IDS + 1}) AS x', key_column)
            INTO ids;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM '
                       '(SELECT %I AS k FROM new_rows LIMIT {MAX_IDS + 1}) AS x', key_column)
            INTO ids;
    END IF;
    IF ids IS NULL THEN
        RETURN NULL;  -- the statement changed no row
    END IF;
    many := cardinality(ids) > {MAX_IDS} OR sent >= {MAX_NOTIFICATIONS_PER_TABLE};
    PERFORM set_config(counter, (CASE WHEN many THEN {MAX_NOTIFICATIONS_PER_TABLE + 1}
                                      ELSE sent + 1 END)::text, true);
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME,
        'key', key_column,
        'op', lower(TG_OP),
        'ids', CASE WHEN many THEN NULL ELSE to_json(ids) END,
        'user', session_user,
        'pid', pg_backend_pid(),
        'at', round(extract(epoch FROM statement_timestamp()), 3)
    )::text);
    RETURN NULL;
END
$$
"""


def trigger_name(table: str, event: str) -> str:
    return f"{table[:40]}_notify_{event}"


def key_column(connection: Connection, table: str) -> str | None:
    """The column whose values the payload names: the primary key, or its first column."""
    columns = inspect(connection).get_pk_constraint(table).get("constrained_columns") or []
    return columns[0] if columns else None


def notified_tables(connection: Connection) -> list[str]:
    """Every table in the schema that gets change notifications."""
    return sorted(set(inspect(connection).get_table_names()) - EXCLUDED_TABLES)


def install(connection: Connection, tables: Iterable[str] | None = None) -> None:
    """Create (or replace) the function and the triggers of ``tables`` (default: all)."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text(FUNCTION_SQL))
    for table in notified_tables(connection) if tables is None else tables:
        _create_triggers(connection, table)


def _create_triggers(connection: Connection, table: str) -> None:
    key = key_column(connection, table)
    if key is None:
        return
    for event, rows in EVENTS.items():
        reference = "OLD" if rows == "old_rows" else "NEW"
        connection.execute(
            text(
                f'CREATE OR REPLACE TRIGGER "{trigger_name(table, event)}" '
                f'AFTER {event.upper()} ON "{table}" '
                f"REFERENCING {reference} TABLE AS {rows} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}('{key}')"
            )
        )


def uninstall(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text(f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE"))


def is_installed(connection: Connection) -> bool:
    found = connection.execute(
        text(
            "SELECT 1 FROM pg_proc WHERE proname = :name AND pronamespace = 'public'::regnamespace"
        ),
        {"name": FUNCTION},
    ).first()
    return found is not None


def tables_without_triggers(connection: Connection) -> list[str]:
    """Tables that should notify and do not (added after migration 0007)."""
    covered = set(
        connection.execute(
            text(
                "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger t "
                "JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = :name AND NOT tgisinternal"
            ),
            {"name": FUNCTION},
        ).scalars()
    )
    return [
        table
        for table in notified_tables(connection)
        if table not in covered and f'"{table}"' not in covered
    ]


def cover_new_tables(connection: Connection) -> None:
    """After an upgrade: triggers for tables made after 0007 (nothing before 0007 ran)."""
    if connection.dialect.name != "postgresql" or not is_installed(connection):
        return
    missing = tables_without_triggers(connection)
    if missing:
        install(connection, missing)

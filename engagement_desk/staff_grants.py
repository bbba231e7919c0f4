"""The staff roles on PostgreSQL: group roles, GRANTs and the staff functions.

``apply`` makes the database's four group roles (``<database>_leitung`` …),
gives each exactly the privileges of ``models.staff.TABLE_PRIVILEGES`` on the
tables that exist, and (re)creates the SECURITY DEFINER functions through which
Leitung administers staff logins. It is idempotent: migration 0006 calls it,
and the migrator calls it again after every upgrade so that tables of later
migrations get their grants too. SQLite has no roles: a no-op there.

Whoever runs it (the owner that migrates) needs CREATEROLE, or the group roles
must exist already.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from engagement_desk.models.enums import StaffRole
from engagement_desk.models.staff import (
    AUDIT_TABLE,
    COLUMN_READS,
    STAFF_TABLE,
    TABLE_PRIVILEGES,
    group_name,
)

LOGIN_PATTERN = r"^[a-z][a-z0-9_.-]{2,62}$"
"""Lower case, starts with a letter, 3 to 63 characters: no quoting surprises in psql."""
MIN_PASSWORD_LENGTH = 10
STAFF_FUNCTIONS = (
    "staff_add(text, text, text, text)",
    "staff_set_role(text, text)",
    "staff_disable(text, boolean)",
    "staff_set_password(text, text)",
)


def _ddl(connection: Connection, statement: str) -> None:
    """Run DDL as written: psycopg would read the % of LIKE patterns as placeholders."""
    connection.connection.driver_connection.execute(statement)


def _quote(_connection: Connection, name: str) -> str:
    """An identifier, always double-quoted (valid for any name, no round trip)."""
    return '"' + name.replace('"', '""') + '"'


def _literal(_connection: Connection, value: str) -> str:
    """A string constant (standard_conforming_strings, on since PostgreSQL 9.1)."""
    return "'" + value.replace("'", "''") + "'"


def groups_of(database: str) -> dict[StaffRole, str]:
    return {role: group_name(database, role) for role in StaffRole}


def apply(connection: Connection) -> None:
    """Group roles, grants and staff functions for the tables there are now (PostgreSQL)."""
    if connection.dialect.name != "postgresql":
        return
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    groups = groups_of(database)
    quoted = {role: _quote(connection, name) for role, name in groups.items()}
    _create_groups(connection, groups)
    db_name = _quote(connection, database)

    def run(statement: str) -> None:
        _ddl(connection, statement)

    run(f"REVOKE CONNECT, TEMPORARY ON DATABASE {db_name} FROM PUBLIC")
    run(f"GRANT CONNECT ON DATABASE {db_name} TO {', '.join(quoted.values())}")
    run(f"GRANT USAGE ON SCHEMA public TO {', '.join(quoted.values())}")
    tables = set(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
    )
    sequences = _sequences_by_table(connection)
    for role, group in quoted.items():
        run(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}")
        run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {group}")
        privileges = TABLE_PRIVILEGES[role]
        for table in sorted(tables):
            wanted = privileges.get(table, frozenset())
            if role is StaffRole.LEITUNG and table not in privileges:
                wanted = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})  # a newer table
            if not wanted:
                continue
            table_name = _quote(connection, table)
            run(f"GRANT {', '.join(sorted(wanted))} ON {table_name} TO {group}")
            if "INSERT" in wanted:
                # Leitung imports and restores, which set the sequences past the ids.
                on_sequence = "ALL" if role is StaffRole.LEITUNG else "USAGE, SELECT"
                for sequence in sequences.get(table, ()):
                    sequence_name = _quote(connection, sequence)
                    run(f"GRANT {on_sequence} ON SEQUENCE {sequence_name} TO {group}")
        for table, columns in COLUMN_READS.get(role, {}).items():
            if table in tables:
                names = ", ".join(_quote(connection, column) for column in columns)
                run(f"GRANT SELECT ({names}) ON {_quote(connection, table)} TO {group}")
    _create_functions(connection, groups)


def remove(connection: Connection) -> None:
    """Drop the staff functions and every grant of the groups (migration 0006 downgrade)."""
    if connection.dialect.name != "postgresql":
        return
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    for function in STAFF_FUNCTIONS:
        _ddl(connection, f"DROP FUNCTION IF EXISTS {function}")
    existing = _existing_roles(connection, groups_of(database).values())
    for group in existing:
        name = _quote(connection, group)
        _ddl(connection, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}")
        _ddl(connection, f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {name}")
        _ddl(connection, f"REVOKE USAGE ON SCHEMA public FROM {name}")
    db_name = _quote(connection, database)
    _ddl(connection, f"GRANT CONNECT, TEMPORARY ON DATABASE {db_name} TO PUBLIC")


def _existing_roles(connection: Connection, names: Iterable[str]) -> set[str]:
    return set(
        connection.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": list(names)},
        ).scalars()
    )


def _create_groups(connection: Connection, groups: dict[StaffRole, str]) -> None:
    existing = _existing_roles(connection, groups.values())
    missing = [name for name in groups.values() if name not in existing]
    if missing and not _may_create_roles(connection):
        from engagement_desk.migrator import MigrationError

        statements = " ".join(
            f"CREATE ROLE {_quote(connection, name)} NOLOGIN;" for name in missing
        )
        raise MigrationError(
            "Die Datenbank braucht ihre vier Gruppenrollen für die Mitarbeitenden, und diese "
            "Anmeldung darf keine Rollen anlegen (CREATEROLE fehlt). Bitte die Rollen einmal als "
            f"Administrator des Servers anlegen ({statements}) und dann noch einmal "
            "aktualisieren; es wurde nichts geändert."
        )
    for name in missing:
        _ddl(connection, f"CREATE ROLE {_quote(connection, name)} NOLOGIN")


def _may_create_roles(connection: Connection) -> bool:
    return bool(
        connection.execute(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )


def _sequences_by_table(connection: Connection) -> dict[str, list[str]]:
    """Each table's own sequences (serial and identity columns)."""
    rows = connection.execute(
        text(
            "SELECT t.relname, s.relname FROM pg_class s "
            "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
            "JOIN pg_class t ON t.oid = d.refobjid "
            "WHERE s.relkind = 'S' AND s.relnamespace = 'public'::regnamespace"
        )
    )
    found: dict[str, list[str]] = {}
    for table, sequence in rows:
        found.setdefault(table, []).append(sequence)
    return found


def _create_functions(connection: Connection, groups: dict[StaffRole, str]) -> None:
    # The group names are written into the functions: they are this database's.
    role_case = " ".join(
        f"WHEN {_literal(connection, role.value)} THEN {_literal(connection, name)}"
        for role, name in groups.items()
    )
    all_groups = ", ".join(_literal(connection, name) for name in groups.values())
    login_pattern = _literal(connection, LOGIN_PATTERN)
    # pg_temp last: a temporary table of the caller can never stand in for one of ours.
    header = (
        "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $fn$"
    )
    check_registered = f"""
        IF NOT EXISTS (SELECT 1 FROM {STAFF_TABLE} WHERE login = p_login) THEN
            RAISE EXCEPTION 'Die Anmeldung „%“ gibt es nicht.', p_login
                USING ERRCODE = 'undefined_object';
        END IF;"""
    group_of_role = f"""
        v_group := CASE p_role {role_case} END;
        IF v_group IS NULL THEN
            RAISE EXCEPTION 'Unbekannte Rolle „%“: Leitung, Büro, Fahrdienst oder Lesen.',
                p_role USING ERRCODE = 'invalid_parameter_value';
        END IF;"""
    check_verifier = """
        IF p_verifier IS NULL OR p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
            RAISE EXCEPTION 'Das Passwort muss verschlüsselt (SCRAM) übergeben werden.'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;"""
    audit = f"""
        INSERT INTO {AUDIT_TABLE} (at, "user", action, entity, entity_id, summary)
        VALUES (timezone('UTC', now())::timestamp(0), session_user, %s,
                '{STAFF_TABLE}', NULL, %s);"""
    statements = [
        f"""
CREATE OR REPLACE FUNCTION staff_add(
    p_login text, p_full_name text, p_role text, p_verifier text
) RETURNS void {header}
DECLARE
    v_group text;
BEGIN
    IF p_login IS NULL OR p_login !~ {login_pattern} OR p_login LIKE 'pg\\_%' THEN
        RAISE EXCEPTION 'Ungültiger Anmeldename „%“: 3 bis 63 Zeichen, Kleinbuchstaben, '
            'Ziffern, Punkt, Binde- oder Unterstrich, am Anfang ein Buchstabe.', p_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    {group_of_role}
    {check_verifier}
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'Die Anmeldung „%“ gibt es auf diesem Server schon.', p_login
            USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_verifier, v_group);
    INSERT INTO {STAFF_TABLE} (login, full_name, role, active, created_at, created_by)
    VALUES (p_login, left(coalesce(p_full_name, ''), 200), p_role, true,
            timezone('UTC', now())::timestamp(0), session_user);
    {audit % ("'create'", "'login, role, full_name'")}
END $fn$""",
        f"""
CREATE OR REPLACE FUNCTION staff_set_role(p_login text, p_role text) RETURNS void {header}
DECLARE
    v_group text;
    v_other text;
BEGIN
    {check_registered}
    {group_of_role}
    FOREACH v_other IN ARRAY ARRAY[{all_groups}] LOOP
        IF v_other <> v_group AND pg_has_role(p_login, v_other, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', v_other, p_login);
        END IF;
    END LOOP;
    IF NOT pg_has_role(p_login, v_group, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', v_group, p_login);
    END IF;
    UPDATE {STAFF_TABLE} SET role = p_role WHERE login = p_login;
    {audit % ("'update'", "'role'")}
END $fn$""",
        f"""
CREATE OR REPLACE FUNCTION staff_disable(p_login text, p_end_sessions boolean)
RETURNS integer {header}
DECLARE
    v_ended integer := 0;
    v_pid integer;
BEGIN
    {check_registered}
    IF p_login = session_user THEN
        RAISE EXCEPTION 'Die eigene Anmeldung kann nicht deaktiviert werden.'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    UPDATE {STAFF_TABLE} SET active = false WHERE login = p_login;
    {audit % ("'update'", "'active'")}
    IF p_end_sessions THEN
        -- One backend at a time: in a WHERE clause the planner might call
        -- pg_terminate_backend before the filter on the login.
        FOR v_pid IN SELECT pid FROM pg_stat_activity
                     WHERE usename = p_login AND pid <> pg_backend_pid() LOOP
            BEGIN
                IF pg_terminate_backend(v_pid) THEN
                    v_ended := v_ended + 1;
                END IF;
            EXCEPTION WHEN insufficient_privilege THEN
                NULL;  -- the owner may not end sessions: they end when closed
            END;
        END LOOP;
    END IF;
    RETURN v_ended;
END $fn$""",
        f"""
CREATE OR REPLACE FUNCTION staff_set_password(p_login text, p_verifier text)
RETURNS void {header}
BEGIN
    {check_registered}
    {check_verifier}
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
    {audit % ("'update'", "'password'")}
END $fn$""",
    ]
    leitung = _quote(connection, groups[StaffRole.LEITUNG])
    for statement in statements:
        _ddl(connection, statement)
    for function in STAFF_FUNCTIONS:
        _ddl(connection, f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        _ddl(connection, f"GRANT EXECUTE ON FUNCTION {function} TO {leitung}")

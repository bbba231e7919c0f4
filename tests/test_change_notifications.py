"""Change notifications: what the database announces, and the listener that hears it."""

from __future__ import annotations

import datetime as dt
import json
import time

import psycopg
import pytest
from sqlalchemy import inspect, text

from engagement_desk.db import Database
from engagement_desk.migrations import change_notifications
from engagement_desk.models.enums import StaffRole
from engagement_desk.services.changes import (
    ANY_TABLE,
    Change,
    ChangeListener,
    own_backend_pids,
    stored_version,
)
from engagement_desk.services.staff.admin import display_names
from tests.builders import add_person
from tests.staff_helpers import StaffLogins
from tests.staff_helpers import staff as staff  # the fixture

pytestmark = pytest.mark.postgres


def _listener(db: Database) -> ChangeListener:
    listener = ChangeListener.for_database(db, delays=(0.05,))
    listener.open()
    return listener


def _collect(listener: ChangeListener, until: int = 1, timeout: float = 3.0) -> list[Change]:
    """Changes until ``until`` have arrived, then whatever follows within a short moment."""
    found: list[Change] = []
    deadline = time.monotonic() + timeout
    while len(found) < until and time.monotonic() < deadline:
        for change in listener.wait(deadline - time.monotonic()):
            found.append(change)
            if len(found) >= until:
                break
    found.extend(listener.wait(0.3))
    return found


def _insert_people(db: Database, count: int, name: str = "Bulk") -> list[int]:
    with db.engine.begin() as connection:
        return list(
            connection.execute(
                text(
                    "INSERT INTO person "
                    "(last_name, status, notes, version, created_at, updated_at) "
                    "SELECT :name || n, 'active', '', 1, now(), now() "
                    "FROM generate_series(1, :count) AS n RETURNING id"
                ),
                {"name": name, "count": count},
            ).scalars()
        )


def test_a_saved_person_is_announced_with_its_id_but_no_values(pg_db: Database) -> None:
    listener = _listener(pg_db)
    try:
        pids = own_backend_pids(pg_db)
        person_id = add_person(pg_db, "Hanna", "Vertraulich")
        changes = [c for c in _collect(listener) if c.table == "person"]
    finally:
        listener.release()
    assert len(changes) == 1
    change = changes[0]
    assert (change.operation, change.ids, change.key) == ("insert", (person_id,), "id")
    assert change.user == "postgres"
    assert change.backend_pid in pids
    assert abs(change.at - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=10)


def test_payload_holds_names_and_ids_only(pg_db: Database) -> None:
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=" + pg_db.url.database) as raw:
        raw.execute(f"LISTEN {change_notifications.CHANNEL}")
        raw.commit()
        _insert_people(pg_db, 1, name="Geheimname")
        payloads = [n.payload for n in raw.notifies(timeout=2, stop_after=1)]
    assert payloads and "Geheimname" not in payloads[0]
    assert set(json.loads(payloads[0])) == {
        "table",
        "key",
        "op",
        "ids",
        "user",
        "pid",
        "at",
    }


def test_a_bulk_insert_says_the_table_changed_without_ids(pg_db: Database) -> None:
    listener = _listener(pg_db)
    try:
        _insert_people(pg_db, 500)
        changes = [c for c in _collect(listener) if c.table == "person"]
    finally:
        listener.release()
    assert [(c.operation, c.ids) for c in changes] == [("insert", None)]
    assert changes[0].touches("person", 12345)


def test_many_statements_in_one_transaction_send_a_bounded_number(pg_db: Database) -> None:
    listener = _listener(pg_db)
    try:
        with pg_db.engine.begin() as connection:
            for n in range(200):
                connection.execute(
                    text(
                        "INSERT INTO person (last_name, status, notes, version, created_at, "
                        "updated_at) VALUES (:name, 'active', '', 1, now(), now())"
                    ),
                    {"name": f"Einzeln {n}"},
                )
        changes = [c for c in _collect(listener, until=21) if c.table == "person"]
    finally:
        listener.release()
    limit = change_notifications.MAX_NOTIFICATIONS_PER_TABLE
    assert len(changes) == limit + 1
    assert all(c.ids is not None and len(c.ids) == 1 for c in changes[:limit])
    assert changes[-1].ids is None


def test_update_and_delete_name_the_rows(pg_db: Database) -> None:
    ids = _insert_people(pg_db, 3)
    listener = _listener(pg_db)
    try:
        with pg_db.engine.begin() as connection:
            connection.execute(
                text("UPDATE person SET notes = 'x' WHERE id = ANY(:ids)"), {"ids": ids[:2]}
            )
        with pg_db.engine.begin() as connection:
            connection.execute(text("DELETE FROM person WHERE id = :id"), {"id": ids[2]})
        changes = [c for c in _collect(listener, until=2) if c.table == "person"]
    finally:
        listener.release()
    assert [(c.operation, sorted(c.ids or ())) for c in changes] == [
        ("update", sorted(ids[:2])),
        ("delete", [ids[2]]),
    ]


def test_a_table_keyed_by_two_columns_names_its_first(pg_db: Database) -> None:
    person_id = _insert_people(pg_db, 1)[0]
    listener = _listener(pg_db)
    try:
        with pg_db.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO person_role (person_id, role) VALUES (:id, 'passenger')"),
                {"id": person_id},
            )
        changes = [c for c in _collect(listener) if c.table == "person_role"]
    finally:
        listener.release()
    assert [(c.key, c.ids) for c in changes] == [("person_id", (person_id,))]


def test_every_table_notifies(pg_db: Database) -> None:
    with pg_db.engine.connect() as connection:
        assert change_notifications.tables_without_triggers(connection) == []
        tables = set(inspect(connection).get_table_names())
    assert {"person", "organization", "event", "registration", "ride", "hours_entry"} <= tables


def test_a_table_made_later_gets_triggers_from_the_migrator(pg_db: Database) -> None:
    with pg_db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE later_things (id integer PRIMARY KEY)"))
        assert change_notifications.tables_without_triggers(connection) == ["later_things"]
        change_notifications.cover_new_tables(connection)
        assert change_notifications.tables_without_triggers(connection) == []
        change_notifications.cover_new_tables(connection)  # idempotent
        connection.execute(text("DROP TABLE later_things"))


def test_own_writes_are_known_by_their_server_process(pg_db: Database) -> None:
    pids = own_backend_pids(pg_db)
    listener = _listener(pg_db)
    try:
        _insert_people(pg_db, 1)
        changes = [c for c in _collect(listener) if c.table == "person"]
    finally:
        listener.release()
    assert changes and changes[0].backend_pid in pids
    assert listener.backend_pid not in pids


def test_the_listener_reconnects_and_says_everything_may_have_changed(pg_db: Database) -> None:
    listener = _listener(pg_db)
    try:
        old_pid = listener.backend_pid
        with pg_db.engine.begin() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": old_pid})
        first = _collect(listener)
        assert [c.table for c in first][:1] == [ANY_TABLE]
        assert listener.connected and listener.backend_pid != old_pid
        person_id = _insert_people(pg_db, 1)[0]
        later = [c for c in _collect(listener) if c.table == "person"]
    finally:
        listener.release()
    assert [c.ids for c in later] == [(person_id,)]


def test_a_closed_listener_stops_waiting_at_once(pg_db: Database) -> None:
    listener = _listener(pg_db)
    listener.close()
    started = time.monotonic()
    assert list(listener.wait(5)) == []
    assert time.monotonic() - started < 1
    listener.release()
    assert not listener.connected


def test_sqlite_gets_no_triggers(db: Database) -> None:
    with db.engine.begin() as connection:
        change_notifications.install(connection)
        change_notifications.cover_new_tables(connection)
        triggers = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%notify%'")
        ).all()
    assert triggers == []


def test_staff_logins_with_restricted_rights_announce_and_listen(staff: StaffLogins) -> None:
    writer = staff.open(staff.add(StaffRole.BUERO, full_name="Bea Büro"))
    reader = staff.open(staff.add(StaffRole.LESEN, full_name="Lena Lesen"))
    listener = _listener(reader)
    try:
        person_id = add_person(writer, "Hanna", "Weber")
        changes = [c for c in _collect(listener) if c.table == "person"]
    finally:
        listener.release()
    assert [(c.ids, c.user) for c in changes] == [((person_id,), staff.logins[0])]
    assert display_names(reader)[staff.logins[0]] == "Bea Büro"
    assert stored_version(reader, "person", "id", person_id) == 1
    assert stored_version(reader, "person", "id", person_id + 1000) is None


def test_a_server_out_of_reach_neither_raises_nor_holds_the_thread() -> None:
    attempts: list[float] = []

    def unreachable() -> psycopg.Connection:
        attempts.append(time.monotonic())
        raise psycopg.OperationalError("connection refused")

    listener = ChangeListener(unreachable, delays=(0.1,))
    started = time.monotonic()
    assert list(listener.wait(0.5)) == []
    assert time.monotonic() - started < 1.0
    assert len(attempts) >= 2  # it keeps trying, pausing in between
    assert not listener.connected
    listener.close()
    started = time.monotonic()
    assert list(listener.wait(5)) == []
    assert time.monotonic() - started < 0.5


def test_the_largest_payload_stays_far_below_the_limit(pg_db: Database) -> None:
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=" + pg_db.url.database) as raw:
        raw.execute(f"LISTEN {change_notifications.CHANNEL}")
        raw.commit()
        ids = _insert_people(pg_db, change_notifications.MAX_IDS)  # the most that get named
        payloads = [n.payload for n in raw.notifies(timeout=2, stop_after=1)]
    assert sorted(json.loads(payloads[0])["ids"]) == sorted(ids)
    assert len(payloads[0].encode()) < 8000 / 4

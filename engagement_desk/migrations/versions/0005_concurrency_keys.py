"""concurrency keys

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 19:10:00

Unique keys for what two workstations used to create twice when they counted or
looked first and inserted afterwards (issue #12). The services now lock as well
(event row, advisory lock per ride week); these keys are the last line of
defence and make the services' duplicate checks hold under concurrency:

- ``uq_ride_generated``: one generated ride per (standing order, day, outward or
  return leg), a partial index for rides with a standing order (one-off rides
  are not covered).
- ``uq_registration_active``: one live registration (status other than
  cancelled or declined) per event, person, organization, role and shift; an
  expression index (``coalesce(…, 0)``) because NULLs never collide in a unique
  index.
- ``uq_hours_entry_event_registration``: one event-derived hours entry per
  registration, so crediting an event twice at once cannot double the hours.

Databases that ran into the bug hold duplicates, so they are resolved first:

- Rides with the same key: the copy kept is the oldest final one (done,
  cancelled, no-show), else the oldest with a driver, else the oldest. Other
  open copies (planned, assigned) are deleted with their passengers; other
  final copies stay as history, detached from the standing order
  (``standing_order_id`` NULL), as a one-off ride would be.
- Live registrations with the same key: the one kept is the one furthest on
  (attended, no-show, registered, invited, waiting list), then the oldest; the
  later copies are cancelled and the event hours derived from them deleted. A
  place freed this way is not handed to the waiting list here; the next
  cancellation or capacity change moves people up as usual.
- Several event hours entries of one registration: the oldest stays.

Only indexes are created, so neither SQLite nor PostgreSQL needs to recreate a
table. On SQLite the migrator switches foreign keys off around the upgrade:
children (passengers, hours links) are removed or unlinked explicitly rather
than left to ON DELETE.
"""

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FINAL_RIDE_STATUSES = ("done", "cancelled", "no_show")
REGISTRATION_LIVE = "status NOT IN ('cancelled', 'declined')"
REGISTRATION_PREFERENCE = ("attended", "no_show", "registered", "invited", "waiting_list")
EVENT_HOURS = "source = 'event' AND registration_id IS NOT NULL"
GENERATED_RIDE = "standing_order_id IS NOT NULL"
CHUNK = 500


def upgrade() -> None:
    connection = op.get_bind()
    _resolve_duplicate_rides(connection)
    _resolve_duplicate_registrations(connection)
    _resolve_duplicate_event_hours(connection)
    op.create_index(
        "uq_ride_generated",
        "ride",
        ["standing_order_id", "ride_date", "is_return"],
        unique=True,
        sqlite_where=sa.text(GENERATED_RIDE),
        postgresql_where=sa.text(GENERATED_RIDE),
    )
    op.create_index(
        "uq_registration_active",
        "registration",
        [
            "event_id",
            sa.text("coalesce(person_id, 0)"),
            sa.text("coalesce(organization_id, 0)"),
            "role",
            sa.text("coalesce(shift_id, 0)"),
        ],
        unique=True,
        sqlite_where=sa.text(REGISTRATION_LIVE),
        postgresql_where=sa.text(REGISTRATION_LIVE),
    )
    op.create_index(
        "uq_hours_entry_event_registration",
        "hours_entry",
        ["registration_id"],
        unique=True,
        sqlite_where=sa.text(EVENT_HOURS),
        postgresql_where=sa.text(EVENT_HOURS),
    )


def downgrade() -> None:
    op.drop_index("uq_hours_entry_event_registration", table_name="hours_entry")
    op.drop_index("uq_registration_active", table_name="registration")
    op.drop_index("uq_ride_generated", table_name="ride")


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _execute_for(connection: sa.Connection, statement: str, ids: Sequence[int]) -> None:
    """``statement`` with ``IN :ids`` for every chunk of ``ids``."""
    query = sa.text(statement).bindparams(sa.bindparam("ids", expanding=True))
    for chunk in _chunks(ids):
        connection.execute(query, {"ids": chunk})


def _resolve_duplicate_rides(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT r.id, r.standing_order_id, r.ride_date, r.is_return, r.status, r.driver_id "
            "FROM ride r JOIN ("
            "  SELECT standing_order_id, ride_date, is_return FROM ride "
            f"  WHERE {GENERATED_RIDE} "
            "  GROUP BY standing_order_id, ride_date, is_return HAVING count(*) > 1"
            ") d ON d.standing_order_id = r.standing_order_id "
            "AND d.ride_date = r.ride_date AND d.is_return = r.is_return "
            "ORDER BY r.id"
        )
    ).all()
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault((row[1], row[2], row[3]), []).append(row)
    to_delete: list[int] = []
    to_detach: list[int] = []
    for copies in groups.values():
        keeper = min(
            copies,
            key=lambda r: (r[4] not in FINAL_RIDE_STATUSES, r[5] is None, r[0]),
        )
        for ride in copies:
            if ride is keeper:
                continue
            (to_detach if ride[4] in FINAL_RIDE_STATUSES else to_delete).append(ride[0])
    unlink_hours = "UPDATE hours_entry SET ride_id = NULL WHERE ride_id IN :ids"
    _execute_for(connection, unlink_hours, to_delete)
    _execute_for(connection, "DELETE FROM ride_passenger WHERE ride_id IN :ids", to_delete)
    _execute_for(connection, "DELETE FROM ride WHERE id IN :ids", to_delete)
    _execute_for(
        connection,
        "UPDATE ride SET standing_order_id = NULL, version = version + 1 WHERE id IN :ids",
        to_detach,
    )


def _resolve_duplicate_registrations(connection: sa.Connection) -> None:
    key = (
        "event_id, coalesce(person_id, 0), coalesce(organization_id, 0), role, "
        "coalesce(shift_id, 0)"
    )
    rows = connection.execute(
        sa.text(
            f"SELECT id, {key}, status, registered_at FROM registration "
            f"WHERE {REGISTRATION_LIVE} AND ({key}) IN ("
            f"  SELECT {key} FROM registration WHERE {REGISTRATION_LIVE} "
            f"  GROUP BY {key} HAVING count(*) > 1"
            ") ORDER BY id"
        )
    ).all()
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault(tuple(row[1:6]), []).append(row)
    to_cancel: list[int] = []
    for copies in groups.values():
        keeper = min(
            copies,
            key=lambda r: (_preference(r[6]), r[7], r[0]),
        )
        to_cancel += [r[0] for r in copies if r is not keeper]
    _execute_for(
        connection,
        "DELETE FROM hours_entry WHERE source = 'event' AND registration_id IN :ids",
        to_cancel,
    )
    _execute_for(
        connection,
        "UPDATE registration SET status = 'cancelled', version = version + 1 WHERE id IN :ids",
        to_cancel,
    )


def _preference(status: str) -> int:
    return REGISTRATION_PREFERENCE.index(status) if status in REGISTRATION_PREFERENCE else 99


def _resolve_duplicate_event_hours(connection: sa.Connection) -> None:
    extra = connection.execute(
        sa.text(
            "SELECT h.id FROM hours_entry h "
            "WHERE h.source = 'event' AND h.registration_id IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM hours_entry o WHERE o.source = 'event' "
            "AND o.registration_id = h.registration_id AND o.id < h.id)"
        )
    ).scalars()
    _execute_for(connection, "DELETE FROM hours_entry WHERE id IN :ids", list(extra))

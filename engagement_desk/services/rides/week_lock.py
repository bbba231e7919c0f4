"""Locks that keep two workstations from planning or generating one ride week at once.

On PostgreSQL two plans of the same week used to run side by side: both read
"no rides yet", both inserted the week (156 rides for 78 trips). Now

- generating a week (``generation_lock``) takes a transaction-scoped advisory
  lock per week and waits for it: the second generation then sees the rides
  of the first and creates none;
- planning a week (``planning_lock``) holds a session-level advisory lock per
  week over all three steps (generate, solve, save) on a connection of its
  own; a second workstation is told at once that the week is being planned.

The unique key ``uq_ride_generated`` (migration 0005) is the last line of
defence. The locks are per week, not per service: a plan of all services and
a plan of one share rides and drivers. On SQLite the write lock every writing
session takes at BEGIN serialises generation already, and one PC plans alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.services.errors import ConflictError
from engagement_desk.services.rides.calendar import IsoWeek

# Two-key advisory locks: (class, week); the classes differ from the
# certificate numbering's single-key lock by construction.
PLANNING_CLASS = 0x45445750  # "EDWP"
GENERATION_CLASS = 0x45445747  # "EDWG"


def week_key(week: IsoWeek) -> int:
    return week.year * 100 + week.week


def busy_message(week: IsoWeek) -> str:
    return (
        f"Die Woche {week.title} wird gerade an einem anderen Platz geplant. "
        "Bitte warten, bis die Planung dort fertig ist, und die Woche dann neu laden."
    )


def generation_lock(session: Session, week: IsoWeek) -> None:
    """Wait until no other transaction generates ``week``; held until this one ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:lock_class, :week)"),
            {"lock_class": GENERATION_CLASS, "week": week_key(week)},
        )


@contextmanager
def planning_lock(db: Database, week: IsoWeek) -> Iterator[None]:
    """Hold the week for one plan; ConflictError when another workstation plans it now."""
    if db.engine.dialect.name != "postgresql":
        yield
        return
    keys = {"lock_class": PLANNING_CLASS, "week": week_key(week)}
    with db.engine.connect() as connection:
        taken = connection.execute(
            text("SELECT pg_try_advisory_lock(:lock_class, :week)"), keys
        ).scalar_one()
        connection.commit()  # the lock belongs to the connection, not to a transaction
        if not taken:
            raise ConflictError(busy_message(week))
        try:
            yield
        finally:
            try:
                connection.execute(text("SELECT pg_advisory_unlock(:lock_class, :week)"), keys)
                connection.commit()
            except DBAPIError:
                # The connection is gone, and with it the lock: the server released it.
                connection.invalidate()

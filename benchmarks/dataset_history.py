"""The benchmark dataset's history step: more volunteers who log their hours, in bulk.

Chosen among people with an engagement on record who log nothing in the demo;
each gets a home activity (one of the organization/centre/activity combinations
the demo's own entries use), a weekly chance of an entry and a usual length.
Entries lie between the start of the engagement (at most three years back) and
yesterday; inactive people stopped some time ago. A few in ten log often
enough to reach the Ehrenamtskarte thresholds.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

HISTORY_VERSION = 1
HISTORY_PEOPLE = 33_000
BATCH = 50_000
YEARS = 3
_COLUMNS = (
    "id, person_id, on_date, hours, organization_id, center_id, activity, source, "
    "ride_id, registration_id, created_at, updated_at, version"
)
_INSERT = f"INSERT INTO hours_entry ({_COLUMNS}) VALUES ({', '.join('?' * 13)})"
# (weekly chance range, half-hours range)
_TIERS = (
    (0.08, ((0.55, 0.9), (8, 14))),
    (0.42, ((0.2, 0.45), (3, 9))),
    (1.0, ((0.05, 0.2), (2, 8))),
)


def add_history(path: Path, seed: int) -> int:
    """Add the history to the SQLite file at ``path``; returns the number of entries."""
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    try:
        with connection:
            written = _write(connection, rng)
        connection.execute("ANALYZE")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return written


def _write(connection: sqlite3.Connection, rng: random.Random) -> int:
    (last_day,) = connection.execute("SELECT max(on_date) FROM hours_entry").fetchone()
    today = dt.date.fromisoformat(last_day) + dt.timedelta(days=2)
    homes = connection.execute(
        "SELECT DISTINCT organization_id, center_id, activity FROM hours_entry "
        "WHERE source = 'manual' ORDER BY 1, 2, 3"
    ).fetchall()
    people = connection.execute(
        "SELECT id, engaged_since, status FROM person WHERE engaged_since IS NOT NULL "
        "AND anonymized_on IS NULL AND status <> 'archived' "
        "AND id NOT IN (SELECT person_id FROM hours_entry) ORDER BY id"
    ).fetchall()
    chosen = sorted(rng.sample(people, min(HISTORY_PEOPLE, len(people))))
    (next_id,) = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM hours_entry").fetchone()
    earliest = today - dt.timedelta(days=365 * YEARS)
    yesterday = today - dt.timedelta(days=1)
    week = dt.timedelta(days=7)
    batch: list[tuple] = []
    written = 0
    for person_id, engaged_since, status in chosen:
        start = max(earliest, dt.date.fromisoformat(engaged_since))
        end = yesterday
        if status != "active":
            end = start + dt.timedelta(days=int(rng.random() * max(1, (end - start).days)))
        (low, high), (short, long) = next(t for limit, t in _TIERS if rng.random() < limit)
        chance = rng.uniform(low, high)
        organization_id, center_id, activity = rng.choice(homes)
        day = start + dt.timedelta(days=int(rng.random() * 7))
        while day <= end:
            if rng.random() < chance:
                hours = (short + int(rng.random() * (long - short + 1))) / 2
                entered = min(today, day + dt.timedelta(days=int(rng.random() * 10)))
                stamp = (
                    f"{entered.isoformat()} {8 + int(rng.random() * 9):02d}:"
                    f"{int(rng.random() * 60):02d}:{int(rng.random() * 60):02d}.000000"
                )
                batch.append(
                    (
                        next_id,
                        person_id,
                        day.isoformat(),
                        hours,
                        organization_id,
                        center_id,
                        activity,
                        "manual",
                        None,
                        None,
                        stamp,
                        stamp,
                        1,
                    )
                )
                next_id += 1
                if len(batch) >= BATCH:
                    connection.executemany(_INSERT, batch)
                    written += len(batch)
                    batch.clear()
            day += week + dt.timedelta(days=int(rng.random() * 3) - 1)
    connection.executemany(_INSERT, batch)
    return written + len(batch)

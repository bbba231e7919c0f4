"""Benchmark: global search as you type on 100,000 people (target: p95 <= 20 ms).

    python benchmarks/bench_search.py                      # the shared demo dataset
    python benchmarks/bench_search.py --sqlite big.sqlite3  # build once, reuse next time
    ENGAGEMENT_DESK_TEST_PG=postgresql+psycopg://… python benchmarks/bench_search.py

Without ``--sqlite`` the benchmarks' shared dataset (``dataset.py``,
benchmarks/data/) is used. A database to build is filled by the demo
generator (``generate_demo``) when it is there, otherwise with synthetic
people by bulk Core inserts; either way the search index is filled by the
triggers. Then 200 typical keystroke states
are timed through ``search_everything``: 1–4 letters of common German
surnames and of the towns in the data, and phone numbers typed digit by
digit. A PostgreSQL database is reused when it already holds enough people
and filled when it is empty; anything else needs ``--reset-pg``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, insert, inspect, select, text

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.services.search import search_everything

sys.path.insert(0, str(Path(__file__).resolve().parent))

PG_ENV = "ENGAGEMENT_DESK_TEST_PG"
TARGET_P95_MS = 20.0
SURNAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Heilmann",
)
SYNTHETIC_TOWNS = (
    "Bitburg",
    "Trier",
    "Prüm",
    "Daun",
    "Wittlich",
    "Speicher",
    "Kyllburg",
    "Neuerburg",
    "Irrel",
    "Bollendorf",
    "Gerolstein",
    "Hillesheim",
)


def fill_synthetic(db: Database, people: int, seed: int) -> None:
    """People only, inserted in bulk as the demo generator or an import would."""
    from faker import Faker

    fake = Faker("de_DE")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    rows = []
    for person_id in range(1, people + 1):
        first, last = fake.first_name(), fake.last_name()
        rows.append(
            {
                "id": person_id,
                "salutation": "",
                "title": "",
                "first_name": first,
                "last_name": last,
                "street": fake.street_address(),
                "postal_code": f"54{rng.randint(500, 699)}",
                "city": rng.choice(SYNTHETIC_TOWNS),
                "phone": f"0656{rng.randint(1, 9)} {rng.randint(1000, 99999)}",
                "mobile": f"017{rng.randint(0, 9)} {rng.randint(100000, 9999999)}",
                "email": f"{first}.{last}@example.de".lower(),
                "notes": "",
                "status": "archived" if rng.random() < 0.1 else "active",
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
    with db.session() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(Person.__table__), rows[start : start + 5000])


def fill(db: Database, people: int, seed: int) -> str:
    try:
        from engagement_desk.services.demo import generate_demo
    except ImportError:
        fill_synthetic(db, people, seed)
        return "synthetic people (bulk Core insert)"
    generate_demo(db, people=people, seed=seed)
    return "demo generator"


def people_in(db: Database) -> int:
    with db.engine.connect() as connection:
        if "person" not in inspect(connection).get_table_names():
            return 0
        return connection.execute(select(func.count()).select_from(Person)).scalar_one()


def prepare(db: Database, people: int, seed: int, *, reset_pg: bool) -> None:
    have = people_in(db)
    if have >= people:
        migrator.upgrade(db)
        print(f"  reusing {db.display_name}: {have} people", flush=True)
        return
    if have and not db.is_sqlite:
        if not reset_pg:
            sys.exit(
                f"{db.display_name} holds {have} people, fewer than {people}; "
                "use --reset-pg to wipe it"
            )
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    elif have:
        sys.exit(
            f"{db.display_name} holds {have} people, fewer than {people}; "
            "give another --sqlite path"
        )
    migrator.upgrade(db)
    started = time.perf_counter()
    how = fill(db, people, seed)
    print(
        f"  filled {db.display_name} with {people} people by {how} "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    if not db.is_sqlite:
        with db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def typical_queries(db: Database, count: int, seed: int) -> list[str]:
    """What a person has typed after 1–4 keystrokes of a name or town, or part of a number."""
    rng = random.Random(seed)
    with db.read_session() as session:
        towns = list(
            session.scalars(
                select(Person.city)
                .where(Person.city != "")
                .group_by(Person.city)
                .order_by(func.count().desc())
                .limit(10)
            )
        )
        phones = list(
            session.scalars(
                select(Person.phone).where(Person.phone != "").order_by(Person.id).limit(400)
            )
        )
    queries: list[str] = []
    while len(queries) < count:
        pick = rng.random()
        if pick < 0.5 or not (towns or phones):
            word = rng.choice(SURNAMES)
        elif pick < 0.75 and towns:
            word = rng.choice(towns)
        else:
            number = rng.choice(phones) if phones else "06561 1234"
            queries.append(number[: rng.randint(4, len(number))])
            continue
        typed = word[: rng.randint(1, 4)]
        queries.append(typed.lower() if rng.random() < 0.8 else typed)
    return queries


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(name: str, db: Database, queries: Sequence[str], limit: int, rounds: int) -> bool:
    """Time every query once per round; the verdict goes by the median round's p95."""
    for typed in queries[:20]:  # warm the caches
        search_everything(db, typed, limit=limit)
    results: list[tuple[float, float, float, list[tuple[float, str]]]] = []
    for _ in range(rounds):
        timings: list[tuple[float, str]] = []
        for typed in queries:
            started = time.perf_counter()
            search_everything(db, typed, limit=limit)
            timings.append(((time.perf_counter() - started) * 1000, typed))
        values = [ms for ms, _ in timings]
        results.append((percentile(values, 0.95), statistics.median(values), max(values), timings))
    for index, (p95, p50, worst, timings) in enumerate(results, 1):
        slowest = ", ".join(f"{typed!r} {ms:.1f}" for ms, typed in sorted(timings)[-3:])
        print(
            f"  round {index}: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {worst:.2f} ms "
            f"(slowest: {slowest})"
        )
    p95, p50, worst, _ = sorted(results, key=lambda r: r[0])[len(results) // 2]
    verdict = "ok" if p95 <= TARGET_P95_MS else "TOO SLOW"
    print(
        f"{name}: {len(queries)} queries, median round: p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
        f"max {worst:.2f} ms ({verdict}; target p95 <= {TARGET_P95_MS:.0f} ms)",
        flush=True,
    )
    return p95 <= TARGET_P95_MS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", type=Path, help="SQLite file to build or reuse")
    parser.add_argument("--pg", default=os.environ.get(PG_ENV), help=f"PostgreSQL URL (${PG_ENV})")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-sqlite", action="store_true", help="time PostgreSQL only")
    parser.add_argument(
        "--reset-pg",
        action="store_true",
        help="wipe a PostgreSQL database that holds too few people",
    )
    args = parser.parse_args(argv)

    targets: list[tuple[str, Database]] = []
    temporary = None
    if args.sqlite is None and not args.no_sqlite:
        try:
            from dataset import ensure_dataset
        except ImportError:
            temporary = tempfile.TemporaryDirectory(prefix="bench-search-")
            args.sqlite = Path(temporary.name) / "bench.sqlite3"
        else:
            args.sqlite = ensure_dataset(args.people)
    if not args.no_sqlite:
        targets.append(("SQLite", Database(args.sqlite)))
    if args.pg:
        targets.append(("PostgreSQL", Database(args.pg)))

    ok = True
    try:
        for name, db in targets:
            print(f"{name}:", flush=True)
            prepare(db, args.people, args.seed, reset_pg=args.reset_pg)
            queries = typical_queries(db, args.queries, args.seed)
            ok &= measure(name, db, queries, args.limit, args.rounds)
            db.dispose()
    finally:
        if temporary is not None:
            temporary.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Sorting 100,000 people in German order: the first page of the people list.

The list service orders by the sort-key columns and the id (migration 0009);
an index serves the first page. Measured on SQLite (a file in a temporary
folder) and, when ``ENGAGEMENT_DESK_BENCH_PG`` names an empty database, on
PostgreSQL:

    ENGAGEMENT_DESK_BENCH_PG=postgresql+psycopg://postgres@127.0.0.1:5432/bench \\
        python benchmarks/bench_sort.py

Target: ≤ 50 ms for the first page of each sort.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import list_people

PEOPLE = 100_000
BATCH = 5_000
RUNS = 15
URL_ENV = "ENGAGEMENT_DESK_BENCH_PG"
LAST = [
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
    "Schmid",
    "Schulze",
    "Maier",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Schubert",
    "Vogel",
    "Friedrich",
    "Keller",
    "Günther",
    "Frank",
    "Berger",
    "Winkler",
    "Roth",
    "Beck",
    "Lorenz",
    "Baumann",
    "Franke",
    "Albrecht",
    "Schuster",
    "Simon",
    "Ludwig",
    "Böhm",
    "Winter",
    "Kraus",
    "Martin",
    "Schumacher",
    "Krämer",
    "Vogt",
    "Stein",
    "Jäger",
    "Otto",
    "Sommer",
    "Groß",
    "Seidel",
    "Heinrich",
    "Brandt",
    "Haas",
    "Schreiber",
    "Graf",
    "Schulte",
    "Dietrich",
    "Ziegler",
    "Kuhn",
    "Kühn",
    "Pohl",
    "Engel",
    "Horn",
    "Busch",
    "Bergmann",
    "Thomas",
    "Voigt",
    "Sauer",
    "Arnold",
    "Wolff",
    "Pfeiffer",
    "Öztürk",
    "Yılmaz",
    "Ćosić",
    "Ährlich",
    "Straßer",
    "Strasser",
    "Émile",
    "Ördög",
    "Übel",
]
FIRST = [
    "Anna",
    "Ömer",
    "Jürgen",
    "Ülkü",
    "Élodie",
    "Maria",
    "Peter",
    "Klaus",
    "Sabine",
    "Günter",
    "Ingrid",
    "Jörg",
    "Björn",
    "Zoë",
    "Ursula",
    "Thomas",
    "Andreas",
    "Monika",
    "Karl",
    "Renate",
    "Helga",
    "Wolfgang",
    "Gisela",
    "Dieter",
    "Hannelore",
    "Sören",
    "Ängela",
]
CITIES = [
    "Kyllheim",
    "Öhringen",
    "Offenbach",
    "Überlingen",
    "Aachen",
    "Zell",
    "Bad",
    "Dürkheim",
    "Mainz",
    "Trier",
]


def fill(db: Database, people: int = PEOPLE) -> None:
    rng = random.Random(2026)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Person)) >= people:
            return
        for start in range(0, people, BATCH):
            rows = [
                {
                    "last_name": rng.choice(LAST),
                    "first_name": rng.choice(FIRST),
                    "city": rng.choice(CITIES),
                }
                for _ in range(start, min(start + BATCH, people))
            ]
            session.execute(insert(Person), rows)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE person")


def first_page_ms(db: Database, query: ListQuery) -> float:
    list_people(db, query)  # warm
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        list_people(db, query)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(db: Database, label: str) -> dict[str, float]:
    fill(db)
    figures = {}
    for sort_key in ("last_name", "first_name", "city"):
        for descending in (False, True):
            name = f"{label}_sort_{sort_key}{'_desc' if descending else ''}_ms"
            figures[name] = first_page_ms(db, ListQuery(sort_key=sort_key, descending=descending))
    page = list_people(db, ListQuery(sort_key="last_name", limit=5))
    print(f"{label}: first names on page 1: {[row[0] for row in page.rows]}", file=sys.stderr)
    return figures


def main() -> None:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "sort.sqlite3")
        try:
            migrator.upgrade(db)
            figures.update(measure(db, "sqlite"))
        finally:
            db.dispose()
    if url := os.environ.get(URL_ENV):
        db = Database(url)
        try:
            migrator.upgrade(db)
            figures.update(measure(db, "postgresql"))
        finally:
            db.dispose()
    for name, value in figures.items():
        print(f"{name:40} {value:7.1f}  {'ok' if value <= 50 else 'SLOW'}")


if __name__ == "__main__":
    main()

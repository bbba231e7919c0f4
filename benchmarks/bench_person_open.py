"""Opening a person on 100,000 people: everything the person editor loads, per person.

Target ≤ 100 ms: master data, consents/times/needs, placements and the activity
lists (hours with totals, rides, events, certificates), as the editor asks for them.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import ensure_dataset

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.organizations.placements import placements_of_person
from engagement_desk.services.people.activity import person_activity
from engagement_desk.services.people.persons import get_person, get_person_sections

SAMPLES = 200


def open_person(db: Database, person_id: int) -> float:
    start = time.perf_counter()
    get_person(db, person_id)
    get_person_sections(db, person_id)
    placements_of_person(db, person_id)
    person_activity(db, person_id)
    return (time.perf_counter() - start) * 1000


def measure(db_path: Path) -> dict[str, float]:
    db = Database(db_path)
    migrator.upgrade(db)
    ids = random.Random(7).sample(range(1, 100_001), SAMPLES)
    open_person(db, ids[0])
    times = [open_person(db, person_id) for person_id in ids]
    db.dispose()
    times.sort()
    return {
        "open_person_p50_ms": statistics.median(times),
        "open_person_p95_ms": times[int(len(times) * 0.95) - 1],
        "open_person_max_ms": times[-1],
    }


def main() -> None:
    for name, value in measure(ensure_dataset()).items():
        print(f"{name:>22}: {value:7.1f}")


if __name__ == "__main__":
    main()

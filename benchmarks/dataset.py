"""The large demo dataset the benchmarks share: built once, reused while the schema matches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
PEOPLE = 100_000
SEED = 2026


def dataset_path(people: int = PEOPLE) -> Path:
    return DATA_DIR / f"demo-{people}.sqlite3"


def ensure_dataset(people: int = PEOPLE, *, rebuild: bool = False) -> Path:
    """Build ``demo-<people>.sqlite3`` with ``engagement-desk demo`` unless it is current."""
    from engagement_desk import migrator
    from engagement_desk.db import Database

    path = dataset_path(people)
    if path.exists() and not rebuild:
        db = Database(path)
        try:
            if migrator.check(db).ok:
                return path
        finally:
            db.dispose()
    DATA_DIR.mkdir(exist_ok=True)
    for stale in DATA_DIR.glob(f"{path.name}*"):
        stale.unlink()
    print(f"building {path.name} ({people} people) …", file=sys.stderr, flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "engagement_desk",
            "demo",
            "--db",
            str(path),
            "--people",
            str(people),
            "--seed",
            str(SEED),
        ],
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return path

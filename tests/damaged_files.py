"""Making a damaged copy of a real database that SQLite still opens."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from engagement_desk.services.opening import quick_check


def damage(path: Path, table: str = "person") -> None:
    """Overwrite the cell pointers of ``table``'s root page, in the middle of the file.

    The header and the schema on page 1 stay intact, so the file opens and only
    ``PRAGMA quick_check`` (or reading that table) finds the damage.
    """
    # read-write, so that closing it removes -wal and -shm (a read-only one keeps them)
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
    assert root > 1
    with open(path, "r+b") as stream:
        stream.seek((root - 1) * page_size + 12)
        stream.write(b"\xff" * 64)
    assert quick_check(path), "the overwritten page should be found by quick_check"

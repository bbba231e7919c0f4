#!/usr/bin/env python3
"""Autogenerate a migration from the models against a scratch database at head."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from engagement_desk import migrator
from engagement_desk.db import Database


def main() -> int:
    if len(sys.argv) != 2:
        print('Aufruf: python tools/new_migration.py "what changed"', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        db = Database(Path(scratch) / "scratch.sqlite3")
        migrator.upgrade(db)
        config = migrator.alembic_config()
        next_id = f"{int(migrator.head_revision()) + 1:04d}"
        with db.engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.revision(config, message=sys.argv[1], autogenerate=True, rev_id=next_id)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

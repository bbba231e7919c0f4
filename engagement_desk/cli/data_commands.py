"""``engagement-desk data export|import``: the interchange file."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path

from engagement_desk.cli.common import emit, open_database, translated_errors
from engagement_desk.services.wording import count_phrase


def register(subparsers: argparse._SubParsersAction, add_db_option) -> None:
    data_parser = subparsers.add_parser(
        "data", help="Gesamte Datenbank als JSON-Austauschdatei exportieren/importieren"
    )
    data_sub = data_parser.add_subparsers(dest="data_command", metavar="AKTION", required=True)

    export = data_sub.add_parser("export", help="Alle Daten in eine JSON-Datei schreiben")
    export.add_argument("file", type=Path, metavar="DATEI.json")
    add_db_option(export)
    export.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    export.set_defaults(handler=run_export)

    import_ = data_sub.add_parser(
        "import", help="JSON-Datei in eine leere Datenbank laden (alles oder nichts)"
    )
    import_.add_argument("file", type=Path, metavar="DATEI.json")
    add_db_option(import_)
    import_.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    import_.set_defaults(handler=run_import)


@contextlib.contextmanager
def _new_database_removed_on_failure(target: str | None) -> Iterator[None]:
    """A refused import into a path that held no database leaves none behind either
    (the database made for it is removed; an empty file stays empty)."""
    from engagement_desk.db import resolve_url
    from engagement_desk.services.opening import has_database

    url = resolve_url(target)
    path = Path(str(url.database)) if url.get_backend_name() == "sqlite" else None
    if path is None or has_database(path):
        yield
        return
    existed = path.exists()
    try:
        yield
    except BaseException:
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        if existed:
            path.write_bytes(b"")
        else:
            path.unlink(missing_ok=True)
        raise


def run_export(args: argparse.Namespace) -> int:
    from engagement_desk.services.interchange import export_database
    from engagement_desk.services.opening import Purpose

    # EXPORT: also out of a damaged file, which is then only read
    with open_database(args.db, purpose=Purpose.EXPORT) as db, translated_errors():
        summary = export_database(db, args.file)
    total = sum(summary.counts.values())
    emit(
        args,
        {"file": str(args.file), "counts": summary.counts},
        f"{count_phrase(total, 'Datensatz', 'Datensätze')} nach {args.file} exportiert.",
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from engagement_desk.services.interchange import import_database
    from engagement_desk.services.opening import Purpose

    with (
        _new_database_removed_on_failure(args.db),
        open_database(args.db, purpose=Purpose.CREATE) as db,
        translated_errors(),
    ):
        summary = import_database(db, args.file)
    total = sum(summary.counts.values())
    emit(
        args,
        {"file": str(args.file), "counts": summary.counts},
        f"{count_phrase(total, 'Datensatz', 'Datensätze')} aus {args.file} importiert.",
    )
    return 0

"""Export: the whole database into one interchange file, from one consistent snapshot."""

from __future__ import annotations

import gzip
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Table

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.services.audit import record_export
from engagement_desk.services.interchange.backend import (
    ordered_by_primary_key,
    require_current_schema,
    snapshot,
)
from engagement_desk.services.interchange.canonical import write_document
from engagement_desk.services.interchange.catalog import tables_by_name
from engagement_desk.services.interchange.codec import codec_for
from engagement_desk.services.interchange.envelope import (
    FORMAT_NAME,
    FORMAT_VERSION,
    InterchangeError,
)
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

FETCH_BATCH = 1000


@dataclass(frozen=True)
class ExportSummary:
    """Rows written per table, every table named."""

    counts: dict[str, int]


def export_database(
    db: Database, path: str | os.PathLike[str], *, progress: Progress = NO_PROGRESS
) -> ExportSummary:
    """Write the whole database to ``path``; an existing file is replaced only on success.

    The data goes to a temporary file beside the target (readable by its owner
    only: the file holds personal data) that is renamed over the target at the
    end, so a cancel, a full disk or a crash never leaves half a file.
    """
    target = Path(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    temp = Path(temp_name)
    try:
        with open(handle, "wb") as raw:
            if _compressed(target):
                with gzip.GzipFile(fileobj=raw, mode="wb") as packed:
                    summary = _export_to(db, packed, progress)
            else:
                summary = _export_to(db, raw, progress)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    people = summary.counts.get("person", 0)
    record_export(db, "*", None, ["Gesamtexport", f"{people} Personen"])
    return summary


def _compressed(target: Path) -> bool:
    return target.name.endswith(".gz")


def _export_to(db: Database, stream: BinaryIO, progress: Progress) -> ExportSummary:
    out = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    summary = _export(db, out.write, progress)
    out.flush()
    out.detach()  # the caller closes the file
    return summary


def export_bytes(db: Database, *, progress: Progress = NO_PROGRESS) -> bytes:
    """The interchange file's content, exactly as ``export_database`` writes it."""
    out = io.StringIO()
    _export(db, out.write, progress)
    return out.getvalue().encode("utf-8")


def _cannot_write(target: Path, exc: OSError) -> InterchangeError:
    return InterchangeError(
        f"Die Datei {target} kann nicht geschrieben werden: {exc.strerror or exc}."
    )


def _export(db: Database, write: Callable[[str], Any], progress: Progress) -> ExportSummary:
    tables = list(tables_by_name().values())
    counts = dict.fromkeys((table.name for table in tables), 0)
    with db.read_session() as session:
        connection = snapshot(session, db)
        require_current_schema(connection)
        header = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "schema_revision": migrator.head_revision(),
        }

        def each_table() -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
            for done, table in enumerate(tables):
                step(progress, done, len(tables), f"Exportiere {table.name}")
                yield table.name, _rows(connection, table, counts)

        write_document(write, header, each_table())
    progress.report(len(tables), len(tables), "Export abgeschlossen")
    return ExportSummary(counts)


def _rows(connection: Connection, table: Table, counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    fields = [(column.name, codec_for(column)) for column in table.columns]
    statement = ordered_by_primary_key(table, connection).execution_options(yield_per=FETCH_BATCH)
    for row in connection.execute(statement):
        counts[table.name] += 1
        yield {
            name: None if value is None else codec.encode(value)
            for (name, codec), value in zip(fields, row, strict=True)
        }

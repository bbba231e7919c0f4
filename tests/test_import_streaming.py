"""``data import`` streams the file: a large export goes in row by row, all or nothing,
and the planner's statistics are fresh afterwards."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Person
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.interchange import export_database, import_database
from engagement_desk.services.interchange import importer as importer_module

ENTRIES = 3000


def _office(db: Database, people: int = 40) -> None:
    """People with many hours entries: enough rows for several staging batches."""
    with db.session() as session:
        ids = [
            session.execute(
                insert(Person).values(first_name=f"Vorname{n}", last_name=f"Name{n}")
            ).inserted_primary_key[0]
            for n in range(people)
        ]
        session.execute(
            insert(HoursEntry),
            [
                {
                    "person_id": ids[n % people],
                    "on_date": dt.date(2026, 1, 1) + dt.timedelta(days=n % 300),
                    "hours": Decimal("1.5"),
                    "activity": "Lesepatenschaft",
                }
                for n in range(ENTRIES)
            ],
        )


def _counts(db: Database) -> tuple[int, int]:
    with db.read_session() as session:
        return (
            session.scalar(select(func.count()).select_from(Person)),
            session.scalar(select(func.count()).select_from(HoursEntry)),
        )


@pytest.fixture
def export_file(tmp_path: Path, migrated_copy: Callable[[Path], Database]) -> Callable[[str], Path]:
    source = migrated_copy(tmp_path / "source.sqlite3")
    _office(source)

    def export(name: str) -> Path:
        path = tmp_path / name
        export_database(source, path)
        return path

    yield export
    source.dispose()


def _never_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    def whole(*_args, **_kwargs):
        raise AssertionError("the file was read whole instead of streamed")

    monkeypatch.setattr(importer_module, "_import_whole", whole)


@pytest.mark.parametrize("name", ["office.json", "office.json.gz"])
def test_an_export_is_streamed_in_and_analyzed(
    any_db: Database, export_file, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    path = export_file(name)
    if name.endswith(".gz"):
        assert path.read_bytes()[:2] == b"\x1f\x8b"
    _never_whole(monkeypatch)

    summary = import_database(any_db, path)

    assert summary.counts["hours_entry"] == ENTRIES
    assert _counts(any_db) == (40, ENTRIES)
    with any_db.read_session() as session:
        if any_db.is_sqlite:
            analyzed = session.execute(
                text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'hours_entry'")
            ).scalar()
            assert analyzed > 0
        else:
            analyzed = session.execute(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'hours_entry'")
            ).scalar()
            assert analyzed is not None


def _rewrite(path: Path, change: Callable[[dict], None]) -> Path:
    document = json.loads(path.read_bytes())
    change(document)
    changed = path.with_name("changed.json")
    changed.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True))
    return changed


def test_a_bad_row_in_the_middle_names_the_row_and_writes_nothing(
    any_db: Database, export_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    def spoil(document: dict) -> None:
        document["tables"]["hours_entry"][1700]["hours"] = "1,5 Stunden"

    path = _rewrite(export_file("office.json"), spoil)
    _never_whole(monkeypatch)
    before = _counts(any_db)

    with pytest.raises(ServiceError, match=r"hours_entry\[1700\]\.hours"):
        import_database(any_db, path)

    assert _counts(any_db) == before


def test_a_reference_to_nobody_in_the_middle_writes_nothing(
    any_db: Database, export_file, monkeypatch: pytest.MonkeyPatch
) -> None:
    def spoil(document: dict) -> None:
        document["tables"]["hours_entry"][2222]["person_id"] = 999_999

    path = _rewrite(export_file("office.json"), spoil)
    _never_whole(monkeypatch)
    before = _counts(any_db)

    with pytest.raises(ServiceError, match=r"hours_entry\[2222\]\.person_id: .*999999"):
        import_database(any_db, path)

    assert _counts(any_db) == before


def test_a_duplicate_key_names_both_rows(any_db: Database, export_file) -> None:
    def spoil(document: dict) -> None:
        rows = document["tables"]["hours_entry"]
        rows[2500]["id"] = rows[12]["id"]

    path = _rewrite(export_file("office.json"), spoil)

    with pytest.raises(ServiceError, match=r"hours_entry\[2500\].*wie in hours_entry\[12\]"):
        import_database(any_db, path)

    assert _counts(any_db) == (0, 0)


def test_a_cut_off_compressed_file_is_refused_and_writes_nothing(db: Database, export_file) -> None:
    whole = gzip.decompress(export_file("office.json.gz").read_bytes())
    cut = export_file("office.json").with_name("cut.json.gz")
    cut.write_bytes(gzip.compress(whole[: len(whole) // 2]))

    with pytest.raises(ServiceError, match="kein gültiges JSON"):
        import_database(db, cut)

    assert _counts(db) == (0, 0)

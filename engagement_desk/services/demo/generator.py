"""Fill an empty database with a realistic volunteer agency in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, func, literal, select

from engagement_desk.db import Database
from engagement_desk.models import HoursMonthTotal, HoursYearTotal, metadata
from engagement_desk.services.defaults import clear_untouched_defaults
from engagement_desk.services.demo.agency import generate_agency
from engagement_desk.services.demo.clock import Clock
from engagement_desk.services.demo.context import Context
from engagement_desk.services.demo.events import generate_events
from engagement_desk.services.demo.hours import generate_hours
from engagement_desk.services.demo.organizations import generate_organizations
from engagement_desk.services.demo.people import generate_people
from engagement_desk.services.demo.placements import generate_placements
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.pools import Pools
from engagement_desk.services.demo.rides import generate_rides
from engagement_desk.services.demo.writer import Writer
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

STAGES = (
    "Personen",
    "Agentur und Engagement-Zentren",
    "Vereine und Engagementangebote",
    "Vermittlungen",
    "Fahrdienst",
    "Veranstaltungen",
    "Einsatzstunden",
    "Speichern",
)
# Bulk inserts into indexed tables slow down badly once SQLite's page cache
# (2 MB by default) is smaller than the indexes being filled.
SQLITE_CACHE_KIB = 256 * 1024


class DemoDatabaseNotEmpty(ServiceError):
    """Demo data goes only into an empty database; nothing was changed."""

    def __init__(self, tables: Sequence[str]):
        self.tables = tuple(tables)
        shown = ", ".join(self.tables[:5]) + (" …" if len(self.tables) > 5 else "")
        super().__init__(
            f"Die Datenbank enthält bereits Daten (Tabellen: {shown}). Demo-Daten werden nur "
            "in eine leere Datenbank geschrieben; es wurde nichts verändert."
        )


@dataclass(frozen=True)
class DemoSummary:
    """Rows written per table (every table of the schema, zero included)."""

    counts: dict[str, int]


class _Reporter:
    def __init__(self, progress: Progress):
        self.progress = progress
        self.current = 0

    def stage(self, index: int) -> None:
        self.current = index
        step(self.progress, index, len(STAGES), STAGES[index])

    def tick(self) -> None:
        step(self.progress, self.current, len(STAGES), STAGES[self.current])


def tables_with_rows(connection: Connection) -> list[str]:
    return [
        table.name
        for table in metadata.sorted_tables
        if connection.execute(select(literal(1)).select_from(table).limit(1)).first()
    ]


@contextmanager
def _large_cache(connection: Connection, is_sqlite: bool) -> Iterator[None]:
    if not is_sqlite:
        yield
        return
    previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())
    connection.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {previous}")


def _generate(ctx: Context, plan: Plan, reporter: _Reporter) -> None:
    population = generate_people(ctx, plan)
    reporter.stage(1)
    agency = generate_agency(ctx, population)
    centers = agency.centers
    reporter.stage(2)
    organizations = generate_organizations(ctx, plan, centers, population)
    reporter.stage(3)
    engagements = generate_placements(ctx, plan, population, organizations)
    reporter.stage(4)
    ride_work = generate_rides(ctx, population, centers, organizations)
    reporter.stage(5)
    event_work = generate_events(ctx, population, agency, organizations)
    reporter.stage(6)
    generate_hours(
        ctx, plan, population, organizations, centers, engagements, ride_work + event_work
    )
    reporter.stage(7)


def generate_demo(
    db: Database,
    *,
    people: int = 2000,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    replace: bool = False,
) -> DemoSummary:
    """Write a demo agency with about ``people`` people into an empty database.

    The same ``seed`` and ``today`` give the same database, row for row. Raises
    ``DemoDatabaseNotEmpty`` if any table has rows and ``Cancelled`` when the
    user cancels; either way nothing is written. ``replace`` first empties the
    database in the same transaction: only for the demo database, grown stale.
    """
    if people < 1:
        raise ServiceError("Die Anzahl der Personen muss mindestens 1 sein.")
    plan = Plan.for_people(people)
    clock = Clock(today or dt.date.today())
    reporter = _Reporter(progress)
    reporter.stage(0)
    with db.session() as session:
        connection = session.connection()
        if replace:
            for table in reversed(metadata.sorted_tables):
                connection.execute(table.delete())
        clear_untouched_defaults(connection)
        filled = tables_with_rows(connection)
        if filled:
            raise DemoDatabaseNotEmpty(filled)
        with _large_cache(connection, db.is_sqlite):
            writer = Writer(connection, before_flush=reporter.tick)
            _generate(Context(writer, clock, Pools(seed), seed), plan, reporter)
            writer.flush()
            writer.sync_sequences()
        counts = dict(writer.counts)
        # Kept by triggers, not written by the generator (migrations 0014, 0017).
        for summary in (HoursYearTotal, HoursMonthTotal):
            counts[summary.__tablename__] = connection.execute(
                select(func.count()).select_from(summary)
            ).scalar_one()
    progress.report(len(STAGES), len(STAGES), "Fertig")
    return DemoSummary(counts)

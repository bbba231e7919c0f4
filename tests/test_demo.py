"""The demo agency: complete, plausible, deterministic, and only ever in an empty database."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from sqlalchemy import func, insert, select

from engagement_desk.cli import main
from engagement_desk.db import Database
from engagement_desk.models import (
    Consent,
    Event,
    EventQuestion,
    HoursEntry,
    MobilityNeeds,
    Organization,
    Person,
    PersonRole,
    Placement,
    Registration,
    Ride,
    StandingOrder,
    metadata,
)
from engagement_desk.models.enums import (
    ConsentPurpose,
    EventKind,
    RegistrationRole,
    RegistrationStatus,
    Role,
)
from engagement_desk.services.demo import DemoDatabaseNotEmpty, generate_demo
from engagement_desk.services.demo import generator as demo_generator
from engagement_desk.services.demo.plan import Plan
from engagement_desk.services.demo.recurrence import Recurrence
from engagement_desk.services.demo.writer import Writer
from engagement_desk.services.errors import Cancelled

TODAY = dt.date(2026, 3, 18)
PEOPLE = 300
SEED = 7

# Every table someone opening the demo expects to find filled.
_EXPECTED = """
    person person_role person_tag consent consent_event availability absence mobility_needs center
    organization organization_center organization_contact opportunity opportunity_skill
    placement placement_step ride_service vehicle driver_profile driver_preference
    standing_order standing_order_pause ride ride_passenger standby_driver event shift
    registration event_question hours_entry certificate_template agency_settings signatory
"""
EXPECTED_TABLES = _EXPECTED.split()


def _count(db: Database, table: Any, *where: Any) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(table).where(*where)) or 0


def _all_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read_session() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
        }


def _raw_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Rows as the database stores them, without SQLAlchemy's result conversion."""
    with db.read_session() as session:
        connection = session.connection()
        return {
            table.name: [
                tuple(row)
                for row in connection.exec_driver_sql(f'SELECT * FROM "{table.name}" ORDER BY 1')
            ]
            for table in metadata.sorted_tables
        }


@pytest.fixture(scope="module")
def demo(
    tmp_path_factory: pytest.TempPathFactory, migrated_copy: Callable[[Path], Database]
) -> Iterator[tuple[Database, dict[str, int]]]:
    database = migrated_copy(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    summary = generate_demo(database, people=PEOPLE, seed=SEED, today=TODAY)
    yield database, summary.counts
    database.dispose()


@pytest.fixture(scope="module")
def demo_rows(demo: tuple[Database, dict[str, int]]) -> dict[str, list[tuple[Any, ...]]]:
    return _all_rows(demo[0])


def test_small_demo_fills_every_table_a_person_expects(demo):
    db, counts = demo
    empty = [name for name in EXPECTED_TABLES if _count(db, metadata.tables[name]) == 0]
    assert empty == []
    for table in metadata.sorted_tables:
        assert counts[table.name] == _count(db, table), table.name


def test_head_counts_follow_the_number_of_people(demo):
    db, _ = demo
    assert _count(db, Person) == PEOPLE
    roles = {role: _count(db, PersonRole, PersonRole.role == role) for role in Role}
    assert roles[Role.STAFF] == 3
    assert roles[Role.DRIVER] == 12  # 4 %
    assert roles[Role.PASSENGER] == 60  # 20 %
    assert 0.55 * PEOPLE <= roles[Role.VOLUNTEER] <= 0.75 * PEOPLE
    assert roles[Role.SPONSOR] >= 3
    assert _count(db, Organization) == 20  # the minimum

    small, large = Plan.for_people(200), Plan.for_people(100_000)
    assert (small.people, small.organizations, small.drivers) == (200, 20, 8)
    assert (large.people, large.drivers, large.passengers) == (100_000, 4000, 20_000)
    assert large.organizations == 600
    assert large.placements == round(large.volunteers_only / 4)


def test_people_have_roles_needs_and_consents(demo):
    db, _ = demo
    assert _count(db, MobilityNeeds, MobilityNeeds.wheelchair.is_(True)) > 0
    assert _count(db, MobilityNeeds, MobilityNeeds.rollator.is_(True)) > 0
    assert _count(db, MobilityNeeds, MobilityNeeds.escort.is_(True)) > 0
    for purpose in ConsentPurpose:
        assert _count(db, Consent, Consent.purpose == purpose) > 0, purpose
    assert _count(db, Consent, Consent.purpose == ConsentPurpose.STORAGE) >= 0.9 * PEOPLE
    assert _count(db, Consent, Consent.withdrawn_on.is_not(None)) > 0
    with db.read_session() as session:
        mismatched = session.scalar(
            select(func.count())
            .select_from(StandingOrder)
            .join(MobilityNeeds, MobilityNeeds.person_id == StandingOrder.passenger_id)
            .where(StandingOrder.wheelchair != MobilityNeeds.wheelchair)
        )
        ages = session.scalars(
            select(Person.birth_date).join(PersonRole).where(PersonRole.role == Role.PASSENGER)
        ).all()
    assert mismatched == 0
    assert all(70 <= TODAY.year - born.year <= 96 for born in ages)


def test_some_names_need_more_than_latin1(demo):
    db, _ = demo
    with db.read_session() as session:
        names = [
            f"{first} {last}"
            for first, last in session.execute(select(Person.first_name, Person.last_name))
        ]

    def latin1(name: str) -> bool:
        try:
            name.encode("latin-1")
        except UnicodeEncodeError:
            return False
        return True

    outside = [name for name in names if not latin1(name)]
    assert "Şükrü Ağaoğlu" in outside
    assert "Łucja Wąsowska" in outside
    assert any("\u0400" <= c <= "\u04ff" for name in outside for c in name)  # Cyrillic


def test_events_of_every_kind_with_what_belongs_to_them(demo):
    db, _ = demo
    with db.read_session() as session:
        kinds = set(session.scalars(select(Event.kind).distinct()))
        training = session.execute(
            select(Event.hours_credit, Event.trainer).where(Event.kind == EventKind.TRAINING)
        ).first()
        meeting = session.execute(
            select(Event.agenda, Event.minutes, Event.next_meeting_on)
            .where(Event.kind == EventKind.WORKING_GROUP, Event.starts_at < dt.datetime(2026, 3, 1))
            .order_by(Event.starts_at.desc())
        ).first()
        recognition_roles = set(
            session.scalars(
                select(Registration.role).join(Event).where(Event.kind == EventKind.RECOGNITION)
            )
        )
        statuses = set(session.scalars(select(Registration.status).distinct()))
        stands = session.scalars(
            select(Registration.stand).where(Registration.role == RegistrationRole.EXHIBITOR)
        ).all()
    assert kinds == set(EventKind)
    assert training is not None and training.hours_credit > 0 and training.trainer
    assert meeting is not None and meeting.agenda and meeting.minutes and meeting.next_meeting_on
    assert {RegistrationRole.NOMINEE, RegistrationRole.SPONSOR, RegistrationRole.GUEST} <= (
        recognition_roles
    )
    assert {
        RegistrationStatus.WAITING_LIST,
        RegistrationStatus.ATTENDED,
        RegistrationStatus.NO_SHOW,
    } <= statuses
    assert any(stands)
    assert _count(db, EventQuestion) > 0


def test_follow_up_calls_for_the_next_two_weeks(demo):
    db, _ = demo
    due = _count(
        db, Placement, Placement.follow_up_on.between(TODAY, TODAY + dt.timedelta(days=14))
    )
    assert due > 0


def test_hours_spread_from_a_handful_to_the_ehrenamtskarte(demo):
    db, _ = demo
    last_year = (dt.date(TODAY.year - 1, 1, 1), dt.date(TODAY.year - 1, 12, 31))
    with db.read_session() as session:
        totals = session.scalars(
            select(func.sum(HoursEntry.hours))
            .where(HoursEntry.on_date.between(*last_year))
            .group_by(HoursEntry.person_id)
        ).all()
        sources = set(session.scalars(select(HoursEntry.source).distinct()))
    assert any(total > 250 for total in totals)
    assert sum(20 <= total <= 100 for total in totals) >= 10
    assert {"manual", "ride", "event"} <= {str(s) for s in sources}


def test_rides_and_timestamps_come_from_today_not_the_clock(demo, demo_rows):
    db, _ = demo
    end_of_today = dt.datetime.combine(TODAY, dt.time(23, 59), tzinfo=dt.UTC)
    stamps = [
        value
        for rows in demo_rows.values()
        for row in rows
        for value in row
        if isinstance(value, dt.datetime) and value.tzinfo is not None
    ]
    assert stamps and max(stamps) <= end_of_today
    with db.read_session() as session:
        first, last = session.execute(
            select(func.min(Ride.ride_date), func.max(Ride.ride_date))
        ).one()
    next_sunday = TODAY + dt.timedelta(days=13 - TODAY.weekday())
    assert TODAY - dt.timedelta(days=60) <= first and TODAY < last <= next_sunday


def test_same_seed_and_day_give_the_same_database(tmp_path, demo_rows, migrated_copy):
    again = migrated_copy(tmp_path / "again.sqlite3")
    generate_demo(again, people=PEOPLE, seed=SEED, today=TODAY)
    assert _all_rows(again) == demo_rows
    again.dispose()


def test_another_seed_gives_other_people(tmp_path, demo_rows, migrated_copy):
    other = migrated_copy(tmp_path / "other.sqlite3")
    generate_demo(other, people=PEOPLE, seed=SEED + 1, today=TODAY)
    rows = _all_rows(other)
    other.dispose()
    assert len(rows["person"]) == len(demo_rows["person"])
    assert rows["person"] != demo_rows["person"]


def test_fast_sqlite_path_stores_what_core_insert_stores(
    tmp_path, monkeypatch, demo, migrated_copy
):
    core = migrated_copy(tmp_path / "core.sqlite3")
    monkeypatch.setattr(demo_generator, "Writer", functools.partial(Writer, driver_sql=False))
    generate_demo(core, people=PEOPLE, seed=SEED, today=TODAY)
    assert _raw_rows(core) == _raw_rows(demo[0])
    core.dispose()


NEW_DATABASE_ROWS = {"agency_settings": 1, "certificate_template": 3, "letter_template": 2}
"""The default rows migrations 0003 and 0013 write; demo data replaces them."""


def test_refuses_a_database_that_has_data_and_leaves_it_alone(db):
    with db.session() as session:
        session.execute(
            insert(Organization),
            [
                {
                    "id": 1,
                    "name": "Musikverein Harmonie",
                    "kind": "club",
                    "created_at": dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC),
                    "updated_at": dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC),
                }
            ],
        )
    with pytest.raises(DemoDatabaseNotEmpty, match="enthält bereits Daten") as caught:
        generate_demo(db, people=200, seed=1, today=TODAY)
    assert caught.value.tables == ("organization",)
    assert {name: len(rows) for name, rows in _all_rows(db).items() if rows} == {
        "organization": 1,
        **NEW_DATABASE_ROWS,
    }


class _CancelAfter:
    def __init__(self, reports: int):
        self.reports = reports
        self.seen: list[str] = []

    @property
    def cancelled(self) -> bool:
        return len(self.seen) >= self.reports

    def report(self, done: int, total: int, text: str = "") -> None:
        self.seen.append(text)


def test_cancel_writes_nothing(db):
    progress = _CancelAfter(reports=3)
    with pytest.raises(Cancelled):
        generate_demo(db, people=200, seed=1, today=TODAY, progress=progress)
    assert progress.seen[0] == "Personen"
    assert {name: len(rows) for name, rows in _all_rows(db).items() if rows} == NEW_DATABASE_ROWS


def test_cli_fills_a_new_database(tmp_path, capsys):
    path = tmp_path / "cli.sqlite3"
    assert main(["demo", "--db", str(path), "--people", "300", "--seed", "1"]) == 0
    assert "Demo-Daten erzeugt" in capsys.readouterr().out
    db = Database(path)
    assert _count(db, Person) == 300
    db.dispose()


def test_cli_refuses_to_fill_twice(tmp_path, capsys):
    path = tmp_path / "twice.sqlite3"
    assert main(["demo", "--db", str(path), "--people", "200"]) == 0
    assert main(["demo", "--db", str(path), "--people", "200"]) == 1
    assert "enthält bereits Daten" in capsys.readouterr().err


def test_recurrence_rules_mean_what_dateutil_reads():
    rng = random.Random(3)
    for _ in range(200):
        kind = rng.random()
        if kind < 0.3:
            rule = Recurrence((rng.randrange(5),), nth=rng.randint(1, 4))
        elif kind < 0.6:
            rule = Recurrence((rng.randrange(5),), interval=rng.choice((2, 4)))
        else:
            rule = Recurrence(tuple(sorted(rng.sample(range(5), rng.randint(1, 3)))))
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        first = start + dt.timedelta(days=rng.randrange(-30, 300))
        days = [first + dt.timedelta(days=n) for n in range(70)]
        expected = {
            moment.date()
            for moment in rrulestr(
                rule.rrule, dtstart=dt.datetime.combine(start, dt.time())
            ).between(
                dt.datetime.combine(days[0], dt.time()),
                dt.datetime.combine(days[-1], dt.time()),
                inc=True,
            )
        }
        assert {day for day in days if rule.occurs_on(day, start)} == expected, rule.rrule


@pytest.mark.postgres
def test_postgresql_gets_the_same_demo_and_its_sequences_move_on(pg_db, tmp_path, migrated_copy):
    sqlite = migrated_copy(tmp_path / "same.sqlite3")
    generate_demo(sqlite, people=200, seed=SEED, today=TODAY)
    summary = generate_demo(pg_db, people=200, seed=SEED, today=TODAY)
    assert _all_rows(pg_db) == _all_rows(sqlite)
    sqlite.dispose()
    with pg_db.session() as session:
        new_id = session.scalar(
            insert(Organization).values(name="Neuer Verein", kind="club").returning(Organization.id)
        )
    assert new_id == summary.counts["organization"] + 1

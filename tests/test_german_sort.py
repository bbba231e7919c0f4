"""Lists sort names as a German dictionary does (DIN 5007-1), in the database.

Ä sorts with A, ß as ss, case and accents do not count; the record id breaks ties.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Organization, Person
from engagement_desk.models.sort_keys import german_sort_key
from engagement_desk.services.demo.writer import Writer
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.clubs import list_organizations
from engagement_desk.services.people.persons import (
    PEOPLE_COLUMNS,
    PersonInput,
    get_person,
    list_people,
    update_person,
)
from tests.builders import add_person, new_club, new_person


def last_names(db: Database, **query) -> list[str]:
    page = list_people(db, ListQuery(sort_key="last_name", **query))
    return [db_name(db, person_id) for person_id in page.ids]


def db_name(db: Database, person_id: int) -> str:
    with db.read_session() as session:
        return session.get(Person, person_id).last_name


@pytest.mark.parametrize(
    ("text_", "key"),
    [
        ("Ärger", "arger"),
        ("Strauß", "strauss"),
        ("STRASSE", "strasse"),
        ("Émile", "emile"),
        ("Øresund", "oresund"),
        ("  Müller ", "muller"),
        ("", ""),
        (None, ""),
    ],
)
def test_the_key_folds_as_din_5007_1(text_: str | None, key: str) -> None:
    assert german_sort_key(text_) == key


def test_people_sort_in_german_order_on_both_databases(any_db: Database) -> None:
    for name in ("Auto", "zander", "Ärger", "apfel", "Strauss", "Émile", "Strauß", "Emile", "Zahn"):
        new_person(any_db, name)
    assert last_names(any_db) == [
        "apfel",
        "Ärger",
        "Auto",
        "Émile",
        "Emile",  # equal keys: the older record first
        "Strauss",
        "Strauß",
        "Zahn",
        "zander",
    ]
    assert last_names(any_db, descending=True)[:3] == ["zander", "Zahn", "Strauß"]


def test_first_names_and_towns_sort_the_same_way(any_db: Database) -> None:
    new_person(any_db, "Weber", "Ömer", city="Öhringen")
    new_person(any_db, "Weber", "Otto", city="Offenbach")
    new_person(any_db, "Weber", "olga", city="Oberursel")
    by_first = list_people(any_db, ListQuery(sort_key="first_name"))
    by_city = list_people(any_db, ListQuery(sort_key="city"))
    keys = [column.key for column in PEOPLE_COLUMNS]
    first, city = keys.index("first_name"), keys.index("city")
    assert [row[first] for row in by_first.rows] == ["olga", "Ömer", "Otto"]
    assert [row[city] for row in by_city.rows] == ["Oberursel", "Offenbach", "Öhringen"]


def test_a_renamed_person_moves_to_the_new_place(any_db: Database) -> None:
    new_person(any_db, "Becker")
    moved = new_person(any_db, "Zimmermann")
    current = get_person(any_db, moved)
    update_person(
        any_db,
        moved,
        PersonInput(last_name="Ärmel", first_name="Anna"),
        expected_version=current.version,
    )
    assert last_names(any_db) == ["Ärmel", "Becker"]


def test_rows_written_without_the_orm_get_their_keys(db: Database) -> None:
    with db.session() as session:
        session.execute(insert(Person), [{"last_name": "Ölmann"}, {"last_name": "Oberst"}])
        keys = session.scalars(select(Person.last_name_key).order_by(Person.id)).all()
    assert keys == ["olmann", "oberst"]


def test_the_demo_writer_fills_keys(db: Database) -> None:
    with db.engine.begin() as connection:
        writer = Writer(connection)
        writer.add(
            Person.__table__,
            {
                "id": 900,
                "first_name": "Jürgen",
                "last_name": "Weiß",
                "city": "Köln",
                "notes": "",
                "status": "active",
                "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                "updated_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            },
        )
        writer.flush()
    with db.read_session() as session:
        person = session.get(Person, 900)
        assert (person.last_name_key, person.first_name_key, person.city_key) == (
            "weiss",
            "jurgen",
            "koln",
        )


def test_clubs_sort_in_german_order(any_db: Database) -> None:
    for name in ("Turnverein", "Ökumenischer Besuchsdienst", "obstbauverein", "Offene Tür"):
        new_club(any_db, name)
    page = list_organizations(any_db, ListQuery(sort_key="name"))
    with any_db.read_session() as session:
        names = [session.get(Organization, i).name for i in page.ids]
    assert names == ["obstbauverein", "Offene Tür", "Ökumenischer Besuchsdienst", "Turnverein"]


def test_the_migration_fills_keys_of_existing_rows(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0008")
        with db.engine.begin() as connection:
            for i, name in enumerate(("Zöllner", "Äbt", "Strauß"), start=1):
                connection.execute(
                    text(
                        "INSERT INTO person (id, last_name, first_name, city, notes, status, "
                        "created_at, updated_at, version) VALUES (:id, :name, 'Änne', 'Übach', "
                        "'', 'active', '2026-01-01', '2026-01-01', 1)"
                    ),
                    {"id": i, "name": name},
                )
        migrator.upgrade(db, target="0009")
        with db.engine.connect() as connection:
            keys = connection.execute(
                text("SELECT last_name_key, first_name_key, city_key FROM person ORDER BY id")
            ).all()
        assert [tuple(k) for k in keys] == [
            ("zollner", "anne", "ubach"),
            ("abt", "anne", "ubach"),
            ("strauss", "anne", "ubach"),
        ]
        migrator.upgrade(db)  # the program's model is the latest schema's
        add_person(db, "Anna", "Zeller")  # the program keeps them from here
        assert last_names(db) == ["Äbt", "Strauß", "Zeller", "Zöllner"]
    finally:
        db.dispose()


def test_ride_services_and_vehicles_sort_in_german_order(any_db: Database) -> None:
    from engagement_desk.services.rides.services_admin import (
        RideServiceInput,
        create_ride_service,
        list_ride_service_records,
    )
    from engagement_desk.services.rides.vehicles import (
        VehicleInput,
        create_vehicle,
        list_vehicles,
    )

    for name in ("Zahnarztfahrten", "Ärztefahrten", "einkaufsfahrten", "Impffahrten"):
        create_ride_service(any_db, RideServiceInput(name=name))
    for label in ("VW Caddy", "Opel Zafira", "Ölfass-Transporter", "audi A3"):
        create_vehicle(any_db, VehicleInput(label=label))

    services = [s.name for s in list_ride_service_records(any_db)]
    assert services == ["Ärztefahrten", "einkaufsfahrten", "Impffahrten", "Zahnarztfahrten"]
    vehicles = [v.label for v in list_vehicles(any_db)]
    assert vehicles == ["audi A3", "Ölfass-Transporter", "Opel Zafira", "VW Caddy"]


def test_migration_0011_fills_the_keys_of_existing_ride_services(tmp_path: Path) -> None:
    db = Database(tmp_path / "older.sqlite3")
    try:
        migrator.upgrade(db, target="0010")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO ride_service (id, name, kind, operating_days, "
                    "default_duration_minutes, runs_on_holidays, status, version) "
                    "VALUES (1, 'Ärztefahrten', 'weekly', '01234', 60, false, 'active', 1)"
                )
            )
        migrator.upgrade(db)
        with db.engine.connect() as connection:
            key = connection.execute(text("SELECT name_key FROM ride_service")).scalar_one()
        assert key == "arztefahrten"
    finally:
        db.dispose()

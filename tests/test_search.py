"""Global search (Ctrl+K): what the office types, what it finds, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interchange_fixture import populate_all_tables
from sqlalchemy import MetaData, Table, delete, insert, text

from engagement_desk import migrator
from engagement_desk.db import Database
from engagement_desk.models import Event, Opportunity, Organization, Person
from engagement_desk.models.enums import EventKind, Role
from engagement_desk.services.interchange import export_database, import_database
from engagement_desk.services.organizations.clubs import (
    OrganizationInput,
    archive_organization,
    create_organization,
    update_organization,
)
from engagement_desk.services.organizations.opportunities import (
    OpportunityInput,
    create_opportunity,
)
from engagement_desk.services.people.persons import (
    PersonInput,
    archive_person,
    create_person,
    update_person,
)
from engagement_desk.services.search import SearchHit, search_everything
from engagement_desk.services.search.ranking import shares

NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)

HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "-",
    "--",
    ":",
    "title:",
    "a:b",
    "(",
    "())",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b, 2)",
    "müller AND",
    "weber OR *",
    '"Müller"*',
    "^mül",
    "{title}: x",
    "a & b | !c",
    "a <-> b",
    "'müller':*",
    "\\",
    "%_",
    "ÄÖÜäöüß",
    "🙂",
    "\x00",
    "Ǆ",
    "ﬁ",
    "u\u0308ller",
    "+",
    "+49",
    "(0)",
    "x" * 500,
    " ".join("abcdefghijklmnopqrstuvwxyz"),
]


def person_row(person_id: int, last_name: str, **values: Any) -> dict[str, Any]:
    """A row for a Core insert of ``person``, as the demo generator and the import write."""
    row: dict[str, Any] = {
        "id": person_id,
        "salutation": "",
        "title": "",
        "first_name": "",
        "last_name": last_name,
        "street": "",
        "postal_code": "",
        "city": "",
        "phone": "",
        "mobile": "",
        "email": "",
        "notes": "",
        "status": "active",
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
    }
    row.update(values)
    return row


def organization_row(organization_id: int, name: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": organization_id,
        "name": name,
        "kind": "club",
        "city": "",
        "description": "",
        "may_publish": False,
        "status": "active",
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
    }
    row.update(values)
    return row


def event_row(event_id: int, title: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": event_id,
        "kind": EventKind.OTHER,
        "title": title,
        "starts_at": dt.datetime(2026, 5, 9, 10, 0),
        "ends_at": dt.datetime(2026, 5, 9, 16, 0),
        "place": "",
        "description": "",
        "is_public": True,
        "trainer": "",
        "agenda": "",
        "minutes": "",
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
    }
    row.update(values)
    return row


def insert_rows(db: Database, model: Any, rows: list[dict[str, Any]]) -> None:
    """Rows as the database's current schema takes them (older revisions lack later columns)."""
    with db.session() as session:
        stored = Table(model.__tablename__, MetaData(), autoload_with=session.connection())
        session.execute(insert(stored), rows)


def found(db: Database, typed: str, **options: Any) -> list[tuple[str, int]]:
    return [(hit.kind, hit.record_id) for hit in search_everything(db, typed, **options)]


def titles(db: Database, typed: str, **options: Any) -> list[str]:
    return [hit.title for hit in search_everything(db, typed, **options)]


@pytest.fixture
def weber(any_db: Database) -> int:
    return create_person(
        any_db,
        PersonInput(
            first_name="Hildegard",
            last_name="Weber",
            city="Bitburg",
            postal_code="54634",
            phone="06561 1234",
            mobile="0171 5550123",
            email="h.weber@example.org",
            roles=frozenset({Role.PASSENGER, Role.VOLUNTEER}),
        ),
    ).id


def test_person_found_by_name_prefix_ignoring_case_and_accents(any_db: Database) -> None:
    person = create_person(any_db, PersonInput(first_name="Jürgen", last_name="Müller"))
    create_person(any_db, PersonInput(first_name="Anna", last_name="Mayer"))
    for typed in ("mull", "Mül", "MÜLLER", "muller", "mu\u0308ll", "jurg mul", "Jürgen M"):
        assert found(any_db, typed) == [("person", person.id)], typed


def test_person_hit_says_where_to_jump_and_who_it_is(any_db: Database, weber: int) -> None:
    (hit,) = search_everything(any_db, "hildeg web")
    assert hit == SearchHit(
        kind="person",
        record_id=weber,
        title="Hildegard Weber",
        detail="Bitburg · Ehrenamtliche/r, Fahrgast",
        score=2.0,
        archived=False,
    )


def test_person_found_by_phone_digits_with_or_without_spaces(any_db: Database, weber: int) -> None:
    create_person(any_db, PersonInput(last_name="Schmitz", phone="06562 9876"))
    for typed in (
        "065611234",
        "06561 1234",
        "06561/1234",
        "06561-12",
        "+49 6561 1234",
        "(06561) 1234",
        "1234",
        "0171555",
        "0171 5550123",
    ):
        assert found(any_db, typed) == [("person", weber)], typed


def test_person_found_by_town_postal_code_and_email(any_db: Database, weber: int) -> None:
    for typed in ("bitb", "54634", "h.weber@example", "example.org", "Bitburg 546"):
        assert found(any_db, typed) == [("person", weber)], typed


def test_sharp_s_and_ss_find_each_other(any_db: Database) -> None:
    weiss = create_person(any_db, PersonInput(last_name="Weiß")).id
    strauss = create_person(any_db, PersonInput(last_name="Strauss")).id
    assert found(any_db, "weiss") == [("person", weiss)]
    assert found(any_db, "WEISS") == [("person", weiss)]
    assert found(any_db, "strauß") == [("person", strauss)]


def test_renamed_person_is_found_under_the_new_name_only(any_db: Database, weber: int) -> None:
    record = update_person(
        any_db,
        weber,
        PersonInput(first_name="Hildegard", last_name="Schneider", city="Prüm"),
        expected_version=1,
    )
    assert record.last_name == "Schneider"
    assert found(any_db, "schneid") == [("person", weber)]
    assert found(any_db, "prum") == [("person", weber)]
    assert found(any_db, "weber") == []
    assert found(any_db, "bitburg") == []


def test_archived_person_is_found_but_after_current_ones(any_db: Database) -> None:
    old = create_person(any_db, PersonInput(first_name="Anna", last_name="Weber"))
    current = create_person(any_db, PersonInput(first_name="Zoe", last_name="Weber"))
    archive_person(any_db, old.id, expected_version=old.version)

    hits = search_everything(any_db, "weber")

    assert [(hit.record_id, hit.archived) for hit in hits] == [(current.id, False), (old.id, True)]
    assert hits[1].detail == "archiviert"
    assert hits[0].score > hits[1].score


def test_deleted_organization_disappears(any_db: Database) -> None:
    tafel = create_organization(any_db, OrganizationInput(name="Bitburger Tafel", city="Bitburg"))
    assert found(any_db, "tafel") == [("organization", tafel.id)]
    with any_db.session() as session:
        session.delete(session.get(Organization, tafel.id))
    assert found(any_db, "tafel") == []
    assert found(any_db, "bitburg") == []


def test_organization_found_by_name_town_and_description(any_db: Database) -> None:
    club = create_organization(
        any_db,
        OrganizationInput(
            name="Sportfreunde Mötsch",
            city="Bitburg",
            description="Kinderturnen und Seniorengymnastik",
        ),
    )
    for typed in ("motsch", "sportfr", "bitburg", "kinderturn", "seniorengym"):
        assert found(any_db, typed) == [("organization", club.id)], typed
    (hit,) = search_everything(any_db, "motsch")
    assert (hit.title, hit.detail) == ("Sportfreunde Mötsch", "Bitburg · Verein")


def test_opportunity_found_by_title_organization_and_place(any_db: Database) -> None:
    school = create_organization(any_db, OrganizationInput(name="Förderverein Grundschule"))
    reading = create_opportunity(
        any_db,
        OpportunityInput(organization_id=school.id, title="Lesepatin/Lesepate", place="Bücherei"),
    )
    for typed in ("lesepat", "forderverein", "bucherei", "grundschule lese"):
        assert ("opportunity", reading.id) in found(any_db, typed), typed
    (hit,) = search_everything(any_db, "lesepat")
    assert (hit.title, hit.detail) == (
        "Lesepatin/Lesepate",
        "Förderverein Grundschule · Bücherei",
    )


def test_renamed_organization_renames_its_opportunities_in_the_index(any_db: Database) -> None:
    club = create_organization(any_db, OrganizationInput(name="Heimatverein"))
    walk = create_opportunity(
        any_db, OpportunityInput(organization_id=club.id, title="Wanderführer")
    )
    update_organization(
        any_db, club.id, OrganizationInput(name="Eifelverein"), expected_version=club.version
    )
    assert found(any_db, "eifelverein", kinds={"opportunity"}) == [("opportunity", walk.id)]
    assert found(any_db, "heimatverein") == []


def test_events_found_by_title_place_and_kind(any_db: Database) -> None:
    insert_rows(
        any_db,
        Event,
        [
            event_row(
                1, "Markt der Möglichkeiten", kind=EventKind.CLUB_FAIR, place="Stadthalle Bitburg"
            ),
            event_row(2, "Erste Hilfe am Kind", kind=EventKind.TRAINING, place="DRK-Heim"),
        ],
    )
    assert found(any_db, "moglichk") == [("event", 1)]
    assert found(any_db, "stadthal") == [("event", 1)]
    assert found(any_db, "vereinsmesse") == [("event", 1)]
    assert found(any_db, "schulung") == [("event", 2)]
    assert found(any_db, "drk") == [("event", 2)]
    (hit,) = search_everything(any_db, "markt")
    assert (hit.title, hit.detail) == ("Markt der Möglichkeiten", "09.05.2026 · Vereinsmesse")


def test_bulk_core_insert_and_raw_sql_keep_the_index_current(any_db: Database) -> None:
    insert_rows(
        any_db,
        Person,
        [person_row(i, f"Heilmann{i:03d}", city="Irrel") for i in range(1, 301)],
    )
    assert len(search_everything(any_db, "heil", limit=50)) == 50
    assert found(any_db, "heilmann123") == [("person", 123)]
    with any_db.session() as session:
        session.execute(text("UPDATE person SET last_name = 'Quast' WHERE id = 7"))
        session.execute(delete(Person.__table__).where(Person.id == 8))
    assert found(any_db, "quast") == [("person", 7)]
    assert found(any_db, "heilmann007") == []
    assert found(any_db, "heilmann008") == []


def test_title_matches_rank_before_matches_elsewhere(any_db: Database) -> None:
    in_town = create_person(any_db, PersonInput(last_name="Schmitz", city="Bitburg")).id
    named = create_person(any_db, PersonInput(last_name="Bitter")).id
    brewery = create_organization(any_db, OrganizationInput(name="Bitburger Brauerei")).id
    assert found(any_db, "bit") == [
        ("organization", brewery),
        ("person", named),
        ("person", in_town),
    ]


def test_a_name_is_not_crowded_out_by_many_matches_elsewhere(any_db: Database) -> None:
    insert_rows(
        any_db,
        Person,
        [
            person_row(i, "Bittner" if i == 50 else f"Schmitz{i}", city="Bitburg")
            for i in range(1, 101)
        ],
    )
    assert found(any_db, "bit", limit=5)[0] == ("person", 50)
    assert len(search_everything(any_db, "bit", limit=5)) == 5


def test_whole_word_ranks_before_longer_name(any_db: Database) -> None:
    create_person(any_db, PersonInput(first_name="Anton", last_name="Weberbauer"))
    create_person(any_db, PersonInput(first_name="Zita", last_name="Weber"))
    assert titles(any_db, "weber") == ["Zita Weber", "Anton Weberbauer"]
    assert titles(any_db, "webe") == ["Anton Weberbauer", "Zita Weber"]


def test_limit_and_fair_share_per_kind(any_db: Database) -> None:
    insert_rows(any_db, Person, [person_row(i, f"Berger{i}") for i in range(1, 31)])
    insert_rows(any_db, Organization, [organization_row(i, f"Bergwacht {i}") for i in range(1, 4)])
    insert_rows(any_db, Event, [event_row(i, f"Bergfest {i}") for i in range(1, 3)])

    def kinds(limit: int) -> Counter[str]:
        return Counter(hit.kind for hit in search_everything(any_db, "berg", limit=limit))

    assert kinds(10) == {"person": 5, "organization": 3, "event": 2}
    assert kinds(20) == {"person": 15, "organization": 3, "event": 2}
    assert kinds(3) == {"person": 1, "organization": 1, "event": 1}
    assert kinds(1).total() == 1
    assert len(search_everything(any_db, "berger", limit=25)) == 25
    assert found(any_db, "berg", kinds={"event"}) == [("event", 1), ("event", 2)]


def test_shares_pass_unused_places_on() -> None:
    assert shares({"person": 50, "organization": 2, "event": 1}, 20) == {
        "person": 17,
        "organization": 2,
        "event": 1,
    }
    assert shares({"person": 50, "organization": 50}, 5) == {"person": 3, "organization": 2}
    assert shares({"event": 9, "person": 9, "opportunity": 9}, 2) == {
        "event": 1,
        "person": 1,
        "opportunity": 0,
    }
    assert shares({"person": 0}, 5) == {"person": 0}


def test_empty_or_punctuation_only_text_finds_nothing(any_db: Database, weber: int) -> None:
    for typed in ("", " ", "\t\n", "?!", "-- ()", "*", "+"):
        assert search_everything(any_db, typed) == [], typed


def test_no_places_or_no_kinds_no_hits(any_db: Database, weber: int) -> None:
    assert search_everything(any_db, "weber", limit=0) == []
    assert search_everything(any_db, "weber", kinds=()) == []


def test_hostile_input_never_breaks_the_query(any_db: Database, weber: int) -> None:
    for typed in HOSTILE:
        hits = search_everything(any_db, typed)
        assert all(hit.kind == "person" for hit in hits), typed
    assert found(any_db, '"Weber"*') == [("person", weber)]
    assert found(any_db, "weber AND") == []  # "and" is a word like any other
    assert found(any_db, "(hilde) [web]") == [("person", weber)]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=st.text(max_size=30))
def test_any_text_is_safe(db: Database, typed: str) -> None:
    hits = search_everything(db, typed, limit=5)
    assert len(hits) <= 5


@pytest.mark.postgres
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=st.text(max_size=30))
def test_any_text_is_safe_on_postgresql(pg_db: Database, typed: str) -> None:
    assert len(search_everything(pg_db, typed, limit=5)) <= 5


def test_search_triggers_are_in_place(any_db: Database) -> None:
    """A later batch migration on SQLite drops a table's triggers; this notices."""
    if any_db.is_sqlite:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
    else:
        query = "SELECT DISTINCT tgname FROM pg_trigger WHERE tgname LIKE 'search%'"
    with any_db.engine.connect() as connection:
        names = set(connection.execute(text(query)).scalars())
    per_table = {"sqlite": ("insert", "update", "delete"), "pg": ("write", "update")}
    events = per_table["sqlite" if any_db.is_sqlite else "pg"]
    expected = {
        f"search_{table}_{event}"
        for table in ("person", "organization", "opportunity", "event")
        for event in events
    } | {"search_organization_opportunities"}
    assert names == expected


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def unmigrated_db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    if request.param == "postgresql":
        yield request.getfixturevalue("pg_empty")
        return
    database = Database(db_path)
    yield database
    database.dispose()


def test_upgrade_from_0001_fills_the_index_with_existing_records(unmigrated_db: Database) -> None:
    db = unmigrated_db
    migrator.upgrade(db, target="0001")
    insert_rows(
        db,
        Person,
        [
            person_row(1, "Müller", first_name="Jürgen", phone="06561 4711"),
            person_row(2, "Weber", status="archived"),
        ],
    )
    insert_rows(db, Organization, [organization_row(1, "Tafel Bitburg", city="Bitburg")])
    insert_rows(
        db,
        Opportunity,
        [
            {
                "id": 1,
                "organization_id": 1,
                "title": "Fahrer/in Lebensmittel",
                "description": "",
                "time_commitment": "",
                "place": "Lager",
                "postal_code": "",
                "volunteers_wanted": 1,
                "status": "open",
                "version": 1,
                "created_at": NOW,
                "updated_at": NOW,
            }
        ],
    )
    insert_rows(db, Event, [event_row(1, "Freiwilligentag", place="Marktplatz")])

    result = migrator.upgrade(db)

    assert (result.action, result.to_revision) == ("upgraded", migrator.head_revision())
    assert found(db, "mull") == [("person", 1)]
    assert found(db, "065614711") == [("person", 1)]
    assert [(h.record_id, h.archived) for h in search_everything(db, "weber")] == [(2, True)]
    assert found(db, "tafel") == [("organization", 1), ("opportunity", 1)]
    assert found(db, "lager") == [("opportunity", 1)]
    assert found(db, "marktpl") == [("event", 1)]
    assert migrator.check(db).ok


def test_imported_database_is_searchable(any_db: Database, tmp_path: Path) -> None:
    source = Database(tmp_path / "source.sqlite3")
    migrator.upgrade(source)
    populate_all_tables(source)
    export_database(source, tmp_path / "office.json")
    source.dispose()

    import_database(any_db, tmp_path / "office.json")

    assert found(any_db, "agaoglu", kinds={"person"}) == [("person", 1)]
    assert found(any_db, "wasowska") == [("person", 2)]
    assert found(any_db, "петрова") == [("person", 3)]


def test_archived_organization_is_flagged(any_db: Database) -> None:
    club = create_organization(any_db, OrganizationInput(name="Kegelclub Alle Neune"))
    archive_organization(any_db, club.id, expected_version=club.version)
    (hit,) = search_everything(any_db, "kegel")
    assert (hit.archived, hit.detail) == (True, "Verein · archiviert")

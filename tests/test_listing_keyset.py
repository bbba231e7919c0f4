"""Keyset paging gives exactly the rows OFFSET paging gives, for every sort column of the
people list, both directions, on random people full of ties and missing values; and for
the hours list (sorts over joined tables)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import add_organization, add_person
from hours_builders import add_entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from engagement_desk.db import Database
from engagement_desk.models import Person
from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.hours.listing import list_hours
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import PEOPLE_SORT, list_people

# Few distinct values, so most rows tie on the sort column and the record id decides.
a_person = st.fixed_dictionaries(
    {
        "last_name": st.sampled_from(("Müller", "Mueller", "Öz", "Oz", "Becker", "becker")),
        "first_name": st.sampled_from(("Anna", "", "Ännchen", "Zoe")),
        "birth_date": st.none() | st.sampled_from((dt.date(1950, 1, 1), dt.date(1990, 7, 7))),
        "postal_code": st.sampled_from(("", "54290", "54292")),
        "city": st.sampled_from(("", "Trier", "Ürzig")),
        "phone": st.sampled_from(("", "0651 1")),
        "email": st.sampled_from(("", "a@b.de")),
        "status": st.sampled_from(tuple(PersonStatus)),
    }
)


def _offset_pages(db: Database, query: ListQuery) -> list[int]:
    ids: list[int] = []
    while True:
        page = list_people(db, dataclasses.replace(query, offset=len(ids)))
        ids.extend(page.ids)
        if not page.has_more:
            return ids


def _keyset_pages(db: Database, query: ListQuery) -> list[int]:
    ids: list[int] = []
    after = None
    while True:
        page = list_people(db, dataclasses.replace(query, after=after, offset=0))
        ids.extend(page.ids)
        if not page.has_more:
            return ids
        assert page.last_key is not None
        after = page.last_key


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people=st.lists(a_person, min_size=0, max_size=14), limit=st.integers(1, 4))
def test_keyset_pages_equal_offset_pages(any_db: Database, people: list[dict], limit: int):
    with any_db.session() as session:
        session.execute(delete(Person))
        session.add_all(Person(**values) for values in people)
    for key in PEOPLE_SORT:
        for descending in (False, True):
            query = ListQuery(sort_key=key, descending=descending, limit=limit)
            everything = list_people(any_db, dataclasses.replace(query, limit=1000)).ids
            assert _offset_pages(any_db, query) == list(everything), (key, descending)
            assert _keyset_pages(any_db, query) == list(everything), (key, descending)


def test_a_filter_pages_by_keyset_too(db: Database):
    with db.session() as session:
        session.add_all(
            Person(last_name=name, first_name="Anna", status=status)
            for name in ("Becker", "Müller", "Schmidt", "Schneider", "Zander")
            for status in (PersonStatus.ACTIVE, PersonStatus.ARCHIVED)
        )
    query = ListQuery(filters={"status": "active"}, limit=2)
    first = list_people(db, query)
    second = list_people(db, dataclasses.replace(query, after=first.last_key))
    third = list_people(db, dataclasses.replace(query, after=second.last_key))
    names = [row[0] for page in (first, second, third) for row in page.rows]
    assert names == ["Becker", "Müller", "Schmidt", "Schneider", "Zander"]
    assert not third.has_more


def test_hours_pages_by_keyset_as_by_offset(any_db: Database):
    anna = add_person(any_db, "Anna", "Becker")
    bert = add_person(any_db, "Bert", "Müller")
    club = add_organization(any_db, "Turnverein")
    days = (dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    for i in range(14):  # ties on every sort column, half without an organization
        add_entry(
            any_db,
            (anna, bert)[i % 2],
            days[i % 2 if i < 7 else 0],
            ("1.5", "2")[i % 3 == 0],
            organization_id=club if i % 2 else None,
            activity=("", "Training")[i % 4 == 0],
        )
    for key in ("on_date", "person", "hours", "organization", "center", "activity", "source"):
        for descending in (False, True):
            query = ListQuery(sort_key=key, descending=descending, limit=3)
            everything = list_hours(any_db, dataclasses.replace(query, limit=100)).ids
            ids: list[int] = []
            after = None
            while True:
                page = list_hours(any_db, dataclasses.replace(query, after=after))
                ids.extend(page.ids)
                if not page.has_more:
                    break
                after = page.last_key
            assert ids == list(everything), (key, descending)

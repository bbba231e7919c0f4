"""The Ehrenamtskarte list chosen in SQL equals the Python rule (``evaluate``) person for
person, on random people and hours placed around every edge: thresholds to the hundredth,
window boundaries, birthdays and engagement anniversaries (also on 29 February)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Person
from engagement_desk.services.certificates.eligibility import (
    eligible_in_sql,
    eligible_person_ids,
    evaluate_each,
    latest_start,
    rule_ids,
    windows,
)

DAYS = (dt.date(2026, 1, 25), dt.date(2026, 1, 26), dt.date(2028, 2, 29), dt.date(2027, 3, 1))
# Window totals in hundredths near the thresholds: 200 h, 208.57 h (4 h/week), 250 h,
# 260.71 h and 261.43 h (5 h/week over 365 and 366 days), and anywhere.
NEAR = (20000, 20857, 20858, 25000, 26071, 26072, 26143, 26144)


@st.composite
def a_person(draw, on: dt.date) -> dict:
    birthday = draw(st.sampled_from((14, 16, 30)))
    birth = (
        None
        if draw(st.booleans()) and draw(st.booleans())
        else on - relativedelta(years=birthday) + dt.timedelta(days=draw(st.integers(-2, 2)))
    )
    if draw(st.booleans()):
        birth = draw(st.sampled_from((dt.date(2012, 2, 29), dt.date(2010, 2, 28), birth)))
    since = None
    if draw(st.booleans()):
        years = draw(st.sampled_from((0, 1, 2, 25)))
        since = on - relativedelta(years=years) + dt.timedelta(days=draw(st.integers(-2, 2)))
    entries = []
    for window in windows(on, 2):
        total = draw(st.one_of(st.sampled_from(NEAR), st.integers(1, 40000)))
        total += draw(st.integers(-2, 2))
        day = window.start + dt.timedelta(days=draw(st.integers(-1, 3)))
        while total > 0:
            part = min(total, 2400)
            entries.append((min(day, window.end + dt.timedelta(days=1)), part))
            total -= part
            day += dt.timedelta(days=1)
        if draw(st.booleans()):  # right at the window's end, or the day after
            entries.append((window.end + dt.timedelta(days=draw(st.integers(0, 1))), 1))
    return {"birth": birth, "since": since, "entries": entries}


@st.composite
def histories(draw) -> tuple[dt.date, list[dict]]:
    on = draw(
        st.one_of(st.sampled_from(DAYS), st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)))
    )
    return on, draw(st.lists(a_person(on), min_size=1, max_size=6))


def _store(db: Database, people: list[dict]) -> None:
    with db.session() as session:
        for number, values in enumerate(people):
            person = Person(
                first_name=f"Vorname{number}",
                last_name=f"Name{number % 3}",
                birth_date=values["birth"],
                engaged_since=values["since"],
            )
            session.add(person)
            session.flush()
            for on_date, cents in values["entries"]:
                session.add(
                    HoursEntry(person_id=person.id, on_date=on_date, hours=Decimal(cents) / 100)
                )


def _clear(db: Database) -> None:
    with db.session() as session:
        session.execute(delete(HoursEntry))
        session.execute(delete(Person))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories())
def test_sql_list_equals_the_python_rule(any_db: Database, history) -> None:
    on, people = history
    _store(any_db, people)
    try:
        with any_db.read_session() as session:
            for rule_id in rule_ids():
                reference = evaluate_each(session, rule_id, on, only_eligible=True)
                chosen = eligible_in_sql(session, rule_id, on)
                assert [r.person_id for r in chosen.results] == [
                    r.person_id for r in reference.results
                ], rule_id
                assert [r.evaluation for r in chosen.results] == [
                    r.evaluation for r in reference.results
                ], rule_id
                assert eligible_person_ids(session, rule_id, on) == {
                    r.person_id for r in reference.results
                }
    finally:
        _clear(any_db)


@given(on=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)), years=st.integers(0, 30))
def test_latest_start_is_the_last_day_with_enough_full_years(on: dt.date, years: int) -> None:
    day = latest_start(on, years)
    assert relativedelta(on, day).years >= years
    assert relativedelta(on, day + dt.timedelta(days=1)).years < years

"""Archiving or anonymising people later leaves the figures of past periods as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt

from report_world import build_world
from sqlalchemy import update

from engagement_desk.models import Person
from engagement_desk.models.enums import PersonStatus
from engagement_desk.services.privacy.anonymize import anonymize_people, anonymize_person
from engagement_desk.services.reports.period_report import Period, period_report

TODAY = dt.date(2027, 1, 15)
YEARS = (2024, 2025)


def _without_age_bands(figures):
    people = dataclasses.replace(figures.people, volunteers_by_age=())
    return dataclasses.replace(figures, people=people)


def test_archived_people_keep_counting_in_past_years(any_db) -> None:
    world = build_world(any_db)
    before = [period_report(any_db, Period.year(y)) for y in YEARS]
    with any_db.session() as session:
        session.execute(
            update(Person)
            .where(Person.id.in_([world.people["P8"], world.people["P3"]]))
            .values(status=PersonStatus.ARCHIVED)
        )
    after = [period_report(any_db, Period.year(y)) for y in YEARS]
    assert after == before
    # 2024: P1 (hours), P2 (placement), P3 (rides) and P8 (hours), two of them archived
    assert after[0].current.people.by_role[0].active == 4


def test_anonymised_people_keep_counting_in_past_years(any_db) -> None:
    world = build_world(any_db)
    before = [period_report(any_db, Period.year(y)) for y in YEARS]
    for name in ("P2", "P3"):
        anonymize_person(any_db, world.people[name], today=TODAY)
    assert anonymize_people(any_db, [world.people["P5"]], today=TODAY).anonymized
    after = [period_report(any_db, Period.year(y)) for y in YEARS]
    for old, new in zip(before, after, strict=True):
        assert new.to_json_dict()["current"]["hours"] == old.to_json_dict()["current"]["hours"]
        assert _without_age_bands(new.current) == _without_age_bands(old.current)
        assert _without_age_bands(new.previous) == _without_age_bands(old.previous)
        # Anonymising erases the birth date: the volunteers stay, under "age not known".
        assert sum(b.volunteers for b in new.current.people.volunteers_by_age) == sum(
            b.volunteers for b in old.current.people.volunteers_by_age
        )
    unknown = after[1].current.people.volunteers_by_age[-1]
    assert (unknown.lower, unknown.volunteers) == (None, 2)  # P2 and P3 in 2025

"""Certificate selection over many people reads everyone at once instead of in chunks;
both ways choose the same people with the same hours and engagement start."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_person
from hours_builders import add_entry

from engagement_desk.db import Database
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import selection as selection_module
from engagement_desk.services.certificates.selection import Selection, select_recipients

TODAY = dt.date(2026, 12, 7)


def test_selecting_many_people_at_once_equals_selecting_them_in_chunks(
    any_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = add_person(any_db, "Anna", "Becker", engaged_since=dt.date(2016, 3, 1))
    ben = add_person(any_db, "Ben", "Yılmaz")
    gone = add_person(any_db, "Carla", "Dietz", anonymized_on=dt.date(2026, 5, 1))
    few = add_person(any_db, "Dora", "Engel")
    for person, hours in ((anna, "15"), (ben, "22.75"), (gone, "20"), (few, "3")):
        add_entry(any_db, person, dt.date(2025, 3, 2), "4")
        add_entry(any_db, person, dt.date(2026, 4, 1), hours)
        add_entry(any_db, person, dt.date(2026, 12, 6), hours)
    choice = Selection(year=2026, min_hours=Decimal(10))

    def chosen(whole_table_from: int):
        monkeypatch.setattr(selection_module, "WHOLE_TABLE_FROM", whole_table_from)
        result = select_recipients(any_db, CertificateKind.RECOGNITION, choice, today=TODAY)
        return [(c.person_id, c.hours, c.engaged_since, c.reason) for c in result.candidates]

    in_chunks, at_once = chosen(10**9), chosen(0)
    assert at_once == in_chunks
    assert [row[:3] for row in at_once] == [
        (anna, Decimal("30.00"), dt.date(2016, 3, 1)),
        (ben, Decimal("45.50"), dt.date(2025, 3, 2)),
    ]


def test_a_whole_year_is_summed_from_the_yearly_totals_like_from_the_entries(
    any_db: Database,
) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    add_entry(any_db, anna, dt.date(2025, 1, 1), "0.25")
    add_entry(any_db, anna, dt.date(2025, 12, 31), "7.5")
    add_entry(any_db, anna, dt.date(2026, 1, 1), "3")  # another year
    whole_year = Selection(year=2025)  # from hours_year_total
    to_new_year = Selection(period_start=dt.date(2025, 1, 1), period_end=dt.date(2026, 1, 1))
    results = [
        select_recipients(any_db, CertificateKind.RECOGNITION, chosen, today=TODAY).candidates
        for chosen in (whole_year, to_new_year)
    ]
    assert [(c.person_id, c.hours) for c in results[0]] == [(anna, Decimal("7.75"))]
    assert [(c.person_id, c.hours) for c in results[1]] == [(anna, Decimal("10.75"))]

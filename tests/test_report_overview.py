"""Auswertung on both databases: hours per centre of the period, in German order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from builders import add_center, add_person
from hours_builders import add_entry

from engagement_desk.services.reports.period_report import Period, period_report


def test_hours_by_centre_count_the_year_and_sort_as_german_readers_expect(any_db) -> None:
    person = add_person(any_db, "Anna", "Weber")
    umwelt = add_center(any_db, "Umwelt & Natur")
    aeltere = add_center(any_db, "Ältere Menschen")
    familie = add_center(any_db, "familie")
    add_entry(any_db, person, dt.date(2026, 3, 1), "2", center_id=umwelt)
    add_entry(any_db, person, dt.date(2026, 4, 1), "1.5", center_id=umwelt)
    add_entry(any_db, person, dt.date(2026, 5, 1), "3", center_id=aeltere)
    add_entry(any_db, person, dt.date(2026, 6, 1), "4", center_id=familie)
    add_entry(any_db, person, dt.date(2025, 6, 1), "9", center_id=familie)  # another year

    hours = period_report(any_db, Period.year(2026)).current.hours

    assert [(c.name, c.hours) for c in hours.by_center] == [
        ("Ältere Menschen", Decimal("3")),
        ("familie", Decimal("4")),
        ("Umwelt & Natur", Decimal("3.5")),
    ]

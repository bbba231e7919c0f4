"""The fast-entry grid: many rows at once, all or nothing, errors by row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_organization, add_person
from hours_builders import add_absence, add_entry
from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry
from engagement_desk.models.enums import HoursSource
from engagement_desk.services.errors import Cancelled, ValidationError
from engagement_desk.services.hours import (
    GridRow,
    HoursInput,
    WarningKind,
    get_hours,
    save_hours_grid,
    split_row_field,
)


def entries(db: Database) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(HoursEntry))


def test_a_grid_of_new_rows_is_saved_in_one_go(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    tafel = add_organization(any_db, "Tafel")
    rows = [
        GridRow(HoursInput(anna, f"{day:02d}.03.2026", "2,5", tafel, activity="Ausgabe"))
        for day in range(1, 21)
    ]
    result = save_hours_grid(any_db, rows)
    assert len(result.records) == 20 and result.warnings == ()
    assert sum(r.hours for r in result.records) == Decimal("50.00")
    assert entries(any_db) == 20


def test_errors_name_every_bad_row_and_nothing_is_saved(db: Database) -> None:
    anna = add_person(db, "Anna", "Becker")
    rows = [
        GridRow(HoursInput(anna, "01.03.2026", "2")),
        GridRow(HoursInput(anna, "32.03.2026", "2")),
        GridRow(HoursInput(anna, "03.03.2026", "25")),
        GridRow(HoursInput(None, "04.03.2026", "")),
    ]
    with pytest.raises(ValidationError) as caught:
        save_hours_grid(db, rows)
    messages = [str(e) for e in caught.value.errors]
    assert messages == [
        "Zeile 2, Datum: „32.03.2026“ ist kein gültiges Datum (TT.MM.JJJJ).",
        "Zeile 3, Stunden: Mehr als 24 Stunden an einem Tag sind nicht möglich.",
        "Zeile 4, Person: Bitte eine Person wählen.",
        "Zeile 4, Stunden: Bitte ausfüllen.",
    ]
    assert split_row_field(caught.value.errors[0].field) == (2, "on_date")
    assert entries(db) == 0


def test_rows_update_and_delete_existing_entries_with_their_versions(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    keep = add_entry(any_db, anna, dt.date(2026, 3, 1), "1")
    drop = add_entry(any_db, anna, dt.date(2026, 3, 2), "1")
    result = save_hours_grid(
        any_db,
        [
            GridRow(HoursInput(anna, "01.03.2026", "1,75", activity="Kasse"), keep, 1, row=7),
            GridRow(HoursInput(anna, "02.03.2026", "1"), drop, 1, delete=True, row=8),
            GridRow(HoursInput(anna, "03.03.2026", "4"), row=9),
        ],
    )
    assert [r.hours for r in result.records] == [Decimal("1.75"), Decimal("4.00")]
    assert result.deleted == (drop,)
    assert get_hours(any_db, keep).version == 2 and entries(any_db) == 2


def test_a_stale_row_or_a_derived_entry_stops_the_whole_grid(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    typed = add_entry(any_db, anna, dt.date(2026, 3, 1), "1")
    ride = add_entry(any_db, anna, dt.date(2026, 3, 2), "1", source=HoursSource.RIDE)
    with pytest.raises(ValidationError) as caught:
        save_hours_grid(
            any_db,
            [
                GridRow(HoursInput(anna, "05.03.2026", "3")),
                GridRow(HoursInput(anna, "01.03.2026", "2"), typed, expected_version=5),
                GridRow(HoursInput(anna, "02.03.2026", "2"), ride, expected_version=1),
                GridRow(HoursInput(anna, "02.03.2026", "2"), 999, delete=True),
            ],
        )
    assert [e.label for e in caught.value.errors] == ["Zeile 2", "Zeile 3", "Zeile 4"]
    assert "anderen Arbeitsplatz" in caught.value.errors[0].message
    assert "stammt aus einer Fahrt" in caught.value.errors[1].message
    assert "Eintrag Nr. 999 gibt es nicht" in caught.value.errors[2].message
    assert entries(any_db) == 2


def test_warnings_come_back_with_their_rows(any_db: Database) -> None:
    anna = add_person(any_db, "Anna", "Becker")
    add_absence(any_db, anna, dt.date(2026, 3, 10), dt.date(2026, 3, 10), "krank")
    result = save_hours_grid(
        any_db,
        [
            GridRow(HoursInput(anna, "09.03.2026", "8", activity="Aufbau")),
            GridRow(HoursInput(anna, "09.03.2026", "6", activity="Abbau")),
            GridRow(HoursInput(anna, "10.03.2026", "1", activity="Telefon")),
        ],
    )
    assert [(w.kind, w.rows) for w in result.warnings] == [
        (WarningKind.LONG_DAY, (1, 2)),
        (WarningKind.ABSENT, (3,)),
    ]


class CancelNow:
    cancelled = True

    def report(self, done: int, total: int, text: str = "") -> None:
        raise AssertionError("not reached")


def test_cancel_saves_nothing(db: Database) -> None:
    anna = add_person(db, "Anna", "Becker")
    with pytest.raises(Cancelled):
        save_hours_grid(db, [GridRow(HoursInput(anna, "01.03.2026", "1"))], CancelNow())
    assert entries(db) == 0

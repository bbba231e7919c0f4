"""Standing orders' recurrence: German words, and the editor's form ↔ RRULE both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from engagement_desk.services.rides.recurrence import (
    LAST,
    MONTHLY_KIND,
    WEEKLY_KIND,
    Recurrence,
    RecurrenceError,
    describe,
    from_rrule,
    parse_recurrence,
)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "jeden Dienstag"),
        ("FREQ=WEEKLY;BYDAY=TU,TH", "jeden Dienstag und Donnerstag"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "jeden Montag, Mittwoch und Freitag"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "alle 2 Wochen am Montag"),
        ("RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR", "alle 3 Wochen am Dienstag und Freitag"),
        ("FREQ=MONTHLY;BYDAY=1WE", "jeden 1. Mittwoch im Monat"),
        ("FREQ=MONTHLY;BYDAY=3MO", "jeden 3. Montag im Monat"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "jeden letzten Freitag im Monat"),
        ("FREQ=DAILY", "täglich"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "jeden Monat am 15."),
        (
            "FREQ=WEEKLY;BYDAY=MO;COUNT=5",
            "wöchentlich, eigene Regel (FREQ=WEEKLY;BYDAY=MO;COUNT=5)",
        ),
    ],
)
def test_rules_in_words(rule: str, words: str) -> None:
    assert describe(rule) == words


@pytest.mark.parametrize(
    "recurrence",
    [
        Recurrence(WEEKLY_KIND, (1,)),
        Recurrence(WEEKLY_KIND, (0, 3), 2),
        Recurrence(MONTHLY_KIND, (2,), 1, 1),
        Recurrence(MONTHLY_KIND, (4,), 1, LAST),
    ],
)
def test_the_editors_form_survives_the_round_trip(recurrence: Recurrence) -> None:
    assert from_rrule(recurrence.to_rrule()) == recurrence


def test_rules_the_editor_cannot_show_are_recognised() -> None:
    for rule in ("FREQ=DAILY", "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO"):
        assert from_rrule(rule) is None


def test_the_monthly_rule_falls_on_the_right_days() -> None:
    first_wednesday = parse_recurrence(
        Recurrence(MONTHLY_KIND, (2,), 1, 1).to_rrule(), dt.date(2026, 12, 1)
    )
    last_friday = parse_recurrence(
        Recurrence(MONTHLY_KIND, (4,), 1, LAST).to_rrule(), dt.date(2026, 12, 1)
    )
    assert [d.date() for d in first_wednesday[:2]] == [dt.date(2026, 12, 2), dt.date(2027, 1, 6)]
    assert [d.date() for d in last_friday[:2]] == [dt.date(2026, 12, 25), dt.date(2027, 1, 29)]


def test_incomplete_forms_are_refused_in_german() -> None:
    with pytest.raises(RecurrenceError, match="Wochentag"):
        Recurrence(WEEKLY_KIND, ()).to_rrule()
    with pytest.raises(RecurrenceError, match="genau einen Wochentag"):
        Recurrence(MONTHLY_KIND, (1, 2), 1, 1).to_rrule()

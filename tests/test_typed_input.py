"""Days and times typed on the phone, relative to a fixed today (Monday 7 December 2026)."""

import datetime as dt

import pytest

from engagement_desk.services.typed_input import TypedInputError, parse_day, parse_time

TODAY = dt.date(2026, 12, 7)  # a Monday


@pytest.mark.parametrize(
    ("typed", "expected", "next_year"),
    [
        ("15.12.", dt.date(2026, 12, 15), False),
        ("15.12", dt.date(2026, 12, 15), False),
        ("7.12.", dt.date(2026, 12, 7), False),
        ("1.12.", dt.date(2027, 12, 1), True),
        ("03.01.", dt.date(2027, 1, 3), True),
        ("29.02.", dt.date(2028, 2, 29), True),
        ("15.12.2026", dt.date(2026, 12, 15), False),
        ("15.12.26", dt.date(2026, 12, 15), False),
        ("2027-01-04", dt.date(2027, 1, 4), False),
        ("Di, 15.12.2026", dt.date(2026, 12, 15), False),
        ("di", dt.date(2026, 12, 8), False),
        ("Di.", dt.date(2026, 12, 8), False),
        ("Dienstag", dt.date(2026, 12, 8), False),
        ("mo", dt.date(2026, 12, 14), False),
        ("so", dt.date(2026, 12, 13), False),
        ("fri", dt.date(2026, 12, 11), False),
        ("heute", TODAY, False),
        ("morgen", dt.date(2026, 12, 8), False),
        ("Übermorgen", dt.date(2026, 12, 9), False),
        ("15", dt.date(2026, 12, 15), False),
        ("3", dt.date(2027, 1, 3), True),
        ("31", dt.date(2026, 12, 31), False),
    ],
)
def test_days_resolve_to_today_or_later(typed, expected, next_year):
    result = parse_day(typed, TODAY)
    assert result is not None
    assert (result.day, result.next_year) == (expected, next_year)


def test_an_empty_day_is_none():
    assert parse_day("  ", TODAY) is None


def test_a_past_day_typed_with_its_year_is_refused_in_german():
    with pytest.raises(TypedInputError, match=r"01\.12\.2026 liegt in der Vergangenheit"):
        parse_day("01.12.2026", TODAY)


def test_a_past_day_is_taken_where_the_field_allows_the_past():
    result = parse_day("01.12.2026", TODAY, allow_past=True)
    assert result is not None and result.day == dt.date(2026, 12, 1)


@pytest.mark.parametrize("typed", ["32.12.", "30.02.2027", "xyz", "di mi", "15.13."])
def test_nonsense_is_no_day(typed):
    with pytest.raises(TypedInputError) as error:
        parse_day(typed, TODAY)
    assert "Datum" in str(error.value) or "gibt es" in str(error.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8", dt.time(8, 0)),
        ("14", dt.time(14, 0)),
        ("830", dt.time(8, 30)),
        ("0830", dt.time(8, 30)),
        ("1415", dt.time(14, 15)),
        ("8:30", dt.time(8, 30)),
        ("8.30", dt.time(8, 30)),
        ("08:30 Uhr", dt.time(8, 30)),
        ("9 Uhr", dt.time(9, 0)),
        ("0", dt.time(0, 0)),
    ],
)
def test_times(typed, expected):
    assert parse_time(typed) == expected


def test_an_empty_time_is_none():
    assert parse_time("") is None


@pytest.mark.parametrize("typed", ["25", "860", "8:5", "12345", "uhr", "acht"])
def test_nonsense_is_no_time(typed):
    with pytest.raises(TypedInputError, match="Uhrzeit"):
        parse_time(typed)

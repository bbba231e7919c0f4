"""Weeks, holidays and DST-safe times of the ride planning."""

from __future__ import annotations

import datetime as dt

import pytest

from engagement_desk.services.errors import ValidationError
from engagement_desk.services.rides.calendar import (
    IsoWeek,
    local_end_time,
    parse_week,
    public_holidays,
    ride_span,
    window_span,
)


def test_parse_week_accepts_iso_weeks() -> None:
    assert parse_week("2026-W13") == IsoWeek(2026, 13)
    assert parse_week("2026w05").monday == dt.date(2026, 1, 26)
    assert parse_week("2026-W53").sunday == dt.date(2027, 1, 3)


@pytest.mark.parametrize("text", ["", "2026-13", "2026-W54", "2025-W53", "W13", "nächste Woche"])
def test_parse_week_rejects_other_text_in_german(text: str) -> None:
    with pytest.raises(ValidationError, match="keine Kalenderwoche"):
        parse_week(text)


def test_holidays_of_rhineland_palatinate_have_german_names() -> None:
    found = public_holidays("RP", dt.date(2026, 6, 1), dt.date(2026, 6, 7))
    assert found == {dt.date(2026, 6, 4): "Fronleichnam"}
    assert public_holidays("BE", dt.date(2026, 6, 1), dt.date(2026, 6, 7)) == {}


def test_spring_forward_duration_is_real_time() -> None:
    sunday = dt.date(2026, 3, 29)
    span = ride_span(sunday, dt.time(1, 30), 60)
    assert span.minutes == 60
    assert local_end_time(sunday, dt.time(1, 30), 60) == dt.time(3, 30)


def test_fall_back_duration_is_real_time() -> None:
    sunday = dt.date(2026, 10, 25)
    assert local_end_time(sunday, dt.time(2, 30), 60) == dt.time(2, 30)
    assert local_end_time(sunday, dt.time(1, 30), 120) == dt.time(2, 30)


def test_window_on_dst_day_is_one_hour_shorter_or_longer() -> None:
    spring = window_span(dt.date(2026, 3, 29), dt.time(0, 0), dt.time(6, 0))
    autumn = window_span(dt.date(2026, 10, 25), dt.time(0, 0), dt.time(6, 0))
    assert (spring.minutes, autumn.minutes) == (5 * 60, 7 * 60)

"""German formats and the translated names of every enum value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from engagement_desk.models import enums
from engagement_desk.services.listing import Column
from engagement_desk.ui.formatting import format_decimal, format_value
from engagement_desk.ui.labels import ENUM_LABELS, column_title, enum_label


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2026, 3, 7), "07.03.2026"),
        (dt.datetime(2026, 3, 7, 9, 5), "07.03.2026 09:05"),
        (dt.time(18, 30), "18:30"),
        (1234567, "1.234.567"),
        (Decimal("1234.5"), "1.234,5"),
        (("a", "b", ""), "a, b"),
        (None, ""),
        (True, "✓"),
        ("Weber", "Weber"),
    ],
)
def test_values_look_german(value, text) -> None:
    assert format_value(value) == text


def test_decimal_places() -> None:
    assert format_decimal(Decimal("12"), 1) == "12,0"
    assert format_decimal(Decimal("-0.25"), 2) == "-0,25"
    assert format_decimal(2.5) == "2,5"


def _all_enums() -> list[type]:
    return [
        value
        for value in vars(enums).values()
        if isinstance(value, type)
        and issubclass(value, enums.StrEnum)
        and value is not enums.StrEnum
    ]


@pytest.mark.parametrize("enum_class", _all_enums(), ids=lambda e: e.__name__)
def test_every_enum_value_has_a_german_name(languages, enum_class) -> None:
    assert set(ENUM_LABELS[enum_class]) == set(enum_class)
    for member in enum_class:
        german = enum_label(enum_class, member.value)
        languages.apply("en")
        english = enum_label(enum_class, member.value)
        languages.apply("de")
        assert german and english
        assert german != member.value


def test_ambiguous_english_words_read_differently(languages) -> None:
    assert enum_label(enums.RideStatus, "cancelled") == "Abgesagt"
    assert enum_label(enums.RegistrationStatus, "cancelled") == "Storniert"


def test_unknown_values_show_as_they_are(languages) -> None:
    assert enum_label(enums.Role, "astronaut") == "astronaut"
    assert enum_label(enums.Role, None) == ""


def test_column_titles(languages) -> None:
    assert column_title(Column("last_name", "Last name")) == "Nachname"
    assert column_title(Column("unheard_of", "Unheard of")) == "Unheard of"

"""How values look in the window: German dates and numbers, whatever the UI language.

The office works with German records, so dates stay ``dd.MM.yyyy`` and
decimals keep the comma even when the labels are English. Pure Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any


def format_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_time(value: dt.time | None) -> str:
    if value is None:
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{format_date(value.date())} {format_time(value.time())}"


def format_int(value: int | None) -> str:
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: Decimal | float | int | None, places: int | None = None) -> str:
    """``1234.5`` → ``1.234,5``; ``places`` fixes the digits after the comma."""
    if value is None:
        return ""
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    text = f"{number:,f}" if places is None else f"{number:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def join_values(values: Iterable[str]) -> str:
    return ", ".join(v for v in values if v)


def format_value(value: Any) -> str:
    """The plain display text of a raw value from a list service."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, dt.time):
        return format_time(value)
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, Decimal | float):
        return format_decimal(value)
    if isinstance(value, tuple | list | frozenset | set):
        return join_values(format_value(v) for v in value)
    return str(value)


def is_numeric(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)

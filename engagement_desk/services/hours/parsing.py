"""Reading hours and dates the way the office types them ("2,5", "2:30", "03.02.2026")."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

HOURS_STEP = Decimal("0.01")
MAX_HOURS_PER_ENTRY = Decimal(24)

_CLOCK = re.compile(r"^(\d{1,2}):([0-5]\d)$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def parse_hours(value: Decimal | int | float | str | None) -> Decimal:
    """Hours as a Decimal with at most two places; ValueError with a German message if not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("Bitte ausfüllen.")
    if isinstance(value, bool):
        raise ValueError(f"„{value}“ ist keine Stundenzahl.")
    if isinstance(value, str):
        text = value.strip().lower().removesuffix("h").removesuffix("std.").strip()
        clock = _CLOCK.match(text)
        if clock:
            hours = Decimal(int(clock[1])) + Decimal(int(clock[2])) / 60
            return hours.quantize(HOURS_STEP)
        text = text.replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"„{value}“ ist keine Stundenzahl.") from None
    else:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"„{value}“ ist keine Stundenzahl.")
    if number != number.quantize(HOURS_STEP):
        raise ValueError("Höchstens zwei Nachkommastellen (z. B. 2,25).")
    return number.quantize(HOURS_STEP)


def parse_date(value: dt.date | str | None) -> dt.date:
    """A date from a date object, 'TT.MM.JJJJ' (also 'T.M.JJ') or ISO 'JJJJ-MM-TT'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = (value or "").strip()
    if not text:
        raise ValueError("Bitte ausfüllen.")
    german = _GERMAN_DATE.match(text)
    try:
        if german:
            year = int(german[3])
            if len(german[3]) == 2:
                year += 2000
            return dt.date(year, int(german[2]), int(german[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"„{text}“ ist kein gültiges Datum (TT.MM.JJJJ).") from None


def format_hours(value: Decimal) -> str:
    """German spelling without needless zeros: 1.234,5 · 2,25 · 3."""
    number = value.quantize(HOURS_STEP)
    text = f"{number:,.2f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text.rstrip("0").rstrip(",")

"""Dates and times as people type them on the phone, relative to today (German and English).

Days: ``15.12.`` (the next 15 December: this year, or next year once it is past),
``15.12.2026`` / ``15.12.26`` / ``2026-12-15``, ``15`` (the next 15th), weekday
names or abbreviations (``di``, ``Dienstag``, ``tue``: the next such day *after*
today — today is ``heute``), ``heute``, ``morgen``, ``übermorgen``.
Times: ``8`` → 08:00, ``830`` → 08:30, ``8:30``, ``8.30``, ``08:30 Uhr``, ``14``.

Nothing here turns a typed day silently into a past one: a day without a year
moves to next year (``TypedDay.next_year`` says so), a past day typed with its
year is refused unless the field allows the past.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from engagement_desk.services.errors import FieldError, ValidationError

WEEKDAY_WORDS: dict[str, int] = {
    **dict.fromkeys(("mo", "mon", "montag", "monday"), 0),
    **dict.fromkeys(("di", "die", "tue", "dienstag", "tuesday"), 1),
    **dict.fromkeys(("mi", "mit", "wed", "mittwoch", "wednesday"), 2),
    **dict.fromkeys(("do", "don", "thu", "donnerstag", "thursday"), 3),
    **dict.fromkeys(("fr", "fri", "freitag", "friday"), 4),
    **dict.fromkeys(("sa", "sam", "sat", "samstag", "saturday"), 5),
    **dict.fromkeys(("so", "son", "sun", "sonntag", "sunday"), 6),
}
RELATIVE_WORDS: dict[str, int] = {
    "heute": 0,
    "today": 0,
    "morgen": 1,
    "tomorrow": 1,
    "übermorgen": 2,
    "uebermorgen": 2,
}
DAY_HINT = "Bitte ein Datum wie 15.12., 15.12.2026, di oder morgen eingeben."
TIME_HINT = "Bitte eine Uhrzeit wie 8, 830 oder 8:30 eingeben."

_DAY_MONTH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?(?:(\d{2}|\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_ONLY = re.compile(r"^(\d{1,2})\.?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_TIME_DIGITS = re.compile(r"^(\d{3,4})$")


class TypedInputError(ValueError):
    """What was typed is no day or time; ``str()`` is the German message."""


@dataclass(frozen=True)
class TypedDay:
    day: dt.date
    next_year: bool = False
    """A day typed without its year that lies in the next year (15.12. typed in January: no)."""


def _words(text: str) -> str:
    cleaned = text.strip().lower()
    # A shown value like "Di, 15.12.2026" parses again: the weekday in front is dropped.
    if "," in cleaned:
        cleaned = cleaned.split(",", 1)[1].strip()
    return cleaned


def _date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise TypedInputError(f"Den {text.strip()} gibt es nicht. {DAY_HINT}") from None


def parse_day(text: str, today: dt.date, *, allow_past: bool = False) -> TypedDay | None:
    """The day meant by ``text`` ('' → None); TypedInputError with a German message."""
    word = _words(text)
    if not word:
        return None
    if word.rstrip(".") in WEEKDAY_WORDS:
        word = word.rstrip(".")
    if word in RELATIVE_WORDS:
        return TypedDay(today + dt.timedelta(days=RELATIVE_WORDS[word]))
    if word in WEEKDAY_WORDS:
        ahead = (WEEKDAY_WORDS[word] - today.weekday() - 1) % 7 + 1
        return TypedDay(today + dt.timedelta(days=ahead))
    if match := _DAY_MONTH.match(word):
        day, month, year_text = int(match[1]), int(match[2]), match[3]
        if year_text is None:
            for year in range(today.year, today.year + 9):
                try:
                    found = dt.date(year, month, day)
                except ValueError:
                    continue
                if found >= today:
                    return TypedDay(found, next_year=year > today.year)
            raise TypedInputError(f"Den {text.strip()} gibt es nicht. {DAY_HINT}")
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return _explicit(_date(year, month, day, text), today, allow_past)
    if match := _ISO.match(word):
        found = _date(int(match[1]), int(match[2]), int(match[3]), text)
        return _explicit(found, today, allow_past)
    if match := _DAY_ONLY.match(word):
        day = int(match[1])
        month_start = today.replace(day=1)
        for _ in range(12):
            try:
                found = month_start.replace(day=day)
            except ValueError:
                found = None
            if found is not None and found >= today:
                return TypedDay(found, next_year=found.year > today.year)
            month_start = (month_start + dt.timedelta(days=32)).replace(day=1)
        raise TypedInputError(f"Einen {day}. gibt es in keinem Monat. {DAY_HINT}")
    raise TypedInputError(f"„{text.strip()}“ ist kein Datum. {DAY_HINT}")


def _explicit(day: dt.date, today: dt.date, allow_past: bool) -> TypedDay:
    if day < today and not allow_past:
        raise TypedInputError(f"Der {day:%d.%m.%Y} liegt in der Vergangenheit.")
    return TypedDay(day)


def parse_time(text: str) -> dt.time | None:
    """'8' → 08:00, '830' → 08:30, '8:30', '8.30', '08:30 Uhr'; '' → None."""
    cleaned = text.strip().lower()
    for suffix in ("uhr", "h"):
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].strip()
    if not cleaned:
        if text.strip():
            raise TypedInputError(f"„{text.strip()}“ ist keine Uhrzeit. {TIME_HINT}")
        return None
    if match := _TIME_DIGITS.match(cleaned):
        digits = match[1]
        hour, minute = int(digits[:-2]), int(digits[-2:])
    elif match := _TIME.match(cleaned):
        hour, minute = int(match[1]), int(match[2] or 0)
    else:
        raise TypedInputError(f"„{text.strip()}“ ist keine Uhrzeit. {TIME_HINT}")
    if hour > 23 or minute > 59:
        raise TypedInputError(f"{text.strip()} ist keine Uhrzeit. {TIME_HINT}")
    return dt.time(hour, minute)


def field_error(key: str, label: str, error: TypedInputError) -> ValidationError:
    return ValidationError([FieldError(key, label, str(error))])

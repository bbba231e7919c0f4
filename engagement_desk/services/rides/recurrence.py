"""Recurrence rules of standing orders: RFC 5545 RRULE text, parsed with dateutil.

The window never shows the text: ``Recurrence`` is what its editor edits
(weekly on days, every N weeks, monthly on the n-th weekday) and ``describe``
says any rule in German words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr

from engagement_desk.services.rides.calendar import WEEKDAY_NAMES

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
WEEKLY_KIND = "weekly"
MONTHLY_KIND = "monthly"


class RecurrenceError(ValueError):
    """The text is no usable RRULE; ``str()`` is a German message."""


@dataclass(frozen=True)
class WeeklyRecurrence:
    """What the UI edits: weekdays (0 = Monday) and every how many weeks."""

    weekdays: tuple[int, ...]
    interval: int = 1


def build_recurrence(weekdays: Iterable[int], interval: int = 1) -> str:
    """``FREQ=WEEKLY;BYDAY=TU`` for every Tuesday, ``…;INTERVAL=2`` for every 2nd week."""
    days = sorted(set(weekdays))
    if not days or any(not 0 <= d <= 6 for d in days):
        raise RecurrenceError("Bitte mindestens einen Wochentag (Montag bis Sonntag) wählen.")
    if not 1 <= interval <= 8:
        raise RecurrenceError("Der Abstand muss 1 bis 8 Wochen sein.")
    text = "FREQ=WEEKLY"
    if interval > 1:
        text += f";INTERVAL={interval}"
    return text + ";BYDAY=" + ",".join(RRULE_DAYS[d] for d in days)


def normalized(text: str) -> str:
    body = (text or "").strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    return body.upper().replace(" ", "")


def parse_recurrence(text: str, start: dt.date) -> object:
    """The dateutil rule anchored at ``start``; RecurrenceError with a German message if bad."""
    body = normalized(text)
    if not body:
        raise RecurrenceError("Bitte eine Wiederholung angeben.")
    if "DTSTART" in body:
        raise RecurrenceError("Der Beginn steht im Feld „gültig ab“, nicht in der Regel.")
    try:
        rule = rrulestr(body, dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError) as exc:
        raise RecurrenceError(f"„{text}“ ist keine gültige Wiederholungsregel.") from exc
    frequency = getattr(rule, "_freq", None)
    if frequency not in _ALLOWED_FREQUENCIES:
        raise RecurrenceError("Eine Fahrt wiederholt sich höchstens täglich.")
    return rule


def weekly_parts(text: str) -> WeeklyRecurrence | None:
    """The weekdays and interval of a plain weekly rule, or None for anything else."""
    body = normalized(text)
    parts = dict(p.split("=", 1) for p in body.split(";") if "=" in p)
    if parts.get("FREQ") != "WEEKLY" or set(parts) - {"FREQ", "INTERVAL", "BYDAY", "WKST"}:
        return None
    days = parts.get("BYDAY", "")
    if not days or not re.fullmatch(r"(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*", days):
        return None
    interval = int(parts.get("INTERVAL", "1") or 1)
    return WeeklyRecurrence(tuple(sorted(RRULE_DAYS.index(d) for d in days.split(","))), interval)


def describe_recurrence(text: str) -> str:
    """German words for any rule; see ``describe``."""
    return describe(text)


def _day_list(weekdays: Iterable[int]) -> str:
    names = [WEEKDAY_NAMES[d] for d in weekdays]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


@dataclass(frozen=True)
class Recurrence:
    """What the recurrence editor edits; ``to_rrule``/``from_rrule`` convert both ways.

    ``weekly``: ``weekdays`` every ``interval`` weeks; ``monthly``: the ``ordinal``-th
    (1–4, or LAST) ``weekdays[0]`` of every month.
    """

    kind: str = WEEKLY_KIND
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    ordinal: int = 1

    def to_rrule(self) -> str:
        if self.kind == WEEKLY_KIND:
            return build_recurrence(self.weekdays, self.interval)
        if self.kind != MONTHLY_KIND:
            raise RecurrenceError("Unbekannte Art der Wiederholung.")
        if len(self.weekdays) != 1 or not 0 <= self.weekdays[0] <= 6:
            raise RecurrenceError("Bitte genau einen Wochentag wählen.")
        if self.ordinal not in ORDINALS:
            raise RecurrenceError("Bitte den 1. bis 4. oder den letzten Wochentag wählen.")
        return f"FREQ=MONTHLY;BYDAY={self.ordinal}{RRULE_DAYS[self.weekdays[0]]}"

    def describe(self) -> str:
        if self.kind == MONTHLY_KIND:
            nth = "letzten" if self.ordinal == LAST else f"{self.ordinal}."
            return f"jeden {nth} {WEEKDAY_NAMES[self.weekdays[0]]} im Monat"
        days = _day_list(self.weekdays)
        if self.interval == 1:
            return f"jeden {days}"
        return f"alle {self.interval} Wochen am {days}"


LAST = -1
ORDINALS = (1, 2, 3, 4, LAST)
_MONTHLY_DAY = re.compile(r"^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$")


def from_rrule(text: str) -> Recurrence | None:
    """The editor's form of a rule, or None for rules it cannot show (kept as they are)."""
    weekly = weekly_parts(text)
    if weekly is not None:
        if not 1 <= weekly.interval <= 8:
            return None
        return Recurrence(WEEKLY_KIND, weekly.weekdays, weekly.interval)
    parts = _parts(text)
    if parts.get("FREQ") != "MONTHLY" or set(parts) - {"FREQ", "BYDAY", "INTERVAL", "WKST"}:
        return None
    if parts.get("INTERVAL", "1") != "1":
        return None
    match = _MONTHLY_DAY.match(parts.get("BYDAY", ""))
    if match is None:
        return None
    return Recurrence(MONTHLY_KIND, (RRULE_DAYS.index(match[2]),), 1, int(match[1]))


def _parts(text: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in normalized(text).split(";") if "=" in p)


_FREQUENCY_WORDS = {"DAILY": "Tage", "WEEKLY": "Wochen", "MONTHLY": "Monate", "YEARLY": "Jahre"}


def describe(text: str) -> str:
    """German words: 'jeden Dienstag und Donnerstag', 'alle 2 Wochen am Montag',
    'jeden 1. Mittwoch im Monat', 'jeden letzten Freitag im Monat'.

    Rules the editor cannot build (e.g. from an import) get rougher words and the rule.
    """
    recurrence = from_rrule(text)
    if recurrence is not None:
        return recurrence.describe()
    parts = _parts(text)
    frequency = parts.get("FREQ", "")
    interval = parts.get("INTERVAL", "1")
    if frequency == "DAILY" and set(parts) <= {"FREQ", "INTERVAL"}:
        return "täglich" if interval == "1" else f"alle {interval} Tage"
    if (
        frequency == "MONTHLY"
        and set(parts) <= {"FREQ", "INTERVAL", "BYMONTHDAY"}
        and parts.get("BYMONTHDAY", "").isdigit()
    ):
        every = "jeden Monat" if interval == "1" else f"alle {interval} Monate"
        return f"{every} am {parts['BYMONTHDAY']}."
    if frequency in _FREQUENCY_WORDS:
        every = {"DAILY": "täglich", "WEEKLY": "wöchentlich", "MONTHLY": "monatlich"}.get(
            frequency, "jährlich"
        )
        if interval != "1":
            every = f"alle {interval} {_FREQUENCY_WORDS[frequency]}"
        return f"{every}, eigene Regel ({normalized(text)})"
    return normalized(text)

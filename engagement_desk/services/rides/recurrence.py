"""Recurrence rules of standing orders: RFC 5545 RRULE text, parsed with dateutil."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr

from engagement_desk.services.rides.calendar import WEEKDAY_NAMES

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
_ORDINAL = {2: "2.", 3: "3.", 4: "4."}


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
    """German words for a rule: 'jeden Dienstag', 'jeden 2. Donnerstag', or the rule itself."""
    parts = weekly_parts(text)
    if parts is None:
        return normalized(text)
    names = [WEEKDAY_NAMES[d] for d in parts.weekdays]
    days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]
    if parts.interval == 1:
        return f"jeden {days}"
    return f"jeden {_ORDINAL.get(parts.interval, f'{parts.interval}.')} {days}"

"""Which backups to keep: the last 7 days, 5 weeks and 12 months (grandfather-father-son),
and the three newest whatever their day, so a backup made by hand before a risky step
survives the automatic one at closing time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12
KEEP_NEWEST = 3

T = TypeVar("T")


def _newest_per_period(
    items: Sequence[T], when: Callable[[T], dt.datetime], period: Callable[[dt.datetime], Hashable]
) -> list[T]:
    """The newest item of each period, newest period first."""
    chosen: dict[Hashable, T] = {}
    for item in sorted(items, key=when, reverse=True):
        chosen.setdefault(period(when(item)), item)
    return list(chosen.values())


def backups_to_keep(
    items: Sequence[T],
    when: Callable[[T], dt.datetime],
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
    newest: int = KEEP_NEWEST,
) -> list[T]:
    """The newest backup of each of the last ``daily`` days, ``weekly`` ISO weeks and
    ``monthly`` months that have one; never nothing while there is a backup at all."""
    keep: list[T] = sorted(items, key=when, reverse=True)[:newest]
    for count, period in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        for item in _newest_per_period(items, when, period)[:count]:
            if item not in keep:
                keep.append(item)
    if not keep and items:
        keep.append(max(items, key=when))
    return sorted(keep, key=when, reverse=True)

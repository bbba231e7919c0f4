"""Fast weighted draws: ``random.choices`` rebuilds its tables on every call."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """Draw one of ``options`` (value, weight) with a single ``rng.random()``."""

    def __init__(self, options: Sequence[tuple[T, float]]):
        self._values = [value for value, _ in options]
        self._cumulative = list(accumulate(weight for _, weight in options))
        self._total = self._cumulative[-1]

    def __call__(self, rng: random.Random) -> T:
        return self._values[bisect(self._cumulative, rng.random() * self._total)]


def below(rng: random.Random, n: int) -> int:
    """A random int in [0, n); much cheaper than ``randrange`` in hot loops."""
    return int(rng.random() * n)


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """``rng.choice`` for hot loops, with one ``rng.random()``."""
    return options[int(rng.random() * len(options))]

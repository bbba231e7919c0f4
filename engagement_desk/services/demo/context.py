"""What every stage of the generator works with."""

from __future__ import annotations

import random
from dataclasses import dataclass

from engagement_desk.services.demo.clock import Clock
from engagement_desk.services.demo.pools import Pools
from engagement_desk.services.demo.writer import Writer


@dataclass
class Context:
    writer: Writer
    clock: Clock
    pools: Pools
    seed: int

    def rng(self, stage: str) -> random.Random:
        """A random source of its own per stage, so one stage's changes leave the others alone."""
        return random.Random(f"{self.seed}:{stage}")

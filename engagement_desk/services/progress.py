"""How long-running services report progress and notice a cancel request, without Qt."""

from __future__ import annotations

from typing import Protocol

from engagement_desk.services.errors import Cancelled


class Progress(Protocol):
    def report(self, done: int, total: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NoProgress:
    """The default: nobody watches, nobody cancels."""

    cancelled = False

    def report(self, done: int, total: int, text: str = "") -> None:
        pass


NO_PROGRESS: Progress = NoProgress()


def step(progress: Progress, done: int, total: int, text: str = "") -> None:
    """Report and stop with ``Cancelled`` if the user asked to."""
    if progress.cancelled:
        raise Cancelled()
    progress.report(done, total, text)

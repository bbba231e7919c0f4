"""Leaving a page that may hold unsaved changes: what tabs and the main window use.

Kept apart from ``editor_base`` (the form machinery) so the main window can
guard its tabs without loading forms before its first paint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

Then = Callable[[], Any] | None


@runtime_checkable
class Leavable(Protocol):
    """A page or tab that may hold unsaved changes (an editor, or a tab with editors)."""

    def has_unsaved(self) -> bool: ...

    def leave(self, then: Then = None) -> bool: ...


class PageGuard(QObject):
    """Keeps a ``QTabWidget`` on a page with unsaved changes until they are resolved.

    ``leavable(page)`` names what may hold changes on a page (None: nothing).
    Qt has already switched when ``currentChanged`` arrives, so the guard
    switches back quietly, asks, and switches on once saved or discarded.
    """

    def __init__(
        self,
        tabs: QTabWidget,
        leavable: Callable[[QWidget], Leavable | None] | None = None,
    ):
        super().__init__(tabs)
        self._tabs = tabs
        self._leavable = leavable or _leavable_page
        self._current = tabs.currentIndex()
        tabs.currentChanged.connect(self._changed)

    @Slot(int)
    def _changed(self, index: int) -> None:
        previous, self._current = self._current, index
        if previous == index or not 0 <= previous < self._tabs.count():
            return
        page = self._tabs.widget(previous)
        leavable = self._leavable(page) if page is not None else None
        if leavable is None or not leavable.has_unsaved():
            return
        blocked = self._tabs.blockSignals(True)
        self._tabs.setCurrentIndex(previous)
        self._tabs.blockSignals(blocked)
        self._current = previous
        leavable.leave(functools.partial(self._tabs.setCurrentIndex, index))


def _leavable_page(page: QWidget) -> Leavable | None:
    return page if isinstance(page, Leavable) else None


def leave_all(leavables: Iterable[Leavable], then: Then = None) -> bool:
    """Ask each with unsaved changes in turn; ``then`` once all are clear. False: stay."""
    pending = [leavable for leavable in leavables if leavable.has_unsaved()]
    if not pending:
        if then is not None:
            then()
        return True
    first, rest = pending[0], pending[1:]
    return first.leave(functools.partial(leave_all, rest, then) if rest else then)

"""Veranstaltungen: the list of events with the event editor, registrations and prints."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.tab import EventsTab


def create_events_tab(ctx: AppContext, parent: QWidget | None = None) -> EventsTab:
    return EventsTab(ctx, parent)

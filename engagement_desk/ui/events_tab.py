"""Veranstaltungen: events with kind, place and how many have registered (read-only)."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events import EVENT_COLUMNS, count_events, list_events
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.list_view import FilterOption, FilterSpec, ListPanel, ListSpec, enum_filter

translate = QCoreApplication.translate


def create_events_tab(ctx: AppContext, parent: QWidget | None = None) -> ListPanel:
    spec = ListSpec(
        name="events",
        fetch=functools.partial(list_events, ctx.db),
        count=functools.partial(count_events, ctx.db),
        columns=EVENT_COLUMNS,
        accessible_name=lambda: translate("EventsTab", "List of events"),
        search_placeholder=lambda: translate("EventsTab", "Search title or venue …"),
        filters=(
            FilterSpec(
                "period",
                lambda: translate("EventsTab", "Period"),
                (
                    FilterOption(lambda: translate("EventsTab", "All events")),
                    FilterOption(
                        lambda: translate("EventsTab", "Upcoming"),
                        {"from_date": dt.date.today()},
                    ),
                ),
            ),
            enum_filter(
                "kind",
                EventKind,
                lambda: translate("EventsTab", "Kind"),
                lambda: translate("EventsTab", "All kinds"),
            ),
        ),
        value_labels={"kind": labeller(EventKind)},
        column_widths={
            "starts_at": 17,
            "kind": 30,
            "title": 34,
            "place": 28,
            "registrations": 12,
            "capacity": 8,
        },
        descending=True,
        stretch_key="title",
        empty_text=lambda: translate("EventsTab", "No events planned yet."),
    )
    return ListPanel(ctx, spec, parent)

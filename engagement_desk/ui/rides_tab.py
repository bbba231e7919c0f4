"""Fahrdienst: the rides, by date, with service, passengers, driver and status (read-only)."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides import RIDE_COLUMNS, count_rides, list_rides, week_bounds
from engagement_desk.ui.choices import ride_service_options
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.list_view import FilterOption, FilterSpec, ListPanel, ListSpec, enum_filter

translate = QCoreApplication.translate


def period_filter(today: dt.date) -> FilterSpec:
    monday, sunday = week_bounds(today)
    month_start = today.replace(day=1)
    next_month = (month_start + dt.timedelta(days=32)).replace(day=1)
    return FilterSpec(
        "period",
        lambda: translate("RidesTab", "Period"),
        (
            FilterOption(lambda: translate("RidesTab", "All dates")),
            FilterOption(lambda: translate("RidesTab", "From today"), {"from_date": today}),
            FilterOption(
                lambda: translate("RidesTab", "Today"), {"from_date": today, "to_date": today}
            ),
            FilterOption(
                lambda: translate("RidesTab", "This week"), {"from_date": monday, "to_date": sunday}
            ),
            FilterOption(
                lambda: translate("RidesTab", "This month"),
                {"from_date": month_start, "to_date": next_month - dt.timedelta(days=1)},
            ),
        ),
    )


def create_rides_tab(ctx: AppContext, parent: QWidget | None = None) -> ListPanel:
    spec = ListSpec(
        name="rides",
        fetch=functools.partial(list_rides, ctx.db),
        count=functools.partial(count_rides, ctx.db),
        columns=RIDE_COLUMNS,
        accessible_name=lambda: translate("RidesTab", "List of rides"),
        search_placeholder=lambda: translate("RidesTab", "Search destination, address or driver …"),
        filters=(
            period_filter(dt.date.today()),
            FilterSpec(
                "service",
                lambda: translate("RidesTab", "Service"),
                (FilterOption(lambda: translate("RidesTab", "All services")),),
            ),
            enum_filter(
                "status",
                RideStatus,
                lambda: translate("RidesTab", "Status"),
                lambda: translate("RidesTab", "All statuses"),
            ),
        ),
        value_labels={"status": labeller(RideStatus)},
        column_widths={
            "ride_date": 10,
            "start_time": 6,
            "service": 18,
            "passengers": 28,
            "destination": 28,
            "driver": 18,
            "status": 14,
        },
        descending=True,
        empty_text=lambda: translate("RidesTab", "No rides planned yet."),
    )
    panel = ListPanel(ctx, spec, parent)
    panel.load_filter_options("service", ride_service_options, ctx.db)
    return panel

"""Filter choices that come from the database (centres, ride services)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from engagement_desk.ui.widgets.list_view import FilterOption

if TYPE_CHECKING:
    from engagement_desk.db import Database
    from engagement_desk.services.organizations.centers import CenterRecord


def _constant(text: str) -> Callable[[], str]:
    return lambda: text


def center_filter_options(centers: Iterable[CenterRecord]) -> list[FilterOption]:
    return [FilterOption(_constant(c.name), {"center_id": c.id}) for c in centers]


def center_options(db: Database) -> list[FilterOption]:
    """Runs off the GUI thread (``ListPanel.load_filter_options``)."""
    from engagement_desk.services.organizations.centers import list_centers

    return center_filter_options(list_centers(db))


def ride_service_options(db: Database) -> list[FilterOption]:
    """Runs off the GUI thread (``ListPanel.load_filter_options``)."""
    from engagement_desk.services.rides.ride_list import list_ride_services

    return [
        FilterOption(_constant(name), {"service_id": service_id})
        for service_id, name in list_ride_services(db)
    ]

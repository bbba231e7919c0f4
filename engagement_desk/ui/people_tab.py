"""Personen: everyone the agency knows, searchable and filterable by role, status and centre."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.people import PEOPLE_COLUMNS, count_people, list_people
from engagement_desk.ui.choices import center_options
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.list_view import FilterOption, FilterSpec, ListPanel, ListSpec, enum_filter

translate = QCoreApplication.translate


def create_people_tab(ctx: AppContext, parent: QWidget | None = None) -> ListPanel:
    spec = ListSpec(
        name="people",
        fetch=functools.partial(list_people, ctx.db),
        count=functools.partial(count_people, ctx.db),
        columns=PEOPLE_COLUMNS,
        accessible_name=lambda: translate("PeopleTab", "List of people"),
        search_placeholder=lambda: translate("PeopleTab", "Search name, e-mail, phone or town …"),
        filters=(
            enum_filter(
                "role",
                Role,
                lambda: translate("PeopleTab", "Role"),
                lambda: translate("PeopleTab", "All roles"),
            ),
            enum_filter(
                "status",
                PersonStatus,
                lambda: translate("PeopleTab", "Status"),
                lambda: translate("PeopleTab", "All statuses"),
            ),
            FilterSpec(
                "center",
                lambda: translate("PeopleTab", "Centre"),
                (FilterOption(lambda: translate("PeopleTab", "All centres")),),
            ),
        ),
        value_labels={"roles": labeller(Role), "status": labeller(PersonStatus)},
        column_widths={
            "last_name": 16,
            "first_name": 14,
            "birth_date": 11,
            "postal_code": 6,
            "city": 14,
            "phone": 16,
            "email": 26,
            "roles": 26,
            "status": 9,
        },
    )
    panel = ListPanel(ctx, spec, parent)
    panel.load_filter_options("center", center_options, ctx.db)
    return panel

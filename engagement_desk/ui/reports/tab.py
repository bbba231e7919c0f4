"""Auswertung: the agency's figures for one year, as the town and funders ask for them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import Role
from engagement_desk.services.reports.figures import Overview, agency_overview
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_decimal, format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.elided_label import ElidedLabel

FIRST_YEAR = 2000
LAST_YEAR = 2100


def _value_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumWidth(90)
    return label


class _FigureGroup(QGroupBox):
    """A titled box of "name … value" rows."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(name)
        self.form = QFormLayout(self)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(24)

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for name, value in rows:
            label = _value_label()
            label.setText(value)
            # Long centre names end in "…": three boxes side by side fit a 1280 px screen.
            self.form.addRow(ElidedLabel(name), label)


class ReportsTab(Retranslatable, QWidget):
    """Year chooser and the figures of ``agency_overview``."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports_tab")
        self._overview: Overview | None = None
        self._generation = Generation()
        self._loading = False

        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(dt.date.today().year)
        self.year.setGroupSeparatorShown(False)
        self.year.valueChanged.connect(self._load)
        self.year_label.setBuddy(self.year)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addSpacing(24)
        top.addWidget(self.heading)
        top.addStretch(1)

        self.people = _FigureGroup("report_people")
        self.organizations = _FigureGroup("report_organizations")
        self.rides = _FigureGroup("report_rides")
        self.events = _FigureGroup("report_events")
        self.hours = _FigureGroup("report_hours")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(18)
        grid.addWidget(self.people, 0, 0, 2, 1)
        grid.addWidget(self.organizations, 0, 1)
        grid.addWidget(self.rides, 1, 1)
        grid.addWidget(self.events, 0, 2)
        grid.addWidget(self.hours, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.retranslate_ui()
        self._load()

    @Slot()
    def _load(self) -> None:
        self._generation.advance()
        self._loading = True
        self.status_changed.emit()
        self.ctx.ops.query(agency_overview, self.ctx.db, self.year.value()).discard_if_stale(
            self._generation
        ).success(self._show).failure(self._failed).run()

    def _show(self, overview: Overview) -> None:
        self._overview = overview
        self._loading = False
        self._fill()
        self.status_changed.emit()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self.status_changed.emit()
        self.ctx.ops.show_error(error, self)

    def retranslate_ui(self) -> None:
        self.year_label.setText(self.tr("Year:"))
        self.year.setAccessibleName(self.tr("Year of the report"))
        self.people.setTitle(self.tr("People"))
        self.organizations.setTitle(self.tr("Organizations and placements"))
        self.rides.setTitle(self.tr("Ride service"))
        self.events.setTitle(self.tr("Events"))
        self.hours.setTitle(self.tr("Volunteer hours"))
        self._fill()

    def _fill(self) -> None:
        o = self._overview
        self.heading.setText(self.tr("Figures for %1").replace("%1", str(o.year)) if o else "")
        if o is None:
            return
        roles = [
            (enum_label(Role, role), format_int(o.people_by_role.get(role.value, 0)))
            for role in Role
        ]
        active = (self.tr("Volunteers with hours this year"), format_int(o.active_volunteers))
        self.people.set_rows([*roles, active])
        self.organizations.set_rows(
            [
                (self.tr("Active organizations"), format_int(o.organizations)),
                (self.tr("Open opportunities"), format_int(o.open_opportunities)),
                (self.tr("Active placements"), format_int(o.placements_active)),
            ]
        )
        self.rides.set_rows(
            [
                (self.tr("Rides done"), format_int(o.rides_done)),
                (self.tr("Kilometres driven"), self._km(o.ride_km)),
            ]
        )
        self.events.set_rows(
            [
                (self.tr("Events"), format_int(o.events)),
                (self.tr("Participants present"), format_int(o.event_participants)),
            ]
        )
        by_center = [
            (name or self.tr("Without centre"), self._hours(hours))
            for name, hours in o.hours_by_center.items()
        ]
        self.hours.set_rows([(self.tr("Total"), self._hours(o.hours_total)), *by_center])

    def _km(self, value: Decimal) -> str:
        return self.tr("%1 km").replace("%1", format_decimal(value, 1))

    def _hours(self, value: Decimal) -> str:
        return self.tr("%1 h").replace("%1", format_decimal(value, 1))

    @property
    def overview(self) -> Overview | None:
        return self._overview

    def focus_search(self) -> None:
        self.year.setFocus()
        self.year.selectAll()

    def status_text(self) -> str:
        if self._loading:
            return self.tr("Calculating …")
        return ""

    def refresh(self) -> None:
        self._load()

"""What belongs to the chosen centre: its clubs, opportunities, volunteers and events."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal, Slot
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from engagement_desk.models.enums import EventKind, OpportunityStatus, OrganizationKind
from engagement_desk.services.organizations.center_overview import CenterOverview, center_overview
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date, format_decimal, format_int, join_values
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.organizations.rows import Row, RowsModel, RowsView, headers

CONTEXT = "CenterOverviewPanel"
ORGANIZATIONS = (
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Name"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Kind"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Town"),
)
OPPORTUNITIES = (
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Opportunity"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Organization"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Wanted"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Status"),
)
VOLUNTEERS = (
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Name"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Hours (12 months)"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Placed in"),
)
EVENTS = (
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Date"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Event"),
    QT_TRANSLATE_NOOP("CenterOverviewPanel", "Kind"),
)


# What the overview shows: a change elsewhere to one of these reloads it.
OVERVIEW_TABLES = ("organization", "organization_center", "opportunity", "placement", "event")


class CenterOverviewPanel(Retranslatable, QWidget):
    """Four read-only lists; double-clicking a club or an opportunity asks to open it."""

    organization_activated = Signal(int)
    opportunity_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("center_overview")
        self.overview: CenterOverview | None = None
        self._loads = Generation()
        self.title = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("center_overview_tabs")
        self.organizations = self._view("center_organizations", ORGANIZATIONS, (28, 12))
        self.opportunities = self._view("center_opportunities", OPPORTUNITIES, (26, 22, 7))
        self.volunteers = self._view("center_volunteers", VOLUNTEERS, (22, 14))
        self.events = self._view("center_events", EVENTS, (10, 30))
        for view in (self.organizations, self.opportunities, self.volunteers, self.events):
            self.tabs.addTab(view, "")
        self.organizations.activated.connect(self._organization_activated)
        self.opportunities.activated.connect(self._opportunity_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        follow_changes(ctx, self, OVERVIEW_TABLES, self.reload)
        self.retranslate_ui()

    def _view(self, name: str, titles: Sequence[str], widths: Sequence[int]) -> RowsView:
        view = RowsView(RowsModel(headers(CONTEXT, titles), self), name)
        view.set_widths(widths)
        return view

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Belonging to this centre"))
        for view in (self.organizations, self.opportunities, self.volunteers, self.events):
            view.rows_model.retranslate()
        self.organizations.setAccessibleName(self.tr("Clubs of the centre"))
        self.opportunities.setAccessibleName(self.tr("Opportunities of the centre"))
        self.volunteers.setAccessibleName(self.tr("Volunteers of the centre"))
        self.events.setAccessibleName(self.tr("Events of the centre"))
        if self.overview is not None:
            self._show(self.overview)
        else:
            self._count_tabs(0, 0, 0, 0)

    def _count_tabs(self, organizations: int, opportunities: int, people: int, events: int) -> None:
        texts = (
            self.tr("Clubs (%1)"),
            self.tr("Opportunities (%1)"),
            self.tr("Volunteers (%1)"),
            self.tr("Events (%1)"),
        )
        for index, (text, count) in enumerate(
            zip(texts, (organizations, opportunities, people, events), strict=True)
        ):
            self.tabs.setTabText(index, text.replace("%1", format_int(count)))

    def set_center(self, center_id: int | None) -> None:
        self._loads.advance()
        if center_id is None:
            self.overview = None
            for view in (self.organizations, self.opportunities, self.volunteers, self.events):
                view.rows_model.set_rows([])
            self._count_tabs(0, 0, 0, 0)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self.ctx.ops.query(center_overview, self.ctx.db, center_id).discard_if_stale(
            self._loads
        ).success(self._show).run()

    def reload(self) -> None:
        """The centre shown, once more (changed at another workstation)."""
        if self.overview is None:
            return
        center_id = self.overview.center_id
        self.ctx.ops.query(center_overview, self.ctx.db, center_id).discard_if_stale(
            self._loads
        ).success(self._show).run()

    def _show(self, overview: CenterOverview) -> None:
        self.overview = overview
        self.organizations.rows_model.set_rows(
            [
                Row(o.id, (o.name, enum_label(OrganizationKind, o.kind), o.city))
                for o in overview.organizations
            ]
        )
        self.opportunities.rows_model.set_rows(
            [
                Row(
                    o.id,
                    (
                        o.title,
                        o.organization_name,
                        format_int(o.volunteers_wanted),
                        enum_label(OpportunityStatus, o.status),
                    ),
                    numeric=frozenset({2}),
                )
                for o in overview.opportunities
            ]
        )
        self.volunteers.rows_model.set_rows(
            [
                Row(
                    v.id,
                    (v.name, format_decimal(v.hours, 1), join_values(v.placed_in)),
                    numeric=frozenset({1}),
                )
                for v in overview.volunteers
            ]
        )
        self.events.rows_model.set_rows(
            [
                Row(e.id, (format_date(e.starts_at.date()), e.title, enum_label(EventKind, e.kind)))
                for e in overview.events
            ]
        )
        self._count_tabs(
            len(overview.organizations),
            len(overview.opportunities),
            len(overview.volunteers),
            len(overview.events),
        )

    @Slot(QModelIndex)
    def _organization_activated(self, index: QModelIndex) -> None:
        self.organization_activated.emit(self.organizations.rows_model.record_id(index.row()))

    @Slot(QModelIndex)
    def _opportunity_activated(self, index: QModelIndex) -> None:
        self.opportunity_activated.emit(self.opportunities.rows_model.record_id(index.row()))

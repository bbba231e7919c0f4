"""Zentren & Vereine: clubs and organizations, the Engagement-Zentren, and the week's calls.

Three sections: the organizations (with contacts, opportunities and
matching), the centres (with what belongs to each), and "Wiedervorlagen",
the follow-up calls due this week. The calls' section title carries their
count and turns red when one is overdue, so it is seen whichever section is
open; the tab remembers the section last used.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from engagement_desk.services.organizations.centers import CenterRecord
from engagement_desk.services.organizations.opportunities import OpportunityRecord
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.organizations.centres_page import CentresPage
from engagement_desk.ui.organizations.clubs_page import ClubsPage, organizations_spec
from engagement_desk.ui.organizations.follow_ups import FollowUpsPage
from engagement_desk.ui.organizations.opportunity_editor import OpportunityDialog
from engagement_desk.ui.organizations.record_editor import RecordEditor
from engagement_desk.ui.organizations.rows import ALERT_COLOR
from engagement_desk.ui.widgets.leaving import PageGuard, Then

__all__ = ["OrganizationsTab", "organizations_spec"]

SECTION_KEY = "organizations_tab/section"
CLUBS, CENTRES, FOLLOW_UPS = range(3)


class OrganizationsTab(Retranslatable, QWidget):
    """The "Zentren & Vereine" tab."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("organizations_tab")
        self._due = self._overdue = 0
        self.opportunity_dialog: OpportunityDialog | None = None

        self.clubs = ClubsPage(ctx)
        self.centres = CentresPage(ctx)
        self.follow_ups = FollowUpsPage(ctx)
        self.sections = QTabWidget()
        self.sections.setObjectName("organizations_sections")
        self.sections.setDocumentMode(True)
        for page in (self.clubs, self.centres, self.follow_ups):
            self.sections.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)

        # What the list tests and the main window know this tab by.
        self.centers_list = self.clubs.centers_list
        self.panel = self.clubs.panel

        for page in (self.clubs, self.centres, self.follow_ups):
            page.status_changed.connect(self._page_status_changed)
        self.centres.centers_changed.connect(self._centers_changed)
        self.centres.overview.organization_activated.connect(self.show_organization)
        self.centres.overview.opportunity_activated.connect(self.show_opportunity)
        self.clubs.placement_created.connect(self._placements_changed)
        self.follow_ups.counts_changed.connect(self._calls_counted)
        self.follow_ups.placement_changed.connect(self._placements_changed)
        self.sections.currentChanged.connect(self._section_changed)

        PageGuard(self.sections, self._section_editor)
        self.retranslate_ui()
        section = _int(ctx.settings.value(SECTION_KEY, CLUBS))
        if 0 <= section < self.sections.count():
            self.sections.setCurrentIndex(section)
        # The section's title counts this week's calls: known from the start, not after F5.
        self.follow_ups.refresh()

    def retranslate_ui(self) -> None:
        self.sections.setTabText(CLUBS, self.tr("&Clubs and organizations"))
        self.sections.setTabText(CENTRES, self.tr("Engagement cent&res"))
        self._title_calls()

    def _title_calls(self) -> None:
        text = self.tr("Follow-&up calls (%1)").replace("%1", format_int(self._due))
        self.sections.setTabText(FOLLOW_UPS, text)
        bar = self.sections.tabBar()
        if self._overdue:
            bar.setTabTextColor(FOLLOW_UPS, ALERT_COLOR)
            tip = self.tr("%1 calls due this week, %2 of them overdue")
            tip = tip.replace("%2", format_int(self._overdue))
        else:
            bar.setTabTextColor(FOLLOW_UPS, bar.palette().color(QPalette.ColorRole.WindowText))
            tip = self.tr("%1 calls due this week")
        self.sections.setTabToolTip(FOLLOW_UPS, tip.replace("%1", format_int(self._due)))

    # --- sections --------------------------------------------------------------

    def current_page(self) -> ClubsPage | CentresPage | FollowUpsPage:
        return (self.clubs, self.centres, self.follow_ups)[max(self.sections.currentIndex(), 0)]

    def _section_editor(self, page: QWidget) -> RecordEditor | None:
        return next((e for s, e in self.editors() if self.sections.widget(s) is page), None)

    @Slot(int)
    def _section_changed(self, index: int) -> None:
        self.ctx.settings.setValue(SECTION_KEY, index)
        self.status_changed.emit()

    @Slot()
    def _page_status_changed(self) -> None:
        if self.sender() is self.current_page():
            self.status_changed.emit()

    @Slot(int, int)
    def _calls_counted(self, due: int, overdue: int) -> None:
        self._due, self._overdue = due, overdue
        self._title_calls()

    @Slot(object)
    def _placements_changed(self, _placement: object = None) -> None:
        self.follow_ups.refresh()
        self.centres.overview.set_center(self.centres.editor.record_id)

    @Slot(object)
    def _centers_changed(self, centers: Sequence[CenterRecord]) -> None:
        self.clubs.reload_centers(centers)

    @Slot(int)
    def show_organization(self, organization_id: int) -> None:
        self.sections.setCurrentIndex(CLUBS)
        self.clubs.open_organization(organization_id)

    @Slot(int)
    def show_opportunity(self, opportunity_id: int) -> None:
        self.opportunity_dialog = OpportunityDialog(
            self.ctx, opportunity_id=opportunity_id, parent=self
        )
        self.opportunity_dialog.saved.connect(self._opportunity_saved)
        self.opportunity_dialog.placement_created.connect(self._placements_changed)
        self.opportunity_dialog.open()

    @Slot(object)
    def _opportunity_saved(self, _record: OpportunityRecord) -> None:
        self.centres.overview.set_center(self.centres.editor.record_id)
        self.clubs.refresh()

    # --- the tab protocol ------------------------------------------------------

    def select_center(self, center_id: int | None) -> None:
        """Show the organizations of one centre (None: all)."""
        self.sections.setCurrentIndex(CLUBS)
        self.clubs.select_center(center_id)

    def focus_search(self) -> None:
        page = self.current_page()
        if isinstance(page, FollowUpsPage):
            page.table.setFocus()
        else:
            page.focus_search()

    def status_text(self) -> str:
        return self.current_page().status_text()

    def refresh(self) -> None:
        self.clubs.refresh()
        self.centres.refresh()
        self.follow_ups.refresh()

    # --- unsaved changes ---------------------------------------------------------

    def editors(self) -> list[tuple[int, RecordEditor]]:
        return [(CLUBS, self.clubs.editor), (CENTRES, self.centres.editor)]

    def opportunity_editors(self) -> list[RecordEditor]:
        """The editors of opportunity dialogs still open (they close themselves on delete)."""
        dialogs = (self.opportunity_dialog, self.clubs.editor.opportunities.dialog)
        return [d.editor for d in dialogs if d is not None and isValid(d) and d.isVisible()]

    def has_unsaved(self) -> bool:
        editors = [editor for _, editor in self.editors()] + self.opportunity_editors()
        return any(editor.has_unsaved() for editor in editors)

    def leave(self, then: Then = None) -> bool:
        """Ask about unsaved changes (showing the section they are in); ``then`` once clear."""
        for section, editor in self.editors():
            if editor.has_unsaved():
                self.sections.setCurrentIndex(section)
                return editor.resolve_unsaved(functools.partial(self.leave, then))
        for editor in self.opportunity_editors():
            if editor.has_unsaved():  # the question opens over the dialog
                return editor.resolve_unsaved(functools.partial(self.leave, then))
        if then is not None:
            then()
        return True


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return CLUBS

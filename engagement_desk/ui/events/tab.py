"""The Veranstaltungen tab: list or month view beside the selected event.

The left side shows either the list (a ``ListPanel`` over ``services.events``)
or a calendar month; the right side has the event form ("Details"), its
registrations with check-in, its helper shifts and, for a "Bürgerschaft
(ge)fragt" round, the citizens' questions. Prints (sign-in list, helper plan,
name badges) open in the PDF preview; the public events can be exported as an
iCal file.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import EventKind, RegistrationRole
from engagement_desk.services.events.editing import get_event
from engagement_desk.services.events.event_list import EVENT_COLUMNS, count_events, list_events
from engagement_desk.services.events.ical import export_public_calendar
from engagement_desk.services.events.prints import lists as print_lists
from engagement_desk.services.events.prints.badges import name_badges_pdf
from engagement_desk.services.events.records import EventRecord
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.editor import EventEditor
from engagement_desk.ui.events.month_view import EventMonthView
from engagement_desk.ui.events.questions import QuestionsPanel
from engagement_desk.ui.events.register_dialog import roles_for
from engagement_desk.ui.events.registrations import RegistrationsPanel
from engagement_desk.ui.events.shifts import ShiftsPanel
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.letters.dialog import open_event_letters
from engagement_desk.ui.widgets.leaving import Leavable, PageGuard, Then
from engagement_desk.ui.widgets.list_view import (
    FilterOption,
    FilterSpec,
    ListPanel,
    ListSpec,
    enum_filter,
)
from engagement_desk.ui.widgets.pdf_output import PdfOutput
from engagement_desk.ui.widgets.pdf_preview import PdfPreviewDialog

translate = QCoreApplication.translate

LIST_VIEW, MONTH_VIEW = 0, 1

PRINTS = {
    "signin": print_lists.signin_list_pdf,
    "shifts": print_lists.shift_plan_pdf,
    "badges": name_badges_pdf,
}


def events_list_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="events",
        tables=("event", "registration", "shift"),
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
            "starts_at": 16,
            "kind": 20,
            "title": 26,
            "place": 14,
            "registrations": 11,
            "capacity": 6,
        },
        descending=True,
        stretch_key="title",
        empty_text=lambda: translate("EventsTab", "No events planned yet."),
    )


class EventsTab(Retranslatable, QWidget):
    """List on the left, the selected event's form and registrations on the right."""

    status_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("events_tab")
        self.output: PdfOutput | None = None  # the print seam; tests put a recorder here
        self.preview: PdfPreviewDialog | None = None

        self.panel = ListPanel(ctx, events_list_spec(ctx))
        self.model = self.panel.model
        self.panel.status_changed.connect(self.status_changed)
        self.panel.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.panel.activated.connect(self.open_record)

        self.month = EventMonthView(ctx)
        self.month.event_activated.connect(self.open_record)

        self.editor = EventEditor(ctx)
        self.editor.saved.connect(self._saved)
        self.editor.deleted.connect(self._deleted)
        self.registrations = RegistrationsPanel(ctx)
        self.registrations.changed.connect(self._registrations_changed)
        self.shifts = ShiftsPanel(ctx)
        self.shifts.changed.connect(self._shifts_changed)
        self.questions = QuestionsPanel(ctx)

        self.details = QTabWidget()
        self.details.setObjectName("event_details")
        for page in (self.editor, self.registrations, self.shifts, self.questions):
            self.details.addTab(page, "")
        PageGuard(self.details)

        # The editor's "New" also forgets the selected event's registrations.
        self.editor.new_button.clicked.disconnect(self.editor.new_event)
        self.editor.new_button.clicked.connect(self.new_event)
        self.print_button = QToolButton()
        self.print_button.setObjectName("event_prints")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_actions: dict[str, QAction] = {}
        for key in PRINTS:
            action = self.print_menu.addAction("")
            action.triggered.connect(functools.partial(self.show_print, key))
            self.print_actions[key] = action
        self.print_button.setMenu(self.print_menu)
        self.ical_button = QPushButton()
        self.ical_button.setObjectName("export_ical")
        self.ical_button.clicked.connect(self.export_ical)
        self.invite_button = QPushButton()
        self.invite_button.setObjectName("event_invitations")
        self.invite_button.clicked.connect(self.invite)
        self.panel.add_tool(self.print_button)
        self.panel.add_tool(self.invite_button)
        self.panel.add_tool(self.ical_button)

        self.views = QStackedWidget()
        self.views.setObjectName("event_views")
        self.views.addWidget(self.panel)
        self.views.addWidget(self.month)
        self.list_button = QToolButton()
        self.list_button.setObjectName("show_event_list")
        self.month_button = QToolButton()
        self.month_button.setObjectName("show_event_month")
        self.view_buttons = QButtonGroup(self)
        for index, button in enumerate((self.list_button, self.month_button)):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_buttons.addButton(button, index)
        self.list_button.setChecked(True)
        self.view_buttons.idClicked.connect(self.show_view)
        switcher = QHBoxLayout()
        switcher.setContentsMargins(0, 0, 0, 0)
        switcher.setSpacing(0)
        switcher.addWidget(self.list_button)
        switcher.addWidget(self.month_button)
        switcher.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(switcher)
        left_layout.addWidget(self.views, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 560])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.new_action = QAction(self)
        self.new_action.setObjectName("new_event_action")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.new_event)
        guard_each(ctx, Capability.EDIT_EVENTS, self.new_action)
        self.addAction(self.new_action)
        self._update_state()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.details.setTabText(0, self.tr("&Details"))
        self.details.setTabText(1, self.tr("Re&gistrations"))
        self.details.setTabText(2, self.tr("Sh&ifts"))
        self.details.setTabText(3, self.tr("Q&uestions"))
        self.details.setTabToolTip(3, self.tr("Citizens' questions and suggestions for the round"))
        self.list_button.setText(self.tr("List"))
        self.list_button.setToolTip(self.tr("Show the events as a list"))
        self.month_button.setText(self.tr("Month"))
        self.month_button.setToolTip(self.tr("Show the events of a month as a calendar"))
        self.print_button.setText(self.tr("Print"))
        self.print_actions["signin"].setText(self.tr("Sign-in list"))
        self.print_actions["shifts"].setText(self.tr("Helper plan"))
        self.print_actions["badges"].setText(self.tr("Name badges"))
        self.invite_button.setText(self.tr("Invitations …"))
        self.invite_button.setToolTip(
            self.tr("Letters, address labels or an e-mail list for the invitees of this event")
        )
        self.ical_button.setText(self.tr("iCal export…"))
        self.ical_button.setToolTip(self.tr("Save the public events as a calendar file"))

    # --- the tab protocol -------------------------------------------------

    def status_text(self) -> str:
        return self.panel.status_text()

    def focus_search(self) -> None:
        self.panel.focus_search()

    def refresh(self) -> None:
        self.panel.refresh()
        self._refresh_month()
        self.registrations.reload()
        self.shifts.reload()
        self.questions.reload()

    def show_record(self, record_id: int, search_text: str = "") -> None:
        self.show_view(LIST_VIEW)
        self.panel.show_record(record_id, search_text)

    # --- list or month ----------------------------------------------------

    @Slot(int)
    def show_view(self, index: int) -> None:
        self.view_buttons.button(index).setChecked(True)
        if self.views.currentIndex() == index:
            return
        self.views.setCurrentIndex(index)
        if index == MONTH_VIEW:
            record = self.editor.record
            if record is not None:
                self.month.show_date(record.starts_at.date())
            self.month.refresh()
        else:
            event_id = self.current_event_id()
            if event_id is not None and event_id != self.panel.current_id():
                self.panel.show_record(event_id)

    def _refresh_month(self) -> None:
        if self.views.currentIndex() == MONTH_VIEW:
            self.month.refresh()

    def current_event_id(self) -> int | None:
        return self.editor.record.id if self.editor.record is not None else None

    # --- selection --------------------------------------------------------

    @Slot()
    def _current_changed(self, *_: object) -> None:
        event_id = self.panel.current_id()
        if event_id is not None and event_id != self.current_event_id():
            self.open_record(event_id)

    @Slot(int)
    def open_record(self, event_id: int) -> None:
        """Show an event, once unsaved changes to the one shown are saved or discarded."""
        if not self.leave(functools.partial(self._open_record, event_id)):
            self._select_shown()

    def _open_record(self, event_id: int) -> None:
        self.ctx.ops.query(get_event, self.ctx.db, event_id).success(self._event_loaded).run()

    def _select_shown(self) -> None:
        """Back to the event in the form (the person chose to stay with their changes)."""
        event_id = self.current_event_id()
        if event_id is None:
            self.panel.table.clearSelection()
        elif self.views.currentIndex() == LIST_VIEW:
            self.panel.show_record(event_id)

    # --- unsaved changes --------------------------------------------------

    def editors(self) -> tuple[Leavable, ...]:
        return (self.editor, self.shifts, self.questions)

    def has_unsaved(self) -> bool:
        return any(editor.has_unsaved() for editor in self.editors())

    def leave(self, then: Then = None) -> bool:
        """Ask about each part with unsaved changes, showing it; ``then`` once clear."""
        for editor in self.editors():
            if editor.has_unsaved():
                self.details.setCurrentWidget(editor)  # type: ignore[arg-type]
                return editor.leave(functools.partial(self.leave, then))
        if then is not None:
            then()
        return True

    @Slot(object)
    def _event_loaded(self, record: EventRecord) -> None:
        self.editor.show_record(record)
        self._show_parts(record)
        if self.views.currentIndex() == LIST_VIEW and self.panel.current_id() != record.id:
            self.panel.show_record(record.id, record.title)

    def _show_parts(self, record: EventRecord | None) -> None:
        """The registrations, shifts and questions of ``record`` (or of no event)."""
        if record is None:
            self.registrations.set_event(None)
            self.shifts.set_event(None)
            self.questions.set_event(None)
            kind = EventKind.OTHER
        else:
            self.registrations.set_event(record.id, record.kind)
            self.shifts.set_event(record.id, record.starts_at, record.ends_at)
            self.questions.set_event(record.id)
            kind = record.kind
        has_event = record is not None
        self.details.setTabEnabled(1, has_event)
        self.details.setTabVisible(2, RegistrationRole.HELPER in roles_for(kind))
        self.details.setTabVisible(3, kind == EventKind.CITIZEN_DIALOGUE)
        self._update_state()

    @Slot()
    def new_event(self) -> None:
        if not self.leave(self._start_new_event):
            self._select_shown()

    def _start_new_event(self) -> None:
        self.panel.table.clearSelection()
        self.details.setCurrentIndex(0)
        self.editor.new_event()
        self._show_parts(None)

    @Slot(int)
    def _saved(self, event_id: int) -> None:
        self.panel.refresh()
        self._refresh_month()
        record = self.editor.record
        if record is not None:
            self._show_parts(record)
            if self.views.currentIndex() == LIST_VIEW:
                self.panel.show_record(event_id, record.title)

    @Slot(int)
    def _deleted(self, _event_id: int) -> None:
        self.panel.refresh()
        self._refresh_month()
        self._show_parts(None)

    @Slot()
    def _registrations_changed(self) -> None:
        self.panel.refresh()
        self._refresh_month()
        self.shifts.reload()
        event_id = self.current_event_id()
        if event_id is not None:
            self.editor.load(event_id)

    @Slot()
    def _shifts_changed(self) -> None:
        self.registrations.reload()

    def _update_state(self) -> None:
        has_event = self.current_event_id() is not None
        self.print_button.setEnabled(has_event)
        self.invite_button.setEnabled(has_event)

    # --- prints and export ------------------------------------------------

    @Slot()
    def invite(self) -> None:
        record = self.editor.record
        if record is not None:
            self.letters = open_event_letters(self.ctx, self, record.id, record.title)

    def show_print(self, key: str, *_: object) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        self.ctx.ops.query(PRINTS[key], self.ctx.db, event_id).success(
            functools.partial(self._print_ready, key)
        ).run()

    def _print_ready(self, key: str, pdf: bytes) -> None:
        titles = {
            "signin": self.tr("Sign-in list"),
            "shifts": self.tr("Helper plan"),
            "badges": self.tr("Name badges"),
        }
        files = {"signin": "Teilnehmerliste", "shifts": "Helferplan", "badges": "Namensschilder"}
        record = self.editor.record
        title = titles[key] if record is None else f"{titles[key]} – {record.title}"
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = PdfPreviewDialog(
            self.ctx, title, pdf, self, file_name=f"{files[key]}.pdf", output=self.output
        )
        self.preview.open()

    @Slot()
    def export_ical(self) -> None:
        path = self.ctx.dialogs.save_path(
            self,
            self.tr("Export public events"),
            "Veranstaltungen.ics",
            self.tr("Calendar files (*.ics)"),
        )
        if not path:
            return
        self.ctx.ops.query(export_public_calendar, self.ctx.db, path).success(self._exported).run()

    @Slot(object)
    def _exported(self, path: Path) -> None:
        self.ctx.dialogs.inform(
            self,
            self.tr("Export public events"),
            self.tr("The public events were saved to %1.").replace("%1", str(path)),
        )

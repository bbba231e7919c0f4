"""Registrations of one event: the table, "Register…", "Cancel" and check-in.

Before registering, the overlaps from ``registration_warnings`` are shown and
the person is asked; the result says whether the person landed on the
waiting list. Check-in is fast: select rows (or type a name in the filter
and press Enter) and mark them attended or not attended.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import EventKind, RegistrationRole, RegistrationStatus
from engagement_desk.services.events.records import (
    CHECKABLE_STATUSES,
    CancelResult,
    CheckInResult,
    RegisterResult,
    RegistrationFilter,
    RegistrationRecord,
    ShiftRecord,
)
from engagement_desk.services.events.registrations import (
    cancel_registration,
    check_in,
    list_registrations,
    register,
    registration_warnings,
    reply_to_invitations,
    set_stand,
)
from engagement_desk.services.events.shifts import list_shifts
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.events.register_dialog import (
    INVITING_KINDS,
    RegisterDialog,
    RegistrationRequest,
    roles_for,
)
from engagement_desk.ui.events.registrations_model import (
    NAME,
    ROLE,
    SHIFT,
    STAND,
    STATUS,
    RegistrationsModel,
)
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.live_updates import follow_changes
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.widgets.tables import setup_row_table

SEARCH_DELAY_MS = 150


class RegistrationsPanel(Retranslatable, QWidget):
    """The registrations of the selected event; ``changed`` after any change."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("registrations_panel")
        self.event_id: int | None = None
        self.kind = EventKind.OTHER
        self.records: list[RegistrationRecord] = []
        self.dialog: RegisterDialog | None = None
        self._generation = Generation()
        self._check_in_after_load = False
        self.last_check_in: CheckInResult | None = None
        self.last_message = ""

        self.filter = QLineEdit()
        self.filter.setObjectName("registrations_filter")
        self.filter.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.filter.textChanged.connect(self._timer.start)
        self.filter.returnPressed.connect(self._filter_entered)

        self.model = RegistrationsModel(self)
        self.model.stand_edited.connect(self._stand_edited)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_row_table(
            self.table, "registrations_table", QAbstractItemView.SelectionMode.ExtendedSelection
        )
        # Only the stand of an exhibitor is editable (RegistrationsModel.flags).
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        # Fixed widths: measuring thousands of rows for ResizeToContents costs too much.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        char = self.table.fontMetrics().averageCharWidth()
        for column, chars in ((ROLE, 14), (STATUS, 16), (SHIFT, 22), (STAND, 9)):
            header.resizeSection(column, chars * char + 12)
        self.table.selectionModel().selectionChanged.connect(self._update_state)

        self.register_button = QPushButton()
        self.register_button.setObjectName("register_button")
        self.register_button.clicked.connect(self.start_registration)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_registration")
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.attended_button = QPushButton()
        self.attended_button.setObjectName("mark_attended")
        self.attended_button.clicked.connect(self.mark_attended)
        self.no_show_button = QPushButton()
        self.no_show_button.setObjectName("mark_no_show")
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("rsvp_accepted")
        self.accept_button.clicked.connect(self.mark_accepted)
        self.decline_button = QPushButton()
        self.decline_button.setObjectName("rsvp_declined")
        self.decline_button.clicked.connect(self.mark_declined)
        guard_each(
            ctx,
            Capability.EDIT_EVENTS,
            self.register_button,
            self.cancel_button,
            self.attended_button,
            self.no_show_button,
            self.accept_button,
            self.decline_button,
        )
        self.count = QLabel()
        self.count.setObjectName("registrations_count")

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.register_button)
        top.addWidget(self.cancel_button)
        self.reply_row = QWidget()
        reply = QHBoxLayout(self.reply_row)
        reply.setContentsMargins(0, 0, 0, 0)
        self.reply_label = QLabel()
        reply.addWidget(self.reply_label)
        reply.addWidget(self.accept_button)
        reply.addWidget(self.decline_button)
        reply.addStretch(1)
        self.reply_row.setVisible(False)
        bottom = QHBoxLayout()
        self.check_in_label = QLabel()
        bottom.addWidget(self.check_in_label)
        bottom.addWidget(self.attended_button)
        bottom.addWidget(self.no_show_button)
        bottom.addStretch(1)
        bottom.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reply_row)
        layout.addLayout(bottom)
        self._keep_after_load: tuple[list[int], int] | None = None
        follow_changes(ctx, self, ("registration", "person", "shift"), self.reload_in_place)
        self.retranslate_ui()
        self._update_state()

    def retranslate_ui(self) -> None:
        headers = (
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Shift"),
            self.tr("Stand"),
        )
        self.model.set_headers(headers)
        self.filter.setPlaceholderText(self.tr("Filter by name … (Enter checks in a single match)"))
        self.filter.setAccessibleName(self.tr("Filter registrations"))
        self.table.setAccessibleName(self.tr("Registrations"))
        self.register_button.setText(self.tr("&Register…"))
        self.cancel_button.setText(self.tr("Ca&ncel registration"))
        self.check_in_label.setText(self.tr("Check-in:"))
        self.attended_button.setText(self.tr("&Attended"))
        self.no_show_button.setText(self.tr("Did n&ot attend"))
        self.reply_label.setText(self.tr("Reply to the invitation:"))
        self.accept_button.setText(self.tr("Acc&epted"))
        self.decline_button.setText(self.tr("Dec&lined"))
        self.table.setToolTip(self.tr("Double-click the stand of an exhibitor to change it"))
        self._show_rows()

    # --- loading ---------------------------------------------------------

    def set_event(self, event_id: int | None, kind: EventKind = EventKind.OTHER) -> None:
        changed = event_id != self.event_id
        self.event_id = event_id
        self.kind = kind
        self.reply_row.setVisible(kind in INVITING_KINDS)
        self.table.setColumnHidden(STAND, kind != EventKind.CLUB_FAIR)
        self.table.setColumnHidden(SHIFT, RegistrationRole.HELPER not in roles_for(kind))
        if changed:
            self.filter.blockSignals(True)
            self.filter.clear()
            self.filter.blockSignals(False)
        self.reload()

    def current_filter(self) -> RegistrationFilter:
        return RegistrationFilter(text=self.filter.text().strip())

    @Slot()
    def reload(self) -> None:
        self._timer.stop()
        self._generation.advance()
        if self.event_id is None:
            self.records = []
            self._show_rows()
            return
        self.ctx.ops.query(
            list_registrations, self.ctx.db, self.event_id, self.current_filter()
        ).discard_if_stale(self._generation).success(self._loaded).run()

    def reload_in_place(self) -> None:
        """Changed elsewhere: load again, keeping the selected registrations and the scroll."""
        self._keep_after_load = (self.selected_ids(), self.table.verticalScrollBar().value())
        self.reload()

    @Slot(object)
    def _loaded(self, records) -> None:
        self.records = list(records)
        self._show_rows()
        kept, self._keep_after_load = self._keep_after_load, None
        if kept is not None:
            self.select_ids(kept[0])
            self.table.verticalScrollBar().setValue(kept[1])
        if self._check_in_after_load:
            self._check_in_after_load = False
            self._check_in_single_match()

    def _show_rows(self) -> None:
        self.model.set_records(self.records)
        registered = sum(r.status in CHECKABLE_STATUSES for r in self.records)
        waiting = sum(r.status == RegistrationStatus.WAITING_LIST for r in self.records)
        self.count.setText(
            self.tr("%1 shown, %2 registered, %3 waiting")
            .replace("%1", str(len(self.records)))
            .replace("%2", str(registered))
            .replace("%3", str(waiting))
        )
        self._update_state()

    @Slot()
    def _update_state(self) -> None:
        has_event = self.event_id is not None
        selected = bool(self.selected_ids())
        self.register_button.setEnabled(has_event)
        self.filter.setEnabled(has_event)
        self.cancel_button.setEnabled(selected)
        self.attended_button.setEnabled(selected)
        self.no_show_button.setEnabled(selected)
        self.accept_button.setEnabled(selected)
        self.decline_button.setEnabled(selected)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.records[row].id for row in rows if row < len(self.records)]

    def select_ids(self, ids: list[int]) -> None:
        wanted = set(ids)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row, record in enumerate(self.records):
            if record.id in wanted:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    # --- registering -----------------------------------------------------

    @Slot()
    def start_registration(self) -> None:
        if self.event_id is None:
            return
        self.ctx.ops.query(list_shifts, self.ctx.db, self.event_id).success(self._open_dialog).run()

    @Slot(object)
    def _open_dialog(self, shifts: tuple[ShiftRecord, ...]) -> None:
        self.dialog = RegisterDialog(self.ctx, self.kind, shifts, self)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()

    @Slot()
    def _dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        request = dialog.request()
        if request is not None:
            self.submit(request)

    def register_person(
        self, person_id: int, role: RegistrationRole, shift_id: int | None = None
    ) -> None:
        self.submit(RegistrationRequest(person_id=person_id, role=role, shift_id=shift_id))

    def submit(self, request: RegistrationRequest) -> None:
        """Look for the person's overlaps first, ask about them, then register."""
        if self.event_id is None:
            return
        if request.person_id is None:
            self._warnings_loaded(request, ())
            return
        self.ctx.ops.query(
            registration_warnings, self.ctx.db, self.event_id, request.person_id, request.shift_id
        ).success(functools.partial(self._warnings_loaded, request)).run()

    def _warnings_loaded(self, request: RegistrationRequest, warnings) -> None:
        if warnings:
            text = self.tr("This person is already busy at that time:\n\n%1\n\nRegister anyway?")
            lines = "\n".join(f"• {warning.message}" for warning in warnings)
            if not self.ctx.dialogs.ask(self, self.tr("Overlap"), text.replace("%1", lines)):
                return
        if self.event_id is None:
            return
        self.ctx.ops.write(
            register,
            self.ctx.db,
            self.event_id,
            person_id=request.person_id,
            organization_id=request.organization_id,
            role=request.role,
            shift_id=request.shift_id,
            stand=request.stand,
            invite=request.invite,
        ).success(self._registered).run()

    @Slot(object)
    def _registered(self, result: RegisterResult) -> None:
        name = result.registration.name
        if result.on_waiting_list:
            text = self.tr("The event is full: %1 is on the waiting list.")
        elif result.registration.status == RegistrationStatus.INVITED:
            text = self.tr("%1 is invited; record the reply when it comes.")
        else:
            text = self.tr("%1 is registered.")
        self.last_message = text.replace("%1", name)
        self.ctx.dialogs.inform(self, self.tr("Registration"), self.last_message)
        self.reload()
        self.changed.emit()

    @Slot()
    def cancel_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        record = next(r for r in self.records if r.id == ids[0])
        question = self.tr("Cancel the registration of %1?").replace("%1", record.name)
        if not self.ctx.dialogs.ask(self, self.tr("Cancel registration"), question):
            return
        self.ctx.ops.write(cancel_registration, self.ctx.db, record.id, record.version).success(
            self._cancelled
        ).run()

    @Slot(object)
    def _cancelled(self, result: CancelResult) -> None:
        self.ctx.dialogs.inform(self, self.tr("Cancel registration"), result.message)
        self.reload()
        self.changed.emit()

    # --- stand and invitation replies --------------------------------------

    @Slot(int, int, str)
    def _stand_edited(self, registration_id: int, version: int, stand: str) -> None:
        self.ctx.ops.write(set_stand, self.ctx.db, registration_id, version, stand).success(
            self._stand_saved
        ).failure(self._stand_failed).run()

    @Slot(object)
    def _stand_saved(self, _record: RegistrationRecord) -> None:
        self.reload()
        self.changed.emit()

    @Slot(object)
    def _stand_failed(self, error: Exception) -> None:
        self.reload()
        self.ctx.ops.show_error(error, self)

    @Slot()
    def mark_accepted(self) -> None:
        self.reply_to_invitation(self.selected_ids(), True)

    @Slot()
    def mark_declined(self) -> None:
        self.reply_to_invitation(self.selected_ids(), False)

    def reply_to_invitation(self, ids: list[int], accept: bool) -> None:
        if ids:
            self.ctx.ops.write(reply_to_invitations, self.ctx.db, ids, accept).success(
                self._replied
            ).run()

    @Slot(object)
    def _replied(self, records: tuple[RegistrationRecord, ...]) -> None:
        waiting = [r.name for r in records if r.status == RegistrationStatus.WAITING_LIST]
        text = self.tr("%n reply(s) recorded.", "", len(records))
        if waiting:
            text += " " + self.tr("Full, on the waiting list: %1").replace("%1", ", ".join(waiting))
        self.last_message = text
        self.reload()
        self.count.setText(text)
        self.changed.emit()

    # --- check-in --------------------------------------------------------

    @Slot()
    def mark_attended(self) -> None:
        self.check_in_ids(self.selected_ids(), True)

    @Slot()
    def mark_no_show(self) -> None:
        self.check_in_ids(self.selected_ids(), False)

    def check_in_ids(self, ids: list[int], attended: bool) -> None:
        if not ids:
            return
        self.ctx.ops.write(check_in, self.ctx.db, ids, attended).success(self._checked_in).run()

    @Slot(object)
    def _checked_in(self, result: CheckInResult) -> None:
        self.last_check_in = result
        text = self.tr("%1 changed.").replace("%1", str(result.changed))
        if result.hours_created:
            text += " " + self.tr("%Ln hours entry(s) created.", "", result.hours_created)
        if result.skipped:
            text += " " + self.tr("%1 skipped (cancelled or waiting).").replace(
                "%1", str(len(result.skipped))
            )
        self.last_message = text
        self.count.setText(text)
        self.changed.emit()
        selected = self.selected_ids()
        self._generation.advance()
        if self.event_id is not None:
            self.ctx.ops.query(
                list_registrations, self.ctx.db, self.event_id, self.current_filter()
            ).discard_if_stale(self._generation).success(
                functools.partial(self._reloaded_after_check_in, selected, text)
            ).run()

    def _reloaded_after_check_in(self, selected: list[int], text: str, records) -> None:
        self.records = list(records)
        self._show_rows()
        self.select_ids(selected)
        self.count.setText(text)

    @Slot()
    def _filter_entered(self) -> None:
        self._check_in_after_load = True
        self.reload()

    def _check_in_single_match(self) -> None:
        candidates = [r for r in self.records if r.status in CHECKABLE_STATUSES]
        if len(candidates) == 1:
            self.check_in_ids([candidates[0].id], True)
            self.filter.selectAll()
        elif self.records:
            self.table.setFocus()
            self.table.selectRow(0)

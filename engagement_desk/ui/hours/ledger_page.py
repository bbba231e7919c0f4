"""The hours ledger: every entry, searchable; correct or delete one with a reason,
check plausibility, credit an event's hours."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import HoursSource
from engagement_desk.services.certificates.choices import SelectionChoices, selection_choices
from engagement_desk.services.hours import (
    HOURS_COLUMNS,
    HoursRecord,
    HoursSaveResult,
    HoursWarning,
    SyncResult,
    check_hours,
    count_hours,
    credit_event_hours,
    get_hours,
    list_hours,
)
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_int
from engagement_desk.ui.hours.correction_dialog import HoursCorrectionDialog, result_summary
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.widgets.list_view import ListPanel, ListSpec, enum_filter
from engagement_desk.ui.widgets.sql_table_model import RAW_ROLE

translate = QCoreApplication.translate


def ledger_spec(ctx: AppContext) -> ListSpec:
    return ListSpec(
        name="hours_ledger",
        tables=("hours_entry", "person", "organization", "center"),
        fetch=functools.partial(list_hours, ctx.db),
        count=functools.partial(count_hours, ctx.db),
        columns=HOURS_COLUMNS,
        accessible_name=lambda: translate("HoursLedger", "Hours entries"),
        search_placeholder=lambda: translate("HoursLedger", "Search name, club, activity …"),
        filters=(
            enum_filter(
                "source",
                HoursSource,
                lambda: translate("HoursLedger", "Source"),
                lambda: translate("HoursLedger", "All sources"),
            ),
        ),
        value_labels={"source": labeller(HoursSource)},
        column_widths={"on_date": 11, "person": 24, "hours": 7, "organization": 24, "center": 18},
        stretch_key="activity",
        descending=True,
        empty_text=lambda: translate("HoursLedger", "No hours have been recorded yet."),
    )


def derived_note(source: HoursSource) -> str:
    if source == HoursSource.RIDE:
        return translate(
            "HoursLedger",
            "These hours come from a ride: correct them at the ride (Fahrdienst), "
            "then they stay right when the ride changes again.",
        )
    return translate(
        "HoursLedger",
        "These hours come from an event: correct the attendance or the shift at the event "
        "and credit its hours again; a correction here would be undone by the next crediting.",
    )


def warnings_text(warnings: tuple[HoursWarning, ...]) -> str:
    if not warnings:
        return translate("HoursLedger", "No hints: no long days, duplicates or absent days.")
    count = len(warnings)
    head = (
        translate("HoursLedger", "1 hint to check:")
        if count == 1
        else translate("HoursLedger", "%1 hints to check:").replace("%1", format_int(count))
    )
    return "\n".join([head, *(f"• {w.message}" for w in warnings)])


def credit_text(result: SyncResult) -> str:
    text = (
        translate(
            "HoursLedger", "Event hours credited: %1 new, %2 changed, %3 removed, %4 skipped."
        )
        .replace("%1", format_int(result.created))
        .replace("%2", format_int(result.updated))
        .replace("%3", format_int(result.removed))
        .replace("%4", format_int(result.skipped))
    )
    if result.skipped:
        text += " " + translate(
            "HoursLedger",
            "Skipped: attended, but the event has no hours credit and no shift length.",
        )
    if result.warnings:
        text += "\n" + warnings_text(result.warnings)
    return text


class HoursCorrections(QObject):
    """Korrigieren … / Löschen … for one entry: shared by the ledger and the person editor."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: HoursCorrectionDialog | None = None
        self.on_done = None

    def open_for(self, entry_id: int | None, *, deleting: bool, parent: QWidget) -> None:
        if entry_id is None:
            return
        (
            self.ctx.ops.query(get_hours, self.ctx.db, entry_id)
            .success(functools.partial(self._loaded, deleting=deleting, parent=parent))
            .run()
        )

    def _loaded(self, record: HoursRecord, *, deleting: bool, parent: QWidget) -> None:
        if record.source != HoursSource.MANUAL:
            title = translate("HoursLedger", "Hours from elsewhere")
            self.ctx.dialogs.inform(parent, title, derived_note(record.source))
            return
        self.dialog = HoursCorrectionDialog(self.ctx, record, deleting=deleting, parent=parent)
        if self.on_done is not None:
            self.dialog.done_with.connect(self.on_done)
        self.dialog.open()


class HoursLedgerPage(Retranslatable, QWidget):
    """A sub-tab of Urkunden beside "Enter hours"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("hours_ledger_page")
        self.ctx = ctx
        self._loaded = False
        self.panel = ListPanel(ctx, ledger_spec(ctx))
        self.corrections = HoursCorrections(ctx, self)
        self.corrections.on_done = self._corrected
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("hours_correct")
        self.correct_button.clicked.connect(self.correct)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("hours_delete")
        self.delete_button.clicked.connect(self.delete)
        self.check_button = QPushButton()
        self.check_button.setObjectName("hours_check")
        self.check_button.clicked.connect(self.check)
        self.panel.add_tool(self.correct_button)
        self.panel.add_tool(self.delete_button)
        self.panel.add_tool(self.check_button)
        self.panel.activated.connect(lambda _id: self.correct())
        self.panel.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.selection_note = QLabel()
        self.selection_note.setObjectName("hours_ledger_note")
        self.selection_note.setWordWrap(True)

        self.event_choice = QComboBox()
        self.event_choice.setObjectName("credit_event_choice")
        self.event_choice.setMinimumContentsLength(30)
        self.credit_button = QPushButton()
        self.credit_button.setObjectName("credit_event_hours")
        self.credit_button.clicked.connect(self.credit)
        guard_each(ctx, Capability.EDIT_HOURS, self.correct_button, self.delete_button)
        guard_each(ctx, Capability.EDIT_HOURS, self.credit_button)
        self.credit_box = QGroupBox()
        credit_layout = QHBoxLayout(self.credit_box)
        self.event_caption = QLabel()
        self.event_caption.setBuddy(self.event_choice)
        credit_layout.addWidget(self.event_caption)
        credit_layout.addWidget(self.event_choice, 1)
        credit_layout.addWidget(self.credit_button)
        self.outcome = QLabel()
        self.outcome.setObjectName("hours_ledger_outcome")
        self.outcome.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.selection_note)
        layout.addWidget(self.outcome)
        layout.addWidget(self.credit_box)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.correct_button.setText(self.tr("&Correct …"))
        self.correct_button.setToolTip(self.tr("Change the selected entry; asks for a reason"))
        self.delete_button.setText(self.tr("De&lete …"))
        self.delete_button.setToolTip(self.tr("Delete the selected entry; asks for a reason"))
        self.check_button.setText(self.tr("C&heck plausibility"))
        self.check_button.setToolTip(
            self.tr("Long days, possible duplicates and hours on days recorded absent")
        )
        self.credit_box.setTitle(self.tr("Hours from events"))
        self.event_caption.setText(self.tr("E&vent:"))
        self.credit_button.setText(self.tr("C&redit event hours"))
        self.credit_button.setToolTip(
            self.tr(
                "An entry for everyone marked attended (shift length or the event's hours); "
                "run again after changing attendance"
            )
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def load(self) -> None:
        self._loaded = True
        self.panel.refresh()
        self.ctx.ops.query(selection_choices, self.ctx.db).success(self._events_arrived).run()

    @Slot(object)
    def _events_arrived(self, choices: SelectionChoices) -> None:
        current = self.event_choice.currentData()
        self.event_choice.clear()
        for choice in choices.events:
            self.event_choice.addItem(choice.label, choice.id)
        self.event_choice.setCurrentIndex(max(self.event_choice.findData(current), 0))

    def _row_chosen(self, current, _previous=None) -> None:
        """Entries from a ride or an event are corrected where they come from."""
        model = self.panel.model
        source = None
        if current.isValid():
            index = model.index(current.row(), model.column_index("source"))
            source = model.data(index, RAW_ROLE)
        typed = source in (None, HoursSource.MANUAL.value)
        for button in (self.correct_button, self.delete_button):
            button.setEnabled(typed)
        self.selection_note.setText("" if typed else derived_note(HoursSource(source)))

    @Slot()
    def correct(self) -> None:
        self.corrections.open_for(self.panel.current_id(), deleting=False, parent=self)

    @Slot()
    def delete(self) -> None:
        self.corrections.open_for(self.panel.current_id(), deleting=True, parent=self)

    def _corrected(self, result: HoursSaveResult) -> None:
        self.outcome.setText(result_summary(result))
        self.panel.refresh()

    @Slot()
    def check(self) -> None:
        filters = self.panel.current_filters()
        (
            self.ctx.ops.query(
                check_hours,
                self.ctx.db,
                start=filters.get("from_date"),
                end=filters.get("to_date"),
            )
            .success(lambda warnings: self.outcome.setText(warnings_text(warnings)))
            .run()
        )

    @Slot()
    def credit(self) -> None:
        event_id = self.event_choice.currentData()
        if event_id is None:
            self.outcome.setText(self.tr("Please choose an event first."))
            return
        # One event's registrations: quick, no progress dialog needed.
        self.ctx.ops.write(credit_event_hours, self.ctx.db, event_id).success(self._credited).run()

    @Slot(object)
    def _credited(self, result: SyncResult) -> None:
        self.outcome.setText(credit_text(result))
        self.panel.refresh()

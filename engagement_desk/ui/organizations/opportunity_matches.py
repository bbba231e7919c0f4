"""People who fit an opportunity, with the reasons; "Vermitteln …" starts a placement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OpportunityStatus
from engagement_desk.services.errors import ValidationError
from engagement_desk.services.organizations.matching import Match, people_for_opportunity
from engagement_desk.services.organizations.opportunities import OpportunityRecord
from engagement_desk.services.organizations.placements import PlacementRecord, create_placement
from engagement_desk.ui.access import Capability, guard_each
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.formatting import format_date, format_decimal
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.organizations.rows import Row, RowsModel, RowsView, headers
from engagement_desk.ui.widgets.forms import (
    ERROR_COLOR,
    Form,
    date_edit,
    form_layout,
    from_qdate,
    line_edit,
    to_qdate,
)

FOLLOW_UP_AFTER_DAYS = 7
COLUMNS = (
    QT_TRANSLATE_NOOP("MatchesPanel", "Person"),
    QT_TRANSLATE_NOOP("MatchesPanel", "Points"),
    QT_TRANSLATE_NOOP("MatchesPanel", "Why"),
)


class MatchesPanel(Retranslatable, QWidget):
    """Ranked people for one open opportunity."""

    placement_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("matches_panel")
        self.opportunity: OpportunityRecord | None = None
        self.matches: list[Match] = []
        self.place_dialog: PlaceDialog | None = None
        self._loads = Generation()
        self.title = QLabel()
        self.hint = QLabel()
        self.hint.setObjectName("matches_hint")
        self.hint.setWordWrap(True)
        self.table = RowsView(RowsModel(headers("MatchesPanel", COLUMNS), self), "matches_table")
        self.table.set_widths((20, 6))
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMinimumSectionSize(self.table.fontMetrics().height() + 10)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.activated.connect(self._row_activated)
        self.title.setBuddy(self.table)
        self.place_button = QPushButton()
        self.place_button.setObjectName("place_button")
        self.place_button.clicked.connect(self.place_current)
        guard_each(ctx, Capability.EDIT_RECORDS, self.place_button)
        self.done = QLabel()
        self.done.setObjectName("matches_done")
        self.done.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done, 1)
        buttons.addWidget(self.place_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("People who &fit"))
        self.table.setAccessibleName(self.tr("People who fit the opportunity"))
        self.table.rows_model.retranslate()
        self.place_button.setText(self.tr("&Place …"))
        self.place_button.setToolTip(
            self.tr("Record that the chosen person is interested in this opportunity")
        )
        self._update_hint()

    def _update_hint(self) -> None:
        record = self.opportunity
        if record is None:
            text = self.tr("Save the opportunity first; then people who fit it appear here.")
        elif record.status != OpportunityStatus.OPEN:
            text = self.tr("Only open opportunities are matched with people.")
        elif not self.matches:
            text = self.tr("Nobody fits yet. Add skills, a centre or a postal code to find people.")
        else:
            text = self.tr(
                "Ranked by shared interests and skills, the centre, the postal code and "
                "whether the person said when they have time."
            )
        self.hint.setText(text)

    def set_opportunity(self, record: OpportunityRecord | None) -> None:
        self.opportunity = record
        self._loads.advance()
        self.done.clear()
        if record is None or record.status != OpportunityStatus.OPEN:
            self._show([])
            return
        self.reload()

    def reload(self) -> None:
        if self.opportunity is None:
            return
        self.ctx.ops.query(
            people_for_opportunity, self.ctx.db, self.opportunity.id
        ).discard_if_stale(self._loads).success(self._show).run()

    def _show(self, matches: Sequence[Match]) -> None:
        self.matches = list(matches)
        self.table.rows_model.set_rows(
            [
                Row(
                    m.id,
                    (m.label, format_decimal(m.score, 1), " · ".join(m.reasons)),
                    tooltip="\n".join(f"• {reason}" for reason in m.reasons),
                    numeric=frozenset({1}),
                )
                for m in self.matches
            ]
        )
        self._update_hint()
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        self.place_button.setEnabled(
            self.opportunity is not None
            and self.opportunity.status == OpportunityStatus.OPEN
            and self.table.current_id() is not None
        )

    @Slot(QModelIndex)
    def _row_activated(self, _index: QModelIndex) -> None:
        self.place_current()

    @Slot()
    def place_current(self) -> None:
        person_id = self.table.current_id()
        if self.opportunity is None or person_id is None:
            return
        match = next(m for m in self.matches if m.id == person_id)
        self.place_dialog = PlaceDialog(self.ctx, match, self.opportunity, self)
        self.place_dialog.placed.connect(self._placed)
        self.place_dialog.open()

    @Slot(object)
    def _placed(self, placement: PlacementRecord) -> None:
        text = self.tr("Placement recorded: %1 – %2.").replace("%1", placement.person_name)
        text = text.replace("%2", placement.opportunity_title)
        if placement.follow_up_on is not None:
            text += " " + self.tr("Follow-up call on %1.").replace(
                "%1", format_date(placement.follow_up_on)
            )
        self.reload()
        self.done.setText(text)
        self.placement_created.emit(placement)


class PlaceDialog(Retranslatable, QDialog):
    """Date, note and follow-up call for a new placement (status "Interesse")."""

    placed = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        match: Match,
        opportunity: OpportunityRecord,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.match = match
        self.opportunity = opportunity
        self.setObjectName("place_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        today = today or dt.date.today()
        self.form = Form(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel()
        self.problem.setObjectName("place_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {ERROR_COLOR};")
        self.problem.hide()
        self.on_date = date_edit(today)
        self.note = line_edit(500)
        self.follow_up = QCheckBox()
        self.follow_up.setObjectName("place_follow_up_wanted")
        self.follow_up.setChecked(True)
        self.follow_up_on = date_edit(today + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS))
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        layout: QFormLayout = form_layout()
        layout.addRow(self.summary)
        date_field = self.form.add("on_date", self.on_date)
        layout.addRow(self.form.labels["on_date"], date_field)
        note_field = self.form.add("note", self.note)
        layout.addRow(self.form.labels["note"], note_field)
        follow_field = self.form.add("follow_up_on", self.follow_up_on, label=False)
        layout.addRow(self.follow_up, follow_field)
        layout.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.buttons)
        self.retranslate_ui()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Place a volunteer"))
        self.summary.setText(
            self.tr("%1 is interested in “%2” (%3).")
            .replace("%1", self.match.label)
            .replace("%2", self.opportunity.title)
            .replace("%3", self.opportunity.organization_name)
        )
        self.form.set_label("on_date", self.tr("&Date"))
        self.form.set_label("note", self.tr("&Note"))
        self.form.set_label("follow_up_on", self.tr("Follow-up call on"))
        self.follow_up.setText(self.tr("&Follow-up call on"))
        self.note.setPlaceholderText(self.tr("e.g. called, sends her CV"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Place"))

    def accept(self) -> None:
        self.form.clear_errors()
        self.problem.hide()
        follow_up_on = from_qdate(self.follow_up_on.date()) if self.follow_up.isChecked() else None
        self.ctx.ops.write(
            create_placement,
            self.ctx.db,
            self.match.id,
            self.opportunity.id,
            on_date=from_qdate(self.on_date.date()),
            note=self.note.text(),
            follow_up_on=follow_up_on,
        ).success(self._placed).failure(self._failed).run()

    def _placed(self, placement: PlacementRecord) -> None:
        self.placed.emit(placement)
        QDialog.accept(self)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ValidationError):
            self.ctx.ops.show_error(error, self)
            return
        unplaced = self.form.show_errors(error.errors)
        if unplaced:
            self.problem.setText("\n".join(e.message for e in unplaced))
            self.problem.show()

    def set_follow_up(self, on: dt.date | None) -> None:
        self.follow_up.setChecked(on is not None)
        if on is not None:
            self.follow_up_on.setDate(to_qdate(on))

"""The two placement dialogs: a new placement (from ranked suggestions) and the next step.

Both are built from data already fetched, save through ``ctx.ops`` and stay
open with the message at the field when the service refuses; ``saved``
carries the saved ``PlacementRecord``. Open them with ``open()``: modal to
the window, but not blocking, so tests can fill and submit them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.models.enums import OpportunityStatus, PlacementStatus
from engagement_desk.services.errors import ConflictError, ValidationError
from engagement_desk.services.listing import ListQuery, Page
from engagement_desk.services.organizations.matching import Match
from engagement_desk.services.organizations.opportunities import list_opportunities
from engagement_desk.services.organizations.placements import (
    PlacementRecord,
    advance_placement,
    allowed_next,
    create_placement,
    may_share_with_organization,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import Retranslatable
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.operations import Generation
from engagement_desk.ui.people.editor.date_edit import DateEdit
from engagement_desk.ui.people.editor.two_line import two_line_list
from engagement_desk.ui.widgets.field_errors import ERROR_COLOR, FieldErrors

OPPORTUNITY_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 50


@dataclasses.dataclass(frozen=True)
class Choice:
    """An opportunity offered in the list: a suggestion with reasons, or a search hit."""

    id: int
    label: str
    reasons: tuple[str, ...] = ()


def search_choices(page: Page) -> list[Choice]:
    """Rows of ``list_opportunities``: title, organization, centre, place, …"""
    choices = []
    for opportunity_id, row in zip(page.ids, page.rows, strict=True):
        title, organization, center, place = row[0], row[1], row[2], row[3]
        details = tuple(part for part in (center, place) if part)
        choices.append(Choice(opportunity_id, f"{title} – {organization}", details))
    return choices


def _summary(label: QLabel, unplaced: Sequence[object]) -> None:
    label.setText("\n".join(str(e) for e in unplaced))
    label.setVisible(bool(unplaced))


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialog_errors")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOR.name()};")
    label.hide()
    return label


class _StepFields(Retranslatable, QWidget):
    """Date, note and follow-up date, shared by both dialogs."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        self.on_date = DateEdit()
        self.on_date.setObjectName("step_date")
        self.on_date.setDate(dt.date.today())
        self.note = QLineEdit()
        self.note.setObjectName("step_note")
        self.follow_up = DateEdit()
        self.follow_up.setObjectName("step_follow_up")
        self.date_label, self.note_label, self.follow_up_label = QLabel(), QLabel(), QLabel()
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        for label, field, widget in (
            (self.date_label, "on_date", self.on_date),
            (self.note_label, "note", self.note),
            (self.follow_up_label, "follow_up_on", self.follow_up),
        ):
            label.setBuddy(widget)
            self.form.addRow(label, errors.cell(field, widget))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.date_label.setText(self.tr("&Date"))
        self.note_label.setText(self.tr("N&ote"))
        self.follow_up_label.setText(self.tr("&Call back on"))
        self.on_date.setAccessibleName(self.tr("Date"))
        self.note.setAccessibleName(self.tr("Note"))
        self.follow_up.setAccessibleName(self.tr("Call back on"))
        self.follow_up.setToolTip(self.tr("Puts the person on the weekly call-back list"))

    def local_errors(self) -> list[str]:
        problems = []
        if self.on_date.date() is None:
            problems.append(self.tr("Please enter the date (DD.MM.YYYY)."))
        if not self.follow_up.is_valid():
            problems.append(self.tr("The call-back date is not a date (DD.MM.YYYY)."))
        return problems


class NewPlacementDialog(Retranslatable, QDialog):
    """Pick an opportunity (suggestions first, or search all open ones) and record the interest."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        person_name: str,
        suggestions: Sequence[Match],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("new_placement_dialog")
        self.ctx = ctx
        self.person_id = person_id
        self.person_name = person_name
        self.suggestions = [Choice(m.id, m.label, m.reasons) for m in suggestions]
        self.errors = FieldErrors(self)
        self._generation = Generation()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setObjectName("opportunity_search")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.choices = two_line_list("opportunity_choices")
        self.choices.setMinimumHeight(220)
        self.choices.itemDoubleClicked.connect(self.submit)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.choices)
        self.fields = _StepFields(self.errors)
        self.problems = _error_label()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("create_placement")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(self._timer.start)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list_label)
        layout.addWidget(self.errors.cell("opportunity_id", self.choices), 1)
        layout.addWidget(self.fields)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.show_choices(self.suggestions)
        self.resize(QSize(560, 560))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New placement"))
        self.intro.setText(
            self.tr("Suggestions for %1, best first, with the reasons they fit.").replace(
                "%1", self.person_name
            )
        )
        self.search_label.setText(self.tr("&Search all open opportunities"))
        self.search.setPlaceholderText(self.tr("Title, organization or place …"))
        self.search.setAccessibleName(self.tr("Search all open opportunities"))
        self.list_label.setText(self.tr("O&pportunity"))
        self.choices.setAccessibleName(self.tr("Opportunity"))
        self.save_button.setText(self.tr("&Record placement"))

    def show_choices(self, choices: Sequence[Choice]) -> None:
        self.choices.clear()
        for choice in choices:
            text = choice.label
            if choice.reasons:
                text += "\n" + " · ".join(choice.reasons)
            item = QListWidgetItem(text)
            item.setData(OPPORTUNITY_ROLE, choice.id)
            item.setToolTip(text)
            self.choices.addItem(item)
        if not choices:
            empty = QListWidgetItem(
                self.tr("No suggestions: search all open opportunities above.")
                if not self.search.text().strip()
                else self.tr("No open opportunity matches.")
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.choices.addItem(empty)
        else:
            self.choices.setCurrentRow(0)

    @Slot()
    def _search(self) -> None:
        text = self.search.text().strip()
        self._generation.advance()
        if not text:
            self.show_choices(self.suggestions)
            return
        query = ListQuery(
            text=text, filters={"status": OpportunityStatus.OPEN.value}, limit=SEARCH_LIMIT
        )
        self.ctx.ops.query(list_opportunities, self.ctx.db, query).discard_if_stale(
            self._generation
        ).success(self._searched).run()

    def _searched(self, page: Page) -> None:
        self.show_choices(search_choices(page))

    def chosen_id(self) -> int | None:
        item = self.choices.currentItem()
        value = item.data(OPPORTUNITY_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def choose(self, opportunity_id: int) -> bool:
        for row in range(self.choices.count()):
            if self.choices.item(row).data(OPPORTUNITY_ROLE) == opportunity_id:
                self.choices.setCurrentRow(row)
                return True
        return False

    @Slot()
    def submit(self) -> None:
        self.problems.hide()
        opportunity_id = self.chosen_id()
        problems = self.fields.local_errors()
        if opportunity_id is None:
            problems.insert(0, self.tr("Please choose an opportunity."))
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.show()
            return
        self.ctx.ops.query(may_share_with_organization, self.ctx.db, self.person_id).success(
            functools.partial(self._consent_checked, opportunity_id)
        ).failure(self._failed).run()

    def _consent_checked(self, opportunity_id: int, may_share: bool) -> None:
        """Warn, not refuse: the consent may exist on paper and not be recorded yet."""
        if not may_share and not self.ctx.dialogs.ask(
            self,
            self.tr("No consent to pass on data"),
            self.tr(
                "No consent to pass data to clubs is recorded for %1. Record the placement anyway?"
            ).replace("%1", self.person_name),
        ):
            return
        self.ctx.ops.write(
            create_placement,
            self.ctx.db,
            self.person_id,
            opportunity_id,
            on_date=self.fields.on_date.date(),
            note=self.fields.note.text(),
            follow_up_on=self.fields.follow_up.date(),
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, record: PlacementRecord) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            _summary(self.problems, self.errors.show(error.errors))
        else:
            self.ctx.ops.show_error(error, self)


class NextStepDialog(Retranslatable, QDialog):
    """The next status of one placement, with date, note and a new call-back date."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, placement: PlacementRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("next_step_dialog")
        self.ctx = ctx
        self.placement = placement
        self.errors = FieldErrors(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status_label = QLabel()
        self.status = QComboBox()
        self.status.setObjectName("next_status")
        self.status_label.setBuddy(self.status)
        for status in allowed_next(placement.status):
            self.status.addItem("", status.value)
        self.fields = _StepFields(self.errors)
        self.fields.form.insertRow(0, self.status_label, self.errors.cell("status", self.status))
        self.problems = _error_label()
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_step")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.fields)
        layout.addWidget(self.problems)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(QSize(460, 220))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Next step"))
        record = self.placement
        self.intro.setText(
            self.tr("%1 at %2, now: %3")
            .replace("%1", record.opportunity_title)
            .replace("%2", record.organization_name)
            .replace("%3", enum_label(PlacementStatus, record.status))
        )
        self.status_label.setText(self.tr("&New status"))
        self.status.setAccessibleName(self.tr("New status"))
        for index in range(self.status.count()):
            self.status.setItemText(index, enum_label(PlacementStatus, self.status.itemData(index)))
        self.save_button.setText(self.tr("&Record step"))

    def choose_status(self, status: PlacementStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status.value))

    @Slot()
    def submit(self) -> None:
        self.problems.hide()
        problems = self.fields.local_errors()
        if self.status.currentIndex() < 0:
            problems.insert(0, self.tr("This placement has no further step."))
        if problems:
            self.problems.setText("\n".join(problems))
            self.problems.show()
            return
        self.ctx.ops.write(
            advance_placement,
            self.ctx.db,
            self.placement.id,
            PlacementStatus(self.status.currentData()),
            expected_version=self.placement.version,
            on_date=self.fields.on_date.date(),
            note=self.fields.note.text(),
            follow_up_on=self.fields.follow_up.date(),
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, record: PlacementRecord) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            _summary(self.problems, self.errors.show(error.errors))
        elif isinstance(error, ConflictError):
            self.ctx.ops.show_error(error, self)
            self.saved.emit(None)
            self.reject()
        else:
            self.ctx.ops.show_error(error, self)

"""Editing a standing order's recurrence without RRULE text: weekly, every N weeks, monthly."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engagement_desk.services.rides.recurrence import (
    LAST,
    MONTHLY_KIND,
    ORDINALS,
    WEEKLY_KIND,
    Recurrence,
    RecurrenceError,
    describe,
    from_rrule,
)
from engagement_desk.ui.rides.services_editor import day_name

WEEKLY, EVERY_N_WEEKS, MONTHLY = range(3)


class RecurrenceEditor(QWidget):
    """Kind, weekdays, interval or n-th weekday, and the rule in words below.

    A rule it cannot show (e.g. from an import) is kept as it is until the user
    changes something here.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kept_rule = ""
        self.kind = QComboBox()
        self.kind.setObjectName("recurrence_kind")
        self.kind.addItems(["", "", ""])
        self.weekdays = [QCheckBox() for _ in range(7)]
        self.interval = QSpinBox()
        self.interval.setObjectName("recurrence_interval")
        self.interval.setRange(2, 8)
        self.ordinal = QComboBox()
        self.ordinal.setObjectName("recurrence_ordinal")
        for value in ORDINALS:
            self.ordinal.addItem("", value)
        self.monthly_day = QComboBox()
        self.monthly_day.setObjectName("recurrence_monthly_day")
        self.monthly_day.addItems([""] * 7)
        self.sentence = QLabel()
        self.sentence.setObjectName("recurrence_sentence")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind)
        top.addWidget(self.interval)
        top.addWidget(self.ordinal)
        top.addWidget(self.monthly_day)
        for box in self.weekdays:
            top.addWidget(box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.sentence)
        # In the standing order's form it keeps its height; the pauses below give way.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

        self.kind.currentIndexChanged.connect(self._edited)
        self.interval.valueChanged.connect(self._edited)
        self.ordinal.currentIndexChanged.connect(self._edited)
        self.monthly_day.currentIndexChanged.connect(self._edited)
        for box in self.weekdays:
            box.toggled.connect(self._edited)
        self.retranslate_ui()
        self._arrange()

    def retranslate_ui(self) -> None:
        self.kind.setAccessibleName(self.tr("Repeats"))
        for index, text in enumerate(
            (self.tr("weekly"), self.tr("every few weeks"), self.tr("monthly on a weekday"))
        ):
            self.kind.setItemText(index, text)
        for index, box in enumerate(self.weekdays):
            box.setText(day_name(index))
        self.interval.setPrefix(self.tr("every "))
        self.interval.setSuffix(self.tr(" weeks"))
        for index, value in enumerate(ORDINALS):
            self.ordinal.setItemText(index, self.tr("last") if value == LAST else f"{value}.")
        for index in range(7):
            self.monthly_day.setItemText(index, day_name(index))
        self._show_sentence()

    # ------------------------------------------------------------ values
    def set_rule(self, rule: str) -> None:
        """Show ``rule`` (empty: nothing chosen yet) without emitting ``changed``."""
        recurrence = from_rrule(rule) if rule else Recurrence()
        self.kept_rule = rule if recurrence is None else ""
        recurrence = recurrence or Recurrence()
        widgets = [self.kind, self.interval, self.ordinal, self.monthly_day, *self.weekdays]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if recurrence.kind == MONTHLY_KIND:
                self.kind.setCurrentIndex(MONTHLY)
                self.ordinal.setCurrentIndex(ORDINALS.index(recurrence.ordinal))
                self.monthly_day.setCurrentIndex(recurrence.weekdays[0])
                days: set[int] = set()
            else:
                self.kind.setCurrentIndex(WEEKLY if recurrence.interval == 1 else EVERY_N_WEEKS)
                self.interval.setValue(max(2, recurrence.interval))
                self.ordinal.setCurrentIndex(0)
                self.monthly_day.setCurrentIndex(0)
                days = set(recurrence.weekdays)
            for index, box in enumerate(self.weekdays):
                box.setChecked(index in days)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._arrange()
        self._show_sentence()

    def recurrence(self) -> Recurrence:
        if self.kind.currentIndex() == MONTHLY:
            return Recurrence(
                MONTHLY_KIND,
                (self.monthly_day.currentIndex(),),
                1,
                self.ordinal.currentData(),
            )
        interval = 1 if self.kind.currentIndex() == WEEKLY else self.interval.value()
        chosen = tuple(i for i, box in enumerate(self.weekdays) if box.isChecked())
        return Recurrence(WEEKLY_KIND, chosen, interval)

    def rule(self) -> str:
        """The RRULE to store; RecurrenceError (German message) if incomplete."""
        if self.kept_rule:
            return self.kept_rule
        return self.recurrence().to_rrule()

    # ------------------------------------------------------------ display
    @Slot()
    def _edited(self) -> None:
        self.kept_rule = ""
        self._arrange()
        self._show_sentence()
        self.changed.emit()

    def _arrange(self) -> None:
        monthly = self.kind.currentIndex() == MONTHLY
        self.interval.setVisible(self.kind.currentIndex() == EVERY_N_WEEKS)
        self.ordinal.setVisible(monthly)
        self.monthly_day.setVisible(monthly)
        for box in self.weekdays:
            box.setVisible(not monthly)

    def _show_sentence(self) -> None:
        if self.kept_rule:
            self.sentence.setText(
                self.tr("%1 – kept unless you change it here").replace(
                    "%1", describe(self.kept_rule)
                )
            )
            return
        try:
            self.sentence.setText(describe(self.recurrence().to_rrule()))
        except RecurrenceError:
            self.sentence.setText(self.tr("Choose at least one weekday."))

"""The three row lists of a person's record: availability, absences, consents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QLineEdit, QTimeEdit, QWidget

from engagement_desk.models.enums import ConsentPurpose, ConsentSource
from engagement_desk.services.people.sections import AbsenceEntry, AvailabilityEntry, ConsentEntry
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.people.editor.date_edit import DateEdit
from engagement_desk.ui.people.editor.entry_rows import EntryRows


def _time(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _py_time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def _combo(items: Sequence[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(_time(value))
    edit.setDisplayFormat("HH:mm")
    return edit


def _note(text: str, max_length: int) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    return edit


def _date_edit(value: dt.date | None) -> DateEdit:
    edit = DateEdit()
    edit.setDate(value)
    return edit


def _date_width(widget: QWidget) -> int:
    return DateEdit.width_for(widget.fontMetrics())


class AvailabilityRows(EntryRows):
    """Weekly time windows: weekday, from, to, note."""

    field = "availabilities"

    def column_widths(self) -> Sequence[int]:
        metrics = self.fontMetrics()
        day = max(metrics.horizontalAdvance(self.weekday(d)) for d in range(7)) + 44
        time = metrics.horizontalAdvance("00:00") + 48
        return (day, time, time, 0)

    def header_texts(self) -> list[str]:
        return [self.tr("Weekday"), self.tr("From"), self.tr("To"), self.tr("Note")]

    def row_name(self) -> str:
        return self.tr("Availability")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Availability"))
        self.add_button.setText(self.tr("Add time"))
        self.hint.setText(self.tr("When the person can help or drive, week by week."))
        for row in self._rows:
            combo = row.inputs[0]
            assert isinstance(combo, QComboBox)
            for day in range(7):
                combo.setItemText(day, self.weekday(day))
        super().retranslate_ui()

    def weekday(self, day: int) -> str:
        return (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )[day]

    def make_inputs(self, entry: AvailabilityEntry | None) -> list[QWidget]:
        entry = entry or AvailabilityEntry(0, dt.time(9), dt.time(12))
        days = [(self.weekday(day), day) for day in range(7)]
        return [
            _combo(days, entry.weekday),
            _time_edit(entry.start_time),
            _time_edit(entry.end_time),
            _note(entry.note, 200),
        ]

    def entry(self, inputs: list[QWidget]) -> AvailabilityEntry:
        day, start, end, note = inputs
        assert isinstance(day, QComboBox) and isinstance(note, QLineEdit)
        assert isinstance(start, QTimeEdit) and isinstance(end, QTimeEdit)
        return AvailabilityEntry(
            int(day.currentData()), _py_time(start.time()), _py_time(end.time()), note.text()
        )


class AbsenceRows(EntryRows):
    """Periods away: from, to (inclusive), reason."""

    field = "absences"

    def column_widths(self) -> Sequence[int]:
        width = _date_width(self)
        return (width, width, 0)

    def header_texts(self) -> list[str]:
        return [self.tr("From"), self.tr("To"), self.tr("Reason")]

    def row_name(self) -> str:
        return self.tr("Absence")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Absences"))
        self.add_button.setText(self.tr("Add absence"))
        self.hint.setText(self.tr("Holidays, illness: nobody is planned in these days."))
        super().retranslate_ui()

    def make_inputs(self, entry: AbsenceEntry | None) -> list[QWidget]:
        return [
            _date_edit(entry.start_date if entry else None),
            _date_edit(entry.end_date if entry else None),
            _note(entry.reason if entry else "", 200),
        ]

    def entry(self, inputs: list[QWidget]) -> AbsenceEntry:
        start, end, reason = inputs
        assert isinstance(start, DateEdit) and isinstance(end, DateEdit)
        assert isinstance(reason, QLineEdit)
        return AbsenceEntry(start.date(), end.date(), reason.text())  # type: ignore[arg-type]

    def row_errors(self, inputs: list[QWidget]) -> list[str]:
        start, end, _ = inputs
        assert isinstance(start, DateEdit) and isinstance(end, DateEdit)
        errors = []
        if start.date() is None or end.date() is None:
            errors.append(self.tr("Please enter both dates (DD.MM.YYYY)."))
        return errors


class ConsentRows(EntryRows):
    """DSGVO consents: purpose, given on, how, withdrawn on, note."""

    field = "consents"

    def column_widths(self) -> Sequence[int]:
        metrics = self.fontMetrics()
        purpose = max(
            metrics.horizontalAdvance(enum_label(ConsentPurpose, p)) for p in ConsentPurpose
        )
        source = max(metrics.horizontalAdvance(enum_label(ConsentSource, s)) for s in ConsentSource)
        date = _date_width(self)
        return (purpose + 44, date, source + 44, date)

    def header_texts(self) -> list[str]:
        return [
            self.tr("Purpose"),
            self.tr("Given on"),
            self.tr("How"),
            self.tr("Withdrawn on"),
            self.tr("Note (e.g. where the signed form is filed)"),
        ]

    def row_name(self) -> str:
        return self.tr("Consent")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Consents (DSGVO)"))
        self.add_button.setText(self.tr("Add consent"))
        self.hint.setText(
            self.tr(
                "One line per purpose, as it stands now. When consent is withdrawn, enter "
                "the date instead of deleting the line; each change is kept in the history."
            )
        )
        for row in self._rows:
            purpose, _, source, _, _ = row.inputs
            assert isinstance(purpose, QComboBox) and isinstance(source, QComboBox)
            for index, member in enumerate(ConsentPurpose):
                purpose.setItemText(index, enum_label(ConsentPurpose, member))
            for index, member in enumerate(ConsentSource):
                source.setItemText(index, enum_label(ConsentSource, member))
        super().retranslate_ui()

    def make_inputs(self, entry: ConsentEntry | None) -> list[QWidget]:
        if entry is None:
            used = {e.purpose for e in self.entries()}
            purpose = next((p for p in ConsentPurpose if p not in used), ConsentPurpose.STORAGE)
            entry = ConsentEntry(purpose, dt.date.today(), ConsentSource.PHONE)
        withdrawn = _date_edit(entry.withdrawn_on)
        return [
            _combo(
                [(enum_label(ConsentPurpose, p), p.value) for p in ConsentPurpose], entry.purpose
            ),
            _date_edit(entry.given_on),
            _combo([(enum_label(ConsentSource, s), s.value) for s in ConsentSource], entry.source),
            withdrawn,
            _note(entry.note, 500),
        ]

    def entry(self, inputs: list[QWidget]) -> ConsentEntry:
        purpose, given, source, withdrawn, note = inputs
        assert isinstance(purpose, QComboBox) and isinstance(source, QComboBox)
        assert isinstance(given, DateEdit) and isinstance(withdrawn, DateEdit)
        assert isinstance(note, QLineEdit)
        return ConsentEntry(
            ConsentPurpose(purpose.currentData()),
            given.date(),  # type: ignore[arg-type]
            ConsentSource(source.currentData()),
            withdrawn.date(),
            note.text(),
        )

    def give_again(self, purpose: ConsentPurpose | str) -> bool:
        """Turn the withdrawn line of ``purpose`` into a renewed consent given today."""
        for index in range(self.row_count()):
            combo, given, _, withdrawn, note = self.row_inputs(index)
            assert isinstance(combo, QComboBox) and isinstance(note, QLineEdit)
            assert isinstance(given, DateEdit) and isinstance(withdrawn, DateEdit)
            if combo.currentData() == ConsentPurpose(purpose).value and withdrawn.date():
                withdrawn.setDate(None)
                given.setDate(dt.date.today())
                note.clear()
                given.setFocus()
                given.selectAll()
                return True
        return False

    def row_errors(self, inputs: list[QWidget]) -> list[str]:
        _, given, _, withdrawn, _ = inputs
        assert isinstance(given, DateEdit) and isinstance(withdrawn, DateEdit)
        errors = []
        if given.date() is None:
            errors.append(self.tr("Please enter the date of consent (DD.MM.YYYY)."))
        if not withdrawn.is_valid():
            errors.append(
                self.tr("“%1” is not a date (DD.MM.YYYY).").replace("%1", withdrawn.text())
            )
        return errors
